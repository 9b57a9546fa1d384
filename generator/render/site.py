"""Render a :class:`~generator.model.Dossier` into pages with Jinja2.

This is the only module that knows page paths. A page is HTML under YAML front matter,
kept at a ``.md`` path so that MkDocs builds it as a page of the site; it is never
converted as Markdown, which is most of what building thousands of pages would cost.
Layout lives in the templates: the defaults ship in the package (``generator/templates/``),
and a project's own templates folder overrides single templates by file name, as a
theme's ``custom_dir`` does. Python only prepares data and provides the escaping, the
filters and the link helper.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..errors import DossierError
from ..formatting import format_german_date, format_number
from ..model import ACTOR_KINDS, Actor, Dossier, Event, Mention, Source
from ..parallel import in_pool
from ..settings import COMPACT_ABOVE
from .escape import html_text, safe_url, title_text
from .html import unique_heading_ids

Site = dict[str, str]

KIND_LABELS = {
    "person": ("Person", "Personen"),
    "state": ("Staat", "Staaten"),
    "organisation": ("Organisation", "Organisationen"),
    "place": ("Ort", "Orte"),
}
SECTIONS = {
    "source": "quellen",
    "actor": "akteure",
    "event": "ereignisse",
    # folders of their own: no actor or event slug can take their paths
    "minor": "weitere-akteure",  # actors without a page, one page per initial
    "matrix": "wer-berichtet-was",  # the coverage matrix, when it needs pages of its own
}
DISCREPANCY_PAGE = "widersprueche/index.md"
START_PAGE = "index.md"
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STYLESHEET = "stylesheets/dossier.css"
_PACKAGED_STYLESHEET = Path(__file__).resolve().parent.parent / "assets" / "dossier.css"


def assets() -> dict[str, bytes]:
    """Files the generated pages need besides themselves: the stylesheet of their classes
    (highlighted sentence, mentions, counts). A project's own file at the path wins."""
    return {STYLESHEET: _PACKAGED_STYLESHEET.read_bytes()}


@lru_cache(maxsize=65536)
def relative_path(target: str, folder: str) -> str:
    """The path of ``target`` from ``folder``, both relative to the site's root (what
    ``posixpath.relpath`` gives, without asking the system for the current folder)."""
    to, start = target.split("/"), folder.split("/") if folder else []
    common = 0
    while common < min(len(to) - 1, len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:])


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL of the page at source path ``path``, relative to the site's root, as MkDocs
    makes it: ``akteure/x.md`` is ``akteure/x/`` (``akteure/x.html`` without directory
    URLs), ``akteure/index.md`` is ``akteure/``."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


def page_link(target: str, page: str, anchor: str | None, directory_urls: bool) -> str:
    """The link from the page at source path ``page`` to the page at ``target`` (and an
    ``anchor`` in it), as a URL relative to the page's own."""
    url = page_url(page, directory_urls)
    target_url = page_url(target, directory_urls)
    if target == page and anchor:
        return f"#{anchor}"
    folder = url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
    relative = relative_path(target_url, folder) or "./"
    return f"{relative}#{anchor}" if anchor else relative


def page_path(kind: str, item_id: str | None = None) -> str:
    """The source path (``.md``) of a generated page."""
    if kind == "start":
        return START_PAGE
    if kind == "discrepancies":
        return DISCREPANCY_PAGE
    section = SECTIONS[kind]
    return f"{section}/{item_id}.md" if item_id else f"{section}/index.md"


# Bounds of one page of the coverage matrix: a table a reader can still take in.
START_SOURCES = 30  # sources on the start page of a large dossier
MATRIX_EVENTS_PER_PAGE = 100
MATRIX_SOURCES_PER_PAGE = 50


def initial(name: str) -> str:
    """The page of actors without a page of their own that lists ``name``: its initial
    without accents (``a`` … ``z``), ``0-9`` or ``andere``."""
    for char in unicodedata.normalize("NFKD", name.casefold()):
        if "a" <= char <= "z":
            return char
        if char.isdigit():
            return "0-9"
        if char.isalpha():
            return "andere"
    return "andere"


