"""Organisations, places and what is no actor, on sentences written for these tests."""

from __future__ import annotations

from .test_extract import candidate_in, names, recognise


def test_companies_named_by_their_head_word_or_a_cue() -> None:
    actors = recognise(
        "Betroffen waren Nordic Air Lines, Baltic Airlines und der Sender Kiwi Sports.",
        "Die Airlines Skyrella, Condor und Windar strichen Flüge.",
        "Das US-Unternehmen Quorvex spielte ein Update auf, sagte der Datenanbieter Flugrix.",
    )
    orgs = names(actors, "organisation")
    assert {"Nordic Air Lines", "Baltic Airlines", "Kiwi Sports"} <= orgs
    assert {"Skyrella", "Windar", "Quorvex", "Flugrix"} <= orgs
    assert "Senden" not in names(actors, "place")  # "der Sender Kiwi Sports": no town


def test_authorities_take_their_place_into_the_name() -> None:
    actors = recognise(
        "Das Amtsgericht Kassel erließ Haftbefehl, die Staatsanwaltschaft Trier ermittelt.",
        "Die Medizinische Universität Graz und die Polizeiinspektion Celle halfen.",
    )
    orgs = names(actors, "organisation")
    assert {
        "Amtsgericht Kassel",
        "Staatsanwaltschaft Trier",
        "Medizinische Universität Graz",
        "Polizeiinspektion Celle",
    } <= orgs
    assert "Kassel" not in names(actors, "place")


def test_a_body_of_which_a_story_has_one_needs_the_dossier_to_name_it_twice() -> None:
    once = recognise("Der Untersuchungsausschuss tagte am Montag.")
    assert names(once, "organisation") == set()
    twice = recognise(
        "Der Untersuchungsausschuss tagte am Montag.", "Im Untersuchungsausschuss gab es Streit."
    )
    assert names(twice, "organisation") == {"Untersuchungsausschuss"}
    named = recognise(
        "Der Sächsische Landtag wählte am Montag.", "Im Landtag gab es danach Streit."
    )
    (landtag,) = [a for a in named if a.kind == "organisation"]
    assert landtag.name == "Sächsischer Landtag" and len(landtag.mentions) == 2


def test_places_closed_by_a_head_noun_in_base_form() -> None:
    actors = recognise(
        "Am Neuen Markt und in der Langen Gasse standen Buden.",
        "Vom Neuer Markt bis zur Meißener Straße und zur Elbarena im Kreis Hollstedt.",
    )
    places = names(actors, "place")
    assert {"Neuer Markt", "Lange Gasse", "Meißener Straße", "Kreis Hollstedt"} <= places
    (markt,) = [a for a in actors if a.name == "Neuer Markt"]
    assert len(markt.mentions) == 2


def test_credits_and_shouting_are_no_actors() -> None:
    actors = recognise(
        "Kassel (dpa) – Der Bus fuhr um 6.10 Uhr MESZ los.",
        "Ein Bus vor dem Rathaus. Foto: Jana Korbel / dpa",
        "DER ZORN HAT FOLGEN",
        "TOOOOR! Der FC Ulmhausen führt.",
    )
    assert names(actors, "person") == set()
    assert names(actors, "organisation") == {"FC Ulmhausen"}


def test_names_do_not_swallow_functions_parties_or_full_stops() -> None:
    actors = recognise(
        "Vereins-Boss Daniel Korbinger und Boss Daniel Korbinger sprachen.",
        "Sabine Krull von den Grünen widersprach.",
        "Für ihn kam Mathis Ruel. Danach traf Ruel.",
    )
    people = names(actors, "person")
    assert people == {"Daniel Korbinger", "Sabine Krull", "Mathis Ruel"}
    assert "Grüne" in names(actors, "organisation")


def test_a_name_ends_before_von_der_and_an_institution() -> None:
    actors = recognise(
        "Der Student Tobias Renkhoff von der Universität Virginia wurde festgenommen.",
        "Der Vorfall ereignete sich in der Nacht, sagte der Sprecher der Polizei.",
        "Die Ministerin Ursula von der Leyen äußerte sich.",
    )
    assert names(actors, "person") == {"Tobias Renkhoff", "Ursula von der Leyen"}
    assert "Universität Virginia" in names(actors, "organisation")
    # no actor is ever found in an article or a particle
    assert not any(m.text.islower() for a in actors for m in a.mentions)


def test_one_actor_for_spellings_with_and_without_diacritics() -> None:
    actors = recognise(
        "Der Präsident Recep Tayyip Erdoğan reiste nach Paris.",
        "Dort traf Präsident Recep Tayyip Erdogan den Premier.",
        "Die Regierung in Grossbritannien und die in Großbritannien schwiegen.",
    )
    assert len([a for a in actors if a.kind == "person"]) == 1
    assert len([a for a in actors if "britannien" in a.name]) == 1


def test_a_club_is_called_by_its_short_name_except_as_a_place() -> None:
    actors = recognise(
        "Der 1. FC Köln gewann gegen den SV Ulmhausen.",
        "Köln führte früh.",
        "Die Fans feierten in Köln.",
    )
    (club,) = [a for a in actors if a.name == "1. FC Köln"]
    assert len(club.mentions) == 2
    (town,) = [a for a in actors if a.name == "Köln"]
    assert town.kind == "place" and len(town.mentions) == 1


def test_a_place_with_an_organisations_name_is_that_organisation() -> None:
    actors = recognise(
        "Die Fluglinie Skyrella strich Flüge.",
        "Bei Skyrella stauten sich die Passagiere.",
    )
    (airline,) = [a for a in actors if a.name == "Skyrella"]
    assert airline.kind == "organisation" and len(airline.mentions) == 2


