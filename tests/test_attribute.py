"""Each sieve of the attribution stage, on sentences from real articles."""
from __future__ import annotations

import pytest

from quotes.attribution.sieve import attribute, is_partial
from quotes.detect.spans import detect
from quotes.records import QuoteSpan


def attributions(nlp, text):
    return attribute(nlp(text), detect(text))


def only(nlp, text):
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert len(atts) == 1, [a.span.text for a in atts]
    return atts[0]


@pytest.mark.parametrize("text, speaker, cue, sieve", [
    # quote-cue-speaker, the parse ties the quote to the cue
    ("“It was very nice,” the gambling tycoon told Reuters in a telephone interview.", "the gambling tycoon", "told", "syntax"),
    # speaker-cue-quote with "that"
    ("The justice minister added that 'these individuals will be sent to French national territory.'",
     "The justice minister", "added", "syntax"),
    # the outermost reporting verb wins (PolNeAR annotates the outer source)
    ("But Cox says the NRA won’t allow “law-abiding gun owners to become scapegoats for President Obama’s failed policies.”",
     "Cox", "says", "syntax"),
    # quote-speaker-cue where the tagger mislabels the name
    ("'The cooperation is excellent,' Darmanin voiced during an interview with 2M on Sunday.", "Darmanin", "voiced", None),
    # inverted: cue then speaker
    ("“Donald is, and always has been, an amazing leader,” said the 46-year-old.", "the 46-year-old", "said", None),
])
def test_cue_and_speaker(nlp, text, speaker, cue, sieve):
    a = only(nlp, text)
    assert a.mention is not None and speaker in a.mention.text
    assert a.cue is not None and a.cue.text == cue
    if sieve:
        assert a.sieve == sieve


@pytest.mark.parametrize("text, source", [
    # PolNeAR dev (Politico): "per" names a source like "according to"
    ("Proxy voting is allowed, but it’s prohibited when voting “to fill a vacancy on the National ticket,” "
     "per the party’s bylaws.", "the party’s bylaws"),
    ("The campaign raised “record sums” in March, per CNN.", "CNN"),
])
def test_per_names_a_source(nlp, text, source):
    a = only(nlp, text)
    assert a.sieve == "according" and a.mention.text == source


def test_per_a_unit_is_no_source(nlp):
    a = only(nlp, "It costs $5 per person to “get in” the door, he said.")
    assert a.mention is not None and a.mention.text == "he"


def test_according_to(nlp):
    a = only(nlp, "Americans want lower prices on items labeled “Made in the U.S.A.,” according to an Associated Press-GfK poll.")
    assert a.sieve == "according" and "poll" in a.mention.text


@pytest.mark.parametrize("text, source", [
    # PolNeAR train (Western Journal): "To X," opening the sentence names whose view it is
    ("To Sharp, Trump is the “kind-hearted and caring” man who saved her family’s farm back in 1986.", "Sharp"),
    # PolNeAR train (Western Journal): after "because"
    ("He doesn’t understand how anyone can see otherwise because to him, liberals pose such a big threat to the "
     "future of America that it is not an option to “refuse to vote for the only person who can stop them.”", "him"),
])
def test_to_someone_set_off_by_a_comma_names_the_source(nlp, text, source):
    a = only(nlp, text)
    assert a.sieve == "according" and a.mention.text == source


def test_colon_introduces_next_paragraph(nlp):
    text = "Cruz continued:\n\n“You look at the questions: Donald Trump, are you a comic book villain?”\n"
    a = only(nlp, text)
    assert a.sieve == "colon" and a.mention.text == "Cruz"


def test_inverted_colon_intro_parsed_as_a_name(nlp):
    # PolNeAR train (Breitbart): the tagger reads "Stated Stone" as a first name and a surname
    text = "Stone made the remarks on the radio show.\n\nStated Stone:\n\n“I think that the stakes are so high.”\n"
    a = only(nlp, text)
    assert a.sieve == "colon" and a.cue.text == "Stated" and a.mention.text == "Stone"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Breitbart, HuffPost): the colon's verb says nothing and its subject is a thing
    ("Independents disagreed.\n\nThe timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: "
     "“Historically, lesser-known candidates have seen the biggest boost.”\n", "Republican pollster Daron Shaw"),
    # a subject who is someone keeps the quote, even with a name after the verb
    ("Trump went even further at the Group of 20 conference: “Is it time for your strategy to change?”\n",
     "Trump"),
])
def test_colon_after_a_verb_that_says_nothing(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve == "colon" and a.mention.text == speaker


def test_parenthetical_cue_inside_sentence(nlp):
    a = [x for x in attributions(nlp, "Vice President Joe Biden, Rubio said, had been in the Senate for \"a thousand years\".")
         if x.kind in ("direct", "partial")][0]
    assert a.mention.text == "Rubio" and a.cue.text == "said"


def test_continuation_takes_previous_speaker(nlp):
    text = ("'The cooperation is excellent,' Darmanin voiced during an interview on Sunday.\n"
            "'The exceptional work Morocco does in intelligence provides us with substantial information.'\n")
    first, second = [a for a in attributions(nlp, text) if a.kind == "direct"]
    assert second.sieve == "continues" and second.mention is not None
    assert second.mention.start_char == first.mention.start_char
    assert second.continues == 0


def test_continuation_does_not_jump_two_paragraphs(nlp):
    text = ("“We will win,” Smith said.\n\nThe vote is on Tuesday.\n\nPolls close at eight.\n\n"
            "“Nobody knows what happens next.”\n")
    last = attributions(nlp, text)[-1]
    assert last.span.text == "Nobody knows what happens next."
    assert last.mention is None


def test_quoted_verb_partial_quote(nlp):
    text = "During a joint press conference with Ouahbi, Darmanin 'sincerely thanked' Morocco for its cooperation."
    a = only(nlp, text)
    assert a.kind == "partial" and a.mention.text == "Darmanin"


def test_title_hanging_from_cue_by_preposition_stays_a_title(nlp):
    atts = attributions(nlp, "“I have always said that I expect to be vetted,” he said on “Meet the Press.”")
    kinds = {a.span.text: a.kind for a in atts}
    assert kinds["I have always said that I expect to be vetted,"] == "direct"
    assert kinds["Meet the Press."] not in ("direct", "partial")


def test_name_in_marks_as_subject_is_not_a_quote(nlp):
    atts = attributions(nlp, "Algerian hacker group 'Jabaroot' claimed responsibility for the new alleged cyberattack.")
    jabaroot = [a for a in atts if a.span.text == "Jabaroot"]
    assert jabaroot, "the name in marks is no longer detected at all"
    assert all(a.mention is None for a in jabaroot)


def test_heading_has_no_speaker(nlp):
    atts = attributions(nlp, "'A deep friendship and renewed partnership'\nMorocco has emerged as a key partner, he said.\n")
    assert atts[0].kind == "heading" and atts[0].mention is None


def test_group_pieces_share_one_speaker(nlp):
    text = ("Dr. Ward stated:\n\n\"The Department of Justice has lost its way.\n\n"
            "\"It is about an extreme vision of transforming our nation.\"\n")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert len(atts) == 2 and all(a.mention is not None and "Ward" in a.mention.text for a in atts)


def test_is_partial():
    text = "Darmanin proclaimed the declaration 'a significant sign of enhanced cooperation,' while commending."
    i = text.index("'a")
    span = QuoteSpan(start=i + 1, end=text.index(",'") + 1, text="", open_start=i, close_end=text.index(",'") + 2)
    span.text = text[span.start:span.end]
    assert is_partial(span, text)
    whole = "'We have reached an agreement,' Ouahbi stated."
    assert not is_partial(QuoteSpan(1, 29, whole[1:29], 0, 30), whole)


def test_a_quote_after_an_abbreviation_is_partial(nlp):
    # PolNeAR train (HuffPost): the stop of "U.S." ends no sentence; the quote is inside the writer's
    text = ("His office put out a statement saying the U.S. “does not have the capacity to properly vet every "
            "incoming refugee.”")
    i = text.index("“")
    assert is_partial(QuoteSpan(i + 1, len(text) - 1, text[i + 1:-1], i, len(text)), text)
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == "His office"
    # a sentence that ends in one still ends there
    text = "He moved to the U.S. “It was the best decision,” he said."
    i = text.index("“")
    assert not is_partial(QuoteSpan(i + 1, text.index("”"), text[i + 1:text.index("”")], i, text.index("”") + 1),
                          text)


def test_empty_and_quote_free_documents(nlp):
    assert attribute(nlp(""), []) == []
    assert attributions(nlp, "No quotation here at all.") == []


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train failures, kept as regressions
    ("“Having access to the RNC file is valuable,” said Skelly, explaining he worked more closely with Chrabaszcz.\n",
     "Skelly"),  # the tagger calls Skelly an adverb
    ("\"Today, the kingdom is one of the leading nations in combating terrorism,\" the Saudis state in the white paper.\n",
     "Saudis"),  # "state" tagged as a noun
    ("“Would it be negotiable about the 11 million?” Hannity pressed.\n", "Hannity"),  # a weak cue right after
    ("“They know Hillary’s the only one strong enough to stop Wall Street abuses,” a voice-over in the ad states.\n",
     "voice-over"),
])
def test_mislabelled_cues_and_speakers(nlp, text, speaker):
    a = attributions(nlp, text)[0]
    assert a.mention is not None and speaker in a.mention.text


