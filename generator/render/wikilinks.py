"""Wiki links in editors' pages: ``[[Anna Keller]]``, ``[[Keller|die Ministerin]]``,
``[[ereignis:…]]``, ``[[widerspruch:…]]``, ``[[quelle:…]]``.

Actors resolve by any name or alias, ignoring case, hyphens and spaces. A target that
is unknown or ambiguous is a warning naming ``file:line`` and the closest candidates;
its text stays readable on the page.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass

from ..errors import Diagnostic
from ..model import Dossier
from ..reconcile.actors import name_key
from .escape import markdown_text
from .site import DISCREPANCY_PAGE, Site, initial, page_path

WIKILINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")


@dataclass(frozen=True, slots=True)
class _Target:
    path: str
    anchor: str | None
    label: str


class LinkIndex:
    """Everything a wiki link can point to, by its names."""

    def __init__(self, dossier: Dossier, site: Site | None = None) -> None:
        """``site``: the generated pages; an actor without a page of its own there is
        linked to its entry on the page of its initial."""
        self.actors: dict[str, list[_Target]] = defaultdict(list)
        self.names: list[str] = []
        for actor in dossier.actors:
            target = _Target(page_path("actor", actor.id), None, actor.name)
            if site is not None and target.path not in site:
                target = _Target(page_path("minor", initial(actor.name)), actor.id, actor.name)
            for name in {actor.name, actor.id, *actor.aliases}:
                if target not in self.actors[name_key(name)]:
                    self.actors[name_key(name)].append(target)
                self.names.append(name)
        self.prefixed: dict[str, dict[str, _Target]] = {
            "ereignis": {},
            "widerspruch": {},
            "quelle": {},
        }
        for event in dossier.events:
            target = _Target(page_path("event", event.id), None, event.title)
            self.prefixed["ereignis"][event.id] = target
            self.prefixed["ereignis"][name_key(event.title)] = target
        for discrepancy in dossier.discrepancies:
            target = _Target(DISCREPANCY_PAGE, discrepancy.id, discrepancy.topic)
            self.prefixed["widerspruch"][discrepancy.id] = target
            self.prefixed["widerspruch"][name_key(discrepancy.topic)] = target
        for source in dossier.sources:
            target = _Target(page_path("source", source.id), None, source.title)
            for key in (source.id, posixpath.basename(source.file)):
                self.prefixed["quelle"][key] = target

    def resolve(self, raw: str) -> tuple[_Target | None, list[str]]:
        """The target, or None and the closest candidates (several: ambiguous)."""
        prefix, _, rest = raw.partition(":")
        if rest and prefix.strip() in self.prefixed:
            table = self.prefixed[prefix.strip()]
            key = rest.strip()
            target = table.get(key) or table.get(name_key(key))
            if target:
                return target, []
            return None, difflib.get_close_matches(key, sorted(table), n=3, cutoff=0.4)
        found = self.actors.get(name_key(raw), [])
        if len(found) == 1:
            return found[0], []
        if found:
            return None, sorted(t.label for t in found)
        return None, difflib.get_close_matches(
            raw.strip(), sorted(set(self.names)), n=3, cutoff=0.5
        )


def resolve_wikilinks(
    markdown: str, page: str, index: LinkIndex, display: str, original: str | None = None
) -> tuple[str, list[Diagnostic]]:
    """Replace wiki links by relative Markdown links; code blocks and code spans are left alone."""
    diagnostics: list[Diagnostic] = []
    seen: dict[str, int] = defaultdict(int)
    out_lines = []
    in_fence = False
    for line_number, line in enumerate(markdown.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            out_lines.append(line)
            continue
        if in_fence or "[[" not in line:
            out_lines.append(line)
            continue
        pieces = []
        position = 0
        for code in _INLINE_CODE.finditer(line):
            pieces.append((line[position : code.start()], True))
            pieces.append((code.group(0), False))
            position = code.end()
        pieces.append((line[position:], True))

        def replace(match: re.Match[str], line_number: int = line_number) -> str:
            raw, text = match.group(1).strip(), match.group(2)
            seen[match.group(0)] += 1
            target, candidates = index.resolve(raw)
            if target is None:
                where = _line_in(original, match.group(0), seen[match.group(0)]) or line_number
                kind = (
                    "mehrdeutig" if candidates and index.actors.get(name_key(raw)) else "unbekannt"
                )
                hint = f"; in Frage kommen: {', '.join(candidates)}" if candidates else ""
                diagnostics.append(
                    Diagnostic(
                        level="warning",
                        path=display,
                        line=where,
                        message=f"Wiki-Link [[{raw}]] {kind}{hint}",
                    )
                )
                return markdown_text(text or raw)
            href = posixpath.relpath(target.path, posixpath.dirname(page) or ".")
            if target.anchor:
                href += f"#{target.anchor}"
            # shown as written: Markdown or HTML in a link text never becomes markup
            label = markdown_text(text.strip() if text else target.label)
            return f"[{label}]({href})"

        out_lines.append(
            "".join(WIKILINK.sub(replace, piece) if live else piece for piece, live in pieces)
        )
    return "\n".join(out_lines), diagnostics


def _line_in(original: str | None, needle: str, occurrence: int) -> int | None:
    """The line of the n-th occurrence in the file as written (front matter included)."""
    if original is None:
        return None
    position = -1
    for _ in range(occurrence):
        position = original.find(needle, position + 1)
        if position < 0:
            return None
    return original.count("\n", 0, position) + 1
