"""The site's address checked as strict mode should count it, with a warning shown like
MkDocs' own that `--strict` does not count: the reach into MkDocs' logging
(`mkdocs.utils.CountHandler`, the handler that counts warnings for strict mode).

No address: an error in strict builds (what CI publishes), else a warning. The example
address (`https://maatwerkbank.example.nl/`): a warning in every build that does not count
in strict mode (the repository itself builds strictly with it); `check-site` refuses it.
tests/test_mkdocs_internals.py checks that MkDocs still counts warnings this way.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from generator.build.pipeline import BuildResult
from generator.build.publish_mode import left_out_line
from generator.contract.problems import NOTE, Problem, summary
from generator.rendering import hosting


def check_site_url(
    config: MkDocsConfig, log: logging.Logger, *, serving: bool, said: set[str] | None = None
) -> None:
    """`said`: the warnings given earlier in this `mkdocs serve` (which checks the config
    again at every rebuild): each is said once."""
    site_url = config.site_url
    if serving and config.config_file_path:
        # `mkdocs serve` has put its own address in the setting by now.
        site_url = hosting.configured_site_url(Path(config.config_file_path).read_text("utf-8"))
    problem = hosting.site_url_problem(site_url)
    if problem is None:
        return
    kind, message = problem
    if kind == "ontbreekt" and config.strict and not serving:
        raise PluginError(message)
    if said is not None:
        if message in said:
            return
        said.add(message)
    if kind == "ontbreekt":
        log.warning(message)
    else:
        warn_uncounted(log, message)


def warn_uncounted(log: logging.Logger, message: str) -> None:
    """Send `message` as a warning to MkDocs' handlers except the one that counts them."""
    log_uncounted(log, logging.WARNING, message)


def log_uncounted(log: logging.Logger, level: int, message: str) -> None:
    """Send `message` at `level` to MkDocs' handlers except the one that counts warnings
    and errors for strict mode."""
    record = log.makeRecord(log.name, level, __file__, 0, message, (), None)
    for handler in logging.getLogger("mkdocs").handlers:
        if not isinstance(handler, CountHandler) and record.levelno >= handler.level:
            handler.handle(record)


def report_notices(log: logging.Logger, notices: list[Problem]) -> None:
    """Warnings and notes (a link shown as text): the site builds all the same, also in
    strict mode, so warnings are shown as warnings that strict mode does not count, and
    notes as information."""
    for notice in notices:
        if notice.level == NOTE:
            log.info(str(notice))
        else:
            warn_uncounted(log, str(notice))


def report_problems(log: logging.Logger, result: BuildResult, *, serving: bool) -> None:
    """Problems as MkDocs reports: errors that stop a strict build, warnings in the
    preview (which shows them on a page of their own, and a banner on every page). In
    the mode that publishes what is valid, errors that no strict build counts: the site
    is made from the other cases."""
    if serving:
        for problem in result.problems:
            log.warning(str(problem))
        return
    if result.stopped:
        for problem in result.problems:
            log.error(str(problem))
        raise PluginError(
            f"build gestopt: {summary(result.files_checked, result.problems)} Los de "
            "problemen hierboven op; 'make check' toont ze ook."
        )
    for problem in result.problems:
        log_uncounted(log, logging.ERROR, str(problem))
    log_uncounted(log, logging.ERROR, left_out_line(result))
