"""Measure actor extraction: against a hand annotation, or against GermEval 2014.

    python -m generator.evaluate gold eval/gold/seeds.yml --seeds seeds
    python -m generator.evaluate germeval NER-de-dev.tsv

``gold`` runs the whole pipeline over a folder and compares the actors of each
article with the annotation, per kind; ``stories`` does the same per story folder of
``../shared/corpora/stories`` (each with a ``gold.yml``). ``germeval`` scores per-sentence
recognition against the outer spans of GermEval 2014 (PER; LOC = states and
places; ORG), the way the shared task did: exact span and type.
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from .analyse.actors import Recogniser, RuleRecogniser, _is_capitalised
from .analyse.learned import LearnedRecogniser
from .analyse.statistical import make_recogniser
from .model import ACTOR_KINDS, Paragraph, Sentence, Source
from .pipeline import run_pipeline
from .reconcile.actors import name_key, resolve_actors
from .settings import Settings
from .training import DEFAULTS, germeval_text, read_germeval, train, training_sequences

GERMEVAL_TYPES = {"person": "PER", "state": "LOC", "place": "LOC", "organisation": "ORG"}


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    matched_gold: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _forms(names: list[str]) -> set[str]:
    forms = set()
    for name in names:
        key = name_key(name)
        forms.add(key)
        if key.endswith("s"):
            forms.add(key[:-1])
    return forms


def score_gold(
    gold_file: Path, seeds_dir: Path, templates_dir: Path | None = None, model: str | None = None
) -> dict[str, Score]:
    """Per-kind precision and recall of the pipeline's actors against a gold annotation."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["articles"]
    result = run_pipeline(Settings(seeds_dir=seeds_dir, templates_dir=templates_dir, model=model))
    by_file = {Path(source.file).name: source.id for source in result.dossier.sources}
    scores = {kind: Score() for kind in ACTOR_KINDS}
    for file_name, annotation in sorted(gold.items()):
        source_id = by_file.get(file_name)
        if source_id is None:
            raise click.ClickException(f"{gold_file}: article {file_name} not found in {seeds_dir}")
        predicted = []
        for actor in result.dossier.actors:
            texts = [m.text for m in actor.mentions if m.source == source_id]
            if texts:
                predicted.append((actor, _forms([actor.name, *actor.aliases, *texts])))
        gold_actors = [
            (entry, _forms([entry["name"], *(entry.get("aliases") or [])]))
            for entry in annotation.get("actors") or []
        ]
        for kind in ACTOR_KINDS:
            score = scores[kind]
            mine = [(a, forms) for a, forms in predicted if a.kind == kind]
            theirs = [(g, forms) for g, forms in gold_actors if g["kind"] == kind]
            score.predicted += len(mine)
            score.gold += len(theirs)
            for actor, forms in mine:
                if any(_matches(forms, gold_forms, kind) for _, gold_forms in theirs):
                    score.true_positives += 1
                else:
                    score.spurious.append(f"{file_name}: {actor.name}")
            for entry, gold_forms in theirs:
                if any(_matches(forms, gold_forms, kind) for _, forms in mine):
                    score.matched_gold += 1
                else:
                    score.misses.append(f"{file_name}: {entry['name']}")
    return scores


def _matches(predicted: set[str], gold: set[str], kind: str) -> bool:
    """Same name, or for organisations the same head ("Sicherheitsrat" in "russischer Sicherheitsrat")."""
    if predicted & gold:
        return True
    if kind != "organisation":
        return False
    return any(p.endswith(" " + g) or g.endswith(" " + p) for p in predicted for g in gold)


# -- multi-source stories ------------------------------------------------------------------

STORY_KINDS = {
    "people": "person",
    "states": "state",
    "organisations": "organisation",
    "places": "place",
}


def _story_form(name: str) -> str:
    """Names compared as the stories' scorer does: case, spaces, hyphens, dots, apostrophes."""
    return re.sub(r"[\s\-‐–_.’'`]", "", unicodedata.normalize("NFKC", name).casefold())


