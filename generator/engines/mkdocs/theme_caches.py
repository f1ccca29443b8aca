"""Material's theme, rendered faster: the reach into Material's templates.

Caches that pay their way on the build's paths (docs/performance.md), set on the theme's
Jinja environment in `on_env`; overrides/main.html and overrides/partials/ read them, and
render as Material does where they are missing (other engines). tests/test_engines.py
builds the same pages with unmodified Material and compares them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import Environment, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def install(env: Environment, config: MkDocsConfig, files: Files, nav: Navigation | None) -> None:
    in_nav = {page.file.src_uri for page in nav.pages} if nav else set()
    env.globals["maatwerkbank_nav_key"] = lambda page: _shared_nav_key(page, in_nav)
    env.globals["maatwerkbank_nav_cache"] = {}
    crowded = _crowded_folders(files)
    env.globals["maatwerkbank_folder"] = lambda page: _shared_key(page, in_nav, crowded)
    env.globals["maatwerkbank_block_cache"] = {}
    translations = _translations(env, config.theme["language"])
    if translations is not None:
        env.globals["maatwerkbank_t"] = translations
    env.bytecode_cache = _theme_bytecode_cache(env)


def _theme_bytecode_cache(env: Environment) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates for the theme's environment, which MkDocs makes
    without one: compiling Material's templates again took 0.4 s of every build (a tenth
    of a build at 1,000 cases). Kept apart per set of compiler settings (compiled code
    depends on them, and Jinja's cache key does not), beside the core's own cache
    (`render.bytecode_cache`: this user's folder in the temp directory, entries checked
    against their source)."""
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


def _translations(env: Environment, language: str) -> Callable[[str], str] | None:
    """Material's `t` (partials/language.html): the theme's text for `key` in `language`,
    else in English, else the key; from Material's own language files, each key once."""
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


def _folder(page: Page | None) -> str:
    """The folder a page's URL is in, with the URL's depth (`2:cases` for `cases/a/`, `0:`
    for the home page, `1:` for `zoeken/`)."""
    if page is None:
        return ""
    return f"{page.url.count('/')}:{page.url.rstrip('/').rpartition('/')[0]}"


def _crowded_folders(files: Files) -> set[str]:
    """The URL folders (`cases/`) that hold more than one file of the site."""
    counts: dict[str, int] = {}
    for file in files:
        url = file.url
        folder = url if url.endswith("/") else url.rpartition("/")[0] + "/"
        parts = folder.strip("/").split("/") if folder.strip("/") else []
        for n in range(len(parts) + 1):
            prefix = "/".join(parts[:n]) + "/" if n else ""
            counts[prefix] = counts.get(prefix, 0) + 1
    return {folder for folder, count in counts.items() if count > 1}


def _shared_key(page: Page | None, in_nav: set[str], crowded: set[str]) -> str | None:
    """The key under which pages share one rendering of the theme's parts that are made
    only of relative links (styles, scripts, app config, the header but its title: see
    overrides/main.html), or None for a page rendered as Material does.

    From pages in one folder at one depth (`_folder`: every case page is `2:cases`), a
    link to anything outside the page's own URL folder is the same. So pages share only
    when nothing else lies inside their own URL folder (`cases/a/` holds only its page;
    `cases/` holds every case), and never pages in the nav (the home page and the finder,
    which those parts link to, are in it)."""
    if page is None or page.file.src_uri in in_nav:
        return None
    if page.url.endswith("/") and page.url in crowded:
        return None
    return _folder(page)


def _shared_nav_key(page: Page | None, in_nav: set[str]) -> str | None:
    """The key under which pages share one rendering of the primary navigation: pages that
    are not in the nav (nothing in it is active for them), by the folder they are in
    (`cases/` for every case page), since a relative link from `cases/a/` to a nav page is
    the same as from `cases/b/` (no nav page lies inside a case's own folder). None for
    every page in the nav, which Material renders as always (see overrides/main.html)."""
    if page is None or page.file.src_uri in in_nav:
        return None
    return f"{_folder(page)}:{'navigation' in (page.meta.get('hide') or ())}"
