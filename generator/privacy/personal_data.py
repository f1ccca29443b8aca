"""Personal data in case files: found before publication, shown only partly masked.

These stories are about vulnerable people. Authors mean well but paste things: a tenant's
phone number in a note, a postcode and house number, a date of birth, a name. Every text
that a reader or a crawler can see is scanned: every string field of the model (how, the
model says per field, `FIELDS` is read from it; a text field that does not say is read as
narrative, the strictest way), the file name (the page's address), image file names and
the query strings of links. Each finding is an error that keeps the case from being
published. A reviewed false positive is allowed per case in `privacy.uitzonderingen`, with
its kind and a reason, and `check` lists every allowance it applied.

What the scan reads is what a reader sees: Markdown fields through
`author_text.visible_text` (entities and escapes decoded, so `&#48;6` is `06`), then
Unicode NFKC (full-width digits and `＠` become ASCII, a non-breaking space a space).
Checksums and number rules come from maintained libraries: python-stdnum for BSN (the
11-test) and IBAN (mod 97), phonenumbers for Dutch phone numbers (and whether one is a
mobile number), deduce for person names (`person_names`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args
from urllib.parse import unquote, unquote_plus, urlsplit

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

from generator.contract.fields import case_fields, leaves
from generator.contract.model import Uitzondering
from generator.contract.problems import Problem, field_name
from generator.privacy import person_names
from generator.reading import author_text
from generator.reading.loading import Document, Path_

# The kinds an allowance may name are the model's choices (model.Uitzondering.soort).
KINDS: tuple[str, ...] = get_args(Uitzondering.model_fields["soort"].annotation)

# How each field of the model is read, by dotted path (list items are transparent): the
# model says it per field (`contract.uses.Scan` lists the ways), None for a field the
# scan does not read (the model gives the reason). Markdown fields are read as visible text.
FIELDS: dict[str, str | None] = {
    field.path: field.scan if isinstance(field.scan, str) else None
    for field in leaves(case_fields())
}
_SCANNED = [(path, path.split("."), how) for path, how in FIELDS.items() if how is not None]
# The names a case declares: not persons when deduce meets their words in the narrative.
_DECLARED = tuple(path for path, how in FIELDS.items() if how == "name")
_MARKDOWN = frozenset(field.path for field in leaves(case_fields()) if field.kind == "markdown")

# The simple patterns: the kinds the web form can recognise while the author types (cms.py
# turns them into its hints), kept here next to the scan they must agree with. They are
# written in the regular-expression syntax Python and JavaScript share (the scan's own
# patterns below use possessive and atomic groups, which JavaScript lacks), and they are
# stricter in shape, because the form cannot run the checks the scan adds (BSN 11-test,
# IBAN mod 97, phonenumbers, the word lists). tests/test_form_rules.py holds that the
# scan finds every value these refuse, and that ordinary figures pass both.
SIMPLE_PATTERNS: dict[str, str] = {
    "telefoonnummer": r"(?:\+31(?:\s*\(0\))?|\b0)(?:[\s\-().]*\d){9}(?!\d)",
    "e-mailadres": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}",
    "bsn": r"(?<![\d.,-])(?:\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\d,]|\.\d)",
    "iban": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "postcode": r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b(?:\s+\d{1,4}[a-zA-Z]?\b)?",
}

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_AT = r"(?:\s*@\s*|\s*[\[(]\s*(?:at|apenstaartje)\s*[\])]\s*)"
_DOT = r"(?:\.|\s*[\[(]\s*(?:dot|punt)\s*[\])]\s*)"
_STREETS = (
    r"straat|str|laan|ln|weg|wg|plein|pln|gracht|gr|kade|singel|sngl|dreef|drf|hof|steeg|stg|"
    r"pad|dijk|dyk|markt|mrkt|park|prk|erf|veld|akker|allee|baan|dam|plantsoen|boulevard|"
    r"kanaal|wal|haven|ring|poort|hoeve|burcht|straatweg|wijk|oord|zijde"
)
# Units after a number: `werkveld 12 jaar` is a figure, not an address.
_UNITS = (
    r"(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|keer|uur|procent|euro|mensen|huizen|"
    r"woningen|bewoners|huurders|deelnemers|plekken|kamers|%)\b"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "e-mailadres",
        # Starts only where a run of address characters starts, and does not give any of
        # it back: a long word with an `@` somewhere after it is read once, not once per
        # letter (80,000 letters took minutes).
        re.compile(
            rf"(?<![\w.+-])[\w.+-]++{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-zA-Z]{{2,}}\b",
            re.IGNORECASE,
        ),
    ),
    ("iban", re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ .-]?[A-Za-z0-9]){11,32}")),
    ("bsn", re.compile(r"(?<![\w.,-])(?:\d[ .-]?){8}\d(?![\w,]|[.-]\d)")),
    (
        "geboortedatum",
        re.compile(
            rf"\b(?:geboren|geb\.?|geboortedatum|geboortedag|geb\.datum)(?:\s*:)?"
            rf"(?:\s+(?:is|op|was|de))*\s*:?\s*{_DATE}",
            re.IGNORECASE,
        ),
    ),
    (
        "adres",
        re.compile(
            r"(?:\b(?:[A-ZÀ-ÖØ-Þ][\w'’-]*|de|van|der|den|het|ter|ten|'t)\s+){0,3}"
            rf"(?:\b[^\W\d_][\w'’-]*?(?i:{_STREETS})\.?|\b(?=[A-Z])(?i:{_STREETS})\b\.?)"
            rf"\s+(?>\d{{1,4}})(?:\s?[a-zA-Z]\b|-\d{{1,3}}\b)?(?!\s*{_UNITS}|[,.]\d)"
        ),
    ),
    (
        "postcode",
        re.compile(
            r"\b[1-9]\d{3}\s?(?:(?!SA|SD|SS)[A-Z]{2}\b(?:\s+\d{1,4}[a-zA-Z]?\b)?"
            r"|[a-z]{2}\s+\d{1,4}[a-z]?\b(?!\s*" + _UNITS + "))"
        ),
    ),
)
_NUMBER_AFTER_SPACE = re.compile(r"\s\d")
_STREET_ENDINGS = tuple(_STREETS.split("|"))
# Two letters after four digits that are Dutch words, not a postcode (`in 2024 op 12 ...`).
_NOT_POSTCODE_LETTERS = {"en", "in", "is", "op", "om", "te", "de", "al", "of", "ze", "er"}
_NOT_POSTCODE_LETTERS |= {"na", "nu", "zo", "ik", "je", "we", "uw", "ad", "bv", "nr", "tm"}
_PHONE_HINT = re.compile(r"[+0]\d[\d\s\-().]{7,}\d")
_FREE_MAIL = {
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "outlook.nl",
    "live.com",
    "live.nl",
    "msn.com",
    "yahoo.com",
    "yahoo.nl",
    "icloud.com",
    "me.com",
    "ziggo.nl",
    "kpnmail.nl",
    "planet.nl",
    "home.nl",
    "hetnet.nl",
    "xs4all.nl",
    "gmx.com",
    "gmx.net",
    "proton.me",
    "protonmail.com",
    "telfort.nl",
    "upcmail.nl",
    "caiway.nl",
    "online.nl",
    "quicknet.nl",
    "chello.nl",
}
_HINT = (
    "; haal het weg, of zet het in privacy.uitzonderingen met een reden als het geen "
    "persoonsgegeven is"
)
_CONTACT_HINT = (
    "; een contact is een route van de organisatie (algemeen nummer, teammailbox): vervang "
    "het, of zet het in privacy.uitzonderingen met een reden"
)
_MARKDOWN_SPECIAL = re.compile(r"[&\\*_`\[<]")


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str
    """As written in the file (before normalisation), so it can be found there."""
    loc: Path_
    contact: bool = False


def scan(document: Document, slug: str | None = None) -> tuple[list[Problem], list[str]]:
    """Problems for personal data in a case file, and lines naming the allowances used."""
    data = document.data
    if not isinstance(data, dict):
        return [], []
    findings = list(_findings(data, slug))
    if not findings:
        return [], []
    allowed = _allowances(data)
    problems: list[Problem] = []
    notes: list[str] = []
    lines = document.source.splitlines()
    resume: dict[Path_, int] = {}
    for finding in findings:
        line, column = _position(document, lines, finding, resume)
        where = f"{document.display}:{line}:{column}"
        name = field_name(finding.loc) if finding.loc else "bestandsnaam"
        key = (finding.kind, _compact(finding.value))
        if key in allowed:
            notes.append(
                f"{where}: toegestaan: {finding.kind} {mask(finding.value)} in "
                f"'{name}' (reden: {allowed[key]})"
            )
            continue
        problems.append(
            Problem(
                document.display,
                line,
                column,
                f"mogelijk persoonsgegeven ({finding.kind}) in '{name}': "
                f"{mask(finding.value)}{_CONTACT_HINT if finding.contact else _HINT}",
            )
        )
    return problems, notes


def mask(value: str) -> str:
    """Enough to find it again in the file, not enough to read it: `06******78`."""
    chars = list(value)
    visible = {i for i, c in enumerate(chars) if c.isalnum()}
    ordered = sorted(visible)
    keep = set(ordered[:2] + ordered[-2:]) if len(ordered) > 6 else set(ordered[:1])
    return (
        "'"
        + "".join(c if (i in keep or i not in visible) else "*" for i, c in enumerate(chars))
        + "'"
    )


_QUOTED = re.compile(r"'([^'\n]{1,200})'")


def mask_message(message: str) -> str:
    """A message with every quoted value that looks like personal data masked: messages
    echo what authors wrote (an invalid choice, an unknown key, a file name), and a log
    or a CI page is no place for a BSN either."""
    if "'" not in message:
        return message

    def replace(match: re.Match[str]) -> str:
        value = match.group(1)
        return mask(value) if looks_personal(value) else match.group(0)

    return _QUOTED.sub(replace, message)


def looks_personal(value: str) -> bool:
    """Whether a short value holds any kind of personal data the scan knows."""
    text, _ = _normalised(value)
    if any(True for _ in _pattern_findings(text)):
        return True
    if person_names.name_words(text, single=False) is not None:
        return True
    return any(c.isupper() for c in text) and any(
        person_names.persons(text[a:b], frozenset())
        for a, b in person_names.candidate_sentences(text)
    )


# --- what is read -------------------------------------------------------------------------


def _findings(data: dict[str, Any], slug: str | None) -> Iterator[Finding]:
    if slug:
        yield from _in_words(slug, ())
    fields: list[tuple[Path_, str, str, bool]] = []
    for path, parts, how in _SCANNED:
        if parts[0] in data:
            markdown = path in _MARKDOWN
            fields.extend(
                # Markdown is read as a reader sees it only when it has markup that can hide
                # or split a value (`&#48;6`, `06\-12`, `**`): the others read the same.
                (loc, raw, how, markdown and _MARKDOWN_SPECIAL.search(raw) is not None)
                for loc, raw in _values(data, parts, ())
                if raw and not raw.isspace()
            )
    # Whether any narrative text could hold a name is asked once for the whole case: the
    # cheap test over one joined text costs less than twenty small ones (most cases: no).
    joined = "\n".join(raw for _, raw, how, marked in fields if how == "text" and not marked)
    if not joined.isascii():
        joined = unicodedata.normalize("NFKC", joined)
    names = any(marked for _, _, _, marked in fields) or any(
        True for _ in person_names.candidate_sentences(joined)
    )
    declared: frozenset[str] = frozenset()
    if names:
        declared = person_names.declared_words(
            [text for path in _DECLARED for _, text in _values(data, path.split("."), ())]
        )
    for loc, raw, how, marked in fields:
        if how == "url":
            yield from _in_url(raw, loc)
        elif how == "file":
            yield from _in_words(raw, loc)
        elif how == "email":
            yield from _in_contact_email(raw, loc)
        elif how == "phone":
            yield from _in_contact_phone(raw, loc)
        else:
            yield from _in_text(raw, loc, how, marked, declared, names or how == "role")


def _values(data: dict[str, Any], parts: list[str], loc: Path_) -> Iterator[tuple[Path_, str]]:
    """The strings at a dotted path, with their places (list items are walked). Written
    out for the model's depths (one to three names), as it runs for every field of every
    case."""
    value = data.get(parts[0])
    key = parts[0]
    if len(parts) == 1:
        if isinstance(value, str):
            yield (*loc, key), value
        elif isinstance(value, list):
            yield from (((*loc, key, i), v) for i, v in enumerate(value) if isinstance(v, str))
        return
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    for i, item in items:
        if not isinstance(item, dict):
            continue
        here: Path_ = (*loc, key) if i is None else (*loc, key, i)
        if len(parts) == 2:
            inner = item.get(parts[1])
            if isinstance(inner, str):
                yield (*here, parts[1]), inner
        else:
            yield from _values(item, parts[1:], here)


def _in_text(
    raw: str, loc: Path_, how: str, marked: bool, declared: frozenset[str], names: bool
) -> Iterator[Finding]:
    """`marked`: Markdown with markup in it, read as its visible text."""
    if marked:
        raw = author_text.visible_text(raw)
    text, origin = _normalised(raw)
    taken = _Spans()
    for kind, start, end in _pattern_findings(text):
        taken.add(start, end)
        yield Finding(kind, _original(raw, origin, start, end), loc)
    if how == "name" or not names:
        return
    spans: list[tuple[int, int]] = []
    if how == "role":
        words = person_names.name_words(text, single=True)
        if words is not None:
            spans.append(words)
        titled = _ROLE_TITLE.search(text)
        if titled:
            spans.append((titled.start(), len(text.rstrip())))
    for begin, end in person_names.candidate_sentences(text):
        spans.extend(
            (begin + a, begin + b) for a, b in person_names.persons(text[begin:end], declared)
        )
    if how == "role" and spans:
        # A role with a name in it is reported whole: the role is short, the name is the point.
        yield Finding("naam", raw.strip(), loc)
        return
    for start, end in spans:
        if taken.free(start, end):
            taken.add(start, end)
            yield Finding("naam", _original(raw, origin, start, end), loc)


_ROLE_TITLE = re.compile(
    r"\b(?:mevrouw|mevr|mw|meneer|mijnheer|dhr|de heer|juffrouw)\b\.?\s*\S", re.IGNORECASE
)


class _Spans:
    """Parts of a text already reported, kept sorted: whether a new one overlaps is two
    look-ups, not one per finding (a pasted list of thousands of addresses)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        before_ok = i == 0 or self.ends[i - 1] <= start
        after_ok = i == len(self.starts) or end <= self.starts[i]
        return before_ok and after_ok

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _pattern_findings(text: str) -> Iterator[tuple[str, int, int]]:
    """Kind, start and end of each number, address, date or e-mail address in `text`."""
    digits = _has_digit(text)
    mail = "@" in text or (("[" in text or "(" in text) and _AT_WORD.search(text) is not None)
    if not digits and not mail:
        return  # every kind needs a digit, but e-mail addresses (most text has neither)
    taken = _Spans()
    free = taken.free

    for kind, pattern in _PATTERNS:
        if kind == "e-mailadres" and not mail:
            continue
        if kind != "e-mailadres" and not digits:
            continue
        if kind == "geboortedatum" and "geb" not in text.lower():
            continue
        if kind == "adres" and not _street_before_number(text):
            continue  # the full pattern is slow to fail; a street word before a number first
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            value = match.group(0)
            if kind == "iban":
                end = _iban_end(text, start, end)
                if end < 0:
                    continue
            if not free(start, end):
                continue
            if kind == "bsn" and not bsn.is_valid(re.sub(r"\D", "", value)):
                continue
            if kind == "postcode" and value[4:].strip()[:2] in _NOT_POSTCODE_LETTERS:
                continue
            if kind == "adres":
                lead = _LOWER_LEAD.match(value)
                start += lead.end() if lead else 0
            taken.add(start, end)
            yield kind, start, end
    if digits and _PHONE_HINT.search(text):
        matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
        for number in matcher:
            if free(number.start, number.end):
                taken.add(number.start, number.end)
                yield "telefoonnummer", number.start, number.end


