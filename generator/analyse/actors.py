"""Rule-and-lexicon recognition of actors in German news text.

The recogniser finds candidate mentions sentence by sentence; resolving them into
actors (aliases, surnames, a bare ``Park``) is the job of :mod:`generator.reconcile.actors`,
which sees the whole dossier.

Signals, strongest first: the world-knowledge lexicon (states, capitals,
organisations, also inside hyphenated compounds), role cues before or after a
name (``Außenminister …``, ``…, Sprecher des …``), given names, institution nouns
with a demonym (``das französische Parlament``), place cues (``in der Region …``) and,
weakest, capitalised words that are neither common nouns nor normally written in
lower case.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..model import ActorKind, Sentence, Source
from .clusters import ClusterClasses, load_cluster_classes
from .dates import find_dates
from .events import verb_lemmas
from .lexicon import Entry, Lexicon, currency_words, load_lexicon, load_vocabulary
from .lookups import lemma_table

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

T = TypeVar("T")
Evidence = str  # lexicon | cue | apposition | given-name | pattern | capital | adjective | unknown


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A span that may name an actor, with what the recogniser thinks it is."""

    source: str
    sentence: str
    start: int
    end: int
    text: str
    kind: ActorKind | None  # None: a name of unknown kind, resolved across the dossier
    name: str  # the name in base form (genitive -s removed where recognisable)
    key: str | None = None  # lexicon key for known entities (``state:RU``)
    role: str | None = None
    evidence: Evidence = "unknown"


class Recogniser(Protocol):
    """Anything that finds candidate actor mentions in a source."""

    def recognise(self, source: Source) -> list[Candidate]: ...


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    space: bool  # followed by whitespace


# numbered roads: the words that name their kind, and their codes ("A 7", "B216")
_ROAD_WORDS = {"Autobahn": "A", "Bundesautobahn": "A", "Bundesstraße": "B"}
# where motorways meet: named for a town after them, the short ones also before them
_JUNCTIONS = ("Kreuz", "Dreieck", "Autobahnkreuz", "Autobahndreieck")
_ROAD_CODE = re.compile(r"(?P<kind>[AB])(?P<number>[1-9]\d{0,2})?")
_ROAD_NUMBER = re.compile(r"[1-9]\d{0,2}\.?")


def _road_number(tokens: list[_Token], j: int) -> str | None:
    """The number of a road at token ``j`` (``7``, or ``7.`` where it ends the sentence)."""
    if j >= len(tokens) or not _ROAD_NUMBER.fullmatch(tokens[j].text):
        return None
    return tokens[j].text.removesuffix(".")


# German vocabulary of the rules, from generator/data/vocabulary.yml
_VOCABULARY = load_vocabulary()
_LOCATIVE = frozenset(_VOCABULARY["locative"])
_NAME_PARTICLES = frozenset(_VOCABULARY["name_particles"])
_INSTITUTIONS = dict(_VOCABULARY["institutions"])
_ORG_CUES = frozenset(_VOCABULARY["org_cues"])
_MEDIA_CUES = frozenset(_VOCABULARY["media_cues"])
_MEDIA_SUFFIXES = tuple(_VOCABULARY["media_suffixes"])
_OPENING_QUOTES = {"„": "“", "»": "«", '"': '"', "«": "»", "“": "”", "‚": "‘"}
_TITLE_ARTICLES = frozenset({"Der", "Die", "Das"})
_TITLE_WORDS = 5  # "Welt am Sonntag", "Frankfurter Allgemeine Sonntagszeitung"
_SENTENCE_MARKS = frozenset({".", "!", "?", ":", ";"})
_ORG_CUES_PLURAL = frozenset(_VOCABULARY["org_cues_plural"])
_PLACE_CUES = frozenset(_VOCABULARY["place_cues"])
_PLACE_CUES_PLURAL = frozenset(_VOCABULARY["place_cues_plural"])
_NOT_NAMES = frozenset(_VOCABULARY["not_names"])
_ORG_SUFFIXES = tuple(_VOCABULARY["org_suffixes"])
_TRADE_SUFFIXES = tuple(_VOCABULARY["person_trade_suffixes"])
_PERSON_SUFFIXES = tuple(_VOCABULARY["person_suffixes"])
_BODY_SUFFIXES = tuple(_VOCABULARY["body_suffixes"])
_PLACE_SUFFIXES = tuple(_VOCABULARY["place_suffixes"])
_WEAK_PLACE_SUFFIXES = tuple(_VOCABULARY["weak_place_suffixes"])
_CLUB_PREFIXES = frozenset(_VOCABULARY["club_prefixes"])
_ORG_PREFIXES = frozenset(_VOCABULARY["org_prefixes"])
# ends of compounds that name a town or a body ("Rodenbach", "Volkspartei")
_NAME_TAILS = tuple(_VOCABULARY["toponym_tails"]) + _ORG_SUFFIXES + _BODY_SUFFIXES
_CLUB_YEAR = re.compile(r"\d\d\.?")  # "96" in "Hannover 96"
_CLUB_FOUNDED = re.compile(r"\d\d|1[89]\d\d")  # "01" in "SG 01 Höchst", "1860" in "TSV 1860 …"
_RANGE_WORDS = frozenset({"und", "bis", "oder", "-", "–", "/"})
_PLACE_PREFIXES = frozenset(_VOCABULARY["place_prefixes"])
_PLACE_HEADS = frozenset(_VOCABULARY["place_heads"])
_ORG_HEAD_WORDS = frozenset(_VOCABULARY["org_head_words"])
_FOREIGN_FUNCTION_WORDS = frozenset(_VOCABULARY["foreign_function_words"])
_ENGLISH_INSTITUTIONS = frozenset(_VOCABULARY["english_institution_heads"])
_NAME_TITLES = frozenset(_VOCABULARY["name_titles"])
_NOBILITY_TITLES = frozenset(_VOCABULARY["nobility_titles"])
_NAMED_THINGS = frozenset(_VOCABULARY["named_things"])
_NAMED_THING_STARTS = frozenset(thing.split()[0] for thing in _NAMED_THINGS)
_PERSON_CONTEXT = frozenset(_VOCABULARY["person_context"])
_PERSON_NOUNS = frozenset(_VOCABULARY["person_nouns"])
_DETERMINERS = frozenset(_VOCABULARY["determiners"])
# before a word that is a name and a noun, these make it the noun: "einige Male", "viele Bande"
_QUANTIFIERS = frozenset(
    (
        "einige", "viele", "mehrere", "manche", "etliche", "zahlreiche", "wenige", "unzählige",
        "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf",
    )
)  # fmt: skip
_GOVERNMENT_VERBS = tuple(_VOCABULARY["government_verbs"])
# lower-case words with an adjective's ending that are no adjective: prepositions and
# conjunctions, after which a town's name stands as it is ("zwischen Regen und Passau")
_NOT_ATTRIBUTES = frozenset(
    (
        "über", "unter", "hinter", "außer", "wider", "gegen", "neben", "zwischen", "binnen",
        "oben", "unten", "außen", "innen", "oder", "aber", "sondern", "weder", "entweder",
    )
)  # fmt: skip
_AUXILIARIES = frozenset(_VOCABULARY["auxiliaries"])
_GOVERNMENT_NOUNS = frozenset(_VOCABULARY["government_nouns"])
_SHORT_FUNCTION_WORDS = frozenset(_VOCABULARY["short_function_words"])
_UNITS = frozenset(_VOCABULARY["units"])
_PLACE_HEAD_NOUNS = dict(_VOCABULARY["place_head_nouns"])
_FOREIGN_PLACE_HEADS = frozenset(_VOCABULARY["foreign_place_heads"])
_AUTHORITY_HEADS = tuple(_VOCABULARY["authority_heads"])
_INSTITUTION_ACRONYMS = frozenset(_VOCABULARY["institution_acronyms"])
_LEGAL_FORMS = frozenset(_VOCABULARY["legal_forms"])
_UNIQUE_BODIES = tuple(_VOCABULARY["unique_bodies"])
# heads of associations named by their members: "Bundesverband deutscher Banken"
_ASSOCIATION_HEADS = tuple(_VOCABULARY["association_heads"])
_ACTION_HEADS = tuple(_VOCABULARY["action_heads"])
# endings of a noun joined to the next by an s: "Lebensrettungs-Gesellschaft"
_LINKED_NOUN_ENDINGS = ("ungs", "heits", "keits", "schafts", "tions", "täts")
_DESCRIBING_HEADS = tuple(_VOCABULARY["describing_heads"])
# heads of institutions named after a person: "Otto-Schott-Gymnasium", "Leopold-Museum"
_NAMED_AFTER_HEADS = frozenset(_VOCABULARY["named_after_heads"])
_NAMED_UNITS = frozenset(_VOCABULARY["named_units"])


def _genitive_forms(words: Iterable[str]) -> frozenset[str]:
    """The words and each form ``_strip_genitive`` may take back to one of them (``Vereins``,
    ``Bergers``, ``Berger’``): a set that passes over any other word at once."""
    return frozenset(form for word in words for form in (word, word + "s", word + "’", word + "'"))


_CUE_WORDS = _ORG_CUES | _PLACE_CUES | _NAMED_UNITS
# a cue in any form ("des Flusses", "des Vereines", plural cues before a list)
_CUE_FORMS = (
    _genitive_forms(_CUE_WORDS)
    | {word + "es" for word in _CUE_WORDS}
    | _ORG_CUES_PLURAL
    | _PLACE_CUES_PLURAL
)
_INSTITUTION_FORMS = _genitive_forms(_INSTITUTIONS)
_HEAD_FORMS = (
    _ORG_HEAD_WORDS | _FOREIGN_PLACE_HEADS | _PLACE_HEADS | _genitive_forms(_PLACE_HEAD_NOUNS)
)
# toponyms that after "im" or "am" say where in a town, not which town: "Hamburg im Norden"
_NOT_RIVERS = frozenset(
    (
        "Norden", "Süden", "Osten", "Westen", "Nordosten", "Nordwesten", "Südosten",
        "Südwesten", "Zentrum", "Umland", "Hafen", "Bahnhof", "Rathaus",
    )
)  # fmt: skip
_DIRECTIONS = frozenset(
    {
        "nördlich",
        "südlich",
        "östlich",
        "westlich",
        "nordöstlich",
        "nordwestlich",
        "südöstlich",
        "südwestlich",
    }
)
_LIST_WORDS = frozenset({",", "und", "sowie", "oder"})
_NAMED_AFTER_PEOPLE = tuple(_VOCABULARY["named_after_people"])
_THING_CUES = tuple(_VOCABULARY["thing_cues"])
_DEFINITE = frozenset(
    {"am", "beim", "das", "dem", "den", "der", "des", "die", "im", "ins", "vom", "zum", "zur"}
)
_CREDIT = re.compile(
    r"(?:^|(?<=[\s(]))(?:" + "|".join(_VOCABULARY["credit_marks"]) + r")\s*:\s*(?P<rest>.+)$"
)
_CREDIT_WORDS = 8  # a credit names a photographer and an agency, not a sentence
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")  # "Clarence E. Case"
_SENTENCE_OPENERS = frozenset({".", ":", "!", "?", "„", '"', "»", "«", "–", "-"})
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_SAINTS = frozenset({"St.", "Sankt", "Saint", "Sainte", "San", "Santa", "São"})
_ABBREVIATIONS = frozenset({"Co", "Corp", "Dr", "Inc", "Jr", "Ltd", "Mag", "Prof", "Sr", "St"})
_CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]{2,}[A-Za-z]*")
_CAMEL_PREFIXES = ("Mac", "Mc", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du")

_TRANSLITERATED_PART = re.compile(r"[A-Z][a-z]+-[a-z]+s?")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,7}$")
# short names with "für", "der" or "von" in small letters: "GfK", "BfV", "IfW"; not the
# codes of law ("StGB", "StPO")
# points of the compass that start the name of a part of a state or region, longest first
_COMPASS_PREFIXES = ("Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West",
                     "Zentral", "Mittel")  # fmt: skip
# the article that opens an apposition after a name: "Brandt, der Konzern aus …"
_APPOSITION_ARTICLES = frozenset(
    ("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "einem", "eines")
)
_INDEFINITE = frozenset(
    ("ein", "eine", "einer", "einem", "einen", "eines", "kein", "keine", "keiner", "keinem",
     "keinen", "keines", "jede", "jeder", "jedes", "jedem", "jeden")
)  # fmt: skip
_ARABIC_SURNAME = re.compile(r"(?:al|el|as|ash|at|ad|ar|az|an)-[A-ZÄÖÜ][\w'’]+")
_MIXED_ACRONYM = re.compile(r"(?!St[A-Z])[A-ZÄÖÜ][a-z]{1,2}[A-ZÄÖÜ]{1,3}")
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_STRONG_ENDING = {"m": "er", "f": "e", "n": "es"}
_FEATURE_SUFFIXES = tuple(_VOCABULARY["feature_suffixes"])
_ADJECTIVE_BODY_HEADS = tuple(_VOCABULARY["adjective_body_heads"])
_GENDER_ENDINGS = tuple(
    (ending, gender)
    for gender, endings in _VOCABULARY["noun_gender_endings"].items()
    for ending in endings
)
# an adjective's inflected form: "Syrische", "Deutscher", "Physikalisch-Technische"
_SMALL_ADJECTIVE = re.compile(r"[a-zäöüß]{2,}(?:e|er|en|es|em)")
_ADJECTIVE_FORM = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:e|er|en|es|em)")
_OFFSET_BYTES = array("I").itemsize  # of a token offset kept with its sentence
_MEMO_WORDS = 200_000  # per-word answers remembered; bounds memory in a long `mkdocs serve`


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    import spacy

    nlp = spacy.blank("de")
    # Only the tokens' text and offsets are read: computing lexical attributes (norm, shape,
    # stop word …) for each new word would cost a third of the tokenizer's time.
    nlp.vocab.lex_attr_getters = {}
    return nlp.tokenizer


def tokenize(text: str) -> list[_Token]:
    """spaCy's German tokens, with slashes split off (``APA/OGM``, ``Wien/Moskau``)."""
    tokens: list[_Token] = []
    for token in _tokenizer()(text):
        _add_token(tokens, token.text, token.idx, bool(token.whitespace_))
    return tokens


def sentence_tokens(sentence: Sentence) -> list[_Token]:
    """The sentence's tokens as :func:`tokenize` makes them: from the offsets that reading
    kept (for every sentence, heading and caption), else (a sentence made without them)
    tokenized now."""
    text = sentence.text
    whole = len(sentence.tokens) % (2 * _OFFSET_BYTES) == 0
    offsets = array("I", sentence.tokens) if whole else array("I")
    if not offsets or offsets[-1] > len(text):  # none kept, or not of this text
        return tokenize(text)
    tokens: list[_Token] = []
    for k in range(0, len(offsets), 2):
        start, end = offsets[k], offsets[k + 1]
        _add_token(tokens, text[start:end], start, text[end : end + 1] == " ")
    return tokens


