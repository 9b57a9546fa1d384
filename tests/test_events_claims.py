"""Events and claims for any story, on short German texts written for these tests.

Each test builds a small dossier of two or three invented articles and checks what a
reader would see: one event where the sources tell one happening, two where they tell
two, a discrepancy where sources disagree about the same thing, none where they only
seem to.
"""

from __future__ import annotations

import pytest

from generator import Settings, run_pipeline
from generator.analyse.dates import find_dates
from generator.analyse.events import find_cues, verb_lemma
from generator.analyse.quantities import find_quantities
from generator.analyse.times import find_times
from generator.faces.export import dossier_data
from generator.reconcile.claims import _counted_noun


def dossier_of(make_project, articles: dict[str, str]):
    return run_pipeline(Settings.for_project(make_project(articles))).dossier


def the_discrepancy(make_project, articles: dict[str, str]):
    """The one discrepancy of a dossier of these articles (fails on none or several)."""
    (found,) = dossier_of(make_project, articles).discrepancies
    return found


def titles_of(make_project, *paragraphs: str) -> set[str]:
    """The event titles of a dossier of one article of these paragraphs."""
    dossier = dossier_of(make_project, {"a.txt": article("Meldung", "06.05.2023", *paragraphs)})
    return {event.title for event in dossier.events}


def article(title: str, published: str | None, *paragraphs: str) -> str:
    lines = [title]
    if published:
        lines.append(f"Veröffentlicht am {published} um 18:00 Uhr")
    return "\n".join([*lines, *paragraphs]) + "\n"


# -- analysis of single sentences ------------------------------------------------------------


def test_any_verb_is_a_predicate_with_its_lemma() -> None:
    (cue,) = find_cues("Die alte Brücke ist in der Nacht eingestürzt.", [])
    assert cue.predicate == "einstürzen"
    (cue,) = find_cues("Die Polizei nahm den Fahrer noch am Tatort fest.", [])
    assert cue.predicate == "festnehmen"  # the separable particle at the clause's end
    assert verb_lemma("streikten") == "streiken"
    assert verb_lemma("deutschen") is None  # a country's adjective, though a verb's form too


def test_plans_demands_and_hypotheticals_are_marked() -> None:
    cases = {
        "Die Ministerin will am Montag nach Bonn reisen.": "planned",
        "Die Gewerkschaft fordert den Rücktritt des Vorstands.": "demanded",
        "Der Konzern kündigte weitere Entlassungen an.": "announced",
        "Im Falle eines Streiks könnte der Betrieb stillstehen.": "hypothetical",
        "Der Vorstand trat am Montag zurück.": "reported",
        # reported speech (Konjunktiv I): still a plan
        "Die Firma solle bis 2030 rund 800 Stellen abbauen.": "planned",
        "Der Vorstand wolle das Werk in Kellstadt schließen.": "planned",
        "Der Abbau werde vor allem das Werk in Kellstadt treffen.": "planned",
    }
    for sentence, status in cases.items():
        assert find_cues(sentence, [])[0].status == status, sentence


def test_times_of_day_are_normalised() -> None:
    (exact,) = find_times("Der Zug entgleiste um 7.45 Uhr.")
    assert (exact.time, exact.precision, exact.approx) == ("07:45", "minute", False)
    (rough,) = find_times("Gegen 19 Uhr begann die Sitzung.")
    assert (rough.time, rough.precision, rough.approx) == ("19:00", "hour", True)


def test_written_out_numbers_and_implicit_units() -> None:
    found = {(q.value, q.unit) for q in find_quantities("Es gab neun Verletzte und zwei Tote.")}
    assert found == {(9.0, "Verletzte"), (2.0, "Tote")}
    (count,) = find_quantities("Die Zahl der Toten stieg bis zum Abend auf 14.")
    assert (count.value, count.unit) == (14.0, "Tote")
    share = find_quantities("Die Feuerwehr zählte 30 Verletzte, acht von ihnen schwer.")
    assert ("Schwerverletzte", 8.0) in {(q.unit, q.value) for q in share}


def test_a_list_writes_its_noun_once() -> None:
    seats = find_quantities(
        "Die Volkspartei kann mit 24 Sitzen rechnen, die Linke mit 11 bis 12 und die Grünen mit 6."
    )
    assert [(q.value, q.upper, q.unit) for q in seats] == [
        (24.0, None, "Sitz"),
        (11.0, 12.0, "Sitz"),
        (6.0, None, "Sitz"),
    ]
    seats = find_quantities("Rechnen kann die Linke mit 11, die Grünen mit 6 Mandaten.")
    assert [(q.value, q.unit) for q in seats] == [(11.0, "Mandat"), (6.0, "Mandat")]
    shared = find_quantities(
        "Von den 60 Sitzen entfallen 25 auf die Volkspartei und sieben auf die Liste."
    )
    assert [q.value for q in shared] == [60.0, 25.0, 7.0]
    # the figure of the sentence before names the noun: "Die Veranstalter kamen auf 20.000."
    (before,) = find_quantities("Die Polizei zählte 5.000 Teilnehmer.")
    (after,) = find_quantities("Die Veranstalter kamen dagegen auf 20.000.", context=before)
    assert (after.value, after.unit) == (20000.0, "Teilnehmer")
    # no noun to borrow, a year, or a score: nothing
    assert find_quantities("Die Veranstalter kamen auf 20.000.") == []
    assert find_quantities("Das Spiel endete 3:1 gegen Köln.") == []
    assert find_quantities("Seit 2019 kamen 300 Menschen, 2020 von 2021.")[1:] == []


