"""Ingest: the seed format, Markdown with front matter, encodings and bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.ingest.articles import decode, parse_markdown, parse_text, read_article, split_credit

from .conftest import SEEDS


def read_seed(name: str):
    source, diagnostics = read_article(SEEDS / name, f"seeds/{name}")
    assert source is not None, diagnostics
    assert diagnostics == []
    return source


def body(source) -> list[str]:
    return [s.text for s in source.sentences]


def test_seed_000_headline_date_and_repeated_lead_dropped() -> None:
    source = read_seed("000_6a77eb0239d433f1.txt")
    assert source.title.startswith("Krieg in der Ukraine: ein neuer Wendepunkt im Konflikt?")
    assert source.published == "2024-11-10"
    assert source.published_time == "15:57"
    assert len(source.paragraphs) == 10
    lead = source.dropped_lines
    assert len(lead) == 1 and lead[0].startswith("Der russische Präsident Wladimir Putin")
    assert (
        sum(
            text.startswith("Der russische Präsident Wladimir Putin unterzeichnete")
            for text in body(source)
        )
        == 1
    )
    assert not any("Veröffentlicht am" in text for text in body(source))


def test_seed_002_repeated_headline_dropped_and_photo_credit_kept_apart() -> None:
    source = read_seed("002_0fdd52b2584aee5d.txt")
    assert (
        source.title
        == "Russland und Nordkorea versprechen sich gegenseitigen Schutz im Angriffsfall"
    )
    assert source.published is None
    assert source.dropped_lines == (source.title,)
    assert source.credits == ("Ahn Young-joon/Copyright 2024 The AP. All rights reserved.",)
    assert not any("Copyright" in text or "Ahn Young-joon" in text for text in body(source))
    captions = [p for p in source.paragraphs if p.kind == "caption"]
    assert len(captions) == 1
    caption_text = next(s.text for s in source.sentences if s.id == captions[0].sentences[0])
    assert caption_text.startswith("In einer U-Bahnstation in Südkoreas Hauptstadt Seoul")
    # the caption appears once, not twice
    assert sum("U-Bahnstation" in text for text in body(source)) == 1
    headings = [p for p in source.paragraphs if p.kind == "heading"]
    assert len(headings) == 3
    assert len(source.paragraphs) == 18


def test_seed_004_headings_are_not_body_text() -> None:
    source = read_seed("004_57acf05168c86062.txt")
    headings = [
        next(s.text for s in source.sentences if s.id == p.sentences[0])
        for p in source.paragraphs
        if p.kind == "heading"
    ]
    assert headings == [
        "Vertragsdetails",
        "Internationale Auswirkungen",
        "Ein Blick in die Zukunft",
    ]
    assert len(source.paragraphs) == 10
    assert source.credits == ()


def test_sentence_ids_are_sequential_and_unique() -> None:
    source = read_seed("002_0fdd52b2584aee5d.txt")
    assert [s.id for s in source.sentences] == [
        f"s{i}" for i in range(1, len(source.sentences) + 1)
    ]


def test_sentences_survive_german_abbreviations_and_ordinals() -> None:
    draft = parse_text(
        "Titel\nAm 8. November traf Dr. Weber u. a. Vertreter in St. Petersburg. Danach reiste er ab.\n"
    )
    from generator.ingest.articles import build_source

    source = build_source(draft, file="x.txt")
    assert body(source) == [
        "Am 8. November traf Dr. Weber u. a. Vertreter in St. Petersburg.",
        "Danach reiste er ab.",
    ]


def test_utf8_bom_and_crlf_are_accepted() -> None:
    text, encoding = decode(codecs.BOM_UTF8 + "Überschrift\r\nText über Öl.\r\n".encode())
    assert encoding == "utf-8"
    assert text == "Überschrift\nText über Öl.\n"


def test_windows_1252_is_detected() -> None:
    raw = "Überschrift zur Lage\nDie Bürger in Österreich äußerten sich über die Maßnahmen und Größe.\n"
    text, encoding = decode(raw.encode("cp1252"))
    assert text == raw
    assert encoding != "utf-8"


def test_binary_file_is_rejected_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    source, diagnostics = read_article(path, "seeds/kaputt.txt")
    assert source is None
    assert str(diagnostics[0]).startswith("seeds/kaputt.txt: binary file")


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_file_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "leer.txt"
    path.write_text(content, encoding="utf-8")
    source, diagnostics = read_article(path, "seeds/leer.txt")
    assert source is None
    assert [str(d) for d in diagnostics] == ["seeds/leer.txt: file is empty"]


def test_markdown_article_with_front_matter() -> None:
    draft = parse_markdown(
        "---\ntitle: Gipfel in Wien\npublished: 2024-03-05\noutlet: Beispielblatt\n"
        "url: https://example.org/a\nauthor: A. Autor\nlanguage: de\n---\n\n"
        "Die Minister trafen sich in **Wien**.\n\n## Hintergrund\n\nEs war das [dritte](https://x.y) Treffen.\n"
    )
    assert draft.title == "Gipfel in Wien"
    assert draft.published == "2024-03-05"
    assert draft.meta == {
        "outlet": "Beispielblatt",
        "url": "https://example.org/a",
        "author": "A. Autor",
        "language": "de",
    }
    assert draft.blocks == [
        ("text", "Die Minister trafen sich in Wien."),
        ("heading", "Hintergrund"),
        ("text", "Es war das dritte Treffen."),
    ]


def test_markdown_front_matter_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.md"
    path.write_text("---\ntitle: Gut\npublished: [unclosed\n---\nText.\n", encoding="utf-8")
    source, diagnostics = read_article(path, "seeds/kaputt.md")
    assert source is None
    assert str(diagnostics[0]).startswith("seeds/kaputt.md:")
    assert diagnostics[0].line is not None and diagnostics[0].line >= 3


def test_markdown_bad_published_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "datum.md"
    path.write_text("---\ntitle: Gut\npublished: gestern\n---\nText hier.\n", encoding="utf-8")
    source, diagnostics = read_article(path, "seeds/datum.md")
    assert source is not None and source.title == "Gut" and source.published is None
    assert [str(d) for d in diagnostics] == [
        "seeds/datum.md:3: 'published: gestern' is not a date (use YYYY-MM-DD); field ignored"
    ]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Ein Bild vom Hafen. - Max Muster/Copyright 2023 Agentur. All rights reserved.",
            "Ein Bild vom Hafen.",
            "Max Muster/Copyright 2023 Agentur. All rights reserved.",
        ),
        ("Foto: APA/Hans Beispiel", "", "Foto: APA/Hans Beispiel"),
        ("Der Minister sprach in Wien über die Lage.", None, None),
        (
            "Die Sendung läuft ab Montag – sieben Politiker ziehen ein. Gefragt wird: Stimmt "
            "das Bild: Politiker packen nicht mit an? Die Antwort gibt es am Freitag im "
            "Ersten, sagte die Redakteurin Anna Keller in Kassel.",
            None,
            None,
        ),
    ],
)
def test_credit_lines(line: str, caption: str | None, credit: str | None) -> None:
    assert split_credit(line) == (caption, credit)


def test_publication_date_is_inferred_from_the_latest_full_date(make_project) -> None:
    from generator import Settings, run_pipeline

    project = make_project(
        {
            "ohne.txt": "Gipfel vertagt\nDas Treffen vom 2. März 2021 wurde am 14.03.2021 abgesagt. Am Montag soll es weitergehen.\n",
            "gar_nichts.txt": "Gipfel vertagt\nAm Montag soll es weitergehen.\n",
        }
    )
    result = run_pipeline(Settings.for_project(project))
    by_file = {s.file.rsplit("/", 1)[-1]: s for s in result.dossier.sources}
    assert by_file["ohne.txt"].published == "2021-03-14"
    assert by_file["ohne.txt"].date_inferred is True
    assert by_file["gar_nichts.txt"].published is None
    monday = [d for d in result.dossier.dates if d.phrase == "Am Montag"]
    assert sorted((d.date.iso if d.date else "") for d in monday) == ["", "2021-03-08"]
