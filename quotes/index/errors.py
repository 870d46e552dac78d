"""What the index's lookups and corrections raise when a name or id fits nothing, or several."""


class SpeakerNotFound(LookupError):
    """No speaker answers to the name or id given."""


class AmbiguousSpeaker(LookupError):
    """Several speakers answer to the name given; the message lists them with their ids."""


class QuoteNotFound(LookupError):
    """No quotation has the id given."""


class DocumentNotFound(LookupError):
    """No document (or several) answers to the id or path given."""


class NameTaken(LookupError):
    """A rename would give a speaker the name another speaker already has; merging is what is meant."""