_LOWER_LEAD = re.compile(r"(?:(?:de|van|der|den|het|ter|ten|'t)\s+)+(?=\w)")


def _street_before_number(text: str) -> bool:
    """Whether a word ending like a street (`...straat`, `kerkstr.`) stands before a number:
    the cheap test before the address pattern."""
    for match in _NUMBER_AFTER_SPACE.finditer(text):
        end = match.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        word = text[max(text.rfind(" ", 0, end), -1) + 1 : end].rstrip(".").lower()
        if word.endswith(_STREET_ENDINGS):
            return True
    return False


_AT_WORD = re.compile(r"[\[(]\s*(?:at|apenstaartje)\s*[\])]", re.IGNORECASE)


def _iban_end(text: str, start: int, end: int) -> int:
    """Where a valid IBAN that starts at `start` ends (the pattern runs on into the next
    word), else -1. Tried from long to short: at most 34 characters count."""
    stops = [i + 1 for i in range(start, end) if text[i].isalnum()]
    for stop in reversed(stops):
        candidate = re.sub(r"[ .-]", "", text[start:stop]).upper()
        if len(candidate) < 15:
            break
        if iban.is_valid(candidate) and (stop == len(text) or not text[stop].isalnum()):
            return stop
    return -1


def _in_url(raw: str, loc: Path_) -> Iterator[Finding]:
    """A link's path, query string and fragment, decoded (`?bsn=111222333`, `%40`)."""
    parts = urlsplit(raw.strip())
    readable = " ".join(
        (unquote(parts.path), unquote_plus(parts.query), unquote_plus(parts.fragment))
    )
    readable = re.sub(r"[=&/;#?]", " ", readable)
    text, _ = _normalised(readable)
    for kind, start, end in _pattern_findings(text):
        yield Finding(kind, text[start:end], loc)


