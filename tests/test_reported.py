"""Reported speech (kind ``indirect``): the clause, its cue and speaker, on sentences from real articles
(the seed fixture and PolNeAR dev), and what the index, export and check make of it."""
from __future__ import annotations

import pytest

from quotes.check.verdict import Checker
from quotes.export import to_markdown
from quotes.pipeline import analyse
from quotes.records import Document


def run(nlp, text):
    return analyse(nlp(text), Document(path="t.txt", text=text)).quotes


def reported(nlp, text):
    return [q for q in run(nlp, text) if q.kind == "indirect"]


def one(nlp, text, clause):
    hits = [q for q in reported(nlp, text) if q.quote == clause]
    assert hits, [q.quote for q in reported(nlp, text)]
    return hits[0]


def mention_of(nlp, text, clause):
    """The speaker mention's words of the one record whose clause is ``clause`` (None without one)."""
    q = one(nlp, text, clause)
    return q.speaker_mention.text if q.speaker_mention else None


@pytest.mark.parametrize("text, clause, mention, cue", [
    # seed fixture: venue between the cue and "that"
    ("Earlier this month, Minister of Transport and Logistics Abdessamad Kayouh said in a parliamentary session on "
     "June 3 that Royal Air Maroc plans to acquire 10 more aircraft before the end of the year.",
     "Royal Air Maroc plans to acquire 10 more aircraft before the end of the year", "Abdessamad Kayouh", "said"),
    # seed fixture: deny
    ("Sources from the land registry agency denied that its system was directly targeted.",
     "its system was directly targeted", "Sources", "denied"),
    # PolNeAR dev: "told reporters that"
    ("Clinton campaign manager Robby Mook told CBS This Morning on Monday that the Clinton campaign expects Holt "
     "to insert himself into the debate.",
     "the Clinton campaign expects Holt to insert himself into the debate", "Robby Mook", "told"),
    # PolNeAR dev: "said" with no "that"
    ("Experts on North Korea and nuclear nonproliferation said the latest nuclear test could change that.",
     "the latest nuclear test could change that", "Experts", "said"),
    # PolNeAR dev: the clause before its cue
    ("The explosion went off around 8:30 p.m. in front of 131 West 23rd Street, according to NYPD Commissioner "
     "James O'Neill.",
     "The explosion went off around 8:30 p.m. in front of 131 West 23rd Street", "James O'Neill", "according to"),
    # PolNeAR train: the phrase ends its paragraph (a line break after the stop)
    ("Sanders trails Clinton in California by 4 percentage points, according to HuffPost Pollster’s polling "
     "average.\nClinton won South Dakota.",
     "Sanders trails Clinton in California by 4 percentage points", "HuffPost Pollster’s polling average",
     "according to"),
    # "according to" first
    ("According to a new poll, Clinton and Trump are virtually tied heading into their first debate.",
     "Clinton and Trump are virtually tied heading into their first debate", "poll", "According to"),
    # seed fixture: "X quoted Y as saying that": Y speaks
    ("Reuters quoted industry sources as saying that Royal Air Maroc is close to securing a deal with Boeing.",
     "Royal Air Maroc is close to securing a deal with Boeing", "industry sources", "saying"),
    # an infinitival commitment
    ("Bobby Scott promised to ramp up fundraising and hire staff in anticipation of the fight ahead.",
     "to ramp up fundraising and hire staff in anticipation of the fight ahead", "Bobby Scott", "promised"),
    # a passive with its agent
    ("It was announced by the ministry that the airport will reopen on Monday.",
     "the airport will reopen on Monday", "the ministry", "announced"),
    # a statement noun and whose it is
    ("Trump's claim that he opposed the war from the start has been disputed.",
     "he opposed the war from the start", "Trump", "claim"),
    # a stance with an object (PolNeAR: "called for")
    ("Attorney General Roy Cooper called Friday for releasing the police videos.",
     "releasing the police videos", "Roy Cooper", "called"),
    # attitudes and disclosures with an object (PolNeAR counts them): mock, disclose
    ("Rival Hillary Clinton had mocked the complaint during a rally in Florida.",
     "the complaint", "Hillary Clinton", "mocked"),
    ("The newspaper has also disclosed foundation spending that personally benefited the candidate.",
     "foundation spending that personally benefited the candidate", "The newspaper", "disclosed"),
    # a stance adjective with what it bears on
    ("Party leaders were not too worried about the new ad campaign in Ohio.",
     "the new ad campaign in Ohio", "Party leaders", "worried"),
    ("Some senators were willing to back a narrower bill on emissions.",
     "to back a narrower bill on emissions", "Some senators", "willing"),
    # a passive of stance or report: its subject is what the agent holds
    ("The proposal was endorsed by the teachers' union on Monday.",
     "The proposal", "union", "endorsed"),
    # what a source says its object is: the object and its complement
    ("The governor called the new budget a betrayal of working families.",
     "the new budget a betrayal of working families", "The governor", "called"),
    ("Both candidates describe the attacks as crimes rather than acts of war.",
     "the attacks as crimes rather than acts of war", "Both candidates", "describe"),
    # a verb and preposition of stance
    ("The mayor railed against the new toll on the bridge at a rally on Sunday.",
     "the new toll on the bridge", "The mayor", "railed"),
    ("The governor hinted at a run for the Senate.",
     "a run for the Senate", "The governor", "hinted"),
    # a belief noun or a finding with whose it is
    ("Many donors expressed the fear that the party would lose the Senate in November.",
     "the party would lose the Senate in November", "Many donors", "fear"),
    ("Residents were alarmed by the report's finding that the dam was unsafe.",
     "the dam was unsafe", "report", "finding"),
    # a gerund of proposal or admission, and the asking of others with an infinitive
    ("The Republican candidate proposes letting families deduct the cost of elder care.",
     "letting families deduct the cost of elder care", "The Republican candidate", "proposes"),
    # (who is asked is part of what is asked: PolNeAR's "supporters to monitor polling places")
    ("Two union leaders begged the council to keep the old library open.",
     "the council to keep the old library open", "Two union leaders", "begged"),
    # a stance noun with its possessor
    ("Despite the governor's disdain for the new tax plan, the bill passed on Tuesday.",
     "the new tax plan", "governor", "disdain"),
    ("The senator's remarks about the trade deal drew sharp criticism from unions.",
     "the trade deal", "senator", "remarks"),
    # an object with what the verb says of it, up to the first adjunct
    ("Clinton cited the remarks as examples of his disrespect for women during a rally in Ohio.",
     "the remarks as examples of his disrespect for women", "Clinton", "cited"),
    ("The mayor praised the firefighters for their courage in a statement on Sunday.",
     "the firefighters for their courage", "The mayor", "praised"),
    # what a source says again, lists or reproaches
    ("The governor on Tuesday reiterated his support for the new stadium.",
     "his support for the new stadium", "The governor", "reiterated"),
    ("The report listed three reasons for the delay in the inspections.",
     "three reasons for the delay in the inspections", "The report", "listed"),
    # who speaks when the cue has no subject of its own: a gerund after a preposition, an
    # infinitive after an adjective, a cue the parse left hanging on the verb before it
    ("Bolton distanced himself from the movement by saying he would be willing to serve if asked.",
     "he would be willing to serve if asked", "Bolton", "saying"),
    ("Caucus-goers were slightly more likely to say they preferred Clinton on the economy.",
     "they preferred Clinton on the economy", "Caucus-goers", "say"),
    ("Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied with both "
     "candidates as the nominee.",
     "they would be satisfied with both candidates as the nominee", "Majorities of Democrats", "say"),
    # data say what they show
    ("A new Quinnipiac poll shows Clinton with a six-point lead in Ohio.",
     "Clinton with a six-point lead in Ohio", "poll", "shows"),
    # "hoping", "hoped": the lemmatizer's "hop" is read as "hope"
    ("Local officials are hoping to reopen the bridge by the end of the month.",
     "to reopen the bridge by the end of the month", "Local officials", "hoping"),
    # a stance on one name or one noun (PolNeAR: "endorsed Cruz", "have endorsed him")
    ("Former Texas governor Rick Perry endorsed Cruz last week at a rally in Houston.",
     "Cruz", "Rick Perry", "endorsed"),
    ("The state's largest teachers union endorsed her on Monday.",
     "her", "union", "endorsed"),
])
def test_clause_cue_and_speaker(nlp, text, clause, mention, cue):
    q = one(nlp, text, clause)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker_mention is not None and mention in q.speaker_mention.text
    assert text[q.start:q.end] == q.quote


