"""Problems found in authors' files.

Every stage collects problems instead of raising on the first one, because an author should
see everything that is wrong in one run. A problem always carries a file, a line and a
column, so editors and terminals can jump to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

ERROR = "fout"
WARNING = "waarschuwing"
NOTE = "opmerking"


@dataclass(frozen=True, order=True)
class Problem:
    """One author-facing message: `path:line:column: message` (Dutch).

    `level` is `fout` (a problem: `check` fails, the case is not published), or, for
    what an author should know but what publishes all the same, `waarschuwing` (something
    on the site is not what the file says, such as a link shown as text) or `opmerking`
    (something that will change by itself, such as a link that becomes text next month).
    """

    path: str
    line: int
    column: int
    message: str
    level: str = ERROR
    hidden: int = field(default=0, compare=False)
    """For the last line of a cut list (`more`): how many problems it stands for."""

    def __str__(self) -> str:
        kind = "" if self.level == ERROR else f"{self.level}: "
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"


def summary(files_checked: int, problems: list[Problem]) -> str:
    """The one-line Dutch summary printed after the problems."""
    files_with_problems = len({p.path for p in problems})
    # The vocabulary is read on every run, also when only other files are named.
    files_checked = max(files_checked, files_with_problems)
    word = "bestand" if files_checked == 1 else "bestanden"
    if not problems:
        return f"{files_checked} {word} gecontroleerd, geen problemen gevonden."
    n = len(problems)
    return (
        f"{files_checked} {word} gecontroleerd, {files_with_problems} met problemen "
        f"({n} {'probleem' if n == 1 else 'problemen'})."
    )


def field_name(loc: tuple[str | int, ...]) -> str:
    """How a field is named in messages: `partners[2].naam`, counting items from 1 as authors do."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else part
    return name


MAX_PER_FILE = 100
"""The most problems shown for one file. A hostile or badly broken file can hold a
problem on every line or character (200,000 of them in 256 KiB); beyond this many, the
author learns more from fixing the first ones, and a CI log or annotation list stays
readable."""


def at_most(problems: list[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """The first `limit` problems of each file, in file order, and for a file with more a
    last line that says how many more there are (at the first one not shown)."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    if all(len(found) <= limit for found in by_file.values()):
        return problems
    kept: list[Problem] = []
    for path, found in by_file.items():
        if len(found) <= limit:
            kept.extend(found)
            continue
        found.sort()
        rest = found[limit:]
        kept.extend(found[:limit])
        hidden = sum(problem.hidden or 1 for problem in rest)
        kept.append(more(path, rest[0].line, rest[0].column, hidden))
    return kept


_QUOTED = re.compile(r"'([^'\n]*)'")
"""Quoted values, paired from left to right."""


def shortened(problem: Problem) -> Problem:
    """The problem with each quoted value of more than 80 characters cut to its first 79
    and `…`: a message echoes what an author wrote, which can be a 200,000-character
    `status`. (After masking: a cut value could hide a personal value from the mask.)"""
    if len(problem.message) < 200:
        return problem
    message = _QUOTED.sub(
        lambda quoted: f"'{quoted[1][:79]}…'" if len(quoted[1]) > 80 else quoted[0],
        problem.message,
    )
    if message == problem.message:
        return problem
    return replace(problem, message=message)


def more(path: str, line: int, column: int, count: int) -> Problem:
    """The last line for a file with more problems than are shown: how many more, from
    `line` and `column` on (`12.345 problemen`, with Dutch thousands separators)."""
    counted = f"{count:,} {'probleem' if count == 1 else 'problemen'}".replace(",", ".")
    return Problem(
        path,
        line,
        column,
        f"en nog {counted}: los eerst de bovenstaande op en controleer het bestand dan opnieuw",
        hidden=count,
    )
