"""Who said it, on news the rules were never tuned on: one test per failure class of issue 15.

Each sentence is written to show the pattern (or taken from the out-of-domain news pages); each
test failed before the rule it guards.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes.pipeline import analyse
from quotes.records import Document


def speakers(nlp, text: str) -> list[tuple[str | None, str]]:
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    return [(q.speaker, q.quote) for q in result.quotes if q.kind in ("direct", "partial")]


#: The first paragraphs of a held-out PolNeAR train article (huff-post 2015-12-20, "Why The Democratic Party's
#: Move Against Bernie Sanders Could Backfire"): what follows a quotation sways the gender votes.
HUFFPOST_DNC = 'Why The Democratic Party’s Move Against Bernie Sanders Could Backfire.\n\nIn the third Democratic presidential primary debate Saturday, Sen. Bernie Sanders (I-Vt.) apologized to his supporters and to Hillary Clinton for his campaign’s accessing of her proprietary voter data earlier in the week.\n\nBut Sanders’ apology overshadowed an attack he leveled just seconds earlier at Clinton and the Democratic National Committee for their handling of the situation.\n\n“It bothers me very much that rather than working on this issue to resolve it, it has become many press releases from the Clinton campaign later,” he said.\n\nSanders argued that the breach was jointly the fault of the data vendor and a staffer who made a bad decision to try to exploit the vendor error. The DNC, which is seen as politically aligned with Clinton, responded by abruptly blocking Sanders’ access to his own data, a virtual shutdown of the campaign.\n\nSanders called the DNC’s suspension “arbitrary.” Josh Hendler, a top Democratic tech operative, warned Saturday that the DNC’s move against Sanders could deeply damage the party in the future by undermining trust in the committee.\n\n“[T]he stakes are higher than the political fight of the day between Bernie and Hillary,” he wrote in a blog post. “The DNC being seen as a fair arbiter and steward of the data is critical to this continued advantage over Republicans. If the DNC is no longer that trusted broker, we might see candidates using third party systems. This risks the Party’s access to valuable data collected by campaigns, especially during a Presidential.”\n\nThe apology from Sanders and the muted rhetoric from Clinton may come from a realization of the longterm stakes of the spat. Democrats are at a financial disadvantage against Republicans and allied outside groups, but have a technology edge due to effective cooperation, which has so far eluded conservatives. Losing the latter edge could be fatal as a national party.\n\nSanders’ campaign staffers took advantage of a temporary technical glitch on Wednesday to access Clinton’s voter data, which is maintained by the technology company NGP VAN and owned by the Democratic National Committee. Audit files from NGP VAN show that four different Sanders-linked accounts conducted 24 separate searches of Clinton data during a 40-minute period, searching for lists of voters most and least likely to support her campaign. In some cases, the staffers saved their search results in new folders.\n\nSanders has fired his national data director and is investigating whether to punish any other staff members who may have been involved.\n\nSanders campaign manager Jeff Weaver said on Saturday that the campaign had suspended two staffers in connection with the data breach.\n'

#: The article text of the herald-sun-1 page of shared/news-html (development half), as the loader reads it.
HERALD_SUN = (Path(__file__).parent / "data" / "herald-sun-1.txt").read_text(encoding="utf-8")


def test_a_law_named_like_the_person_is_not_the_person(nlp):
    """Class 1: "The Bill would …" is a thing; the "Data Retention Bill" must not absorb Bill Shorten."""
    found = speakers(nlp, HERALD_SUN)
    [who] = [w for w, q in found if q.startswith("Press freedom")]
    assert who == "Bill Shorten"
    assert all("Bill" not in (w or "") or w == "Bill Shorten" for w, _ in found)


@pytest.mark.parametrize("text, name", [
    ("The council met on Monday.\n\n\u201cThis is not over,\u201d said Maureen O\u2019Reilly, the host.", "Maureen O\u2019Reilly"),
    ("Sean O\u2019Malley runs the bakery. \u201cWe will stay open,\u201d he said.", "Sean O\u2019Malley"),
    ("\u201cWe were never asked,\u201d said Aoife D\u2019Arcy, who lives on the street.", "Aoife D\u2019Arcy"),
], ids=["O’Reilly after a short paragraph", "O’Malley through a pronoun", "D’Arcy"])
def test_a_curly_apostrophe_keeps_the_whole_name(nlp, text, name):
    """Class 6: the tagger took "O’Malley" for a common noun and the name was cut to "Sean"/"Maureen"."""
    [(who, _)] = speakers(nlp, text)
    assert who == name


@pytest.mark.parametrize("text", [
    "Nintendo and Apple released \u201cSuper Mario Run\u201d on Thursday.",
    "Nearly every website with a \u201cLike\u201d button shares what you read.",
    "The studio remade the cult hit \u201cRez\u201d for the new headset.",
    # PolNeAR train (Breitbart, Politico): its annotators credit these to the sentence's subject; a reader
    # of the index would not (issue 15, class 8: no speaker is better than a wrong one)
    "In 2009, as governor of Virginia, he signed a bill that created the \u201cChoose Life\u201d license plates that "
    "raise funds for pro-life causes.",
    "New Jersey Gov. Chris Christie has been busy campaigning in New Hampshire, but his guilty pleasure is "
    "\u201cFootball Life.\u201d",
], ids=["game title", "button label", "one-word title", "license plates", "a show"])
def test_a_name_in_marks_with_no_cue_has_no_speaker(nlp, text):
    """Class 8: a title or a label in marks is nobody's words unless a cue makes them so."""
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [q] = [q for q in result.quotes if q.kind != "indirect"]
    assert q.speaker is None and q.kind not in ("direct", "partial")