def test_each_list_item_has_its_own_owner(make_project) -> None:
    a = article(
        "Wahl in Neuland",
        "02.09.2024",
        "Nach ersten Berechnungen kann die CDU mit 24, die Linke mit 11 und die SPD mit 6 Sitzen rechnen.",
    )
    b = article(
        "Ergebnis in Neuland",
        "03.09.2024",
        "Von den 60 Sitzen entfallen 23 auf die CDU, 11 auf die Linke und sechs auf die SPD.",
    )
    seats = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert seats.topic == "Zahl der Sitze – CDU"
    assert [c.number for c in seats.claims] == [24.0, 23.0]


def test_there_means_the_place_in_focus(make_project) -> None:
    a = article(
        "Flut",
        "01.11.2024",
        "Am schwersten traf es Kleinfeld, eine Gemeinde südlich von Großstadt. Dort starben mindestens 45 Menschen.",
    )
    b = article(
        "Flut", "02.11.2024", "In Kleinfeld starben 62 Menschen. In Großstadt starben 45 Menschen."
    )
    dead = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert [c.number for c in dead.claims] == [45.0, 62.0]
    # (read as Großstadt's, the 45 would agree with the other article's 45 there)


def test_counts_of_the_story_in_other_words(make_project) -> None:
    a = article(
        "Softwarepanne legt Flughäfen lahm",
        "19.07.2024",
        "Wegen der Softwarepanne fielen weltweit mehr als 2.300 Flüge aus.",
        "Am Flughafen warteten rund 86.000 Passagiere.",
    )
    b = article(
        "Softwarepanne: Chaos an Flughäfen",
        "20.07.2024",
        "Insgesamt wurden 5.078 Verbindungen gestrichen.",
        "Betroffen waren 1,3 Millionen Passagiere an jedem Flughafen.",
    )
    flights = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert [c.number for c in flights.claims] == [2300.0, 5078.0]
    assert "„Flüge“ oder „Verbindungen“" in flights.reason
    # 86.000 at one airport and 1,3 million in all: far apart, different things counted


def test_the_people_at_a_gathering_are_its_participants(make_project) -> None:
    a = article(
        "Tumult bei der Mitgliederversammlung des Sportbunds",
        "12.03.2025",
        "Die Mitgliederversammlung des Sportbunds in Kellstadt verlief turbulent. "
        "Der Vorstand zählte mehr als 1.600 Teilnehmer.",
        "Beim Streik am 3. März legten 900 Beschäftigte die Arbeit nieder.",
    )
    b = article(
        "Pfiffe für den Vorstand",
        "13.03.2025",
        "Bei der Versammlung in Kellstadt pfiffen rund 2.500 Besucher den Vorstand aus.",
        "Beim Streik am 10. März legten 400 Beschäftigte die Arbeit nieder.",
    )
    meeting = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert meeting.topic == "Teilnehmerzahl: Versammlung"
    assert [c.number for c in meeting.claims] == [1600.0, 2500.0]
    # the counter (Vorstand) is no owner; two strikes on two days are not compared


def test_rival_figures_in_one_article(make_project) -> None:
    a = article(
        "Streit um Stellenabbau bei Larimo",
        "12.03.2025",
        "Nach Angaben der Gewerkschaft sind beim Hersteller Larimo 4.000 Stellen bedroht. "
        "Larimo selbst kam dagegen auf lediglich 1.500.",
        "Im Stadtrat erhielt die SPD 25 Prozent der Stimmen. "
        "Die CDU erhielt dagegen 31 Prozent der Stimmen.",
    )
    jobs = the_discrepancy(make_project, {"a.txt": a})  # two parties' shares are no rival figures
    assert [c.number for c in jobs.claims] == [4000.0, 1500.0]


def test_an_amount_is_of_its_noun_not_of_the_season(make_project) -> None:
    a = article(
        "Larimo nennt Schaden",
        "12.03.2025",
        "Der Hersteller Larimo bezifferte den Schaden im Sommer auf 500 Millionen Euro.",
    )
    b = article(
        "Schaden bei Larimo höher",
        "13.03.2025",
        "Der Hersteller Larimo bezifferte den Schaden auf 800 Millionen Euro.",
    )
    damage = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert [c.number for c in damage.claims] == [500e6, 800e6]
    assert damage.topic.startswith("Schaden in EUR")  # not "Sommer", not "Schade"


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        # a noun in a prepositional phrase is not what the amount is of
        ("Nach Medienberichten fließen rund 110 Millionen Euro nach Kellstadt.", None),
        ("Inklusive möglicher Bonuszahlungen fließen 90 Millionen Euro.", None),
        # unless the amount is attached to it
        (
            "Bei den Löhnen rechnet Larimo mit einer Entlastung von 1,5 Milliarden Euro.",
            "Entlastung",
        ),
        # a compound of a known noun, its head lemmatised
        ("Die Personalkosten sollen um vier Milliarden Euro sinken.", "Personalkosten"),
        ("Die Agentur beziffert die Sockelsumme auf 86 Millionen Pfund.", "Sockelsumme"),
        ("Zusätzlich gibt es Bonuszahlungen von 20 Millionen Euro.", "Bonuszahlung"),
        # a capitalised article, a share or the amount before are never the noun
        ("Der Gewinn sank um 60 Prozent auf 1,5 Milliarden Euro.", "Gewinn"),
        ("Die Larimo Hotspur zahlt 100 Millionen Euro fix plus 20 Millionen Euro.", None),
        # a noun in -s is its own base form, not a plural
        ("Der Kurs stieg auf 100 Euro.", "Kurs"),
    ],
)
def test_an_amount_is_of_the_noun_it_is_attached_to(sentence: str, noun: str | None) -> None:
    *_, amount = [q for q in find_quantities(sentence) if q.unit in ("Euro", "Pfund")]
    assert _counted_noun(sentence, (0, len(sentence)), amount) == noun


