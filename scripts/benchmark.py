"""Benchmark the pipeline: analysis speed over a corpus, and a full site build.

    python scripts/benchmark.py                      # the 1,028 articles of ../shared/corpora
    python scripts/benchmark.py --articles DIR       # any folder of articles
    python scripts/benchmark.py --site               # also time `mkdocs build` of the seeds
    python scripts/benchmark.py --worst-cases        # hostile articles at the limits
    python scripts/benchmark.py --scale [100 300 1000]   # whole builds, cold, warm, edited,
                                                         # against plain Material
    python scripts/benchmark.py --scale 300 --pairs 5    # and 5 more cold/plain pairs

Prints figures; it is a script, not a timed test. Each stage is timed once after a
warm-up of the lexicon (loading it is reported separately).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.actors import RuleRecogniser  # noqa: E402
from generator.ingest.articles import read_article  # noqa: E402
from generator.pipeline import Pipeline, analyse_source, preload, shared_recogniser  # noqa: E402
from generator.render.site import render_site  # noqa: E402
from generator.settings import Limits, Settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "10kgnad-test.csv"


def write_corpus(csv_path: Path, out: Path) -> int:
    """The corpus as seed-format files (lead sentence as headline), like corpus_to_seeds.py."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2]
    for number, (category, text) in enumerate(rows):
        match = re.search(r"(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ])", text)
        title, body = (text[: match.start()], text[match.end() :]) if match else (text[:120], text)
        (out / f"{number:05d}_{category.lower()}.txt").write_text(
            title + "\n" + body + "\n", encoding="utf-8"
        )
    return len(rows)


def worst_cases(out: Path) -> list[tuple[Path, Limits]]:
    """Articles at and beyond the limits (generated, no seed text in them)."""
    random = Random(9)
    syllables = ["ber", "lin", "gar", "to", "mes", "ka", "ron", "del", "wi", "stan", "ur", "fel"]

    def word() -> str:
        return "".join(random.choice(syllables) for _ in range(random.randint(1, 3)))

    def sentence(number: int) -> str:
        names = " ".join(word().capitalize() for _ in range(2))
        count = f"{number * 7:,}".replace(",", ".")
        return (
            f"Am {number % 28 + 1}. März {2000 + number % 25} sagte die Ministerin {names} "
            f"in {word().capitalize()}, rund {count} Menschen hätten {word()} {word()} "
            f"und die {word().capitalize()}-Behörde {word()}."
        )

    def text_of(size: int, separator: str) -> str:
        parts: list[str] = []
        length = number = 0
        while length < size:
            number += 1
            part = " ".join(sentence(number * 10 + s) for s in range(6))
            parts.append(part)
            length += len(part.encode("utf-8")) + 1
        return separator.join(parts)

    cases = {
        "artikel-300kb.txt": "Dreihundert Kilobyte\n" + text_of(295_000, "\n") + "\n",
        "artikel-1mb.txt": "Ein Megabyte\n" + text_of(990_000, "\n") + "\n",
        "zeile-2mb.txt": "Zwei Megabyte in einer Zeile\n" + text_of(2_000_000, " ") + "\n",
        "zahlen-100000.txt": "Hunderttausend Zahlen\n"
        + " ".join(str(n) for n in range(100_000))
        + ".\n",
        "saetze-240000.txt": "Kurze Sätze\n" + " ".join(["Ja."] * 240_000) + "\n",
        "namen-10000.txt": "Zehntausend Namen\nEs sprachen "
        + " ".join(word().capitalize() for _ in range(10_000))
        + ".\n",
    }
    found = []
    for name, text in cases.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        found.append((path, Limits()))
    raised = Limits(max_article_bytes=1_100_000)
    found.append((out / "artikel-1mb.txt", raised))
    found.append((out / "saetze-240000.txt", raised))
    found.append((out / "zeile-2mb.txt", Limits(max_article_bytes=3_000_000)))
    return found