def test_an_acronym_in_parentheses_is_the_names_short_form() -> None:
    actors = recognise(
        "Im Universitätsklinikum Tübingen (UKT) fielen Rechner aus.",
        "Das UKT meldete später Entwarnung.",
    )
    (clinic,) = [a for a in actors if a.kind == "organisation"]
    assert clinic.name == "Universitätsklinikum Tübingen" and len(clinic.mentions) == 3


def test_things_and_terms_are_no_actors() -> None:
    actors = recognise(
        "Ursache war eine sogenannte Zoltana, ein Höhentief.",
        "Die Behörden ließen das Satellitensystem Argusto aktivieren.",
    )
    assert actors == []
    people = recognise("Es sprachen Lena Sturm und Bernd Sadowski.")
    assert names(people, "person") == {"Lena Sturm", "Bernd Sadowski"}


def test_an_institution_named_after_a_person_is_no_person() -> None:
    actors = recognise("Das Klinikum Anna von Berger in Celle sagte Eingriffe ab.")
    assert names(actors, "organisation") == {"Klinikum Anna von Berger"}
    assert names(actors, "person") == set()


def test_place_adjectives_and_numbered_districts_belong_to_the_place() -> None:
    actors = recognise(
        "Die Passauer Polizei sperrte die Brücke.",
        "Im Wahlkreis Passau II gewann die CDU, in Passau feierte man.",
    )
    (passau,) = [a for a in actors if a.kind == "place"]
    assert passau.name == "Passau" and len(passau.mentions) == 3
    assert names(actors, "person") == set()


def test_a_noun_that_looks_like_a_place_adjective_is_a_noun() -> None:
    # "Sender" could be the adjective of the town of Senden ("senden" is also a verb)
    actors = recognise(
        "Der britische Sender Sky News berichtete zuerst.",
        "Die Erlanger Polizei bestätigte den Bericht.",
    )
    assert names(actors, "place") == {"Erlangen"}


def test_english_names_of_institutions_are_whole() -> None:
    actors = recognise(
        "Die Bank of Kellstadt meldete Gewinne, sagte ein Sprecher.",
        "Eine Studie der University of Larimo widerspricht dem Council on Urban Affairs.",
        "Der Film heißt im Original Lord of the Rings.",
    )
    assert names(actors, "organisation") == {
        "Bank of Kellstadt",
        "University of Larimo",
        "Council on Urban Affairs",
    }
    assert not {"Kellstadt", "Larimo", "Urban", "Rings"} & {a.name for a in actors}


def test_a_name_that_opens_with_an_adjective_is_found_after_an_article() -> None:
    actors = recognise(
        "Der Internationale Währungsfonds warnte, das Rote Kreuz half.",
        "Helfer des Roten Kreuzes sprachen mit dem Internationalen Währungsfonds.",
    )
    assert names(actors, "organisation") == {"Internationaler Währungsfonds", "Rotes Kreuz"}
    assert all(len(a.mentions) == 2 for a in actors if a.kind == "organisation")


def test_the_first_word_of_a_company_name_alone_is_the_company() -> None:
    actors = recognise(
        "Die Fluglinie Nordwind Air Lines verklagt den Anbieter.",
        "Nordwind erholte sich langsamer als andere.",
        "Nordwinds Darstellung sei falsch, sagte ein Sprecher.",
        "Im Nordwind lag Schnee.",  # the wind, after an article
        "Die Deutsche Kellbank AG meldet Gewinn, deutsche Anleger jubeln.",
    )
    (company,) = [a for a in actors if a.name == "Nordwind Air Lines"]
    assert [m.text for m in company.mentions] == ["Nordwind Air Lines", "Nordwind", "Nordwinds"]
    assert all(m.text != "deutsche" for a in actors if a.kind == "organisation" for m in a.mentions)


def test_a_function_or_a_cue_before_a_headed_name_is_not_part_of_it() -> None:
    actors = recognise(
        "Das ergab eine Studie der New Yorker Unternehmensberater Larimo Partners.",
        "Das berichtet das Fachblatt The Kellstadt Medical Journal.",
    )
    assert names(actors, "organisation") == {"Larimo Partners", "The Kellstadt Medical Journal"}
    assert names(actors, "place") == {"New York"}


def test_names_listed_with_places_or_after_a_plural_cue_are_places() -> None:
    actors = recognise(
        "Zur Gemeinde gehören die Dörfer Hokkalo, Kumpulo und Saunakylo.",
        "Der Weg führt über Kassel, Varnholt und Lindrup südlich von Modrach weiter.",
    )
    assert {"Hokkalo", "Kumpulo", "Saunakylo", "Varnholt", "Lindrup", "Modrach"} <= names(
        actors, "place"
    )


def test_the_first_word_of_an_organisations_name_is_that_organisation() -> None:
    actors = recognise(
        "Die Fluglinie Nordwind strich Flüge, ebenso Baltic Airlines.",
        "Bei der Airline Baltic hieß es, man prüfe Entschädigungen.",
    )
    (baltic,) = [a for a in actors if "Baltic" in a.name]
    assert baltic.name == "Baltic Airlines" and len(baltic.mentions) == 2


def test_the_places_of_a_dateline() -> None:
    actors = recognise("Berlin/Lindrup (dpa) – Ein Unfall legte den Verkehr lahm.")
    assert names(actors, "place") == {"Berlin", "Lindrup"}
    assert names(actors, "person") == set()


