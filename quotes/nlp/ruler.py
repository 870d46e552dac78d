"""The English pipeline's attribute rules, applied by table lookup.

The ``attribute_ruler`` of spaCy's English pipelines turns fine tags into
parts of speech and morphology (``VBD`` -> ``VERB``, ``Tense=Past|VerbForm=Fin``)
and fixes a few forms ("n't", "gonna"). It runs 179 Matcher patterns and
writes each match through a retokenizer: about 25 ms an article, more than our
whole quote pipeline. Almost every pattern looks at one token's tag, lower
form, dependency label and whether it is a space, so the outcome for a token
is a function of those four values (and of the lower form only when some
pattern names it): :class:`CompiledRuler` works it out once per combination seen, with the ruler's own patterns and precedence (a later
pattern wins), and writes whole columns with ``Doc.from_array``. The few
patterns that span several tokens are tried only where their first token fits.

Built from the loaded ruler, never from a copied table: another model brings
its own patterns, and a pattern this module cannot read (another attribute, an
operator) leaves the stock ruler in place (:func:`compile_ruler` gives ``None``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

NAME = "quotes_attribute_rules"
STOCK = "attribute_ruler"
KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
COLUMNS = ("POS", "MORPH", "LEMMA")

Test = Callable[[Any], bool]
TokenTest = Callable[[tuple], bool]  # on a token's (tag, lower, dep, is_space)
Rule = tuple[int, dict[str, str]]  # (pattern order, attributes it sets)


def _value_test(spec: Any) -> Test | None:
    """A predicate for one attribute's pattern value, or None when it is not understood."""
    if isinstance(spec, (str, bool)):
        return lambda v: v == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda v: v not in banned
    if op == "REGEX":
        found = re.compile(arg).search
        return lambda v: isinstance(v, str) and found(v) is not None
    return None


def _token_test(token_spec: dict) -> TokenTest | None:
    """A predicate on (tag, lower, dep, is_space) for one token pattern, or None."""
    tests = []
    for key, spec in token_spec.items():
        if key not in KEYS:
            return None
        test = _value_test(spec)
        if test is None:
            return None
        tests.append((KEYS.index(key), test))
    return lambda values: all(test(values[i]) for i, test in tests)


Key = tuple[int, int, int, int]


