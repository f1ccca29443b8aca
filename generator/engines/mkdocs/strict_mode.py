"""A warning shown like MkDocs' own that `--strict` does not count: the reach into MkDocs'
logging (`mkdocs.utils.CountHandler`, the handler that counts warnings for strict mode).

The site's example address (`https://maatwerkbank.example.nl/`) is worth a warning in
every build, yet the repository itself builds strictly with it; `check-site` refuses it.
tests/test_mkdocs_internals.py checks that MkDocs still counts warnings this way.
"""

from __future__ import annotations

import logging

from mkdocs.utils import CountHandler


def warn_uncounted(log: logging.Logger, message: str) -> None:
    """Send `message` as a warning to MkDocs' handlers except the one that counts them."""
    record = log.makeRecord(log.name, logging.WARNING, __file__, 0, message, (), None)
    for handler in logging.getLogger("mkdocs").handlers:
        if not isinstance(handler, CountHandler) and record.levelno >= handler.level:
            handler.handle(record)
