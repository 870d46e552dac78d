"""The citation check: is a quoted passage verbatim, altered, misattributed or not found?

``verdict`` holds :class:`~quotes.check.verdict.Checker`; ``align`` the word-level alignment with a
source quotation; ``normalize`` the typography-blind words compared; ``speakers`` whether a name
a writer used points at the indexed speaker.
"""
