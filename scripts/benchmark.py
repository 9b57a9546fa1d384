"""Benchmark the pipeline: analysis speed over a corpus, and a full site build.

    python scripts/benchmark.py                      # the 1,028 articles of ../shared/corpora
    python scripts/benchmark.py --articles DIR       # any folder of articles
    python scripts/benchmark.py --site               # also time `mkdocs build` of the seeds

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.actors import RuleRecogniser  # noqa: E402
from generator.pipeline import Pipeline  # noqa: E402
from generator.render.site import render_site  # noqa: E402
from generator.settings import Settings  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, help="folder of articles (default: the corpus)")
    parser.add_argument("--site", action="store_true", help="also time mkdocs build of the seeds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.articles
        if folder is None:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            count = write_corpus(CORPUS, folder)
            print(f"corpus: {count} articles from {CORPUS.name}")

        started = time.perf_counter()
        recogniser = RuleRecogniser()
        recogniser.recognise  # noqa: B018 - the lexicon and clusters are loaded in __init__
        print(f"load lexicon and word clusters: {time.perf_counter() - started:.2f} s")

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
