"""The word tables (clusters, lemmas) that ship as tries, and the script that builds them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.analyse.events import verb_lemma, verb_lemmas, verb_lemmas_of
from generator.analyse.lookups import ClusterTable, cluster_table, lemma_table, table_facts
from generator.errors import DossierError
from generator.reconcile.headlines import present_forms_of

ROOT = Path(__file__).resolve().parent.parent


def test_lemma_table_gives_base_forms_and_nothing_for_unknown_words() -> None:
    lemmas = lemma_table()
    assert lemmas.get("Häuser") == "Haus"
    assert lemmas["eingestürzt"] == "einstürzen"
    assert lemmas.get("Qwxyzzel") is None
    assert lemmas.get("Qwxyzzel", "x") == "x"
    assert "Qwxyzzel" not in lemmas
    with pytest.raises(KeyError):
        lemmas["Qwxyzzel"]


def test_cluster_table_puts_words_of_one_kind_together() -> None:
    clusters = cluster_table()
    assert len(clusters) > 900_000
    assert clusters.get("Qwxyzzel") is None
    # given names share a cluster more often than a given name and a verb form
    assert clusters.get("Thomas") == clusters.get("Michael")
    assert clusters.get("Thomas") != clusters.get("sagte")


def test_the_catch_all_cluster_is_the_biggest() -> None:
    clusters = cluster_table()
    catch_all = table_facts()["catch_all_cluster"]
    # a rare word falls into it; a frequent function word does not
    assert clusters.get("und") != catch_all


def test_derived_verb_facts_follow_the_generators_own_rules() -> None:
    table = {"stürzt": "stürzen", "gestürzt": "stürzen", "Haus": "Haus", "fährt": "fahren"}
    assert verb_lemmas_of(table) == ["fahren", "stürzen"]
    assert present_forms_of({"fährt": "fahren", "fahrt": "fahren"}) == {"fahren": "fährt"}
    assert "einstürzen" in verb_lemmas()
    assert verb_lemma("eingestürzt") == "einstürzen"


def test_a_missing_or_damaged_table_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match=r"nothing\.marisa is missing or damaged"):
        ClusterTable(str(tmp_path / "nothing.marisa"))
    damaged = tmp_path / "damaged.marisa"
    damaged.write_bytes(b"not a trie" * 10)
    with pytest.raises(DossierError, match=r"damaged\.marisa is missing or damaged"):
        ClusterTable(str(damaged))


def test_the_shipped_tables_are_built_from_their_source() -> None:
    pytest.importorskip("spacy_lookups_data")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_word_tables.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr + done.stdout
