"""An optional statistical backend: a spaCy pipeline the user installed, merged with the rules
(and their learned tie-breaker, :mod:`generator.analyse.learned`).

Nothing is downloaded: ``spacy.load(name)`` takes an installed package or a folder.
The rules stay in charge of what they know well (lexicon entities, role cues,
states behind capitals and demonyms); the model adds spans the rules missed.
"""

from __future__ import annotations

from typing import Any

from ..errors import DossierError
from ..model import ActorKind, Source
from .actors import Candidate, Recogniser, RuleRecogniser
from .learned import LearnedRecogniser

# spaCy label → our kind; LOC is refined by the lexicon (states) in reconcile.
LABELS: dict[str, ActorKind] = {
    "PER": "person",
    "PERSON": "person",
    "LOC": "place",
    "GPE": "place",
    "ORG": "organisation",
}
_STRONG_RULES = {"lexicon", "capital", "cue", "adjective", "pattern", "acronym"}


class SpacyRecogniser:
    """Entities from a spaCy pipeline with an ``ner`` (or ``entity_ruler``) component."""

    def __init__(self, model: str | Any) -> None:
        if isinstance(model, str):
            import spacy

            try:
                self.nlp = spacy.load(model)
            except OSError as error:
                raise DossierError(
                    f"spaCy model {model!r} is not installed; install it with pip or remove the "
                    "'model' setting (the rule recogniser needs no model)"
                ) from error
        else:
            self.nlp = model

    def recognise(self, source: Source) -> list[Candidate]:
        found = []
        texts = [sentence.text for sentence in source.sentences]
        for sentence, doc in zip(source.sentences, self.nlp.pipe(texts), strict=True):
            for ent in doc.ents:
                kind = LABELS.get(ent.label_)
                if kind is None:
                    continue
                found.append(
                    Candidate(
                        source=source.id,
                        sentence=sentence.id,
                        start=ent.start_char,
                        end=ent.end_char,
                        text=ent.text,
                        kind=kind,
                        name=ent.text,
                        evidence="model",
                    )
                )
        return found


class MergedRecogniser:
    """Rules first; model spans fill the gaps where no rule candidate overlaps."""

    def __init__(self, rules: Recogniser, model: Recogniser) -> None:
        self.rules = rules
        self.model = model

    def recognise(self, source: Source) -> list[Candidate]:
        ruled = self.rules.recognise(source)
        merged = list(ruled)
        for candidate in self.model.recognise(source):
            overlapping = [
                c
                for c in ruled
                if c.sentence == candidate.sentence
                and c.start < candidate.end
                and candidate.start < c.end
            ]
            if any(c.evidence in _STRONG_RULES for c in overlapping):
                continue
            merged = [c for c in merged if c not in overlapping]
            merged.append(candidate)
        return sorted(merged, key=lambda c: (int(c.sentence[1:]), c.start, c.end))


def make_recogniser(model: str | None) -> Recogniser:
    """The rule recogniser with its learned tie-breaker, merged with a spaCy model if one is
    named."""
    rules = LearnedRecogniser(RuleRecogniser())
    if not model:
        return rules
    return MergedRecogniser(rules, SpacyRecogniser(model))
