"""Claims: what a source states about something measured, keyed by what it is about.

A claim is a number (count, money, share, duration) or a time of day, normalised
(``number``/``low``/``high``, ``unit``, ``currency``, ``time``), and attached to

* **what it counts**: the unit noun, lemmatised, with synonyms folded (``Todesopfer`` and
  ``Menschen … ums Leben gekommen`` are both ``Tote``), money by currency and by the noun
  it is an amount of (``Ablöse``, ``Schaden``);
* **what it belongs to**: the first actor of its clause that is not a source of the
  information (``laut``, ``nach Angaben``), a demonym before the unit (``nordkoreanische
  Soldaten``), or else the story itself; the story's main place counts as the story;
* **its year**, where the clause gives one (``2019: 28,2 Prozent``, ``vor fünf Jahren``).

Casualty counts (dead, injured, missing) belong to the story, or to a place other than the
story's own, and so does a count of something specific without an owner (``Werke``,
``Flüge``; two such counts far apart in size count different things). Shares, amounts and
counts of people are compared only when they belong to an actor, or else to one event that
several sources report: ``rund 12.000 Teilnehmer`` of one rally are not compared with
another rally's. A total amount (``Gesamtkosten``, ``inklusive der Boni``, ``insgesamt``)
without an owner is the story's own: ``Gesamtbetrag``, never compared with a part of it.
People counted where a sentence (or the one before) names a gathering
(``Betriebsversammlung``, ``Warnstreik``) are its participants, whoever counted them; counts
whose sentences state different days are two gatherings. Two claims are compared only
when all of this is the same. Hedges are intervals
(:func:`interval`). A figure that its own article marks as outdated (``zunächst``,
``war … die Rede``) is left out when the article gives a newer one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..analyse.actors import RuleRecogniser
from ..analyse.events import (
    CueMatch,
    clauses,
    counts_participants,
    descriptions,
    find_cues,
    gathering_in,
    leaderships,
    unit_family,
)
from ..analyse.quantities import parse_number, unit_lemma
from ..model import Actor, DateMention, Event, Quantity, Source
from .actors import company_short_name

# "rund", "etwa": the stated value give or take this share; where both sides of a
# comparison are hedged, each gets half of it ("rund 10.000" and "etwa 11.000" differ,
# "etwa 2.000" and "1.900" agree).
APPROX_TOLERANCE = 0.05
# "mindestens", "mehr als": a lower bound, not an open end; news uses them for figures
# that are still being counted, so a clearly higher later figure is a change.
BOUND_TOLERANCE = 0.10
# and the bound itself is a round figure: "bis zu 490" and "491" agree
ROUNDING = 0.005
# story-wide counts are rival figures only within this factor of each other
STORY_WIDE_RATIO = 3
CURRENCIES = {
    "Euro": "EUR",
    "Dollar": "USD",
    "US-Dollar": "USD",
    "Pfund": "GBP",
    "Franken": "CHF",
    "Yen": "JPY",
    "Rubel": "RUB",
    "Yuan": "CNY",
}
# counts that belong to the story itself (or a place other than the story's own)
CASUALTIES = {"Tote", "Verletzte", "Schwerverletzte", "Vermisste", "Evakuierte", "Obdachlose"}
# counts of people that a verb of the clause turns into dead or injured
_PEOPLE = {"Mensch", "Person", "Menschen", "Personen", "Opfer", "Bewohner", "Besucher"}
_DEATH = re.compile(
    r"\b(?:starben|stirbt|sterben|gestorben|getötet|tot|ums\s+Leben|tödlich|umgekommen)\b"
)
_INJURY = re.compile(r"\b(?:verletzt|verwundet)\b")
_SYNONYMS = {
    "Todesopfer": "Tote",
    "Toter": "Tote",
    "Toten": "Tote",
    "Verletzter": "Verletzte",
    "Verletzten": "Verletzte",
    "Vermisstenfall": "Vermisste",
    "Vermisstenfälle": "Vermisste",
    "Vermissten": "Vermisste",
    "Vermisster": "Vermisste",
    "verletzt": "Verletzte",
    "Schwerverletzter": "Schwerverletzte",
    "Mandat": "Sitz",
    "Abgeordneter": "Sitz",
    "Prozentpunkt": "Prozentpunkt",
    "%": "Prozent",
}
_ATTRIBUTION = re.compile(
    r"(?:\blaut|\bnach\s+(?:eigenen\s+)?(?:Angaben|Zahlen|Daten|Informationen|Schätzungen|"
    r"Berechnungen|Erkenntnissen|Darstellung|Zählung)(?:\s+(?:von|des|der))?|\bzufolge|\bsagte|\bsagt|\bteilte|"
    r"\bberichtete|\bberichtet|\bmeldete|\bmeldet|\bschätzte|\bnannte|\bsprach)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
_OUTDATED = re.compile(
    r"\b(?:zunächst|anfangs|ursprünglich|zuvor|bislang|vorher|noch\s+von|"
    r"war\s+\w+\s+(?:von\s+)?\S+\s+\w+\s+die\s+Rede|die\s+Rede\s+gewesen|überholt)\b|"
    r"\b(?:hatte|hatten)\b[^,;]*\b(?:gesprochen|genannt|gemeldet|angegeben)\b",
    re.IGNORECASE,
)
_NOT_OWNER_BEFORE = re.compile(
    r"\b(?:nach|aus|gegen|an|für|von|vom|mit|bei|beim)\s+(?:(?:der|die|das|den|dem|des)\s+)?"
    r"(?:[A-ZÄÖÜ][\w-]*\s+(?:(?:und|sowie|oder)\s+(?:(?:der|die|das|den|dem|des)\s+)?)?)?$",
    re.IGNORECASE,
)
# "… 41 Sitzen – Zahlen, die inzwischen überholt sind": said of the figures before
_STALE_AFTER = re.compile(r"\b(?:überholt|veraltet|nicht\s+mehr\s+aktuell)\b")
_SHARE_OF = re.compile(r"\b(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\s+(?:von|um|auf)\s+$")
_LIST_BREAK = re.compile(r",|;|\bund\b|\boder\b")
_RELATIVE_PLACE = re.compile(
    r"\b(?:von|bei|nahe|unweit|vor|hinter|neben|zwischen|nach|aus)\s+(?:(?:der|dem|den)\s+)?$",
    re.IGNORECASE,
)
_ESTIMATES = re.compile(r"\s+(?:sah|sieht|sahen|sehen|verortete|verortet|verorteten)\b")
_COORDINATED = re.compile(r"\s*(?:und|sowie|oder|,)\s*(?:(?:der|die|das|den|dem|des)\s+)?")
# when a figure was given, not what it is of: "die Kosten im Frühjahr auf 20 Millionen"
_TIME_NOUNS = {
    "Sommer", "Winter", "Frühjahr", "Frühling", "Herbst", "Jahr", "Jahres", "Monat", "Woche",
    "Tag", "Tages", "Quartal", "Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Nacht",
    "Anfang", "Ende", "Mitte", "Beginn", "Zeit",
}  # fmt: skip
# an amount attached to the noun before it: "Kosten von …", "Budget auf rund …"
_ATTACHED = re.compile(r"\s+(?:von|auf|um|über|in\s+Höhe\s+von)\s+")
# a noun at the end of this is inside a prepositional phrase: "Laut Zeitungsberichten"
_IN_PHRASE = re.compile(
    r"(?:^|(?<=\W))(?i:nach|laut|in|im|mit|bei|beim|aus|seit|wegen|trotz|inklusive|"
    r"einschließlich|zum|zur|vom|an|am|unter|gegenüber|während)\s+"
    r"(?:(?:der|die|das|den|dem|des|ein|eine|einer|einem|eines)\s+)?(?:[a-zäöüß]+\s+){0,2}$"
)
_NAME_BEFORE = re.compile(r"(?<![.:!?]\s)(?<!^)\b[A-ZÄÖÜ][\w-]*\s+$")
_LINKS = ("", "s", "n", "en", "es")
# an amount that adds parts up: "insgesamt", "inklusive der Boni", "alles in allem"
_TOTAL = re.compile(
    r"\b(?:insgesamt|inklusive|einschließlich|zusammengerechnet|alles\s+in\s+allem|"
    r"in\s+Summe|unterm\s+Strich)\b"
)
# what a total of nothing in particular is called
_GENERIC_AMOUNTS = {"Betrag", "Summe"}
_MULTIPLIER_WORDS = {"Million", "Millionen", "Milliarde", "Milliarden", "Billion", "Billionen"}
_NOUN_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*")
# capitalised at the start of a sentence, never what is counted
_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines",
    "dies", "diese", "dieser", "dieses", "jene", "man", "sie", "er", "es", "wir", "ihr",
}  # fmt: skip
# "Die Partei von …", "Der Konzern": a sentence that opens by describing an organisation
# an ordinal, adjectives, then the noun it counts: "der zweiten Welle", "ersten, zweistündigen
# Ausständen"
_ORDINALS = {
    stem: n
    for n, stem in enumerate(
        ("erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt"),
        1,
    )
}
_ORDINAL = re.compile(
    r"\b(?P<stem>[Ee]rst|[Zz]weit|[Dd]ritt|[Vv]iert|[Ff]ünft|[Ss]echst|[Ss]iebt|[Aa]cht|[Nn]eunt|"
    r"[Zz]ehnt)e[mnrs]?(?:,?\s+[a-zäöüß][\w-]*)*\s+(?P<noun>[A-ZÄÖÜ][\w-]*)"
)
# what an ordinal before it does not make an occurrence of: a source, a time
_NOT_OCCURRENCES = frozenset(
    (
        "Angaben", "Zahlen", "Daten", "Informationen", "Schätzungen", "Hochrechnungen",
        "Berechnungen", "Erkenntnissen", "Berichten", "Berichte", "Meldungen", "Mal", "Blick",
    )
)  # fmt: skip
_DESCRIPTION = re.compile(r"(?:Der|Die|Das)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b")
# the head of a company named just before a person: "Konzernchef", "Vorstandschefin", "CEO"
_COMPANY_HEAD = re.compile(
    r"\b(?:(?:Konzern|Firmen|Unternehmens|Vorstands|Airline|Bank|Verlags)chef(?:in)?|CEO|"
    r"Geschäftsführer(?:in)?|Vorstandsvorsitzende[rn]?)\s+$"
)
_DESCRIPTION_INSIDE = re.compile(r"\b(?:der|die|das)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|ohne|über|um|unter|von|vor|"
    r"zu|zwischen|laut|wegen|trotz|seit)\s+$",
    re.IGNORECASE,
)
_THERE = re.compile(r"\b[Dd]ort\b")
_PRONOUN_SUBJECT = re.compile(r"\s*(?P<pronoun>Sie|Er)\s+[a-zäöüß]")  # a clause opening with one
_OF_TOTAL = re.compile(
    r"\b(?:\d[\d.,]*|\w+)\s+(?:der|von\s+den|unter\s+den)\s+$|"
    r"(?:^|[,;:]\s*)[Vv]on\s+(?:den|insgesamt|den\s+insgesamt)\s+$"
)
_YEAR_BEFORE = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})\s*(?::|mit|noch|waren|war|hatte)\s+[^,;]{0,25}$"
)
_YEARS_AGO = re.compile(
    r"\b[Vv]or\s+(?P<n>\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+Jahren\b"
)
# counts too common to belong to the story as a whole
_GENERIC_UNITS = {
    "Mensch",
    "Menschen",
    "Person",
    "Beschäftigte",
    "Stimme",
    "Prozentpunkt",
    "Fall",
    "Stück",
}
_SKIP_UNITS = {
    "Jahr",
    "Tag",
    "Monat",
    "Woche",
    "Mal",
    "Uhr",
    "Kilometer",
    "Grad",
    "Minute",
    "Stunde",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasuredClaim:
    """One source's figure for one thing, with the key it is compared by."""

    quantity: Quantity
    measure: str  # what is counted ("Tote", "Prozent", "Ablöse (EUR)")
    unit: str
    currency: str | None
    owner: str | None  # actor id, or None for the story
    scope: int | None  # the year the figure is about
    low: float
    high: float
    evidence: str  # how the owner was found, quoted
    event: str | None = None  # the event the figure belongs to, where no owner is named
    predicate: str | None = None  # the verb family of its clause, where nothing else is known
    status: str = "reported"  # a figure of a plan or demand is not compared with a fact
    outdated: bool = False
    day: str | None = None  # the date of a gathering whose participants are counted
    occurrence: int | None = None  # "beim zweiten Warnstreik", "im ersten Wahlgang": 2, 1

    @property
    def key(self) -> tuple[str, str | None, int | None, str | None, str | None, str]:
        if self.story_wide:
            return (self.measure, None, self.scope, None, None, self.status)
        return (self.measure, self.owner, self.scope, self.event, self.predicate, self.status)

    @property
    def story_wide(self) -> bool:
        """A count of something specific (``Werke``, ``Flüge``) that names no owner: the
        story's own, whatever verb its clause has. Shares, amounts and people in general
        are too common for that."""
        return self.owner is None and (
            self.measure.startswith("Teilnehmer (")  # of a gathering the story names
            # the total amount of the story ("Gesamtkosten", "insgesamt 2 Millionen Euro")
            or (self.currency is not None and self.measure.startswith("Gesamt"))
            or (
                self.measure not in CASUALTIES
                and self.currency is None
                and not self.measure.startswith("Prozent")
                and self.unit not in _PEOPLE
                and self.measure not in _GENERIC_UNITS
            )
        )

    @property
    def comparable(self) -> bool:
        """Specific enough to be compared: a casualty count, an owner, an event, or a
        figure of the same kind of happening (``… Flüge gestrichen``)."""
        return (
            self.measure in CASUALTIES
            or self.story_wide
            or self.owner is not None
            or self.event is not None
            or self.predicate is not None
        )