def test_pollsters_and_descriptions_are_not_owners(make_project) -> None:
    a = article(
        "Wahl in Neuland",
        "01.09.2024",
        "Die SPD ist nach den Prognosen stärkste Kraft geworden.",
        "Die Partei von Spitzenkandidat Anton Berger kam in der Prognose von Infratest dimap auf 30,5 Prozent.",
        "In den Prognosen von ARD und ZDF lag die FDP bei 24,5 Prozent.",
    )
    b = article(
        "Ergebnis in Neuland",
        "02.09.2024",
        "Die SPD erreichte 32,8 Prozent, die FDP 24,5 Prozent.",
        "Spitzenkandidat Anton Berger dankte den Wählern in Neuland.",
    )
    share = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert share.topic == "Anteil in Prozent – SPD"
    assert [c.number for c in share.claims] == [30.5, 32.8]
    assert "Die Partei (SPD)" in share.reason


def test_end_dates_of_the_same_thing(make_project) -> None:
    a = article(
        "Wechsel",
        "12.08.2023",
        "Der Stürmer hat einen Vertrag bis zum 30. Juli 2027 unterschrieben.",
    )
    b = article("Wechsel", "13.08.2023", "Der Vertrag läuft bis zum 30. Juni 2027.")
    c = article(
        "Wechsel",
        "14.08.2023",
        "Sein Vertrag gilt bis zum 30. Juni 2027, die Ausstellung läuft vom 1. Juli bis zum 3. März 2024.",
    )
    end = the_discrepancy(make_project, {"a.txt": a, "b.txt": b, "c.txt": c})
    assert end.topic == "Enddatum: Vertrag"
    assert [c.iso for c in end.claims] == ["2027-07-30", "2027-06-30", "2027-06-30"]
    # an exhibition's dates are another thing; "vom 1. Juli bis" is no thing that ends


def test_figures_of_other_stories_are_not_compared(make_project) -> None:
    flood = article(
        "Hochwasser an der Mulde",
        "03.06.2024",
        "Das Hochwasser an der Mulde hat zwölf Häuser zerstört.",
        "Die Feuerwehr pumpte Keller aus, Anwohner füllten Sandsäcke.",
    )
    storm = article(
        "Sturm über Helgoland",
        "05.06.2024",
        "Ein Orkan hat zehn Häuser abgedeckt.",
        "Fähren blieben im Hafen, Urlauber saßen auf der Insel fest.",
    )
    dossier = dossier_of(make_project, {"a.txt": flood, "b.txt": storm})
    assert dossier.discrepancies == ()


def test_happenings_of_other_stories_are_not_merged(make_project) -> None:
    bridge = article(
        "Brückeneinsturz in Kellstadt",
        "03.06.2024",
        "Am Montag stürzte in Kellstadt die marode Talbrücke ein.",
        "Statiker hatten die Talbrücke seit Jahren bemängelt, Pendler müssen Umwege fahren.",
    )
    barn = article(
        "Scheunendach bricht unter Schneelast",
        "03.06.2024",
        "Am Montag stürzte auf einem Bauernhof ein Scheunendach ein.",
        "Landwirte klagen über Hagelschäden, Versicherungen prüfen die Meldungen.",
    )
    dossier = dossier_of(make_project, {"a.txt": bridge, "b.txt": barn})
    collapses = [e for e in dossier.events if e.predicate == "einstürzen"]
    assert len(collapses) == 2  # the same verb on the same day, in two stories
    # the date gone from the front, the subject takes its place
    assert sorted(e.title for e in collapses) == [
        "Die marode Talbrücke stürzt in Kellstadt ein",
        "Ein Scheunendach stürzt auf einem Bauernhof ein",
    ]


# -- events across sources -------------------------------------------------------------------

FIRE_A = article(
    "Großbrand in Lagerhalle",
    "15.03.2023",
    "In Neustadt ist am Dienstagabend eine Lagerhalle abgebrannt.",
    "Die Polizei nahm am Mittwoch einen 34-jährigen Mann fest.",
)
FIRE_B = article(
    "Festnahme nach Brand",
    "21.03.2023",
    "Nach dem Brand in Neustadt gab es am Mittwoch eine Festnahme durch die Polizei.",
    "Der Verdächtige wurde am 20. März erneut festgenommen, nachdem er geflohen war.",
)


