"""The wheel is the product: built, installed without -e into a fresh venv, used by a new
MkDocs project that has nothing but mkdocs.yml and its articles; its Markdown export built
by Zensical, the successor of Material for MkDocs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, seed_texts

pytestmark = pytest.mark.slow

CORPUS = ROOT.parent / "shared" / "corpora" / "10kgnad-test.csv"
CORPUS_TO_SEEDS = ROOT.parent / "shared" / "tools" / "corpus_to_seeds.py"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
# what a page loads: scripts, stylesheets, images, frames (not plain links to read on)
RESOURCE = re.compile(
    r"<(?:script|img|iframe|source)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\""
)

Run = Callable[..., subprocess.CompletedProcess[str]]


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=ENV, check=False
    )


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv (no system site packages) with the wheel built from this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    # built from a copy: the checkout gets no build/ or egg-info (".*": .git, .venv, caches)
    source = work / "source"
    skip = shutil.ignore_patterns(".*", "site", "build", "*.egg-info", "__pycache__", "tests")
    shutil.copytree(ROOT, source, ignore=skip)
    wheels = work / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, source)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("dossier_generator-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "-q", wheel)
    assert installed.returncode == 0, installed.stderr
    return env_dir


def _write_seeds(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, text in seed_texts().items():
        (folder / name).write_text(text, encoding="utf-8")


def test_wheel_holds_templates_and_data(fresh_venv: Path) -> None:
    found = _run(
        fresh_venv / "bin" / "python",
        "-c",
        "import generator, pathlib; p = pathlib.Path(generator.__file__).parent; "
        "print(p); print(*sorted(x.name for x in (p / 'templates').glob('*.j2'))); "
        "print(*sorted(x.name for x in (p / 'data').glob('*.txt.gz')))",
        cwd=fresh_venv,
    )
    assert found.returncode == 0, found.stderr
    where, templates, data = found.stdout.splitlines()
    assert Path(where).is_relative_to(fresh_venv)  # the installed copy, not the checkout
    assert templates.split() == sorted(
        p.name for p in (ROOT / "generator" / "templates").glob("*.j2")
    )
    assert data.split() == sorted(p.name for p in (ROOT / "generator" / "data").glob("*.txt.gz"))


def test_new_mkdocs_project_builds_with_only_mkdocs_yml_and_seeds(
    fresh_venv: Path, tmp_path: Path
) -> None:
    project = tmp_path / "neues-projekt"
    project.mkdir()
    (project / "mkdocs.yml").write_text(
        "site_name: Gipfel-Dossier\nplugins:\n  - search\n  - dossier\n", encoding="utf-8"
    )
    _write_seeds(project / "seeds")
    (project / "docs").mkdir()  # MkDocs itself requires its docs folder to exist
    result = _run(fresh_venv / "bin" / "mkdocs", "build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "not included in the" not in result.stderr, result.stderr
    site = project / "site"
    start = (site / "index.html").read_text(encoding="utf-8")
    assert ">Gipfel-Dossier</h1>" in start
    assert "<title>Akteure - Gipfel-Dossier</title>" in (site / "akteure" / "index.html").read_text(
        encoding="utf-8"
    )
    assert len(list((site / "quellen").glob("*/index.html"))) == 3
    assert (site / "dossier.json").is_file()
    assert (site / "stylesheets" / "dossier.css").is_file()  # the styles of the generated pages
    assert 'href="stylesheets/dossier.css"' in start
    external = {
        url
        for page in site.rglob("*.html")
        for match in RESOURCE.finditer(page.read_text(encoding="utf-8"))
        for url in match.groups()
        if url and re.match(r"(https?:)?//", url)
    }
    assert not external  # the default theme's CDN scripts are switched off
    # besides the site, only the analysis cache, which git skips in any project
    assert sorted(p.name for p in project.iterdir()) == [
        ".dossier-cache",
        "docs",
        "mkdocs.yml",
        "seeds",
        "site",
    ]
    assert (project / ".dossier-cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert not any((project / "docs").iterdir())  # nothing written into docs/


@pytest.fixture(scope="session")
def zensical(fresh_venv: Path) -> Path:
    """Zensical in the same fresh venv; the tests skip, saying why, where pip cannot get it."""
    installed = _run(fresh_venv / "bin" / "python", "-m", "pip", "install", "-q", "zensical")
    if installed.returncode != 0:
        pytest.skip(f"zensical cannot be installed here: {installed.stderr.strip()[-300:]}")
    return fresh_venv / "bin" / "zensical"


def _zensical_build(fresh_venv: Path, zensical: Path, project: Path) -> Path:
    """`dossier export --markdown` of the project, then `zensical build --strict` of it with
    the project's mkdocs.yml less the dossier plugin; returns the built site."""
    export = _run(fresh_venv / "bin" / "dossier", "export", "--markdown", "export", cwd=project)
    assert export.returncode == 0, export.stderr
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "export"
    config["site_dir"] = "zensical-site"
    config["plugins"] = [p for p in config["plugins"] if "dossier" not in p]
    (project / "zensical.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    built = _run(zensical, "build", "--strict", "-f", "zensical.yml", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "zensical-site"


def test_markdown_export_of_the_seeds_builds_with_zensical(
    fresh_venv: Path, zensical: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    _write_seeds(tmp_path / "seeds")
    site = _zensical_build(fresh_venv, zensical, tmp_path)
    assert (site / "akteure" / "wladimir-putin" / "index.html").is_file()
    assert "Wladimir Putin" in (site / "search.json").read_text(encoding="utf-8")


def test_markdown_export_of_300_articles_builds_with_zensical(
    fresh_venv: Path, zensical: Path, tmp_path: Path
) -> None:
    if not CORPUS.is_file() or not CORPUS_TO_SEEDS.is_file():
        pytest.skip(f"corpus not found: {CORPUS}")
    made = _run(
        sys.executable,
        CORPUS_TO_SEEDS,
        "--csv",
        CORPUS,
        "--count",
        "300",
        "--out",
        "seeds",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    site = _zensical_build(fresh_venv, zensical, tmp_path)
    assert len(list((site / "quellen").glob("*/index.html"))) >= 295  # a few may be unreadable
    assert "wer-berichtet-was" not in (site / "search.json").read_text(encoding="utf-8")
