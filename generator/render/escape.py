"""Escaping of untrusted article text for the pages of the site.

Article text may contain anything: HTML, Markdown syntax, Jinja syntax. Each function
here turns it into inert text for one context: :func:`html_text` for the generated
HTML pages (the renderer applies it to every value a template prints), the others for
Markdown (editors' pages, wiki links) and page titles.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Characters that carry meaning in Markdown, its extensions (attr_list, tables,
# pymdownx) or in template languages; they are written as numeric entities, which
# Markdown passes through and browsers show as the character itself.
_MARKDOWN_SPECIAL = "\\`*_[]{}#|~^=!$"
# One translation table, applied in a single pass so that no entity is escaped twice.
_ENTITY = {ord(ch): f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL}
_ENTITY.update({ord(ch): html.escape(ch, quote=True) for ch in "&<>\"'"})
# runs of whitespace and control characters (Unicode category Cc: C0, DEL, C1)
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_LINE_START = re.compile(r"^(\s*)(?:([+\->:])|(\d+)([.)]))")


def _plain(text: str) -> str:
    """One line of visible text: runs of whitespace become one space, control characters
    are dropped. Spaces at the edges stay: text is often printed in pieces around links.

    Control characters are never content, and Python-Markdown uses two of them
    (STX/ETX) as internal placeholders.
    """
    return _SPACE_OR_CONTROL.sub(" ", text)


def markdown_text(text: str) -> str:
    """Untrusted text as inline Markdown that renders exactly as the text, nothing more."""
    escaped = _plain(text).translate(_ENTITY)
    # A list marker, block quote or definition at the start of a line would make structure.
    return _LINE_START.sub(_entity_for_marker, escaped, count=1)


def _entity_for_marker(match: re.Match[str]) -> str:
    space, marker, digits, dot = match.groups()
    if marker is not None:
        return f"{space}&#{ord(marker)};"
    return f"{space}{digits}&#{ord(dot)};"


def title_text(text: str) -> str:
    """Untrusted text for a page title.

    MkDocs does not escape titles, and Material's ``striptags`` filter un-escapes
    entities in the ``<title>`` element; so angle brackets are replaced by look-alike
    quotation marks instead of being escaped.
    """
    text = _plain(text).strip().replace("<", "‹").replace(">", "›")
    return markdown_text(text)


def html_text(text: str) -> str:
    """Untrusted text as HTML, in an element or a double-quoted attribute: it shows as the
    text, nothing more, also where the HTML lands in Markdown or a template language."""
    return _plain(text).translate(_ENTITY)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL; anything else (``javascript:`` …) is refused."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    # spaces and parentheses would end a link early in Markdown; the URL is escaped as HTML
    # where it is printed
    return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
