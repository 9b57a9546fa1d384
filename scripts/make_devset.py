#!/usr/bin/env python3
"""Write the corpus rows listed in the gold file as seed-format text files.

Seed format: first line the headline, then body paragraphs, one per line.
The 10kGNAD corpus has no headlines, so the lead sentence becomes the
headline (same splitting rules as shared/tools/corpus_to_seeds.py).

The gold annotation file (eval/gold/dev.yml) is the single source of truth
for which rows belong to the dev set: every entry there carries a
`corpus_row:` index, and its key is the file name written here
(`row<NNNN>_<category lower>.txt`). The article texts themselves are licensed
CC BY-NC-SA and are therefore written outside the project (default: a
`devset` folder next to the project root), never into the repository.

Only the standard library is used, so the gold file is read with a small
line-based parser instead of a YAML library.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = PROJECT_ROOT.parent / "shared" / "corpora" / "10kgnad-test.csv"
DEFAULT_GOLD = PROJECT_ROOT / "eval" / "gold" / "dev.yml"
DEFAULT_OUT = PROJECT_ROOT.parent / "devset"

# A sentence boundary: three lower-case letters and end punctuation, then
# whitespace, then an upper-case letter (identical to corpus_to_seeds.py).
LEAD_BOUNDARY = re.compile(r"(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ])")
# Body sentence boundary; also allows an opening quote after the whitespace.
BODY_BOUNDARY = re.compile(r"(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ„\"])")
# Sentences per paragraph, as a news page would show them.
SENTENCES_PER_PARAGRAPH = 3

# Gold file lines we care about: an article key and its corpus row.
KEY_LINE = re.compile(r"^\s{2}(row(\d{4})_([a-z]+)\.txt):\s*(?:#.*)?$")
ROW_LINE = re.compile(r"^\s+corpus_row:\s*(\d+)\s*(?:#.*)?$")


@dataclass(frozen=True)
class GoldEntry:
    """One dev-set article as listed in the gold file."""

    file_name: str
    row: int
    category: str  # lower-case, as in the file name


def read_articles(path: Path) -> list[tuple[str, str]]:
    """Return (category, text) for every well-formed CSV row, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";", quotechar="'")
        return [(row[0], row[1]) for row in reader if len(row) == 2]


def split_lead(text: str) -> tuple[str, str]:
    """Split an article into (headline, body) at the end of the lead sentence.

    If no sentence boundary is found within the first 300 characters, the
    headline is the first ~120 characters cut at a word boundary and the body
    is the full text (this mirrors corpus_to_seeds.py exactly).
    """
    match = LEAD_BOUNDARY.search(text)
    if not match or match.start() > 300:
        return text[:120].rsplit(" ", 1)[0], text
    return text[: match.start()], text[match.end() :]


def to_seed_format(text: str) -> str:
    """Render one article as seed-format text (headline line + paragraphs)."""
    title, body = split_lead(text)
    sentences = BODY_BOUNDARY.split(body)
    paragraphs = [
        " ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]
    return title + "\n" + "\n".join(paragraphs) + "\n"


def read_gold_entries(path: Path) -> list[GoldEntry]:
    """Collect (file name, corpus row) pairs from the gold YAML file.

    Each article key must be followed (before the next key) by a
    `corpus_row:` line whose value matches the NNNN in the key.
    """
    entries: list[GoldEntry] = []
    current: tuple[str, int, str] | None = None
    seen_row = False

    def close_current() -> None:
        if current is not None and not seen_row:
            raise ValueError(f"{path}: entry {current[0]} has no corpus_row")

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        key = KEY_LINE.match(line)
        if key:
            close_current()
            current = (key.group(1), int(key.group(2)), key.group(3))
            seen_row = False
            continue
        row = ROW_LINE.match(line)
        if row and current is not None and not seen_row:
            file_name, key_row, category = current
            if int(row.group(1)) != key_row:
                raise ValueError(
                    f"{path}:{number}: corpus_row {row.group(1)} does not match key {file_name}"
                )
            entries.append(GoldEntry(file_name, key_row, category))
            seen_row = True
    close_current()
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="10kGNAD CSV file")
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="gold YAML listing the rows"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)

    # Relative paths are taken relative to the project root, so the script
    # behaves the same from any working directory.
    csv_path = args.csv if args.csv.is_absolute() else PROJECT_ROOT / args.csv
    gold_path = args.gold if args.gold.is_absolute() else PROJECT_ROOT / args.gold
    out_dir = args.out if args.out.is_absolute() else PROJECT_ROOT / args.out

    articles = read_articles(csv_path)
    entries = read_gold_entries(gold_path)
    if not entries:
        print(f"no corpus rows found in {gold_path}", file=sys.stderr)
        return 1

    out_dir.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        if not 0 <= entry.row < len(articles):
            print(f"{entry.file_name}: row {entry.row} out of range", file=sys.stderr)
            return 1
        category, text = articles[entry.row]
        if category.lower() != entry.category:
            print(
                f"{entry.file_name}: CSV row {entry.row} has category {category}",
                file=sys.stderr,
            )
            return 1
        (out_dir / entry.file_name).write_text(to_seed_format(text), encoding="utf-8")
    print(f"wrote {len(entries)} articles to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
