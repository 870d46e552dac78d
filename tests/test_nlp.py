"""The loaded pipeline: cheaper forms of two components, with the stock answers."""
from __future__ import annotations

import pytest
import spacy

from quotes.nlp.lemmas import lemma
from quotes.nlp.ruler import NAME, STOCK, compile_ruler, use_compiled

#: Forms the multi-token and dependency patterns of the English attribute_ruler are about.
TRICKY = (
    "\"I ain't gonna say it, y'all,\" he said. Let's go. C'mon, there is nothin' left and there are none.\n\n"
    "She gets it; they got it. It was not what you told me, and I don't think it is. Do you? He does, but I did not.\n"
    "But she had said so. Whether or not they have, I'd rather not. The thing that was said  \n  was odd."
)


@pytest.fixture(scope="module")
def stock():
    from quotes.nlp.paragraphs import add_to

    return add_to(spacy.load(_model_name(), exclude=["senter"]))


def _model_name() -> str:
    from quotes.nlp.model import candidates

    for name in candidates():
        if spacy.util.is_package(name):
            return name
    pytest.skip("no English pipeline package installed")


def test_the_pipeline_runs_the_compiled_rules_and_lemmatizes_on_demand(nlp):
    assert NAME in nlp.pipe_names and STOCK not in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names and "lemmatizer" in nlp.component_names
    assert "senter" not in nlp.component_names


def test_the_lemmatizer_index_is_read_as_sets(nlp):
    # the rule lemmatizer only asks whether a form is in its index; as lists that is a linear scan
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    doc = nlp("The ministers were meeting the spokeswomen of both agencies.")
    assert [lemma(t) for t in doc if t.pos_ in ("NOUN", "VERB")] == ["minister", "meet", "spokeswoman", "agency"]


def _annotations(doc, read_lemma) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, read_lemma(t), t.ent_type_) for t in doc]


@pytest.mark.parametrize("which", ["seed", "tricky"])
def test_same_annotations_as_the_stock_pipeline(nlp, stock, seed_text, which):
    text = seed_text if which == "seed" else TRICKY
    ours = _annotations(nlp(text), lemma)
    theirs = _annotations(stock(text), lambda t: t.lemma_.lower())
    assert [a for a, b in zip(ours, theirs) if a != b] == []
    assert len(ours) == len(theirs)


def test_the_multi_token_rules_apply(nlp):
    doc = nlp("I ain't gonna go, and there is more.")
    assert [lemma(t) for t in doc[1:5]] == ["be", "not", "go", "to"]
    assert next(t for t in doc if t.lower_ == "is").pos_ == "VERB"  # after an expletive "there"


def test_lemma_keeps_a_lemma_the_doc_already_has(stock):
    doc = stock("The ministers said it.")
    assert [lemma(t) for t in doc] == ["the", "minister", "say", "it", "."]


def test_lemma_without_a_lemmatizer_is_the_lower_form():
    doc = spacy.blank("en")("Said Hello")
    assert [lemma(t) for t in doc] == ["said", "hello"]


def test_a_ruler_with_patterns_it_cannot_read_stays_stock():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(STOCK)
    ruler.add([[{"ORTH": "Dr.", "OP": "?"}]], {"LEMMA": "doctor"})
    assert compile_ruler(ruler) is None
    use_compiled(nlp)
    assert nlp.pipe_names == [STOCK]


def test_a_simple_ruler_compiles_and_later_patterns_win():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(STOCK)
    ruler.add([[{"LOWER": "said"}]], {"POS": "VERB", "LEMMA": "say"})
    ruler.add([[{"LOWER": {"IN": ["said", "told"]}}]], {"POS": "AUX"})
    use_compiled(nlp)
    assert nlp.component_names == [STOCK, NAME] and nlp.disabled == [STOCK]
    doc = nlp("He said and told")
    assert [t.pos_ for t in doc] == ["", "AUX", "", "AUX"]
    assert doc[1].lemma_ == "say"


def test_glued_quotation_marks_are_split_off(nlp):
    # PolNeAR train (HuffPost): 'paranoia,”Clinton said' was one token straddling the quote's edge
    words = [t.text for t in nlp.tokenizer("the prejudice and paranoia,”Clinton said. He said“no way”.")]
    assert words[3:8] == ["paranoia", ",", "”", "Clinton", "said"]
    assert words[9:12] == ["He", "said", "“"]
    # a dash or a colon touching a glued mark comes off too
    assert [t.text for t in nlp.tokenizer("his record—“the longest expansion”—and")] == \
        ["his", "record", "—", "“", "the", "longest", "expansion", "”", "—", "and"]
    assert [t.text for t in nlp.tokenizer('he said:“no”')] == ["he", "said", ":", "“", "no", "”"]
    # an inch mark and abbreviations stay as they were
    assert [t.text for t in nlp.tokenizer('a 6" pipe in the U.S., he said')] == \
        ["a", "6", '"', "pipe", "in", "the", "U.S.", ",", "he", "said"]


def test_rare_marks_read_as_their_common_form(nlp):
    doc = nlp("When Clinton noted it ― as was true for years ― Trump boasted, “That makes me smart.”")
    assert [t.tag_ for t in doc if t.text == "―"] == [":", ":"]
    assert doc.text.count("―") == 2  # the text itself is unchanged