def score_stories(stories_dir: Path, templates_dir: Path | None, model: str | None = None):
    """Per-kind precision and recall of a dossier per story folder against its ``gold.yml``.

    An actor is correct when one of its names matches a gold entry of its kind; a gold entry is
    found when an actor of any kind has one of its names (as the stories' own scorer counts) and
    split when two actors do. Actors matching ``not_actors`` are junk."""
    scores = {kind: Score() for kind in ACTOR_KINDS}
    junk: list[str] = []
    splits: list[str] = []
    for story in sorted(p for p in stories_dir.iterdir() if (p / "gold.yml").is_file()):
        gold = yaml.safe_load((story / "gold.yml").read_text(encoding="utf-8"))
        settings = Settings(seeds_dir=story, templates_dir=templates_dir, model=model)
        actors = run_pipeline(settings).dossier.actors
        forms = [{_story_form(n) for n in (a.name, *a.aliases)} for a in actors]
        entries = [
            (
                STORY_KINDS[key],
                entry,
                {_story_form(n) for n in (entry["name"], *(entry.get("aliases") or []))},
            )
            for key in STORY_KINDS
            for entry in gold.get(key) or []
        ]
        not_actors = {_story_form(n) for n in gold.get("not_actors") or []}
        for kind, entry, names in entries:
            score = scores[kind]
            score.gold += 1
            matches = [a for a, f in zip(actors, forms, strict=True) if f & names]
            score.matched_gold += bool(matches)
            if not matches:
                score.misses.append(f"{story.name}: {entry['name']}")
            if len(matches) > 1 and kind != "place":  # a capital is also its state's alias
                splits.append(f"{story.name}: {entry['name']} -> {[a.name for a in matches]}")
        for actor, names in zip(actors, forms, strict=True):
            score = scores[actor.kind]
            score.predicted += 1
            if any(kind == actor.kind and names & gold_names for kind, _, gold_names in entries):
                score.true_positives += 1
            else:
                score.spurious.append(f"{story.name}: {actor.name}")
            if names & not_actors:
                junk.append(f"{story.name}: {actor.name}")
    return scores, junk, splits


# -- GermEval 2014 -----------------------------------------------------------------------


def predict_spans(
    recogniser: Recogniser, tokens: list[str], rules: RuleRecogniser
) -> list[tuple[int, int, str]]:
    """The pipeline's recognition of one sentence, as token spans with GermEval types."""
    text, starts = germeval_text(tokens)
    offsets = [(start, start + len(token)) for start, token in zip(starts, tokens, strict=True)]
    sentence = Sentence(id="s1", paragraph=1, text=text)
    source = Source(
        id="satz",
        file="germeval",
        title="",
        paragraphs=(Paragraph(index=1, kind="text", sentences=("s1",)),),
        sentences=(sentence,),
    )
    actors = resolve_actors([source], recogniser.recognise(source))
    spans = []
    inside: dict[int, list[str]] = {}  # GermEval token -> types of the mentions within it
    for actor in actors:
        for mention in actor.mentions:
            first = next((i for i, (s, _) in enumerate(offsets) if s == mention.start), None)
            last = next(
                (
                    i
                    for i, (_, e) in enumerate(offsets)
                    # "… gegen den DFB.": GermEval's token keeps a sentence's full stop
                    if e == mention.end or (e == mention.end + 1 and tokens[i].endswith("."))
                ),
                None,
            )
            if first is None or last is None:
                token = next(
                    (
                        i
                        for i, (s, e) in enumerate(offsets)
                        if s <= mention.start and mention.end <= e
                    ),
                    None,
                )
                if token is not None and "/" in tokens[token]:
                    inside.setdefault(token, []).append(GERMEVAL_TYPES[actor.kind])
                continue  # part of a token: GermEval's *part, not an actor span
            if actor.kind == "state" and rules.is_demonym(mention.text):
                continue  # demonym adjective ("deutsche", "Deutschen"): GermEval's LOCderiv
            if actor.kind == "organisation" and _germeval_not_a_name(rules, mention.text):
                continue
            if actor.name in rules.lexicon.stock_indices:
                continue  # "der Dax": an actor of the dossier, GermEval's OTH (no body)
            if (
                actor.kind == "place"
                and mention.text != actor.name
                and rules.is_place_adjective(mention.text)
            ):
                continue  # place adjective ("Passauer"): LOCderiv too
            spans.append((first, last + 1, GERMEVAL_TYPES[actor.kind]))
    # our tokenizer splits "München/Hamburg"; GermEval keeps it one token of one type
    for token, types in inside.items():
        parts = [part for part in tokens[token].split("/") if part]
        if len(set(types)) == 1 and len(types) == len(parts):
            spans.append((token, token + 1, types[0]))
    return sorted(set(spans))


