"""Times of day in German news text: ``um 19.04 Uhr``, ``gegen 19 Uhr``, ``9:30 Uhr``.

A time is normalised to ``HH:MM`` with its precision (``minute`` or ``hour``) and
whether the source hedges it (``gegen``, ``kurz nach``, ``etwa``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TimePrecision = Literal["minute", "hour"]

_HEDGES = r"gegen|etwa|rund|circa|ca\.|kurz\s+nach|kurz\s+vor|um|ab|bis|seit"
_TIME = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGES})\s+)?"
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*Uhr\b",
    re.IGNORECASE,
)
_APPROX = {"gegen", "etwa", "rund", "circa", "ca.", "kurz nach", "kurz vor"}


@dataclass(frozen=True, slots=True, kw_only=True)
class TimePhrase:
    start: int
    end: int
    phrase: str
    time: str  # HH:MM
    precision: TimePrecision
    approx: bool


def find_times(text: str) -> list[TimePhrase]:
    """Every clock time of a sentence, in order."""
    found = []
    for match in _TIME.finditer(text):
        if match["hour"].startswith("0") and len(match["hour"]) == 1:
            continue
        hedge = " ".join((match["hedge"] or "").lower().split())
        minute = match["minute"]
        found.append(
            TimePhrase(
                start=match.start(),
                end=match.end(),
                phrase=match.group(0),
                time=f"{int(match['hour']):02d}:{minute or '00'}",
                precision="minute" if minute else "hour",
                approx=hedge in _APPROX,
            )
        )
    return found


def minutes(time: str) -> int:
    hours, mins = time.split(":")
    return int(hours) * 60 + int(mins)
