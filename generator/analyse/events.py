"""Event cues: the words in a sentence that report something happening.

A cue is a verb form or nominalisation from ``generator/data/events.yml``
(``unterzeichnete``, ``Ratifizierung``, ``reist``); each gets the date phrase
nearest to it and the thing it is about (``des Vertrags``). Treaties named by
their year (``die Verträge von 1961``) are events too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .dates import DatePhrase

_TREATY_OF_YEAR = re.compile(
    r"\b(?P<noun>Vertr[aä]ge?s?|Abkommens?|Pakts?)\s+(?:von|aus\s+dem\s+Jahr)\s+"
    r"(?P<years>(?:1[89]|20)\d{2}(?:\s*(?:,|und|sowie)\s*(?:1[89]|20)\d{2}(?:\s?[-–]\s?(?:1[89]|20)\d{2})?)*)"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CueMatch:
    noun: str  # the kind of event, as a German nominalisation
    word: str  # the word that signalled it
    start: int
    obj: str | None = None  # "des Vertrags"
    date: DatePhrase | None = None
    treaty_year: int | None = None  # "Vertrag von 1961"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("generator").joinpath("data", "events.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    cues = []
    for entry in data["cues"]:
        stems = sorted(entry["stems"], key=len, reverse=True)
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE
        )
        cues.append((entry["noun"], pattern))
    objects = sorted(data.get("objects", []), key=lambda o: -len(o["head"]))
    return {"cues": cues, "objects": objects}


def find_cues(text: str, dates: list[DatePhrase]) -> list[CueMatch]:
    """Every kind of event a sentence reports, each with the date phrase nearest to it."""
    table = _table()
    obj = find_object(text)
    found: dict[str, CueMatch] = {}
    for noun, pattern in table["cues"]:
        match = next((m for m in pattern.finditer(text) if not _is_attribute(text, m, noun)), None)
        if match is None or noun in found:
            continue
        found[noun] = CueMatch(
            noun=noun,
            word=match.group(0),
            start=match.start(),
            obj=obj,
            date=_nearest(dates, match.start()),
        )
    cues = sorted(found.values(), key=lambda c: c.start)
    # a date in the cue's own clause is its date; one from another clause only if no
    # other cue is nearer to it ("Nach dem Treffen im September 2023, lieferte …")
    cues = [
        c
        if c.date is None
        or _same_clause(text, c.start, c.date.start)
        or min(cues, key=lambda o: abs(o.start - c.date.start)) is c
        else CueMatch(noun=c.noun, word=c.word, start=c.start, obj=c.obj)
        for c in cues
    ]
    for match in _TREATY_OF_YEAR.finditer(text):
        for year in re.findall(
            r"(?:1[89]|20)\d{2}(?![\d-])|(?:1[89]|20)\d{2}(?=\s?[-–])", match["years"]
        ):
            cues.append(
                CueMatch(
                    noun="Vertrag", word=match["noun"], start=match.start(), treaty_year=int(year)
                )
            )
    return cues


def _is_attribute(text: str, match: re.Match[str], noun: str) -> bool:
    """``das Gesetz zur Ratifizierung``, ``Ratifizierungsurkunden``: a thing, not the event."""
    word = match.group(0)
    before, after = text[: match.start()], text[match.end() :]
    if re.search(r"\bim\s+Fall(e)?\s+(eines|einer|von)\s+$", before):
        return True  # "im Falle eines Angriffs": a hypothetical
    if re.match(
        r"\s+(werden|worden)?\s*(muss|musste|müsste|soll|sollte|sollen|würde|könnte|kann)\b", after
    ):
        return True  # "unterzeichnet werden musste": not (yet) happened
    if not word[:1].isupper():
        return False
    if re.search(r"\b(zur|zum)\s+$", before):
        return True
    return len(word) > len(noun) + 3 and word.lower().startswith(noun.lower()[:5])


def find_object(text: str) -> str | None:
    """What the sentence's event is about, as a genitive for titles (``des Vertrags``)."""
    for word in re.findall(r"[A-ZÄÖÜ][\wäöüß-]+", text):
        lower = word.lower()
        for entry in _table()["objects"]:
            head = entry["head"]
            if lower == head or (lower.endswith(head) and len(lower) > len(head) + 2):
                return f"{entry['article']} {word}{entry['ending']}"
            genitive = head + entry["ending"]
            if entry["ending"] and (lower == genitive or lower.endswith(genitive)):
                return f"{entry['article']} {word}"
    return None


def _same_clause(text: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return not re.search(r"[,;:–]", text[low:high])


def _nearest(dates: list[DatePhrase], position: int) -> DatePhrase | None:
    informative = [d for d in dates if d.value is not None or d.month or d.weekday is not None]
    if not informative:
        return None
    return min(informative, key=lambda d: abs(d.start - position))


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCue:
    """A cue found in one sentence of one source."""

    source: str
    sentence: str
    cue: CueMatch