def _germeval_not_a_name(rules: RuleRecogniser, text: str) -> bool:
    """An organisation the dossier names by a description GermEval does not tag as one name:
    a compound of a name and a common noun (``EU-Kommission``, ``Larimo-Konzern``: the token
    is GermEval's ORGpart) or a state's adjective before a common noun (``das portugiesische
    Verteidigungsministerium``: the adjective is LOCderiv, the rest no name)."""
    words = text.split()
    if len(words) == 1 and "-" in text.strip("-"):
        first, head = text.split("-", 1)[0], text.rsplit("-", 1)[1]
        lexicon = rules.lexicon
        return (
            _is_capitalised(first)
            and not lexicon.is_common_noun(first)
            and lexicon.is_common_noun(head)
            and not rules.is_place_adjective(head)
        )
    return words[0][:1].islower() and rules.is_demonym(words[0])


def score_germeval(
    path: Path, limit: int | None = None, model: str | None = None, rules_only: bool = False
) -> dict[str, Score]:
    rules = RuleRecogniser()
    recogniser = rules if rules_only else make_recogniser(model)
    sentences = list(read_germeval(path))[:limit]
    scores: dict[str, Score] = defaultdict(Score)
    _score_sentences(recogniser, rules, sentences, scores)
    return dict(scores)


def _score_sentences(
    recogniser: Recogniser,
    rules: RuleRecogniser,
    sentences: list[tuple[list[str], list[tuple[int, int, str]]]],
    scores: dict[str, Score],
) -> None:
    for tokens, gold in sentences:
        predicted = predict_spans(recogniser, tokens, rules)
        gold_set = set(gold)
        for span in predicted:
            for key in (span[2], "ALL"):
                scores[key].predicted += 1
                if span in gold_set:
                    scores[key].true_positives += 1
                else:
                    scores[key].spurious.append(
                        " ".join(tokens[span[0] : span[1]]) + f" [{span[2]}]"
                    )
        for span in gold:
            for key in (span[2], "ALL"):
                scores[key].gold += 1
                if span in set(predicted):
                    scores[key].matched_gold += 1
                else:
                    scores[key].misses.append(" ".join(tokens[span[0] : span[1]]) + f" [{span[2]}]")


def cross_validate_germeval(
    path: Path,
    folds: int,
    dev_gold: Path | None = DEFAULTS.dev_gold,
    corpus: Path | None = DEFAULTS.corpus,
    stories: Path | None = DEFAULTS.stories,
    train_gold: Path | None = DEFAULTS.train_gold,
) -> dict[str, Score]:
    """Honest figures for the learned tie-breaker on the data it is trained on: the sentences
    in ``folds`` contiguous blocks; for each, a model trained on the other blocks (and all
    the project's annotations, which hold no GermEval sentence) tags the held-out block;
    the counts are summed over the blocks."""
    rules = RuleRecogniser()
    germeval, project = training_sequences(path, dev_gold, corpus, stories, train_gold)
    sentences = list(read_germeval(path))
    scores: dict[str, Score] = defaultdict(Score)
    with tempfile.TemporaryDirectory() as folder:
        for fold in range(folds):
            low, high = fold * len(sentences) // folds, (fold + 1) * len(sentences) // folds
            model = train([*germeval[:low], *germeval[high:], *project], Path(folder) / f"{fold}")
            recogniser = LearnedRecogniser(rules, model)
            _score_sentences(recogniser, rules, sentences[low:high], scores)
    return dict(scores)


