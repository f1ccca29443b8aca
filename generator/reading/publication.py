"""Which valid cases are published on a given day, decided once, before anything is rendered.

A case that is not published must not leave any trace in the site (pages, listings, counts,
search, feeds, exports, related links, media), so the filtering happens here, at the start,
and every renderer only ever sees published cases.

The day is a Dutch one. Consent ends, embargoes lift and `bijgewerkt` dates are written by
Dutch staff about Dutch days, so a build's date is the date in Europe/Amsterdam at the
build's moment, whatever the machine's time zone: a run at 23:30 UTC on 31 December is
one on 1 January (00:30 in Amsterdam), and withdraws a story whose consent ended on the
31st. The time zone data comes from the system or, where it has none, the `tzdata`
package (a dependency for that reason).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.contract.model import Case

DUTCH_TIME = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class HeldBack:
    """A valid case that is not published today, and why (Dutch, for the build log)."""

    display: str
    reason: str
    warn: bool


class BuildDateError(ValueError):
    """A build date that is no date; the message is Dutch, for the person who set it."""


@dataclass(frozen=True)
class BuildDate:
    """The build's 'today' and where it came from, for the build log (Dutch)."""

    day: date
    source: str

    def describe(self) -> str:
        return f"builddatum {self.day.isoformat()} ({self.source})"


def build_date(override: str | None = None, clock: Callable[[], float] = time.time) -> date:
    """The build's 'today' (see `read_build_date`)."""
    return read_build_date(override, clock).day


def read_build_date(
    override: str | None = None, clock: Callable[[], float] = time.time
) -> BuildDate:
    """The build's 'today': an explicit date (`--today`, the plugin's `today`), else the
    moment SOURCE_DATE_EPOCH names (reproducible builds), else the clock's moment; a moment
    is read as a date in Dutch time. Raises `BuildDateError` (Dutch) for a value that is no
    date or moment."""
    if override:
        try:
            return BuildDate(date.fromisoformat(override), "opgegeven datum")
        except ValueError:
            raise BuildDateError(
                f"'{override}' is geen datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2026-03-01)"
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=DUTCH_TIME)
        except (ValueError, OverflowError, OSError):
            raise BuildDateError(
                f"SOURCE_DATE_EPOCH='{epoch}' is geen tijdstip: gebruik het aantal seconden "
                "sinds 1 januari 1970 (bijvoorbeeld 1767225600), of laat de variabele weg"
            ) from None
        return BuildDate(moment.date(), f"SOURCE_DATE_EPOCH: {_dutch(moment)}")
    moment = datetime.fromtimestamp(clock(), tz=DUTCH_TIME)
    return BuildDate(moment.date(), f"klok: {_dutch(moment)}")


def _dutch(moment: datetime) -> str:
    # The zone's abbreviation tells the two 02:30s apart on the night summer time ends.
    return f"{moment:%Y-%m-%d %H:%M} Nederlandse tijd, {moment:%Z}"


def hold_back_reason(case: Case, today: date) -> tuple[str, bool] | None:
    """Why `case` is not published on `today` (and whether that deserves a warning), or None."""
    if case.status == "concept":
        return "status is concept", False
    if case.publiceren_vanaf and case.publiceren_vanaf > today:
        return f"embargo tot {case.publiceren_vanaf.isoformat()} (publiceren_vanaf)", True
    # Consent that has ended withdraws the story whatever `herleidbaar` says: the field
    # promises it, and an author who wrote an end date meant it (fail safe means withdraw).
    privacy = case.privacy
    consent = privacy.toestemming if privacy else None
    claimed = privacy is not None and (privacy.herleidbaar or consent is not None)
    if claimed and (consent is None or consent.geldig_tot < today):
        until = consent.geldig_tot.isoformat() if consent else "onbekend"
        return f"toestemming verlopen op {until} (privacy.toestemming.geldig_tot)", True
    return None


LOOK_AHEAD = 30
"""How many days ahead `check` tells an author that a linked case comes or goes."""


def next_change(case: Case, today: date, days: int = LOOK_AHEAD) -> date | None:
    """The first day within `days` after `today` on which `case` is published where it is
    not today, or the other way round (an embargo that lifts, consent that ends), or None."""
    shown = hold_back_reason(case, today) is None
    for ahead in range(1, days + 1):
        day = today + timedelta(days=ahead)
        if (hold_back_reason(case, day) is None) != shown:
            return day
    return None
