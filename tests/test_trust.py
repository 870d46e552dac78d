"""A citation check a journalist can trust (issue 17): no false passes, no false alarms.

Each case of the issue is a test here: a draft or a ``check`` call, the verdict and the
exit code. The index is what the project's own pipeline makes of the seed article, a
local news story written for these tests (tests/data/check/dock-street.txt) and three
news pages read through the HTML loader (tests/data/news/, from mozilla/readability's
test suite, as in ../shared/news-html/). The done-criteria draft
(tests/data/check/draft-20.md) quotes 20 quotations of those sources, each with its
true speaker, read off the articles; draft-25.md adds five doctored ones.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.cli.common import EXIT_VERDICT

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SOURCES = [ROOT / "fixtures" / "morocco-france-justice.txt", DATA / "check" / "dock-street.txt",
           *sorted((DATA / "news").glob("*.html"))]
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    from quotes.index.core import Index
    from quotes.load import load_documents
    from quotes.pipeline import extract_documents

    path = tmp_path_factory.mktemp("trust") / "index.json"
    docs = list(load_documents([str(p) for p in SOURCES]))
    assert len(docs) == 5 and all(d.text for d in docs), docs  # the news pages went through the HTML loader
    Index(str(path)).ingest(extract_documents(docs, nlp=nlp))
    return path


def check(db, *args):
    res = runner.invoke(app, ["check", *args, "--db", str(db), "--format", "json"])
    return res.exit_code, (json.loads(res.stdout) if res.stdout.strip() else None), res


def verify(db, draft: Path, fmt: str = "json"):
    res = runner.invoke(app, ["verify", str(draft), "--db", str(db), "--format", fmt])
    rows = json.loads(res.stdout) if fmt == "json" and res.stdout.strip() else None
    return res.exit_code, rows, res


def write(tmp_path, text: str, name: str = "draft.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- false passes and lost quotations (cases 1-4: the detector; see also tests/test_detect.py) --

def test_1_an_invented_quote_in_an_opening_paragraph_is_checked(db, tmp_path):
    draft = write(tmp_path, 'Councillor James Okafor said: "The people of Dock Street were asked and they agreed '
                            'with every word of the plan."\n\nThe vote was 7-4.\n', "opening.txt")
    code, rows, res = verify(db, draft)
    assert [r["verdict"] for r in rows] == ["not-found"] and code == EXIT_VERDICT["not-found"], res.stdout


def test_2_a_quotation_across_a_line_break_is_whole(db, tmp_path):
    draft = write(tmp_path, 'The councillor spoke on Tuesday. "The people who live on Dock Street were never asked\n'
                            'what they wanted," said Councillor James Okafor.\n', "wrapped.txt")
    code, rows, _ = verify(db, draft)
    assert [(r["verdict"], r["speaker"]) for r in rows] == [("verbatim", "James Okafor")] and code == 0


def test_3_an_apostrophe_does_not_end_a_quotation_over_paragraphs():
    from quotes.detect.spans import detect

    text = ("Festival director Tom O'Neill said: 'We've waited five years for this. The farmers' field is booked.\n\n"
            "'We will open the gates at nine,' he added.")
    first, second = detect(text)
    assert first.text == "We've waited five years for this. The farmers' field is booked." and first.group == 0
    assert second.group == 0


def test_4_a_mismatched_mark_does_not_swallow_the_next_quotation():
    from quotes.detect.spans import detect

    text = ("'JOHN, you lied to me,\" a shaken Maria Diaz told her brother in court. Judge Harris said the state had "
            "shown \"a clear pattern of deceit\" that justified the order.")
    assert [q.text for q in detect(text)] == ["JOHN, you lied to me,", "a clear pattern of deceit"]


# -- false alarms ---------------------------------------------------------------------------------

def test_5_the_drafts_heading_is_never_the_speaker(db, tmp_path):
    draft = write(tmp_path, '# Draft\n\nOuahbi was upbeat. "We have reached an agreement on all pending issues," '
                            'he said.\n')
    code, rows, _ = verify(db, draft)
    assert [(r["verdict"], r["speaker"]) for r in rows] == [("verbatim", "Ouahbi")] and code == 0
    # and the same pronoun over someone else's words is caught
    draft = write(tmp_path, '# Draft\n\nOuahbi was upbeat. "The cooperation is excellent," he said.\n', "other.md")
    code, rows, _ = verify(db, draft)
    assert [r["verdict"] for r in rows] in (["misattributed"], ["unsure"]) and code == EXIT_VERDICT[rows[0]["verdict"]]


def test_6_a_markdown_link_gives_its_words_and_positions_point_into_the_draft(db, tmp_path):
    text = ("Rabat talks\n\nthe French justice minister [Gérald Darmanin](https://example.org/darmanin) said: "
            "«The cooperation is excellent.»\n")
    draft = write(tmp_path, text)
    code, rows, _ = verify(db, draft)
    assert [(r["verdict"], r["speaker"]) for r in rows] == [("verbatim", "Gérald Darmanin")] and code == 0
    assert text[rows[0]["draft_start"]:rows[0]["draft_end"]] == "The cooperation is excellent."


def test_6_lists_block_quotes_and_emphasis_are_read_as_rendered():
    from quotes.draft import render

    source = "> Okafor said: *\"They were told,\"* and\n> left.\n\n- \"Yes,\" she said.\n"
    text, offsets, _ = render(source)
    assert text == 'Okafor said: "They were told," and left.\n\n"Yes," she said.'
    assert all(source[offsets[i]] == c for i, c in enumerate(text) if c not in " \n")


def test_7_a_possessive_is_not_the_speaker(db, tmp_path):
    draft = write(tmp_path, "Okafor went through the council's figures one by one.\n\nOkafor's list was precise: "
                            '"First, the traffic study was done in August, when the schools were closed and the roads '
                            'were empty."\n')
    code, rows, _ = verify(db, draft)
    assert [(r["verdict"], r["said_by"]) for r in rows] == [("verbatim", "James Okafor")] and code == 0
    assert rows[0]["speaker"] == "Okafor"


@pytest.mark.parametrize("cited, edits", [
    ("[T]he people who live on Dock Street were never asked what they wanted", [("[T]he", "The")]),
    ("I will ask the full council to reverse the decision [Portsmouth City Council] has taken on Dock Street",
     [("[Portsmouth City Council]", "it")]),
    ("They were told, and that is not the same thing [sic]", [("[sic]", "")]),
])
def test_8_editorial_brackets_are_verbatim_edited(db, cited, edits):
    code, out, res = check(db, cited, "--speaker", "Okafor")
    assert (code, out["verdict"], out["edited"]) == (0, "verbatim", True), out
    assert [(e["draft"], e["source"]) for e in out["edits"]] == edits
    table = runner.invoke(app, ["check", cited, "-s", "Okafor", "--db", str(db), "--format", "table"]).stdout
    assert table.startswith("verbatim (edited)")


def test_8_an_ellipsis_lists_the_dropped_words_and_no_ellipsis_is_altered(db):
    code, out, _ = check(db, "First, the traffic study was done in August … Second, the survey asked about parking",
                         "-s", "Okafor")
    assert (code, out["verdict"]) == (0, "verbatim")
    assert out["omitted"] == [", when the schools were closed and the roads were empty."]
    code, out, _ = check(db, "First, the traffic study was done in August. Second, the survey asked about parking",
                         "-s", "Okafor")
    assert (code, out["verdict"]) == (EXIT_VERDICT["altered"], "altered")


def test_8_brackets_standing_for_too_many_words_are_no_edit(db):
    code, out, _ = check(db, "I will ask the full council [to act] on Dock Street", "-s", "Okafor")
    assert out["verdict"] != "verbatim"


def test_9_a_pasted_sentence_is_checked_for_the_words_inside_its_marks(db):
    pasted = '"The people who live on Dock Street were never asked what they wanted," Okafor said.'
    code, out, _ = check(db, pasted)
    assert (code, out["verdict"], out["speaker"], out["said_by"]) == (0, "verbatim", "Okafor", "James Okafor")
    code, out, _ = check(db, pasted, "--speaker", "Whitfield")      # --speaker wins over the sentence
    assert out["verdict"] in ("misattributed", "unsure") and code == EXIT_VERDICT[out["verdict"]]
    assert out["said_by"] == "James Okafor"
    code, out, _ = check(db, '"We cannot grow food without water," said Sarah Whitfield.')
    assert out["verdict"] in ("misattributed", "unsure") and out["said_by"] == "Ellen Marsh"


# -- verdicts that mislead ------------------------------------------------------------------------

@pytest.mark.parametrize("cited, speaker, op, flag", [
    ("The cooperation is terrible", "Darmanin", ("changed", "excellent", "terrible"), "antonym"),
    ("The cooperation was excellent", "Darmanin", ("changed", "is", "was"), None),
    ("They were not told", "Okafor", ("added", "", "not"), "negation"),
    ("We can grow food without water", "Marsh", ("dropped", "not", ""), "negation"),
    ("The plan will not bring two hundred new homes to a street that badly needs them", "Whitfield",
     ("added", "", "not"), "negation"),
])
def test_10_a_word_that_reverses_the_meaning_is_altered_and_flagged(db, cited, speaker, op, flag):
    code, out, _ = check(db, cited, "--speaker", speaker)
    assert (code, out["verdict"]) == (EXIT_VERDICT["altered"], "altered"), out
    assert [(c["op"], c["source"], c["draft"]) for c in out["changes"]] == [op]
    assert out["changes"][0].get("flag") == flag
    if flag:
        assert "reverse the meaning" in out["note"]


def test_10_can_not_is_cannot(db):
    code, out, _ = check(db, "We can not grow food without water", "--speaker", "Marsh")
    assert (code, out["verdict"]) == (0, "verbatim")


def test_10_nothing_close_of_that_speaker_is_not_found(db):
    code, out, _ = check(db, "The cooperation is terrible", "--speaker", "Okafor")
    assert (code, out["verdict"]) == (EXIT_VERDICT["not-found"], "not-found")
    code, out, _ = check(db, "The weather was lovely", "--speaker", "Darmanin")
    assert out["verdict"] == "not-found"


def test_10_the_readme_example(db):
    res = runner.invoke(app, ["check", "The cooperation is terrible", "--speaker", "Darmanin", "--db", str(db),
                              "--format", "table"], env={"COLUMNS": "120"})
    assert res.exit_code == 10
    assert "The cooperation is [-excellent-]{+terrible+}" in res.stdout
    assert "changed  'excellent' -> 'terrible'  <- the opposite word: may reverse the meaning" in res.stdout


def test_11_an_unmarked_omission_reads_as_dropped_words(db):
    code, out, _ = check(db, "First, the traffic study was done in August. Second, the survey asked about parking "
                             "and nothing else", "-s", "Okafor")
    assert (code, out["verdict"]) == (EXIT_VERDICT["altered"], "altered")
    assert [(c["op"], c["source"]) for c in out["changes"]] == [
        ("dropped", ", when the schools were closed and the roads were empty")]


def test_11_joining_two_fragments_says_the_words_between_were_dropped(db):
    code, out, _ = check(db, "We consulted for twelve weeks. The plan will bring two hundred new homes",
                         "-s", "Whitfield")
    assert out["verdict"] == "altered"
    assert [c["op"] for c in out["changes"]] == ["dropped"]
    assert "read every letter" in out["changes"][0]["source"]


def test_12_a_quotation_in_several_articles_lists_every_source_earliest_first(tmp_path, nlp):
    from quotes.index.core import Index
    from quotes.pipeline import extract_documents
    from quotes.records import Document

    body = '"The bridge will be rebuilt before the winter," said Mayor Jane Doe.\n'
    docs = [Document(path="late.txt", text="Later report.\n\n" + body, date="2025-06-02", title="Late"),
            Document(path="early.txt", text="First report.\n\n" + body, date="2025-05-01", title="Early"),
            Document(path="undated.txt", text="Undated report.\n\n" + body, title="Undated")]
    db = tmp_path / "index.json"
    Index(str(db)).ingest(extract_documents(docs, nlp=nlp))
    code, out, _ = check(db, "The bridge will be rebuilt before the winter", "-s", "Doe")
    assert code == 0 and [s["title"] for s in out["sources"]] == ["Early", "Late", "Undated"]
    assert out["title"] == "Early"
    table = runner.invoke(app, ["check", "The bridge will be rebuilt before the winter", "--db", str(db),
                                "--format", "table"]).stdout
    assert "in 3 articles, earliest first:" in table


def test_13_an_empty_quotation_and_a_directory_are_usage_errors(db, tmp_path):
    for empty in ["", "  ", "“ … ”"]:
        res = runner.invoke(app, ["check", empty, "--db", str(db)])
        assert res.exit_code == 2
    res = runner.invoke(app, ["verify", str(tmp_path), "--db", str(db)])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "is a directory" in res.stderr


def test_14_verify_gives_line_and_column_and_wraps_at_word_boundaries(db, tmp_path):
    text = ("# Notes\n\nThe leader spoke.\n\n"
            "  \"The plan will bring two hundred new homes to a street that badly needs them,\" said Sarah Whitfield.\n"
            "\nOkafor replied. \"The people who live on Dock Street were never asked what they never ever wanted,\" "
            "he said.\n")
    draft = write(tmp_path, text)
    res = runner.invoke(app, ["verify", str(draft), "--db", str(db), "--format", "table"], env={"COLUMNS": "80"})
    assert res.exit_code == EXIT_VERDICT["altered"]
    assert f"{draft}:5:4:" in res.stdout and f"{draft}:7:18:" in res.stdout
    lines = res.stdout.splitlines()
    long = [line for line in lines if len(line) > 80]
    assert all(len(max(line.split(), key=len)) > 40 for line in long), long  # only a path too long to break
    assert any("{+never ever+}" in line for line in lines)  # a change is never cut
    code, rows, _ = verify(db, draft)
    assert [(r["line"], r["column"], r["where"]) for r in rows] == [(5, 4, f"{draft}:5:4"), (7, 18, f"{draft}:7:18")]


def test_14_wrap_keeps_words_and_changes_whole():
    from quotes.cli.check import wrap

    line = "  difference:     The cooperation is [-very excellent indeed-]{+quite terrible now+} and more words here"
    out = wrap(line, 40).splitlines()
    assert all("[-very excellent indeed-]{+quite terrible now+}" in l or "[-" not in l for l in out)
    assert " ".join(" ".join(out).split()) == " ".join(line.split())


# -- done when: 20 correctly attributed quotations, and five doctored ones -----------------------

def test_done_twenty_correct_quotations_are_twenty_times_verbatim(db):
    code, rows, res = verify(db, DATA / "check" / "draft-20.md")
    assert len(rows) == 20, res.stdout
    assert [r["verdict"] for r in rows] == ["verbatim"] * 20, [(r["quote"], r["speaker"], r["said_by"]) for r in rows
                                                               if r["verdict"] != "verbatim"]
    assert code == 0
    assert {r["said_by"] for r in rows} >= {"Gérald Darmanin", "Abdellatif Ouahbi", "Habib Essid", "Lotfi Azzouz",
                                            "Ajmi Lourimi", "Martin Indyk", "Robert M. Danin", "Josh Earnest",
                                            "Tyler Besecker", "Bob Alverson", "Ananth Iyer", "Tom Forte"}


DOCTORED = {
    "Our nation is not in danger,": "altered",                                        # a negation
    "On the way to his election victory, Netanyahu broke a lot of dishes in the relationship,": "altered",  # a word
    "Whole Foods will open fifty new stores in Seattle next year,": "not-found",      # invented
    "Whole Foods is one of the better ones,": "misattributed",                        # Wade Bassi's, cited as Forte's
    # reported speech put in marks: the source says Earnest "said the U.S. government was willing to assist …"
    "The U.S. government was willing to assist Tunisian authorities in the investigation,": "reported",
}


def test_done_five_doctored_quotations_get_exactly_their_verdicts(db):
    code, rows, _ = verify(db, DATA / "check" / "draft-25.md")
    assert len(rows) == 25
    assert [r["verdict"] for r in rows[:20]] == ["verbatim"] * 20
    got = {r["quote"]: r["verdict"] for r in rows[20:]}
    assert {q: got[q] for q in DOCTORED} == DOCTORED
    negation = next(r for r in rows if r["quote"] == "Our nation is not in danger,")
    assert negation["changes"] == [{"op": "added", "draft": "not", "source": "", "flag": "negation"}]
    assert code == max(EXIT_VERDICT[v] for v in got.values())
