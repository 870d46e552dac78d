"""The index at archive scale (issue 20): the SQLite storage answers like the JSON one, reads only what
a query needs, ingests in proportion to the new quotations, and a JSON index migrates to it in place."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from quotes.index.core import Index
from quotes.index.sqlstore import SQLiteStorage, is_sqlite
from quotes.records import Document, DocResult, Entity, Quote

PEOPLE = ["Nadia Benali", "Tom Hughes", "Gérald Darmanin", "Marie Dupont", "Ana Ruiz"]
WORDS = ["prices", "wages", "justice", "élection", "the", "parliament", "must", "act", "now", "café"]


def results(n: int, prefix: str = "a", start: int = 0) -> list[DocResult]:
    """``n`` articles of three quotations each, dated over two years, with kinds and venues."""
    out = []
    for i in range(start, start + n):
        path = f"{prefix}/{i:04d}.txt"
        text, quotes = f"Article {prefix} {i}.\n", []             # every article its own text
        for j in range(3):
            who = PEOPLE[(i + j) % len(PEOPLE)]
            words = " ".join(WORDS[(i * 7 + j * 3 + k) % len(WORDS)] for k in range(4 + j))
            lead = f'{who} said "'
            s = len(text) + len(lead)
            text += f'{lead}{words}".\n'
            quotes.append(Quote(doc=path, start=s, end=s + len(words), quote=words, speaker=who,
                                kind="partial" if j == 2 else "indirect" if i % 4 == 0 and j == 1 else "direct", speaker_type="person",
                                venue="a rally" if i % 3 == 0 else None))
        date = f"{2024 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        out.append(DocResult(Document(path=path, text=text, date=date, title=f"T{i}"), quotes,
                             [Entity(p, "person", aliases=[p.split()[-1]]) for p in dict.fromkeys(q.speaker for q in quotes)]))
    return out


QUERIES = [dict(), dict(speaker="benali"), dict(speaker="Gerald Darmanin"), dict(speaker="Dupont"),
           dict(doc="a/0003.txt"), dict(doc="0004.txt"), dict(since="2025"), dict(since="2024-03", until="2024-06"),
           dict(until="2024-02-10"), dict(search="justice"), dict(search="cafe prices"), dict(search="elect"),
           dict(kinds=None), dict(kinds=["partial"]), dict(venue="rally"),
           dict(speaker="benali", since="2025", search="act"), dict(speaker="nobody at all")]


def test_sqlite_answers_every_query_as_the_json_index_does(tmp_path):
    data = results(40)
    json_ix, sql_ix = Index(tmp_path / "i.json"), Index(tmp_path / "i.sqlite")
    json_ix.ingest(data)
    sql_ix.ingest(data)
    assert isinstance(sql_ix.storage, SQLiteStorage) and is_sqlite(tmp_path / "i.sqlite")
    for query in QUERIES:
        assert sql_ix.list_quotes(**query) == json_ix.list_quotes(**query), query
    assert sql_ix.list_speakers() == json_ix.list_speakers()
    assert sum(s["reported"] for s in sql_ix.list_speakers()) == 10      # reported statements counted apart
    assert sql_ix.list_quotes(search="justice") and sql_ix.list_quotes(since="2024-03", until="2024-06")
    one = json_ix.list_quotes()[5]
    assert sql_ix.get_quote(one["id"]) == one
    same = lambda d: {k: v for k, v in d.items() if k != "ingested_at"}   # noqa: E731
    assert same(sql_ix.get_document(one["doc_id"])) == same(json_ix.get_document(one["doc_id"]))
    assert sql_ix.stats() == json_ix.stats()


def test_sqlite_rows_carry_fields_it_does_not_know(tmp_path):
    """Rows are JSON documents: a field another version adds (a confidence, say) is kept as it is."""
    ix = Index(tmp_path / "i.sqlite")
    ix.ingest(results(2))
    qid = ix.list_quotes()[0]["id"]
    with ix.storage.transaction():
        ix.storage.patch("quotes", {qid: {"confidence": 0.75, "new_thing": {"a": [1]}}})
    stored = Index(tmp_path / "i.sqlite", readonly=True).storage.rows("quotes", [qid])[qid]
    assert stored["confidence"] == 0.75 and stored["new_thing"] == {"a": [1]}


def test_a_documents_quotations_are_found_by_their_ids_prefix_and_its_id_alone(tmp_path):
    """There is no index on the quotes' ``doc``: a document's quotations are found on the ids' index by the
    10 hex digits every id of theirs starts with, then by the whole document id, so a document that shares
    those digits lends it none of its quotations; the query reads no more than that range."""
    ix = Index(tmp_path / "i.sqlite")
    ix.ingest(results(3))
    mine, other = "abcdef0123456789", "abcdef0123fedcba"          # the same first 10 digits
    with ix.storage.transaction():
        ix.storage.put("quotes", {f"{doc[:10]}-{start}{suffix}": {"doc": doc, "start": start, "end": start + 2,
                                                                  "quote": "we act", "speaker_id": None}
                                  for doc, start, suffix in [(mine, 5, ""), (mine, 5, ".2"), (mine, 40, ""),
                                                             (other, 7, ""), (other, 90, "")]})
        ix.storage._delta = {}
    assert sorted(ix.storage.quote_rows(docs=[mine])) == ["abcdef0123-40", "abcdef0123-5", "abcdef0123-5.2"]
    assert sorted(ix.storage.quote_rows(docs=[other, mine])) == sorted(
        ["abcdef0123-40", "abcdef0123-5", "abcdef0123-5.2", "abcdef0123-7", "abcdef0123-90"])
    doc = ix.list_quotes(doc="a/0001.txt")[0]["doc_id"]
    assert [q["doc_id"] for q in ix.list_quotes(doc="a/0001.txt", kinds=None)] == [doc] * 3
    db, seen = ix.storage._conn(), []
    db.set_trace_callback(seen.append)
    ix.storage.quote_rows(docs=[doc])
    db.set_trace_callback(None)
    select = next(sql for sql in seen if sql.startswith("SELECT q.id"))
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + select))
    assert "SEARCH q USING INDEX sqlite_autoindex_quotes_1 (id>? AND id<?)" in plan and "SCAN q" not in plan, plan


class Reads:
    """Counts the rows a SQLite storage fetches, and refuses to read a whole table."""

    def __init__(self, monkeypatch):
        self.rows = 0
        real_q, real_rows = SQLiteStorage.q, SQLiteStorage.rows

        def q(storage, sql, params=()):
            found = real_q(storage, sql, params)
            self.rows += len(found)
            return found

        def rows(storage, table, ids=None):
            assert ids is not None or table in ("speakers", "corrections", "meta"), f"read all of {table}"
            return real_rows(storage, table, ids)

        monkeypatch.setattr(SQLiteStorage, "q", q)
        monkeypatch.setattr(SQLiteStorage, "rows", rows)
        monkeypatch.setattr(SQLiteStorage, "read", lambda storage: pytest.fail("read the whole index"))


def test_sqlite_queries_read_only_the_rows_they_return(tmp_path, monkeypatch):
    Index(tmp_path / "i.sqlite").ingest(results(200))
    reads = Reads(monkeypatch)
    ix = Index(tmp_path / "i.sqlite", readonly=True)
    for query in [dict(speaker="benali"), dict(doc="a/0003.txt"), dict(since="2024-03", until="2024-03"),
                  dict(search="justice wages")]:
        reads.rows = 0
        found = ix.list_quotes(kinds=None, **query)
        assert found, query
        # the quotations, their documents and speakers, and a few lookups: not the 600 rows of the index
        assert reads.rows <= 3 * len(found) + 20, (query, reads.rows, len(found))
    reads.rows = 0
    assert ix.get_quote(found[0]["id"])["id"] == found[0]["id"] and reads.rows <= 5


def test_sqlite_ingest_reads_in_proportion_to_the_batch_not_the_index(tmp_path, monkeypatch):
    small, big = Index(tmp_path / "small.sqlite"), Index(tmp_path / "big.sqlite")
    small.ingest(results(20))
    big.ingest(results(400))
    counts = []
    reads = Reads(monkeypatch)
    for ix in (small, big):
        reads.rows = 0
        report = ix.ingest(results(10, prefix="new", start=1000))   # new texts
        assert report.added == 10
        counts.append(reads.rows)
    assert counts[1] <= counts[0] + 5, counts


def test_a_json_index_past_the_threshold_becomes_sqlite_in_place_with_a_backup(tmp_path):
    path = tmp_path / "quotes.json"
    ix = Index(path, sqlite_after=200)
    ix.ingest(results(20))                                       # 60 quotations: stays JSON
    ix.merge_speakers("Nadia Benali", "Tom Hughes")              # a correction, to see it carried over
    assert not is_sqlite(path)
    before = Index(path, readonly=True).list_quotes(kinds=None)
    reader = Index(path, readonly=True)                          # a reader opened on the JSON file
    ix.ingest(results(60, start=100))                            # 240 quotations: converted
    assert is_sqlite(path) and isinstance(ix.storage, SQLiteStorage)
    backup = tmp_path / "quotes.json.json.bak"                   # the JSON as it was when converted
    assert len(orjson.loads(backup.read_bytes())["quotes"]) == 240
    after = Index(path, readonly=True)
    assert Index(backup, readonly=True, storage="json").list_quotes(kinds=None) == after.list_quotes(kinds=None)
    assert [q for q in after.list_quotes(kinds=None) if int(q["doc_path"][2:6]) < 20] == before
    assert after.stats()["quotes"] == 240 and after.stats()["corrections"] == 1
    assert reader.stats()["quotes"] == 240                       # picks up the new storage
    assert not list(tmp_path.glob(".quotes.json.*"))             # no temporary file left


def test_a_json_index_of_the_current_version_opens_and_converts_on_request(tmp_path):
    path = tmp_path / "old.json"
    Index(path, storage="json").ingest(results(5))
    old = orjson.loads(path.read_bytes())
    assert old["meta"]["1"]["schema"] == 3
    ix = Index(path)
    assert ix.storage.kind == "json"
    before = ix.list_quotes(kinds=None)
    backup = ix.convert()
    assert backup is not None and orjson.loads(backup.read_bytes()) == old
    assert Index(path).storage.kind == "sqlite" and Index(path).list_quotes(kinds=None) == before


def test_a_forced_json_index_is_never_converted(tmp_path):
    path = tmp_path / "i.json"
    Index(path, storage="json", sqlite_after=10).ingest(results(10))
    assert not is_sqlite(path)


# -- placement on SQLite: candidates by key, cached over batches (quotes.index.candidates) ------------

FIRSTS, LASTS = ["Gérald", "Marie", "Tom", "Ana", "G.", "M."], ["Darmanin", "Dupont", "Ruiz", "Hughes"]
LOCALS = [("the minister", "person"), ("officials", "group"), ("The Ministers", "group"), ("police", "unknown")]
ORGS = ["Ruiz Corp", "Dupont", "Ministry of Justice"]


def tangled(seed: int, n: int, prefix: str = "t", alias_rate: float = 0.8) -> list[DocResult]:
    """``n`` articles whose speakers collide on purpose: full names, bare surnames, initials, types that
    disagree, aliases and roles (``alias_rate``: how often), groups and descriptions scoped to their article,
    pronouns."""
    import random
    rng = random.Random(seed)
    out = []
    for i in range(n):
        path, text, quotes, ents = f"{prefix}/{seed}-{i:03d}.txt", f"Article {prefix} {seed} {i}.\n", [], {}
        for j in range(rng.randint(1, 6)):
            pick = rng.random()
            if pick < 0.45:
                name, type_ = f"{rng.choice(FIRSTS)} {rng.choice(LASTS)}", rng.choice(["person", "person", "unknown"])
            elif pick < 0.65:
                name, type_ = rng.choice(LASTS), rng.choice(["person", "unknown", None])
            elif pick < 0.8:
                name, type_ = rng.choice(LOCALS)
            elif pick < 0.92:
                name, type_ = rng.choice(ORGS), "organization"
            else:
                name, type_ = rng.choice(["he", "She", None]), None
            words = f"words {seed} {i} {j}"
            lead = f"{name} said \""
            s = len(text) + len(lead)
            text += f'{lead}{words}".\n'
            quotes.append(Quote(doc=path, start=s, end=s + len(words), quote=words, speaker=name,
                                kind=rng.choice(["direct", "direct", "partial", "indirect"]), speaker_type=type_))
            if name and name not in ("he", "She") and rng.random() < alias_rate:
                aliases = rng.sample([name.split()[-1], f"{rng.choice(FIRSTS)} {name.split()[-1]}"], rng.randint(0, 2))
                roles = rng.sample(["the mayor", "minister of justice"], rng.randint(0, 1))
                ents[name] = Entity(name, type_ or "unknown", aliases=aliases, roles=roles)
        out.append(DocResult(Document(path=path, text=text), quotes, list(ents.values())))
    return out


def tables(path) -> dict:
    """The speakers and each quotation's speaker and kind, whichever the storage (ingest times left out)."""
    data = Index(path, readonly=True).storage.read()
    speakers = {sid: {k: v for k, v in row.items() if k != "quote_ids"} | {"quote_ids": sorted(row.get("quote_ids", []))}
                for sid, row in data["speakers"].items()}
    return {"speakers": speakers, "quotes": {qid: (q["speaker_id"], q.get("kind")) for qid, q in data["quotes"].items()}}


