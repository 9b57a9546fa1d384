"""What a sentence reports as happening: its predicate, status, date and time of day.

Any verb can be a predicate, not only words on a list. Verbs are recognised with the
German lemma table of spacy-lookups-data (``eingestürzt`` → ``einstürzen``); separable
particles at the end of a clause are joined (``nahm den Mann fest`` → ``festnehmen``).
Auxiliaries and modals carry no event of their own, verbs of saying only when nothing
else is reported. A news nominalisation (``die Festnahme``) stands in where a clause has
no verb. The vocabulary is general German (``generator/data/events.yml``).

A clause with ``soll``, ``will``, ``plant`` is *planned*, with ``fordert`` *demanded*,
with ``kündigt an`` *announced*, with ``könnte`` or ``im Falle`` *hypothetical*: such
reports are never shown as facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .dates import DatePhrase
from .lexicon import german_stop_words, read_yaml_text
from .lookups import lemma_table, table_facts
from .times import TimePhrase

# what a report is: a fact, or something not (yet) happened
STATUSES = ("reported", "planned", "announced", "demanded", "hypothetical")
_STATUS_KEYS = {
    "geplant": "planned",
    "angekündigt": "announced",
    "gefordert": "demanded",
    "hypothetisch": "hypothetical",
}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")
# clause boundaries: punctuation, and a comma before a new finite clause
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:–—](?=\s)|,\s+(?:und|aber|doch|sondern|bevor|nachdem|als|während|weil|da|wo|wie)\b|,(?=\s))\s*"
)
_TEMPORAL_ADJUNCT = re.compile(
    r"\b(?:nach|vor|seit|bei|beim|während|wegen|trotz)\s+(?:(?:dem|der|den|des|einem|einer)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_W_WORDS = frozenset(
    ["was", "wie", "warum", "wer", "wo", "wann", "weshalb", "wieso", "weswegen", "wohin", "woher"]
)
_CLAUSE_FINAL_AUXILIARIES = frozenset(
    [
        "hat",
        "hatte",
        "hatten",
        "haben",
        "habe",
        "ist",
        "sind",
        "war",
        "waren",
        "sei",
        "seien",
        "wurde",
        "wurden",
        "worden",
    ]
)
_PARTICIPLE = re.compile(r"^(?:ge\w+(?:t|en)|\w+(?:ge)\w+(?:t|en)|\w+iert)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class CueMatch:
    """One thing a sentence reports as happening."""

    family: str  # the verb family, for merging across sources ("festnehmen")
    predicate: str  # what happened, lemmatised ("festnehmen", "Festnahme")
    word: str  # the word as written
    start: int
    end: int
    clause: tuple[int, int]  # the clause around the predicate
    status: str = "reported"
    date: DatePhrase | None = None
    time: TimePhrase | None = None
    finite: bool = True  # a finite verb (not a participle, infinitive or noun)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCue:
    """A cue found in one sentence of one source."""

    source: str
    sentence: str
    cue: CueMatch


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    text = resources.files("generator").joinpath("data", "events.yml").read_text(encoding="utf-8")
    data = read_yaml_text(text)
    status_words: dict[str, str] = {}
    status_phrases: list[tuple[re.Pattern[str], str]] = []
    for status, words in data["status"].items():
        for word in words:
            code = _STATUS_KEYS[status]
            if " " in word:
                status_phrases.append((re.compile(r"\b" + re.escape(word) + r"\b"), code))
            else:
                status_words.setdefault(word, code)
    return {
        "auxiliaries": frozenset(data["auxiliaries"]),
        "reporting": frozenset(data["reporting"]),
        "light_verbs": frozenset(data["light_verbs"]),
        "negations": frozenset(data["negations"]),
        "sein_verbs": frozenset(data["sein_verbs"]),
        "particles": frozenset(data["particles"]),
        "status_words": status_words,
        "status_phrases": status_phrases,
        "nouns": dict(data["nouns"]),
        "lemma_fixes": dict(data["lemma_fixes"]),
        "subordinators": frozenset(data["subordinators"]),
        "determiners": frozenset(data["determiners"]),
        "families": {verb: group[0] for group in data["synonyms"] for verb in group},
        "units": {noun: group[0] for group in data["units"] for noun in group},
        "descriptions": frozenset(data["descriptions"]) | frozenset(data["leaderships"]),
        "leaderships": frozenset(data["leaderships"]),
        "gatherings": re.compile(
            r"\b(?:[A-ZÄÖÜ][\wäöüß]*?)?(?P<noun>"
            + "|".join(
                f"(?P<g{index}>{'|'.join(re.escape(noun.lower()) for noun in group)})"
                for index, group in enumerate(data["gatherings"])
            )
            + r")(?:s|en|n|e|es)?\b",
            re.IGNORECASE,
        ),
        "gathering_names": tuple(group[0] for group in data["gatherings"]),
        "participants": frozenset(data["participants"]),
    }


def reporting_verbs() -> frozenset[str]:
    """Verbs of saying (``sagen``, ``erklären``)."""
    return _vocabulary()["reporting"]


def descriptions() -> frozenset[str]:
    """Nouns that describe an organisation named before (``die Partei``, ``der Konzern``),
    leaderships included."""
    return _vocabulary()["descriptions"]


def perfect_with_sein(lemma: str) -> bool:
    """Whether a verb makes its perfect with ``sein`` (``ist gestürzt``, ``ist
    zurückgetreten``): it or its last part is a verb of motion or change of state."""
    vocab = _vocabulary()
    verbs = vocab["sein_verbs"]
    if lemma in verbs:
        return True
    return any(
        lemma.startswith(particle) and lemma[len(particle) :] in verbs
        for particle in vocab["particles"]
    )


def leaderships() -> frozenset[str]:
    """Nouns for an organisation's leadership (``die Konzernspitze``, ``der Vorstand``)."""
    return _vocabulary()["leaderships"]


