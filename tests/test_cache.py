"""The analysis cache on disk, and the pool of processes that analyses articles."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

import generator.cache as cache_module
import generator.pipeline as pipeline_module
from generator.cache import FORMAT, ResultCache, content_key, environment
from generator.faces.export import dossier_json
from generator.pipeline import Pipeline
from generator.settings import Settings

from .conftest import ROOT, seed_texts


def _project(tmp_path: Path, articles: dict[str, str] | None = None) -> Settings:
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in (articles or seed_texts()).items():
        (seeds / name).write_text(text, encoding="utf-8")
    return Settings(seeds_dir=seeds, cache_dir=tmp_path / ".dossier-cache", workers=1)


def _entries(settings: Settings, kind: str = "analysis") -> list[Path]:
    assert settings.cache_dir is not None
    return sorted((settings.cache_dir / environment() / kind).glob("*"))


def test_a_new_process_reads_every_analysis_from_disk_and_gets_the_same_objects(
    tmp_path: Path,
) -> None:
    settings = _project(tmp_path)
    first = Pipeline(settings)
    result = first.run()
    assert first.analysed == 3 and len(_entries(settings)) == 3
    again = Pipeline(settings)  # a fresh memory: as a second `mkdocs build` starts
    second = again.run()
    assert again.analysed == 0 and again.cache.stats.misses == 0
    assert second.dossier == result.dossier and second.site == result.site
    sources, _ = first.ingest()
    for source in sources:
        fresh = pipeline_module.analyse_source(source, first.recogniser)
        key = pipeline_module._analysis_key(source, None)
        cached = ResultCache(settings.cache_dir).get("analysis", key)
        assert cached == fresh and repr(cached) == repr(fresh)  # exact round trip


def test_an_edited_article_alone_is_analysed_again(tmp_path: Path) -> None:
    settings = _project(tmp_path)
    Pipeline(settings).run()
    article = sorted(settings.seeds_dir.iterdir())[1]
    article.write_text(
        article.read_text(encoding="utf-8") + "Am Abend kamen 40 weitere Menschen.\n",
        encoding="utf-8",
    )
    pipeline = Pipeline(settings)
    pipeline.run()
    assert pipeline.analysed == 1


def test_another_version_or_data_starts_a_new_cache_and_drops_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _project(tmp_path)
    Pipeline(settings).run()
    assert settings.cache_dir is not None
    old = settings.cache_dir / environment()
    monkeypatch.setattr(cache_module, "environment", lambda: "0" * 20)
    pipeline = Pipeline(settings)
    pipeline.run()
    assert pipeline.analysed == 3
    assert (settings.cache_dir / ("0" * 20)).is_dir() and not old.exists()


def test_the_fingerprint_covers_code_data_files_and_library_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    fingerprint = cache_module.environment.__wrapped__
    before = fingerprint()
    assert fingerprint() == before
    events = package / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after_data = fingerprint()
    assert after_data != before
    code = package / "analyse" / "dates.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint() not in (before, after_data)
    real_version = cache_module.metadata.version
    monkeypatch.setattr(
        cache_module.metadata,
        "version",
        lambda name: "99" if name == "spacy-lookups-data" else real_version(name),
    )
    assert fingerprint() not in (before, after_data)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a write cut short
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one flipped bit
        lambda data: b"",  # an empty file
        lambda data: b"not a cache entry at all",
    ],
)
def test_a_corrupt_entry_is_dropped_and_the_article_analysed_again(tmp_path: Path, damage) -> None:
    settings = _project(tmp_path)
    result = Pipeline(settings).run()
    entry = _entries(settings)[0]
    entry.write_bytes(damage(entry.read_bytes()))
    pipeline = Pipeline(settings)
    again = pipeline.run()
    assert pipeline.analysed == 1 and pipeline.cache.stats.dropped == 1
    assert again.site == result.site
    assert len(_entries(settings)) == 3  # written anew
    assert Pipeline(settings).run().site == result.site


class _Call:
    """Pickles as a call of a function outside the generator."""

    def __reduce__(self):
        return (os.getcwd, ())


def test_an_entry_that_would_call_anything_else_is_refused(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    cache.put("analysis", "k", ("harmless",))
    entry = tmp_path / environment() / "analysis" / "k"
    payload = pickle.dumps(_Call())
    entry.write_bytes(FORMAT + cache_module.hashlib.sha256(payload).digest() + payload)
    fresh = ResultCache(tmp_path)
    assert fresh.get("analysis", "k") is None
    assert fresh.stats.dropped == 1 and not entry.exists()


def test_a_write_that_fails_midway_leaves_no_entry_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path)
    cache.put("analysis", "first", ("kept",))
    folder = tmp_path / environment() / "analysis"

    def killed(value: object) -> bytes:
        raise KeyboardInterrupt  # the build is stopped while the entry is written

    monkeypatch.setattr(cache_module, "_encode", killed)
    with pytest.raises(KeyboardInterrupt):
        cache.put("analysis", "second", ("lost",))
    assert sorted(p.name for p in folder.iterdir()) == ["first"]
    monkeypatch.undo()

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", full_disk)
    cache.put("analysis", "third", ("in memory only",))  # no error: the build goes on
    assert sorted(p.name for p in folder.iterdir()) == ["first"]
    assert ResultCache(tmp_path).get("analysis", "first") == ("kept",)


def test_the_cache_folder_marks_itself_for_git_and_backups(tmp_path: Path) -> None:
    ResultCache(tmp_path / "c").put("read", content_key("x"), ("x",))
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature:")


def test_a_failed_analysis_is_not_cached_and_reported_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _project(tmp_path)
    real = pipeline_module.analyse_source

    def fragile(source, recogniser):
        if source.file.endswith(sorted(seed_texts())[0]):
            raise RuntimeError("defect")
        return real(source, recogniser)

    monkeypatch.setattr(pipeline_module, "analyse_source", fragile)
    for _ in range(2):
        pipeline = Pipeline(settings)
        result = pipeline.run()
        assert sum("internal error while analysing" in d.message for d in result.diagnostics) == 1
    assert pipeline.analysed == 1 and len(_entries(settings)) == 2


@pytest.mark.parametrize("compact_above", [100, 1])  # 1: actors by initial, matrix pages
def test_the_pool_gives_the_same_dossier_as_one_process(tmp_path: Path, compact_above: int) -> None:
    settings = replace(_project(tmp_path), cache_dir=None, compact_above=compact_above)
    serial = Pipeline(replace(settings, workers=1))
    pooled = Pipeline(replace(settings, workers=2, parallel_from=2))
    one, other = serial.run(), pooled.run()
    assert pooled.pooled == {"read": 2, "analyse": 2} and not serial.pooled
    assert [s.id for s in other.dossier.sources] == [s.id for s in one.dossier.sources]
    assert other.site == one.site
    assert any(path.startswith("wer-berichtet-was/") for path in one.site) == (compact_above == 1)
    assert dossier_json(other.dossier) == dossier_json(one.dossier)


_ANALYSE_WITHOUT_SPACY = """
import pickle, sys
from pathlib import Path
from generator.pipeline import analyse_source, preload, shared_recogniser
from generator.settings import Settings
settings = Settings(seeds_dir=Path(sys.argv[1]))
preload(settings, reading=False)
sources = pickle.loads(Path(sys.argv[2]).read_bytes())
analyses = [analyse_source(source, shared_recogniser(None)) for source in sources]
print(sum(len(a.candidates) for a in analyses), "spacy" in sys.modules)
"""


def test_analysing_read_articles_needs_no_tokenizer(tmp_path: Path) -> None:
    """Reading keeps each sentence's tokens, headings' and captions' too: the process that
    analyses never loads spaCy (a cold build loads it only where articles are read)."""
    settings = _project(tmp_path, {**seed_texts(), "bild.md": "# Titel\n\nFoto: Reuters\n"})
    sources, _ = Pipeline(settings).ingest()
    assert any(p.kind != "text" for source in sources for p in source.paragraphs)
    assert all(sentence.tokens for source in sources for sentence in source.sentences)
    (tmp_path / "sources.pickle").write_bytes(pickle.dumps(sources))
    found = subprocess.run(
        [sys.executable, "-c", _ANALYSE_WITHOUT_SPACY, str(settings.seeds_dir), "sources.pickle"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    expected = sum(
        len(pipeline_module.analyse_source(s, pipeline_module.shared_recogniser(None)).candidates)
        for s in sources
    )
    assert found == [str(expected), "False"]


_COLD_BUILD_WITHOUT_SPACY = """
import sys
from pathlib import Path
from generator.pipeline import Pipeline
from generator.settings import Settings
settings = Settings(seeds_dir=Path(sys.argv[1]), cache_dir=None, workers=2, parallel_from=2)
pipeline = Pipeline(settings)
result = pipeline.run()
print(len(result.dossier.sources), dict(pipeline.pooled), "spacy" in sys.modules)
"""


def test_a_cold_pooled_build_reads_with_spacy_in_other_processes_only(tmp_path: Path) -> None:
    from generator.parallel import CAN_FORK

    if not CAN_FORK:
        pytest.skip("no forked processes here: everything is read in one")
    settings = _project(tmp_path)
    found = subprocess.run(
        [sys.executable, "-c", _COLD_BUILD_WITHOUT_SPACY, str(settings.seeds_dir)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(maxsplit=1)
    assert found[0] == str(len(seed_texts()))
    assert found[1].strip() == "{'read': 2, 'analyse': 2} False"  # spaCy never loaded here


def _die_in_a_child(parent: int, number: int) -> int:
    if os.getpid() != parent:
        os._exit(3)  # a reading process killed (out of memory, say)
    return number * number


def test_when_the_reading_process_dies_the_articles_are_read_here() -> None:
    from generator.parallel import in_child_pool

    ran: list[int] = []
    calls = [(os.getpid(), n) for n in range(5)]
    squares = in_child_pool(_die_in_a_child, calls, 2, lambda: ran.append(1))
    assert squares == [n * n for n in range(5)] and ran == [1]


def test_the_made_up_article_that_loads_the_tables_is_tokenized_as_spacy_does() -> None:
    from generator.analyse.sentences import split_tokenized

    ((text, tokens),) = split_tokenized(pipeline_module._WARM_UP)
    made_up = pipeline_module.warm_up_source().sentences[0]
    assert (made_up.text, made_up.tokens) == (text, tokens)


def _pid_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


def test_the_pool_works_while_this_process_loads_what_comes_next() -> None:
    from generator.parallel import CAN_FORK, in_pool

    here: list[int] = []
    results = in_pool(
        _pid_and_square, [(n,) for n in range(40)], 2, lambda: here.append(os.getpid())
    )
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert here == [os.getpid()]  # once, in this process
    if CAN_FORK:
        assert os.getpid() not in {pid for pid, _ in results}


_LOADED: list[int] = []  # processes that "loaded a library" (made the first call)


def _load_then_square(number: int) -> tuple[int, int, bool]:
    if not _LOADED:
        _LOADED.append(os.getpid())
    return os.getpid(), number * number, bool(_LOADED)


def test_a_child_loads_what_the_work_needs_and_forks_the_pool_while_this_process_goes_on() -> None:
    from generator.parallel import CAN_FORK, in_child_pool

    here: list[int] = []
    results = in_child_pool(
        _load_then_square, [(n,) for n in range(40)], 2, lambda: here.append(os.getpid())
    )
    assert [square for _, square, _ in results] == [n * n for n in range(40)]
    assert here == [os.getpid()]  # once, in this process
    if CAN_FORK:
        assert not _LOADED  # loaded elsewhere, never here
        loader = results[0][0]
        workers = {pid for pid, _, _ in results[1:]}
        assert os.getpid() not in workers | {loader}
        assert all(loaded for _, _, loaded in results)  # the pool inherited what was loaded
        assert loader not in workers
    _LOADED.clear()
    alone = in_child_pool(_load_then_square, [(2,)], 2, lambda: here.append(0))
    assert alone == [(os.getpid(), 4, True)] and here[-1] == 0  # one call: computed here
    _LOADED.clear()


def test_a_stream_hands_out_the_pools_results_in_order_as_they_come() -> None:
    from generator.parallel import CAN_FORK, Stream

    stream = Stream(_pid_and_square, [(n,) for n in range(40)], 2)
    assert stream.pooled == CAN_FORK
    first = next(stream)
    assert first == (first[0], 0)
    rest = list(stream)
    stream.close()
    assert [square for _, square in [first, *rest]] == [n * n for n in range(40)]
    if CAN_FORK:
        assert os.getpid() not in {pid for pid, _ in rest}
    alone = Stream(_pid_and_square, [(n,) for n in range(3)], 1)  # no pool: computed here
    assert list(alone) == [(os.getpid(), 0), (os.getpid(), 1), (os.getpid(), 4)]
    assert list(Stream(_pid_and_square, [(2,)], 1, here=False)) == [None]


def _note_pid(folder: Path, fail_in_child: bool = False) -> None:
    if fail_in_child and (folder / "parent").read_text() != str(os.getpid()):
        raise OSError("disk full")
    (folder / f"done-{os.getpid()}").write_text("x")


def test_background_work_runs_in_another_process_and_is_done_here_if_it_failed_there(
    tmp_path: Path,
) -> None:
    from generator.parallel import CAN_FORK, Background

    (tmp_path / "parent").write_text(str(os.getpid()))
    Background(partial(_note_pid, tmp_path)).join()
    done = [p.name for p in tmp_path.glob("done-*")]
    assert len(done) == 1
    if CAN_FORK:
        assert done != [f"done-{os.getpid()}"]  # not here
    for p in tmp_path.glob("done-*"):
        p.unlink()
    failing = Background(partial(_note_pid, tmp_path, fail_in_child=True))
    failing.join()  # failed in the child, so done here; its error would be raised here
    assert [p.name for p in tmp_path.glob("done-*")] == [f"done-{os.getpid()}"]
    failing.join()  # once only
    assert len(list(tmp_path.glob("done-*"))) == 1
    cancelled = Background(partial(_note_pid, tmp_path, fail_in_child=True))
    cancelled.cancel()
    cancelled.join()  # cancelled: not done at all
    assert len(list(tmp_path.glob("done-*"))) == 1


def _build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=False,
    )


def _with_options(project: Path, options: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      seeds: seeds\n" in text
    config.write_text(text.replace("      seeds: seeds\n", f"      seeds: seeds\n{options}"))


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_a_second_build_analyses_nothing_and_pool_and_cache_change_no_byte(
    make_project, tmp_path: Path
) -> None:
    project = make_project(seed_texts())
    _with_options(project, "      workers: 2\n      parallel_from: 2\n")
    cold = _build(project, tmp_path / "cold")
    assert cold.returncode == 0, cold.stderr
    assert "dossier: 3 of 3 articles analysed (2 by 2 processes)" in cold.stderr
    assert (project / ".dossier-cache" / environment()).is_dir()
    # the linked dossier is written at the end of the build, while Pagefind indexes
    assert (project / ".dossier-cache" / environment() / "link" / "latest").is_file()
    assert "generated pages rendered by a pool of processes" in cold.stderr
    assert "dossier: 0 of " not in cold.stderr
    warm = _build(project, tmp_path / "warm")
    assert warm.returncode == 0, warm.stderr
    assert "dossier: 0 of 3 articles analysed" in warm.stderr
    _with_options(project, "      workers: 1\n      cache: false\n")
    single = _build(project, tmp_path / "single")
    assert single.returncode == 0, single.stderr
    assert "dossier: 3 of 3 articles analysed" in single.stderr
    pages = _files(tmp_path / "single")
    assert len(pages) > 50
    assert _files(tmp_path / "cold") == pages
    assert _files(tmp_path / "warm") == pages


@pytest.mark.parametrize("options", ["", "      workers: 2\n      parallel_from: 2\n"])
def test_a_templates_link_to_no_page_warns_in_every_build(
    make_project, tmp_path: Path, options: str
) -> None:
    project = make_project(seed_texts())
    _with_options(project, options)  # pages rendered one by one, or by a pool
    packaged = ROOT / "generator" / "templates" / "source.html.j2"
    (project / "templates" / "source.html.j2").write_text(
        packaged.read_text(encoding="utf-8")
        + '<p><a href="../../archiv-gibt-es-nicht/">Archiv</a></p>\n',
        encoding="utf-8",
    )
    for attempt in ("first", "second"):
        result = _build(project, tmp_path / attempt)
        assert result.returncode != 0, attempt  # --strict: the warning is there each time
        assert "link '../../archiv-gibt-es-nicht/'" in result.stderr, attempt
    (project / "docs" / "archiv-gibt-es-nicht.md").write_text("# Archiv\n", encoding="utf-8")
    fixed = _build(project, tmp_path / "fixed")  # the editor wrote the page: the link holds
    assert fixed.returncode == 0, fixed.stderr


def test_a_cache_folder_inside_docs_or_the_articles_is_refused(make_project) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    project = make_project(seed_texts())
    for folder in ("docs/cache", "seeds", "."):
        _with_options(project, f"      cache: {folder}\n")
        config = load_config(config_file=str(project / "mkdocs.yml"))
        with pytest.raises(PluginError, match="'cache'"):
            config.plugins.on_config(config)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")


def _serve_build(config_file: Path, plugin) -> dict[str, bool]:
    """One rebuild as `mkdocs serve` does it: a fresh config, the same (persistent) plugin."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(config_file=str(config_file))
    assert config.plugins["dossier"] is plugin  # kept across rebuilds: it has on_startup
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    config.plugins.on_shutdown()  # the build goes no further
    modified = {}
    for file in files.documentation_pages():
        modified[file.src_uri] = file.is_modified()
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).touch()  # as if written
    return modified


