"""Events across sources and discrepancies, on German example texts of our own."""

from __future__ import annotations

from generator import Settings, run_pipeline

from .conftest import seed_texts
from .links import links_to


def dossier_of(make_project, articles: dict[str, str]):
    return run_pipeline(Settings.for_project(make_project(articles))).dossier


A = (
    "Handelsabkommen unterzeichnet\n"
    "Veröffentlicht am 12.05.2023 um 10:00 Uhr\n"
    "Die Ministerin Anna Keller hat am Mittwoch in Lissabon ein Handelsabkommen mit Portugal unterzeichnet.\n"
    "Das portugiesische Parlament ratifizierte das Abkommen am 2. Mai. Der Senat ratifizierte es am 9. Mai.\n"
    "Nach Angaben der Regierung sind rund 2.000 portugiesische Arbeiter in den Häfen beschäftigt.\n"
)
B = (
    "Abkommen mit Portugal\n"
    "Keller unterzeichnete das Abkommen im Mai 2023 in Lissabon.\n"
    "Mehr als 2.000 portugiesische Arbeiter sind in den Häfen tätig, dazu 3.500 Lastwagen.\n"
)
C = (
    "Streit um Zahlen\n"
    "Veröffentlicht am 20.05.2023\n"
    "Am 10. Mai unterzeichnete Anna Keller in Lissabon das Handelsabkommen.\n"
    "Etwa 2.600 portugiesische Arbeiter sind nach Gewerkschaftsangaben in den Häfen beschäftigt.\n"
    "Zudem sind 8.000 spanische Arbeiter betroffen.\n"
)


def test_same_signing_in_three_sources_is_one_event_with_completed_date(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": A, "b.txt": B})
    signings = [e for e in dossier.events if e.predicate == "unterzeichnen"]
    assert len(signings) == 1
    (signing,) = signings
    assert signing.date.iso == "2023-05-10"  # "am Mittwoch" before 12 May 2023
    assert signing.date.precision == "day"
    assert len(signing.sources) == 2
    assert signing.place == "in Lissabon"
    # a title says who did what, in the present tense, without the date
    assert signing.title == "Anna Keller unterzeichnet in Lissabon ein Handelsabkommen mit Portugal"


def test_two_steps_in_one_source_stay_two_events(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": A})
    ratifications = sorted(e.date.iso for e in dossier.events if e.predicate == "ratifizieren")
    assert ratifications == ["2023-05-02", "2023-05-09"]


def test_hedged_values_that_agree_are_no_discrepancy(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": A, "b.txt": B})
    assert [d for d in dossier.discrepancies if d.kind == "number"] == []


def test_conflicting_counts_of_the_same_thing_are_a_discrepancy(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": A, "c.txt": C})
    numbers = [d for d in dossier.discrepancies if d.kind == "number"]
    assert len(numbers) == 1
    (found,) = numbers
    assert found.topic == "Zahl der portugiesischen Arbeiter"
    assert sorted(c.value for c in found.claims) == [
        "Etwa 2.600 portugiesische Arbeiter",
        "rund 2.000 portugiesische Arbeiter",
    ]
    assert "Portugal" in found.reason
    assert found.status == "automatisch erkannt"


def test_other_units_and_other_owners_are_not_compared(make_project) -> None:
    dossier = dossier_of(make_project, {"b.txt": B, "c.txt": C})
    for discrepancy in dossier.discrepancies:
        values = " ".join(c.value for c in discrepancy.claims)
        assert "Lastwagen" not in values
        assert "spanische" not in values


def test_seed_discrepancies_are_found(seed_result) -> None:
    topics = {d.topic: d for d in seed_result.dossier.discrepancies}
    troops = topics["Zahl der nordkoreanischen Soldaten"]
    assert sorted(c.value for c in troops.claims) == [
        "etwa 11.000 nordkoreanische Soldaten",
        "rund 10.000 Soldaten",
    ]
    (ratification,) = [d for d in seed_result.dossier.discrepancies if d.kind == "date"]
    values = {c.value: c.detail for c in ratification.claims}
    assert values == {
        "8. November": "Oberhaus des russischen Parlaments",
        "6. November": "Russisches Parlament",
    }
    assert ratification.note and "Oberhaus" in ratification.note
    for discrepancy in seed_result.dossier.discrepancies:
        assert not any("50.000" in c.value for c in discrepancy.claims)


def test_seed_timeline_in_order(seed_result) -> None:
    events = seed_result.dossier.events
    signing = next(e for e in events if e.predicate == "unterzeichnen" and len(e.sources) == 3)
    assert signing.date.iso == "2024-06-19"
    assert signing.title == "Wladimir Putin und Kim Jong Un unterzeichnen einen Pakt"
    assert signing.place == "in Pjöngjang"
    expected = [
        ("treffen", "2000"),  # the visit of 2000
        ("liefern", "2023-09"),
        ("unterzeichnen", "2024-06-19"),
        ("ratifizieren", "2024-11-08"),  # disputed: 6 or 8 November
        ("unterzeichnen", "2024-11-09"),  # Putin signs the law, "am Samstagabend"
    ]
    found = {(e.predicate, e.date.iso) for e in events if e.date}
    for step in expected:
        assert step in found, step
    dated = [e.date.iso for e in seed_result.dossier.events if e.date]
    page = seed_result.site["ereignisse/index.md"]
    positions = [page.index(f'href="{e.id}/"') for e in events if e.date]
    assert [d for _, d in sorted(zip(positions, dated, strict=True))] == sorted(dated)
    # a year of birth or an age never dates an event
    assert not any("Jährige" in e.title for e in events if e.date)


def test_timeline_page_shows_precision_and_coverage(seed_result) -> None:
    page = seed_result.site["ereignisse/index.md"]
    assert "<strong>19. Juni 2024</strong>" in page
    assert '<h3 id="september-2023">September 2023</h3>' in page
    assert ">Wer berichtet was</h2>" in page
    assert page.index(">2000</h2>") < page.index(">2022</h2>") < page.index(">2024</h2>")


def test_discrepancy_is_linked_from_event_actor_and_sources(seed_result) -> None:
    site = seed_result.site
    page, anchor = "widersprueche/index.md", "w-zahl-der-nordkoreanischen-soldaten"
    assert links_to(site, "akteure/nordkorea.md", page, anchor)
    linked_sources = [
        p for p in site if p.startswith("quellen/") and links_to(site, p, page, anchor)
    ]
    assert len(linked_sources) == 2
    ratification = next(e for e in seed_result.dossier.events if e.predicate == "ratifizieren")
    (dated,) = [d for d in seed_result.dossier.discrepancies if d.kind == "date"]
    assert links_to(site, f"ereignisse/{ratification.id}.md", page, dated.id)


def test_relative_dates_follow_the_publication_date(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": A})
    days = {d.phrase: d.date.iso for d in dossier.dates if d.date}
    assert days["am Mittwoch"] == "2023-05-10"


def test_seed_texts_unchanged_by_ordering(make_project) -> None:
    # the same dossier whatever the order of articles on disk
    texts = seed_texts()
    first = dossier_of(make_project, texts)
    assert {d.kind for d in first.discrepancies} == {"date", "number"}
    assert "w-zahl-der-nordkoreanischen-soldaten" in {d.id for d in first.discrepancies}
