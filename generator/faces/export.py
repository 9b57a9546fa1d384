"""The dossier as JSON (``dossier.json``) and as plain Markdown files.

The JSON shape is documented in the README; later versions only add fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, DossierError
from ..model import Dossier, to_dict
from ..pipeline import Result
from ..render.commentary import Commentary, find_orphans
from ..render.site import Renderer, assets
from ..render.wikilinks import LinkIndex
from ..settings import Settings


def dossier_data(dossier: Dossier) -> dict[str, Any]:
    """The documented JSON shape, built from the model."""
    return {
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "published": s.published,
                "file": s.file,
                "published_time": s.published_time,
                "date_inferred": s.date_inferred,
                "outlet": s.outlet,
                "url": s.url,
                "author": s.author,
                "copy_of": s.copy_of,
                "credits": list(s.credits),
                "sentences": [{"id": t.id, "text": t.text} for t in s.sentences],
            }
            for s in dossier.sources
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "roles": [to_dict(role) for role in a.roles],
                "mentions": [
                    {
                        "source": m.source,
                        "sentence": m.sentence,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                    }
                    for m in a.mentions
                ],
            }
            for a in dossier.actors
        ],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "date": e.date.iso if e.date else None,
                "precision": e.date.precision if e.date else None,
                "time": e.time,
                "status": e.status,
                "predicate": e.predicate,
                "summary": e.summary,
                "place": e.place,
                "agents": list(e.agents),
                "actors": list(e.actors),
                "sources": list(e.sources),
                "copies": list(e.copies),
                "times": [to_dict(time) for time in e.times],
                "mentions": [{"source": m.source, "sentence": m.sentence} for m in e.mentions],
            }
            for e in dossier.events
        ],
        "discrepancies": [
            {
                "id": d.id,
                "topic": d.topic,
                "claims": [to_dict(claim) for claim in d.claims],
                "events": list(d.events),
                "actors": list(d.actors),
                "kind": d.kind,
                "reason": d.reason,
                "difference": d.difference,
                "note": d.note,
                "status": d.status,
            }
            for d in dossier.discrepancies
        ],
        "dates": [
            {
                "source": d.source,
                "sentence": d.sentence,
                "phrase": d.phrase,
                "date": d.date.iso if d.date else None,
                "precision": d.date.precision if d.date else None,
                "relative": d.relative,
            }
            for d in dossier.dates
        ],
        "quantities": [to_dict(q) for q in dossier.quantities],
    }


def dossier_json(dossier: Dossier) -> str:
    """Deterministic JSON text (sorted as the model is, UTF-8, trailing newline)."""
    return json.dumps(dossier_data(dossier), ensure_ascii=False, indent=2) + "\n"


def ensure_outside(out_dir: Path, settings: Settings) -> Path:
    """The resolved output folder; a DossierError if it lies in docs/ or seeds/."""
    out = out_dir.resolve()
    for protected in (settings.docs_dir, settings.seeds_dir):
        if protected is None:
            continue
        folder = protected.resolve()
        if out == folder or folder in out.parents:
            raise DossierError(
                f"refusing to write into {protected}: it holds what editors wrote; "
                "choose a folder outside it"
            )
    return out


def write_markdown(
    result: Result, out_dir: Path, settings: Settings
) -> tuple[list[Path], list[Diagnostic]]:
    """The whole dossier as a plain Markdown docs folder in ``out_dir``, for any MkDocs-
    compatible builder: generated pages, and the editors' pages with their commentary
    merged and wiki links resolved, as the plugin does. Never writes into docs/ or seeds/."""
    out = ensure_outside(out_dir, settings)
    docs = (
        settings.docs_dir if settings.docs_dir is not None and settings.docs_dir.is_dir() else None
    )
    editor_files = sorted(p for p in docs.rglob("*") if p.is_file()) if docs else []
    editor_pages = {p.relative_to(docs).as_posix(): p for p in editor_files if p.suffix == ".md"}
    commentary = Commentary(
        result.site,
        LinkIndex(result.dossier, result.site),
        Renderer(settings.templates_dir, settings.title, settings.directory_urls),
        find_orphans(editor_pages, result.site),
    )
    written: list[Path] = []
    problems: list[Diagnostic] = []

    def write(path: str, content: str | bytes) -> None:
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        written.append(target)

    editor_paths = {file.relative_to(docs).as_posix() for file in editor_files}  # type: ignore[arg-type]
    for path, data in assets().items():
        if path not in editor_paths:
            write(path, data)
    for path, content in result.site.items():
        if path not in editor_pages:
            write(path, content)
    for file in editor_files:
        relative = file.relative_to(docs).as_posix()  # type: ignore[arg-type]
        if relative in editor_pages:
            text = file.read_text(encoding="utf-8-sig")
            merged, found = commentary.merge(relative, text, _display(file), text)
            problems.extend(found)
            write(relative, merged)
        else:
            write(relative, file.read_bytes())
    return written, problems


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