@pytest.mark.parametrize("text, thing", [
    ("\u201cThis is the best headset yet,\u201d said Ana Ruiz, a reviewer.\n\n"
     "At its best, \u201cRIGS\u201d marries fast shooting with piloting a giant robot.", "RIGS"),
    ("\u201cThis is the best headset yet,\u201d said Ana Ruiz, a reviewer.\n\n"
     "Cheeky horror game \u201cUntil Dawn\u201d was a breakout hit last year.", "Until Dawn"),
], ids=["a game's name", "a title after its genre"])
def test_a_name_in_the_writers_sentence_does_not_continue_the_last_speaker(nlp, text, thing):
    """Class 8 (yahoo-1, news development half): titles in the next paragraph's prose were the last
    speaker's words by continuation."""
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [q] = [q for q in result.quotes if q.quote.strip(" ,.") == thing]
    assert q.speaker is None


@pytest.mark.parametrize("text, words", [
    ("\u201cWe will not leave,\u201d Barack Obama said.\n\n\u201cWe're America.\u201d", "We're America."),
    ("\u201cHere he comes,\u201d Melanie Kline said.\n\n\u201cThe Donald. Big Daddy.\u201d", "The Donald. Big Daddy."),
], ids=["a sentence in title case", "two sentences"])
def test_words_in_title_case_that_are_a_sentence_still_continue(nlp, text, words):
    """Guard for the rule above (PolNeAR dev): "We're America." is someone speaking, not a name."""
    [who] = {w for w, q in speakers(nlp, text)}
    assert who in ("Barack Obama", "Melanie Kline")


def test_a_cue_still_makes_a_title_case_word_someones_words(nlp):
    """Class 8's other side: "called the plan 'Obamacare'" is Trump's word."""
    [(who, quote)] = speakers(nlp, "Trump called the plan \u201cObamacare\u201d again on Tuesday.")
    assert (who, quote) == ("Trump", "Obamacare")


def test_a_person_introduced_in_the_paragraph_beats_the_last_paragraphs_speaker(nlp):
    """Class 2: "he" after "A local shop owner shook his head." is the shop owner, not O’Malley, and
    not Mayor Collins, who is named inside the quotation."""
    text = ("Sean O\u2019Malley runs the bakery. \u201cWe will stay open,\u201d he said.\n\n"
            "A local shop owner shook his head. \u201cMayor Collins promised us a new road twice,\u201d he said.")
    found = dict((q, w) for w, q in speakers(nlp, text))
    assert found["We will stay open,"] == "Sean O\u2019Malley"
    assert found["Mayor Collins promised us a new road twice,"] == "A local shop owner"


@pytest.mark.parametrize("text, owner", [
    ("Jane Park, the mayor, issued a statement on Friday. \u201cWe are reviewing the decision,\u201d her statement said.",
     "Jane Park"),
    ("Acme Corp. filed the plans in May. \u201cThe site is safe,\u201d the company\u2019s release said.", "Acme Corp."),
    ("Maria Lopez\u2019s brief called the claims \u201cmisinterpreted statements and allegations.\u201d", "Maria Lopez"),
    ("Dr. Harold Bornstein\u2019s earlier missive called him \u201cthe healthiest man I know.\u201d", "Harold Bornstein"),
], ids=["her statement", "the company's release", "a court brief", "a letter by another name"])
def test_a_statement_speaks_for_its_owner(nlp, text, owner):
    """Class 4: the owner of the statement speaks, not "her statement"."""
    [(who, _)] = speakers(nlp, text)
    assert who == owner


