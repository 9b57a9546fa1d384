"""The theme's templates compiled ahead (while articles are read) and loaded later."""

from __future__ import annotations

import jinja2
from mkdocs.theme import Theme

from generator.faces.theme_templates import THEME_PAGES, compile_ahead, compile_templates

BASE = "<b>{% block body %}{% endblock %}</b>"
PAGE = "{% extends 'base.html' %}{% block body %}{{ x|shout }}{% endblock %}"


def _env(page: str = PAGE, shout=str.upper) -> tuple[jinja2.Environment, list[str]]:
    """An environment, and the names of the templates it compiles from source."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": page, "base.html": BASE}))
    env.filters["shout"] = shout
    compiled: list[str] = []
    real = env.compile

    def compile(source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(source, name, *args, **kwargs)

    env.compile = compile  # type: ignore[method-assign]
    return env, compiled


def test_templates_compiled_ahead_are_loaded_by_another_environment_not_compiled() -> None:
    first, compiled_first = _env()
    ahead = compile_ahead(first, ("page.html",))
    assert sorted(compiled_first) == ["base.html", "page.html"]
    assert ahead.references == {"page.html": ("base.html",), "base.html": ()}
    later, compiled_later = _env()
    assert compile_templates(later, ("page.html",), ahead) == ahead.references
    assert compiled_later == []
    assert later.get_template("page.html").render(x="ja") == "<b>JA</b>"
    assert compiled_later == []  # kept in the environment's cache
    assert later.bytecode_cache is None


def test_an_environment_that_compiles_otherwise_compiles_from_source() -> None:
    ahead = compile_ahead(_env()[0], ("page.html",))
    # a plugin's on_env gave the filter the template's context: other code calls it
    other, compiled = _env(shout=jinja2.pass_context(lambda context, value: value + "!"))
    compile_templates(other, ("page.html",), ahead)
    assert sorted(compiled) == ["base.html", "page.html"]
    assert other.get_template("page.html").render(x="ja") == "<b>ja!</b>"


def test_a_template_changed_since_is_compiled_again() -> None:
    ahead = compile_ahead(_env()[0], ("page.html",))
    edited, compiled = _env(page=PAGE.replace("x|shout", "x|shout }} {{ x"))
    compile_templates(edited, ("page.html",), ahead)
    assert compiled == ["page.html"]  # the base is unchanged: loaded
    assert edited.get_template("page.html").render(x="ja") == "<b>JA ja</b>"


def test_materials_page_templates_are_compiled_once() -> None:
    def theme_env() -> jinja2.Environment:
        return Theme(name="material", locale="de").get_env()

    ahead = compile_ahead(theme_env())
    assert set(THEME_PAGES) <= set(ahead.references)
    assert "partials/header.html" in {n for refs in ahead.references.values() for n in refs}
    env = theme_env()
    compiled: list[str] = []
    real = env.compile
    env.compile = lambda source, name=None, *a, **k: (
        compiled.append(name)
        or real(  # type: ignore[method-assign]
            source, name, *a, **k
        )
    )
    compile_templates(env, THEME_PAGES, ahead)
    assert compiled == []
