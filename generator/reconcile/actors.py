"""Turn per-article candidates into dossier-wide actors, with ids and aliases.

Rules first: inflection (``Schröders``), hyphen/space variants (``Park Min-jun`` /
``Park Min Jun``), a surname or a bare family name resolves to a full name of the
same article, else of the dossier if that is unambiguous, else it is dropped.
``Park Min Jun`` and ``Park Min Ho`` stay apart: full names only merge when equal
after normalisation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from slugify import slugify

from ..analyse.actors import Candidate, club_core, surname_of
from ..model import Actor, ActorKind, Mention, Role, Source

_UMLAUTS = [
    ["Ä", "Ae"],
    ["Ö", "Oe"],
    ["Ü", "Ue"],
    ["ä", "ae"],
    ["ö", "oe"],
    ["ü", "ue"],
    ["ß", "ss"],
]


def make_slug(text: str, max_length: int = 60) -> str:
    """A German-friendly URL slug: lower case, umlauts transcribed, ``-`` between words."""
    slug = _full_slug(text)
    if len(slug) > max_length:
        # cut at a word boundary; python-slugify's own truncation may skip inner words
        slug = (
            slug[: max_length + 1].rsplit("-", 1)[0]
            if "-" in slug[:max_length]
            else slug[:max_length]
        )
    return slug or "eintrag"


@lru_cache(maxsize=8192)
def _full_slug(text: str) -> str:
    """(Each actor's name is made a slug twice: to find names that are one, and for its id.)"""
    return slugify(text, replacements=_UMLAUTS)


def unique_slugs(texts: Iterable[str]) -> list[str]:
    """Slugs for texts in the given order; repeats get ``-2``, ``-3`` …"""
    seen: Counter[str] = Counter()
    taken: set[str] = set()
    result = []
    for text in texts:
        base = make_slug(text)
        slug = base
        while slug in taken:
            seen[base] += 1
            slug = f"{base}-{seen[base] + 1}"
        taken.add(slug)
        result.append(slug)
    return result


def name_key(name: str) -> str:
    """Normalised form for comparing names: case, hyphens and spacing ignored."""
    return " ".join(re.split(r"[\s\-‐]+", name.casefold()))


@dataclass
class _Group:
    kind: ActorKind
    key: str
    names: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    candidates: list[Candidate] = field(default_factory=list)
    explicit_name: str | None = None

    def add(self, candidate: Candidate, surface: str | None = None) -> None:
        self.candidates.append(candidate)
        if candidate.evidence != "adjective":
            self.names[candidate.name] += 1
            self.surfaces[surface or candidate.name] += 1

    @property
    def name(self) -> str:
        if self.explicit_name:
            return self.explicit_name
        # the fullest, most frequent form, of a body or place the one in the nominative
        # ("Sächsische Zeitung", not "der Sächsischen Zeitung"); ties broken alphabetically
        # for determinism
        if len(self.names) == 1:
            return next(iter(self.names))
        inflected = _dative_words if self.kind in ("organisation", "place") else _no_words
        return min(
            self.names.items(),
            key=lambda item: (-len(item[0].split()), inflected(item[0]), -item[1], item[0]),
        )[0]


def _dative_words(name: str) -> int:
    """How many words before the last end as an adjective does after ``der``/``dem``."""
    return sum(1 for word in name.split()[:-1] if word.endswith(("en", "em")))


def _no_words(name: str) -> int:
    return 0


def uninflected(name: str) -> str:
    """A name of several words with the endings of the words before the last taken off
    (``Sächsischen Zeitung`` and ``Sächsische Zeitung``: ``Sächsisch Zeitung``): the forms of
    one name in the cases of German."""
    words = name.split()
    return " ".join([_stem(word) for word in words[:-1]] + words[-1:])


def _stem(word: str) -> str:
    if not (word[:1].isupper() and word.isalpha() and len(word) > 5):
        return word
    for ending in ("en", "em", "er", "es", "e"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def resolve_actors(sources: list[Source], candidates: list[Candidate]) -> list[Actor]:
    """Group candidates into actors and give each a stable slug id."""
    groups: dict[str, _Group] = {}

    def group(kind: ActorKind, key: str) -> _Group:
        if key not in groups:
            groups[key] = _Group(kind=kind, key=key)
        return groups[key]

    unresolved: list[Candidate] = []
    unknown_names: list[Candidate] = []
    for candidate in candidates:
        if candidate.key is not None:
            entry_group = group(candidate.kind or "organisation", candidate.key)
            entry_group.explicit_name = candidate.name
            entry_group.add(candidate, candidate.text)
        elif (
            candidate.kind == "person"
            and candidate.evidence == "cue"
            and len(candidate.name.split()) >= 2
        ):
            group("person", "person:" + name_key(candidate.name)).add(candidate)
        elif candidate.kind in (None, "person") and len(candidate.name.split()) >= 2:
            unknown_names.append(candidate)  # weaker evidence: settled once cues are known
        elif candidate.kind == "person":
            unresolved.append(candidate)  # a surname with a cue: "Präsidentin Berger"
        elif candidate.kind in ("organisation", "place"):
            group(candidate.kind, f"{candidate.kind}:{name_key(candidate.name)}").add(candidate)
        else:
            unresolved.append(candidate)

    # Names without a cue: the same as a known person, two known people side by side
    # ("dankte Park Berger …"), or a new person of weaker evidence.
    parts = _name_parts(groups)
    unknown_names.sort(key=lambda c: c.evidence != "given-name")
    for candidate in unknown_names:
        key = "person:" + name_key(candidate.name)
        words = candidate.name.split()
        if key in groups:
            groups[key].add(candidate)
        elif key.endswith("s") and key[:-1] in groups:
            groups[key[:-1]].add(candidate)
        elif all(name_key(word) in parts or name_key(word.rstrip("s")) in parts for word in words):
            unresolved.extend(_split_words(candidate))
        else:
            group("person", key).add(candidate)

    _attach_short_names(unresolved, groups)
    _learned_names_of_known_actors(groups)
    _places_that_are_people(groups)
    _places_named_like_organisations(groups)
    _acronyms_in_parentheses(sources, groups)
    _numbered_districts(groups)
    _facilities_by_their_name(groups)
    _first_words_of_organisations(groups)
    _clubs_by_short_name(sources, groups)
    _bodies_named_in_the_dossier(groups)
    _find_surnames(sources, groups)
    _one_actor_per_name(groups)

    actors = []
    ordered = sorted(groups.values(), key=lambda g: (g.kind, g.name.casefold(), g.key))
    ids = unique_slugs(g.name for g in ordered)
    source_order = {source.id: index for index, source in enumerate(sources)}
    for slug, actor_group in zip(ids, ordered, strict=True):
        actors.append(_build_actor(slug, actor_group, source_order))
    # "USA, auch: Washington" where Washington, the place, has a page of its own: a name
    # that is another actor's is not listed as an alias (the mentions stay)
    names = {name_key(actor.name) for actor in actors}
    actors = [
        replace(actor, aliases=tuple(a for a in actor.aliases if name_key(a) not in names))
        for actor in actors
    ]
    return sorted(actors, key=lambda a: a.id)


_REGNAL_NUMBER = re.compile(r"[IVX]{1,4}\.?")


def _one_actor_per_name(groups: dict[str, _Group]) -> None:
    """Groups that end up with the same name are one actor ("Eintracht Nordstadt" seen once as
    a person, twice as a club), also where outlets spell it differently ("Çelik" /
    "Celik", "Großkellstadt" / "Grosskellstadt": one slug) or a body's name in another case
    ("Sächsische Zeitung" / "der Sächsischen Zeitung"): the kind with the most mentions
    wins, the rules' evidence before the model's, then a fixed order of kinds."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        # a body's or a place's name in any case ("der Sächsischen Zeitung")
        name = uninflected(group.name) if group.kind in ("organisation", "place") else group.name
        by_name[make_slug(name, max_length=1000)].append(key)
    rank = {"state": 0, "organisation": 1, "place": 2, "person": 3}
    for keys in by_name.values():
        if len(keys) < 2:
            continue
        keys.sort(
            key=lambda k: (
                -len(groups[k].candidates),
                all(c.evidence == "learned" for c in groups[k].candidates),
                rank.get(groups[k].kind, 9),
                k,
            )
        )
        keeper = groups[keys[0]]
        for key in keys[1:]:
            merged = groups.pop(key)
            keeper.candidates.extend(merged.candidates)
            keeper.names.update(merged.names)
            keeper.surfaces.update(merged.surfaces)


def _learned_names_of_known_actors(groups: dict[str, _Group]) -> None:
    """A name only the learned model found (of its own kind) that the dossier knows as an actor
    of another kind is that actor: the rules' evidence outweighs the model's guess."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if any(c.evidence != "learned" for c in group.candidates):
            by_name[name_key(group.name)].append(key)
    for key, group in list(groups.items()):
        if any(c.evidence != "learned" for c in group.candidates):
            continue
        owners = by_name.get(name_key(group.name)) or by_name.get(
            name_key(_without_genitive(group.name))
        )
        if owners and len(owners) == 1:
            for candidate in group.candidates:
                groups[owners[0]].add(candidate)
            del groups[key]


def _name_parts(groups: dict[str, _Group]) -> dict[str, set[str]]:
    """Surname (and, for East Asian names, family name) -> keys of the people who bear it."""
    by_part: dict[str, set[str]] = defaultdict(set)
    for key, person in groups.items():
        if person.kind != "person":
            continue
        for name in person.names:
            words = name.split()
            if len(words) < 2:
                continue
            by_part[name_key(words[-1])].add(key)
            if "-" in words[-1].strip("-") and len(words) == 2:
                by_part[name_key(words[-1].rsplit("-", 1)[-1])].add(key)  # Grande-Marlaska
            if _REGNAL_NUMBER.fullmatch(words[-1]):
                by_part[name_key(words[0])].add(key)  # "Felipe" for Felipe VI.
            if "-" in words[-1] or len(words) == 3:
                # family name first: Park Min Jun, Lee Su-jin
                by_part[name_key(words[0])].add(key)
    return by_part


def _places_that_are_people(groups: dict[str, _Group]) -> None:
    """A one-word "place" that is the surname of a person in the same source is that person
    ("Premier Victor Ponta … bei Ponta")."""
    parts = _name_parts(groups)
    for key, group in list(groups.items()):
        if (
            group.kind != "place"
            or len(group.name.split()) != 1
            or any(c.evidence == "lexicon" for c in group.candidates)
        ):
            continue
        bearers = parts.get(name_key(group.name), set())
        if len(bearers) != 1:
            continue
        person = groups[next(iter(bearers))]
        person_sources = {c.source for c in person.candidates}
        if all(c.source in person_sources for c in group.candidates):
            for candidate in group.candidates:
                person.add(candidate)
            del groups[key]


_WEAK_PLACE_EVIDENCE = frozenset(
    {"locative", "cluster", "unknown", "sentence-start", "toponym", "learned"}
)


def _places_named_like_organisations(groups: dict[str, _Group]) -> None:
    """A "place" with an organisation's name is that organisation (``bei Skyrella`` where the
    dossier calls Skyrella an airline), unless something made it a place."""
    organisations = {name_key(g.name): key for key, g in groups.items() if g.kind == "organisation"}
    for key, group in list(groups.items()):
        if group.kind != "place" or name_key(group.name) not in organisations:
            continue
        if all(c.evidence in _WEAK_PLACE_EVIDENCE for c in group.candidates):
            target = groups[organisations[name_key(group.name)]]
            for candidate in group.candidates:
                target.add(candidate)
            del groups[key]


def _acronyms_in_parentheses(sources: list[Source], groups: dict[str, _Group]) -> None:
    """``Universitätsklinikum Nordstadt (UKN)``: an acronym in parentheses right after a name
    is that name's short form, everywhere in the dossier."""
    texts = {(s.id, sentence.id): sentence.text for s in sources for sentence in s.sentences}
    ends = {
        (c.source, c.sentence, c.end): key
        for key, group in groups.items()
        if group.kind == "organisation"
        for c in group.candidates
    }
    for key, group in list(groups.items()):
        if group.kind != "organisation" or not re.fullmatch(r"[A-ZÄÖÜ]{2,7}", group.name):
            continue
        for candidate in group.candidates:
            text = texts.get((candidate.source, candidate.sentence), "")
            before = text[: candidate.start]
            if not (before.endswith("(") and text[candidate.end :].startswith(")")):
                continue
            owner = ends.get((candidate.source, candidate.sentence, len(before[:-1].rstrip())))
            if owner is not None and owner != key and owner in groups:
                for moved in group.candidates:
                    groups[owner].add(moved)
                del groups[key]
                break


def _first_words_of_organisations(groups: dict[str, _Group]) -> None:
    """``Oldham`` for ``Oldham Athletic``, ``Baltic`` for ``Baltic Airlines``: a one-word
    organisation is the one organisation of the dossier whose name begins with it. The longer
    name, if the rules made it a place, is the organisation."""
    by_first: dict[str, list[_Group]] = defaultdict(list)
    for other in groups.values():
        words = other.name.split()
        if (
            other.kind in ("organisation", "place")
            and len(words) >= 2
            and not any(c.key is not None for c in other.candidates)
        ):
            by_first[name_key(words[0])].append(other)
    for key, group in list(groups.items()):
        if group.kind != "organisation" or any(c.key is not None for c in group.candidates):
            continue
        name = group.name
        if len(name.split()) != 1:
            continue
        longer = by_first.get(name_key(name), []) or by_first.get(
            name_key(_without_genitive(name)), []
        )
        if len(longer) != 1:
            continue
        target = longer[0]
        if target.kind == "place" and all(
            c.evidence in _WEAK_PLACE_EVIDENCE for c in target.candidates
        ):
            target.kind = "organisation"
        if target.kind == "organisation":
            for candidate in group.candidates:
                target.add(candidate)
            del groups[key]


def _numbered_districts(groups: dict[str, _Group]) -> None:
    """``Erlstadt I`` (a constituency, a district) is filed with the place ``Erlstadt`` where the
    dossier names both."""
    places = {name_key(g.name): key for key, g in groups.items() if g.kind == "place"}
    for key, group in list(groups.items()):
        match = re.fullmatch(r"(.+) (?:I|II|III|IV|V|VI)", group.name)
        if group.kind != "place" or match is None:
            continue
        target = places.get(name_key(match.group(1)))
        if target is not None and target in groups and target != key:
            for candidate in group.candidates:
                groups[target].add(candidate)
            del groups[key]


def _facilities_by_their_name(groups: dict[str, _Group]) -> None:
    """One facility, however an article names it: ``Flughafen Larimo``,
    ``Regionalflughafen Larimo`` and ``Larimo``; ``Klinik St. Anna`` and ``Krankenhaus St.
    Anna``; ``Kellstadt-Larimo`` and ``Larimo``. The bare name joins only where it is not a
    known place of its own (``Flughafen Kellstadt`` is not the town ``Kellstadt``)."""
    from ..analyse.lexicon import load_lexicon, load_vocabulary

    lexicon = load_lexicon()
    families = load_vocabulary()["facility_types"]

    def free(group: _Group) -> bool:  # not a world-knowledge entry
        return group.kind in ("place", "organisation") and all(
            c.key is None for c in group.candidates
        )

    def known_place(name: str) -> bool:
        return name in lexicon.toponyms or name in lexicon.capitals or name in lexicon.state_names

    def merge(keeper: _Group, key: str) -> None:
        merged = groups.pop(key)
        keeper.candidates.extend(merged.candidates)
        keeper.names.update(merged.names)
        keeper.surfaces.update(merged.surfaces)

    named: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key, group in groups.items():
        first, _, rest = group.name.partition(" ")
        if not rest or not free(group) or not first[:1].isupper():
            continue
        for number, family in enumerate(families):
            if any(first.lower().endswith(head) for head in family):
                named[(number, name_key(rest))].append(key)
                break
    bare = {name_key(g.name): key for key, g in groups.items() if free(g) and " " not in g.name}
    for (_, rest), keys in sorted(named.items()):
        keys.sort(key=lambda k: (-len(groups[k].candidates), k))
        keeper = groups[keys[0]]
        for key in keys[1:]:
            merge(keeper, key)
        alone = bare.get(rest)
        if alone in groups and not known_place(groups[alone].name):
            merge(keeper, alone)
    for key, group in list(groups.items()):
        head, dash, rest = group.name.rpartition("-")
        if not dash or group.kind != "place" or not free(group) or " " in group.name:
            continue
        alone = bare.get(name_key(rest))
        if (
            alone in groups
            and alone != key
            and groups[alone].kind == "place"
            and known_place(head)
            and not known_place(groups[alone].name)
        ):
            merge(group, alone)


_LOCATIVE_BEFORE = re.compile(r"\b(in|im|nach|aus|bei|von|vom|nahe|durch)\s+$", re.IGNORECASE)


def _clubs_by_short_name(sources: list[Source], groups: dict[str, _Group]) -> None:
    """``Köln`` for ``1. FC Köln``, ``Ulm`` for ``SSV Ulm`` where the dossier names
    the club: the word is the club, except after a preposition of place (``in Köln``)."""
    clubs: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if group.kind == "organisation" and (core := club_core(group.name)) is not None:
            clubs[name_key(core)].append(key)
    if not clubs:
        return
    owned = {key for keys in clubs.values() for key in keys}
    texts = {(s.id, sentence.id): sentence.text for s in sources for sentence in s.sentences}
    for key, group in list(groups.items()):
        if group.candidates[0].key is not None or key in owned:
            continue
        if group.kind == "organisation" and any(c.evidence != "learned" for c in group.candidates):
            continue  # an organisation of its own, unless only the learned model said so
        owners = clubs.get(name_key(group.name)) or clubs.get(
            name_key(_without_genitive(group.name))
        )
        if not owners or len(owners) != 1:
            continue
        club = groups[owners[0]]
        staying = []
        for candidate in group.candidates:
            before = texts.get((candidate.source, candidate.sentence), "")[: candidate.start]
            if _LOCATIVE_BEFORE.search(before):
                staying.append(candidate)
            else:
                club.add(candidate)
        group.candidates = staying
        group.names = Counter(c.name for c in staying if c.evidence != "adjective")
        group.surfaces = Counter(c.text for c in staying if c.evidence != "adjective")
        if not staying:
            del groups[key]


def _bodies_named_in_the_dossier(groups: dict[str, _Group]) -> None:
    """A bare ``Landtag`` or ``Hauptausschuss`` is the one body of its kind the dossier names:
    the named one (``Sächsischer Landtag``) where there is exactly one, else an actor of its own
    only if the dossier refers to it more than once; a single mention stays generic."""
    bodies = [
        key
        for key, group in groups.items()
        if group.kind == "organisation" and all(c.evidence == "body" for c in group.candidates)
    ]
    if not bodies:
        return
    by_end: dict[str, list[_Group]] = defaultdict(list)  # first or last word -> named bodies
    for other in groups.values():
        words = name_key(other.name).split()
        if other.kind == "organisation" and len(words) >= 2:
            for word in {words[0], words[-1]}:
                by_end[word].append(other)
    for key in bodies:
        group = groups[key]
        named = [other for other in by_end.get(name_key(group.name), []) if other is not group]
        if len(named) == 1:
            for candidate in group.candidates:
                named[0].add(candidate)
            del groups[key]
        elif len({(c.source, c.sentence) for c in group.candidates}) < 2:
            del groups[key]


def _split_words(candidate: Candidate) -> list[Candidate]:
    pieces = []
    offset = 0
    for word in candidate.text.split():
        start = candidate.text.index(word, offset)
        offset = start + len(word)
        pieces.append(
            replace(
                candidate,
                start=candidate.start + start,
                end=candidate.start + offset,
                text=word,
                name=word,
                kind=None,
            )
        )
    return pieces


def _attach_short_names(unresolved: list[Candidate], groups: dict[str, _Group]) -> None:
    """Resolve single words (``Berger``, ``Park``) to a full name of the same source or dossier.

    Among several bearers of the name, the one mentioned most often in that source
    wins; a tie leaves the word unresolved rather than guessing. A word that no full name
    bears is a person of its own, unless it is a German noun, and no known surname or given
    name, that only the learned tie-breaker took for a name, in every mention of the dossier
    (``Regen und Hagel``).
    """
    from ..analyse.lexicon import load_lexicon

    by_part = _name_parts(groups)
    places = {name_key(g.name): key for key, g in groups.items() if g.kind == "place"}
    mentions_in_source: Counter[tuple[str, str]] = Counter()
    for key, person in groups.items():
        if person.kind == "person":
            for candidate in person.candidates:
                mentions_in_source[(key, candidate.source)] += 1

    lone: dict[str, list[Candidate]] = defaultdict(list)  # single words, no bearer in full
    for candidate in unresolved:
        word = name_key(candidate.name)
        options = by_part.get(word) or by_part.get(name_key(_without_genitive(candidate.name)))
        if options:
            ranked = sorted(
                ((key, mentions_in_source[(key, candidate.source)]) for key in options),
                key=lambda item: (-item[1], item[0]),
            )
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                groups[ranked[0][0]].add(candidate)
            continue
        if word in places:
            groups[places[word]].add(candidate)
        elif candidate.kind == "person" or candidate.evidence == "surname-cluster":
            # a surname introduced by a cue, or one that behaves like a surname, and
            # never given in full in the dossier
            lone[word].append(candidate)
    lexicon = load_lexicon()
    for word, found in lone.items():
        name = found[0].name
        if (
            all(c.evidence == "learned" for c in found)
            and name in lexicon.common_nouns
            and name not in lexicon.surnames
            and name not in lexicon.given_names
            and len(name) > 2  # "Xi", "Ai": a name of another language, not a German noun
        ):
            continue  # "Regen und Hagel": only the model made a name of the noun, nowhere in full
        person = groups.setdefault("person:" + word, _Group(kind="person", key="person:" + word))
        for candidate in found:
            person.add(candidate)


_NOUN_BEFORE = re.compile(
    r"\b(der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen|im|am|vom|zum|zur|beim|ins|kein|keine|"
    r"sein|seine|ihr|ihre|unser|unsere|dieser|diese|dieses)\s+$",
    re.IGNORECASE,
)


def _find_surnames(sources: list[Source], groups: dict[str, _Group]) -> None:
    """A known person's surname used alone anywhere in the dossier is a mention of them, even
    where the word is also a noun (``Keller unterzeichnete``), unless an article makes it one
    (``im Keller``); so is the first word of a company's name (``Nordwind erholte sich``
    for ``Nordwind Air Lines``). Ambiguous words (two bearers) are left alone."""
    bearers: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        words = group.name.split()
        if group.kind == "person":
            # a surname is a capitalised word: never a particle or article ("von der")
            surname = surname_of(words[-1])
            if len(words) >= 2 and len(surname) > 2 and surname[:1].isupper():
                bearers[surname].append(key)
        elif group.kind == "organisation" and company_short_name(words):
            bearers[words[0]].append(key)
    covered = {(c.source, c.sentence): [] for g in groups.values() for c in g.candidates}
    for group in groups.values():
        for c in group.candidates:
            covered[(c.source, c.sentence)].append((c.start, c.end))
    names = {s for s, keys in bearers.items() if len(keys) == 1}
    if not names:
        return
    find = _word_finder(names)
    for source in sources:
        for sentence in source.sentences:
            spans = covered.get((source.id, sentence.id), [])
            for start, end, name in find(sentence.text):
                if any(start < e and s < end for s, e in spans):
                    continue
                if _NOUN_BEFORE.search(sentence.text[:start]):
                    continue
                following = sentence.text[end:].split()
                genitive = end - start != len(name)  # "Kellers Anwalt", "Nordwinds Plan"
                if start == 0 and not genitive and not (following and following[0][:1].islower()):
                    continue
                group = groups[bearers[name][0]]
                group.add(
                    Candidate(
                        source=source.id,
                        sentence=sentence.id,
                        start=start,
                        end=end,
                        text=sentence.text[start:end],
                        kind=group.kind,
                        name=name,
                        evidence="surname" if group.kind == "person" else "short-name",
                    )
                )


_WORD_CHARS = re.compile(r"\w+")


def _word_finder(names: set[str]) -> Callable[[str], list[tuple[int, int, str]]]:
    """Where a text names one of ``names`` as a word of its own, with or without a genitive
    ``s``: (start, end, name), in text order, without overlaps. Names of word characters
    only are looked up word by word (one pattern of thousands of names tries each of them
    at every position); the few others (``Müller-Lüdenscheidt``, ``O'Neill``) by a pattern,
    the longest first."""
    plain = {name for name in names if _WORD_CHARS.fullmatch(name)}
    others = sorted(names - plain, key=len, reverse=True)
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(n) for n in others) + r")s?\b") if others else None
    )

    def find(text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in _WORD_CHARS.finditer(text):
            word = match.group(0)
            if word in plain:
                found.append((match.start(), match.end(), word))
            elif word.endswith("s") and word[:-1] in plain:
                found.append((match.start(), match.end(), word[:-1]))
        if pattern is not None:
            found += [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
            found.sort(key=lambda item: (item[0], item[0] - item[1]))
        kept: list[tuple[int, int, str]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    return find


def company_short_name(words: list[str]) -> bool:
    """``Nordwind`` of ``Nordwind Air Lines``, ``Larimo`` of ``Larimo AG``: a company's name
    ends with a word that says so; its first word, unless an adjective, a function word or a
    place (``Deutsche Bank``, ``The Economist``, ``Berliner Verkehrsbetriebe``), is its short
    name."""
    from ..analyse.lexicon import load_lexicon, load_vocabulary

    if len(words) < 2 or words[-1] not in load_vocabulary()["company_ends"]:
        return False
    first = words[0]
    lexicon = load_lexicon()
    return (
        len(first) > 2
        and first[:1].isupper()
        and first[1:].islower()
        and not lexicon.is_lowercase_word(first)
        and first not in lexicon.toponyms
        and lexicon.lookup(first) is None
    )


def alias_order(surface: str) -> tuple[str, str]:
    """Aliases in alphabetical order, whatever their case; forms that differ only in case
    ("UNO", "Uno") in one fixed order, not in the order a set happens to give them."""
    return (surface.casefold(), surface)


def _without_genitive(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _build_actor(slug: str, actor_group: _Group, source_order: dict[str, int]) -> Actor:
    name = actor_group.name
    surfaces = {name_key(surface) for surface in actor_group.surfaces} | {name_key(name)}
    aliases = sorted(
        {
            surface
            for surface in actor_group.surfaces
            if surface.casefold() != name.casefold()
            # an inflected form of another form ("Frankreichs") is not an alias of its own
            and not (surface.endswith("s") and name_key(surface[:-1]) in surfaces)
        },
        key=alias_order,
    )
    seen_roles: dict[tuple[str, str], Role] = {}
    for candidate in actor_group.candidates:
        if candidate.role:
            seen_roles.setdefault(
                (candidate.role, candidate.source),
                Role(title=candidate.role, source=candidate.source),
            )
    mentions = sorted(
        {
            Mention(source=c.source, sentence=c.sentence, start=c.start, end=c.end, text=c.text)
            for c in actor_group.candidates
        },
        key=lambda m: (source_order.get(m.source, 0), int(m.sentence[1:]), m.start),
    )
    roles = sorted(seen_roles.values(), key=lambda r: (source_order.get(r.source, 0), r.title))
    return Actor(
        id=slug,
        name=name,
        kind=actor_group.kind,
        aliases=tuple(aliases),
        roles=tuple(roles),
        mentions=tuple(mentions),
    )