def _in_words(raw: str, loc: Path_) -> Iterator[Finding]:
    """A file name or slug: `jan-jansen-0612345678` reads `jan jansen 0612345678`."""
    stem = raw.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    text, _ = _normalised(re.sub(r"[-_.]+", " ", stem))
    for kind, start, end in _pattern_findings(text):
        yield Finding(kind, _from_words(raw, text[start:end]), loc)
    words = person_names.name_words(text, single=False)
    if words is not None:
        yield Finding("naam", _from_words(raw, text[words[0] : words[1]]), loc)


def _from_words(raw: str, found: str) -> str:
    """The part of a file name that reads `found` once separators are spaces."""
    pattern = r"[-_. ]+".join(re.escape(w) for w in found.split())
    match = re.search(pattern, raw, re.IGNORECASE)
    return match.group(0) if match else found


def _in_contact_email(raw: str, loc: Path_) -> Iterator[Finding]:
    local, _, domain = raw.strip().rpartition("@")
    if domain.lower() in _FREE_MAIL or person_names.personal_local_part(local):
        yield Finding("e-mailadres", raw.strip(), loc, contact=True)


def _in_contact_phone(raw: str, loc: Path_) -> Iterator[Finding]:
    text, _ = _normalised(raw)
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        yield Finding("telefoonnummer", raw.strip(), loc, contact=True)


