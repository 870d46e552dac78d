"""What the index's lookups and corrections raise when a name or id fits nothing, or several."""


class SpeakerNotFound(LookupError):
    """No speaker answers to the name or id given."""


class AmbiguousSpeaker(LookupError):
    """Several speakers answer to the name given; the message lists them with their ids."""


class QuoteNotFound(LookupError):
    """No quotation has the id given."""
