"""Benchmark the pipeline: analysis speed over a corpus, and a full site build.

    python scripts/benchmark.py                      # the 1,028 articles of ../shared/corpora
    python scripts/benchmark.py --articles DIR       # any folder of articles
    python scripts/benchmark.py --site               # also time `mkdocs build` of the seeds
    python scripts/benchmark.py --worst-cases        # hostile articles at the limits

Prints figures; it is a script, not a timed test. Each stage is timed once after a
warm-up of the lexicon (loading it is reported separately).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
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
from generator.analyse.statistical import make_recogniser  # noqa: E402
from generator.ingest.articles import read_article  # noqa: E402
from generator.pipeline import Pipeline, analyse_source  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="folder of articles (default: the corpus)")
    parser.add_argument("--site", action="store_true", help="also time mkdocs build of the seeds")
    parser.add_argument(
        "--worst-cases", action="store_true", help="only time hostile articles at the limits"
    )
    args = parser.parse_args()
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

        started = time.perf_counter()
        recogniser = make_recogniser(None)  # the rules and their learned tie-breaker
        print(f"load lexicon, word clusters and model: {time.perf_counter() - started:.2f} s")

        settings = Settings(seeds_dir=folder)
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