def test_pronoun_resolves_through_coref(nlp):
    text = ("Earlier this month, Minister of Transport and Logistics Abdessamad Kayouh said in a parliamentary session "
            "on June 3 that Royal Air Maroc plans to acquire 10 more aircraft. He said that the company also welcomed "
            "three Boeing 787 Dreamliners during the first week of June.")
    first, second = reported(nlp, text)
    assert first.speaker == second.speaker == "Abdessamad Kayouh"
    assert first.venue == "in a parliamentary session on June 3"
    assert second.speaker_mention.text == "He"


def test_embedded_attribution_gives_two_records(nlp):
    text = "Kall said the candidate told him that he would not run an independent campaign."
    got = {(q.quote, q.speaker_mention.text) for q in reported(nlp, text)}
    assert ("the candidate told him that he would not run an independent campaign", "Kall") in got
    assert ("he would not run an independent campaign", "the candidate") in got


def test_speakers_next_act_is_no_part_of_the_clause(nlp):
    # "promised" is the mayor's next act, though the parse joins it to "regretted"; "supported" is the company's
    text = "The mayor said she regretted her remarks and promised to stay out of the dispute in the future."
    got = [(q.quote, q.speaker_mention.text) for q in reported(nlp, text)]
    assert got == [("she regretted her remarks", "The mayor"), ("to stay out of the dispute in the future", "The mayor")]
    text = "He said the company opposed the merger and supported the new plan."
    assert [q.quote for q in reported(nlp, text)] == ["the company opposed the merger and supported the new plan"]


