"""Agency copies: several outlets carrying one text are one voice, not several.

Two articles are copies of one text when most of the shorter one's word sequences
(five words in a row, case and punctuation ignored) also occur in the other: an
agency report with a new headline, a cut paragraph or a changed word stays a copy.
The later article (by publication, then by file order) is marked as the copy of the
earlier. Candidate pairs come from an index of the sequences, so a large dossier of
unrelated articles costs little.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import chain

from ..model import Source

SHINGLE = 5
# share of the shorter text's sequences found in the other for a copy
COPY_SHARE = 0.8
# texts shorter than this many sequences are too short to call copies (headline-only)
MIN_SHINGLES = 15
_WORD = re.compile(r"\w+")


def shingles(source: Source) -> set[int]:
    """Hashes of the five-word sequences of an article's text (headline left out)."""
    words = [
        w.casefold() for sentence in source.sentences[1:] for w in _WORD.findall(sentence.text)
    ]
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode("utf-8"))
        for i in range(max(0, len(words) - SHINGLE + 1))
    }


def mark_copies(sources: list[Source]) -> list[Source]:
    """The sources, each copy with ``copy_of`` set to the earliest source of its text."""
    sets = [shingles(source) for source in sources]
    # most sequences occur in one text only: those in more are found by counting, and only
    # they are indexed (a sequence in very many texts is boilerplate)
    counts = Counter(chain.from_iterable(sets))
    common = {shingle for shingle, count in counts.items() if 1 < count <= 50}
    index: dict[int, list[int]] = defaultdict(list)
    for position, found in enumerate(sets):
        for shingle in found & common:
            index[shingle].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                shared[(a, b)] += 1

    def rank(position: int) -> tuple[bool, str, int]:
        source = sources[position]
        return (source.published is None, source.published or "", position)

    original: dict[int, int] = {}
    for (a, b), count in sorted(shared.items()):
        smaller = min(len(sets[a]), len(sets[b]))
        if smaller < MIN_SHINGLES or count / smaller < COPY_SHARE:
            continue
        first, second = sorted((a, b), key=rank)
        root = original.get(first, first)
        if second not in original:
            original[second] = root
    return [
        replace(source, copy_of=sources[original[i]].id) if i in original else source
        for i, source in enumerate(sources)
    ]
