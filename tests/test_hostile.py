"""Hostile input beside the seeds: every bad file is named, the good articles are built,
nothing is injected, nothing outside the articles folder is read."""

from __future__ import annotations

import codecs
import json
import os
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import seed_texts, start_serve
from .test_build import mkdocs_build

pytestmark = pytest.mark.slow

SECRET = "GEHEIMNIS-AUSSERHALB-7731"
PAYLOADS = ("<script>alert", "<img src=x", "onerror=", 'href="javascript:', 'href="data:')
BODY = "Die Ministerin Eva Roth besuchte am Montag den Hafen.\n\nSie sprach mit 20 Arbeitern.\n"

# file name -> (content, what the output says about it)
BAD: dict[str, tuple[str | bytes, str]] = {
    "leer.txt": ("", "file is empty"),
    "nur-leerzeichen.txt": ("\n   \n\t\n", "file is empty"),
    "bild.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "riesig.txt": ("Riesig\n" + "Ein Satz. " * 40_000, "bigger than the limit"),
    "nur-titel.txt": ("Nur eine Überschrift\n", "no body text"),
    "ohne-titel.md": ("---\nauthor: A. B.\n---\n", "no title and no text"),
    "yaml-kaputt.md": ("---\ntitle: [offen\n---\n" + BODY, "not valid YAML"),
    "yaml-liste.md": ("---\n- a\n- b\n---\n" + BODY, "must be a mapping"),
    "yaml-tief.md": (
        "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n" + BODY,
        "nested too deeply",
    ),
    "datum-unmoeglich.md": (
        "---\ntitle: Datum\npublished: 2024-13-45\n---\n" + BODY,
        "not a valid date",
    ),
    "datum-text.md": ("---\ntitle: Datum Text\npublished: neulich\n---\n" + BODY, "is not a date"),
    "titel-zahl.md": ("---\ntitle: 12345\n---\n" + BODY, "is a number, not a text"),
    "titel-liste.md": ("---\ntitle: [Eins, Zwei]\n---\n" + BODY, "must be a single value"),
    "url-javascript.md": (
        "---\ntitle: Link JS\nurl: javascript:alert(1)\n---\n" + BODY,
        "is not a web address",
    ),
    "url-data.md": (
        "---\ntitle: Link Data\nurl: data:text/html,<script>alert(1)</script>\n---\n" + BODY,
        "is not a web address",
    ),
    "url-relativ.md": (
        "---\ntitle: Link relativ\nurl: ../../etc/passwd\n---\n" + BODY,
        "is not a web address",
    ),
    "schluessel-tippfehler.md": ("---\ntitel: Tippfehler\n---\n" + BODY, "did you mean 'title'?"),
    "lachen.md": (
        "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: *b\n---\n" + BODY,
        "must be a single value",
    ),
    "kaputt-kodiert.txt": (b"Titel\n" + bytes(range(0x80, 0xA0)) * 20 + b"\n", "not valid UTF-8"),
    "lange-zeile.txt": ("Lange Zeile\n" + "Wort " * 12_000 + "\n", "split into"),
    "langer-titel.txt": ("Titel " * 200 + "\n" + BODY, "shortened"),
    "kopie.txt": (None, "exact copy of"),  # filled with a seed below
    "doppelt.md": ("---\ntitle: Eins\ntitle: Zwei\n---\n" + BODY, "appears twice"),
}


