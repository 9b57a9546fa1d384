"""Training data and training of the learned tie-breaker (:mod:`generator.analyse.learned`).

Three sources, all read from files (no network):

- GermEval 2014 (``NER-de-dev.tsv``): sentences with outer PER / LOC / ORG spans;
  ``*deriv``, ``*part`` and OTH are no actors and count as no name.
- the project's own annotations of corpus articles: the 18 of the development set
  (``eval/gold/dev.yml``) and 395 more annotated for training (``eval/gold/train.yml``),
  the texts taken from the 10kGNAD corpus file the annotations refer to;
- the actor entries of the development stories (``../shared/corpora/stories/*/gold.yml``).

The last two list names per article, not spans: every occurrence of a listed name or
alias (longest first, optionally with a genitive ``s``) is labelled with its kind.

Training is deterministic: inputs in sorted order, L-BFGS (no random initialisation),
fixed parameters.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .analyse.actors import RuleRecogniser, tokenize
from .analyse.learned import TYPE_OF_KIND, FeatureMaker
from .ingest.articles import build_source, list_articles, parse_text, read_article
from .model import Sentence

PARAMETERS = {
    "c1": 0.1,  # L1 and L2 regularisation, chosen by cross-validation on GermEval dev
    "c2": 0.2,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}

_LEAD = re.compile(r"(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ])")


@dataclass(frozen=True)
class Example:
    """One sentence: its text and the character spans of its names with their types."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


# -- GermEval 2014 ----------------------------------------------------------------------


def read_germeval(path: Path) -> Iterator[tuple[list[str], list[tuple[int, int, str]]]]:
    """Sentences as (tokens, outer spans as (first, last + 1, type)) for PER, LOC, ORG."""
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in [*handle, "\n"]:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    yield tokens, _spans(tags)
                tokens, tags = [], []
                continue
            columns = line.split("\t")
            tokens.append(columns[1])
            tags.append(columns[2])


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start = None
    kind = ""
    for index, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and start is not None and tag[2:] == kind
        if inside:
            continue
        if start is not None and kind in ("PER", "LOC", "ORG"):
            spans.append((start, index, kind))
        start, kind = (index, tag[2:]) if tag.startswith(("B-", "I-")) else (None, "")
    return spans


def germeval_text(tokens: Sequence[str]) -> tuple[str, list[int]]:
    """A GermEval sentence as text, and where each token begins in it: tokens joined by
    spaces, except an abbreviation's full stop. GermEval splits it off (``St .``, ``Chr .``,
    ``Robert R . Livingston``); the text it was cut from, like any news text, has ``St.``, and
    recognition should see what it sees in an article."""
    parts: list[str] = []
    starts = []
    position = 0
    for k, token in enumerate(tokens):
        if k and not _glued(tokens[k - 1], token):
            parts.append(" ")
            position += 1
        parts.append(token)
        starts.append(position)
        position += len(token)
    return "".join(parts), starts


def _glued(previous: str, token: str) -> bool:
    if token != ".":
        return False
    initial = len(previous) == 1 and previous.isupper()
    return initial or f"{previous}." in _tokenizer_exceptions()


@lru_cache(maxsize=1)
def _tokenizer_exceptions() -> frozenset[str]:
    """The abbreviations spaCy's German tokenizer keeps whole (``St.``, ``Dr.``, ``Mio.``)."""
    import spacy

    return frozenset(spacy.blank("de").tokenizer.rules)


def germeval_examples(path: Path) -> list[Example]:
    """GermEval sentences as text (:func:`germeval_text`), with character spans."""
    examples = []
    for tokens, spans in read_germeval(path):
        text, offsets = germeval_text(tokens)
        examples.append(
            Example(
                text=text,
                spans=tuple(
                    (offsets[first], offsets[last - 1] + len(tokens[last - 1]), kind)
                    for first, last, kind in spans
                ),
            )
        )
    return examples


# -- the project's annotations ------------------------------------------------------------


