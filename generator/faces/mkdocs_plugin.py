"""The MkDocs adapter: runs the pipeline inside ``mkdocs build`` and ``mkdocs serve``.

Generated pages are virtual files (``File.generated``); nothing is written into
``docs/``. They are HTML already: MkDocs takes them as they are, without converting
Markdown. An editor's page at the same path wins: the generated facts are injected at
``<!-- dossier -->`` or appended. This is the only module that imports MkDocs.
"""

from __future__ import annotations

import difflib
import gc
import html
import logging
import os
import posixpath
import re
import threading
import weakref
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..cache import ResultCache
from ..errors import DossierError
from ..ingest.articles import ARTICLE_SUFFIXES, IngestError, decode
from ..model import Dossier
from ..parallel import Background, Stream
from ..pipeline import Pipeline, Result, preload
from ..render.commentary import Commentary, find_orphans
from ..render.html import anchor_ids, toc_tokens, with_permalinks
from ..render.site import DEFAULT_TEMPLATES, STYLESHEET, Renderer, assets
from ..render.wikilinks import LinkIndex
from ..settings import COMPACT_ABOVE, DEFAULT_CACHE, PARALLEL_FROM, Limits, Settings
from . import pagefind_search
from .export import dossier_json
from .theme_templates import THEME_PAGES, CompiledAhead, compile_ahead, compile_templates

log = get_plugin_logger(__name__)

# Articles read and analysed stay in memory for the life of the process: every build in it
# (each rebuild of `mkdocs serve`, builds in tests) finds them without reading the disk.
_MEMORY: dict[str, Any] = {}

# rendering a page with the theme costs about a fifth of analysing an article: pages are
# rendered by a pool where this many times ``parallel_from`` of them are to be rendered
PAGES_PER_ARTICLE = 5

# Material's templates that lay out a page's article (``partials/content.html`` and the
# templates that include it)
_ARTICLE_TEMPLATES = ("main.html", "base.html", "partials/content.html")

# The template of a generated page that a pool has rendered: it prints what the pool made.
_RENDERED = "dossier-rendered-by-pool.html"
# Plugins whose `page_context` events may run in a worker as well as here: they keep no
# state that a page's output depends on (search indexes the page's content; this plugin).
# The search plugins' indexes are not kept in the workers: they index nothing there.
_SEARCH_PLUGINS = ("mkdocs.contrib.search", "material.plugins.search")
_PAGE_CONTEXT_SAFE = (*_SEARCH_PLUGINS, __name__)

# a link within the site: neither to an anchor of the page itself, nor with a scheme (https:)
_RELATIVE_HREF = re.compile(r'href="([^"#:/][^"#:]*)[#"]')

# Markdown extensions every dossier's editors may use in their pages, whatever the project's
# mkdocs.yml lists (MkDocs adds toc and tables itself): anchors and classes in braces,
# boxes such as "Hinweis".
MARKDOWN_EXTENSIONS = ("attr_list", "admonition")


