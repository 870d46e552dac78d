"""One person, one entry (issue 15, class 7): canonical names keep accents, a name is never given to
two speakers, a first name finds its person, and a surname-only link across articles is a guess the
index says it is. Every test runs on both storages."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import Index, NameTaken
from quotes.index.placement import SURNAME_ONLY
from quotes.records import SURE, DocResult
from seed_index import said_article

runner = CliRunner()


def article(path: str, said: list[tuple[str, str]], aliases: dict[str, list[str]] | None = None) -> DocResult:
    return said_article(path, said, aliases=aliases, confidence=0.97)


@pytest.fixture(params=["index.json", "index.sqlite"])
def index(tmp_path, request):
    return Index(tmp_path / request.param)


def test_the_accented_spelling_wins_whichever_article_came_first(index):
    index.ingest([article("a.txt", [("We will hire officers", "Gerald Darmanin")])])
    index.ingest([article("b.txt", [("Security first", "Gérald Darmanin")])])
    [who] = index.list_speakers()
    assert who["name"] == "Gérald Darmanin" and who["quotes"] == 2


def test_a_curated_name_is_kept_as_the_person_wrote_it(index):
    index.ingest([article("a.txt", [("We will hire officers", "Gerald Darmanin")])])
    index.rename_speaker("Gerald Darmanin", "Gerald Darmanin")      # a person chose this spelling
    index.ingest([article("b.txt", [("Security first", "Gérald Darmanin")])])
    assert [s["name"] for s in index.list_speakers()] == ["Gerald Darmanin"]


def test_rename_to_a_name_another_speaker_has_is_refused_with_the_merge_to_run(index, tmp_path):
    index.ingest([article("a.txt", [("This wing will save lives", "Helen Park")]),
                  article("b.txt", [("We are not done", "H. Parks")])])
    other = next(s["id"] for s in index.list_speakers() if s["name"] == "H. Parks")
    with pytest.raises(NameTaken, match="quotes speakers merge"):
        index.rename_speaker(other, "helen  PARK")
    assert sorted(s["name"] for s in index.list_speakers()) == ["H. Parks", "Helen Park"]
    r = runner.invoke(app, ["speakers", "rename", str(other), "Helen Park", "--db", str(index.path)])
    assert r.exit_code == 1 and "already called Helen Park" in r.output and "merge" in r.output


def test_a_first_name_finds_its_person_when_nothing_else_answers(index):
    index.ingest([article("a.txt", [("This wing will save lives", "Helen Park")]),
                  article("b.txt", [("I played my best tennis", "James Park")])])
    assert [q["speaker"] for q in index.list_quotes(speaker="Helen")] == ["Helen Park"]
    assert [q["speaker"] for q in index.list_quotes(speaker="james")] == ["James Park"]
    assert not index.find_speakers("Maria")


def test_a_surname_alone_filed_under_a_fuller_name_from_elsewhere_goes_to_review(index):
    index.ingest([article("a.txt", [("This wing will save lives", "Helen Park")], {"Helen Park": ["Park"]})])
    index.ingest([article("b.txt", [("We are not done yet", "Park")])])
    rows = {q["quote"]: q for q in index.list_quotes()}
    assert rows["We are not done yet"]["speaker"] == "Helen Park"
    assert rows["We are not done yet"]["confidence"] == SURNAME_ONLY < SURE
    assert rows["This wing will save lives"]["confidence"] == 0.97
    assert [q["quote"] for q in index.list_quotes(unsure=True)] == ["We are not done yet"]


def test_a_bare_surname_two_people_carry_is_refused_listing_both(index):
    index.ingest([article("a.txt", [("This wing will save lives", "Helen Park")]),
                  article("b.txt", [("I played my best tennis", "James Park")])])
    from quotes.index.core import AmbiguousSpeaker
    with pytest.raises(AmbiguousSpeaker, match="Helen Park.*James Park"):
        index.list_quotes(speaker="Park")
    assert [q["speaker"] for q in index.list_quotes(speaker="James Park")] == ["James Park"]
    for command in (["list", "-s", "park"], ["export", "-s", "Park"]):
        r = runner.invoke(app, [*command, "--db", str(index.path)])
        assert r.exit_code == 1 and "#1 Helen Park" in r.output and "James Park" in r.output


def test_a_surname_one_person_carries_still_finds_them(index):
    index.ingest([article("a.txt", [("This wing will save lives", "Helen Park")], {"Helen Park": ["Park"]}),
                  article("b.txt", [("Security first", "Gérald Darmanin")])])
    assert [q["speaker"] for q in index.list_quotes(speaker="park")] == ["Helen Park"]
