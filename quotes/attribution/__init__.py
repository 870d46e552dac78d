"""Stage 3, attribution: the cue, the speaker mention and the venue of each quotation.

Read in this order:

* ``sieve`` — the precision-ordered steps every quote goes through (:data:`~quotes.attribution.sieve.STEPS`);
* ``finders`` — where a quote's cue is (``"…," he said``, ``X said that "…"``, ``according to X``);
* ``clauses`` — corrections over the quote's clause (a colon, a dash aside, a claim's owner);
* ``labels`` — speaker labels of transcripts and digests (``Clinton: "…"``);
* ``embedded`` — quotes inside the writer's sentence; ``continued`` — quotes with no cue of their own;
* ``agents`` — who can speak at all; ``fallback`` — last-resort speaker mentions near a cue;
* ``parse`` — what the steps read off the dependency parse (:class:`~quotes.attribution.parse.Layout`);
* ``record`` — the :class:`~quotes.attribution.record.Attribution` the steps fill in;
* ``venue`` — the occasion (``in a parliamentary session on June 3``).

Resolving a mention to a person is the next stage, :mod:`quotes.coref`.
"""
