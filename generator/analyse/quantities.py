"""Numbers with their unit noun and hedge: ``rund 10.000 Soldaten`` → 10000 Soldat ≈.

German number formats are parsed with Babel (``parse_decimal(..., locale="de",
strict=True)``), never with ``float()``, which would read ``10.000`` as ten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from ..model import Hedge
from .lookups import lemma_table

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_WORD_NUMBERS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "hundert": 100,
    "tausend": 1000,
    "dutzend": 12,
    "dutzende": 12,
}
_MULTIPLIERS = {
    "tausend": 1_000,
    "Tausend": 1_000,
    "Mio.": 1_000_000,
    "Million": 1_000_000,
    "Millionen": 1_000_000,
    "Mrd.": 1_000_000_000,
    "Milliarde": 1_000_000_000,
    "Milliarden": 1_000_000_000,
    "Billion": 1_000_000_000_000,
    "Billionen": 1_000_000_000_000,
}
_HEDGES: list[tuple[str, Hedge]] = [
    ("mehr als", "more"),
    ("weit mehr als", "more"),
    ("über", "more"),
    ("mindestens", "more"),
    ("gut", "more"),
    ("knapp über", "more"),
    ("weniger als", "less"),
    ("unter", "less"),
    ("höchstens", "less"),
    ("bis zu", "less"),
    ("knapp", "less"),
    ("fast", "less"),
    ("beinahe", "less"),
    ("nahezu", "less"),
    ("rund", "approx"),
    ("etwa", "approx"),
    ("circa", "approx"),
    ("ca.", "approx"),
    ("ungefähr", "approx"),
    ("schätzungsweise", "approx"),
    ("annähernd", "approx"),
    ("geschätzt", "approx"),
]
_HEDGE_PATTERN = "|".join(re.escape(h) for h, _ in sorted(_HEDGES, key=lambda h: -len(h[0])))
_QUANTITY = re.compile(
    rf"(?:(?P<hedge>(?i:{_HEDGE_PATTERN}))\s+)?"
    rf"(?<![\w.,:])(?P<number>{_NUMBER}|(?i:" + "|".join(_WORD_NUMBERS) + r"))(?!:\d)"
    rf"(?:\s*(?:bis|-|–)\s*(?P<upper>{_NUMBER}))?"
    r"(?:\s+(?P<multiplier>" + "|".join(re.escape(m) for m in _MULTIPLIERS) + r"))?"
    r"(?:\s+(?P<qualifier>[a-zäöüß][\wäöüß\-]*(?:e|en|er|es|em)))?"
    r"\s*(?P<unit>%|Prozent|[A-ZÄÖÜ][\wäöüß\-]+)"
)
_HEDGE_KIND = dict(_HEDGES)
# "Die Zahl der Toten stieg auf 205": the number counts the noun after "Zahl der"
_COUNT_OF = re.compile(r"\bZahl\s+der\s+(?P<unit>[A-ZÄÖÜ][\wäöüß-]+)")
_BARE = re.compile(
    rf"\b(?:auf|von|um)\s+(?:(?P<hedge>(?i:{_HEDGE_PATTERN}))\s+)?"
    rf"(?P<number>{_NUMBER}|(?:" + "|".join(_WORD_NUMBERS) + r"))\b(?![\d.,]*\s*[%A-ZÄÖÜ])"
)
# "die Union mit 41, die Liberalen mit 9 bis 10 Sitzen", "Die Polizei sprach von 5.000 Teilnehmern,
# die Veranstalter von 20.000": a number without a noun after a preposition, ending its phrase
_WORDS = "|".join(_WORD_NUMBERS)
_ELLIPTIC = re.compile(
    rf"\b(?:mit|auf|bei|von)\s+(?:(?P<hedge>(?i:{_HEDGE_PATTERN}))\s+|"
    r"(?:nur|lediglich|gerade\s+einmal|gerade\s+mal|noch|sogar)\s+)?"
    rf"(?P<number>{_NUMBER}|(?:{_WORDS}))(?:\s*(?:bis|-|–)\s*(?P<upper>{_NUMBER}))?"
    r"(?=\s*(?:[,;.)–]|und\b|oder\b|$))"
)
# "… entfallen 41 auf die Union, 9 auf die Liberalen": a number distributed to a named receiver
_DISTRIBUTED = re.compile(
    rf"(?<![\w.,:])(?P<number>{_NUMBER}|(?:{_WORDS}))(?=\s+(?:auf|an)\s+(?:die|den|das|der)\s+[A-ZÄÖÜ])"
)
# a number without a noun is read as the list's unit only within this factor of its figures
_ELLIPTIC_RANGE = 20
# "68 Verletzte, 15 von ihnen schwer": the share of the unit before
_OF_THEM = re.compile(
    rf"(?:(?P<hedge>(?i:{_HEDGE_PATTERN}))\s+)?(?<![\w.,])(?P<number>{_NUMBER}|(?i:"
    + "|".join(_WORD_NUMBERS)
    + r"))\s+(?:von\s+ihnen|davon)\s+(?P<degree>schwerst|schwer|lebensgefährlich)"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number stated in a sentence, with what it counts and how sure the source is."""

    value: float
    upper: float | None
    unit: str
    hedge: Hedge
    phrase: str
    start: int
    end: int
    unit_text: str = ""
    qualifier: str | None = None


@lru_cache(maxsize=1)
def _german() -> Locale:
    return Locale.parse("de")  # once: parsing the name on each call was a third of the call


