"""The editors' workflow: commentary, wiki links, curation, orphans, live preview."""

from __future__ import annotations

import os
import re
import time

import pytest

from generator import Settings, run_pipeline

from .conftest import seed_texts, start_serve
from .test_build import mkdocs_build

pytestmark = pytest.mark.slow


def curated(make_project, curation: str, articles: dict[str, str] | None = None):
    project = make_project(articles or seed_texts())
    (project / "seeds" / "kuratierung.yml").write_text(curation, encoding="utf-8")
    return run_pipeline(Settings.for_project(project))


def messages(result) -> list[str]:
    return [str(d) for d in result.diagnostics]


# -- commentary ---------------------------------------------------------------------------


def test_commentary_keeps_title_front_matter_and_prose_and_gets_facts_at_marker(
    make_project, tmp_path
) -> None:
    project = make_project(seed_texts())
    page = project / "docs" / "akteure" / "wladimir-putin.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: Putin – unser Dossier\ndescription: Von der Redaktion\n---\n\n"
        "# Der Präsident\n\nEINLEITUNG der Redaktion.\n\n<!-- dossier -->\n\nSCHLUSSWORT der Redaktion.\n",
        encoding="utf-8",
    )
    before = page.read_bytes()
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "akteure" / "wladimir-putin" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<title>Putin – unser Dossier" in html
    assert 'content="Von der Redaktion"' in html
    body = html[html.index("EINLEITUNG") :]
    assert body.index("EINLEITUNG") < body.index("Erwähnungen") < body.index("SCHLUSSWORT")
    assert page.read_bytes() == before


def test_commentary_without_marker_gets_facts_appended(make_project, tmp_path) -> None:
    project = make_project(seed_texts())
    page = project / "docs" / "akteure" / "nordkorea.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Nordkorea\n\nHINTERGRUND der Redaktion.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "akteure" / "nordkorea" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") :]
    assert article.index("HINTERGRUND") < article.index("Erwähnungen")


# -- wiki links -----------------------------------------------------------------------------


