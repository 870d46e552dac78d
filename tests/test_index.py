"""The Index API: ingest (unchanged, replaced), cross-document speakers, filters, and its invariants."""
from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.index.core import Index
from quotes.records import Document, DocResult, Entity, Quote, Span

DARMANIN = Entity("Gérald Darmanin", "person", aliases=["Darmanin"], roles=["French Minister of Justice"])


def article(path: str, said: list[tuple[str, str | None]], entities: list[Entity] = (), *, kind: str = "direct",
            venue: str | None = None, date: str | None = None, extra: str = "") -> DocResult:
    """A DocResult whose text holds each quotation with its speaker, offsets true to the text."""
    text, quotes = extra, []
    for words, who in said:
        lead = f"{who or 'Someone'} said \""
        start = len(text) + len(lead)
        text += f"{lead}{words}\".\n"
        quotes.append(Quote(doc=path, start=start, end=start + len(words), quote=words, speaker=who, kind=kind,
                            venue=venue, speaker_mention=Span(start - len(lead), start - len(lead) + len(who or "x"), who or "x"),
                            sentence=f"{who} said \"{words}\"."))
    known = {e.name for e in entities}
    ents = list(entities) + [Entity(w, "person") for _, w in said if w and w not in known and w[0].isupper()]
    unique = list({e.name: e for e in ents}.values())
    return DocResult(Document(path=path, text=text, date=date, title=f"Title of {path}"), quotes, unique)


def check_invariants(path) -> dict:
    """What must hold in any index file: every quote's document and speaker exist; counts are true."""
    data = Index(path, readonly=True).storage.read()      # the whole index, whichever the storage
    quotes, docs, speakers = data.get("quotes", {}), data.get("documents", {}), data.get("speakers", {})
    for qid, q in quotes.items():
        assert q["doc"] in docs and qid in docs[q["doc"]]["quote_ids"]
        assert q["speaker_id"] is None or str(q["speaker_id"]) in speakers
    for h, d in docs.items():
        assert all(qid in quotes for qid in d["quote_ids"])          # no document without its quotes
    for sid, s in speakers.items():
        mine = [qid for qid, q in quotes.items() if q["speaker_id"] == int(sid)]
        assert s["quotes"] == len(mine) and sorted(s["quote_ids"]) == sorted(mine)
    return data


#: Every test of this file runs against both storages (the name picks it: see Index).
STORAGES = ["index.json", "index.sqlite"]


@pytest.fixture(params=STORAGES)
def db(tmp_path, request):
    return tmp_path / request.param


def test_ingest_stores_documents_quotes_and_speakers(db):
    r = article("a.txt", [("We act now", "Gérald Darmanin"), ("We agree", "Abdellatif Ouahbi")], [DARMANIN])
    report = Index(db).ingest([r])
    assert (report.added, report.quotes, report.speakers) == (1, 2, 2)
    index = Index(db, readonly=True)
    rows = index.list_quotes()
    assert [r["quote"] for r in rows] == ["We act now", "We agree"]
    row = rows[0]
    assert row["speaker"] == "Gérald Darmanin" and row["doc_path"] == "a.txt" and row["title"] == "Title of a.txt"
    assert row["speaker_mention"]["text"] == "Gérald Darmanin"
    assert r.document.text[row["start"]:row["end"]] == row["quote"]
    assert index.get_quote(row["id"]) == row
    assert index.has_document(r.document.hash) and not index.has_document("0" * 64)
    check_invariants(db)


def test_unchanged_document_adds_nothing_and_changed_one_replaces(db):
    first = article("a.txt", [("Old words", "Nadia Benali")])
    index = Index(db)
    index.ingest([first])
    before = db.read_bytes()
    report = index.ingest([first])
    assert (report.unchanged, report.added, report.quotes) == (1, 0, 0) and db.read_bytes() == before
    report = index.ingest([article("a.txt", [("New words", "Nadia Benali")])])
    assert (report.replaced, report.quotes) == (1, 1)
    assert [r["quote"] for r in index.list_quotes()] == ["New words"]
    assert index.stats()["documents"] == 1
    check_invariants(db)


def test_one_text_in_two_files_is_one_document_that_outlives_either(db):
    index = Index(db)
    same = article("a.txt", [("Shared words", "Nadia Benali")])
    copy = DocResult(Document(path="b.txt", text=same.document.text), same.quotes, same.speakers)
    assert index.ingest([same]).added == 1
    assert index.ingest([copy.document]).unchanged == 1           # known text: only the path is recorded
    assert index.get_document("b.txt")["paths"] == ["b.txt", "a.txt"]      # the newest first
    index.ingest([article("a.txt", [("Other words", "Nadia Benali")])])
    assert sorted(r["quote"] for r in index.list_quotes()) == ["Other words", "Shared words"]
    assert index.get_document("b.txt")["path"] == "b.txt"
    check_invariants(db)