def test_a_dateline_with_a_date_names_its_town() -> None:
    """``Kellstadt, 3. Juni 2024 –``: an unknown word before the date of a dateline is the
    town the report is filed from; a comma without a date and a dash names nothing."""
    actors = recognise(
        "Kellstadt, 3. Juni 2024 – Ein Unwetter hat in der Nacht Keller geflutet.",
        "Lindrup/Borwede, 12.03.2024 (dpa) – Die Feuerwehr rückte aus.",
        "Merzig, den 4. Mai – Der Rat tagte.",
        "Wollny, 42, kam am 3. Juni – doch niemand sah ihn.",
    )
    assert {"Kellstadt", "Lindrup", "Borwede", "Merzig"} <= names(actors, "place")
    assert "Wollny" not in names(actors, "place")


def test_names_joined_by_an_ampersand_are_one_firm() -> None:
    """Auditors, lawyers, architects: ``Larimo & Kessler`` is one organisation, with its legal
    form; not two dictionary words (``Rock & Pop``, ``Drag & Drop``), two people, or
    ``… & Co.`` meaning "and the like"."""
    actors = recognise(
        "Die Prüfer von Larimo & Kessler GmbH und die Architekten Ferlach & de Borwede bauten.",
        "Im Radio liefen Rock & Pop, die Maus kann Drag & Drop, Spiele wie Larimo & Co. auch.",
        "Gekommen waren Anna Keller & Jonas Ferlach.",
    )
    orgs = names(actors, "organisation")
    assert {"Larimo & Kessler GmbH", "Ferlach & de Borwede"} <= orgs
    assert not {name for name in orgs if "Rock" in name or "Drop" in name or "Co" in name}
    assert "Anna Keller & Jonas Ferlach" not in orgs


def test_a_company_named_for_its_country_is_no_country() -> None:
    """``Kuwait National Airways``, ``Qatar Airways``: an English company name that opens
    with a country's or town's name; ``in Kuwait`` stays the country."""
    actors = recognise(
        "Die Kuwait National Airways und Qatar Airways strichen Flüge.",
        "In Kuwait fliegen Airways nicht.",
    )
    assert {"Kuwait National Airways", "Qatar Airways"} <= names(actors, "organisation")
    assert "Kuwait" in names(actors, "state")


def test_a_town_with_two_digits_is_a_club_named_for_its_founding_year() -> None:
    actors = recognise(
        "Hannover 96 verlor am Samstag in Mainz, der Trainer von Mainz 05 jubelte.",
        "In Hannover 15 Grad, in Trier 12 und 14 Uhr, im Harz 50 seltene Vögel.",
    )
    assert names(actors, "organisation") == {"Hannover 96", "Mainz 05"}
    assert {"Hannover", "Mainz", "Trier"} <= names(actors, "place")


def test_a_numbered_club_keeps_its_prefix() -> None:
    actors = recognise("Der SV Kellstadt 98 verlor gegen den TSV Lindrup 05 mit 1:2.")
    assert names(actors, "organisation") == {"SV Kellstadt 98", "TSV Lindrup 05"}


def test_a_known_clubs_prefix_before_a_town_opens_another_club() -> None:
    """``VfB`` alone is a known club in the lexicon; ``VfB Kellstadt`` is another one."""
    actors = recognise(
        "Der VfB Kellstadt gewann gegen den VfB Lindrup 05.",
        "Beim VfB Stürmer Jonas Ferlach verlängert.",
    )
    assert names(actors, "organisation") == {"VfB Kellstadt", "VfB Lindrup 05", "VfB Stuttgart"}


def test_a_clubs_name_goes_on_over_a_second_prefix() -> None:
    actors = recognise("Die SG Dynamo Kellstadt gewann gegen den ESV Lokomotive Lindrup.")
    assert names(actors, "organisation") == {"SG Dynamo Kellstadt", "ESV Lokomotive Lindrup"}


def test_a_noun_after_an_adjective_is_no_town_of_the_same_name() -> None:
    """``Regen`` is rain and a Bavarian town: after ``starkem`` it is the rain."""
    actors = recognise(
        "Nach tagelangem Regen trat der Fluss über die Ufer, es fiel heftiger Regen.",
        "In Regen und zwischen Regen und Passau ist die Straße gesperrt.",
    )
    (town,) = [a for a in actors if a.name == "Regen"]
    assert town.kind == "place"
    assert [m.sentence for m in town.mentions] == ["s2", "s2"]  # not the rain of s1


def test_stock_indices_and_exchanges_are_organisations_of_one_name() -> None:
    actors = recognise(
        "Der Dax fiel um zwei Prozent, der MDax stieg.",
        "In New York schloss der Dow Jones im Plus, der Deutsche Aktienindex nicht.",
    )
    assert names(actors, "organisation") == {"DAX", "MDAX", "Dow Jones"}


def test_the_companies_of_the_large_stock_indices_are_organisations() -> None:
    actors = recognise(
        "Die Aktien von General Motors und Honda gaben am Freitag nach.",
        "Auch die Mizuho Financial Group meldete Verluste, sagte Anna Keller in Kassel.",
    )
    assert names(actors, "organisation") == {"General Motors", "Honda", "Mizuho Financial Group"}
    assert names(actors, "person") == {"Anna Keller"}


def test_a_university_school_or_company_takes_its_town_genitive_and_legal_form() -> None:
    actors = recognise(
        "Forscher der TU Dresden und der Hochschule für Musik des Saarlandes berichteten.",
        "Die Realschule Kassel und die Stadtwerke Kassel GmbH spendeten, die Larimo AG nicht.",
    )
    assert names(actors, "organisation") == {
        "TU Dresden",
        "Hochschule für Musik des Saarlandes",
        "Realschule Kassel",
        "Stadtwerke Kassel GmbH",
        "Larimo AG",
    }


