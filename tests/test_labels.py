"""Speaker labels (quotes/labels.py): transcripts, digests, fact checks and vox pops name the
speaker beside the quote, with no verb of saying."""
from __future__ import annotations

import pytest

from test_attribute import attributions, only


@pytest.mark.parametrize("text, speaker", [
    # transcript and debate-digest style: the name and a colon before the quote
    ("Both reject the term containment.\n\nClinton: \"Our goal is not to deter or contain ISIS, but to defeat it.\" "
     "Bush: \"The mission is to destroy ISIS -- not to contain it.\"\n", "Bush"),
    # a poll digest: a headline, a dash, the author and a colon
    ("RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: “Gallup’s analysis of party "
     "affiliation at the state level shows a shift.”\n", "Jeffrey M. Jones"),
    # a fact check: the quote is a paragraph, the speaker the dash line under it
    ("\"Boeing and GE and other multinationals . . . pay zero taxes.\"\n\n- Bernie Sanders.\n\n"
     "This is a complex issue, subject to fierce debate.\n", "Bernie Sanders"),
])
def test_speaker_label(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][-1]
    assert a.sieve == "label" and a.mention.text == speaker


@pytest.mark.parametrize("dash", ["―", "—", "–"])
def test_dash_credit_closing_the_quote_line(nlp, dash):
    # a reader-reaction digest (PolNeAR dev, HuffPost): each quote is a line, credited at its end
    text = (f"Getty/Instagram.\n\n“Mr. Trump embodies the lasting legacy of racism in the United States.” {dash} Sonya Herridge\n"
            f"“During the debate Trump said Hispanics live in hell. He is ignorant of our culture.”{dash} Pamela Padilla \n"
            "“The most unqualified child to ever run for president.” " + dash + " Francisco Herrero.\n")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == \
        ["Sonya Herridge", "Pamela Padilla", "Francisco Herrero"]
    assert {a.sieve for a in atts} == {"label"}


def test_a_dash_and_more_words_after_a_quote_is_no_credit(nlp):
    text = "“We will win,” he said — Trump, that is, who spoke for an hour.\n"
    a = only(nlp, text)
    assert a.sieve != "label" and a.mention.text == "he"


def test_speaker_label_not_an_addressee(nlp):
    a = only(nlp, "He told CNN: \"We are fine with the plan.\"\n")  # CNN is the one spoken to
    assert a.mention.text == "He"


def test_dash_line_under_a_sentence_is_not_a_label(nlp):
    text = "Trump called him \"my African American.\"\n\n- Reuters.\n"  # a wire credit under the writer's sentence
    assert all(a.mention is None or a.mention.text != "Reuters" for a in attributions(nlp, text))


def test_speaker_label_with_two_names(nlp):
    text = ("IOWA POLLS MISSED THE LATE SHIFT - Mark Blumenthal and Jon Cohen: “There was a lot shifting on the "
            "ground in Iowa.”\n")
    a = only(nlp, text)
    assert a.sieve == "label" and a.mention.text == "Mark Blumenthal and Jon Cohen"


@pytest.mark.parametrize("text, speaker", [
    ("What that means for this year - More from Jones: “The partisanship of the state population is a starting "
     "point.”\n", "Jones"),
    ("Bush endorsed Cruz.\n\nFrom Bush's Facebook post: \"For the sake of our party and country, we must move to "
     "overcome the divisiveness.\"\n", "Bush's Facebook post"),
])
def test_from_label(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve == "label" and a.mention.text == speaker


def _mentions(nlp, text):
    """(quoted text, mention, sieve) of every direct or partial quote of ``text``."""
    return [(a.span.text, a.mention.text if a.mention is not None else None, a.sieve)
            for a in attributions(nlp, text) if a.kind in ("direct", "partial")]


# -- vox pops: a dash and the name closing the quote's line -----------------------------------

def test_vox_pop_credits(nlp):
    # PolNeAR dev, HuffPost: a no-break space after the dash, a paragraph opening with '”', a
    # nested quote that cuts the marks apart, and a credit with a full stop before a photo credit
    text = ("Getty/Instagram.\n\n“Mr. Trump shows no respect for anybody. He is not fit to lead.” ―\u00a0Maria Lopez\n"
            "“He can’t even answer a question without scaring people.” ― Esther Tapia\u00a0\n"
            "”What is most infuriating is that he draws attention away from the issues.” ―\u00a0Nell Carden Grey\n"
            "“As a young woman, I’d rather live in what he calls “hell” than live in a world where he is president.” "
            "― Adriana Rodarte\n"
            "“Maybe, we can build a wall around Donald Trump.” ―\u00a0Steve Quinlan.\n\nGetty/Instagram.\n")
    found = _mentions(nlp, text)
    assert [m for _, m, _ in found] == ["Maria Lopez", "Esther Tapia", "Nell Carden Grey", "Adriana Rodarte",
                                       "Adriana Rodarte", "Steve Quinlan"]
    assert {s for _, _, s in found} == {"label"}


def test_a_no_break_space_after_the_dash_of_a_credit_under_the_quote(nlp):
    text = "\"Boeing and GE pay zero taxes.\"\n\n-\u00a0Bernie Sanders.\n\nThis is a complex issue.\n"
    a = only(nlp, text)
    assert a.sieve == "label" and a.mention.text == "Bernie Sanders"


@pytest.mark.parametrize("text, speaker", [
    # a wire story's byline after a sentence of the writer's
    ("Rajoy said Monday that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.\n", "Rajoy"),
    ("Rajoy said Monday that his party was \"still the No. 1 force in Spain.\" -- Kim Hjelmgaard.\n", "Rajoy"),
    # a line opening with a quote, but a reporting verb outside the marks: the byline credits the story
    ("“We will rebuild this town,” the mayor said of the “disaster.” — John Bacon.\n", "the mayor"),
])
def test_a_byline_is_no_credit(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][0]
    assert a.sieve != "label" and a.mention.text == speaker
