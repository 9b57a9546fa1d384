"""Shared fixtures: the project root, throw-away projects with chosen articles."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import Settings, run_pipeline
from generator.pipeline import Result

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_result() -> Result:
    """The pipeline run over the three seed articles (shared: it is read-only)."""
    return run_pipeline(Settings.for_project(ROOT))


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """A copy of the project (mkdocs.yml, templates, docs) with the given articles in seeds/."""

    def make(articles: dict[str, str | bytes]) -> Path:
        project = tmp_path / "project"
        project.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "templates", project / "templates")
        shutil.copytree(ROOT / "docs", project / "docs")
        seeds = project / "seeds"
        seeds.mkdir()
        for name, content in articles.items():
            path = seeds / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return project

    return make


def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