def interval(quantity: Quantity, approx: float = APPROX_TOLERANCE) -> tuple[float, float]:
    """The values a stated number allows, hedge included."""
    value = quantity.value
    if quantity.upper is not None:
        return (min(value, quantity.upper), max(value, quantity.upper))
    if quantity.hedge == "approx":
        return (value * (1 - approx), value * (1 + approx))
    if quantity.hedge == "more":
        return (value * (1 - ROUNDING), value * (1 + BOUND_TOLERANCE))
    if quantity.hedge == "less":
        return (value * (1 - BOUND_TOLERANCE), value * (1 + ROUNDING))
    return (value, value)


def consistent(a: MeasuredClaim, b: MeasuredClaim) -> bool:
    if a.quantity.hedge == "approx" and b.quantity.hedge == "approx":
        (a_low, a_high), (b_low, b_high) = (
            interval(a.quantity, APPROX_TOLERANCE / 2),
            interval(b.quantity, APPROX_TOLERANCE / 2),
        )
        return a_low <= b_high and b_low <= a_high
    return a.low <= b.high and b.low <= a.high


def conflict(a: MeasuredClaim, b: MeasuredClaim) -> bool:
    """Two claims of one key that do not agree. Story-wide counts far apart in size are
    counts of different things (``40.000 Passagiere`` at one airport, ``2 Millionen``
    in all), not rival figures."""
    if consistent(a, b):
        return False
    if a.day and b.day and not (a.day.startswith(b.day) or b.day.startswith(a.day)):
        return False  # two strike days, two rallies
    if a.occurrence and b.occurrence and a.occurrence != b.occurrence:
        return False  # the first and the second strike, ballot, round, quarter
    if a.story_wide:
        small, large = sorted((a.quantity.value, b.quantity.value))
        return small > 0 and large / small <= STORY_WIDE_RATIO
    return True


