"""Material's theme, rendered faster: what the plugin sets on the theme's Jinja environment.

Kept because it pays its way on the build's paths (docs/performance.md); the rest was
measured and dropped. overrides/main.html reads `maatwerkbank_nav_key` and
overrides/partials/language.html `maatwerkbank_t`, and both render as Material does where
these are missing (other engines). tests/test_plugin.py builds the same pages with
unmodified Material and compares every page's header and navigation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import Environment, TemplateNotFound
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def install(env: Environment, nav: Navigation | None, language: str) -> None:
    in_nav = {page.file.src_uri for page in nav.pages} if nav else set()
    env.globals["maatwerkbank_nav_key"] = lambda page: _shared_nav_key(page, in_nav)
    env.globals["maatwerkbank_nav_cache"] = {}
    translations = _translations(env, language)
    if translations is not None:
        env.globals["maatwerkbank_t"] = translations
    env.bytecode_cache = _theme_bytecode_cache(env)


def _translations(env: Environment, language: str) -> Callable[[str], str] | None:
    """Material's `t` (partials/language.html): the theme's text for `key` in `language`,
    else in English, else the key; from Material's own language files, each key once
    (Material's builds its table of a hundred translations anew for every lookup)."""
    found: dict[str, str] = {}

    def module(name: str) -> Any:
        try:
            return env.get_template(f"partials/languages/{name}.html").module
        except TemplateNotFound:
            return None

    own, english = module(language), module("en")
    if own is None:
        return None  # Material's own lookup, which stops the build on an unknown language

    def t(key: str) -> str:
        text = found.get(key)
        if text is None:
            text = found[key] = (
                (own and str(own.t(key))) or (english and str(english.t(key))) or key
            )
        return text

    return t


def _shared_nav_key(page: Page | None, in_nav: set[str]) -> str | None:
    """The key under which pages share one rendering of the primary navigation, which
    Material renders anew for every page: pages that are not in the nav (nothing in it is
    active for them), by the folder their URL is in and its depth (`2:cases` for every case
    page), since a relative link from `cases/a/` to a nav page is the same as from
    `cases/b/` (no nav page lies inside a case's own folder). None for every page in the
    nav, which Material renders as always."""
    if page is None or page.file.src_uri in in_nav:
        return None
    folder = f"{page.url.count('/')}:{page.url.rstrip('/').rpartition('/')[0]}"
    return f"{folder}:{'navigation' in (page.meta.get('hide') or ())}"


def _theme_bytecode_cache(env: Environment) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates for the theme's environment, which MkDocs makes
    without one: compiling Material's templates again costs every build (measured:
    docs/performance.md). Kept apart per set of compiler settings (compiled code depends on
    them, and Jinja's cache key does not), in this user's temp folder, entries checked
    against their source."""
    if not isinstance(env.autoescape, bool):
        return None  # a function: not comparable between builds
    settings = (
        sorted(env.extensions),
        env.autoescape,
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
        env.optimized,
    )
    digest = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__maatwerkbank_theme_{digest}_%s.cache")
    except (OSError, RuntimeError):
        return None