@pytest.mark.parametrize("text, speaker", [
    # the quote ends with a nested quote: the clause still closes before the cue
    ("\"My father made the donation. This would be why he is the 'Title Sponsor,' \" Eric Trump wrote of the gift.\n",
     "Eric Trump"),
    ("“Her immediate response has been, ‘Let’s see what’s going on, and what can we do to help?’” Renteria told "
     "reporters during Tuesday’s conference call.\n", "Renteria"),
])
def test_quote_ending_in_a_nested_quote(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker_at", [
    # the parse ties the quote to the cue of the sentence before; the cue right after it is the quote's
    ("He said his friends feel the same way. ''It's all Facebook, Instagram and Snapchat,'' he said. "
     "''They're quick and they're fun.''\n", "he said."),
    ("Mr. Obama praised her. ''That's what Hillary Clinton understands,'' Mr. Obama said.\n", "Mr. Obama said."),
])
def test_cue_right_after_the_quote_wins(nlp, text, speaker_at):
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][0]
    assert a.mention is not None and a.mention.start_char == text.index(speaker_at)


@pytest.mark.parametrize("text, speaker", [
    # a participle or a subordinate clause after the quote hangs from the clause before it
    ("To wit, Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation which was maniacal,” "
     "adding, “He lost all of the Latino vote.”\n", "Trump"),
    ("Sanders had previously said, “We’ll see,” when asked whether he would raise money for other candidates.\n",
     "Sanders"),
])
def test_clause_after_the_quote_is_not_its_cue(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # "as X put it" reports speech; "put" alone does not
    ("As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved, and liberal activists are uninspired.\"\n",
     "The Post's Dana Milbank"),
    ("Or, as Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are no longer at the gate.''\n",
     "Tom Ridge, a former secretary of homeland security"),
    # the particle of "shot back" parsed as an adverb
    ("“Look at all these supporters here,” Paradis said with a smirk.\n\n“They’re all here because he’s promising "
     "them free stuff,” Bennett shot back with a laugh.\n", "Bennett"),
    # a colon in the paragraph: the verb it closes, not the root inside the quote
    ("“Or not,” he said in an MSNBC interview. In a Fox interview later that day, Trump went even further: “If he "
     "goes forward and loses, it’s the end of his career.”\n", "Trump"),
])
def test_more_cue_shapes(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][-1]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # "one of those advisers" names someone, though "one" alone does not
    ("The calendar is tough. \"There won't be a path for Bernie to succeed,\" said one of those advisers, who spoke "
     "on the condition of anonymity.\n", "one of those advisers, who spoke on the condition of anonymity"),
    # the parse hangs the name on the participle after it; the phrase after the cue still names the speaker
    ("She hadn't.\n\n\"I'm not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben "
     "Carson, asked about his claims that he had received a scholarship.\n", "retired neurosurgeon Ben Carson"),
])
def test_inverted_cue_speakers(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # a dateline parsed as a second subject: the subject nearest the verb speaks
    ("LONDON (Reuters) - Donald Trump said he was unlikely to get along with David Cameron because the prime "
     "minister cast him as “divisive, stupid and wrong” for proposing a ban.\n", "Donald Trump"),
    ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump’s stance on Brexit, saying "
     "that “bombastic comments” do more harm than good.\n", "Democrat Hillary Clinton"),
    ("At Baldwin Wallace University in Berea, OH, after winning Ohio, Gov. John Kasich (R-OH), said, “I’m getting "
     "ready to rent a covered wagon.”\n", "Gov. John Kasich (R-OH)"),
    # no subject in the parse: the person named nearest the cue, not the party adjective
    ("Saturday at the Massachusetts Democratic state’s party convention Sen. Elizabeth Warren (D-MA) said "
     "presumptive Republican nominee Donald Trump was a “proven failure” in business.\n", "Sen. Elizabeth Warren (D-MA)"),
])
def test_subject_nearest_the_cue(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # the parse's subject says nothing: the source named by "according to" is the quote's
    ("Over the next three months, the word ''birther'' was mentioned on the network in more than 80 broadcasts, "
     "according to a review of available Fox transcripts.\n", "a review of available Fox transcripts"),
    ("According to The Federalist, the men were wearing shirts that read “Settle for Hillary.”\n", "The Federalist"),
    # a person who speaks stays the speaker, whoever reported it
    ("“There has been a constant drip, drip, drip of declarations,” the judge said, according to the Post.\n",
     "the judge"),
    ("“I ask you not to engage in any kind of protest on the floor,” Sanders said, according to CNN.\n", "Sanders"),
])
def test_according_to_when_the_subject_does_not_speak(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # a coordinated clause with its own subject and reporting verb: the verb above does not report it
    ("Puerto Rico has been warning that it is running out of cash, and Ms. Acosta said the ''extraordinary "
     "measures'' she had been using were unsustainable.\n", "Ms. Acosta"),
    # an adverbial clause with its own speaker
    ("Clinton weighed in with her support on Tuesday evening, hours after Sanders said he was “encouraged” by "
     "the plan.\n", "Sanders"),
    # a coordinated clause, even when the quote is not what its verb says (PolNeAR train, Breitbart)
    ("At one point, a woman asked for a photo and Clinton said, “as long as we’re not violating any election "
     "laws.”\n", "Clinton"),
    # but reported speech inside reported speech stays the outer speaker's (PolNeAR's choice too)
    ("But Cox says the NRA won’t allow “law-abiding gun owners to become scapegoats.”\n", "Cox"),
])
def test_clause_of_its_own(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # the walk to the cue passes through another quote of the same sentence
    ("In an interview, the Democratic presidential candidate stated that Trump’s “divisive” and “mean-spirited” "
     "comments do not “fit with what I thought I knew about him.”\n", "the Democratic presidential candidate"),
    # of two weak cues, the verb over its object noun ("called Trump's statements 'childish'")
    ("Speaker Paul D. Ryan, the nation's highest-ranking Republican, called Donald J. Trump's remarks about a Latino "
     "judge ''racist,'' an extraordinary indictment.\n", "Speaker Paul D. Ryan, the nation's highest-ranking Republican"),
    # no subject in the parse: not the person named inside a relative clause
    ("Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called Trump's "
     "statements and actions on Sunday \"childish.\"\n",
     "Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign"),
])
def test_cue_above_other_quotes_and_nouns(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # after a question, "asked X" names the one asking
    ("The candidate arrived.\n\n''Is Donald Trump running against the Republican National Committee?'' asked "
     "Mr. Manafort, referring to the candidate's unrelenting assault.\n", "Mr. Manafort"),
    ("The audience laughed.\n\n“How big is that wall?” asked the boy, who was wearing a hat.\n",
     "the boy, who was wearing a hat"),
    # verbs of saying the list lacked
    ("\"An awful lot of analysts said, 'No, don't do this,' and she took it upon herself to prove them wrong,\" "
     "remembered Roy Verley, HP's former chief corporate spokesman.\n", "Roy Verley, HP's former chief corporate spokesman"),
])
def test_inverted_ask_and_remember(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker


def test_cue_of_the_next_sentence_with_its_own_object(nlp):
    text = ("“This is wrong,” Lynch said on Monday. “We are seeking a court order declaring the restriction "
            "discriminatory.” She further announced that the department was keeping the right to sue.\n")
    second = [a for a in attributions(nlp, text) if a.kind == "direct"][1]
    assert second.mention is not None and second.mention.text == "Lynch"


def test_passive_cue_agent_speaks(nlp):
    text = ("Rubio was asked by Fox Business moderator Gerard Baker whether his plan would risk “adding another "
            "expensive entitlement program to an already overburdened federal budget.”\n")
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == "Fox Business moderator Gerard Baker"


@pytest.mark.parametrize("text, speaker", [
    # a quote with no cue of its own, right after a writer's sentence that has someone speak
    ("“Tell her I promised you a picture,” Ebeling said, and her husband cut in. “Don’t forget Betsy’s husband "
     "Tom.”\n", "her husband"),
    ("“I think this is fine,” Smith said on Monday.\n\nJones said he disagreed with the senator.\n\n"
     "“There is no way this passes the House.”\n", "Jones"),
    # PolNeAR dev (USA Today): a cue that is denied introduces no one; the quote runs on from Obama's
    ("“We've had problems with Russia in the past,” Obama said after meeting Putin. He didn't suggest retaliation. "
     "“Our goal is not to duplicate a cycle of escalation.”\n", "Obama"),
])
def test_quote_introduced_by_the_sentence_before(nlp, text, speaker):
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == speaker


def test_parenthetical_strong_cue_beats_weak_verb(nlp):
    text = ("The city is ready. AT&T just finished laying 50,000 feet of fiber downtown, she said, to \"make sure "
            "anyone with an Internet connection\" sees what is happening.\n")
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == "she"


def test_inverted_cue_with_one(nlp):
    text = ("CNN reported that six planes filled the skies with messages.\n\n“America is great! Trump is "
            "disgusting,” read one.\n")
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][0]
    assert a.mention is not None and a.mention.text == "one"