@pytest.mark.parametrize("text, owner", [
    # PolNeAR dev's pattern (an RNC web video, then "The ad", then "The clip says"), in other words
    ("A web video by the Democratic Party attacks the senator's record.\n\nThe ad also shows a courtroom.\n\n"
     "The clip says the senator \u201cnever stood up for working people.\u201d", "Democratic Party"),
    ("The Boston Globe ran a long feature on Sunday about the school.\n\n"
     "The piece said the school board \u201chas failed its students.\u201d", "Boston Globe"),
    ("\u201cThis is a low blow,\u201d the tweet from Vulture magazine said.", "Vulture"),
], ids=["the clip: an earlier video's owner", "the piece: who ran the feature", "the tweet from X"])
def test_a_text_speaks_for_its_owner_named_before(nlp, text, owner):
    """Class 4: a text that speaks ("The clip says") files its words under whoever made it, named
    with the text or with an earlier mention of it; never as "The clip"."""
    found = speakers(nlp, text)
    assert found and all(who == owner for who, _ in found)


@pytest.mark.parametrize("text", [
    "A web video by the Democratic Party attacks the senator.\n\nThe report said the plan \u201cwill fail.\u201d",
    "The clip says the senator \u201cnever stood up for working people.\u201d",
], ids=["a report is not the video", "no earlier text"])
def test_a_text_with_no_owner_in_sight_is_not_given_one(nlp, text):
    """Only the same text repeated (or its kin: video, ad, clip) carries an owner over."""
    [(who, _)] = speakers(nlp, text)
    assert who in ("The report", "The clip")


def test_a_headlines_verb_is_not_part_of_the_name(nlp):
    """Class 7 (PolNeAR dev 31-60, one article's 12 quotations): the tagger read the headline's
    "Obama Says" as one PERSON, and "Obama Says" became the canonical name for "Mr. Obama"."""
    text = ("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
            "WASHINGTON -- President Obama opened the museum on Saturday.\n\n"
            "\"We are not a burden on America,\" Mr. Obama said.")
    assert speakers(nlp, text)[-1] == ("Obama", "We are not a burden on America,")
    assert all("Says" not in (who or "") for who, _ in speakers(nlp, text))


UCEA = ("University staff walked out on Monday.\n\nA spokesperson for the Universities and Colleges Employers\u2019 "
        "Association (UCEA) said the offer was \u201cthe best that institutions can afford.\u201d\n\n"
        "\u201cWe remain open to talks,\u201d UCEA said in a statement.")


def test_an_acronym_the_article_defines_is_the_body_it_stands_for(nlp):
    """Acronyms: "the Universities and Colleges Employers' Association (UCEA)" … "UCEA said" is one
    body, named in full, with the acronym as an alias (the tagger had cut the name to its tail)."""
    result = analyse(nlp(UCEA), Document(path="t.txt", text=UCEA))
    [body] = [e for e in result.speakers if e.type == "organisation"]
    assert body.name == "Universities and Colleges Employers\u2019 Association" and "UCEA" in body.aliases


def test_an_unnamed_spokesperson_speaks_for_the_body(nlp):
    """A spokesperson for a named body, unnamed, is filed under the body; a named one stays a person."""
    found = speakers(nlp, UCEA)
    assert {who for who, _ in found} == {"Universities and Colleges Employers\u2019 Association"}
    named = "\u201cWe are ready,\u201d said Ann Lee, a spokeswoman for the Ministry of Health."
    assert speakers(nlp, named) == [("Ann Lee", "We are ready,")]


def test_a_name_joined_by_and_inside_one_entity_is_not_a_group(nlp):
    """"The National Oceanic and Atmospheric Administration (NOAA)" is one body, not two people."""
    text = ("The National Oceanic and Atmospheric Administration (NOAA) warned on Monday that "
            "\u201cthe storm is strengthening.\u201d")
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    assert {(q.speaker, q.speaker_type) for q in result.quotes} == {
        ("National Oceanic and Atmospheric Administration", "organisation")}


def test_quotation_paragraphs_with_no_cue_carry_the_last_speaker_until_the_scene_changes(nlp):
    """Class 5 guard (it held before this issue's work; kept so that it keeps holding): paragraphs
    that are only a quotation go on in the last speaker's words, across a new speaker's cue, and stop
    at a paragraph of narration about others."""
    text = ("\u201cThe roof just flew off,\u201d said Karen White, who lives on Elm Street.\n\n"
            "\u201cI was in the kitchen with my daughter.\u201d\n\n"
            "\u201cCrews are working around the clock,\u201d said Tom Reyes, a utility spokesman.\n\n"
            "\u201cWe will have power back by Friday.\u201d\n\n"
            "Residents lined up for water at the fire station.\n\n"
            "\u201cI have lived here 40 years and never seen anything like it.\u201d")
    assert [who for who, _ in speakers(nlp, text)] == ["Karen White", "Karen White", "Tom Reyes", "Tom Reyes", None]


