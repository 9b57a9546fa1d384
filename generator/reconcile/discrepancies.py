"""Where sources disagree: claims about the same thing, compared across sources.

* **measured claims** (:mod:`generator.reconcile.claims`): counts, money, shares of the
  same thing, belonging to the same actor (or the story) and the same year, whose
  intervals do not overlap. Hedges are intervals: ``rund 10.000`` and ``mehr als 10.000``
  agree, ``rund 10.000`` and ``etwa 11.000`` do not.
* **times of day** of the same event that differ by more than the sources' rounding.
* **dates**: one event that sources date differently (see :mod:`generator.reconcile.events`).

Every discrepancy says why the machine takes the claims to be about the same thing, and
orders its sides by when each source reported, the newest marked: a figure that changes
as a story develops is shown as it developed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

from ..analyse.actors import RuleRecogniser
from ..analyse.dates import MONTHS, WEEKDAYS
from ..analyse.quantities import lemma_of, unit_lemma
from ..analyse.times import minutes
from ..formatting import format_german_date, format_number
from ..model import Actor, Claim, DateMention, Discrepancy, Event, EventTime, Quantity, Source
from .actors import make_slug
from .claims import CASUALTIES, MeasuredClaim, conflict, find_claims
from .events import DateConflict
from .stories import StoryLinks

STATUS_WORDS = {
    "planned": "geplant",
    "announced": "angekündigt",
    "demanded": "gefordert",
    "hypothetical": "hypothetisch",
}
# "Der Vertrag läuft bis zum 31. März 2029", "einen Vertrag bis zum 31. Mai 2029": the date
# a named thing ends (a contract, a ban, a deadline)
_UNTIL = re.compile(
    r"(?<![\d.]\s)(?<![\d.])\b(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)(?:\s+[a-zäöüß]+){0,2}\s+bis\s+(?:zum\s+|zur\s+)?$"
)
_CONTRAST = re.compile(r"\b(?:dagegen|hingegen|demgegenüber)\b")
_NOT_THINGS = {"Ende", "Anfang", "Mitte", "Beginn", "Zeit", "Jahr", "Monat", "Woche", "Tag"}
# "gegen 19 Uhr": this many minutes either side
APPROX_HOUR_TOLERANCE = 30


def find_discrepancies(
    sources: list[Source],
    actors: list[Actor],
    events: list[Event],
    quantities: list[Quantity],
    conflicts: list[DateConflict],
    dates: list[DateMention] | None = None,
) -> list[Discrepancy]:
    texts = {(s.id, t.id): t.text for s in sources for t in s.sentences}
    by_id = {source.id: source for source in sources}
    claims, rivals = _rival_figures(find_claims(sources, actors, quantities, events, dates), texts)
    found = _number_discrepancies(texts, by_id, actors, events, claims, StoryLinks(sources), rivals)
    found += _time_discrepancies(texts, by_id, events)
    found += [_date_discrepancy(conflict, texts, events, by_id) for conflict in conflicts]
    found += _end_date_discrepancies(texts, by_id, dates or [])
    unique: dict[str, Discrepancy] = {}
    for discrepancy in found:
        key = discrepancy.id
        n = 2
        while key in unique:
            key = f"{discrepancy.id}-{n}"
            n += 1
        unique[key] = replace(discrepancy, id=key)
    return sorted(unique.values(), key=lambda d: d.id)


def _stamp(source: Source) -> str | None:
    if source.published is None:
        return None
    return (
        f"{source.published} {source.published_time}" if source.published_time else source.published
    )


def _quoted(
    source: str,
    sentence: str,
    value: str,
    texts: dict[tuple[str, str], str],
    by_id: dict[str, Source],
    **fields: str | None,
) -> Claim:
    """One side of a discrepancy: what a source says, quoted with its sentence and the time
    the source was published."""
    return Claim(
        value=value,
        source=source,
        sentence=sentence,
        quote=texts[(source, sentence)],
        published=_stamp(by_id[source]),
        **fields,
    )


def _in_time_order(claims: list[Claim]) -> tuple[Claim, ...]:
    """Sides ordered by when their source reported (undated last); the newest marked."""
    ordered = sorted(claims, key=lambda c: (c.published is None, c.published or ""))
    stamps = [c.published for c in ordered if c.published]
    newest = max(stamps) if stamps else None
    return tuple(replace(c, newest=newest is not None and c.published == newest) for c in ordered)


# -- measured claims ------------------------------------------------------------------------


def _independent(a: str, b: str, by_id: dict[str, Source]) -> bool:
    """Two sources that are not copies of one text."""
    return (
        a != b
        and by_id[a].copy_of != b
        and by_id[b].copy_of != a
        and (by_id[a].copy_of is None or by_id[a].copy_of != by_id[b].copy_of)
    )


def _rival_figures(
    claims: list[MeasuredClaim], texts: dict[tuple[str, str], str]
) -> tuple[list[MeasuredClaim], set[tuple[MeasuredClaim, MeasuredClaim]]]:
    """Rival figures one article reports itself: ``Nach Zählung der Gewerkschaft … rund
    4.000 Beschäftigte. Der Konzern kam dagegen auf 1.500.`` A figure in a clause with
    ``dagegen`` / ``hingegen`` and one before it, in its sentence or the one before, count
    the same thing for the same year; where the later names an owner the earlier does not,
    it is the one who counted. Figures of two owners (``Die A kam auf 25 Prozent, die B
    dagegen auf 30``) stay apart. The claims (the later with the earlier's key) and the
    pairs."""
    result = list(claims)
    pairs: set[tuple[MeasuredClaim, MeasuredClaim]] = set()
    for index, later in enumerate(result):
        q = later.quantity
        text = texts[(q.source, q.sentence)]
        if not _CONTRAST.search(text[max(0, q.start - 60) : q.end + 40]):
            continue
        number = int(q.sentence[1:])
        for earlier in result[:index]:
            e = earlier.quantity
            if (
                e.source == q.source
                and int(e.sentence[1:]) in (number, number - 1)
                and (int(e.sentence[1:]), e.start) < (number, q.start)
                and earlier.measure == later.measure
                and earlier.scope == later.scope
                and earlier.status == later.status
                and (earlier.owner is None or earlier.owner == later.owner)
                and conflict(earlier, replace(later, owner=earlier.owner))
            ):
                later = replace(
                    later,
                    owner=earlier.owner,
                    event=earlier.event,
                    predicate=earlier.predicate,
                    evidence=earlier.evidence,
                )
                result[index] = later
                pairs.add((earlier, later))
                break
    return result, pairs


def _number_discrepancies(
    texts: dict[tuple[str, str], str],
    by_id: dict[str, Source],
    actors: list[Actor],
    events: list[Event],
    claims: list[MeasuredClaim],
    stories: StoryLinks,
    rivals: set[tuple[MeasuredClaim, MeasuredClaim]] | None = None,
) -> list[Discrepancy]:
    rivals = rivals or set()
    recogniser = RuleRecogniser()
    names = {a.id: a.name for a in actors}
    titles = {e.id: e.title for e in events}
    adjectives = {a.id: recogniser.adjective_of(a.name) for a in actors if a.kind == "state"}
    order = {source_id: index for index, source_id in enumerate(by_id)}
    groups: dict[tuple[str, str | None, int | None, str | None], list[MeasuredClaim]] = defaultdict(
        list
    )
    for claim in claims:
        groups[claim.key].append(claim)
    result = []
    for (measure, owner, scope, event, predicate, status), members in sorted(
        groups.items(), key=lambda item: tuple(str(part or "") for part in item[0])
    ):
        conflicting = [
            (a, b)
            for a in members
            for b in members
            if (a, b) in rivals
            or (
                order[a.quantity.source] < order[b.quantity.source]
                and _independent(a.quantity.source, b.quantity.source, by_id)
                and stories.related(a.quantity.source, b.quantity.source)
                and conflict(a, b)
            )
        ]
        if not conflicting:
            continue
        involved = sorted(
            {c for pair in conflicting for c in pair},
            key=lambda c: (
                order[c.quantity.source],
                int(c.quantity.sentence[1:]),
                c.quantity.start,
            ),
        )
        first = involved[0]
        topic = _topic(first, owner, scope, names, adjectives)
        if event is not None:
            topic += f" – {titles[event]}"
        elif predicate is not None:
            topic += f" ({predicate})"
        if status != "reported":
            topic += f", {STATUS_WORDS[status]}"
        a, b = conflicting[0]
        gap = abs(a.quantity.value - b.quantity.value)
        share = (
            gap / max(a.quantity.value, b.quantity.value)
            if max(a.quantity.value, b.quantity.value)
            else 0
        )
        words = list(
            dict.fromkeys(_not_dative(c.quantity.unit_text, c.quantity.unit) for c in involved)
        )
        what = (
            " oder ".join(f"„{word}“" for word in words)
            + (" (Wörter für dieselbe Sache)" if len(words) > 1 else "")
            if first.currency is None
            else f"einen Betrag in {first.currency}"
        )
        if owner:
            belongs = f"und ordnen sie {names[owner]} zu: " + " / ".join(
                f"„{c.evidence}“" for c in involved[:2]
            )
        elif event is not None:
            belongs = f"und stehen in Berichten über dasselbe Ereignis ({titles[event]})"
        elif predicate is not None:
            belongs = f"und gehören zum selben Geschehen („{predicate}“), ohne dass eine Quelle einen anderen Akteur nennt"
        else:
            belongs = "und betreffen die Geschichte selbst, keinen anderen Akteur oder Ort"
        reason = (
            f"Alle Angaben zählen {what} {belongs}"
            + (f", jeweils für das Jahr {scope}" if scope else "")
            + ". Ihre Spannen überschneiden sich nicht, auch mit den Einschränkungen "
            "(„rund“, „mehr als“, „bis zu“) der Quellen."
        )
        claim_sentences = {(c.quantity.source, c.quantity.sentence) for c in involved}
        unit_gap = first.quantity.unit_text if first.currency is None else first.currency
        result.append(
            Discrepancy(
                id="w-" + make_slug(topic),
                topic=topic,
                kind="money"
                if first.currency
                else ("share" if measure.startswith("Prozent") else "number"),
                claims=_in_time_order([_claim(c, texts, by_id) for c in involved]),
                events=tuple(
                    e.id
                    for e in events
                    if any((m.source, m.sentence) in claim_sentences for m in e.mentions)
                ),
                actors=(owner,) if owner else (),
                reason=reason,
                difference=f"{format_number(gap)} {unit_gap} ({format_number(round(share * 100))} %)",
            )
        )
    return result


def _claim(c: MeasuredClaim, texts: dict[tuple[str, str], str], by_id: dict[str, Source]) -> Claim:
    q = c.quantity
    return Claim(
        value=q.phrase,
        source=q.source,
        sentence=q.sentence,
        quote=texts[(q.source, q.sentence)],
        number=q.value,
        low=c.low,
        high=c.high if c.high != float("inf") else None,
        unit=c.unit,
        currency=c.currency,
        published=_stamp(by_id[q.source]),
    )


def _topic(
    claim: MeasuredClaim,
    owner: str | None,
    scope: int | None,
    names: dict[str, str],
    adjectives: dict[str, str | None],
) -> str:
    unit_text = _not_dative(claim.quantity.unit_text, claim.quantity.unit)
    if "-" in unit_text and "-" not in claim.unit:
        unit_text = unit_text.partition("-")[2]  # "Larimo-Beschäftigten": the owner says whose
    if claim.currency:
        topic = f"{claim.measure.split(' (')[0]} in {claim.currency}"
    elif claim.measure.startswith("Prozent ("):
        topic = f"{claim.measure[9:-1]} in Prozent"
    elif claim.measure in ("Prozent", "Prozentpunkt"):
        topic = "Anteil in Prozent" if claim.measure == "Prozent" else "Abstand in Prozentpunkten"
    elif claim.measure in CASUALTIES:
        topic = {
            "Tote": "Zahl der Toten",
            "Verletzte": "Zahl der Verletzten",
            "Schwerverletzte": "Zahl der Schwerverletzten",
            "Vermisste": "Zahl der Vermissten",
            "Evakuierte": "Zahl der Evakuierten",
            "Obdachlose": "Zahl der Obdachlosen",
        }[claim.measure]
    elif claim.measure.startswith("Teilnehmer ("):  # people at a gathering
        topic = f"Teilnehmerzahl: {claim.measure[12:-1]}"
    elif owner and adjectives.get(owner):
        return f"Zahl der {adjectives[owner]}en {unit_text}" + (f" ({scope})" if scope else "")
    else:
        if unit_text.endswith(("te", "nde")):  # a noun made of an adjective: "der Beschäftigten"
            unit_text += "n"
        topic = f"Zahl der {unit_text}" if unit_text[:1].isupper() else f"Zahl: {unit_text}"
    if owner:
        topic += f" – {names[owner]}"
    if scope:
        topic += f" ({scope})"
    return topic


def _not_dative(word: str, lemma: str) -> str:
    """The plural as a title names it: ``mit 6 Mandaten`` → ``Mandate``."""
    if (
        word.endswith("n")
        and word[-2:-1] in ("e", "r", "l")
        and lemma in (word[:-1], lemma_of(word[:-1]))
    ):
        return word[:-1]
    return word


# -- times of day ---------------------------------------------------------------------------


def _time_discrepancies(
    texts: dict[tuple[str, str], str], by_id: dict[str, Source], events: list[Event]
) -> list[Discrepancy]:
    """Times of day that sources give for the same event and that do not agree."""
    order = list(by_id)
    result = []
    for event in events:
        if event.status != "reported":
            continue
        conflicting = [
            (a, b)
            for i, a in enumerate(event.times)
            for b in event.times[i + 1 :]
            if _independent(a.source, b.source, by_id) and not _times_agree(a, b)
        ]
        if not conflicting:
            continue
        involved = sorted(
            {side for pair in conflicting for side in pair}, key=lambda s: order.index(s.source)
        )
        topic = f"Uhrzeit: {event.title}"
        gap = max(minutes(s.time) for s in involved) - min(minutes(s.time) for s in involved)
        result.append(
            Discrepancy(
                id="w-" + make_slug(topic),
                topic=topic,
                kind="time",
                claims=_in_time_order(
                    [
                        _quoted(s.source, s.sentence, s.phrase, texts, by_id, time=s.time)
                        for s in involved
                    ]
                ),
                events=(event.id,),
                actors=event.actors[:2],
                reason=(
                    f"Die Quellen berichten dasselbe Ereignis ({event.title}, "
                    f"{format_german_date(event.date) if event.date else 'ohne Datum'}) und nennen "
                    "verschiedene Uhrzeiten; auf die Minute genaue Angaben stimmen nur überein, "
                    "wenn sie gleich sind."
                ),
                difference=f"{gap} Minuten",
            )
        )
    return result


def _times_agree(a: EventTime, b: EventTime) -> bool:
    """Minute-precise times agree only when equal ("gegen 19.04 Uhr" is still precise);
    a full hour stands for the hour ("19 Uhr"), with "gegen" for half an hour around it."""
    if a.precision == "hour" or b.precision == "hour":
        tolerance = APPROX_HOUR_TOLERANCE if (a.approx or b.approx) else 59
        return abs(minutes(a.time) - minutes(b.time)) <= tolerance
    return a.time == b.time


# -- dates --------------------------------------------------------------------------------


def _date_discrepancy(
    conflict: DateConflict,
    texts: dict[tuple[str, str], str],
    events: list[Event],
    by_id: dict[str, Source],
) -> Discrepancy:
    event = next(e for e in events if e.id == conflict.event)
    topic = f"Datum: {event.title}"
    claims = []
    dates = []
    for source, sentence, value, phrase, agent in conflict.claims:
        shown = (
            phrase
            if value is None or not re.search(r"\d{4}", phrase)
            else format_german_date(value)
        )
        claims.append(
            _quoted(
                source,
                sentence,
                shown or "ohne Datum",
                texts,
                by_id,
                detail=agent or None,
                iso=value.iso if value else None,
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
        f"Jede Quelle berichtet genau einen datierten Schritt „{conflict.noun}“ mit denselben "
        f"Beteiligten ({event.title}); die Daten liegen {difference or 'wenige Tage'} auseinander. "
        "Die Quellen beschreiben also denselben Schritt mit verschiedenen Daten."
    )
    return Discrepancy(
        id="w-" + make_slug(topic),
        topic=topic,
        kind="date",
        claims=_in_time_order(claims),
        events=(event.id,),
        actors=tuple(a for a in event.actors),
        reason=reason,
        difference=difference,
        note=note,
    )


# -- end dates ----------------------------------------------------------------------------


def _end_date_discrepancies(
    texts: dict[tuple[str, str], str], by_id: dict[str, Source], dates: list[DateMention]
) -> list[Discrepancy]:
    """The day a named thing ends (``Vertrag bis zum 31. März 2029``) given as different
    days by independent sources; each source's first such date counts."""
    ends: dict[str, dict[str, tuple[DateMention, str]]] = defaultdict(dict)
    for mention in dates:
        if mention.date is None or mention.date.precision != "day" or mention.relative:
            continue
        text = texts[(mention.source, mention.sentence)]
        until = _UNTIL.search(text, 0, max(text.find(mention.phrase), 0))
        if until is None:
            continue
        noun = unit_lemma(until["noun"])
        if noun in _NOT_THINGS or until["noun"] in MONTHS or until["noun"] in WEEKDAYS:
            continue
        ends[noun].setdefault(mention.source, (mention, until.group(0).strip()))
    result = []
    for noun, by_source in sorted(ends.items()):
        found = list(by_source.values())
        if not any(
            _independent(a.source, b.source, by_id) and a.date != b.date
            for a, _ in found
            for b, _ in found
        ):
            continue
        days = sorted({m.date.iso for m, _ in found if m.date})
        gap = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days
        topic = f"Enddatum: {noun}"
        result.append(
            Discrepancy(
                id="w-" + make_slug(topic),
                topic=topic,
                kind="date",
                claims=_in_time_order(
                    [
                        _quoted(
                            m.source,
                            m.sentence,
                            format_german_date(m.date),
                            texts,
                            by_id,
                            iso=m.date.iso if m.date else None,
                        )
                        for m, _ in found
                    ]
                ),
                events=(),
                actors=(),
                reason=(
                    f"Die Quellen nennen, bis wann „{noun}“ gilt ("
                    + " / ".join(f"„{phrase} {m.phrase}“" for m, phrase in found[:2])
                    + "), und geben verschiedene Tage an."
                ),
                difference=f"{gap} {'Tag' if gap == 1 else 'Tage'}",
            )
        )
    return result
