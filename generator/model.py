"""The typed dossier model: plain frozen dataclasses, cross-referenced by id.

No I/O, no MkDocs, no NLP library types. Every collection is a tuple in a
deterministic order, so that serialising the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "state", "organisation", "place"]
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "state", "organisation", "place")

Precision = Literal["day", "month", "year"]
ParagraphKind = Literal["text", "heading", "caption"]
Hedge = Literal["exact", "approx", "more", "less", "range"]

model = dataclass(frozen=True, slots=True, kw_only=True)


@model
class Sentence:
    """One sentence (or heading line) of a source, addressable as ``#<id>``."""

    id: str
    paragraph: int
    text: str
    # where the tokenizer that split the sentences found its words: pairs of character
    # offsets into ``text`` (start, end), packed as 32-bit unsigned integers in the
    # machine's order (``array("I")``), so that analysis need not tokenize it again. Not
    # part of the sentence's identity: it follows from the text. Empty: not known.
    tokens: bytes = field(default=b"", repr=False, compare=False)


@model
class Paragraph:
    index: int
    kind: ParagraphKind
    sentences: tuple[str, ...]


@model
class Source:
    """One input article."""

    id: str
    file: str
    title: str
    published: str | None = None
    published_time: str | None = None
    date_inferred: bool = False
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "de"
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    credits: tuple[str, ...] = ()
    dropped_lines: tuple[str, ...] = ()
    copy_of: str | None = None  # the source whose text this one repeats (an agency copy)


@model
class Mention:
    """A span of a sentence that names an actor."""

    source: str
    sentence: str
    start: int
    end: int
    text: str


@model
class Role:
    title: str
    source: str


@model
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()
    description: str | None = None  # an editor's short description


@model
class DateValue:
    """A calendar date at some precision, ISO formatted (``2024``, ``2024-06``, ``2024-06-19``)."""

    iso: str
    precision: Precision


@model
class DateMention:
    """A date phrase of a sentence; ``date`` is None when it cannot be placed in time."""

    source: str
    sentence: str
    phrase: str
    date: DateValue | None
    relative: bool = False


@model
class Quantity:
    """A number with the noun it counts and the source's hedge (``rund``, ``mehr als``)."""

    source: str
    sentence: str
    phrase: str
    value: float
    upper: float | None
    unit: str
    hedge: Hedge
    unit_text: str = ""  # the unit as written ("Soldaten")
    qualifier: str | None = None  # an adjective before the unit ("portugiesische")
    start: int = 0
    end: int = 0


@model
class EventTime:
    """The time of day one source gives for an event."""

    source: str
    sentence: str
    phrase: str  # as written: "gegen 19.04 Uhr"
    time: str  # HH:MM
    precision: Literal["minute", "hour"] = "minute"
    approx: bool = False


EventStatus = Literal["reported", "planned", "announced", "demanded", "hypothetical"]


@model
class Event:
    """Something that happened (or is planned, demanded …), as one or more sources tell it."""

    id: str
    title: str
    date: DateValue | None = None
    time: str | None = None  # HH:MM, where a source gives the time of day
    status: EventStatus = "reported"
    predicate: str = ""  # what happened, lemmatised ("festnehmen", "Wahl")
    summary: str = ""  # one sentence quoted from the best source
    summary_source: str | None = None
    summary_sentence: str | None = None
    place: str | None = None  # "in Lissabon", as written
    agents: tuple[str, ...] = ()  # actor ids of who acted, where the clause shows it
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()  # sources among ``sources`` that copy another one's text
    mentions: tuple[Mention, ...] = ()
    times: tuple[EventTime, ...] = ()  # each source's time of day, where given


@model
class Claim:
    """What one source states about a disputed fact, as written and normalised."""

    value: str
    source: str
    sentence: str
    quote: str
    detail: str | None = None  # e.g. the body the source names for a dated step
    iso: str | None = None  # a date claim
    time: str | None = None  # a time-of-day claim, HH:MM
    number: float | None = None  # a measured claim: the stated value
    low: float | None = None  # the interval the hedge allows
    high: float | None = None
    unit: str | None = None  # what is counted ("Tote", "Prozent", "Minute")
    currency: str | None = None  # ISO 4217 code of money amounts
    published: str | None = None  # when the source reported it (ISO date, time if known)
    newest: bool = False  # the most recently published side


@model
class Discrepancy:
    """Sources that disagree about the same fact."""

    id: str
    topic: str
    claims: tuple[Claim, ...] = ()
    events: tuple[str, ...] = field(default=())
    actors: tuple[str, ...] = field(default=())
    kind: str = "number"  # number | money | share | duration | date | time
    reason: str = ""  # why the claims are taken to be about the same thing
    difference: str = ""
    note: str | None = None  # a difference in wording that changes the fact
    status: str = "automatisch erkannt"  # or "redaktionell geprüft"
    verdict: str | None = None  # the editors' ruling: which value holds
    verdict_reason: str | None = None
    verdict_reference: str | None = None


@model
class Dossier:
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    def source(self, source_id: str) -> Source:
        return _by_id(self.sources, source_id)

    def actor(self, actor_id: str) -> Actor:
        return _by_id(self.actors, actor_id)

    def event(self, event_id: str) -> Event:
        return _by_id(self.events, event_id)


def _by_id(items: tuple[Any, ...], item_id: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def to_dict(obj: Any) -> Any:
    """Serialise a model object to JSON-compatible data (a straight field-by-field copy)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_dict(item) for item in obj]
    return obj