def parse_number(text: str) -> float:
    """A German number (``10.000``, ``1,5``, ``zehn``) as a float; ValueError if it is none."""
    lower = text.lower()
    if lower in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[lower])
    try:
        return float(parse_decimal(text, locale=_german(), strict=True))
    except NumberFormatError:
        raise ValueError(f"not a German number: {text!r}") from None


def lemma_of(word: str) -> str | None:
    """The lookup table's base form of a word, or None where the table does not know it."""
    return lemma_table().get(word)


def unit_lemma(word: str) -> str:
    """The base form of a unit noun: ``Soldaten`` → ``Soldat``, ``%`` → ``Prozent``."""
    if word == "%":
        return "Prozent"
    lemma = lemma_table().get(word)
    if lemma is not None and lemma != word and lemma[:1].isupper():
        return lemma
    from .lexicon import load_lexicon

    nouns = load_lexicon().common_nouns
    for ending in ("en", "n", "e", "er", "s"):
        stem = word[: -len(ending)]
        if ending in ("en", "n", "er", "s") and word.endswith(ending) and word in nouns:
            # a base form the lemma table does not list: an agent noun ("Mitarbeiter", not a
            # plural of "Arbeit"), a noun in -en ("Schaden", not "Schade") or -s ("Kurs")
            break
        if word.endswith(ending) and stem in nouns:
            return stem
    return word


def find_quantities(
    text: str, skip: list[tuple[int, int]] | None = None, context: Quantity | None = None
) -> list[Quantity]:
    """Numbers with a unit noun in one sentence; spans in ``skip`` (dates) are left out.

    ``context`` is the figure of the sentence before in the same paragraph: a number
    without a noun that follows it (``Die Veranstalter kamen auf 20.000``) counts its unit."""
    found = []
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if skip and any(start < s_end and s_start < end for s_start, s_end in skip):
            continue
        unit = match["unit"]
        if unit[:1].isupper() and unit in _MULTIPLIERS:
            continue
        try:
            value = parse_number(match["number"])
            upper = parse_number(match["upper"]) if match["upper"] else None
        except ValueError:
            continue
        if match["multiplier"]:
            factor = _MULTIPLIERS[match["multiplier"]]
            value *= factor
            upper = upper * factor if upper is not None else None
        hedge_word = (match["hedge"] or "").lower()
        hedge: Hedge = "range" if upper is not None else _HEDGE_KIND.get(hedge_word, "exact")
        found.append(
            Quantity(
                value=value,
                upper=upper,
                unit=unit_lemma(unit.rstrip("-")),
                hedge=hedge,
                phrase=match.group(0),
                start=start,
                end=end,
                unit_text=unit.rstrip("-"),
                qualifier=match["qualifier"],
            )
        )
    found.extend(_implicit_units(text, found, skip or []))
    found.extend(_elliptic(text, found, skip or [], context))
    return sorted(found, key=lambda q: q.start)


def _implicit_units(
    text: str, found: list[Quantity], skip: list[tuple[int, int]]
) -> list[Quantity]:
    """Numbers whose unit is elsewhere: ``Zahl der Toten … auf 205``, ``15 von ihnen schwer``."""
    taken = [(q.start, q.end) for q in found] + skip
    extra = []

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken)

    count_of = _COUNT_OF.search(text) if "Zahl der" in text else None
    if count_of is not None:
        for match in _BARE.finditer(text, count_of.end()):
            if not free(match.start("number"), match.end()):
                continue
            extra.append(_implicit(match, count_of["unit"], count_of["unit"]))
    for match in _OF_THEM.finditer(text) if ("von ihnen" in text or "davon" in text) else ():
        if free(match.start("number"), match.end("number")):
            extra.append(_implicit(match, "Schwerverletzte", "Schwerverletzte"))
    return [q for q in extra if q is not None]


def _elliptic(
    text: str, found: list[Quantity], skip: list[tuple[int, int]], context: Quantity | None
) -> list[Quantity]:
    """Numbers of a list whose noun is written once: ``die Union mit 41, die Grünen mit 6
    Sitzen`` (the nearest figure after it, else before it); with no figure in the
    sentence, the figure of the sentence before in the paragraph."""
    if not found and context is None:
        return []
    taken = [(q.start, q.end) for q in found] + skip
    extra = []
    matches = list(_ELLIPTIC.finditer(text))
    if found:
        matches += _DISTRIBUTED.finditer(text)
    for match in sorted(matches, key=lambda m: m.start()):
        span = (match.start("number"), match.end())
        if any(span[0] < t_end and t_start < span[1] for t_start, t_end in taken):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", match["number"]):
            continue  # a year
        after = [q for q in found if q.start >= span[1]]
        before = [q for q in found if q.end <= span[0]]
        model = after[0] if after else (before[-1] if before else context)
        if model is None:
            continue
        quantity = _implicit(match, model.unit, model.unit_text)
        if quantity is None or not (
            model.value / _ELLIPTIC_RANGE <= quantity.value <= model.value * _ELLIPTIC_RANGE
        ):
            continue
        upper = match.groupdict().get("upper")
        if upper:
            try:
                quantity = replace(quantity, upper=parse_number(upper), hedge="range")
            except ValueError:
                continue
        taken.append(span)
        extra.append(quantity)
    return extra


def _implicit(match: re.Match[str], unit: str, unit_text: str) -> Quantity | None:
    try:
        value = parse_number(match["number"])
    except ValueError:
        return None
    hedge_word = (match.groupdict().get("hedge") or "").lower()
    return Quantity(
        value=value,
        upper=None,
        unit=unit_lemma(unit),
        hedge=_HEDGE_KIND.get(hedge_word, "exact"),
        phrase=match.group(0),
        start=match.start(),
        end=match.end(),
        unit_text=unit_text,
    )