class DossierConfig(base.Config):
    """The plugin's options (documented in the README); paths are relative to mkdocs.yml."""

    seeds = c.Type(str, default="seeds")  # folder of articles
    # the project's own templates, each overriding the packaged one of that name; by default
    # templates/ next to mkdocs.yml if it exists; a folder given here must exist
    templates = c.Optional(c.Dir(exists=True))
    title = c.Optional(c.Type(str))  # the dossier's name; default: site_name
    json = c.Type(str, default="dossier.json")  # written to the site root
    model = c.Optional(c.Type(str))  # an installed spaCy pipeline, merged with the rules
    # no request leaves the site: the theme's web fonts and CDN scripts are switched off
    private = c.Type(bool, default=True)
    # above this many sources, actors mentioned once share pages by initial and the coverage
    # matrix keeps to events reported by several sources (README, "Große Dossiers")
    compact_above = c.Type(int, default=COMPACT_ABOVE)
    # folder of the analysis cache (false: none); outside docs/ and the articles' folder
    cache = c.Type((str, bool), default=DEFAULT_CACHE)
    workers = c.Type(int, default=os.cpu_count() or 1)  # processes that analyse articles
    parallel_from = c.Type(int, default=PARALLEL_FROM)  # articles to analyse for a pool to pay
    # the engine behind Material's search box: lunr in the browser, or Pagefind's chunked
    # index; auto = Pagefind for a large dossier (README, "Große Dossiers")
    search_engine = c.Choice(("auto", "lunr", "pagefind"), default="auto")

    # limits per article (README, "Was passiert bei kaputten Dateien")
    max_article_bytes = c.Type(int, default=Limits().max_article_bytes)
    max_paragraph_chars = c.Type(int, default=Limits().max_paragraph_chars)
    max_sentence_chars = c.Type(int, default=Limits().max_sentence_chars)


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.result: Result | None = None
        self.pipeline: Pipeline | None = None  # of the last build: what it analysed, timings
        # `mkdocs serve --dirty`: the pages of the last build, so that only changed ones are
        # rendered again (the plugin object lives as long as the server: it has on_startup)
        self.dirty = False
        self.previous_site: dict[str, str] = {}
        self.settings: Settings | None = None
        self.commentary: Commentary | None = None
        self.pagefind = False
        self.search_pages: list[str] = []  # site addresses for Pagefind, in build order
        self.indexing: pagefind_search.Indexing | None = None  # started before pages are written
        self.pagefind_aside: pagefind_search.SetAside | None = None
        self.rendered_pages: _RenderedPages | None = None
        # the dossier's JSON and its cache entry, written by a forked process while MkDocs
        # builds the navigation and writes the pages
        self.writes: Background | None = None
        self.nav: Any = None
        self.serving = False
        self.theme_ahead: CompiledAhead | None = None  # see theme_templates
        self.collecting: bool | None = None  # whether the collector ran before the build

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """The last build's Pagefind index, moved out of the site that MkDocs empties now."""
        self.pagefind_aside = None
        cache = self._pagefind_cache()
        if cache is not None and not self.serving:
            self.pagefind_aside = pagefind_search.SetAside(Path(config.site_dir), cache)

    def on_shutdown(self) -> None:
        self._resume_collector()  # a build that never got to its end
        # The process ends: its last garbage collection need not walk every object of the
        # build (a third of a second after a 300-article build).
        gc.freeze()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty and command == "serve"
        # an editor's preview: indexing with Pagefind on every save costs seconds; lunr
        # answers there unless Pagefind was asked for by name
        self.serving = command == "serve"

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, Exception | str]]]:
        """MkDocs only warns about an unknown option; a typo here is an error that names
        the closest valid option."""
        errors, warnings = super().load_config(options, config_file_path)
        known = [name for name, _ in self.config_class._schema]
        for key in sorted(set(options) - set(known)):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            errors.append((key, ValidationError(f"unknown option '{key}'{hint}")))
        return errors, [(key, w) for key, w in warnings if key in known]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        root = Path(config.config_file_path or ".").resolve().parent
        templates = self.config.templates
        if templates is None and (root / "templates").is_dir():
            templates = str(root / "templates")
        seeds = (root / self.config.seeds).resolve()
        self.settings = Settings(
            seeds_dir=seeds,
            templates_dir=Path(templates).resolve() if templates else None,
            title=self.config.title or config.site_name,
            docs_dir=Path(config.docs_dir).resolve(),
            model=self.config.model,
            limits=_limits(self.config),
            compact_above=self.config.compact_above,
            directory_urls=config.use_directory_urls,
            cache_dir=_cache_dir(self.config.cache, root, config, seeds),
            workers=max(1, self.config.workers),
            parallel_from=self.config.parallel_from,
        )
        _add_markdown_extensions(config)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.config.private:
            _keep_private(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        self._pause_collector()
        self.theme_ahead = None
        # the linked dossier is written to the cache in on_post_build, while Pagefind ends
        pipeline = Pipeline(
            self.settings,
            cache=ResultCache(self.settings.cache_dir, _MEMORY),
            defer_writes=True,
            while_reading=partial(self._compile_theme_ahead, config),
        )
        self.pipeline = pipeline
        try:
            self.result = pipeline.run()
        except DossierError as error:
            raise _abort(str(error)) from error
        except Exception as error:  # a defect, not a bad input file: a message, no traceback
            log.debug("dossier: internal error", exc_info=True)
            raise _abort(
                f"internal error ({type(error).__name__}: {error}); please report it"
            ) from error
        log.info(_cache_report(pipeline, len(self.result.dossier.sources)))
        self.writes = Background(
            partial(
                _write_results,
                Path(config.site_dir) / self.config.json,
                self.result.dossier,
                pipeline,
            )
        )
        for diagnostic in self.result.diagnostics:
            if diagnostic.level == "info":
                log.info(str(diagnostic))
            else:
                skipped = diagnostic.level == "error" and diagnostic.path.lower().endswith(
                    ARTICLE_SUFFIXES
                )
                log.warning(f"{diagnostic} (article skipped)" if skipped else str(diagnostic))
        for file in files.documentation_pages():
            if file.generated_by is None and file.abs_src_path:
                _read_in_any_encoding(file, config)
        orphans = find_orphans(
            (f.src_uri for f in files.documentation_pages() if f.generated_by is None),
            self.result.site,
        )
        self.commentary = Commentary(
            self.result.site,
            LinkIndex(self.result.dossier, self.result.site),
            Renderer(
                self.settings.templates_dir,
                self.settings.title,
                self.settings.directory_urls,
            ),
            orphans,
        )
        for orphan in orphans:
            log.warning(
                f"{_docs_display(config, orphan)}: Kommentar zu einer Seite, die es nicht mehr "
                "gibt (verwaist); er bleibt als eigene Seite erhalten – siehe Seite 'Redaktion'"
            )
        for path, data in assets().items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=data))
        self.pagefind = self._use_pagefind(config)
        self.search_pages = []
        if self.pagefind:
            files.append(
                File.generated(
                    config, pagefind_search.WORKER, content=pagefind_search.worker_source()
                )
            )
        previous = self.previous_site if self.dirty else {}
        for path, content in self.result.site.items():
            changed = previous.get(path) != content
            file = files.get_file_from_path(path)
            if file is None:
                file = _GeneratedPage.generated(config, path, content=content)
                file.changed = changed
                files.append(file)
            elif changed and self.dirty:  # an editor's page, with new generated facts in it
                file.is_modified = _always  # type: ignore[method-assign]
            if posixpath.basename(path) != "index.md":
                # reached through the section pages: no nav entry, no "not in nav" report
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self.previous_site = dict(self.result.site)
        return files

    def _compile_theme_ahead(self, config: MkDocsConfig) -> None:
        """The theme's templates, compiled while other processes read the articles."""
        try:
            self.theme_ahead = compile_ahead(config.theme.get_env())
        except Exception:  # only a head start: MkDocs compiles them when it needs them
            self.theme_ahead = None

    @event_priority(-100)  # after other plugins have changed the site's files
    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        urls = frozenset(file.url for file in files)
        for file in files.documentation_pages():
            if isinstance(file, _GeneratedPage) and type(file.page) is Page:
                # the page MkDocs made (with its title in the nav, if it has one), told
                # that its source is HTML already
                file.page.__class__ = _HtmlPage
                file.page.site_urls = urls  # type: ignore[attr-defined]
        self.nav = nav
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """An editor's page: wiki links resolved, generated facts injected."""
        if self.commentary is None or page.file.generated_by is not None:
            return None
        original = None
        display = _docs_display(config, page.file.src_uri)
        if page.file.abs_src_path:
            try:
                original = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                log.warning(f"{display}: cannot be read again ({error}); line numbers may be off")
        try:
            merged = self.commentary.merge(page.file.src_uri, markdown, display, original)
        except Exception as error:  # a defect costs this page its merge, not the build
            log.warning(
                f"{display}: internal error ({type(error).__name__}: {error}); shown as written"
            )
            return None
        markdown, problems = merged
        for problem in problems:
            log.warning(str(problem))
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """An editor's page with generated facts in it: their headings get permanent links
        and join the page's table of contents; links may point to their ids."""
        if self.result is None or page.file.src_uri not in self.result.site:
            return None
        if isinstance(page, _HtmlPage):
            return None
        html = _with_permalinks(html, config)
        page.toc = get_toc(toc_tokens(html))
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(html)
        return html

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        for folder in (self.settings.seeds_dir, self.settings.templates_dir, DEFAULT_TEMPLATES):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        # After the first build (which may have found every analysis in the cache), load what
        # analysing needs while the editor reads: the first save then does not wait for it.
        threading.Thread(target=_preload, args=(self.settings,), daemon=True).start()
        return server

    def _use_pagefind(self, config: MkDocsConfig) -> bool:
        """Pagefind answers in Material's search box: asked for, or auto, large and not in
        ``mkdocs serve``."""
        engine = self.config.search_engine
        assert self.result is not None and self.settings is not None
        large = len(self.result.dossier.sources) > self.settings.compact_above
        if engine == "lunr" or (engine == "auto" and (not large or self.serving)):
            return False
        usable = config.theme.name == "material" and "material/search" in config.plugins
        if not usable:
            if engine == "pagefind":
                raise _abort(
                    "search_engine: pagefind needs the theme 'material' with its 'search' plugin"
                )
            return False
        return True

    @event_priority(-100)  # after other plugins have changed the pages
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """With Pagefind, the index is started here, from the converted pages, and made in a
        process of its own while MkDocs writes the pages (the page loop keeps one core).
        Where a project's theme overrides how a page's article is laid out, the index is made
        from the written pages after the build instead."""
        self._start_indexing(config, files)  # first: Pagefind has a core while this one compiles
        self._render_in_pool(env, config, files)
        return env

    def _start_indexing(self, config: MkDocsConfig, files: Files) -> None:
        if not self.pagefind or _overrides_article(config):
            return
        pages = {}
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None:  # `--dirty`: left to the end
                return
            if not (page.meta.get("search") or {}).get("exclude"):
                title = page.title or config.site_name
                pages[page.url] = pagefind_search.article_document(
                    title, page.content, _language(config)
                )
        self.indexing = pagefind_search.Indexing(
            Path(config.site_dir),
            pages,
            _language(config),
            self._pagefind_cache(),
            self.pagefind_aside,
        )

    def _render_in_pool(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        """A large dossier's generated pages are rendered with the theme's templates by a pool
        of processes while MkDocs writes them here (see :class:`_RenderedPages`)."""
        if self.settings is None or self.nav is None or not _page_context_is_safe(config):
            return
        inclusion = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
        pages = [
            file.page
            for file in files.documentation_pages(inclusion=inclusion)
            if isinstance(file.page, _HtmlPage) and not (self.dirty and not file.is_modified())
        ]
        workers = self.settings.workers
        if len(pages) < PAGES_PER_ARTICLE * self.settings.parallel_from or workers < 2:
            return
        doc_files = files.documentation_pages(inclusion=inclusion)
        rendered = _RenderedPages(
            pages, config, doc_files, self.nav, env, workers, self.theme_ahead
        )
        if rendered.stream.pooled:
            self.rendered_pages = rendered

    @event_priority(100)  # before Material's search plugin
    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """With Pagefind, the pages Material's search would index are noted for it, and
        Material's search is told to skip them: lunr's index would be thrown away."""
        if self.pagefind:
            search = page.meta.get("search") or {}
            if not search.get("exclude"):
                self.search_pages.append(page.url)
            page.meta["search"] = {**search, "exclude": True}
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return pagefind_search.point_to_worker(output) if self.pagefind else None

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.pagefind and template_name.endswith(".html"):  # 404.html
            return pagefind_search.point_to_worker(output_content)
        return None

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._finish(config)
        finally:
            self._resume_collector()

    def _pause_collector(self) -> None:
        """The cyclic garbage collector waits until the build is done: the build's objects
        live until then, and its collections walked them again and again (0.12 s of a
        300-article build, most of it where one core works alone)."""
        if self.collecting is None:
            self.collecting = gc.isenabled()
            gc.disable()

    def _resume_collector(self) -> None:
        collecting, self.collecting = self.collecting, None
        if collecting:
            gc.enable()

    def _finish(self, config: MkDocsConfig) -> None:
        if self.rendered_pages is not None:
            log.info(
                f"dossier: {self.rendered_pages.pooled} generated pages rendered by a pool of "
                "processes"
            )
            self.rendered_pages.stream.close()
            self.rendered_pages = None
        if self.result is None:
            return
        if self.writes is not None:
            writes, self.writes = self.writes, None
            writes.join()
        if self.indexing is not None:
            indexing, self.indexing = self.indexing, None
            count = indexing.finish()
        elif self.pagefind:
            count = pagefind_search.build(
                Path(config.site_dir),
                _language(config),
                self.search_pages,
                self._pagefind_cache(),
                self.pagefind_aside,
            )
        else:
            if self.pagefind_aside is not None:  # lunr this time
                self.pagefind_aside.drop()
            return
        log.info(f"dossier: Pagefind search index of {count} pages")

    def on_build_error(self, *, error: Exception) -> None:
        self._resume_collector()
        if self.writes is not None:
            self.writes.cancel()
            self.writes = None
        if self.rendered_pages is not None:
            self.rendered_pages.stream.close()
            self.rendered_pages = None
        if self.indexing is not None:
            self.indexing.cancel()
            self.indexing = None

    def _pagefind_cache(self) -> ResultCache | None:
        if self.settings is None or self.settings.cache_dir is None:
            return None
        return ResultCache(self.settings.cache_dir)


def _write_results(target: Path, dossier: Dossier, pipeline: Pipeline) -> None:
    """The dossier's JSON into the site, and what the pipeline held back into the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dossier_json(dossier), encoding="utf-8")
    pipeline.write_deferred()


def _language(config: MkDocsConfig) -> str:
    return (config.theme.get("language") or "de").split("-")[0]


def _overrides_article(config: MkDocsConfig) -> bool:
    """Whether the project's ``custom_dir`` has a template that lays out a page's article."""
    custom = config.theme.custom_dir
    return custom is not None and any(Path(custom, name).is_file() for name in _ARTICLE_TEMPLATES)


class _GeneratedPage(File):
    """A generated page; `mkdocs serve --dirty` renders it again only if its text changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


def _always() -> bool:
    return True


class _Warnings(logging.Handler):
    """Counts what MkDocs reports while it converts a page (a broken link, an anchor)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _HtmlPage(Page):
    """A generated page: its source is HTML (under front matter), taken as it is. Its
    links to other files of the site are checked, as MkDocs checks a Markdown page's."""

    site_urls: frozenset[str] = frozenset()  # of every file of the site

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert self.markdown is not None
        content = _with_permalinks(self.markdown, config)
        self.content = content
        self.toc = get_toc(toc_tokens(content))
        self.present_anchor_ids = anchor_ids(content)
        self.links_to_anchors = {}
        for href in _broken_links(self.url, content, self.site_urls):
            log.warning(
                f"Doc file '{self.file.src_uri}' (generated) contains a link '{href}', but "
                "the site has no such file"
            )


def _broken_links(url: str, content: str, site_urls: frozenset[str]) -> list[str]:
    """The relative links of a page at ``url`` that point to no file of the site."""
    folder = "/" + (url if url.endswith("/") or not url else posixpath.dirname(url) + "/")
    broken = []
    for href in sorted(set(_RELATIVE_HREF.findall(content))):
        target = posixpath.normpath(posixpath.join(folder, html.unescape(href))).lstrip("/")
        if target and href.endswith("/"):
            target += "/"
        if target not in site_urls:
            broken.append(href)
    return broken


def _with_permalinks(html: str, config: MkDocsConfig) -> str:
    """Permanent links on the headings, as the project's ``toc`` settings give them to
    Markdown pages (``permalink``, ``permalink_title``)."""
    options = (config.mdx_configs or {}).get("toc", {})
    permalink = options.get("permalink", False)
    if not permalink:
        return html
    symbol = "&para;" if permalink is True else str(permalink)
    return with_permalinks(html, symbol, options.get("permalink_title", "Permanent link"))


class _RenderedPages:
    """Generated pages rendered with the theme's templates by a pool of forked processes,
    while MkDocs writes them one by one here: rendering Material's page template is most of
    what writing a page costs. Each worker takes MkDocs' own steps for its pages (the
    context, the `page_context` events, the page's template), so a page is the same byte
    for byte. Here, the page's template becomes ``_RENDERED``, which prints what the pool
    made of it; a page the pool could not render, or whose rendering reported anything, is
    rendered here as MkDocs would have (and reports it here)."""

    def __init__(
        self,
        pages: list[Page],
        config: MkDocsConfig,
        doc_files: list[File],
        nav: Any,
        env: jinja2.Environment,
        workers: int,
        ahead: CompiledAhead | None = None,
    ) -> None:
        """``ahead``: the theme's templates as compiled while the articles were read."""
        self.env = env
        self.templates = {
            page.file.src_uri: page.meta.get("template", "main.html") for page in pages
        }
        self.position = {page.file.src_uri: i for i, page in enumerate(pages)}
        self.outputs: dict[int, str | None] = {}
        self.taken = 0
        self.pooled = 0
        calls = [(page, config, doc_files, nav, env) for page in pages]
        # once here, not in every worker
        compile_templates(env, (*sorted(set(self.templates.values())), *THEME_PAGES), ahead)
        self.stream: Stream[str | None] = Stream(_render_page, calls, workers, here=False)
        if not self.stream.pooled:
            return
        for page in pages:  # the workers, forked now, keep the page's own template
            page.meta["template"] = _RENDERED
        theme_loader = env.loader
        env.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({_RENDERED: "{{ dossier_rendered_page() }}"}), theme_loader]
        )
        _keep_compiled(env, theme_loader)

        @jinja2.pass_context
        def rendered_page(context: Any) -> Markup:
            return self.output(context)

        env.globals["dossier_rendered_page"] = rendered_page

    def output(self, context: Any) -> Markup:
        """The page's output (called by ``_RENDERED`` with the page's template context)."""
        uri = context["page"].file.src_uri
        index = self.position[uri]
        while index not in self.outputs and self.taken < len(self.position):
            self.outputs[self.taken] = next(self.stream)
            self.taken += 1
        html = self.outputs.pop(index, None)
        if html is None:
            html = self.env.get_template(self.templates[uri]).render(context.get_all())
        else:
            self.pooled += 1
        return Markup(html)