def make_hostile(make_project, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    seeds = seed_texts()
    first = next(iter(seeds.values()))
    expected = {}
    articles: dict[str, str | bytes] = dict(seeds)
    for name, (content, message) in BAD.items():
        if isinstance(content, str):  # each its own text: copies are tested on purpose only
            content = content.replace(BODY, BODY.replace("Hafen", f"Hafen ({name})"))
        articles[name] = first if content is None else content
        expected[name] = message
    articles["skript.txt"] = (
        "Angriff <script>alert('x')</script> {{ config }}\n"
        "Eva Roth sagte: <img src=x onerror=alert(1)> [klick](javascript:alert(1)) {% if %}\n"
    )
    articles["steuer-und-richtung.txt"] = (
        "Richtung \u202egnutierhcS\u202c und \u200bnull\u200b breite Zeichen\n"
        "Ein Satz mit \x01\x02\x7f Steuerzeichen, e\u0301\u0301 Akzenten und \u05e9\u05dc\u05d5\u05dd.\n"
    )
    articles["Name mit Leerzeichen, Ümlaut & #Raute.txt"] = "Sonderbarer Dateiname\n" + BODY
    articles["windows-1252.txt"] = "Übersicht für Bürger\nÄrger über Öl.\n".encode("cp1252")
    articles["utf-16.txt"] = codecs.BOM_UTF16_LE + "Sechzehn Bit\nGrüße.\n".encode("utf-16-le")
    # ignored without a word: hidden files and editors' backups
    articles[".versteckt.txt"] = "Versteckt\n" + BODY
    articles["notiz.txt~"] = "Sicherung\n" + BODY
    articles["#notiz.txt#"] = "Sicherung\n" + BODY
    articles[".notiz.txt.swp"] = b"\x00swap"
    project = make_project(articles)
    seeds_dir = project / "seeds"
    # the size limit, as an editor writes it: riesig.txt (400 kB) is over it
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace(
            "      seeds: seeds\n", "      seeds: seeds\n      max_article_bytes: 300000\n"
        ),
        encoding="utf-8",
    )
    secret = tmp_path / "geheim.txt"
    secret.write_text(
        f"Geheim\n{SECRET} steht hier. Er darf nie gelesen werden.\n", encoding="utf-8"
    )
    (seeds_dir / "verweis-aussen.txt").symlink_to(secret)
    expected["verweis-aussen.txt"] = "symbolic link"
    (seeds_dir / "verweis-innen.md").symlink_to(seeds_dir / "nur-titel.txt")
    expected["verweis-innen.md"] = "symbolic link"
    os.mkfifo(seeds_dir / "rohr.txt")  # reading a pipe would block the build
    expected["rohr.txt"] = "not a regular file"
    (seeds_dir / "ordner.md").mkdir()
    # names that are not UTF-8 (an old archive) or hold a line break: read, shown with U+FFFD
    for raw_name in (b"caf\xe9 alt.txt", b"zeilen\numbruch.txt"):
        title = raw_name.decode("latin-1").replace("\n", " ")
        path = os.path.join(os.fsencode(seeds_dir), raw_name)
        with open(path, "wb") as handle:
            handle.write(f"Name {title}\n{BODY}".encode())
        expected[os.fsdecode(raw_name).replace("\udce9", "\ufffd").replace("\n", "\ufffd")] = (
            "the file name has bytes that are not UTF-8"
        )
    # editors' pages are input too: MkDocs itself would stop with a traceback on these
    (project / "docs" / "notiz-1252.md").write_bytes(
        "# Notiz\n\nGrüße, [[Putin]].\n".encode("cp1252")
    )
    (project / "docs" / "notiz-binaer.md").write_bytes(b"\x89PNG\x00\x00")
    return project, expected