def test_inverted_cue_with_another_tagged_a_pronoun(nlp):
    # PolNeAR train (Washington Post): "another" tagged PRON; not the supporter of the paragraph before
    text = ('"Yet another state we would\'ve won if everyone could vote," another supporter wrote on Reddit.\n\n'
            '"Better watch out for illegal conduct by Grimes since she said electing Clinton is more important than '
            'doing her job," tweeted another.\n')
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == "another"


def test_will_as_a_name(nlp):
    text = ("From his call for a federal “deportation force,” Will described Trump as a “caricature of democracy’s "
            "most embarrassing possibilities.”\n")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert atts and all(a.mention is not None and a.mention.text == "Will" for a in atts)


def test_cracked_reports_speech(nlp):
    text = "During their first debate, Hillary Clinton cracked, ''I'm a progressive who likes to get things done.''\n"
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == "Hillary Clinton"


def test_colon_hung_on_the_quote(nlp):
    text = ("\"I don't want to see us start over again with a contentious debate,\" Clinton said.\n\nSanders "
            "delivered a snappy retort: \"No one is tearing this up. We're going to go forward.\"\n")
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.sieve == "colon" and a.mention.text == "Sanders"


def test_mention_keeps_a_title_in_marks(nlp):
    text = ("As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten "
            "Constitution,'' put it, ''Senate Republicans should remember that a compromise candidate may be "
            "far better for them.''\n")
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == (
        "Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten Constitution,''")


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train: the quote lies in a statement someone owns, with no verb of saying
    ("Critics seized on Trump's controversial pledge to be \"neutral\" in the conflict.\n", "Trump's"),
    ("It was Mr. Obama's lyrical rejection of ''a politics of cynicism'' 12 years ago that made his name.\n",
     "Mr. Obama's"),
])
def test_the_owner_of_a_statement_noun_said_the_quote_inside_it(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker
    assert a.cue is not None and a.cue.text in ("pledge", "rejection")


def test_a_statement_noun_without_an_owner_names_no_one(nlp):
    from quotes.attribution.finders import statement_owner
    from quotes.attribution.parse import Layout

    text = "The promise of \"a better deal\" was everywhere.\n"
    doc = nlp(text)
    spans = detect(text)
    assert [q.text for q in spans] == ["a better deal"]
    assert statement_owner(0, Layout(doc, spans, text)) is None


def test_a_dateline_is_no_part_of_the_speaker_mention(nlp):
    # PolNeAR train, nyt_2015-11-25_golf-courses: the noun phrase's left edge runs into the dateline
    from quotes.attribution.parse import Layout, mention_span

    text = ("BOCA RATON, Fla. -- Weeds, crabgrass and fallen palm fronds cover the wildly overgrown greens of what "
            "was once the Mizner Trail Golf Club.\n")
    doc = nlp(text)
    weeds = next(t for t in doc if t.text == "Weeds")
    assert weeds.left_edge.i < weeds.i  # the parse does reach back: the test would fail without the rule
    span = mention_span(weeds, Layout(doc, [], text))
    assert span.text.startswith("Weeds") and "BOCA" not in span.text


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR politico poll story: a share of those polled says it
    ('However, 63 percent said Clinton was "justified" in keeping her diagnosis private.', "63 percent"),
    ('About four in 10 said they were "angry" with the way the federal government is operating.', "10"),
    # the poll named in the clause reports the share (PolNeAR train, Washington Post)
    ('In a September Washington Post-ABC News poll, 75 percent of Republicans said "most people in politics" '
     "can't be trusted.", "poll"),
    # the poll is the subject of a verb above the share's (PolNeAR train, Washington Post)
    ('The Q poll also finds that, while 37 percent of Americans say Trump is "very responsible" for violence at his '
     'rallies, 39 percent blame his supporters.', "The Q poll"),
    # the poll's "in" phrase hangs from a clause beside the share's (PolNeAR train, Washington Post)
    ('In a Washington Post/ABC News poll released Sunday, just 8 percent of Democrats said they would vote for '
     'Trump; just 1 percent of Democrats and 3 percent of self-identified "liberals" said they would vote for the '
     'Green Party.', "poll"),
])
def test_a_share_of_those_polled_speaks(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and speaker in a.mention.text, a.mention


def test_a_date_is_still_no_speaker(nlp):
    a = only(nlp, 'On Tuesday, the senator said the bill was "dead on arrival."')
    assert a.mention is not None and a.mention.text == "the senator"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (West Journal, HuffPost): the quote lies in a clause someone found or assumed
    ("In February, a federal judge determined that the State Department’s handling of the email controversy "
     "has created at least a “reasonable suspicion” that access was undermined.", "a federal judge"),
    ("He assumed an organization with “la raza” in the name is pro-mexican.", "He"),
    # PolNeAR dev (NYT): through an adjective, "could not be sure that …"
    ('A Government Accountability Office report released last year found that the agency could not be sure '
     'that money used for the visas was not coming from "the drug trade, human trafficking or other criminal '
     'activities."', "A Government Accountability Office report released last year"),
])
def test_a_partial_quote_in_a_clause_found_or_assumed_is_the_finders(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


def test_a_nickname_is_part_of_the_speakers_name(nlp):
    # PolNeAR dev (Washington Post): the nickname's marks no longer hide the cue after the name
    text = ('"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s niece, '
            'state Del. Marcia "Cia" Price (D-Newport News), shouted to the crowd.')
    atts = attributions(nlp, text)
    assert [a.kind for a in atts] == ["direct", "nickname"]
    assert atts[0].cue.text == "shouted" and 'Marcia "Cia" Price' in atts[0].mention.text
    assert atts[1].mention is None


def test_a_capitalised_word_after_a_question_starts_a_new_sentence(nlp):
    # PolNeAR dev (Breitbart): "The spot concludes" is the next sentence, not the question's cue
    text = ("The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?” "
            "The spot concludes with footage of Trump.")
    a = only(nlp, text)
    assert a.cue.text == "asking"
    # a name after the question still speaks: "'…?' Smith asked."
    assert only(nlp, "“Why now?” Smith asked.").mention.text == "Smith"


def test_the_marks_do_not_decide_which_verb_governs_the_quote(nlp):
    # PolNeAR dev (Washington Post): the opening mark hangs from "replied", whose own subject speaks;
    # read from the mark, the walk climbed past it to the earlier "She said"
    text = ("She said fathers would not be eligible for the six weeks of paid leave, and when pressed on why the "
            "plan leaves out dads, the 34-year-old mother of three replied, \"It's meant to benefit the mother who "
            "has given birth to the child if they have legal married status under the tax code.\"")
    a = only(nlp, text)
    assert a.cue.text == "replied" and a.mention.text == "the 34-year-old mother of three"


def test_a_question_put_to_someone_is_not_theirs(nlp):
    # PolNeAR train (HuffPost): "Trump was asked" names the one asked; the asker is not named
    text = ("“It is a fine day,” Smith said. In an interview with The New York Times Magazine, Trump was asked, "
            "“What’s the most dangerous place in the world you’ve been to?” “Brooklyn,” he replied.")
    atts = attributions(nlp, text)
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["Smith", None, "he"]
    assert atts[1].sieve == "addressed" and atts[1].cue.text == "asked"
    # with a source named, the source speaks (PolNeAR train, USA Today)
    a = only(nlp, "According to the recently released playbook, his salespersons were told, “You don't sell "
                  "products. You sell feelings.”")
    assert a.sieve == "according" and a.mention.text == "the recently released playbook"


def test_a_person_noun_speaks_when_the_parse_loses_the_subject(nlp):
    # PolNeAR train (Western Journal): the relative clause hid "source" from the cue
    text = ("Fox News reported on Thursday that “agents are looking at U.S. Code 18, Section 1001. Each felony "
            "violation is subject to five years in prison.”\n\n“The agents involved are under a lot of pressure "
            "and are busting a–,” an intelligence source, who was not authorized to speak on the record, told "
            "Fox News.\n")
    a = attributions(nlp, text)[-1]
    assert a.cue.text == "told" and a.mention.text.startswith("an intelligence source")


def test_a_quote_paragraph_before_a_cued_one_is_the_same_speakers(nlp):
    # PolNeAR train (Breitbart): the cue comes with the second of two quote paragraphs
    text = ("Viguerie is upbeat about the race, in part because he sees Cruz as a uniter.\n\n"
            "“Not only can Ted Cruz win in November, he’s the one with the best chance of winning.”\n\n"
            "“He may be the only one because Trump doesn’t unite the party,” Viguerie notes.\n")
    atts = attributions(nlp, text)
    assert [a.mention.text for a in atts] == ["Viguerie", "Viguerie"] and atts[0].sieve == "anticipates"
    # a question before a quoted answer is not the answerer's
    text = "The host turned to the senator.\n\n“Do you think he can win?”\n\n“No,” Smith said.\n"
    assert attributions(nlp, text)[0].mention is None


def test_footage_of_someone_saying(nlp):
    # PolNeAR dev (Breitbart): the participle's doer is the one shown, not the ad
    a = only(nlp, "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”")
    assert a.cue.text == "asking" and a.mention.text == "Hillary Clinton"


def test_a_named_persons_sentence_leads_into_the_quote_in_its_paragraph(nlp):
    # PolNeAR dev (Washington Post): no verb of saying, but the paragraph is Sanders's
    text = ("“We need to step away from emotional rhetoric,” Pence said on CNN's “State of the Union.”\n\n"
            "On “Face the Nation,” Sen. Bernie Sanders (Vt.) identified young voters' exhaustion with bigotry as "
            "one of the reasons. “The younger people are sick and tired of discrimination and racism.”\n")
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.sieve == "introduced" and "Bernie Sanders" in a.mention.text
    # a quote in the next paragraph is not led into by a sentence that reports no speech
    text = "Sen. Bernie Sanders visited Ohio on Monday.\n\n“We will win this state.”\n"
    assert only(nlp, text).sieve != "introduced"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR dev (Breitbart) and train (Western Journal): the free relative's pronoun is the main subject again
    ("Clinton’s campaign is seeking to contrast her approach with what they call Republican Donald Trump’s "
     "“self-centered message.”", "Clinton’s campaign"),
    ("Radio talk host Rush Limbaugh used his platform Friday to discuss what he described as the “brilliant” "
     "decision Donald Trump made.", "Radio talk host Rush Limbaugh"),
    # a pronoun that cannot be the main subject stays ("they" is not one man)
    ("Trump attacked what they call the “rigged system” on Monday.", "they"),
])
def test_what_he_calls(nlp, text, speaker):
    assert only(nlp, text).mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today, HuffPost, Breitbart): a document speaks for the one who made it
    ('The Washington Post recently ran a piece that noted his "health care plan would benefit affluent '
     'households more."', "The Washington Post"),
    ("The council voted 6-1 for the resolution which said the city “condemns anti-Muslim speech.”", "The council"),
    ("Democratic presidential candidate Bernie Sanders is releasing a new 30-second ad that urges voters to "
     "“send a message” to Wall Street.", "Democratic presidential candidate Bernie Sanders"),
    # a person the relative clause is about speaks for themself
    ("Swanson praised evangelist Franklin Graham, who has vowed not to buy cookies because of the group’s "
     "“support of transgender rights.”", "evangelist Franklin Graham"),
])
def test_a_document_speaks_for_its_author(nlp, text, speaker):
    assert speaker in only(nlp, text).mention.text


