"""The `dossier` command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.faces.cli import main

from .conftest import seed_texts


@pytest.fixture
def project(make_project, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = make_project(seed_texts())
    monkeypatch.chdir(path)
    return path


def test_export_json(project: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", "out/dossier.json"])
    assert result.exit_code == 0, result.output
    data = json.loads((project / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 3


def test_export_markdown_writes_a_complete_docs_folder_outside_docs(project: Path) -> None:
    (project / "docs" / "akteure").mkdir()
    (project / "docs" / "akteure" / "nordkorea.md").write_text(
        "---\ntitle: Nordkorea – Kommentar\n---\n\n# Nordkorea\n\nSiehe [[Wladimir Putin]].\n\n<!-- dossier -->\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export", "--markdown", "export"])
    assert result.exit_code == 0, result.output
    out = project / "export"
    assert (out / "index.md").is_file()
    assert len(list((out / "quellen").glob("*.md"))) == 4
    assert (out / "methode.md").is_file() and (out / "stylesheets" / "dossier.css").is_file()
    merged = (out / "akteure" / "nordkorea.md").read_text(encoding="utf-8")
    assert merged.startswith("---\ntitle: Nordkorea – Kommentar\n---")
    assert "[Wladimir Putin](wladimir-putin.md)" in merged
    assert ">Erwähnungen</h2>" in merged and "<!-- dossier -->" not in merged
    assert ">Verwaiste Kommentare</h2>" in (out / "redaktion.md").read_text(encoding="utf-8")


def test_the_exported_folder_builds_with_plain_mkdocs(project: Path, tmp_path: Path) -> None:
    """No dossier plugin: the generated pages' HTML passes through Markdown as it is."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    assert CliRunner().invoke(main, ["export", "--markdown", "export"]).exit_code == 0
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        f"site_name: Export\ndocs_dir: {project / 'export'}\nsite_dir: {tmp_path / 'site'}\n",
        encoding="utf-8",
    )
    build(load_config(config_file=str(config_file), strict=True))
    page = (tmp_path / "site" / "akteure" / "wladimir-putin" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<h1 id="wladimir-putin">Wladimir Putin</h1>' in page
    assert '<h2 id="erwahnungen" data-search-exclude>Erwähnungen</h2>' in page
    assert "&lt;p&gt;" not in page and "&lt;a " not in page  # not shown as text
    article = page.split('<h1 id="wladimir-putin">', 1)[1]
    linked = article.split('href="../../quellen/', 1)[1].split("/", 1)[0]
    assert (tmp_path / "site" / "quellen" / linked / "index.html").is_file()


def test_export_reads_the_plugin_options_of_mkdocs_yml(project: Path) -> None:
    (project / "seeds").rename(project / "artikel")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: Dossier", "site_name: Gipfel-Dossier")
    (project / "mkdocs.yml").write_text(
        config.replace(
            "      seeds: seeds\n", "      seeds: artikel\n      title: Gipfel in Wien\n"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export", "--markdown", "export"])
    assert result.exit_code == 0, result.output
    assert ">Gipfel in Wien</h1>" in (project / "export" / "index.md").read_text(encoding="utf-8")
    assert len(list((project / "export" / "quellen").glob("*.md"))) == 4


@pytest.mark.parametrize("target", ["docs", "docs/generiert", "seeds/x"])
def test_export_markdown_refuses_to_write_into_docs(project: Path, target: str) -> None:
    before = sorted(p.as_posix() for p in project.rglob("*"))
    result = CliRunner().invoke(main, ["export", "--markdown", target])
    assert result.exit_code != 0
    assert "refusing to write into" in result.output
    assert sorted(p.as_posix() for p in project.rglob("*")) == before


def test_check_reports_file_and_line(project: Path) -> None:
    (project / "seeds" / "kaputt.md").write_text("---\ntitle: [x\n---\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "seeds/kaputt.md:2: front matter is not valid YAML" in result.output


def test_check_passes_on_the_seeds(project: Path) -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"dossier {name}" in readme, name


def test_build_writes_the_site(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--site", "out-site", "--strict"])
    assert result.exit_code == 0, result.output
    assert (project / "out-site" / "index.html").is_file()
    assert (project / "out-site" / "dossier.json").is_file()


def test_build_with_other_seeds(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "andere"
    other.mkdir()
    (other / "a.txt").write_text(
        "Gipfel in Wien\nDie Ministerin Eva Roth traf in Wien ein.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", "--seeds", str(other), "--site", "s2"])
    assert result.exit_code == 0, result.output
    assert len(list((project / "s2" / "quellen").glob("*/index.html"))) == 1


def test_exported_folder_builds_without_the_plugin(project: Path) -> None:
    import os
    import subprocess
    import sys

    assert CliRunner().invoke(main, ["export", "--markdown", "export"]).exit_code == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", "docs_dir: export")
    config = config.replace("  - dossier:\n      seeds: seeds\n", "")
    assert "dossier" not in config.split("plugins:")[1].split("markdown_extensions:")[0]
    (project / "plain.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "plain.yml",
            "-d",
            "plain-site",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    assert (project / "plain-site" / "akteure" / "wladimir-putin" / "index.html").is_file()


def test_no_cache_keeps_nothing_and_cache_names_the_folder(tmp_path, monkeypatch) -> None:
    from .conftest import seed_texts

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in seed_texts().items():
        (seeds / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--no-cache"]).exit_code == 0
    assert not (tmp_path / ".dossier-cache").exists()
    assert runner.invoke(main, ["check", "--cache", "elsewhere"]).exit_code == 0
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / ".dossier-cache").exists()
    assert runner.invoke(main, ["check"]).exit_code == 0
    assert (tmp_path / ".dossier-cache" / "CACHEDIR.TAG").is_file()
