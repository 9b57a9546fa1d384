"""General world knowledge and word lists, loaded once from ``generator/data/``.

Nothing here names a person: states, capitals, demonyms, organisations, role
titles (curated, partly generated from CLDR via Babel) and word lists generated
from german-nouns and spacy-lookups-data (see ``scripts/``).
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..model import ActorKind

# compounds whose head is a role title (``Außenministerin``, ``Parteichefs``)
_ROLE_SUFFIXES = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
)
_ROLE_INFLECTIONS = ("", "n", "s", "en")
_ROLE_ENDINGS = tuple(suffix + ending for suffix in _ROLE_SUFFIXES for ending in _ROLE_INFLECTIONS)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a known surface form stands for."""

    kind: ActorKind
    name: str
    key: str
    via: str  # name | capital | adjective | acronym


@dataclass(slots=True)
class Lexicon:
    phrases: dict[str, Entry] = field(default_factory=dict)  # exact surface -> entry
    folded: dict[str, Entry] = field(default_factory=dict)  # casefolded surface -> entry
    max_phrase_tokens: int = 1
    phrase_starts: set[str] = field(default_factory=set)  # casefolded first words of phrases
    # casefolded first words of phrases of more words ("new", "new york" of "New York Times"):
    # a text that is none of them begins no longer phrase
    phrase_prefixes: set[str] = field(default_factory=set)
    adjectives: dict[str, Entry] = field(default_factory=dict)  # adjective stem -> state
    invariant_adjectives: dict[str, Entry] = field(default_factory=dict)  # "Schweizer" -> state
    capitals: dict[str, Entry] = field(default_factory=dict)  # capital -> state
    roles: dict[str, str] = field(default_factory=dict)  # inflected cue -> nominative cue
    honorifics: frozenset[str] = frozenset()
    news_agencies: set[str] = field(default_factory=set)
    titles: dict[str, Entry] = field(default_factory=dict)  # "Die Zeit" -> "Die Zeit (…)"
    stock_indices: set[str] = field(default_factory=set)  # "DAX": an actor, but no body
    # names and aliases as listed in organisations.yml (not the generated companies.tsv)
    organisation_names: set[str] = field(default_factory=set)
    state_names: set[str] = field(default_factory=set)
    state_adjectives: dict[str, str] = field(default_factory=dict)  # display name -> stem
    common_nouns: frozenset[str] = frozenset()
    lowercase_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    toponyms: frozenset[str] = frozenset()
    english_words: frozenset[str] = frozenset()

    def lookup(self, surface: str) -> Entry | None:
        entry = self.phrases.get(surface)
        if entry is None and len(surface) > 3 and not surface.isupper():
            entry = self.folded.get(surface.casefold())
        return entry

    def is_common_noun(self, word: str) -> bool:
        return word in self.common_nouns

    def is_lowercase_word(self, word: str) -> bool:
        """True if the word is normally written in lower case (``Während`` at a sentence start)."""
        return word.lower() in self.lowercase_words

    def role_of(self, word: str) -> str | None:
        """The nominative role title for a cue word (``Präsidenten`` -> ``Präsident``)."""
        role = self.roles.get(word)
        if role is not None:
            return role
        if not word.endswith(_ROLE_ENDINGS):  # most words: one test
            return None
        for suffix in _ROLE_SUFFIXES:
            for ending in _ROLE_INFLECTIONS:
                if word.endswith(suffix + ending) and len(word) > len(suffix) + 2:
                    return word[: len(word) - len(ending)] if ending else word
        return None


def _read_yaml(name: str) -> Any:
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return read_yaml_text(text)


def read_companies() -> list[dict[str, Any]]:
    """``companies.tsv`` (generated: name, country, aliases by ``|``) as organisation
    entries; a table of its own, as YAML it took 0.2 s of every build to read."""
    text = resources.files("generator").joinpath("data", COMPANIES).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, country, aliases = line.split("\t")
            entries.append(
                {
                    "name": name,
                    "kind": "organisation",
                    "aliases": aliases.split("|") if aliases else [],
                    "country": country or None,
                    "type": "company",
                }
            )
    return entries


