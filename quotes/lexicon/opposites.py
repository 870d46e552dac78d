"""Words that turn a statement around: negations and common opposites.

A citation that differs from its source by one of these says the opposite of
what was said ("The cooperation is terrible" for "The cooperation is
excellent", "They were not told" for "They were told"): the check flags such a
change so a reader sees it first. Words are compared in the check's folded form
(lower case, straight apostrophes). The list of opposites is small and
deliberate: the pairs news quotations turn on (verdicts, directions, amounts),
plus opposites made with a negative prefix (``likely``/``unlikely``).
"""
from __future__ import annotations

NEGATIONS = frozenset("""
not no never none nobody nothing nowhere neither nor cannot without hardly barely
""".split())

_PAIRS = """
good bad  good poor  good terrible  good awful  excellent terrible  excellent poor  excellent bad
excellent awful  great terrible  great poor  great bad  better worse  best worst  positive negative
success failure  succeed fail  succeeded failed  win lose  won lost  winning losing  right wrong
true false  strong weak  strengthen weaken  safe dangerous  safe unsafe  legal illegal  guilty innocent
increase decrease  increased decreased  rise fall  rose fell  raise cut  raised cut  up down  higher lower
more less  more fewer  most least  many few  always never  all none  everyone nobody  everything nothing
everybody nobody  some none  accept reject  accepted rejected  approve reject  approved rejected
support oppose  supported opposed  supports opposes  agree disagree  agreed disagreed  allow ban
allowed banned  allow forbid  allowed forbidden  open closed  open close  before after  yes no
love hate  loved hated  like dislike  friend enemy  friends enemies  peace war  easy hard  easy difficult
possible impossible  likely unlikely  can cannot  will won't  do don't  does doesn't  did didn't
is isn't  are aren't  was wasn't  were weren't  have haven't  has hasn't  had hadn't  should shouldn't
could couldn't  would wouldn't  must mustn't  welcome unwelcome  honest dishonest  fair unfair
clear unclear  happy unhappy  safe risky  cheap expensive  low high  lowest highest  gain loss
gains losses  profit loss  growth decline  grow shrink  expand reduce  include exclude  included excluded
start stop  started stopped  begin end  continue stop  remember forget  remembered forgot  present absent
inside outside  above below  over under  with without  for against  pro anti  ally rival  unite divide
united divided  full empty  rich poor  wealthy poor  young old  new old  modern outdated  first last
"""
_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-", "mis")


def _pairs() -> frozenset[frozenset[str]]:
    words = _PAIRS.split()
    return frozenset(frozenset(words[k:k + 2]) for k in range(0, len(words) - 1, 2))


OPPOSITES = _pairs()


def negations(words: list[str]) -> int:
    """How many negating words ``words`` hold (``not``, ``never``, ``n't`` endings…)."""
    return sum(w in NEGATIONS or w.endswith("n't") for w in words)


def opposite(a: str, b: str) -> bool:
    """Whether single words ``a`` and ``b`` are opposites: listed, or one is the other with a negative prefix."""
    if a == b:
        return False
    if frozenset((a, b)) in OPPOSITES:
        return True
    short, long = sorted((a, b), key=len)
    return any(long == p + short for p in _PREFIXES) and len(short) >= 3
