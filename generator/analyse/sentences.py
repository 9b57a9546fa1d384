"""Sentence splitting for German news text.

spaCy's rule-based German tokenizer knows ordinals (``8. November``), dates
(``10.11.2024``) and the common abbreviations (``z. B.``, ``Dr.``, ``St.``), so its
sentencizer is used rather than a hand-written splitter. Callers split on line
breaks first: headlines and headings carry no full stop.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def _pipeline() -> Language:
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph (no line breaks) into sentences, whitespace-trimmed."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    return [span.text.strip() for span in _pipeline()(text).sents if span.text.strip()]