def test_wiki_links_resolve_by_alias_with_custom_text_and_prefixes(make_project, tmp_path) -> None:
    project = make_project(seed_texts())
    (project / "docs" / "hintergrund.md").write_text(
        "# Hintergrund\n\nSiehe [[Wladimir Putin]], [[kim jong-un]] und [[Putin|der Präsident]].\n\n"
        "Dazu [[widerspruch:w-zahl-der-nordkoreanischen-soldaten]].\n\n`[[kein Link]]`\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "hintergrund" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../akteure/wladimir-putin/">Wladimir Putin</a>' in html
    assert '<a href="../akteure/kim-jong-un/">Kim Jong Un</a>' in html
    assert '<a href="../akteure/wladimir-putin/">der Präsident</a>' in html
    assert 'href="../widersprueche/#w-zahl-der-nordkoreanischen-soldaten"' in html
    assert "<code>[[kein Link]]</code>" in html


def test_unknown_and_ambiguous_wiki_links_are_warnings_with_file_and_line(
    make_project, tmp_path
) -> None:
    project = make_project(seed_texts())
    (project / "docs" / "notiz.md").write_text(
        "---\ntitle: Notiz\n---\n\n# Notiz\n\nZeile mit [[Wladimir Putn]].\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode != 0
    assert re.search(
        r"docs/notiz\.md:7: Wiki-Link \[\[Wladimir Putn\]\] unbekannt; in Frage kommen: Wladimir Putin",
        result.stderr,
    )


def test_ambiguous_alias_names_the_candidates(seed_result) -> None:
    from generator.render.wikilinks import LinkIndex, resolve_wikilinks

    index = LinkIndex(seed_result.dossier)
    index.actors["kim"] = index.actors["kim jong un"] + index.actors["kim jong il"]
    text, problems = resolve_wikilinks("Das sagte [[Kim]].", "notiz.md", index, "docs/notiz.md")
    assert text == "Das sagte Kim."
    assert (
        str(problems[0])
        == "docs/notiz.md:1: Wiki-Link [[Kim]] mehrdeutig; in Frage kommen: Kim Jong Il, Kim Jong Un"
    )


# -- curation ---------------------------------------------------------------------------------


def actor(result, name):
    return next((a for a in result.dossier.actors if a.name == name), None)


def test_curation_rename_kind_description_and_aliases(make_project) -> None:
    result = curated(
        make_project,
        """
akteure:
  - akteur: Kreml
    name: Kreml (Präsidialverwaltung)
    art: organisation
    beschreibung: Sitz des russischen Präsidenten.
    aliase_hinzu: [Moskauer Kreml]
  - akteur: Wladimir Putin
    aliase_weg: [Putin]
""",
    )
    assert messages(result) == []
    kreml = actor(result, "Kreml (Präsidialverwaltung)")
    assert kreml.description == "Sitz des russischen Präsidenten."
    assert "Moskauer Kreml" in kreml.aliases and "Kreml" in kreml.aliases
    assert "Putin" not in actor(result, "Wladimir Putin").aliases
    assert "Sitz des russischen Präsidenten." in result.site[f"akteure/{kreml.id}.md"]


def test_curation_merge_split_and_hide_actors(make_project) -> None:
    result = curated(
        make_project,
        """
akteure:
  - akteur: Russisches Parlament
    zusammenfuehren: [Oberhaus des russischen Parlaments]
  - akteur: Kim Jong Un
    abspalten: {alias: Kim, name: Kim (unklar)}
  - akteur: Ostasien
    ausblenden: true
""",
    )
    assert messages(result) == []
    parliament = actor(result, "Russisches Parlament")
    assert "Oberhaus des russischen Parlaments" in parliament.aliases
    assert actor(result, "Oberhaus des russischen Parlaments") is None
    assert actor(result, "Kim (unklar)") is not None
    assert not any(m.text == "Kim" for m in actor(result, "Kim Jong Un").mentions)
    assert actor(result, "Ostasien") is None
    assert not any("ostasien" in path for path in result.site)


def test_curation_source_metadata_changes_relative_dates(make_project) -> None:
    result = curated(
        make_project,
        """
quellen:
  - quelle: 002_0fdd52b2584aee5d.txt
    medium: Beispielsender
    url: https://example.org/pakt
    veroeffentlicht: 2024-06-20
    autor: Redaktion Beispiel
""",
    )
    source = next(s for s in result.dossier.sources if s.file.endswith("002_0fdd52b2584aee5d.txt"))
    assert (source.outlet, source.url, source.published, source.author) == (
        "Beispielsender",
        "https://example.org/pakt",
        "2024-06-20",
        "Redaktion Beispiel",
    )
    wednesday = [
        d for d in result.dossier.dates if d.source == source.id and d.phrase == "am Mittwoch"
    ]
    assert wednesday[0].date.iso == "2024-06-19"


def test_curation_verdict_and_hiding(make_project, tmp_path) -> None:
    texts = seed_texts()
    project = make_project(texts)
    plain = run_pipeline(Settings.for_project(project))
    event = next(e for e in plain.dossier.events if e.predicate == "veröffentlichen")
    dated = next(d for d in plain.dossier.discrepancies if d.kind == "date")
    (project / "seeds" / "kuratierung.yml").write_text(
        f"""
ereignisse:
  - ereignis: {event.id}
    ausblenden: true
widersprueche:
  - widerspruch: w-zahl-der-nordkoreanischen-soldaten
    urteil: etwa 11.000 nordkoreanische Soldaten
    begruendung: Neuere Schätzung.
    beleg: https://example.org/bericht
  - widerspruch: {dated.id}
    ausblenden: true
""",
        encoding="utf-8",
    )
    result = run_pipeline(Settings.for_project(project))
    assert [str(d) for d in result.diagnostics] == []
    assert event.id not in {e.id for e in result.dossier.events}
    (troops,) = result.dossier.discrepancies
    assert troops.status == "redaktionell geprüft"
    page = result.site["widersprueche/index.md"]
    assert "Redaktionell geprüft" in page and "Neuere Schätzung." in page
    assert "https://example.org/bericht" in page


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (
            "akteur:\n  - akteur: X\n",
            "kuratierung.yml:1: unbekannter Abschnitt 'akteur' (meinten Sie: akteure?)",
        ),
        (
            "akteure:\n  - akteur: Kreml\n    nmae: Neu\n",
            "kuratierung.yml:3: unbekanntes Feld 'nmae' in 'akteure' (meinten Sie: name?)",
        ),
        (
            "akteure:\n  - akteur: Kreml\n    art: firma\n",
            "kuratierung.yml:3: 'art: firma' gibt es nicht; erlaubt: person, staat, organisation, ort",
        ),
        (
            "quellen:\n  - quelle: 000_6a77eb0239d433f1.txt\n    veroeffentlicht: gestern\n",
            "kuratierung.yml:3: 'veroeffentlicht: gestern' ist kein Datum (JJJJ-MM-TT)",
        ),
        (
            "akteure:\n  - name: Neu\n",
            "kuratierung.yml:2: Eintrag ohne 'akteur': welches Element ist gemeint?",
        ),
        (
            "akteure:\n  - akteur: Kreml\n    aliase_hinzu: Kremlin\n",
            "kuratierung.yml:3: 'aliase_hinzu' muss eine Liste von Namen sein",
        ),
        (
            "widersprueche:\n  - widerspruch: w-zahl\n    beleg: example.org\n",
            "kuratierung.yml:3: 'beleg' muss eine Adresse mit http:// oder https:// sein",
        ),
        ("akteure: [\n", "kuratierung.yml:2: kein gültiges YAML"),
    ],
)
def test_curation_errors_name_file_line_and_closest_word(
    make_project, yaml_text: str, expected: str
) -> None:
    result = curated(make_project, yaml_text)
    assert any(expected in m for m in messages(result)), messages(result)
    assert all(d.level == "error" for d in result.diagnostics)
    assert len(result.dossier.sources) == 3  # the rest still builds


