"""The dossier as JSON (``dossier.json``) and as plain Markdown files.

The JSON shape is documented in the README; later versions only add fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import DossierError
from .model import Dossier, to_dict
from .render import Site


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
                "actors": list(e.actors),
                "sources": list(e.sources),
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


def write_markdown(site: Site, out_dir: Path, docs_dir: Path | None) -> list[Path]:
    """Write the generated pages as plain Markdown files into ``out_dir`` (never into docs/)."""
    out = out_dir.resolve()
    if docs_dir is not None:
        docs = docs_dir.resolve()
        if out == docs or docs in out.parents:
            raise DossierError(
                f"refusing to write into {docs_dir}: docs/ holds only what editors wrote; "
                "choose a folder outside it"
            )
    written = []
    for path, content in site.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written
