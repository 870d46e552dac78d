"""Stage 4, coref: which person, organisation or group each speaker mention means.

``resolve`` is the sieve over one document's mentions (names, roles, descriptions, pronouns);
``clusters`` the entities being built and what may join them; ``mentions`` what the parse says
of one mention; ``roles`` what the text calls a person; ``segments`` where a page's articles begin.
Name normalisation shared with the index and the check is :mod:`quotes.lexicon.names`.
"""