def test_as_x_put_it_after_the_quote(nlp):
    # PolNeAR dev (NYT): the writer's "as … put it" credits the quote, not the sentence's main verb
    text = ('A number of other members of Congress echo her concerns, because the primary requirement for the '
            'program is a "lawful source of investment income," as a Homeland Security memo put it.')
    a = only(nlp, text)
    assert a.cue.text == "put" and a.mention.text == "a Homeland Security memo"
    # a longer subject after the quote still ends at the first verb: "'…,' he said, and …"
    assert only(nlp, '"We will win," he said, and the crowd cheered.').mention.text == "he"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): the claim below "blamed" is Trump's, not Pence's
    ("Gov. Mike Pence on Thursday blamed the media for making an issue out of Donald Trump’s claim that "
     "President Barack Obama “founded ISIS,” saying they were nitpicking.", "Donald Trump’s"),
    # PolNeAR train (Washington Post): the cue is the claim's own verb
    ("For example, Trump's recent evidence-free assertion that \"thousands\" of Muslim Americans in New Jersey "
     "celebrated the fall of the towers spread widely.", "Trump's"),
    # PolNeAR train (USA Today): no cue at all, the conclusion is Comey's
    ("Clinton was hurt by FBI Director James Comey's conclusion that her actions were \"extremely careless.\"",
     "FBI Director James Comey's"),
    # PolNeAR train (Washington Post): what the assertion says follows "of"
    ('In a statement Tuesday, Judicial Watch President Tom Fitton called Clinton\'s assertion of a "claim of '
     'right" over her recovered emails significant.', "Clinton's"),
])
def test_a_claim_below_the_cue_is_its_owners(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today): "a report by X that …" is X's, as "X's report that …" is
    ('And on Friday, it was a report by Politico that he "fabricated" the story of an offer to attend West Point.',
     "Politico"),
    # PolNeAR train (Washington Post): "the contention of X that …"; "of state" is no maker
    ("His remarks buttress the contention of former secretary of state Hillary Clinton that some of her emails "
     "have been retroactively subjected to \"over-classification.\"", "former secretary of state Hillary Clinton"),
    # PolNeAR train (Washington Post): the quote holds the clause's verb
    ("Trump's attacks on Curiel stand out for their personal nature, for the racial remarks and for the "
     "suggestion by a potential president that someone \"ought to look into\" the judge.", "a potential president"),
])
def test_a_statement_by_someone_is_its_makers(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "sniped that …" holds the quote; "penned" is another clause's
    ('Walter Hewlett sniped that Fiorina, a first-time chief executive, was "learning on the job," while Fiorina '
     'and other HP leaders penned a series of excoriating letters.', "Walter Hewlett"),
    # PolNeAR train (Politico): "acknowledge" is in a clause beside the quote's, not above it
    ('As the debate progressed and Trump stood by his comment Monday that "Islam hates us," refusing to '
     'acknowledge that not all Muslims hate the U.S., Rubio again tried to rebuke the front-runner, but in a calm, '
     'confident manner.', "Trump"),
])
def test_the_verb_holding_a_that_clause_beats_a_cue_beside_it(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speakers", [
    # PolNeAR train (Washington Post): "hours after the staffer was charged" tells when, not who
    ('Republican presidential front-runner Donald Trump defended his campaign manager as a "very decent man" '
     'Tuesday, hours after the staffer was charged with battery in Florida for allegedly grabbing a reporter.',
     ["Republican presidential front-runner Donald Trump"]),
    # PolNeAR train (Politico): the "while" clause has its own quote and its own speaker
    ("While Sullivan proclaims the article a “terrific piece and well worth the trip to India to produce,” "
     "Clinton fixates on the “pivot” line.", ["Sullivan", "Clinton"]),
    # PolNeAR train (HuffPost): no comma after the clause, whose cue the parse cut from the quote's clause
    ("The endorsement comes just three days after Trump told The Washington Post he was “not quite there yet” "
     "on supporting Ryan, who will face challenger Paul Nehlen in a primary on Tuesday.", ["Trump"]),
])
def test_a_cue_in_an_adverbial_clause_beside_the_quote_does_not_report_it(nlp, text, speakers):
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == speakers


