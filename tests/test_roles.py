"""Roles read off the parse, and whether a description fits them."""
from __future__ import annotations

import pytest

from quotes.coref.roles import Role, counterpart, describe, fits, make_role, nation, roles_around

SEED_SENTENCE = ("Moroccan Minister of Justice Abdellatif Ouahbi and his French counterpart Gérald Darmanin "
                 "sealed the agreement in Rabat, building upon the action plan signed in May 2024.")


def _head(doc, word):
    return next(t for t in doc if t.text == word)


def _first(doc, word):
    return _head(doc, word).i


@pytest.fixture(scope="module")
def seed_roles(nlp):
    doc = nlp(SEED_SENTENCE)
    return (roles_around(_head(doc, "Ouahbi"), _first(doc, "Abdellatif")),
            roles_around(_head(doc, "Darmanin"), _first(doc, "Gérald")))


def test_title_before_a_name(seed_roles):
    ouahbi, _ = seed_roles
    assert [r.text for r in ouahbi] == ["Moroccan Minister of Justice"]
    assert ouahbi[0].head == "minister" and ouahbi[0].nations == {nation("Morocco")}
    assert {"minister", "justice"} <= ouahbi[0].words


def test_noun_phrase_a_name_is_apposed_to_keeps_its_possessor(seed_roles):
    _, darmanin = seed_roles
    assert [r.text for r in darmanin] == ["French counterpart"]
    assert darmanin[0].possessor is not None and darmanin[0].possessor.text == "his"


def test_counterpart_takes_the_office_with_its_own_nationality(seed_roles):
    ouahbi, darmanin = seed_roles
    derived = counterpart(darmanin[0], ouahbi[0])
    assert derived.text == "French Minister of Justice"
    assert derived.nations == {nation("France")} and derived.head == "minister"


def test_appositive_after_a_name(nlp):
    # PolNeAR, nyt_2016-09-08: "Another critic, Laurence H. Tribe, likened ..."; and a PolNeAR-style trailing one
    doc = nlp("Sen. Bernie Sanders, a Vermont independent, said the bill would fail.")
    roles = roles_around(_head(doc, "Sanders"), _first(doc, "Sen."))
    assert "Vermont independent" in [r.text for r in roles]


def test_a_possessor_alone_is_not_a_role(nlp):
    # PolNeAR, politico_2015-12-23_ben-carson-hints-at-
    doc = nlp("Carson pointed out that the paper's Robert Costa had reported in June that the campaign was failing.")
    assert roles_around(_head(doc, "Costa"), _first(doc, "Robert")) == []


def test_opinions_and_plurals_are_not_roles(nlp):
    doc = nlp("Hillary Clinton and her co-conspirators met the voters.")
    assert make_role([t for t in doc if t.text == "conspirators"]) is None
    doc = nlp("Trump is a disgusting fraud, the lawmakers said.")
    assert roles_around(_head(doc, "Trump"), _first(doc, "Trump")) == []


@pytest.mark.parametrize("text, fits_ouahbi, fits_darmanin", [
    ("the justice minister", True, True),
    ("the French minister", False, True),
    ("the Moroccan minister", True, False),
    ("the interior minister", False, False),
    ("the ministry", False, False),
])
def test_description_fits_roles(nlp, text, fits_ouahbi, fits_darmanin):
    ouahbi = Role(text="Moroccan Minister of Justice", head="minister", words=frozenset({"moroccan", "minister", "justice"}),
                  nations=frozenset({nation("Moroccan")}))
    darmanin = Role(text="French Minister of Justice", head="minister", words=frozenset({"french", "minister", "justice"}),
                    nations=frozenset({nation("French")}))
    d = describe(nlp(text)[:])
    assert d is not None and d.definite
    assert fits(d, [ouahbi]) is fits_ouahbi
    assert fits(d, [darmanin]) is fits_darmanin


def test_describe_reads_number_and_definiteness(nlp):
    d = describe(nlp("a campaign aide")[:])
    assert d.head == "aide" and d.mods == {"campaign"} and not d.definite and not d.plural
    assert describe(nlp("the ministers")[:]).plural
    doc = nlp("Gérald Darmanin said the cooperation was excellent.")
    assert describe(doc[0:2]) is None


def test_nation_keys_join_demonyms_and_countries():
    assert nation("Moroccan") == nation("Morocco")
    assert nation("French") == nation("France")
    assert nation("American") == nation("U.S.") == nation("US")
    assert nation("French") != nation("Moroccan")
