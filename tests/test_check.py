"""quotes.check.verdict over quote rows built by hand: each verdict, typography, partial citations, omissions."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.check.verdict import ALTERED, MISATTRIBUTED, NOT_FOUND, VERBATIM, Checker, check
from quotes.check.normalize import segments, strip_marks, tokens
from quotes.check.speakers import names_match, role_match
from quotes.lexicon.names import named

DARMANIN = "Gérald Darmanin"
OUAHBI = "Abdellatif Ouahbi"
LONG = ("Even during periods of tension, joint actions have always been carried out between Moroccan and "
        "French justice systems, and the work of our magistrates, our police officers and our intelligence "
        "services never stopped for a single day.")
ROWS = [
    {"id": 1, "quote": "We have reached an agreement on all pending issues,", "speaker": OUAHBI,
     "speaker_id": "ouahbi", "start": 2900, "end": 2951, "doc_path": "seed.txt", "title": "Seed"},
    {"id": 2, "quote": "The cooperation is excellent,", "speaker": DARMANIN, "speaker_id": "darmanin",
     "start": 2300, "end": 2329, "doc_path": "seed.txt"},
    {"id": 3, "quote": "We seize many assets – houses, apartments, cars, sometimes cryptocurrencies – but we "
                       "confiscate relatively few on both sides of the Mediterranean. This must absolutely be improved,",
     "speaker": DARMANIN, "speaker_id": "darmanin", "start": 5000, "end": 5176},
    {"id": 4, "quote": LONG, "speaker": DARMANIN, "speaker_id": "darmanin", "start": 100, "end": 100 + len(LONG)},
    {"id": 5, "quote": "They have not been subjected to any breaches or data leaks,", "speaker": None,
     "speaker_id": None, "start": 9000, "end": 9058},
]
SPEAKERS = [
    {"id": "darmanin", "name": DARMANIN, "aliases": ["Darmanin", "the French minister"], "roles": ["French Minister of Justice"]},
    {"id": "ouahbi", "name": OUAHBI, "aliases": ["Ouahbi"], "roles": ["Moroccan Minister of Justice"]},
]


def run(quote, speaker=None):
    return check(quote, ROWS, speaker, SPEAKERS)


@pytest.mark.parametrize("cited", [
    "We have reached an agreement on all pending issues,",
    "We have reached an agreement on all pending issues.",           # full stop for the comma
    "we have reached an agreement on ALL pending issues",            # case
    "“We have reached an agreement on all pending issues”",          # curly marks around it
    "'We  have reached\nan agreement on all pending   issues,'",     # whitespace, straight marks
])
def test_typography_is_not_a_change(cited):
    v = run(cited, "Abdellatif Ouahbi")
    assert v.verdict == VERBATIM
    assert v.said_by == OUAHBI
    assert v.source == "We have reached an agreement on all pending issues"


def test_dashes_and_apostrophes_fold():
    v = run("We seize many assets - houses, apartments, cars, sometimes cryptocurrencies—but we confiscate", "Darmanin")
    assert v.verdict == VERBATIM


def test_offsets_point_into_the_document():
    v = run("all pending issues", "Ouahbi")
    row = ROWS[0]
    assert v.verdict == VERBATIM
    assert (v.start - row["start"], v.end - row["start"]) == (row["quote"].index("all pending"), row["quote"].index(","))


def test_partial_citation_is_verbatim():
    v = run("confiscate relatively few on both sides of the Mediterranean", "Darmanin")
    assert v.verdict == VERBATIM
    assert v.row["id"] == 3


@pytest.mark.parametrize("mark", ["…", "...", "[…]", "[...]", " (...) "])
def test_marked_omission_is_allowed_and_shown(mark):
    v = run(f"We seize many assets{mark}but we confiscate relatively few", "Darmanin")
    assert v.verdict == VERBATIM
    assert v.omitted == ["– houses, apartments, cars, sometimes cryptocurrencies –"]
    assert "houses" in v.diff and "omission" in v.note


def test_omission_pieces_must_keep_their_order():
    v = run("but we confiscate relatively few … We seize many assets", "Darmanin")
    assert v.verdict != VERBATIM


def test_one_word_changed_in_a_long_quote_is_altered():
    words = LONG.split()
    assert len(words) >= 30
    words[words.index("French")] = "Spanish"
    v = run(" ".join(words), "Darmanin")
    assert v.verdict == ALTERED
    assert [(c.op, c.source, c.draft) for c in v.changes] == [("changed", "French", "Spanish")]
    assert "[-French-]{+Spanish+}" in v.diff
    assert v.source.startswith("Even during periods of tension")


def test_unmarked_drop_and_addition_are_changes():
    v = run("Even during periods of tension, joint actions have been carried out between Moroccan and French "
            "justice systems and the work of our magistrates, our brave police officers", "Darmanin")
    assert v.verdict == ALTERED
    ops = {(c.op, c.source or c.draft) for c in v.changes}
    assert ("dropped", "always") in ops and ("added", "brave") in ops


def test_said_by_someone_else_is_misattributed():
    v = run("The cooperation is excellent", "Ouahbi")
    assert v.verdict == MISATTRIBUTED
    assert v.said_by == DARMANIN


def test_source_without_speaker_is_not_confirmed():
    v = run("They have not been subjected to any breaches", "Ouahbi")
    assert v.verdict == MISATTRIBUTED
    assert v.said_by is None and "does not say who" in v.note


def test_without_a_speaker_found_words_are_verbatim():
    assert run("The cooperation is excellent").verdict == VERBATIM


@pytest.mark.parametrize("speaker", ["Darmanin", "gerald darmanin", "GÉRALD DARMANIN", "the French minister",
                                     "the justice minister"])
def test_speaker_names_aliases_and_roles(speaker):
    assert run("The cooperation is excellent", speaker).verdict == VERBATIM


def test_another_role_is_not_the_speaker():
    assert run("The cooperation is excellent", "the interior minister").verdict == MISATTRIBUTED


def test_index_resolved_ids_count_as_the_speaker():
    v = Checker(ROWS).check("The cooperation is excellent", "the interior minister", speaker_ids=["darmanin"])
    assert v.verdict == VERBATIM


def test_unrelated_sentence_is_not_found():
    v = run("The weather in Rabat was mild and the markets were busy with tourists", "Darmanin")
    assert v.verdict == NOT_FOUND
    assert v.row is None


def test_one_word_flipped_in_a_five_word_quote_is_altered():
    v = run("We have reached an understanding", "Ouahbi")
    assert v.verdict == ALTERED
    assert [(c.source, c.draft) for c in v.changes] == [("agreement", "understanding")]


def test_short_near_miss_of_nobody_in_particular_is_not_found():
    """Four words with one changed match some quotation by chance too often to call it altered,
    unless the speaker named said the other three (see the tests of issue 17 below)."""
    assert run("The cooperation is poor").verdict == NOT_FOUND
    assert run("The cooperation is poor", "Ouahbi").verdict == NOT_FOUND


def test_short_near_miss_of_the_speaker_named_is_altered_and_flagged():
    v = run("The cooperation is poor", "Darmanin")
    assert v.verdict == ALTERED and v.said_by == DARMANIN
    assert [(c.op, c.source, c.draft, c.flag) for c in v.changes] == [("changed", "excellent", "poor", "antonym")]
    assert "reverse the meaning" in v.note


def test_short_citations_need_more_similarity():
    from quotes.check.verdict import ALTERED_MIN, altered_min

    assert altered_min(4) > 0.75 >= altered_min(8) and altered_min(100) == pytest.approx(ALTERED_MIN + 0.01)


def test_altered_by_someone_else_says_so():
    v = run("We have reached an agreement on all the outstanding issues", "Darmanin")
    assert v.verdict == ALTERED
    assert v.said_by == OUAHBI and "not Darmanin" in v.note


def test_empty_quote_is_not_found():
    assert run("“ … ”").verdict == NOT_FOUND


def test_to_dict_is_json_ready():
    import json

    d = run("We have reached a deal on all pending issues", "Ouahbi").to_dict()
    assert json.loads(json.dumps(d))["changes"] == [{"op": "changed", "draft": "a deal", "source": "an agreement"}]
    assert d["verdict"] == ALTERED and d["quote_id"] == 1


def test_normalize_helpers():
    assert strip_marks(" «“Yes”» ") == "Yes"
    assert segments("a b … c d [...] e") == ["a b", "c d", "e"]
    assert [t.norm for t in tokens("“Don’t—stop,”")] == ["don't", "-", "stop"]
    assert named("he") is None and named("Darmanin") == "Darmanin"
    assert names_match("Darmanin", "Gérald Darmanin") and not names_match("Brigitte Macron", "Emmanuel Macron")
    assert names_match("Gérald", "Gerald Darmanin") and not names_match("Brigitte", "Emmanuel Macron")
    assert names_match("Gérald", "Gerald") and not names_match("Gerald Ford", "Gerald Darmanin")
    assert role_match("the justice minister", "French Minister of Justice")
    assert not role_match("the interior minister", "French Minister of Justice") and not role_match("the", "The Boss")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(WORD, min_size=4, max_size=30), data=st.data())
def test_any_sub_span_in_any_typography_is_verbatim(words, data):
    row = {"id": 1, "quote": " ".join(words) + ",", "speaker": DARMANIN, "start": 0}
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    cited = " ".join(words[i:j])
    cited = data.draw(st.sampled_from([cited, cited.upper(), f"“{cited}.”", f"'{cited}'", f"  {cited} ,"]))
    assert check(cited, [row], "Darmanin").verdict == VERBATIM


@settings(max_examples=60, deadline=None)
@given(words=st.lists(WORD, min_size=10, max_size=30), data=st.data())
def test_one_new_word_is_never_verbatim_and_is_named(words, data):
    row = {"id": 1, "quote": " ".join(words), "speaker": DARMANIN, "start": 0}
    i = data.draw(st.integers(0, len(words) - 1))
    changed = list(words)
    changed[i] = "zzzz" + words[i]                              # a word the source does not have
    v = check(" ".join(changed), [row], "Darmanin")
    assert v.verdict == ALTERED
    assert any(c.draft == changed[i] for c in v.changes)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fast_norms_agree_with_tokens(text):
    from quotes.check.normalize import norms

    assert norms(text) == [t.norm for t in tokens(text)]


TEXT = ("'The more we dialogue,' he said, 'the more we are able to prevent tragedies.' Later Ouahbi said "
        "'We agree.' Darmanin added: 'This must absolutely be improved.'")
DOC_ROWS = [
    {"id": i, "quote": q, "speaker": who, "speaker_id": who, "doc_id": "d1", "start": TEXT.index(q),
     "end": TEXT.index(q) + len(q)}
    for i, (q, who) in enumerate([("The more we dialogue,", DARMANIN),
                                  ("the more we are able to prevent tragedies.", DARMANIN),
                                  ("We agree.", OUAHBI), ("This must absolutely be improved.", DARMANIN)])
]


def test_a_quote_interrupted_by_its_attribution_is_verbatim_whole():
    v = check("The more we dialogue, the more we are able to prevent tragedies", DOC_ROWS, "Darmanin")
    assert v.verdict == VERBATIM
    assert (v.start, v.end) == (TEXT.index("The more"), TEXT.index("tragedies") + len("tragedies"))
    assert v.source == "The more we dialogue, / the more we are able to prevent tragedies"
    assert "2 quotations" in v.note


def test_omission_may_join_two_quotations_of_one_speaker_only():
    v = check("The more we dialogue … This must absolutely be improved", DOC_ROWS, "Darmanin")
    assert v.verdict == VERBATIM
    assert v.end == TEXT.index("improved") + len("improved")
    assert v.omitted and "tragedies" in v.omitted[0]
    assert check("We agree … This must absolutely be improved", DOC_ROWS, "Darmanin").verdict != VERBATIM


def test_an_interrupted_quote_with_a_changed_word_is_altered():
    v = check("The more we talk, the more we are able to prevent tragedies", DOC_ROWS, "Darmanin")
    assert v.verdict == ALTERED
    assert [(c.source, c.draft) for c in v.changes] == [("dialogue", "talk")]


def test_a_speaker_the_index_does_not_know_is_said_so():
    v = run("The cooperation is excellent", "Emmanuel Macron")
    assert v.verdict == MISATTRIBUTED and "no speaker in the index answers to Emmanuel Macron" in v.note
    assert run("The cooperation is excellent", "Darmanin").note is None


def test_the_diff_reads_as_a_person_would():
    dropped = run("We have reached an agreement on issues", "Ouahbi")
    assert [(c.op, c.source) for c in dropped.changes] == [("dropped", "all pending")]
    ending = check("the more we are able to prevent disasters", DOC_ROWS, "Darmanin")
    assert [(c.op, c.source, c.draft) for c in ending.changes] == [("changed", "tragedies", "disasters")]


def test_misattributed_names_everyone_the_index_has_saying_it():
    rows = ROWS + [dict(ROWS[1], id=9, speaker="Mohamed Abdennabaoui", speaker_id="m", start=7000)]
    v = check("The cooperation is excellent", rows, "Ouahbi", SPEAKERS)
    assert v.verdict == MISATTRIBUTED
    assert {v.said_by, v.note.split("also attributed to ")[1]} == {DARMANIN, "Mohamed Abdennabaoui"}