def initial_label(letter: str) -> str:
    return {"0-9": "0–9", "andere": "Andere"}.get(letter, letter.upper())


HEDGE_LABELS = {"exact": "", "approx": "rund ", "more": "mehr als ", "less": "bis zu "}


def format_quantity(quantity: Any) -> str:
    """``rund 10.000 Soldat``, ``11.000–12.000 Soldat``: value, hedge and unit as a reader says it."""
    if quantity.upper is not None:
        value = f"{format_number(quantity.value)}–{format_number(quantity.upper)}"
    else:
        value = HEDGE_LABELS.get(quantity.hedge, "") + format_number(quantity.value)
    return f"{value} {quantity.unit}"


# what an event is, in the site's words
STATUS_LABELS = {
    "reported": "berichtet",
    "planned": "geplant",
    "announced": "angekündigt",
    "demanded": "gefordert",
    "hypothetical": "hypothetisch",
}
CLAIM_KINDS = {
    "number": "Zahl",
    "money": "Geldbetrag",
    "share": "Anteil",
    "duration": "Dauer",
    "date": "Datum",
    "time": "Uhrzeit",
}


class TemplateFault(DossierError):
    """A template that cannot be loaded: the project's fault, whatever the articles are."""


@dataclass(frozen=True)
class MatrixPage:
    """One page of the coverage matrix: a run of events in time order and the sources
    that report them, in dossier order."""

    id: str
    events: list[Event]
    sources: list[Source]


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence: plain text, or a mention linking to an actor."""

    text: str
    actor: str | None = None


class Renderer:
    """Renders every page of a dossier; one instance per build."""

    def __init__(
        self,
        templates_dir: Path | None = None,
        title: str = "Dossier",
        directory_urls: bool = True,
    ) -> None:
        """``templates_dir``: the project's own templates, each overriding the packaged
        template of the same file name; ``title``: the dossier's name; ``directory_urls``:
        the site's URLs end in ``/`` (MkDocs' ``use_directory_urls``)."""
        folders = [DEFAULT_TEMPLATES]
        if templates_dir is not None:
            if not templates_dir.is_dir():
                raise DossierError(f"templates folder not found: {templates_dir}")
            _refuse_markdown_templates(templates_dir)
            folders.insert(0, templates_dir)
        self.directory_urls = directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=True,
            # every printed value that is not markup already (a macro's, a link) is escaped
            # for HTML and for template languages: see escape.html_text
            finalize=_escaped,
        )
        self.env.filters.update(
            title=_title,
            slug=_slug,
            safe_url=safe_url,
            german_date=format_german_date,
            number=format_number,
            quantity=format_quantity,
        )
        self.env.globals.update(
            KIND_LABELS=KIND_LABELS,
            ACTOR_KINDS=ACTOR_KINDS,
            STATUS_LABELS=STATUS_LABELS,
            CLAIM_KINDS=CLAIM_KINDS,
            month_name=month_name,
            initial_label=initial_label,
            MATRIX_EVENTS_PER_PAGE=MATRIX_EVENTS_PER_PAGE,
            MATRIX_SOURCES_PER_PAGE=MATRIX_SOURCES_PER_PAGE,
        )
        self.env.globals["title"] = title

    def compile_templates(self) -> None:
        """Every page template compiled now (a pool of processes forked later shares them);
        a template's error is reported when it renders."""
        for name in self.env.list_templates(extensions=["j2"]):
            try:
                self.env.get_template(name)
            except jinja2.TemplateError:
                continue

    def render(
        self,
        dossier: Dossier,
        compact_above: int | None = COMPACT_ABOVE,
        docs_dir: Path | None = None,
        workers: int = 1,
    ) -> Site:
        """``workers``: processes that render the pages; ``compact_above``: above this many sources, actors mentioned once are listed on
        pages by initial instead of having pages of their own (an editor's page in
        ``docs_dir`` keeps an actor's page), and the coverage matrix keeps to the events
        that several sources report; None: never."""
        compact = compact_above is not None and len(dossier.sources) > compact_above
        index = _Index(dossier, minor_actors(dossier, docs_dir) if compact else (), compact)
        jobs: dict[str, tuple[str, str, _Index, dict[str, Any]]] = {}

        def emit(path: str, template: str, **context: Any) -> None:
            if path in jobs:
                raise DossierError(f"two pages would be written to {path}")
            jobs[path] = (template, path, index, {"dossier": dossier, **context})

        emit(START_PAGE, "start.html.j2")
        emit(page_path("source"), "sources.html.j2")
        emit(page_path("actor"), "actors.html.j2")
        emit(page_path("event"), "events.html.j2")
        emit(DISCREPANCY_PAGE, "discrepancies.html.j2")
        for source in dossier.sources:
            emit(page_path("source", source.id), "source.html.j2", source=source)
        for actor in dossier.actors:
            if actor.id not in index.minor:
                emit(page_path("actor", actor.id), "actor.html.j2", actor=actor)
        for letter, actors in index.minor_by_initial():
            emit(page_path("minor", letter), "minor_actors.html.j2", letter=letter, actors=actors)
        for event in dossier.events:
            emit(page_path("event", event.id), "event.html.j2", event=event)
        if not index.matrix_inline():
            pages = index.matrix_pages()
            for page in pages:
                emit(page_path("matrix", page.id), "matrix.html.j2", page=page, pages=pages)
        index.pages = frozenset(jobs)
        # the pages of a large dossier are rendered by a pool of processes
        texts = in_pool(self._render_with, list(jobs.values()), workers)
        return dict(sorted(zip(jobs, texts, strict=True)))

    def _render_with(self, template: str, path: str, index: _Index, context: dict[str, Any]) -> str:
        return self._render(template, path, index, **context)

    def render_page(self, template: str, path: str, **context: Any) -> str:
        """One template for a page at ``path`` (links relative to it), outside a dossier."""
        return self._render(template, path, None, **context)

    def _render(self, template: str, path: str, index: _Index | None, **context: Any) -> str:
        """``index``: the dossier's look-ups (None outside a dossier), also given to the
        template as ``index``."""

        def link(kind: str, item_id: str | None = None, anchor: str | None = None) -> Markup:
            if kind == "actor" and index is not None and item_id in index.minor:
                # an actor without a page of its own: its entry on the page of its initial
                kind, item_id, anchor = "minor", index.minor[item_id], item_id
            target = item_id if kind == "file" and item_id else page_path(kind, item_id)
            if index is not None and kind != "file" and target not in index.pages:
                raise DossierError(f"a link to {target}, a page the dossier does not have")
            # made of paths and slugs: escaped as HTML, nothing else to escape
            return Markup(html.escape(page_link(target, path, anchor, self.directory_urls)))

        try:
            if index is not None:
                context["index"] = index
            page = self.env.get_template(template).render(link=link, **context)
            return unique_heading_ids(page)
        except (jinja2.TemplateSyntaxError, jinja2.TemplateNotFound) as error:
            raise TemplateFault(f"template {template}: {error}") from error
        except jinja2.TemplateError as error:
            raise DossierError(f"template {template}: {error}") from error


