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

Pagefind reads only a page's article. So the plugin starts it on the converted pages'
articles before MkDocs writes the pages, and it indexes while they are written (the
index is the same as the written pages'); a project whose theme lays out the article
itself has its written pages indexed after the build.
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
# in the cache: the key of the index in the site, and the folder it is moved aside into
_IN_SITE = "in-site"
_ASIDE = "pagefind-of-the-site"
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
    # the theme's configuration is at the end of the page: looked for from there first
    # (scanning every page of a large site from its start cost 0.07 s at 2,000 pages)
    start = html.rfind('"search": "')
    found = _MATERIAL_WORKER.match(html, start) if start >= 0 else None
    if found is not None:
        return f'{html[:start]}{found.group(1)}{WORKER}"{html[found.end() :]}'
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


def article_document(title: str, content: str, language: str) -> str:
    """What Pagefind reads of a page, without the theme around it: the article as Material's
    ``partials/content.html`` shows it (a heading of the page title where the content has
    none), in the element Pagefind is told to index. Its index of these is the index of the
    built pages, made before they are written."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"></head><body>'
        f'<article class="md-content__inner md-typeset">{heading}{content}</article>'
        "</body></html>"
    )


class Indexing:
    """One Pagefind index of a site, made by Pagefind's command line in a process of its
    own: started with the pages' HTML, finished after the site is written (MkDocs writes
    its pages in the meantime). Pagefind indexes 6,000 pages in seconds, where its Python
    API takes minutes. With a cache, an index of the same pages with the same HTML is
    copied from the build before instead of being made again."""

    def __init__(
        self,
        site: Path,
        pages: dict[str, str],
        language: str,
        cache: ResultCache | None = None,
        aside: SetAside | None = None,
    ) -> None:
        """``pages``: the HTML to index by site address, in build order; ``aside``: the
        last build's index, moved out of the site before MkDocs emptied it."""
        self.site = site
        self.aside = aside
        self.output = site / "pagefind"
        self.count = len(pages)
        self.cache = cache
        self.staging: Path | None = None
        self.process: subprocess.Popen[str] | None = None
        self.kept: dict[str, bytes] | None = None
        documents = {location: html.encode("utf-8") for location, html in pages.items()}
        self.key = content_key(
            library_version("pagefind"),
            *_OPTIONS,
            language,
            "\n".join(
                f"{loc} {hashlib.sha256(data).hexdigest()}" for loc, data in documents.items()
            ),
        )
        if cache is not None:
            kept = cache.get_latest("pagefind", self.key)
            self.kept = kept if isinstance(kept, dict) else None
        shutil.rmtree(self.output, ignore_errors=True)
        if self.kept is None:
            self._start(documents, language)

    def _start(self, documents: dict[str, bytes], language: str) -> None:
        """Pagefind over the documents, written to a folder in memory where the system has
        one (creating thousands of files on a disk costs seconds), into the site."""
        size = sum(len(data) for data in documents.values())
        try:
            self.staging = _write_pages(documents, _scratch(size))
        except OSError:  # the memory folder is full after all (a container's small one)
            self.staging = _write_pages(documents, None)
        command = [
            *_pagefind_command(), "--silent",
            "--site", str(self.staging),
            "--output-path", str(self.output),
            *_OPTIONS,
            "--force-language", language,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_pagefind_env()
        )

    def finish(self) -> int:
        """Wait for the index (``pagefind/`` in the site) and empty the documents of
        Material's ``search_index.json``; the number of pages indexed."""
        try:
            if self.kept is not None:
                if not (self.aside is not None and self.aside.restore(self.key, self.output)):
                    self._write(self.kept)
            else:
                self._wait()
            if self.cache is not None:
                self.cache.put("pagefind", _IN_SITE, self.key)
            _empty_search_index(self.site)
            return self.count
        finally:
            self.cancel()

    def _write(self, index: dict[str, bytes]) -> None:
        made: set[Path] = set()
        for name, data in index.items():
            target = self.output / name
            if target.parent not in made:  # thousands of files in a few folders
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(data)

    def cancel(self) -> None:
        """Stop the indexer if it still runs and remove its pages."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.aside is not None:
            self.aside.drop()

    def _wait(self) -> None:
        assert self.process is not None
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            shutil.rmtree(self.output, ignore_errors=True)
            raise RuntimeError(f"pagefind failed: {(stderr or stdout).strip()}")
        if self.cache is not None:
            index = {
                path.relative_to(self.output).as_posix(): path.read_bytes()
                for path in sorted(self.output.rglob("*"))
                if path.is_file()
            }
            self.cache.put_latest("pagefind", self.key, index)


class SetAside:
    """The last build's index, kept out of MkDocs' way while it empties the site: moved into
    the cache folder in one rename, and moved back if this build's index is the same
    (deleting and writing its thousands of files again costs seconds on a disk).

    What the site holds is known by a note in the cache, written once an index is complete
    and taken away when the index is moved aside: an index left half-written by a killed
    build is never moved back."""

    def __init__(self, site: Path, cache: ResultCache) -> None:
        self.folder: Path | None = None
        self.key: str | None = None
        if cache.folder is None or not cache.folder.is_dir():
            return
        folder = cache.folder / _ASIDE
        shutil.rmtree(folder, ignore_errors=True)  # of a build that did not finish
        note = cache.get("pagefind", _IN_SITE)
        index = site / "pagefind"
        if not isinstance(note, str) or not note or not index.is_dir():
            return
        cache.put("pagefind", _IN_SITE, "")
        try:
            index.rename(folder)
        except OSError:  # another file system: MkDocs deletes it with the site
            return
        self.folder, self.key = folder, note

    def restore(self, key: str, output: Path) -> bool:
        """Move the index back to ``output`` if it is the index of ``key``."""
        if self.folder is None or key != self.key:
            return False
        shutil.rmtree(output, ignore_errors=True)
        try:
            self.folder.rename(output)
        except OSError:
            return False
        self.folder = None
        return True

    def drop(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _write_pages(documents: dict[str, bytes], folder: str | None) -> Path:
    """The documents as files of a new folder in ``folder`` (None: the temporary folder)."""
    staging = Path(tempfile.mkdtemp(prefix="dossier-pagefind-", dir=folder))
    try:
        # in one order: Pagefind numbers pages in the order the folder lists them, and a
        # folder in memory lists them in the order they were made
        for location, data in sorted(documents.items()):
            target = _html_file(staging, location)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _pagefind_command() -> list[str]:
    """Pagefind's program itself where ``pagefind[bin]`` installed it (``python -m pagefind``
    starts Python only to look it up, 0.1 s of a core); else Pagefind's own launcher."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except Exception:  # another packaging of Pagefind: its launcher finds the program
        return [sys.executable, "-m", "pagefind"]


