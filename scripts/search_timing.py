"""Measure the site search of a built dossier in a real browser (Debian Chromium, headless).

    python scripts/search_timing.py SITE_DIR               # a site built by `dossier build`
    python scripts/search_timing.py SITE_DIR --runs 5 --query "Name"

Serves SITE_DIR on 127.0.0.1 and prints the size of the search index and, per query, the
time from opening the start page to the first search result (a fresh browser context
each run: nothing cached; the query is entered at once, as pasted, and one key pressed, so
the time includes fetching the index and building it in Material's search worker, or
loading Pagefind), the time from that keystroke to the result, then the time to a result
once the index is ready (the query typed letter by letter). The default queries are the
actor mentioned most often and one mentioned only once (from the site's dossier.json).
Prints figures; it is a script, not a timed test. Works with both engines behind Material's search box.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import statistics
import threading
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RESULT = ".md-search-result__item"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def default_queries(site: Path) -> list[str]:
    """The actor mentioned most often and the first (by name) mentioned once."""
    actors = json.loads((site / "dossier.json").read_text(encoding="utf-8"))["actors"]
    ranked = sorted(actors, key=lambda a: (-len(a["mentions"]), a["name"]))
    once = sorted((a for a in actors if len(a["mentions"]) == 1), key=lambda a: a["name"])
    queries = [ranked[0]["name"]] if ranked else []
    # a name of letters only: the search box splits on spaces and hyphens
    queries += [a["name"] for a in once if a["name"].replace(" ", "").isalpha()][:1]
    return queries


def first_result(browser, url: str, query: str) -> tuple[float, float, float, str]:
    """Seconds from opening the page to the first result, from the last keystroke of the
    query to it, then once more with the index ready; and the title of the first result."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.on(
        "request",
        lambda request: None if request.url.startswith(url) else outside.append(request.url),
    )
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        page.keyboard.press("/")
        search = page.locator("input.md-search__input")
        # the query entered at once (as pasted), then one keystroke: Material searches on key
        # events; typing letter by letter would add Playwright's typing time to the figure
        search.fill(query)
        search.press("End")
        typed = time.perf_counter()
        page.locator(RESULT).first.wait_for(timeout=120_000)
        cold = time.perf_counter() - started
        after_typing = time.perf_counter() - typed
        title = page.locator(RESULT).first.inner_text().split("\n", 1)[0]
        search.fill("")
        page.wait_for_timeout(500)
        started = time.perf_counter()
        search.press_sequentially(query)
        page.locator(RESULT).first.wait_for(timeout=120_000)
        warm = time.perf_counter() - started
    finally:
        context.close()
    if outside:
        raise SystemExit(f"requests outside the site: {outside[:3]}")
    return cold, after_typing, warm, title


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (with search/search_index.json)")
    parser.add_argument("--query", action="append", help="a search query (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (median shown)")
    args = parser.parse_args()
    site = args.site.resolve()
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    docs = json.loads(raw)["docs"]
    html_pages = sum(1 for _ in site.rglob("*.html"))
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    print(f"site: {html_pages} HTML pages, {site_bytes / 1e6:.1f} MB")
    print(
        f"search index: {len(raw) / 1e6:.2f} MB ({len(gzip.compress(raw)) / 1e6:.2f} MB gzipped),"
        f" {len(docs)} entries"
    )

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                for query in args.query or default_queries(site):
                    runs = [first_result(browser, url, query) for _ in range(args.runs)]
                    cold, typed, warm = (
                        statistics.median(run[column] for run in runs) for column in range(3)
                    )
                    print(
                        f"{query!r}: first result {cold:.2f} s after opening the page"
                        f" (runs: {', '.join(f'{run[0]:.2f}' for run in runs)}),"
                        f" {typed:.2f} s after the last keystroke"
                        f" (runs: {', '.join(f'{run[1]:.2f}' for run in runs)}),"
                        f" {warm:.2f} s with the index ready; first hit: {runs[0][3]!r}"
                    )
            finally:
                browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