@pytest.mark.parametrize("text, clause, mention", [
    ("Police issued a statement saying the suspect had been arrested.", "the suspect had been arrested", "Police"),
    ("Reuters quoted industry sources as saying that the deal was close.", "the deal was close", "industry sources"),
])
def test_a_report_carried_by_an_object_is_one_record(nlp, text, clause, mention):
    # the object that carries the report ("a statement saying …") is no second record of the same words
    assert [(q.quote, q.speaker_mention.text) for q in reported(nlp, text)] == [(clause, mention)]


def test_nested_stance_is_part_of_the_outer_report(nlp):
    # PolNeAR dev: one attribution, Stein's; "she plans" is no second statement
    text = "Stein said she plans to join her supporters at the protest."
    assert [q.quote for q in reported(nlp, text)] == ["she plans to join her supporters at the protest"]


def test_mixed_quote_links_partial_to_clause(nlp):
    text = 'The coach said the players were "deeply disappointed" by the ruling and would appeal.'
    quotes = run(nlp, text)
    clause = [q for q in quotes if q.kind == "indirect"]
    part = [q for q in quotes if q.kind == "partial"]
    assert len(clause) == 1 and len(part) == 1
    assert clause[0].quote == 'the players were "deeply disappointed" by the ruling and would appeal'
    assert part[0].within == clause[0].start


def test_direct_quote_clause_is_not_reported(nlp):
    # seed fixture: the clause of "declared that '…'" is the quotation itself
    text = ("He also declared that 'without Morocco's work, in this specific case, France would be less safe,' "
            "Darmanin emphasized.")
    assert reported(nlp, text) == []
    text = "'The cooperation is excellent,' Darmanin voiced during an interview with 2M on Sunday."
    assert reported(nlp, text) == []