class _Index:
    """Look-ups the templates need: reverse references, counts, sentence segments."""

    def __init__(self, dossier: Dossier, minor: Any = (), compact: bool = False) -> None:
        self.dossier = dossier
        self.pages: frozenset[str] = frozenset()  # every page's path, to check each link
        self.compact = compact  # a large dossier: see Renderer.render
        # actors without a page of their own, and the initial of the page that lists them
        self.minor = {actor.id: initial(actor.name) for actor in minor}
        self.numbers = {source.id: n for n, source in enumerate(dossier.sources, start=1)}
        self.sources = {source.id: source for source in dossier.sources}
        self.actors = {actor.id: actor for actor in dossier.actors}
        self.events = {event.id: event for event in dossier.events}
        # looked up once per sentence of a source page: a scan each time would be quadratic
        self._sentences = {
            (source.id, sentence.id): sentence.text
            for source in dossier.sources
            for sentence in source.sentences
        }
        self._mentions_by_sentence: dict[tuple[str, str], list[tuple[Mention, str]]] = defaultdict(
            list
        )
        self._actors_by_source: dict[str, Counter[str]] = defaultdict(Counter)
        for actor in dossier.actors:
            for mention in actor.mentions:
                self._mentions_by_sentence[(mention.source, mention.sentence)].append(
                    (mention, actor.id)
                )
                self._actors_by_source[mention.source][actor.id] += 1
        self._events_by_actor: dict[str, list[str]] = defaultdict(list)
        self._events_by_source: dict[str, list[str]] = defaultdict(list)
        for event in dossier.events:
            for actor_id in event.actors:
                self._events_by_actor[actor_id].append(event.id)
            for source_id in event.sources:
                self._events_by_source[source_id].append(event.id)
        self._discrepancies_by: dict[str, list[str]] = defaultdict(list)
        for discrepancy in dossier.discrepancies:
            keys = {claim.source for claim in discrepancy.claims}
            keys |= set(discrepancy.events) | set(discrepancy.actors)
            for key in keys:
                self._discrepancies_by[key].append(discrepancy.id)

    def sentence_text(self, source_id: str, sentence_id: str) -> str:
        try:
            return self._sentences[(source_id, sentence_id)]
        except KeyError:
            raise KeyError(f"{source_id}#{sentence_id}") from None

    def segments(self, source_id: str, sentence_id: str) -> list[Segment]:
        """The sentence cut into text and actor-mention pieces (overlaps resolved leftmost-longest)."""
        text = self.sentence_text(source_id, sentence_id)
        spans = sorted(
            self._mentions_by_sentence.get((source_id, sentence_id), []),
            key=lambda item: (item[0].start, -item[0].end),
        )
        pieces: list[Segment] = []
        position = 0
        for mention, actor_id in spans:
            if mention.start < position:
                continue
            if mention.start > position:
                pieces.append(Segment(text[position : mention.start]))
            pieces.append(Segment(text[mention.start : mention.end], actor_id))
            position = mention.end
        if position < len(text):
            pieces.append(Segment(text[position:]))
        return pieces

    def actors_in_source(self, source_id: str) -> list[Actor]:
        counts = self._actors_by_source.get(source_id, Counter())
        return sorted((self.actors[a] for a in counts), key=lambda a: (-counts[a.id], a.name))

    def roles_of(self, actor: Actor) -> list[tuple[str, list[Source]]]:
        """Each role title once, with the sources that give it."""
        grouped: dict[str, list[Source]] = {}
        for role in actor.roles:
            sources = grouped.setdefault(role.title, [])
            if self.sources[role.source] not in sources:
                sources.append(self.sources[role.source])
        return list(grouped.items())

    @staticmethod
    def short_title(source: Source, limit: int = 48) -> str:
        """A source title cut at a word boundary, for lists of several sources."""
        if len(source.title) <= limit:
            return source.title
        return source.title[:limit].rsplit(" ", 1)[0] + " …"

    def sources_of(self, actor: Actor) -> list[Source]:
        ids = sorted({mention.source for mention in actor.mentions})
        return [self.sources[source_id] for source_id in ids]

    def mentions_in(self, actor: Actor, source_id: str) -> list[Mention]:
        """An actor's mentions in one source, one per sentence, in reading order."""
        seen: dict[str, Mention] = {}
        for mention in actor.mentions:
            if mention.source == source_id and mention.sentence not in seen:
                seen[mention.sentence] = mention
        return sorted(seen.values(), key=lambda m: int(m.sentence.lstrip("s")))

    def events_of(self, key: str, by: str) -> list[Any]:
        table = self._events_by_actor if by == "actor" else self._events_by_source
        return [self.events[event_id] for event_id in table.get(key, [])]

    def discrepancies_of(self, key: str) -> list[Any]:
        ids = set(self._discrepancies_by.get(key, []))
        return [d for d in self.dossier.discrepancies if d.id in ids]

    def key_actors(self, limit: int = 8) -> list[Actor]:
        ranked = sorted(
            self.dossier.actors,
            key=lambda a: (-len({m.source for m in a.mentions}), -len(a.mentions), a.name),
        )
        return ranked[:limit]

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """The actors with a page of their own, by kind."""
        groups = [
            (
                kind,
                sorted(
                    (a for a in self.dossier.actors if a.kind == kind and a.id not in self.minor),
                    key=_sort_name,
                ),
            )
            for kind in ACTOR_KINDS
        ]
        return [(kind, actors) for kind, actors in groups if actors]

    def minor_by_initial(self) -> list[tuple[str, list[Actor]]]:
        """The actors without a page of their own, grouped by initial (a-z, 0-9, andere)."""
        groups: dict[str, list[Actor]] = defaultdict(list)
        for actor in self.dossier.actors:
            if actor.id in self.minor:
                groups[self.minor[actor.id]].append(actor)
        order = [chr(code) for code in range(ord("a"), ord("z") + 1)] + ["0-9", "andere"]
        return [
            (letter, sorted(groups[letter], key=lambda a: (_sort_name(a), a.id)))
            for letter in order
            if letter in groups
        ]

    def start_sources(self) -> list[Source]:
        """The sources the start page lists: all of them, or for a large dossier the newest
        START_SOURCES (the section page lists every one): the start page is what a reader
        opens first, and it should load at once."""
        sources = list(self.dossier.sources)
        if not self.compact or len(sources) <= START_SOURCES:
            return sources
        dated = sorted(
            (s for s in sources if s.published),
            key=lambda s: (s.published or "", s.published_time or ""),
            reverse=True,
        )
        return (dated + [s for s in sources if not s.published])[:START_SOURCES]

    def matrix_inline(self) -> bool:
        """Whether the whole coverage matrix fits on the events page, as it is."""
        return (
            not self.compact
            and len(self.dossier.sources) <= MATRIX_SOURCES_PER_PAGE
            and len(self.dossier.events) <= MATRIX_EVENTS_PER_PAGE
        )

    def matrix_pages(self) -> list[MatrixPage]:
        """The coverage matrix in pages of at most MATRIX_EVENTS_PER_PAGE events (rows, in
        time order) and MATRIX_SOURCES_PER_PAGE sources (columns: the ones that report
        them). A large dossier shows the events of two or more independent sources only.
        An event reported by more sources than a page holds spans several pages."""
        rows = self.chronological()
        if self.compact:
            rows = [event for event in rows if self.independent(event) >= 2]
        chunks: list[tuple[list[Event], set[str]]] = []
        events: list[Event] = []
        columns: set[str] = set()
        for event in rows:
            ids = set(event.sources)
            if events and (
                len(events) == MATRIX_EVENTS_PER_PAGE
                or len(columns | ids) > MATRIX_SOURCES_PER_PAGE
            ):
                chunks.append((events, columns))
                events, columns = [], set()
            if len(ids) > MATRIX_SOURCES_PER_PAGE:
                ordered = sorted(ids, key=self.numbers.__getitem__)
                for start in range(0, len(ordered), MATRIX_SOURCES_PER_PAGE):
                    chunks.append(([event], set(ordered[start : start + MATRIX_SOURCES_PER_PAGE])))
                continue
            events.append(event)
            columns |= ids
        if events:
            chunks.append((events, columns))
        return [
            MatrixPage(
                id=str(number),
                events=chunk_events,
                sources=[s for s in self.dossier.sources if s.id in chunk_columns],
            )
            for number, (chunk_events, chunk_columns) in enumerate(chunks, start=1)
        ]

    def date_span(self) -> tuple[str | None, str | None]:
        dates = sorted(s.published for s in self.dossier.sources if s.published)
        return (dates[0], dates[-1]) if dates else (None, None)

    def timeline(self) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
        """Dated events grouped by year, then month (``""`` for year precision)."""
        dated = sorted(
            (e for e in self.dossier.events if e.date is not None),
            key=lambda e: (e.date.iso, e.time or "", e.title),
        )
        years: dict[str, dict[str, list[Any]]] = {}
        for event in dated:
            year, _, rest = event.date.iso.partition("-")
            month = rest[:2] if event.date.precision != "year" else ""
            years.setdefault(year, {}).setdefault(month, []).append(event)
        return [(year, list(months.items())) for year, months in years.items()]

    def dates_in(self, source_id: str) -> list[Any]:
        return [d for d in self.dossier.dates if d.source == source_id]

    def quantities_in(self, source_id: str) -> list[Any]:
        return [q for q in self.dossier.quantities if q.source == source_id]

    def most_reported_events(self, limit: int = 6) -> list[Any]:
        """Dated facts reported by the most independent sources, then in time order."""
        ranked = sorted(
            (
                e
                for e in self.dossier.events
                if e.date and e.status == "reported" and self.independent(e) > 1
            ),
            key=lambda e: (-self.independent(e), e.date.iso, e.time or "", e.title),
        )[:limit]
        return sorted(ranked, key=lambda e: (e.date.iso, e.time or "", e.title))

    @staticmethod
    def independent(event: Any) -> int:
        """How many sources report an event on their own (agency copies count once)."""
        return len(event.sources) - len(event.copies)

    def chronological(self) -> list[Any]:
        dated = sorted(
            (e for e in self.dossier.events if e.date),
            key=lambda e: (e.date.iso, e.time or "", e.title),
        )
        return dated + self.undated_events()

    @staticmethod
    def first_sentence(event: Any, source_id: str) -> str:
        return next(m.sentence for m in event.mentions if m.source == source_id)

    def undated_events(self) -> list[Any]:
        return sorted((e for e in self.dossier.events if e.date is None), key=lambda e: e.title)


