"""Checks shared by tests: every link of generated pages resolves."""

from __future__ import annotations

import re

LINK = re.compile(r"\]\(([^)\s]+)\)")


def resolve(page: str, target: str) -> tuple[str, str]:
    """The site path and anchor a relative link of ``page`` points to."""
    file, _, anchor = target.partition("#")
    parts: list[str] = page.split("/")[:-1] if file else page.split("/")
    if file:
        for part in file.split("/"):
            if part == "..":
                parts.pop()
            elif part != ".":
                parts.append(part)
    return "/".join(parts), anchor


def assert_links_resolve(site: dict[str, str]) -> None:
    anchors = {
        path: set(re.findall(r'id="([^"]+)"', text)) | set(re.findall(r"\{ #([^ }]+) \}", text))
        for path, text in site.items()
    }
    for path, text in site.items():
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://")):
                continue
            resolved, anchor = resolve(path, target)
            assert resolved in site or resolved == "methode.md", f"{path}: broken link {target}"
            if anchor and resolved in site:
                assert anchor in anchors[resolved], f"{path}: missing anchor {target}"
