"""How sure an attribution is: the chance that the speaker given is the one who said the words.

Two independent things can go wrong, so the confidence is a product of two tables (data, not
code, so that re-measuring them changes numbers, not logic):

* the *rule* that found the speaker's mention (:data:`RULE`): a reporting verb governing the quote
  (``syntax``) is right far more often than the subject of the writer's sentence around a partial
  quote (``embedded``) or the last speaker carried over (``continues``);
* how the mention became a speaker (:data:`ROUTE`): a name is the person; a description
  ("the justice minister") or a pronoun had to be resolved, and a pronoun whose best antecedent
  was barely ahead of the next (``margin``) is a close call, said as such rather than hidden.

The figures are shares right, measured on the project's own labelled sets (see the README's
calibration table and ``bench/calibration.py``, which prints them again).
"""
from __future__ import annotations

from ..records import Entity
from .resolve import Evidence

#: The rule name of reported-speech records (kind ``indirect``).
REPORTED = "reported"

#: Share of mentions right, by the sieve step that found them (quotes.attribution.sieve.STEPS and
#: quotes.attribution.continued), and for reported speech.
RULE: dict[str, float] = {
    "label": 0.98, "syntax": 0.98, "colon": 0.97, "adjacent": 0.96, "according": 0.97,
    "inside": 0.90, "sentence": 0.93, "embedded": 0.88, "group": 0.97, "introduced": 0.93,
    "continues": 0.94, "anticipates": 0.88, REPORTED: 0.85,
}
#: Share resolved to the right speaker, given a right mention, by route.
ROUTE: dict[str, float] = {"name": 0.99, "description": 0.55, "pronoun": 0.86, "group": 0.9, "none": 0.5,
                           "text": 0.8,   # a text's owner named sentences back ("The clip says" → the RNC's video)
                           "spokesperson": 0.95,   # an unnamed spokesperson for a named body: the body
                           "author": 0.9,   # the writer's "I", named by an opinion piece's closing line
                           "source": 0.8,   # an unnamed source or official inside a named body: the body
                           "epithet": 0.8}   # "the New York businessman": the subject of the sentence before
#: A pronoun or description chosen by less than this margin over the runner-up is a close call ...
CLOSE = 0.25
#: ... and counts this much less.
CLOSE_FACTOR = 0.7
#: A speaker that is no one in particular (a pronoun nobody resolved, an unnamed description:
#: "a campaign aide") names no one a reader can look up.
UNNAMED = 0.5


def confidence(rule: str | None, how: Evidence, entity: Entity | None) -> float:
    """The confidence of one attribution, rounded to two places."""
    p = RULE.get(rule or "", 0.8) * ROUTE.get(how.route, 0.5)
    if how.route in ("pronoun", "description") and how.margin < CLOSE:
        p *= CLOSE_FACTOR
    if entity is None or not entity.name[:1].isupper():
        p *= UNNAMED
    return round(p, 2)