def _escaped(value: Any) -> Markup:
    return value if isinstance(value, Markup) else _escaped_text(str(value))


@lru_cache(maxsize=65536)
def _escaped_text(text: str) -> Markup:
    """Names, titles and labels are printed on many pages: each is escaped once."""
    return Markup(html_text(text))


def _title(text: str) -> Markup:
    """Untrusted text as a page title in the front matter (see escape.title_text)."""
    return Markup(title_text(text))


def _slug(text: str) -> str:
    """A heading's id as Markdown's table of contents makes it (``März 2024``: ``marz-2024``);
    ``titel`` for a text without a letter or digit of the Latin alphabet."""
    return slugify(text, "-") or "titel"


def _refuse_markdown_templates(folder: Path) -> None:
    """A project's page template in Markdown (``actor.md.j2``) would be ignored without a
    word: the pages are HTML now, and its layout has to move to ``actor.html.j2``."""
    stale = sorted(
        path.name
        for path in folder.glob("*.md.j2")
        if (DEFAULT_TEMPLATES / path.name.replace(".md.j2", ".html.j2")).is_file()
    )
    if stale:
        others = f" (also: {', '.join(stale[1:])})" if stale[1:] else ""
        raise TemplateFault(
            f"{folder / stale[0]}: page templates are HTML now; move its layout to "
            f"{stale[0].replace('.md.j2', '.html.j2')} (see generator/templates/) "
            f"or delete it{others}"
        )


def month_name(year: str, month: str) -> str:
    return format_date(dt.date(int(year), int(month), 1), "MMMM", locale="de")


def _sort_name(actor: Actor) -> str:
    return actor.name.casefold()


def minor_actors(dossier: Dossier, docs_dir: Path | None = None) -> list[Actor]:
    """Actors mentioned once (so in one source) that need no page of their own: those
    without an editor's description or commentary page (``docs/akteure/<id>.md``)."""
    return [
        actor
        for actor in dossier.actors
        if len(actor.mentions) == 1
        and not actor.description
        and not (docs_dir is not None and (docs_dir / page_path("actor", actor.id)).is_file())
    ]


def render_site(
    dossier: Dossier,
    templates_dir: Path | None,
    title: str = "Dossier",
    *,
    compact_above: int | None = COMPACT_ABOVE,
    docs_dir: Path | None = None,
    workers: int = 1,
    directory_urls: bool = True,
) -> Site:
    renderer = Renderer(templates_dir, title, directory_urls)
    return renderer.render(dossier, compact_above, docs_dir, workers)
