"""Shared test fixtures: the spaCy pipeline (loaded once per session) and the fixture articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "morocco-france-justice.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from quotes.nlp.model import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_result(nlp, seed_text):
    from quotes.pipeline import analyse
    from quotes.records import Document

    return analyse(nlp(seed_text), Document(path=str(SEED), text=seed_text))