def find_claims(
    sources: list[Source],
    actors: list[Actor],
    quantities: list[Quantity],
    events: list[Event],
    dates: list[DateMention] | None = None,
) -> list[MeasuredClaim]:
    texts = {(s.id, t.id): t.text for s in sources for t in s.sentences}
    published = {s.id: s.published for s in sources}
    latest = max((p for p in published.values() if p), default=None)
    recogniser = RuleRecogniser()
    state_ids = {a.name: a.id for a in actors if a.kind == "state"}
    main_place = _main_place(actors)
    main_organisation = _main_organisation(actors)
    names = _names_of(actors)
    mentions: dict[tuple[str, str], list[tuple[int, int, Actor]]] = defaultdict(list)
    for actor in actors:
        for mention in actor.mentions:
            mentions[(mention.source, mention.sentence)].append((mention.start, mention.end, actor))
    kinds = {a.id: a.kind for a in actors}
    in_event: dict[tuple[str, str], str] = {}
    days: dict[tuple[str, str], str] = {}
    for mention in dates or ():
        # a date the sentence states; a weekday placed by the publication date is too unsure
        # to tell two gatherings apart
        if mention.date is not None and not mention.relative:
            days.setdefault((mention.source, mention.sentence), mention.date.iso)
    for event in events:
        if len(set(event.sources) - set(event.copies)) >= 2:
            for mention in event.mentions:
                in_event.setdefault((mention.source, mention.sentence), event.id)
    previous = {
        (s.id, t.id): (s.id, s.sentences[i - 1].id)
        for s in sources
        for i, t in enumerate(s.sentences)
        if i
    }
    claims = []
    for quantity in quantities:
        key = (quantity.source, quantity.sentence)
        text = texts[key]
        clause = _clause_of(text, quantity.start)
        lemma, named = _named_prefix(quantity.unit, names)
        measure, unit, currency = _measure(quantity, text, clause, lemma)
        if measure is None or _is_total(text, quantity):
            continue
        before = (
            (texts[previous[key]], sorted(mentions[previous[key]], key=lambda m: m[0]))
            if key in previous
            else None
        )
        owner, evidence = _owner(
            quantity,
            text,
            clause,
            sorted(mentions[key], key=lambda m: m[0]),
            recogniser,
            state_ids,
            before,
            main_organisation,
        )
        if owner is None and named is not None:
            owner, evidence = named.id, quantity.unit_text
        if owner is None and _THERE.search(text[clause[0] : clause[1]]) and key in previous:
            # "Dort kamen 45 Menschen ums Leben": the place of the sentence before
            before = texts[previous[key]]
            places = [
                m
                for m in sorted(mentions[previous[key]], key=lambda m: m[0])
                if m[2].kind in ("place", "state") and not _RELATIVE_PLACE.search(before[: m[0]])
            ]
            if places:
                # the place in focus, not one it lies near ("Kleinfeld, südlich von Großstadt")
                owner, evidence = places[0][2].id, f"dort ({places[0][2].name})"
        cue = _cue_of(text, quantity.start)
        status = cue.status if cue is not None else "reported"
        if status == "reported" and counts_participants(measure):
            # people where a gathering is named: its participants, whoever counted them
            gathering = gathering_in(text) or (
                gathering_in(texts[previous[key]]) if key in previous else None
            )
            if gathering is not None:
                measure = f"Teilnehmer ({gathering})"
                if owner is not None and kinds[owner] not in ("place", "state"):
                    owner, evidence = None, ""
        if owner == main_place or (
            measure in CASUALTIES and owner is not None and kinds[owner] not in ("place", "state")
        ):
            owner, evidence = None, ""
        low, high = interval(quantity)
        claims.append(
            MeasuredClaim(
                quantity=quantity,
                measure=measure,
                unit=unit,
                currency=currency,
                owner=owner,
                scope=_scope(text, clause, quantity.start, published[quantity.source] or latest),
                low=low,
                high=high,
                evidence=evidence,
                event=None if owner or measure in CASUALTIES else in_event.get(key),
                predicate=(
                    cue.family
                    if cue is not None
                    and measure not in CASUALTIES
                    and not (owner and (currency or measure.startswith("Prozent")))
                    and not (owner and not evidence.endswith("…"))
                    else None
                ),
                status=status,
                day=days.get(key) if measure.startswith("Teilnehmer (") else None,
                occurrence=_occurrence(text, clause),
                outdated=bool(
                    _OUTDATED.search(text[clause[0] : clause[1]])
                    or _STALE_AFTER.search(re.split(r"[:;]", text[quantity.end :])[0])
                ),
            )
        )
    return [c for c in _drop_outdated(claims) if c.comparable]


