"""`mkdocs serve` in Dutch: MkDocs' English lines translated or left out (`serve_log`)."""

from __future__ import annotations

import importlib
import inspect
import logging

import pytest

from generator.engines.mkdocs import serve_log


@pytest.mark.parametrize("message", serve_log.MESSAGES, ids=lambda m: m.source[:40])
def test_mkdocs_still_says_what_the_filter_translates(message: serve_log.Message) -> None:
    # An upgrade canary: when MkDocs rewords a line, the author would read English again.
    source = inspect.getsource(importlib.import_module(message.module))
    assert message.source in source, (
        f"MkDocs no longer says {message.source!r} in {message.module}: update serve_log"
    )


def said(text: str, name: str = "mkdocs.livereload", level: int = logging.INFO) -> str | None:
    record = logging.LogRecord(name, level, __file__, 1, text, None, None)
    if not serve_log.DutchServeLog().filter(record):
        return None
    return record.getMessage()


def test_the_author_reads_dutch() -> None:
    assert said("Building documentation...", "mkdocs.commands.serve") == "De site wordt gebouwd..."
    assert said("Documentation built in 12.34 seconds", "mkdocs.commands.build") == (
        "Site gebouwd in 12,34 seconden."
    )
    assert said("[08:51:02] Serving on http://127.0.0.1:8000/") == (
        "[08:51:02] De voorvertoning staat op http://127.0.0.1:8000/ (stoppen: Ctrl+C)"
    )
    assert said("[08:51:10] Detected file changes") == (
        "[08:51:10] Wijziging gezien: de site wordt bijgewerkt"
    )
    assert said("[08:51:11] Reloading browsers") == "[08:51:11] Open pagina's worden ververst"
    assert said("[08:51:02] Watching paths for changes: 'content', 'cases'") == (
        "[08:51:02] Wijzigingen in deze mappen en bestanden worden meteen getoond: "
        "'content', 'cases'"
    )


def test_noise_is_left_out_and_other_lines_pass_unchanged() -> None:
    assert said("[08:51:12] Browser connected: http://127.0.0.1:8000/cases/") is None
    assert said("Cleaning site directory", "mkdocs.commands.build") is None
    # the project's own lines, warnings and lines it does not know: as they were
    mine = "niet gepubliceerd: cases/x.yaml: status concept"
    assert said(mine, "mkdocs.plugins.maatwerkbank") == mine
    assert said("Detected file changes", level=logging.WARNING) == "Detected file changes"
    assert said("Something new in MkDocs 1.7") == "Something new in MkDocs 1.7"


def test_the_filter_goes_on_the_handlers_once() -> None:
    logger = logging.getLogger("test_serve_log")
    handler = logging.StreamHandler()
    logger.addHandler(handler)
    try:
        serve_log.speak_dutch(logger)
        serve_log.speak_dutch(logger)
        assert sum(isinstance(f, serve_log.DutchServeLog) for f in handler.filters) == 1
    finally:
        logger.removeHandler(handler)