COMPANIES = "companies.tsv"

# libyaml's parser where PyYAML was built with it: 3-7 times faster on the data files
# (1.2 s of every build before), the same values.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_text(text: str) -> Any:
    """Trusted YAML (the shipped data files), parsed safely."""
    return yaml.load(text, Loader=_SAFE_LOADER)


# at least as many pieces as the tokenizer makes of a name: words, and punctuation apart
_TOKEN_BOUND = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=1)
def german_stop_words() -> frozenset[str]:
    """spaCy's German stop words, read from their source file without importing spaCy,
    which takes 2-3 s: linking and rendering the dossier need the list, not the library."""
    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.origin is not None:
        path = Path(spec.origin).parent / "lang" / "de" / "stop_words.py"
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            tree = None
        texts = [
            node.value
            for node in (ast.walk(tree) if tree is not None else ())
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
        if len(texts) == 1:  # the file is STOP_WORDS = set(""" ... """.split())
            return frozenset(texts[0].split())
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _read_words(name: str) -> frozenset[str]:
    raw = resources.files("generator").joinpath("data", f"{name}.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _genitive(word: str) -> str | None:
    if word.endswith(("s", "x", "z", "ß")):
        return None
    return word + "s"


def _genitives(surface: str) -> list[str]:
    """``Reichstags``/``Reichstages``, ``Bundesrates``: the genitive forms of a name."""
    forms = []
    if (genitive := _genitive(surface)) is not None:
        forms.append(genitive)
    last = surface.rsplit(" ", 1)[-1]
    if (
        last[-1:].isalpha()
        and last[-1:].islower()
        and last[-1:] not in "aeiouyäöü"
        and not last.endswith(("el", "er", "en", "em", "ung", "ing", "ion", "chen"))
    ):
        forms.append(surface + "es")
    return forms


def _weak_forms(surface: str) -> list[str]:
    """A name that opens with an adjective, inflected: after an article (``Internationaler
    Währungsfonds`` → ``der Internationale``, ``des Internationalen Währungsfonds``; ``Rotes
    Kreuz`` → ``das Rote``, ``des Roten Kreuzes``) and without one (``laut Deutschem
    Wetterdienst``, ``bei Europäischer Zentralbank``)."""
    first, _, rest = surface.partition(" ")
    if not rest or not first[:1].isupper() or not first[1:].islower():
        return []
    if first.endswith(("er", "es")) and len(first) >= 5:
        stem = first[:-2] + "e"
    elif first.endswith("e") and len(first) > 4:
        stem = first
    else:
        return []
    forms = (f"{stem} {rest}", f"{stem}n {rest}", f"{stem}m {rest}", f"{stem}r {rest}")
    return [form for form in forms if form != surface]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lexicon = Lexicon()

    def add(surface: str, entry: Entry, *, inflect: bool = True) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        forms = [surface]
        if inflect:
            forms.extend(_genitives(surface))
            for weak in _weak_forms(surface):
                forms.extend((weak, *_genitives(weak)))
        for form in forms:
            lexicon.phrases.setdefault(form, entry)
            lexicon.folded.setdefault(form.casefold(), entry)
            words = form.split()
            # in tokens: a comma is one of its own ("Bundesministerium für Familie, Senioren, …")
            tokens = len(_TOKEN_BOUND.findall(form))
            lexicon.max_phrase_tokens = max(lexicon.max_phrase_tokens, tokens)
            if len(words) > 1:
                first = words[0].casefold()
                lexicon.phrase_starts.update({first, re.split(r"[^\w]", first)[0]})
                folded = form.casefold().split(" ")
                lexicon.phrase_prefixes.update(" ".join(folded[:n]) for n in range(1, len(folded)))

    for state in _read_yaml("states.yml"):
        key = f"state:{state['code']}"
        display = state.get("display") or state["name"]
        lexicon.state_names |= {state["name"], *(state.get("short") or [])}
        entry = Entry(kind="state", name=display, key=key, via="name")
        add(state["name"], entry)
        for short in state.get("short") or []:
            via = "acronym" if short.isupper() else "name"
            add(short, Entry(kind="state", name=display, key=key, via=via))
        adjectives = [state.get("demonym_adjective"), *(state.get("extra_adjectives") or [])]
        for stem in adjectives:
            if stem:
                lexicon.adjectives[stem.lower()] = Entry(
                    kind="state", name=display, key=key, via="adjective"
                )
        if state.get("demonym_adjective"):
            lexicon.state_adjectives[display] = state["demonym_adjective"]
        for invariant in state.get("invariant_adjectives") or []:
            lexicon.invariant_adjectives[invariant] = Entry(
                kind="state", name=display, key=key, via="adjective"
            )
        for capital in state.get("seat_metonyms") or []:
            lexicon.capitals[capital] = Entry(kind="state", name=display, key=key, via="capital")
            genitive = _genitive(capital)
            if genitive:
                lexicon.capitals[genitive] = lexicon.capitals[capital]

    # the hand-curated bodies first: a listed company never takes a surface from them
    listed = [(entry, True) for entry in _read_yaml("organisations.yml")]
    for organisation, curated in [*listed, *((e, False) for e in read_companies())]:
        entry = Entry(
            kind="organisation",
            name=organisation["name"],
            key=f"organisation:{organisation['name']}",
            via="name",
        )
        add(organisation["name"], entry)
        if curated:  # what teaches the word clusters: German usage
            lexicon.organisation_names |= {
                organisation["name"],
                *(organisation.get("aliases") or []),
            }
        if organisation["name"].endswith(")"):  # "Die Zeit (Wochenzeitung)"
            lexicon.titles[organisation["name"].rsplit(" (", 1)[0]] = entry
        if organisation.get("type") == "news_agency":
            lexicon.news_agencies.add(organisation["name"])
        if organisation.get("type") == "index":
            lexicon.stock_indices.add(organisation["name"])
        for alias in organisation.get("aliases") or []:
            add(alias, entry)

    roles = _read_yaml("roles.yml")
    for cue in roles.get("cues", []):
        word = cue["word"]
        feminine = cue.get("feminine")
        for form in cue.get("forms") or [word]:
            # the role in the person's own gender: "Präsidentin" stays feminine
            base = feminine if feminine and form.startswith(feminine) else word
            lexicon.roles.setdefault(form, base)

    lexicon.honorifics = frozenset(roles.get("honorifics") or [])
    lexicon.common_nouns = _read_words("common_nouns")
    lexicon.lowercase_words = _read_words("lowercase_words")
    lexicon.given_names = _read_words("given_names")
    lexicon.surnames = _read_words("surnames")
    lexicon.toponyms = _read_words("toponyms")
    lexicon.english_words = _read_words("english_words")
    return lexicon


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, Any]:
    """The German vocabulary lists of the rules (``generator/data/vocabulary.yml``)."""
    data = _read_yaml("vocabulary.yml")
    if not isinstance(data, dict):
        raise ValueError("vocabulary.yml must be a mapping of list names to words")
    return data


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    """``Dollar``, ``Pfund``, ``Rubel``: the last words of the German names of currencies
    (CLDR, via Babel), as in ``US-Dollar`` or ``Hongkong-Dollar``."""
    from babel import Locale

    found = set()
    for name in Locale("de").currencies.values():
        words = name.split(" (")[0].split()  # "Aserbaidschan-Manat (1993–2006)"
        if len(words) > 2 or (len(words) == 2 and not words[0].endswith(("e", "er"))):
            continue  # "Mark der DDR"; but "Schweizer Franken", "Dänische Krone"
        last = words[-1].rsplit("-", 1)[-1]
        if last[:1].isupper() and last.isalpha():
            found.add(last)
    return frozenset(found)
