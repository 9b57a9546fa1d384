"""Event titles that read like a news timeline, built from the reporting sentence.

``Am Samstag unterzeichnete Keller das Gesetz.`` → ``Keller unterzeichnet das Gesetz``:
who acted (the actor before the verb, or right after a fronted adverbial), the verb in
the present tense where the lemma table allows it, and what follows in the clause, with
the date and time left out (the timeline shows them). Where no actor can be found the
clause itself, trimmed, is the title (``Die Brücke in Talheim stürzt ein``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ..analyse.events import CueMatch, perfect_with_sein, verb_lemma
from ..analyse.lexicon import german_stop_words
from ..analyse.lookups import lemma_table, table_facts
from ..model import Actor

MAX_WORDS = 10
_FINITE_AUX = {
    "wird", "werden", "wurde", "wurden", "ist", "sind", "war", "waren", "hat", "haben", "hatte",
    "hatten", "soll", "sollen", "sollte", "sollten", "will", "wollen", "kann", "können", "muss",
    "müssen", "darf", "dürfen", "konnte", "konnten", "musste", "mussten", "durfte", "durften",
    "wollte", "wollten",
}  # fmt: skip
_FINITE_AUX_FORMS = {*_FINITE_AUX, "worden", "sei", "seien", "habe", "hätte", "wäre"}
# asides in brackets: an age, a party, a half-time score ("Anna Keller (45)", "(SPD)",
# "3:0 (2:0)"), also cut off by the title's length or its clause
_ASIDE = re.compile(r"\s*\([^()]{0,25}\)|\s*\([^()]*$|^\s*[^()\s]{1,4}\)\s*")
_NAME_PARTICLES = {"del", "de", "la", "da", "di", "do", "du", "von", "van"}
# determiners a subject can open with, and prepositions that make a noun phrase no subject
_NOMINATIVE = {"der", "die", "das", "ein", "eine", "kein", "keine"}
_PRONOUNS = {"er", "sie", "es", "wir", "man"}
_GENITIVE_VERBS = {"gedenken", "bedürfen", "entbehren"}  # their object is a genitive
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_APPROXIMATELY = {
    "mindestens", "rund", "etwa", "knapp", "fast", "gut", "annähernd", "bis zu", "mehr als",
    "weniger als", "über",
}  # fmt: skip
_PREPOSITIONS = {
    "in", "an", "auf", "aus", "bei", "mit", "nach", "von", "vor", "zu", "über", "unter",
    "durch", "für", "gegen", "ohne", "um", "seit", "während", "wegen", "trotz", "hinter",
    "neben", "zwischen", "laut", "samt", "entlang", "gegenüber", "innerhalb", "außerhalb",
}  # fmt: skip
_LEADING = re.compile(
    r"^(?:(?:und|aber|doch|dann|danach|daraufhin|nun|zudem|außerdem|auch|bereits|schon|"
    r"noch|inzwischen|zuvor|später|erst|so|damit|dabei|jedoch|allerdings|zunächst|"
    r"schließlich|laut\s+\w+|nach\s+\w+\s+\w+|demnach|dort|hier|da|jetzt|zuletzt)\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s,;:–—-]+$")
# a time counted from a happening: "Drei Tage nach der Sturzflut", "Einen Monat vor der Wahl
# in Kellstadt"
_TIME_SPAN = re.compile(
    r"\b(?i:(?:gut|knapp|rund|etwa|fast|mehr\s+als)\s+)?"
    r"(?i:ein(?:en|em)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    r"wenige[n]?|einige[n]?|\d+)\s+(?:Tag|Tage|Tagen|Stunden?|Wochen?|Monat|Monate|Monaten|"
    r"Jahr|Jahre|Jahren)\s+(?:nach|vor)\s+(?:dem|der|den|des|einem|einer)\s+"
    r"(?:[a-zäöüß]+\s+)*[A-ZÄÖÜ][\w-]*"
    r"(?:\s+(?:im|in|von)\s+(?:der\s+|dem\s+|den\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*s\b)?)?"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:mit|von|vom|gegen|für|bei|beim|zu|zum|zur|über|an|am|nach|aus|laut|zufolge|in|im|"
    r"auf|unter|vor|seit|durch|um|ohne|wegen|trotz|zwischen|neben|hinter|bis)\s+(?:\S+\s+){0,1}$"
)
_PERFECT_AUX = {"hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren"}
_SEIN = {"ist", "sind", "war", "waren"}
# an article no subject opens with, and nouns of a time span ("Drei Tage nach …")
_NOT_NOMINATIVE = {"den", "dem", "des", "einen", "einem", "eines", "einer"}
_TIME_NOUNS = {
    "Tag", "Tage", "Tagen", "Woche", "Wochen", "Monat", "Monate", "Monaten", "Jahr", "Jahre",
    "Jahren", "Stunde", "Stunden", "Minute", "Minuten",
}  # fmt: skip
_AUX_BEFORE = re.compile(
    r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden|wird|werden)\b"
)
_RELATIVE = re.compile(r"^(?:der|die|das|den|dem|denen|welche[rsmn]?)\b")
_AUX_PRESENT = {
    "wurde": "wird",
    "wurden": "werden",
    "war": "ist",
    "waren": "sind",
    "hatte": "hat",
    "hatten": "haben",
}


def headline(
    text: str, cue: CueMatch, mentions: list[tuple[int, int, Actor]], kinds: dict[str, str]
) -> str:
    start, _ = cue.clause
    span = _TIME_SPAN.search(text, start, cue.start)
    if span is not None:
        # "Drei Tage nach dem Sturm ist die Zahl … gestiegen": a time, left out where the
        # title still opens with its subject
        title = _headline(text, cue, mentions, (span.start(), span.end()))
        first = title.split()[0].lower() if title else ""
        if first and first not in _FINITE_AUX and first != cue.word.lower():
            return title
    return _verb_second(_headline(text, cue, mentions, None), text)


def _verb_second(title: str, text: str) -> str:
    """A title that opens with a verb the sentence had after a phrase the title left out
    (``Zuerst sperrten sie …``, ``Am Abend gedachten Hunderte …``) takes its subject to the
    front: ``Sie sperrten …``, ``Hunderte gedachten …``."""
    words = title.split()
    if len(words) < 3:
        return title
    verb = words[0].lower()
    finite = verb in _FINITE_AUX or verb_lemma(verb) is not None
    opening = re.match(r"\W*(\w+)", text)
    if not finite or opening is None or opening.group(1).lower() == verb:
        return title  # no verb, or the sentence itself opens with it
    words[0] = verb
    moved = _subject_first(words, verb)
    if moved is not words and moved != words:
        return " ".join(moved)
    subject = words[1]
    if subject.lower() in _PRONOUNS:
        return " ".join([subject[:1].upper() + subject[1:], verb, *words[2:]])
    plural = verb.endswith("en") or verb in ("sind", "waren")
    counted = _counted_subject(words) if plural else None
    if counted is not None:  # "Sind in Kellstadt mindestens 35 Menschen … gekommen"
        first, last = counted
        phrase = words[first:last]
        phrase[0] = phrase[0][:1].upper() + phrase[0][1:]
        return " ".join([*phrase, verb, *words[1:first], *words[last:]])
    if plural and subject[:1].isupper() and subject.lower() not in german_stop_words():
        # a plural without article ("Helfer", "Vertreter der Parteien"), with its
        # genitive unless the verb governs one ("gedachten Hunderte der Toten")
        last = _genitive_end(words, 2) if verb_lemma(verb) not in _GENITIVE_VERBS else 2
        return " ".join([*words[1:last], verb, *words[last:]])
    return title


def _counted_subject(words: list[str]) -> tuple[int, int] | None:
    """The first count of a noun that no preposition governs (``mindestens 35 Menschen``,
    ``12 Flüge``, ``40 Prozent der Wähler``), as a word range, or None."""
    for index in range(1, len(words) - 1):
        if not _NUMBER.fullmatch(words[index]) or not words[index + 1][:1].isupper():
            continue
        first = index - 1 if words[index - 1].lower() in _APPROXIMATELY else index
        if index > 2 and " ".join(words[index - 2 : index]).lower() in _APPROXIMATELY:
            first = index - 2  # "mehr als 2.000 Stellen"
        if words[first - 1].lower() in _PREPOSITIONS:
            return None  # "nach 12 Stunden": governed, no subject
        return first, _genitive_end(words, index + 2)
    return None


def _genitive_end(words: list[str], start: int) -> int:
    """Where a genitive that starts at ``start`` ends (``der beiden Parteien``, ``des
    jungen Stürmers``); ``start`` where none does."""
    if start + 1 >= len(words) or words[start] not in ("der", "des"):
        return start
    noun = start + 1
    while noun < min(len(words) - 1, start + 3) and words[noun][:1].islower():
        noun += 1  # adjectives and numbers before its noun
    return noun + 1 if words[noun][:1].isupper() else start


def _headline(
    text: str,
    cue: CueMatch,
    mentions: list[tuple[int, int, Actor]],
    time_span: tuple[int, int] | None,
) -> str:
    start, end = cue.clause
    remove = [
        (_with_preposition(text, phrase.start), phrase.end)
        for phrase in (cue.date, cue.time)
        if phrase is not None and start <= phrase.start < end
    ]
    if time_span is not None:
        remove.append(time_span)
    if cue.predicate[:1].isupper():
        title = _noun_title(text, cue, mentions)
        if " " not in title:  # a bare "Festnahme": the clause says more
            words = _strip(text, start, end, remove).split()[:MAX_WORDS]
            title = " ".join(words) if cue.word in words else title
        return _finish(title) or cue.predicate
    subject = _subject(text, cue, mentions)
    aux = _AUX_BEFORE.search(text[start : cue.start])
    title = None
    if subject is not None:
        s_start, s_end, _actor = subject
        who = text[s_start:s_end]
        partner = _partner(text, s_end, cue, mentions)
        if partner is not None:  # "Keller und Maier": both, and the verb in the plural
            who, s_end = f"{who} und {text[partner[0] : partner[1]]}", partner[1]
        if cue.finite and aux is None:
            # "Am Samstag unterzeichnete Keller das Gesetz" -> "Keller unterzeichnet das Gesetz"
            verb = cue.predicate if partner else present_tense(cue.word, cue.predicate)
            # a subject after the verb takes its role title with it ("ernannte
            # Ministerpräsidentin Anna Keller die Juristin …")
            subject_span = (cue.end, s_end) if s_start > cue.start else (s_start, s_end)
            words = _strip(text, cue.end, end, [*remove, subject_span]).split()
            if s_start > cue.start and re.match(r"\s+sich\b", text[cue.end : s_start]):
                words.insert(0, "sich")  # "weigerte sich Präsidentin Keller": reflexive
            particle = ""
            if words and cue.predicate.startswith(words[-1]) and words[-1] != cue.predicate:
                particle = words.pop()
            if len(words) > MAX_WORDS - 3:
                particle = ""  # a cut clause loses its end, and the particle with it
            title = " ".join([who, verb, *words[: MAX_WORDS - 3], particle])
        elif aux is not None and aux.group(0) in _PERFECT_AUX:
            # "Keller hat einen Vertrag unterzeichnet" -> "Keller unterzeichnet einen Vertrag"
            verb, particle = conjugate(cue.predicate)
            if partner is not None:
                verb = cue.predicate[len(particle) :]
            after = max(s_end, start + aux.end()) if s_start < cue.start else start + aux.end()
            words = _strip(text, after, cue.start, [*remove, (s_start, s_end)]).split()
            if "sich" not in words and re.search(r"\bsich\b", text[start + aux.end() : cue.start]):
                words.insert(0, "sich")  # "haben sich CDU und SPD geeinigt": reflexive
            passive = _passive(text, cue, aux.group(0), partner is not None)
            if passive is not None:
                verb, particle = passive
            title = " ".join([who, verb, *words[-(MAX_WORDS - 3) :], particle])
    if title is None and _relative_clause(text[start:end]) and not cue.finite:
        # ", der im Juni geschlossen wurde": the antecedent and the participle
        antecedent = re.findall(r"[A-ZÄÖÜ][\wäöüß-]+", text[:start])
        if antecedent:
            title = f"{antecedent[-1]} {cue.word}"
    if title is None and aux is not None and aux.group(0) in _PERFECT_AUX:
        title = _perfect_title(text, cue, aux, remove)
    if title is None:
        words = _strip(text, start, end, remove).split()
        # "Am Montag stürzte …": the date stood where the subject goes
        fronted = any(start <= r_start < cue.start for r_start, _ in remove)
        if cue.finite:
            present = present_tense(cue.word, cue.predicate)
            words = [present if w == cue.word else w for w in words]
        # or an adverb that a title leaves out ("Demnach akzeptiert der Klub …")
        opened = _LEADING.sub("", " ".join(words)).split()
        fronted = fronted or len(opened) < len(words)
        if fronted and opened and cue.finite and opened[0] == present:
            words = _subject_first(opened, present)
        elif fronted and opened and opened[0] in _FINITE_AUX:
            words = _subject_first(opened, opened[0])  # "Ab 2027 wird das Modell … gefertigt"
        title = " ".join(_AUX_PRESENT.get(w, w) for w in words[:MAX_WORDS])
    keep = cue.predicate[: len(cue.predicate) - len(verb_lemma(cue.word) or cue.predicate)]
    last = title.split()[-1] if title and title.split() else ""
    if not keep and last != cue.predicate and cue.predicate.startswith(last):
        keep = last  # "Keller ist zurückgetreten" -> "Keller tritt zurück": the particle stays
    return _finish(title, keep) or _finish(text[start:end], keep) or cue.predicate


def _relative_clause(clause: str) -> bool:
    """``, der im Juni geschlossen wurde``: a pronoun opens it and a finite auxiliary ends it;
    ``die Wahl ist für den 9. Mai angepeilt`` opens with an article."""
    words = re.findall(r"[\wäöüÄÖÜß]+", clause)
    return bool(_RELATIVE.match(clause)) and bool(words) and words[-1] in _FINITE_AUX_FORMS


def _perfect_title(text: str, cue: CueMatch, aux: re.Match[str], remove: list) -> str | None:
    """``Die Gespräche hatten am Montag begonnen`` → ``Die Gespräche beginnen``; ``Am Montag
    haben die Beschäftigten die Arbeit niedergelegt`` → ``Die Beschäftigten legen die Arbeit
    nieder``: a clause in the perfect without an actor as subject, in the present, its
    subject first (a noun phrase before the auxiliary, or right after it)."""
    start = cue.clause[0]
    before = _strip(text, start, start + aux.start(), remove).split()
    before = _LEADING.sub("", " ".join(before)).split()
    middle = _strip(text, start + aux.end(), cue.start, remove).split()
    if not before:
        if not middle or middle[0].lower() not in _NOMINATIVE:
            return None
        phrase = _subject_first([aux.group(0), *middle], aux.group(0))
        if phrase[0] == aux.group(0):
            return None  # no subject found
        cut = phrase.index(aux.group(0))
        before, middle = phrase[:cut], phrase[cut + 1 :]
    elif (
        before[0].lower() in _PREPOSITIONS
        or not before[0][:1].isupper()
        or before[0].lower() in _NOT_NOMINATIVE
        or (len(before) > 1 and before[1] in _TIME_NOUNS)
    ):
        return None  # a fronted phrase ("In Hannover ist …", "Drei Tage nach … ist …")
    plural = aux.group(0) in ("haben", "hatten", "sind", "waren")
    verb, particle = conjugate(cue.predicate)
    if plural:
        verb = cue.predicate[len(particle) :]
    passive = _passive(text, cue, aux.group(0), plural)
    if passive is not None:
        verb, particle = passive
    room = max(0, MAX_WORDS - len(before) - 2)
    return " ".join([*before, verb, *middle[:room], particle])


def _passive(text: str, cue: CueMatch, aux: str, plural: bool) -> tuple[str, str] | None:
    """The present of a passive, as (auxiliary, participle): ``ist … gewählt worden`` →
    ``wird gewählt``; ``ist gewählt``, ``ist gesperrt`` (a verb whose perfect takes
    ``haben``) is a state → ``ist gewählt``. None for an active perfect."""
    if re.match(r"\s*worden\b", text[cue.end : cue.clause[1]]):
        return ("werden" if plural else "wird"), cue.word
    if aux in _SEIN and not perfect_with_sein(cue.predicate):
        return ("sind" if plural else "ist"), cue.word
    return None


def _with_preposition(text: str, start: int) -> int:
    """Where a date phrase starts with its preposition: ``am`` in ``am 20. März``."""
    match = re.search(
        r"\b(?:(?:am|um|im|gegen|seit|ab|bis|vom|zum|für|auf|an|in|nach|vor|aus|zu)"
        r"(?:\s+(?:den|dem|der|das|die))?(?:\s+Jahre?n?)?|Anfang|Mitte|Ende)\s+$",
        text[:start],
        re.IGNORECASE,  # "Am 10. September", "Ab 2027" open a sentence
    )
    return match.start() if match else start


def _noun_title(text: str, cue: CueMatch, mentions: list[tuple[int, int, Actor]]) -> str:
    """``Besuch von Anna Keller in Portugal``: the news noun, who, and where."""
    start, end = cue.clause
    people = [
        m
        for m in mentions
        if start <= m[0] < end
        and m[2].kind in ("person", "organisation")
        and text[m[0] : m[1]][:1].isupper()
    ]
    places = [
        m
        for m in mentions
        if cue.end <= m[0] < end
        and m[2].kind in ("place", "state")
        and re.search(r"\b(?:in|im|nach)\s+(?:der\s+|dem\s+|den\s+)?$", text[cue.end : m[0]])
        and text[m[0] : m[1]][:1].isupper()
    ]
    parts = [cue.word if cue.word.lower().endswith(cue.predicate.lower()) else cue.predicate]
    persons = [m for m in people if m[2].kind == "person"]
    if persons:
        parts.append(f"von {persons[0][2].name}")
    if places:
        place = places[0]
        preposition = re.search(
            r"\b(?:in|im|nach)\s+(?:der\s+|dem\s+|den\s+)?$", text[cue.end : place[0]]
        )
        parts.append(f"{preposition.group(0).strip()} {text[place[0] : place[1]]}")  # type: ignore[union-attr]
    return " ".join(parts)


def present_tense(word: str, lemma: str) -> str:
    """``unterzeichnete`` → ``unterzeichnet``, ``einigten`` → ``einigen``, ``nahm`` → ``nimmt``."""
    base = lemma
    for particle_length in range(2, 8):
        if lemma[particle_length:] and lemma_table().get(word) == lemma[particle_length:]:
            base = lemma[particle_length:]  # "nahm … fest": the verb without its particle
            break
    stem = base[:-2] if base.endswith("en") else base[:-1]
    if word in (stem + "t", stem + "et"):
        return word  # already the present (or a participle of the same form)
    if word in (stem + "te", stem + "ete"):
        return word[:-1]
    if word in (stem + "ten", stem + "eten"):
        return base
    if verb_lemma(word) is None or word.startswith("ge") or word == base:
        return word
    if word.endswith("en"):
        return base  # a plural: "nahmen" -> "nehmen"
    return _third_person(base)


def conjugate(lemma: str) -> tuple[str, str]:
    """Third person singular present of an infinitive, separable particle apart:
    ``festnehmen`` → (``nimmt``, ``fest``), ``treffen`` → (``trifft``, ``)."""
    from ..analyse.events import _vocabulary

    particle = ""
    base = lemma
    for candidate in sorted(_vocabulary()["particles"], key=len, reverse=True):
        rest = lemma[len(candidate) :]
        if lemma.startswith(candidate) and len(rest) > 3 and rest in _verbs():
            particle, base = candidate, rest
            break
    return _third_person(base), particle


_INSEPARABLE = (
    "hinter",
    "wider",
    "unter",
    "über",
    "miss",
    "emp",
    "ent",
    "ver",
    "zer",
    "be",
    "er",
    "ge",
)
# strong verbs whose present the lemma table cannot give by a vowel shift
_IRREGULAR = {
    "nehmen": "nimmt", "treten": "tritt", "geben": "gibt", "wissen": "weiß", "tun": "tut",
    "lassen": "lässt", "fallen": "fällt",  # the table gives "fällt" to "fällen"
}  # fmt: skip


def _third_person(base: str) -> str:
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    stem = base[:-2] if base.endswith("en") else base[:-1]
    needs_e = stem.endswith(("t", "d", "chn", "chm")) or bool(
        re.search(r"[^aeiouäöülrhmn][mn]$", stem)
    )
    regular = stem + ("et" if needs_e else "t")
    forms = {**_present_forms(), **_IRREGULAR}
    if base not in forms:  # "erfahren": the prefix and the present of "fahren"
        for prefix in _INSEPARABLE:
            if base.startswith(prefix) and base[len(prefix) :] in forms:
                return prefix + forms[base[len(prefix) :]]
    return forms.get(base, regular)


def _verbs() -> frozenset[str]:
    from ..analyse.events import verb_lemmas

    return verb_lemmas()


@lru_cache(maxsize=1)
def _present_forms() -> dict[str, str]:
    """Third person singular present of strong verbs (``nimmt``), derived from the lemma
    table when it was compiled (:func:`present_forms_of`)."""
    forms: dict[str, str] = table_facts()["present_forms"]
    return forms


def present_forms_of(lemmas: Mapping[str, str]) -> dict[str, str]:
    """Third person singular present of strong verbs, from a whole lemma table.

    Of a verb's forms ending in -t, the second person plural forms are left out: their
    stem plus -en is another form of the same verb (``fuhrt``/``fuhren``, ``fahrt``/``fahren``).
    """
    forms: dict[str, list[str]] = {}
    for form, lemma in lemmas.items():
        if (
            form.endswith("t")
            and (not form.endswith(("st", "et")) or form.endswith(("sst", "ßt")))  # "lässt"
            and not form.startswith("ge")
            and lemma.endswith("en")
            and form[:1].islower()
            and len(form) <= len(lemma) + 1
        ):
            plural = form[:-1] + "en"
            if plural == lemma or lemmas.get(plural) == lemma:
                continue
            if form in _vowel_shifts(lemma[:-2]):
                forms.setdefault(lemma, []).append(form)
    return {lemma: found[0] for lemma, found in sorted(forms.items()) if len(found) == 1}


def _vowel_shifts(stem: str) -> set[str]:
    """Present forms with the stem vowel changed: ``treff`` → ``trifft``, ``fahr`` → ``fährt``."""
    shifts = {"e": ("i", "ie"), "a": ("ä",), "o": ("ö",), "au": ("äu",)}
    match = re.search(r"au|[aeo]", stem)
    if match is None:
        return set()
    return {
        stem[: match.start()] + new + stem[match.end() :] + ending
        for new in shifts[match.group(0)]
        for ending in ("t", "et", *([""] if stem.endswith("t") else []))  # "hält", "gilt"
    }


def _subject(
    text: str, cue: CueMatch, mentions: list[tuple[int, int, Actor]]
) -> tuple[int, int, Actor] | None:
    start, end = cue.clause
    inside = [
        m
        for m in mentions
        if start <= m[0] < end
        and m[2].kind != "place"
        and text[m[0] : m[1]][:1].isupper()
        and text[m[1] : m[1] + 1] != "-"  # "Larimo-Chef Name": the first part of a compound
    ]
    before = [
        m
        for m in inside
        if m[1] <= cue.start and not _PREPOSITION_BEFORE.search(text[start : m[0]])
    ]
    if before:
        return _whole_phrase(text, before[0], cue)
    after = [m for m in inside if m[0] >= cue.end and len(text[cue.end : m[0]].split()) <= 4]
    return _whole_phrase(text, after[0], cue) if after else None


# what a subject goes on with: a genitive ("der Ausschuss des Landtags") or, after a name in
# the genitive, the noun it belongs to ("Kellers Abflug")
_GENITIVE_AFTER = re.compile(r"\s+des\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\w-]*")
_OWNED_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß-]+")


def _whole_phrase(
    text: str, mention: tuple[int, int, Actor], cue: CueMatch
) -> tuple[int, int, Actor]:
    """A subject's mention with the words of its noun phrase that follow it."""
    m_start, m_end, actor = mention
    limit = cue.start if m_end <= cue.start else cue.clause[1]
    written = text[m_start:m_end]
    owned = _OWNED_AFTER.match(text, m_end, limit)
    if written.endswith("s") and not actor.name.endswith("s") and owned:
        return m_start, owned.end(), actor  # "Kellers Abflug verschob sich"
    genitive = _GENITIVE_AFTER.match(text, m_end, limit)
    if genitive:
        return m_start, genitive.end(), actor  # "der Innenausschuss des Landtags"
    return mention