def test_the_same_happening_in_other_words_is_one_event(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": FIRE_A, "b.txt": FIRE_B})
    arrests = [e for e in dossier.events if e.predicate in ("festnehmen", "Festnahme")]
    on_wednesday = [e for e in arrests if e.date and e.date.iso == "2023-03-15"]
    assert len(on_wednesday) == 1  # "nahm fest" and "Festnahme", the same Wednesday
    assert len(on_wednesday[0].sources) == 2
    # the same verb and the same police on another day: another event
    assert any(e.date and e.date.iso == "2023-03-20" for e in arrests)


def test_titles_say_who_did_what(make_project) -> None:
    dossier = dossier_of(
        make_project,
        {
            "a.txt": article(
                "Neue Ministerin",
                "06.05.2023",
                "Am Freitag ernannte Ministerpräsidentin Anna Keller die Juristin Maria Brandt "
                "zur Justizministerin.",
            )
        },
    )
    (event,) = [e for e in dossier.events if e.predicate == "ernennen"]
    assert event.title == "Anna Keller ernennt die Juristin Maria Brandt zur Justizministerin"
    assert "–" not in event.title  # never "Kategorie – Akteur"
    assert event.date.iso == "2023-05-05"
    assert event.summary.startswith("Am Freitag ernannte")


def test_a_title_leaves_out_ages(make_project) -> None:
    dossier = dossier_of(
        make_project,
        {
            "a.txt": article(
                "Ankunft",
                "06.05.2023",
                "Am Freitag landete die Sängerin Anna Keller (45) in Kellstadt.",
            )
        },
    )
    (event,) = [e for e in dossier.events if e.predicate == "landen"]
    assert event.title == "Anna Keller landet in Kellstadt"


def test_titles_put_the_subject_before_the_verb_in_the_present(make_project) -> None:
    text = article(
        "Werk in Kellstadt",
        "12.09.2024",
        "Am 10. September 2024 schloss der Konzern das Werk in Kellstadt.",
        "Ab 2027 wird das neue Modell in Übersee gefertigt.",
        "Am Mittwoch erfuhr die Belegschaft von den Plänen.",
        "Die Juristin Anna Keller ist am Freitag im ersten Wahlgang zur Präsidentin gewählt worden.",
        "Demnach legte die Firma am Montag den Bericht vor.",
    )
    titles = {e.title for e in dossier_of(make_project, {"a.txt": text}).events}
    assert "Der Konzern schließt das Werk in Kellstadt" in titles
    assert "Das neue Modell wird in Übersee gefertigt" in titles
    assert "Die Belegschaft erfährt von den Plänen" in titles
    assert "Anna Keller wird im ersten Wahlgang zur Präsidentin gewählt" in titles  # passive
    assert "Die Firma legt den Bericht vor" in titles  # after "Demnach"


def test_a_year_of_birth_never_dates_an_event(make_project) -> None:
    dossier = dossier_of(
        make_project,
        {
            "a.txt": article(
                "Minister entlassen",
                "10.05.2023",
                "Der 1968 geborene Minister Paul Wagner wurde am Montag entlassen.",
            )
        },
    )
    (event,) = [e for e in dossier.events if e.predicate == "entlassen"]
    assert event.date.iso == "2023-05-08"
    assert not any(e.date and e.date.iso.startswith("1968") for e in dossier.events)


def test_planned_events_are_never_shown_as_facts(make_project) -> None:
    text = article(
        "Besuch angekündigt",
        "12.05.2023",
        "Der Kanzler will am Samstag nach Neustadt reisen.",
    )
    project = make_project({"a.txt": text, "b.txt": text.replace("Kanzler", "Regierungschef")})
    result = run_pipeline(Settings.for_project(project))
    (trip,) = [e for e in result.dossier.events if e.predicate == "reisen"]
    assert trip.status == "planned"
    assert trip.date.iso == "2023-05-13"  # the coming Saturday, not the last one
    assert "Was geschah" not in result.site["index.md"]
    page = result.site[f"ereignisse/{trip.id}.md"]
    assert "Geplant – keine Tatsache" in page


def test_agency_copies_count_once(make_project) -> None:
    agency = article(
        "Zugunglück bei Talheim",
        "02.06.2023",
        "Bei Talheim ist am Donnerstag ein Regionalzug mit einem Traktor zusammengestoßen. "
        "Nach Angaben der Polizei wurden zwölf Menschen verletzt, drei von ihnen schwer. "
        "Der Fahrer des Traktors blieb unverletzt und wurde noch am Unfallort befragt. "
        "Die Strecke zwischen Talheim und Neudorf blieb bis zum Abend gesperrt.",
    )
    copy = agency.replace("Zugunglück bei Talheim", "Unfall am Bahnübergang").replace(
        "bis zum Abend", "bis in den Abend"
    )
    result = run_pipeline(Settings.for_project(make_project({"a.txt": agency, "b.txt": copy})))
    sources = {s.file.rsplit("/", 1)[-1]: s for s in result.dossier.sources}
    assert sources["b.txt"].copy_of == sources["a.txt"].id
    crash = next(e for e in result.dossier.events if len(e.sources) == 2)
    assert crash.copies == (sources["b.txt"].id,)
    assert "Kopie" in result.site["ereignisse/index.md"]
    assert "<th>Kopie von</th>" in result.site[f"quellen/{sources['b.txt'].id}.md"]
    assert "Was geschah" not in result.site["index.md"]  # one voice is not two reports


# -- claims and discrepancies ------------------------------------------------------------------

EARLY = article(
    "Unwetter in Talheim",
    "03.07.2023",
    "Bei dem Unwetter in Talheim sind nach ersten Angaben mindestens zwei Menschen ums Leben "
    "gekommen. Rund 40 Menschen wurden verletzt.",
)
LATE = article(
    "Zahl der Opfer steigt",
    "05.07.2023",
    "Nach dem Unwetter in Talheim ist die Zahl der Toten auf sieben gestiegen. Zunächst war "
    "von zwei Toten die Rede gewesen. Mehr als 40 Menschen wurden verletzt.",
)


def test_a_developing_count_is_shown_in_time_order(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": EARLY, "b.txt": LATE})
    (dead,) = [d for d in dossier.discrepancies if d.topic == "Zahl der Toten"]
    assert [c.number for c in dead.claims] == [2.0, 7.0]
    assert [c.published[:10] for c in dead.claims] == ["2023-07-03", "2023-07-05"]
    assert [c.newest for c in dead.claims] == [False, True]
    # the early figure the later article itself calls outdated is not a side of its own
    assert len(dead.claims) == 2
    # "Rund 40" and "Mehr als 40" injured: hedged differently, the same figure
    assert not [d for d in dossier.discrepancies if "Verletzten" in d.topic]


def test_a_figure_its_own_article_calls_outdated_is_never_a_side(make_project) -> None:
    """Even where the article does not say what the figure is now."""
    a = article(
        "Brand in Talheim",
        "03.07.2023",
        "Bei dem Brand in Talheim meldete die Feuerwehr zunächst 20 Verletzte.",
    )
    b = article("Brand in Talheim", "04.07.2023", "Bei dem Brand in Talheim gab es 35 Verletzte.")
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    assert dossier.discrepancies == ()


FIRST_STRIKE = article(
    "Warnstreik bei Larimo",
    "03.07.2023",
    "An den ersten Warnstreiks bei Larimo beteiligten sich 9.000 Beschäftigte.",
)
SECOND_STRIKE = article(
    "Zweite Streikwelle",
    "10.07.2023",
    "An der zweiten Welle von Warnstreiks bei Larimo beteiligten sich 4.000 Beschäftigte.",
)


def test_counts_of_the_first_and_the_second_strike_are_different_things(make_project) -> None:
    dossier = dossier_of(make_project, {"a.txt": FIRST_STRIKE, "b.txt": SECOND_STRIKE})
    assert dossier.discrepancies == ()


def test_counts_of_the_same_strike_are_compared(make_project) -> None:
    other = article(
        "Streik bei Larimo",
        "11.07.2023",
        "An der zweiten Welle von Warnstreiks bei Larimo beteiligten sich 6.500 Beschäftigte.",
    )
    (second,) = dossier_of(make_project, {"b.txt": SECOND_STRIKE, "c.txt": other}).discrepancies
    assert [claim.number for claim in second.claims] == [4000.0, 6500.0]


def test_dead_and_injured_are_different_things(make_project) -> None:
    a = article("Unfall", "03.07.2023", "Bei dem Unfall gab es drei Tote und 12 Verletzte.")
    b = article("Unfall", "04.07.2023", "Bei dem Unfall gab es drei Tote und 12 Verletzte.")
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    assert dossier.discrepancies == ()


def test_other_years_and_other_currencies_are_not_compared(make_project) -> None:
    a = article(
        "Wahl",
        "02.09.2024",
        "Die Volkspartei kam auf 23,6 Prozent (2019: 21,7 Prozent).",
        "Der Verein zahlt 86 Millionen Pfund, umgerechnet rund 100 Millionen Euro.",
    )
    b = article(
        "Wahl",
        "03.09.2024",
        "Die Volkspartei erreichte 23,6 Prozent.",
        "Die Ablöse beträgt 86 Millionen Pfund.",
    )
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    assert dossier.discrepancies == ()


def test_a_shared_count_that_differs_is_a_discrepancy_with_its_reason(make_project) -> None:
    a = article(
        "Einsturz", "01.02.2024", "Beim Einsturz der Halle in Talheim starben vier Menschen."
    )
    b = article("Einsturz", "02.02.2024", "Beim Einsturz der Halle in Talheim gab es sechs Tote.")
    dead = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert dead.topic == "Zahl der Toten"
    assert {c.number for c in dead.claims} == {4.0, 6.0}
    assert "Spannen überschneiden sich nicht" in dead.reason


def test_times_of_the_same_event_that_differ(make_project) -> None:
    a = article(
        "Brücke eingestürzt",
        "08.03.2024",
        "In Talheim ist am Donnerstag gegen 3.12 Uhr eine Brücke eingestürzt.",
    )
    b = article(
        "Brücke eingestürzt",
        "08.03.2024",
        "Die Brücke in Talheim stürzte am Donnerstag um 3.17 Uhr ein.",
    )
    c = article(
        "Brücke eingestürzt",
        "09.03.2024",
        "In Talheim ist am Donnerstag um 3.12 Uhr eine Brücke eingestürzt.",
    )
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b, "c.txt": c})
    (clock,) = [d for d in dossier.discrepancies if d.kind == "time"]
    assert sorted({c.time for c in clock.claims}) == ["03:12", "03:17"]
    assert clock.difference == "5 Minuten"
    # a and c agree: the same minute, hedged or not, is no discrepancy between them
    sides = {c.source for c in clock.claims}
    assert len(sides) == 3