def test_motorway_junctions_fountains_and_monuments_are_places() -> None:
    actors = recognise(
        "Am Kreuz Walldorf und am Kasseler Kreuz staute sich der Verkehr.",
        "Das Rote Kreuz half am Autobahndreieck Kassel-Süd, am Dorfbrunnen und am Kriegerdenkmal.",
        "Am Najadenbrunnen und am Kyffhäuserdenkmal trafen sich Hunderte.",
    )
    assert names(actors, "place") == {
        "Kreuz Walldorf",
        "Kasseler Kreuz",
        "Autobahndreieck Kassel-Süd",
        "Najadenbrunnen",
        "Kyffhäuserdenkmal",
    }
    assert names(actors, "organisation") == {"Rotes Kreuz"}


def test_a_body_named_in_the_genitive_is_found_under_its_base_form() -> None:
    actors = recognise(
        "Das sagte ein Sprecher des Hessischen Rundfunks.",
        "Die Mitglieder des Kasseler Mietervereins protestierten vor dem Rathaus.",
    )
    assert names(actors, "organisation") == {"Hessischer Rundfunk", "Kasseler Mieterverein"}


def test_a_known_bodys_name_with_an_acronym_after_it_is_one_of_its_units() -> None:
    actors = recognise(
        "Das Fraunhofer IAO und die Siemens AG stellten die Studie vor.",
        "Die Nato, USA und EU berieten, die Bundeswehr (KSK) schwieg.",
    )
    assert names(actors, "organisation") >= {"Fraunhofer IAO", "Siemens", "Nato", "Bundeswehr"}
    assert "Fraunhofer-Gesellschaft" not in names(actors, "organisation")
    assert names(actors, "state") == {"USA"}


def test_no_listed_company_is_named_by_an_everyday_word_or_a_given_name() -> None:
    from generator.analyse.lexicon import load_lexicon, read_companies

    lexicon = load_lexicon()
    companies = read_companies()
    assert len(companies) > 500
    for company in companies:
        for surface in (company["name"], *company["aliases"]):
            if " " not in surface:
                assert surface not in lexicon.common_nouns, surface
                assert surface.casefold() not in lexicon.lowercase_words, surface
                assert surface not in lexicon.given_names, surface
                assert surface not in lexicon.toponyms, surface


def test_an_agency_short_name_after_its_full_name_is_a_mention_not_a_credit() -> None:
    credited = recognise("Lindrup (dpa) – Ein Unfall legte den Verkehr lahm.")
    assert names(credited, "organisation") == set()
    actors = recognise("Das sagte er der Deutschen Presse-Agentur (dpa) am Telefon.")
    (agency,) = [a for a in actors if a.kind == "organisation"]
    assert agency.name == "dpa" and len(agency.mentions) == 2


def test_a_facility_is_one_actor_whatever_kind_word_comes_with_its_name() -> None:
    from generator.analyse.actors import Candidate
    from generator.reconcile.actors import resolve_actors

    names = [
        ("Flughafen LRM", "place"),
        ("Regionalflughafen LRM", "place"),
        ("LRM", "place"),
        ("Klinik Sankt Anna", "place"),
        ("Krankenhaus Sankt Anna", "organisation"),
        ("Stadt Sankt Anna", "organisation"),  # another kind of thing with that name
        ("Flughafen Frankfurt", "place"),
        ("Frankfurt", "place"),  # a town of its own
        ("London-Larimo", "place"),
        ("Larimo", "place"),
    ]
    candidates = [
        Candidate(source="q", sentence=f"s{i}", start=0, end=len(n), text=n, kind=k, name=n)
        for i, (n, k) in enumerate(names, 1)
    ]
    actors = {a.name: len(a.mentions) for a in resolve_actors([], candidates)}
    assert actors == {
        "Flughafen LRM": 3,
        "Klinik Sankt Anna": 2,
        "Stadt Sankt Anna": 1,
        "Flughafen Frankfurt": 1,
        "Frankfurt": 1,
        "Larimo": 2,  # "London-Larimo" is one of its names
    }


def test_a_capital_named_as_a_place_is_no_alias_of_its_state() -> None:
    actors = recognise(
        "Washington warnte am Montag vor neuen Angriffen.",
        "In Washington regnete es den ganzen Tag.",
        "Moskau wies die Vorwürfe zurück.",
    )
    by_name = {a.name: a for a in actors}
    assert "Washington" in by_name and "Washington" not in by_name["USA"].aliases
    assert "Moskau" not in by_name  # only the government: the state's page lists the name
    assert "Moskau" in by_name["Russland"].aliases


def test_numbered_roads_are_places_however_they_are_written() -> None:
    actors = recognise(
        "Auf der A 7 bei Kellstadt kam es am Morgen zu einem Unfall.",
        "Die Autobahn 7 blieb bis zum Abend gesperrt, der Verkehr lief über die B27.",
        "Umleitungen führten über die Bundesstraße 27. Das Formular A 4 lag bei.",
        "Der Stau reichte bis zur A 2.",
    )
    roads = {a.name: [m.text for m in a.mentions] for a in actors if a.name[:2] in ("A ", "B ")}
    assert roads == {
        "A 7": ["A 7", "Autobahn 7"],
        "B 27": ["B27", "Bundesstraße 27"],
        "A 2": ["A 2"],
    }


def test_a_woman_of_a_place_is_the_place_and_never_part_of_a_name() -> None:
    actors = recognise(
        "Die gebürtige Kasselerin Anna Kowalczyk wurde von Larimo-Chef Tom Berger entdeckt.",
        "Die Münchnerinnen gewannen das Finale.",
        "Die Erben der einstigen Besitzerin zogen vor Gericht.",  # a woman who owns something
    )
    assert "Anna Kowalczyk" in names(actors, "person")
    assert {"Kassel", "München"} <= names(actors, "place")
    assert not any("Kasselerin" in a.name or "Münchnerin" in a.name for a in actors)
    assert not names(actors, "place") & {"Besitz", "Besitzerin"}


