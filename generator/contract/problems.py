"""Problems found in authors' files.

Every stage collects problems instead of raising on the first one, because an author should
see everything that is wrong in one run. A problem always carries a file, a line and a
column, so editors and terminals can jump to it.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def __str__(self) -> str:
        kind = "" if self.level == ERROR else f"{self.level}: "
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"


def summary(files_checked: int, problems: list[Problem]) -> str:
    """The one-line Dutch summary printed after the problems."""
    files_with_problems = len({p.path for p in problems})
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