def test_a_surname_the_tagger_calls_an_organisation_stays_the_person_introduced(nlp):
    """Class 7 guard: the tagger reads each bare "Ford" as ORG; the article introduced Jane Ford."""
    text = ("Jane Ford, the council\u2019s finance chair, presented the budget.\n\n\u201cThis plan works,\u201d Ford "
            "said.\n\n\u201cWe kept our promise,\u201d Ford told reporters.")
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    assert {(q.speaker, q.speaker_type) for q in result.quotes if q.kind == "direct"} == {("Jane Ford", "person")}


def test_a_surname_after_a_subordinator_is_a_person_a_pronoun_may_mean(nlp):
    """Class 2 (quanta-1, news development half): "Once Fetter arrived" names Fetter as a subject,
    though the tagger gave the surname no entity; her "she" is not the Hamilton of the paragraph before."""
    text = ("Margaret Hamilton joined the lab.\nIn the summer of 1961, Hamilton moved on to another project, but "
            "not before training her replacement. Two years after Hamilton first stepped on campus, Ellen Fetter "
            "showed up at MIT. She interviewed with a woman who ran the LGP-30, who recommended her to Hamilton, "
            "who hired her.\nOnce Fetter arrived in Building 24, Lorenz gave her a manual and a set of programming "
            "problems to practice, and before long she was up to speed. \u201cHe carried a lot in his head,\u201d she said.")
    assert speakers(nlp, text)[-1][0] == "Ellen Fetter"


def test_a_one_word_question_is_not_a_person(nlp):
    """Class 1 (PolNeAR dev 31-60): the tagger read "Harsh?" as a PERSON, and "he" went to it."""
    text = ("In his book, Mr. McKinley suggested looking at every card statement.\n\n"
            "Harsh? He doesn\u2019t think so. \u201cI don\u2019t judge what people spend money on,\u201d he said.")
    assert speakers(nlp, text)[-1][0] == "McKinley"


def test_it_finds_a_named_owners_body_that_was_the_subject(nlp):
    """Class 1: "it" needs an antecedent that can speak; a named owner's campaign, ministry or
    committee as the last sentence's subject is one, though no organisation's name holds the noun."""
    text = ("The board met on Tuesday.\n\nMayor Jane Holt\u2019s campaign is fighting the ruling. "
            "It called the decision \u201can attack on every voter in this city.\u201d")
    assert {who for who, _ in speakers(nlp, text)} == {"Mayor Jane Holt\u2019s campaign"}


@pytest.mark.parametrize("text, name", [
    ("Tom Baker, a grocer on Main Street, lost his stock.\n\n\u201cWe will open again,\u201d the soft-spoken grocer said.",
     "Tom Baker"),
    ("Tom Baker, a grocer on Main Street, lost his stock.\n\n\u201cI have never seen this,\u201d said the 72-year-old grocer.",
     "Tom Baker"),
    ("Anna Lee, a retired teacher, runs the shelter.\n\n\u201cNobody is turned away,\u201d the retired teacher said.",
     "Anna Lee"),
], ids=["soft-spoken grocer", "72-year-old grocer", "retired teacher"])
def test_a_description_finds_the_person_introduced_with_it(nlp, text, name):
    """Class 3: words that say how someone looks, speaks or how old they are do not stop "the
    grocer" from being the grocer the article introduced."""
    [(who, _)] = speakers(nlp, text)
    assert who == name


@pytest.mark.parametrize("text, not_name", [
    ("Tom Reed, a grocer on Main Street, lost his stock. Jane Roe, a baker, lost her oven.\n\n"
     "\u201cWe will open again,\u201d the soft-spoken baker said.", "Tom Reed"),
    ("Frank Moore, 91, served in Korea.\n\n\u201cI march for the ones who did not come home,\u201d the silver-haired "
     "veteran said.", "Frank Moore"),
], ids=["the baker is not the grocer", "no role says veteran"])
def test_a_description_does_not_jump_to_a_person_its_role_does_not_fit(nlp, text, not_name):
    """Class 3: loosened, a description still needs its head noun in the person's role ("the baker" is
    not the grocer just named), and one with no role to fit stays itself."""
    [(who, _)] = speakers(nlp, text)
    assert who != not_name