def test_sqlite_placement_from_candidates_of_one_batch_places_as_the_whole_roster_does(tmp_path):
    """Each article alone, in a new Index (no cache), few aliases: what one batch fetches must be enough.
    At the end, an article comes back after it left the index: its group, kept because a person renamed
    it, is found again in its own article (a scoped speaker from before the batch)."""
    for name in ("i.sqlite", "i.json"):
        for seed in range(8):
            for r in tangled(seed, 25, alias_rate=0.3):
                Index(tmp_path / name).ingest([r])
        ix = Index(tmp_path / name)
        first = tangled(99, 1)[0]
        first.speakers.append(Entity("the officials", "group"))
        first.quotes.append(Quote(doc=first.document.path, start=0, end=7, quote="Article", speaker="the officials",
                                  kind="direct", speaker_type="group"))
        ix.ingest([first])
        group = next(q["speaker_id"] for q in ix.list_quotes(doc=first.document.path) if q["quote"] == "Article")
        ix.rename_speaker(group, "the officials of the town")
        ix.ingest([DocResult(Document(path=first.document.path, text="Other text."), [], [])])   # it leaves
        moved = DocResult(Document(path="elsewhere.txt", text=first.document.text), first.quotes, first.speakers)
        Index(tmp_path / name).ingest([moved])                                                     # it comes back
        assert len(ix.list_quotes(speaker="the officials of the town")) == 1
        for i, e in enumerate([Entity("Zoe Quill", "person"), Entity("Zed Other", "person", aliases=["Zoe Quill"])]):
            text = f'{e.name} said "it {i}".'
            Index(tmp_path / name).ingest([DocResult(Document(path=f"z{i}.txt", text=text), [
                Quote(doc=f"z{i}.txt", start=len(e.name) + 7, end=len(e.name) + 11, quote=f"it {i}", speaker=e.name,
                      kind="direct", speaker_type="person")], [e])])
        assert [s["quotes"] for s in Index(tmp_path / name).find_speakers("Zoe Quill")] == [2]   # by its alias
    assert tables(tmp_path / "i.sqlite") == tables(tmp_path / "i.json")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_sqlite_placement_from_cached_candidates_places_as_the_whole_roster_does(tmp_path, seed):
    """The JSON index matches every batch against every speaker; the SQLite one against the speakers the
    batch's names reach, read once per run. Small batches, corrections between runs, another writer in
    the middle and a changed article re-ingested: the two indexes must be the same, row for row."""
    def run(name: str) -> dict:
        path = tmp_path / name
        ix = Index(path, max_batch=3, flush_seconds=1e9)
        ix.ingest(tangled(seed, 30))
        people = [s for s in ix.list_speakers() if s["type"] == "person" and " " in s["name"]]
        ix.rename_speaker(people[0]["id"], people[0]["name"] + " Jr")
        ix.ingest(tangled(seed + 100, 20))
        Index(path, max_batch=4).ingest(tangled(seed + 200, 10))        # another writer meanwhile
        ix.ingest(tangled(seed + 300, 20))
        again = tangled(seed, 5)                                      # five articles changed: replaced
        for r in again:
            r.document.text += "\n"
        ix.ingest(again)
        return tables(path)

    assert run("i.sqlite") == run("i.json")


