"""Word lists and name rules every stage shares: data, no parse.

``cues`` — the reporting vocabulary (verbs, nouns, phrases); ``nouns`` — what kind of thing a noun
names (person, organisation, no agent); ``names`` — personal names, titles, pronouns, and the one
normalisation (``fold``, ``key``) used by coref, the index and the citation check.
"""
