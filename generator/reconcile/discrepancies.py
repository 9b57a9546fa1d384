"""Where sources disagree: claims about the same thing, compared across sources.

Two kinds of claims are compared:

* **numbers**: a count of the same unit (``Soldat``) belonging to the same state
  (``portugiesische Arbeiter``, ``Portugal habe … Arbeiter entsandt``). Hedges are
  intervals: ``rund 10.000`` is 9,800–10,200, ``mehr als 10.000`` is above it, so
  ``rund 10.000`` and ``mehr als 10.000`` agree while ``rund 10.000`` and ``etwa
  11.000`` do not. A count of another state's soldiers is another topic.
* **dates**: one event that sources date differently (see :mod:`generator.reconcile.events`).

Every discrepancy says why the machine takes the claims to be about the same thing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..analyse.actors import RuleRecogniser
from ..formatting import format_german_date, format_number
from ..model import Actor, Claim, Discrepancy, Event, Quantity, Source
from .actors import make_slug
from .events import DateConflict

# "rund", "etwa": the stated value give or take this share.
APPROX_TOLERANCE = 0.02
_PREPOSITIONS = {
    "nach",
    "in",
    "aus",
    "gegen",
    "an",
    "für",
    "mit",
    "von",
    "zu",
    "bei",
    "über",
    "auf",
}


@dataclass(frozen=True, slots=True)
class _NumberClaim:
    quantity: Quantity
    owner: str | None  # state actor id
    evidence: str  # how the owner was found, quoted from the text


def find_discrepancies(
    sources: list[Source],
    actors: list[Actor],
    events: list[Event],
    quantities: list[Quantity],
    conflicts: list[DateConflict],
) -> list[Discrepancy]:
    texts = {(s.id, t.id): t.text for s in sources for t in s.sentences}
    order = {source.id: index for index, source in enumerate(sources)}
    titles = {source.id: source.title for source in sources}
    found = _number_discrepancies(texts, order, titles, actors, events, quantities)
    found += [_date_discrepancy(conflict, texts, events) for conflict in conflicts]
    unique: dict[str, Discrepancy] = {}
    for discrepancy in found:
        key = discrepancy.id
        n = 2
        while key in unique:
            key = f"{discrepancy.id}-{n}"
            n += 1
        unique[key] = Discrepancy(**{**_fields(discrepancy), "id": key})
    return sorted(unique.values(), key=lambda d: d.id)


def _fields(discrepancy: Discrepancy) -> dict[str, object]:
    return {name: getattr(discrepancy, name) for name in discrepancy.__dataclass_fields__}


# -- numbers ------------------------------------------------------------------------------


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a stated number allows, hedge included."""
    value = quantity.value
    if quantity.upper is not None:
        return (min(value, quantity.upper), max(value, quantity.upper))
    if quantity.hedge == "approx":
        return (value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE))
    if quantity.hedge == "more":
        return (math.nextafter(value, math.inf), math.inf)
    if quantity.hedge == "less":
        return (0.0, value)
    return (value, value)


def consistent(a: Quantity, b: Quantity) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a


def _owner(
    quantity: Quantity,
    text: str,
    mentions: list[tuple[int, int, Actor]],
    recogniser: RuleRecogniser,
    state_ids: dict[str, str],
) -> tuple[str | None, str]:
    """Whose count it is: a demonym before the unit, else the nearest named state before it."""
    if quantity.qualifier:
        state = recogniser.state_in_name(quantity.qualifier)
        if state in state_ids:
            return state_ids[state], f"{quantity.qualifier} {quantity.unit_text}"
    best = None
    for start, end, actor in mentions:
        if actor.kind != "state" or start >= quantity.start or not text[start:end][:1].isupper():
            continue
        words_before = text[:start].split()
        if words_before and words_before[-1].lower() in _PREPOSITIONS:
            continue  # "nach Russland": where to, not whose
        best = (actor.id, f"{text[start:end]} … {quantity.unit_text}")
    return best if best else (None, "")


