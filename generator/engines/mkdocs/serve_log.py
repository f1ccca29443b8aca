"""`mkdocs serve` speaks Dutch to the author: MkDocs' own English lines translated or left out.

The author runs `make serve` (or `make beheer`) and reads what the terminal says while
saving cases. MkDocs 1.6 says it in English ("Building documentation...", "Detected file
changes"), and some lines are noise for an author ("Browser connected: ..."). This filter
sits on the handlers of MkDocs' `mkdocs` logger (MkDocs' children propagate to them) and,
for each line it knows, puts the Dutch in its place or drops it; other lines (the
project's own messages, which are Dutch already, and warnings) pass unchanged.

It relies on the exact English of MkDocs' messages: `MESSAGES` names, for each, the module
that says it and the text in its source, and tests/test_serve_log.py fails when an
upgrade changes one (then the line would show in English again).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

_TIME = r"(?P<time>\[\d\d:\d\d:\d\d\] )?"
"""The live-reload server's lines start with the time (`livereload._LoggerAdapter`)."""


@dataclass(frozen=True)
class Message:
    module: str
    """The MkDocs module that logs it."""
    source: str
    """The text as it stands in that module's source (the canary test looks for it)."""
    pattern: re.Pattern[str]
    """The logged line, as it reaches the handler."""
    dutch: str | None
    """Its Dutch (`str.format` with the pattern's groups), or None: not shown."""


def _message(module: str, source: str, pattern: str, dutch: str | None) -> Message:
    return Message(f"mkdocs.{module}", source, re.compile(_TIME + pattern + r"\Z", re.S), dutch)


MESSAGES: tuple[Message, ...] = (
    _message(
        "commands.serve",
        'log.info("Building documentation...")',
        r"Building documentation\.\.\.",
        "De site wordt gebouwd...",
    ),
    _message(
        "commands.build",
        "log.info(f'Documentation built in {time.monotonic() - start:.2f} seconds')",
        r"Documentation built in (?P<seconds>\d+)\.(?P<hundredths>\d\d) seconds",
        "Site gebouwd in {seconds},{hundredths} seconden.",
    ),
    _message(
        "commands.build", 'log.info("Cleaning site directory")', r"Cleaning site directory", None
    ),
    _message(
        "livereload",
        'log.info(f"Watching paths for changes: {paths_str}")',
        r"Watching paths for changes: (?P<paths>.*)",
        "{time}Wijzigingen in deze mappen en bestanden worden meteen getoond: {paths}",
    ),
    _message(
        "livereload",
        'log.info(f"Serving on {self.url}")',
        r"Serving on (?P<url>\S+)",
        "{time}De voorvertoning staat op {url} (stoppen: Ctrl+C)",
    ),
    _message(
        "livereload",
        'log.info(f"Serving on {self.url} and opening it in a browser")',
        r"Serving on (?P<url>\S+) and opening it in a browser",
        "{time}De voorvertoning staat op {url} en gaat open in je browser (stoppen: Ctrl+C)",
    ),
    _message(
        "livereload",
        'log.info("Detected file changes")',
        r"Detected file changes",
        "{time}Wijziging gezien: de site wordt bijgewerkt",
    ),
    _message(
        "livereload",
        'log.info("Reloading browsers")',
        r"Reloading browsers",
        "{time}Open pagina's worden ververst",
    ),
    _message("livereload", 'log.info(f"Browser connected: {url}")', r"Browser connected: .*", None),
    _message(
        "commands.serve",
        'log.info("Shutting down...")',
        r"Shutting down\.\.\.",
        "De voorvertoning stopt.",
    ),
)


class DutchServeLog(logging.Filter):
    """MkDocs' known English INFO lines in Dutch, or left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO or not record.name.startswith("mkdocs."):
            return True
        text = record.getMessage()
        for message in MESSAGES:
            found = message.pattern.match(text)
            if found is None:
                continue
            if message.dutch is None:
                return False
            groups = {key: value or "" for key, value in found.groupdict().items()}
            record.msg, record.args = message.dutch.format(**groups), None
            return True
        return True


def speak_dutch(logger: logging.Logger | None = None) -> None:
    """Put the filter on the handlers of MkDocs' logger (once: `mkdocs serve` calls the
    plugin's `on_startup` once, but a second call must not translate twice)."""
    logger = logger or logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if not any(isinstance(f, DutchServeLog) for f in handler.filters):
            handler.addFilter(DutchServeLog())
