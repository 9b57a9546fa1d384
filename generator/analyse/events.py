"""Event cues: sentences that report something happening, with their date phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import DateValue


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCue:
    """A sentence that reports an event of type ``noun`` (a German nominalisation)."""

    source: str
    sentence: str
    noun: str
    cue: str  # the word that triggered it
    date: DateValue | None
    date_phrase: str | None


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, re.Pattern[str]]]:
    text = resources.files("generator").joinpath("data", "events.yml").read_text(encoding="utf-8")
    table = []
    for entry in yaml.safe_load(text):
        stems = sorted(entry["stems"], key=len, reverse=True)
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE
        )
        table.append((entry["noun"], pattern))
    return table


def find_event_cue(text: str) -> tuple[str, str] | None:
    """The first event cue of a sentence as (nominalisation, matched word), if any."""
    best: tuple[int, str, str] | None = None
    for noun, pattern in _cues():
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), noun, match.group(0))
    return (best[1], best[2]) if best else None