def test_same_person_across_documents_is_one_speaker(db):
    index = Index(db)
    index.ingest([article("a.txt", [("One", "Gérald Darmanin")], [DARMANIN])])
    index.ingest([article("b.txt", [("Two", "Darmanin")]), article("c.txt", [("Three", "GERALD DARMANIN")])])
    speakers = index.list_speakers()
    assert [(s["name"], s["quotes"]) for s in speakers] == [("Gérald Darmanin", 3)]
    for name in ("darmanin", "Gerald Darmanin", "gérald darmanin", "French Minister of Justice", str(speakers[0]["id"])):
        assert len(index.list_quotes(speaker=name)) == 3, name
    check_invariants(db)


def test_a_surname_shared_by_two_people_joins_neither(db):
    index = Index(db)
    index.ingest([article("a.txt", [("One", "Gérald Darmanin")]), article("b.txt", [("Two", "Marie Darmanin")])])
    index.ingest([article("c.txt", [("Three", "Darmanin")])])
    names = {s["name"]: s["quotes"] for s in index.list_speakers()}
    assert names == {"Gérald Darmanin": 1, "Marie Darmanin": 1, "Darmanin": 1}
    assert {r["speaker"] for r in index.list_quotes(speaker="Marie Darmanin")} == {"Marie Darmanin"}


def test_a_full_name_completes_a_speaker_known_by_surname(db):
    index = Index(db)
    index.ingest([article("a.txt", [("One", "Ouahbi")])])
    index.ingest([article("b.txt", [("Two", "Abdellatif Ouahbi")])])
    [speaker] = index.list_speakers()
    assert speaker["name"] == "Abdellatif Ouahbi" and "Ouahbi" in speaker["aliases"] and speaker["quotes"] == 2


def test_initials_join_the_one_person_they_abbreviate(db):
    index = Index(db)
    index.ingest([article("a.txt", [("One", "Gérald Darmanin")]), article("b.txt", [("Two", "G. Darmanin")])])
    assert [(s["name"], s["quotes"]) for s in index.list_speakers()] == [("Gérald Darmanin", 2)]
    index.ingest([article("c.txt", [("Three", "Gabriel Darmanin")]), article("d.txt", [("Four", "G. Darmanin")])])
    assert {s["name"]: s["quotes"] for s in index.list_speakers()} == {
        "Gérald Darmanin": 3, "Gabriel Darmanin": 1}   # "G. Darmanin" is now an alias of Gérald: it stays his


def test_groups_and_descriptions_stay_in_their_article(db):
    index = Index(db)
    officials = Entity("officials", "group")
    index.ingest([article("a.txt", [("One", "officials")], [officials]),
                  article("b.txt", [("Two", "officials")], [officials])])
    assert [s["quotes"] for s in index.list_speakers()] == [1, 1]


def test_pronouns_nobody_resolved_are_unattributed(db):
    index = Index(db)
    index.ingest([article("a.txt", [("Words", "he")])])
    [row] = index.list_quotes()
    assert row["speaker"] is None and row["speaker_id"] is None and row["speaker_mention"]["text"] == "he"
    assert index.list_speakers() == []


def test_filters(db):
    index = Index(db)
    index.ingest([
        article("2024/a.txt", [("Prices will fall", "Nadia Benali")], venue="a press conference", date="2024-11-02"),
        article("2025/b.txt", [("Wages will rise", "Nadia Benali"), ("No comment", "Tom Hughes")],
                venue="an interview with Le Monde", date="2025-04-14"),
        article("c.txt", [("Certainly not", "Tom Hughes")], kind="scare"),
    ])
    q = lambda **kw: sorted(r["quote"] for r in index.list_quotes(**kw))  # noqa: E731
    assert q(speaker="benali") == ["Prices will fall", "Wages will rise"]
    assert q(doc="b.txt") == ["No comment", "Wages will rise"] == q(doc="2025/b.txt")
    assert q(venue="LE MONDE") == ["No comment", "Wages will rise"]
    assert q(since="2025") == ["No comment", "Wages will rise"] and q(until="2024-12") == ["Prices will fall"]
    assert q(since="2024-11-02", until="2024-11-02") == ["Prices will fall"]
    assert q(search="will RISE") == ["Wages will rise"] and q(search="rise fall") == []
    assert q(speaker="hughes") == ["No comment"]
    assert q(speaker="hughes", kinds=None) == ["Certainly not", "No comment"]
    assert q(speaker="benali", doc="a.txt") == ["Prices will fall"]
    assert index.find_speakers("nobody") == [] and q(speaker="nobody") == []


def test_get_document_by_id_prefix_or_path(db):
    r = article("dir/a.txt", [("One", "Nadia Benali")])
    index = Index(db)
    index.ingest([r])
    doc = index.get_document("dir/a.txt")
    assert doc["hash"] == r.document.hash and doc["quotes"] == 1
    assert index.get_document(doc["id"][:8]) == doc == index.get_document("a.txt")
    assert index.get_document("missing.txt") is None


