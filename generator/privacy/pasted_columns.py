"""A spreadsheet's or a system's rows pasted into a text, read by their header's labels.

An export pasted from Excel, a CRM or a form's results has its labels in a header row and
the values in the rows below (`Geboortedatum;Status` / `1991-07-23;actief`): a value
alone in its cell says nothing of what it is (`1049372`, `hverbeek`), its column does.
A column whose label names a kind of personal data (`klantnummer`, `gebruikersnaam`,
`Huisnr`) makes every filled cell below it a finding of that kind: the kinds a value
alone does not show (a phone number, an IBAN, a BSN or a plate is found in its cell as in
any text, and a public one passes there too). Rows are split at
tabs, semicolons or pipes (a Markdown table too); a row with another number of cells ends
the table. The labels are the words staff systems use; a label that names no person's
data (`Straat` alone, `Aantal`) makes no finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.privacy import name_finder

_LABELS: dict[str, str] = {
    **dict.fromkeys(
        [
            "naam",
            "voornaam",
            "achternaam",
            "roepnaam",
            "geslachtsnaam",
            "volledige_naam",
            "naam_huurder",
            "naam_bewoner",
            "naam_client",
            "naam_cliënt",
        ],
        "naam",
    ),
    **dict.fromkeys(
        ["huurder", "bewoner", "client", "cliënt", "contactpersoon", "hoofdhuurder", "medehuurder"],
        "wie",
    ),
    **dict.fromkeys(
        ["geboortedatum", "geb.datum", "gebdatum", "geb_datum", "geb._datum", "dob"],
        "geboortedatum",
    ),
    **dict.fromkeys(
        [
            "klantnummer",
            "klantnr",
            "klantnr.",
            "cliëntnummer",
            "clientnummer",
            "cliëntnr",
            "cliëntnr.",
            "clientnr",
            "dossiernummer",
            "dossiernr",
            "dossiernr.",
            "relatienummer",
            "relatienr",
            "huurdernummer",
            "registratienummer",
            "contractnummer",
            "huurcontractnummer",
            "debiteurnummer",
        ],
        "dossiernummer",
    ),
    **dict.fromkeys(
        ["gebruikersnaam", "username", "inlognaam", "login", "wachtwoord", "password"],
        "inloggegevens",
    ),
    **dict.fromkeys(["huisnummer", "huisnr", "huisnr.", "nr", "nr."], "adres"),
}
"""Labels, lower case and with `_` for a space, and the kind each column holds (`wie`: a
person's role, whose cells may describe a household instead, `gezin met twee kinderen`).
An address's column holds a street and its number, which the scan finds in any text (and
a complex's `Molenweg 2-40` is no one's home)."""
_STREET_LABELS = frozenset(["straat", "straatnaam"])
"""A street's column: personal only beside a house number's column (the home's address)."""
_NUMBER_LABELS = frozenset(["huisnummer", "huisnr", "huisnr.", "nr", "nr."])
_EMPTY = frozenset(["", "-", "–", "n.v.t.", "nvt", "onbekend", "geen", "x", "?", "nee", "ja"])
_NEEDS_DIGIT = frozenset(["dossiernummer"])
_DAY_OF_A_YEAR = re.compile(
    r"\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[ -][^\W\d]{3,9}\.?[ -]\d{2,4}"
)
"""A date with its day: a year alone, or a span of years, counts a group (`| 1945-1954 |
31 |`)."""
_NAMED = re.compile(r"\b[A-ZÀ-ÖØ-Þ]")
"""A capital or an initial in a role's cell: a name (`mw. K. Bakker`), where a household's
description has none."""
_RULE = re.compile(r"[\s|:+-]*-{3}[\s|:+-]*")
"""A Markdown table's line under its header (`|---|:--:|`)."""


def pasted_columns(raw: str) -> Iterator[tuple[str, int, int]]:
    """Kind, start and end in `raw` of each filled cell under a labelled column."""
    if "\n" not in raw or not ("\t" in raw or ";" in raw or "|" in raw):
        return
    lines = []
    at = 0
    for line in raw.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        i += 1
        separator = next((s for s in "\t;|" if s in line), None)
        if separator is None:
            continue
        header = _cells(line, separator)
        kinds = _column_kinds([line[a:b] for a, b in header])
        if not kinds:
            continue
        while i < len(lines):
            row_offset, row = lines[i]
            if _RULE.fullmatch(row):
                i += 1
                continue
            cells = _cells(row, separator) if separator in row else []
            if len(cells) != len(header):
                break
            i += 1
            for column, kind in kinds.items():
                a, b = cells[column]
                value = row[a:b]
                if (
                    value.lower() in _EMPTY
                    or (kind in _NEEDS_DIGIT and not any(c.isdigit() for c in value))
                    or (kind == "geboortedatum" and not _DAY_OF_A_YEAR.search(value))
                    or (
                        kind in ("naam", "wie")
                        and (
                            name_finder.looks_like_organisation(value)
                            or name_finder.known_name(value)
                        )
                    )
                    or (kind == "wie" and not _NAMED.search(value))
                ):
                    continue  # an organisation in a `Naam` column: `Woonstichting De Key`
                yield ("naam" if kind == "wie" else kind), row_offset + a, row_offset + b


def _cells(line: str, separator: str) -> list[tuple[int, int]]:
    """Start and end of each cell's text, without the white space and quotes around it (and
    without the outer pipes of a Markdown table's row)."""
    spans = []
    at = 0
    for part in line.split(separator):
        start, end = at, at + len(part)
        at = end + 1
        while start < end and line[start] in " \"'":
            start += 1
        while end > start and line[end - 1] in " \"'\r":
            end -= 1
        spans.append((start, end))
    if separator == "|" and line.strip().startswith("|"):
        spans = spans[1:]
    if separator == "|" and line.strip().endswith("|"):
        spans = spans[:-1]
    return spans


def _column_kinds(labels: list[str]) -> dict[int, str]:
    """The columns whose label names a kind of personal data, by their place: a street's
    beside a house number's; `nr` a house number only beside a street (alone
    it numbers a list's rows)."""
    keys = [label.strip().lower().replace(" ", "_").strip(":") for label in labels]
    kinds = {i: _LABELS[key] for i, key in enumerate(keys) if key in _LABELS}
    streets = [i for i, key in enumerate(keys) if key in _STREET_LABELS]
    if not streets:
        kinds = {i: kind for i, kind in kinds.items() if keys[i] not in ("nr", "nr.")}
    if any(key in _NUMBER_LABELS for key in keys):
        kinds.update(dict.fromkeys(streets, "adres"))
    return kinds


_SURNAME_CELL_FIRST_CELL = re.compile(
    r"(?:^|(?<=[;|\t\n]))[ \"']*((?:(?i:de|van|der|den|ter|ten|te) ){0,3}[^\W\d_][\w'-]{1,30})"
    r"[ \"']*[;|\t][ \"']*([^\W\d_][\w'-]{1,30})(?=[ \"']*(?:[;|\t\n]|$))"
)
"""A surname's cell before a first name's, as a system exports a person (`bakker;pieter;`,
`Yilmaz | Mehmet |`): in any case."""


def surname_then_first_name(raw: str) -> Iterator[tuple[int, int]]:
    """Start and end of a surname and first name in two cells of a pasted row, when the first
    name is a Dutch one or of the world-wide list and no Dutch word, and the surname is of
    the lists (`Groen;Rood`, `Zorg | Wonen` are no person)."""
    if not ("\t" in raw or ";" in raw or "|" in raw):
        return
    for match in _SURNAME_CELL_FIRST_CELL.finditer(raw):
        parts = match.group(1).split()
        surname, first = parts[-1], match.group(2)
        if (
            name_finder.is_first_name(first)
            and (not name_finder.is_common(first) or name_finder.is_dutch_first_name(first))
            and (
                name_finder.is_surname(surname)
                or (len(parts) > 1 and name_finder.after_prefix(surname))
            )
            and (len(parts) > 1 or not name_finder.is_place(surname))  # `de Vries`, not `Vries`
        ):
            yield match.start(1), match.end(2)
