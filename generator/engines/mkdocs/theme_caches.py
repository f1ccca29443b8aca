"""Material's theme, rendered faster: what the plugin sets on the theme's Jinja environment.

Kept because it pays its way on the build's paths (docs/performance.md); the rest was
measured and dropped. overrides/main.html reads `maatwerkbank_nav_key`, and renders the
navigation as Material does where it is missing (other engines). tests/test_plugin.py
builds the same pages with unmodified Material and compares every page's navigation.
"""

from __future__ import annotations

import hashlib

import jinja2
from jinja2 import Environment
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def install(env: Environment, nav: Navigation | None) -> None:
    in_nav = {page.file.src_uri for page in nav.pages} if nav else set()
    env.globals["maatwerkbank_nav_key"] = lambda page: _shared_nav_key(page, in_nav)
    env.globals["maatwerkbank_nav_cache"] = {}
    env.bytecode_cache = _theme_bytecode_cache(env)


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
