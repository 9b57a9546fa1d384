"""Train the learned tie-breaker of the actor recogniser and write it into the package.

    python scripts/train_typer.py                 # writes generator/data/typer.crfsuite
    python scripts/train_typer.py --out /tmp/m.crfsuite

Reads GermEval 2014 dev, the project's annotations eval/gold/dev.yml and train.yml (texts
from the 10kGNAD corpus file) and the actors of ../shared/corpora/stories/*/gold.yml; see
generator/training.py. Deterministic: the same files give the same model file.
Honest figures for GermEval (cross-validated): python -m generator.evaluate germeval
../shared/corpora/germeval2014/NER-de-dev.tsv --cross-validate 5
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.training import DEFAULTS, train, training_sequences  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--germeval", type=Path, default=DEFAULTS.germeval)
    parser.add_argument("--dev-gold", type=Path, default=DEFAULTS.dev_gold)
    parser.add_argument("--train-gold", type=Path, default=DEFAULTS.train_gold)
    parser.add_argument("--corpus", type=Path, default=DEFAULTS.corpus)
    parser.add_argument("--stories", type=Path, default=DEFAULTS.stories)
    parser.add_argument("--out", type=Path, default=ROOT / "generator" / "data" / "typer.crfsuite")
    args = parser.parse_args()
    for path in (args.germeval, args.dev_gold, args.train_gold, args.corpus, args.stories):
        if not path.exists():
            parser.error(
                f"{path} not found (the training data lives in the repository and ../shared)"
            )
    started = time.perf_counter()
    germeval, project = training_sequences(
        args.germeval, args.dev_gold, args.corpus, args.stories, args.train_gold
    )
    train([*germeval, *project], args.out)
    print(
        f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB from {len(germeval)} GermEval and "
        f"{len(project)} project sentences in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
