"""The learned tie-breaker: what it decides on short sentences, that the shipped model loads
offline and answers deterministically, and that the training script reproduces it."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse import learned
from generator.analyse.actors import RuleRecogniser, tokenize
from generator.analyse.learned import LearnedRecogniser, _shape, bio_spans, merge, model_path
from generator.analyse.statistical import make_recogniser
from generator.evaluate import cross_validate_germeval
from generator.model import Paragraph, Sentence, Source
from generator.reconcile.actors import resolve_actors
from generator.training import DEFAULTS, label_by_names

from .conftest import ROOT
from .test_extract import candidate_in


def source(*texts: str) -> Source:
    sentences = tuple(
        Sentence(id=f"s{n}", paragraph=1, text=text) for n, text in enumerate(texts, 1)
    )
    return Source(
        id="q",
        file="q.txt",
        title="T",
        paragraphs=(Paragraph(index=1, kind="text", sentences=tuple(s.id for s in sentences)),),
        sentences=sentences,
    )


@pytest.fixture(scope="module")
def recogniser() -> LearnedRecogniser:
    found = make_recogniser(None)
    assert isinstance(found, LearnedRecogniser)
    return found


def actors_of(recogniser: LearnedRecogniser, *texts: str) -> dict[str, str]:
    text_source = source(*texts)
    actors = resolve_actors([text_source], recogniser.recognise(text_source))
    return {actor.name: actor.kind for actor in actors}


def test_company_with_legal_form(recogniser: LearnedRecogniser) -> None:
    found = actors_of(
        recogniser, "Die Brenntal Logistik GmbH meldete am Montag in Kassel Insolvenz an."
    )
    assert found == {"Brenntal Logistik GmbH": "organisation", "Kassel": "place"}


def test_ministry_and_city(recogniser: LearnedRecogniser) -> None:
    found = actors_of(
        recogniser, "Das Bundesministerium für Verkehr prüft den Antrag der Stadt Erlbach."
    )
    assert found == {"Bundesministerium für Verkehr": "organisation", "Erlbach": "place"}


def test_clubs_with_number_and_with_town(recogniser: LearnedRecogniser) -> None:
    found = actors_of(
        recogniser, "Der 1. FC Wendelstadt gewann am Samstag gegen den SV Eintracht Celle."
    )
    assert found == {"1. FC Wendelstadt": "organisation", "SV Eintracht Celle": "organisation"}


def test_river_after_its_cue_and_a_spa_town(recogniser: LearnedRecogniser) -> None:
    found = actors_of(recogniser, "Das Hochwasser des Flusses Weißach erreichte Bad Kürnbach.")
    assert found == {"Weißach": "place", "Bad Kürnbach": "place"}


def test_person_next_to_a_party(recogniser: LearnedRecogniser) -> None:
    found = actors_of(recogniser, "Das sagte Anna Kröger von den Grünen im Stadtrat.")
    assert found == {"Anna Kröger": "person", "Grüne": "organisation"}


def test_function_word_is_no_part_of_the_name(recogniser: LearnedRecogniser) -> None:
    found = actors_of(recogniser, "Nach dem Spiel lobte Trainer Jens Haldorf die Abwehr.")
    assert found == {"Jens Haldorf": "person"}


def test_bio_spans_open_on_a_stray_inside_tag() -> None:
    labels = ["O", "B-PER", "I-PER", "I-LOC", "O", "I-ORG", "I-ORG", "B-ORG"]
    assert bio_spans(labels) == [(1, 3, "PER"), (3, 4, "LOC"), (5, 7, "ORG"), (7, 8, "ORG")]


def test_merge_keeps_strong_rules_and_decides_the_weak_ones() -> None:
    text = "Laut Heller sagte Moskau gestern in Orlen ab ."
    tokens = tokenize(text)
    ruled = [
        candidate_in(text, "Heller", None, "unknown"),  # retyped by the model
        candidate_in(text, "Moskau", "state", "capital"),  # strong: kept whatever the model says
        candidate_in(text, "Orlen", "place", "locative"),  # the model is sure: no name
    ]
    index = {t.text: k for k, t in enumerate(tokens)}
    spans = [(index["Heller"], index["Heller"] + 1, "PER"), (index["ab"], index["ab"] + 1, "ORG")]

    def make(tokens, span):
        return candidate_in(text, tokens[span[0]].text, "organisation", "learned")

    merged = merge(tokens, ruled, spans, make, sure_no_name=lambda first, last: True)
    assert [(c.text, c.kind, c.evidence) for c in merged] == [
        ("Heller", "person", "learned"),
        ("Moskau", "state", "capital"),
        ("ab", "organisation", "learned"),
    ]
    unsure = merge(tokens, ruled, [], make, sure_no_name=lambda first, last: False)
    assert [c.text for c in unsure] == ["Heller", "Moskau", "Orlen"]


def test_a_weak_organisation_goes_at_lower_odds_of_no_name_than_a_weak_place() -> None:
    text = "Mit QXR fuhr er nach Orlen ."
    tokens = tokenize(text)
    ruled = [
        candidate_in(text, "QXR", "organisation", "acronym"),
        candidate_in(text, "Orlen", "place", "locative"),
    ]

    def sure_no_name(first, last, confidence=0.9):
        return confidence <= 0.7  # the model: "no name" at 0.7 on every token

    merged = merge(tokens, ruled, [], lambda *_: None, sure_no_name)
    assert [c.text for c in merged] == ["Orlen"]


def test_a_name_the_model_splits_into_pieces_of_its_kind_stays_whole() -> None:
    text = "Am Dienstag verschob sich Anna Kellers Abflug ."
    tokens = tokenize(text)
    ruled = [candidate_in(text, "Anna Kellers", "person", "given-name")]
    index = {t.text: k for k, t in enumerate(tokens)}
    pieces = [(index["Anna"], index["Anna"] + 1, "PER"), (index["Kellers"], index["Abflug"], "PER")]
    merged = merge(tokens, ruled, pieces, lambda *_: None, sure_no_name=lambda *_: True)
    assert [(c.text, c.kind) for c in merged] == [("Anna Kellers", "person")]
    # pieces of two kinds are the model's own bounds: the rules' guess goes
    mixed = [pieces[0], (*pieces[1][:2], "ORG")]
    assert merge(tokens, ruled, mixed, lambda *_: None, sure_no_name=lambda *_: True) == []


def test_a_person_the_model_finds_fewer_names_of_keeps_the_rules_names() -> None:
    text = "Das sagte der Polizeichef , Tarik Omar Keller , am Montag ."
    tokens = tokenize(text)
    ruled = [candidate_in(text, "Tarik Omar Keller", "person", "given-name")]
    index = {t.text: k for k, t in enumerate(tokens)}
    inner = [(index["Omar"], index["Keller"] + 1, "PER")]

    def merged(spans, name_word):
        found = merge(tokens, ruled, spans, lambda *_: None, lambda *_: True, name_word)
        return [(c.text, c.kind) for c in found]

    assert merged(inner, lambda word: word == "Tarik") == [("Tarik Omar Keller", "person")]
    # a word left out that is no name ("Mittelfeldstar"), or a place inside: the model's
    assert merged(inner, lambda word: False) == []
    assert merged([(index["Omar"], index["Keller"] + 1, "LOC")], lambda word: True) == []


def test_a_longer_organisation_the_model_tags_replaces_the_rules_shorter_one() -> None:
    text = "Die Norvex Quantum Systems Lemberg meldete Gewinne ."
    tokens = tokenize(text)
    ruled = [
        candidate_in(text, "Norvex", "organisation", "lexicon"),  # strong, keyed by the lexicon
        candidate_in(text, "Lemberg", "place", "lexicon"),
    ]
    index = {t.text: k for k, t in enumerate(tokens)}
    whole = (index["Norvex"], index["Lemberg"] + 1, "ORG")

    def make(tokens, span):
        first, last, _ = span
        words = text[tokens[first].start : tokens[last - 1].end]
        return candidate_in(text, words, "organisation", "learned")

    def merged(spans, ordinary_word=lambda word: False, rules=ruled):
        found = merge(tokens, rules, spans, make, lambda *_: False, None, ordinary_word)
        return [(c.text, c.kind, c.evidence) for c in found]

    assert merged([whole]) == [("Norvex Quantum Systems Lemberg", "organisation", "learned")]
    # an ordinary noun among the words the model adds, or no organisation of the rules
    # inside, or a person inside: the rules' names stand
    assert merged([whole], ordinary_word=lambda word: word == "Systems")[0][0] == "Norvex"
    assert merged([whole], rules=ruled[1:]) == [("Lemberg", "place", "lexicon")]
    # a word of no kind the rules found, and a town: a club or firm named with its town
    club = [candidate_in(text, "Norvex", None, "unknown"), ruled[1]]
    assert merged([whole], rules=club)[0][:2] == ("Norvex Quantum Systems Lemberg", "organisation")
    person = [*ruled, candidate_in(text, "Quantum", "person", "cue")]
    assert [c[0] for c in merged([whole], rules=person)] == ["Norvex", "Quantum", "Lemberg"]


def test_a_known_town_after_a_preposition_of_place_stays_a_place() -> None:
    """``bei Potsdam``: where the model tags the town an organisation, the town stays a
    place; an unknown word there (``bei Norvex``) takes the model's kind."""
    recogniser = LearnedRecogniser()
    text = "Das Treffen fand bei Potsdam statt , der Vertrag bei Norvex ."
    tokens = tokenize(text)
    index = {t.text: k for k, t in enumerate(tokens)}
    ruled = [
        candidate_in(text, "Potsdam", "place", "locative"),
        candidate_in(text, "Norvex", "place", "locative"),
    ]
    spans = [(index[word], index[word] + 1, "ORG") for word in ("Potsdam", "Norvex")]
    found = merge(
        tokens, ruled, spans, lambda *_: None, lambda *_: False, None, None, recogniser._known_place
    )
    assert [(c.text, c.kind) for c in found] == [
        ("Potsdam", "place"),
        ("Norvex", "organisation"),
    ]