def test_a_news_noun_is_the_happening_of_a_light_verb() -> None:
    (cue,) = find_cues("Die Warn-SMS der Stadt kam erst um 20.12 Uhr.", [])
    assert cue.family == "warnen"
    (cue,) = find_cues("Die Warnungen kamen erst am Abend.", [])
    assert cue.family == "warnen"
    # a news noun after a preposition is no subject: the verb is the happening
    (cue,) = find_cues("Nach der Warnung kamen die Helfer.", [])
    assert cue.predicate == "kommen"


def test_a_verb_before_a_clause_final_auxiliary_is_a_participle(make_project) -> None:
    text = "Damit endet ein Streit, der am 2. Mai begonnen hatte."
    cues = find_cues(text, find_dates(text, None))
    assert [(c.predicate, c.finite) for c in cues] == [("enden", True), ("beginnen", False)]
    titles = titles_of(make_project, "Damit endet ein Streit, der am 2. Mai begonnen hatte.")
    assert "Streit begonnen" in titles  # not "Der beginnen"


def test_a_news_noun_that_did_not_happen_is_no_event() -> None:
    assert find_cues("Sechs Stunden verhandelten sie – und doch keine Einigung.", [])[
        0
    ].predicate == ("verhandeln")
    assert find_cues("Am Abend gab es noch keine schnelle Einigung.", []) == []
    (cue,) = find_cues("Am Abend kam die Einigung.", [])
    assert cue.family == "einigen"