def test_a_batch_reads_the_speakers_its_names_reach_not_every_namesake(tmp_path, monkeypatch):
    """Thousands of speakers share a surname (as in bench/run.py index): a batch of full names reads those
    speakers and no other; the next batch of the same run reads none of them again."""
    from quotes.index.sqlstore import SQLiteStorage

    def article(i: int, names: list[str]) -> DocResult:
        text, quotes = "", []
        for n in names:
            s = len(text) + len(n) + 8
            text += f'{n} said "words {i}".\n'
            quotes.append(Quote(doc=f"a/{i}.txt", start=s, end=s + 7 + len(str(i)), quote=f"words {i}", speaker=n,
                                kind="direct", speaker_type="person"))
        return DocResult(Document(path=f"a/{i}.txt", text=text), quotes,
                         [Entity(n, "person", aliases=[n.split()[-1]]) for n in names])

    crowd = [f"Person{i} Darmanin" for i in range(600)]
    ix = Index(tmp_path / "i.sqlite")
    ix.ingest([article(i, crowd[i * 10:i * 10 + 10]) for i in range(60)])
    fetched = []
    real = SQLiteStorage.speakers_for_placement
    monkeypatch.setattr(SQLiteStorage, "speakers_for_placement",
                        lambda self, *a: fetched.append(real(self, *a)) or fetched[-1])
    ix = Index(tmp_path / "i.sqlite", max_batch=2, flush_seconds=1e9)
    ix.ingest([article(1000 + i, crowd[:3] + ["New Person Darmanin"]) for i in range(4)])    # two batches
    assert [len(f) for f in fetched] == [3], [sorted(f) for f in fetched]    # the 3 speakers named; the next batch
                                                                             # has nothing new to ask
    assert [s["quotes"] for s in ix.find_speakers("Person0 Darmanin")] == [5]