def gathering_in(text: str) -> str | None:
    """The family of the first gathering a text names (``Warnstreiks`` → ``Streik``)."""
    vocabulary = _vocabulary()
    for match in vocabulary["gatherings"].finditer(text):
        if not match.group(0)[:1].isupper():
            continue
        for index, name in enumerate(vocabulary["gathering_names"]):
            if match.group(f"g{index}"):
                return name
    return None


def counts_participants(unit: str) -> bool:
    """A unit that counts the people at a gathering (``Teilnehmer``, ``Beschäftigte``)."""
    return unit in _vocabulary()["participants"]


def unit_family(noun: str) -> str:
    """What a unit noun counts: its synonym group's first noun (``Verbindung`` → ``Flug``)."""
    return _vocabulary()["units"].get(noun, noun)


def family_of(lemma: str) -> str:
    """The family a verb belongs to: its synonym group's first verb, else itself."""
    return _vocabulary()["families"].get(lemma, lemma)


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The verbs of the lemma table, derived from the whole table when it was compiled
    (:func:`verb_lemmas_of`)."""
    return frozenset(table_facts()["verb_lemmas"])


def verb_lemmas_of(lemmas: Mapping[str, str]) -> list[str]:
    """Infinitives of a whole lemma table: lower case, ending in -n, with a form ending
    in -t."""
    with_t_form = {
        lemma
        for form, lemma in lemmas.items()
        if form.endswith("t") and form != lemma and lemma[:1].islower()
    }
    return sorted(lemma for lemma in with_t_form if lemma.endswith("n") and len(lemma) > 3)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """spaCy's German stop words, less the inflected forms of content verbs among them
    (``nahm``, ``kam``, ``sagte``)."""
    stop_words = german_stop_words()
    table = lemma_table()
    verbs = verb_lemmas()
    auxiliaries = _vocabulary()["auxiliaries"]
    return frozenset(
        word
        for word in stop_words
        if not (
            table.get(word, word) != word
            and table.get(word) in verbs
            and table.get(word) not in auxiliaries
            and table.get(word) not in stop_words  # "eine" -> "einen" stays an article
        )
    )


@lru_cache(maxsize=100_000)  # a pure function of the word; most words recur
def verb_lemma(word: str) -> str | None:
    """The infinitive of a lower-case verb form, or None if the word is no verb."""
    if not word[:1].islower() or len(word) < 4 or word in _function_words():
        return None
    if re.search(r"end(?:e[mnrs]?)?$", word):
        return None  # a present participle ("lebend", "führende") describes, it reports nothing
    if _state_adjective(word):
        return None  # "deutschen", "französische": a country's adjective, never a verb
    verbs = verb_lemmas()
    table = lemma_table()
    lemma = _vocabulary()["lemma_fixes"].get(word) or table.get(word)
    if lemma is None and "ss" in word:
        lemma = table.get(word.replace("ss", "ß"))  # the table keeps old spellings: "beschloß"
    lemma = lemma or word
    if lemma not in verbs and table.get(lemma, lemma) in verbs:
        lemma = table[lemma]  # "ernannte" -> "ernannt" -> "ernennen"
    if lemma not in verbs or (lemma.endswith(("ern", "eln")) and word == lemma[:-1]):
        return None  # "näher" is a comparative, not a form of "nähern"
    if word in (lemma[:-2], lemma[:-1]) and word != lemma:
        return None  # a bare stem is an imperative, which news does not use: "lang", "fest"
    return lemma


def _state_adjective(word: str) -> bool:
    from .lexicon import load_lexicon

    stem = re.sub(r"(?:e|en|er|es|em)$", "", word)
    return stem in load_lexicon().adjectives


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence (a rough split at punctuation and conjunctions)."""
    spans = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def find_cues(
    text: str, dates: list[DatePhrase], times: list[TimePhrase] | None = None
) -> list[CueMatch]:
    """What a sentence reports: one cue per clause with its own date or time, else one per
    sentence."""
    times = times or []
    if text.rstrip(" „“\"'»«)").endswith("?"):
        return []  # a question reports nothing as having happened
    vocab = _vocabulary()
    candidates: list[tuple[int, CueMatch]] = []  # (rank, cue); lower rank is the main predicate
    spans = clauses(text)
    for clause_start, clause_end in spans:
        words = list(_WORD.finditer(text, clause_start, clause_end))
        last = words[-1].group(0) if words else ""
        subordinate = (
            bool(words) and clause_start > 0 and words[0].group(0) in vocab["subordinators"]
        )
        for index, match in enumerate(words):
            word = match.group(0)
            if dates and any(d.start <= match.start() < d.end for d in dates):
                continue
            lemma = verb_lemma(word)
            if lemma is not None:
                if lemma in vocab["auxiliaries"] or _attributive(word, words, index):
                    continue
                finite = not (
                    _PARTICIPLE.match(word)
                    or word == lemma
                    or _before_auxiliary(text, words, index)
                )
                if finite and last in vocab["particles"] and index < len(words) - 1:
                    joined = last + lemma
                    if joined in verb_lemmas():
                        lemma = joined
                if lemma in vocab["light_verbs"] and _news_noun_subject(words, vocab):
                    continue  # "Die Warnung kam um 20 Uhr": the warning is what happened
                if _first_person(words, index) and not _QUOTES.search(text):
                    continue  # "Damit schließen wir den Liveblog": the outlet, no news
                rank = (2 if lemma in vocab["reporting"] else 0) + subordinate
                candidates.append(
                    (
                        rank,
                        CueMatch(
                            family=family_of(lemma),
                            predicate=lemma,
                            word=word,
                            start=match.start(),
                            end=match.end(),
                            clause=(clause_start, clause_end),
                            finite=finite,
                        ),
                    )
                )
                continue
            family = _noun_family(word)
            if family is not None and _negated(words, index, vocab["negations"]):
                continue  # "keine Einigung in Sicht": what did not happen is no event
            if family is not None:
                # "Nach dem Brand …": an earlier happening named as the time of this one
                adjunct = _TEMPORAL_ADJUNCT.search(text[clause_start : match.start()])
                candidates.append(
                    (
                        5 if adjunct else 4,
                        CueMatch(
                            family=family_of(family),
                            predicate=_noun_head(word),
                            word=word,
                            start=match.start(),
                            end=match.end(),
                            clause=(clause_start, clause_end),
                            finite=False,
                        ),
                    )
                )
    if not candidates:
        return []
    # the main predicate of the sentence, and one more per clause that has a date of its own
    ordered = sorted(candidates, key=lambda item: (item[0], item[1].start))
    chosen: list[CueMatch] = []
    used_clauses: set[tuple[int, int]] = set()
    main = ordered[0][1]
    for rank, cue in ordered:
        own_date = _in_clause(dates, cue.clause) or _in_clause(times, cue.clause)
        if cue is main or (own_date and cue.clause not in used_clauses and rank < 4):
            if cue.clause in used_clauses:
                continue
            used_clauses.add(cue.clause)
            chosen.append(cue)
    result = []
    for cue in sorted(chosen, key=lambda c: c.start):
        date = _in_clause(dates, cue.clause) or (
            _nearest(dates, cue.start) if len(chosen) == 1 else None
        )
        time = _in_clause(times, cue.clause) or (
            _nearest(times, cue.start) if len(chosen) == 1 else None
        )
        result.append(
            replace(
                cue,
                status=status_of(text[cue.clause[0] : cue.clause[1]], text),
                date=date,
                time=time,
            )
        )
    return result


