"""The sieve is data: its steps are an ordered tuple, and the module's docstring says the same order."""
from __future__ import annotations

import re

from quotes.attribution import sieve


def test_docstring_lists_the_steps_in_their_order():
    listed = re.findall(r"^\d+\. ``([^`]+)``", sieve.__doc__, flags=re.M)
    assert listed == [name for name, _ in sieve.STEPS]


def test_every_step_is_documented_and_named_once():
    names = [name for name, _ in sieve.STEPS]
    assert len(names) == len(set(names)) == 14
    assert all(step.__doc__ for _, step in sieve.STEPS)


def test_a_step_that_decides_stops_the_sieve(nlp):
    """The first step that decides wins: a labelled quote never reaches the syntax step."""
    text = 'Clinton: "We will win this state."\n'
    doc = nlp(text)
    from quotes.detect import detect

    [a] = sieve.attribute(doc, detect(text), text)
    assert a.sieve == "label" and a.mention.text == "Clinton"
