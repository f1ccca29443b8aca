"""Which valid cases are published on a given day, decided once, before anything is rendered.

A case that is not published must not leave any trace in the site (pages, listings, counts,
search, feeds, exports, related links, media), so the filtering happens here, at the start,
and every renderer only ever sees published cases.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime

from generator.contract.model import Case


@dataclass(frozen=True)
class HeldBack:
    """A valid case that is not published today, and why (Dutch, for the build log)."""

    display: str
    reason: str
    warn: bool


class BuildDateError(ValueError):
    """A build date that is no date; the message is Dutch, for the person who set it."""


def build_date(override: str | None = None) -> date:
    """The build's 'today': an explicit date, else SOURCE_DATE_EPOCH (reproducible builds),
    else the clock."""
    if override:
        try:
            return date.fromisoformat(override)
        except ValueError:
            raise BuildDateError(
                f"'{override}' is geen datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2026-03-01)"
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise BuildDateError(
                f"SOURCE_DATE_EPOCH='{epoch}' is geen tijdstip: gebruik het aantal seconden "
                "sinds 1 januari 1970 (bijvoorbeeld 1767225600), of laat de variabele weg"
            ) from None
    return date.today()


def hold_back_reason(case: Case, today: date) -> tuple[str, bool] | None:
    """Why `case` is not published on `today` (and whether that deserves a warning), or None."""
    if case.status == "concept":
        return "status is concept", False
    if case.publiceren_vanaf and case.publiceren_vanaf > today:
        return f"embargo tot {case.publiceren_vanaf.isoformat()} (publiceren_vanaf)", True
    privacy = case.privacy
    if privacy and privacy.herleidbaar:
        consent = privacy.toestemming
        if consent is None or consent.geldig_tot < today:
            until = consent.geldig_tot.isoformat() if consent else "onbekend"
            return f"toestemming verlopen op {until} (privacy.toestemming.geldig_tot)", True
    return None
