"""The MkDocs adapter: runs the pipeline inside ``mkdocs build`` and ``mkdocs serve``.

Generated pages are virtual files (``File.generated``); nothing is written into
``docs/``. An editor's page at the same path wins: the generated facts are
injected at ``<!-- dossier -->`` or appended. This is the only module that imports
MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .errors import DossierError
from .export import dossier_json
from .pipeline import Analysis, Pipeline, Result
from .render import Renderer
from .settings import Settings
from .wikilinks import LinkIndex, resolve_wikilinks

log = get_plugin_logger(__name__)

MARKER = "<!-- dossier -->"
ORPHANS_MARKER = "<!-- verwaiste-kommentare -->"
EDITORS_PAGE = "redaktion.md"
GENERATED_SECTIONS = ("quellen/", "akteure/", "ereignisse/", "widersprueche/")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

# Analyses survive the plugin instance: `mkdocs serve` loads the config (and with it a
# fresh plugin) on every rebuild, but unchanged articles need not be analysed again.
_ANALYSIS_CACHE: dict[str, Analysis] = {}


class DossierConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    templates = c.Type(str, default="templates")
    json = c.Type(str, default="dossier.json")
    model = c.Optional(c.Type(str))  # an installed spaCy pipeline, merged with the rules


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.result: Result | None = None
        self.settings: Settings | None = None
        self.links: LinkIndex | None = None
        self.orphans: list[str] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        root = Path(config.config_file_path or ".").resolve().parent
        self.settings = Settings(
            seeds_dir=(root / self.config.seeds).resolve(),
            templates_dir=(root / self.config.templates).resolve(),
            docs_dir=Path(config.docs_dir).resolve(),
            model=self.config.model,
        )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        pipeline = Pipeline(self.settings, cache=_ANALYSIS_CACHE)
        try:
            self.result = pipeline.run()
        except DossierError as error:
            raise _abort(str(error)) from error
        for diagnostic in self.result.diagnostics:
            if diagnostic.level == "info":
                log.info(str(diagnostic))
            else:
                log.warning(
                    f"{diagnostic} (article skipped)"
                    if diagnostic.level == "error"
                    else str(diagnostic)
                )
        self.links = LinkIndex(self.result.dossier)
        self.orphans = sorted(
            file.src_uri
            for file in files.documentation_pages()
            if file.generated_by is None
            and file.src_uri.startswith(GENERATED_SECTIONS)
            and file.src_uri not in self.result.site
        )
        for orphan in self.orphans:
            log.warning(
                f"{_docs_display(config, orphan)}: Kommentar zu einer Seite, die es nicht mehr "
                "gibt (verwaist); er bleibt als eigene Seite erhalten – siehe Seite 'Redaktion'"
            )
        for path, content in self.result.site.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """An editor's page at a generated path keeps its prose; the facts are injected."""
        if self.result is None or page.file.generated_by is not None:
            return None
        assert self.links is not None
        original = None
        if page.file.abs_src_path:
            original = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        markdown, problems = resolve_wikilinks(
            markdown,
            page.file.src_uri,
            self.links,
            _docs_display(config, page.file.src_uri),
            original,
        )
        for problem in problems:
            log.warning(str(problem))
        if page.file.src_uri == EDITORS_PAGE:
            markdown = _insert(markdown, ORPHANS_MARKER, self._orphans_section(page.file.src_uri))
        generated = self.result.site.get(page.file.src_uri)
        if generated is None:
            return markdown
        facts = _FRONT_MATTER.sub("", generated, count=1)
        facts = re.sub(r"\A\s*# [^\n]*\n", "", facts, count=1)  # the editor's title wins
        return _insert(markdown, MARKER, facts)

    def _orphans_section(self, page: str) -> str:
        assert self.settings is not None
        renderer = Renderer(self.settings.templates_dir)
        return renderer.render_page("orphans.md.j2", page, orphans=self.orphans)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        for folder in (self.settings.seeds_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.result is None:
            return
        target = Path(config.site_dir) / self.config.json
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dossier_json(self.result.dossier), encoding="utf-8")


def _insert(markdown: str, marker: str, content: str) -> str:
    """Generated content at the editor's marker, or after their text."""
    if marker in markdown:
        return markdown.replace(marker, content, 1)
    return markdown.rstrip("\n") + "\n\n" + content


def _docs_display(config: MkDocsConfig, src_uri: str) -> str:
    docs = Path(config.docs_dir)
    try:
        return (docs / src_uri).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return (docs / src_uri).as_posix()


def _abort(message: str) -> Exception:
    from mkdocs.exceptions import PluginError

    return PluginError(f"dossier: {message}")
