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
from generator.privacy.patterns import STREET_ENDINGS

_LABELS: dict[str, str] = {
    **dict.fromkeys(
        [
            "voornaam",
            "achternaam",
            "roepnaam",
            "geslachtsnaam",
            "volledigenaam",
            "naamhuurder",
            "naambewoner",
            "naamclient",
            "naamcliënt",
        ],
        "naam",
    ),
    **dict.fromkeys(
        ["naam", "huurder", "bewoner", "client", "cliënt", "contactpersoon", "hoofdhuurder"],
        "wie",
    ),
    "medehuurder": "wie",
    **dict.fromkeys(
        ["geboortedatum", "geb.datum", "gebdatum", "geboren", "dob"],
        "geboortedatum",
    ),
    **dict.fromkeys(
        [
            "klantnummer",
            "klantnr",
            "cliëntnummer",
            "clientnummer",
            "cliëntnr",
            "clientnr",
            "dossiernummer",
            "dossiernr",
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
    **dict.fromkeys(["huisnummer", "huisnr", "nr"], "adres"),
}
"""Labels, lower case without spaces, `_` and a last full stop (`Relatie nr.` is
`relatienr`), and the kind each column holds. `wie`: a person's column whose cells may
name something else (`Naam`: a building, a project; `Huurder`: `Starters`, `gezin met
twee kinderen`; `Contactpersoon`: `Wijkagent`), a name only when a cell reads as one
(`_reads_as_a_person`). An address's column holds a street and its number, which the
scan finds in any text (and a complex's `Molenweg 2-40` is no one's home)."""
_STREET_LABELS = frozenset(["straat", "straatnaam"])
"""A street's column: personal only beside a house number's column (the home's address)."""
_NUMBER_LABELS = frozenset(["huisnummer", "huisnr", "nr"])
_EMPTY = frozenset(["", "-", "–", "n.v.t.", "nvt", "onbekend", "geen", "x", "?", "nee", "ja"])
_NEEDS_DIGIT = frozenset(["dossiernummer"])
_SHARED_ACCOUNTS = frozenset(["admin", "beheer", "beheerder", "test", "gast", "demo", "root"])
_DAY_OF_A_YEAR = re.compile(
    r"\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[ -][^\W\d]{3,9}\.?[ -]\d{2,4}"
)
"""A date with its day: a year alone, or a span of years, counts a group (`| 1945-1954 |
31 |`)."""
_INITIAL = re.compile(r"(?<![^\W\d_])[A-Za-z]\.")
_PREFIXED = re.compile(r"(?i:(?:de|van|der|den|ter|ten|te|el|al|ben|bin|abu) ){1,3}[^\W\d_]{2,30}$")
_STREET_ENDINGS = tuple(STREET_ENDINGS.split("|"))
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
            found = [
                (kind, *cells[column])
                for column, kind in kinds.items()
                if _personal(kind, row[slice(*cells[column])])
            ]
            # A row that names a public body or building (`Stationsplein | 1 | Stadhuis`)
            # gives no home, unless it names a person too.
            public = not any(kind in ("naam", "wie") for kind, _, _ in found) and any(
                _public_place(row[a:b]) for a, b in cells
            )
            for kind, a, b in found:
                if not (public and kind == "adres"):
                    yield ("naam" if kind == "wie" else kind), row_offset + a, row_offset + b


_PUBLIC_PLACES = frozenset(
    [
        "stadhuis",
        "gemeentehuis",
        "bibliotheek",
        "buurthuis",
        "dorpshuis",
        "wijkcentrum",
        "sporthal",
        "zwembad",
        "school",
        "kerk",
        "moskee",
        "station",
        "theater",
        "museum",
        "politiebureau",
        "gezondheidscentrum",
        "huisartsenpost",
        "kantoor",
    ]
)
"""What a row may say of the building at its street and number: a public one."""


def _public_place(value: str) -> bool:
    low = value.lower()
    return name_finder.looks_like_organisation(value) or any(
        word in _PUBLIC_PLACES for word in re.findall(r"[^\W\d_]+", low)
    )


def _personal(kind: str, value: str) -> bool:
    """Whether a filled cell under a labelled column is personal data of its kind."""
    if value.lower() in _EMPTY:
        return False
    if kind == "dossiernummer":
        return any(c.isdigit() for c in value)
    if kind == "geboortedatum":
        return _DAY_OF_A_YEAR.search(value) is not None
    if kind == "inloggegevens":
        return re.split(r"[_.\-]", value.lower())[0] not in _SHARED_ACCOUNTS
    if kind == "adres":
        return True
    if name_finder.looks_like_organisation(value) or name_finder.known_name(value):
        return False  # an organisation in a `Naam` column: `Woonstichting De Key`
    return kind == "naam" or _reads_as_a_person(value)


def _reads_as_a_person(value: str) -> bool:
    """Whether a cell of a `wie` column names a person: an initial, a first name of the
    lists, or a surname after its prefix (`de vries`, `el amrani`); not a building's name
    with its article (`De Kroon`, `Het Anker`), a role or a group (`Wijkagent`,
    `Senioren`)."""
    words = value.split()
    if not words or len(words) > 5:
        return False
    if _INITIAL.search(value):
        return True
    if words[0] in ("De", "Het", "'t") and len(words) <= 3:
        return False  # a building's own name (a person's prefix is lower case after a name)
    if any(
        name_finder.is_first_name(word)
        and (name_finder.is_dutch_first_name(word) or not name_finder.is_common(word))
        for word in words
    ):
        return True
    if _PREFIXED.match(value):
        last = words[-1]
        return name_finder.is_surname(last) or name_finder.after_prefix(last)
    return False


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
    keys = [
        label.strip().lower().replace(" ", "").replace("_", "").strip(":").rstrip(".")
        for label in labels
    ]
    kinds = {i: _LABELS[key] for i, key in enumerate(keys) if key in _LABELS}
    streets = [i for i, key in enumerate(keys) if key in _STREET_LABELS]
    if not streets:
        kinds = {i: kind for i, kind in kinds.items() if keys[i] not in ("nr", "nr.")}
    if any(key in _NUMBER_LABELS for key in keys):
        kinds.update(dict.fromkeys(streets, "adres"))
    return kinds


_SURNAME_CELL_FIRST_CELL = re.compile(
    r"(?:^|(?<=[;|\t\n,/]))[ \"']*((?:(?i:de|van|der|den|ter|ten|te|el|al|ben|bin|abu) ){0,3}"
    r"[^\W\d_][\w'-]{1,30})[ \"']*([;|\t,/])[ \"']*([^\W\d_][\w'-]{1,30}|[A-Za-z]\.)"
    r"(?=[ \"']*(?:[;|\t\n,/]|$))"
)
"""A surname's cell before a first name's or an initial's, as a system exports a person
(`bakker;pieter;`, `Yilmaz | Mehmet |`, `van den berg | j. |`): in any case."""


def surname_then_first_name(raw: str) -> Iterator[tuple[int, int]]:
    """Start and end of a surname and first name in two cells of a pasted row (split by tabs,
    semicolons or pipes, or a list's commas or slashes), when the first name is a Dutch one
    or of the world-wide list and no Dutch word, and the surname is of the lists; not in a
    list of words (`tulp;iris;roos`: the next cell a name too) nor beside the street named
    after the person (`Steen;Jan;Jan Steenstraat`). `Groen;Rood`, `Zorg | Wonen` are no
    person."""
    if not ("\t" in raw or ";" in raw or "|" in raw or "," in raw or "/" in raw):
        return
    for match in _SURNAME_CELL_FIRST_CELL.finditer(raw):
        parts = match.group(1).split()
        surname, separator, first = parts[-1], match.group(2), match.group(3)
        line = raw[raw.rfind("\n", 0, match.start()) + 1 : _line_end(raw, match.end())]
        if separator in ",/" and line.count(separator) < 2:
            continue  # a list's separator only in a row of three cells or more
        cells = [cell.strip(" \"'") for cell in line.split(separator)]
        if _named(first, surname, parts) and not _word_list_or_street(cells, first, surname):
            yield match.start(1), match.end(3)


def _line_end(raw: str, at: int) -> int:
    end = raw.find("\n", at)
    return len(raw) if end < 0 else end


def _named(first: str, surname: str, parts: list[str]) -> bool:
    initial = len(first) == 2 and first.endswith(".")
    return (
        (
            initial
            or (
                name_finder.is_first_name(first)
                and (not name_finder.is_common(first) or name_finder.is_dutch_first_name(first))
            )
        )
        and (
            name_finder.is_surname(surname)
            or (len(parts) > 1 and name_finder.after_prefix(surname))
        )
        and (len(parts) > 1 or not name_finder.is_place(surname))  # `de Vries`, not `Vries`
    )


def _word_list_or_street(cells: list[str], first: str, surname: str) -> bool:
    """Whether the row lists words (the cell after the first name's is a name of the lists
    too) or names a street after the person (another cell holds the surname and ends in a
    street's word)."""
    lows = [cell.lower() for cell in cells]
    at = next((i for i, cell in enumerate(lows) if cell == first.lower()), None)
    if at is not None and at + 1 < len(cells):
        following = cells[at + 1]
        if following.isalpha() and (
            name_finder.is_first_name(following) or name_finder.is_surname(following)
        ):
            return True
    low = surname.lower()
    return any(
        low in cell and cell != low and cell.endswith(_STREET_ENDINGS) and len(cell) > len(low) + 2
        for cell in lows
    )