def test_an_unresolved_pronoun_names_no_speaker_in_extract_as_in_the_index(nlp):
    """Class 7: extract printed speaker "he" where the index stored none: one rule for both."""
    text = "The storm hit overnight.\n\n\u201cI have never seen water this high,\u201d he said."
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [q] = result.quotes
    assert q.speaker is None and q.speaker_mention.text == "he"


@pytest.mark.parametrize("text, role", [
    ("Agriculture Minister Annie Genevard said: \u201cThe harvest is late.\u201d", "Agriculture Minister"),
    ("On Monday, Transport Minister Abdessamad Kayouh said: \u201cWe are ready.\u201d", "Transport Minister"),
], ids=["Agriculture Minister", "after a date"])
def test_a_role_keeps_its_portfolio(nlp, text, role):
    """Class 9: "Agriculture Minister Annie Genevard" is the agriculture minister, not "Minister"."""
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [person] = [e for e in result.speakers if e.type == "person"]
    assert role in person.roles



@pytest.mark.parametrize("text, name", [
    ("The National Rifle Association says President Barack Obama's executive actions on gun control are "
     "\u201cripe for abuse.\u201d\n\nThe nation's largest gun group is accusing Obama of political exploitation. "
     "Chris Cox, who runs the NRA's lobbying arm, says the actions wouldn't have prevented any of the shootings "
     "that Obama mentioned.\n\nCox says Obama is trying to distract from his record. He says Americans don't "
     "need any more \u201clectures that are devoid of facts.\u201d", "Chris Cox"),
    ("Obama said his word would not trump the Second Amendment, and the president defended the steps on "
     "Tuesday.\n\nRyan said Obama has never respected the right to safe and legal gun ownership.\n\n"
     "He says Obama \u201cknows full well that the law already says that sellers must be licensed.\u201d", "Ryan"),
], ids=["same paragraph", "next paragraph"])
def test_a_person_named_in_reported_words_is_not_the_next_speaker(nlp, text, name):
    """Syntactic salience: "Cox says Obama is trying …" talks about Obama; the "He says" after it goes on
    with Cox. It was Obama, talked about all along, on held-out PolNeAR train articles (and the reported
    clause went to Cox while the words in marks inside it went to Obama)."""
    [(who, _)] = speakers(nlp, text)
    assert who == name


def test_a_surname_the_tagger_calls_a_noun_is_the_person_named_before(nlp):
    """Class 7: "Duval said" with "Duval" tagged a common noun was a speaker "Duval" of no type, apart
    from "Mark Duval" introduced in the same sentence before."""
    text = ("Mark Duval, the owner of the estate who bought it in 1998, was calmer. "
            '"We have seen worse," Duval said.\n')   # (straight marks and a file's last newline: the tagger's noun)
    [(who, _)] = speakers(nlp, text)
    assert who == "Mark Duval"


def test_an_english_verb_the_tagger_calls_a_person_is_no_one(nlp):
    """Class 1: in a held-out article the recogniser made "Conceding" (in "Conceding that …, he warned") a
    PERSON, and the "he" went to it. The tagger's error is set by hand here, as it made it there."""
    from spacy.tokens import Span

    text = ("President Obama has endured criticism for his remarks in London.\n\n"
            "Conceding that there would likely be a trade agreement soon, he warned: "
            "\u201cIt\u2019s not going to happen any time soon.\u201d")
    doc = nlp(text)
    [tok] = [t for t in doc if t.text == "Conceding"]
    doc.ents = [e for e in doc.ents if e.end <= tok.i or e.start > tok.i] + [Span(doc, tok.i, tok.i + 1, "PERSON")]
    result = analyse(doc, Document(path="t.txt", text=text))
    [q] = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker == "Obama"


def test_a_paper_by_a_body_is_the_bodys_text_not_a_newspaper(nlp):
    """Class 4: "a paper from the Brookings Institution had this to say: …" is the institution's words, not
    those of the newspaper named before it."""
    text = ("The Washington Post recently ran a piece on the plan. Likewise, a paper from the left-leaning "
            "Brookings Institution had this to say about it: \u201cFamilies from the top half would receive more.\u201d")
    [who] = [w for w, q in speakers(nlp, text) if q.startswith("Families")]
    assert who == "Brookings Institution"


