"""One bad article never costs the others: limits, front matter, files, duplicates, defects."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markupsafe import Markup

from generator import Settings, run_pipeline
from generator.analyse import sentences
from generator.analyse.actors import RuleRecogniser
from generator.errors import DossierError
from generator.ingest.articles import read_article, scan_articles, split_long
from generator.pipeline import Pipeline
from generator.render.wikilinks import LinkIndex, resolve_wikilinks
from generator.settings import Limits

from .conftest import ROOT, seed_texts

BODY = "Die Ministerin Eva Roth besuchte am Montag den Hafen.\n\nSie sprach mit 20 Arbeitern.\n"


def read(tmp_path: Path, name: str, content: str | bytes, limits: Limits | None = None):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    source, diagnostics = read_article(path, f"seeds/{name}", limits)
    return source, [str(d) for d in diagnostics]


# -- limits ---------------------------------------------------------------------------------


def test_an_article_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    source, messages = read(
        tmp_path, "gross.txt", "Titel\n" + "Satz. " * 100, Limits(max_article_bytes=500)
    )
    assert source is None
    assert messages == [
        "seeds/gross.txt: file is bigger than the limit of 500 bytes per article; split it into "
        "several articles or raise the limit (max_article_bytes of the dossier plugin in mkdocs.yml)"
    ]


def test_a_long_line_becomes_paragraphs_and_a_long_sentence_pieces(tmp_path: Path) -> None:
    limits = Limits(max_paragraph_chars=1_000, max_sentence_chars=200)
    line = "Das ist ein Satz. " * 60 + "wort " * 300
    source, messages = read(tmp_path, "lang.txt", f"Titel\n{line}\n", limits)
    assert source is not None
    assert messages == [
        "seeds/lang.txt:2: line of 2,579 characters is longer than 1,000: split into 3 paragraphs",
        "seeds/lang.txt:2: sentence of 904 characters is longer than 200: split at spaces",
    ]
    assert len(source.paragraphs) == 3
    assert all(len(s.text) <= 200 for s in source.sentences)
    # nothing is lost: the words are all there, in order
    assert " ".join(s.text for s in source.sentences).split() == line.split()


def test_a_two_megabyte_line_is_split_not_a_crash(tmp_path: Path) -> None:
    """spaCy refuses texts over 1,000,000 characters; this line is twice that."""
    line = ("Wort" * 5 + " ") * 100_000
    assert len(line) > 2_000_000
    source, messages = read(
        tmp_path, "zeile.txt", f"Titel\n{line}\n", Limits(max_article_bytes=3_000_000)
    )
    assert source is not None
    assert messages[0].startswith("seeds/zeile.txt:2: line of 2,099,999 characters")
    assert max(len(s.text) for s in source.sentences) <= Limits().max_sentence_chars


def test_sentence_splitting_survives_texts_over_spacys_limit(monkeypatch) -> None:
    nlp = sentences._pipeline()
    monkeypatch.setattr(nlp, "max_length", 40)
    text = "Erster Satz hier. Zweiter Satz dort. Dritter Satz noch. Vierter Satz am Ende."
    assert " ".join(sentences.split_sentences(text)) == text


def test_a_long_headline_is_shortened_and_kept_as_text(tmp_path: Path) -> None:
    headline = "Sehr " * 100 + "lange Überschrift"
    source, messages = read(tmp_path, "titel.txt", headline + "\nText.\n")
    assert source is not None
    assert len(source.title) <= 300 and source.title.endswith("…")
    assert source.sentences[0].text.startswith("Sehr Sehr")
    assert messages == [
        "seeds/titel.txt:1: headline of 517 characters is longer than 300: shortened; "
        "the whole line is kept as text"
    ]


def test_split_long_prefers_sentence_ends_then_spaces() -> None:
    assert split_long("Eins zwei. Drei vier fünf sechs", 16) == [
        "Eins zwei.",
        "Drei vier fünf",
        "sechs",
    ]
    assert split_long("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


# -- front matter -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("published: 2024-13-45", ":3: 'published: 2024-13-45' is not a valid date (month must be"),
        ("published: 2023-02-29", ":3: 'published: 2023-02-29' is not a valid date (day is out"),
        ("published: 2024-06-19 25:00", "is not a valid date (hour must be in 0..23)"),
        ("published: bald", ":3: 'published: bald' is not a date (use YYYY-MM-DD); field ignored"),
        ("outlet: 42", ":3: 'outlet: 42' is a number, not a text; write it in quotes; ignored"),
        ("author: [A, B]", ":3: 'author' must be a single value, not a list or mapping; ignored"),
        ("author: {name: A}", ":3: 'author' must be a single value"),
        ("url: javascript:alert(1)", ":3: 'url: javascript:alert(1)' is not a web address"),
        ("url: data:text/html,hi", "is not a web address; only http:// and https://"),
        ("url: /relativ/pfad", "'url: /relativ/pfad' is not a web address"),
        ("url: https://", "'url: https://' is not a web address"),
        ("language: <b>de</b>", "is not a language code such as 'de'; ignored"),
        ("autor: A. B.", ":3: unknown front matter key 'autor' (did you mean 'author'?); ignored"),
        ("xyz: 1", "unknown front matter key 'xyz' (known keys: title, published, date,"),
        ("outlet:", ":3: 'outlet' is empty; ignored"),
    ],
)
def test_a_bad_front_matter_field_is_dropped_with_its_line(
    tmp_path: Path, front_matter: str, message: str
) -> None:
    text = f"---\ntitle: Gipfel\n{front_matter}\n---\n{BODY}"
    source, messages = read(tmp_path, "a.md", text)
    assert source is not None and source.title == "Gipfel"
    assert source.published is None and source.url is None and source.outlet is None
    assert source.author is None and source.language == "de"
    assert len(messages) == 1 and messages[0].startswith("seeds/a.md:"), messages
    assert message in messages[0]


def test_good_front_matter_is_read_and_quoted_numbers_are_text(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "1984"\npublished: 19.06.2024 um 9:30 Uhr\noutlet: Beispielblatt\n'
        f"url: https://example.org/a?b=1\nlanguage: de-AT\n---\n{BODY}"
    )
    source, messages = read(tmp_path, "a.md", text)
    assert messages == []
    assert (source.title, source.published, source.published_time) == (
        "1984",
        "2024-06-19",
        "09:30",
    )
    assert (source.url, source.language) == ("https://example.org/a?b=1", "de-AT")


def test_lone_surrogates_from_yaml_escapes_become_replacement_characters(tmp_path: Path) -> None:
    text = f'---\ntitle: "Gipfel \\ud800"\nauthor: "A. \\udfff B."\n---\n{BODY}'
    source, messages = read(tmp_path, "a.md", text)
    assert messages == []
    assert (source.title, source.author) == ("Gipfel \ufffd", "A. \ufffd B.")


def test_a_bad_title_field_falls_back_to_the_first_paragraph(tmp_path: Path) -> None:
    source, messages = read(tmp_path, "a.md", f"---\ntitle: [Eins, Zwei]\n---\n{BODY}")
    assert source is not None
    assert source.title == "Die Ministerin Eva Roth besuchte am Montag den Hafen."
    assert messages == [
        "seeds/a.md:2: 'title' must be a single value, not a list or mapping; ignored"
    ]


def test_yaml_aliases_are_not_expanded(tmp_path: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
    )
    source, messages = read(tmp_path, "a.md", f"---\n{laughs}title: *i\n---\n{BODY}")
    assert source is not None
    assert "'title' must be a single value" in messages[-1]


# -- files ----------------------------------------------------------------------------------


def test_the_folder_listing_names_links_and_odd_entries(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "geheim.txt"
    outside.write_text("Geheim\nText.\n", encoding="utf-8")
    for name in ("gut.txt", "auch gut & #1 ä.md", ".versteckt.txt", "gut.txt~", "#gut.txt#"):
        (seeds / name).write_text("Titel\nText.\n", encoding="utf-8")
    (seeds / ".gut.txt.swp").write_bytes(b"\x00")
    (seeds / "kuratierung.yml").write_text("akteure: []\n", encoding="utf-8")
    (seeds / "bericht.pdf").write_bytes(b"%PDF")
    (seeds / "aussen.txt").symlink_to(outside)
    (seeds / "innen.md").symlink_to(seeds / "gut.txt")
    (seeds / "kaputt.txt").symlink_to(tmp_path / "gibt-es-nicht.txt")
    (seeds / "ordner.txt").mkdir()
    os.mkfifo(seeds / "rohr.md")
    paths, diagnostics = scan_articles(seeds, "seeds")
    assert [p.name for p in paths] == ["auch gut & #1 ä.md", "gut.txt"]
    assert [str(d) for d in diagnostics] == [
        "seeds/aussen.txt: symbolic link, not read: put the article itself into the folder",
        "seeds/bericht.pdf: not an article (only .txt and .md files are read); ignored",
        "seeds/innen.md: symbolic link, not read: put the article itself into the folder",
        "seeds/kaputt.txt: symbolic link, not read: put the article itself into the folder",
        "seeds/rohr.md: not a regular file; not read",
    ]
    assert [d.level for d in diagnostics] == ["warning", "info", "warning", "warning", "warning"]


def test_ten_thousand_files_in_one_folder_are_read(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(10_000):
        (seeds / f"meldung {number:05d} & #.txt").write_text(
            f"Meldung {number}\nDer Rat tagte zum {number}. Mal.\n", encoding="utf-8"
        )
    pipeline = Pipeline(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates"))
    sources, diagnostics = pipeline.ingest()
    assert diagnostics == []
    assert len(sources) == len({s.id for s in sources}) == 10_000
    assert sources[0].id == "meldung-0" and sources[-1].id == "meldung-9999"


def test_odd_file_names_give_safe_stable_urls(make_project) -> None:
    project = make_project(
        {
            "Bericht mit Leerzeichen & #Raute ä.txt": "Ärger & Streit #1 um <b>Öl</b>\n" + BODY,
            "zweiter?.txt": "Ärger & Streit #1 um <b>Öl</b>\nAndere Meldung hier.\n",
        }
    )
    first = run_pipeline(Settings.for_project(project))
    second = run_pipeline(Settings.for_project(project))
    ids = [s.id for s in first.dossier.sources]
    assert ids == ["aerger-streit-1-um-b-oel-b", "aerger-streit-1-um-b-oel-b-2"]
    assert ids == [s.id for s in second.dossier.sources]
    assert all(path.isascii() and " " not in path for path in first.site)


def test_an_exact_copy_counts_once_and_is_named(make_project, monkeypatch) -> None:
    seeds = seed_texts()
    name, text = next(iter(seeds.items()))
    project = make_project(
        {**seeds, "kopie.txt": text, "kopie-crlf.txt": text.replace("\n", "\r\n")}
    )
    monkeypatch.chdir(project)
    result = run_pipeline(Settings.for_project(project))
    assert len(result.dossier.sources) == 3
    assert sorted(str(d) for d in result.diagnostics) == [
        f"seeds/kopie-crlf.txt: exact copy of seeds/{name}; counted once as that source "
        "(delete one of the two files)",
        f"seeds/kopie.txt: exact copy of seeds/{name}; counted once as that source "
        "(delete one of the two files)",
    ]


# -- a defect in one article ----------------------------------------------------------------


class Fragile(RuleRecogniser):
    """A recogniser with a bug that shows on one article only."""

    def recognise(self, source):
        if "SPRENGSATZ" in source.title:
            raise ZeroDivisionError("division by zero")
        return super().recognise(source)


def defective_project(make_project, monkeypatch) -> Path:
    project = make_project({**seed_texts(), "defekt.txt": "SPRENGSATZ im Titel\n" + BODY})
    monkeypatch.chdir(project)  # files are shown as editors know them: seeds/…
    return project


def test_a_defect_in_analysis_costs_that_article_its_facts_only(make_project, monkeypatch) -> None:
    project = defective_project(make_project, monkeypatch)
    result = Pipeline(Settings.for_project(project), Fragile()).run()
    assert [str(d) for d in result.diagnostics] == [
        "seeds/defekt.txt: internal error while analysing this article (ZeroDivisionError: "
        "division by zero); please report it with the file; the text is shown without actors, "
        "dates and numbers"
    ]
    assert len(result.dossier.sources) == 4  # the text is still there
    defect = next(s for s in result.dossier.sources if s.file == "seeds/defekt.txt")
    assert not any(m.source == defect.id for a in result.dossier.actors for m in a.mentions)
    assert any(a.name == "Wladimir Putin" for a in result.dossier.actors)


def test_a_defect_in_linking_or_rendering_skips_that_article_only(
    make_project, monkeypatch
) -> None:
    from generator.render import site

    real = site.html_text

    def fragile(text: str) -> Markup:
        if "SPRENGSATZ" in text:
            raise KeyError("s99")
        return Markup(real(text))

    monkeypatch.setattr(site, "_escaped_text", fragile)
    project = defective_project(make_project, monkeypatch)
    result = run_pipeline(Settings.for_project(project))
    assert [str(d) for d in result.diagnostics] == [
        "seeds/defekt.txt: internal error while linking and rendering this article "
        "(KeyError: 's99'); please report it with the file"
    ]
    assert [d.level for d in result.diagnostics] == ["error"]
    assert len(result.dossier.sources) == 3
    assert any(path.startswith("quellen/krieg-in-der-ukraine") for path in result.site)


def test_a_defect_that_many_articles_meet_stops_the_build_as_the_generators(
    make_project, monkeypatch
) -> None:
    from generator import pipeline
    from generator.render import site

    real_text, real_link = site.html_text, pipeline.Pipeline._link
    links: list[int] = []

    def fragile(text: str) -> Markup:
        if "SPRENGSATZ" in text:
            raise KeyError("s99")
        return Markup(real_text(text))

    def counted(self, sources, *rest):
        links.append(len(sources))
        return real_link(self, sources, *rest)

    monkeypatch.setattr(site, "_escaped_text", fragile)
    monkeypatch.setattr(pipeline.Pipeline, "_link", counted)
    articles = {f"defekt{n}.txt": f"SPRENGSATZ Nummer {n}\n" + BODY for n in range(12)}
    project = make_project(articles)
    monkeypatch.chdir(project)
    with pytest.raises(DossierError, match="internal error while building the site"):
        run_pipeline(Settings.for_project(project))
    # five culprits found, then the search stops: not all twelve linked out one by one
    assert len(links) < 30, links


def test_a_broken_template_is_the_projects_fault_not_an_articles(make_project) -> None:
    project = make_project(seed_texts())
    (project / "templates" / "source.html.j2").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(DossierError, match=r"template source\.html\.j2"):
        run_pipeline(Settings.for_project(project))


def test_a_markdown_template_of_an_earlier_version_is_named_not_ignored(make_project) -> None:
    project = make_project(seed_texts())
    (project / "templates" / "actor.md.j2").write_text("# {{ actor.name }}\n", encoding="utf-8")
    with pytest.raises(DossierError, match=r"actor\.md\.j2: page templates are HTML now"):
        run_pipeline(Settings.for_project(project))


# -- editors' files ---------------------------------------------------------------------------


def curated(make_project, monkeypatch, text: str):
    project = make_project(seed_texts())
    monkeypatch.chdir(project)
    (project / "seeds" / "kuratierung.yml").write_text(text, encoding="utf-8")
    result = run_pipeline(Settings.for_project(project))
    described = {a.name: a.description for a in result.dossier.actors if a.description}
    return [str(d) for d in result.diagnostics], described


def test_broken_yaml_in_the_curation_file_costs_only_the_broken_entries(
    make_project, monkeypatch
) -> None:
    messages, described = curated(
        make_project,
        monkeypatch,
        "akteure:\n"
        "  - akteur: Wladimir Putin\n"
        "    beschreibung: Präsident Russlands.\n"
        "  - akteur: Nordkorea\n"
        "    name: [kaputt\n"
        "  - akteur: Kim Jong Un\n"
        '    beschreibung: "offen\n'
        "  - akteur: Russland\n"
        "    beschreibung: Ein Staat.\n"
        "quellen:\n"
        "  - quelle: 000_6a77eb0239d433f1.txt\n"
        "    veroeffentlicht: 2024-13-45\n",
    )
    assert described == {"Wladimir Putin": "Präsident Russlands.", "Russland": "Ein Staat."}
    assert [m.split(": ", 1)[0] for m in messages] == [
        "seeds/kuratierung.yml:5",
        "seeds/kuratierung.yml:7",
        "seeds/kuratierung.yml:12",
    ]
    assert "kein gültiges YAML" in messages[0] and "Eintrag übersprungen" in messages[0]
    assert messages[2].endswith("'veroeffentlicht: 2024-13-45' ist kein Datum (JJJJ-MM-TT)")


def test_curation_wrong_types_self_merge_cycle_and_missing_split(make_project, monkeypatch) -> None:
    messages, described = curated(
        make_project,
        monkeypatch,
        "akteure:\n"
        "  - akteur: Wladimir Putin\n"  # 2
        "    zusammenfuehren: [Putin]\n"
        "  - akteur: Nordkorea\n"  # 4
        "    zusammenfuehren: [Russland]\n"
        "  - akteur: Russland\n"  # 6
        "    zusammenfuehren: [Nordkorea]\n"
        "  - akteur: Kim Jong Un\n"  # 8
        "    abspalten: {alias: Gibt Es Nicht, name: Niemand}\n"
        "  - akteur: [Eins, Zwei]\n"  # 10
        "  - akteur: Kim Jong Un\n"  # 11
        "    art: &a [*a]\n"
        "  - nur ein Text\n"  # 13
        "  - akteur: Kim Jong Un\n"  # 14
        "    beschreibung: {text: x}\n"
        "  - akteur: Sergej Lawrow\n"  # 16
        "    beschreibung: Außenminister.\n"
        "ereignisse: 5\n",  # 18
    )
    assert messages == [
        "seeds/kuratierung.yml:10: 'akteur' muss ein einzelner Name sein, keine Liste",
        "seeds/kuratierung.yml:12: 'art: …' gibt es nicht; erlaubt: person, staat, organisation, ort",
        "seeds/kuratierung.yml:13: ein Eintrag in 'akteure' muss Felder haben, z. B. 'akteur: …'",
        "seeds/kuratierung.yml:15: 'beschreibung' muss ein Text sein (keine Liste, nicht leer)",
        "seeds/kuratierung.yml:18: 'ereignisse' muss eine Liste von Einträgen sein (Zeilen mit '- ')",
        "seeds/kuratierung.yml:3: 'Putin' ist 'Wladimir Putin' selbst; ein Akteur kann nicht mit "
        "sich selbst zusammengeführt werden",
        "seeds/kuratierung.yml:7: 'Russland' und 'Nordkorea' sind schon in Zeile 5 zu 'Nordkorea' "
        "zusammengeführt worden (Kreis); nichts zu tun",
        "seeds/kuratierung.yml:9: 'Kim Jong Un' hat keine Erwähnung als 'Gibt Es Nicht'",
    ]
    assert described == {"Sergej Lawrow": "Außenminister."}  # the rest still applies


def test_wiki_links_with_markup_do_not_inject(seed_result) -> None:
    index = LinkIndex(seed_result.dossier)
    text, problems = resolve_wikilinks(
        "[[Putin|<img src=x onerror=alert(1)>]] [[Putin|**fett** _kursiv_ {: #id }]] "
        "[[<script>alert(1)</script>]]",
        "notiz.md",
        index,
        "docs/notiz.md",
    )
    assert "<img" not in text and "<script" not in text and "**" not in text
    assert "_kursiv_" not in text and "{:" not in text
    assert text.count("](akteure/wladimir-putin.md)") == 2
    assert [p.message for p in problems] == ["Wiki-Link [[<script>alert(1)</script>]] unbekannt"]
