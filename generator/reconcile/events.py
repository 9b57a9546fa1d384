"""Events across sources: what happened when, according to whom.

Event cues from all sources are clustered: the same kind of event, with dates that
fit together and participants in common, is one event told by several sources. A
partial date in one source completes another (``im Juni`` 2024 + ``19. Juni`` +
``am Mittwoch`` → 19 June 2024, a Wednesday). Different dates in one source are
different events. Two sources that each report one dated step of the same kind by
the same state on nearby but different days describe the same step with
conflicting dates: one event, and a date conflict for the discrepancy page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..analyse.actors import RuleRecogniser
from ..analyse.events import EventCue
from ..model import Actor, DateValue, Event, Mention, Source
from .actors import unique_slugs

# A dated step reported with different days by two sources is one step only this close.
SAME_STEP_DAYS = 31
# A place names where an event happened only this close to its cue (characters), in
# the same clause.
_LOCATION_REACH = 70
_LOCATION_BEFORE = re.compile(
    r"\b(?P<prep>in|im|nach|auf)\s+(?P<article>(?:der|die|den|dem)\s+)?(?:\w+\s+)?$"
)
# Event nouns whose title names a traveller and a destination.
_TRAVEL = {"Besuch", "Reise"}


@dataclass
class _Draft:
    cue: EventCue
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    actors: list[str]  # ids of persons and organisations, in sentence order
    states: set[str]  # ids of states involved, also through an institution's name
    places: list[str]
    location: str | None  # "in Lissabon", "in der Ukraine"

    @property
    def dated(self) -> bool:
        return self.year is not None or self.month is not None or self.weekday is not None


@dataclass
class _Cluster:
    noun: str
    order: int = 0  # creation order: earlier clusters are tried first
    drafts: list[_Draft] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    conflicts: list[_Draft] = field(default_factory=list)  # same step, other date

    @property
    def sources(self) -> set[str]:
        return {d.cue.source for d in self.drafts}

    def absorb(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        self.year = self.year if self.year is not None else draft.year
        self.month = self.month if self.month is not None else draft.month
        self.day = self.day if self.day is not None else draft.day
        self.weekday = self.weekday if self.weekday is not None else draft.weekday


@dataclass(frozen=True, slots=True, kw_only=True)
class DateConflict:
    """Sources that date the same event differently."""

    event: str
    noun: str
    claims: tuple[
        tuple[str, str, DateValue | None, str, str], ...
    ]  # source, sentence, date, phrase, agent


def build_events(
    sources: list[Source], cues: list[EventCue], actors: list[Actor]
) -> tuple[list[Event], list[DateConflict]]:
    order = {source.id: index for index, source in enumerate(sources)}
    texts = {(s.id, t.id): t.text for s in sources for t in s.sentences}
    in_sentence = _actors_by_sentence(actors)
    recogniser = RuleRecogniser()
    state_ids = {a.name: a.id for a in actors if a.kind == "state"}
    lead_dates = {source.id: _lead_date(source) for source in sources}

    drafts = []
    for cue in sorted(cues, key=lambda c: (order[c.source], int(c.sentence[1:]), c.cue.start)):
        present = in_sentence.get((cue.source, cue.sentence), [])
        draft = _draft(cue, present, texts[(cue.source, cue.sentence)], recogniser, state_ids)
        if not draft.dated and cue.sentence == "s1" and lead_dates[cue.source] is not None:
            # the lead reports the article's news: date it with the latest recent date
            lead = lead_dates[cue.source]
            draft.year, draft.month, draft.day = lead.year, lead.month, lead.day
        drafts.append(draft)

    clusters: list[_Cluster] = []
    # a draft can only join a cluster it shares a participant (or a treaty's year) with
    index: dict[tuple[str, object], list[_Cluster]] = {}
    for draft in drafts:
        keys = _index_keys(draft)
        seen: set[int] = set()
        candidates = []
        for key in keys:
            for cluster in index.get(key, []):
                if id(cluster) not in seen:
                    seen.add(id(cluster))
                    candidates.append(cluster)
        candidates.sort(key=lambda c: c.order)
        target = next((c for c in candidates if _fits(c, draft)), None)
        if target is None:
            target = _Cluster(noun=draft.cue.cue.noun, order=len(clusters))
            clusters.append(target)
        target.absorb(draft)
        for key in keys:
            if target not in index.setdefault(key, []):
                index[key].append(target)
    clusters = _merge_same_steps(clusters)

    names = {a.id: a.name for a in actors}
    dated = [c for c in clusters if _date_value(c) is not None or c.drafts[0].cue.cue.treaty_year]
    # an undated cue that fits no dated event is kept only if it names who acted
    undated = [c for c in clusters if c not in dated and any(d.actors for d in c.drafts)]
    kept = sorted(dated + undated, key=lambda c: (_sort_key(c), c.noun))
    titles = [_title(c, names) for c in kept]
    ids = unique_slugs(
        f"{title} {value.iso if (value := _date_value(c)) else ''}"
        for title, c in zip(titles, kept, strict=True)
    )
    events = []
    conflicts = []
    for event_id, title, cluster in zip(ids, titles, kept, strict=True):
        members = cluster.drafts + cluster.conflicts
        mentions = sorted(
            {
                Mention(
                    source=d.cue.source,
                    sentence=d.cue.sentence,
                    start=0,
                    end=len(texts[(d.cue.source, d.cue.sentence)]),
                    text=texts[(d.cue.source, d.cue.sentence)],
                )
                for d in members
            },
            key=lambda m: (order[m.source], int(m.sentence[1:])),
        )
        involved: list[str] = []
        for draft in members:
            for actor_id in [*draft.actors, *sorted(draft.states)]:
                if actor_id not in involved:
                    involved.append(actor_id)
        events.append(
            Event(
                id=event_id,
                title=title,
                date=_date_value(cluster),
                actors=tuple(involved),
                sources=tuple(sorted({m.source for m in mentions}, key=order.__getitem__)),
                mentions=tuple(mentions),
            )
        )
        if cluster.conflicts:
            conflicts.append(_conflict(event_id, cluster, names))
    return sorted(events, key=lambda e: e.id), conflicts


def _index_keys(draft: _Draft) -> list[tuple[str, object]]:
    noun = draft.cue.cue.noun
    if draft.cue.cue.treaty_year is not None:
        return [(noun, ("year", draft.cue.cue.treaty_year))]
    return [(noun, participant) for participant in [*draft.actors, *sorted(draft.states)]]


def _actors_by_sentence(actors: list[Actor]) -> dict[tuple[str, str], list[tuple[int, int, Actor]]]:
    table: dict[tuple[str, str], list[tuple[int, int, Actor]]] = {}
    for actor in actors:
        for mention in actor.mentions:
            table.setdefault((mention.source, mention.sentence), []).append(
                (mention.start, mention.end, actor)
            )
    return {
        key: sorted(value, key=lambda item: (item[0], item[2].id)) for key, value in table.items()
    }


def _draft(
    cue: EventCue,
    present: list[tuple[int, int, Actor]],
    text: str,
    recogniser: RuleRecogniser,
    state_ids: dict[str, str],
) -> _Draft:
    year = month = day = weekday = None
    match = cue.cue
    if match.treaty_year is not None:
        year = match.treaty_year
    elif match.date is not None:
        phrase = match.date
        if phrase.value is not None:
            parts = [int(p) for p in phrase.value.iso.split("-")]
            year = parts[0]
            month = parts[1] if len(parts) > 1 else None
            day = parts[2] if len(parts) > 2 else None
        else:
            month, day, weekday = phrase.month, phrase.day, phrase.weekday
    people: list[str] = []
    states: set[str] = set()
    places: list[str] = []
    location = None
    for start, end, actor in present:
        low, high = sorted((start, match.start))
        near = high - low <= _LOCATION_REACH and not re.search(r"[,;:–]", text[low:high])
        if actor.kind == "place" and actor.name not in places:
            places.append(actor.name)
        if actor.kind == "state":
            states.add(actor.id)
        if actor.kind in ("place", "state"):
            preposition = _LOCATION_BEFORE.search(text[:start])
            named = text[start:end][:1].isupper()  # "Portugal", not "portugiesischen"
            if location is None and near and named and preposition is not None:
                location = text[preposition.start() : end]  # as written: "im spanischen Bilbao"
            continue
        if re.match(
            r"\s*(Vater|Mutter|Sohn|Tochter|Bruder|Schwester|Witwe|Frau|Mann)\b", text[end:]
        ):
            continue  # "Park Min Juns Vater": the relation names someone else
        elif recogniser.is_news_agency(actor.name):
            continue  # who reports it is not who does it
        else:
            if actor.id not in people:
                people.append(actor.id)
            if actor.kind == "organisation":
                state = recogniser.state_in_name(actor.name)
                if state in state_ids:
                    states.add(state_ids[state])
    return _Draft(
        cue=cue,
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        actors=people,
        states=states,
        places=places,
        location=location,
    )


def _lead_date(source: Source) -> dt.date | None:
    """The latest full date of an article within ten days before its publication."""
    if source.published is None:
        return None
    from ..analyse.dates import find_dates

    published = dt.date.fromisoformat(source.published)
    candidates = []
    for sentence in source.sentences:
        for found in find_dates(sentence.text, published):
            if found.value is not None and found.value.precision == "day":
                day = dt.date.fromisoformat(found.value.iso)
                if 0 <= (published - day).days <= 10:
                    candidates.append(day)
    return max(candidates) if candidates else None


def _compatible(a: _Cluster | _Draft, b: _Draft) -> bool:
    for left, right in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if left is not None and right is not None and left != right:
            return False
    for holder, weekday in ((a, b.weekday), (b, a.weekday)):
        if weekday is None:
            continue
        year, month, day = (
            getattr(holder, "year", None),
            getattr(holder, "month", None),
            getattr(holder, "day", None),
        )
        if year and month and day and dt.date(year, month, day).weekday() != weekday:
            return False
    return True


def _shares_participants(cluster: _Cluster, draft: _Draft, strict: bool) -> bool:
    people = {a for d in cluster.drafts for a in d.actors}
    states = {s for d in cluster.drafts for s in d.states}
    if people & set(draft.actors):
        return True
    shared_states = len(states & draft.states)
    return shared_states >= (2 if strict else 1)


def _fits(cluster: _Cluster, draft: _Draft) -> bool:
    if cluster.noun != draft.cue.cue.noun:
        return False
    if draft.cue.cue.treaty_year is not None:
        return cluster.year == draft.year and cluster.drafts[0].cue.cue.treaty_year is not None
    if cluster.drafts[0].cue.cue.treaty_year is not None:
        return False
    if not _compatible(cluster, draft):
        return False
    same_source = [d for d in cluster.drafts if d.cue.source == draft.cue.source]
    if same_source and draft.dated and not any(_same_date(d, draft) for d in same_source):
        return False  # one source, two dates: two events
    cluster_dated = cluster.year is not None or cluster.month is not None
    strict = not (draft.dated and cluster_dated)  # undated cues need more in common
    return _shares_participants(cluster, draft, strict)


def _same_date(a: _Draft, b: _Draft) -> bool:
    return (a.year, a.month, a.day) == (b.year, b.month, b.day)


def _merge_same_steps(clusters: list[_Cluster]) -> list[_Cluster]:
    """Two sources, one dated step each by the same state, days apart: one step, disputed."""
    day_dated = [c for c in clusters if c.month is not None and c.day is not None]
    # how many day-dated clusters of a kind each source has per state
    steps: Counter[tuple[str, str, str]] = Counter()
    by_state: dict[tuple[str, str], list[_Cluster]] = {}
    for cluster in day_dated:
        for state in _states(cluster):
            by_state.setdefault((cluster.noun, state), []).append(cluster)
            for source in cluster.sources:
                steps[(cluster.noun, source, state)] += 1

    def only_step(cluster: _Cluster) -> bool:
        return all(
            steps[(cluster.noun, source, state)] == 1
            for source in cluster.sources
            for state in _states(cluster)
        )

    merged: set[int] = set()
    for group in by_state.values():
        for first in group:
            for second in group:
                if first is second or id(first) in merged or id(second) in merged:
                    continue
                if first.sources & second.sources or (first.month, first.day) == (
                    second.month,
                    second.day,
                ):
                    continue
                year = first.year or second.year
                if year is None:
                    continue
                try:
                    days = abs(
                        (
                            dt.date(first.year or year, first.month, first.day)
                            - dt.date(second.year or year, second.month, second.day)
                        ).days
                    )
                except ValueError:
                    continue
                if days > SAME_STEP_DAYS or not (only_step(first) and only_step(second)):
                    continue
                first.conflicts.extend(second.drafts)
                if first.year is None:
                    first.year = second.year
                merged.add(id(second))
    return [c for c in clusters if id(c) not in merged]


def _states(cluster: _Cluster) -> set[str]:
    return {s for d in cluster.drafts for s in d.states}


def _date_value(cluster: _Cluster) -> DateValue | None:
    if cluster.year is None:
        return None
    if cluster.month is None:
        return DateValue(iso=f"{cluster.year:04d}", precision="year")
    if cluster.day is None:
        return DateValue(iso=f"{cluster.year:04d}-{cluster.month:02d}", precision="month")
    try:
        return DateValue(
            iso=dt.date(cluster.year, cluster.month, cluster.day).isoformat(), precision="day"
        )
    except ValueError:
        return DateValue(iso=f"{cluster.year:04d}-{cluster.month:02d}", precision="month")


def _sort_key(cluster: _Cluster) -> str:
    value = _date_value(cluster)
    return value.iso if value else "9999"


def _most_common(values: list[str]) -> str | None:
    """The most frequent value; on a tie the one the first source gives."""
    present = [v for v in values if v]
    counted = Counter(present)
    if not counted:
        return None
    return sorted(counted.items(), key=lambda item: (-item[1], present.index(item[0])))[0][0]


def _title(cluster: _Cluster, names: dict[str, str]) -> str:
    """A title a reader understands: ``Unterzeichnung des Vertrags in Lissabon``."""
    first = cluster.drafts[0].cue.cue
    if first.treaty_year is not None:
        return f"Vertrag von {first.treaty_year}"
    noun = cluster.noun
    obj = _most_common([d.cue.cue.obj or "" for d in cluster.drafts])
    location = _most_common([d.location or "" for d in cluster.drafts])
    people = [a for d in cluster.drafts for a in d.actors]
    ranked = [
        a
        for a, _ in sorted(
            Counter(people).items(), key=lambda item: (-item[1], people.index(item[0]))
        )
    ]
    who = [names[a] for a in ranked[:2]]
    if noun in _TRAVEL and who:
        title = f"{noun} von {who[0]}"
        return f"{title} {location}" if location else title
    if noun == "Treffen" and len(who) >= 2:
        title = f"Treffen von {who[0]} und {who[1]}"
        return f"{title} {location}" if location else title
    title = noun
    if obj and noun not in _TRAVEL and noun != "Treffen" and noun.lower() not in obj.lower():
        title += f" {obj}"
    if location:
        title += f" {location}"
    elif who:
        title += f" – {who[0]}"
    return title


def _conflict(event_id: str, cluster: _Cluster, names: dict[str, str]) -> DateConflict:
    claims = []
    year = cluster.year
    for draft in [*cluster.drafts[:1], *cluster.conflicts[:1]]:
        value = None
        if draft.month and draft.day and (draft.year or year):
            value = DateValue(
                iso=dt.date(draft.year or year, draft.month, draft.day).isoformat(), precision="day"
            )
        agent = ", ".join(names[a] for a in draft.actors[:2])
        phrase = draft.cue.cue.date.phrase if draft.cue.cue.date else ""
        claims.append((draft.cue.source, draft.cue.sentence, value, phrase, agent))
    return DateConflict(event=event_id, noun=cluster.noun, claims=tuple(claims))