def test_seed_fixture_reported_speakers(seed_text, nlp):
    quotes = run(nlp, seed_text)
    by = {}
    for q in quotes:
        if q.kind == "indirect":
            by.setdefault(q.speaker, []).append(q.quote)
    assert any(s.startswith("Royal Air Maroc plans to acquire") for s in by["Abdessamad Kayouh"])
    assert any(s.startswith("the company also welcomed") for s in by["Abdessamad Kayouh"])
    assert any(s.startswith("its information systems") for s in by["Ministry of Justice"])
    assert any(s.startswith("the Boeing order could be delayed") for s in by["Bloomberg"])
    # "An authorized source from ANFCC said …": filed under the body (route "source", below 0.9)
    assert any(s.startswith("no intrusion or data leak") for s in by["ANFCC"])


def _row(q, **kw):
    return {"id": f"d-{q['start']}", "doc_id": "d", "doc_path": "a.txt", "speaker_id": kw.get("sid", 1), **q}


KAYOUH = {"quote": "Royal Air Maroc plans to acquire 10 more aircraft before the end of the year", "start": 100,
          "end": 175, "speaker": "Abdessamad Kayouh", "kind": "indirect", "cue": {"start": 80, "end": 84, "text": "said"},
          "venue": "in a parliamentary session on June 3"}


def test_check_reported_words_in_marks():
    checker = Checker([_row(KAYOUH)], [{"id": 1, "name": "Abdessamad Kayouh", "aliases": [], "roles": []}])
    v = checker.check("Royal Air Maroc plans to acquire 10 more aircraft", "Kayouh", [1])
    assert v.verdict == "reported" and v.said_by == "Abdessamad Kayouh"
    # a quotation with the same words stays verbatim: reported only when no quotation holds them
    direct = {**KAYOUH, "kind": "direct", "start": 300, "end": 375}
    v = Checker([_row(KAYOUH), _row(direct)]).check("Royal Air Maroc plans to acquire 10 more aircraft")
    assert v.verdict == "verbatim"


def test_export_never_blockquotes_reported_speech():
    md = to_markdown([_row(KAYOUH)], [{"id": 1, "name": "Abdessamad Kayouh", "roles": []}])
    line = next(l for l in md.splitlines() if "Royal Air Maroc" in l)
    assert not line.startswith(">")
    assert line.startswith("Abdessamad Kayouh **said** that Royal Air Maroc plans")
    assert "reported" in line


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, nlp, seed_text):
    from quotes.index.core import Index

    db = tmp_path_factory.mktemp("reported") / "index.json"
    Index(db).ingest([analyse(nlp(seed_text), Document(path="seed.txt", text=seed_text))])
    return db


def cli(db, *args):
    from typer.testing import CliRunner

    from quotes.cli import app

    return CliRunner().invoke(app, [*args, "--db", str(db)])


def test_list_by_kind(seed_db):
    import json

    def kinds(*args):
        res = cli(seed_db, "list", "--format", "jsonl", *args)
        assert res.exit_code == 0, res.output
        return [json.loads(l)["kind"] for l in res.stdout.splitlines()]

    every = kinds()
    assert "indirect" in every and "direct" in every and "partial" in every
    assert set(kinds("--kind", "indirect")) == {"indirect"}
    assert set(kinds("--kind", "quotes")) == {"direct", "partial"}
    assert set(kinds("--kind", "direct")) == {"direct"}
    assert len(kinds("--kind", "quotes")) + len(kinds("--kind", "indirect")) == len(every)
    kayouh = cli(seed_db, "list", "--speaker", "kayouh", "--format", "jsonl")
    rows = [json.loads(l) for l in kayouh.stdout.splitlines()]
    assert len(rows) == 2 and {r["kind"] for r in rows} == {"indirect"}
    assert rows[0]["venue"] == "in a parliamentary session on June 3"
    assert cli(seed_db, "list", "--kind", "bogus").exit_code == 2