@pytest.mark.parametrize("text, name, role", [
    ("\u201cPrices will rise,\u201d said David Kim, a 45-year-old trader.", "David Kim", "trader"),
    ("Lisa Chen, a 2011 winemaker, was cautious. \u201cIt is too early to say,\u201d she said.", "Lisa Chen", "winemaker"),
    ("Mark Duval, the owner of the estate who bought it in 1998, was calmer. \u201cWe have seen worse,\u201d "
     "Duval said.", "Mark Duval", "owner of the estate"),
], ids=["an age", "a year", "a relative clause inside the appositive"])
def test_a_role_is_the_office_without_an_age_a_year_or_a_clause(nlp, text, name, role):
    """Class 9: roles were "45-year-old trader", "2011 winemaker", and none at all for "the owner of the
    estate who bought it …" (the clause's verb refused the whole appositive)."""
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [person] = [e for e in result.speakers if e.name == name]
    assert person.roles == [role]


def test_a_name_set_off_at_the_end_of_a_description_is_the_speaker(nlp):
    """Class 3: "His former business partner at Lenox, Lawrence B. Cummings, called him …" went to the
    description: the parser hung the name on "Lenox", so the name never reached the speaker."""
    text = ("In the 1990s, Ed Clarke turned one of his companies, Lenox Healthcare, into a large business. "
            "His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting together "
            "deals. \u201cHe showed again and again an ability to put together deals that other people couldn't.\u201d\n")
    [(who, _)] = speakers(nlp, text)
    assert who == "Lawrence B. Cummings"


def test_a_paragraph_opening_pronoun_goes_to_the_subject_just_before_not_the_last_speaker(nlp):
    """Class 2: after the spokesman's quotations, a narration sentence puts the candidate in front; the
    next paragraph's "He said that …" is the candidate (it went to the spokesman, the last speaker)."""
    text = ("Donald Trump unleashed a harsh attack on Ben Carson last night.\n\n"
            "Carson\u2019s business manager, Armstrong Williams, stated: \u201cWhen I spoke with Dr. Carson about this, "
            "he was so sad about it.\u201d\n\n"
            "Williams then said: \u201cTo see him just imploding before our very eyes is sad to watch.\u201d\n\n"
            "Trump also attacked Hillary Clinton and Marco Rubio during the course of the rant.\n\n"
            "He said that Clinton is playing the \u201cwomen\u2019s card big league\u201d and that Rubio is weak.\n")
    [who] = [w for w, q in speakers(nlp, text) if q.startswith("women")]
    assert who == "Donald Trump"


def test_a_building_the_tagger_calls_an_organisation_is_not_the_company(nlp):
    """Class 1: "Smith Tower", tagged ORG in the body, took "the company's release" (it cannot speak)."""
    text = ("The trial over the collapse of Smith Tower opened on Monday. John Smith, the building's engineer, "
            "testified for three hours.\n\nThe company's release said: \u201cSafety is our first priority.\u201d\n")
    [(who, _)] = speakers(nlp, text)
    assert who != "Smith Tower"


def test_the_writers_i_is_the_person_the_closing_line_introduces(nlp):
    """An opinion piece's "I told her" is its writer, whom the closing line names; her mother's "she" is
    still her mother (it was no one: "I" was left unresolved)."""
    text = ("My father would have loved Trump\n\nI grew up in a paranoid household in the 1960s.\n\n"
            "When my mother came home, I said, \u201cI don't believe in the devil.\u201d\n\n"
            "\u201cThank God you still believe in God,\u201d she said.\n\n"
            "Charlotte Meehan is playwright-in-residence at Wheaton College.\n")
    found = dict((q, w) for w, q in speakers(nlp, text))
    assert found["I don't believe in the devil."] == "Charlotte Meehan"
    assert found["Thank God you still believe in God,"] != "Charlotte Meehan"


def test_an_i_with_no_closing_line_is_no_one(nlp):
    """Guard: in a news story with no writer's line, "I said" outside the marks names no one."""
    text = ("The storm hit overnight.\n\nWhen the water rose, I said, \u201cWe have to leave now.\u201d\n\n"
            "The mayor visited on Tuesday.\n")
    [(who, _)] = speakers(nlp, text)
    assert who is None


@pytest.mark.parametrize("text, name", [
    ("\u201cThe candidates left just don\u2019t understand the military,\u201d said Army Capt. Christian Pardo, "
     "who served in Iraq.\n", "Christian Pardo"),
    ("\u201cI really don\u2019t understand it,\u201d said Air Force 1st Lt. Tyler Livingston.\n", "Tyler Livingston"),
    ("\u201cWe held the line,\u201d said Sgt. Maria Ortiz.\n", "Maria Ortiz"),
], ids=["Capt.", "Lt.", "Sgt."])
def test_a_military_rank_abbreviation_keeps_the_name_whole(nlp, text, name):
    """Class 9/6: the tokenizer split "Capt." into "Capt" and a full stop, and the speaker came out as
    "Army Capt" (confidence 0.97) on a held-out PolNeAR train article."""
    [(who, _)] = speakers(nlp, text)
    assert who == name


