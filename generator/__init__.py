"""Explainer-dossier generator: German news articles in, a cross-linked MkDocs site out."""

from .model import Dossier
from .pipeline import Pipeline, Result, run_pipeline
from .settings import Settings

__all__ = ["Dossier", "Pipeline", "Result", "Settings", "run_pipeline"]
