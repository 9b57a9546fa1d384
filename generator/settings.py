"""Settings of one pipeline run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    seeds_dir: Path
    templates_dir: Path | None = None  # the project's own templates, overriding the packaged ones
    title: str = "Dossier"  # the dossier's name: heading of the start page
    docs_dir: Path | None = None
    model: str | None = None  # an installed spaCy pipeline merged with the rules (optional)
    curation_file: Path | None = None  # the editors' corrections; default seeds/kuratierung.yml

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
        )