def _pagefind_env() -> dict[str, str]:
    """Pagefind's environment: one arena for its allocator (jemalloc, configured by
    ``_RJEM_MALLOC_CONF``). With one per thread, indexing 2,000 pages cost 0.7 s more of the
    system's time (1.3 against 0.6 s; 0.2 s less of its own); a setting of the user's stays."""
    return {"_RJEM_MALLOC_CONF": "narenas:1", **os.environ}


def _scratch(size: int) -> str | None:
    """A folder in memory for short-lived files (Linux: ``/dev/shm``) with room for twice
    ``size`` bytes; else None, the system's temporary folder."""
    memory = Path("/dev/shm")
    try:
        usable = memory.is_dir() and os.access(memory, os.W_OK | os.X_OK)
        return str(memory) if usable and shutil.disk_usage(memory).free > 2 * size else None
    except OSError:
        return None


def build(
    site: Path,
    language: str,
    pages: list[str] | None = None,
    cache: ResultCache | None = None,
    aside: SetAside | None = None,
) -> int:
    """Index the given site addresses of a written site (by default the pages of Material's
    search index) with Pagefind, then drop the documents from ``search_index.json``; the
    number of pages indexed."""
    search_index = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    pages = indexed_pages(search_index) if pages is None else pages
    html = {
        location: _html_file(site, location).read_text(encoding="utf-8")
        for location in pages
        if _html_file(site, location).is_file()
    }
    return Indexing(site, html, language, cache, aside).finish()


def _empty_search_index(site: Path) -> None:
    """Material's page script still loads ``search_index.json``, for its configuration."""
    index_path = site / SEARCH_INDEX
    search_index = json.loads(index_path.read_text(encoding="utf-8"))
    search_index["docs"] = []
    index_path.write_text(
        json.dumps(search_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