def time_worst_cases() -> None:
    recogniser = RuleRecogniser()
    with tempfile.TemporaryDirectory() as tmp:
        for path, limits in worst_cases(Path(tmp)):
            started = time.perf_counter()
            source, diagnostics = read_article(path, path.name, limits)
            ingest_s = time.perf_counter() - started
            size = f"{path.stat().st_size / 1e6:.2f} MB"
            limit = f"limit {limits.max_article_bytes / 1e6:g} MB"
            if source is None:
                print(
                    f"{path.name} ({size}, {limit}): skipped in {ingest_s:.2f} s: {diagnostics[-1]}"
                )
                continue
            source = replace(source, id="x")
            started = time.perf_counter()
            analysis = analyse_source(source, recogniser)
            analyse_s = time.perf_counter() - started
            started = time.perf_counter()
            settings = Settings(seeds_dir=Path(tmp), templates_dir=ROOT / "templates")
            pipeline = Pipeline(settings, recogniser)
            dossier = pipeline.reconcile([source], [analysis])
            render_site(dossier, settings.templates_dir)
            render_s = time.perf_counter() - started
            print(
                f"{path.name} ({size}, {limit}): {len(source.sentences)} sentences, "
                f"{len(diagnostics)} warnings; ingest {ingest_s:.2f} s, analyse {analyse_s:.2f} s"
                f", reconcile and render {render_s:.2f} s"
                f" ({len(analysis.candidates)} actor candidates, {len(analysis.quantities)} numbers)"
            )


# --- whole builds at newsroom scale (issue 12) --------------------------------------------

SIZES = (100, 300, 1000)
PLAIN_PAGES = "seiten"  # the plain site's folder of pages kept out of the nav
QUIET_AFTER_DELETING_S = 65.0  # see quiet_disk()


def make_dossier_project(folder: Path, articles: list[Path]) -> Path:
    """This repository's site (mkdocs.yml, docs/) over the given articles."""
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    for article in articles:
        shutil.copy(article, folder / "seeds" / article.name)
    return folder


def _visible_length(page: str) -> int:
    """Characters a reader sees of a generated page: its HTML without front matter, tags
    and entities. The plain pages carry as much text (Markdown's syntax is lighter than
    HTML's: sized by the generated HTML, they would be a fifth longer than before)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", page, count=1, flags=re.DOTALL)
    return len(html.unescape(re.sub(r"<[^>]+>", "", body)))


def make_plain_project(folder: Path, pages: int, page_chars: int, texts: list[str]) -> Path:
    """A Material site of the same theme settings, without the dossier plugin: ``pages``
    Markdown pages of corpus text, as long as a generated page's visible text
    (``page_chars``) each, kept out of the nav."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - dossier:\n      seeds: seeds\n", "")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - Start: index.md\n"
    config += f"not_in_nav: |\n  /{PLAIN_PAGES}/\n"
    (folder / "docs" / PLAIN_PAGES).mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Start\n\nEine Seite.\n", encoding="utf-8")
    words = " ".join(texts).split()
    position = 0
    for number in range(pages):
        parts = [f"# Seite {number}\n"]
        length = 0
        while length < page_chars:
            paragraph = " ".join(words[position : position + 60])
            position = (position + 60) % max(1, len(words) - 60)
            parts.append(paragraph)
            length += len(paragraph) + 2
        (folder / "docs" / PLAIN_PAGES / f"{number:05d}.md").write_text(
            "\n\n".join(parts) + "\n", encoding="utf-8"
        )
    return folder


