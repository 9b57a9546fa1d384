"""Untrusted article text can never become markup."""

from __future__ import annotations

import html
import re
import unicodedata

import markdown
from hypothesis import given
from hypothesis import strategies as st

from generator.render.escape import html_text, markdown_text, safe_url, title_text


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])


@given(st.text())
def test_markdown_text_renders_as_exactly_the_text(text: str) -> None:
    out = render(markdown_text(text))
    # one paragraph at most, with no element inside it
    inner = out.removeprefix("<p>").removesuffix("</p>")
    assert "<" not in inner.replace("&lt;", "")
    inner = inner.strip()
    visible = " ".join(
        "".join(" " if ord(ch) < 32 or 127 <= ord(ch) < 160 else ch for ch in text).split()
    )
    assert html.unescape(inner) == visible


@given(st.text())
def test_html_text_is_the_text_on_one_line_without_control_characters(text: str) -> None:
    visible = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    assert html.unescape(html_text(text)) == re.sub(r"\s+", " ", visible)


@given(st.text())
def test_html_text_has_no_markup_or_template_characters(text: str) -> None:
    # outside its entities: nothing HTML, Markdown or a template language would act on
    bare = re.sub(r"&#?\w+;", "", html_text(text))
    for char in "<>\"'{}[]`*_|$#\\":
        assert char not in bare


@given(st.text())
def test_markdown_text_has_no_syntax_characters(text: str) -> None:
    out = markdown_text(text)
    for char in "<>[]`*_{}|\\":
        assert char not in out


@given(st.text())
def test_title_text_has_no_angle_brackets_even_after_unescaping(text: str) -> None:
    # Material un-escapes the title once (striptags) inside <title>
    assert "<" not in html.unescape(title_text(text))


def test_script_jinja_and_javascript_links_are_inert() -> None:
    out = render(
        markdown_text("<script>alert(1)</script> {{ x }} [klick](javascript:alert(1)) {: #id }")
    )
    assert "<script" not in out
    assert "<a" not in out
    assert "{{" not in out
    assert html.unescape(out).count("<script>alert(1)</script>") == 1


def test_list_and_heading_markers_at_line_start_stay_text() -> None:
    for text in ("# Überschrift", "- Punkt", "1. Punkt", "> Zitat", "+ plus"):
        out = render(markdown_text(text))
        assert out.startswith("<p>"), out


def test_html_text_escapes_quotes() -> None:
    assert '"' not in html_text('a" onmouseover="x')


def test_safe_url_allows_only_http() -> None:
    assert safe_url("https://example.org/?a=1&b=2 (c)") == "https://example.org/?a=1&b=2%20%28c%29"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JAVASCRIPT:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url(None) is None
