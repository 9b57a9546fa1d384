"""Real `mkdocs build --strict` runs of the project and of throw-away projects."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, seed_texts
from .test_site import HOSTILE

pytestmark = pytest.mark.slow


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def git_status() -> str | None:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return status.stdout if status.returncode == 0 else None


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str | None, str | None]:
    site = tmp_path_factory.mktemp("site")
    before = (tree_digest(ROOT / "docs"), tree_digest(ROOT / "seeds"))
    status_before = git_status()
    result = mkdocs_build(ROOT, site, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tree_digest(ROOT / "docs"), tree_digest(ROOT / "seeds")) == before
    return site, status_before, git_status()


def test_strict_build_of_the_seeds_has_every_page(built_site) -> None:
    built_site = built_site[0]
    for page in (
        "index.html",
        "quellen/index.html",
        "akteure/index.html",
        "ereignisse/index.html",
        "widersprueche/index.html",
        "methode/index.html",
    ):
        assert (built_site / page).is_file(), page
    assert len(list((built_site / "quellen").glob("*/index.html"))) == 3
    assert (built_site / "dossier.json").is_file()
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html


def test_search_index_finds_the_seed_actors(built_site) -> None:
    built_site = built_site[0]
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "Putin" in text
    assert "Nordkorea" in text


def test_sentence_anchors_exist_in_the_built_source_pages(built_site) -> None:
    built_site = built_site[0]
    page = next((built_site / "quellen").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'id="s1"' in page


def test_build_leaves_git_status_as_it_was(built_site) -> None:
    _, before, after = built_site
    if before is None:
        pytest.skip("not a git checkout")
    assert after == before  # on a clean checkout (CI): clean before and after


def test_two_builds_write_identical_json_and_pages(make_project, tmp_path: Path) -> None:
    project = make_project(seed_texts())
    first, second = tmp_path / "a", tmp_path / "b"
    assert mkdocs_build(project, first).returncode == 0
    assert mkdocs_build(project, second).returncode == 0
    assert (first / "dossier.json").read_bytes() == (second / "dossier.json").read_bytes()
    assert tree_digest(first) == tree_digest(second)  # every page, byte for byte


def test_hostile_article_cannot_inject_markup(make_project, tmp_path: Path) -> None:
    project = make_project({"boese.txt": HOSTILE})
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
        assert "49" not in html.split("Ein Satz mit", 1)[-1][:20], page


def test_broken_article_is_a_warning_and_fails_strict(make_project, tmp_path: Path) -> None:
    project = make_project({**seed_texts(), "leer.txt": ""})
    lenient = mkdocs_build(project, tmp_path / "a")
    assert lenient.returncode == 0
    assert "seeds/leer.txt: file is empty" in lenient.stderr
    assert len(list((tmp_path / "a" / "quellen").glob("*/index.html"))) == 3
    strict = mkdocs_build(project, tmp_path / "b", "--strict")
    assert strict.returncode != 0