def _print(scores: dict[str, Score], verbose: int) -> None:
    click.echo(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    total = Score()
    for name, score in scores.items():
        click.echo(
            f"{name:<14}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
            f"{score.gold:>7}{score.predicted:>7}"
        )
        if name != "ALL":
            total.true_positives += score.true_positives
            total.predicted += score.predicted
            total.gold += score.gold
            total.matched_gold += score.matched_gold
    if "ALL" not in scores:
        click.echo(
            f"{'all':<14}{total.precision:>7.3f}{total.recall:>7.3f}{total.f1:>7.3f}"
            f"{total.gold:>7}{total.predicted:>7}"
        )
    if verbose:
        for name, score in scores.items():
            for label, items in (("missed", score.misses), ("spurious", score.spurious)):
                counted = Counter(items).most_common(None if verbose > 1 else 25)
                if counted:
                    click.echo(f"\n{name} {label}:")
                    for item, n in counted:
                        click.echo(f"  {item}" + (f"  ×{n}" if n > 1 else ""))


_templates_option = click.option(
    "--templates",
    "templates_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Your own templates overriding the packaged ones (default: none).",
)
_model_option = click.option(
    "--model", default=None, help="An installed spaCy pipeline merged with the rules."
)


@click.group(help="Measure actor extraction quality.")
def main() -> None:
    pass


@main.command(help="Precision/recall per actor kind against a gold YAML annotation.")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
)
@_templates_option
@_model_option
@click.option("-v", "--verbose", count=True, help="List misses and spurious actors.")
def gold(
    gold_file: Path, seeds_dir: Path, templates_dir: Path | None, model: str | None, verbose: int
) -> None:
    _print(score_gold(gold_file, seeds_dir, templates_dir, model), verbose)


@main.command(help="P/R/F1 per actor kind over story folders with a gold.yml each.")
@click.argument("stories_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_templates_option
@_model_option
@click.option("-v", "--verbose", count=True, help="List misses and actors not in the gold.")
def stories(stories_dir: Path, templates_dir: Path | None, model: str | None, verbose: int) -> None:
    scores, junk, splits = score_stories(stories_dir, templates_dir, model)
    _print(scores, verbose)
    click.echo(f"junk actors: {len(junk)}; gold actors split over two pages: {len(splits)}")
    if verbose:
        for line in [*junk, *splits]:
            click.echo(f"  {line}")


@main.command(help="P/R/F1 per type against GermEval 2014 outer spans (PER, LOC, ORG).")
@click.argument("tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Only the first N sentences.")
@_model_option
@click.option("--rules-only", is_flag=True, help="The rules without the learned tie-breaker.")
@click.option(
    "--cross-validate",
    "folds",
    type=click.IntRange(min=2),
    default=None,
    help="Honest figures for the learned part: train on K-1 blocks of the file, test on the "
    "held-out block, sum over the K blocks (the shipped model has seen the whole file).",
)
@click.option("-v", "--verbose", count=True, help="List misses and spurious spans.")
def germeval(
    tsv: Path,
    limit: int | None,
    model: str | None,
    rules_only: bool,
    folds: int | None,
    verbose: int,
) -> None:
    if folds is not None:
        scores = cross_validate_germeval(tsv, folds)
    else:
        scores = score_germeval(tsv, limit, model, rules_only)
    ordered = {key: scores[key] for key in ("PER", "LOC", "ORG", "ALL") if key in scores}
    _print(ordered, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