def _add_token(tokens: list[_Token], text: str, start: int, space: bool) -> None:
    if "/" not in text or len(text) == 1:
        tokens.append(_Token(text, start, start + len(text), space))
        return
    parts = re.split(r"(/)", text)
    for index, part in enumerate(parts):
        if part:
            last = index == len(parts) - 1
            tokens.append(_Token(part, start, start + len(part), space if last else False))
        start += len(part)


@lru_cache(maxsize=_MEMO_WORDS)
def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and any(ch.isalpha() for ch in word)


def _strip_genitive(word: str, known: set[str] | None = None) -> str:
    """``Bergers`` -> ``Berger``, ``Parlaments`` -> ``Parlament`` (if known); keeps ``Lars``."""
    genitive = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "os"))
    if genitive and (known is None or word[:-1] in known):
        return word[:-1]
    if word.endswith(("’", "'")):
        return word[:-1]
    return word


class RuleRecogniser:
    """The embedded default recogniser: rules over the lexicon, no model."""

    def __init__(
        self, lexicon: Lexicon | None = None, clusters: ClusterClasses | None = None
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self._clusters = clusters
        self._adjective_states: dict[str, Entry | None] = {}
        self._noun_compounds: dict[str, bool] = {}

    @property
    def clusters(self) -> ClusterClasses:
        """Loaded on first use (2 s): reconciling, which asks the lexicon only, never needs it."""
        if self._clusters is None:
            self._clusters = load_cluster_classes()
        return self._clusters

    def recognise(self, source: Source) -> list[Candidate]:
        found: list[Candidate] = []
        for sentence in source.sentences:
            found.extend(self.recognise_sentence(source.id, sentence))
        return found

    def recognise_sentence(
        self, source_id: str, sentence: Sentence, tokens: list[_Token] | None = None
    ) -> list[Candidate]:
        """The candidates of one sentence (``tokens``: its tokens, if already made)."""
        if tokens is None:
            tokens = sentence_tokens(sentence)
        taken = [False] * len(tokens)
        found: list[Candidate] = []

        def emit(
            i: int,
            j: int,
            kind: ActorKind | None,
            name: str,
            *,
            key: str | None = None,
            role: str | None = None,
            evidence: str,
            start: int | None = None,
            end: int | None = None,
        ) -> None:
            begin = tokens[i].start if start is None else start
            finish = tokens[j - 1].end if end is None else end
            if end is None and _sentence_final_stop(tokens[j - 1].text):
                # "… kam Mathis Ruel.": the full stop ends the sentence, not an abbreviation
                finish -= 1
                name = name.removesuffix(".")
            found.append(
                Candidate(
                    source=source_id,
                    sentence=sentence.id,
                    start=begin,
                    end=finish,
                    text=sentence.text[begin:finish],
                    kind=kind,
                    name=name,
                    key=key,
                    role=role,
                    evidence=evidence,
                )
            )
            for k in range(i, j):
                taken[k] = True

        self._media_titles(tokens, taken, emit)  # "der Zeitung „Welt am Sonntag“"
        self._institutions(tokens, taken, emit)
        # "Amtsgericht Bad Homburg", "Staatsanwaltschaft Frankfurt am Main": before the town
        self._authorities(tokens, taken, emit)
        self._towns_by_their_river(tokens, taken, emit)
        self._toponym_phrases(tokens, taken, emit)
        self._lexicon_phrases(tokens, taken, emit)
        self._ampersand_names(tokens, taken, emit)
        self._english_institutions(tokens, taken, emit)
        self._dateline(tokens, taken, emit)
        self._roads(tokens, taken, emit)
        self._junctions(tokens, taken, emit)
        self._numbered_clubs(tokens, taken, emit)
        self._headed_names(tokens, taken, emit)
        self._adjective_bodies(tokens, taken, emit)
        self._associations(tokens, taken, emit)
        self._bodies_named_after_people(tokens, taken, emit)
        self._hyphenated_bodies(tokens, taken, emit)
        self._organisation_phrases(tokens, taken, emit)
        self._cue_phrases(tokens, taken, emit)
        self._compass_regions(tokens, taken, emit)
        self._names(tokens, taken, emit)
        self._adjectives(tokens, taken, emit)
        found = _kinds_from_lists(tokens, found)
        credit = _credit_start(sentence.text)
        found = [
            c
            for c in found
            if (credit is None or c.start < credit) and not self._agency_credit(sentence.text, c)
        ]
        return sorted(found, key=lambda c: (c.start, c.end))

    def _agency_credit(self, text: str, candidate: Candidate) -> bool:
        """``Berlin (dpa) –``, ``… / AFP``: a news agency as the source's credit, not an actor."""
        if candidate.name not in self.lexicon.news_agencies:
            return False
        before = text[: candidate.start].rstrip()
        after = text[candidate.end :].lstrip()
        if before.endswith("(") and self._named_before(before[:-1], candidate.name):
            return False  # "der Deutschen Presse-Agentur (dpa)": the short name of a mention
        return before.endswith(("(", "/")) or after.startswith((")", "/")) or not after

    def _named_before(self, before: str, name: str) -> bool:
        """The text before ends with a name of the entity ``name`` (up to four words)."""
        words = before.split()
        for length in range(1, min(4, len(words)) + 1):
            entry = self.lexicon.lookup(" ".join(words[-length:]))
            if entry is not None and entry.name == name:
                return True
        return False

    # -- known entities -------------------------------------------------------------

    def _media_titles(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``der Wochenzeitung Die Zeit``, ``der Zeitung „Die Welt“``, ``dem Magazin „Stern“``,
        ``die Literaturzeitschrift „Eckart“``: after a noun for a paper, magazine or
        broadcaster its title, also one made of ordinary words; in quotes, or unquoted as a
        capitalised article and one word."""
        for i in range(len(tokens) - 2):
            word = tokens[i].text
            if not word[:1].isupper() or word.endswith("-"):
                continue
            if _strip_genitive(word, _MEDIA_CUES) not in _MEDIA_CUES and not (
                _strip_genitive(word).lower().endswith(_MEDIA_SUFFIXES)
            ):
                continue
            span = self._quoted_title(tokens, i + 1) or self._article_title(tokens, i + 1)
            if span is None or any(taken[span[0] : span[1]]):
                continue
            title = _join(tokens[span[0] : span[1]])
            entry = self._listed_outlet(title)
            key = None if entry is None else entry.key
            name = title if entry is None else entry.name
            emit(*span, "organisation", name, key=key, evidence="cue")

    def _listed_outlet(self, title: str) -> Entry | None:
        """The lexicon's body a title names: also one of ordinary words, listed as ``Die Zeit
        (Wochenzeitung)``, or without its article (``Der Spiegel``)."""
        lexicon = self.lexicon
        entry = lexicon.lookup(title) or lexicon.titles.get(title)
        article, _, rest = title.partition(" ")
        if entry is None and rest and article in _TITLE_ARTICLES:
            entry = lexicon.lookup(rest)
        return entry if entry is not None and entry.kind == "organisation" else None

    def _quoted_title(self, tokens: list[_Token], k: int) -> tuple[int, int] | None:
        """``„Die Welt“`` at ``k``: the quoted words, if a short title (capitalised first word,
        no sentence mark inside)."""
        closing = _OPENING_QUOTES.get(tokens[k].text)
        if closing is None:
            return None
        end = k + 1
        while end < len(tokens) and tokens[end].text != closing:
            if end - k > _TITLE_WORDS or tokens[end].text in _SENTENCE_MARKS:
                return None
            end += 1
        if end >= len(tokens) or end == k + 1 or not _is_capitalised(tokens[k + 1].text):
            return None
        if end == k + 2 and tokens[k + 1].text in _TITLE_ARTICLES:
            return None  # „Die“: an article alone is no title
        return k + 1, end

    def _article_title(self, tokens: list[_Token], k: int) -> tuple[int, int] | None:
        """``Die Zeit`` at ``k``: a capitalised article inside the sentence, then one word."""
        if tokens[k].text not in _TITLE_ARTICLES or k + 1 >= len(tokens):
            return None
        word = tokens[k + 1].text
        if not _is_capitalised(word) or word in _NOT_NAMES or not word.isalpha():
            return None
        return k, k + 2

    def _lexicon_phrases(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        lexicon = self.lexicon
        i = 0
        while i < len(tokens):
            if taken[i] or not tokens[i].text[:1].isalpha():
                i += 1
                continue
            # lower-case names ("dpa", "taz") only as written in the lexicon
            exact_only = not _is_capitalised(tokens[i].text)
            match = None
            longest = (
                _phrase_reach(lexicon, tokens, i, min(lexicon.max_phrase_tokens, len(tokens) - i))
                if tokens[i].text.casefold() in lexicon.phrase_starts
                else 1  # no phrase of several words begins with this word
            )
            for length in range(longest, 0, -1):
                if any(taken[i : i + length]):
                    continue
                surface = _join(tokens[i : i + length])
                entry = lexicon.phrases.get(surface) if exact_only else lexicon.lookup(surface)
                if entry is not None:
                    match = (length, entry)
                    break
            if match is not None and match[0] == 1 and self._counted_noun(tokens, i):
                match = None
            if match is not None and match[0] == 1 and self._opens_other_club(tokens, taken, i):
                i += 1  # "VfB Lübeck": a known club's prefix alone opens another club's name
                continue
            if match is not None and self._given_name_before(tokens, i, match):
                # "Karin Henkel", "Hans Bosch": a first name makes the word a surname
                i += 1
                continue
            if self._after_name_prefix(tokens, taken, i) and (
                match is None or match[1].kind in ("place", "state")
            ):
                i += 1  # "AS Rom", "Air Berlin": the place names the club or the airline
                continue
            if match is not None:
                length, entry = match
                end = i + length
                if entry.kind == "organisation" and self._unit_acronym(tokens, taken, end):
                    # "Fraunhofer IAO", "Kellstadt-Gruppe KLT": one unit of the body, a
                    # body of its own
                    emit(i, end + 1, "organisation", _join(tokens[i : end + 1]), evidence="pattern")
                    i = end + 1
                    continue
                heads = (
                    self._english_heads(tokens, taken, end) if entry.kind == "organisation" else 0
                )
                if heads:
                    # "Sony Music", "Larimo Media Group": a company of the known one's group
                    last = end + heads
                    emit(i, last, "organisation", _join(tokens[i:last]), evidence="head")
                    i = last
                    continue
                named = (
                    self._english_named_after(tokens, taken, i, end)
                    if entry.kind in ("state", "place")
                    else 0
                )
                if named:
                    # "Kuwait National Airways", "Qatar Airways": a company named for its
                    # country or town, not the country
                    last = end + named
                    emit(i, last, "organisation", _join(tokens[i:last]), evidence="head")
                    i = last
                    continue
                capital = entry.kind == "state" and entry.via == "capital"
                emit(
                    i,
                    _with_legal_form(tokens, taken, end) if entry.kind == "organisation" else end,
                    entry.kind,
                    entry.name,
                    key=entry.key,
                    evidence="lexicon" if not capital else "capital",
                )
                i += length
                continue
            word = tokens[i].text
            if exact_only:
                i += 1
                continue
            shouted = self._shouted_place(word)
            if shouted is not None and shouted not in lexicon.capitals:
                # "BOCHUM. Die Stadt …": a dateline in capitals names the town
                emit(i, i + 1, "place", shouted, evidence="lexicon")
                i += 1
                continue
            word = shouted or word
            capital_entry = lexicon.capitals.get(word)
            if capital_entry is not None and self._counted_noun(tokens, i):
                i += 1
                continue
            if capital_entry is not None:
                if self._capital_is_government(
                    tokens, i, found_states=[c for c in range(i) if taken[c]]
                ):
                    emit(
                        i,
                        i + 1,
                        "state",
                        capital_entry.name,
                        key=capital_entry.key,
                        evidence="capital",
                    )
                else:
                    emit(
                        i,
                        i + 1,
                        "place",
                        _strip_genitive(word, set(lexicon.capitals)),
                        evidence="lexicon",
                    )
                i += 1
                continue
            if "-" in word:
                self._compound(i, tokens, emit)
            i += 1

    def _english_heads(self, tokens: list[_Token], taken: list[bool], k: int) -> int:
        """How many English head words of a company's name (``Music``, ``Media Group``)
        follow at ``k``; a legal form is no such word."""
        count = 0
        while (
            k + count < len(tokens)
            and not taken[k + count]
            and tokens[k + count].text in _ORG_HEAD_WORDS
            and tokens[k + count].text not in _LEGAL_FORMS
            and tokens[k + count].text.lower() in self.lexicon.english_words
        ):
            count += 1
        return count

    def _english_named_after(
        self, tokens: list[_Token], taken: list[bool], start: int, k: int
    ) -> int:
        """How many words at ``k`` go on a company's English name after a place's: at most
        two English words (``National``), then head words of a company (``Airways``); 0 if
        the name does not end in one."""
        lexicon = self.lexicon
        if start > 0 and tokens[start - 1].text.lower() in _LOCATIVE:
            return 0  # "in Kuwait …": the place where something is
        extra = 0
        while k + extra < len(tokens) and not taken[k + extra]:
            word = tokens[k + extra].text
            if word in _ORG_HEAD_WORDS and word not in _LEGAL_FORMS:
                heads = 1
                while (
                    k + extra + heads < len(tokens)
                    and not taken[k + extra + heads]
                    and (tokens[k + extra + heads].text in _ORG_HEAD_WORDS)
                ):
                    heads += 1
                if any(
                    lexicon.is_lowercase_word(t.text) or lexicon.lookup(t.text) is not None
                    for t in tokens[k + extra : k + extra + heads]
                ):
                    return 0  # "Allgemeine", "Austria": heads that say other things
                return extra + heads
            if extra == 2 or not _is_capitalised(word) or word.lower() not in lexicon.english_words:
                return 0
            extra += 1
        return 0

    def _after_name_prefix(self, tokens: list[_Token], taken: list[bool], i: int) -> bool:
        """A capitalised word after a club's prefix, or a place after ``Air``: part of that
        name (``AS Rom``, ``Air Berlin``; not ``Air Force``)."""
        if not (0 < i < len(tokens)) or taken[i - 1] or not _is_capitalised(tokens[i].text):
            return False
        prefix, word = tokens[i - 1].text, tokens[i].text
        if prefix in _ORG_PREFIXES:
            entry = self.lexicon.lookup(word)
            return self._is_place_word(word) or (entry is not None and entry.kind == "state")
        return prefix in _CLUB_PREFIXES

    def _shouted_place(self, word: str) -> str | None:
        """``TOKIO``, ``BOCHUM``: a known town written in capitals (datelines of regional
        papers, shouted headlines), as the town's name; not an acronym (``NASA``) nor another
        word (``ESSEN``, ``ALLES``)."""
        if len(word) < 4 or not word.isalpha() or not word.isupper():
            return None
        name = word.capitalize()
        lexicon = self.lexicon
        if name in lexicon.capitals:
            return name
        if name in lexicon.toponyms and not (
            lexicon.is_common_noun(name) or lexicon.is_lowercase_word(name)
        ):
            return name
        return None

    def _counted_noun(self, tokens: list[_Token], i: int) -> bool:
        """``einige Male``, ``drei Bande``, ``80 Liter Regen``: a noun after a quantifier or
        a measure, never the name that is written the same (the capital Male, the town Regen)."""
        if i == 0 or not self.lexicon.is_common_noun(tokens[i].text):
            return False
        if tokens[i - 1].text in _QUANTIFIERS:
            return True
        # "80 Liter Regen", "zwei Tonnen Stahl": a measure, then what it measures
        return (
            i >= 2
            and (_FIGURE.fullmatch(tokens[i - 2].text) or tokens[i - 2].text in _QUANTIFIERS)
            and self.lexicon.is_common_noun(tokens[i - 1].text)
        )

    def _given_name_before(self, tokens: list[_Token], i: int, match: tuple[int, Entry]) -> bool:
        length, entry = match
        if i == 0 or length != 1 or entry.kind != "organisation" or _ACRONYM.match(tokens[i].text):
            return False
        previous = tokens[i - 1].text
        return _is_capitalised(previous) and (
            previous in self.lexicon.given_names or self.clusters.of(previous) == "given"
        )

    def _capital_is_government(self, tokens: list[_Token], i: int, found_states: list[int]) -> bool:
        """``Moskau warnte``, ``laut Kiew``, ``Regierung in Warschau``: the capital stands for
        the state. A dateline (``Wien –``) or a place phrase (``in Wien``) is the city."""
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        previous = tokens[i - 1].text.lower() if i else ""
        if i == 0 and following in ("–", "-", "/", "—"):
            return False
        if previous in ("laut", "gegen", "mit", "zwischen") or previous in _AUXILIARIES:
            return True
        if previous == "in" and i >= 2 and tokens[i - 2].text in _GOVERNMENT_NOUNS:
            return True
        if previous in ("und", "sowie", ",") and i >= 2 and (i - 2) in found_states:
            return True
        return following.lower().startswith(_GOVERNMENT_VERBS)

    def _compound(self, i: int, tokens: list[_Token], emit) -> None:
        """``Nato-Angaben``, ``US-Regierung``, ``EU-Staaten``: the first part is the actor."""
        word = tokens[i].text
        head = word.split("-", 1)[0]
        entry = self.lexicon.lookup(head) or self.lexicon.capitals.get(head)
        if entry is None or len(head) < 2:
            return
        rest = word[len(head) + 1 :]
        if not rest:
            return
        if rest[:1].islower():
            # ``US-amerikanische``: an adjective; handled by the demonym rule.
            return
        if _currency_compound(word):
            return  # "10.000 US-Dollar": a currency, no mention of the state
        start = tokens[i].start
        emit(
            i,
            i + 1,
            entry.kind,
            entry.name,
            key=entry.key,
            evidence="lexicon",
            start=start,
            end=start + len(head),
        )

    def _institutions(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``das französische Parlament``, ``Unterhaus des britischen Parlaments``, ``Parlament der Schweiz``."""
        heads = set(_INSTITUTIONS)
        for i, token in enumerate(tokens):
            if taken[i] or token.text not in _INSTITUTION_FORMS:
                continue
            head = _strip_genitive(token.text, heads)
            if head not in _INSTITUTIONS or head == "Regierung":
                continue
            if i + 3 < len(tokens) and tokens[i + 1].text in ("des", "der"):
                inner = _strip_genitive(tokens[i + 3].text, heads)
                if self._adjective_state(tokens[i + 2].text) and inner in _INSTITUTIONS:
                    name = f"{head} {_join(tokens[i + 1 : i + 4])}"
                    emit(i, i + 4, "organisation", name, evidence="pattern")
                    continue
            if i + 2 < len(tokens) and tokens[i + 1].text in ("des", "der", "von"):
                entry = self.lexicon.lookup(tokens[i + 2].text)
                if entry is not None and entry.kind == "state":
                    name = f"{head} {_join(tokens[i + 1 : i + 3])}"
                    emit(i, i + 3, "organisation", name, evidence="pattern")
                    continue
            if i and not taken[i - 1] and self._adjective_state(tokens[i - 1].text):
                adjective = _nominative_adjective(tokens[i - 1].text, _INSTITUTIONS[head])
                emit(i - 1, i + 1, "organisation", f"{adjective} {head}", evidence="pattern")

    def state_in_name(self, name: str) -> str | None:
        """The state an institution's name belongs to: ``Unterhaus des britischen Parlaments``."""
        for word in name.split():
            entry = self._adjective_state(word) or self.lexicon.lookup(word)
            if entry is not None and entry.kind == "state":
                return entry.name
        return None

    def adjective_of(self, state: str) -> str | None:
        """The demonym adjective stem of a state: ``Portugal`` → ``portugiesisch``."""
        return self.lexicon.state_adjectives.get(state)

    def is_news_agency(self, name: str) -> bool:
        return name in self.lexicon.news_agencies

    def is_place_adjective(self, word: str) -> bool:
        """True for an adjective of a town or region (``Passauer``, ``Allgäuer``) or a
        woman of it (``Passauerin``)."""
        return (
            self._place_of_adjective(word) is not None
            or self._place_of_inhabitant(word) is not None
        )

    def is_demonym(self, word: str) -> bool:
        """True for a demonym adjective of a state (``portugiesische``, ``Deutschen``)."""
        return self._adjective_state(word) is not None

    def _roads(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """Numbered roads, places where news happens (``auf der A 7``, ``die B 27``,
        ``Autobahn 7``, ``Bundesstraße 216``): named ``A 7`` or ``B 216`` whichever way
        they are written. A bare letter and number count only after ``der``, ``die`` or
        ``zur`` (``Typ A 7`` is none)."""
        for i, token in enumerate(tokens):
            if taken[i]:
                continue
            kind = _ROAD_WORDS.get(token.text)
            if kind is not None:
                j = i + 1
                if j < len(tokens) and tokens[j].text == kind and not taken[j]:
                    j += 1  # "Autobahn A 7"
                number = _road_number(tokens, j)
                if number is not None and not taken[j]:
                    end = tokens[j].start + len(number)  # not the sentence's full stop
                    emit(i, j + 1, "place", f"{kind} {number}", evidence="pattern", end=end)
                continue
            code = _ROAD_CODE.fullmatch(token.text.removesuffix("."))
            if code is None or i == 0 or tokens[i - 1].text.lower() not in ("der", "die", "zur"):
                continue
            if code["number"]:
                end = token.start + code.end()  # not the sentence's full stop
                name = f"{code['kind']} {code['number']}"
                emit(i, i + 1, "place", name, evidence="pattern", end=end)
                continue
            number = _road_number(tokens, i + 1)
            if number is not None and not taken[i + 1] and token.space:
                end = tokens[i + 1].start + len(number)
                emit(i, i + 2, "place", f"{code['kind']} {number}", evidence="pattern", end=end)

    def _junctions(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """Motorway junctions, named for a town (traffic news): ``Kreuz Walldorf``,
        ``Autobahndreieck Kassel-Süd``, ``das Kasseler Kreuz``; not ``das Rote Kreuz``."""
        for i in range(len(tokens) - 1):
            word, following = tokens[i].text, tokens[i + 1].text
            if taken[i] or taken[i + 1]:
                continue
            named_after = word in _JUNCTIONS and self._is_town(following.split("-")[0])
            named_before = (
                following in _JUNCTIONS[:2]
                and word.endswith("er")
                and word[:1].isupper()
                and self._is_town(word.removesuffix("er"))
            )
            if named_after or named_before:
                emit(i, i + 2, "place", f"{word} {following}", evidence="pattern")

    def _is_town(self, word: str) -> bool:
        return self.lexicon.lookup(word) is None and (
            word in self.lexicon.toponyms or word in self.lexicon.capitals
        )

    def _numbered_clubs(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Hannover 96``, ``Mainz 05``: a town and two digits, followed by no noun they could
        count (``in Kellstadt 12 Grad``) and no further number (``zwischen Trier 12 und 14
        Uhr``), is a sports club named for its founding year; not the town."""
        for i in range(len(tokens) - 1):
            number = tokens[i + 1].text
            if taken[i] or taken[i + 1] or not _club_number(tokens, i + 1, prefixed=False):
                continue
            town = tokens[i].text
            if self.lexicon.lookup(town) is not None or not self._is_place_word(town):
                continue
            if i == 0 and self.lexicon.is_lowercase_word(town):
                continue  # "Seine 12 Kollegen": a pronoun opening the sentence
            end = tokens[i + 1].start + 2  # not the sentence's full stop
            start = i
            while start and tokens[start - 1].text in _CLUB_PREFIXES and not taken[start - 1]:
                start -= 1  # "SV Kellstadt 98": the club's prefix is part of its name
            name = _join(tokens[start : i + 1]) + f" {number[:2]}"
            emit(start, i + 2, "organisation", name, evidence="pattern", end=end)

    def _dateline(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Kassel/Trier (dpa) –``, ``Celle –``: the places a report is filed from."""
        k = 0
        while k < len(tokens) and (tokens[k].text == "/" or _is_capitalised(tokens[k].text)):
            k += 1
        if k == 0 or k > 6 or k + 3 >= len(tokens):
            return
        if tokens[k].text == "(":
            if not self._agency_dash(tokens, k):
                return
        elif tokens[k].text == ",":
            if not self._dated_dash(tokens, k + 1):
                return
        elif not (k == 1 and tokens[1].text in ("–", "—") and self._is_place_word(tokens[0].text)):
            return
        start = 0
        for end in [*[m for m in range(k) if tokens[m].text == "/"], k]:
            part = tokens[start:end]
            if (
                part
                and not any(taken[start:end])
                and part[0].text.lower() not in _DETERMINERS
                and not self._is_given(part[0].text)
            ):
                emit(start, end, "place", _join(part), evidence="dateline")
            start = end + 1

    def _ampersand_names(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Ernst & Young``, ``Herzog & de Meuron``, ``Larimo & Kessler GmbH``: names joined
        by ``&`` name one firm (auditors, lawyers, architects, brands), with its legal form.
        Not two given names (``Anna & Jonas``) nor two German nouns (``Rock & Pop``)."""
        for k, token in enumerate(tokens):
            if token.text != "&" or k == 0 or k + 1 >= len(tokens):
                continue
            left = k - 1
            if taken[left] or not self._firm_word(tokens[left].text):
                continue
            if tokens[left].text in _LEGAL_FORMS:
                continue  # "… GmbH & Co. KG": the company's legal form, found with its name
            if left > 0 and not taken[left - 1] and self._more_of_firm(tokens[left - 1].text):
                left -= 1  # "Freshfields Bruckhaus & …"
            right = k + 1
            while (
                right < len(tokens) - 1
                and tokens[right].text in _NAME_PARTICLES
                and tokens[right].text.islower()
            ):
                right += 1  # "& de Meuron"
            if right >= len(tokens) or taken[right] or not self._firm_word(tokens[right].text):
                continue
            if tokens[right].text.rstrip(".") == "Co" and not (
                right + 1 < len(tokens) and tokens[right + 1].text in _LEGAL_FORMS
            ):
                continue  # "Minecraft & Co.": and the like; "Keller & Co. KG" is a firm
            end = right + 1
            if end < len(tokens) and not taken[end] and self._more_of_firm(tokens[end].text):
                end += 1  # "& Community Arts"
            sides = [tokens[k - 1].text, tokens[right].text]
            lexicon = self.lexicon
            if all(side in lexicon.given_names for side in sides):
                continue
            if all(map(self._german_word, sides)) or all(map(self._english_word, sides)):
                continue  # "Rock & Pop", "Potent & Preisgekrönt", "Drag & Drop"
            if (left < k - 1 and self._is_given(tokens[left].text)) or (
                end > right + 1 and self._is_given(tokens[right].text)
            ):
                continue  # "Anna Keller & Jonas Ferlach": two people
            end = _with_legal_form(tokens, taken, end)
            emit(left, end, "organisation", _join(tokens[left:end]), evidence="pattern")

    @staticmethod
    def _firm_word(word: str) -> bool:
        """A word that can stand next to ``&`` in a firm's name (``Ernst``, ``Herzog``)."""
        return (
            _is_capitalised(word)
            and word[0].isalpha()
            and word.lower() not in _DETERMINERS
            and word.lower() not in _SHORT_FUNCTION_WORDS
            and word not in _PERSON_CONTEXT
        )

    def _german_word(self, word: str) -> bool:
        """A word of the German dictionary that is no known name (``Müller`` is one)."""
        lexicon = self.lexicon
        if word in lexicon.given_names or word in lexicon.surnames:
            return False
        return (
            lexicon.is_common_noun(word)
            or lexicon.is_lowercase_word(word)
            or self._common_noun_like(word)
        )

    def _english_word(self, word: str) -> bool:
        """A word of the English dictionary, also in the plural (``Streams``)."""
        lower = word.lower()
        english = self.lexicon.english_words
        return lower in english or (lower.endswith("s") and lower[:-1] in english)

    def _more_of_firm(self, word: str) -> bool:
        """A further word of a firm's name: none that only introduces or describes it
        (``die Firma …``, ``die Architekten …``)."""
        lexicon = self.lexicon
        return (
            self._firm_word(word)
            and not lexicon.is_common_noun(word)
            and not lexicon.is_lowercase_word(word)
            and not self._role_like(word)
            and not self._common_noun_like(word)
            and not self._noun_compound(_strip_genitive(word))
            and _strip_genitive(word) not in _ORG_CUES
        )

    def _agency_dash(self, tokens: list[_Token], k: int) -> bool:
        """``(dpa) –`` at ``k``: an agency's credit in brackets, then a dash."""
        if k + 3 >= len(tokens) or tokens[k + 2].text != ")" or tokens[k + 3].text not in _DASHES:
            return False
        agency = tokens[k + 1].text
        return agency in self.lexicon.news_agencies or bool(_ACRONYM.match(agency))

    def _dated_dash(self, tokens: list[_Token], k: int) -> bool:
        """``3. Juni 2024 –``, ``den 12.03.2024 (dpa) –`` at ``k``: a dateline's date (and
        credit), then a dash; the words before its comma name the town."""
        end = next(
            (m for m in range(k, min(k + 6, len(tokens))) if tokens[m].text in _DASHES), None
        )
        if end is None or end == k:
            return False
        if tokens[end - 1].text == ")" and end - 3 >= k and self._agency_dash(tokens, end - 3):
            end -= 3
        if tokens[k].text in ("den", "am"):
            k += 1
        text = _join(tokens[k:end])
        found = find_dates(text)
        return len(found) == 1 and (found[0].start, found[0].end) == (0, len(text))

    def _headed_names(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """Names closed by a word that says what they name: ``Nordic Air Lines``,
        ``Kiwi Magazin`` (organisations), ``Ostsee Arena``, ``Meißener Straße``,
        ``Neuer Markt`` (places). The words before the head are taken whole."""
        for i, token in enumerate(tokens):
            if i == 0 or taken[i] or token.text not in _HEAD_FORMS:
                continue
            word = token.text
            head = _strip_genitive(word, _PLACE_HEAD_NOUNS)
            if word in _ORG_HEAD_WORDS:
                following = tokens[i + 1].text if i + 1 < len(tokens) else ""
                if following in _ORG_HEAD_WORDS and not taken[i + 1]:
                    continue  # "Larimo Music Radio": the last head word closes the name
                kind: ActorKind = "organisation"
                most = 4
            elif word in _FOREIGN_PLACE_HEADS or word in _PLACE_HEADS:
                kind, most = "place", 3
            elif head in _PLACE_HEAD_NOUNS:
                kind, most = "place", 1
            else:
                continue
            start = i
            while (
                start > 0
                and i - start < most
                and self._head_modifier(tokens, taken, start - 1, kind)
                and not (kind == "organisation" and self._apposition(tokens, start - 1, i))
            ):
                start -= 1
            if start == i or (kind == "place" and self._is_given(tokens[start].text)):
                continue  # "Jason Hall": a person
            if head in _PLACE_HEAD_NOUNS and word not in _FOREIGN_PLACE_HEADS:
                adjective = tokens[start].text
                if not self._place_adjective_before(tokens, start):
                    continue
                if not adjective.endswith("er"):  # "am Neuen Markt" → "Neuer Markt"
                    adjective = _nominative_adjective(adjective, _PLACE_HEAD_NOUNS[head])
                emit(start, i + 1, "place", f"{adjective} {head}", evidence="head")
                continue
            emit(start, i + 1, kind, _join(tokens[start : i + 1]), evidence="head")

    def _apposition(self, tokens: list[_Token], k: int, head: int) -> bool:
        """``der Spartensender Kiwi Music Radio``, ``die Graphitwerke Larimo AG``: a German
        noun before a name that is no word nor place says what the name is; it is not part
        of it (``Stadtwerke Kassel GmbH`` and ``Kiwi Magazin`` are whole names)."""
        if k + 1 >= head:
            return False
        lexicon = self.lexicon
        word, after = tokens[k].text, tokens[k + 1].text
        last = word.rsplit("-", 1)[-1]
        return (
            # "Elektronikhändler", "Onlinespiele-Entwickler": compounds of nouns count too
            (
                lexicon.is_common_noun(word)
                or lexicon.is_common_noun(last)
                or self._noun_compound(word)
            )
            and not lexicon.is_lowercase_word(word)
            and not lexicon.is_common_noun(after)
            # "Jet Science Laboratory": an English word before an English name is part of it
            and not (
                word.lower() in lexicon.english_words
                and (
                    after.lower() in lexicon.english_words
                    or tokens[head].text.lower() in lexicon.english_words
                )
            )
            and after not in lexicon.toponyms
            and after not in lexicon.capitals
            and self._adjective_state(after) is None
            and self._place_of_adjective(after) is None
        )

    def _head_modifier(self, tokens: list[_Token], taken: list[bool], k: int, kind: str) -> bool:
        """A capitalised word that can stand in a name before its head noun."""
        word = tokens[k].text
        if taken[k] or not _is_capitalised(word) or word.endswith("-") or self._shouted(word):
            return False
        lower = word.lower()
        if lower in _DETERMINERS or lower in _SHORT_FUNCTION_WORDS or word in _NOT_NAMES:
            return False
        if word in _PERSON_CONTEXT or word in self.lexicon.honorifics:
            return False
        cue = _strip_genitive(word)
        if cue in _ORG_CUES or cue in _PLACE_CUES or word in _ORG_CUES_PLURAL:
            return False  # "des Senders Kiwi News": a cue, then the name
        if self._role_like(word):
            # "Bürgermeister Park", "die Unternehmensberater Alix Partners": a function, then
            # the name
            return False
        # "Gestern Airlines …": a sentence-initial ordinary word is no part of the name
        return not (
            k == 0 and self.lexicon.is_lowercase_word(word) and not self._adjective_state(word)
        )

    def _place_adjective_before(self, tokens: list[_Token], start: int) -> bool:
        """``Neuer Markt``, ``Langen Weg``, ``Meißener Straße``, ``Kasseler Dom``: a German place
        noun is a name after a capitalised adjective, mid-sentence or derived from a place."""
        word = tokens[start].text
        if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(er|e|en|es|em)", word):
            return False
        if self._adjective_state(word) and not word.endswith("er"):
            return False  # "Deutsche Bahn" is no place; "die Russische Botschaft" neither
        if self._place_of_adjective(word) is not None:
            return True  # "Kasseler Dom"
        if self.lexicon.is_common_noun(word) and not self.lexicon.is_lowercase_word(word):
            return False  # "seinen Vorgänger Park": a noun, then a name
        return start > 0

    def _place_of_adjective(self, word: str) -> str | None:
        """``Kasseler`` → ``Kassel``, ``Göttinger`` → ``Göttingen``, ``Allgäuer`` → ``Allgäu``."""
        if not word.endswith("er") or len(word) < 5:
            return None
        stem = word[:-2]
        lexicon = self.lexicon
        for place in (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else stem):
            if place in lexicon.toponyms or place in lexicon.capitals:
                return place
        return None

    def _toponym_phrases(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """Places of several words from the toponym list (``Den Haag``, ``Rhode Island``,
        ``New Orleans``), longest first; a state or an entry of the lexicon is left to it."""
        lexicon = self.lexicon
        starts = _toponym_starts(lexicon.toponyms)
        inflected = _inflected_starts(lexicon.toponyms)
        i = 0
        while i < len(tokens) - 1:
            # "im Schwarzen Meer", "im Nahen Osten": the list has "Schwarzes Meer", "Naher
            # Osten"; an inflected adjective is tried in its nominative forms as well
            firsts = [tokens[i].text, *inflected.get(tokens[i].text, ())]
            longest = max(starts.get(first, 0) for first in firsts)
            if not longest or self._inside_a_name(tokens, i):
                i += 1
                continue
            found = False
            for length in range(min(longest, len(tokens) - i), 1, -1):
                if any(taken[i : i + length]) or not _is_capitalised(tokens[i].text):
                    continue
                rest = _join(tokens[i + 1 : i + length])
                for first in firsts:
                    phrase = f"{first} {rest}" if tokens[i].space else first + rest
                    if (
                        phrase in lexicon.toponyms
                        and lexicon.lookup(phrase) is None
                        and not self._longer_entry(tokens, i, length)
                        # "Los Angeles Times", "New York Knicks": the name goes on
                        and not (
                            i + length < len(tokens) and _is_capitalised(tokens[i + length].text)
                        )
                    ):
                        key = _place_key(phrase)
                        emit(i, i + length, "place", phrase, key=key, evidence="toponym")
                        i += length - 1
                        found = True
                        break
                if found:
                    break
            i += 1

    def _inside_a_name(self, tokens: list[_Token], i: int) -> bool:
        """A place's name after a club's prefix or an acronym is part of the club's or the
        organisation's name: ``FC St. Pauli``, ``Eintracht Frankfurt am Main``."""
        if i == 0:
            return False
        previous = tokens[i - 1].text
        return (
            previous in _CLUB_PREFIXES
            or bool(_ACRONYM.match(previous))
            or self._longer_entry(tokens, i - 1, 1)  # "Eintracht Frankfurt" in the lexicon
        )

    def _longer_entry(self, tokens: list[_Token], i: int, length: int) -> bool:
        """Whether the lexicon has a name of more than ``length`` words at ``i`` (``New York
        Times`` over ``New York``)."""
        lexicon = self.lexicon
        if tokens[i].text.casefold() not in lexicon.phrase_starts:
            return False
        longest = _phrase_reach(lexicon, tokens, i, min(lexicon.max_phrase_tokens, len(tokens) - i))
        return any(
            lexicon.lookup(_join(tokens[i : i + n])) is not None
            for n in range(length + 1, longest + 1)
        )

    def _towns_by_their_river(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Frankfurt am Main``, ``Freiburg im Breisgau``, ``Halle an der Saale``: a town
        named with its river or region is one place (the same actor as the town alone)."""
        lexicon = self.lexicon
        for i in range(len(tokens) - 2):
            town = tokens[i].text
            if taken[i] or town not in lexicon.toponyms or lexicon.lookup(town) is not None:
                continue
            if self._inside_a_name(tokens, i):
                continue
            link = tokens[i + 1].text
            if link in ("am", "im"):
                k = i + 2
            elif link in ("an", "ob", "in") and tokens[i + 2].text == "der" and i + 3 < len(tokens):
                k = i + 3
            else:
                continue
            river = tokens[k].text
            if (
                taken[k]
                or not _is_capitalised(river)
                or river in _NOT_RIVERS
                or not (river in lexicon.toponyms or self.clusters.of(river) == "place")
            ):
                continue
            name = " ".join(t.text for t in tokens[i : k + 1])
            key = _place_key(town)
            emit(i, k + 1, "place", name, key=key, evidence="toponym")

    def _place_of_inhabitant(self, word: str) -> str | None:
        """``Kasselerin`` → ``Kassel``: a woman of the place (never part of a name)."""
        if not word.endswith(("erin", "erinnen")):
            return None
        place = self._place_of_adjective(word[: word.rindex("er") + 2])
        if place is None or self.lexicon.is_common_noun(place):
            return None  # "Besitzerin", "Siegerin": a woman who owns or wins, not of a place
        return place

    def _authorities(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Amtsgericht Kassel``, ``Staatsanwaltschaft Trier``, ``Universität Passau``,
        ``IHK Pfalz``: an authority or institution whose name goes on with its place."""
        lexicon = self.lexicon
        for i in range(len(tokens) - 1):
            word = tokens[i].text
            if taken[i] or taken[i + 1] or not _is_capitalised(word):
                continue
            name_of_acronym = None
            if word in _INSTITUTION_ACRONYMS:
                name_of_acronym = "universität"  # "TU Dresden"
            elif _ACRONYM.match(word):
                entry = lexicon.phrases.get(word)
                if entry is None or entry.kind != "organisation":
                    continue
                name_of_acronym = entry.name
            elif not word[1:2].islower():
                continue
            lower = (name_of_acronym or word).lower()
            end = i + 2
            authority = lower.endswith(_AUTHORITY_HEADS)
            # "Frankfurt am Main", "Bad Homburg"
            town = self._toponym_length(tokens, taken, i + 1) if authority else 0
            if lower.endswith(_NAMED_AFTER_PEOPLE) and self._is_given(tokens[i + 1].text):
                end = self._person_name_end(tokens, taken, i + 1)  # "Klinikum Anna Berger"
            elif town > 1:
                end = i + 1 + town
            elif not authority or not self._is_place_word(tokens[i + 1].text):
                continue
            start = i
            previous = tokens[i - 1].text if i else ""
            if i and not taken[i - 1] and self._qualifying_adjective(previous):
                start = i - 1  # "Medizinische Universität Graz"
            end = _with_legal_form(tokens, taken, end)  # "Stadtwerke Kellstadt GmbH"
            emit(start, end, "organisation", _join(tokens[start:end]), evidence="pattern")

    def _toponym_length(self, tokens: list[_Token], taken: list[bool], k: int) -> int:
        """How many words at ``k`` make a place of several words (``Frankfurt am Main``,
        ``Bad`` and a town: ``Bad Homburg``); 0 if none does."""
        longest = min(4, len(tokens) - k)
        for length in range(longest, 1, -1):
            if not any(taken[k : k + length]) and (
                _join(tokens[k : k + length]) in self.lexicon.toponyms
            ):
                return length
        prefixed = (
            longest >= 2
            and tokens[k].text in ("Bad", "Sankt", "St.")
            and not any(taken[k : k + 2])
            and _is_capitalised(tokens[k + 1].text)
            and not self.lexicon.is_lowercase_word(tokens[k + 1].text)
        )
        return 2 if prefixed else 0

    def _unit_acronym(self, tokens: list[_Token], taken: list[bool], k: int) -> bool:
        """At ``k``, right after a known body's name, an acronym that is no name of its own:
        it names one of the body's units (``Fraunhofer IAO``)."""
        if k >= len(tokens) or taken[k]:
            return False
        word = tokens[k].text
        return (
            bool(_ACRONYM.match(word))
            and word not in _LEGAL_FORMS
            and tokens[k].start == tokens[k - 1].end + 1  # one space: no comma, no bracket
            and self.lexicon.lookup(word) is None
            and not self.lexicon.is_lowercase_word(word)
        )

    def _genitive_place(self, tokens: list[_Token], taken: list[bool], k: int) -> bool:
        """At ``k``, ``des`` and a known place in the genitive (``des Saarlandes``,
        ``des Emslands``): part of the name before it."""
        if k + 1 >= len(tokens) or taken[k + 1] or tokens[k].text != "des":
            return False
        word = tokens[k + 1].text
        bases = [word[:-2]] if word.endswith("es") else []
        bases += [word[:-1]] if word.endswith("s") else []
        return any(self._is_place_word(base) for base in bases)

    def _person_name_end(self, tokens: list[_Token], taken: list[bool], k: int) -> int:
        """The end of a person's name from its given name: ``Anna Berger``, ``Ernst von Kamp``."""
        end = k + 1
        while end < len(tokens) and not taken[end]:
            word = tokens[end].text
            if word.lower() in ("von", "van", "de", "zu") and end + 1 < len(tokens):
                if not _is_capitalised(tokens[end + 1].text):
                    break
                end += 2
            elif _is_capitalised(word) and word[0].isalpha() and not _ACRONYM.match(word):
                end += 1
            else:
                break
        return end

    def _is_place_word(self, word: str) -> bool:
        """A known place name: a town or region, a capital, a state, or a word used like one."""
        lexicon = self.lexicon
        if not _is_capitalised(word) or lexicon.is_common_noun(word) or _ACRONYM.match(word):
            return False
        if word in lexicon.toponyms or word in lexicon.capitals:
            return True
        entry = lexicon.lookup(word)
        if entry is not None:
            return entry.kind == "state"
        return self.clusters.of(word) == "place" or all(
            part in lexicon.toponyms for part in word.split("-")
        )

    def _qualifying_adjective(self, word: str) -> bool:
        """``Hamburger``, ``Medizinische``, ``Parlamentarisches``, ``Allgäuer``, ``französische``:
        a capitalised adjective that makes a kind of body one body."""
        lower = word.lower()
        if lower in _DETERMINERS or lower in _SHORT_FUNCTION_WORDS:
            return False
        if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(er|e|en|es|em)", word):
            return False
        lexicon = self.lexicon
        return bool(
            lexicon.is_lowercase_word(word)
            or word[:-2] in lexicon.toponyms
            or word[:-2] in lexicon.capitals
            or self._place_of_adjective(word)
            or self._adjective_state(word)
        )

    def _english_institutions(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Bank of America``, ``Royal Bank of Scotland``, ``Council on Foreign Relations``,
        ``School of Oriental and African Studies``: an institution's head word, ``of``, ``for``
        or ``on`` and a name; the English words before the head belong to it."""
        english = self.lexicon.english_words
        i = 0
        while i < len(tokens) - 2:
            if (
                taken[i]
                or tokens[i].text not in _ENGLISH_INSTITUTIONS
                or tokens[i + 1].text not in ("of", "for", "on")
            ):
                i += 1
                continue
            end = i + 2
            if end < len(tokens) and tokens[end].text == "the":
                end += 1
            last = None
            while end < len(tokens) and not taken[end]:
                word = tokens[end].text
                if _is_capitalised(word) and word[0].isalpha():
                    last = end
                elif word not in ("and", "&") or last is None:
                    break
                end += 1
            if last is None:
                i += 1
                continue
            start = i
            while start > 0 and not taken[start - 1]:
                word = tokens[start - 1].text
                lower = word.lower()
                if (
                    not _is_capitalised(word)
                    or lower in _DETERMINERS
                    or lower in _SHORT_FUNCTION_WORDS
                    or (self.lexicon.is_common_noun(word) and lower not in english)
                ):
                    break
                start -= 1  # "Royal Bank of Scotland", "Federal Reserve Bank of New York"
            emit(
                start, last + 1, "organisation", _join(tokens[start : last + 1]), evidence="pattern"
            )
            i = last + 1

    def _organisation_phrases(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Bundesärztekammer``, ``Hamburger Mieterverein``, ``Bundesamt für Kommunikation``,
        ``Medizinische Hochschule Hannover``: a noun naming a kind of body, made specific.
        A body of which a story has one (``der Untersuchungsausschuss``) is a weaker candidate."""
        lexicon = self.lexicon
        for i, token in enumerate(tokens):
            word = token.text
            if taken[i] or not _is_capitalised(word) or not word[1:2].islower():
                continue
            unique = _unique_body(word)
            stem = _body_stem(word)  # "des Mietervereins": "Mieterverein"
            if unique is None and stem is None:
                continue
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if _is_capitalised(following) and following.lower() not in _DETERMINERS:
                continue  # "Erdölkonzern Petrobras": a cue for the name that follows
            start, end = i, i + 1
            previous = tokens[i - 1].text if i else ""
            if i and not taken[i - 1] and self._qualifying_adjective(previous):
                start = i - 1  # "Hamburger Mieterverein", "Medizinische Hochschule"
                if (stem or unique or word) in _ORG_CUES and self._place_of_adjective(previous):
                    continue  # "der Kellstädter Konzern": a town's company, described
            if previous.lower() not in _INDEFINITE:  # "eine Stiftung für Kinder": some body
                end = self._body_purpose(tokens, taken, i, end)
            if (
                end < len(tokens)
                and not taken[end]
                and (tokens[end].text in lexicon.toponyms or tokens[end].text in lexicon.capitals)
            ):
                end += 1  # "Medizinische Hochschule Hannover"
            elif end > i + 1 and self._genitive_place(tokens, taken, end):
                end += 2  # "Hochschule für Musik des Saarlandes"
            end = _with_legal_form(tokens, taken, end)
            if start == i and end == i + 1:
                common = (
                    lexicon.is_common_noun(word)
                    or lexicon.is_common_noun(stem or "")
                    or lexicon.is_common_noun(unique or "")
                )
                if unique is not None and common and previous.lower() in _DEFINITE:
                    # "der Landtag": one body, if the dossier says so (reconcile decides)
                    emit(i, i + 1, "organisation", unique, evidence="body")
                    continue
                if common:
                    continue  # a bare "Sparkasse" or "Verteidigungsministerium" is no name
            if unique is not None and end == i + 1:
                name = " ".join([*(t.text for t in tokens[start:i]), unique])
                emit(start, end, "organisation", name, evidence="pattern")
                continue
            words = [t.text for t in tokens[start:end]]
            if stem is not None and unique is None:
                words[i - start] = stem  # the body in its base form: "des Mietervereins"
            emit(start, end, "organisation", " ".join(words), evidence="pattern")

    def _associations(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Bundesverband deutscher Banken``, ``Verband kommunaler Unternehmen``: an
        association's head, an adjective in the genitive plural (written small), a plural
        noun: the association of those members."""
        for i in range(1, len(tokens) - 1):
            word = tokens[i].text
            if (
                taken[i - 1]
                or taken[i]
                or taken[i + 1]
                or not word.endswith("er")
                or not word.isalpha()
                or not self._small_adjective(word)
            ):
                continue
            head = _body_head(tokens[i - 1].text)
            member = tokens[i + 1].text
            if (
                head is None
                or not head.lower().endswith(_ASSOCIATION_HEADS)
                or not _is_capitalised(member)
                or not member.isalpha()
                or not (self.lexicon.is_common_noun(member) or self._common_noun_like(member))
            ):
                continue
            end = self._body_purpose(tokens, taken, i + 1, i + 2)
            words = [head, word, *(t.text for t in tokens[i + 1 : end])]
            emit(i - 1, end, "organisation", " ".join(words), evidence="pattern")

    def _body_purpose(self, tokens: list[_Token], taken: list[bool], head: int, end: int) -> int:
        """The end of a body's name that goes on after its head (at ``head``) with what it is
        for: ``Bundesamt für Kommunikation``, ``… für Unterricht und Kultus``, ``Landesstiftung
        für politische Bildung``, ``Stiftung zur Förderung der Wissenschaft``."""
        lexicon = self.lexicon
        while end + 1 < len(tokens):
            link = tokens[end].text
            if link in ("zur", "zum"):
                if _base_form(tokens[head].text, _ACTION_HEADS) is None:
                    break  # "der Landtag zur konstituierenden Sitzung"
            elif link != "für" and not (link == "und" and end > head + 1):
                break
            noun = self._past_small_adjectives(tokens, taken, end + 1)  # "für politische …"
            if noun >= len(tokens) or taken[noun] or not _is_capitalised(tokens[noun].text):
                break
            if noun > end + 1 and not self._noun_word(tokens[noun].text):
                break
            action = link in ("zur", "zum")
            if action and not tokens[noun].text.endswith("ung"):
                break  # "der Verein zum Saisonende": no action the body pursues
            end = noun + 1
            while (
                end < len(tokens)
                and not taken[end]
                and _is_capitalised(tokens[end].text)
                and tokens[end].text[0].isalpha()
                and not lexicon.is_common_noun(tokens[end - 1].text)
                and (
                    lexicon.is_common_noun(tokens[end].text)
                    or (
                        tokens[end - 1].text.lower() in lexicon.english_words
                        and tokens[end].text.lower() in lexicon.english_words
                    )
                )
            ):
                # "Institut für Angewandte Mathematik", "… für Corporate Governance": an
                # adjective, its noun
                end += 1
            if action and tokens[end - 1].text.endswith("ung"):
                end = self._object_of_action(tokens, taken, end)
        return end

    def _object_of_action(self, tokens: list[_Token], taken: list[bool], end: int) -> int:
        """After an action in a body's name, its object in the genitive: ``zur Förderung der
        Wissenschaft``, ``zur Rettung des Waldes``, ``zur Erforschung komplexer Systeme``."""
        if end >= len(tokens):
            return end
        if tokens[end].text in ("der", "des"):  # with its article
            noun = self._past_small_adjectives(tokens, taken, end + 1)
        elif tokens[end].text.endswith("er"):  # adjectives in the plural: "junger Talente"
            noun = self._past_small_adjectives(tokens, taken, end)
            if noun == end:
                return end
        else:
            return end
        if (
            noun < len(tokens)
            and not taken[noun]
            and _is_capitalised(tokens[noun].text)
            and self._noun_word(tokens[noun].text)
        ):
            return noun + 1
        return end

    def _past_small_adjectives(self, tokens: list[_Token], taken: list[bool], k: int) -> int:
        """The first token from ``k`` on that is no free small adjective."""
        while k < len(tokens) and not taken[k] and self._small_adjective(tokens[k].text):
            k += 1
        return k

    def _small_adjective(self, word: str) -> bool:
        """``politische``, ``erneuerbare``: an adjective as running text writes it."""
        return word[:1].islower() and self._capitalised_adjective(word.capitalize())

    def _noun_word(self, word: str) -> bool:
        """A common noun, also as the last part of a hyphenated compound (``EU-Kommission``)."""
        last = word.rsplit("-", 1)[-1]
        return bool(last) and (
            self.lexicon.is_common_noun(word) or self.lexicon.is_common_noun(last)
        )

    def _adjective_bodies(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``die Syrische Beobachtungsstelle für Menschenrechte``, ``der Bayerischen
        Staatsoper``, ``Verband Deutscher Maschinenbauer``: inside a sentence an adjective is
        written small (``die syrische Regierung``); written with a capital before a body's
        head noun, or after it in the genitive plural, it is part of the body's name."""
        for i in range(1, len(tokens) - 1):
            if taken[i] or not _is_capitalised(tokens[i].text):
                continue
            place_adjective = self._place_of_adjective(tokens[i].text) is not None
            if not place_adjective and not self._capitalised_adjective(tokens[i].text):
                continue
            previous = tokens[i - 1].text
            after = tokens[i + 1].text
            body = _body_head(previous)
            if (
                not taken[i - 1]
                and not taken[i + 1]
                and not place_adjective
                and tokens[i].text.endswith("er")
                and body is not None
                and _is_capitalised(after)
                and after.isalpha()
                and (self.lexicon.is_common_noun(after) or self._common_noun_like(after))
            ):
                # "Verband Deutscher Maschinenbauer": the head, an adjective, a plural noun
                words = [body, tokens[i].text, after]
                end = self._body_purpose(tokens, taken, i + 1, i + 2)
                words += [t.text for t in tokens[i + 2 : end]]
                emit(i - 1, end, "organisation", " ".join(words), evidence="pattern")
                continue
            mid_sentence = previous.lower() in _DETERMINERS or (
                previous[:1].islower() and previous.isalpha()
            )
            if taken[i - 1] or not mid_sentence:
                continue  # a sentence's first word, or after a quote: capitalised anyway
            j = i + 1
            while (
                j < len(tokens)
                and not taken[j]
                and (
                    self._capitalised_adjective(tokens[j].text)
                    or self._place_of_adjective(tokens[j].text) is not None
                )
            ):
                j += 1  # "die Österreichische Physikalische Gesellschaft"
            if j >= len(tokens) or taken[j]:
                continue
            head = _body_head(tokens[j].text)
            following = tokens[j + 1].text if j + 1 < len(tokens) else ""
            if head is None or (_is_capitalised(following) and following[0].isalpha()):
                continue  # "die Schweizer Versicherung Larimo Life": a cue, then the name
            if place_adjective and j == i + 1 and head in _ORG_CUES:
                continue  # "der Kellstädter Klub": a town's club, described
            gender = _gender_of(head)
            adjectives = [
                _nominative_adjective(t.text, gender)
                if gender is not None and self._capitalised_adjective(t.text)
                else t.text
                for t in tokens[i:j]
            ]
            end = self._body_purpose(tokens, taken, j, j + 1)
            words = [*adjectives, head, *(t.text for t in tokens[j + 1 : end])]
            emit(i, end, "organisation", " ".join(words), evidence="pattern")

    def _bodies_named_after_people(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Otto-Schott-Gymnasium``, ``Leopold-Museum``, ``Sigmund-Freud-Universität``: a
        hyphenated name that opens with a given name and ends with the kind of body names a
        school, museum, university or foundation called after a person: that body, not the
        person."""
        given_names = self.lexicon.given_names
        for i, token in enumerate(tokens):
            word = token.text
            if taken[i] or "-" not in word or not _is_capitalised(word):
                continue
            *names, tail = word.split("-")
            if names[0] not in given_names or len(names) > 4:
                continue
            if not all(
                (_is_capitalised(name) and name.isalpha()) or name in _NAME_PARTICLES
                for name in names
            ):
                continue
            head = _body_head(tail)
            if head is None and _strip_genitive(tail) in _NAMED_AFTER_HEADS:
                head = _strip_genitive(tail)
            if head is None:
                continue
            emit(i, i + 1, "organisation", "-".join([*names, head]), evidence="pattern")

    def _hyphenated_bodies(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``die Larimo-Miliz``, ``die Tarsan-Front``: a name no dictionary knows, joined to
        the kind of body it names, is that body's name (a known name in front, as in
        ``CDU-Fraktion``, is a mention of the known body instead); joined to a word that
        describes a body (``Kellco-Mischkonzern``, ``Kellco-Betriebsrat``), the name alone
        is the body."""
        lexicon = self.lexicon
        for i, token in enumerate(tokens):
            word = token.text
            if taken[i] or word.count("-") != 1:
                continue
            first, tail = word.split("-")
            previous = tokens[i - 1].text.lower() if i else ""
            if (
                previous in _INDEFINITE  # "eine Offshore-Firma": some body, not a named one
                or not _is_capitalised(first)
                or not first.isalpha()
                or _body_head(tail) is None
                or (len(first) < 4 and not first.isupper())  # "Öko-Partei": a prefix
                or lexicon.is_common_noun(first)
                or lexicon.is_common_noun(first.removesuffix("s"))  # "Rettungs-"
                or first.endswith(_LINKED_NOUN_ENDINGS)  # "Lebensrettungs-": a noun's stem
                or lexicon.is_lowercase_word(first)
                or first.lower() in lexicon.english_words  # "Offshore-Firma"
                or self._noun_compound(first)
                or lexicon.lookup(first) is not None
                or first in lexicon.toponyms
                or first in lexicon.given_names
                or first in lexicon.surnames
                or self._adjective_state(first) is not None
            ):
                continue
            if (_body_head(tail) or "").lower().endswith(_DESCRIBING_HEADS):
                # "Kellco-Mischkonzern", "Brixa-Kasse": the name, of a body described after it
                end = token.start + len(first)
                emit(i, i + 1, "organisation", first, evidence="pattern", end=end)
                continue
            emit(i, i + 1, "organisation", word, evidence="pattern")

    def _compass_regions(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``in der Ostukraine``, ``Nordsyriens``, ``Südostasien``: a point of the compass
        joined to a state or a region names a part of it, a place."""
        lexicon = self.lexicon
        for i, token in enumerate(tokens):
            word = token.text
            if taken[i] or not _is_capitalised(word) or not word.isalpha():
                continue
            prefix = next((p for p in _COMPASS_PREFIXES if word.startswith(p)), None)
            if prefix is None or len(word) < len(prefix) + 4:
                continue
            name = word
            rest = word[len(prefix) :].capitalize()
            if rest not in lexicon.toponyms and _lookup_kind(lexicon, rest) != "state":
                name = _strip_genitive(word)  # "Nordsyriens"
                rest = name[len(prefix) :].capitalize()
            known = _lookup_kind(lexicon, rest) == "state" or (
                rest in lexicon.toponyms
                and not lexicon.is_common_noun(rest)  # "Nordwind": the wind
                and self.clusters.of(rest) == "place"
            )
            if known and lexicon.lookup(name) is None:
                emit(i, i + 1, "place", name, key=_place_key(name), evidence="place-words")

    def _capitalised_adjective(self, word: str) -> bool:
        """``Syrische``, ``Deutscher``, ``Physikalischen``: a capitalised word that is an
        adjective written small in running text."""
        return (
            _ADJECTIVE_FORM.fullmatch(word) is not None
            and self.lexicon.is_lowercase_word(word)
            and word.lower() not in _DETERMINERS
            and word.lower() not in _SHORT_FUNCTION_WORDS
        )

    def _adjective_state(self, word: str) -> Entry | None:
        """The state of a demonym adjective (``französische``), remembered per word."""
        return _remembered(self._adjective_states, word, self._find_adjective_state)

    def _find_adjective_state(self, word: str) -> Entry | None:
        lower = word.lower()
        for ending in _ADJ_ENDINGS:
            if ending and not lower.endswith(ending):
                continue
            stem = lower[: len(lower) - len(ending)] if ending else lower
            entry = self.lexicon.adjectives.get(stem)
            if entry is not None:
                return entry
        return None

    def _adjectives(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """Demonym adjectives are evidence for their state (``französische Soldaten``), place
        adjectives before a noun for their place (``die Passauer Polizei``)."""
        for i, token in enumerate(tokens):
            if taken[i]:
                continue
            entry = self._adjective_state(token.text)
            if entry is not None:
                if _is_capitalised(token.text) and token.text.lower() in self.lexicon.adjectives:
                    continue  # "auf Türkisch", "Deutsch lernen": a language, not the state
                emit(i, i + 1, "state", entry.name, key=entry.key, evidence="adjective")
                continue
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            place = self._place_of_adjective(token.text) if _is_capitalised(following) else None
            if place is None:
                place = self._place_of_inhabitant(token.text)
            if (
                place is not None
                and self.lexicon.is_lowercase_word(place)
                and self.lexicon.is_common_noun(token.text)
                and (not self.lexicon.is_common_noun(following) or (following and taken[i + 1]))
            ):
                # "der Sender Radio Larimo": a noun, not the town of Senden; an adjective of a
                # place that is also a word ("Erlanger Polizei") needs a noun after it
                continue
            if place is not None and not self._shouted(token.text):
                key = _place_key(place)
                emit(i, i + 1, "place", place, key=key, evidence="adjective")

    # -- cue phrases ----------------------------------------------------------------

    def _cue_phrases(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        """``Nachrichtenagentur ANSA``, ``Region Bretagne``, ``Landkreis Celle``: a cue noun then
        a name; after a plural cue a list (``die Airlines A, B und C``)."""
        cues = _CUE_WORDS
        for i in range(len(tokens) - 1):
            if tokens[i].text not in _CUE_FORMS:
                continue
            cue = _strip_genitive(tokens[i].text, cues)
            if cue not in cues and tokens[i].text.endswith("es") and tokens[i].text[:-2] in cues:
                cue = tokens[i].text[:-2]  # "des Flusses Weißach", "des Vereines"
            plural = tokens[i].text in _ORG_CUES_PLURAL or tokens[i].text in _PLACE_CUES_PLURAL
            if cue not in cues and not plural:
                continue
            j = i + 1
            while j < len(tokens):
                end = j
                while (
                    end < len(tokens)
                    and not taken[end]
                    and self._name_like(tokens[end].text, end == 0)
                ):
                    end += 1
                if end == j:
                    while end < len(tokens) and taken[end] and plural:
                        end += 1  # a listed name that is known already: "…, Condor, …"
                    if end == j or end + 1 >= len(tokens) or tokens[end].text not in _LIST_WORDS:
                        break
                    j = end + 1
                    continue
                name = _join(tokens[j:end])
                if cue in _NAMED_UNITS:  # "im Landkreis Celle": the kind is part of the name
                    emit(i, end, "place", f"{cue} {name}", evidence="cue")
                    break
                kind: ActorKind = (
                    "place"
                    if cue in _PLACE_CUES or tokens[i].text in _PLACE_CUES_PLURAL
                    else "organisation"
                )
                emit(j, end, kind, name, evidence="cue")
                if not (plural and end + 1 < len(tokens) and tokens[end].text in _LIST_WORDS):
                    break
                j = end + 1

    def _shouted(self, word: str) -> bool:
        """A word in capitals that is an ordinary word: headline shouting (``SIEG``, ``DER ZORN``,
        ``FAHRER-FLUCHT``, ``TOOOOR``), not an acronym."""
        if not word.isupper() or len(word) < 2:
            return False
        if re.search(r"(\w)\1\1", word):
            return True
        lexicon = self.lexicon
        parts = [part for part in word.split("-") if part]

        def ordinary(part: str) -> bool:
            lower = part.lower()
            if lower in _SHORT_FUNCTION_WORDS or lower in _DETERMINERS or lower in _AUXILIARIES:
                return True
            if lexicon.is_common_noun(part.capitalize()):
                return len(part) > 2
            # short acronyms are often written in lower case too ("spd"): only longer words
            return len(part) > 4 and lexicon.is_lowercase_word(part)

        return bool(parts) and all(ordinary(part) for part in parts)

    def _name_like(self, word: str, sentence_start: bool, previous: str = "") -> bool:
        if not _is_capitalised(word) or word in _NOT_NAMES or self._adjective_state(word):
            return False
        if self._shouted(word):
            return False
        if word.endswith("-"):
            return False  # "In- und Ausland": half of a compound
        if _currency_compound(word):
            return False  # "US-Dollar", "Hongkong-Dollar": a currency
        if word in _PERSON_CONTEXT:
            return False  # "als Captain", "der Sheriff": a function, no name
        if self._named_feature(word):
            return True  # "im Riesengebirge", "durch den Ärmelkanal"
        if previous.lower() in _DETERMINERS and self.lexicon.is_common_noun(word):
            return False  # "eine Art Amnesie": after an article, a noun is a noun
        if _ACRONYM.match(word) or _MIXED_ACRONYM.fullmatch(word):
            return word not in _UNITS
        if not word[0].isalpha():
            return False
        base = _strip_genitive(word)
        if self._place_compound(word) and not self.lexicon.is_common_noun(word):
            return True
        if self._common_noun_like(word) or self._common_noun_like(base):
            if (
                (word in self.lexicon.toponyms or base in self.lexicon.toponyms)
                and (self.clusters.of(word) == "place" or self.clusters.of(base) == "place")
                and previous.lower() not in _DETERMINERS
                and not (_attribute(previous) and self.lexicon.is_common_noun(word))
            ):
                # "in Kiel", "aus Bremen": a city; "die Welt", "nach starkem Regen": a noun
                return True
            # a noun that a large corpus mostly uses as a name: "Meier", "Köhler"
            return word in self.lexicon.given_names or self.clusters.is_person(word)
        if self.lexicon.is_lowercase_word(word):
            # "an die Seine", "nach Leer": mid-sentence, a function word in capitals is the
            # place of its name
            return (
                not sentence_start
                and word in self.lexicon.toponyms
                and bool(previous)
                and previous not in _SENTENCE_OPENERS
            )
        return not self._role_like(word)

    # -- names of people and the unknown ----------------------------------------------

    def _named_feature(self, word: str) -> bool:
        """A listed sea, strait or range that is also a noun: ``Riesengebirge``, ``Ärmelkanal``
        (not ``Lichtermeer``, which no list of places has)."""
        word = _strip_genitive(word.rstrip("."))
        return (
            word.lower().endswith(_FEATURE_SUFFIXES)
            and word in self.lexicon.toponyms
            and self.clusters.of(word) in ("place", None)
        )

    def _continues_name(self, word: str, *, after_given: bool) -> bool:
        """Later parts of a name may be short function words (``Un``) or, after a given
        name, common nouns or adjectives (``Peter Kaiser``, ``Sebastian Kurz``)."""
        if not _is_capitalised(word) or word in _NOT_NAMES or _ACRONYM.match(word):
            return False
        if not word[0].isalpha() or word.endswith("-") or self._shouted(word):
            return False
        if _TRANSLITERATED_PART.fullmatch(word):
            return True  # "Min-jun", "Su-jins"
        if len(word) <= 3 and word[1:].islower() and word.lower() not in _SHORT_FUNCTION_WORDS:
            return True  # syllables of transliterated names: "Min", "Jun", "Un"
        if self.lexicon.lookup(word) is not None or word in self.lexicon.capitals:
            return False
        lower = word.lower()
        if (
            lower in _SHORT_FUNCTION_WORDS
            or lower in _DETERMINERS
            or word in self.lexicon.honorifics
        ):
            return False  # "… Patrick Brunn Auf der …": the next sentence or phrase begins
        if after_given:
            # a capitalised word right after a given name is the surname, even if it is
            # also a noun or an adjective ("Peter Kaiser", "Sebastian Kurz")
            return True
        if self._role_like(word) or word in _PERSON_CONTEXT:
            return False  # "Hamburgs Boss …": a function before the next name
        base = _strip_genitive(word)
        if self._common_noun_like(word) or self._common_noun_like(base):
            return word in self.lexicon.given_names or self.clusters.is_person(word)
        return len(word) <= 3 or not self.lexicon.is_lowercase_word(word)

    def _opens_other_club(self, tokens: list[_Token], taken: list[bool], i: int) -> bool:
        """A club prefix that names a known club alone (``VfB``) followed by a town or a
        name (``VfB Lübeck``, ``VfB Lindrup 05``): the prefix of another club."""
        return (
            tokens[i].text in _CLUB_PREFIXES
            and i + 1 < len(tokens)
            and not taken[i + 1]
            and self._continues_club(tokens[i + 1].text)
        )

    def _continues_club(self, word: str) -> bool:
        """``FC Wendelstadt``, ``SV Eintracht Celle``: a club's name goes on over its town,
        and over a second prefix (``SG Dynamo Kellstadt``, ``ESV Lokomotive Lindrup``)."""
        lexicon = self.lexicon
        return word in _CLUB_PREFIXES or (
            _is_capitalised(word)
            and word[0].isalpha()
            and not self._shouted(word)
            and (word in lexicon.toponyms or not lexicon.is_common_noun(word))
            and not lexicon.is_lowercase_word(word)
            and word not in _NOT_NAMES
        )

    def _name_title_start(self, tokens: list[_Token], i: int) -> bool:
        """``Lady Gaga``, ``Miss Marple``: an English title that is part of the name."""
        word = tokens[i].text
        if i + 1 >= len(tokens):
            return False
        following = tokens[i + 1].text
        if word in _NAME_TITLES:
            return _is_capitalised(following) and not self._common_noun_like(following)
        return False

    def _capitalised_oddity(self, tokens: list[_Token], i: int) -> bool:
        """A lower-case word capitalised mid-sentence before a name is a given name: ``Dick Advocaat``."""
        word = tokens[i].text
        if i == 0 or i + 1 >= len(tokens) or not _is_capitalised(word) or not word[1:].islower():
            return False
        previous = tokens[i - 1].text
        if previous.lower() in _DETERMINERS or previous.lower() in _LOCATIVE:
            return False
        if not self.lexicon.is_lowercase_word(word) or word.lower() in _SHORT_FUNCTION_WORDS:
            return False
        following = tokens[i + 1].text
        return (
            self.clusters.is_person(following)
            and not self._common_noun_like(following)
            and not self.lexicon.is_lowercase_word(following)
        )

    def _transliterated_start(self, tokens: list[_Token], i: int) -> bool:
        """A family name that is also a German word, before given names: ``Park Min-jun``."""
        word = tokens[i].text
        if not _is_capitalised(word) or len(word) > 5 or i + 1 >= len(tokens):
            return False
        if word in _PERSON_CONTEXT or self._role_like(word) or word in _NOT_NAMES:
            return False  # "Vater Kim …": a relation, then the name
        if word.lower() in _SHORT_FUNCTION_WORDS or word.lower() in _DETERMINERS:
            return False  # "Im Suco Soro …"
        following = tokens[i + 1].text
        if _TRANSLITERATED_PART.fullmatch(following):
            return True
        if i + 2 >= len(tokens):
            return False
        pair = [following, tokens[i + 2].text]
        return all(
            _is_capitalised(part)
            and len(part) <= 4
            and part.lower() not in _SHORT_FUNCTION_WORDS
            and (
                len(part) <= 3
                or not (self.lexicon.is_common_noun(part) or self.lexicon.is_lowercase_word(part))
            )
            for part in pair
        )

    def _is_given(self, word: str) -> bool:
        return word in self.lexicon.given_names or self.clusters.of(word) == "given"

    def _particle_length(
        self, tokens: list[_Token], j: int, after_given: bool = False
    ) -> int | None:
        """Name particles before a further name part: ``von der Leyen``, ``da Silva``."""
        first = tokens[j].text.lower()
        if first not in _NAME_PARTICLES or first in ("der", "den"):
            return None
        length = 1
        if j + 2 < len(tokens) and tokens[j + 1].text.lower() in (
            "der",
            "den",
            "la",
            "le",
            "los",
            "las",
        ):
            length = 2  # a double particle is a strong signal on its own
        if j + length >= len(tokens):
            return None
        following = tokens[j + length].text
        if (
            not _is_capitalised(following)
            or _ACRONYM.match(following)
            or _CAMEL_CASE.fullmatch(following)
            or following in _ORG_HEAD_WORDS
            or following in _ENGLISH_INSTITUTIONS
            or self._role_like(following)
            or self.lexicon.lookup(following) is not None
            # "Müller von der Universität X": an institution, not "von der Leyen"
            or (
                length == 2
                and self.lexicon.is_common_noun(following)
                and following not in self.lexicon.surnames
            )
        ):
            return None  # "Müller von den Grünen": a party, not part of the name
        if length == 1 and not after_given and not self._name_like(following, False):
            return None
        if (
            length == 2
            and first == "von"
            and not after_given
            and following not in self.lexicon.surnames
            and not self.clusters.is_person(following)
        ):
            return None  # "Joachim Feher von der Larimo": a full name, then where from
        return length

    def _role_like(self, word: str) -> bool:
        """A role cue, also inside compounds: ``Entholzer-Kritiker``, ``Landesgeschäftsführer``."""
        if self.lexicon.role_of(word):
            return True
        head = word.rsplit("-", 1)[-1]
        if head != word and (self.lexicon.role_of(head) or head in _PERSON_NOUNS):
            return True
        return word.endswith(_PERSON_SUFFIXES)

    def _common_noun_like(self, word: str) -> bool:
        """A common noun, or a compound whose last part is one (``Aktenfälschung``)."""
        lexicon = self.lexicon
        if lexicon.is_common_noun(word):
            return True
        if "-" in word:
            head = word.rsplit("-", 1)[-1]
            return bool(head) and (lexicon.is_common_noun(head) or head[:1].islower())
        for cut in range(3, len(word) - 4):  # a tail of five letters or more
            tail = word[cut:]
            tail = tail[:1].upper() + tail[1:]
            if lexicon.is_common_noun(tail) and not (
                tail in lexicon.given_names or tail in lexicon.surnames or tail in lexicon.toponyms
            ):
                return True
        return False

    def _noun_compound(self, word: str) -> bool:
        """A compound of two common nouns (``Parkdeck``: Park + Deck, ``Fanblock``),
        a linking ``s`` or ``n`` allowed (``Arbeitsmarkt``); not one that ends like a town's
        or a body's name (``Rodenbach``, ``Volkspartei``) or in a place
        (``Nordhessen``), nor a known place (``Bodensee``)."""
        return _remembered(self._noun_compounds, word, self._find_noun_compound)

    def _find_noun_compound(self, word: str) -> bool:
        lexicon = self.lexicon
        lower = word.lower()
        if word in lexicon.toponyms or lower.endswith(_NAME_TAILS):
            return False  # "Rodenbach": a town's name; "Volkspartei": a body's
        for cut in range(3, len(word) - 3):
            tail = word[cut:].capitalize()
            if not lexicon.is_common_noun(tail) or self.clusters.of(tail) == "place":
                continue  # "Nordhessen": Hessen is a place more than a noun
            head = word[:cut]
            for stem in (head, head[:-1] if head.endswith(("s", "n")) else head):
                if len(stem) >= 3 and lexicon.is_common_noun(stem):
                    return True
        return False

    def _names(self, tokens: list[_Token], taken: list[bool], emit) -> None:
        lexicon = self.lexicon
        i = 0
        while i < len(tokens):
            if not _is_capitalised(tokens[i].text) and tokens[i].text not in _LOWER_CASE_STARTS:
                i += 1  # no name (nor a thing, title or prefix before one) begins so
                continue
            previous = tokens[i - 1].text if i else ""
            thing = _named_thing_length(tokens, i)
            if thing:
                i += thing  # "Hartz IV": the benefit, not a person
                continue
            if not taken[i] and self._names_a_thing(tokens, taken, i):
                i += 1
                while i < len(tokens) and _is_capitalised(tokens[i].text) and not taken[i]:
                    i += 1
                continue
            if taken[i] or not (
                self._name_like(tokens[i].text, i == 0, previous)
                or self._named_by_cue(tokens, i)
                or self._transliterated_start(tokens, i)
                or self._capitalised_oddity(tokens, i)
                or self._name_title_start(tokens, i)
                or self._after_name_prefix(tokens, taken, i + 1)
                # "Dynamo Larimo": a club's first word that is also a noun, then its town
                or (
                    tokens[i].text in _CLUB_PREFIXES
                    and i + 1 < len(tokens)
                    and not taken[i + 1]
                    and self._continues_club(tokens[i + 1].text)
                )
            ):
                i += 1
                continue
            j = i + 1
            given_first = (
                tokens[i].text in lexicon.given_names or self.clusters.of(tokens[i].text) == "given"
            )
            while j < len(tokens) and not taken[j]:
                word = tokens[j].text
                before = tokens[j - 1].text
                if (
                    before.endswith("s")
                    and self.clusters.is_person(before[:-1])
                    and not self.clusters.is_person(before)
                ):
                    break  # a genitive name before another name: "Napoleons Regensburg"
                # after given names only ("Franz Josef …"), the next word is the surname
                # ("Franz Freiherr …", "Clarence E. …": a title of nobility or an initial on
                # the way)
                all_given = given_first and all(
                    self._is_given(t.text)
                    or t.text in _NOBILITY_TITLES
                    or _INITIAL.fullmatch(t.text)
                    for t in tokens[i:j]
                )
                if (
                    particle := self._particle_length(tokens, j, after_given=all_given)
                ) is not None:
                    j += particle + 1
                elif (
                    self._continues_name(word, after_given=all_given)
                    # "Bashar al-Assad", "Omar al-Baschir": the Arabic article in a surname
                    or _ARABIC_SURNAME.fullmatch(word)
                    or (
                        (
                            tokens[i].text in _CLUB_PREFIXES
                            or (j == i + 1 and tokens[i].text in _ORG_PREFIXES)
                            or (j == i + 1 and self._org_cue_before(tokens, i))
                        )
                        and self._continues_club(word)
                    )
                    # "St. Nikolauskapelle": the saint's church, one name
                    or (j == i + 1 and tokens[i].text in _SAINTS and _is_capitalised(word))
                    # "TSV 1860 München", "SG 01 Höchst": a club's year, then its town
                    or (
                        j == i + 1
                        and tokens[i].text in _CLUB_PREFIXES
                        and _CLUB_FOUNDED.fullmatch(word)
                        and j + 1 < len(tokens)
                        and self._continues_club(tokens[j + 1].text)
                    )
                ):
                    j += 1
                else:
                    break
            words = [t.text for t in tokens[i:j]]
            if _sentence_final_stop(words[-1]):
                words[-1] = words[-1][:-1]
            if (
                j < len(tokens)
                and words[-1].endswith("s")
                and self.lexicon.is_common_noun(tokens[j].text)
            ):
                # a genitive before its noun: "Park Min Juns Vater", "Merkels Politik"
                words[-1] = words[-1][:-1]
            self._classify_name(tokens, i, j, words, emit)
            i = j

    def _classify_name(self, tokens: list[_Token], i: int, j: int, words: list[str], emit) -> None:
        """Decide what a run of capitalised words names, strongest evidence first."""
        lexicon = self.lexicon
        first = words[0]
        last = words[-1]
        given = first in lexicon.given_names or self.clusters.of(first) == "given"
        function_first = (
            (first in lexicon.honorifics and first not in _NAME_TITLES)
            or first in _PERSON_CONTEXT
            or (
                self._common_noun_like(first)
                and not given
                and not self._place_compound(first)
                and not self.clusters.is_person(first)
            )
        )
        if len(words) == 1 and self._counted_noun(tokens, i):
            return
        if len(words) >= 2 and first in lexicon.honorifics and first not in _NAME_TITLES:
            # "Dr. Anna Keller": the title is no part of the name
            self._classify_name(tokens, i + 1, j, words[1:], emit)
            return
        if len(words) >= 2 and first in _NAME_TITLES and not self._common_noun_like(words[1]):
            emit(i, j, "person", _person_name(words), evidence="given-name")  # "Lady Gaga"
            return
        if (place := self._place_of_inhabitant(first)) is not None:
            # "die gebürtige Kasselerin Anna Keller": the place, then the name
            key = _place_key(place)
            emit(i, i + 1, "place", place, key=key, evidence="adjective")
            if len(words) >= 2:
                self._classify_name(tokens, i + 1, j, words[1:], emit)
            return
        if (
            len(words) >= 2
            and function_first
            and first not in _NAME_TITLES  # "Lady Gaga", "Sir Elton John": part of the name
            and first not in _ORG_PREFIXES  # "Air Kellstadt": an airline
            and first not in _CLUB_PREFIXES  # "Dynamo Larimo": a club
            and not _looks_transliterated(words)
            and self._role_before(tokens, i) is None
        ):
            # "Coach Andy Ibbott", "Chefinspektor Hadden Dolores": a function, then the name
            self._classify_name(tokens, i + 1, j, words[1:], emit)
            return
        role = self._role_before(tokens, i)
        if role is None:
            role = self._role_after(tokens, j)
        at_start = i == 0 or tokens[i - 1].text in ("„", '"', "(", "–", "-", ":", "»", "«")
        name_class = self.clusters.of(_strip_genitive(last)) or self.clusters.of(last)
        first_class = self.clusters.of(first)
        multi = len(words) >= 2
        if not multi and first in _UNITS:
            return  # "… mit 300 MiB.": a unit at the end of a sentence
        if not multi and (_ACRONYM.match(first) or _MIXED_ACRONYM.fullmatch(first)):
            emit(i, j, "organisation", first, evidence="acronym")
        elif not multi and _CAMEL_CASE.fullmatch(first) and not first.startswith(_CAMEL_PREFIXES):
            emit(i, j, "organisation", first, evidence="shape")  # a brand: "PayNow", "CloudWorks"
        elif multi and (
            last in _ORG_HEAD_WORDS
            or first in _CLUB_PREFIXES
            or first in _ORG_PREFIXES
            or last.endswith(("-AG", "-GmbH", "-Werke"))
        ):
            if first in _CLUB_PREFIXES and i and re.fullmatch(r"\d{1,2}\.", tokens[i - 1].text):
                i -= 1  # "1. FC Köln": the number is part of the club's name
            if first in _CLUB_PREFIXES and _club_number(tokens, j, prefixed=True):
                # "SV Kellstadt 98": the club's founding year closes its name
                name = f"{_join(tokens[i:j])} {tokens[j].text[:2]}"
                emit(i, j + 1, "organisation", name, evidence="org-head", end=tokens[j].start + 2)
                return
            emit(i, j, "organisation", _join(tokens[i:j]), evidence="org-head")
        elif (
            len(words) == 2
            and re.fullmatch(r"I{1,3}|IV|V|VI", last)
            and not given
            and (first in lexicon.toponyms or first_class == "place")
        ):
            # "Erlstadt II": a numbered constituency or district, not a king
            emit(i, j, "place", _join(tokens[i:j]), evidence="place-words")
        elif multi and any(word in _FOREIGN_FUNCTION_WORDS for word in words):
            return  # a title or slogan ("Keep It Together"), not an actor
        elif self._org_cue_before(tokens, i):
            emit(i, j, "organisation", _join(tokens[i:j]), evidence="cue")
        elif (kind := self._kind_in_apposition(tokens, j)) is not None and (
            not given or "von" in words[1:-1]
        ):
            # "Kellbrand, der größte Computer-Dienstleister Nordeuropas, …"
            if "von" in words[1:-1]:
                # "Ferro Kyne von Brommium, einer Sicherheitsfirma": the person, then the body
                v = i + words.index("von", 1)
                self._classify_name(tokens, i, v, words[: v - i], emit)
                i = v + 1
            emit(i, j, kind, _join(tokens[i:j]), evidence="apposition")
        elif (
            multi
            and not given
            and (
                first in _PLACE_PREFIXES
                or last in _PLACE_HEADS
                or any(word in ("di", "del", "della", "de", "do", "da") for word in words[1:-1])
            )
        ):
            name = _join(tokens[i:j])
            if name.endswith("er") and name[:-2] in lexicon.toponyms:
                name = name[:-2]  # "die New Yorker Polizei": New York
            emit(i, j, "place", name, evidence="place-words")
        elif role == "" and multi and not given and last.lower() in lexicon.english_words:
            return  # "Chief Executive Officer": a title, not a name
        elif role is not None:
            emit(i, j, "person", _person_name(words), role=role or None, evidence="cue")
        elif multi and not given and last.lower() in lexicon.english_words:
            return  # "Red Devils", "Public License": a title or a product, not an actor
        elif self._place_compound(last):
            emit(i, j, "place", _strip_genitive(_join(tokens[i:j])), evidence="place-compound")
        elif multi and (
            first in lexicon.given_names
            or (first_class == "given" and name_class != "place")
            or _looks_transliterated(words)
        ):
            emit(i, j, "person", _person_name(words), evidence="given-name")
        elif (
            self._locative_before(tokens, i)
            and not self.clusters.is_person(last)
            # "im Parkdeck", "aus dem Fanblock": a compound of two nouns, no town
            and (multi or not self._noun_compound(first))
        ):
            name = _strip_genitive(_join(tokens[i:j]), lexicon.toponyms)
            emit(i, j, "place", name, evidence="locative")
        elif not multi and self.clusters.is_person(first) and not lexicon.is_lowercase_word(first):
            # how the word is used in a large corpus outweighs a town of the same name; a
            # word that is also a noun ("Fischer") needs a full name elsewhere to count
            noun = self._common_noun_like(first)
            verb_follows = at_start and j < len(tokens) and tokens[j].text[:1].islower()
            # a noun-like surname counts alone only as a sentence's subject ("Beck ist …")
            evidence = "surname-cluster" if not noun or verb_follows else "unknown"
            emit(i, j, None, first, evidence=evidence)
        elif (
            not multi
            and first.endswith("s")
            and self.clusters.is_person(first[:-1])
            and first not in lexicon.toponyms  # "Krems" is a town, not the genitive of "Krem"
        ):
            emit(i, j, None, first[:-1], evidence="surname-cluster")  # "Schirachs", "Bhuttos"

        elif (
            multi
            and any(self.clusters.is_person(word) for word in words)
            and not (name_class == "place" and first_class == "place")
        ):
            emit(i, j, "person", _person_name(words), evidence="given-name")
        elif (
            name_class == "place"
            and (not multi or first not in lexicon.given_names)
            and (multi or not self._noun_compound(first))
        ):
            emit(i, j, "place", self._place_name(_join(tokens[i:j])), evidence="cluster")
        elif not multi and (
            first in lexicon.toponyms or _strip_genitive(first) in lexicon.toponyms
        ):
            emit(i, j, "place", _strip_genitive(first, lexicon.toponyms), evidence="toponym")
        elif name_class == "organisation":
            emit(i, j, "organisation", _join(tokens[i:j]), evidence="cluster")
        elif multi and not at_start:
            emit(i, j, None, _person_name(words), evidence="unknown")
        elif not multi and self._noun_compound(first):
            return  # "Fanblock", "Jugendliga": a compound of two nouns names no one
        else:
            name = first if not multi else _join(tokens[i:j])
            emit(i, j, None, name, evidence="unknown" if not at_start else "sentence-start")

    def _place_compound(self, word: str) -> bool:
        """``Schillerstraße``, ``Gelsenkirchen``; ``Emslandkreis`` only as a word used like a place."""
        if _is_place_compound(word):
            return True
        lower = word.lower()
        return (
            any(lower.endswith(s) and len(lower) > len(s) + 2 for s in _WEAK_PLACE_SUFFIXES)
            and self.clusters.of(_strip_genitive(word)) == "place"
        )

    def _place_name(self, name: str) -> str:
        """``Ostasiens`` → ``Ostasien`` when the base form is a known place word."""
        base = _strip_genitive(name)
        if base != name and (base in self.lexicon.toponyms or self.clusters.of(base) == "place"):
            return base
        return name

    def _locative_before(self, tokens: list[_Token], i: int) -> bool:
        """``in Spangdahlem``, ``nach Łask``, ``auf der Krim``."""
        if i == 0:
            return False
        previous = tokens[i - 1].text.lower()
        if previous in ("in", "im", "nach", "aus", "bei", "nahe", "richtung"):
            return True
        if previous == "von" and i >= 2 and tokens[i - 2].text.lower() in _DIRECTIONS:
            return True  # "südlich von Modrach"
        return (
            i >= 2
            and previous in ("der", "dem")
            and tokens[i - 2].text.lower() in ("auf", "in", "aus")
        ) or previous in _DIRECTIONS

    def _names_a_thing(self, tokens: list[_Token], taken: list[bool], i: int) -> bool:
        """``eine sogenannte Zoltana``, ``das Satellitensystem Argus``, ``Sturmtief Zoltan``: the
        name of a term, a product or a weather system, not of an actor."""
        if i == 0 or taken[i - 1] or not _is_capitalised(tokens[i].text):
            return False  # "Lena Sturm und …": the cue word is part of a name
        previous = tokens[i - 1].text
        if previous.lower().startswith(("sogenannt", "so genannt")):
            return True
        lower = _strip_genitive(previous).lower()
        return _is_capitalised(previous) and lower.endswith(_THING_CUES)

    def _named_by_cue(self, tokens: list[_Token], i: int) -> bool:
        """``US-Softwarefirma Cloudstrike``: after an organisation cue, a capitalised word that
        is not itself a noun is a name, even where its tail is one."""
        word = tokens[i].text
        return (
            _is_capitalised(word)
            and word[1:2].islower()
            and not self.lexicon.is_common_noun(word)
            and not self.lexicon.is_lowercase_word(word)
            and self._org_cue_before(tokens, i)
        )

    def _org_cue_before(self, tokens: list[_Token], i: int) -> bool:
        """``Erdölkonzern Petrobras``, ``Beteiligungsgesellschaft Öbib``: a compound ending in an org noun."""
        if i == 0:
            return False
        word = _strip_genitive(tokens[i - 1].text).lower()  # "des Datenanbieters", "US-Firma"
        return any(word.endswith(suffix) and word != suffix for suffix in _ORG_SUFFIXES)

    def _kind_in_apposition(self, tokens: list[_Token], j: int) -> ActorKind | None:
        """After a name at ``j``, an apposition saying what kind of body or place it is:
        ``…, der größte Computer-Dienstleister Nordeuropas``, ``…, ein Hersteller von
        Fenstern``, ``…, eine Kleinstadt in Sachsen``."""
        if (
            j + 2 >= len(tokens)
            or tokens[j].text != ","
            or tokens[j + 1].text.lower() not in _APPOSITION_ARTICLES
        ):
            return None
        k = j + 2
        while k < min(len(tokens), j + 5) and (
            (
                _SMALL_ADJECTIVE.fullmatch(tokens[k].text) is not None
                and tokens[k].text not in _DETERMINERS
                and tokens[k].text not in _SHORT_FUNCTION_WORDS
            )
            or self._place_of_adjective(tokens[k].text) is not None
        ):
            k += 1  # "der zweitgrößte" (a form no word list has), "der Münchner"
        if k >= len(tokens) or not _is_capitalised(tokens[k].text):
            return None
        word = tokens[k].text
        lower = word.rsplit("-", 1)[-1].lower()  # "Computer-Dienstleister"
        if tokens[j + 1].text in ("der", "dem", "einer", "einem") and (
            word in _MEDIA_CUES or lower.endswith((*_MEDIA_SUFFIXES, "sender", "agentur"))
        ):
            return None  # "sagte Anna Keller, der Nachrichtenagentur AFP": whom she told
        if word in _ORG_CUES or (
            lower.endswith(_ORG_SUFFIXES) and not lower.endswith(_TRADE_SUFFIXES)
        ):
            return "organisation"
        if word in _PLACE_CUES:
            return "place"
        return None

    def _role_before(self, tokens: list[_Token], i: int) -> str | None:
        if i == 0:
            return None
        previous = tokens[i - 1].text
        if previous == "," and i >= 2:  # "der Sprecher, Juri …"
            previous = tokens[i - 2].text
        k = i - 1
        while k >= 0 and tokens[k].text in self.lexicon.honorifics:
            if tokens[k].text in _NAME_TITLES:
                break
            k -= 1  # "Geschäftsführer Prof. Dr. Anna Keller": the role before the titles
        if 0 <= k < i - 1:
            before = tokens[k].text
            role = self.lexicon.role_of(before)
            if role:
                return role
            if _is_capitalised(before) and self._role_like(before):
                return before
        if previous in _PERSON_CONTEXT or previous in self.lexicon.honorifics:
            return ""  # "Regierung Kreisky", "Familie Weber": a person, no role
        if self.lexicon.role_of(previous):
            return self.lexicon.role_of(previous)
        if _is_capitalised(previous) and self._role_like(previous):
            return previous  # a compound role: "Ex-Senator", "Landesgeschäftsführer"
        return None

    def _role_after(self, tokens: list[_Token], j: int) -> str | None:
        """Apposition: ``Eva Roth, Sprecherin des …``."""
        if j + 1 < len(tokens) and tokens[j].text == ",":
            return self.lexicon.role_of(tokens[j + 1].text)
        return None


def _kinds_from_lists(tokens: list[_Token], found: list[Candidate]) -> list[Candidate]:
    """``die Dörfer Kallio, Mäkelä und Rovaniemi``: names of unknown kind listed together with
    places (or organisations) are of that kind, if all the listed names agree."""
    index = {t.start: k for k, t in enumerate(tokens)}
    ordered = sorted(found, key=lambda c: c.start)
    chains: list[list[int]] = []
    for number, candidate in enumerate(ordered):
        if chains and number - 1 == chains[-1][-1]:
            previous = ordered[number - 1]
            first = index.get(previous.start)
            last = index.get(candidate.start)
            between = [] if first is None or last is None else tokens[first + 1 : last]
            words = [t for t in between if t.start >= previous.end]
            if words and all(t.text in _LIST_WORDS for t in words) and len(words) <= 2:
                chains[-1].append(number)
                continue
        chains.append([number])
    result = list(ordered)
    for chain in chains:
        kinds = {ordered[n].kind for n in chain if ordered[n].evidence != "adjective"} - {None}
        if len(chain) < 2 or len(kinds) != 1 or kinds == {"state"}:
            continue
        (kind,) = kinds
        if kind == "state":
            continue
        for n in chain:
            if ordered[n].kind is None and ordered[n].evidence in ("unknown", "sentence-start"):
                result[n] = replace(ordered[n], kind=kind, evidence="list")
    return result


def _club_number(tokens: list[_Token], k: int, *, prefixed: bool) -> bool:
    """Two digits at ``k`` that close a club's name (``Hannover 96``, ``SV Kellstadt 98``):
    followed by no noun they could count (``in Kellstadt 12 Grad``) and no range
    (``zwischen Trier 12 und 14 Uhr``). After a club's prefix, a number later in the
    sentence (a score: ``… 05 mit 1:2``) does not make it a count."""
    if k >= len(tokens) or not _CLUB_YEAR.fullmatch(tokens[k].text):
        return False
    if tokens[k].text.endswith(".") and k + 1 < len(tokens):
        return False  # "Kellstadt 12. Mai"
    after = [t.text for t in tokens[k + 1 : k + 3]]
    counted = after[1:] if after and after[0][:1].islower() else []
    if after and (after[0] in _RANGE_WORDS or _is_capitalised(after[0])):
        return False
    if counted and _is_capitalised(counted[0]):
        return False  # "in Kellstadt 50 seltene Vögel": the number counts a noun
    checked = after[:1] if prefixed else after
    return not any(word[:1].isdigit() for word in checked)


def _sentence_final_stop(word: str) -> bool:
    """``Tel.`` at the end of a sentence: a word and a full stop, not an abbreviation."""
    return (
        len(word) > 3
        and word.endswith(".")
        and word[:-1].isalpha()
        and word[:-1] not in _ABBREVIATIONS
        and not word[:-1].isupper()
    )


def club_core(name: str) -> str | None:
    """The word a club is called by: ``Köln`` for ``1. FC Köln``, ``Ulm`` for ``SSV Ulm``."""
    words = name.split()
    if words and re.fullmatch(r"\d+\.", words[0]):
        words = words[1:]
    if len(words) >= 2 and words[0] in _CLUB_PREFIXES:
        return words[1]
    return None


def _currency_compound(word: str) -> bool:
    """``US-Dollar``, ``Hongkong-Dollar``: a compound that ends in a currency's name."""
    return "-" in word and word.rsplit("-", 1)[-1].rstrip(".") in currency_words()


def surname_of(word: str) -> str:
    """The word a surname is used by alone: ``Assad`` for ``al-Assad``."""
    if _ARABIC_SURNAME.fullmatch(word):
        return word.split("-", 1)[1]
    return word


def _body_head(word: str) -> str | None:
    """``Beobachtungsstelle``, ``des Verbands`` → ``Verband``: the head noun of a body's name,
    in base form; None for any other word."""
    if not _is_capitalised(word) or not word.isalpha():
        return None
    stem = _base_form(word, _ADJECTIVE_BODY_HEADS) or _body_stem(word) or _unique_body(word)
    if stem is None and _strip_genitive(word) in _ORG_CUES:
        stem = _strip_genitive(word)
    return stem


def _gender_of(noun: str) -> str | None:
    """The gender of a German noun by its ending (``m``, ``f``, ``n`` or ``plural``); None
    where the ending does not tell."""
    lower = noun.lower()
    best, gender = 0, None
    for ending, kind in _GENDER_ENDINGS:
        if lower.endswith(ending) and len(ending) > best:
            best, gender = len(ending), kind
    return gender


def _body_stem(word: str) -> str | None:
    """``Mietervereins`` → ``Mieterverein``: a word naming a kind of body, in base form."""
    return _base_form(word, _BODY_SUFFIXES)


def _unique_body(word: str) -> str | None:
    """``Hauptausschusses`` → ``Hauptausschuss``: a body of which a story has one, in base form."""
    return _base_form(word, _UNIQUE_BODIES)


def _base_form(word: str, endings: tuple[str, ...]) -> str | None:
    """The word, without a genitive ``-s`` / ``-es``, where it ends like one of ``endings``."""
    lower = word.lower()
    for genitive in ("", "s", "es"):
        if genitive and not lower.endswith(genitive):
            continue
        stem = lower[: len(lower) - len(genitive)]
        if stem.endswith(endings):
            return word[: len(stem)]
    return None


def _remembered(known: dict[str, T], word: str, compute: Callable[[str], T]) -> T:
    """A per-word answer, remembered up to ``_MEMO_WORDS`` words."""
    if word in known:
        return known[word]
    answer = compute(word)
    if len(known) < _MEMO_WORDS:
        known[word] = answer
    return answer


# the words of these lists that are not capitalised (none today): the only ones in lower
# case that can begin a name in _names
_LOWER_CASE_STARTS = frozenset(
    word
    for word in (*_NAMED_THING_STARTS, *_ORG_PREFIXES, *_CLUB_PREFIXES, *_NAME_TITLES)
    if not _is_capitalised(word)
)


def _named_thing_length(tokens: list[_Token], i: int) -> int:
    """How many tokens at ``i`` spell a thing of the vocabulary (``Hartz IV``); 0 if none."""
    if tokens[i].text not in _NAMED_THING_STARTS:
        return 0
    for length in (2, 1):
        if i + length <= len(tokens) and _join(tokens[i : i + length]) in _NAMED_THINGS:
            return length
    return 0


def _credit_start(text: str) -> int | None:
    """Where a photo or agency credit begins in a sentence (``… Foto: Eva Roth / dpa``)."""
    match = _CREDIT.search(text)
    if match is None or len(match.group("rest").split()) > _CREDIT_WORDS:
        return None
    return match.start()


@lru_cache(maxsize=_MEMO_WORDS)
def _is_place_compound(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(_PLACE_SUFFIXES) and any(
        lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in _PLACE_SUFFIXES
    )


def _with_legal_form(tokens: list[_Token], taken: list[bool], end: int) -> int:
    """The end of a company's name with the legal form that follows it (``… AG``)."""
    if end < len(tokens) and not taken[end] and tokens[end].text in _LEGAL_FORMS:
        return end + 1
    return end


@lru_cache(maxsize=_MEMO_WORDS)
def _attribute(word: str) -> bool:
    """A lower-case word with an adjective's or article's ending (``starkem``, ``heftigen``,
    ``neuer``): a noun after it is that noun, not a town of the same name. Not an adjective
    of a country or region (``in den österreichischen Alpen``) and no verb (``dahinter
    folgen Niederösterreich``)."""
    if not (word.isalpha() and word.islower() and word.endswith(("em", "en", "er", "es"))):
        return False
    if word in _NOT_ATTRIBUTES or word.endswith(("ischem", "ischen", "ischer", "isches")):
        return False
    return lemma_table().get(word, word) not in verb_lemmas()


def _phrase_reach(lexicon: Lexicon, tokens: list[_Token], i: int, limit: int) -> int:
    """How many tokens from ``i`` (at most ``limit``) a phrase of the lexicon can span: once
    the text up to a space begins no phrase of more words (``der Regierung``), no longer text
    is one. The text is built as :func:`_join` builds it."""
    surface = tokens[i].text
    for k in range(i + 1, i + limit):
        if tokens[k - 1].space:
            if surface.casefold() not in lexicon.phrase_prefixes:
                return k - i
            surface += " "
        surface += tokens[k].text
    return limit


_DASHES = ("–", "—", "-")


def _join(tokens: list[_Token]) -> str:
    parts = []
    for index, token in enumerate(tokens):
        parts.append(token.text)
        if token.space and index < len(tokens) - 1:
            parts.append(" ")
    return "".join(parts)


def _place_key(name: str) -> str:
    """The key of a place: its name with case, hyphens and spacing ignored."""
    return "place:" + " ".join(re.split(r"[\s\-‐]+", name.casefold()))


def _lookup_kind(lexicon: Lexicon, word: str) -> str | None:
    """The kind of the lexicon's entry for ``word`` (None if it has none)."""
    entry = lexicon.lookup(word)
    return None if entry is None else entry.kind


@lru_cache(maxsize=2)
def _inflected_starts(toponyms: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """``Schwarzen`` → (``Schwarzes``,): the inflected forms of the adjectives that open
    toponyms of several words, each with the nominative forms the list has."""
    forms: dict[str, set[str]] = defaultdict(set)
    for name in toponyms:
        first = name.split(" ", 1)[0]
        match = re.fullmatch(r"([A-ZÄÖÜ][a-zäöüß]+?)(es|er|e)", first)
        if " " not in name or match is None:
            continue
        for ending in ("e", "en", "em", "er", "es"):
            if match.group(1) + ending != first:
                forms[match.group(1) + ending].add(first)
    return {form: tuple(sorted(firsts)) for form, firsts in forms.items()}


@lru_cache(maxsize=2)
def _toponym_starts(toponyms: frozenset[str]) -> dict[str, int]:
    """The first word of each toponym of several words, with the most tokens one may take
    (a word and its full stop can be two: ``Frankfurt a. M.``)."""
    starts: dict[str, int] = {}
    for name in toponyms:
        words = name.split()
        if len(words) > 1:
            starts[words[0]] = max(starts.get(words[0], 0), min(2 * len(words), 8))
    return starts


def _person_name(words: list[str]) -> str:
    return " ".join(words)


def _looks_transliterated(words: list[str]) -> bool:
    """East Asian names written with short syllables or a hyphen: ``Park Min Jun``, ``Lee Su-jin``."""
    if any(re.fullmatch(r"[A-Z][a-z]+-[a-z]+s?", word) for word in words[1:]):
        return True
    return len(words) == 3 and all(len(word) <= 5 for word in words)


def _nominative_adjective(word: str, gender: str) -> str:
    """``französischen`` + neuter -> ``Französisches`` (strong ending, as in a title)."""
    lower = word.lower()
    for ending in ("en", "er", "es", "em", "e"):
        if lower.endswith(ending):
            lower = lower[: -len(ending)]
            break
    stem = lower[:1].upper() + lower[1:]
    return stem + _STRONG_ENDING.get(gender, "e")
