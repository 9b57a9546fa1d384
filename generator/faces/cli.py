"""The ``dossier`` command: the same pipeline as the MkDocs plugin, from the shell."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ..errors import DossierError
from ..pipeline import Result, run_pipeline
from ..settings import Settings
from .export import dossier_json, ensure_outside, write_markdown

_SEEDS = click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of articles (default: seeds/ of the project).",
)


_CACHE = click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the analysis cache (default: the plugin's, .dossier-cache/).",
)
_NO_CACHE = click.option(
    "--no-cache", is_flag=True, help="Keep nothing between runs: analyse every article."
)

_MODEL = click.option(
    "--model",
    default=None,
    help="An installed spaCy pipeline (name or folder) to merge with the rule recogniser.",
)


def _settings(
    seeds_dir: Path | None,
    model: str | None = None,
    cache_dir: Path | None = None,
    no_cache: bool = False,
) -> Settings:
    """The options of the dossier plugin in ./mkdocs.yml (seeds, templates, title, model,
    cache), else the design card's layout; --seeds, --model and --cache win."""
    settings = _project_settings(seeds_dir, model)
    if no_cache:
        return replace(settings, cache_dir=None)
    if cache_dir is not None:
        return replace(settings, cache_dir=cache_dir.resolve())
    return settings


def _project_settings(seeds_dir: Path | None, model: str | None) -> Settings:
    from .mkdocs_plugin import project_settings  # imports MkDocs only when needed

    config_file = Path.cwd() / "mkdocs.yml"
    try:
        settings = project_settings(config_file) if config_file.is_file() else None
    except DossierError as error:
        raise click.ClickException(str(error)) from error
    if settings is None:
        return Settings.for_project(Path.cwd(), seeds_dir, model)
    return replace(
        settings,
        seeds_dir=seeds_dir if seeds_dir is not None else settings.seeds_dir,
        model=model if model is not None else settings.model,
    )


def _run(settings: Settings) -> Result:
    try:
        result = run_pipeline(settings)
    except DossierError as error:
        raise click.ClickException(str(error)) from error
    for diagnostic in result.diagnostics:
        click.echo(str(diagnostic), err=True)
    return result


@click.group(help="Build an explainer dossier from German news articles.")
def main() -> None:
    pass


@main.command(help="Run the pipeline and build the site with MkDocs (mkdocs build).")
@_SEEDS
@_MODEL
@_CACHE
@_NO_CACHE
@click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: site/).",
)
@click.option("--strict", is_flag=True, help="Fail on any warning, e.g. a skipped article.")
def build(
    seeds_dir: Path | None,
    model: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    site_dir: Path | None,
    strict: bool,
) -> None:
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.INFO)
    try:
        overrides = {"site_dir": str(site_dir)} if site_dir is not None else {}
        config = load_config(config_file="mkdocs.yml", strict=strict, **overrides)
        plugin = config.plugins.get("dossier")
        if plugin is None:
            raise click.ClickException("mkdocs.yml does not enable the 'dossier' plugin")
        if seeds_dir is not None:
            plugin.config.seeds = str(seeds_dir.resolve())
        if model is not None:
            plugin.config.model = model
        if no_cache:
            plugin.config.cache = False
        elif cache_dir is not None:
            plugin.config.cache = str(cache_dir.resolve())
        # the events `mkdocs build` fires around a build
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise click.ClickException(str(error)) from error
    finally:
        mkdocs_logger.removeHandler(handler)


@main.command(
    help="Write the dossier as JSON (-o FILE) or as plain Markdown pages (--markdown DIR)."
)
@_SEEDS
@_MODEL
@_CACHE
@_NO_CACHE
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSON file to write ('-' for standard output).",
)
@click.option(
    "--markdown",
    "markdown_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the generated pages as Markdown (outside docs/).",
)
def export(
    seeds_dir: Path | None,
    model: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    output: Path | None,
    markdown_dir: Path | None,
) -> None:
    if output is None and markdown_dir is None:
        raise click.UsageError("give -o FILE.json and/or --markdown DIR")
    settings = _settings(seeds_dir, model, cache_dir, no_cache)
    if markdown_dir is not None:
        try:
            ensure_outside(markdown_dir, settings)  # refuse before doing any work
        except DossierError as error:
            raise click.ClickException(str(error)) from error
    result = _run(settings)
    if output is not None:
        text = dossier_json(result.dossier)
        if str(output) == "-":
            click.echo(text, nl=False)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
            click.echo(f"wrote {output}", err=True)
    if markdown_dir is not None:
        try:
            written, problems = write_markdown(result, markdown_dir, settings)
        except DossierError as error:
            raise click.ClickException(str(error)) from error
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"wrote {len(written)} files to {markdown_dir}", err=True)


@main.command(help="Validate the articles; exit 1 with file:line: message on errors.")
@_SEEDS
@_MODEL
@_CACHE
@_NO_CACHE
def check(
    seeds_dir: Path | None, model: str | None, cache_dir: Path | None, no_cache: bool
) -> None:
    result = _run(_settings(seeds_dir, model, cache_dir, no_cache))
    errors = [d for d in result.diagnostics if d.level == "error"]
    sources = len(result.dossier.sources)
    click.echo(f"{sources} articles read, {len(errors)} with errors", err=True)
    if errors:
        raise SystemExit(1)
