"""Events across sources: what happened when, according to whom.

Each event cue (a predicate with its clause, date, time and status) becomes a draft.
A draft without a date of its own takes the date of the sentence before it in the
same paragraph (news tells a scene in order), and a draft of an article's headline or
lead the date of the article's news. Drafts are merged across sources when they belong
to the same verb family (``festnehmen`` / ``Festnahme``), their dates and times fit, and
they share a participant or a place, or are both dated to the day. A partial date in
one source completes another (``im Juni`` 2024 + ``19. Juni`` + ``am Mittwoch``). Two
dates in one source are two events. Two sources that each report one dated step of the
same kind by the same state on nearby but different days describe the same step with
conflicting dates: one event, and a date conflict for the discrepancy page.

Kept are events that are dated or reported by two independent sources.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..analyse.actors import RuleRecogniser
from ..analyse.dates import year_for
from ..analyse.events import EventCue, is_topic_line, reporting_verbs
from ..analyse.times import minutes
from ..model import Actor, DateMention, DateValue, Event, EventTime, Mention, Source
from .actors import unique_slugs
from .headlines import headline
from .stories import StoryLinks

# A dated step reported with different days by two sources is one step only this close.
SAME_STEP_DAYS = 31
# Two times of day belong to one happening only this close (minutes).
SAME_TIME_MINUTES = 45
_LOCATION_REACH = 70
_LOCATION_BEFORE = re.compile(
    r"\b(?P<prep>in|im|nach|auf)\s+(?P<article>(?:der|die|den|dem)\s+)?(?:\w+\s+)?$"
)
# a day named by what happened on it ("am Tattag", "am Spieltag", "am Vortag"): not
# the news day, and no date the text gives
_DAY_BY_NAME = re.compile(
    r"\b(?:am|an\s+dem|in\s+der)\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:tag|tags|abend|morgen|nacht))\b"
)
_RELATIONS = re.compile(r"\s*(Vater|Mutter|Sohn|Tochter|Bruder|Schwester|Witwe|Frau|Mann)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:mit|von|gegen|für|bei|zu|über|an|nach|aus)\s+(?:\w+\s+)?$")


@dataclass
class _Draft:
    cue: EventCue
    text: str  # the sentence
    paragraph: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    time: str | None
    actors: list[str]  # ids of persons and organisations, in sentence order
    agents: list[str]  # actors before the predicate, not after a preposition
    states: set[str]  # ids of states involved, also through an institution's name
    places: list[str]  # place and state ids
    location: str | None  # "in Lissabon", "in der Ukraine"
    inherited: bool = False  # the date comes from the context, not the clause
    from_lead: bool = False  # ... from the article's lead, which reports the day's news

    @property
    def dated(self) -> bool:
        return self.year is not None or self.month is not None or self.weekday is not None

    @property
    def family(self) -> str:
        return self.cue.cue.family

    @property
    def source(self) -> str:
        return self.cue.source


@dataclass
class _Cluster:
    family: str
    order: int = 0  # creation order: earlier clusters are tried first
    drafts: list[_Draft] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    time: str | None = None
    conflicts: list[_Draft] = field(default_factory=list)  # same step, other date

    @property
    def sources(self) -> set[str]:
        return {d.source for d in self.drafts}

    def absorb(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        self.year = self.year if self.year is not None else draft.year
        self.month = self.month if self.month is not None else draft.month
        self.day = self.day if self.day is not None else draft.day
        self.weekday = self.weekday if self.weekday is not None else draft.weekday
        self.time = self.time if self.time is not None else draft.time


@dataclass(frozen=True, slots=True, kw_only=True)
class DateConflict:
    """Sources that date the same event differently."""

    event: str
    noun: str
    claims: tuple[
        tuple[str, str, DateValue | None, str, str], ...
    ]  # source, sentence, date, phrase, agent


def build_events(
    sources: list[Source],
    cues: list[EventCue],
    actors: list[Actor],
    dates: Sequence[DateMention],
) -> tuple[list[Event], list[DateConflict]]:
    """The dossier's events from the dated cues of its sources; ``dates`` are the date
    phrases analysis found in them."""
    order = {source.id: index for index, source in enumerate(sources)}
    sentences = {(s.id, t.id): t for s in sources for t in s.sentences}
    copies = {s.id: s.copy_of for s in sources if s.copy_of}
    in_sentence = _actors_by_sentence(actors)
    recogniser = RuleRecogniser()
    state_ids = {a.name: a.id for a in actors if a.kind == "state"}
    days = _days_by_sentence(dates)
    named = {source.id: _named_days(source, days) for source in sources}
    lead_dates = {source.id: _lead_date(source, named[source.id]) for source in sources}
    lead_paragraphs = {source.id: _lead_paragraphs(source) for source in sources}
    published = {
        s.id: dt.date.fromisoformat(s.published) for s in sources if s.published is not None
    }
    # an undated article is dated by the dossier it belongs to: its year-less dates
    # ("am 9. Dezember") take the year of the latest dated article
    latest = max(published.values(), default=None)

    drafts: list[_Draft] = []
    previous: dict[tuple[str, int], _Draft] = {}  # the last day-dated draft of a paragraph
    last_named = {source.id: _last_named_days(named[source.id]) for source in sources}
    headings = {(s.id, p.index) for s in sources for p in s.paragraphs if p.kind == "heading"}
    for cue in sorted(cues, key=lambda c: (order[c.source], int(c.sentence[1:]), c.cue.start)):
        sentence = sentences[(cue.source, cue.sentence)]
        present = in_sentence.get((cue.source, cue.sentence), [])
        draft = _draft(cue, sentence.text, sentence.paragraph, present, recogniser, state_ids)
        _plans_look_ahead(draft, published.get(cue.source))
        if draft.year is None and draft.month is not None and latest is not None:
            draft.year = year_for(draft.month, draft.day, latest)
        key = (cue.source, sentence.paragraph)
        if (
            not draft.dated
            and cue.cue.status == "reported"
            and not _DAY_BY_NAME.search(sentence.text, *cue.cue.clause)
        ):
            # the sentence before in the paragraph, or a heading right above it ("09.05 Uhr –
            # Freiwillige ziehen nach …" over the entry of a live blog)
            before = previous.get(key)
            if before is None and (cue.source, sentence.paragraph - 1) in headings:
                before = previous.get((cue.source, sentence.paragraph - 1))
            lead = lead_dates[cue.source]
            named = last_named[cue.source].get(int(cue.sentence[1:]))
            if before is None and draft.time is not None and named is not None:
                # "Gestern Abend …" then "Um 19.06 Uhr jagt …": the clock time of that day,
                # as good as the news day
                draft.year, draft.month, draft.day = named.year, named.month, named.day
                draft.inherited = draft.from_lead = True
            elif before is not None:
                draft.year, draft.month, draft.day = before.year, before.month, before.day
                draft.weekday = before.weekday
                draft.inherited = True
            elif lead is not None and (
                sentence.paragraph in lead_paragraphs[cue.source] or draft.time is not None
            ):
                # the headline and lead report the article's news, and a clock time
                # without a day is a time of the news day
                draft.year, draft.month, draft.day = lead.year, lead.month, lead.day
                draft.inherited = draft.from_lead = True
        if (draft.day is not None or draft.weekday is not None) and cue.cue.status == "reported":
            previous[key] = draft
        if not is_topic_line(sentence.text):
            drafts.append(draft)  # a topic line only dates what follows it

    clusters = _cluster(drafts, StoryLinks(sources))
    clusters = _merge_same_steps(clusters)

    names = {a.id: a.name for a in actors}
    kinds = {a.id: a.kind for a in actors}

    def independent(cluster: _Cluster) -> set[str]:
        return {s for s in cluster.sources if s not in copies}

    kept = [c for c in clusters if _matters(c, len(independent(c)))]
    kept.sort(key=lambda c: (_sort_key(c), c.time or "", order[c.drafts[0].source], c.order))
    best = [_best_draft(c) for c in kept]
    titles = [headline(b.text, b.cue.cue, _mentions_of(b, in_sentence), kinds) for b in best]
    ids = unique_slugs(
        f"{title} {value.iso if (value := _date_value(c)) else ''}"
        for title, c in zip(titles, kept, strict=True)
    )
    events = []
    conflicts = []
    for event_id, title, cluster, lead in zip(ids, titles, kept, best, strict=True):
        members = cluster.drafts + cluster.conflicts
        mentions = sorted(
            {
                Mention(
                    source=d.source,
                    sentence=d.cue.sentence,
                    start=0,
                    end=len(d.text),
                    text=d.text,
                )
                for d in members
            },
            key=lambda m: (order[m.source], int(m.sentence[1:])),
        )
        involved: list[str] = []
        agents: list[str] = []
        for draft in members:
            for actor_id in [*draft.actors, *sorted(draft.states)]:
                if actor_id not in involved:
                    involved.append(actor_id)
            for actor_id in draft.agents:
                if actor_id not in agents:
                    agents.append(actor_id)
        event_sources = sorted({m.source for m in mentions}, key=order.__getitem__)
        events.append(
            Event(
                id=event_id,
                title=title,
                date=_date_value(cluster),
                time=cluster.time,
                status=_status(cluster),
                predicate=lead.cue.cue.predicate,
                summary=lead.text,
                summary_source=lead.source,
                summary_sentence=lead.cue.sentence,
                place=_most_common([d.location or "" for d in cluster.drafts]),
                agents=tuple(agents),
                actors=tuple(involved),
                sources=tuple(event_sources),
                copies=tuple(s for s in event_sources if s in copies),
                mentions=tuple(mentions),
                times=_times(cluster.drafts, order),
            )
        )
        if cluster.conflicts:
            conflicts.append(_conflict(event_id, cluster, names))
    return sorted(events, key=lambda e: e.id), conflicts


def _matters(cluster: _Cluster, independent: int) -> bool:
    """Reported by two sources, or dated by its own words or the article's lead; a date
    taken from the sentence before is enough only where the clause names who acted, and a
    statement ("X sagte") of one source needs a day of its own."""
    if independent >= 2:
        return True
    if _date_value(cluster) is None or _status(cluster) == "hypothetical":
        return False  # what one source only deems possible is not on the timeline
    if all(d.cue.cue.predicate in reporting_verbs() for d in cluster.drafts):
        # one source's statement is an event of its own only on a day it names
        return any(not d.inherited for d in cluster.drafts)
    return any(not d.inherited or d.from_lead or d.agents for d in cluster.drafts)


def _times(drafts: list[_Draft], order: dict[str, int]) -> tuple[EventTime, ...]:
    """The first time of day each source gives for the event, in source order."""
    found: dict[str, EventTime] = {}
    for draft in sorted(drafts, key=lambda d: (order[d.source], int(d.cue.sentence[1:]))):
        phrase = draft.cue.cue.time
        if phrase is None or draft.source in found:
            continue
        found[draft.source] = EventTime(
            source=draft.source,
            sentence=draft.cue.sentence,
            phrase=phrase.phrase,
            time=phrase.time,
            precision=phrase.precision,
            approx=phrase.approx,
        )
    return tuple(found.values())


def _cluster(drafts: list[_Draft], stories: StoryLinks) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # a draft can only join a cluster it shares a participant, a place or a day with
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
        target = next((c for c in candidates if _fits(c, draft, stories)), None)
        if target is None:
            target = _Cluster(family=draft.family, order=len(clusters))
            clusters.append(target)
        target.absorb(draft)
        for key in _index_keys(draft, cluster=target):
            if target not in index.setdefault(key, []):
                index[key].append(target)
    return clusters


def _index_keys(draft: _Draft, cluster: _Cluster | None = None) -> list[tuple[str, object]]:
    family = draft.family
    keys: list[tuple[str, object]] = [
        (family, participant) for participant in [*draft.actors, *sorted(draft.states)]
    ]
    keys += [(family, ("place", place)) for place in draft.places]
    holder = cluster or draft
    if holder.month is not None and holder.day is not None:
        keys.append((family, ("day", holder.month, holder.day)))
        if holder.year is not None:
            try:
                weekday = dt.date(holder.year, holder.month, holder.day).weekday()
            except ValueError:
                weekday = None
            keys.append((family, ("weekday", weekday)))
    elif holder.weekday is not None:
        keys.append((family, ("weekday", holder.weekday)))
    time = (cluster or draft).time
    if time is not None:
        keys.append((family, ("hour", int(time[:2]))))
        keys.append((family, ("hour", (int(time[:2]) + 1) % 24)))
    if not keys:
        keys.append((family, ("alone", draft.source)))
    return keys


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


def _mentions_of(
    draft: _Draft, in_sentence: dict[tuple[str, str], list[tuple[int, int, Actor]]]
) -> list[tuple[int, int, Actor]]:
    return in_sentence.get((draft.source, draft.cue.sentence), [])


def _draft(
    cue: EventCue,
    text: str,
    paragraph: int,
    present: list[tuple[int, int, Actor]],
    recogniser: RuleRecogniser,
    state_ids: dict[str, str],
) -> _Draft:
    year = month = day = weekday = None
    match = cue.cue
    if match.date is not None:
        phrase = match.date
        if phrase.value is not None:
            parts = [int(p) for p in phrase.value.iso.split("-")]
            year = parts[0]
            month = parts[1] if len(parts) > 1 else None
            day = parts[2] if len(parts) > 2 else None
        else:
            month, day, weekday = phrase.month, phrase.day, phrase.weekday
    clause_start, clause_end = match.clause
    people: list[str] = []
    agents: list[str] = []
    states: set[str] = set()
    places: list[str] = []
    location = None
    for start, end, actor in present:
        if not clause_start <= start < clause_end:
            continue
        low, high = sorted((start, match.start))
        near = high - low <= _LOCATION_REACH and not re.search(r"[,;:–]", text[low:high])
        if actor.kind in ("place", "state") and actor.id not in places:
            places.append(actor.id)
        if actor.kind == "state":
            states.add(actor.id)
        if actor.kind in ("place", "state"):
            preposition = _LOCATION_BEFORE.search(text[:start])
            named = text[start:end][:1].isupper()  # "Portugal", not "portugiesischen"
            if location is None and near and named and preposition is not None:
                location = text[preposition.start() : end]  # as written: "im spanischen Bilbao"
            continue
        if _RELATIONS.match(text[end:]):
            continue  # "Park Min Juns Vater": the relation names someone else
        if recogniser.is_news_agency(actor.name):
            continue  # who reports it is not who does it
        if actor.id not in people:
            people.append(actor.id)
        if (
            start < match.start
            and not _PREPOSITION_BEFORE.search(text[clause_start:start])
            and actor.id not in agents
        ):
            agents.append(actor.id)
        if actor.kind == "organisation":
            state = recogniser.state_in_name(actor.name)
            if state in state_ids:
                states.add(state_ids[state])
    return _Draft(
        cue=cue,
        text=text,
        paragraph=paragraph,
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        time=match.time.time if match.time else None,
        actors=people,
        agents=agents,
        states=states,
        places=places,
        location=location,
    )


def _plans_look_ahead(draft: _Draft, published: dt.date | None) -> None:
    """``Scholz will am Samstag kommen`` in a Friday paper: the coming Saturday."""
    phrase = draft.cue.cue.date
    if (
        draft.cue.cue.status == "reported"
        or published is None
        or phrase is None
        or phrase.weekday is None
        or None in (draft.year, draft.month, draft.day)
    ):
        return
    try:
        day = dt.date(draft.year, draft.month, draft.day)  # type: ignore[arg-type]
    except ValueError:
        return
    if day < published:
        day += dt.timedelta(days=7)
        draft.year, draft.month, draft.day = day.year, day.month, day.day


def _lead_paragraphs(source: Source) -> set[int]:
    """The headline and the first two text paragraphs: where an article reports its news."""
    text = [p.index for p in source.paragraphs if p.kind == "text"]
    lead = {p.index for p in source.paragraphs if p.kind == "heading" and p.index == 0}
    return lead | set(text[:2])


def _days_by_sentence(dates: Sequence[DateMention]) -> dict[tuple[str, str], list[dt.date]]:
    """The days that date phrases name, by source and sentence, in order."""
    days: dict[tuple[str, str], list[dt.date]] = {}
    for mention in dates:
        if mention.date is not None and mention.date.precision == "day":
            day = dt.date.fromisoformat(mention.date.iso)
            days.setdefault((mention.source, mention.sentence), []).append(day)
    return days


def _named_days(
    source: Source, days: dict[tuple[str, str], list[dt.date]]
) -> list[tuple[int, list[dt.date]]]:
    """The days each sentence names (by sentence number, in order), read against the
    publication date; nothing for an undated article."""
    if source.published is None:
        return []
    return [(int(t.id[1:]), days.get((source.id, t.id), [])) for t in source.sentences]


def _last_named_days(named: list[tuple[int, list[dt.date]]]) -> dict[int, dt.date]:
    """For each sentence number, the last day the article has named up to it."""
    result: dict[int, dt.date] = {}
    last = None
    for number, days in named:
        if days:
            last = days[-1]
        if last is not None:
            result[number] = last
    return result


def _lead_date(source: Source, named: list[tuple[int, list[dt.date]]]) -> dt.date | None:
    """The date of an article's news: the latest day within ten days before its publication
    that it names, else the publication day itself."""
    if source.published is None:
        return None
    published = dt.date.fromisoformat(source.published)
    candidates = [day for _, days in named for day in days if 0 <= (published - day).days <= 10]
    return max(candidates) if candidates else published


def _compatible(a: _Cluster | _Draft, b: _Draft) -> bool:
    for left, right in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if left is not None and right is not None and left != right:
            return False
    for holder, weekday in ((a, b.weekday), (b, a.weekday)):
        if weekday is None:
            continue
        year, month, day = holder.year, holder.month, holder.day
        if year and month and day:
            try:
                if dt.date(year, month, day).weekday() != weekday:
                    return False
            except ValueError:
                return False
    if a.time is not None and b.time is not None:
        return abs(minutes(a.time) - minutes(b.time)) <= SAME_TIME_MINUTES
    return True


def _fits(cluster: _Cluster, draft: _Draft, stories: StoryLinks) -> bool:
    if cluster.family != draft.family:
        return False
    if not _compatible(cluster, draft):
        return False
    if not any(
        d.source == draft.source or stories.related(d.source, draft.source) for d in cluster.drafts
    ):
        return False  # articles of two stories in one folder: two happenings
    if {d.cue.cue.status == "reported" for d in cluster.drafts} != {
        draft.cue.cue.status == "reported"
    }:
        return False  # a plan and its report are told apart
    same_source = [d for d in cluster.drafts if d.source == draft.source]
    if same_source and draft.dated and not any(_same_date(d, draft) for d in same_source):
        return False  # one source, two dates: two events
    people = {a for d in cluster.drafts for a in d.actors}
    if people & set(draft.actors):
        return True
    places = {p for d in cluster.drafts for p in d.places}
    shared_places = places & set(draft.places)
    both_days = (cluster.day is not None or cluster.weekday is not None) and (
        draft.day is not None or draft.weekday is not None
    )
    no_days = (cluster.day is None and cluster.weekday is None) and (
        draft.day is None and draft.weekday is None
    )
    if shared_places and (both_days or no_days or cluster.year is None or draft.year is None):
        return True  # with a place: the same day, or the same year or month named alone
    states = {s for d in cluster.drafts for s in d.states}
    if len(states & draft.states) >= (1 if both_days else 2):
        return True
    # same verb at the same clock time: one happening, whoever is named
    if cluster.time is not None and draft.time is not None:
        return True
    # same verb, same day, nobody named: one happening of the story
    return both_days and not people and not draft.actors


def _same_date(a: _Draft, b: _Draft) -> bool:
    return (a.year, a.month, a.day) == (b.year, b.month, b.day)


def _merge_same_steps(clusters: list[_Cluster]) -> list[_Cluster]:
    """Two sources, one dated step each by the same state, days apart: one step, disputed."""
    day_dated = [c for c in clusters if c.month is not None and c.day is not None and _reported(c)]
    # how many day-dated clusters of a kind each source has per state
    steps: Counter[tuple[str, str, str]] = Counter()
    by_state: dict[tuple[str, str], list[_Cluster]] = {}
    for cluster in day_dated:
        for state in _states(cluster):
            by_state.setdefault((cluster.family, state), []).append(cluster)
            for source in cluster.sources:
                steps[(cluster.family, source, state)] += 1

    def only_step(cluster: _Cluster) -> bool:
        return all(
            steps[(cluster.family, source, state)] == 1
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
                if any(d.inherited for d in [*first.drafts, *second.drafts]):
                    continue  # only dates the sources state themselves can conflict
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


def _reported(cluster: _Cluster) -> bool:
    return all(d.cue.cue.status == "reported" for d in cluster.drafts)


def _status(cluster: _Cluster) -> str:
    statuses = [d.cue.cue.status for d in cluster.drafts]
    return "reported" if "reported" in statuses else statuses[0]


def _states(cluster: _Cluster) -> set[str]:
    return {s for d in cluster.drafts for s in d.states}


def _best_draft(cluster: _Cluster) -> _Draft:
    """The version a title and summary are made from: own date, who acted, a finite verb."""
    return max(
        cluster.drafts,
        key=lambda d: (
            not d.inherited and d.dated,
            bool(d.agents),
            d.cue.cue.finite,
            -len(d.text) if len(d.text) > 220 else 0,
        ),
    )


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
        claims.append((draft.source, draft.cue.sentence, value, phrase, agent))
    return DateConflict(event=event_id, noun=cluster.family, claims=tuple(claims))