def is_topic_line(text: str) -> bool:
    """``Was bisher bekannt ist``, ``Wie es weitergeht``: one clause opened by a
    question word, without a question mark: a subheading that names a topic. It reports
    nothing itself, but the day it names is the day of what follows it."""
    opening = _WORD.search(text)
    return (
        opening is not None
        and opening.group(0).lower() in _W_WORDS
        and len(clauses(text)) == 1
        and not text.rstrip(" „“\"'»«)").endswith("?")
    )


def _before_auxiliary(text: str, words: list[re.Match[str]], index: int) -> bool:
    """``, der am Montag begonnen hatte``: a verb right before an auxiliary that ends a
    clause is its participle, whatever its prefix (``begonnen``, ``verloren``)."""
    if index + 1 >= len(words):
        return False
    after = words[index + 1]
    if text[words[index].end() : after.start()].strip():
        return False  # "…, als er kam, war es still": a comma between
    return after.group(0) in _CLAUSE_FINAL_AUXILIARIES and index + 2 == len(words)


def _negated(words: list[re.Match[str]], index: int, negations: frozenset[str]) -> bool:
    """A negation just before the noun, or before one adjective of it (``keine schnelle
    Einigung``)."""
    before = [w.group(0) for w in words[max(0, index - 2) : index]]
    if before and before[-1].lower() in negations:
        return True
    return len(before) == 2 and before[1][:1].islower() and before[0].lower() in negations


