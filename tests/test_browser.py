"""A real browser (Debian Chromium, headless) uses the built site's search."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.render.site import initial

from .conftest import ROOT
from .test_build import mkdocs_build

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("browser-site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page(served_site: str):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


@pytest.mark.parametrize("query", ["Putin", "Nordkorea"])
def test_search_box_finds_the_actor(page, served_site: str, query: str) -> None:
    page.goto(served_site)
    page.keyboard.press("/")  # Material's shortcut that opens and focuses the search box
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible", timeout=10000)
    search.press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert query in page.locator(".md-search-result").inner_text()


def test_no_request_leaves_the_site_while_reading_it(page, served_site: str) -> None:
    """Start page, every section, an actor, a source, an event, search and the dark palette:
    every request the pages make goes to the site's own server."""
    requests: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    page.on("request", record)
    # requests elsewhere fail at once instead of waiting for the network (and still count)
    page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:)"), lambda route: route.abort())
    try:
        page.goto(served_site)
        page.wait_for_load_state("networkidle")
        for section in ("Quellen", "Akteure", "Ereignisse", "Widersprüche", "Überblick"):
            page.locator("a.md-nav__link:visible", has_text=section).first.click()
            page.wait_for_load_state("networkidle")
        for section, link in (
            ("akteure/", "akteure/wladimir-putin/"),
            ("quellen/", "quellen/"),
            ("ereignisse/", "ereignisse/"),
        ):
            page.goto(served_site + section)
            page.locator(f"article a[href*='{link.split('/')[0]}/'][href$='/']").nth(1).click()
            page.wait_for_load_state("networkidle")
        page.locator("label[for='__palette_1']").first.click()
        page.keyboard.press("/")
        page.locator("input.md-search__input").press_sequentially("Putin", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("request", record)
        page.unroute_all()
    local = [url for url in requests if url.startswith(served_site)]
    assert len(local) > 20  # the walk did load pages, styles, scripts and the search index
    assert [url for url in requests if not url.startswith((served_site, "data:", "blob:"))] == []


def test_an_actor_page_has_its_contents_and_a_quote_leads_to_its_sentence(
    page, served_site: str
) -> None:
    """The generated pages are HTML: their table of contents, permanent links and anchors
    come from the plugin, not from Markdown."""
    page.goto(served_site + "akteure/wladimir-putin/")
    contents = page.locator("nav.md-nav--secondary").first.text_content() or ""
    assert "Erwähnungen" in contents and "Ereignisse" in contents
    assert page.locator("h2#erwahnungen a.headerlink").count() == 1
    quote = page.locator("article li a", has_text="Satz").first
    anchor = (quote.get_attribute("href") or "").split("#", 1)[1]
    quote.click()
    page.wait_for_url(re.compile(rf"/quellen/[^/]+/#{anchor}$"), timeout=10000)
    sentence = page.locator(f"span.dossier-sentence#{anchor}")
    assert sentence.is_visible() and "Putin" in (sentence.text_content() or "")


def build_seeds_with(tmp_path_factory: pytest.TempPathFactory, name: str, option: str) -> Path:
    """The seeds built (--strict) with one more option of the dossier plugin; the site."""
    project = tmp_path_factory.mktemp(f"{name}-project")
    for item in ("mkdocs.yml", "docs", "seeds"):
        copy = shutil.copytree if (ROOT / item).is_dir() else shutil.copy
        copy(ROOT / item, project / item)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      seeds: seeds\n", f"      seeds: seeds\n      {option}\n"
        ),
        encoding="utf-8",
    )
    site = tmp_path_factory.mktemp(f"{name}-site")
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    return site


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def compact_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """The seeds built as a large dossier (compact_above: 0), served; with the name and
    entry address of an actor mentioned once."""
    site = build_seeds_with(tmp_path_factory, "compact", "compact_above: 0")
    actors = json.loads((site / "dossier.json").read_text(encoding="utf-8"))["actors"]
    minor = next(a for a in actors if len(a["mentions"]) == 1 and a["name"].isalpha())
    entry = f"weitere-akteure/{initial(minor['name'])}/#{minor['id']}"
    with serve(site) as url:
        yield url, minor["name"], entry


def test_search_finds_an_actor_without_a_page_of_its_own(page, compact_site) -> None:
    url, name, entry = compact_site
    page.goto(url)
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible", timeout=10000)
    search.press_sequentially(name, delay=30)
    path, anchor = entry.split("#")
    # search.highlight adds the query (?h=…) between the page and the anchor
    hit = page.locator(f".md-search-result__item a[href*='/{path}'][href$='#{anchor}']")
    hit.first.wait_for(timeout=15000)
    hit.first.click()
    page.wait_for_url(re.compile(f"/{re.escape(path)}.*#{re.escape(anchor)}$"))
    assert name in page.locator(f"[id='{anchor}']").inner_text()


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds, a small dossier, with Pagefind behind the search box (forced on), served."""
    site = build_seeds_with(tmp_path_factory, "pagefind", "search_engine: pagefind")
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    with serve(site) as url:
        yield url


# inflected forms that are not in the articles: they find the source by their stem
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Angriffsfalles", "Russland und Nordkorea versprechen sich gegenseitigen Schutz"),
        ("Ratifizierungen", "Die Ratifizierung des Verteidigungsvertrags"),
    ],
)
def test_pagefind_search_finds_an_inflected_form(page, pagefind_site, query, title) -> None:
    requests: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    page.on("request", record)
    try:
        page.goto(pagefind_site)
        page.keyboard.press("/")
        search = page.locator("input.md-search__input")
        search.wait_for(state="visible", timeout=10000)
        search.press_sequentially(query, delay=30)
        hit = page.locator(".md-search-result__item a[href*='/quellen/']", has_text=title)
        hit.first.wait_for(timeout=15000)
    finally:
        page.remove_listener("request", record)
    # the words found are marked in the entry of that page (its own text or its sections)
    source = page.locator("a[href*='/quellen/']", has_text=title)
    item = page.locator(".md-search-result__item", has=source)
    assert "<mark>" in item.first.inner_html().lower()
    assert any("/pagefind/" in url for url in requests)  # answered by Pagefind, not lunr
    assert [url for url in requests if not url.startswith(pagefind_site)] == []
