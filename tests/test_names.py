"""Personal names: splitting titles off, matching forms of one name, gender."""
from __future__ import annotations

import pytest

from quotes.lexicon.names import first_name_gender, fold, name_match, parse_name, word_gender


def test_parse_name_splits_honorifics_titles_and_suffixes():
    n = parse_name(["Mr.", "Darmanin"])
    assert n.words == ("Darmanin",) and n.honorific_gender == "male"
    n = parse_name(["Sen.", "Bernie", "Sanders"])
    assert n.words == ("Bernie", "Sanders") and n.titles == ("Senator",) and n.given == "Bernie"
    n = parse_name(["Martin", "Luther", "King", "Jr."])
    assert n.words == ("Martin", "Luther", "King")
    assert parse_name(["Clinton’s"]).words == ("Clinton",)


def test_a_lone_title_word_is_kept_as_the_name():
    assert parse_name(["President"]).words == ("President",)


@pytest.mark.parametrize("full, other, want", [
    ("Gérald Darmanin", "Darmanin", "surname"),
    ("Gérald Darmanin", "Gerald Darmanin", "exact"),
    ("Gérald Darmanin", "Mr. Darmanin", "surname"),
    ("Moulay El Hassan Daki", "Hassan Daki", "surname"),
    ("Hillary Rodham Clinton", "Hillary Clinton", "surname"),
    ("Hillary Clinton", "Hillary", "given"),
    ("John Holdren", "J. Holdren", "exact"),
    ("Mohamed Abdennabaoui", "Mohamed Abdenabaoui", "exact"),     # a slip of spelling
    ("Bill Clinton", "Hillary Clinton", None),
    ("Donald Trump", "Eric Trump", None),
    ("Donald Trump", "Donald", "given"),
    ("Paul Ryan", "Ryan Paul", None),
])
def test_name_match(full, other, want):
    assert name_match(parse_name(full.split()), parse_name(other.split())) == want


def test_first_name_gender_uses_the_shipped_list():
    assert first_name_gender("Hillary") == "female"
    assert first_name_gender("Gérald") == "male"
    assert first_name_gender("Abdellatif") == "male"
    assert first_name_gender("Xqzt") is None
    assert first_name_gender("J.") is None


def test_word_gender_and_fold():
    assert word_gender("spokeswoman") == "female" and word_gender("Chairman") == "male"
    assert word_gender("minister") is None
    assert fold("Gérald") == fold("GERALD") == "gerald"