# --- text as a reader sees it -----------------------------------------------------------


def _normalised(raw: str) -> tuple[str, list[int] | None]:
    """NFKC text, and for each of its characters the index of the character it came from
    (None when nothing changed: most text is ASCII)."""
    if raw.isascii():
        return raw, None
    parts: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(raw):
        normal = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        parts.append(normal)
        origin.extend([i] * len(normal))
    return "".join(parts), origin


def _original(raw: str, origin: list[int] | None, start: int, end: int) -> str:
    if origin is None:
        return raw[start:end]
    return raw[origin[start] : origin[end - 1] + 1]


def _has_digit(text: str) -> bool:
    """Whether `text` has an ASCII digit (after NFKC every digit a pattern knows is one):
    ten substring searches, 40 times faster than a regular expression."""
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


# --- allowances and positions ------------------------------------------------------------


def _allowances(data: Any) -> dict[tuple[str, str], str]:
    privacy = data.get("privacy") if isinstance(data, dict) else None
    entries = privacy.get("uitzonderingen") if isinstance(privacy, dict) else None
    allowed = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and all(
            isinstance(entry.get(k), str) for k in ("soort", "waarde", "reden")
        ):
            allowed[(entry["soort"], _compact(entry["waarde"]))] = entry["reden"]
    return allowed


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-()]", "", unicodedata.normalize("NFKC", value)).lower()


def _position(
    document: Document, lines: list[str], finding: Finding, resume: dict[Path_, int]
) -> tuple[int, int]:
    """Line and column of the finding in the file: its text is searched in the source from
    the field's line on (or from the line of the field's previous finding: findings come
    in text order, and a field with thousands of them must not be read again for each);
    a value the source does not hold as such (decoded from Markdown or a URL) is placed
    at its field."""
    if not finding.loc:
        return 1, 1
    line, column = document.mark(finding.loc)
    if not lines:
        return line, column
    first = max(line - 1, resume.get(finding.loc, 0))
    # From where the last finding stood; then, for one earlier in the text (names are
    # looked for after numbers), from the field's own line.
    for start in dict.fromkeys((first, line - 1)):
        for number in range(start, len(lines)):
            index = lines[number].find(finding.value)
            if index >= 0:
                resume[finding.loc] = number
                return number + 1, index + 1
            if number > line - 1 and lines[number] and not lines[number][0].isspace():
                break  # the next top-level field
    return line, column