@pytest.mark.parametrize("text, speakers", [
    # PolNeAR train (Washington Post): the judges "who serve" are described in the Constitution's words
    ('The Constitution mandates lifetime tenure for federal judges who serve in "good behavior" and protects them '
     'against recrimination by forbidding that their salaries be reduced.', ["The Constitution"]),
    # PolNeAR train (Washington Post): relative clauses inside relative clauses, all in Trump's lament
    ('Preceded at the lectern by Joe Arpaio, the Arizona sheriff and anti-immigration hard-liner, Trump launched '
     'into a lament for the "countless Americans" who are "victims of violence" by illegal immigrants who are '
     '"dangerous, dangerous, dangerous criminals."', ["Trump"] * 3),
])
def test_a_relative_clause_describes_its_noun_in_the_subjects_words(nlp, text, speakers):
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == speakers


def test_a_cue_of_the_next_sentence_does_not_hide_the_cue_before_the_quote(nlp):
    # PolNeAR train (Breitbart): "Asked if …" opens a sentence of its own; "he said," still introduces the quote
    text = ("Trump said in the past he would look into paying legal fees.\n\nOn ABC’s “Good Morning America” "
            "Tuesday, he said, “I never said I was going to pay for fees.” Asked if it had appeared he was "
            "encouraging violence with his initial statement, Trump replied, “Well, maybe so. Maybe that’s why I "
            "wouldn’t do it.”")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["he", "Trump"]


def test_his_own_claim_stays_with_the_named_subject(nlp):
    text = "De Blasio also repeated his claim that “profit-making” was the motivation for some technology companies."
    assert only(nlp, text).mention.text == "De Blasio"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today): the name again between the quotes is the nearer mention
    ('"In my view, it\'s education," says Melissa Roloson, 32, of Sodus, who works in retail. Roloson supports '
     'Democrat Hillary Clinton in the presidential race. "I\'m a college graduate, but I have student loans."', "Roloson"),
    # PolNeAR train (Washington Post): a pronoun again, with no one else named in between
    ('"He protests every day," she says.\n\nAnd she is sure that keeping him in jail will only make his voice '
     'louder: "They\'re creating a monster, as far as I\'m concerned."', "she"),
])
def test_a_continued_quote_takes_the_speakers_nearest_naming(nlp, text, speaker):
    atts = [a for a in attributions(nlp, text) if a.kind == "direct"]
    last = atts[-1]
    assert last.mention is not None and last.mention.text == speaker
    assert last.mention.start > atts[0].mention.end  # the later mention, not the cue's


def test_a_continued_quote_keeps_the_cue_when_someone_else_is_named_between(nlp):
    text = ('"You can\'t blame Hillary Clinton for what Bill Clinton did," said Sara Walker, 44, a home-care aide. '
            'An immigrant from Uganda who became a citizen in 2013, she plans to vote for Hillary Clinton. "It is her time."')
    atts = [a for a in attributions(nlp, text) if a.kind == "direct"]
    assert atts[-1].mention.text.startswith("Sara Walker")


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Breitbart): the bill's clause hangs from what he did
    ("In 2009, as governor of Virginia, he signed a bill that created the “Choose Life” license plates that raise "
     "funds for pro-life causes.", "he"),
    # PolNeAR train (Politico): the thing's clause is coordinated with the person's
    ("New Jersey Gov. Chris Christie has been busy campaigning in New Hampshire, but his guilty pleasure is "
     "“Football Life.”", "New Jersey Gov. Chris Christie"),
])
def test_a_things_clause_in_the_writers_sentence_goes_to_the_person_above(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve == "embedded" and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today): the parse hangs "by …" from the quoted words
    ('This feature of the movement has been called "strategic ambiguity" by Joshua Hendrick, a professor at '
     'Loyola University Maryland, and it makes it impossible to trace the root source.', "Joshua Hendrick"),
    # PolNeAR train (Western Journal): and from "as …"
    ("Given the investigation into the Benghazi tragedy — often labeled as a “witch hunt” by Democrats — it seems "
     "likely Gowdy is correct.", "Democrats"),
])
def test_the_by_phrase_of_a_passive_cue_speaks(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text.startswith(speaker)


def test_his_promise_goes_to_the_named_subject(nlp):
    # PolNeAR train (Breitbart), where the tagger calls "Sanders" a plural noun whose entity is a person
    text = ("Bernie Sanders has consistently pushed his promise of “free college” and forcing Wall Street bail out "
            "America’s ailing middle class as a way to appeal to voters.")
    a = only(nlp, text)
    assert a.mention.text == "Bernie Sanders"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (HuffPost): the parse takes "Forbes ’" for a name and a stray mark
    ("The summit was held last month in Jerusalem because, in Forbes’ words, “they are the most entrepreneurial "
     "places on the planet.”", "Forbes"),
    ("The plan failed because, in his own words, “nobody wanted to pay for it.”", "his"),
    # PolNeAR dev (USA Today) and train (Breitbart)
    ('Only European immigrants are "safe" in his eyes.', "his"),
    ("“This is not a circumstance where there’s one thing you can identify – it’s an across-the-board failure” "
     "from diplomacy to the defense budget, in Bolton’s view.", "Bolton"),
])
def test_in_someones_words(nlp, text, speaker):
    a = only(nlp, text)
    assert a.sieve == "according" and a.mention.text.startswith(speaker)


def test_the_clause_of_a_view_belongs_to_who_defends_it(nlp):
    # PolNeAR train (HuffPost)
    text = ("In response to the filings, Cruz’s lawyers relied on Supreme Court precedent to defend the view that "
            "he is in fact “natural born” within the meaning of the Constitution.")
    assert only(nlp, text).mention.text == "Cruz’s lawyers"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "he said" is set off in the sentence after the quote
    ('"Maybe we\'re just trying to let the bully learn the lesson and leave us alone," Tripp said. "We\'re trying '
     'to show some mercy to the bully." South Carolina, he said, was "where we have a chance to go mano a mano '
     'with Trump."', "Tripp"),
    ('"We are a low-key small town," said Dennis Gaskin, a retiree. "Hindus are more noticeable here. You almost '
     'never see a Muslim." Perhaps, he said, this "small town has gotten too big too fast."', "Dennis Gaskin"),
])
def test_a_cue_set_off_in_the_next_sentence_is_not_the_ended_quotes(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][1]
    assert a.mention is not None and a.mention.text.startswith(speaker)


def test_a_copula_before_the_colon_has_the_speaker(nlp):
    # PolNeAR train (HuffPost): the parse hangs "was" from the quote's verb; its subject speaks
    a = only(nlp, "As if addressing the magnate directly, the Illinois Board of Elections was conclusive in its "
                  "findings: “Further discussion on this issue is unnecessary.”")
    assert a.sieve == "colon" and a.mention.text == "the Illinois Board of Elections"


def test_a_quote_that_opens_the_writers_sentence_takes_the_sentences_cue(nlp):
    # PolNeAR train (Washington Post): not the speaker of the sentence before
    text = ('Jimmy Ghazal, 39, told The Post he was watching the fireworks when he heard the crack of gunshots.\n\n'
            '"A big truck" plowed through security barriers that had been set up for the day\'s festivities, he said, '
            'and "everyone started running."')
    a = [a for a in attributions(nlp, text) if a.span.text.startswith("A big")][0]
    assert a.sieve == "sentence" and a.mention.text == "he"


