"""Compile the German word tables of spacy-lookups-data into memory-mapped tries.

spacy-lookups-data ships two tables the analysis reads, as gzipped JSON objects:

* ``de_lexeme_cluster``: a Brown word cluster for a million words;
* ``de_lemma_lookup``: the base form of 355,000 inflected words.

What the generator derives from a whole table (which cluster is the catch-all of rare
words, which lemmas are verbs, the present forms of strong verbs) is derived here, once,
with the generator's own functions, and written to ``word_tables.json``.

Parsing them made a million Python strings on every cold build (a second of one core)
and hundreds of megabytes that every forked worker shared page by page. As tries
(`marisa-trie`) they are mapped from disk in no time, take a fifth of the space, and
are shared by all processes through the page cache.

Run from the project root after ``pip install spacy-lookups-data marisa-trie``:

    python scripts/build_word_tables.py          # write generator/data/
    python scripts/build_word_tables.py --check  # exit 1 if the shipped files differ

The output is deterministic; commit it with the script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter
from importlib import metadata
from pathlib import Path

import marisa_trie
import spacy_lookups_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse.events import verb_lemmas_of  # noqa: E402
from generator.analyse.lookups import (  # noqa: E402
    CLUSTER_FORMAT,
    CLUSTERS_FILE,
    FACTS_FILE,
    LEMMA_FORMAT,
    LEMMA_NAMES_FILE,
    LEMMAS_FILE,
)
from generator.reconcile.headlines import present_forms_of  # noqa: E402

OUT = ROOT / "generator" / "data"


def read_table(name: str) -> dict[str, object]:
    path = Path(spacy_lookups_data.__path__[0]) / "data" / f"de_{name}.json.gz"
    with gzip.open(path, "rb") as handle:
        table: dict[str, object] = json.loads(handle.read())
    return table


def build(out: Path) -> None:
    clusters = {word: int(cluster) for word, cluster in read_table("lexeme_cluster").items()}
    lemmas = {word: str(lemma) for word, lemma in read_table("lemma_lookup").items()}
    if max(clusters.values()) >= 1 << 16:
        raise SystemExit(f"a cluster id does not fit {CLUSTER_FORMAT}")
    sizes = Counter(clusters.values())
    marisa_trie.RecordTrie(CLUSTER_FORMAT, ((w, (c,)) for w, c in clusters.items())).save(
        str(out / CLUSTERS_FILE)
    )
    names = marisa_trie.Trie(set(lemmas.values()))
    names.save(str(out / LEMMA_NAMES_FILE))
    marisa_trie.RecordTrie(LEMMA_FORMAT, ((w, (names[x],)) for w, x in lemmas.items())).save(
        str(out / LEMMAS_FILE)
    )
    facts = {
        "source": f"spacy-lookups-data {metadata.version('spacy-lookups-data')}",
        "words_with_cluster": len(clusters),
        "words_with_lemma": len(lemmas),
        # the biggest cluster is the catch-all of rare words: it says nothing about a word
        "catch_all_cluster": sizes.most_common(1)[0][0],
        # what the analysis and the headlines read of the whole lemma table
        "verb_lemmas": verb_lemmas_of(lemmas),
        "present_forms": present_forms_of(lemmas),
    }
    (out / FACTS_FILE).write_text(
        json.dumps(facts, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files")
    args = parser.parse_args()
    if not args.check:
        build(OUT)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        names = (CLUSTERS_FILE, LEMMAS_FILE, LEMMA_NAMES_FILE, FACTS_FILE)
        stale = [n for n in names if (Path(tmp) / n).read_bytes() != (OUT / n).read_bytes()]
    if stale:
        raise SystemExit(f"out of date: {', '.join(stale)}; run scripts/build_word_tables.py")
    print("word tables are up to date")


if __name__ == "__main__":
    main()
