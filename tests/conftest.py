"""Shared fixtures: the project root, throw-away projects with chosen articles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
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


def start_serve(project: Path, port: int) -> tuple[subprocess.Popen[str], list[str]]:
    """`mkdocs serve` in a project, with its output so far once it says "Serving on"."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any("Serving on" in line for line in lines):
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
    return process, lines
