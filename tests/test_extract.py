"""Extractors on German edge cases of our own making (not taken from the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from generator.analyse.actors import Candidate, RuleRecogniser
from generator.analyse.dates import find_dates
from generator.analyse.quantities import find_quantities, parse_number
from generator.analyse.sentences import split_sentences
from generator.model import Paragraph, Sentence, Source
from generator.reconcile.actors import make_slug, resolve_actors

REFERENCE = dt.date(2023, 3, 15)  # a Wednesday


# -- sentences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Graz – Am 3. Oktober kam es z. B. zu Staus. Danach war Ruhe.",
            ["Graz – Am 3. Oktober kam es z. B. zu Staus.", "Danach war Ruhe."],
        ),
        (
            "Sie trafen Dr. Huber am 01.02.2021 in St. Pölten. Er blieb.",
            ["Sie trafen Dr. Huber am 01.02.2021 in St. Pölten.", "Er blieb."],
        ),
        (
            "Er sagte: „Wir bleiben.“ Dann ging er u. a. nach Linz.",
            ["Er sagte: „Wir bleiben.“", "Dann ging er u. a. nach Linz."],
        ),
        (  # a figure ends a sentence; an ordinal before a noun does not
            "Die Stadt zählte 12.000. Am Abend kamen im 3. Jahr in Folge mehr, in der 2. Liga.",
            [
                "Die Stadt zählte 12.000.",
                "Am Abend kamen im 3. Jahr in Folge mehr, in der 2. Liga.",
            ],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("Der Gipfel fand am 4. Mai 2019 statt.", "2019-05-04", "day"),
        ("Am 12. Februar wurde gewählt.", "2023-02-12", "day"),
        ("Am 20. Dezember wurde gewählt.", "2022-12-20", "day"),  # not in the future
        ("Die Reform kam im August 2015.", "2015-08", "month"),
        ("Das war im Jahr 1999.", "1999", "year"),
        ("Die Bauzeit 2004–2006 war lang.", "2004", "year"),
        ("Der Minister reiste am Montag ab.", "2023-03-13", "day"),
        ("Am Freitagabend kam die Nachricht.", "2023-03-10", "day"),
        ("Das Treffen war am vergangenen Mittwoch.", "2023-03-08", "day"),
        ("Am Montag vergangener Woche streikten sie.", "2023-03-06", "day"),
        ("Am Freitag der Vorwoche kam die Nachricht.", "2023-03-10", "day"),
        ("Am Dienstag kommender Woche wird gewählt.", "2023-03-21", "day"),
        ("Gestern wurde abgestimmt.", "2023-03-14", "day"),  # sentence-initial "Gestern" too
        ("Die Wahl war gestern.", "2023-03-14", "day"),
        ("Im vergangenen November stieg der Preis.", "2022-11", "month"),
        ("Stand: 05.06.2020, die Zahl ist alt.", "2020-06-05", "day"),
    ],
)
def test_dates(text: str, iso: str | None, precision: str | None) -> None:
    found = [d for d in find_dates(text, REFERENCE) if d.value is not None]
    if iso is None:
        assert found == [] or found[0].value.iso != "2023-03-14"
        return
    assert found[0].value.iso == iso
    assert found[0].value.precision == precision


def test_date_without_reference_stays_yearless() -> None:
    found = find_dates("Am 12. Februar und am Montag wurde verhandelt.", None)
    assert [d.phrase for d in found] == ["12. Februar", "am Montag"]
    assert all(d.value is None for d in found)


@pytest.mark.parametrize(
    "text", ["Die Straße hat 1999 Häuser.", "Er zahlte 2020 Euro.", "Nr. 2019"]
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert all(d.value is None or d.phrase.strip() != text for d in find_dates(text, REFERENCE))
    assert not any(
        d.value and d.value.iso in ("1999", "2020") and "Euro" in text
        for d in find_dates(text, REFERENCE)
    )


@given(st.text(max_size=200))
def test_find_dates_never_crashes(text: str) -> None:
    find_dates(text, REFERENCE)
    find_dates(text, None)


# -- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit", "hedge"),
    [
        ("Rund 2.500 Demonstranten zogen durch Wien.", 2500, None, "Demonstrant", "approx"),
        ("Mehr als 300 Flüge fielen aus.", 300, None, "Flug", "more"),
        ("Zwischen 4.000 bis 5.000 Haushalte waren ohne Strom.", 4000, 5000, "Haushalt", "range"),
        ("Der Konzern verlor 1,5 Milliarden Euro.", 1_500_000_000, None, "Euro", "exact"),
        ("Die Arbeitslosigkeit sank auf 6,2 Prozent.", 6.2, None, "Prozent", "exact"),
        ("Bis zu zehn Schiffe liegen im Hafen.", 10, None, "Schiff", "less"),
    ],
)
def test_quantities(text: str, value: float, upper: float | None, unit: str, hedge: str) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.upper, quantity.unit, quantity.hedge) == (
        value,
        upper,
        unit,
        hedge,
    )


def test_thousands_separator_is_not_a_decimal_point() -> None:
    assert parse_number("10.000") == 10000
    assert parse_number("1,5") == 1.5
    with pytest.raises(ValueError):
        parse_number("10.00.0")


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_reads_what_babel_writes(number: int) -> None:
    assert parse_number(format_decimal(number, locale="de")) == number


# -- actors -----------------------------------------------------------------------------


def recognise(*sentences: str) -> list:
    source = Source(
        id="q",
        file="q.txt",
        title="T",
        paragraphs=(
            Paragraph(
                index=1, kind="text", sentences=tuple(f"s{i}" for i in range(1, len(sentences) + 1))
            ),
        ),
        sentences=tuple(
            Sentence(id=f"s{i}", paragraph=1, text=t) for i, t in enumerate(sentences, 1)
        ),
    )
    return resolve_actors([source], RuleRecogniser().recognise(source))


def names(actors: list, kind: str) -> set[str]:
    return {a.name for a in actors if a.kind == kind}


def candidate_in(sentence: str, text: str, kind, evidence: str, occurrence: int = 0) -> Candidate:
    """The rules' candidate for the ``occurrence``-th ``text`` of sentence ``s1`` of
    source ``q``."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(text, start + 1)
    return Candidate(
        source="q",
        sentence="s1",
        start=start,
        end=start + len(text),
        text=text,
        kind=kind,
        name=text,
        evidence=evidence,
    )