def test_an_index_the_previous_version_wrote_is_upgraded_in_place(tmp_path):
    """tests/data/index-f920817.sqlite was written by f920817 (speaker keys without their kind, the quotes'
    speaker index without kind). Read-only it answers as it is; the first writer upgrades it, and
    placement then finds its speakers."""
    import shutil
    import sqlite3

    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).parent / "data" / "index-f920817.sqlite", path)
    before = Index(path, readonly=True)
    speakers, quotes = before.list_speakers(), before.list_quotes(kinds=None)
    assert [s["name"] for s in before.find_speakers("benali")] == ["Nadia Benali"]
    assert "how" not in {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(speaker_keys)")}
    ix = Index(path)
    assert ix.list_speakers() == speakers and ix.list_quotes(kinds=None) == quotes
    columns = {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(speaker_keys)")}
    indexes = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"how", "scope"} <= columns and "quotes_speaker_kind" in indexes and "quotes_speaker" not in indexes
    assert "quotes_doc" not in indexes                # a document's quotations are found by their ids
    report = ix.ingest(results(3, prefix="new"))
    assert report.speakers == 0                     # the old index's people, found by the new key rows
    assert [s["quotes"] for s in ix.find_speakers("Thomas Hughes")] == [7 + 1]
    assert Index(path).list_quotes(speaker="the ministers") == before.list_quotes(speaker="the ministers")


def test_cached_speakers_carry_the_counts_earlier_batches_wrote(tmp_path):
    """Two speakers answer to "Dupont" (an organisation and a person): a speaker of no type goes to the
    one quoted most, so the roster kept over batches must see the counts each batch left."""
    def said(i: int, who: str, type_: str | None) -> DocResult:
        path, text = f"d/{i}.txt", f'{who} said "it {i}".'
        return DocResult(Document(path=path, text=text), [Quote(doc=path, start=len(who) + 7, end=len(who) + 11 + len(str(i)) - 1,
                         quote=f"it {i}", speaker=who, kind="direct", speaker_type=type_)], [Entity(who, type_ or "unknown")])

    for name in ("i.sqlite", "i.json"):
        ix = Index(tmp_path / name, max_batch=1, flush_seconds=1e9)
        ix.ingest([said(0, "Dupont", "organization"), said(1, "Dupont", "person")]
                  + [said(i, "Dupont", "person") for i in range(2, 6)] + [said(9, "Dupont", None)])
        assert [(s["type"], s["quotes"]) for s in ix.list_speakers()] == [("person", 6), ("organization", 1)], name


def test_sqlite_corrections_and_undo_read_only_the_rows_they_change(tmp_path, monkeypatch):
    """Merge, rename, reassign, split, not-a-quote and undo each read the rows they change (and a
    re-ingested quotation's document), never a whole table of quotations, documents or speakers: on an
    index with 1,000 more articles by other people they read no more rows. And they do what they do on
    the JSON index."""
    from quotes.index.sqlstore import SQLiteStorage

    def others(n: int) -> list[DocResult]:
        out = []
        for i in range(n):
            who, path = f"Person{i} Other", f"o/{i}.txt"
            text = f'{who} said "words {i}".'
            out.append(DocResult(Document(path=path, text=text), [Quote(doc=path, start=len(who) + 7, end=len(text) - 2,
                       quote=f"words {i}", speaker=who, kind="direct", speaker_type="person")], [Entity(who, "person")]))
        return out

    indexes = {"small": Index(tmp_path / "small.sqlite"), "big": Index(tmp_path / "big.sqlite"),
               "json": Index(tmp_path / "small.json")}
    for name, ix in indexes.items():
        ix.ingest(results(40) + (others(1000) if name == "big" else []))
    reads = Reads(monkeypatch)
    real_rows, guard = SQLiteStorage.rows, [False]

    def rows(storage, table, ids=None):
        assert not guard[0] or ids is not None or table in ("corrections", "meta"), f"read all of {table}"
        return real_rows(storage, table, ids)

    monkeypatch.setattr(SQLiteStorage, "rows", rows)
    counts, outcome = {}, {}
    for name, ix in indexes.items():
        benali = ix.find_speakers("Nadia Benali")[0]["id"]
        first = ix.list_quotes(speaker=benali)[0]["id"]
        title = ix.list_quotes(speaker="Marie Dupont")[0]["id"]
        two = [q["id"] for q in ix.list_quotes(speaker="Gérald Darmanin")[:2]]
        reads.rows, guard[0] = 0, name != "json"
        done = [ix.rename_speaker("Ana Ruiz", "Ana María Ruiz")["name"], ix.reassign_quote(first, "Tom Hughes")["speaker"],
                ix.mark_not_quote(title, "title")["kind"], ix.split_speaker("Gérald Darmanin", "G. Darmanin Sr", two)["quotes"],
                ix.merge_speakers("Tom Hughes", benali)["quotes"]]
        guard[0] = False
        ix.ingest([DocResult(Document(path=r.document.path, text=r.document.text + "\n"), r.quotes, r.speakers)
                   for r in results(3)])                 # three articles changed: their quotations get new ids
        guard[0] = name != "json"
        done += [ix.undo()["op"] for _ in range(5)]
        guard[0] = False
        counts[name] = reads.rows
        outcome[name] = (done, ix.list_speakers(), [(q["id"], q["speaker_id"], q["kind"]) for q in ix.list_quotes(kinds=None)])
    assert counts["big"] <= counts["small"] + 10, counts
    assert outcome["small"] == outcome["json"]
    assert outcome["small"][0][5:] == ["merge", "split", "kind", "reassign", "rename"]


def test_sqlite_counts_follow_each_change_and_a_row_without_counts_is_counted(tmp_path):
    """Counts are brought up to date from what a transaction changed; a speaker row that holds no
    'reported' count (an older row) is counted from its quotations instead."""
    path = tmp_path / "i.sqlite"
    ix = Index(path)
    ix.ingest(results(40))
    sid = ix.find_speakers("Nadia Benali")[0]["id"]
    with ix.storage.transaction():
        row = ix.storage.rows("speakers", [sid])[str(sid)]
        ix.storage.put("speakers", {sid: {k: v for k, v in row.items() if k not in ("reported", "quotes")}})
    ix.ingest(results(10, prefix="more"))
    json_ix = Index(tmp_path / "i.json")
    json_ix.ingest(results(40) + results(10, prefix="more"))
    assert ix.list_speakers() == json_ix.list_speakers()