def _keep_compiled(env: jinja2.Environment, old_loader: Any) -> None:
    """The templates compiled with the environment's old loader, kept for its new one,
    which finds the same templates (Jinja's cache is by loader and name): the pages and
    theme templates rendered here (404.html, the sitemap) need not compile them again."""
    if env.cache is None:
        return
    for key, template in list(env.cache.items()):
        loader_ref, name = key
        if loader_ref() is old_loader:
            env.cache[(weakref.ref(env.loader), name)] = template


def _render_page(
    page: Page, config: MkDocsConfig, doc_files: list[File], nav: Any, env: jinja2.Environment
) -> str | None:
    """In a forked worker: what MkDocs' ``_build_page`` renders for a page, before the
    `post_page` events; None where it failed or reported anything."""
    counter = _Warnings()
    counter.setLevel(logging.WARNING)
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.handlers = [counter]  # this worker's copy: the build reports, itself
    logging.getLogger("mkdocs").propagate = False
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        for handler in config.plugins.events["page_context"]:
            index = getattr(getattr(handler, "__self__", None), "search_index", None)
            if _module_of(handler).startswith(_SEARCH_PLUGINS) and index is not None:
                # this worker's copy indexes nothing: the build indexes each page, once
                index.add_entry_from_context = _nothing
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
    except Exception:  # rendered again in the build, which reports it
        return None
    finally:
        page.active = False
        config._current_page = None
    return None if counter.count else output