def test_times_of_a_warning_told_with_light_verbs(make_project) -> None:
    a = article(
        "Unwetter in Kellstadt",
        "30.10.2024",
        "Am Dienstag ging die Alarmmeldung der Stadt erst um 20.11 Uhr auf die Handys.",
    )
    b = article(
        "Unwetter in Kellstadt",
        "03.11.2024",
        "Die Wut in Kellstadt wächst.",
        # the day named by what happened on it is not the news day of Sunday
        "Die Warn-SMS der Stadt kam am Unglückstag erst um 20.12 Uhr.",
    )
    (clock,) = [d for d in dossier_of(make_project, {"a.txt": a, "b.txt": b}).discrepancies]
    assert clock.kind == "time"
    assert [c.time for c in clock.claims] == ["20:11", "20:12"]


def test_a_topic_line_dates_what_follows_and_is_no_event(make_project) -> None:
    a = (
        "# Streit bei Larimo\n\nVeröffentlicht am 30.10.2024 um 18:00 Uhr\n\n"
        "## Was am Montag bekannt wurde\n\n"
        "Der Vorstand der Larimo AG schließt erstmals Werksschließungen nicht mehr aus.\n"
    )
    dossier = dossier_of(make_project, {"a.md": a})
    assert [(e.predicate, e.date.iso if e.date else None) for e in dossier.events] == [
        ("ausschließen", "2024-10-28")
    ]


def test_one_year_one_place_one_verb_is_one_event_across_sources(make_project) -> None:
    news = "Der Autobauer Larimo schließt sein Werk in Kassel, 900 Stellen fallen weg."
    a = article(
        "Larimo schließt Werk", "20.12.2024", news, "In Kassel endet die Fertigung Ende 2025."
    )
    b = article(
        "Larimo schließt Werk", "21.12.2024", news, "Im Werk in Kassel endet 2025 die Produktion."
    )
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    endings = [e for e in dossier.events if e.predicate == "enden"]
    assert [(e.date.iso, len(e.sources)) for e in endings] == [("2025", 2)]


def test_the_same_date_written_differently_is_no_conflict(make_project) -> None:
    a = article("Brand", "22.12.2024", "In Neustadt brannte am Freitagabend eine Scheune ab.")
    b = article("Brand", "23.12.2024", "In Neustadt brannte am 20. Dezember eine Scheune ab.")
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    assert dossier.discrepancies == ()
    fires = [e for e in dossier.events if e.predicate == "abbrennen"]
    assert [(e.date.iso, len(e.sources)) for e in fires] == [("2024-12-20", 2)]


def test_a_duration_and_its_end_points_are_no_discrepancy(make_project) -> None:
    a = article("Stromausfall", "05.01.2024", "Der Strom fiel von 19.02 Uhr bis 19.05 Uhr aus.")
    b = article("Stromausfall", "05.01.2024", "Der Strom fiel für rund drei Minuten aus.")
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    assert dossier.discrepancies == ()


def test_json_carries_normalised_values(make_project) -> None:
    a = article(
        "Einsturz",
        "01.02.2024",
        "Um 14.30 Uhr stürzte in Talheim die Halle ein, vier Menschen starben.",
    )
    b = article(
        "Einsturz", "02.02.2024", "Beim Einsturz der Halle in Talheim gab es etwa sechs Tote."
    )
    data = dossier_data(dossier_of(make_project, {"a.txt": a, "b.txt": b}))
    (dead,) = data["discrepancies"]
    approx = next(c for c in dead["claims"] if c["number"] == 6.0)
    assert approx["low"] < 6 < approx["high"] and approx["unit"] == "Tote"
    assert all(
        {"iso", "time", "number", "low", "high", "unit", "currency"} <= set(c)
        for c in dead["claims"]
    )
    collapse = next(e for e in data["events"] if e["time"])
    assert collapse["time"] == "14:30" and collapse["status"] == "reported"


STORM_NAMES = "Bürgermeisterin Anna Keller, Landrat Bernd Maier und Pfarrer Otto Lindqvist"
STORM = article(
    "Sturm über Talheim",
    "21.12.2024",
    f"In Talheim hat am Freitagabend ein Sturm das Dach der Kreisklinik abgedeckt. {STORM_NAMES} "
    "waren am Samstag vor Ort.",
)


def test_an_undated_article_is_dated_by_its_story(make_project) -> None:
    undated = article(
        "Nach dem Sturm",
        None,
        f"Gestern Abend deckte ein Sturm in Talheim das Dach der Kreisklinik ab. Heute kamen "
        f"{STORM_NAMES}.",
        "Am Freitag hatte der Wetterdienst gewarnt.",
    )
    result = run_pipeline(Settings.for_project(make_project({"a.txt": STORM, "b.txt": undated})))
    sources = {s.file.rsplit("/", 1)[-1]: s for s in result.dossier.sources}
    assert sources["b.txt"].published == "2024-12-21"
    assert sources["b.txt"].date_inferred


def test_an_article_of_another_story_stays_undated(make_project) -> None:
    other = article(
        "Ganz anderes", None, "Gestern eröffnete in Neuburg ein Museum. Heute kamen viele."
    )
    result = run_pipeline(Settings.for_project(make_project({"a.txt": STORM, "c.txt": other})))
    sources = {s.file.rsplit("/", 1)[-1]: s for s in result.dossier.sources}
    assert sources["c.txt"].published is None