def _occurrence(text: str, clause: tuple[int, int]) -> int | None:
    """Which occurrence of something a figure is about, where its clause, or else its
    sentence, says so with one ordinal (``an den ersten, zweistündigen Ausständen``, ``Im
    zweiten Wahlgang``); not the ordinal of a source (``nach ersten Angaben``) or of a time
    (``zum ersten Mal``)."""
    for start, end in (clause, (0, len(text))):
        found = {
            _ORDINALS[match["stem"].lower()]
            for match in _ORDINAL.finditer(text, start, end)
            if match["noun"] not in _NOT_OCCURRENCES
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _cue_of(text: str, position: int) -> CueMatch | None:
    """What the clause of a figure reports (``gestrichen``), and whether as a fact."""
    found = _cues_in(text)
    inside = [c for c in found if c.clause[0] <= position < c.clause[1]]
    if inside:
        return inside[0]
    start, end = _clause_of(text, position)
    if start > 0:  # a later clause ("…: Sie musste 500 Flüge streichen"): its own verb
        own = _cues_in(text[start:end])
        if own:
            return own[0]
    return found[0] if found else None


@lru_cache(maxsize=4096)
def _cues_in(text: str) -> tuple[CueMatch, ...]:
    """The cues of a text (several figures often share a sentence)."""
    return tuple(find_cues(text, [], []))


def _is_total(text: str, quantity: Quantity) -> bool:
    """``neun der zehn Werke``, ``40 bis 42 der 120 Sitze``, ``Von den 120 Sitzen entfallen
    …``: 10 and 88 are totals."""
    return bool(_OF_TOTAL.search(text[: quantity.start]))


def _drop_outdated(claims: list[MeasuredClaim]) -> list[MeasuredClaim]:
    """A figure its own article calls outdated (``zunächst war von … die Rede``) is left
    out, whether or not the article says what the figure is now."""
    return [c for c in claims if not c.outdated]


def _clause_of(text: str, position: int) -> tuple[int, int]:
    for start, end in clauses(text):
        if start <= position < end:
            return start, end
    return 0, len(text)


def _names_of(actors: list[Actor]) -> dict[str, Actor]:
    """Each actor by its names, aliases and a company's short name (``Nordwind`` for
    ``Nordwind Air Lines``); a name two actors share is left out."""
    bearers: dict[str, set[str]] = defaultdict(set)
    by_id = {a.id: a for a in actors}
    for actor in actors:
        words = actor.name.split()
        short = (words[0],) if actor.kind == "organisation" and company_short_name(words) else ()
        for name in (actor.name, *actor.aliases, *short):
            bearers[name].add(actor.id)
    return {name: by_id[ids.pop()] for name, ids in bearers.items() if len(ids) == 1}


def _named_prefix(unit: str, names: dict[str, Actor]) -> tuple[str, Actor | None]:
    """A name before a hyphen says whose a figure is, the rest what it counts:
    ``Larimo-Beschäftigte`` are ``Beschäftigte`` of Larimo."""
    prefix, _, tail = unit.partition("-")
    if tail[:1].isupper() and prefix in names:
        return unit_lemma(tail), names[prefix]
    return unit, None


def _measure(
    quantity: Quantity, text: str, clause: tuple[int, int], lemma: str | None = None
) -> tuple[str | None, str, str | None]:
    """What a figure counts (``lemma``: its unit noun, where not the quantity's own)."""
    lemma = lemma or quantity.unit
    unit = unit_family(_SYNONYMS.get(lemma, lemma))
    if unit in _SKIP_UNITS or quantity.unit_text[:1].isdigit():
        return None, unit, None
    currency = CURRENCIES.get(quantity.unit_text) or CURRENCIES.get(unit)
    if currency is not None:
        what = unit_family(_counted_noun(text, clause, quantity) or "Betrag")
        if what.startswith("Gesamt") or _TOTAL.search(text, clause[0], clause[1]):
            what = _total_of(what)
        return f"{what} ({currency})", unit, currency
    if unit == "Prozent":
        # "Prozent der Erststimmen", "Rendite von zwei Prozent", "Löhne um zehn Prozent"
        after = re.match(r"\s+der\s+(?P<noun>[A-ZÄÖÜ][\wäöüß-]+)", text[quantity.end : clause[1]])
        before = _SHARE_OF.search(text[clause[0] : quantity.start])
        what = after["noun"] if after else (before["noun"] if before else None)
        return (f"Prozent ({what})" if what else "Prozent"), unit, None
    if unit in _PEOPLE or quantity.unit_text in _PEOPLE:
        after = text[quantity.end : clause[1]]
        whole = text[clause[0] : clause[1]]
        if _DEATH.search(after) or (_DEATH.search(whole) and not _INJURY.search(whole)):
            return "Tote", "Tote", None
        if _INJURY.search(after):
            return "Verletzte", "Verletzte", None
    if unit[:1].islower():
        return None, unit, None
    return unit, unit, None


def _total_of(noun: str) -> str:
    """The name of a total: ``Schaden`` → ``Gesamtschaden``; a sum of nothing in particular
    (``Gesamtbetrag``, ``insgesamt … Summe``) is the ``Gesamtbetrag``."""
    part = noun.removeprefix("Gesamt").capitalize() or "Betrag"
    if part in _GENERIC_AMOUNTS:
        part = "Betrag"
    return "Gesamt" + part.lower()


def _counted_noun(text: str, clause: tuple[int, int], quantity: Quantity) -> str | None:
    """What an amount or share is of: the nearest noun before it (``Ablöse``), a compound
    of a known noun included (``Personalkosten``). A noun inside a prepositional phrase
    (``Laut Zeitungsberichten``, ``einschließlich der Zinsen``) is not what is counted unless
    the amount is attached to it (``mit einer Einsparung von …``)."""
    from ..analyse.lexicon import load_lexicon

    nouns = load_lexicon().common_nouns
    start = clause[0]
    words = list(_NOUN_WORD.finditer(text, start, quantity.start))
    for match in reversed(words):
        word = match[0]
        if word.lower() in _FUNCTION_WORDS or word in _PEOPLE or word in _TIME_NOUNS:
            continue
        if word in CURRENCIES or word in _MULTIPLIER_WORDS or word == "Prozent":
            continue  # of the amount before: "40 Millionen Euro und weitere 5 Millionen"
        cut = 0 if word in nouns else _compound_of_noun(word, nouns)
        if not (word in nouns or cut):
            continue
        if cut and _NAME_BEFORE.search(text, start, match.start()):
            continue  # the second word of a name ("Larimo Stadtwerke")
        attached = _ATTACHED.fullmatch(text, match.end(), quantity.start) is not None
        if not attached and _IN_PHRASE.search(text, start, match.start()):
            continue
        if cut:
            return word[:cut] + unit_lemma(word[cut:].capitalize()).lower()
        return unit_lemma(word)
    return None


def _compound_of_noun(word: str, nouns: frozenset[str] | set[str]) -> int:
    """``Personalkosten``, ``Grundgebühr``: where the longest tail of four letters or more
    that is a known noun begins, after a known noun with or without a linking ``s``, ``n``,
    ``en`` or ``es`` (0: none; ``Zarvwerk`` is a name)."""
    for cut in range(3, len(word) - 3):
        if word[cut:].capitalize() not in nouns:
            continue
        modifier = word[:cut]
        if any(
            modifier.endswith(link) and modifier[: len(modifier) - len(link)] in nouns
            for link in _LINKS
        ):
            return cut
    return 0


def _owner(
    quantity: Quantity,
    text: str,
    clause: tuple[int, int],
    mentions: list[tuple[int, int, Actor]],
    recogniser: RuleRecogniser,
    state_ids: dict[str, str],
    before: tuple[str, list[tuple[int, int, Actor]]] | None = None,
    main_organisation: Actor | None = None,
) -> tuple[str | None, str]:
    """Whose figure it is: a demonym before the unit, else the first actor of its list
    item or clause that is not the source of the information (``laut``, ``Prognose von
    zwei Sendern``, ``das Institut sah …``) nor a place it goes to (``nach Russland``); where
    the sentence opens with a description (``Die Partei von …``, ``Der Konzern``), the
    organisation the sentence before names; else the first such actor of the sentence
    before the figure (``Die Union landete bei 31,5 Prozent (2019: 28,2 Prozent)``).
    Evidence from outside the clause ends in "…": such a figure is compared only within
    the same kind of happening."""
    if quantity.qualifier:
        state = recogniser.state_in_name(quantity.qualifier)
        if state in state_ids:
            return state_ids[state], f"{quantity.qualifier} {quantity.unit_text}"
    spans = [_segment(text, clause, quantity), clause]
    for start, end in spans:
        found = _first_owner(text, mentions, start, end, quantity.start, recogniser)
        if found is not None and found.kind == "person" and quantity.unit_text in CURRENCIES:
            company = _company_headed_by(text, mentions, found, before)
            if company is not None:
                return company.id, f"{company.name} ({found.name}) … {quantity.unit_text}…"
        if found is not None:
            return found.id, f"{found.name} … {quantity.unit_text}"
    if pronoun := _PRONOUN_SUBJECT.match(text, clause[0]):
        # "… die Fluglinie Nordwind: Sie musste 500 Flüge streichen": whom the pronoun
        # stands for, the last actor named before it, in this sentence or the one before
        found = _last_actor(text, mentions, clause[0]) or (
            _last_actor(before[0], before[1], len(before[0])) if before is not None else None
        )
        if found is not None:
            return found.id, f"{found.name} … {pronoun['pronoun']} … {quantity.unit_text}…"
    # the description nearest the figure: in its clause, else the one the sentence opens with
    described = _described_in_clause(text, clause[0], quantity.start) or _DESCRIPTION.match(text)
    if described and described["noun"] in descriptions():
        found = None
        if before is not None:
            previous_text, previous_mentions = before
            found = _first_owner(
                previous_text,
                previous_mentions,
                0,
                len(previous_text),
                None,
                recogniser,
                "organisation",
            )
        if found is None and described["noun"] in leaderships():
            found = main_organisation  # "die Konzernspitze": of the one the story is about
        if found is not None:
            # a description in the figure's own clause is as good as the name there
            inside = clause[0] <= described.start() < quantity.start
            return found.id, (
                f"{described.group(0).strip()} ({found.name}) … {quantity.unit_text}"
                + ("" if inside else "…")
            )
    found = _first_owner(text, mentions, 0, quantity.start, quantity.start, recogniser)
    if found is not None:
        return found.id, f"{found.name} … {quantity.unit_text}…"
    return None, ""


def _company_headed_by(
    text: str,
    mentions: list[tuple[int, int, Actor]],
    person: Actor,
    before: tuple[str, list[tuple[int, int, Actor]]] | None,
) -> Actor | None:
    """``Konzernchef X bezifferte den Schaden auf …``: an amount its head states is the
    company's, the organisation named last before the person, or else in the sentence
    before."""
    at = next((m_start for m_start, _, actor in mentions if actor is person), None)
    if at is None or not _COMPANY_HEAD.search(text, 0, at):
        return None
    earlier = [actor for m_start, _, actor in mentions if m_start < at]
    if before is not None:
        earlier = [actor for _, _, actor in before[1]] + earlier
    companies = [actor for actor in earlier if actor.kind == "organisation"]
    return companies[-1] if companies else None


def _described_in_clause(text: str, start: int, end: int) -> re.Match[str] | None:
    """``Im Bericht hatte das Unternehmen …``: a description as the subject after a fronted
    phrase (not after a preposition: ``für das Unternehmen``)."""
    for match in _DESCRIPTION_INSIDE.finditer(text, start, end):
        if match["noun"] in descriptions() and not _PREPOSITION_BEFORE.search(
            text, 0, match.start()
        ):
            return match
    return None


def _last_actor(text: str, mentions: list[tuple[int, int, Actor]], end: int) -> Actor | None:
    """The last organisation or person named in ``text[:end]``, if it is the subject or
    object there (not after a preposition: ``in Kellstadt``, ``mit der Firma X``)."""
    for m_start, _, actor in reversed(mentions):
        if m_start >= end or actor.kind not in ("organisation", "person"):
            continue
        if _NOT_OWNER_BEFORE.search(text[:m_start]) or _ATTRIBUTION.search(text[:m_start]):
            return None
        return actor
    return None


def _first_owner(
    text: str,
    mentions: list[tuple[int, int, Actor]],
    start: int,
    end: int,
    position: int | None,
    recogniser: RuleRecogniser,
    kind: str | None = None,
) -> Actor | None:
    """The first actor in ``text[start:end]`` that the text does not mark as a source of
    information or a destination; people only before the figure at ``position``."""
    excluded_end = -1
    for m_start, m_end, actor in mentions:
        if not start <= m_start < end:
            continue
        before = text[:m_start]
        if (
            recogniser.is_news_agency(actor.name)
            or _ATTRIBUTION.search(before)
            or _NOT_OWNER_BEFORE.search(before)  # "nach Russland", "Prognose des Instituts"
            or _ESTIMATES.match(text, m_end)  # "das Institut sah die Partei bei 30 Prozent"
            or (excluded_end >= 0 and _COORDINATED.fullmatch(text, excluded_end, m_start))
        ):
            excluded_end = m_end  # "von Sender A und Sender B": both
            continue
        if actor.kind == "person" and position is not None and m_start > position:
            continue
        if actor.kind == "state" and not text[m_start:m_end][:1].isupper():
            continue
        if kind is not None and actor.kind != kind:
            continue
        return actor
    return None


def _segment(text: str, clause: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    """The list item of a figure within its clause: ``die Liberalen mit 9 bis 10 und die
    Grünen mit 6 bis 7 Sitzen``, ``12 auf die Liberalen und sechs auf die Grünen``."""
    breaks = list(_LIST_BREAK.finditer(text, clause[0], clause[1]))
    start = max((b.end() for b in breaks if b.end() <= quantity.start), default=clause[0])
    end = min((b.start() for b in breaks if b.start() >= quantity.end), default=clause[1])
    return start, end


def _scope(text: str, clause: tuple[int, int], position: int, published: str | None) -> int | None:
    """The year a figure is about, where its clause says so (``2019: 28,2 Prozent``)."""
    before = text[clause[0] : position]
    match = _YEAR_BEFORE.search(before)
    if match is not None:
        return int(match["year"])
    ago = _YEARS_AGO.search(text[clause[0] : clause[1]]) or _YEARS_AGO.search(text[:position])
    if ago is not None and published:
        count = int(parse_number(ago["n"]))
        return int(published[:4]) - count
    inner = re.search(r"\((?P<year>(?:19|20)\d{2})\s*:\s*(?:\S+\s+)?$", text[:position])
    return int(inner["year"]) if inner else None


def _main_organisation(actors: list[Actor]) -> Actor | None:
    """The organisation most sources mention, and most often where sources tie: the one a
    story is about, where one leads."""
    counted = sorted(
        (
            (-len({m.source for m in a.mentions}), -len(a.mentions), a.id, a)
            for a in actors
            if a.kind == "organisation"
        ),
        key=lambda item: item[:3],
    )
    if not counted or (len(counted) > 1 and counted[0][:2] == counted[1][:2]):
        return None
    return counted[0][3]


def _main_place(actors: list[Actor]) -> str | None:
    """The place or state most sources mention: the story's own place."""
    counted = Counter(
        {a.id: len({m.source for m in a.mentions}) for a in actors if a.kind in ("place", "state")}
    )
    if not counted:
        return None
    (best, count), *rest = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    if rest and rest[0][1] == count:
        return None
    return best
