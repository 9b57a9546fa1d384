"""Pagefind behind Material's search box, for dossiers too large for lunr in the browser.

Material's search worker builds a lunr index of the whole site before its first answer
(6.5–9.1 s at 1,000 articles, README). Pagefind's index is split into chunks that the
browser loads only for the words asked for. The site gets:

- ``pagefind/``: the Pagefind index of exactly the pages that Material's search plugin
  would index (front-matter ``search: exclude`` holds), with the same excluded blocks
  (``data-search-exclude``); the plugin itself then indexes nothing, which saves it
  parsing every page;
- a worker (``assets/javascripts/dossier-search.js``) that speaks Material's worker
  messages and answers from Pagefind; every page's theme configuration points to it;
- ``search/search_index.json`` without its documents (Material's page script still loads
  it, for its configuration).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..cache import ResultCache, content_key, library_version

# what Pagefind indexes of a page: the article, without the blocks Material's search skips
_OPTIONS = (
    "--root-selector", "article.md-content__inner",
    "--exclude-selectors", "[data-search-exclude], a.headerlink",
)  # fmt: skip
WORKER = "assets/javascripts/dossier-search.js"
WORKER_SOURCE = Path(__file__).resolve().parent.parent / "assets" / "search-worker.js"
SEARCH_INDEX = "search/search_index.json"
# the worker address in the theme configuration of each page (Material's base.html)
_MATERIAL_WORKER = re.compile(
    r'("search": "[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"'
)


def worker_source() -> bytes:
    return WORKER_SOURCE.read_bytes()


def point_to_worker(html: str) -> str:
    """A page whose search box uses the Pagefind worker instead of Material's lunr worker."""
    return _MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{WORKER}"', html, count=1)


def indexed_pages(search_index: dict) -> list[str]:
    """The site addresses of the pages in Material's search index, in index order."""
    pages: dict[str, None] = {}
    for doc in search_index.get("docs", []):
        pages.setdefault(doc["location"].split("#", 1)[0], None)
    return list(pages)


def _html_file(site: Path, location: str) -> Path:
    return site / (
        location + "index.html" if location == "" or location.endswith("/") else location
    )


def _write_index(site: Path, pages: list[str], language: str) -> int:
    """Pagefind's command line over a folder holding (as links) just the given pages: it
    indexes 6,000 pages in seconds, where its Python API takes minutes."""
    with tempfile.TemporaryDirectory(prefix="dossier-pagefind-") as staging:
        count = 0
        for location in pages:
            path = _html_file(site, location)
            if not path.is_file():
                continue
            target = Path(staging) / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:  # another file system
                shutil.copyfile(path, target)
            count += 1
        output = site / "pagefind"
        shutil.rmtree(output, ignore_errors=True)
        command = [
            sys.executable, "-m", "pagefind", "--silent",
            "--site", staging,
            "--output-path", str(output),
            *_OPTIONS,
            "--force-language", language,
        ]  # fmt: skip
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise RuntimeError(f"pagefind failed: {(run.stderr or run.stdout).strip()}")
    return count


def build(
    site: Path, language: str, pages: list[str] | None = None, cache: ResultCache | None = None
) -> int:
    """Index the given site addresses (by default the pages of Material's search index) with
    Pagefind, then drop the documents from ``search_index.json``; the number of pages
    indexed. With a cache, an index of the same pages with the same HTML is copied from the
    build before instead of being made again."""
    index_path = site / SEARCH_INDEX
    search_index = json.loads(index_path.read_text(encoding="utf-8"))
    pages = indexed_pages(search_index) if pages is None else pages
    if cache is None:
        count = _write_index(site, pages, language)
    else:
        count = _cached_index(site, pages, language, cache)
    search_index["docs"] = []
    index_path.write_text(
        json.dumps(search_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return count


def _cached_index(site: Path, pages: list[str], language: str, cache: ResultCache) -> int:
    html = []
    for location in pages:
        path = _html_file(site, location)
        if path.is_file():
            html.append(f"{location} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    key = content_key(library_version("pagefind"), *_OPTIONS, language, "\n".join(html))
    kept = cache.get_latest("pagefind", key)
    output = site / "pagefind"
    if isinstance(kept, dict):
        shutil.rmtree(output, ignore_errors=True)
        made: set[Path] = set()
        for name, data in kept.items():
            target = output / name
            if target.parent not in made:  # thousands of files in a few folders
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(data)
        return len(html)
    count = _write_index(site, pages, language)
    cache.put_latest(
        "pagefind",
        key,
        {
            path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(output.rglob("*"))
            if path.is_file()
        },
    )
    return count