def test_nouns_that_are_also_names_stay_nouns() -> None:
    actors = recognise(
        "Die Gruppe war einige Male auf dem Berg, bevor sie nach Krems fuhr.",
        "In einer Reihe stehen Sankt Pölten, Krems und Tulln.",
    )
    places = names(actors, "place")
    assert "Krems" in places  # a town, not the genitive of a name
    assert not places & {"Krem", "Male", "dem Berg", "Berg"}


def test_an_academic_title_is_no_part_of_a_name_and_keeps_the_role_before_it() -> None:
    actors = recognise(
        "Die Ministerin Prof. Dr. Anna Kowalczyk eröffnete die Messe.",
        "Dr. Kowalczyk lobte die Aussteller.",
    )
    (person,) = [a for a in actors if a.kind == "person"]
    assert person.name == "Anna Kowalczyk"
    assert len(person.mentions) == 2
    assert person.roles[0].title == "Ministerin"


def test_an_english_title_that_is_part_of_a_name_stays_with_it() -> None:
    actors = recognise("Lady Larima sang im Stadion, auch Miss Kowalczyk war da.")
    assert {"Lady Larima", "Miss Kowalczyk"} <= names(actors, "person")


def test_a_town_named_with_its_river_is_one_place_with_the_town_alone() -> None:
    actors = recognise(
        "Die Messe in Frankfurt am Main öffnet, wie in Halle an der Saale.",
        "In Frankfurt ist es voll, in Hamburg im Norden regnet es.",
    )
    places = {a.name: len(a.mentions) for a in actors if a.kind == "place"}
    assert places["Frankfurt am Main"] == 2  # "Frankfurt" alone is the same town
    assert "Halle an der Saale" in places
    assert "Hamburg" in places and "Hamburg im Norden" not in places
    assert not {"Main", "Saale", "Frankfurt"} & set(places)


def test_places_of_several_words_from_the_toponyms_are_whole() -> None:
    actors = recognise(
        "Den Haag ist der Sitz des Gerichts.",
        "Sie reisten nach Rhode Island und New Orleans.",
        "Die Los Angeles Times berichtete, der FC St. Pauli gewann.",
    )
    places = names(actors, "place")
    assert {"Den Haag", "Rhode Island", "New Orleans"} <= places
    assert not {"Haag", "Island", "New", "Los Angeles"} & (places | names(actors, "state"))
    assert {"Los Angeles Times", "FC St. Pauli"} <= names(actors, "organisation")


def test_a_town_in_capitals_is_the_town() -> None:
    actors = recognise(
        "KASSEL Die Stadt plant einen neuen Bahnhof, sagte Anna Keller.",
        "Die Delegation der NASA reiste danach nach TRIER weiter.",
        "SIEG IN BOCHUM, ALLES GUT IN ESSEN",
    )
    assert names(actors, "place") == {"Kassel", "Trier", "Bochum"}
    assert names(actors, "organisation") == {"Nasa"}


def test_a_noun_before_a_foreign_name_says_what_it_is() -> None:
    actors = recognise(
        "Er wechselte zum Spartensender Larimo Music Radio.",
        "Das Kiwi Magazin und die Stadtwerke Kassel GmbH berichteten.",
    )
    assert names(actors, "organisation") == {
        "Larimo Music Radio",
        "Kiwi Magazin",
        "Stadtwerke Kassel GmbH",
    }


def test_a_saints_church_is_one_place() -> None:
    actors = recognise(
        "Die St. Nikolauskapelle und die Sankt Michaelskirche wurden renoviert.",
        "Der FC St. Pauli spendete, sagte Anna Keller.",
    )
    assert names(actors, "place") == {"St. Nikolauskapelle", "Sankt Michaelskirche"}
    assert names(actors, "organisation") == {"FC St. Pauli"}


def test_a_club_or_an_airline_named_after_its_town_is_an_organisation() -> None:
    actors = recognise(
        "Das Spiel zwischen dem AS Rom und dem FC Kassel fiel aus.",
        "Air Berlin und Air China strichen Flüge nach Rom und Trier.",
        "Die Air Force flog, der TSV 1860 Kassel spielte.",
    )
    assert names(actors, "organisation") == {
        "AS Rom",
        "FC Kassel",
        "Air Berlin",
        "Air China",
        "TSV 1860 Kassel",
    }
    assert names(actors, "place") == {"Rom", "Trier"}


def test_an_authority_takes_a_town_of_several_words() -> None:
    actors = recognise(
        "Die Staatsanwaltschaft Frankfurt am Main und das Amtsgericht Bad Homburg ermitteln.",
        "Die Polizei Bad Kreuznach suchte Zeugen in Frankfurt am Main.",
    )
    assert names(actors, "organisation") == {
        "Staatsanwaltschaft Frankfurt am Main",
        "Amtsgericht Bad Homburg",
        "Polizei Bad Kreuznach",
    }
    assert names(actors, "place") == {"Frankfurt am Main"}


def test_a_known_body_named_without_an_article_keeps_its_adjective() -> None:
    actors = recognise(
        "Laut Deutschem Wetterdienst drohen Sturmböen, sagte Anna Keller.",
        "Bei Europäischer Zentralbank und Deutscher Bank blieb es ruhig.",
    )
    assert names(actors, "organisation") == {
        "Deutscher Wetterdienst",
        "Europäische Zentralbank",
        "Deutsche Bank",
    }
    assert names(actors, "state") == set()


