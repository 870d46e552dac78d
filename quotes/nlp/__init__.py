"""The English pipeline: spaCy found by name and loaded once, with two components in a cheaper form.

``model`` finds and loads the pipeline (never downloading), ``ruler`` runs the attribute
ruler by table lookup, ``lemmas`` gives lemmas on demand, ``paragraphs`` starts a sentence
at every line break. Importing this package does not import spaCy.
"""
from .model import ModelNotFound, fingerprint, load_pipeline

__all__ = ["ModelNotFound", "fingerprint", "load_pipeline"]