def _number_discrepancies(texts, order, titles, actors, events, quantities) -> list[Discrepancy]:
    recogniser = RuleRecogniser()
    state_ids = {a.name: a.id for a in actors if a.kind == "state"}
    names = {a.id: a.name for a in actors}
    adjectives = {a.id: recogniser.adjective_of(a.name) for a in actors if a.kind == "state"}
    mentions: dict[tuple[str, str], list[tuple[int, int, Actor]]] = defaultdict(list)
    for actor in actors:
        for mention in actor.mentions:
            mentions[(mention.source, mention.sentence)].append((mention.start, mention.end, actor))
    groups: dict[tuple[str, str | None], list[_NumberClaim]] = defaultdict(list)
    for quantity in quantities:
        if quantity.unit in ("Prozent", "Jahr", "Tag", "Monat", "Woche", "Stunde", "Mal"):
            continue  # shares and durations need more context than a count to compare
        key = (quantity.source, quantity.sentence)
        owner, evidence = _owner(
            quantity, texts[key], sorted(mentions[key], key=lambda m: m[0]), recogniser, state_ids
        )
        groups[(quantity.unit, owner)].append(_NumberClaim(quantity, owner, evidence))

    result = []
    for (_unit, owner), claims in sorted(
        groups.items(), key=lambda item: (item[0][0], item[0][1] or "")
    ):
        if owner is None or len({c.quantity.source for c in claims}) < 2:
            continue
        conflicting = [
            (a, b)
            for a in claims
            for b in claims
            if order[a.quantity.source] < order[b.quantity.source]
            and not consistent(a.quantity, b.quantity)
        ]
        if not conflicting:
            continue
        involved = sorted(
            {c for pair in conflicting for c in pair},
            key=lambda c: (order[c.quantity.source], c.quantity.sentence),
        )
        unit_text = involved[0].quantity.unit_text
        adjective = adjectives.get(owner)
        topic = (
            f"Zahl der {adjective}en {unit_text}"
            if adjective
            else f"Zahl der {unit_text} ({names[owner]})"
        )
        a, b = conflicting[0]
        gap = abs(a.quantity.value - b.quantity.value)
        share = (
            gap / max(a.quantity.value, b.quantity.value)
            if max(a.quantity.value, b.quantity.value)
            else 0
        )
        reason = (
            f"Beide Angaben zählen „{unit_text}“ und ordnen sie {names[owner]} zu: "
            + " / ".join(f"„{c.evidence}“" for c in involved[:2])
            + ". Ihre Spannen überschneiden sich nicht, auch mit den Einschränkungen "
            "(„rund“, „mehr als“) der Quellen."
        )
        claim_sentences = {(c.quantity.source, c.quantity.sentence) for c in involved}
        result.append(
            Discrepancy(
                id="w-" + make_slug(topic),
                topic=topic,
                kind="number",
                claims=tuple(
                    Claim(
                        value=c.quantity.phrase,
                        source=c.quantity.source,
                        sentence=c.quantity.sentence,
                        quote=texts[(c.quantity.source, c.quantity.sentence)],
                    )
                    for c in involved
                ),
                events=tuple(
                    e.id
                    for e in events
                    if any((m.source, m.sentence) in claim_sentences for m in e.mentions)
                ),
                actors=(owner,),
                reason=reason,
                difference=f"{format_number(gap)} {unit_text} ({format_number(round(share * 100))} %)",
            )
        )
    return result


# -- dates --------------------------------------------------------------------------------


def _date_discrepancy(
    conflict: DateConflict, texts: dict[tuple[str, str], str], events: list[Event]
) -> Discrepancy:
    event = next(e for e in events if e.id == conflict.event)
    subject = re.search(r"\b(des|der) [^\s–]+", event.title)
    topic = f"Datum der {conflict.noun}" + (f" {subject.group(0)}" if subject else "")
    claims = []
    dates = []
    for source, sentence, value, phrase, agent in conflict.claims:
        shown = (
            phrase
            if value is None or not re.search(r"\d{4}", phrase)
            else format_german_date(value)
        )
        claims.append(
            Claim(
                value=shown or "ohne Datum",
                source=source,
                sentence=sentence,
                quote=texts[(source, sentence)],
                detail=agent or None,
            )
        )
        if value is not None:
            dates.append(value.iso)
    difference = ""
    if len(dates) >= 2:
        days = abs((dt.date.fromisoformat(dates[0]) - dt.date.fromisoformat(dates[1])).days)
        difference = f"{days} {'Tag' if days == 1 else 'Tage'}"
    agents = [c.detail for c in claims if c.detail]
    note = None
    if len(set(agents)) > 1:
        note = "Die Quellen nennen auch verschiedene Akteure: " + " / ".join(agents) + "."
    reason = (
        f"Jede Quelle berichtet genau eine datierte {conflict.noun} mit denselben Beteiligten "
        f"({event.title}); die Daten liegen {difference or 'wenige Tage'} auseinander. "
        "Die Quellen beschreiben also denselben Schritt mit verschiedenen Daten."
    )
    return Discrepancy(
        id="w-" + make_slug(topic),
        topic=topic,
        kind="date",
        claims=tuple(claims),
        events=(event.id,),
        actors=tuple(a for a in event.actors),
        reason=reason,
        difference=difference,
        note=note,
    )