def test_a_measured_noun_is_no_town_of_the_same_name() -> None:
    actors = recognise(
        "Es fielen 80 Liter Regen pro Quadratmeter, danach zwei Tonnen Stahl.",
        "Anna Keller wohnt in Regen.",
    )
    (regen,) = [a for a in actors if a.name == "Regen"]
    assert regen.kind == "place" and [m.text for m in regen.mentions] == ["Regen"]


def test_a_title_of_nobility_inside_a_name_keeps_it_whole() -> None:
    actors = recognise(
        "Der Bischof Franz Freiherr Gedult von Kellstadt kam nach Trier.",
        "Otto Graf Larimo sprach danach.",
    )
    assert names(actors, "person") == {"Franz Freiherr Gedult von Kellstadt", "Otto Graf Larimo"}


def test_hartz_iv_is_a_benefit_not_a_person() -> None:
    actors = recognise(
        "Die Bezieher von Hartz IV bekommen mehr Geld, sagte Anna Keller.",
        "Die Reform Hartz-IV wurde 2005 eingeführt.",
    )
    assert names(actors, "person") == {"Anna Keller"}


def test_a_body_for_an_adjective_and_its_noun_takes_both() -> None:
    actors = recognise(
        "Das Institut für Angewandte Mathematik und das Institut für Corporate Governance luden ein.",
        "Die Stiftung für Umwelt und Entwicklung half in Kassel.",
    )
    assert names(actors, "organisation") == {
        "Institut für Angewandte Mathematik",
        "Institut für Corporate Governance",
        "Stiftung für Umwelt und Entwicklung",
    }


def test_a_compound_of_two_nouns_after_a_preposition_is_no_place() -> None:
    actors = recognise(
        "Applaus kam aus dem Fanblock, die Fans standen im Parkdeck.",
        "Anna Keller fuhr danach an die Nordsee und nach Trier.",
    )
    assert names(actors, "place") == {"Nordsee", "Trier"}


def test_a_town_or_river_named_like_a_function_word_is_a_place_mid_sentence() -> None:
    actors = recognise(
        "Anna Keller fuhr an die Seine, dann nach Leer und nach Kamen.",
        "Das Weingut liegt an der Nahe. Seine Lage ist gut.",
    )
    assert names(actors, "place") == {"Seine", "Leer", "Kamen", "Nahe"}
    (seine,) = [a for a in actors if a.name == "Seine"]
    assert len(seine.mentions) == 1  # "Seine Lage": the pronoun opens a sentence


def test_an_adjective_written_with_a_capital_starts_a_bodys_name() -> None:
    actors = recognise(
        "Laut der Syrischen Beobachtungsstelle für Menschenrechte starben zwölf Menschen.",
        "Die Österreichische Vereinigung für Pflege kritisierte das, die syrische Regierung nicht.",
        "Ein Sprecher des Verbands Deutscher Schraubenhersteller sagte das.",
        "Die Kellstädter Philharmoniker spielten in der Bayerischen Staatsoper.",
    )
    assert {
        "Syrische Beobachtungsstelle für Menschenrechte",
        "Österreichische Vereinigung für Pflege",
        "Verband Deutscher Schraubenhersteller",
        "Bayerische Staatsoper",
    } <= names(actors, "organisation")
    # written small, the adjective stays evidence for its state
    assert "Syrien" in names(actors, "state")


def test_a_capitalised_adjective_at_a_sentence_start_or_before_a_name_is_no_body() -> None:
    actors = recognise(
        "Deutsche Vereinigungen lehnten das ab.",
        "Die Schweizer Versicherung Larimo Life zahlt nicht.",
        "Die Französische Revolution begann 1789.",
        "Der Londoner Klub zahlte 80 Millionen Euro.",
    )
    orgs = names(actors, "organisation")
    assert "Londoner Klub" not in orgs  # a town's club, described
    assert "Deutsche Vereinigungen" not in orgs
    assert "Schweizer Versicherung" not in orgs
    assert not any("Revolution" in name for name in orgs)


def test_foreign_club_names_take_their_town() -> None:
    actors = recognise("Atlético Kellstadt schlug Dynamo Larimo mit 2:0.")
    assert {"Atlético Kellstadt", "Dynamo Larimo"} <= names(actors, "organisation")


def test_a_compound_noun_before_a_company_says_what_it_is() -> None:
    actors = recognise("Der Onlinespiele-Entwickler Quorvex Entertainment kaufte das Studio.")
    assert "Quorvex Entertainment" in names(actors, "organisation")


def test_short_names_with_small_letters_are_organisations() -> None:
    actors = recognise(
        "Laut einer Umfrage der GfK und des IfW sinkt der Konsum.",
        "Anna Keller (MdB) und ein PhD-Student rechneten mit 300 MiB.",
    )
    assert {"GfK", "Institut für Weltwirtschaft"} <= names(actors, "organisation")
    assert not {"MdB", "MiB"} & names(actors, "organisation")


def test_an_unknown_name_joined_to_a_kind_of_body_names_that_body() -> None:
    actors = recognise(
        "Die Larimo-Miliz und die Tarsan-Front griffen an.",
        "Die Öko-Partei und die Merkel-Regierung schwiegen.",
    )
    orgs = names(actors, "organisation")
    assert {"Larimo-Miliz", "Tarsan-Front"} <= orgs
    assert "Öko-Partei" not in orgs