@pytest.mark.parametrize("text, speaker, cue", [
    # PolNeAR train (Western Journal, Politico): the tagger makes the verb after a determiner a noun
    ("“If she wants to be the next president, Hillary Clinton should act like one, and come to Louisiana,” "
     "the editorial read.", "the editorial", "read"),
    ("“You seem to have picked a new standard out of thin air — ‘extreme carelessness’ — to describe the actions "
     "of Secretary Clinton and her staff,” the two write.", "the two", "write"),
])
def test_a_speech_verb_the_tagger_took_for_a_noun_ends_the_clause(nlp, text, speaker, cue):
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][0]
    assert a.mention is not None and a.mention.text == speaker and a.cue.text == cue


def test_a_quote_continues_past_a_short_paragraph_naming_no_one(nlp):
    # PolNeAR train (Washington Post): a phone call, the narration between the lines
    text = ('"I am calling from the Hillary Clinton campaign. How are you today?" Miller, a retired worker from a '
            'nuclear plant, said pleasantly into the phone. "We\'re talking with supporters like you who -."\n\n'
            'She pauses.\n\n"Well, thank you so much -."\n\nPause.\n\n'
            '"Well, you do that! Hillary will appreciate it, and so will I."\n\n'
            'She hangs up, smiling - another vote for Hillary.')
    atts = [a for a in attributions(nlp, text) if a.kind == "direct"]
    assert [a.mention.text.split(",")[0] if a.mention is not None else None for a in atts] == ["Miller"] * 4


def test_a_verb_parsed_into_a_name_leaves_the_name_before_it_the_speaker(nlp):
    # PolNeAR train (Breitbart): "Trump blasted Disney" parsed as one noun phrase
    a = only(nlp, "In March, Trump blasted Disney for its “outrageous practices” in requiring 250 Florida workers "
                  "to train their foreign replacements.")
    assert a.mention is not None and a.mention.text == "Trump"


def test_a_closed_quote_takes_no_cue_past_the_next_sentences_copula(nlp):
    # PolNeAR train (Western Journal): "sells" reports nothing; the colon introduces the quote
    a = [a for a in attributions(nlp, "Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?” Dalton Brody "
                                      "is a Washington, DC, gifts and accessories store, which sells jewelry.")
         if a.kind == "direct"][0]
    assert a.sieve == "colon" and a.mention.text.startswith("Clinton’s")


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR dev (New York Times): a person noun heads the subject, the name hangs elsewhere in the parse
    ('Lenox was a juggernaut, Mr. Clarke said. His former business partner at Lenox, Lawrence B. Cummings, called '
     'him a master at bolting together impossible business transactions. "He showed again and again an ability to '
     'put together deals that other people couldn\'t."', "His former business partner"),
    # PolNeAR train (Western Journal): "related" is no cue of the lexicon
    ('But what we should ask is "who has God anointed?"\n\nThe Christian leader further related that it recently '
     'occurred to him that the next president will be the nation\'s 45th. "I sensed the Lord tell me to look at '
     'the 45th Chapter of Isaiah."', "The Christian leader"),
])
def test_a_person_nouns_sentence_leads_into_the_quote(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][-1]
    assert a.sieve == "introduced" and a.mention.text.startswith(speaker)


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): the participle is the maintenance guy's, in his own clause under "asks"
    ("“Who can remember how many states i’ve lost in a row? Is it two? Three?” Clinton asks as a maintenance guy "
     "walks in front of her, saying he’s “here to fix the seven holes in your wall.”", "a maintenance guy"),
    # PolNeAR train (USA Today): "though … he used stronger language, saying" is his, not the critic's
    ('Obama has been criticized for using the term to describe his achievements in Syria and Iraq against the '
     'Islamic State, though in a news conference last week he used stronger language, saying the group "must be '
     'destroyed."', "he"),
])
def test_a_cue_in_a_clause_with_its_own_subject_speaks_for_that_subject(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][-1]
    assert a.mention is not None and a.mention.text == speaker


def test_a_number_of_people_is_a_speaker(nlp):
    # PolNeAR train (USA Today): "Hundreds" is a cardinal, but "of demonstrators" makes it people
    a = only(nlp, "Hundreds of pro-Sanders demonstrators marched through Center City on the first day of the "
                  "Democratic National Convention on Monday, chanting \"Bernie or Jill, No Hill,\" raising fresh "
                  "questions about whether Clinton will face a bleed.")
    assert a.mention is not None and a.mention.text.startswith("Hundreds of pro-Sanders demonstrators")


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today): the parse hangs "she said" under the later "said Kunin"
    ('"His normal demeanor is grumpy," she said, but despite the increasingly fractious tone, "I think he will do '
     'it," said Kunin, who has been critical of Sanders.', "she"),
    # PolNeAR train (Washington Post): and "Trump said" under the later "Becky Quick said"
    ('"I never said that. I never said that," Trump said, after CNBC\'s Becky Quick said the billionaire '
     'front-runner had derisively referred to Sen. Marco Rubio (R-Fla.) as the "personal senator" of Facebook '
     'mogul Mark Zuckerberg.', "Trump"),
])
def test_the_cue_right_after_the_marks_beats_a_later_one_above_it(nlp, text, speaker):
    a = attributions(nlp, text)[0]
    assert a.mention is not None and a.mention.text == speaker


def test_a_colon_closing_a_clause_of_its_own_gives_the_quote_to_that_clause(nlp):
    # PolNeAR train (Washington Post): the parse hangs the quote from "said"; "but he gave …:" is a new clause
    text = ('Reid said both Rubio and Cruz are "non-entities in the Senate," but he gave the Texan a back-handed '
            'compliment: "You never have to guess where he is. He\'s not winning personality contests here."')
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == "he" and a.cue.text == "gave"


