"""The Pagefind search behind Material's search box: what goes into its index, the worker
address in the pages, determinism (the browser checks are in test_browser.py)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from generator.faces import pagefind_search

PAGE = """<!doctype html><html lang="de"><head><title>{title}</title>
<script id="__config" type="application/json">{{"base": "..", "search": "../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}}</script>
</head><body><nav>Navigation Menü</nav><article class="md-content__inner md-typeset">
<h1 id="{slug}">{title}</h1><p>{text}</p>
<div data-search-exclude><p>Zitatwiederholung im Ausschluss</p></div>
<h2 id="abschnitt">Abschnitt</h2><p>Ein Absatz über Koalitionsverhandlungen.</p>
</article></body></html>"""


def tiny_site(folder: Path) -> Path:
    """Three pages; Material's search index holds two of them (and a section of one)."""
    pages = {
        "": ("Start", "Die Regierung tagt."),
        "quellen/eins/": ("Wahlen in Wien", "Die Wählerinnen entschieden über den Bürgermeister."),
        "geheim/": ("Ausgeschlossen", "Diese Seite schließt die Suche aus."),
    }
    for location, (title, text) in pages.items():
        path = folder / location / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, slug="titel", text=text), encoding="utf-8")
    index = {
        "config": {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Start", "text": "Die Regierung tagt."},
            {"location": "quellen/eins/", "title": "Wahlen in Wien", "text": "…"},
            {"location": "quellen/eins/#abschnitt", "title": "Abschnitt", "text": "…"},
        ],
    }
    (folder / "search").mkdir()
    (folder / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's stored pages (gzip with a marker in front of the JSON), by address."""
    stored = {}
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        stored[fragment["url"]] = fragment
    return stored


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_point_to_worker_replaces_materials_worker_only() -> None:
    html = '{"base": "../..", "search": "../../assets/javascripts/workers/search.a7633da7.min.js"}'
    assert pagefind_search.point_to_worker(html) == (
        '{"base": "../..", "search": "../../assets/javascripts/dossier-search.js"}'
    )
    root = '"search": "assets/javascripts/workers/search.0123abcd.min.js"'
    assert (
        pagefind_search.point_to_worker(root) == '"search": "assets/javascripts/dossier-search.js"'
    )
    other = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert pagefind_search.point_to_worker(other) == other
    # found from the end of the page; a later '"search": "' of something else is passed over
    later = f'<article>{"Text. " * 500}</article>{html}<script>x = {{"search": "a"}}</script>'
    assert pagefind_search.point_to_worker(later) == later.replace(
        "workers/search.a7633da7.min.js", "dossier-search.js"
    )


def test_indexed_pages_are_the_pages_of_materials_index_in_order() -> None:
    index = {
        "docs": [{"location": "b/"}, {"location": "b/#x"}, {"location": ""}, {"location": "b/#y"}]
    }
    assert pagefind_search.indexed_pages(index) == ["b/", ""]


def test_build_indexes_what_material_would_and_empties_the_lunr_documents(tmp_path: Path) -> None:
    site = tiny_site(tmp_path / "site")
    assert pagefind_search.build(site, "de") == 2
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 2
    stored = fragments(site)
    assert sorted(stored) == ["/", "/quellen/eins/"]  # not the page Material left out
    page = stored["/quellen/eins/"]
    assert page["meta"]["title"] == "Wahlen in Wien"
    assert "Bürgermeister" in page["content"] and "Koalitionsverhandlungen" in page["content"]
    assert "Zitatwiederholung" not in page["content"]  # data-search-exclude holds
    assert "Navigation" not in page["content"]  # only the article is indexed
    assert [a["id"] for a in page["anchors"] if a["element"] == "h2"] == ["abschnitt"]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["de"]


def test_build_is_deterministic(tmp_path: Path) -> None:
    first = tiny_site(tmp_path / "first")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    pagefind_search.build(first, "de")
    pagefind_search.build(second, "de")
    assert tree(first) == tree(second)


def test_preview_in_mkdocs_serve_keeps_lunr_unless_pagefind_is_asked_for() -> None:
    from types import SimpleNamespace

    from generator.faces.mkdocs_plugin import DossierPlugin

    config = SimpleNamespace(theme=SimpleNamespace(name="material"), plugins={"material/search": 1})
    chosen = {}
    for engine in ("auto", "pagefind"):
        for command in ("build", "serve"):
            plugin = DossierPlugin()
            assert plugin.load_config({"search_engine": engine}) == ([], [])
            plugin.result = SimpleNamespace(dossier=SimpleNamespace(sources=[1, 2, 3]))
            plugin.settings = SimpleNamespace(compact_above=1)  # a large dossier
            plugin.on_startup(command=command, dirty=False)
            chosen[(engine, command)] = plugin._use_pagefind(config)
    assert chosen == {
        ("auto", "build"): True,
        ("auto", "serve"): False,  # every save would index again
        ("pagefind", "build"): True,
        ("pagefind", "serve"): True,
    }


def pagefind_project(tmp_path: Path) -> Path:
    """A copy of the project that asks for Pagefind."""
    from .test_build import ROOT

    project = tmp_path / "project"
    project.mkdir()
    for item in ("mkdocs.yml", "docs", "seeds"):
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy)(ROOT / item, project / item)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      seeds: seeds\n", "      seeds: seeds\n      search_engine: pagefind\n"
        ),
        encoding="utf-8",
    )
    return project


