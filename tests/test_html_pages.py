"""Headings, ids and permanent links read from generated HTML pages, and page URLs/links."""

from __future__ import annotations

import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.html import anchor_ids, toc_tokens, unique_heading_ids, with_permalinks
from generator.render.site import page_link, page_url

PAGE = (
    "<h1>Dossier</h1>\n"
    '<h2 id="a">Erstens <em>A</em></h2>\n'
    '<h3 id="a1">A &amp; B<a class="headerlink" href="#a1" title="Link">¶</a></h3>\n'
    "<h3>Ohne Id</h3>\n"
    '<h4 id="a1x">Tief</h4>\n'
    '<h3 id="a2">Zwei</h3>\n'
    '<h2 class="x" id="b">Zweitens</h2>\n'
    '<p><span class="dossier-sentence" id="s3">Satz.</span></p>\n'
)


def test_toc_tokens_nest_by_level_and_use_the_heading_text() -> None:
    def token(level: int, id_: str, name: str, children: list) -> dict:
        return {"level": level, "id": id_, "name": name, "children": children}

    assert toc_tokens(PAGE) == [
        token(2, "a", "Erstens A", [
            token(3, "a1", "A &amp; B", [token(4, "a1x", "Tief", [])]),
            token(3, "a2", "Zwei", []),
        ]),
        token(2, "b", "Zweitens", []),
    ]  # fmt: skip


def test_toc_tokens_leave_out_headings_without_id() -> None:
    assert toc_tokens("<h1>Titel</h1><h2>Ohne</h2><p id='x'>Text</p>") == []


def test_anchor_ids_are_all_ids_including_sentence_spans() -> None:
    assert anchor_ids(PAGE) == {"a", "a1", "a1x", "a2", "b", "s3"}


def test_with_permalinks_adds_a_link_before_each_closing_tag_of_a_heading_with_id() -> None:
    out = with_permalinks('<h2 id="a">Erstens <em>A</em></h2><h3>Ohne Id</h3>', "¶", "Link")
    assert out == (
        '<h2 id="a">Erstens <em>A</em><a class="headerlink" href="#a" title="Link">¶</a></h2>'
        "<h3>Ohne Id</h3>"
    )


def test_with_permalinks_keeps_an_existing_headerlink_and_is_idempotent() -> None:
    once = with_permalinks(PAGE, "¶", "Link")
    assert once.count('class="headerlink"') == 5  # a, a1 (kept), a1x, a2, b
    assert once.count('href="#a1"') == 1
    assert "<h3>Ohne Id</h3>" in once
    assert "<h1>Dossier</h1>" in once
    assert with_permalinks(once, "¶", "Link") == once


def test_with_permalinks_escapes_the_title_attribute() -> None:
    out = with_permalinks('<h2 id="a">A</h2>', "#", 'Link" onclick="x()')
    assert 'title="Link&quot; onclick=&quot;x()"' in out
    assert ' onclick="' not in out


@pytest.mark.parametrize(
    ("path", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("akteure/index.md", True, "akteure/"),
        ("akteure/x.md", True, "akteure/x/"),
        ("akteure/x.md", False, "akteure/x.html"),
        ("index.md", False, "index.html"),
        ("akteure/index.md", False, "akteure/index.html"),
    ],
)
def test_page_url_is_as_mkdocs_makes_it(path: str, directory_urls: bool, url: str) -> None:
    assert page_url(path, directory_urls) == url


@pytest.mark.parametrize(
    ("target", "page", "anchor", "directory_urls", "link"),
    [
        ("quellen/y.md", "akteure/x.md", None, True, "../../quellen/y/"),
        ("index.md", "akteure/x.md", None, True, "../../"),
        ("index.md", "index.md", None, True, "./"),
        ("akteure/index.md", "akteure/x.md", None, True, "../"),
        ("akteure/x.md", "akteure/index.md", None, True, "x/"),
        ("akteure/x.md", "akteure/x.md", "s3", True, "#s3"),
        ("akteure/x.md", "akteure/x.md", "s3", False, "#s3"),
        ("quellen/y.md", "akteure/x.md", "s3", True, "../../quellen/y/#s3"),
        ("quellen/y.md", "akteure/x.md", "s3", False, "../quellen/y.html#s3"),
        ("index.md", "akteure/x.md", None, False, "../index.html"),
    ],
)
def test_page_link_is_the_relative_url_between_pages(
    target: str, page: str, anchor: str | None, directory_urls: bool, link: str
) -> None:
    assert page_link(target, page, anchor, directory_urls) == link


def resolve(base_url: str, link: str) -> str:
    """The site-root URL a browser at ``/base_url`` goes to for the relative ``link``."""
    folder = posixpath.dirname("/" + base_url)  # "/a/x/" -> "/a/x", "/a/x.html" -> "/a"
    path = posixpath.normpath(posixpath.join(folder, link))
    if link.endswith("/") and path != "/":
        path += "/"  # normpath drops the trailing slash of a directory URL
    return path


slug = st.sampled_from(["a", "b", "x", "ab", "index"])
source_path = st.builds(
    lambda folders, name: "/".join([*folders, f"{name}.md"]),
    st.lists(slug, min_size=0, max_size=2),
    st.sampled_from(["x", "y", "index"]),
)


@pytest.mark.parametrize("directory_urls", [True, False])
@given(target=source_path, page=source_path)
def test_page_link_resolves_to_the_target_url(target: str, page: str, directory_urls: bool) -> None:
    link = page_link(target, page, None, directory_urls)
    assert link
    assert not link.startswith("/")
    assert resolve(page_url(page, directory_urls), link) == "/" + page_url(target, directory_urls)


def test_heading_ids_are_made_unique_and_link_targets_keep_theirs() -> None:
    page = (
        '<h1 id="quellen">Quellen</h1>\n<h2 id="quellen">Quellen</h2>\n'
        '<p><span id="s1">Satz</span></p>\n<h3 id="s1">S1</h3>\n'
        '<h3 id="a">A</h3>\n<h3 id="a">B</h3>\n<h3 id="a_1">C</h3>\n'
    )
    unique = unique_heading_ids(page)
    ids = anchor_ids(unique)
    assert len(re.findall(r' id="', unique)) == len(ids)  # no id twice
    assert '<h2 id="quellen">' in unique and '<h1 id="quellen_1">' in unique  # the title yields
    assert '<span id="s1">' in unique and '<h3 id="s1_1">' in unique  # a sentence keeps its id
    assert '<h3 id="a">A</h3>' in unique and '<h3 id="a_1">C</h3>' in unique
    assert unique_heading_ids(unique) == unique
    assert unique_heading_ids('<h2 id="x">X</h2>') == '<h2 id="x">X</h2>'
