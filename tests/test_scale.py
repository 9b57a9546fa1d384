"""Large dossiers: actors mentioned once share pages by initial, the coverage matrix is paged.

The seeds stand in for a large dossier by setting the size limit (``compact_above``) low.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator import Settings, run_pipeline
from generator.render import site as site_module
from generator.render.site import initial

from .conftest import ROOT, seed_texts
from .links import assert_links_resolve, links_to
from .test_build import mkdocs_build


def compact_result(compact_above: int | None = 0):
    # no disk cache: tests here patch the renderer, whose output the cache would keep
    settings = replace(Settings.for_project(ROOT), compact_above=compact_above, cache_dir=None)
    return run_pipeline(settings)


def test_actors_mentioned_once_have_no_page_but_an_entry_with_their_sentence() -> None:
    result = compact_result()
    dossier, site = result.dossier, result.site
    once = [a for a in dossier.actors if len(a.mentions) == 1]
    more = [a for a in dossier.actors if len(a.mentions) > 1]
    assert once and more
    index = site["akteure/index.md"]
    for actor in more:
        assert f"akteure/{actor.id}.md" in site
    for actor in once:
        assert f"akteure/{actor.id}.md" not in site
        letter_page = f"weitere-akteure/{initial(actor.name)}.md"
        entry = site[letter_page].split(f'<h3 id="{actor.id}">', 1)[1].split("\n<h3 ", 1)[0]
        mention = actor.mentions[0]
        assert f"<strong>{mention.text}</strong>" in entry  # the sentence, the name in bold
        assert f'href="../../quellen/{mention.source}/#{mention.sentence}"' in entry
        assert links_to(site, "akteure/index.md", letter_page)
        # the source page links the mention to the entry
        assert links_to(site, f"quellen/{mention.source}.md", letter_page, actor.id)
    assert ">Weitere Akteure</h2>" in index
    assert_links_resolve(site)


def test_small_dossier_keeps_every_actor_page() -> None:
    result = compact_result(compact_above=3)  # the seeds are 3 sources: not above 3
    assert not any(path.startswith("weitere-akteure/") for path in result.site)
    for actor in result.dossier.actors:
        assert f"akteure/{actor.id}.md" in result.site


def test_an_editors_page_keeps_the_actor_its_own_page(make_project) -> None:
    project = make_project(seed_texts())
    plain = run_pipeline(replace(Settings.for_project(project), compact_above=0))
    actor = next(a for a in plain.dossier.actors if len(a.mentions) == 1)
    assert f"akteure/{actor.id}.md" not in plain.site
    (project / "docs" / "akteure").mkdir()
    (project / "docs" / "akteure" / f"{actor.id}.md").write_text("Kommentar.\n", encoding="utf-8")
    kept = run_pipeline(replace(Settings.for_project(project), compact_above=0))
    assert f"akteure/{actor.id}.md" in kept.site
    assert f"#{actor.id}" not in "".join(kept.site.values())
    assert_links_resolve(kept.site)


def matrix_cells(site: dict[str, str]) -> list[tuple[str, str]]:
    """(event, source) of every tick of every matrix page."""
    cells = []
    for path, text in site.items():
        if not path.startswith("wer-berichtet-was/"):
            continue
        numbers = dict(
            re.findall(r'<strong>Q(\d+)</strong>: <a href="\.\./\.\./quellen/([^/]+)/"', text)
        )
        columns = [numbers[q] for q in re.findall(r"Q(\d+)</th>", header_of(text))]
        for row in rows_of(text):
            event = re.match(r'<tr><td><a href="\.\./\.\./ereignisse/([^/]+)/"', row).group(1)
            cells_of_row = re.findall(r"<td[^>]*>(.*?)</td>", row)[2:]
            assert len(cells_of_row) == len(columns)
            for source, cell in zip(columns, cells_of_row, strict=True):
                if cell != "–":
                    cells.append((event, source))
    return cells


def header_of(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("<tr><th>Ereignis</th>"))


def rows_of(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("<tr><td>")]


@pytest.mark.parametrize("compact_above", [0, None])
def test_coverage_matrix_is_paged_within_its_bounds(monkeypatch, compact_above) -> None:
    monkeypatch.setattr(site_module, "MATRIX_EVENTS_PER_PAGE", 2)
    monkeypatch.setattr(site_module, "MATRIX_SOURCES_PER_PAGE", 2)
    result = compact_result(compact_above)
    site, dossier = result.site, result.dossier
    pages = sorted(p for p in site if p.startswith("wer-berichtet-was/"))
    assert len(pages) >= 2
    events_page = site["ereignisse/index.md"]
    for page in pages:
        assert links_to(site, "ereignisse/index.md", page)
        text = site[page]
        assert len(re.findall(r"Q\d+", header_of(text))) <= 2
        assert len(rows_of(text)) <= 2
        assert "search:\n  exclude: true" in text
    shown = [
        e for e in dossier.events if compact_above is None or len(e.sources) - len(e.copies) >= 2
    ]
    assert shown
    expected = sorted((e.id, s) for e in shown for s in e.sources)
    assert sorted(matrix_cells(site)) == expected  # every report once, nothing else
    assert "<th>Ereignis</th>" not in events_page  # no matrix left on the events page
    assert_links_resolve(site)


def test_the_start_page_of_a_large_dossier_lists_the_newest_sources(monkeypatch) -> None:
    monkeypatch.setattr(site_module, "START_SOURCES", 2)
    large = compact_result(compact_above=0)
    start = large.site["index.md"]
    section = start.split(">Quellen</h2>", 1)[1].split("\n<h2 ", 1)[0]
    listed = re.findall(r'<li><a href="quellen/([^"]+)/"', section)
    newest = sorted(large.dossier.sources, key=lambda s: s.published or "", reverse=True)[:2]
    assert listed == [s.id for s in newest]
    assert "Die 2 neuesten von 3 Quellen" in section and 'href="quellen/"' in section
    small = compact_result(compact_above=None).site["index.md"]
    assert len(re.findall(r'<li><a href="quellen/', small.split(">Quellen</h2>", 1)[1])) == 3


def test_small_matrix_stays_on_the_events_page() -> None:
    site = compact_result(compact_above=None).site
    assert not any(p.startswith("wer-berichtet-was/") for p in site)
    page = site["ereignisse/index.md"]
    assert '<h2 id="wer-berichtet-was" data-search-exclude>Wer berichtet was</h2>' in page


@pytest.mark.slow
def test_strict_build_of_a_large_dossier_links_every_actor(make_project, tmp_path: Path) -> None:
    project = make_project(seed_texts())
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            # lunr: the assertions below read Material's search index
            "      seeds: seeds\n",
            "      seeds: seeds\n      compact_above: 1\n      search_engine: lunr\n",
        ),
        encoding="utf-8",
    )
    dossier = run_pipeline(replace(Settings.for_project(project), compact_above=1)).dossier
    minor = next(a for a in dossier.actors if len(a.mentions) == 1 and " " not in a.name)
    (project / "docs" / "notiz.md").write_text(
        f"# Notiz\n\nSiehe [[{minor.name}]].\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert not (site / "akteure" / minor.id).exists()
    letter = initial(minor.name)
    html = (site / "weitere-akteure" / letter / "index.html").read_text(encoding="utf-8")
    assert f'id="{minor.id}"' in html
    note = (site / "notiz" / "index.html").read_text(encoding="utf-8")
    assert f'href="../weitere-akteure/{letter}/#{minor.id}"' in note
    # search finds the actor under its name, at its entry
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(
        d["location"] == f"weitere-akteure/{letter}/#{minor.id}" and d["title"] == minor.name
        for d in docs
    )
    assert not any(d["location"].startswith("wer-berichtet-was/") for d in docs)