def test_a_body_before_a_title_is_the_persons_affiliation_not_the_speaker(nlp):
    """Class 1: "said United Auto Workers Secretary-Treasurer Gary Casteel" went to the union."""
    text = ("\u201cWe had to acknowledge that we had a big issue with the trade part of her history,\u201d said "
            "United Auto Workers Secretary-Treasurer Gary Casteel.\n")
    [(who, _)] = speakers(nlp, text)
    assert who == "Gary Casteel"


def test_a_dateline_glued_to_the_first_name_is_cut_off(nlp):
    """Class 7: "CLEVELAND - Donald Trump painted …" was one ORG, so the bare "Trump" after it started a
    person of its own that then took in "Ivanka Trump": a "she", and his quotations went to other men."""
    text = ("Republican assails elites as he accepts party nomination.\n\n"
            "CLEVELAND - Donald Trump painted a dire portrait of a nation as he accepted the nomination here "
            "Thursday night.\n\nTrump was introduced by his daughter. Ivanka Trump told delegates her father "
            "would fight for them.\n\nJohn Podesta, the rival campaign's chairman, said in a statement that "
            "the speech was dark.\n\nIn virtually every policy realm, Trump vowed to put the country first.\n\n"
            "\u201cAmericanism, not globalism, will be our credo,\u201d he said.\n")
    [(who, _)] = speakers(nlp, text)
    assert who == "Donald Trump"


def test_a_pronoun_after_the_quotation_that_opens_a_paragraph_goes_to_the_subject_just_before(nlp):
    """Class 2: narration about a new person, then a paragraph '"…," he said': that person, not the man
    the last paragraph quoted."""
    text = (HUFFPOST_DNC)   # a held-out PolNeAR train article's first paragraphs
    [who] = [w for w, q in speakers(nlp, text) if q.startswith("[T]he stakes")]
    assert who == "Josh Hendler"


@pytest.mark.parametrize("text, quote, name", [
    ("Mark Cuban said on Sunday that he might run.\n\n\u201cIt's too early to tell,\u201d said Cuban, who is also "
     "a host on a TV show.\n\nPushed by host Chuck Todd on what could bring him to run, Cuban demurred.\n\n"
     "\u201cThere are so many variables,\u201d he said.\n", "There are", "Mark Cuban"),
], ids=["Cuban (a nationality)"])
def test_a_surname_the_tagger_calls_a_nationality_or_a_place_is_the_person(nlp, text, quote, name):
    """Class 7: "Cuban" tagged a nationality and "Bamberg" a town were no one, so the "he" after them
    went to another man (held-out PolNeAR train articles; Bamberg's case needs the whole article)."""
    [who] = [w for w, q in speakers(nlp, text) if q.startswith(quote)]
    assert who == name


def test_a_person_known_by_a_gendered_word_keeps_its_gender(nlp):
    """Class 1: "her father" took a "she" from the pronouns around it (a vote for female), and her own
    quotation went to him; a gendered head word outranks the votes when there is no name."""
    text = ("Ivanka Trump strode across the stage in a blush-toned dress from her namesake label. Then she "
            "shattered party norms, pledging that her father would revolutionize support for working mothers.\n\n"
            "\u201cPolicies that allow women with children to thrive should not be novelties,\u201d she said.\n")
    [(who, _)] = speakers(nlp, text)
    assert who != "her father"


def test_a_body_named_with_and_without_its_nationality_is_one_speaker(nlp):
    """Class 7 (the fixture's own split): "the Moroccan Ministry of Justice" and "The Ministry of Justice"
    were two speakers of one article; a French ministry named beside it stays apart (guard)."""
    text = ("Hackers claimed to have leaked data belonging to the Moroccan Ministry of Justice. The Moroccan "
            "Ministry of Justice said its systems were secure.\n\n\u201cNo intrusion was detected,\u201d "
            "the Ministry of Justice said.\n\nThe French Ministry of Justice said it was not affected.\n")
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    names = sorted(e.name for e in result.speakers)
    assert names == ["French Ministry of Justice", "Moroccan Ministry of Justice"]


def test_a_titled_person_in_a_headline_is_not_anothers_role(seed_result):
    """Class 9 (the fixture): the headline "King Mohammed VI, Trump to Announce …" parsed Trump as an
    appositive of "King Mohammed VI", which became Donald Trump's role."""
    [trump] = [e for e in seed_result.speakers if e.name == "Donald Trump"]
    assert trump.roles and not any("Mohammed" in r for r in trump.roles)


