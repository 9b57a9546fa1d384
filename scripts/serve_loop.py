"""The editors' loop: time from saving one article to the reloaded page in `mkdocs serve`.

    python scripts/serve_loop.py                 # 300 corpus articles, plain and --dirty serve
    python scripts/serve_loop.py -n 100 --edits 3

Builds a project of N articles of ../shared/corpora (as scripts/benchmark.py does), starts
`mkdocs serve` (once as is, once with --dirty), waits for the first build and for the
loading that follows it, then appends a sentence to one article and polls the served source
page until it shows the sentence and MkDocs reports the build done: that is when the
browser reloads. Prints figures; it is a script, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import CORPUS, make_dossier_project, write_corpus

# after the first build `mkdocs serve` loads what analysing needs, in the background
PRELOAD_WAIT_S = 15


class Server:
    """`mkdocs serve` in a project, its output lines with the time each arrived."""

    def __init__(self, project: Path, dirty: bool) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            [*command, "--dirty"] if dirty else command,
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip()))

    def wait_for(self, pattern: str, after: float, timeout: float = 900) -> tuple[float, str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for moment, line in list(self.lines):
                if moment >= after and re.search(pattern, line):
                    return moment, line
            if self.process.poll() is not None:
                raise SystemExit("mkdocs serve stopped:\n" + "\n".join(x for _, x in self.lines))
            time.sleep(0.05)
        raise SystemExit(f"no line matching {pattern!r} within {timeout} s")

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as r:
                return r.read().decode("utf-8")
        except (urllib.error.URLError, OSError):
            return None

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _search_entries(server: Server) -> int:
    index = json.loads(server.get("search/search_index.json") or '{"docs": []}')
    return len(index["docs"])


def edit_loop(project: Path, dirty: bool, edits: int) -> None:
    server = Server(project, dirty)
    started = time.monotonic()
    try:
        server.wait_for(r"Serving on", started)
        first, _ = server.wait_for(r"Documentation built in", started)
        print(f"{'--dirty' if dirty else 'plain'} serve: first build {first - started:.1f} s")
        time.sleep(PRELOAD_WAIT_S)
        dossier = json.loads(server.get("dossier.json") or "{}")
        entries = _search_entries(server)
        articles = sorted((project / "seeds").iterdir())
        for number in range(edits):
            article = articles[(len(articles) // 2 + number * 7) % len(articles)]
            source = next(s for s in dossier["sources"] if s["file"].endswith(article.name))
            page = f"quellen/{source['id']}/"
            marker = f"Kontrollwort{number}x{int(time.time())}"
            saved = time.monotonic()
            with article.open("a", encoding="utf-8") as handle:
                handle.write(f"Am Abend nannte ein Sprecher das {marker} der Redaktion.\n")
            while marker not in (server.get(page) or ""):
                if time.monotonic() - saved > 900:
                    raise SystemExit(f"{page} never showed the edit")
                time.sleep(0.05)
            shown = time.monotonic()
            built, line = server.wait_for(r"Documentation built in", saved)
            _, analysed = server.wait_for(r"dossier: \d+ of \d+ articles analysed", saved)
            print(
                f"  edit {number + 1} ({article.name}): page changed after {shown - saved:.1f} s, "
                f"build done (reload) after {max(shown, built) - saved:.1f} s; "
                f"{analysed.split('dossier: ', 1)[1]}; {line.split('INFO', 1)[-1].strip(' -')}"
            )
            time.sleep(2)
        print(
            f"  search index: {entries} entries after the first build, {_search_entries(server)} now"
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles in the dossier")
    parser.add_argument("--edits", type=int, default=2, help="saves to time per server")
    parser.add_argument("--only", choices=["plain", "dirty"], help="one kind of server only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(CORPUS, corpus)
        project = make_dossier_project(Path(tmp) / "project", sorted(corpus.iterdir())[: args.n])
        print(f"{args.n} articles; load average {os.getloadavg()[0]:.1f} at the start")
        for dirty in (False, True):
            if args.only is None or args.only == ("dirty" if dirty else "plain"):
                edit_loop(project, dirty, args.edits)


if __name__ == "__main__":
    main()
