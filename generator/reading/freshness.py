"""Is a case still current? Its `bijgewerkt` against a number of months, as of the build date.

A reader who copies an approach needs to know whether the rules, amounts and contacts in a
case were checked lately. A case whose last check (`bijgewerkt`) lies longer ago than the
site's setting `verouderd_na_maanden` (default 18) says so on its page, can be filtered in
the finder, and is listed by `check` for the editors to check again. Decided once per build
date, like publication, so every output agrees.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

STALE_AFTER_MONTHS = 18
"""The default of the setting `verouderd_na_maanden`."""


@dataclass(frozen=True)
class Freshness:
    """The build date and the setting: which cases count as possibly out of date."""

    today: date
    months: int = STALE_AFTER_MONTHS
    """0 or less: no case counts as out of date (the notice is off)."""

    @property
    def checked_since(self) -> date:
        """The oldest `bijgewerkt` that is still current: `months` before the build date
        (the last day of a shorter month when the day does not exist there)."""
        index = self.today.year * 12 + self.today.month - 1 - max(self.months, 0)
        year, month = divmod(index, 12)
        day = min(self.today.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day)

    def is_stale(self, bijgewerkt: date) -> bool:
        return self.months > 0 and bijgewerkt < self.checked_since