def test_findings_parsed_as_a_participle_of_the_finders(nlp):
    # PolNeAR train (HuffPost): the parse makes "found" a participle of "analysts"; both quotes are their finding
    text = ("Two military analysts, Patrick Megahan and Chris Harman, found in 2014 that the Israeli Air Force is "
            "“the best in the world“ and Israeli ground forces are “the best in the Middle East.”")
    atts = [a for a in attributions(nlp, text) if a.kind == "partial"]
    assert len(atts) == 2
    assert all(a.mention is not None and a.mention.text.startswith("Two military analysts") for a in atts)


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): the parse hangs the "that" clause from "debate"; it is what Clinton argued
    ('“It is misleading to imply that TARP II was an auto bailout bill,” Axelrod tweeted after Clinton argued for '
     'the second consecutive debate that “if everyone had voted as he voted, we would not have rescued the auto '
     'industry.”', "Clinton"),
    # PolNeAR train (Washington Post): and from "debate" again; it is what he told Clinton
    ('Sanders appeared to dismiss the email issue in October, when he told Clinton at a debate that Americans were '
     '"sick and tired of hearing about your damn emails."', "he"),
])
def test_a_that_clause_hung_from_a_noun_is_what_the_verb_above_says(nlp, text, speaker):
    a = attributions(nlp, text)[-1]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "to say" is what the judge does, not the case
    ('The judge pointed to a previous case to say that courts deciding on public disclosure must weigh "whether a '
     'party benefitting from the order of confidentiality is a public entity or official."', "The judge"),
    # PolNeAR train (Washington Post): "to speed" is no speaking of the driver's
    ('The board saw Fiorina, then 44, as the perfect driver to speed the "grandfather of Silicon Valley" into the '
     'new millennium.', "The board"),
])
def test_an_infinitive_hung_from_a_noun_is_done_by_the_subject_above(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): the parse loses the subject of "said"; "who" makes the official a person
    ("Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to discuss "
     'internal strategy said Wednesday, "Certainly there are discussions between the White House and the Sanders '
     'campaign."', "a White House official"),
    # PolNeAR train (Washington Post): and "attendee" is no noun the lexicon knows for a person
    ("One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, said the "
     'message was that "this is not going to be over in February or March as much as we would all like it to be."',
     "One attendee"),
])
def test_a_noun_with_a_who_clause_speaks_when_the_parse_loses_the_subject(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text.startswith(speaker)


@pytest.mark.parametrize("text, index, speaker", [
    # PolNeAR train (Washington Post): the quote closes the "after" clause; "Trump said" is the main clause's
    ('After Scalia said that minority students who did not qualify for elite universities might do better at '
     '"less advanced schools," Trump said: "I don\'t like what he said."', 0, "Scalia"),
    # PolNeAR dev (Breitbart): the quote closes the "as" clause; "Melanie said" is the main clause's
    ("Kevin was drifting off again, and as Trump went on about “how the system is rigged,” and “wounded American "
     "families,” Melanie said yes, yes, yes, over and over again.", 1, "Trump"),
    # and what Trump "went on about" is what he said: the clause of its own stops the walk up to "said"
    ("Kevin was drifting off again, and as Trump went on about “how the system is rigged,” and “wounded American "
     "families,” Melanie said yes, yes, yes, over and over again.", 0, "Trump"),
])
def test_a_quote_closing_an_adverbial_clause_is_its_verbs(nlp, text, index, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][index]
    assert a.mention is not None and a.mention.text == speaker


def test_cue_completing_an_adjective_introduces_its_copulas_subject(nlp):
    # PolNeAR train (Politico): 'was quick to add' has Trump speak, not the next paragraph's speaker
    text = ("Trump was quick to add that the negotiation does not include nixing the idea altogether.\n\n"
            "“Building it? Not negotiable.”\n\n“Would it be negotiable about the 11 million?” Hannity pressed.\n")
    a = next(x for x in attributions(nlp, text) if x.span.text.startswith("Building"))
    assert a.sieve == "introduced" and a.mention is not None and a.mention.text == "Trump"


def test_cue_after_a_lone_excerpt_mark_reports_the_curly_quote(nlp):
    # PolNeAR dev (Breitbart): the straight mark only sets off the excerpt; 'chanting' is Trump's
    text = ("“Here he is, babe,” she said. “Donald’s here, babe.”\n\n"
            "\"Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n\n")
    a = [x for x in attributions(nlp, text) if x.kind in ("direct", "partial")][-1]
    assert a.span.text == "U-S-A! U-S-A!" and a.mention is not None and a.mention.text == "Trump"


def test_the_article_of_a_cue_noun_after_the_marks_is_no_speaker(nlp):
    # PolNeAR train (Breitbart): "“…,” the statement is …" put the bare article 'the' down as the speaker
    text = ("That work tied the leaders to the conservative movement, as the Heritage Foundation website notes:\n\n"
            "\"In the fall of 1960, some 90 young conservatives founded Young Americans for Freedom. As their "
            "statement of principle, the group adopted the Sharon Statement, which was drafted by M. Stanton Evans. "
            "Written “at this time of moral and political crisis,” the statement is a succinct summary of the "
            "central ideas of modern American conservatism.\n\n"
            "\"Among those principles are the following: Free will and moral authority come from God.\"\n")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert atts and all(a.mention is not None and a.mention.text == "the Heritage Foundation website" for a in atts)


def test_a_cue_below_the_last_quotes_cue_introduces_no_one(nlp):
    # PolNeAR train (Washington Post): 'asked' describes LeVell's point; the quote after is still his
    text = ("\"And I'm not being paid!\" LeVell declared, a point he likes to make after a recent appearance on an "
            "urban radio station during which callers asked how much money he was getting to talk up Trump. "
            "\"I make my own money. I have a five-star-rated business.\"\n")
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == "LeVell" and a.sieve == "continues"


def test_a_which_clause_after_a_quote_holds_no_cue_of_it(nlp):
    # PolNeAR train (Washington Post): 'thinks' reports what the rule will do, not the quote
    text = ("\"Our members are frustrated with Secretary Perez,\" said Jack Mozloom, a spokesman for the National "
            "Federation of Independent Business. \"He has been very aggressive with the overtime rule,\" which Mozloom "
            "thinks will lead to employers to cut back hours.\n")
    a = [x for x in attributions(nlp, text) if x.kind == "direct"][-1]
    assert a.sieve == "continues" and a.mention.text.startswith("Jack Mozloom")


def test_a_name_after_the_marks_speaks_for_a_cue_past_an_aside(nlp):
    # PolNeAR train (Breitbart): the quoted pin in the aside cut the parse's subject; not the sentence before
    text = ("Not everyone was claiming success.\n\n“We’ve had more successful conventions than this one,” Texas "
            "delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly as "
            "confetti fluttered down around him.\n")
    a = next(x for x in attributions(nlp, text) if x.span.text.startswith("We’ve"))
    assert a.cue.text == "said" and a.mention is not None and a.mention.text.endswith("Bill Eastland")


def test_a_past_tense_cue_parsed_as_a_persons_modifier_is_that_persons(nlp):
    # PolNeAR train (Breitbart): "a man yelled" parsed as "man" modified by the participle "yelled"
    text = ("Some in the crowd booed, and when Rubio thanked Miami and said it was great to be home, "
            "a man yelled “Stay there!”")
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == "a man"


def test_a_clause_after_a_claims_copula_is_the_claim_owners(nlp):
    # PolNeAR train (Western Journal): "X's claim is that …" says what the claim says
    text = ("But Podliska’s most explosive claim is that the House Select Committee on Benghazi is a “witch hunt” "
            "launched to “get” Hillary Clinton for her response to the attack.")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["Podliska’s"] * 2


def test_a_clause_calling_something_a_name_speaks_for_its_own_subject(nlp):
    # PolNeAR train (Politico): "… and Trump calling it a 'great meeting'" is Trump's, not Ryan's
    text = ("After it was over, both men issued a statement expressing optimism about working together – Ryan "
            "saying he was “very encouraged” and Trump calling it a “great meeting.”")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["Ryan", "Trump"]


def test_a_with_clause_of_its_own_keeps_its_naming_cue(nlp):
    # PolNeAR train (HuffPost): "with Lewandowski taking to Twitter to call Fields '…'" is Lewandowski's
    text = ("Since recordings of the incident surfaced, the Trump campaign has denied it happened, with "
            "Lewandowski taking to Twitter to call Fields “totally delusional” for the accusation.")
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == "Lewandowski"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): "Skelly" tagged as an adverb of "called"; not the object Braynard
    ("And Skelly called Braynard “a real smart guy. I’d like to think having been in the RNC, like he was, he "
     "probably understands at least the genesis of the data.”", "Skelly"),
    # PolNeAR train (Politico): the name "Early" tagged as an adverb
    ("Informed of the local district’s anti-Trump lean, Early described it as “news to me.”", "Early"),
])
def test_a_name_tagged_as_an_adverb_before_the_cue_speaks(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker


def test_what_a_passive_relative_cue_reports_is_not_its_speaker(nlp):
    # PolNeAR train (USA Today): the error "that was reported" did not say "hit piece"
    text = ('Cruz belittled the issue of the $1 million in loans, calling it a "paperwork error" that was reported '
            'in a "hit piece" by The New York Times.')
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["Cruz", "Cruz"]


def test_a_strong_cue_below_a_things_cue_speaks_for_its_subject(nlp):
    # PolNeAR train (Breitbart): the name "was announced", the officials "portray" the shooting
    text = ("The timeline of events in the Islamist massacre Tuesday in San Bernardino, California, shows that Syed "
            "Farook’s name was announced on a publicly available police scanner several times prior to President "
            "Barack Obama being briefed on the subject – and long before White House officials started to portray "
            "the apparent jihad shooting as a “workplace” or “gun control” issue.")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert atts[0].mention is not None and atts[0].mention.text == "White House officials"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR dev (USA Today): "compared" parsed as a participle of the name, the name the root
    ('Aaron Kall, the director of debate at the University of Michigan, compared Trump to a coach at a basketball '
     'game who is "working the referees" in hopes that "they\'ll go easier" on him.',
     "Aaron Kall, the director of debate at the University of Michigan"),
    # PolNeAR train (Politico): "named" parsed as a participle of "Cruz"; not the last paragraph's speaker
    ("Texas Sen. Ted Cruz, who has experienced a surge in Iowa, named “Criminal Minds,” “Game of Thrones,” "
     "“Breaking Bad” and “Veep” as his top shows.", "Texas Sen. Ted Cruz, who has experienced a surge in Iowa"),
    # PolNeAR train (Politico): the same, with the quote hung from the name itself
    ("Beruff, a Scott ally, called Florida’s standards “strong.”", "Beruff, a Scott ally"),
])
def test_a_verb_parsed_as_the_participle_of_a_root_name_is_that_names(nlp, text, speaker):
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert atts and all(a.mention is not None and a.mention.text == speaker for a in atts)


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "It" is no speaker; she was reported the sentence before
    ('"It\'s ambush journalism," she says. It\'s "this new in-your-face journalism."', "she"),
    ("This makes it increasingly difficult to dislodge misinformation, he said. Good information can still drive "
     'out bad, but usually only when "the truth is sexier than the lie."', "he"),
])
def test_a_quote_in_a_sentence_about_a_thing_goes_on_in_the_last_reported_words(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][-1]
    assert a.mention is not None and a.mention.text == speaker