def _names_by_type(entries: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Surface form → type; a form listed under two types is left out."""
    found: dict[str, set[str]] = {}
    for kind_type, names in entries:
        for name in names:
            if name and name.strip():
                found.setdefault(name.strip(), set()).add(kind_type)
    return {name: next(iter(types)) for name, types in found.items() if len(types) == 1}


def label_by_names(texts: Sequence[str], names: dict[str, str]) -> list[Example]:
    """Every occurrence of a listed name (longest first, a genitive ``s`` included) as a span."""
    if not names:
        return [Example(text, ()) for text in texts]
    ordered = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n) for n in ordered) + r")(?:s|’s|'s)?(?![\w-])"
    )
    examples = []
    for text in texts:
        spans = []
        for match in pattern.finditer(text):
            spans.append((match.start(), match.end(), names[match.group(1)]))
        examples.append(Example(text, tuple(spans)))
    return examples


def dev_examples(gold_file: Path, corpus_csv: Path) -> list[Example]:
    """Annotated corpus articles (``eval/gold/dev.yml``, ``train.yml``), sentence by
    sentence."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["articles"]
    with corpus_csv.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2]
    examples = []
    for file_name in sorted(gold):
        annotation = gold[file_name]
        text = rows[annotation["corpus_row"]][1]
        match = _LEAD.search(text)
        if match is not None and match.start() <= 300:
            text = text[: match.start()] + "\n" + text[match.end() :]
        else:
            text = text[:120].rsplit(" ", 1)[0] + "\n" + text
        source = build_source(parse_text(text), file=file_name)
        names = _names_by_type(
            [
                (TYPE_OF_KIND[entry["kind"]], [entry["name"], *(entry.get("aliases") or [])])
                for entry in annotation.get("actors") or []
            ]
        )
        examples += label_by_names([s.text for s in source.sentences], names)
    return examples


_STORY_KINDS = {"people": "PER", "states": "LOC", "organisations": "ORG", "places": "LOC"}


def story_examples(stories_dir: Path) -> list[Example]:
    """The articles of each development story, labelled with the actors of its ``gold.yml``."""
    examples = []
    for story in sorted(p for p in stories_dir.iterdir() if (p / "gold.yml").is_file()):
        gold = yaml.safe_load((story / "gold.yml").read_text(encoding="utf-8"))
        names = _names_by_type(
            [
                (kind_type, [entry["name"], *(entry.get("aliases") or [])])
                for key, kind_type in _STORY_KINDS.items()
                for entry in gold.get(key) or []
            ]
        )
        texts = []
        for path in list_articles(story):
            source, _ = read_article(path, path.name)
            if source is not None:
                texts += [s.text for s in source.sentences]
        examples += label_by_names(texts, names)
    return examples


# -- sequences and training ---------------------------------------------------------------


def to_sequence(
    example: Example, rules: RuleRecogniser, features: FeatureMaker
) -> tuple[list[list[str]], list[str]]:
    """Features (with the rules' candidates) and BIO labels over the recogniser's tokens."""
    tokens = tokenize(example.text)
    candidates = rules.recognise_sentence("t", Sentence(id="s1", paragraph=1, text=example.text))
    labels = ["O"] * len(tokens)
    for start, end, kind_type in example.spans:
        inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
        if not inside or tokens[inside[0]].start != start:
            continue  # the span does not begin at one of our tokens
        for position, k in enumerate(inside):
            labels[k] = ("B-" if position == 0 else "I-") + kind_type
    return features.sentence_features(tokens, candidates), labels


def train(
    sequences: Sequence[tuple[list[list[str]], list[str]]],
    out: Path,
    parameters: dict | None = None,
) -> Path:
    """Train the CRF on the sequences, in the order given; write the model to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for features, labels in sequences:
        if features:
            trainer.append(features, labels)
    trainer.set_params(dict(PARAMETERS, **(parameters or {})))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def project_examples(
    dev_gold: Path | None,
    corpus_csv: Path | None,
    stories: Path | None,
    train_gold: Path | None = None,
):
    """The project's own annotations, where their files exist."""
    examples: list[Example] = []
    if corpus_csv is not None and corpus_csv.is_file():
        for gold in (dev_gold, train_gold):
            if gold is not None:
                examples += dev_examples(gold, corpus_csv)
    if stories is not None and stories.is_dir():
        examples += story_examples(stories)
    return examples


@dataclass(frozen=True)
class _Defaults:
    """Where the training data lives, seen from the repository's root."""

    germeval: Path = Path("../shared/corpora/germeval2014/NER-de-dev.tsv")
    dev_gold: Path = Path("eval/gold/dev.yml")
    train_gold: Path = Path("eval/gold/train.yml")
    corpus: Path = Path("../shared/corpora/10kgnad-test.csv")
    stories: Path = Path("../shared/corpora/stories")

    def resolved(self, root: Path) -> _Defaults:
        return _Defaults(*(root / getattr(self, name) for name in self.__dataclass_fields__))


DEFAULTS = _Defaults().resolved(Path(__file__).resolve().parent.parent)


def training_sequences(
    germeval: Path,
    dev_gold: Path | None,
    corpus: Path | None,
    stories: Path | None,
    train_gold: Path | None = None,
) -> tuple[list, list]:
    """(GermEval sequences in file order, project sequences in sorted order)."""
    rules = RuleRecogniser()
    features = FeatureMaker(rules)
    return (
        [to_sequence(e, rules, features) for e in germeval_examples(germeval)],
        [
            to_sequence(e, rules, features)
            for e in project_examples(dev_gold, corpus, stories, train_gold)
        ],
    )