def child(mode: str, project: Path) -> None:
    """Runs in a fresh process: one `mkdocs build` (``build``), or a build, the loading that
    `mkdocs serve` does after its first build, an edit of one article and a second build in
    the same process (``edit``). Prints one JSON line."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.pipeline import preload

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(project)

    configs = []

    def one_build() -> dict[str, object]:
        config = load_config(config_file="mkdocs.yml")
        configs.append(config)
        started = time.perf_counter()
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        build(config)
        figures: dict[str, object] = {"build_s": time.perf_counter() - started}
        plugin = config.plugins.get("dossier")
        if plugin is not None and plugin.pipeline is not None and plugin.result is not None:
            site = plugin.result.site
            figures |= {
                "stages": plugin.pipeline.timings,
                "analysed": plugin.pipeline.analysed,
                "generated": len(site),
                "page_chars": sum(map(_visible_length, site.values())) // max(1, len(site)),
            }
        return figures

    figures = one_build()
    if mode == "edit":
        settings = plugin_settings_of(project)
        assert settings is not None
        started = time.perf_counter()
        preload(settings)
        figures["preload_s"] = time.perf_counter() - started
        seeds = sorted((project / "seeds").iterdir())
        with seeds[len(seeds) // 2].open("a", encoding="utf-8") as handle:
            handle.write("Am Abend sagte ein Sprecher, 40 weitere Menschen seien gekommen.\n")
        figures["edited"] = one_build()
    print(json.dumps(figures), flush=True)
    configs[-1].plugins.on_shutdown()  # the end of `mkdocs build`: the process exits


def plugin_settings_of(project: Path) -> Settings | None:
    from generator.faces.mkdocs_plugin import project_settings

    return project_settings(project / "mkdocs.yml")


def run_child(mode: str, project: Path) -> dict[str, object]:
    """One child process: its output, wall and CPU seconds and peak memory (its own
    maximum resident set, the pool's workers included: wait4 reports the child alone)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(project)],
        stdout=subprocess.PIPE,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{mode} build of {project} failed ({process.returncode})")
    figures: dict[str, object] = json.loads(output.decode().strip().splitlines()[-1])
    figures |= {
        "wall_s": time.perf_counter() - started,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        # the system's share: file creation and page faults, which this machine's disk and
        # memory make dear at times (README, Speed)
        "sys_s": usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
    }
    site = project / "site"
    figures["pages"] = sum(1 for _ in site.rglob("*.html"))
    figures["site_mb"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    figures["index_mb"], figures["index"] = search_index_size(site)
    return figures


def search_index_size(site: Path) -> tuple[float, str]:
    """MB of the site's search index, and which it is: Pagefind's folder (with Material's
    emptied ``search_index.json``) or lunr's ``search_index.json``."""
    index = site / "search" / "search_index.json"
    size = index.stat().st_size if index.is_file() else 0
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        size += sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
        return size / 1e6, "Pagefind"
    return size / 1e6, "lunr"


def scale(sizes: list[int], keep: Path | None = None, pairs: int = 0) -> None:
    print(
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start "
        "(the machine is shared: compare figures of one run)"
    )
    # byte-compiled as pip compiles an installed wheel (and as MkDocs and Material are):
    # where PYTHONDONTWRITEBYTECODE is set, each build would compile the checkout's modules
    compileall.compile_dir(ROOT / "generator", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(CORPUS, corpus)
        articles = sorted(corpus.iterdir())
        texts = [a.read_text(encoding="utf-8") for a in articles]
        cold_total: dict[int, float] = {}
        cold_cpu: dict[int, float] = {}
        for n in sizes:
            project = make_dossier_project(Path(tmp) / f"dossier-{n}", articles[:n])
            quiet_disk()
            # the cold builds first: the warm ones delete the site that MkDocs empties
            cold = run_child("build", project)
            plain_project = make_plain_project(
                Path(tmp) / f"plain-{n}", int(cold["pages"]), int(cold["page_chars"]), texts
            )
            plain = run_child("build", plain_project)
            cold_total[n] = float(cold["wall_s"])
            cold_cpu[n] = float(cold["cpu_s"])
            paired = cold_pairs(project, plain_project, pairs, Path(tmp) / f"pairs-{n}")
            if keep is not None:  # the built site, for scripts/search_timing.py
                shutil.copytree(project / "site", keep / f"site-{n}", dirs_exist_ok=True)
            warm = run_child("build", project)
            edit = run_child("edit", project)
            deleted()  # MkDocs emptied the site before each of these two builds
            report(n, cold, warm, edit, plain)
            if paired:
                print(paired)
        if 100 in cold_total and 1000 in cold_total:
            print(
                "\nt(1000) / t(100), cold whole process: "
                f"wall {cold_total[1000] / cold_total[100]:.1f}, "
                f"CPU {cold_cpu[1000] / cold_cpu[100]:.1f}"
            )
    # the folders are deleted only now, after the last timed build


# time.monotonic() of the last deletion of many files; what was deleted just before the
# script started counts as well
_last_deletion = time.monotonic()


def deleted() -> None:
    global _last_deletion
    _last_deletion = time.monotonic()


def quiet_disk() -> None:
    """Wait until deleting files no longer slows creating them. On an ext4 file system
    without a journal (this machine's), the kernel does not reuse an inode deleted less than
    a minute ago (``recently_deleted()`` in fs/ext4/ialloc.c), and each file created in
    that time first looks up the inodes it passes over: 2,000 files took 1.4 s to create
    20 s after deleting 6,000, and 0.05 s after 45 s. A build that follows the deletion of
    a site would pay for it, so the cold builds are timed with no deletion in the last
    ``QUIET_AFTER_DELETING_S``, and the script deletes nothing until it ends."""
    os.sync()
    remaining = _last_deletion + QUIET_AFTER_DELETING_S - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


def cold_pairs(project: Path, plain_project: Path, pairs: int, folder: Path) -> str:
    """``pairs`` more cold builds of the dossier, each in a fresh copy of its project (no
    site, no cache), each followed by a build of a fresh copy of the plain site: the median
    ratio of the pairs is less at the mercy of a shared machine than one build of each."""
    if not pairs:
        return ""
    ratios, colds, plains, system = [], [], [], []
    for number in range(pairs):
        copies = []
        for original in (project, plain_project):
            copy = folder / f"{number}-{original.name}"
            shutil.copytree(original, copy, ignore=shutil.ignore_patterns("site", ".dossier-cache"))
            copies.append(copy)
        quiet_disk()
        cold_run = run_child("build", copies[0])
        plain_run = run_child("build", copies[1])
        cold, plain = float(cold_run["wall_s"]), float(plain_run["wall_s"])
        colds.append(cold)
        plains.append(plain)
        ratios.append(cold / plain)
        system.append((float(cold_run["sys_s"]), float(plain_run["sys_s"])))
    return (
        f"{pairs} more pairs in turn, cold / plain (system s): "
        + ", ".join(
            f"{c:.1f}/{p:.1f} = {r:.2f} ({cs:.1f}/{ps:.1f})"
            for c, p, r, (cs, ps) in zip(colds, plains, ratios, system, strict=True)
        )
        + f"; median {statistics.median(ratios):.2f} (cold {statistics.median(colds):.1f} s, "
        f"plain {statistics.median(plains):.1f} s)"
    )


def report(n: int, cold: dict, warm: dict, edit: dict, plain: dict) -> None:
    print(f"\n## {n} articles: {cold['pages']} pages, {cold['generated']} generated")
    print(
        "| build | wall s | CPU s | of it system s | × plain (wall) | × plain (CPU) | pages "
        "| site MB | index MB | peak MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in (("plain Material", plain), ("dossier, cold", cold), ("dossier, warm", warm)):
        print(
            f"| {name} | {run['wall_s']:.1f} | {run['cpu_s']:.1f} | {run['sys_s']:.1f} | "
            f"{run['wall_s'] / plain['wall_s']:.2f} | {run['cpu_s'] / plain['cpu_s']:.2f} | "
            f"{run['pages']} | {run['site_mb']:.1f} | {run['index_mb']:.1f} ({run['index']}) | "
            f"{run['peak_mb']:.0f} |"
        )
    for name, run in (("cold", cold), ("warm", warm)):
        stages = run["stages"]
        pipeline = sum(stages.values())
        print(
            f"{name}: pipeline {pipeline:.1f} s ("
            + ", ".join(f"{k} {v:.2f}" for k, v in stages.items())
            + f"; {run['analysed']} analysed), MkDocs {run['build_s'] - pipeline:.1f} s"
        )
    edited = edit["edited"]
    cold_analysis = cold["stages"]["analyse"]
    print(
        f"one article edited, second build in the same process (as in mkdocs serve): "
        f"{edited['analysed']} analysed in {edited['stages']['analyse']:.3f} s = "
        f"{100 * edited['stages']['analyse'] / cold_analysis:.1f} % of the cold analysis "
        f"({cold_analysis:.1f} s); build {edited['build_s']:.1f} s; preload {edit['preload_s']:.1f} s"
    )


def pool_threshold(counts: list[int], repeats: int = 3) -> None:
    """Analysis of k articles not in the cache, in this process and in a pool of all CPUs
    (best of ``repeats``): where the pool starts to pay is the default of parallel_from."""
    from generator.pipeline import Pipeline, preload

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(CORPUS, corpus)
        settings = Settings(seeds_dir=corpus)
        sources, _ = Pipeline(settings).ingest()
        preload(settings)  # as in a process that analysed before: loading is not compared
        workers = os.cpu_count() or 1
        print(f"{workers} CPUs; load average {os.getloadavg()[0]:.1f}")
        print("| articles | one process s | pool s | pool / one |")
        print("|---:|---:|---:|---:|")
        for count in counts:
            best = {}
            for size in (1, workers):
                runs = []
                for _ in range(repeats):
                    pipeline = Pipeline(replace(settings, workers=size, parallel_from=2))
                    started = time.perf_counter()
                    pipeline.analyse_all(sources[:count], [])
                    runs.append(time.perf_counter() - started)
                best[size] = min(runs)
            print(
                f"| {count} | {best[1]:.2f} | {best[workers]:.2f} | {best[workers] / best[1]:.2f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="folder of articles (default: the corpus)")
    parser.add_argument("--site", action="store_true", help="also time mkdocs build of the seeds")
    parser.add_argument(
        "--worst-cases", action="store_true", help="only time hostile articles at the limits"
    )
    parser.add_argument(
        "--scale",
        nargs="*",
        type=int,
        metavar="N",
        help="whole builds of N corpus articles (default 100 300 1000) against plain Material",
    )
    parser.add_argument(
        "--pool",
        nargs="*",
        type=int,
        metavar="K",
        help="analysis of K articles in one process and in a pool (default 8 ... 512)",
    )
    parser.add_argument(
        "--keep-sites", type=Path, metavar="DIR", help="with --scale: keep each built site in DIR"
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=0,
        metavar="K",
        help="with --scale: K more cold and plain builds in turn, and their median ratio",
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PROJECT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if args.pool is not None:
        pool_threshold(args.pool or [8, 16, 32, 64, 128, 256, 512])
        return
    if args.scale is not None:
        scale(args.scale or list(SIZES), args.keep_sites, args.pairs)
        return
    if args.worst_cases:
        time_worst_cases()
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.articles
        if folder is None:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            count = write_corpus(CORPUS, folder)
            print(f"corpus: {count} articles from {CORPUS.name}")

        settings = Settings(seeds_dir=folder)
        started = time.perf_counter()
        # the rules and their learned tie-breaker, with every table they load on first use
        # (lexicon, word clusters, lemmas, spaCy's tokenizer), as a build loads them once
        preload(settings)
        recogniser = shared_recogniser(settings.model)
        print(
            f"load lexicon, word clusters, lemmas, tokenizer and model: "
            f"{time.perf_counter() - started:.2f} s"
        )

        pipeline = Pipeline(settings, recogniser)
        started = time.perf_counter()
        sources, diagnostics = pipeline.ingest()
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        analyses = [pipeline.analyse(source) for source in sources]
        analyse_s = time.perf_counter() - started
        started = time.perf_counter()
        dossier = pipeline.reconcile(sources, analyses)
        reconcile_s = time.perf_counter() - started
        started = time.perf_counter()
        site = render_site(dossier, None)
        render_s = time.perf_counter() - started
        started = time.perf_counter()
        for source in sources:  # a rebuild with nothing changed hits the cache
            pipeline.analyse(source)
        cached_s = time.perf_counter() - started

        n = len(sources)
        print(f"articles read: {n} ({len(diagnostics)} diagnostics)")
        print(
            f"ingest (incl. sentence splitting): {ingest_s:.2f} s = {n / ingest_s:.0f} articles/s"
        )
        print(
            f"analyse (actors, dates, numbers, events): {analyse_s:.2f} s = {n / analyse_s:.0f} articles/s"
        )
        print(f"reconcile: {reconcile_s:.2f} s; render: {render_s:.2f} s ({len(site)} pages)")
        print(
            f"end to end without MkDocs: {ingest_s + analyse_s + reconcile_s + render_s:.2f} s"
            f" = {n / (ingest_s + analyse_s + reconcile_s + render_s):.0f} articles/s"
        )
        print(f"re-analysis with unchanged articles (cache): {cached_s * 1000:.0f} ms")
        print(f"dossier: {len(dossier.actors)} actors, {len(dossier.events)} events")

    if args.site:
        with tempfile.TemporaryDirectory() as site_dir:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", site_dir],
                cwd=ROOT,
                check=True,
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            )
            print(
                f"mkdocs build of the seeds (whole process): {time.perf_counter() - started:.2f} s"
            )


if __name__ == "__main__":
    main()