def test_a_pagefind_build_skips_lunr_but_keeps_an_editors_exclusion(tmp_path: Path) -> None:
    from .test_build import mkdocs_build

    project = pagefind_project(tmp_path)
    (project / "docs" / "intern.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# Intern\n\nNur für die Redaktion.\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    stored = fragments(site)
    assert "/intern/" not in stored and (site / "intern" / "index.html").is_file()
    assert "/" in stored and any(url.startswith("/quellen/") for url in stored)
    assert any(url.startswith("/akteure/") for url in stored)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    # made from the converted pages while MkDocs wrote them: the index of the written pages
    written = tmp_path / "written"
    shutil.copytree(site, written)
    pagefind_search.build(written, "de", [url.lstrip("/") for url in stored])
    assert tree(written / "pagefind") == tree(site / "pagefind")


def test_a_theme_that_lays_out_the_article_itself_is_indexed_as_written(tmp_path: Path) -> None:
    from .test_build import mkdocs_build

    project = pagefind_project(tmp_path)
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ super() }}'
        "<p>Impressum der Redaktion Kellstadt</p>{% endblock %}\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "Kellstadt" in fragments(site)["/"]["content"]


def test_an_index_of_unchanged_pages_is_copied_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    from generator.cache import ResultCache

    cache = ResultCache(tmp_path / "cache")
    first = tiny_site(tmp_path / "first")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    pages = ["", "quellen/eins/"]
    assert pagefind_search.build(first, "de", pages, cache) == 2
    runs = []
    real = pagefind_search.subprocess.Popen
    monkeypatch.setattr(
        pagefind_search.subprocess, "Popen", lambda *a, **k: runs.append(a) or real(*a, **k)
    )
    assert pagefind_search.build(second, "de", pages, ResultCache(tmp_path / "cache")) == 2
    assert runs == [] and tree(first) == tree(second)  # same pages, same HTML: copied
    page = second / "quellen" / "eins" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Wien", "Graz"), encoding="utf-8")
    pagefind_search.build(second, "de", pages, ResultCache(tmp_path / "cache"))
    assert len(runs) == 1
    assert "Graz" in fragments(second)["/quellen/eins/"]["meta"]["title"]


def test_an_unchanged_index_is_moved_back_into_the_emptied_site(
    tmp_path: Path, monkeypatch
) -> None:
    from generator.cache import ResultCache

    site = tiny_site(tmp_path / "site")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = ["", "quellen/eins/"]
    cache = ResultCache(tmp_path / "cache")
    pagefind_search.build(site, "de", pages, cache)
    first = tree(site / "pagefind")
    written = []
    real = pagefind_search.Indexing._write
    monkeypatch.setattr(
        pagefind_search.Indexing, "_write", lambda self, i: written.append(1) or real(self, i)
    )

    def next_build() -> None:
        """As MkDocs does it: the index set aside, the site emptied, the pages written again."""
        aside = pagefind_search.SetAside(site, cache)
        shutil.rmtree(site)
        tiny_site(site)
        (site / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
        pagefind_search.build(site, "de", pages, cache, aside)

    next_build()
    assert written == [] and tree(site / "pagefind") == first  # moved back: nothing written
    assert not (cache.folder / "pagefind-of-the-site").exists()
    # a build killed after setting the index aside: the next one trusts nothing it finds
    pagefind_search.SetAside(site, cache)
    next_build()
    assert written == [1] and tree(site / "pagefind") == first  # written from the cache


def test_a_full_memory_folder_falls_back_to_the_temporary_folder(
    tmp_path: Path, monkeypatch
) -> None:
    site = tiny_site(tmp_path / "site")
    used = []
    real = pagefind_search._write_pages

    def full_in_memory(documents, folder):
        used.append(folder)
        if folder is not None:
            raise OSError(28, "No space left on device")
        return real(documents, folder)

    monkeypatch.setattr(pagefind_search, "_scratch", lambda size: str(tmp_path))
    monkeypatch.setattr(pagefind_search, "_write_pages", full_in_memory)
    assert pagefind_search.build(site, "de") == 2
    assert used == [str(tmp_path), None]
    assert sorted(fragments(site)) == ["/", "/quellen/eins/"]