def test_an_unknown_name_joined_to_a_word_describing_a_body_is_the_body() -> None:
    """``Kellco-Mischkonzern``, ``Brixa-Betriebsrat``: the name is the actor, the word after
    it says what it is; a noun's stem (``Lebensrettungs-``) is no name."""
    orgs = organisations(
        "Der Kellco-Mischkonzern kauft, der Brixa-Betriebsrat warnt.",
        "Die Lebensrettungs-Gesellschaft warnt.",
    )
    assert {"Kellco", "Brixa"} <= orgs
    assert "Lebensrettungs" not in orgs


def test_a_currency_named_after_a_state_is_no_mention_of_it() -> None:
    actors = recognise(
        "Die Strafe betrug 10.000 US-Dollar, dazu kamen 500 Hongkong-Dollar.",
        "Die US-Regierung zahlte nicht.",
    )
    assert names(actors, "state") == {"USA"}
    (usa,) = [a for a in actors if a.kind == "state"]
    assert len(usa.mentions) == 1


def test_an_arabic_surname_keeps_its_article_and_is_found_alone() -> None:
    actors = recognise(
        "Präsident Tarik al-Mansur sprach am Montag.",
        "Später sagte Mansur, er bleibe im Amt.",
    )
    (person,) = [a for a in actors if a.kind == "person"]
    assert person.name == "Tarik al-Mansur"
    assert len(person.mentions) == 2


def test_a_full_name_then_von_der_and_a_body_is_the_name_and_the_body() -> None:
    actors = recognise(
        "Das sagte Joachim Feher von der MediaCom am Montag.",
        "Laut Edward Wasserman von der University of California ist das so.",
    )
    assert {"Joachim Feher", "Edward Wasserman"} <= names(actors, "person")
    assert "University of California" in names(actors, "organisation")


def test_a_language_is_no_mention_of_its_state() -> None:
    actors = recognise(
        "Er spricht fließend Türkisch und Deutsch, der Film läuft auf Italienisch.",
        "Die türkische Regierung widersprach.",
    )
    assert names(actors, "state") == {"Türkei"}


def test_a_listed_place_with_an_inflected_adjective_is_found() -> None:
    actors = recognise(
        "Das Schiff sank im Schwarzen Meer, die Lage im Nahen Osten bleibt angespannt.",
        "Im Mittelmeer und im Erzgebirge regnete es, ein Lichtermeer erhellte den Platz.",
    )
    places = names(actors, "place")
    assert {"Schwarzes Meer", "Naher Osten", "Mittelmeer", "Erzgebirge"} <= places
    assert "Lichtermeer" not in places


def test_a_point_of_the_compass_and_a_state_name_a_region() -> None:
    actors = recognise("Die Kämpfe in der Ostukraine und in Westafrika gehen weiter.")
    assert {"Ostukraine", "Westafrika"} <= names(actors, "place")


def test_a_known_company_and_an_english_head_word_is_a_company_of_its_group() -> None:
    actors = recognise(
        "Siemens Energy baut Stellen ab, die Siemens AG nicht.",
        "Der Konzern Sony Music verklagte die Plattform.",
    )
    orgs = names(actors, "organisation")
    assert {"Siemens Energy", "Siemens", "Sony Music"} <= orgs


def test_a_towns_adjective_before_a_bare_kind_of_body_describes_it() -> None:
    actors = recognise(
        "Der Passauer Konzern meldet Verluste, der Münchner Verein gewann.",
        "Der Kasseler Mieterverein klagt.",
    )
    assert names(actors, "organisation") == {"Kasseler Mieterverein"}
    assert {"Passau", "München"} <= names(actors, "place")


def test_a_noun_only_the_model_called_a_name_is_no_person() -> None:
    """``Hagel`` (hail) tagged as a person by the learned tie-breaker alone, and never given
    in full: no actor. A role cue, a known surname or a short foreign name still make one."""
    from generator.model import Sentence, Source
    from generator.reconcile.actors import resolve_actors

    text = "Regen und Hagel trafen Koch, Xi und Präsident Hagel."
    source = Source(
        id="q", file="q.txt", title="T", sentences=(Sentence(id="s1", paragraph=1, text=text),)
    )

    model_only = [
        candidate_in(text, "Hagel", "person", "learned"),
        candidate_in(text, "Koch", "person", "learned"),
        candidate_in(text, "Xi", "person", "learned"),
    ]
    people = {a.name for a in resolve_actors([source], model_only) if a.kind == "person"}
    assert people == {"Koch", "Xi"}
    with_cue = [*model_only, candidate_in(text, "Hagel", "person", "cue", occurrence=1)]
    (hagel,) = [a for a in resolve_actors([source], with_cue) if a.name == "Hagel"]
    assert len(hagel.mentions) == 2


def test_a_bodys_name_in_another_case_is_the_same_actor_named_in_the_nominative() -> None:
    actors = recognise(
        "Er sagte der Kellstädter Rundschau und der Sächsischen Zeitung, das reiche.",
        "Die Sächsische Zeitung berichtete, die Kellstädter Rundschau nicht.",
        "Der Sächsischen Zeitung zufolge kamen 300 Menschen.",
    )
    papers = {a.name: len(a.mentions) for a in actors if a.kind == "organisation"}
    assert papers == {"Sächsische Zeitung": 3, "Kellstädter Rundschau": 2}


def organisations(*sentences: str) -> set[str]:
    return names(recognise(*sentences), "organisation")