def _page_context_is_safe(config: MkDocsConfig) -> bool:
    """Whether every `page_context` event may run in a worker as well as here."""
    return all(
        _module_of(handler).startswith(_PAGE_CONTEXT_SAFE)
        for handler in config.plugins.events["page_context"]
    )


def _nothing(*_: Any) -> None:
    return None


def _module_of(handler: Any) -> str:
    return type(getattr(handler, "__self__", None)).__module__


def _preload(settings: Settings) -> None:
    try:
        preload(settings)
    except Exception:  # only a head start: the build that needs it loads it and reports
        log.debug("dossier: preloading failed", exc_info=True)


def project_settings(config_file: Path) -> Settings | None:
    """The settings a project's ``mkdocs.yml`` gives the dossier plugin (None if it does not
    enable it), so that ``dossier export`` and ``check`` read the same options as the site."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    try:
        config = load_config(config_file=str(config_file))
    except Abort as error:
        raise DossierError(f"{config_file}: configuration error, see above ({error})") from error
    plugin = config.plugins.get("dossier")
    if not isinstance(plugin, DossierPlugin):
        return None
    plugin.on_config(config)
    return plugin.settings


def _add_markdown_extensions(config: MkDocsConfig) -> None:
    """The extensions the generated pages are written for, added to any project's own."""
    names = {extension.rsplit(".", 1)[-1] for extension in config.markdown_extensions}
    for name in MARKDOWN_EXTENSIONS:
        if name not in names:
            config.markdown_extensions.append(name)


