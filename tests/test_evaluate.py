"""The evaluation commands score what they say they score."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.evaluate import main, read_germeval, score_stories
from generator.training import germeval_text

from .conftest import ROOT

GERMEVAL = """#\thttp://example.org\t[2020-01-01]
1\tGestern\tO\tO
2\tsprach\tO\tO
3\tAngela\tB-PER\tO
4\tMerkel\tI-PER\tO
5\tin\tO\tO
6\tBerlin\tB-LOC\tO
7\tmit\tO\tO
8\tder\tO\tO
9\tdeutschen\tB-LOCderiv\tO
10\tEU-Kommission\tB-ORGpart\tO
11\t.\tO\tO

"""


def test_germeval_reader_keeps_outer_per_loc_org_only(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    ((tokens, spans),) = list(read_germeval(path))
    assert tokens[2:4] == ["Angela", "Merkel"]
    assert spans == [(2, 4, "PER"), (5, 6, "LOC")]  # deriv and part are not actors


def germeval_scores(tmp_path: Path, text: str) -> dict[str, list[str]]:
    """The `germeval` command's table for a file of this text: type → P, R, F1, gold, pred."""
    path = tmp_path / "mini.tsv"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["germeval", str(path)])
    assert result.exit_code == 0, result.output
    return {line.split()[0]: line.split()[1:] for line in result.output.splitlines()[1:]}


def test_germeval_command_scores_a_perfect_sentence(tmp_path: Path) -> None:
    lines = germeval_scores(tmp_path, GERMEVAL)
    assert lines["PER"][:3] == ["1.000", "1.000", "1.000"]
    assert lines["LOC"][:3] == ["1.000", "1.000", "1.000"]


GERMEVAL_DESCRIPTIONS = """#\thttp://example.org\t[2020-01-01]
1\tDie\tO\tO
2\tEU-Kommission\tB-ORGpart\tO
3\twidersprach\tO\tO
4\tdem\tO\tO
5\trussischen\tB-LOCderiv\tO
6\tVerteidigungsministerium\tO\tO
7\tund\tO\tO
8\tder\tO\tO
9\tNato\tB-ORG\tO
10\t.\tO\tO

"""


def test_germeval_scores_a_described_organisation_as_germeval_tags_it(tmp_path: Path) -> None:
    """The dossier's actors "EU-Kommission" and "russisches Verteidigungsministerium" are
    GermEval's ORGpart and LOCderiv: no ORG span, and so no false positive."""
    lines = germeval_scores(tmp_path, GERMEVAL_DESCRIPTIONS)
    assert lines["ORG"][:3] == ["1.000", "1.000", "1.000"]


GERMEVAL_FULL_STOP = """#\thttp://example.org\t[2020-01-01]
1\tDer\tO\tO
2\tStürmer\tO\tO
3\tklagt\tO\tO
4\tgegen\tO\tO
5\tden\tO\tO
6\tDFB.\tB-ORG\tO

"""


def test_germeval_scores_a_name_whose_token_keeps_the_full_stop(tmp_path: Path) -> None:
    """GermEval's tokens sometimes keep the sentence's full stop (``DFB.``): the name the
    dossier finds before it is that token."""
    lines = germeval_scores(tmp_path, GERMEVAL_FULL_STOP)
    assert lines["ORG"][:3] == ["1.000", "1.000", "1.000"]


GERMEVAL_INDEX = """#\thttp://example.org\t[2020-01-01]
1\tDer\tO\tO
2\tDax\tB-OTH\tO
3\tfiel\tO\tO
4\t,\tO\tO
5\tsagte\tO\tO
6\tdie\tO\tO
7\tDeutsche\tB-ORG\tO
8\tBank\tI-ORG\tO
9\t.\tO\tO

"""


def test_germeval_leaves_out_a_stock_index_it_tags_as_other(tmp_path: Path) -> None:
    """The dossier's actor "DAX" is GermEval's OTH: no ORG span, and so no false positive."""
    lines = germeval_scores(tmp_path, GERMEVAL_INDEX)
    assert lines["ORG"][:5] == ["1.000", "1.000", "1.000", "1", "1"]


def test_gold_command_on_the_seeds() -> None:
    result = CliRunner().invoke(
        main,
        [
            "gold",
            str(ROOT / "eval" / "gold" / "seeds.yml"),
            "--seeds",
            str(ROOT / "seeds"),
            "--templates",
            str(ROOT / "templates"),
        ],
    )
    assert result.exit_code == 0, result.output
    person = next(line for line in result.output.splitlines() if line.startswith("person"))
    assert person.split()[1:4] == ["1.000", "1.000", "1.000"]


def test_stories_score_precision_recall_junk_and_splits(tmp_path: Path) -> None:
    story = tmp_path / "beispiel"
    story.mkdir()
    (story / "01_agentur.txt").write_text(
        "Streik in Kassel\nDie Gewerkschaft Verdana rief in Kassel zum Streik auf.\n"
        "Ein Streikposten vor dem Werk. Foto: Jana Korbel / dpa\n",
        encoding="utf-8",
    )
    (story / "gold.yml").write_text(
        "places: [{name: Kassel}]\norganisations: [{name: Verdana}, {name: Stadtwerke}]\n"
        "not_actors: [Jana Korbel, dpa]\n",
        encoding="utf-8",
    )
    scores, junk, splits = score_stories(tmp_path, ROOT / "templates")
    assert scores["place"].recall == 1.0
    assert scores["organisation"].matched_gold == 1 and scores["organisation"].gold == 2
    assert junk == [] and splits == []


def test_germeval_sentences_keep_abbreviations_whole() -> None:
    """GermEval splits the full stop off abbreviations and initials; the text it came from
    (and any article) has them whole, and that is the text recognition is scored on."""
    tokens = ["Robert", "R", ".", "Livingston", "besuchte", "St", ".", "Pauli", "."]
    text, starts = germeval_text(tokens)
    assert text == "Robert R. Livingston besuchte St. Pauli ."
    assert [text[s : s + len(t)] for s, t in zip(starts, tokens, strict=True)] == tokens
