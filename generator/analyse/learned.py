"""A learned tie-breaker over the rules: a small CRF that decides PER / LOC / ORG / no name.

The rule recogniser (:mod:`generator.analyse.actors`) proposes candidates sentence by
sentence. A linear-chain CRF (CRFsuite, via ``python-crfsuite``) then tags every token
with BIO labels over the features the rules already compute: what the rules found there
and on what evidence, the lexicon and word-cluster classes of the word, its shape and
ending, and the same for its neighbours. The model was trained by
``scripts/train_typer.py`` and ships as ``generator/data/typer.crfsuite``; it loads from
the package, without a network.

The rules stay in charge of what they know well (the lexicon, capitals, cues, patterns);
where they are unsure (a capitalised word of unknown kind, a word only a cluster or a
preposition makes a place) the model decides the kind, the boundaries, or that it is no
name, and it adds names the rules missed.

No name is ever a feature of the model: the identity of a word is used only for words that
are not names (lower-case words, common nouns, entries of the shipped world lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import ActorKind, Sentence, Source
from .actors import (
    _ACRONYM,
    _BODY_SUFFIXES,
    _CLUB_PREFIXES,
    _DETERMINERS,
    _NOT_NAMES,
    _ORG_CUES,
    _ORG_HEAD_WORDS,
    _PERSON_CONTEXT,
    _PLACE_CUES,
    _PLACE_HEAD_NOUNS,
    _PLACE_HEADS,
    _UNITS,
    Candidate,
    RuleRecogniser,
    _credit_start,
    _is_capitalised,
    _sentence_final_stop,
    _strip_genitive,
    _Token,
    sentence_tokens,
)

if TYPE_CHECKING:
    import pycrfsuite

MODEL_FILE = "typer.crfsuite"
TYPES = ("PER", "LOC", "ORG")
KIND_OF_TYPE: dict[str, ActorKind] = {"PER": "person", "LOC": "place", "ORG": "organisation"}
TYPE_OF_KIND = {"person": "PER", "state": "LOC", "place": "LOC", "organisation": "ORG"}

# Evidence the rules are sure of: the model does not overrule it.
STRONG_EVIDENCE = frozenset(
    {
        "lexicon",
        "capital",
        "adjective",
        "cue",
        "pattern",
        "dateline",
        "head",
        "org-head",
        "body",
        "apposition",
    }
)

# a weak rule candidate is dropped only where the model gives "no name" this probability
DROP_CONFIDENCE = 0.9
# a weak organisation (an unknown acronym, a word a cluster calls a firm) is as often a thing
# (FCKW, GPL, a product): the model drops it at this probability of "no name"
ORG_DROP_CONFIDENCE = 0.6
# the odds a body the model tags needs: below, its bodies are mostly products, places and
# titles (a car model, a space probe, a university degree); where the rules found the name,
# their kind stands
SPAN_CONFIDENCE = {"ORG": 0.5}
_SUFFIX_MIN_REST = 3
_OFFSETS = (-2, -1, 1, 2)  # an ending is a feature only with this many letters before it
_OFFSET_PREFIXES = tuple((offset, f"{offset}:") for offset in _OFFSETS)
_PATH_PREFIXES = (4, 6, 10)
# runs of capitals, small letters, digits and letters outside German, each named by its group
_SHAPE_RUN = re.compile(
    r"(?P<X>[A-ZÄÖÜ]+)|(?P<x>[a-zäöüß]+)|(?P<d>\d+)|(?P<u>[^\W\d_A-Za-zÄÖÜäöüß]+)"
)


def model_path() -> Path:
    return Path(str(resources.files("generator").joinpath("data", MODEL_FILE)))


def _cluster_paths(cluster_id: int | None) -> list[str]:
    """Prefixes of the word's path in the Brown cluster tree: related clusters share a
    prefix, so a rare cluster still tells which branch (names, places, firms) it is in.
    spaCy stores a path reversed as an integer, so a prefix is the integer's low bits."""
    if cluster_id is None:
        return []
    return [f"cp{size}={cluster_id & ((1 << size) - 1)}" for size in _PATH_PREFIXES]


def _shape(word: str) -> str:
    """``Müller`` → ``Xx``, ``FC`` → ``X``, ``1.`` → ``d.``, ``e.V.`` → ``x.X.``."""
    return _SHAPE_RUN.sub(_run_name, word)  # letters outside German: "Łask" → "ux"