def test_a_pronoun_and_a_short_name_stand_for_the_company(make_project) -> None:
    """The same company's count in other words: after a colon "Sie" is the company named
    before it; "Nordwind" alone is "Nordwind Air Lines"; each clause has its own verb."""
    a = article(
        "Chaos bei Nordwind",
        "20.07.2024",
        "Besonders hart traf es die Fluglinie Nordwind Air Lines: Sie musste seit Freitag "
        "mehr als 500 Flüge streichen, Tausende Passagiere saßen fest.",
    )
    b = article(
        "Nordwind erholt sich langsam",
        "25.07.2024",
        "Nordwind Air Lines fordert Schadenersatz.",
        "Nordwind erholte sich langsamer als andere Airlines: Innerhalb von fünf Tagen "
        "fielen rund 900 Flüge aus.",
    )
    dossier = dossier_of(make_project, {"a.txt": a, "b.txt": b})
    (company,) = [actor for actor in dossier.actors if actor.kind == "organisation"]
    assert company.name == "Nordwind Air Lines"
    assert "Nordwind" in [mention.text for mention in company.mentions]
    (flights,) = dossier.discrepancies
    assert sorted(c.number for c in flights.claims) == [500, 900]
    assert "Nordwind Air Lines" in flights.topic


def test_a_company_head_and_a_description_speak_for_the_company(make_project) -> None:
    """ "Konzernchef X" states the company's damage, "das Unternehmen" after a fronted phrase
    is the company of the sentence before, and a burden is the same as a damage."""
    a = article(
        "Nordwind nennt Schaden",
        "20.08.2024",
        "Am schwersten traf es Nordwind Air Lines.",
        "Konzernchef Tom Weller hatte den Schaden im Sommer auf bis zu 300 Millionen Dollar "
        "beziffert.",
    )
    b = article(
        "Nordwind klagt",
        "25.10.2024",
        "Nordwind Air Lines verklagt den Softwareanbieter.",
        "Im Quartalsbericht hatte das Unternehmen die Belastung auf rund 500 Millionen Dollar "
        "beziffert.",
    )
    damage = the_discrepancy(make_project, {"a.txt": a, "b.txt": b})
    assert sorted(c.number for c in damage.claims) == [300e6, 500e6]
    assert "Schaden" in damage.topic and "Nordwind Air Lines" in damage.topic


def _fee_reports(total_b: str) -> tuple[str, str]:
    a = article(
        "Neuer Stürmer",
        "11.08.2023",
        "Der Klub zahlt eine feste Ablöse von 40 Millionen Euro.",
        "Mit Boni stiege die Gesamtsumme auf rund 60 Millionen Euro.",
    )
    b = article(
        "Neuer Stürmer",
        "12.08.2023",
        f"Nach Medienberichten fließen inklusive möglicher Boni {total_b} Millionen Euro.",
    )
    return a, b


def test_a_total_amount_belongs_to_the_story(make_project) -> None:
    a, b = _fee_reports("rund 50")
    (total,) = dossier_of(make_project, {"a.txt": a, "b.txt": b}).discrepancies
    assert total.topic == "Gesamtbetrag in EUR"
    assert [claim.number for claim in total.claims] == [60_000_000.0, 50_000_000.0]
    assert "die Geschichte selbst" in total.reason


def test_a_total_is_not_compared_with_a_part(make_project) -> None:
    a, b = _fee_reports("rund 60")
    assert dossier_of(make_project, {"a.txt": a, "b.txt": b}).discrepancies == ()


def test_the_management_is_of_the_company_the_story_is_about(make_project) -> None:
    a = article(
        "Larimo AG in der Krise",
        "10.12.2024",
        "Die Larimo AG steckt in der Krise, die Gewerkschaft Nordbund warnt vor Entlassungen.",
        "Schon im Sommer hatte ein Magazin berichtet, die Zahl der Larimo-Beschäftigten "
        "solle um 3.000 schrumpfen.",
    )
    b = article(
        "Einigung bei Larimo",
        "20.12.2024",
        "In der Krise haben sich die Larimo AG und die Gewerkschaft Nordbund geeinigt.",
        "Die Gewerkschaft Nordbund rechnet vor, was verhindert wurde: Zu Beginn habe das "
        "Management rund 5.500 Beschäftigte entlassen wollen.",
    )
    (jobs,) = dossier_of(make_project, {"a.txt": a, "b.txt": b}).discrepancies
    assert jobs.topic == "Zahl der Beschäftigten – Larimo AG, geplant"
    assert [claim.number for claim in jobs.claims] == [3000.0, 5500.0]
    assert "das Management (Larimo AG)" in jobs.reason


def test_the_outlet_speaking_is_no_event() -> None:
    assert find_cues("12.05 Uhr: Damit schließen wir den Liveblog für heute.", []) == []
    assert find_cues("Wir berichten weiter.", []) == []
    # in a quotation, "wir" is someone the story is about
    (cue,) = find_cues("„Wir schließen das Werk“, sagte die Chefin.", [])
    assert cue.predicate == "schließen"


def test_a_participle_before_its_noun_after_a_phrase_is_no_predicate() -> None:
    (cue,) = find_cues(
        "Um 9 Uhr hatte die Präsidentin die am Montag abgebrochene Sitzung wieder eröffnet.", []
    )
    assert cue.predicate == "eröffnen"
    (cue,) = find_cues("Die vor drei Jahren gegründete Partei gewann die Wahl.", [])
    assert cue.predicate == "gewinnen"


def test_a_reflexive_verb_keeps_its_pronoun_in_the_title(make_project) -> None:
    titles = titles_of(
        make_project,
        "Am Freitag weigerte sich Präsidentin Anna Keller, über den Antrag abstimmen zu lassen.",
        "Am Samstag haben sich CDU und SPD geeinigt.",
    )
    assert "Anna Keller weigert sich" in titles
    assert "CDU und SPD einigen sich" in titles


