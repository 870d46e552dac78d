"""Speaker labels (quotes/labels.py): transcripts, digests, fact checks and vox pops name the
speaker beside the quote, with no verb of saying."""
from __future__ import annotations

import pytest

from test_attribute import attributions, only


def labelled(kind, rows):
    """Case-table rows ``(text, speaker)`` with ids naming the kind of label and the speaker."""
    return [pytest.param(text, speaker, id=f"{kind}: {speaker}") for text, speaker in rows]


# -- a label before the quote: the last direct or partial quote is the labelled one ------------

DASH_LABELS = labelled("name and colon", [
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
    atts = attributions(nlp, text)
    assert [a.span.text for a in atts] == ["my African American."]
    assert all(a.mention is None or a.mention.text != "Reuters" for a in atts)


TWO_NAMES = labelled("two names", [
    ("IOWA POLLS MISSED THE LATE SHIFT - Mark Blumenthal and Jon Cohen: “There was a lot shifting on the "
     "ground in Iowa.”\n", "Mark Blumenthal and Jon Cohen"),
])


FROM_LABELS = labelled("from", [
    ("What that means for this year - More from Jones: “The partisanship of the state population is a starting "
     "point.”\n", "Jones"),
    ("Bush endorsed Cruz.\n\nFrom Bush's Facebook post: \"For the sake of our party and country, we must move to "
     "overcome the divisiveness.\"\n", "Bush's Facebook post"),
    # PolNeAR train (Washington Post, HuffPost): the label opens a sentence inside the paragraph
    ("Aides say the former Florida governor plans to \"actively support\" Cruz. From Bush's Facebook post: \"For the "
     "sake of our party and country, we must move to overcome the divisiveness.\"\n", "Bush's Facebook post"),
    ("What the report does mean - Not all web panels are created equal. From the report: “In general, samples "
     "with more elaborate sampling and weighting procedures produced more accurate results.”\n", "the report"),
])

HERE_IS_LABELS = labelled("here is", [
    # PolNeAR train (HuffPost): the writer presents the speaker, then the quote after the colon
    ("This ideology has roots in earlier Democratic Party trends.\nHere’s Clinton in December 1992: “Our new "
     "direction must rest on an understanding of the new realities of global competition.”\n", "Clinton"),
    ("Here is former Secretary of State Colin Powell on the issue: “It was a mistake.”\n",
     "former Secretary of State Colin Powell"),
])


@pytest.mark.parametrize("text, speaker", [*DASH_LABELS, *FROM_LABELS, *HERE_IS_LABELS])
def test_the_last_quote_is_labelled(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][-1]
    assert a.sieve == "label" and a.mention.text == speaker


def test_here_is_a_thing_is_no_label(nlp):
    a = [x for x in attributions(nlp, "Here’s the irony of our time: “It was a mistake.”\n")][-1]
    assert a.sieve != "label"


def _mentions(nlp, text):
    """(quoted text, mention, sieve) of every direct or partial quote of ``text``."""
    return [(a.span.text, a.mention.text if a.mention is not None else None, a.sieve)
            for a in attributions(nlp, text) if a.kind in ("direct", "partial")]


# -- transcript turns: the speaker's name and a colon inside the opening mark ------------------

TRANSCRIPT = (  # PolNeAR dev, Breitbart: a Sunday-show transcript, one paragraph a turn
    "Kaine spoke on Sunday.\n\nPartial transcript as follows:\n\n"
    "\"WALLACE: Let’s start with the debate. Will she be there tomorrow night?\n\n"
    "\"KAINE: Well, look, Donald Trump apparently thinks this is an episode of “The Apprentice.” "
    "But this is serious business.\n\n"
    "\"WALLACE: But, Senator Kaine, I’ve got to ask you, because as “The New York Times” wrote, voters are "
    "worried about her honesty.\n\n"
    "\"KAINE: Well, the question really should be why he invited her.\n\n"
    "\"But the truth is that Donald Trump has no plan at all.\n\n"
    "\"WALLACE: Governor, I have to stop you there.\"\n")


def test_transcript_turns_name_their_speaker(nlp):
    found = _mentions(nlp, TRANSCRIPT)
    assert [m for _, m, _ in found] == ["WALLACE", "KAINE", "WALLACE", "WALLACE", "KAINE", "KAINE", "WALLACE"]
    assert {s for _, _, s in found} == {"label"}


def test_a_quote_inside_a_turn_is_the_turn_speakers(nlp):
    # 'as “The New York Times” wrote' inside Wallace's turn: Wallace says those words, not the paper
    times = [(m, s) for q, m, s in _mentions(nlp, TRANSCRIPT) if q == "The New York Times"]
    assert times == [("WALLACE", "label")]


def test_an_untagged_paragraph_carries_on_the_last_turn(nlp):
    # the quote's group opens with Wallace, but the untagged paragraph follows Kaine's turn
    assert ("But the truth is that Donald Trump has no plan at all.", "KAINE", "label") in _mentions(nlp, TRANSCRIPT)


TURN_LABELS = labelled("turn", [
    # PolNeAR train, HuffPost: a title-case name inside the marks
    ("A panel of reporters dismissed the plan.\n\n\"Chris Matthews: Seriously, seriously about this. Bernie says "
     "he’s going to pay for the free tuitions with a tax on Wall Street speculation.\"\n\nThat doesn’t sound right.\n",
     "Chris Matthews"),
    # PolNeAR train, Breitbart: a no-break space after the colon
    ("Clinton answered a question on Benghazi.\n\n\"RAMOS:\u00a0 Secretary Clinton, did you lie to them?\n", "RAMOS"),
])


@pytest.mark.parametrize("text, speaker", [
    # "VIDEO:" plays a clip: it names no speaker
    ("Clinton answered a question on Benghazi.\n\n\"VIDEO: Hillary and Obama and Panetta all told me it was a video "
     "when they knew it was not.\"\n", None),
    # a colon in a quoted sentence is no label
    ("\"The bottom line: we need more jobs,\" Smith said.\n", "Smith"),
    ("\"Look: we are going to win this state,\" Trump said on Tuesday.\n", "Trump"),
    # a book's title and subtitle
    ("\"Crippled America: How to Make America Great Again\" is the book Trump published last fall.\n", None),
    # a person's name in a title ("Donald Trump: The Art of the Deal")
    ("Trump's book is selling.\n\n\"Donald Trump: The Art of the Deal From the Man Who Built It\" sold a million "
     "copies in its first year.\n", None),
    # a place tagging a tweet
    ("Cruz tweeted on Wednesday night.\n\n\"Missouri: Remember in November the Democrats who filibustered to "
     "block religious liberty.\"\n", None),
])
def test_not_a_turn_label(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve != "label"
    if speaker is not None:
        assert a.mention.text == speaker


def test_names_labelling_nested_quotes_are_not_a_turn(nlp):
    text = ("Rubio's spokesman summed up the debate.\n\n\"CLINTON: 'I come from the 60s, a long time ago.' RUBIO: "
            "'This election is about the future.' That says it all.\"\n")
    mentions = _mentions(nlp, text)
    assert mentions, "the spokesman's quote is no longer detected"
    assert all(s != "label" and m not in ("CLINTON", "RUBIO") for _, m, s in mentions)


def test_a_tweet_quoting_two_people_is_not_a_turn(nlp):
    # PolNeAR train, Washington Post: the names label quotes nested in the spokesman's tweet
    text = ("\"Debate recap,\" tweeted Rubio spokesman Alex Conant. \"Clinton: 'I come from the 60s, a long time "
            "ago.' Marco: 'This election is about the future.'\"\n")
    mentions = _mentions(nlp, text)
    assert mentions, "the tweet's quotes are no longer detected"
    assert all(s != "label" and m not in ("Clinton", "Marco") for _, m, s in mentions)


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


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("»", "«"), ("„", "“"), ('"', '"')])
def test_vox_pop_credits_in_every_house_style(nlp, opening, closing):
    # restyled PolNeAR dev: the credit follows whatever mark closes the quote
    text = (f"Getty/Instagram.\n\n{opening}Mr. Trump shows no respect for anybody.{closing} ― Maria Lopez\n"
            f"{opening}He can’t even answer a question.{closing} ― Esther Tapia\n")
    assert [m for _, m, _ in _mentions(nlp, text)] == ["Maria Lopez", "Esther Tapia"]


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


# -- signature lines closing a quoted block ---------------------------------------------------

SIGNATURE_LINES = labelled("signature", [
    # PolNeAR train, HuffPost: expert comment signed 'Name, Organisation' inside the marks
    ("Economists are worried about the message.\n\n\"I worry that we may see a resurgence of Democrats singing the "
     "virtues of balanced budgets.\nDean Baker, Center for Economic and Policy Research.\"\n\nBut the broadside "
     "leaves room for doubt.\n", "Dean Baker"),
    ("The consensus did not hold.\n\n\"We are going to enter the next recession without that consensus that we "
     "need to do stimulus.\nJosh Bivens, Economic Policy Institute.\"\n\nDemocrats acquiesced.\n", "Josh Bivens"),
])


@pytest.mark.parametrize("text, speaker", [*TWO_NAMES, *TURN_LABELS, *SIGNATURE_LINES])
def test_the_only_quote_is_labelled(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve == "label" and a.mention.text == speaker


def test_a_photo_credit_under_a_closed_quote_is_no_signature(nlp):
    text = "The rally was loud.\n\n“We will win the state of Nevada.”\nJohn Locher, Associated Press.\n\nThe crowd cheered.\n"
    a = only(nlp, text)
    assert a.sieve != "label" and (a.mention is None or a.mention.text != "John Locher")


def test_a_party_tag_between_the_name_and_the_colon(nlp):
    # PolNeAR train (Washington Post): a hearing transcript, the colon glued to the mark
    text = ('It is her camp\'s calculation.\n\nRep. Trey Gowdy (R-S.C.):"I have not heard anyone cite that '
            'figure. Who told you that?"\n\nClinton: "I have no idea."\n')
    assert [a.mention.text for a in attributions(nlp, text)] == ["Rep. Trey Gowdy (R-S.C.)", "Clinton"]


def test_a_document_read_as_follows_is_the_source(nlp):
    # PolNeAR train (Breitbart): a speech transcript introduced by its own line
    text = ("Kasich spoke in Cleveland.\n\nTranscript as follows:\n\n\"Tonight we arrived in Cleveland, and we "
            "went to a restaurant.\n\n\"We're now up 400,000 plus jobs.\"\n")
    assert [a.mention.text for a in attributions(nlp, text)] == ["Transcript", "Transcript"]
    # a verb before "as follows" is a sentence of the writer's, not a label
    text = "The exchange went as follows:\n\n\"Is it time for your strategy to change?\"\n"
    assert only(nlp, text).sieve != "label"


def test_a_turn_that_names_no_one_takes_no_speaker(nlp):
    # PolNeAR train (Breitbart): "VIDEO:" is a clip inside Ramos's multi-paragraph transcript quote
    text = ("Partial transcript as follows:\n\n\"RAMOS: Secretary Clinton, some of the families claim you lied "
            "to them. Listen.\n\n\"VIDEO: They all told me it was a video when they knew it was not the video.\n\n"
            "\"RAMOS: Secretary Clinton, did you lie to them?\n\n\"CLINTON: I feel a great deal of sympathy.\"\n")
    atts = attributions(nlp, text)
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["RAMOS", None, "RAMOS", "CLINTON"]


def test_that_quote_from_after_the_quote_names_its_source(nlp):
    # PolNeAR train (USA Today): the sentence after the quote points back at it
    text = ("With Clinton, FBI's bad rep grows.\n\n\"I'd rather have a sister in a whorehouse than a brother in the "
            "FBI.\" That quote from Alabama Securities Commissioner Thomas Krebs appeared on the front page of The "
            "Wall Street Journal in 1992.\n")
    a = only(nlp, text)
    assert a.sieve == "label" and a.mention.text == "Alabama Securities Commissioner Thomas Krebs"
