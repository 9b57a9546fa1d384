"""What MkDocs needs of a generated page's HTML, read from the HTML itself.

The generated pages are HTML, not Markdown (see :mod:`.site`), so nothing converts them:
their table of contents, the ids links may point to and the permanent links on headings
(what Markdown's ``toc`` extension gives an editor's page) are taken from the headings
here. The renderer's templates write each heading as one element with its id.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _heading_id(heading: re.Match[str]) -> re.Match[str] | None:
    """The id attribute of a heading matched by ``_HEADING`` (its value is group 1)."""
    return _ID.search(heading.group(2) or "")


def toc_tokens(page: str) -> list[dict[str, Any]]:
    """The headings with an id, nested by level, as Markdown's ``toc`` extension gives
    them (``level``, ``id``, ``name``: the heading's text, still escaped, ``children``)."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for match in _HEADING.finditer(page):
        found = _heading_id(match)
        if found is None:
            continue
        text = _TAG.sub("", _HEADERLINK.sub("", match.group(3))).strip()
        token = {"level": int(match.group(1)), "id": found.group(1), "name": text, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def unique_heading_ids(page: str) -> str:
    """The page with each heading's id unique, as Markdown's table of contents makes them
    (``_1``, ``_2`` … appended). Where ids collide, what links point to keeps its id: an
    element that is not a heading (a sentence's ``s4``), then the first of the other
    headings; the page's title (``h1``), which nothing links to, yields to all of them."""
    counts = Counter(_ID.findall(page))
    if all(count == 1 for count in counts.values()):
        return page
    heading_ids = Counter(
        found.group(1)
        for match in _HEADING.finditer(page)
        if (found := _heading_id(match)) is not None
    )
    taken = set(counts)
    kept: set[str] = set()

    def renamed(match: re.Match[str]) -> str:
        attributes = match.group(2) or ""
        found = _heading_id(match)
        if found is None:
            return match.group(0)
        anchor = found.group(1)
        title_yields = match.group(1) == "1" and counts[anchor] > 1
        if not title_yields and anchor not in kept and counts[anchor] == heading_ids[anchor]:
            kept.add(anchor)
            return match.group(0)
        number = 1
        while f"{anchor}_{number}" in taken:
            number += 1
        taken.add(f"{anchor}_{number}")
        attributes = f"{attributes[: found.start(1)]}{anchor}_{number}{attributes[found.end(1) :]}"
        return f"<h{match.group(1)}{attributes}>{match.group(3)}</h{match.group(1)}>"

    return _HEADING.sub(renamed, page)


def anchor_ids(page: str) -> set[str]:
    """Every id in the page: what a link to ``page#id`` may name."""
    return set(_ID.findall(page))


def with_permalinks(page: str, symbol: str, title: str) -> str:
    """Each heading with an id gets a permanent link to itself at its end (``¶``), as the
    ``toc`` extension's ``permalink`` option gives headings in Markdown; headings that have
    one keep theirs."""
    link_title = html.escape(title, quote=True)

    def linked(match: re.Match[str]) -> str:
        found = _heading_id(match)
        if found is None or 'class="headerlink"' in match.group(3):
            return match.group(0)
        anchor = f'<a class="headerlink" href="#{found.group(1)}" title="{link_title}">{symbol}</a>'
        level = match.group(1)
        return f"<h{level}{match.group(2)}>{match.group(3)}{anchor}</h{level}>"

    return _HEADING.sub(linked, page)