def test_speakers_count_quotations_and_reported_apart(seed_db):
    import json

    res = cli(seed_db, "speakers", "--format", "jsonl")
    rows = {r["name"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert rows["Abdessamad Kayouh"]["quotes"] == 0 and rows["Abdessamad Kayouh"]["reported"] == 2
    assert rows["Abdessamad Kayouh"]["roles"] == ["Minister of Transport and Logistics"]
    assert rows["Gérald Darmanin"]["quotes"] > 0


def test_cli_check_reported_exit_13(seed_db):
    res = cli(seed_db, "check", "Royal Air Maroc plans to acquire 10 more aircraft", "--speaker", "Kayouh")
    assert res.exit_code == 13
    assert "reported" in res.stdout
    assert cli(seed_db, "check", "The cooperation is excellent", "--speaker", "Darmanin").exit_code == 0


@pytest.mark.parametrize("text, clause", [
    # a participle of saying the parse hangs inside the clause is a report of its own
    ("Security analysts said economic factors have contributed to raising the region's appeal abroad, citing the "
     "strategic importance of a port that borders the sea.",
     "economic factors have contributed to raising the region's appeal abroad"),
    # a verb of saying joined to the clause's verb
    ("Trump said he would order a thorough review of the nation's computer defenses and warned against hackers "
     "from China.",
     "he would order a thorough review of the nation's computer defenses"),
    # the writer's aside after a comma: a relative clause on a name, a contrast with others
    ("Fowler said he expects Clinton to fully recover from her bout with pneumonia, which forced her to leave a "
     "memorial event early.",
     "he expects Clinton to fully recover from her bout with pneumonia"),
    ("About half of the voters say they prefer a candidate who is an outsider, while about 4 in 10 want one with "
     "political experience.",
     "they prefer a candidate who is an outsider"),
    ("Mr. Ryan has long said that he will support the party's nominee, even as he has taken frequent shots at "
     "the nominee's comments.",
     "he will support the party's nominee"),
    ("The donor said it took him a couple of months of asking before he could find a Trump supporter, "
     "highlighting the disconnect between the donor class and the grass roots.",
     "it took him a couple of months of asking before he could find a Trump supporter"),
    # a semicolon closes the clause
    ("Republicans said the timing of the news was not intentional; they only learned of the deal on Friday.",
     "the timing of the news was not intentional"),
])
def test_clause_ends_before_another_report(nlp, text, clause):
    assert clause in [q.quote for q in reported(nlp, text)]


def test_mixed_clause_mostly_in_marks_is_reported(nlp):
    # the writer's subject before the marks makes it a mixed quote, not the quotation's own clause
    text = 'The senator said the governor had "failed every family in this state and every town in it."'
    quotes = run(nlp, text)
    clause = [q for q in quotes if q.kind == "indirect"]
    assert len(clause) == 1 and clause[0].quote.startswith('the governor had "failed every family')
    assert [q.within for q in quotes if q.kind == "partial"] == [clause[0].start]


def test_headline_source_and_colon(nlp):
    text = ("Kaine: Trade Deal Would Cost Ohio Jobs Within a Year.\n\nCorrection: An earlier version of this article "
            "misstated the date.\n\nTim Kaine spoke in Toledo on Monday.")
    got = [(q.quote, q.speaker_mention.text, q.cue.text) for q in reported(nlp, text)]
    assert ("Trade Deal Would Cost Ohio Jobs Within a Year", "Kaine", ":") in got
    assert not any(m == "Correction" for _, m, _ in got)


def test_headline_source_the_tagger_calls_a_noun(nlp):
    # the tagger reads headline names as common nouns: "Sanders" NOUN, "Clinton camp" NOUN NOUN
    text = ("Sanders: Clinton Email Story Has Moved.\n\nClinton camp: Trump's rhetoric threatens national security."
            "\n\nBYLINE: Amber Phillips.\n\nTwo questions: Why now? And why here?")
    got = [(q.quote, q.speaker_mention.text) for q in reported(nlp, text)]
    assert ("Clinton Email Story Has Moved", "Sanders") in got
    assert ("Trump's rhetoric threatens national security", "Clinton camp") in got
    assert not any(m in ("BYLINE", "Two questions") for _, m in got)


def test_verb_with_its_own_object_is_no_aside(nlp):
    # "declare its intention" is the clause's own verb, not "…, he declared, …" around its host
    text = "The prime minister said this week that the country would formally declare its intention to leave by March."
    got = [q.quote for q in reported(nlp, text)]
    assert "the country would formally declare its intention to leave by March" in got
    assert not any(q.startswith("The prime minister said") for q in got)


def test_coordinated_infinitives_stay_in_the_clause(nlp):
    # the parse hangs "grow" on the cue, not on "triple": the commitment is all three
    text = "She wants to triple the size of the volunteer corps, grow the youth program and create a new reserve."
    assert [q.quote for q in reported(nlp, text)] == [
        "to triple the size of the volunteer corps, grow the youth program and create a new reserve"]


@pytest.mark.parametrize("text", [
    # a bid, an investigation, an unveiling or a fight is no statement (PolNeAR train: a quarter to two fifths
    # of such findings were attributions)
    "Clinton's bid for the presidency has drawn thousands of new volunteers to the state.",
    "The U.S. Department of Justice is investigating the shooting.",
    "Trump did not unveil plans to pay for the expansion.",
    "The union will fight for higher wages in the new contract.",
    # with a person as subject, what one shows is no statement
    "The candidate showed signs of fatigue at the end of the rally.",
    # a source's condition for speaking is not what it says (issue 16's known false positive)
    "A volunteer who asked not to be named shrugged.",
    "The official declined to be identified because the talks were private.",
])
def test_no_statement(nlp, text):
    assert reported(nlp, text) == []


@pytest.mark.parametrize("text, clause", [
    # PolNeAR dev: the writer's connective is no part of what the IMF said
    ("However, slower growth in developed nations is being offset by slightly faster improvements in emerging "
     "economies, the IMF said.",
     "slower growth in developed nations is being offset by slightly faster improvements in emerging economies"),
    ("In addition, the campaign plans to make more detailed medical records available soon, a spokesman announced "
     "Monday morning.",
     "the campaign plans to make more detailed medical records available soon"),
    # PolNeAR train: an aside that opens its host, after a connective at most
    ("As The Washington Post reported, even if Sanders managed to split delegates with Clinton in Tuesday’s "
     "contests, he would then need to win 55 percent of the remaining delegates in order to tie the front-runner.",
     "even if Sanders managed to split delegates with Clinton in Tuesday’s contests, he would then need to win 55 "
     "percent of the remaining delegates in order to tie the front-runner"),
    ("Still, he said, officials have to decide who gets extra scrutiny.",
     "officials have to decide who gets extra scrutiny"),
])
def test_clause_starts_after_the_writers_connective_and_aside(nlp, text, clause):
    one(nlp, text, clause)


@pytest.mark.parametrize("text, clause", [
    # what "as" says of the object is part of the stance, an adjective as much as a noun (PolNeAR
    # train: "described his proposal as too vague and politically unrealistic"); the adjunct after it is not
    ("The union dismissed the proposal as too timid to matter.", "the proposal as too timid to matter"),
    ("The committee rejected the budget as unrealistic in a vote on Friday.", "the budget as unrealistic"),
])
def test_object_keeps_what_as_says_of_it(nlp, text, clause):
    one(nlp, text, clause)


def test_closing_according_to_sources_every_coordinated_clause(nlp):
    # the phrase closes the sentence: the bureau gives both figures, not the last one only
    one(nlp, "Prices climbed 4% in March and wages rose 2%, according to the bureau.",
        "Prices climbed 4% in March and wages rose 2%")


def test_clause_keeps_the_percent_sign_of_its_last_number(nlp):
    # "%" is punctuation to the tokenizer, but part of the figure: the clause is not cut before it
    one(nlp, "Support for the measure has fallen to 41%, the survey found.", "Support for the measure has fallen to 41%")


@pytest.mark.parametrize("text, clause, mention", [
    # PolNeAR train: "made it clear … that", "make the case … that"
    ("Presumptive Democratic nominee Hillary Clinton made it clear to House Democrats on Wednesday that she has "
     "their backs, touting a message of unity and coordination.",
     "she has their backs", "Hillary Clinton"),
    ("They have made the case that she is too close to Wall Street banks.",
     "she is too close to Wall Street banks", "They"),
])
def test_made_clear_and_made_the_case(nlp, text, clause, mention):
    assert mention in (mention_of(nlp, text, clause) or "")


@pytest.mark.parametrize("text, clause, mention", [
    # PolNeAR train: a statement noun carried by a light verb says what its subject said about something
    ("Donald Trump has recently made comments about the possibility of voter fraud during the presidential "
     "election.",
     "the possibility of voter fraud during the presidential election", "Donald Trump"),
    ("Trump made conflicting statements about how he would tackle Social Security, tax cuts, nuclear weapons, "
     "foreign relations and education policy.",
     "how he would tackle Social Security, tax cuts, nuclear weapons, foreign relations and education policy",
     "Trump"),
])
def test_statement_noun_of_a_light_verb(nlp, text, clause, mention):
    assert mention in (mention_of(nlp, text, clause) or "")


@pytest.mark.parametrize("text", [
    "The new mayor seemed to be enjoying the attention at the ribbon cutting.",
    "The senators seemed unhappy with the compromise.",
    "It appears that the bridge will stay closed until spring.",
])
def test_what_merely_seems_so_is_no_one_s_statement(nlp, text):
    """The writer's impression names no one to file it under (PolNeAR marks it; the index leaves it out)."""
    assert reported(nlp, text) == []


@pytest.mark.parametrize("text, clause", [
    # a report inside the impression is the statement, and "appear" on a stage is no impression
    ("He appeared to suggest that taxes would rise next year.", "taxes would rise next year"),
    ("She appeared on three talk shows last week.", None),
])
def test_a_report_inside_an_impression_is_the_statement(nlp, text, clause):
    assert [q.quote for q in reported(nlp, text)] == ([clause] if clause else [])


def test_a_poll_before_its_finding(nlp):
    q = one(nlp, "In a new survey of likely voters, the governor leads his challenger by nine points.",
            "the governor leads his challenger by nine points")
    assert q.speaker_mention is not None and "survey" in q.speaker_mention.text
    # a poll after the clause is the writer's account of a standing
    assert reported(nlp, "The senator has slipped in the polls since the debate.") == []


@pytest.mark.parametrize("text, clause, mention", [
    # what a source thanks, compares, offers, says of something or recalls: the object and its complement
    ("The committee thanked the volunteers for their work.", "the volunteers for their work", "The committee"),
    ("The governor compared the tax to highway robbery.", "the tax to highway robbery", "The governor"),
    ("The senator offered a blunt assessment of the budget on Tuesday.", "a blunt assessment of the budget",
     "The senator"),
    ("The mayor said the same of the council.", "the same of the council", "The mayor"),
    ("Few voters remember the scandal.", "the scandal", "Few voters"),
])
def test_object_of_thanks_comparison_offer(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention


@pytest.mark.parametrize("text, clause, mention", [
    # a verb and preposition of stance: asking for, siding with
    ("The union asked for a meeting with the mayor.", "a meeting with the mayor", "The union"),
    ("Two senators sided with the governor on the tax plan.", "the governor on the tax plan", "Two senators"),
    # a decision or a vote with its infinitive
    ("The council voted to close the old library.", "to close the old library", "The council"),
    ("The board decided to delay the vote until March.", "to delay the vote until March", "The board"),
    # what one notices, and what one sees as something when the parse hangs "as" on the object
    ("She never noticed that the money was missing.", "the money was missing", "She"),
    ("Many parents now see the test as a waste of time.", "the test as a waste of time", "Many parents"),
])
def test_stance_preposition_decision_notice(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention


@pytest.mark.parametrize("text, clause", [
    # a passive of stance or report with no agent: the subject and what is said of it, by no one named
    ("The protester was later identified as a local teacher.", "The protester was later identified as a local teacher"),
    ("The new stadium was criticized at the meeting.", "The new stadium"),
])
def test_passive_with_no_agent(nlp, text, clause):
    assert one(nlp, text, clause).speaker_mention is None
    # a passive of any other verb says nothing
    assert reported(nlp, "The plant was closed last year.") == []


@pytest.mark.parametrize("text, clause, mention", [
    # a decision, an assessment or a critique and what it bears on, with whose it is
    ("The board's decision to delay the vote surprised the teachers.", "to delay the vote", "The board's"),
    ("The senator's critique of the budget was sharp.", "the budget", "The senator's"),
])
def test_stance_noun_of_decision_or_assessment(nlp, text, clause, mention):
    q = one(nlp, text, clause)
    assert q.speaker_mention is not None and mention.split("'")[0] in q.speaker_mention.text


@pytest.mark.parametrize("text, clause, mention", [
    # the parse takes the clause's gerund subject for the verb's complement
    ("She said taxing it could put thousands of families at risk.",
     "taxing it could put thousands of families at risk", "She"),
    # a one-word answer
    ("Asked whether she would run again, the governor said no.", "no", "the governor"),
    ("Most of the residents said yes.", "yes", "Most of the residents"),
])
def test_gerund_clause_and_one_word_answer(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention


@pytest.mark.parametrize("text, clause, mention", [
    # the stance of others its subject meets: the others, when named, are the source
    ("The proposal drew sharp criticism from the unions.", "The proposal", "the unions"),
    ("The ruling angered the teachers.", "The ruling", "the teachers"),
    ("The senator came under fire for the vote.", "The senator", None),
])
def test_stance_of_others_the_subject_meets(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention


@pytest.mark.parametrize("text, clause, mention", [
    # a statement named by the subject of "be", spelled out by its clause
    ("The mayor's answer was that the city could not afford it.", "the city could not afford it", "The mayor's"),
    ("One of her main arguments is that the tax hurts renters.", "the tax hurts renters", "her"),
])
def test_statement_noun_spelled_out_by_be(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention
    # the writer's own open question is no statement
    assert reported(nlp, "The question is whether the bridge will open on time.") == []


def test_headline_verb_the_tagger_calls_a_noun(nlp):
    text = "Former Governor Endorses Local Sheriff For Senate\n\nThe endorsement came on Monday."
    q = one(nlp, text, "Local Sheriff For Senate")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Former Governor"
    # running text is no headline
    assert not [q for q in reported(nlp, "The Annual Fair Supports local farmers every year.") if q.cue.text == "Supports"]


@pytest.mark.parametrize("text, clause, mention", [
    # more attitude adjectives, and what they bear on after "in", "at" or "by"
    ("The farmers are tired of the delays.", "the delays", "The farmers"),
    ("The mayor is upbeat about the new budget.", "the new budget", "The mayor"),
    ("Several council members were alarmed at the cost of the bridge.", "the cost of the bridge",
     "Several council members"),
])
def test_more_attitude_adjectives(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention


def test_one_who_holds_a_stance(nlp):
    q = one(nlp, "The governor is an outspoken critic of the deal.", "the deal")
    assert q.speaker_mention is not None and q.speaker_mention.text == "The governor"


@pytest.mark.parametrize("text, clause, mention", [
    ("The governor vetoed the spending bill.", "the spending bill", "The governor"),
    ("She told reporters about her plans for the library.", "her plans for the library", "She"),
    ("The two candidates sparred over the tax plan.", "the tax plan", "The two candidates"),
])
def test_veto_tell_about_spar_over(nlp, text, clause, mention):
    assert mention_of(nlp, text, clause) == mention