def test_a_body_the_model_gives_less_than_even_odds_leaves_the_rules_kind() -> None:
    """Where the model tags a name the rules found a body, but at less than even odds, the
    rules' kind stands (``Norvex`` stays a place); at better odds the model's kind wins."""
    text = "Der Vertrag wurde in Norvex unterzeichnet ."
    tokens = tokenize(text)
    k = next(n for n, t in enumerate(tokens) if t.text == "Norvex")
    ruled = [candidate_in(text, "Norvex", "place", "locative")]
    spans = [(k, k + 1, "ORG")]

    def kinds(odds: float) -> list[tuple[str, str | None]]:
        found = merge(
            tokens,
            ruled,
            spans,
            lambda *_: None,
            lambda *_: False,
            likely=lambda first, last, kind_type: odds >= 0.5,
        )
        return [(c.text, c.kind) for c in found]

    assert kinds(0.3) == [("Norvex", "place")]
    assert kinds(0.8) == [("Norvex", "organisation")]


def test_the_model_makes_no_body_of_its_own_below_the_odds_it_needs(
    recogniser: LearnedRecogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body the model alone finds needs the odds ``SPAN_CONFIDENCE`` sets on every word."""
    sentence = Sentence(id="s1", paragraph=1, text="Das Gerät kam von Kellbrix Orvano .")
    tokens = tokenize(sentence.text)
    recogniser.tag(tokens, [])
    make = recogniser._learned_candidate("q", sentence)
    monkeypatch.setitem(learned.SPAN_CONFIDENCE, "ORG", 0.0)
    made = make(tokens, (4, 6, "ORG"))
    assert made is not None and (made.text, made.kind) == ("Kellbrix Orvano", "organisation")
    monkeypatch.setitem(learned.SPAN_CONFIDENCE, "ORG", 1.01)
    assert make(tokens, (4, 6, "ORG")) is None


def test_an_organisation_the_model_adds_that_opens_with_a_given_name_is_a_person() -> None:
    recogniser = LearnedRecogniser()
    assert recogniser._given_then_name(["Hugo", "Naphtali"])
    assert not recogniser._given_then_name(["Hugo", "Boss"])  # the lexicon's company
    assert not recogniser._given_then_name(["Max", "Werke"])  # a head word of a body
    assert not recogniser._given_then_name(["Norvex", "Naphtali"])  # no given name first


def test_shipped_model_is_small_loads_offline_and_is_deterministic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = model_path()
    assert path.is_file() and path.stat().st_size < 3_000_000

    def no_network(*args, **kwargs):
        raise AssertionError("the model must load without a network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    text = source(
        "Nach Angaben der Ostwerk AG traf sich Vorstandschef Malte Brück in Leipzig mit Vertretern "
        "der Gewerkschaft.",
        "Brück sagte, das Werk an der Saale bleibe offen.",
    )
    first = LearnedRecogniser(RuleRecogniser(), path).recognise(text)
    second = LearnedRecogniser(RuleRecogniser(), path).recognise(text)
    assert first == second
    assert {(c.text, c.kind) for c in first} >= {("Malte Brück", "person"), ("Leipzig", "place")}


def test_names_label_their_occurrences_longest_first() -> None:
    (example,) = label_by_names(
        ["Der FC Bayern München und Bayerns Trainer in München."],
        {"FC Bayern München": "ORG", "Bayern": "ORG", "München": "LOC"},
    )
    text = example.text
    assert [(text[s:e], t) for s, e, t in example.spans] == [
        ("FC Bayern München", "ORG"),
        ("Bayerns", "ORG"),
        ("München", "LOC"),
    ]


GERMEVAL = """#\thttp://example.org\t[2020-01-01]
1\tGestern\tO\tO
2\tsprach\tO\tO
3\tAnke\tB-PER\tO
4\tWolter\tI-PER\tO
5\tin\tO\tO
6\tHollbach\tB-LOC\tO
7\t.\tO\tO

"""


def test_cross_validation_tests_each_sentence_once(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(GERMEVAL * 4, encoding="utf-8")
    scores = cross_validate_germeval(path, 2, dev_gold=None, corpus=None, stories=None)
    assert scores["ALL"].gold == 8  # four sentences of two names, each held out once
    assert scores["PER"].gold == 4 and scores["LOC"].gold == 4


@pytest.mark.slow
@pytest.mark.skipif(
    not all(p.exists() for p in (DEFAULTS.germeval, DEFAULTS.corpus, DEFAULTS.stories)),
    reason="the training data lives in ../shared, which is not next to this checkout",
)
def test_training_script_reproduces_the_shipped_model(tmp_path: Path) -> None:
    out = tmp_path / "typer.crfsuite"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_typer.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == model_path().read_bytes()


def test_a_name_tagged_with_two_kinds_is_one_actor() -> None:
    text = "Hornbach Kickers gewann , die Kickers jubelten , Hornbach Kickers feierte ."
    source = Source(
        id="q", file="q.txt", title="Sieg", sentences=(Sentence(id="s1", paragraph=0, text=text),)
    )
    first, second = [i for i in range(len(text)) if text.startswith("Hornbach Kickers", i)]
    candidates = [
        replace(
            candidate_in(text, "Hornbach Kickers", "organisation", "learned"),
            start=first,
            end=first + 16,
        ),
        replace(
            candidate_in(text, "Hornbach Kickers", "person", "learned"),
            start=second,
            end=second + 16,
        ),
        replace(
            candidate_in(text, "Hornbach Kickers", "organisation", "learned"),
            start=second,
            end=second + 16,
        ),
    ]
    actors = resolve_actors([source], candidates)
    assert [(a.name, a.kind) for a in actors] == [("Hornbach Kickers", "organisation")]


def test_a_name_the_model_finds_never_starts_with_an_article(
    recogniser: LearnedRecogniser,
) -> None:
    sentence = Sentence(id="s1", paragraph=1, text="Sie waren oft auf dem Kellberg unterwegs.")
    tokens = tokenize(sentence.text)
    make = recogniser._learned_candidate("q", sentence)
    first = [t.text for t in tokens].index("dem")
    candidate = make(tokens, (first, first + 2, "LOC"))
    assert candidate is not None and candidate.text == "Kellberg"
    assert make(tokens, (first, first + 1, "LOC")) is None  # an article alone is no name
    sentence = Sentence(id="s2", paragraph=1, text="Sie prägte die Innen- und Außenpolitik.")
    tokens = tokenize(sentence.text)
    half = [t.text for t in tokens].index("Innen-")
    assert recogniser._learned_candidate("q", sentence)(tokens, (half, half + 1, "ORG")) is None


@pytest.mark.parametrize(
    ("word", "shape"),
    [
        ("Müller", "Xx"),
        ("FC", "X"),
        ("1.", "d."),
        ("e.V.", "x.X."),
        ("McDonald", "XxXx"),
        ("A7", "Xd"),
        ("Łask", "ux"),
        ("São", "Xux"),
    ],
)
def test_a_words_shape_tells_capitals_small_letters_digits_and_foreign_letters(
    word: str, shape: str
) -> None:
    """The model's shape feature: before, every letter run became ``u`` (the last step
    replaced the placeholders of the others), so ``Müller`` and ``FC`` looked the same."""
    assert _shape(word) == shape


def test_a_body_at_the_front_of_a_compound_gives_the_word_no_body_features(
    recogniser: LearnedRecogniser,
) -> None:
    """``Kellco`` in ``Kellco-Mischkonzern`` is the rules' body, but the word as a whole names
    none (GermEval: a part of a name), so the model sees no body there; ``Berlin`` in
    ``Berlin-Mitte`` still marks a place, and a whole word its body."""
    text = "Der Kellco-Mischkonzern in Berlin-Mitte und die Brixa AG ."
    tokens = tokenize(text)
    candidates = [
        candidate_in(text, "Kellco", "organisation", "pattern"),
        candidate_in(text, "Berlin", "place", "lexicon"),
        candidate_in(text, "Brixa AG", "organisation", "pattern"),
    ]
    rows = recogniser.features.sentence_features(tokens, candidates)
    by_word = {t.text: row for t, row in zip(tokens, rows, strict=True)}

    def rule_features(word: str) -> list[str]:
        return [f for f in by_word[word] if f.startswith(("r=", "rk=", "re=")) and f != "r=O"]

    assert not rule_features("Kellco-Mischkonzern")
    assert rule_features("Berlin-Mitte")
    assert rule_features("Brixa")