def test_hostile_files_beside_the_seeds(make_project, tmp_path: Path) -> None:
    project, expected = make_hostile(make_project, tmp_path)
    assert len(expected) >= 25
    site = tmp_path / "site"
    lenient = mkdocs_build(project, site)
    output = lenient.stderr
    assert lenient.returncode == 0, output
    assert "Traceback" not in output
    for name, message in expected.items():
        lines = [line for line in output.splitlines() if f"seeds/{name}" in line]
        assert any(message in line for line in lines), (name, message, lines)
    for quiet in (".versteckt.txt", "notiz.txt~", "#notiz.txt#", ".notiz.txt.swp"):
        assert quiet not in output
    assert "docs/notiz-1252.md: not UTF-8; read as cp1252" in output
    assert "docs/notiz-binaer.md: binary file" in output
    notiz = (site / "notiz-1252" / "index.html").read_text(encoding="utf-8")
    assert 'Grüße, <a href="../akteure/wladimir-putin/">Wladimir Putin</a>' in notiz

    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    files = {Path(source["file"]).name for source in data["sources"]}
    assert set(seed_texts()) <= files  # the good articles are all built
    assert {
        "skript.txt",
        "steuer-und-richtung.txt",
        "Name mit Leerzeichen, Ümlaut & #Raute.txt",
        "windows-1252.txt",
        "utf-16.txt",
        "lange-zeile.txt",
        "langer-titel.txt",
        "datum-unmoeglich.md",  # a bad field costs the field, not the article
        "url-javascript.md",
        "titel-zahl.md",
        "titel-liste.md",
        "lachen.md",
        "schluessel-tippfehler.md",
    } <= files
    assert not files & {"leer.txt", "bild.txt", "riesig.txt", "kopie.txt", "verweis-aussen.txt"}
    by_file = {Path(s["file"]).name: s for s in data["sources"]}
    assert by_file["datum-unmoeglich.md"]["published"] is None
    assert by_file["url-javascript.md"]["url"] is None
    assert by_file["url-data.md"]["url"] is None
    assert by_file["titel-zahl.md"]["title"] != "12345"

    odd = by_file["Name mit Leerzeichen, Ümlaut & #Raute.txt"]
    page = site / "quellen" / odd["id"] / "index.html"
    assert odd["id"] == "sonderbarer-dateiname" and page.is_file()

    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".json", ".xml", ".js"):
            continue
        text = path.read_bytes().decode("utf-8")  # every page is valid UTF-8
        assert SECRET not in text, path
        if path.suffix == ".html":
            for payload in PAYLOADS:
                assert payload not in text, (path, payload)

    strict = mkdocs_build(project, tmp_path / "strict", "--strict")
    assert strict.returncode != 0
    assert "Traceback" not in strict.stderr
    for name in expected:
        assert f"seeds/{name}" in strict.stderr, name


def test_serve_keeps_running_and_shows_the_message(make_project) -> None:
    """Files like the three that once ended the build with a traceback, added while serving
    (a line of 2 MB now meets the size limit first; the long line here is split)."""
    project = make_project(seed_texts())
    port = 8500 + os.getpid() % 200
    process, lines = start_serve(project, port)
    expected = (
        "seeds/datum.md:3: 'published: 2024-13-45' is not a valid date",
        "seeds/riesig.txt: file is bigger than the limit of 300 kB",
        "seeds/zeile.txt:2: line of 49,999 characters is longer than 20,000",
    )
    try:
        assert any("Serving on" in line for line in lines), "".join(lines)
        time.sleep(3.0)  # MkDocs polls for changes; let it take its first snapshot
        seeds = project / "seeds"
        (seeds / "datum.md").write_text(
            "---\ntitle: Datum\npublished: 2024-13-45\n---\n" + BODY, encoding="utf-8"
        )
        (seeds / "riesig.txt").write_text("Riesig\n" + "Ein Satz. " * 500_000, encoding="utf-8")
        (seeds / "zeile.txt").write_text("Zeile\n" + "Wort " * 10_000 + "\n", encoding="utf-8")
        os.set_blocking(process.stdout.fileno(), False)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not all(
            any(message in line for line in lines) for message in expected
        ):
            line = process.stdout.readline()
            if line:
                lines.append(line)
            else:
                time.sleep(0.2)
        output = "".join(lines)
        for message in expected:
            assert message in output, output
        assert "Traceback" not in output and "Error" not in output, output
        assert process.poll() is None  # still serving
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/quellen/datum/", timeout=10) as page:
            assert page.status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
