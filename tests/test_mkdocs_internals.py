"""Upgrade canaries: what the MkDocs adapter's named modules rely on beyond MkDocs'
documented plugin API. Each test fails loudly when an upgrade of MkDocs or ProperDocs
changes it (their real behaviour is tested through real builds: test_plugin, test_serve,
test_preview); the module the test names is where to look then."""

from __future__ import annotations

import inspect
import threading
from pathlib import Path

import mkdocs.commands.build
import mkdocs.livereload
import mkdocs.utils
import pytest
from mkdocs.structure.pages import Page


def _parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def test_core_pages_replace_what_mkdocs_calls_to_read_and_render_a_page() -> None:
    """generator/engines/mkdocs/core_pages.py: MkDocs reads and renders every page through
    `Page.read_source(config)` and `Page.render(config, files)`, and the theme reads what
    those set."""
    assert _parameters(Page.read_source) == ["self", "config"]
    assert _parameters(Page.render) == ["self", "config", "files"]
    source = inspect.getsource(mkdocs.commands.build._populate_page)
    assert "page.read_source(config)" in source
    assert "page.render(config, files)" in source
    page_source = inspect.getsource(Page)
    for attribute in ("self.markdown", "self.meta", "self.content", "self.toc"):
        assert attribute in page_source, attribute
    assert "present_anchor_ids" in page_source


@pytest.mark.parametrize("package", ["mkdocs", "properdocs"])
def test_the_quick_preview_finds_mkdocs_build_functions_as_it_calls_them(package: str) -> None:
    """generator/engines/mkdocs/quick_preview.py themes single pages with MkDocs' own
    `_populate_page` and `_build_page`, called positionally as a full build calls them.
    ProperDocs (the maintained MkDocs 1.x) must offer the same."""
    build = pytest.importorskip(f"{package}.commands.build")
    assert _parameters(build._populate_page) == ["page", "config", "files", "dirty"]
    assert _parameters(build._build_page)[:5] == ["page", "config", "doc_files", "nav", "env"]
    full_build = " ".join(inspect.getsource(build.build).split())
    assert "_build_page( file.page, config, doc_files, nav, env" in full_build


def test_the_quick_preview_finds_the_server_state_it_sets(tmp_path: Path) -> None:
    """quick_preview.py replaces `LiveReloadServer.builder` and asks for another round by
    setting `_want_rebuild` under `_rebuild_cond`, which the server's build loop reads."""
    server = mkdocs.livereload.LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
    )
    try:
        assert callable(server.builder)
        assert isinstance(server._rebuild_cond, threading.Condition)
        assert server._want_rebuild is False
        loop = inspect.getsource(mkdocs.livereload.LiveReloadServer._build_loop)
        assert "self._want_rebuild" in loop and "self.builder()" in loop
    finally:
        server.server_close()


def test_strict_mode_counts_warnings_with_the_handler_strict_mode_skips() -> None:
    """generator/engines/mkdocs/strict_mode.py leaves out `mkdocs.utils.CountHandler`, the
    handler whose count makes `--strict` fail a build."""
    assert issubclass(mkdocs.utils.CountHandler, object)
    assert "CountHandler()" in inspect.getsource(mkdocs.commands.build.build)


def test_live_reload_finds_the_script_mkdocs_injects(tmp_path: Path) -> None:
    """generator/engines/mkdocs/live_reload.py allows exactly the live-reload script MkDocs
    injects into served pages, recognised by its first line."""
    from generator.engines.mkdocs import live_reload

    server = mkdocs.livereload.LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
    )
    try:
        page = server._inject_js_into_html(
            b'<html><head><meta http-equiv="Content-Security-Policy" content="script-src '
            b"'self'\"></head><body><p>x</p></body></html>",
            epoch=1,
        )
    finally:
        server.server_close()
    assert b"var livereload = function(epoch, requestId)" in page
    allowed = live_reload.allow_injected_script(page)
    assert allowed != page and b"script-src 'sha256-" in allowed
