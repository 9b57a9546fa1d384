"""The MkDocs plugin's options and the templates a project overrides."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import InclusionLevel, get_files

from generator import Settings, run_pipeline
from generator.faces.mkdocs_plugin import DossierConfig

from .conftest import ROOT, seed_texts


def _project(tmp_path: Path, plugin: str, theme: str = "") -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Dossier Test\n{theme}plugins:\n  - {plugin}\n", encoding="utf-8")
    return config


def _load(config: Path):
    return load_config(config_file=str(config))


def test_a_misspelt_option_is_a_config_error_naming_the_option(tmp_path, caplog) -> None:
    config = _project(tmp_path, "dossier:\n      seed: artikel")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _load(config)
    assert "option 'seed': unknown option 'seed' (did you mean 'seeds'?)" in caplog.text


def test_a_templates_folder_that_is_given_must_exist(tmp_path, caplog) -> None:
    config = _project(tmp_path, "dossier:\n      templates: vorlagen")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _load(config)
    assert "option 'templates'" in caplog.text and "vorlagen" in caplog.text


def test_title_comes_from_site_name_or_the_option(tmp_path) -> None:
    config = _load(_project(tmp_path, "dossier"))
    plugin = config.plugins["dossier"]
    plugin.on_config(config)
    assert plugin.settings.title == "Dossier Test"
    config = _load(_project(tmp_path, "dossier:\n      title: Gipfel in Wien"))
    plugin = config.plugins["dossier"]
    plugin.on_config(config)
    assert plugin.settings.title == "Gipfel in Wien"


@pytest.mark.parametrize(
    ("theme", "key"),
    [("theme:\n  name: material\n", "font"), ("theme:\n  name: mkdocs\n", "highlightjs")],
)
def test_private_by_default_switches_off_web_fonts_and_cdn(tmp_path, theme: str, key: str) -> None:
    config = _load(_project(tmp_path, "dossier", theme))
    assert config.theme[key]  # the theme's own default fetches from elsewhere
    config.plugins["dossier"].on_config(config)
    assert config.theme[key] is False
    config = _load(_project(tmp_path, "dossier:\n      private: false", theme))
    config.plugins["dossier"].on_config(config)
    assert config.theme[key]


def test_generated_pages_are_marked_not_in_nav_except_section_pages(make_project) -> None:
    project = make_project(seed_texts())
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    config.plugins.on_shutdown()  # the build goes no further
    levels = {f.src_uri: f.inclusion for f in files.documentation_pages()}
    assert levels["akteure/index.md"].is_in_nav() and levels["index.md"].is_in_nav()
    assert levels["akteure/wladimir-putin.md"] == InclusionLevel.NOT_IN_NAV
    assert levels["akteure/wladimir-putin.md"].is_included()
    assert "attr_list" in config.markdown_extensions


def test_every_option_is_documented_in_the_readme_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In einem eigenen MkDocs-Projekt verwenden", 1)[1]
    for name, _option in DossierConfig._schema:
        assert f"| `{name}` |" in section, name


def test_a_project_template_overrides_the_packaged_one_of_that_name(make_project) -> None:
    project = make_project(seed_texts())
    (project / "templates" / "sources.html.j2").write_text(
        '{% import "_macros.html.j2" as m with context %}\n<h1>Unsere Quellen</h1>\n<ul>\n'
        "{% for source in dossier.sources %}\n<li>{{ m.source_link(source) }}</li>\n"
        "{% endfor %}\n</ul>\n",
        encoding="utf-8",
    )
    site = run_pipeline(Settings.for_project(project)).site
    assert site["quellen/index.md"].startswith("<h1>Unsere Quellen</h1>")
    assert '<li><a href="die-' in site["quellen/index.md"]  # the packaged macros serve it
    assert site["akteure/index.md"].startswith("---\ntitle: Akteure")  # the rest: defaults


def test_without_a_templates_folder_the_packaged_templates_render(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in seed_texts().items():
        (seeds / name).write_text(text, encoding="utf-8")
    result = run_pipeline(Settings(seeds_dir=seeds, title="Nordkorea-Dossier"))
    assert ">Nordkorea-Dossier</h1>" in result.site["index.md"]
    assert len([p for p in result.site if p.startswith("quellen/")]) == 4


def test_a_page_the_render_pool_could_not_render_is_rendered_by_the_build(monkeypatch) -> None:
    from types import SimpleNamespace

    import jinja2

    from generator.faces import mkdocs_plugin

    class Failed:  # a pool whose worker could not render the second page
        pooled = True

        def __init__(self, function, calls, workers, *, here):
            self.results = iter(["<p>erste</p>", None])

        def __next__(self):
            return next(self.results)

    monkeypatch.setattr(mkdocs_plugin, "Stream", Failed)
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "<p>{{ page.title }}</p>"}))
    pages = [
        SimpleNamespace(file=SimpleNamespace(src_uri=f"{n}.md"), meta={}, title=n)
        for n in ("eins", "zwei")
    ]
    mkdocs_plugin._RenderedPages(pages, None, [], None, env, 2)
    assert all(page.meta["template"] == mkdocs_plugin._RENDERED for page in pages)
    rendered = [env.get_template(mkdocs_plugin._RENDERED).render(page=page) for page in pages]
    assert rendered == ["<p>erste</p>", "<p>zwei</p>"]  # the second as MkDocs renders it


def test_the_garbage_collector_pauses_for_a_build_and_runs_again_after_it(
    make_project, monkeypatch
) -> None:
    """A build's objects live until it ends, so the collector need not walk them again and
    again meanwhile; `mkdocs serve` lives on, so it collects again after each build, failed
    or not."""
    import gc

    from mkdocs.commands.build import build

    from generator import pipeline

    project = make_project(seed_texts())
    during: list[bool] = []
    real_run = pipeline.Pipeline.run
    monkeypatch.setattr(
        pipeline.Pipeline, "run", lambda self: during.append(gc.isenabled()) or real_run(self)
    )
    assert gc.isenabled()
    build(_load(project / "mkdocs.yml"))
    assert during == [False] and gc.isenabled()
    (project / "seeds").rename(project / "artikel")  # the build stops: no articles folder
    with pytest.raises(Abort):
        build(_load(project / "mkdocs.yml"))
    assert during == [False, False] and gc.isenabled()
    config = _load(project / "mkdocs.yml")  # a build that never gets to its end
    (project / "artikel").rename(project / "seeds")
    config.plugins.on_files(get_files(config), config=config)
    assert not gc.isenabled()
    config.plugins.on_shutdown()  # the end of the process at the latest
    assert gc.isenabled()
    gc.disable()  # a program that switched it off keeps it off
    try:
        build(_load(project / "mkdocs.yml"))
        assert not gc.isenabled()
    finally:
        gc.enable()
