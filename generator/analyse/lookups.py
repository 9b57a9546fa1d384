"""The German word tables of spacy-lookups-data: Brown word clusters and lemmas.

They are compiled into tries (``scripts/build_word_tables.py``) that ship in
``generator/data/`` and are mapped from disk, not parsed: a million words cost no
loading time, no memory of their own, and forked workers share them through the page
cache instead of copying the pages their reference counts touch.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import marisa_trie

from ..errors import DossierError

CLUSTERS_FILE = "word_clusters.marisa"  # word → cluster id
LEMMAS_FILE = "lemmas.marisa"  # word → number of its lemma in LEMMA_NAMES_FILE
LEMMA_NAMES_FILE = "lemma_names.marisa"
FACTS_FILE = "word_tables.json"  # what was derived from whole tables: catch-all, verbs
CLUSTER_FORMAT = "<H"  # cluster ids fit 16 bits (the build checks)
LEMMA_FORMAT = "<I"
MEMO_WORDS = 200_000  # answers remembered per table; bounds memory in a long `mkdocs serve`


def _data_file(name: str) -> str:
    return str(Path(str(resources.files("generator").joinpath("data", name))))


def _mapped(trie: Any, path: str) -> Any:
    """``trie`` mapped from ``path``: a missing or damaged file stops the build, naming it."""
    try:
        return trie.mmap(path)
    except RuntimeError as error:  # marisa's I/O and format errors
        raise DossierError(
            f"word table {path} is missing or damaged ({error}); reinstall the package or "
            "run scripts/build_word_tables.py"
        ) from error


class ClusterTable:
    """Word → Brown cluster id, read from the mapped trie."""

    def __init__(self, path: str | None = None) -> None:
        self._trie = _mapped(
            marisa_trie.RecordTrie(CLUSTER_FORMAT), path or _data_file(CLUSTERS_FILE)
        )
        # the rules ask for the same words again and again: a dict answers faster
        self._memo: dict[str, int | None] = {}

    def get(self, word: str) -> int | None:
        try:
            return self._memo[word]
        except KeyError:
            pass
        found = self._trie.get(word)
        cluster = found[0][0] if found else None
        if len(self._memo) < MEMO_WORDS:
            self._memo[word] = cluster
        return cluster

    def __contains__(self, word: object) -> bool:
        return word in self._trie

    def __len__(self) -> int:
        return len(self._trie)


class LemmaTable:
    """Word → its base form, read from the mapped tries."""

    def __init__(self) -> None:
        self._forms = _mapped(marisa_trie.RecordTrie(LEMMA_FORMAT), _data_file(LEMMAS_FILE))
        self._names = _mapped(marisa_trie.Trie(), _data_file(LEMMA_NAMES_FILE))
        self._memo: dict[str, str | None] = {}

    def get(self, word: str, default: str | None = None) -> str | None:
        try:
            lemma = self._memo[word]
        except KeyError:
            found = self._forms.get(word)
            lemma = self._names.restore_key(found[0][0]) if found else None
            if len(self._memo) < MEMO_WORDS:
                self._memo[word] = lemma
        return default if lemma is None else lemma

    def __getitem__(self, word: str) -> str:
        lemma = self.get(word)
        if lemma is None:
            raise KeyError(word)
        return lemma

    def __contains__(self, word: object) -> bool:
        return word in self._forms

    def __len__(self) -> int:
        return len(self._forms)


@lru_cache(maxsize=1)
def cluster_table() -> ClusterTable:
    return ClusterTable()


@lru_cache(maxsize=1)
def lemma_table() -> LemmaTable:
    return LemmaTable()


@lru_cache(maxsize=1)
def table_facts() -> dict[str, Any]:
    """What the build derived from the whole tables (see ``scripts/build_word_tables.py``)."""
    facts: dict[str, Any] = json.loads(Path(_data_file(FACTS_FILE)).read_text(encoding="utf-8"))
    return facts