def _partner(
    text: str, end: int, cue: CueMatch, mentions: list[tuple[int, int, Actor]]
) -> tuple[int, int, Actor] | None:
    """The second of two coordinated subjects: ``Keller und der Landrat Maier``."""
    for m in mentions:
        if end < m[0] < cue.start or (cue.end <= end < m[0] < cue.clause[1]):
            if not text[m[0] : m[1]][:1].isupper():
                continue  # "der nordkoreanische Staatschef …": an adjective, read on
            if re.match(r"\s+und\s+(?:\S+\s+){0,3}$", text[end : m[0]]):
                return m
            return None
    return None


def _subject_first(words: list[str], verb: str) -> list[str]:
    """A clause that opens with its verb once the date is gone (``Am Montag stürzte in
    Kellstadt die marode Brücke ein``) takes its subject, the first noun phrase in the
    nominative that no preposition governs, to the front: ``Die marode Brücke stürzt in
    Kellstadt ein``."""
    if not words or words[0] != verb:
        return words
    plural = verb.endswith("en") or verb in ("sind", "waren")
    for index in range(1, min(len(words), MAX_WORDS)):
        determiner = words[index].lower()
        if determiner not in _NOMINATIVE or words[index - 1].lower() in _PREPOSITIONS:
            continue
        if determiner == "der" and index > 1 and words[index - 1][:1].isupper():
            continue  # "44 Prozent der Wahlberechtigten": a genitive
        if plural and determiner not in ("die", "keine"):
            continue  # "haben Retter eine Frau …": the verb's number rules it out
        for noun in range(index + 1, min(len(words), index + 5)):
            if not words[noun][:1].isupper():
                if words[noun][:1].isalpha() and not words[noun].endswith((",", ".")):
                    continue  # an adjective ("marode")
                break
            last = noun + 1  # a name goes on: "die Casa del Sol", "die Rote Fabrik"
            while last < len(words) and (
                words[last][:1].isupper()
                or (
                    words[last] in _NAME_PARTICLES
                    and last + 1 < len(words)
                    and words[last + 1][:1].isupper()
                )
            ):
                last += 2 if words[last] in _NAME_PARTICLES else 1
            last = _genitive_end(words, last)  # "die Zahl der Toten": the subject's genitive
            phrase = words[index:last]
            phrase[0] = phrase[0][:1].upper() + phrase[0][1:]
            phrase[-1] = phrase[-1].rstrip(".,;:")  # the sentence's end stays at the end
            return [*phrase, verb, *words[1:index], *words[last:]]
        return words
    return words


