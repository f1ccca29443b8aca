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
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from generator.reading.freshness import STALE_AFTER_MONTHS

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


def configured_date(mode: Mode, configured: object) -> tuple[str | None, str | None]:
    """The build date the site's settings fix (the plugin's `today` in mkdocs.yml), as the
    build may use it, and a Dutch warning when it is set aside.

    YAML reads `today: 2026-12-01` as a date and `today: "2026-12-01"` as text; both are
    the same setting. A build that publishes (`geldig`) takes its date from the moment
    (the clock or `SOURCE_DATE_EPOCH`): a date left in the settings, whatever it holds,
    would stop the calendar, and every story whose consent ended after it would stay online
    night after night. An explicit `--today` is the operator's own choice and is kept (the
    workflows pass none). A strict build uses it (`publication.read_build_date` says in
    Dutch when it is no date)."""
    if configured is None or configured == "":
        return None, None
    shown = written(configured)
    if mode is Mode.VALID:
        return None, (
            f"'today: {shown}' in de instellingen telt niet bij publiceren (modus "
            "geldig): de site wordt gebouwd op de datum van nu, zodat wat niet meer online "
            "mag eraf gaat; haal de regel weg"
        )
    return shown, None


def written(value: object) -> str:
    """A setting's value as the author wrote it, never in Python's own spelling."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (dict, list, set, tuple)):
        return "(een lijst of blok)"
    return str(value)


class SettingError(ValueError):
    """A setting in mkdocs.yml that cannot be used; the message is Dutch."""


def configured_months(mode: Mode, value: object) -> tuple[int, str | None]:
    """The site's `verouderd_na_maanden` (a whole number of months, 0: never), and a Dutch
    warning when a publishing build (`geldig`) sets a wrong value aside for the default
    (a setting about notes on pages never stops the run that withdraws stories); a strict
    build refuses it with `SettingError`."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip()), None
    message = (
        f"'verouderd_na_maanden: {written(value)}' in de instellingen is geen aantal "
        "maanden: schrijf een heel getal, bijvoorbeeld 18 (0: nooit)"
    )
    if mode is Mode.VALID:
        return STALE_AFTER_MONTHS, f"{message}; de build gebruikt {STALE_AFTER_MONTHS}"
    raise SettingError(message)