def _run_name(match: re.Match[str]) -> str:
    return match.lastgroup or ""


class FeatureMaker:
    """Token features for the CRF, from the rules' lexicon, clusters and candidates."""

    def __init__(self, rules: RuleRecogniser) -> None:
        self.rules = rules
        self._word_cache: dict[str, tuple[tuple[str, ...], dict[int, tuple[str, ...]]]] = {}

    def _vocabulary_word(self, word: str) -> bool:
        """A word whose identity may be a feature: not a name."""
        lexicon = self.rules.lexicon
        if not word[:1].isupper():
            return True
        if word in lexicon.given_names or word in lexicon.surnames:
            return False
        return (
            lexicon.is_common_noun(word)
            or lexicon.is_lowercase_word(word)
            or lexicon.lookup(word) is not None
            or word in lexicon.capitals
            or word in _ORG_HEAD_WORDS
            or word in _CLUB_PREFIXES
            or word in _PERSON_CONTEXT
            or word in _NOT_NAMES
        )

    def maybe_name(self, word: str) -> bool:
        """A capitalised word that is not a known ordinary word."""
        return _is_capitalised(word) and "w=<name>" in self.word_features(word)[0]

    def word_features(self, word: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
        """(features of the word itself, the short set used for it as a neighbour at each
        offset)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        rules = self.rules
        lexicon = rules.lexicon
        clusters = rules.clusters
        lower = word.lower()
        shape = _shape(word)
        own = [f"shape={shape}"]
        capitalised = _is_capitalised(word)
        identity = lower if self._vocabulary_word(word) else "<name>"
        own.append(f"w={identity}")
        cluster_id = clusters.cluster_id(word)
        if cluster_id is None and word[:1].isupper():
            cluster_id = clusters.cluster_id(lower)
        own.append(f"cl={cluster_id}")
        paths = _cluster_paths(cluster_id)
        own.extend(paths)
        if capitalised:
            own.append("cap")
            base = _strip_genitive(word)
            for size in (2, 3, 4):
                if len(word) >= size + _SUFFIX_MIN_REST:
                    own.append(f"suf{size}={lower[-size:]}")
            if word in lexicon.given_names:
                own.append("given")
            if word in lexicon.surnames or base in lexicon.surnames:
                own.append("surname")
            if word in lexicon.toponyms or base in lexicon.toponyms:
                own.append("toponym")
            if word in lexicon.capitals:
                own.append("capital")
            entry = lexicon.lookup(word)
            if entry is not None:
                own.append(f"lex={entry.kind}")
            if lexicon.is_common_noun(word) or lexicon.is_common_noun(base):
                own.append("noun")
            elif rules._common_noun_like(word):
                own.append("noun-like")
            if lexicon.is_lowercase_word(word):
                own.append("lowerword")
            cluster = clusters.of(word) or clusters.of(base)
            if cluster is not None:
                own.append(f"cluster={cluster}")
            if rules._role_like(word):
                own.append("role")
            if word in _PERSON_CONTEXT or word in lexicon.honorifics:
                own.append("person-context")
            if base in _ORG_CUES or base.lower().endswith(_BODY_SUFFIXES):
                own.append("org-noun")
            if base in _PLACE_CUES or base in _PLACE_HEAD_NOUNS or word in _PLACE_HEADS:
                own.append("place-noun")
            if word in _ORG_HEAD_WORDS:
                own.append("org-head")
            if word in _CLUB_PREFIXES:
                own.append("club")
            if rules._place_compound(word):
                own.append("place-compound")
            if rules._adjective_state(word) is not None:
                own.append("demonym")
            if rules._place_of_adjective(word) is not None:
                own.append("place-adjective")
            if _ACRONYM.match(word):
                own.append("acronym")
        elif lower in _DETERMINERS:
            own.append("determiner")
        neighbour = (
            f"w={identity}",
            f"shape={shape}",
            f"cl={cluster_id}",
            *paths[1:2],
            *(["cap"] if capitalised else []),
        )
        result = (
            tuple(own),
            {offset: tuple([prefix + f for f in neighbour]) for offset, prefix in _OFFSET_PREFIXES},
        )
        if len(self._word_cache) < 200_000:
            self._word_cache[word] = result
        return result

    def sentence_features(
        self, tokens: Sequence[_Token], candidates: Iterable[Candidate]
    ) -> list[list[str]]:
        """One list of feature strings per token."""
        rule_tags = ["O"] * len(tokens)
        starts = {t.start: k for k, t in enumerate(tokens)}
        for candidate in candidates:
            first = starts.get(candidate.start)
            if first is None:
                continue  # part of a token ("US" in "US-Regierung")
            last = first
            while last + 1 < len(tokens) and tokens[last + 1].start < candidate.end:
                last += 1
            rest = tokens[last].text[candidate.end - tokens[last].start :]
            if candidate.kind == "organisation" and rest[:1] == "-" and rest[1:2].isalpha():
                # a body at the front of a compound ("Kellco-Mischkonzern", "CDU-Fraktion"):
                # the word names no body as a whole ("Berlin-Mitte" does name a place)
                continue
            kind = candidate.kind or "none"
            evidence = candidate.evidence
            for k in range(first, last + 1):
                position = "B" if k == first else "I"
                rule_tags[k] = f"{position}-{kind}-{evidence}"
        own = [self.word_features(t.text) for t in tokens]
        ruled = [_rule_features(tag) for tag in rule_tags]
        rows: list[list[str]] = []
        count = len(tokens)
        for k in range(count):
            features = ["bias", *own[k][0], *ruled[k][0]]
            if k == 0:
                features.append("first")
            for offset in _OFFSETS:
                m = k + offset
                if 0 <= m < count:
                    features += own[m][1][offset]
                    features.append(ruled[m][1][offset])
                else:
                    features.append(_EDGE[offset])
            if k + 1 < count and k > 0:
                features.append(f"-1|+1={own[k - 1][1][-1][0][3:]}|{own[k + 1][1][1][0][2:]}")
            rows.append(features)
        return rows


_EDGE = {offset: f"{offset}:edge" for offset in _OFFSETS}


@cache
def _rule_features(tag: str) -> tuple[tuple[str, ...], dict[int, str]]:
    """The features of the rules' tag of a token (``B-organisation-head``, ``O``): its own,
    and what it is for a neighbour at each offset."""
    if tag == "O":
        own: tuple[str, ...] = ("r=O",)
    else:
        position, kind, evidence = tag.split("-", 2)
        own = (f"r={position}-{kind}", f"re={evidence}", f"rk={kind}")
    near = tag.rsplit("-", 1)[0]
    return own, {offset: f"{offset}:r={near}" for offset in _OFFSETS}


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO labels → token spans (first, last + 1, type); a stray ``I-`` opens a span."""
    spans = []
    start, kind = None, ""
    for k, label in enumerate([*labels, "O"]):
        if label.startswith("I-") and start is not None and label[2:] == kind:
            continue
        if start is not None:
            spans.append((start, k, kind))
        start, kind = (k, label[2:]) if label[:2] in ("B-", "I-") else (None, "")
    return spans


@lru_cache(maxsize=4)
def _tagger(path: str) -> pycrfsuite.Tagger:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


class LearnedRecogniser:
    """The rule recogniser with the CRF as tie-breaker (see the module's docstring)."""

    def __init__(self, rules: RuleRecogniser | None = None, model: Path | None = None) -> None:
        self.rules = rules or RuleRecogniser()
        self.features = FeatureMaker(self.rules)
        self.tagger = _tagger(str(model or model_path()))

    def recognise(self, source: Source) -> list[Candidate]:
        found: list[Candidate] = []
        for sentence in source.sentences:
            found.extend(self.recognise_sentence(source.id, sentence))
        return found

    def tag(self, tokens: Sequence[_Token], candidates: Sequence[Candidate]) -> list[str]:
        if not tokens:
            return []
        return self.tagger.tag(self.features.sentence_features(tokens, candidates))

    def recognise_sentence(self, source_id: str, sentence: Sentence) -> list[Candidate]:
        tokens = sentence_tokens(sentence)
        ruled = self.rules.recognise_sentence(source_id, sentence, tokens)
        if not ruled and not any(self.features.maybe_name(t.text) for t in tokens):
            return ruled  # nothing for the model to decide and no word it could make a name
        spans = bio_spans(self.tag(tokens, ruled))
        return merge(
            tokens,
            ruled,
            spans,
            self._learned_candidate(source_id, sentence),
            self._sure_no_name,
            self._name_word,
            self._ordinary_word,
            self._known_place,
            self._likely,
        )

    def _name_word(self, word: str) -> bool:
        """A word that can be one of a person's names: a given name, or a word of no
        dictionary (not a noun, a compound, a particle or a function word)."""
        rules = self.rules
        lexicon = rules.lexicon
        if word in lexicon.given_names:
            return True
        return (
            word.isalpha()
            and word[:1].isupper()
            and not lexicon.is_common_noun(word)
            and not lexicon.is_lowercase_word(word)
            and not rules._noun_compound(word)
            and not rules._role_like(word)
        )

    def _known_place(self, candidate: Candidate) -> bool:
        """``bei Potsdam``, ``in Amberg``: a known town after a preposition of place is that
        place, whatever kind the model would give it (``bei DT64`` is left to the model)."""
        return (
            candidate.kind == "place"
            and candidate.evidence == "locative"
            and candidate.name in self.rules.lexicon.toponyms
        )

    def _ordinary_word(self, word: str) -> bool:
        """A German common noun (not one English has too), or a hyphenated compound with a
        common noun as its head (``Fermi-Basis``)."""
        rules = self.rules
        lexicon = rules.lexicon
        if not word[:1].isupper():
            return False
        if "-" in word.strip("-"):
            head = word.rsplit("-", 1)[-1]
            return lexicon.is_common_noun(head) or lexicon.is_common_noun(_strip_genitive(head))
        base = _strip_genitive(word)
        if word.lower() in lexicon.english_words or base.lower() in lexicon.english_words:
            return False  # "Air", "Community": nouns in German too, but names' words in English
        return (
            lexicon.is_common_noun(word)
            or lexicon.is_common_noun(base)
            or rules._noun_compound(base)
        )

    def _likely(self, first: int, last: int, kind_type: str) -> bool:
        """The model (as last tagged) gives each token of the span at least the odds its
        type needs (``SPAN_CONFIDENCE``) of being in a span of that type."""
        least = SPAN_CONFIDENCE.get(kind_type)
        return least is None or all(
            self.tagger.marginal(("B-" if k == first else "I-") + kind_type, k) >= least
            for k in range(first, last)
        )

    def _sure_no_name(self, first: int, last: int, confidence: float = DROP_CONFIDENCE) -> bool:
        """The model (as last tagged) is sure that no token of the range is part of a name."""
        return all(self.tagger.marginal("O", k) >= confidence for k in range(first, last))

    def _learned_candidate(
        self, source_id: str, sentence: Sentence
    ) -> Callable[[Sequence[_Token], tuple[int, int, str]], Candidate | None]:
        rules = self.rules
        credit = _credit_start(sentence.text)

        def make(tokens: Sequence[_Token], span: tuple[int, int, str]) -> Candidate | None:
            first, last, kind_type = span
            while first < last and tokens[first].text[:1].islower():
                first += 1  # "auf dem Berg": an article is never the start of a name
            if first == last or tokens[last - 1].text.endswith("-"):
                return None  # "zur Außen- und Sicherheitspolitik": half a word is no name
            begin, end = tokens[first].start, tokens[last - 1].end
            text = sentence.text[begin:end]
            if _sentence_final_stop(tokens[last - 1].text):
                end -= 1
                text = text[:-1]
            words = text.split()
            if credit is not None and begin >= credit:
                return None
            if not words or not any(_is_capitalised(w) for w in words):
                return None  # "dpa": lower-case names only from the lexicon
            if len(words) == 1 and not self._single_word_name(text):
                return None
            if any(rules._shouted(w) for w in words):
                return None  # "DIE WUT HAT GRÜNDE": a shouted headline
            kind = KIND_OF_TYPE[kind_type]
            if kind == "organisation" and self._given_then_name(words):
                kind = "person"  # "des Hugo Naphtali": a given name opens a person's name
            elif not self._likely(*span):
                return None
            name = text
            if kind == "place":
                name = rules._place_name(text)
            elif kind == "person" and len(words) == 1 and rules.clusters.is_person(text[:-1]):
                name = _strip_genitive(text)
            candidate = Candidate(
                source=source_id,
                sentence=sentence.id,
                start=begin,
                end=end,
                text=text,
                kind=kind,
                name=name,
                evidence="learned",
            )
            if rules._agency_credit(sentence.text, candidate):
                return None
            return candidate

        return make

    def _given_then_name(self, words: list[str]) -> bool:
        """A given name, then one or two words that can be a person's names and say nothing
        of a body (no head word, legal form or entry of the lexicon)."""
        lexicon = self.rules.lexicon
        return (
            2 <= len(words) <= 3
            and words[0] in lexicon.given_names
            and all(self._name_word(word) for word in words[1:])
            and not any(word in _ORG_HEAD_WORDS or word in _CLUB_PREFIXES for word in words)
            and lexicon.lookup(" ".join(words)) is None
            and all(lexicon.lookup(word) is None for word in words[1:])
        )

    def _single_word_name(self, word: str) -> bool:
        """A word the model may make a name on its own: not a common noun (``Kommission``,
        ``Landtag``: the rules decide which body such a noun means), not an adjective
        (``Münchner``), not an English word (``Spurs``), not shouting."""
        rules = self.rules
        lexicon = rules.lexicon
        base = _strip_genitive(word)
        if rules._shouted(word) or word in _NOT_NAMES or (_ACRONYM.match(word) and word in _UNITS):
            return False
        if rules._adjective_state(word) is not None or rules._place_of_adjective(word):
            return False
        if lexicon.is_common_noun(word) or lexicon.is_common_noun(base):
            return False
        if rules._noun_compound(base):
            return False  # "Fanblock": two nouns
        known_name = (
            base in lexicon.toponyms
            or base in lexicon.given_names
            or base in lexicon.surnames
            or rules.clusters.of(base) is not None
        )
        if known_name:
            return True
        if rules._common_noun_like(word) or rules._common_noun_like(base):
            return False
        return base.lower() not in lexicon.english_words or base.isupper()


def _pieces_of(
    spans: Sequence[tuple[int, int, str]], covered: tuple[int, int]
) -> list[tuple[int, int, str]]:
    """``Anna`` + ``Kellers`` tagged as two names of one type where the rules found ``Anna
    Kellers``: the model agrees on the kind, and its split is no boundary of its own. The
    whole range as one span of that type, or nothing."""
    ordered = sorted(spans)
    if len(ordered) < 2 or len({s[2] for s in ordered}) != 1:
        return []
    contiguous = all(a[1] == b[0] for a, b in pairwise(ordered))
    if not contiguous or (ordered[0][0], ordered[-1][1]) != covered:
        return []
    return [(covered[0], covered[1], ordered[0][2])]


def _person_inside(
    tokens: Sequence[_Token],
    candidate: Candidate,
    spans: Sequence[tuple[int, int, str]],
    covered: tuple[int, int],
    name_word: Callable[[str], bool] | None,
) -> list[tuple[int, int, str]]:
    """``Agha Sakeb`` tagged where the rules found ``Sajed Agha Sakeb`` from its given
    names: the model agrees it is a person and only knows fewer of the names, and every
    word it left out can be a name (``Mittelfeldstar Arturo Vidal`` or ``Roman von Anna
    Keller`` are the model's to cut). The rules' range as one person, or nothing."""
    if (
        name_word is None
        or candidate.kind != "person"
        or candidate.evidence != "given-name"
        or not spans
    ):
        return []
    if not all(covered[0] <= s[0] and s[1] <= covered[1] and s[2] == "PER" for s in spans):
        return []
    tagged = {k for s in spans for k in range(s[0], s[1])}
    left_out = [tokens[k].text for k in range(*covered) if k not in tagged]
    return [(covered[0], covered[1], "PER")] if all(map(name_word, left_out)) else []


def _names_extended(
    tokens: Sequence[_Token],
    ruled: Sequence[Candidate],
    spans: Sequence[tuple[int, int, str]],
    make: Callable[[Sequence[_Token], tuple[int, int, str]], Candidate | None],
    token_range: Callable[[Candidate], tuple[int, int] | None],
    ordinary_word: Callable[[str], bool] | None,
) -> tuple[set[int], list[tuple[tuple[int, int], Candidate]]]:
    """``NATO Response Force``, ``THW Kiel``, ``Financial Times Deutschland``: the model tags
    one organisation that begins with a body's name the rules found (even a sure one), or
    with a word of no kind they found (``Panathinaikos Athen``), and goes on with more words
    (of no kind, or other names). The body's name followed by more
    words of the name is a longer name, not the short one: the model's span stands, and the
    rules' candidates inside it give way. A body the rules know (a lexicon entry) stays that
    body, named longer in this mention (``Yahoo!``). Not where a person is among them (the
    model is not to swallow a person), nor where a rule candidate crosses the span's bounds,
    nor where a word it adds is an ordinary German noun (``Nvidia Fermi-Basis``).

    The ids of the candidates that give way, and the token ranges with their new candidates."""
    superseded: set[int] = set()
    extended: list[tuple[tuple[int, int], Candidate]] = []
    for first, last, kind_type in spans:
        if kind_type != "ORG" or ordinary_word is None:
            continue
        inside, crossing = [], False
        for candidate in ruled:
            covered = token_range(candidate)
            if covered is None:
                crossing = crossing or (
                    candidate.start < tokens[last - 1].end and tokens[first].start < candidate.end
                )
                continue
            if covered[0] < last and first < covered[1]:
                if first <= covered[0] and covered[1] <= last and covered != (first, last):
                    inside.append((covered, candidate))
                else:
                    crossing = True
        if crossing or not inside:
            continue
        (start, _), body = min(inside, key=lambda pair: pair[0])
        if start != first or body.kind not in ("organisation", None):
            continue

        if any(c.kind == "person" for _, c in inside):
            continue
        within = {k for covered, _ in inside for k in range(*covered)}
        if any(ordinary_word(tokens[k].text) for k in range(first, last) if k not in within):
            continue
        made = make(tokens, (first, last, kind_type))
        if made is None or any((c.start, c.end) == (made.start, made.end) for _, c in inside):
            continue  # "DFB." at a sentence's end: the rules' name without the stop
        if body.key is not None:
            made = replace(made, name=body.name, key=body.key, evidence=body.evidence)
        superseded.update(id(c) for _, c in inside)
        extended.append(((first, last), made))
    return superseded, extended


def merge(
    tokens: Sequence[_Token],
    ruled: Sequence[Candidate],
    spans: Sequence[tuple[int, int, str]],
    make: Callable[[Sequence[_Token], tuple[int, int, str]], Candidate | None],
    sure_no_name: Callable[..., bool],
    name_word: Callable[[str], bool] | None = None,
    ordinary_word: Callable[[str], bool] | None = None,
    known_place: Callable[[Candidate], bool] = lambda candidate: False,
    likely: Callable[[int, int, str], bool] = lambda first, last, kind_type: True,
) -> list[Candidate]:
    """The rules' candidates, with the model deciding where the rules are unsure."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    for k, token in enumerate(tokens):  # "Tel." ending a sentence: the name without its stop
        if token.text.endswith(".") and len(token.text) > 1:
            ends.setdefault(token.end - 1, k)

    def token_range(candidate: Candidate) -> tuple[int, int] | None:
        first = starts.get(candidate.start)
        last = ends.get(candidate.end)
        return None if first is None or last is None else (first, last + 1)

    superseded, extended = _names_extended(tokens, ruled, spans, make, token_range, ordinary_word)
    result: list[Candidate] = [candidate for _, candidate in extended]
    claimed: list[tuple[int, int]] = [covered for covered, _ in extended]  # ranges kept
    for candidate in ruled:
        if id(candidate) in superseded:
            continue
        covered = token_range(candidate)
        if covered is None or candidate.key is not None or candidate.evidence in STRONG_EVIDENCE:
            result.append(candidate)
            if covered is not None:
                claimed.append(covered)
            continue
        first, last = covered
        overlapping = [s for s in spans if s[0] < last and first < s[1]]
        same = (
            [s for s in overlapping if (s[0], s[1]) == covered]
            or _pieces_of(overlapping, covered)
            or _person_inside(tokens, candidate, overlapping, covered, name_word)
        )
        if same:
            kind = KIND_OF_TYPE[same[0][2]]
            if (
                candidate.kind == "state"
                or candidate.kind == kind
                or known_place(candidate)
                or not likely(*same[0])  # a body at less than even odds: not the model's
            ):
                result.append(candidate)
            else:  # reconcile treats the model's word as weak evidence
                result.append(replace(candidate, kind=kind, evidence="learned"))
            claimed.append(covered)
        elif not overlapping and not (
            sure_no_name(first, last, ORG_DROP_CONFIDENCE)
            if candidate.kind == "organisation"
            else sure_no_name(first, last)
        ):
            result.append(candidate)  # the model is unsure: the rules' guess stands
            claimed.append(covered)
        # otherwise: no name, or a name of other bounds the model adds below
    for span in spans:
        if any(span[0] < last and first < span[1] for first, last in claimed):
            continue
        candidate = make(tokens, span)
        if candidate is not None:
            result.append(candidate)
    return sorted(result, key=lambda c: (c.start, c.end))
