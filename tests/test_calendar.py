"""One Dutch calendar: a build's date is the date in Europe/Amsterdam at the build's moment.

Consent, embargo and `bijgewerkt` are Dutch days. These tests run at 23:30 UTC (00:30 or
01:30 the next day in the Netherlands), in other time zones than the Dutch one, and with
each source of the moment: the clock, `SOURCE_DATE_EPOCH`, and `--today` (a date).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

from generator.build import pipeline, publish_mode
from generator.reading.publication import BuildDate, build_date, read_build_date


def _moment(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()  # type: ignore[misc]


# 23:30 UTC on 31 January is 00:30 on 1 February in the Netherlands (winter, UTC+1);
# 22:30 UTC on 30 June is 00:30 on 1 July (summer, UTC+2).
WINTER_NIGHT = _moment(2026, 1, 31, 23, 30)
SUMMER_NIGHT = _moment(2026, 6, 30, 22, 30)


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's time zone is Kiritimati's (UTC+14), where no Dutch date holds at any
    of these moments' local dates; restored after the test."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_clock_is_read_in_dutch_time_whatever_the_machine_zone(
    machine_zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # the machine's own date at that moment is another one (the test can fail)
    assert datetime.fromtimestamp(WINTER_NIGHT).date() == date(2026, 2, 1)
    assert datetime.fromtimestamp(_moment(2026, 1, 31, 12, 0)).date() == date(2026, 2, 1)
    assert read_build_date(clock=lambda: WINTER_NIGHT) == BuildDate(
        date(2026, 2, 1), "klok: 2026-02-01 00:30 Nederlandse tijd, CET"
    )
    # noon UTC on the 31st is the 31st in the Netherlands, the 1st in Kiritimati
    assert build_date(clock=lambda: _moment(2026, 1, 31, 12, 0)) == date(2026, 1, 31)
    assert build_date(clock=lambda: SUMMER_NIGHT) == date(2026, 7, 1)
    assert build_date(clock=lambda: _moment(2026, 6, 30, 21, 59)) == date(2026, 6, 30)


def test_the_log_tells_the_two_half_past_twos_apart_when_summer_time_ends() -> None:
    # 25 October 2026: 02:30 comes twice, first in summer time, an hour later in winter time
    first, second = _moment(2026, 10, 25, 0, 30), _moment(2026, 10, 25, 1, 30)
    assert read_build_date(clock=lambda: first).source == (
        "klok: 2026-10-25 02:30 Nederlandse tijd, CEST"
    )
    assert read_build_date(clock=lambda: second).source == (
        "klok: 2026-10-25 02:30 Nederlandse tijd, CET"
    )


def test_source_date_epoch_is_a_moment_read_in_dutch_time(
    machine_zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(WINTER_NIGHT)))
    found = read_build_date(clock=lambda: 0)  # the clock is not read
    assert found == BuildDate(
        date(2026, 2, 1), "SOURCE_DATE_EPOCH: 2026-02-01 00:30 Nederlandse tijd, CET"
    )
    assert found.describe() == (
        "builddatum 2026-02-01 (SOURCE_DATE_EPOCH: 2026-02-01 00:30 Nederlandse tijd, CET)"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(WINTER_NIGHT) - 3600))  # 23:30 Dutch
    assert build_date() == date(2026, 1, 31)


def test_today_stays_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(WINTER_NIGHT)))
    assert read_build_date("2026-01-31") == BuildDate(date(2026, 1, 31), "opgegeven datum")


def _cases(tmp_path: Path, extra: str, bijgewerkt: str = "2026-01-10") -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(SEED / "_vocabulaire.yaml", cases)
    source = (FIXTURES / "fork/tijdelijk-wonen-zwolle.yaml").read_text(encoding="utf-8")
    text = source.replace("BOUWDATUM", bijgewerkt) + extra
    (cases / "tijdelijk-wonen-zwolle.yaml").write_text(text, encoding="utf-8")
    return cases


CONSENT_UNTIL_31_JANUARY = (
    "privacy:\n  herleidbaar: true\n  toestemming:\n    vastgelegd_op: 2025-09-01\n"
    "    geldig_tot: 2026-01-31\n"
)


@pytest.mark.parametrize(
    ("extra", "moment", "published"),
    [
        # consent ends on the 31st: at 23:30 UTC on the 31st it is the 1st in the Netherlands
        (CONSENT_UNTIL_31_JANUARY, WINTER_NIGHT, False),
        (CONSENT_UNTIL_31_JANUARY, WINTER_NIGHT - 3600, True),
        # an embargo until 1 July lifts at midnight in the Netherlands, not a day early in
        # Kiritimati (already 1 July at 10:00 UTC on 30 June) nor late at UTC's midnight
        ("publiceren_vanaf: 2026-07-01\n", _moment(2026, 6, 30, 10, 0), False),
        ("publiceren_vanaf: 2026-07-01\n", _moment(2026, 6, 30, 21, 59), False),
        ("publiceren_vanaf: 2026-07-01\n", SUMMER_NIGHT, True),
    ],
)
def test_consent_and_embargo_follow_the_dutch_date(
    machine_zone: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    extra: str,
    moment: float,
    published: bool,
) -> None:
    cases = _cases(tmp_path, extra)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment)))
    result = pipeline.check([cases], cases, build_date())
    assert result.problems == []
    assert bool(result.published) is published


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati"])
def test_check_at_23_30_utc_knows_a_bijgewerkt_of_the_dutch_today(
    tmp_path: Path, zone: str
) -> None:
    """At 23:30 UTC on 31 January (1 February in the Netherlands) a case updated on
    1 February passes `check`, one updated on 2 February does not, in any time zone; a
    consent that ended on the 31st is named."""
    cases = _cases(tmp_path, CONSENT_UNTIL_31_JANUARY, bijgewerkt="2026-02-01")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ=zone)

    def check(epoch: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", "check", "--cases", str(cases)],
            cwd=tmp_path,
            env=dict(env, SOURCE_DATE_EPOCH=str(int(epoch))),
            capture_output=True,
            text=True,
            timeout=120,
        )

    passed = check(WINTER_NIGHT)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert (
        "waarschuwing: niet gepubliceerd: toestemming verlopen op 2026-01-31 "
        "(privacy.toestemming.geldig_tot)"
    ) in passed.stdout
    failed = check(WINTER_NIGHT - 3600)  # 23:30 on the 31st in the Netherlands
    assert failed.returncode == 1
    assert "'bijgewerkt' (2026-02-01) ligt in de" in failed.stdout


def _linked(tmp_path: Path, extra: str) -> Path:
    """Two cases: the pilot (with `extra`), and the buurtkamer that links to it."""
    cases = _cases(tmp_path, extra, bijgewerkt="2025-12-01")
    source = (FIXTURES / "fork/buurtkamer-zwolle.yaml").read_text(encoding="utf-8")
    text = source.replace("BOUWDATUM", "2025-12-01").replace(
        "aanpak: |\n", "aanpak: |\n  Zie ook [tijdelijk wonen](../tijdelijk-wonen-zwolle/).\n", 1
    )
    (cases / "buurtkamer-zwolle.yaml").write_text(text, encoding="utf-8")
    return cases


NOTE_AT = "cases/buurtkamer-zwolle.yaml:17:3: opmerking: 'aanpak': link naar case "


@pytest.mark.parametrize(
    ("today", "notices"),
    [
        # consent ends on 31 January: the link becomes text on 1 February, 30 days after
        # 2 January
        (
            date(2026, 1, 2),
            [
                NOTE_AT + "'tijdelijk-wonen-zwolle' wordt vanaf 2026-02-01 als gewone tekst "
                "getoond, want die case gaat dan van de site: toestemming verlopen op "
                "2026-01-31 (privacy.toestemming.geldig_tot); haal de link op tijd weg of "
                "verleng de toestemming"
            ],
        ),
        (date(2026, 1, 1), []),  # 31 days ahead: not yet
        (date(2026, 1, 31), None),  # the last day: said (as on the 2nd)
    ],
)
def test_check_notes_a_link_to_a_case_that_goes_within_30_days(
    tmp_path: Path, today: date, notices: list[str] | None
) -> None:
    cases = _linked(tmp_path, CONSENT_UNTIL_31_JANUARY)
    result = pipeline.check([cases], cases, today, base=tmp_path)
    assert result.problems == []
    assert len(result.published) == 2
    shown = [str(notice) for notice in result.notices]
    if notices is None:
        assert len(shown) == 1 and "wordt vanaf 2026-02-01 als gewone tekst" in shown[0]
    else:
        assert shown == notices


def test_check_warns_at_a_link_to_a_case_under_embargo_and_says_when_it_links(
    tmp_path: Path,
) -> None:
    cases = _linked(tmp_path, "publiceren_vanaf: 2026-01-20\n")
    result = pipeline.check([cases], cases, date(2026, 1, 15), base=tmp_path)
    assert result.problems == []
    assert list(result.published) == ["buurtkamer-zwolle"]
    assert [str(notice) for notice in result.notices] == [
        "cases/buurtkamer-zwolle.yaml:17:3: waarschuwing: 'aanpak': link naar case "
        "'tijdelijk-wonen-zwolle' wordt als gewone tekst getoond, want die case wordt op "
        "2026-01-15 niet gepubliceerd: embargo tot 2026-01-20 (publiceren_vanaf); vanaf "
        "2026-01-20 is het weer een link"
    ]
    published = result.published["buurtkamer-zwolle"]
    assert "tijdelijk-wonen-zwolle" not in published.model_dump_json()


def test_a_publishing_build_sets_a_date_in_the_settings_aside() -> None:
    """A `today` left in mkdocs.yml would stop the calendar of every nightly run."""
    kept, warning = publish_mode.configured_date(publish_mode.Mode.VALID, "2026-01-15")
    assert kept is None
    assert warning is not None and warning.startswith(
        "'today: 2026-01-15' in de instellingen telt niet bij publiceren (modus geldig)"
    )
    assert publish_mode.configured_date(publish_mode.Mode.STRICT, "2026-01-15") == (
        "2026-01-15",
        None,
    )
    assert publish_mode.configured_date(publish_mode.Mode.VALID, None) == (None, None)