def _attributive(word: str, words: list[re.Match[str]], index: int) -> bool:
    """``der 1968 geborene Minister``, ``die eingestürzte Brücke``, ``der dunkle Wagen``: an
    inflected word between a determiner (or number) and a noun describes the noun; it is
    not the clause's predicate (``Am Freitag ernannte Keller …`` is)."""
    if index == 0 or index + 1 >= len(words) or not words[index + 1].group(0)[:1].isupper():
        return False
    if not word.endswith(("e", "en", "er", "es", "em")):
        return False
    before = words[index - 1]
    between = before.string[before.end() : words[index].start()]
    previous = before.group(0).lower()
    determiners = _vocabulary()["determiners"]
    return (
        any(ch.isdigit() for ch in between)
        or previous in determiners
        or (previous == before.group(0) and previous.endswith(("e", "en", "er", "es", "em")))
        # "die am Donnerstag abgebrochene Sitzung", "die vor drei Jahren gegründete Partei"
        or any(
            words[index - k].group(0).lower() in _PREPOSITIONS
            and words[index - k - 1].group(0).lower() in determiners
            for k in (2, 3)
            if index - k - 1 >= 0
        )
    )


def status_of(clause: str, sentence: str) -> str:
    """Whether a clause reports a fact or a plan, announcement, demand or hypothetical."""
    vocab = _vocabulary()
    for pattern, status in vocab["status_phrases"]:
        if pattern.search(clause):
            return status
    found = [vocab["status_words"].get(word) for word in _WORD.findall(clause)]
    present = [status for status in found if status]
    if not present:
        return "reported"
    # "wird" / "werden" alone is a future only with an infinitive at the clause's end
    if set(present) == {"planned"} and not _plan_word(clause):
        words = _WORD.findall(clause)
        if not words or verb_lemma(words[-1]) != words[-1]:
            return "reported"
    for status in ("hypothetical", "demanded", "announced", "planned"):
        if status in present:
            return status
    return "reported"


