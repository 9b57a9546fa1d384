"""Dating an undated article by the dossier it belongs to.

An article without a date line still says ``gestern``, ``am Samstag``, ``am 9. Dezember``.
Those phrases need a publication date to mean a day. The other articles of the dossier
name days of their own; the publication date that makes the undated article's relative
days fall on the days the dated articles name most often is taken, marked as inferred.
Nothing is inferred without at least two such phrases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from ..model import Source
from .dates import find_dates

# how far around the dated articles an undated one may have appeared (days)
WINDOW_BEFORE = 7
WINDOW_AFTER = 14
MIN_AGREEING = 2
_RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0}


def anchor_undated(sources: list[Source]) -> list[Source]:
    """The sources, undated ones given the publication date the dossier suggests."""
    dated = [s for s in sources if s.published is not None]
    if not dated or len(dated) == len(sources):
        return sources
    known: Counter[dt.date] = Counter()
    for source in dated:
        reference = dt.date.fromisoformat(source.published)  # type: ignore[arg-type]
        known[reference] += 1
        for sentence in source.sentences:
            for found in find_dates(sentence.text, reference):
                if found.value is not None and found.value.precision == "day":
                    known[dt.date.fromisoformat(found.value.iso)] += 1
    first, last = min(known), max(known)
    latest = max(dt.date.fromisoformat(s.published) for s in dated)  # type: ignore[arg-type]
    return [
        source if source.published is not None else _anchor(source, known, first, last, latest)
        for source in sources
    ]


def _anchor(
    source: Source, known: Counter[dt.date], first: dt.date, last: dt.date, latest: dt.date
) -> Source:
    weekdays: list[int] = []
    offsets: list[int] = []
    floor = first - dt.timedelta(days=WINDOW_BEFORE)
    for sentence in source.sentences:
        for found in find_dates(sentence.text, None):
            if found.weekday is not None and found.day is None:
                weekdays.append(found.weekday)
            elif found.phrase.lower() in _RELATIVE_DAYS:
                offsets.append(_RELATIVE_DAYS[found.phrase.lower()])
    if len(weekdays) + len(offsets) < MIN_AGREEING:
        return source
    best: tuple[int, dt.date] | None = None
    day = floor
    while day <= last + dt.timedelta(days=WINDOW_AFTER):
        # a day the dossier names often weighs more than one it names once
        score = sum(
            known[day - dt.timedelta(days=(day.weekday() - weekday) % 7)] for weekday in weekdays
        ) + sum(known[day + dt.timedelta(days=offset)] for offset in offsets)
        if best is None or score > best[0]:
            best = (score, day)
        day += dt.timedelta(days=1)
    if best is None or best[0] < MIN_AGREEING:
        return source
    return replace(source, published=best[1].isoformat(), date_inferred=True)