# Theme settings that make the browser fetch from other servers, and their private value:
# Material loads Google Fonts (system fonts instead), the MkDocs themes highlight.js from a CDN.
_EXTERNAL_THEME_SETTINGS = {"font": False, "highlightjs": False}


def _keep_private(config: MkDocsConfig) -> None:
    for key, private in _EXTERNAL_THEME_SETTINGS.items():
        if key in config.theme and config.theme[key] != private:
            config.theme[key] = private
            log.info(f"theme.{key} set to {private!r}: the site loads nothing from elsewhere")


def _read_in_any_encoding(file: File, config: MkDocsConfig) -> None:
    """MkDocs reads an editor's page as UTF-8 and stops with a traceback otherwise. A page in
    another encoding is recognised as articles are and given to MkDocs as text; one that
    cannot be read (binary) stays empty. Either way a warning names it."""
    try:
        raw = Path(file.abs_src_path).read_bytes()
    except OSError:
        return  # MkDocs names a page it cannot read
    try:
        raw.decode("utf-8")
        return
    except UnicodeDecodeError:
        pass
    display = _docs_display(config, file.src_uri)
    try:
        text, encoding = decode(raw)
    except IngestError as error:
        log.warning(f"{display}: {error}; the page is left empty")
        file.content_string = ""
        return
    log.warning(f"{display}: not UTF-8; read as {encoding}. Save it as UTF-8 to be sure.")
    file.content_string = text