def test_serve_dirty_renders_again_only_the_pages_an_edit_changed(make_project) -> None:
    from mkdocs.config import load_config

    project = make_project(seed_texts())
    commentary = project / "docs" / "akteure" / "wladimir-putin.md"
    commentary.parent.mkdir(parents=True)
    commentary.write_text("# Putin\n\nKommentar.\n\n<!-- dossier -->\n", encoding="utf-8")
    config_file = project / "mkdocs.yml"
    plugin = load_config(config_file=str(config_file)).plugins["dossier"]
    plugin.on_startup(command="serve", dirty=True)
    first = _serve_build(config_file, plugin)
    assert all(first.values())
    unchanged = _serve_build(config_file, plugin)
    assert not any(unchanged.values())
    article = sorted((project / "seeds").iterdir())[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Putin", "Wladimir Putin", 1), encoding="utf-8")
    edited = _serve_build(config_file, plugin)
    again = {uri for uri, modified in edited.items() if modified}
    assert "akteure/wladimir-putin.md" in again  # the editor's page, its facts changed
    assert any(uri.startswith("quellen/") for uri in again)
    assert len(again) < len(edited) / 2


def test_an_unchanged_dossier_is_neither_linked_nor_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _project(tmp_path)
    curation = settings.seeds_dir / "kuratierung.yml"
    curation.write_text("akteure:\n  - akteur: Niemand Bekanntes\n    ausblenden: true\n")
    first = Pipeline(settings).run()
    warnings = [d for d in first.diagnostics if "Eintrag ohne Wirkung" in d.message]
    assert len(warnings) == 1
    linked = []
    real_render = pipeline_module.Renderer.render
    monkeypatch.setattr(
        pipeline_module.Renderer,
        "render",
        lambda *a, **k: linked.append(1) or real_render(*a, **k),
    )
    again = Pipeline(settings).run()
    assert not linked and again.site == first.site and again.dossier == first.dossier
    assert again.diagnostics == first.diagnostics  # what linking reported, reported again
    templates = tmp_path / "templates"
    templates.mkdir()
    packaged = ROOT / "generator" / "templates" / "actor.html.j2"
    (templates / "actor.html.j2").write_text(
        packaged.read_text(encoding="utf-8") + "<p>Ende.</p>\n"
    )
    with_templates = replace(settings, templates_dir=templates)
    assert Pipeline(with_templates).run().site != first.site and len(linked) == 1
    Pipeline(with_templates).run()
    assert len(linked) == 1
    curation.write_text("akteure:\n  - akteur: Niemand Bekanntes\n    ausblenden: false\n")
    Pipeline(with_templates).run()
    assert len(linked) == 2
    assert settings.cache_dir is not None
    assert [p.name for p in (settings.cache_dir / environment() / "link").iterdir()] == ["latest"]
