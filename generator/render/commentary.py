"""Editors' pages and generated facts, put together the same way for MkDocs and for export.

An editor's page at a generated path wins: its title, front matter and prose stay,
and the generated facts go where it says ``<!-- dossier -->`` (or after its text).
Wiki links are resolved; the editors' guide gets the list of orphaned commentary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import Diagnostic
from .site import Renderer, Site
from .wikilinks import LinkIndex, resolve_wikilinks

MARKER = "<!-- dossier -->"
ORPHANS_MARKER = "<!-- verwaiste-kommentare -->"
EDITORS_PAGE = "redaktion.md"
GENERATED_SECTIONS = ("quellen/", "akteure/", "ereignisse/", "widersprueche/")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def insert(markdown: str, marker: str, content: str) -> str:
    """Generated content at the editor's marker, or after their text."""
    if marker in markdown:
        return markdown.replace(marker, content, 1)
    return markdown.rstrip("\n") + "\n\n" + content.lstrip("\n")


def facts_of(generated: str) -> str:
    """A generated page without its front matter and title: the editor's title wins. It
    is HTML, which Markdown keeps as it is: one element around it, alone on its lines."""
    facts = _FRONT_MATTER.sub("", generated, count=1)
    return html_block(re.sub(r"\A\s*<h1[^>]*>.*?</h1>\n", "", facts, count=1, flags=re.DOTALL))


def html_block(html: str) -> str:
    """Generated HTML for an editor's Markdown page: one element, alone between blank
    lines, which Markdown keeps as it is."""
    return f'\n\n<div class="dossier-facts">\n{html.strip()}\n</div>\n\n'


def find_orphans(editor_pages: Iterable[str], site: Site) -> list[str]:
    """Commentary pages whose generated page no longer exists (after a rename or merge)."""
    return sorted(
        page
        for page in editor_pages
        if page.startswith(GENERATED_SECTIONS) and page.endswith(".md") and page not in site
    )


class Commentary:
    """Merges editors' pages with a built dossier."""

    def __init__(
        self, site: Site, links: LinkIndex, renderer: Renderer, orphans: list[str]
    ) -> None:
        self.site = site
        self.links = links
        self.renderer = renderer
        self.orphans = orphans

    def merge(
        self, page: str, markdown: str, display: str, original: str | None = None
    ) -> tuple[str, list[Diagnostic]]:
        """The editor's page ``page`` (its Markdown) with links resolved and facts injected."""
        markdown, problems = resolve_wikilinks(markdown, page, self.links, display, original)
        if page == EDITORS_PAGE:
            section = self.renderer.render_page("orphans.html.j2", page, orphans=self.orphans)
            markdown = insert(markdown, ORPHANS_MARKER, html_block(section))
        generated = self.site.get(page)
        if generated is not None:
            markdown = insert(markdown, MARKER, facts_of(generated))
        return markdown, problems
