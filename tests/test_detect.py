"""Tests for quotes.detect.spans: mark styles, apostrophes, paragraphs, unbalanced marks, kinds.

Most sentences are real ones, from the seed article or from PolNeAR articles
the detector once got wrong.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.detect.spans import detect


def quotes(text: str, kinds=("direct", "partial")) -> list[str]:
    return [q.text for q in detect(text) if q.kind in kinds]


def only(text: str):
    found = detect(text)
    assert len(found) == 1, found
    return found[0]


# --- mark styles -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    '"We have reached an agreement," Ouahbi stated.',
    "“We have reached an agreement,” Ouahbi stated.",
    "'We have reached an agreement,' Ouahbi stated.",
    "‘We have reached an agreement,’ Ouahbi stated.",
    "«We have reached an agreement», Ouahbi stated.",
    "« We have reached an agreement », Ouahbi stated.",
    "\u00ab\u202fWe have reached an agreement\u202f\u00bb, Ouahbi stated.",
    "»We have reached an agreement«, Ouahbi stated.",
    "„We have reached an agreement“, Ouahbi stated.",
    "''We have reached an agreement,'' Ouahbi stated. ''Yes,'' he added.",
])
def test_every_style_gives_the_words_inside_the_marks(text):
    q = detect(text)[0]
    assert q.text.rstrip(",") == "We have reached an agreement"
    assert text[q.start:q.end] == q.text
    assert text[q.open_start] in "\"“'‘«»„" and q.open_start < q.start <= q.end < q.close_end


def test_mistyped_curly_marks_still_pair():
    # PolNeAR: an opening glyph typed for the closing one, and the reverse
    assert quotes("Chuck Todd was shocked. “Do you want to be associated with a fascist?“ he asked.") == [
        "Do you want to be associated with a fascist?"]
    assert quotes("”This is why ISIS has to be destroyed. They are evil,” said John Krystek.") == [
        "This is why ISIS has to be destroyed. They are evil,"]


def test_single_closing_mark_typed_for_a_double_one():
    text = "Schumer tweeted: “Let’s go. We can (hashtag)StopGunViolence.’ Schumer was in the East Room."
    q = only(text)
    assert q.text == "Let’s go. We can (hashtag)StopGunViolence." and not q.closed


# --- apostrophes -----------------------------------------------------------------

def test_apostrophes_inside_single_quoted_text_do_not_cut_it(seed_text):
    found = quotes(seed_text)
    assert any(q.startswith("without Morocco's work, in this specific case") and q.endswith("France would be less safe,")
               for q in found)
    assert quotes("He called ‘Ms Clinton’s chief opponent’ a fraud.") == ["Ms Clinton’s chief opponent"]


def test_elisions_and_plural_possessives_never_open_a_quotation():
    text = "He grew up in the '90s on rock 'n' roll, in the Joneses' house near the magistrates' court, ’til dawn."
    assert detect(text) == []


def test_plural_possessive_inside_a_single_quotation():
    text = "'We back the farmers' union and the workers' demands,' he said."
    assert quotes(text) == ["We back the farmers' union and the workers' demands,"]


def test_possessive_after_a_closed_quotation_is_not_a_mark():
    text = ("Darmanin proclaimed the declaration 'a significant sign of enhanced cooperation,' while commending "
            "Moroccan magistrates' pivotal role alongside their French counterparts.")
    assert quotes(text) == ["a significant sign of enhanced cooperation,"]


# --- nesting, paragraphs, unbalanced marks -----------------------------------------

def test_nested_quotation_stays_inside_the_outer_one():
    assert quotes("\"He told me 'never again,' and left,\" she said.") == ["He told me 'never again,' and left,"]
    assert quotes("‘He told me “never again,” and left,’ she said.") == ["He told me “never again,” and left,"]


def test_nested_single_quotation_inside_a_single_one():
    # a restyled PolNeAR sentence (usa-today, 2016-03-16): the inner close is not a possessive
    assert quotes("'Our ideas of 'success' are different,' agrees Michelle Stevens.") == [
        "Our ideas of 'success' are different,"]


def test_opening_mark_right_after_a_colon():
    assert quotes("Rep. Trey Gowdy (R-S.C.):'Who told you that?'") == ["Who told you that?"]


def test_nested_double_quotation_of_another_style():
    assert quotes("« Il m'a dit : “jamais” », a-t-il déclaré.") == ["Il m'a dit : “jamais”"]
    assert quotes('“He said "no" to me,” she said.') == ['He said "no" to me,']


def test_stray_straight_mark_before_curly_quotations():
    # PolNeAR (breitbart, 2016-06-04): a block quotation's stray straight opening mark
    text = '"Pastor Darrell Scott defended Trump’s “Look at my African-American over here!” line.'
    assert "Look at my African-American over here!" in quotes(text)


def test_nested_close_set_apart_by_a_space():
    # Washington Post style: ,' " closes both
    text = "\"I've always been insulted with the term 'African American outreach,' \" he told the group."
    assert quotes(text) == ["I've always been insulted with the term 'African American outreach,'"]


def test_quotation_over_paragraphs_is_one_group():
    text = ("Cruz continued:\n\n“You look at the questions. Donald Trump, are you a comic book villain?\n\n"
            "“Ben Carson, can you do math?\n\n“John Kasich, can you insult those two people?”\n\nHe sat down.")
    found = detect(text)
    assert [q.text for q in found] == ["You look at the questions. Donald Trump, are you a comic book villain?",
                                       "Ben Carson, can you do math?", "John Kasich, can you insult those two people?"]
    assert {q.group for q in found} == {0}
    assert found[0].close_end == found[0].end and found[-1].close_end == found[-1].end + 1


def test_single_paragraph_quotations_have_no_group():
    found = detect("“One,” he said. “Two,” she said.\n“Three.”")
    assert [q.text for q in found] == ["One,", "Two,", "Three."]
    assert all(q.group is None for q in found)


def test_missing_closing_mark_closes_at_the_paragraph_end_and_detection_goes_on():
    text = "\"Never again, he said, and left.\n\nLater he added: \"It was a mistake.\""
    first, second = detect(text)
    assert first.text == "Never again, he said, and left." and not first.closed and first.close_end == first.end
    assert second.text == "It was a mistake." and second.closed


def test_a_new_double_quotation_ends_one_left_open():
    text = "He said \"we will win. Then \"we will govern,\" he added."
    first, second = detect(text)
    assert first.text == "we will win. Then" and not first.closed
    assert second.text == "we will govern,"


def test_handle_after_the_opening_mark():
    text = "\".@BernieSanders prioritized gun manufacturers' rights over the parents,\" Clinton tweeted."
    assert quotes(text) == [".@BernieSanders prioritized gun manufacturers' rights over the parents,"]


def test_hard_wrapped_text_is_read_by_blank_line_paragraphs():
    lines = ["The minister spoke for an hour at the press conference in", "Rabat on Monday. \"We seize many assets,",
             "but we confiscate relatively few,\" he said, adding that", "this must absolutely be improved soon."]
    text = "\n".join(lines) + "\n\n" + "\n".join(lines)
    found = detect(text)
    assert [q.text for q in found] == ["We seize many assets,\nbut we confiscate relatively few,"] * 2


def test_markup_attributes_are_not_quotations():
    text = '<tweet id="672138506081275904" author="@MissDBunker">Scanner: "acting nervous"</tweet>'
    assert [q.text for q in detect(text)] == ["acting nervous"]


# --- kinds ---------------------------------------------------------------------------

def test_seed_names_and_headings(seed_text):
    kinds = {q.text: q.kind for q in detect(seed_text)}
    assert kinds["A deep friendship and renewed partnership"] == "heading"
    assert kinds["Jabaroot"] != "direct"
    assert kinds["The cooperation is excellent,"] == "direct"


def test_titles_and_scare_quotes():
    assert detect("Sunday on CNN’s “State of the Union,” Sanders said he would stay.")[0].kind == "title"
    assert detect("She starred in “Parks and Recreation” for years.")[0].kind == "title"
    assert detect("He sat down for POLITICO’s “Off Message” podcast on Monday.")[0].kind == "title"
    assert detect("He rejected the so-called \"deal\" on Monday.")[0].kind == "scare"
    # a sentence-case fragment after a cue is left for attribution to judge
    assert detect("Clinton slammed the proposal as “reprehensible, prejudiced and divisive.”")[0].kind == "direct"


def test_agentless_naming_and_lists_of_terms_are_scare_quotes():
    # PolNeAR train (NYT, Breitbart): "known as" names a thing; nobody is quoted
    text = "hundreds of golf courses, many of them derisively known as ''rabbit patches'' or ''goat farms.''\n"
    assert [q.kind for q in detect(text)] == ["scare", "scare"]
    assert detect("Marcel Lazar Lehel, the hacker known as “Guccifer,” stated that")[0].kind == "scare"
    assert [q.kind for q in detect('the so-called "deal", "truce" and "pause" were gone')] == ["scare"] * 3
    # someone who names a thing is quoted: left to attribution
    assert [q.kind for q in detect('Trump dubbed her "Crooked Hillary" and "a liar."')] == ["direct", "direct"]
    # a list after a quotation that is not a term stays as it was
    assert [q.kind for q in detect('He called it "a disaster" and "a shame."')] == ["direct", "direct"]


def test_a_nickname_inside_a_name_is_no_quotation():
    # PolNeAR dev and train (Washington Post, Breitbart): the given name and surname around the marks
    assert detect('his niece, state Del. Marcia "Cia" Price (D-Newport News), shouted')[0].kind == "nickname"
    assert detect("former CIA operative and Marine John “Tig” Tiegen found both issues")[0].kind == "nickname"
    # a quotation between two capitalised words is not a nickname: it ends a clause or is a sentence
    assert detect('Rubio told Reuters "Yes, absolutely." Then he left.')[0].kind == "direct"
    assert detect("They chanted “Lock her up” Monday night in Cleveland.")[0].kind == "direct"


def test_quotation_in_a_headline_is_a_heading():
    text = "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON — Lawmakers spoke on Friday."
    assert detect(text)[0].kind == "heading"
    text = "Bill Clinton calls Obamacare ‘crazy system’ during campaign stop.\n\nFLINT, Mich. — Former president."
    assert detect(text)[0].kind == "heading"


def test_a_whole_paragraph_quotation_is_not_a_heading():
    text = "Susan turned around.\n\n“But he’s our orange buffoon, and we love him!”\n\nShe left."
    assert detect(text)[0].kind == "direct"
    text = "Obama said:\n\n\"There's no magic to the phrase 'radical Islam.' It's a talking point.\"\n"
    assert detect(text)[0].kind == "direct"


# --- properties ------------------------------------------------------------------------

MARKISH = st.lists(st.sampled_from(list("ab '\"“”‘’«»„‹›\n.,!? `'’s9「」<>=") + ["''", "``", "\r\n", "\u00a0"]),
                   max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), MARKISH))
def test_never_raises_and_spans_are_sound(text):
    found = detect(text)
    last = -1
    for i, q in enumerate(found):
        assert text[q.start:q.end] == q.text and q.text.strip() == q.text and q.text
        assert q.open_start < q.start <= q.end <= q.close_end
        assert q.open_start >= last  # sorted and non-overlapping, marks included
        last = q.close_end
        assert q.closed or q.close_end == q.end
        assert q.group is None or (found[q.group].group == q.group and q.group <= i)
        assert q.kind in ("direct", "title", "scare", "heading")


STYLES = {
    "straight": ('"', '"'), "curly": ("“", "”"), "single": ("'", "'"), "curly-single": ("‘", "’"),
    "guillemets": ("«", "»"), "reversed": ("»", "«"), "german": ("„", "“"),
}
WORD = st.sampled_from(["the", "minister", "said", "Morocco's", "don't", "cooperation", "O’Brien", "is",
                        "excellent", "we", "talk", "1.4", "billion", "Rabat", "and"])
INNER = st.builds(lambda ws, p: " ".join(ws) + p, st.lists(WORD, min_size=1, max_size=6),
                  st.sampled_from(["", ",", ".", "?", "!"]))
SEGMENT = st.one_of(st.builds(lambda ws: ("text", " ".join(ws)), st.lists(WORD, min_size=1, max_size=5)),
                    st.builds(lambda s: ("quote", s), INNER))


def render(segments, style: str) -> str:
    o, c = STYLES[style]
    return " ".join(s if k == "text" else f"{o}{s}{c}" for k, s in segments)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(SEGMENT, min_size=1, max_size=5), min_size=1, max_size=3),
       st.sampled_from(sorted(STYLES)))
def test_restyling_the_marks_does_not_move_the_spans(paragraphs, style):
    base = "\n\n".join(render(p, "straight") for p in paragraphs)
    other = "\n\n".join(render(p, style) for p in paragraphs)
    assert len(base) == len(other)
    spans = [(q.start, q.end) for q in detect(base)]
    assert spans == [(q.start, q.end) for q in detect(other)]
    expected = [s.strip() for p in paragraphs for k, s in p if k == "quote"]
    assert [q.text for q in detect(base)] == expected


def _restyle_module():
    path = Path(__file__).resolve().parent.parent / "bench" / "restyle.py"
    spec = importlib.util.spec_from_file_location("restyle", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A PolNeAR paragraph (usa-today, 2016-04-15) with straight marks, mixed with a curly one.
DEBATE = ('When Sanders accused Clinton of being too reliant on Wall Street, she said "I stood up against the '
          'behavior of the banks" for reckless financial transactions. Sanders shot back, "Secretary Clinton '
          'called them out. Oh my goodness, they must have been really crushed by that."\n\n'
          'Clinton said the Vermont senator\'s plan was "not a plan," adding: “We don\'t need the farmers\' '
          'union to tell us that.”')


@pytest.mark.parametrize("style", ["single", "curly-single", "guillemets", "reversed", "german"])
def test_restyled_copy_keeps_offsets_and_spans(style):
    restyled = _restyle_module().restyle(DEBATE, style)
    assert len(restyled) == len(DEBATE) and restyled != DEBATE
    assert [(q.start, q.end) for q in detect(restyled)] == [(q.start, q.end) for q in detect(DEBATE)]
    assert len(detect(DEBATE)) == 4


def test_a_lone_straight_mark_setting_off_an_excerpt_opens_nothing():
    # PolNeAR (Breitbart): the excerpt's paragraph starts with a straight mark nothing closes;
    # its own quotations are curly, and the narration before them is no quotation
    text = ("Kelly charged in her now-infamous assault.\n\n"
            "\"Trump tried to laugh it off by interjecting, “Only Rosie O’Donnell.” But Kelly was relentless.\n\n"
            "“Does that sound to you like the temperament of a man we should elect?”\n")
    assert quotes(text) == ["Only Rosie O’Donnell.", "Does that sound to you like the temperament of a man we should elect?"]


def test_a_straight_opener_closed_by_a_curly_mark_is_still_a_quotation():
    text = "\"I know. I know. That’s why I think this is a very dangerous political moment,” Henry said.\n"
    assert quotes(text) == ["I know. I know. That’s why I think this is a very dangerous political moment,"]


def test_a_curly_mark_after_an_open_straight_block_does_not_carry_it_on():
    # PolNeAR train (Breitbart): the straight block quotation ends with its paragraph; the curly
    # quotation leading the next one is the block's inner quote, with its own cue
    text = ("As Breitbart News reported, the White House was refusing to call it terrorism:\n\n"
            "\"At the White House today, reporters questioned Press Secretary Josh Earnest.\n\n"
            "“I don’t want to talk about the situation,” Earnest said.\"\n")
    spans = [q for q in detect(text) if q.kind in ("direct", "partial")]
    assert [q.text for q in spans][:2] == ["At the White House today, reporters questioned Press Secretary Josh Earnest.",
                                           "I don’t want to talk about the situation,"]
    assert spans[0].group is None and spans[1].group is None  # not one quotation over two paragraphs


# --- issue 17: what a citation check needs from the detector ---------------------------------

def test_a_reporting_sentence_opening_the_text_is_no_heading():
    text = ('Councillor James Okafor said: "The people of Dock Street were asked and they agreed with every word '
            'of the plan."\n\nThe vote was 7-4.\n')
    assert only(text).kind == "direct"
    # a headline stays one, cue or not
    assert detect("Trump: \"We will win\"\n\nThe rally ran late.")[0].kind == "heading"


def test_a_single_line_break_inside_an_open_quotation_does_not_end_it():
    text = ('The mayor spoke on Monday. "We will rebuild the bridge and we will do it\nbefore the winter," '
            'said Mayor Jane Doe.')
    q = only(text)
    assert q.text == "We will rebuild the bridge and we will do it\nbefore the winter," and q.closed
    # a blank line does end it: the quotation is closed at the paragraph end
    text = '"We will rebuild the bridge\n\nbefore the winter," said Mayor Jane Doe.'
    assert [q.text for q in detect(text)][0] == "We will rebuild the bridge"
    # a next line that opens a quotation of its own is a new paragraph
    text = 'He said "we will win.\n"We will govern," he added.'
    assert quotes(text) == ["we will win.", "We will govern,"]


def test_a_plural_possessive_does_not_end_a_quotation_carried_over_paragraphs():
    text = ("Festival director Tom O'Neill said: 'We've waited five years for this. The farmers' field is booked, "
            "the stage is built and the town is ready.\n\n'We will open the gates at nine and the first band "
            "plays at ten,' he added.")
    first, second = detect(text)
    assert first.text.endswith("the town is ready.") and "farmers' field" in first.text
    assert first.group == second.group == 0


def test_a_mismatched_pair_does_not_swallow_the_quotation_after_it():
    text = ("'JOHN, you lied to me,\" a shaken Maria Diaz told her brother in court. Judge Harris said the state "
            "had shown \"a clear pattern of deceit\" that justified the order.")
    assert quotes(text) == ["JOHN, you lied to me,", "a clear pattern of deceit"]
    # a single quotation that closes with its own mark is left alone
    assert quotes("'He said \"no,\" and left,' she said.") == ['He said "no," and left,']
