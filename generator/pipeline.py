"""The pipeline: ingest → analyse → reconcile → render, in this order and no other.

Read everything, then link, then write: no page is rendered before the whole
dossier exists, because cross-links form a graph.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
import time
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from .analyse.actors import Candidate, Recogniser
from .analyse.anchoring import anchor_undated
from .analyse.dates import find_dates, may_name_a_full_date
from .analyse.events import EventCue, find_cues
from .analyse.quantities import find_quantities
from .analyse.sentences import split_tokenized
from .analyse.statistical import make_recogniser
from .analyse.times import find_times
from .cache import ResultCache, content_key, folder_fingerprint, package_fingerprint
from .errors import Diagnostic, DossierError
from .ingest.articles import (
    parse_article,
    printable_name,
    read_article,
    read_limited,
    scan_articles,
)
from .model import DateMention, Dossier, Paragraph, Quantity, Sentence, Source
from .parallel import CAN_FORK, in_child_pool, in_pool
from .reconcile.actors import resolve_actors, unique_slugs
from .reconcile.copies import mark_copies
from .reconcile.curation import (
    Curation,
    apply_to_actors,
    apply_to_dossier,
    apply_to_sources,
    load_curation,
)
from .reconcile.discrepancies import find_discrepancies
from .reconcile.events import build_events
from .render.site import Renderer, Site, TemplateFault
from .settings import Limits, Settings

T = TypeVar("T")

# articles skipped for breaking the linking of the dossier, at most: a defect that more
# articles meet is the generator's, and finding each would link the dossier again per article
MAX_CULPRITS = 5


@dataclass(frozen=True, slots=True)
class Analysis:
    """What analysis found in one source."""

    candidates: tuple[Candidate, ...]
    cues: tuple[EventCue, ...]
    dates: tuple[DateMention, ...]
    quantities: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class Result:
    dossier: Dossier
    site: Site
    diagnostics: tuple[Diagnostic, ...] = field(default=())


class Pipeline:
    """Runs the stages; keeps per-article results cached by content so rebuilds are cheap."""

    def __init__(
        self,
        settings: Settings,
        recogniser: Recogniser | None = None,
        cache: ResultCache | None = None,
        *,
        defer_writes: bool = False,
        while_reading: Callable[[], object] | None = None,
    ) -> None:
        """``while_reading``: the caller's work, done here while other processes read the
        articles (the MkDocs plugin compiles the theme's templates)."""
        self.settings = settings
        self.while_reading = while_reading
        self._renderer: Renderer | None = None
        self._recogniser = recogniser
        # results of another recogniser than the settings' are not kept on disk
        if cache is None:
            cache = ResultCache(settings.cache_dir if recogniser is None else None)
        self.cache = cache
        self.analysed = 0  # articles analysed (not found in the cache) by this pipeline
        self.pooled: Counter[str] = Counter()  # articles read and analysed by the pool, by stage
        self.timings: dict[str, float] = {}  # seconds per stage of the last run (benchmarks)
        # with ``defer_writes``, the linked dossier is written to the cache by
        # :meth:`write_deferred`, when the caller waits for something else anyway
        self.defer_writes = defer_writes
        self._deferred: list[Callable[[], None]] = []

    @property
    def recogniser(self) -> Recogniser:
        """Loaded on first use: a build whose analyses are all cached never loads it."""
        if self._recogniser is None:
            self._recogniser = shared_recogniser(self.settings.model)
        return self._recogniser

    def run(self) -> Result:
        started = time.perf_counter()
        curation = load_curation(self.settings.curation_path, _display(self.settings.curation_path))
        sources, diagnostics = self.ingest(curation)
        self.timings["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        analyses = self.analyse_all(sources, diagnostics)
        self.timings["analyse"] = time.perf_counter() - started
        dossier, site = self._cached_link(sources, analyses, curation, diagnostics)
        diagnostics.extend(curation.diagnostics)
        return Result(dossier=dossier, site=site, diagnostics=tuple(diagnostics))

    def ingest(self, curation: Curation | None = None) -> tuple[list[Source], list[Diagnostic]]:
        seeds_dir = self.settings.seeds_dir
        if not seeds_dir.is_dir():
            raise DossierError(f"articles folder not found: {seeds_dir}")
        sources: list[Source] = []
        paths, diagnostics = scan_articles(seeds_dir, _display(seeds_dir))
        for source, found in self.read_all(paths):
            diagnostics.extend(found)
            if source is not None:
                sources.append(source)
        sources = drop_exact_duplicates(sources, diagnostics)
        if curation is not None:
            sources = apply_to_sources(curation, sources)
        sources = anchor_undated(sources)
        ids = unique_slugs(source.title for source in sources)
        return [
            replace(source, id=slug) for source, slug in zip(sources, ids, strict=True)
        ], diagnostics

    def read_all(self, paths: list[Path]) -> list[tuple[Source | None, tuple[Diagnostic, ...]]]:
        """The articles as read from their files, in order: from the cache where their bytes
        were read before, else parsed (by the pool when there are enough of them)."""
        limits = self.settings.limits
        results: list[tuple[Source | None, tuple[Diagnostic, ...]] | None] = []
        missing: list[tuple[int, str, tuple[bytes, str, str]]] = []
        for path in paths:
            display = _display(path)
            try:
                raw = read_limited(path, limits)
            except OSError:
                source, found = _isolated_read(path, display, limits)  # names the error
                results.append((source, tuple(found)))
                continue
            key = content_key(display, path.suffix, repr(limits), raw)
            results.append(self.cache.get("read", key))
            if results[-1] is None:
                missing.append((len(results) - 1, key, (raw, path.suffix, display)))
        parse = partial(_isolated_parse, limits=limits)
        # new articles are analysed next: the tables analysing needs load here while other
        # processes read (reading needs spaCy's tokenizer, which analysing does not)
        parsed = self._compute(
            "read",
            _kept(parse, self.cache, "read", _as_read),
            [(key, *arguments) for _, key, arguments in missing],
            self._meanwhile,
            apart=True,
        )
        for (i, key, _), read in zip(missing, parsed, strict=True):
            results[i] = _as_read(read)
            self.cache.remember("read", key, results[i])
        return [result for result in results if result is not None]

    def analyse(self, source: Source) -> Analysis:
        key = _analysis_key(source, self.settings.model)
        cached = self.cache.get("analysis", key)
        if cached is None:
            cached = analyse_source(source, self.recogniser)
            self.analysed += 1
            self.cache.put("analysis", key, cached)
        return cached

    def analyse_all(self, sources: list[Source], diagnostics: list[Diagnostic]) -> list[Analysis]:
        """The analyses of all sources, in their order: cached ones looked up, the others
        computed, by a pool of processes when there are enough of them to pay for it."""
        keys = [_analysis_key(source, self.settings.model) for source in sources]
        found = [self.cache.get("analysis", key) for key in keys]
        missing = [i for i, analysis in enumerate(found) if analysis is None]
        analyse = (
            _kept(
                partial(_analyse_isolated, recogniser=self.recogniser),
                self.cache,
                "analysis",
                _analysis_to_keep,
            )
            if missing
            else None
        )
        computed = self._compute("analyse", analyse, [(keys[i], sources[i]) for i in missing])
        self.analysed += len(missing)
        for i, (analysis, failure) in zip(missing, computed, strict=True):
            found[i] = analysis
            if failure is None:
                self.cache.remember("analysis", keys[i], analysis)
            else:  # not kept: the defect is reported again on the next build
                diagnostics.append(failure)
        return [analysis if analysis is not None else _NOTHING_FOUND for analysis in found]

    def _meanwhile(self) -> None:
        """While other processes read: what analysing needs loaded, the page templates
        compiled (for the processes that render), and the caller's work. Only a head start:
        a failure here is reported where the work is needed."""
        with contextlib.suppress(Exception):
            preload(self.settings, reading=False)
        with contextlib.suppress(Exception):
            self.renderer().compile_templates()
        if self.while_reading is not None:
            self.while_reading()

    def renderer(self) -> Renderer:
        if self._renderer is None:
            settings = self.settings
            self._renderer = Renderer(
                settings.templates_dir, settings.title, settings.directory_urls
            )
        return self._renderer

    def _compute(
        self,
        stage: str,
        function: Callable[..., T] | None,
        calls: list[tuple[Any, ...]],
        meanwhile: Callable[[], None] | None = None,
        *,
        apart: bool = False,
    ) -> list[T]:
        """``function`` over the argument tuples, in order: in this process, or in a pool of
        forked processes where there are enough calls to pay for starting it (``meanwhile``
        then runs here while the workers compute). With ``apart``, what the function loads
        is loaded by a forked process that forks the pool in turn, not by this one."""
        if function is None or not calls:
            return []
        workers = min(self._workers_for(len(calls)), len(calls) - 1)
        if workers < 2:
            return [function(*arguments) for arguments in calls]
        self.cache.prepare()  # once, here: the workers write their results into the folder
        if apart:
            computed = in_child_pool(function, calls, workers, meanwhile)
            self.pooled[stage] += len(calls) - 1
            return computed
        # the first here: it loads what the forked workers then share (the analysers' tables)
        first = function(*calls[0])
        rest = in_pool(function, calls[1:], workers, meanwhile)
        self.pooled[stage] += len(rest)
        return [first, *rest]

    def _workers_for(self, articles: int) -> int:
        """Processes for work over this many articles: a pool where it pays, else one."""
        enough = articles >= self.settings.parallel_from and CAN_FORK
        return self.settings.workers if enough else 1

    def _cached_link(
        self,
        sources: list[Source],
        analyses: list[Analysis],
        curation: Curation,
        diagnostics: list[Diagnostic],
    ) -> tuple[Dossier, Site]:
        """Reconcile and render, unless the same articles, analyses, curation file and
        templates were linked before: then the dossier, the pages and what linking reported
        come from the cache (only the last is kept: it is as big as the site)."""
        started = time.perf_counter()
        key = self._link_key(sources, analyses)
        cached = self.cache.get_latest("link", key)
        if cached is not None:
            self.timings["link from the cache"] = time.perf_counter() - started
            dossier, site, reported, curation_reported = cached
            diagnostics.extend(reported)
            curation.diagnostics.extend(curation_reported)
            return dossier, site
        before, curation_before = len(diagnostics), len(curation.diagnostics)
        dossier, site = self._isolated_link(sources, analyses, curation, diagnostics)
        reported = tuple(diagnostics[before:])
        curation_reported = tuple(curation.diagnostics[curation_before:])
        linked = (dossier, site, reported, curation_reported)
        if self.defer_writes:
            self.cache.remember("link", "latest", (key, linked))
            self._deferred.append(partial(self.cache.put_latest, "link", key, linked))
        else:
            self.cache.put_latest("link", key, linked)
        return dossier, site

    def write_deferred(self) -> None:
        """Write to disk what ``defer_writes`` held back (the linked dossier, 10 MB at 300
        articles: a build need not wait for it before it writes its pages)."""
        writes, self._deferred = self._deferred, []
        for write in writes:
            write()

    def _link_key(self, sources: list[Source], analyses: list[Analysis]) -> str:
        """Everything linking and rendering read: the whole package, the project's templates,
        the title, the size above which a dossier is compact, which pages editors wrote, the
        curation file, the sources and (by their keys) their analyses."""
        curation_file = self.settings.curation_path
        try:
            curation_bytes = curation_file.read_bytes()
        except OSError:
            curation_bytes = b"-"
        analysed = "\n".join(
            f"{_analysis_key(source, self.settings.model)} {analysis == _NOTHING_FOUND}"
            for source, analysis in zip(sources, analyses, strict=True)
        )
        docs = self.settings.docs_dir
        editors_pages = (
            "\n".join(sorted(str(p.relative_to(docs)) for p in docs.rglob("*.md")))
            if docs is not None and docs.is_dir()
            else "-"
        )
        return content_key(
            package_fingerprint(),
            folder_fingerprint(self.settings.templates_dir),
            self.settings.title,
            str(self.settings.compact_above),
            str(self.settings.directory_urls),
            editors_pages,  # an actor an editor wrote a page for keeps its own page
            curation_bytes,
            repr(sources),
            analysed,
        )

    def _link(
        self, sources: list[Source], analyses: list[Analysis], curation: Curation | None
    ) -> tuple[Dossier, Site]:
        started = time.perf_counter()
        dossier = self.reconcile(sources, analyses, curation)
        self.timings["reconcile"] = time.perf_counter() - started
        started = time.perf_counter()
        site = self.renderer().render(
            dossier,
            self.settings.compact_above,
            self.settings.docs_dir,
            self._workers_for(len(sources)),
        )
        self.timings["render"] = time.perf_counter() - started
        return dossier, site

    def _isolated_link(
        self,
        sources: list[Source],
        analyses: list[Analysis],
        curation: Curation,
        diagnostics: list[Diagnostic],
    ) -> tuple[Dossier, Site]:
        """Reconcile and render; if that fails, find the articles that make it fail.

        A failure without any article is a fault of the project (templates) and stops
        the build. Otherwise the shortest failing prefix of the articles names one
        culprit at a time (a binary search); each is skipped with an error naming its
        file, and the others are built. More than ``MAX_CULPRITS`` of them is a defect of
        the generator, not of articles (one that any large dossier meets): the build stops
        there, instead of linking the dossier again and again for each of its articles.
        """
        reported = len(curation.diagnostics)
        try:
            return self._link(sources, analyses, curation)
        except TemplateFault:
            raise
        except Exception as error:  # any defect: find the article behind it
            first_error = error
            del curation.diagnostics[reported:]  # the curation is applied once more below

        def failure(indices: list[int]) -> Exception | None:
            try:
                self._link([sources[i] for i in indices], [analyses[i] for i in indices], None)
            except Exception as error:  # probing: any failure counts
                return error
            return None

        if failure([]) is not None:
            if isinstance(first_error, DossierError):
                raise first_error
            raise DossierError(_site_fault(first_error)) from first_error
        remaining = list(range(len(sources)))
        while (error := failure(remaining)) is not None:
            if len(sources) - len(remaining) == MAX_CULPRITS:
                raise DossierError(_site_fault(first_error)) from first_error
            low, high = 1, len(remaining)  # remaining[:high] fails, remaining[:0] does not
            while low < high:
                middle = (low + high) // 2
                if failure(remaining[:middle]) is not None:
                    high = middle
                else:
                    low = middle + 1
            culprit = remaining.pop(low - 1)
            diagnostics.append(
                Diagnostic(
                    level="error",
                    path=sources[culprit].file,
                    message=_defect("linking and rendering", error),
                )
            )
        if not remaining and len(sources) > 1:  # not one article builds: not theirs to blame
            raise DossierError(_site_fault(first_error)) from first_error
        kept_sources = [sources[i] for i in remaining]
        kept_analyses = [analyses[i] for i in remaining]
        try:
            return self._link(kept_sources, kept_analyses, curation)
        except Exception as error:  # the articles pass without the curation file: it is the cause
            del curation.diagnostics[reported:]
            curation.error(
                1,
                f"interner Fehler beim Anwenden der Korrekturen ({type(error).__name__}: "
                f"{error}); die Korrekturen wurden nicht angewandt, bitte melden",
            )
            return self._link(kept_sources, kept_analyses, None)

    def reconcile(
        self, sources: list[Source], analyses: list[Analysis], curation: Curation | None = None
    ) -> Dossier:
        sources = mark_copies(sources)
        candidates = [c for analysis in analyses for c in analysis.candidates]
        cues = [cue for analysis in analyses for cue in analysis.cues]
        actors = resolve_actors(sources, candidates)
        if curation is not None:
            actors = apply_to_actors(curation, actors)
        dates = [d for analysis in analyses for d in analysis.dates]
        events, conflicts = build_events(sources, cues, actors, dates)
        quantities = [q for analysis in analyses for q in analysis.quantities]
        discrepancies = find_discrepancies(sources, actors, events, quantities, conflicts, dates)
        dossier = Dossier(
            sources=tuple(sources),
            actors=tuple(actors),
            events=tuple(events),
            discrepancies=tuple(discrepancies),
            dates=tuple(dates),
            quantities=tuple(quantities),
        )
        return apply_to_dossier(curation, dossier) if curation is not None else dossier


def analyse_source(source: Source, recogniser: Recogniser) -> Analysis:
    """Per-article extraction: actor candidates, dates, numbers and dated event cues."""
    reference = dt.date.fromisoformat(source.published) if source.published else None
    cues = []
    dates = []
    quantities = []
    previous: tuple[int, list] = (-1, [])  # the figures of the sentence before, by paragraph
    for sentence in source.sentences:
        found = find_dates(sentence.text, reference)
        dates.extend(
            DateMention(
                source=source.id,
                sentence=sentence.id,
                phrase=d.phrase,
                date=d.value,
                relative=d.relative,
            )
            for d in found
        )
        context = previous[1][-1] if previous[0] == sentence.paragraph and previous[1] else None
        figures = find_quantities(
            sentence.text, skip=[(d.start, d.end) for d in found], context=context
        )
        previous = (sentence.paragraph, figures)
        quantities.extend(
            Quantity(
                source=source.id,
                sentence=sentence.id,
                phrase=q.phrase,
                value=q.value,
                upper=q.upper,
                unit=q.unit,
                hedge=q.hedge,
                unit_text=q.unit_text,
                qualifier=q.qualifier,
                start=q.start,
                end=q.end,
            )
            for q in figures
        )
        cues.extend(
            EventCue(source=source.id, sentence=sentence.id, cue=cue)
            for cue in find_cues(sentence.text, found, find_times(sentence.text))
        )
    return Analysis(
        candidates=tuple(recogniser.recognise(source)),
        cues=tuple(cues),
        dates=tuple(dates),
        quantities=tuple(quantities),
    )


def _analysis_key(source: Source, model: str | None) -> str:
    """The whole source, id and dates included: analysis reads them (relative dates)."""
    return content_key(model or "rules", repr(source))


def _analyse_isolated(source: Source, recogniser: Recogniser) -> tuple[Analysis, Diagnostic | None]:
    """A defect in analysis costs the article its extracted facts, never the build."""
    try:
        return analyse_source(source, recogniser), None
    except Exception as error:  # any defect: report it, keep the other articles
        return _NOTHING_FOUND, Diagnostic(
            level="warning",
            path=source.file,
            message=_defect("analysing", error)
            + "; the text is shown without actors, dates and numbers",
        )


# a made-up sentence, and its words as spaCy's German tokenizer finds them (a test checks)
_WARM_UP = "Am 3. Mai sagte die Ministerin in der Hauptstadt, 120 Menschen seien da."
_WARM_UP_WORDS = re.compile(r"\d+\.(?= [A-Z])|\w+|[^\w\s]")


def preload(settings: Settings, *, reading: bool = True) -> None:
    """Load what analysing an article needs (lexicon, word clusters, lemmas) by analysing a
    made-up article, and with ``reading`` what reading one needs (spaCy's German tokenizer):
    `mkdocs serve` does it after its first build, so that an editor's first save does not
    wait for it. A cold build loads the tables while other processes read the articles."""
    # The tables live as long as the process: the cyclic garbage collector need not walk
    # their objects while they load (a full collection of 0.1 s that finds nothing) nor
    # again and again after (half its time in a cold build), nor touch the copies that
    # forked workers share.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if reading:
            split_tokenized(_WARM_UP)
        analyse_source(warm_up_source(), shared_recogniser(settings.model))
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def warm_up_source() -> Source:
    """A made-up article of one sentence, tokenized without loading spaCy."""
    offsets = array("I", [n for m in _WARM_UP_WORDS.finditer(_WARM_UP) for n in m.span()])
    sentence = Sentence(id="s1", paragraph=1, text=_WARM_UP, tokens=offsets.tobytes())
    return Source(
        id="preload",
        file="preload",
        title="Titel",
        paragraphs=(Paragraph(index=1, kind="text", sentences=("s1",)),),
        sentences=(sentence,),
    )


@lru_cache(maxsize=2)
def shared_recogniser(model: str | None) -> Recogniser:
    """One recogniser per model and process: `mkdocs serve` builds with a new pipeline each
    time, and a spaCy model takes seconds to load. Recognisers keep no state per article."""
    return make_recogniser(model)


def infer_publication_date(source: Source) -> Source:
    """Without a date line or metadata, the latest full date in the text stands in, marked
    as inferred; with none, the article stays undated and its relative dates year-less."""
    if source.published is not None:
        return source
    full_dates = [
        found.value.iso
        for sentence in source.sentences
        if may_name_a_full_date(sentence.text)
        for found in find_dates(sentence.text, None)
        if found.value is not None and found.value.precision == "day" and not found.relative
    ]
    if not full_dates:
        return source
    return replace(source, published=max(full_dates), date_inferred=True)


def _display(path: Path) -> str:
    """A path as editors know it: relative to the working directory where possible."""
    try:
        return printable_name(path.resolve().relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return printable_name(path.as_posix())


def run_pipeline(settings: Settings, recogniser: Recogniser | None = None) -> Result:
    return Pipeline(settings, recogniser).run()


def _kept(
    function: Callable[..., T], cache: ResultCache, kind: str, to_keep: Callable[[T], Any]
) -> Callable[..., T]:
    """``function`` whose first argument is the key its result is kept under in ``cache``
    (what ``to_keep`` makes of it; None is not kept). In a forked worker this writes the
    entry to the cache's folder, beside the other workers, instead of leaving every write
    to the process that waits for them all."""

    def computed_and_kept(key: str, *arguments: Any) -> T:
        result = function(*arguments)
        value = to_keep(result)
        if value is not None:
            cache.put(kind, key, value)
        return result

    return computed_and_kept


def _as_read(
    read: tuple[Source | None, list[Diagnostic]],
) -> tuple[Source | None, tuple[Diagnostic, ...]]:
    source, found = read
    return source, tuple(found)


def _analysis_to_keep(computed: tuple[Analysis, Diagnostic | None]) -> Analysis | None:
    analysis, failure = computed
    return analysis if failure is None else None  # a defect is reported on every build


def _isolated_parse(
    raw: bytes, suffix: str, display: str, *, limits: Limits
) -> tuple[Source | None, list[Diagnostic]]:
    """One article parsed; a defect that escapes the parser costs this article only."""
    try:
        return _dated(parse_article(raw, suffix, display, limits))
    except Exception as error:  # any defect: report it, keep the other articles
        return None, [Diagnostic(level="error", path=display, message=_defect("reading", error))]


def _dated(
    read: tuple[Source | None, list[Diagnostic]],
) -> tuple[Source | None, list[Diagnostic]]:
    """An article as read, with its publication date inferred where it states none (here,
    with the reading, in the pool; an editor's date in the curation file overrides it)."""
    source, found = read
    return (None if source is None else infer_publication_date(source)), found


def _isolated_read(
    path: Path, display: str, limits: Limits
) -> tuple[Source | None, list[Diagnostic]]:
    """One article read; a defect that escapes the reader costs this article only."""
    try:
        return _dated(read_article(path, display, limits))
    except Exception as error:  # any defect: report it, keep the other articles
        return None, [Diagnostic(level="error", path=display, message=_defect("reading", error))]


def _site_fault(error: Exception) -> str:
    return f"internal error while building the site ({type(error).__name__}: {error})"


_NOTHING_FOUND = Analysis(candidates=(), cues=(), dates=(), quantities=())


def _defect(stage: str, error: BaseException) -> str:
    return (
        f"internal error while {stage} this article ({type(error).__name__}: {error}); "
        "please report it with the file"
    )


def drop_exact_duplicates(sources: list[Source], diagnostics: list[Diagnostic]) -> list[Source]:
    """An article whose content equals an earlier one (another file name only) is one source:
    the later file is warned about and left out."""
    first: dict[Source, str] = {}
    kept = []
    for source in sources:
        content = replace(source, file="")
        if content in first:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    path=source.file,
                    message=(
                        f"exact copy of {first[content]}; counted once as that source "
                        "(delete one of the two files)"
                    ),
                )
            )
            continue
        first[content] = source.file
        kept.append(source)
    return kept
