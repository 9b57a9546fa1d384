"""The whole pipeline over the seeds and over hostile or broken input."""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator import Settings, run_pipeline
from generator.faces.export import dossier_data, dossier_json
from generator.render.site import relative_path

from .conftest import seed_texts
from .links import assert_links_resolve, links_to


def test_seed_site_has_every_kind_of_page(seed_result) -> None:
    pages = set(seed_result.site)
    sources = {p for p in pages if p.startswith("quellen/") and p != "quellen/index.md"}
    actors = {p for p in pages if p.startswith("akteure/") and p != "akteure/index.md"}
    events = {p for p in pages if p.startswith("ereignisse/") and p != "ereignisse/index.md"}
    assert len(sources) == 3
    assert len(actors) >= 10
    assert len(events) >= 1
    for index in (
        "index.md",
        "quellen/index.md",
        "akteure/index.md",
        "ereignisse/index.md",
        "widersprueche/index.md",
    ):
        assert index in pages


def test_every_generated_link_resolves(seed_result) -> None:
    assert_links_resolve(seed_result.site)


def test_cross_references_go_both_ways(seed_result) -> None:
    dossier = seed_result.dossier
    site = seed_result.site
    for actor in dossier.actors:
        for source_id in {m.source for m in actor.mentions}:
            assert links_to(site, f"akteure/{actor.id}.md", f"quellen/{source_id}.md")
            assert links_to(site, f"quellen/{source_id}.md", f"akteure/{actor.id}.md")
    for event in dossier.events:
        for source_id in event.sources:
            assert links_to(site, f"quellen/{source_id}.md", f"ereignisse/{event.id}.md")


def test_json_has_the_documented_shape(seed_result) -> None:
    data = json.loads(dossier_json(seed_result.dossier))
    assert {"sources", "actors", "events", "discrepancies"} <= set(data)
    for source in data["sources"]:
        assert {"id", "title", "published", "file"} <= set(source)
    for actor in data["actors"]:
        assert {"id", "name", "kind", "aliases", "mentions"} <= set(actor)
        assert actor["kind"] in ("person", "state", "organisation", "place")
        for mention in actor["mentions"]:
            assert {"source", "sentence"} <= set(mention)
    for event in data["events"]:
        assert {"id", "title", "date", "actors", "sources"} <= set(event)
        assert event["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event["date"])
    for discrepancy in data["discrepancies"]:
        assert {"id", "topic", "claims"} <= set(discrepancy)
        for claim in discrepancy["claims"]:
            assert {"value", "source", "sentence", "quote"} <= set(claim)
    assert [s["file"] for s in data["sources"]] == [
        f"seeds/{name}" for name in sorted(seed_texts())
    ]


def test_two_runs_give_identical_pages_and_json(make_project) -> None:
    project = make_project(seed_texts())
    first = run_pipeline(Settings.for_project(project))
    second = run_pipeline(Settings.for_project(project))
    assert first.site == second.site
    assert dossier_json(first.dossier) == dossier_json(second.dossier)


def test_input_order_does_not_change_the_dossier(make_project, tmp_path) -> None:
    texts = seed_texts()
    # the same articles under names that sort in the opposite order
    renamed = {f"{9 - i}_{name}": text for i, (name, text) in enumerate(sorted(texts.items()))}
    a = run_pipeline(Settings.for_project(make_project(texts)))
    b_project = tmp_path / "b"
    b_project.mkdir()
    (b_project / "seeds").mkdir()
    for name, text in renamed.items():
        (b_project / "seeds" / name).write_text(text, encoding="utf-8")
    b = run_pipeline(
        Settings(seeds_dir=b_project / "seeds", templates_dir=Path("templates").resolve())
    )
    names_a = sorted((x.name, x.kind, len(x.mentions)) for x in a.dossier.actors)
    names_b = sorted((x.name, x.kind, len(x.mentions)) for x in b.dossier.actors)
    assert names_a == names_b


def test_bad_file_is_reported_and_skipped(make_project) -> None:
    texts = seed_texts()
    texts["kaputt.txt"] = ""
    project = make_project({**texts, "binaer.txt": b"\x00\x01\x02"})
    result = run_pipeline(Settings.for_project(project))
    assert len(result.dossier.sources) == 3
    messages = sorted(str(d) for d in result.diagnostics)
    assert any(
        m.endswith("binaer.txt: binary file (contains NUL bytes), not a text article")
        for m in messages
    )
    assert any(m.endswith("kaputt.txt: file is empty") for m in messages)


HOSTILE = (
    "Angriff <script>alert('x')</script> auf {{ config }}\n"
    "Der Minister Hans Beispiel sagte: <img src=x onerror=alert(1)> und [klick](javascript:alert(1)).\n"
    "{% raw %}Ein Satz mit {{ 7*7 }} und {% if %} Jinja-Syntax.{% endraw %}\n"
    "# Keine Überschrift | und | keine Tabelle\n"
)


def test_hostile_article_text_comes_out_inert(make_project) -> None:
    project = make_project({"boese.txt": HOSTILE})
    result = run_pipeline(Settings.for_project(project))
    assert len(result.dossier.sources) == 1
    for path, text in result.site.items():
        assert "<script" not in text, path
        assert "<img" not in text, path
        assert "](javascript:" not in text, path
        assert "{{ 7*7 }}" not in text and "{%" not in text, path
    data = dossier_data(result.dossier)
    assert data["sources"][0]["title"].startswith("Angriff <script>")  # JSON keeps the text as is


def test_text_around_actor_links_keeps_its_spaces(seed_result) -> None:
    page = next(
        text
        for path, text in seed_result.site.items()
        if path.startswith("quellen/die-ratifizierung")
    )
    assert (
        'mit <a class="dossier-mention" href="../../akteure/russland/">Russland</a> durch <a '
        in page
    )


def test_the_dossier_does_not_depend_on_pythons_hash_seed(make_project) -> None:
    """Sets iterate in an order that changes with each process: two processes with other
    seeds write the same JSON (aliases that differ only in case were once in set order)."""
    project = make_project(
        {
            "a.txt": "Die UNO berät\n\nDie UNO berät in Genf über die Hilfe. Die Uno tagt.\n",
            "b.txt": "Die Uno tagt\n\nDie Uno berät in Genf. Auch die UNO ist dort.\n",
        }
    )
    outputs = []
    for seed in ("1", "2", "3"):
        run = subprocess.run(
            [sys.executable, "-m", "generator", "export", "--no-cache", "-o", "-"],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert '"UNO"' in outputs[0] and '"Uno"' in outputs[0]
    assert outputs[0] == outputs[1] == outputs[2]


_SEGMENT = st.sampled_from(["a", "b", "quellen", "akteure", "x-1"])


@given(
    target=st.lists(_SEGMENT, max_size=3).map(lambda parts: "/".join([*parts, "seite.md"])),
    folder=st.lists(_SEGMENT, max_size=3).map("/".join),
)
def test_a_link_between_pages_is_the_relative_path(target: str, folder: str) -> None:
    assert relative_path(target, folder) == posixpath.relpath(target, folder or ".")