def test_a_thing_after_a_subjectless_cue_is_its_object_not_its_speaker(nlp):
    # PolNeAR train (Washington Post): "recalled the three-year freeze" is no inverted "said the spokesman"
    text = ("The union asked the candidates about pay.\n\nClinton supports \"appropriate pay raises,\" opposes "
            "\"across-the-board arbitrary pay freezes\" and recalled the three-year freeze on basic federal pay rates: "
            "\"I saw how difficult it was for employees to be told that even though they were working hard and "
            "their living costs were going up, their paychecks were not.\"\n")
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == "Clinton"


def test_a_name_tagged_as_a_noun_opening_the_sentence_speaks(nlp):
    # PolNeAR train (HuffPost): "Trump" tagged a noun, "defended" its modifier; not "the expropriation"
    text = ("Trump defended eminent domain, calling the expropriation of private property for public use an "
            "\"absolute necessity\" for the government to build schools.")
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text.startswith("Trump")


def test_a_title_in_marks_does_not_end_the_clause_before_a_cue(nlp):
    # PolNeAR train (Politico): "Star Wars" is the writer's words; the clause of "remarking" runs back to Clinton
    text = ("“Too forced?” He tweeted when Clinton ended a Democratic debate last December with a reference to the "
            "blockbuster \"Star Wars\" sequel hitting the theaters, remarking, “Thank you, and may The Force be with "
            "you.”")
    a = [a for a in attributions(nlp, text) if a.kind == "direct"][-1]
    assert a.mention is not None and a.mention.text == "Clinton"


def test_a_subjectless_cue_climbs_past_a_preposition_and_a_participle_to_its_subject(nlp):
    # PolNeAR train (Politico): "admitting" is Sanders's, four heads up; not Donald Trump, named on the way
    text = ("Sanders himself, who wasn’t present at the rally, has toned down his criticism of Hillary Clinton, "
            "shifting his focus to defeating Donald Trump and admitting that his “political revolution” will almost "
            "certainly end without him in the White House.")
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text.startswith("Sanders")


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "said" after the closing dash is the main clause's
    ("And although former Maryland governor Martin O'Malley lamented her tendency to commit gaffes - \"does she "
     "have to keep giving them so much ammunition?\" - Democrats in Iowa who watched the Saturday debate said they "
     "were unfazed by the 9/11 flap.", "former Maryland governor Martin O'Malley"),
    # PolNeAR train (Breitbart): not "the balloons" after the aside
    ("When Trump finally wrapped up — “I will fight for you, and I will win for you!” — the balloons cascaded down "
     "on the crowd.", "Trump"),
])
def test_a_quote_set_off_by_dashes_is_the_clause_befores(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, index, speaker", [
    # PolNeAR train (Politico): Comey "cannot say" it; Lewandowski does
    ("Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the prosecutor to "
     "move forward or not.”", 1, "Lewandowski"),
    # PolNeAR train (Western Journal): the name Obama is faulted for not using is Trump's word
    ("Donald Trump, while being interviewed on Fox and Friends Monday morning, called again for President Obama to "
     "resign for not calling the Orlando nightclub attack an act of “radical Islamic terrorism.”", 0, "Donald Trump"),
])
def test_a_negated_cue_reports_nothing(nlp, text, index, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][index]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): the interview is only a weak cue; the one who spoke in it is Clinton
    ("The candidate herself took to the airwaves beginning Wednesday night during an interview with Univision’s Los "
     "Angeles affiliate, in which Clinton expressed confidence that the use of her private server would not be an "
     "issue “that is going to affect either the campaign or my presidency.”", "Clinton"),
    # PolNeAR train (Washington Post): not "another" tweet, but he who took credit in it
    ("Then came another, more sympathetic tweet about the Orlando tragedy, followed by one in which he took credit "
     "for \"being right on radical Islamic terrorism.\"", "he"),
])
def test_an_in_which_clause_with_someone_for_subject_holds_the_quote(nlp, text, speaker):
    a = only(nlp, text)
    assert a.mention is not None and a.mention.text == speaker


def test_a_quote_in_a_when_clause_keeps_its_cue_past_a_weak_verb(nlp):
    # PolNeAR train (Washington Post): "referred" heads the "when" clause; the crowd only applauded
    text = ("When Trump later referred to the recent massacre at a gay nightclub in Orlando and said he would "
            "\"protect our LGBTQ citizens,\" the crowd applauded loudly.")
    a = only(nlp, text)
    assert a.cue.text == "said" and a.mention is not None and a.mention.text == "Trump"


def test_a_strong_cue_below_a_things_cue_speaks_past_a_coordinated_quote(nlp):
    # PolNeAR train (Breitbart): "gun control" reaches "portray" through the words of "workplace"
    text = ("The timeline of events in the Islamist massacre Tuesday in San Bernardino, California, shows that Syed "
            "Farook’s name was announced on a publicly available police scanner several times prior to President "
            "Barack Obama being briefed on the subject – and long before White House officials started to portray "
            "the apparent jihad shooting as a “workplace” or “gun control” issue.")
    atts = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")]
    assert [a.mention.text if a.mention is not None else None for a in atts] == ["White House officials"] * 2


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (HuffPost): the aside "Cruz said" reports what CNN called the announcement
    ('CNN, Cruz said, called the announcement “highly significant."', "Cruz"),
    # PolNeAR train (Washington Post): the aside's "he", not the "he" of the clause it reports
    ('Nor, he said, did he say anything that could be "interpreted as equivalent" to an order to stand down.',
     "he"),
])
def test_a_cue_set_off_by_commas_before_the_verb_reports_the_sentence(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker and a.cue.text == "said"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (USA Today): the colon closes "the heckler yelled", an adverbial clause below "said"
    ('"Apparently there\'s a young man who\'s having some problems," Cruz said as the heckler yelled: "You suck!"',
     "the heckler"),
    # PolNeAR train (Washington Post): the colon closes the relative clause "who responds enthusiastically"
    ('"Let everybody know that they\'re to go to the Malheur National Wildlife Refuge," Bundy says to Santilli on '
     'camera, who responds enthusiastically: "Okay!"', "who"),
])
def test_a_cue_closed_by_the_colon_in_a_clause_below_the_main_cue_speaks(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][-1]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Washington Post): "some" names no one; Clinton uses the term
    ('Clinton also has called on Sanders to join her in supporting new legislation to close what some call the '
     '"Charleston loophole," which allows gun buyers who would fail a background check to still purchase a gun in '
     'the event that the background system malfunctions.', "Clinton"),
    # PolNeAR train (USA Today): the writer's "we" names the Whigs' improvements
    ('In 1848, having lost the previous presidential election to Democrat James Polk, the Whig party faced a '
     'dilemma. The Whigs had always stood for certain principles such as economic and industrial growth, bank credits to fund '
     'expansion, tariffs to protect indigenous industries, and government-funded improvements of what we  call '
     '"infrastructure."', "The Whigs"),
])
def test_what_some_call_is_the_main_subjects_term(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][0]
    assert a.mention is not None and a.mention.text == speaker


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (Politico): "Lewandowski added" is parsed as what Comey cannot say
    ('Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the prosecutor '
     'to move forward or not.”', "Lewandowski"),
    # PolNeAR train (Politico): "the source recalled" reports Grayson's words, and is not reported by "said"
    ('Grayson said Randolph “would have no chance to win,” the source recalled, adding that Grayson said of his '
     'fiancée: “I’m going to marry her. She’s going to have the Grayson name. And she’s going to win.”', "the source"),
])
def test_a_tag_after_a_quote_is_not_the_complement_of_a_verb_before_it(nlp, text, speaker):
    a = [a for a in attributions(nlp, text) if a.kind in ("direct", "partial")][-1]
    assert a.mention is not None and a.mention.text == speaker


