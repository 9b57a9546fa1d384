"""The theme's page templates, compiled ahead of the pages.

MkDocs makes its Jinja environment before the plugin's ``on_files`` and hands it over only
in ``on_env``, just before the pages are written. Compiling Material's page template and
the partials it uses takes 0.15 s of one core there, where the other core has nothing to
do. While other processes read the articles, this process has time: the plugin compiles the
templates then, in an environment
of its own made the same way, into Jinja's bytecode, which MkDocs' environment loads later
instead of compiling. The bytecode is used only where both environments compile alike
(the same filters, tests, extensions and syntax: a plugin's ``on_env`` may change them).
"""

from __future__ import annotations

from typing import Any

import jinja2
import jinja2.meta

# the templates MkDocs renders with the theme: the pages', and its own static ones
THEME_PAGES = ("main.html", "404.html", "sitemap.xml")


class CompiledAhead(jinja2.BytecodeCache):
    """Templates' bytecode in memory, with the templates each one references, as compiled
    by the environment whose :func:`signature` it keeps."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.signature = signature(env)
        self.codes: dict[str, bytes] = {}
        self.references: dict[str, tuple[str, ...]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped there if the source changed since

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def compile_ahead(env: jinja2.Environment, names: tuple[str, ...] = THEME_PAGES) -> CompiledAhead:
    """The templates and those they reference, compiled by ``env`` into bytecode."""
    ahead = CompiledAhead(env)
    env.bytecode_cache = ahead  # Jinja writes what it compiles there
    try:
        ahead.references = compile_templates(env, names)
    finally:
        env.bytecode_cache = None
    return ahead


def compile_templates(
    env: jinja2.Environment, names: tuple[str, ...], ahead: CompiledAhead | None = None
) -> dict[str, tuple[str, ...]]:
    """The templates and the ones they extend, include or import by a constant name,
    compiled into the environment's cache (a name made at render time is compiled then),
    loaded from ``ahead`` where it compiled them alike; the names each one references."""
    usable = ahead if ahead is not None and ahead.signature == signature(env) else None
    references = dict(usable.references) if usable is not None else {}
    saved = env.bytecode_cache
    if usable is not None:
        env.bytecode_cache = usable
    try:
        seen: set[str] = set()
        for name in names:
            _compile_with_references(env, name, seen, references)
    finally:
        env.bytecode_cache = saved
    return references


def _compile_with_references(
    env: jinja2.Environment, name: str, seen: set[str], references: dict[str, tuple[str, ...]]
) -> None:
    if name in seen or env.loader is None:
        return
    seen.add(name)
    try:
        env.get_template(name)  # compiled, and kept in the environment's cache
        if name not in references:
            source, _, _ = env.loader.get_source(env, name)
            found = jinja2.meta.find_referenced_templates(env.parse(source))
            references[name] = tuple(ref for ref in found if ref is not None)
    except jinja2.TemplateError:  # MkDocs reports it when it renders the page
        return
    for reference in references[name]:
        _compile_with_references(env, reference, seen, references)


def signature(env: jinja2.Environment) -> tuple[Any, ...]:
    """What Jinja's compiler reads of an environment besides a template's source."""

    def passing(functions: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple(
            sorted((name, getattr(f, "jinja_pass_arg", None)) for name, f in functions.items())
        )

    return (
        passing(env.filters),
        passing(env.tests),
        tuple(sorted(env.extensions)),
        getattr(env, "newstyle_gettext", None),  # set by the i18n extension
        env.optimized,
        env.is_async,
        env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
        env.finalize is None or getattr(env.finalize, "jinja_pass_arg", "plain"),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
    )