def test_an_unnamed_source_inside_a_named_body_is_filed_under_the_body(nlp):
    """Issue 16's fixture: "An authorized source from ANFCC said …" was a speaker "An authorized source"
    that a search for ANFCC never found; filed under the body, below the sure threshold (route source)."""
    text = ("The land registry agency, ANFCC, runs its own systems.\n\n"
            "An authorized source from ANFCC said recently that no intrusion or data leak has been detected.\n")
    result = analyse(nlp(text), Document(path="t.txt", text=text))
    [q] = [q for q in result.quotes if q.kind == "indirect"]
    assert q.speaker == "ANFCC" and q.resolution == "source" and q.confidence < 0.9


def test_plural_spokespeople_speak_for_the_body_plural_sources_do_not(nlp):
    """Several spokespeople for a body ("Representatives for the union said") still speak for it, as
    one spokesperson does; several unnamed sources inside it are not its voice."""
    text = ("Workers at the plant voted on Friday.\n\n\u201cWe will not sign this deal,\u201d representatives for "
            "the United Auto Workers said.\n")
    assert [who for who, _ in speakers(nlp, text)] == ["United Auto Workers"]
    text = ("Workers at the plant voted on Friday.\n\n\u201cThe deal is dead,\u201d sources from the United Auto "
            "Workers said.\n")
    assert [who for who, _ in speakers(nlp, text)] != ["United Auto Workers"]


@pytest.mark.parametrize("text, name", [
    ("Former Marine John \u201cTig\u201d Tiegen spoke at the convention on Tuesday.\n\n\u201cShe goes home. That\u2019s "
     "it,\u201d Tiegen said.\n\nTiegen was also troubled by her handling of classified material.\n\n\u201cHer lack of "
     "respect for security information puts lives in jeopardy,\u201d he said.\n", "John Tiegen"),
    ('State Del. Marcia "Cia" Price (D-Newport News) said the seat matters.\n\n"It is history," Price said.\n',
     "Marcia Price"),
], ids=["curly marks", "straight marks"])
def test_a_nickname_in_marks_leaves_one_person(nlp, text, name):
    """Class 6/7: the recogniser cut `John “Tig” Tiegen` in two (an ORG "Tiegen" a "he" could not mean)
    and missed `Marcia "Cia" Price` (a speaker "Price" by description, 0.54)."""
    found = speakers(nlp, text)
    assert found and all(w == name for w, _ in found)


@pytest.mark.parametrize("text, who", [
    ("Maria Keller opened her campaign in Dayton on Monday.\n\nKeller charges that the plant closures were avoidable.\n\n"
     "The Ohio businesswoman says of the governor, \u201cHe has never run anything.\u201d\n", "Maria Keller"),
    ("Senator Paul Adler toured the flooded county on Friday.\n\n\u201cWe need the money now,\u201d the Vermont "
     "lawmaker said, standing in the mud.\n", "Paul Adler"),
    ("Paul Adler spoke to farmers in Burlington.\n\nThe former treasurer said the program \u201cworks for "
     "nobody.\u201d\n", "Paul Adler"),
    ("Ted Warner is giving away a truck to protest the new rules.\n\nThe Republican presidential candidate sent an "
     "email to supporters inviting them to \u201cwin my truck!\u201d\n", "Ted Warner"),
], ids=["two sentences on", "quote after", "former", "classifying adjectives"])
def test_a_news_epithet_renames_the_subject_before_it(nlp, text, who):
    """Class 3: a definite description with a describing modifier and no role in the article to fit
    ("the New York businessman" after "Trump charges that …") is the subject of the sentence before;
    it stayed a speaker called "The Ohio businesswoman", under no one's name."""
    found = speakers(nlp, text)
    assert found and all(w == who for w, _ in found)


@pytest.mark.parametrize("text", [
    "Maria Keller toured the plant on Monday.\n\nThe plant manager said the line \u201cwill close in May.\u201d\n",
    "Maria Keller spoke first at the debate.\n\nThe other candidate said her plan was \u201ca fantasy.\u201d\n",
    "Paul Adler opened the hearing.\n\nThe Ohio businesswoman said the tariffs \u201cruined\u201d her.\n",
], ids=["noun compound", "setting apart", "gender"])
def test_a_description_that_is_someone_new_is_not_the_subject_before(nlp, text):
    """Guards of the epithet rule: a noun before the head, a word setting someone apart, a gender
    that disagrees, each make the description a new person, not the subject named before."""
    assert all(w not in ("Maria Keller", "Paul Adler") for w, _ in speakers(nlp, text))
