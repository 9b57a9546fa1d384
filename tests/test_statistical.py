"""The optional statistical backend, with a real (rule-based) spaCy pipeline as stand-in model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from generator.analyse.actors import RuleRecogniser
from generator.analyse.learned import LearnedRecogniser
from generator.analyse.statistical import MergedRecogniser, SpacyRecogniser, make_recogniser
from generator.errors import DossierError
from generator.model import Paragraph, Sentence, Source
from generator.reconcile.actors import resolve_actors


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "ORG", "pattern": "Quellwerk"},
            {"label": "PER", "pattern": [{"TEXT": "Ilka"}, {"TEXT": "Strom"}]},
            {"label": "LOC", "pattern": "Frankreich"},
        ]
    )
    path = tmp_path / "modell"
    nlp.to_disk(path)
    return path


def source(text: str) -> Source:
    return Source(
        id="q",
        file="q.txt",
        title="T",
        paragraphs=(Paragraph(index=1, kind="text", sentences=("s1",)),),
        sentences=(Sentence(id="s1", paragraph=1, text=text),),
    )


def test_model_spans_fill_gaps_and_rules_keep_what_they_know(model_dir: Path) -> None:
    text = "Laut dem Betreiber Quellwerk hat Ilka Strom in Frankreich gewonnen."
    recogniser = MergedRecogniser(RuleRecogniser(), SpacyRecogniser(str(model_dir)))
    actors = resolve_actors([source(text)], recogniser.recognise(source(text)))
    by_name = {a.name: a.kind for a in actors}
    assert by_name["Quellwerk"] == "organisation"
    assert by_name["Ilka Strom"] == "person"
    assert by_name["Frankreich"] == "state"  # the lexicon wins over the model's LOC


def test_missing_model_is_a_clear_error() -> None:
    with pytest.raises(DossierError, match="not installed"):
        make_recogniser("de_kein_solches_modell")


def test_no_model_means_rules_with_their_learned_tie_breaker() -> None:
    recogniser = make_recogniser(None)
    assert isinstance(recogniser, LearnedRecogniser)
    assert isinstance(recogniser.rules, RuleRecogniser)
