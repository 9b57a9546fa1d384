"""Sentence splitting for German news text.

spaCy's rule-based German tokenizer knows ordinals (``8. November``), dates
(``10.11.2024``) and the common abbreviations (``z. B.``, ``Dr.``, ``St.``), so its
sentencizer is used rather than a hand-written splitter. Callers split on line
breaks first: headlines and headings carry no full stop.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


# spaCy keeps "12.400." together as an ordinal ("am 8. Mai"); a figure at the end of a
# sentence is one when the next word opens a sentence and can follow no ordinal: an
# article, a pronoun, a sentence adverb (closed-class words, not a lexicon).
_FIGURE_THEN_SENTENCE = re.compile(
    r"(?<=\d\.)\s+(?=(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Er|Sie|Es|Wir|"
    r"Ich|Man|Am|Im|Auch|Doch|Dabei|Damit|Danach|Dann|Zudem|Außerdem|Laut|Dies|Diese|"
    r"Dieser|Dieses|Noch|Seit|Wie|Was|Wer|Wenn|Weil|Nun|Jetzt|Inzwischen|Trotzdem)\s)"
)


@lru_cache(maxsize=1)
def _pipeline() -> Language:
    import spacy
    from spacy.attrs import IS_PUNCT

    nlp = spacy.blank("de")
    # The sentencizer reads one lexical attribute of a token, whether it is punctuation;
    # computing the others (norm, shape, stop word …) for each new word cost a third of
    # the splitting.
    nlp.vocab.lex_attr_getters = {IS_PUNCT: nlp.vocab.lex_attr_getters[IS_PUNCT]}
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph (no line breaks) into sentences, whitespace-trimmed."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    nlp = _pipeline()
    # spaCy refuses texts over ``max_length``; callers keep paragraphs far below it, but
    # a longer one is still split (in pieces at spaces) rather than failing.
    pieces = [text]
    if len(text) > nlp.max_length:
        pieces = []
        while len(text) > nlp.max_length:
            cut = text.rfind(" ", 0, nlp.max_length)
            cut = cut if cut > 0 else nlp.max_length
            pieces.append(text[:cut])
            text = text[cut:].lstrip()
        pieces.append(text)
    return [
        part.strip()
        for piece in pieces
        for span in nlp(piece).sents
        for part in _FIGURE_THEN_SENTENCE.split(span.text)
        if part.strip()
    ]