def test_stale_curation_entry_is_a_warning_with_candidates(make_project) -> None:
    result = curated(make_project, "akteure:\n  - akteur: Wladimir Putn\n    beschreibung: x\n")
    (diagnostic,) = result.diagnostics
    assert diagnostic.level == "warning"
    assert str(diagnostic).endswith(
        "kuratierung.yml:2: Akteur 'Wladimir Putn' nicht gefunden (meinten Sie: Wladimir Putin?); Eintrag ohne Wirkung"
    )


# -- orphans and nothing lost ----------------------------------------------------------------


def test_orphaned_commentary_builds_and_is_listed(make_project, tmp_path) -> None:
    project = make_project(seed_texts())
    orphan = project / "docs" / "akteure" / "gibt-es-nicht-mehr.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("# Alte Notiz\n\nTEXT bleibt.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (
        "akteure/gibt-es-nicht-mehr.md: Kommentar zu einer Seite, die es nicht mehr gibt"
        in result.stderr
    )
    assert "TEXT bleibt." in (
        tmp_path / "site" / "akteure" / "gibt-es-nicht-mehr" / "index.html"
    ).read_text(encoding="utf-8")
    editors = (tmp_path / "site" / "redaktion" / "index.html").read_text(encoding="utf-8")
    assert "Verwaiste Kommentare" in editors and "akteure/gibt-es-nicht-mehr.md" in editors
    assert orphan.is_file()
    assert mkdocs_build(project, tmp_path / "strict", "--strict").returncode != 0


# -- live preview -----------------------------------------------------------------------------


def test_serve_rebuilds_once_per_edit(make_project) -> None:
    project = make_project(seed_texts())
    process, lines = start_serve(project, 8700 + os.getpid() % 200)
    try:
        assert any("Serving on" in line for line in lines), "".join(lines)
        seed = next((project / "seeds").glob("000_*.txt"))
        time.sleep(3.0)  # MkDocs polls for changes; let it take its first snapshot
        # an editor's save: the new text replaces the file in one step (written next to the
        # project first, so that the watched folder sees one change only)
        draft = project / "entwurf.tmp"
        draft.write_text(
            seed.read_text(encoding="utf-8") + "\nEin neuer Absatz zur Lage.\n", encoding="utf-8"
        )
        os.replace(draft, seed)
        os.set_blocking(process.stdout.fileno(), False)
        # wait for the rebuild (slow machines: up to a minute), then long enough to see a
        # second one if there were a loop
        deadline = time.monotonic() + 60
        settle_until = None
        while time.monotonic() < (settle_until or deadline):
            chunk = process.stdout.readline()
            if chunk:
                lines.append(chunk)
                if "Building documentation" in chunk and settle_until is None:
                    settle_until = time.monotonic() + 8
            else:
                time.sleep(0.2)
        output = "".join(lines)
        after = output.split("Serving on", 1)[1]
        assert after.count("Building documentation") == 1, output
        assert "Detected file changes" in after
    finally:
        process.terminate()
        process.wait(timeout=10)