def _strip(text: str, start: int, end: int, remove: list[tuple[int, int]]) -> str:
    kept = []
    position = start
    for r_start, r_end in sorted(remove):
        if r_end <= position or r_start >= end:
            continue
        kept.append(text[position:r_start])
        position = max(position, r_end)
    kept.append(text[position:end])
    words = " ".join(" ".join(kept).split())
    words = re.sub(r"\b(?:am|um|im|gegen|seit)\s*(?=[,.;]|$)", "", words)
    return " ".join(words.split())


def _finish(title: str, particle: str = "") -> str:
    stop_words = german_stop_words()
    title = _ASIDE.sub("", title)  # "Anna Keller (45)": no part of what happened
    title = _LEADING.sub("", title.strip())
    title = _TRAILING.sub("", title).strip(" .,;:„“\"'()")
    words = title.split()
    while (
        len(words) > 2
        and words[-1].lower() in stop_words
        and words[-1] not in (particle, "sich")  # "Die Parteien einigen sich"
        and (words[-1] in _FINITE_AUX or verb_lemma(words[-1]) is None)  # "Keller sagt"
    ):
        words.pop()  # "… kurz nach": a cut clause ends on a content word
    title = " ".join(words).strip(" .,;:„“\"'()")
    if not title:
        return ""
    return title[0].upper() + title[1:]