def test_person_with_role_cue_and_surname_later() -> None:
    actors = recognise(
        "Die französische Außenministerin Claire Dubois traf am Montag ihre Kollegen.",
        "Dubois sagte, die Gespräche seien gut verlaufen.",
    )
    (person,) = [a for a in actors if a.kind == "person"]
    assert person.name == "Claire Dubois"
    assert len(person.mentions) == 2
    assert person.roles[0].title == "Außenministerin"
    assert names(actors, "state") == {"Frankreich"}


def test_names_are_found_as_whole_words_with_their_genitive() -> None:
    from generator.reconcile.actors import _word_finder

    find = _word_finder({"Keller", "Keller-Brandt", "O'Neill", "Nordwind"})
    text = "Keller-Brandt, O'Neills Team, Kellers Plan, Nordwind und Kellerbau; Keller."
    assert [(text[s:e], name) for s, e, name in find(text)] == [
        ("Keller-Brandt", "Keller-Brandt"),  # the longer name, not "Keller" inside it
        ("O'Neills", "O'Neill"),
        ("Kellers", "Keller"),
        ("Nordwind", "Nordwind"),
        ("Keller", "Keller"),  # not inside "Kellerbau"
    ]


def test_genitive_and_hyphen_variants_merge() -> None:
    actors = recognise(
        "Der Staatschef Park Min-jun reiste nach Tokio.",
        "Park Min Juns Berater widersprachen.",
    )
    people = [a for a in actors if a.kind == "person"]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_two_people_with_the_same_family_name_stay_apart() -> None:
    actors = recognise(
        "Präsident Park Min Jun empfing seinen Vorgänger Park Min Ho.",
        "Park dankte den Gästen.",
    )
    assert names(actors, "person") == {"Park Min Jun", "Park Min Ho"}


def test_capital_as_government_and_as_place() -> None:
    actors = recognise(
        "Paris warnte vor neuen Zöllen.",
        "Die Delegation landete am Abend in Rom.",
    )
    assert "Frankreich" in names(actors, "state")
    assert "Rom" in names(actors, "place")
    assert "Italien" not in names(actors, "state")


def test_organisations_from_lexicon_compounds_and_cues() -> None:
    actors = recognise(
        "Nach Nato-Angaben prüft der UN-Sicherheitsrat den Fall.",
        "Das berichtete die Nachrichtenagentur Ansa unter Berufung auf den Energiekonzern Vireon.",
    )
    orgs = names(actors, "organisation")
    assert {"Nato", "UN-Sicherheitsrat", "ANSA", "Vireon"} <= orgs


def test_demonym_adjective_is_evidence_for_the_state() -> None:
    actors = recognise("Polnische Bauern blockierten die Grenze.")
    assert names(actors, "state") == {"Polen"}


def test_headings_common_nouns_and_credits_are_not_actors() -> None:
    actors = recognise(
        "Hintergründe der Einigung",
        "Vertragsdetails",
        "Während der Sitzung blieb es ruhig.",
        "Foto: Reuters",
    )
    assert names(actors, "person") == set()
    assert names(actors, "place") == set()


def test_slugs_transcribe_umlauts() -> None:
    assert (
        make_slug("Österreichs Außenministerin Müller") == "oesterreichs-aussenministerin-mueller"
    )
    assert len(make_slug("Ein sehr langer Titel " * 10)) <= 60