def _limits(config: DossierConfig) -> Limits:
    values = {
        name: config[name]
        for name in ("max_article_bytes", "max_paragraph_chars", "max_sentence_chars")
    }
    for name, value in values.items():
        if value < 1:
            raise _abort(f"'{name}' must be a positive number, not {value}")
    return Limits(**values)


def _cache_dir(option: str | bool, root: Path, config: MkDocsConfig, seeds: Path) -> Path | None:
    """The cache folder: not in docs/ (`mkdocs serve` would rebuild forever) nor among the
    articles, and holding neither (it is deleted as a whole)."""
    if option is False:
        return None
    if option is True:
        option = DEFAULT_CACHE
    folder = (root / option).resolve()
    for name, other in (("docs_dir", Path(config.docs_dir).resolve()), ("seeds", seeds)):
        if folder == other or other in folder.parents or folder in other.parents:
            raise _abort(f"'cache' ({option}) must be a folder of its own, outside '{name}'")
    return folder


def _cache_report(pipeline: Pipeline, sources: int) -> str:
    where = pipeline.settings.cache_dir
    kept = f"in {where.name}/" if where is not None else "in memory only"
    pooled = pipeline.pooled["analyse"]
    by_pool = f" ({pooled} by {pipeline.settings.workers} processes)" if pooled else ""
    return (
        f"dossier: {pipeline.analysed} of {sources} articles analysed{by_pool}, the others from "
        f"the cache ({kept})"
    )


def _docs_display(config: MkDocsConfig, src_uri: str) -> str:
    docs = Path(config.docs_dir)
    try:
        return (docs / src_uri).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return (docs / src_uri).as_posix()


def _abort(message: str) -> Exception:
    from mkdocs.exceptions import PluginError

    return PluginError(f"dossier: {message}")