# the future's auxiliary: a plan only with an infinitive at the clause's end
_FUTURE = ("wird", "werden", "werde")


def _plan_word(clause: str) -> bool:
    vocab = _vocabulary()
    return any(
        vocab["status_words"].get(word) == "planned" and word not in _FUTURE
        for word in _WORD.findall(clause)
    )


@lru_cache(maxsize=100_000)  # pure functions of the word; most words recur
def _noun_family(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    nouns = _vocabulary()["nouns"]
    head = _noun_head(word)
    if head not in nouns and "-" in word:
        # "Warn-App", "Streik-Tag": a verb stem before the hyphen names the happening
        head = word.split("-", 1)[0] + "ung"
    return nouns.get(head)


_QUOTES = re.compile(r"[„“”\"»«]")
_FIRST_PERSON = frozenset(("wir", "Wir", "ich", "Ich"))


def _first_person(words: list[re.Match[str]], index: int) -> bool:
    """A finite verb next to ``wir`` or ``ich``: outside a quotation, the author speaks."""
    return any(
        0 <= k < len(words) and words[k].group(0) in _FIRST_PERSON for k in (index - 1, index + 1)
    )


# an article before a subject; after one of these it is an object ("nach der Warnung")
_SUBJECT_ARTICLES = frozenset(("der", "die", "das", "Der", "Die", "Das"))
_PREPOSITIONS = frozenset(
    (
        "am", "im", "vom", "zum", "zur", "beim", "an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "ohne", "seit",
        "über", "um", "unter", "von", "vor", "wegen", "zu", "zwischen", "trotz", "laut",
    )
)  # fmt: skip


def _news_noun_subject(words: list[re.Match[str]], vocab: dict[str, Any]) -> bool:
    """Whether a clause has a news noun with a definite article that no preposition
    governs: the subject of a light verb (``Die Warnmeldung ging … hinaus``)."""
    for index, match in enumerate(words[1:], 1):
        article = words[index - 1].group(0)
        if article not in _SUBJECT_ARTICLES or _noun_family(match.group(0)) is None:
            continue
        if index < 2 or words[index - 2].group(0).lower() not in _PREPOSITIONS:
            return True
    return False


@lru_cache(maxsize=1)
def _noun_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    nouns = _vocabulary()["nouns"]
    canonical = {noun.lower(): noun for noun in nouns}
    heads = "|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True))
    return re.compile(rf"(?P<head>{heads})(?:s|es|en|n|e)?$"), canonical


@lru_cache(maxsize=100_000)
def _noun_head(word: str) -> str:
    """The news noun a word ends in: ``Warnstreiks`` → ``Warnstreik``, ``Landtagswahl`` → ``Wahl``."""
    pattern, canonical = _noun_pattern()
    lower = word.lower()
    match = pattern.search(lower)
    if match is None or (0 < match.start() < 3):
        return word
    return canonical[match["head"]]


def _in_clause(phrases: list[Any], clause: tuple[int, int]) -> Any:
    inside = [p for p in phrases if clause[0] <= p.start < clause[1] and _informative(p)]
    return inside[0] if inside else None


def _informative(phrase: Any) -> bool:
    if isinstance(phrase, DatePhrase):
        return phrase.value is not None or phrase.month is not None or phrase.weekday is not None
    return True


def _nearest(phrases: list[Any], position: int) -> Any:
    informative = [p for p in phrases if _informative(p)]
    if not informative:
        return None
    return min(informative, key=lambda p: abs(p.start - position))