def test_finished_batches_survive_a_failing_source(db):
    def results():
        yield article("a.txt", [("One", "Nadia Benali")])
        yield article("b.txt", [("Two", "Nadia Benali")])
        raise RuntimeError("the parser died")

    index = Index(db, flush_seconds=0)
    with pytest.raises(RuntimeError):
        index.ingest(results())
    assert Index(db).stats()["documents"] == 2
    check_invariants(db)


def test_batches_are_few_writes_not_one_per_quote(db, monkeypatch):
    from quotes.index import storage

    if db.suffix != ".json":
        pytest.skip("counts JSON file writes")

    writes = []
    real = storage.atomic_write
    monkeypatch.setattr(storage, "atomic_write", lambda p, b: (writes.append(len(b)), real(p, b)))
    Index(db).ingest(article(f"{i}.txt", [(f"Words {i} {j}", f"Person {j}") for j in range(5)]) for i in range(200))
    assert len(writes) <= 2 and Index(db).stats()["quotes"] == 1000


names = st.sampled_from(["Gérald Darmanin", "Darmanin", "Marie Darmanin", "Nadia Benali", "Benali", "he", None,
                         "the ministers"])
docs = st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"]),
                          st.lists(st.tuples(st.sampled_from(["yes", "no", "maybe", "we will"]), names),
                                   min_size=0, max_size=4)), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(docs, min_size=1, max_size=3))
@pytest.mark.parametrize("name", STORAGES)
def test_any_sequence_of_ingests_keeps_the_index_consistent(tmp_path_factory, batches, name):
    path = tmp_path_factory.mktemp("prop") / name
    index = Index(path, flush_seconds=0)
    latest = {}
    for batch in batches:
        results = [article(p, said) for p, said in batch]
        index.ingest(results)
        for r in results:
            latest[r.document.path] = r
    data = check_invariants(path)
    assert sorted(p for d in data["documents"].values() for p in d["paths"]) == sorted(latest)
    texts = {r.document.text: r for r in latest.values()}             # one text is one document
    expected = sorted(q.quote for r in texts.values() for q in r.quotes)
    assert sorted(q["quote"] for q in data.get("quotes", {}).values()) == expected


def _quote_row_by_pairs(q: Quote, doc_hash: str, speaker_id: int | None) -> dict:
    """The stored quotation row as a loop over (field, value) pairs: what quote_row, written out
    field by field for speed, must give."""
    row: dict = {}
    for k, v in (("doc", doc_hash), ("start", q.start), ("end", q.end), ("quote", q.quote)):
        if v is not None and v != "":
            row[k] = v
    row["speaker_id"] = speaker_id
    for name, span in (("mention", q.speaker_mention), ("cue", q.cue)):
        if span is not None:
            if span.text is not None and span.text != "":
                row[name] = span.text
            if span.start is not None:
                row[f"{name}_start"] = span.start
            if span.end is not None:
                row[f"{name}_end"] = span.end
    for k, v in (("venue", q.venue), ("kind", q.kind), ("sentence", q.sentence), ("closed", None if q.closed else False),
                 ("group", q.group), ("speaker_type", q.speaker_type), ("within", q.within),
                 ("confidence", q.confidence), ("rule", q.rule), ("resolution", q.resolution)):
        if v is not None and v != "":
            row[k] = v
    return row


_maybe_text = st.one_of(st.none(), st.just(""), st.text(max_size=5))
_maybe_int = st.one_of(st.none(), st.integers(0, 50))
_spans = st.one_of(st.none(), st.builds(Span, _maybe_int, _maybe_int, _maybe_text))


@settings(max_examples=300, deadline=None)
@given(st.builds(Quote, doc=st.just("d"), start=st.integers(0, 99), end=st.integers(0, 99), quote=_maybe_text,
                 speaker=_maybe_text, speaker_mention=_spans, cue=_spans, venue=_maybe_text, kind=_maybe_text,
                 speaker_type=_maybe_text, sentence=_maybe_text, closed=st.booleans(), group=_maybe_int,
                 within=_maybe_int, confidence=st.one_of(st.none(), st.floats(0, 1)), rule=_maybe_text,
                 resolution=_maybe_text),
       st.one_of(st.none(), st.just(""), st.just("0123456789abcdef")), _maybe_int)
def test_a_stored_quotation_row_keeps_its_fields_in_order_and_leaves_out_the_empty(q, doc_hash, speaker_id):
    from quotes.index.rows import quote_row
    row = quote_row(q, doc_hash, speaker_id)
    expected = _quote_row_by_pairs(q, doc_hash, speaker_id)
    assert row == expected and list(row) == list(expected)
