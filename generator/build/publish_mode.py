"""Which build the adapter asks for: strict, or publish what is valid.

One rule set, two verdicts. The core checks every file the same way and builds the site
from the cases that passed and are published on the date, in either mode; the mode only
says what a problem means for the build:

- `strikt` (the default: pull requests, `make check-site`, an author's own build): any
  problem stops the build, so nothing is published until every file is right;
- `geldig` (the main branch's scheduled and push runs): the site is built and published
  from the valid cases, a case with a problem is left out and its problems are reported,
  and the run fails after the site is published. A problem in one file can then never
  keep another story online that should go (docs/publishing.md).

Adapters choose: `maatwerkbank site --mode`, `make site MODE=...`, and for the MkDocs
plugin the environment variable `MAATWERKBANK_MODE` (the `site` command sets it).
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.build.pipeline import BuildResult


class Mode(StrEnum):
    STRICT = "strikt"
    VALID = "geldig"


ENVIRONMENT = "MAATWERKBANK_MODE"


class ModeError(ValueError):
    """A mode that is not one; the message is Dutch."""


def read_mode(value: str | None = None) -> Mode:
    """`value`, else the environment's `MAATWERKBANK_MODE`, else strict."""
    chosen = value if value is not None else os.environ.get(ENVIRONMENT, "")
    if not chosen:
        return Mode.STRICT
    try:
        return Mode(chosen)
    except ValueError:
        raise ModeError(
            f"'{chosen}' is geen bouwmodus; kies 'strikt' (elk probleem stopt de build) of "
            "'geldig' (bouw uit de geldige cases, meld de rest)"
        ) from None


def left_out_line(result: BuildResult) -> str:
    """The build log's line after the problems of a build that published what is valid."""
    files = result.left_out
    shown = ", ".join(files[:10]) + (f" en nog {len(files) - 10}" if len(files) > 10 else "")
    return (
        f"niet gepubliceerd wegens problemen: {shown}. De site is gebouwd uit de "
        f"{len(result.catalog.entries)} geldige, gepubliceerde cases; los de problemen op "
        "('maatwerkbank check' toont ze)."
    )


def configured_date(mode: Mode, configured: str | None) -> tuple[str | None, str | None]:
    """The build date the site's settings fix (the plugin's `today` in mkdocs.yml), as the
    build may use it, and a Dutch warning when it is set aside.

    A build that publishes (`geldig`) takes its date from the moment (the clock or
    `SOURCE_DATE_EPOCH`): a date left in the settings would stop the calendar, and every
    story whose consent ended after it would stay online night after night. An explicit
    `--today` is the operator's own choice and is kept (the workflows pass none)."""
    if mode is Mode.VALID and configured:
        return None, (
            f"'today: {configured}' in de instellingen telt niet bij publiceren (modus "
            "geldig): de site wordt gebouwd op de datum van nu, zodat wat niet meer online "
            "mag eraf gaat; haal de regel weg"
        )
    return configured, None