def test_a_media_title_after_the_word_for_its_kind() -> None:
    """``der Wochenzeitung Die Abendwelt``, ``dem Magazin „Stern“``: after a word for a paper,
    magazine or broadcaster (also a compound: ``Literaturzeitschrift``), its title is the
    outlet, also one of ordinary words; a quoted sentence after ``Zeitung`` is no title."""
    actors = recognise(
        "Das sagte sie der Wochenzeitung Die Abendwelt am Montag.",
        "Er sagte dem Magazin „Sonne und Mond“, er sei bereit.",
        "Wie die Zeitung „Welt am Sonntag“ berichtet, stieg der Preis.",
        "Er gründete die Literaturzeitschrift „Abendstern“.",
        "Die Zeitung schrieb: „Die Regierung ist am Ende.“",
        "Die Zeitung „Die“ gibt es nicht.",
    )
    assert names(actors, "organisation") == {
        "Die Abendwelt",
        "Sonne und Mond",
        "Welt am Sonntag",
        "Abendstern",
    }
    assert "Welt am Sonntag" not in names(actors, "place")


def test_a_listed_outlet_called_by_its_title_is_that_outlet() -> None:
    """``Die Zeit (Wochenzeitung)`` in the lexicon: ``der Wochenzeitung Die Zeit`` is that
    body, although ``die Zeit`` alone is only time."""
    actors = recognise(
        "Das sagte sie der Wochenzeitung Die Zeit.", "Die Zeit drängt, sagte der Minister."
    )
    (outlet,) = [a for a in actors if a.kind == "organisation"]
    assert outlet.name == "Die Zeit (Wochenzeitung)" and len(outlet.mentions) == 1


def test_a_town_paper_by_its_head_word() -> None:
    """``Hamburger Abendblatt``, ``Bonner Generalanzeiger``: a town's adjective before a
    newspaper's head word names the paper; ``Hamburger Flugblatt`` is a leaflet."""
    assert organisations(
        "Wie das Hamburger Abendblatt berichtet, war das so.",
        "Laut dem Bonner Generalanzeiger und dem Kölner Wochenblatt stieg der Preis.",
        "Er las das Hamburger Flugblatt.",
    ) == {"Hamburger Abendblatt", "Bonner Generalanzeiger", "Kölner Wochenblatt"}


def test_an_association_named_by_its_members() -> None:
    """``Bundesverband deutscher Banken``: an association's head, an adjective written small
    in the genitive plural, the members; ``die Banken deutscher Kunden`` names no body."""
    assert organisations(
        "Der Bundesverband deutscher Banken und der Verband kommunaler Unternehmen warnen.",
        "Die Banken deutscher Kunden zahlen mehr.",
    ) == {"Bundesverband deutscher Banken", "Verband kommunaler Unternehmen"}


def test_a_body_named_after_a_person_is_no_person() -> None:
    """``Otto-Berger-Gymnasium``, ``Leopold-Museum``: a hyphenated name that opens with a
    given name and ends with the kind of body is that school or museum."""
    actors = recognise(
        "Der Chor des Otto-Berger-Gymnasiums sang im Leopold-Museum.",
        "Die Anna-Keller-Stiftung zahlt, die Berger-Pläne nicht.",
    )
    assert names(actors, "organisation") == {
        "Otto-Berger-Gymnasium",
        "Leopold-Museum",
        "Anna-Keller-Stiftung",
    }
    assert not names(actors, "person")


def test_a_body_named_for_what_it_pursues() -> None:
    """``Verein zur Förderung …``, ``Landesstiftung für politische Bildung``: what a body is
    for belongs to its name, with the action's object; a parliament "zur Sitzung" and a body
    an indefinite article describes are no such names."""
    assert organisations(
        "Die Stiftung zur Förderung der Wissenschaft zahlt den Preis.",
        "Ein Sprecher des Vereins zur Erforschung seltener Krankheiten sagte das.",
        "Die Landesstiftung für politische Bildung lädt ein.",
    ) == {
        "Stiftung zur Förderung der Wissenschaft",
        "Verein zur Erforschung seltener Krankheiten",
        "Landesstiftung für politische Bildung",
    }
    assert not any(
        "Sitzung" in name
        for name in organisations(
            "Der Kellstädter Kreistag zur konstituierenden Sitzung am Montag.",
            "Die Medizinische Hochschule zur Sitzung des Senats.",
        )
    )
    assert organisations("Sie gründete eine Stiftung für bedürftige Kinder.") == set()
    assert organisations("Der Verein zum Saisonende meldete sich.") == set()


def test_an_apposition_says_what_kind_of_actor_a_name_is() -> None:
    """``Kellbrand, der größte Computer-Dienstleister Nordeuropas``: the apposition after an
    unknown name says it is a body (or a place); a trade a person has, the outlet a speaker
    told and a given name keep it a person."""
    actors = recognise(
        "Kellbrand, der größte Computer-Dienstleister Nordeuropas, meldet Gewinne.",
        "Winkmar, ein Hersteller von Fenstern, baut Stellen ab.",
        "Er lebt in Kellmark, einer Kleinstadt in Sachsen.",
        "Das sagte Kellmann, der Gemüsehändler aus Kellmark.",
        "Das sagte Brandt, der Nachrichtenagentur AFP.",
        "Das sagt Ferro Kyne von Brommium, einer Sicherheitsfirma.",
    )
    assert names(actors, "organisation") >= {"Kellbrand", "Winkmar", "Brommium"}
    assert "Kellmark" in names(actors, "place")
    assert {"Kellmann", "Brandt", "Ferro Kyne"} <= names(actors, "person")


def test_an_english_name_keeps_its_english_first_word() -> None:
    """``Jet Science Laboratory``: a German noun that is an English word too (``Jet``)
    before an English name opens it; ``Spartensender`` before one says what it is."""
    assert organisations(
        "Das Jet Science Laboratory meldete das.",
        "Die Space Kellin Science Foundation zahlt.",
    ) == {"Jet Science Laboratory", "Space Kellin Science Foundation"}
    assert not any(
        "Spartensender" in name
        for name in organisations("Der Spartensender Kiwi Music Radio sendet.")
    )
