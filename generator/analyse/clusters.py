"""What kind of name a word behaves like, from distributional word clusters.

spacy-lookups-data ships Brown clusters for a million German words (compiled into a
trie, see ``lookups``): words used in similar contexts share a cluster, and surnames,
given names, places and companies fall into clusters of their own. Which cluster means
what is not hard-coded: it is learned on load from the word lists of ``generator/data/``
(given names, surnames, toponyms from german-nouns; states and organisations from the
world-knowledge files). An unknown capitalised word then inherits its cluster's majority
class.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Literal

from .lookups import ClusterTable, cluster_table, table_facts

NameClass = Literal["given", "surname", "place", "organisation"]

# A cluster gets a class when at least this many known words fall into it …
MIN_KNOWN = 8
# … and this share of them belongs to the class.
MIN_SHARE = 0.6


class ClusterClasses:
    """Maps a word to the name class of its cluster (or None)."""

    def __init__(
        self,
        table: ClusterTable | dict[str, int],
        known: dict[NameClass, set[str]],
        common_nouns: frozenset[str],
        catch_all: int | None,
    ) -> None:
        self._table = table
        # the biggest cluster is the catch-all of rare words: it says nothing about a word
        self._catch_all = catch_all
        counts: dict[int, Counter[str]] = defaultdict(Counter)
        for name_class, words in known.items():
            for word in words:
                cluster = table.get(word)
                if cluster is not None and word not in common_nouns:
                    counts[cluster][name_class] += 1
        self.classes: dict[int, NameClass] = {}
        for cluster, counter in counts.items():
            total = sum(counter.values())
            best, best_count = counter.most_common(1)[0]
            if cluster != catch_all and total >= MIN_KNOWN and best_count / total >= MIN_SHARE:
                self.classes[cluster] = best  # type: ignore[assignment]

    def of(self, word: str) -> NameClass | None:
        cluster = self._table.get(word)
        return None if cluster is None else self.classes.get(cluster)

    def cluster_id(self, word: str) -> int | None:
        """The word's cluster, or None for an unknown word or the catch-all of rare words."""
        cluster = self._table.get(word)
        return None if cluster == self._catch_all else cluster

    def known(self, word: str) -> bool:
        return word in self._table

    def is_person(self, word: str) -> bool:
        return self.of(word) in ("given", "surname")


@lru_cache(maxsize=1)
def load_cluster_classes() -> ClusterClasses:
    from .lexicon import load_lexicon

    lexicon = load_lexicon()
    known: dict[NameClass, set[str]] = {
        "given": set(lexicon.given_names),
        "surname": set(lexicon.surnames),
        "place": set(lexicon.toponyms) | set(lexicon.capitals),
        # one word per name or alias as listed, not the generated inflections
        "organisation": set(lexicon.organisation_names),
    }
    known["place"] |= set(lexicon.state_names)
    catch_all = table_facts()["catch_all_cluster"]
    return ClusterClasses(cluster_table(), known, lexicon.common_nouns, catch_all)