class CompiledRuler:
    """Same annotations as an ``AttributeRuler``, from lookups keyed by a token's four values."""

    def __init__(self, vocab, singles: list[tuple[int, TokenTest, dict, str | None]],
                 sequences: list[tuple[int, list[TokenTest], int, dict]],
                 named_lowers: Iterable[str], lower_regexes: Iterable[str]) -> None:
        self.vocab = vocab
        self.singles = singles
        # Most patterns name one tag: only those and the tag-free ones are tried on a token.
        self._by_tag: dict[str, list[tuple[int, TokenTest, dict]]] = {}
        self.sequences = sequences
        self._named = frozenset(vocab.strings.add(w) for w in named_lowers)
        self._regexes = tuple(re.compile(r).search for r in lower_regexes)
        self._lower_class: dict[int, int] = {}
        self._known: dict[Key, tuple[list[Rule], tuple[int, ...]]] = {}
        self._merged: dict[Key, tuple] = {}

    def lower_class(self, lower: int) -> int:
        """The lower form itself if some pattern could match it, else 0 (no pattern names it)."""
        found = self._lower_class.get(lower)
        if found is None:
            text = self.vocab.strings[lower]
            keep = lower in self._named or any(search(text) for search in self._regexes)
            found = self._lower_class[lower] = lower if keep else 0
        return found

    def values(self, key: Key) -> tuple:
        strings = self.vocab.strings
        return (strings[key[0]], strings[key[1]] if key[1] else None, strings[key[2]], bool(key[3]))

    def singles_for(self, tag: str) -> list[tuple[int, TokenTest, dict]]:
        found = self._by_tag.get(tag)
        if found is None:
            found = self._by_tag[tag] = [(order, test, attrs) for order, test, attrs, only in self.singles
                                         if only in (None, tag)]
        return found

    def known(self, key: Key) -> tuple[list[Rule], tuple[int, ...]]:
        """The single-token rules a token with these values matches (in precedence order),
        and the multi-token sequences it can start."""
        found = self._known.get(key)
        if found is None:
            values = self.values(key)
            rules = [(order, attrs) for order, test, attrs in self.singles_for(values[0]) if test(values)]
            starts = tuple(n for n, (_, tests, _, _) in enumerate(self.sequences) if tests[0](values))
            found = self._known[key] = (rules, starts)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lower_class, known = self.lower_class, self.known
        keys = [(tag, lower_class(lower), dep, space) for tag, lower, dep, space in doc.to_array(KEY_ATTRS).tolist()]
        extra: dict[int, list[Rule]] = {}
        for i, key in enumerate(keys):
            for n in known(key)[1]:
                order, tests, index, attrs = self.sequences[n]
                end = i + len(tests)
                if end <= len(keys) and all(test(self.values(keys[j])) for j, test in zip(range(i + 1, end), tests[1:])):
                    extra.setdefault((i if index >= 0 else end) + index, []).append((order, attrs))
        self._write(doc, keys, extra)
        return doc

    def merged(self, rules: list[Rule]) -> tuple:
        """(pos, morph, lemma, other attributes) the rules leave, in precedence order; None: untouched."""
        pos = morph = lemma = None
        other: dict[str, str] = {}
        for _, attrs in sorted(rules, key=lambda rule: rule[0]):
            for attr, value in attrs.items():
                if attr == "POS":
                    pos = POS_IDS[value]
                elif attr == "MORPH":
                    morph = self.vocab.morphology.add(value)
                elif attr == "LEMMA":
                    lemma = self.vocab.strings.add(value)
                else:
                    other[attr] = value
        return pos, morph, lemma, other

    def _write(self, doc: Doc, keys: list[Key], extra: dict[int, list[Rule]]) -> None:
        columns = doc.to_array([POS, MORPH, LEMMA]).astype(numpy.uint64)
        merged_cache = self._merged
        for i, key in enumerate(keys):
            if i in extra:
                found = self.merged(self.known(key)[0] + extra[i])
            else:
                found = merged_cache.get(key)
                if found is None:
                    found = merged_cache[key] = self.merged(self.known(key)[0])
            pos, morph, lemma, other = found
            if pos is not None:
                columns[i, 0] = pos
            if morph is not None:
                columns[i, 1] = morph
            if lemma is not None:
                columns[i, 2] = lemma
            for attr, value in other.items():
                setattr(doc[i], attr.lower() + "_", value)  # TAG or DEP: a handful of tokens
        doc.from_array([POS, MORPH, LEMMA], columns)


def compile_ruler(ruler: Any) -> CompiledRuler | None:
    """A :class:`CompiledRuler` with the patterns of ``ruler``, or None if one is beyond it."""
    singles, multi = [], []
    for order, entry in enumerate(ruler.patterns):
        attrs = dict(entry["attrs"])
        if any(attr not in COLUMNS + ("TAG", "DEP") or not isinstance(v, str) for attr, v in attrs.items()):
            return None
        for pattern in entry["patterns"]:
            tests = [_token_test(spec) for spec in pattern]
            if any(t is None for t in tests):
                return None
            if len(tests) == 1:
                tag = pattern[0].get("TAG")
                singles.append((order, tests[0], attrs, tag if isinstance(tag, str) else None))
            else:
                multi.append((order, tests, entry["index"], attrs))
    lowers = [spec["LOWER"] for entry in ruler.patterns for p in entry["patterns"] for spec in p if "LOWER" in spec]
    named = [w for v in lowers for w in ([v] if isinstance(v, str) else v.get("IN", []) + v.get("NOT_IN", []))]
    regexes = [v["REGEX"] for v in lowers if isinstance(v, dict) and "REGEX" in v]
    return CompiledRuler(ruler.vocab, singles, multi, named, regexes)


@Language.factory(NAME)
def make_compiled_ruler(nlp: Language, name: str) -> CompiledRuler:
    """The pipeline's own ``attribute_ruler``, compiled (see :func:`use_compiled`)."""
    compiled = compile_ruler(nlp.get_pipe(STOCK))
    if compiled is None:
        raise ValueError(f"the {STOCK} of this pipeline has patterns {NAME} cannot compile")
    return compiled


def use_compiled(nlp: Language) -> Language:
    """Run the compiled rules in place of the stock ``attribute_ruler`` when they can stand in for it."""
    if STOCK not in nlp.pipe_names or NAME in nlp.pipe_names or compile_ruler(nlp.get_pipe(STOCK)) is None:
        return nlp
    nlp.add_pipe(NAME, after=STOCK)
    nlp.disable_pipe(STOCK)
    return nlp
