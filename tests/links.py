"""Checks shared by tests: the links of generated pages, and that every one resolves."""

from __future__ import annotations

import html
import posixpath
import re

from generator.render.site import page_url

HREF = re.compile(r'href="([^"]+)"')


def resolve(page: str, target: str, site: dict[str, str]) -> tuple[str, str]:
    """The site path (``akteure/x.md``) and anchor a relative link of ``page`` points to,
    with the site's directory URLs (``akteure/x/``); the URL itself if no page has it."""
    url, _, anchor = html.unescape(target).partition("#")
    if not url:
        return page, anchor
    joined = posixpath.normpath(posixpath.join("/" + page_url(page), url)).lstrip("/")
    joined = "" if joined == "." else joined + ("/" if url.endswith("/") else "")
    pages = {page_url(path): path for path in site}
    return pages.get(joined, joined), anchor


def targets(site: dict[str, str], page: str) -> set[tuple[str, str]]:
    """What the links of ``page`` point to: (site path, anchor) pairs."""
    return {
        resolve(page, target, site)
        for target in HREF.findall(site[page])
        if not target.startswith(("http://", "https://"))
    }


def links_to(site: dict[str, str], page: str, target: str, anchor: str = "") -> bool:
    return (target, anchor) in targets(site, page)


def assert_links_resolve(site: dict[str, str]) -> None:
    anchors = {path: set(re.findall(r'id="([^"]+)"', text)) for path, text in site.items()}
    for path in site:
        for resolved, anchor in targets(site, path):
            assert resolved in site or resolved == "methode/", f"{path}: broken link {resolved}"
            if anchor and resolved in site:
                assert anchor in anchors[resolved], f"{path}: missing anchor {resolved}#{anchor}"