def test_a_subject_keeps_its_genitive_in_the_title(make_project) -> None:
    titles = titles_of(
        make_project,
        "Am Montag befasst sich der Innenausschuss des Landtags mit dem Unglück.",
        "Am Dienstag verschob sich Anna Kellers Abflug um mehrere Stunden.",
    )
    assert "Innenausschuss des Landtags befasst sich mit dem Unglück" in titles
    assert "Anna Kellers Abflug verschiebt sich um mehrere Stunden" in titles


def test_a_title_never_opens_with_the_verb_of_a_fronted_sentence(make_project) -> None:
    titles = titles_of(
        make_project,
        "Demnach akzeptiert der Kellstädter Klub eine feste Ablöse.",
        "Erst legen sie Tausende Rechner lahm, dann entschuldigen sie sich.",
        "Am Samstagabend gedachten Hunderte der Toten.",
        "Am Freitag hatten Vertreter der beiden Parteien den Vertrag unterzeichnet.",
        "Am Montag war der Wechsel des jungen Stürmers offiziell.",
    )
    assert {
        "Der Kellstädter Klub akzeptiert eine feste Ablöse",
        "Sie legen Tausende Rechner lahm",
        "Hunderte gedachten der Toten",
        "Vertreter der beiden Parteien haben den Vertrag unterzeichnet",
        "Der Wechsel des jungen Stürmers war offiziell",
    } <= titles, titles


def test_a_counted_subject_opens_the_title(make_project) -> None:
    titles = titles_of(
        make_project,
        "Im Mai 2021 waren allein in Kellstadt mindestens 35 Menschen ums Leben gekommen.",
        "Bis 2030 sollen im Werk in Kassel mehr als 2.000 Stellen wegfallen.",
        "Am 3. Mai durften ausnahmsweise 19 Flüge starten.",
    )
    assert {
        "Mindestens 35 Menschen sind allein in Kellstadt ums Leben gekommen",
        "Mehr als 2.000 Stellen sollen im Werk in Kassel wegfallen",
        "19 Flüge durften ausnahmsweise starten",
    } <= titles, titles


def test_an_article_is_no_relative_pronoun_and_a_title_keeps_its_verb(make_project) -> None:
    titles = titles_of(
        make_project,
        "Ministerpräsidentin soll Anna Keller werden, die Wahl ist für den 9. Mai angepeilt.",
        "Die Helfer fanden am Montag niemanden mehr, sagte Polizeisprecher Jan Bauer.",
    )
    assert "Die Wahl ist angepeilt" in titles  # not "Keller angepeilt"
    assert "Jan Bauer sagt" in titles  # not the bare name


def test_a_state_passive_is_no_act_of_its_subject(make_project) -> None:
    titles = titles_of(
        make_project,
        "Um 10.27 Uhr war es so weit: Anna Kowalczyk ist gewählt.",
        "Am Montag ist Maria Brandt zurückgetreten.",
    )
    assert "Anna Kowalczyk ist gewählt" in titles  # not "wählt": she did not vote
    assert "Maria Brandt tritt zurück" in titles  # a perfect with "sein" is her act


def test_a_clause_in_the_perfect_reads_in_the_present(make_project) -> None:
    titles = titles_of(
        make_project,
        "Die Gespräche hatten am Montag begonnen.",
        "Am Dienstag haben die Beschäftigten die Arbeit niedergelegt.",
        "Drei Tage nach dem Streik ist die Zahl der Kündigungen auf 20 gestiegen.",
    )
    assert "Die Gespräche beginnen" in titles
    assert "Die Beschäftigten legen die Arbeit nieder" in titles
    assert not any(title.startswith("Drei Tage") and "steigt" in title for title in titles)


def test_a_time_counted_from_a_happening_leaves_the_title(make_project) -> None:
    titles = titles_of(
        make_project,
        "Drei Tage nach dem Sturm ist die Zahl der Toten am Freitag auf 25 gestiegen.",
        "Fünf Tage nach dem Unglück in Kellstadt entlädt sich der Zorn der Anwohner.",
    )
    assert "Die Zahl der Toten steigt auf 25" in titles
    assert "Der Zorn der Anwohner entlädt sich" in titles


def test_copies_are_told_by_their_shared_sequences_and_boilerplate_is_not_a_copy() -> None:
    """Unit test of the copy index: a later copy with a changed word points to the earliest
    text; a passage that very many texts share (an outlet's boilerplate) makes no copies."""
    from generator.model import Sentence, Source
    from generator.reconcile.copies import mark_copies

    def source(number: int, body: str, published: str) -> Source:
        return Source(
            id=f"q{number}",
            file=f"{number}.txt",
            title=f"Titel {number}",
            published=published,
            sentences=(
                Sentence(id="s1", paragraph=1, text=f"Titel {number}"),
                Sentence(id="s2", paragraph=2, text=body),
            ),
        )

    report = " ".join(f"Wort{k}" for k in range(30))
    changed = report.replace("Wort17", "Anders")
    sources = [
        source(1, changed, "2024-05-03"),  # a copy, published later than the report
        source(2, report, "2024-05-02"),
        source(3, report + " Zusatz am Ende", "2024-05-04"),
        source(4, " ".join(f"Eigen{k}" for k in range(30)), "2024-05-02"),
    ]
    marked = mark_copies(sources)
    assert [s.copy_of for s in marked] == ["q2", None, "q2", None]

    boilerplate = " ".join(f"Hinweis{k}" for k in range(40))
    many = [
        source(n, f"{boilerplate} " + " ".join(f"Text{n}x{k}" for k in range(6)), "2024-05-02")
        for n in range(51)
    ]
    assert all(s.copy_of is None for s in mark_copies(many))
    # the same passage in two texts only: they are copies
    assert [s.copy_of for s in mark_copies(many[:2])] == [None, "q0"]
