"""The pipeline: ingest → analyse → reconcile → render, in this order and no other.

Read everything, then link, then write: no page is rendered before the whole
dossier exists, because cross-links form a graph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .analyse.actors import Candidate, Recogniser
from .analyse.anchoring import anchor_undated
from .analyse.dates import find_dates
from .analyse.events import EventCue, find_cues
from .analyse.quantities import find_quantities
from .analyse.statistical import make_recogniser
from .analyse.times import find_times
from .errors import Diagnostic, DossierError
from .ingest.articles import printable_name, read_article, scan_articles
from .model import DateMention, Dossier, Quantity, Source
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
from .render.site import Site, TemplateFault, render_site
from .settings import Limits, Settings


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
    """Runs the stages; keeps per-article analyses cached by content so rebuilds are cheap."""

    def __init__(
        self,
        settings: Settings,
        recogniser: Recogniser | None = None,
        cache: dict[str, Analysis] | None = None,
    ) -> None:
        self.settings = settings
        self.recogniser = recogniser or make_recogniser(settings.model)
        self._cache: dict[str, Analysis] = cache if cache is not None else {}

    def run(self) -> Result:
        curation = load_curation(self.settings.curation_path, _display(self.settings.curation_path))
        sources, diagnostics = self.ingest(curation)
        analyses = [self._isolated_analyse(source, diagnostics) for source in sources]
        dossier, site = self._isolated_link(sources, analyses, curation, diagnostics)
        diagnostics.extend(curation.diagnostics)
        return Result(dossier=dossier, site=site, diagnostics=tuple(diagnostics))

    def ingest(self, curation: Curation | None = None) -> tuple[list[Source], list[Diagnostic]]:
        seeds_dir = self.settings.seeds_dir
        if not seeds_dir.is_dir():
            raise DossierError(f"articles folder not found: {seeds_dir}")
        sources: list[Source] = []
        paths, diagnostics = scan_articles(seeds_dir, _display(seeds_dir))
        for path in paths:
            source, found = _isolated_read(path, _display(path), self.settings.limits)
            diagnostics.extend(found)
            if source is not None:
                sources.append(source)
        sources = drop_exact_duplicates(sources, diagnostics)
        if curation is not None:
            sources = apply_to_sources(curation, sources)
        sources = anchor_undated([infer_publication_date(source) for source in sources])
        ids = unique_slugs(source.title for source in sources)
        return [
            replace(source, id=slug) for source, slug in zip(sources, ids, strict=True)
        ], diagnostics

    def analyse(self, source: Source) -> Analysis:
        key = f"{self.settings.model or 'rules'}:{_fingerprint(source)}"
        cached = self._cache.get(key)
        if cached is None:
            cached = analyse_source(source, self.recogniser)
            self._cache[key] = cached
        return cached

    def _isolated_analyse(self, source: Source, diagnostics: list[Diagnostic]) -> Analysis:
        """A defect in analysis costs the article its extracted facts, never the build."""
        try:
            return self.analyse(source)
        except Exception as error:  # any defect: report it, keep the other articles
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    path=source.file,
                    message=_defect("analysing", error)
                    + "; the text is shown without actors, dates and numbers",
                )
            )
            return _NOTHING_FOUND

    def _link(
        self, sources: list[Source], analyses: list[Analysis], curation: Curation | None
    ) -> tuple[Dossier, Site]:
        dossier = self.reconcile(sources, analyses, curation)
        return dossier, render_site(
            dossier,
            self.settings.templates_dir,
            self.settings.title,
            compact_above=self.settings.compact_above,
            docs_dir=self.settings.docs_dir,
        )

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
        file, and the others are built.
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
        events, conflicts = build_events(sources, cues, actors)
        quantities = [q for analysis in analyses for q in analysis.quantities]
        dates = [d for analysis in analyses for d in analysis.dates]
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


def infer_publication_date(source: Source) -> Source:
    """Without a date line or metadata, the latest full date in the text stands in, marked
    as inferred; with none, the article stays undated and its relative dates year-less."""
    if source.published is not None:
        return source
    full_dates = [
        found.value.iso
        for sentence in source.sentences
        for found in find_dates(sentence.text, None)
        if found.value is not None and found.value.precision == "day" and not found.relative
    ]
    if not full_dates:
        return source
    return replace(source, published=max(full_dates), date_inferred=True)


def _fingerprint(source: Source) -> str:
    digest = hashlib.sha256(repr(source).encode("utf-8"))
    return digest.hexdigest()


def _display(path: Path) -> str:
    """A path as editors know it: relative to the working directory where possible."""
    try:
        return printable_name(path.resolve().relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return printable_name(path.as_posix())


def run_pipeline(settings: Settings, recogniser: Recogniser | None = None) -> Result:
    return Pipeline(settings, recogniser).run()


def _isolated_read(
    path: Path, display: str, limits: Limits
) -> tuple[Source | None, list[Diagnostic]]:
    """One article read; a defect that escapes the reader costs this article only."""
    try:
        return read_article(path, display, limits)
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
