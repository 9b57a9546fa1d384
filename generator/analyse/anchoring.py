"""Dating an undated article by the dossier it belongs to.

An article without a date line still says ``gestern``, ``am Samstag``, ``am 9. Dezember``.
Those phrases need a publication date to mean a day. The other articles of the same story
name days of their own; the publication date that makes the undated article's relative
days fall on the days those articles name most often is taken, marked as inferred.
Only dated articles that share names with the undated one count (a folder may hold
several stories), and nothing is inferred without at least two agreeing phrases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from ..model import Source
from .dates import find_dates

MIN_AGREEING = 2
# names (capitalised words that are not common nouns) two articles of one story share
MIN_SHARED_NAMES = 5
_RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0}
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]{3,}")


def anchor_undated(sources: list[Source]) -> list[Source]:
    """The sources, undated ones given the publication date their story suggests."""
    dated = [i for i, s in enumerate(sources) if s.published is not None]
    if not dated or len(dated) == len(sources):
        return sources
    # by position: ids are given after ingest; days only of the articles that count
    days: dict[int, Counter[dt.date]] = {}
    names = [_names(source) for source in sources]
    result = []
    for position, source in enumerate(sources):
        if source.published is not None:
            result.append(source)
            continue
        known: Counter[dt.date] = Counter()
        for other in dated:
            if len(names[position] & names[other]) >= MIN_SHARED_NAMES:
                if other not in days:
                    days[other] = _named_days(sources[other])
                known.update(days[other])
        result.append(_anchor(source, known) if known else source)
    return result


def _named_days(source: Source) -> Counter[dt.date]:
    reference = dt.date.fromisoformat(source.published)  # type: ignore[arg-type]
    found_days: Counter[dt.date] = Counter([reference])
    for sentence in source.sentences:
        for found in find_dates(sentence.text, reference):
            if found.value is not None and found.value.precision == "day":
                found_days[dt.date.fromisoformat(found.value.iso)] += 1
    return found_days


def _names(source: Source) -> set[str]:
    """Capitalised words of an article that are not common German nouns: its names."""
    from .lexicon import load_lexicon

    nouns = load_lexicon().common_nouns
    return {
        word
        for sentence in source.sentences
        for word in _CAPITALISED.findall(sentence.text)
        if word not in nouns
    }


def _anchor(source: Source, known: Counter[dt.date]) -> Source:
    weekdays: list[int] = []
    offsets: list[int] = []
    for sentence in source.sentences:
        for found in find_dates(sentence.text, None):
            if found.weekday is not None and found.day is None:
                weekdays.append(found.weekday)
            elif found.phrase.lower() in _RELATIVE_DAYS:
                offsets.append(_RELATIVE_DAYS[found.phrase.lower()])
    if len(weekdays) + len(offsets) < MIN_AGREEING:
        return source
    # only days from which some phrase lands on a named day can win
    candidates = sorted({day + dt.timedelta(days=shift) for day in known for shift in range(-2, 7)})
    best: tuple[int, dt.date] | None = None
    for day in candidates:
        # a day the story names often weighs more than one it names once
        score = sum(
            known[day - dt.timedelta(days=(day.weekday() - weekday) % 7)] for weekday in weekdays
        ) + sum(known[day + dt.timedelta(days=offset)] for offset in offsets)
        if best is None or score > best[0]:
            best = (score, day)
    if best is None or best[0] < MIN_AGREEING:
        return source
    return replace(source, published=best[1].isoformat(), date_inferred=True)
