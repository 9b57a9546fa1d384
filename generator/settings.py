"""Settings of one pipeline run."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# Default of Settings.parallel_from, measured with scripts/benchmark.py (README, Speed).
PARALLEL_FROM = 32
# The cache folder next to mkdocs.yml (plugin option ``cache``).
DEFAULT_CACHE = ".dossier-cache"


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """What one article may be: bigger files are skipped, longer lines and sentences split.

    They bound the time one article can take to analyse (it grows with its length).
    """

    # a long news article is 10-50 kB; 300 kB keeps the worst article to a few seconds
    max_article_bytes: int = 300_000
    max_paragraph_chars: int = 20_000  # a longer line or paragraph is split into several
    max_sentence_chars: int = 2_000  # a longer "sentence" is split at spaces
    max_title_chars: int = 300  # a longer headline is shortened (the line stays as text)


# Above this many sources a dossier is "large": actors mentioned once get no page of their
# own, and the coverage matrix shows only events that two or more sources report.
COMPACT_ABOVE = 100


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    seeds_dir: Path
    templates_dir: Path | None = None  # the project's own templates, overriding the packaged ones
    title: str = "Dossier"  # the dossier's name: heading of the start page
    docs_dir: Path | None = None
    model: str | None = None  # an installed spaCy pipeline merged with the rules (optional)
    curation_file: Path | None = None  # the editors' corrections; default seeds/kuratierung.yml
    limits: Limits = Limits()
    compact_above: int = COMPACT_ABOVE  # sources; see COMPACT_ABOVE
    directory_urls: bool = True  # the site's page URLs end in "/" (MkDocs' use_directory_urls)
    # where results per article are kept between builds (None: in memory only); safe to delete
    cache_dir: Path | None = None
    # articles are analysed by a pool of this many processes (1: none) when at least
    # ``parallel_from`` of them are not in the cache; below that a pool costs more than it saves
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    parallel_from: int = PARALLEL_FROM

    @property
    def curation_path(self) -> Path:
        return self.curation_file or self.seeds_dir / "kuratierung.yml"

    @classmethod
    def for_project(
        cls, root: Path, seeds_dir: Path | None = None, model: str | None = None
    ) -> Settings:
        """Settings for a project laid out as the design card says (seeds/, templates/, docs/);
        a project without templates/ uses the packaged templates."""
        templates = root / "templates"
        return cls(
            seeds_dir=seeds_dir if seeds_dir is not None else root / "seeds",
            templates_dir=templates if templates.is_dir() else None,
            docs_dir=root / "docs",
            model=model,
            cache_dir=root / DEFAULT_CACHE,
        )
