"""Personal data in case files: found before publication, shown only partly masked.

These stories are about vulnerable people. Authors mean well but paste things: a tenant's
phone number in a note, a postcode and house number, a date of birth, a name. Every text
that a reader or a crawler can see is scanned: every string field of the model (how, the
model says per field, `FIELDS` is read from it; a text field that does not say is read as
narrative, the strictest way), the file name (the page's address), image file names, links
(their user info, path, query and fragment), and every string of the vocabulary file
(`scan_strings`). Each finding is an error that keeps the case from being published, each
occurrence reported at its own line and column. A reviewed false positive is allowed per
case in `privacy.uitzonderingen`, with its kind and a reason; an allowance covers exactly
the value it names, and `check` lists every allowance it applied.

What the scan reads is what a reader sees (`reading.visible_text`: entities and escapes
decoded, invisible characters removed, NFKC, white space collapsed), so no soft hyphen,
zero-width space or entity can split a value it would find. The kinds are in `patterns`
(python-stdnum, phonenumbers and bounded regular expressions), person names in
`name_finder` (deduce, names-dataset's world-wide list, Dutch cues).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, get_args
from urllib.parse import unquote, unquote_plus, urlsplit

import phonenumbers
import yaml

from generator.contract.fields import case_fields, leaves
from generator.contract.model import Uitzondering
from generator.contract.problems import Problem, field_name
from generator.privacy import name_finder, patterns
from generator.privacy.pasted_columns import pasted_columns, surname_then_first_name
from generator.reading.loading import Document, Path_
from generator.reading.visible_text import IGNORABLE, Visible, visible

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
_MARKDOWN = frozenset(field.path for field in leaves(case_fields()) if field.kind == "markdown")

# The simple patterns: the kinds the web form can recognise while the author types (cms.py
# turns them into its hints), kept here next to the scan they must agree with. They are
# written in the regular-expression syntax Python and JavaScript share (the scan's own
# patterns below use possessive and atomic groups, which JavaScript lacks), and they are
# stricter in shape, because the form cannot run the checks the scan adds (BSN 11-test,
# IBAN mod 97, phonenumbers, the word lists). tests/test_form_rules.py holds that the
# scan finds every value these refuse, and that ordinary figures pass both.
SIMPLE_PATTERNS: dict[str, str] = {
    # (not 088, 0800, 090x: services', as in the scan)
    "telefoonnummer": (
        r"(?:\+31(?:\s*\(0\))?|\b0)(?![\s\-().]*(?:8[08]|90))(?:[\s\-().]*\d){9}(?!\d)"
    ),
    "e-mailadres": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}",
    "bsn": r"(?<![\d.,-])(?:\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\d,]|\.\d)",
    "iban": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "postcode": r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b(?:\s+\d{1,4}[a-zA-Z]?\b)?",
}

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
_MAIL_HINT = (
    "; een e-mailadres staat niet in de tekst van een case: zet een team- of functiemailbox "
    "in 'contact.email' en haal het hier weg, of zet het in privacy.uitzonderingen met een "
    "reden als het geen persoonsgegeven is"
)
_VOCABULARY_HINT = (
    "; haal het weg of schrijf de term anders (de woordenlijst kent geen uitzonderingen: "
    "elke term staat op de site, in de navigatie en de zoekfunctie)"
)
_DECLARED_HINT = (
    "; hier hoort de naam van een organisatie, plaats of rol, niet van een persoon: "
    "vervang hem, of zet hem in privacy.uitzonderingen met een reden"
)


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str
    """As written in the value (before normalisation), so it can be found in the file."""
    shown: str
    """As a reader sees it: what the message masks and an allowance is compared with."""
    loc: Path_
    start: int = 0
    """Where `value` starts in the value as written (for its line and column)."""
    hint: str = _HINT
    in_key: bool = False
    """Found in the key at `loc` (a vocabulary term's slug), not in its value."""


def scan(document: Document, slug: str | None = None) -> tuple[list[Problem], list[str]]:
    """Problems for personal data in a case file, and lines naming the allowances used."""
    data = document.data
    if not isinstance(data, dict):
        return [], []
    findings = list(itertools.islice(_once_each(_findings(data, slug)), MOST_FINDINGS + 1))
    problems, notes = _reported(document, findings[:MOST_FINDINGS], _allowances(data))
    if len(findings) > MOST_FINDINGS:
        # Said at the field where the scan stopped (before the findings shown in it).
        beyond = findings[MOST_FINDINGS]
        line, column = document.mark(beyond.loc) if beyond.loc else (1, 1)
        name = field_name(beyond.loc) if beyond.loc else "bestandsnaam"
        problems.append(
            Problem(
                document.display,
                line,
                column,
                f"meer dan {MOST_FINDINGS} mogelijke persoonsgegevens (vanaf '{name}'): de "
                "controle stopt hier en de case wordt niet gepubliceerd; haal ze weg",
            )
        )
    return problems, notes


def _once_each(findings: Iterator[Finding]) -> Iterator[Finding]:
    """Each finding once: a pasted export's cell is read by its column's label and as text,
    and may be found both ways."""
    seen: set[tuple[Path_, int, str]] = set()
    for finding in findings:
        place = (finding.loc, finding.start, finding.kind)
        if place not in seen:
            seen.add(place)
            yield finding


MOST_FINDINGS = 500
"""Findings per case before the scan stops: a case with more is refused whole (an ordinary
story has none to a handful), and a file of 25,000 licence plates costs 500 findings' work
(each is checked, placed and masked), not 25,000."""


def scan_strings(document: Document) -> tuple[list[Problem], list[Path_]]:
    """Problems for personal data in every string of a file that is no case (the vocabulary:
    labels, descriptions, synonyms, any section a later version adds), read as narrative,
    and every key read as a page address; with the places of the findings."""
    findings: list[Finding] = []
    stack: list[tuple[Path_, Any]] = [((), document.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if value.strip():
                findings.extend(_in_text(value, loc, "text", False, frozenset()))
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if isinstance(key, str):
                    findings.extend(
                        Finding(f.kind, f.value, f.shown, (*loc, key), f.start, in_key=True)
                        for f in _in_words(key, ())
                    )
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in reversed(list(enumerate(value))))
    findings = [dataclasses.replace(f, hint=_VOCABULARY_HINT) for f in findings]
    problems, _ = _reported(document, findings, {})
    return problems, [f.loc for f in findings]


def _reported(
    document: Document, findings: list[Finding], allowed: dict[tuple[str, str], str]
) -> tuple[list[Problem], list[str]]:
    if not findings:
        return [], []
    problems: list[Problem] = []
    notes: list[str] = []
    lines = document.source.splitlines()
    resume: dict[Path_, tuple[int, int]] = {}
    phrases = _allowed_phrases(document.data) if allowed else []
    for finding in sorted(findings, key=_in_file_order):
        line, column = _position(document, lines, finding, resume)
        where = f"{document.display}:{line}:{column}"
        name = _field_shown(finding.loc) if finding.loc else "bestandsnaam"
        key = (finding.kind, _compact(finding.shown))
        reason = allowed.get(key) or _inside_allowed(document, finding, phrases)
        if reason is not None:
            notes.append(
                f"{where}: toegestaan: {finding.kind} {mask(finding.shown)} in "
                f"'{name}' (reden: {reason})"
            )
            continue
        hint = (
            _MAIL_HINT if finding.kind == "e-mailadres" and finding.hint is _HINT else finding.hint
        )
        problems.append(
            Problem(
                document.display,
                line,
                column,
                f"mogelijk persoonsgegeven ({finding.kind}) in '{name}': "
                f"{mask(finding.shown)}{hint}",
            )
        )
    return problems, notes


def _field_shown(loc: Path_) -> str:
    """A finding's field as messages name it, a key that is personal data itself masked
    (the vocabulary's `themas.piotr-nowak` shows `themas.pi***-***ak`)."""
    return field_name(tuple(_key_shown(part) if isinstance(part, str) else part for part in loc))


@functools.lru_cache(maxsize=1024)
def _key_shown(key: str) -> str:
    return mask(key)[1:-1] if "-" in key and looks_personal(key) else key


def _in_file_order(finding: Finding) -> tuple[tuple[tuple[int, str | int], ...], int]:
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in finding.loc), finding.start


def prepare(deduce: bool = False) -> None:
    """Load what the scan reads (name lists; deduce and its tables with `deduce`) now:
    before `check` forks its worker processes, so they share it instead of each loading
    it again."""
    name_finder.prepare(deduce)


def release() -> None:
    """Let go of what `prepare` loaded (`name_finder.release`): for a build that runs once,
    after its check."""
    name_finder.release()


def mask(value: str) -> str:
    """Enough to find it again in the file, not enough to read it: `06******78`. Without
    the invisible characters that split it (a message shows them to nobody)."""
    if not value.isascii():
        value = IGNORABLE.sub("", value)
    chars = list(value)
    visible_chars = {i for i, c in enumerate(chars) if c.isalnum()}
    ordered = sorted(visible_chars)
    last_word = re.search(r"[^\W_]*$", value.rstrip(" .)'\"]")).group()  # type: ignore[union-attr]
    initial = len(last_word) <= 2 and last_word.isalpha() and last_word.isupper()
    ends = [] if initial else ordered[-2:]  # not initials: `huurder (B.K.)`
    keep = set(ordered[:2] + ends) if len(ordered) > 6 else set(ordered[:1])
    return (
        "'"
        + "".join(c if (i in keep or i not in visible_chars) else "*" for i, c in enumerate(chars))
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
    text = visible(value).text
    if any(True for _ in patterns.found(text)):
        return True
    if any(True for _ in _in_file_name(text)):
        return True  # read as a file's name is (`media/foto_ahmed_molenweg.png`)
    return any(c.isupper() for c in text) and bool(name_finder.find(text))


# --- what is read -------------------------------------------------------------------------


def _findings(data: dict[str, Any], slug: str | None) -> Iterator[Finding]:
    if slug:
        yield from _in_words(slug, ())
    fields: list[tuple[Path_, str, str, bool]] = []
    for path, parts, how in _SCANNED:
        if parts[0] in data:
            markdown = path in _MARKDOWN
            fields.extend(
                (loc, raw, how, markdown)
                for loc, raw in _values(data, parts, ())
                if raw and not raw.isspace()
            )
    # Declared names (organisation, partners, funders, region) are read first: one that
    # is a person's name is an error; the others exempt their own whole name elsewhere.
    read = _read_together(fields)
    declared: set[str] = set()
    for loc, raw, how, _ in fields:
        if how == "name":
            found = list(_in_declared(raw, loc, read.get(loc, _NOTHING_READ).kinds))
            if not found:
                declared.add(visible(raw).text)
            yield from found
    kept = frozenset(declared)
    for loc, raw, how, markdown in fields:
        if how == "url":
            yield from _in_url(raw, loc)
        elif how == "file":
            yield from _in_words(raw, loc)
        elif how == "email":
            yield from _in_contact_email(raw, loc)
        elif how == "phone":
            # A contact's phone field is text too (`06-12345678 (vraag naar Fatma)`): a
            # mobile number in it is a person's, any other kind is what it is anywhere.
            yield from _in_contact_phone(raw, loc)
            yield from (
                f for f in _in_text(raw, loc, "text", False, kept) if f.kind != "telefoonnummer"
            )
        elif how != "name":
            flagged = read.get(loc)
            if (
                flagged is None
                and how == "text"
                and not _has_link(raw)
                and not _has_target(raw)
                and not _has_file_name(raw)
            ):
                continue  # nothing the patterns or the name finder's tests flagged
            yield from _in_text(raw, loc, how, markdown, kept, flagged or _NOTHING_READ)
    for loc, raw, how, _ in fields:
        if how in ("text", "role") and "\n" in raw:
            for kind, start, end in pasted_columns(raw):
                yield Finding(kind, raw[start:end], raw[start:end], loc, start)
        if how in ("text", "role"):
            for start, end in surname_then_first_name(raw):
                yield Finding("naam", raw[start:end], raw[start:end], loc, start)
    for loc, raw, how, markdown in fields:
        links = markdown and "](" in raw
        if ("<" in raw or links) and how in ("text", "role", "phone"):
            yield from _through_markup(raw, loc, "text" if how == "phone" else how, markdown, kept)
        if how in ("text", "role") and _shouted(raw):
            yield from _in_shouted(raw, loc, how, markdown, kept)


_CAPITALS_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}+")
_BETWEEN_WORDS = re.compile(r"[,.;:!?)'\"-]? [('\"]?")


def _shouted(raw: str) -> bool:
    """Whether a text has three words in capitals in a row (`VERHUISD NAAR WESTERING 7`), as
    an old system's notes and a letter's headings are written. Read run by run of capitals:
    a pattern tried at every character of every field cost more than the reading it gates
    (docs/trust-and-privacy.md)."""
    count = 0
    last = -1
    for run in _CAPITALS_RUN.finditer(raw):
        start, end = run.span()
        if (start and raw[start - 1].isalpha()) or raw[end : end + 1].isalpha():
            count = 0  # part of a word (`WhatsApp`, `IJssel`)
            continue
        count = count + 1 if count and _BETWEEN_WORDS.fullmatch(raw, last, start) else 1
        if count == 3:
            return True
        last = end
    return False


_CAPITALS_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}(?:['-][A-ZÀ-ÖØ-Þ]+)*")


def _in_shouted(
    raw: str, loc: Path_, how: str, markdown: bool, declared: frozenset[str]
) -> Iterator[Finding]:
    """What a text written in capitals holds, read again as it would be written in lower
    case, with a capital for each word that is no common Dutch word (`verhuisd naar
    Westering 7`, `Anja de Vries-Hulshof`): the rules that know a name or a street by its
    capital read it there too. Acronyms of three letters stay as they are (`WMO`)."""

    def told(word: re.Match[str]) -> str:
        written = word.group()
        low = written.lower()
        if len(low) != len(written) or (len(written) <= 3 and not name_finder.is_common(low)):
            return written
        if name_finder.is_common(low) and not name_finder.is_place(low):
            return low  # (wordfreq's words include places: `hoogvliet`)
        return "-".join(part[:1].upper() + part[1:] for part in low.split("-"))

    text = _CAPITALS_WORD.sub(told, raw)
    if len(text) != len(raw):
        return
    for finding in _in_text(text, loc, how, markdown, declared):
        value = raw[finding.start : finding.start + len(finding.value)]
        yield Finding(finding.kind, value, visible(value).text, loc, finding.start, finding.hint)


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>")


_MARKDOWN_LINK = re.compile(
    r"(?<![!\\])\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}(?:\s\"[^\"\n]{0,500}\")?\)"
)
"""A Markdown link: its text is shown where it stands, glued to what comes before and
after (`Bel [06](https://...)12345678` reads `0612345678`)."""


def _glued(raw: str, link: re.Match[str]) -> bool:
    """Whether a link's text reads on into the text around it (`[06](...)12345678`, `06
    [1234](...) 5678`): an edge of its text and the character beside the link are letters
    or digits, or digits one space apart. (Most links stand apart: reading the field again
    is then not needed.)"""
    text = link.group(1)
    if not text:
        return False
    before = raw[max(0, link.start() - 2) : link.start()]
    after = raw[link.end() : link.end() + 2]
    return (
        (before[-1:].isalnum() and text[0].isalnum())
        or (after[:1].isalnum() and text[-1].isalnum())
        or (before[-1:] == " " and before[:1].isdigit() and text[0].isdigit())
        or (after[:1] == " " and after[1:].isdigit() and text[-1].isalnum())
    )


def _markup(raw: str, markdown: bool = False) -> list[tuple[int, int]]:
    """Start and end of each HTML comment and tag, and in Markdown of each link's brackets
    and target, in order. The site shows HTML as written (what a tag or comment holds is
    read where it stands), but a value split by one is a value to a reader too. Comments
    are found with `str.find` (a pattern would read on from every `<!--` that is never
    closed); a tag inside a comment is part of it."""
    comments: list[tuple[int, int]] = []
    at = raw.find("<!--")
    while at >= 0:
        end = raw.find("-->", at + 4)
        if end < 0:
            break
        comments.append((at, end + 3))
        at = raw.find("<!--", end + 3)
    starts = [start for start, _ in comments]
    tags = []
    for match in _TAG.finditer(raw) if "<" in raw else ():
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 0 or match.start() >= comments[i][1]:
            tags.append(match.span())
    for match in _MARKDOWN_LINK.finditer(raw) if markdown and "](" in raw else ():
        i = bisect.bisect_right(starts, match.start()) - 1
        if (i < 0 or match.start() >= comments[i][1]) and _glued(raw, match):
            tags.extend([(match.start(), match.start(1)), (match.end(1), match.end())])
    return sorted(comments + tags)


def _through_markup(
    raw: str, loc: Path_, how: str, markdown: bool, declared: frozenset[str]
) -> Iterator[Finding]:
    """What a text holds across its HTML tags and comments (`06<span>12345678</span>`,
    `1234<!-- -->56782`): the text read again without them, and each finding that spans
    one given back as written."""
    pieces = _markup(raw, markdown)
    if not pieces:
        return
    kept: list[str] = []
    where: list[int] = []  # the value's index of each character kept
    at = 0
    for start, end in [*pieces, (len(raw), len(raw))]:
        kept.append(raw[at:start])
        where.extend(range(at, start))
        at = end
    for finding in _in_text("".join(kept), loc, how, markdown, declared):
        first = where[finding.start]
        last = where[finding.start + len(finding.value) - 1] + 1
        if any(first < start < last for start, _ in pieces):
            value = raw[first:last]
            yield Finding(finding.kind, value, finding.shown, loc, first, finding.hint)


@dataclass
class _Read:
    """What the patterns and the name finder's cheap tests found in one field, when the
    case's fields were read together (`_read_together`)."""

    kinds: list[tuple[str, int, int]] = field(default_factory=list)
    flagged: list[tuple[int, int]] = field(default_factory=list)


_NOTHING_READ = _Read()

_APART = "\n.\n"
"""Between fields read together: a sentence's end (so no sentence runs on into the next
field) in white space no pattern crosses (no number, address or e-mail pattern takes a
line break and a full stop between its parts)."""


def _read_together(fields: list[tuple[Path_, str, str, bool]]) -> dict[Path_, _Read]:
    """The narrative fields of a case read as one text by the patterns and the name
    finder's cheap tests, each finding given back to its field: a case's twenty fields
    cost one pass instead of twenty (the scan runs for every case of every `check`)."""
    texts = [
        (loc, visible(raw, markdown).text)
        for loc, raw, how, markdown in fields
        if how in ("text", "role", "name")
    ]
    joined = _APART.join(text for _, text in texts)
    starts = []
    offset = 0
    for _, text in texts:
        starts.append(offset)
        offset += len(text) + len(_APART)
    read: dict[Path_, _Read] = {}

    def field_of(position: int) -> int:
        return bisect.bisect_right(starts, position) - 1

    for kind, start, end in itertools.islice(patterns.found(joined), MOST_FINDINGS + 1):
        i = field_of(start)
        loc, text = texts[i]
        begin = starts[i]
        read.setdefault(loc, _Read()).kinds.append(
            (kind, start - begin, min(end - begin, len(text)))
        )
    for start, end in name_finder.windows(joined):
        for i in range(field_of(start), field_of(max(start, end - 1)) + 1):
            loc, text = texts[i]
            begin = starts[i]
            a, b = max(start, begin) - begin, min(end, begin + len(text)) - begin
            if a < b:
                read.setdefault(loc, _Read()).flagged.append((a, b))
    return read


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
    raw: str,
    loc: Path_,
    how: str,
    markdown: bool,
    declared: frozenset[str],
    read: _Read | None = None,
) -> Iterator[Finding]:
    """Every kind in a text as a reader sees it; names as narrative (`text`) or as a role
    (`role`: a name in it is reported with the whole value). `read`: what the patterns and
    the name finder's cheap tests found, when the case's fields were read together."""
    shown = visible(raw, markdown)
    text = shown.text
    taken = patterns.Spans()
    kinds = read.kinds if read is not None else patterns.found(text)
    for kind, start, end in kinds:
        taken.add(start, end)
        yield _finding(kind, shown, start, end, loc)
    for start, end in _links_in(text):
        for kind, a, b in _in_address(text[start:end]):
            if taken.free(start + a, start + b):
                taken.add(start + a, start + b)
                yield _finding(kind, shown, start + a, start + b, loc)
    for dialled in _TEL_LINK.finditer(text) if "%" in text else ():  # `tel:+31%206%20...`
        number = urllib.parse.unquote(dialled.group(1))
        if any(True for _ in patterns.found(number)) and taken.free(*dialled.span(1)):
            taken.add(*dialled.span(1))
            yield _finding("telefoonnummer", shown, *dialled.span(1), loc)
    for start, end in _percent_encoded(text) if "%" in text else ():
        # Any word with percent-escapes, in a link the link pattern cut short (at a
        # bracket: `?q=(...%22Stationsweg%2045%20Emmen%22)`) or outside one, read decoded.
        decoded_kind = _first_kind(_decoded(text[start:end])) if taken.free(start, end) else None
        if decoded_kind is not None:
            taken.add(start, end)
            yield _finding(decoded_kind, shown, start, end, loc)
    for start, target in _local_targets(text) if _has_target(text) else ():
        for kind, a, b in _in_file_name(target):
            if taken.free(start + a, start + b):
                taken.add(start + a, start + b)
                yield _finding(kind, shown, start + a, start + b, loc)
    for start, name in _file_names(text):
        for kind, a, b in _in_file_name(name):
            if taken.free(start + a, start + b):
                taken.add(start + a, start + b)
                yield _finding(kind, shown, start + a, start + b, loc)
    spans = name_finder.find(text, declared, read.flagged if read is not None else None)
    if how == "role":
        spans.extend(name_finder.role_names(text, declared))
        if spans:
            # A role with a name in it is reported whole: the role is short, the name is
            # the point.
            yield _finding("naam", shown, 0, len(text), loc)
        return
    for start, end in spans:
        if not taken.covers(start, end):
            yield _finding("naam", shown, start, end, loc)
        dated = _DATE_AFTER_NAME.match(text, end)
        if dated is not None and taken.free(*dated.span(1)):
            taken.add(*dated.span(1))
            yield _finding("geboortedatum", shown, *dated.span(1), loc)


_DATE_AFTER_NAME = re.compile(
    r" ?\((?:\s|b\.\s?|born\s)?(\d{1,2}[-/. ](?:\d{1,2}|[a-z]{3,9}\.?)[-/. ](?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d|19\d\d)(?:,\s?[A-ZÀ-ÖØ-Þ][\w-]{1,30})?\)"
)
"""A date in brackets right after a person's name (`Truus Smit (4 juni 1958)`, the star of
`(*4 juni 1958)` dropped by Markdown, `(b. 1970)`, `(1958-06-04, Leeuwarden)`): when that
person was born. A year alone only of the
last century: `Smit (2019)` cites a report."""


def _finding(
    kind: str, shown: Visible, start: int, end: int, loc: Path_, hint: str = _HINT
) -> Finding:
    raw_start, raw_end = shown.raw_span(start, end)
    return Finding(kind, shown.raw[raw_start:raw_end], shown.text[start:end], loc, raw_start, hint)


def _in_declared(
    raw: str, loc: Path_, kinds: list[tuple[str, int, int]] | None = None
) -> Iterator[Finding]:
    """A declared name (organisation, municipality, region, partner, funder): every kind;
    and a person's name is an error, unless the value says it is an organisation (then
    only a title or a role word before a name counts: `Stichting Familie Haddou`)."""
    shown = visible(raw)
    text = shown.text
    for kind, start, end in patterns.found(text) if kinds is None else kinds:
        yield _finding(kind, shown, start, end, loc)
    if name_finder.known_name(text):
        return  # `Dr. Leo Kannerhuis`: a care organisation, its title and all
    cues = name_finder.cued(text)
    organisation = (
        name_finder.looks_like_organisation(text)
        or name_finder.brand_and_place(text)
        or name_finder.one_word_no_first_name(text)
    )
    named = cues or ([] if organisation else name_finder.find(text))
    if named:
        yield _finding("naam", shown, 0, len(text.rstrip()), loc, _DECLARED_HINT)
    elif organisation and " van " in text and (owned := _owned_by_person(text)) is not None:
        yield _finding("naam", shown, owned, len(text.rstrip()), loc, _DECLARED_HINT)
    elif organisation and (rest := _DECLARED_REST.search(text)) is not None:
        # The body first, then a person (`Stichting Thuis (contactpersoon Mariam Haddad)`,
        # `Gemeente Doetinchem, t.a.v. Mariam Haddad`): what follows is read on its own.
        after = text[rest.end() :]
        if name_finder.cued(after) or name_finder.find(after):
            yield _finding("naam", shown, rest.end(), len(text.rstrip()), loc, _DECLARED_HINT)


def _owned_by_person(text: str) -> int | None:
    """Where a person named in full after `van` starts in a declared body's name (`Fonds van
    Piotr Nowak`, `het huis van Fatma Demir`): a body is named after a person, a person's own
    fund or home is theirs."""
    for start, _ in name_finder.find(text):
        if text[max(0, start - 5) : start] == " van ":
            return start
    return None


_DECLARED_REST = re.compile(r"\s*(?:[,;(/|:]|\s[–—-]\s|\bt\.?a\.?v\.?|\bc/o\b)\s*")
"""Where a declared organisation's own name ends and something else begins."""


_BARE_TLDS = ("nl", "com", "org", "net", "be", "eu", "de", "info", "io", "me", "app", "co")
_BARE_LINK_END = re.compile(rf"\.(?:{'|'.join(_BARE_TLDS)})/", re.IGNORECASE)
"""Where a link without its scheme ends its host (one search: most fields have none)."""
_LINK = re.compile(
    r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\s<>()]{1,2000}|\bwww\.[^\s<>()]{1,2000}"
    r"|\b(?i:mailto):[^\s<>()]{1,2000}"
    rf"|(?<![\w.@/-])(?:[a-zA-Z0-9-]{{1,63}}\.){{1,4}}(?i:{'|'.join(_BARE_TLDS)})/[^\s<>()]{{1,2000}}"
)
"""A link, also one written without its scheme (`linkedin.com/in/mariam-...`), and a
`mailto:` link, whose subject and body are read as well."""


def _has_link(text: str) -> bool:
    return (
        "://" in text
        or "www." in text
        or "ailto:" in text
        or "AILTO:" in text
        or ("/" in text and bool(_BARE_LINK_END.search(text)))
    )


_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _percent_encoded(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each word (up to 300 characters around its escapes) with two
    percent-escapes or more: found from each `%`, never by a pattern tried at every
    character of a long word."""
    at, end = text.find("%"), -1
    while at >= 0:
        if at >= end and _ESCAPE.match(text, at):
            low = max(text.rfind(" ", max(0, at - 300), at) + 1, at - 300, end, 0)
            high = text.find(" ", at, at + 300)
            high = high if high >= 0 else min(len(text), at + 300)
            if len(_ESCAPE.findall(text, low, high)) >= 2:
                yield low, high
            end = high
        at = text.find("%", max(at + 1, end))


def _first_kind(decoded: str) -> str | None:
    """The first kind of personal data in a decoded text, names included."""
    spaced = _QUERY_SEPARATORS.sub(" ", decoded)
    kind = next(
        (
            kind
            for kind, _, _ in patterns.found(spaced)
            if kind != "e-mailadres" or "@" in decoded  # `Image 2023-05-14 at 10.22.33.jpeg`
        ),
        None,
    )
    if kind is None and name_finder.name_words(
        _DIGITS.sub(" ", _AS_WORDS.sub(" ", decoded)), single=False
    ):
        kind = "naam"
    return kind


_TEL_LINK = re.compile(r"(?i:tel|sms|callto):(\+?[%0-9A-Fa-f-]{6,80})")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}:")
"""`mailto:`, `tel:`, `data:`: no file of the site's own."""


_FILE_EXTENSION = re.compile(
    r"\.(?i:pdf|docx?|xlsx?|odt|ods|rtf|jpe?g|png|heic|gif|webp|tiff?|msg|eml|txt|csv|zip)\b"
)
_FILE_NAME_START = re.compile(r"[\w.-]{1,120}$")
_CAMEL_WORDS = re.compile(r"[a-z][A-Z][a-z]+[A-Z0-9]")
"""A file's name of words run together in camel case (`DossierLindelaan14bLekkage`)."""


def _phase_or_range(raw: str, start: int, end: int) -> bool:
    """Whether a street and number in a file's name are a phase, a version, a range of houses
    or a month (`Lindelaan2_planning.pdf`, `Molenstraat3-fase2.xlsx`, `Dorpsstraat_12-48.pdf`,
    `Lindelaan_10-2024.pdf`, `Merelstraat_1-t-m-40.xlsx`), not one home."""
    last = _LAST_DIGITS.search(raw, start, end)
    if last is None:
        return False
    return bool(_ONE_DIGIT_AT_END.search(raw, start, last.end())) or bool(
        _RANGE_AFTER.match(raw, last.end())
    )


_LAST_DIGITS = re.compile(r"\d+(?!.*\d)")
_ONE_DIGIT_AT_END = re.compile(r"(?<=[^\W\d_])\d$")
"""A house number of one figure typed onto its street: in a file's name, as often a phase
or a version (`Lindelaan2_planning.pdf`; `Lindelaan_7` is a house)."""
_RANGE_AFTER = re.compile(
    r"(?:[a-z])?[-_ ](?:t-?m[-_ ]|m[-_ ]|tot[-_ ])?(?!\d{4}[-_ ]?[a-zA-Z]{2}\b)\d"
)
"""A number after a street's, in a file's name: a range of houses or a month and year (a
postcode after it makes it a home's: `dorpsstraat-12-3512ab`)."""


def _has_file_name(text: str) -> bool:
    """Whether a text may name a file in its running text (`_file_names`)."""
    return "." in text and _FILE_EXTENSION.search(text) is not None


def _file_names(text: str) -> Iterator[tuple[int, str]]:
    """Where each file's name in running text starts, and the name, when its words are
    joined as a file's are (`zie Dossier_Lindelaan14b_lekkage.pdf`, `Dossier.Lindelaan.14b
    .pdf`, `DossierLindelaan14b.pdf`): read as a file name, as a link's target is
    (`rapport.pdf` alone is one word, and read as text already)."""
    for extension in _FILE_EXTENSION.finditer(text) if "." in text else ():
        before = _FILE_NAME_START.search(text, max(0, extension.start() - 120), extension.start())
        name = before.group() if before is not None else ""
        start = extension.start() - len(name)
        if "_" in name or "-" in name or name.count(".") >= 2 or _CAMEL_WORDS.search(name):
            yield start, text[start : extension.end()]


def _has_target(text: str) -> bool:
    """Whether a text may link to a file of the site's own (`_LOCAL_TARGET`)."""
    return "](" in text or "src" in text or "href" in text


def _local_targets(text: str) -> Iterator[tuple[int, str]]:
    """Where each link target of the site's own files starts, and the target (a web address
    is read by `_in_address`)."""
    for match in _LOCAL_TARGET.finditer(text):
        group = 1 if match.group(1) is not None else 2
        target = match.group(group)
        if not (_LINK.match(target) or _SCHEME.match(target) or target.startswith(("#", "//"))):
            yield match.start(group), target


def _links_in(text: str) -> Iterator[tuple[int, int]]:
    if _has_link(text):
        yield from (m.span() for m in _LINK.finditer(text))


def _in_address(address: str) -> Iterator[tuple[str, int, int]]:
    """Names and dates in a web address's path, query and fragment: read as words (every
    separator a space, so a span in the words is the same span in the address)."""
    for handle in _HANDLE_IN_LINK.finditer(address):  # first: the account is the finding
        if not name_finder.organisation_account(handle.group(1)):  # `youtube.com/@Platform31`
            yield "gebruikersnaam", handle.start(1), handle.end(1)
    words = _DIGITS.sub(" ", _AS_WORDS.sub(" ", address))
    public = _officials_page(address)  # (a minister's page names the minister)
    for start, end in name_finder.name_words(words, single=False) if not public else ():
        yield "naam", start, end
    query = min((at for at in (address.find("?"), address.find("#")) if at >= 0), default=-1)
    # A page's address is named after its subject, as a file is (`/fatma-en-ali-verhuizen/`,
    # `/hanneke.vanderveen.7`): its path, without its file type, is read as a file's name.
    host_end = address.find("/", address.find("//") + 2 if "//" in address else 0)
    if host_end >= 0 and not public:
        path_end = query if query > host_end else len(address)
        file_type = _FILE_TYPE.search(address, host_end, path_end)
        path = words[host_end : file_type.start() if file_type is not None else path_end]
        for start, end in _names_in_words(path):
            yield "naam", host_end + start, host_end + end
    if query >= 0 and ("%" in address[query:] or "+" in address[query:]):
        # Letters written as their bytes (`Y%C4%B1ld%C4%B1r%C4%B1m`) are read decoded; a
        # name found there is reported as the whole query (and fragment).
        decoded = _decoded(address[query:])
        if name_finder.name_words(_DIGITS.sub(" ", _AS_WORDS.sub(" ", decoded)), single=False):
            yield "naam", query + 1, len(address)
        # So are digits (`?tel=%2B31641528763`, `#bsn%3D...`, `?tel=06+38+27+49+15`): the
        # first kind found there is reported as the whole query too.
        for form in (decoded, urllib.parse.unquote(_once_more(address[query:]))):
            found = patterns.found(_QUERY_SEPARATORS.sub(" ", form))
            kind = next((kind for kind, _, _ in found), None)
            if kind is not None:
                yield kind, query + 1, len(address)
                break
    yield from _addresses_in_path(address)
    records = () if _public_record(address) else _RECORD_IN_LINK.finditer(address)
    for record in records:  # `/klant/10045873/`, `?dossier=D-2024-0457`
        number = record.group(1)
        if (
            sum(c.isdigit() for c in number) >= 5
            and not patterns.A_YEAR.fullmatch(number)
            and not _A_DATE_IN_LINK.fullmatch(number)  # a date's kind is its own
        ):
            yield "dossiernummer", record.start(1), record.end(1)
    yield from _in_link(address)


def _addresses_in_path(address: str) -> Iterator[tuple[str, int, int]]:
    """An address in a link's path, written as a file name is (`/foto/molenweg-8b-doetinchem`,
    `?adres=Molenweg+8b`): its separators read as spaces, one for one, so a span in the words
    is the same span in the link."""
    host_end = address.find("/", address.find("//") + 2 if "//" in address else 0)
    if host_end < 0:
        return
    words = _PATH_SEPARATORS.sub(" ", address[host_end:])
    for kind, start, end in patterns.found(words):
        if kind == "adres" and not _YEAR_AT_END.search(words, start, end):
            yield kind, host_end + start, host_end + end


_RECORD_IN_LINK = re.compile(
    r"(?i)[/?&#;](?:klant|client|cli%c3%abnt|cliënt|dossier|huurder|relatie|bewoner|debiteur"
    r"|persoon|patient|patiënt|deelnemer|contract|customer|tenant|user|zaak|aanvraag|registratie)"
    r"(?:en|s|nummer|nr|id|_id|-id|number|no)?(?:[/=:_-]|\?(?:id|nr|nummer|no)=)"
    r"((?:[a-z]{1,3}-?)?\d{2,12}(?:-\d{2,8})*)(?![\d\w]|-[^\W\d_])"
)
"""A link to one person's record (`/klant/10045873/`, `?dossier=D-2024-0457`): the segment
after a record's word is its number, as a client or dossier number after its word is; not a
news page's title (`/huurder-1500-euro-terug`), nor on a host of public records."""
_A_DATE_IN_LINK = re.compile(r"\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2}")
_FILE_TYPE = re.compile(r"\.[A-Za-z0-9]{1,5}/?$")
"""A path's file type (`.png`, `.html`): no word of its name."""
_PATH_SEPARATORS = re.compile(r"[-_./+=&?#]")
_QUERY_SEPARATORS = re.compile(r"[=&?#;]")


def _once_more(part: str) -> str:
    """A query or fragment decoded once more where it was encoded twice (`%252B` is `%2B`,
    the `+` of a country code)."""
    return urllib.parse.unquote(part) if "%25" in part else part


def _decoded(part: str) -> str:
    """A query or fragment as a browser's form reads it: `+` a space, `%2B` a `+`, and
    encoded twice decoded twice."""
    return urllib.parse.unquote_plus(_once_more(part))


_HANDLE_IN_LINK = re.compile(r"/(@[\w.]{0,29}\w)")
"""An account in a link's path (`tiktok.com/@fatmademir58`, `medium.com/@...`)."""


_DATE_IN_LINK = re.compile(
    r"(?<!\d)(?:(\d{1,2})[-_./](\d{1,2})[-_./](\d{4})|(\d{4})[-_./](\d{1,2})[-_./](\d{1,2})"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(19\d\d)|(19\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?!\d)"
)
"""A full date in a link: with separators, or eight digits of a day, a month and a year of
the last century (`/19580604`, `?geb=04061958`)."""
_SECRET_IN_LINK = re.compile(
    r"[?&;#](?:password|passwd|pwd|pw|pass|wachtwoord|pin|pincode|token|access_token|api_?key"
    r"|secret|session(?:id)?|sid|auth|username|uname|login|inlognaam|gebruikersnaam)"
    r"=(?!(?i:true|false|yes|no|ja|nee|on|off|0|1|reset|new|nieuw|vergeten|forgot)(?:[&#;\s]|$))"
    r"[^&#;\s]{1,500}",
    re.IGNORECASE,
)
"""A password, key or session in a link's query (`?password=Welkom01`): the way into
someone's account, like user info before the host."""
_OLDEST_WEB_YEAR = 1995
"""A full date in a link from before the web archives anything (`/bewoners/04-06-1958/`)
is a date of birth, not a publication date."""


def _birth_dates_in(address: str) -> Iterator[tuple[int, int]]:
    """Full dates of the last century in a link or a file name (see `_OLDEST_WEB_YEAR`)."""
    for match in _DATE_IN_LINK.finditer(address):
        year = next(group for group in match.groups()[2:] if group is not None)
        if int(year) < _OLDEST_WEB_YEAR:
            yield match.span()


_PUBLIC_RECORDS: tuple[str, ...] = ("overheid.nl", "rijksoverheid.nl", "officielebekendmakingen.nl")
_PUBLIC_RECORDS += ("tweedekamer.nl", "eerstekamer.nl", "rechtspraak.nl", "cbs.nl")
_PUBLIC_RECORDS += ("huurcommissie.nl",)
"""Hosts of public records whose links carry a law's version or a publication's date
(`wetten.overheid.nl/BWBR0005123/1992-01-01`), never someone's date of birth."""


def _host_and_path(address: str) -> tuple[str, str]:
    """A link's host without `www.` and its path, in lower case (also of a link written
    without its scheme; no parser that refuses a malformed host)."""
    host, _, path = address.split("://", 1)[-1].partition("/")
    return host.casefold().removeprefix("www."), "/" + path.casefold()


def _officials_page(address: str) -> bool:
    """Whether a link is to a government's page about its officials, which names them
    (`rijksoverheid.nl/regering/bewindspersonen/...`, `tweedekamer.nl/kamerleden...`)."""
    host, path = _host_and_path(address)
    return (host == "rijksoverheid.nl" and "/bewindspersonen/" in path) or (
        host in ("tweedekamer.nl", "eerstekamer.nl") and "/kamerleden" in path
    )


def _public_record(address: str) -> bool:
    """Whether a link is to a host of public records (`_PUBLIC_RECORDS`)."""
    host, _ = _host_and_path(address)
    return any(host == h or host.endswith("." + h) for h in _PUBLIC_RECORDS)


def _in_link(address: str) -> Iterator[tuple[str, int, int]]:
    """Phone numbers in chat links, dates of birth in a link's path or query, passwords and
    keys in its query, and a person's profile."""
    for match in patterns.CHAT_LINK.finditer(address):
        yield "telefoonnummer", match.start(1), match.end(1)
    for start, end in _birth_dates_in(address) if not _public_record(address) else ():
        yield "geboortedatum", start, end
    for match in _SECRET_IN_LINK.finditer(address):
        yield "inloggegevens", match.start() + 1, match.end()
    for match in _PROFILE_IN_LINK.finditer(address):
        yield "gebruikersnaam", match.start(1), match.end(1)


_PROFILE_IN_LINK = re.compile(r"linkedin\.com/in/([^/?#\s]{2,100})", re.IGNORECASE)
"""A person's own profile: LinkedIn's `/in/` holds people only (a body's page is under
`/company/` or `/school/`)."""


_AS_WORDS = re.compile(r"[-_./+=&?#%:;,~]")
_DIGITS = re.compile(r"\d")
"""Read as separators too when a link is read for names (one for one, so spans stay put)."""


def _in_url(raw: str, loc: Path_) -> Iterator[Finding]:
    """A link: its user info (`https://naam:wachtwoord@...`), and its path, query string and
    fragment, decoded (`?bsn=111222333`, `%40`, `/fatma-demir-1958`)."""
    link = raw.strip()
    parts = urlsplit(link)
    if "@" in parts.netloc:
        yield Finding("inloggegevens", link, link, loc, raw.find(link))
    readable = " ".join(
        (unquote(parts.path), unquote_plus(parts.query), unquote_plus(parts.fragment))
    )
    text = visible(re.sub(r"[=&/;#?]", " ", readable)).text
    numbers = set()
    for kind, start, end in patterns.found(text):
        numbers.add(re.sub(r"\D", "", text[start:end])[-9:])
        yield Finding(kind, text[start:end], text[start:end], loc)
    words = _DIGITS.sub(" ", _AS_WORDS.sub(" ", text))  # `fatma_demir85`: a name, a year
    # A page's address is named after its subject, as a file is
    # (`.../mohammed-al-khatib-63-vond-een-huis/`).
    for start, end in _names_in_words(words):
        yield Finding("naam", text[start:end], text[start:end], loc)
    decoded = unquote_plus(link)
    for kind, start, end in _addresses_in_path(decoded):
        value = decoded[start:end]
        if re.sub(r"\D", "", value)[-9:] not in numbers:  # not read in the query already
            yield Finding(kind, value, value, loc)
    for kind, start, end in _in_link(link):
        if link[start:end][-9:] not in numbers:  # not found again in the path's words
            yield Finding(kind, link[start:end], link[start:end], loc, raw.find(link) + start)


def _in_words(raw: str, loc: Path_) -> Iterator[Finding]:
    """A file name or slug, with its folders: `media/familie-bakker/jan-jansen-0612345678.jpg`
    reads `media familie bakker jan jansen 0612345678`."""
    for kind, start, end in _in_file_name(raw):
        yield Finding(kind, raw[start:end], raw[start:end], loc, start)


def _in_file_name(raw: str) -> Iterator[tuple[str, int, int]]:
    """`_in_words`' kinds, starts and ends in `raw`."""
    name = raw.rsplit("/", 1)[-1]
    stem = raw[: len(raw) - len(name)] + (name.rsplit(".", 1)[0] if "." in name else name)
    text = visible(_CAMEL.sub(" ", re.sub(r"[-_./]", " ", stem))).text
    spans = [
        (kind, start, end)
        for kind, start, end in patterns.found(text)
        if not (kind == "adres" and _YEAR_AT_END.search(text, start, end))
    ]  # `uitbouw-molenweg-2024.png`: a file is dated, a street named without its house
    spans.extend(("naam", a, b) for a, b in _names_in_words(text))
    spans.extend(
        ("adres", m.start(), m.end())
        for m in _STREET_AND_NUMBER.finditer(text)
        if not m.group(1).startswith(("19", "20")) or len(m.group(1)) < 4
    )  # `voordeur_molenstraat_7a`: a street's word and a house number, in lower case
    taken = patterns.Spans()
    for kind, start, end in spans:
        if not taken.free(start, end):
            continue
        taken.add(start, end)
        value = _from_words(raw, text[start:end])
        at = max(raw.find(value), 0)
        if kind == "adres" and _phase_or_range(raw, at, at + len(value)):
            continue
        yield kind, at, at + len(value)
    for start, end in _birth_dates_in(raw):  # `huurder-04-06-1958`, as in a link
        yield "geboortedatum", start, end
    for plate in _PLATE_IN_WORDS.finditer(raw):  # `busje-12-ghj-3-rijdt-rond`
        if patterns.plate_in_words(plate.group()):
            yield "kenteken", plate.start(), plate.end()


_STREET_AND_NUMBER = re.compile(
    rf"\b[^\W\d_]{{1,30}}(?:{patterns.STREET_ENDINGS}) (\d{{1,4}})(?: ?[a-z]{{1,3}})?\b(?! \d)"
)
_LOCAL_TARGET = re.compile(
    r"\]\(\s*<?([^\s()<>]{1,500})|\b(?:src|href)\s*=\s*[\"']([^\"'\s<>]{1,500})"
)
"""A Markdown link's or image's target, or an HTML `src` or `href`: a file of the site's
own (`foto/kees-vanthof.jpg`, `docs/brief_mieke_degraaf.pdf`) is named after its subject
as a media file is, and its name is published in the page."""


_PLATE_IN_WORDS = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9]{1,3}[-_][A-Za-z0-9]{1,3}[-_][A-Za-z0-9]{1,3}(?![A-Za-z0-9])"
)
"""Three groups of letters and digits in a file name or slug, where a licence plate's dashes
are the name's own separators."""


def _names_in_words(words: str) -> list[tuple[int, int]]:
    """Names in a file name or address read as words; also a first name alone, when it is
    hardly a Dutch word (`fatma-kreeg-een-woning`, `media/oksana.png`; not
    `roos-en-tulpen`): a file or page is named after its subject."""
    names = name_finder.name_words(words, single=False)
    names += [
        (a, b)
        for a, b in [
            *name_finder.rare_first_names(words),
            *name_finder.chinese_words(words),
            *name_finder.glued_names(words),
            *name_finder.names_before_streets(words),
        ]
        if not any(a < end and start < b for start, end in names)
    ]
    return names


_YEAR_AT_END = re.compile(r"\b(?:19[5-9]|20\d)\d$")
"""A year after a street in a file name or slug: when the picture was taken. A house number
that high is rare; a dated file name is not."""
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[a-zß-ÿ]{4})(?=\d)")
"""Where a word in camel case turns (`FatmaDemir`), or a word runs on into its number
(`lindelaan14b`): a separator to read it by."""


def _from_words(raw: str, found: str) -> str:
    """The part of a file name that reads `found` once separators are spaces."""
    pattern = r"[-_. ]*".join(re.escape(w) for w in found.split())
    match = re.search(pattern, raw, re.IGNORECASE)
    return match.group(0) if match else found


def _in_contact_email(raw: str, loc: Path_) -> Iterator[Finding]:
    address = raw.strip()
    local, _, domain = address.rpartition("@")
    personal = name_finder.personal_local_part(local) or name_finder.personal_domain(domain)
    if domain.lower() in _FREE_MAIL or personal:
        yield Finding("e-mailadres", address, address, loc, raw.find(address), _CONTACT_HINT)


def _in_contact_phone(raw: str, loc: Path_) -> Iterator[Finding]:
    """Every mobile number in a contact's phone field (an organisation's own number, fixed
    or for services, is what the field is for)."""
    shown = visible(raw)
    for match in phonenumbers.PhoneNumberMatcher(
        shown.text, "NL", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        if _mobile(match.number):
            yield _finding("telefoonnummer", shown, match.start, match.end, loc, _CONTACT_HINT)


def _mobile(number: phonenumbers.PhoneNumber) -> bool:
    """A mobile number: as phonenumbers types it, or any Dutch 06 number (its tables leave
    ranges out that are not handed out yet, `06-98765432`; to a reader it is a mobile
    number all the same)."""
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        return True
    national = str(number.national_number)
    return number.country_code == 31 and len(national) == 9 and national.startswith("6")


# --- allowances and positions ------------------------------------------------------------


def _allowance_entries(data: Any) -> list[tuple[str, str, str]]:
    """`privacy.uitzonderingen` as (kind, value, reason), the well-formed entries only
    (validation reports the others)."""
    privacy = data.get("privacy") if isinstance(data, dict) else None
    entries = privacy.get("uitzonderingen") if isinstance(privacy, dict) else None
    return [
        (entry["soort"], entry["waarde"], entry["reden"])
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
        and all(isinstance(entry.get(k), str) for k in ("soort", "waarde", "reden"))
    ]


def _allowances(data: Any) -> dict[tuple[str, str], str]:
    """The allowances by kind and value as a reader sees it, separators aside."""
    return {
        (kind, _compact(visible(value).text)): reason
        for kind, value, reason in _allowance_entries(data)
    }


def _allowed_phrases(data: Any) -> list[tuple[str, str, str]]:
    """The allowances as written (kind, value in lower case, reason)."""
    return [
        (kind, value.strip().lower(), reason)
        for kind, value, reason in _allowance_entries(data)
        if value.strip()
    ]


def _inside_allowed(
    document: Document, finding: Finding, phrases: list[tuple[str, str, str]]
) -> str | None:
    """The reason of an allowance whose value, written in the same field, holds this finding
    (`Stichting Fatma Demir` allowed: its `Fatma Demir` is allowed there, and only there)."""
    node = document.node_at(finding.loc) if finding.loc else None
    value = getattr(node, "value", None)
    if not isinstance(value, str):
        return None
    low = value.lower()
    if len(low) != len(value):
        return None  # a letter whose lower case is longer: no offsets to compare
    end = finding.start + len(finding.value)
    for kind, phrase, reason in phrases:
        if kind != finding.kind or len(phrase) <= len(finding.value):
            continue
        at = low.find(phrase)
        while at >= 0:
            if at <= finding.start and end <= at + len(phrase):
                return reason
            at = low.find(phrase, at + 1)
    return None


def _compact(value: str) -> str:
    """A value without its separators, lower case: `06-12 34` is `061234`."""
    return re.sub(r"[\s.\-()]", "", value).casefold()


def _position(
    document: Document,
    lines: list[str],
    finding: Finding,
    resume: dict[Path_, tuple[int, int]],
) -> tuple[int, int]:
    """Line and column of the finding in the file. Where the value is written on one line
    (or as a `|` block), its place follows from its offset in the value; otherwise its text
    is searched in the source from the field's line on (from just after the field's previous
    finding, so a value written four times is placed four times). A value the source does
    not hold as such (decoded from a link) is placed at its field."""
    if not finding.loc:
        return 1, 1
    if finding.in_key:
        line, column = document.mark(finding.loc, key=True)
        written = lines[line - 1] if line <= len(lines) else ""
        at = written.find(finding.value, column - 1)
        return (line, at + 1) if at >= 0 else (line, column)
    line, column = document.mark(finding.loc)
    exact = _exact_position(document, lines, finding)
    if exact is not None:
        return exact
    needle = finding.value.split("\n", 1)[0].strip() or finding.value.strip()
    if not lines or not needle:
        return line, column
    first_line, first_column = resume.get(finding.loc, (line - 1, 0))
    # A value the file writes otherwise after its first letters (`06-12\u00AD345678` in
    # quotes, `06-1234&shy;5678`) is placed where those letters are.
    plain = _PLAIN_START.match(needle).group()  # type: ignore[union-attr]
    # A value split over a line break of a plain or folded scalar (`Yonas` / `Tesfamariam`),
    # or written with an escape (`fatma.demir\x40gmail.com`), is placed where its longest
    # first part up to a space or a mark stands.
    parts = [needle[: m.start()] for m in _PART_END.finditer(needle, 4)][::-1][:8]
    tried = [needle, plain] if len(plain) >= 4 and plain != needle else [needle]
    for written in dict.fromkeys(tried + [part for part in parts if len(part) >= 4]):
        starts = ((first_line, first_column), (line - 1, 0))
        for start_line, start_column in dict.fromkeys(starts):
            for number in range(start_line, len(lines)):
                index = lines[number].find(written, start_column if number == start_line else 0)
                if index >= 0:
                    resume[finding.loc] = (number, index + len(written))
                    return number + 1, index + 1
                if number > line - 1 and lines[number] and not lines[number][0].isspace():
                    break  # the next top-level field
    return line, column


_PLAIN_START = re.compile(r"[0-9A-Za-z .,:@+/-]*")
_PART_END = re.compile(r"[\s.,;:@/-]")


def _exact_position(
    document: Document, lines: list[str], finding: Finding
) -> tuple[int, int] | None:
    node = document.node_at(finding.loc)
    value = getattr(node, "value", None)
    if not isinstance(node, yaml.ScalarNode) or not isinstance(value, str) or not lines:
        return None
    start_line, start_column = node.start_mark.line, node.start_mark.column
    if node.style == "|":
        breaks = _line_breaks(value)
        before = bisect.bisect_left(breaks, finding.start)
        number = start_line + 1 + before
        if number >= len(lines):
            return None
        indent = _INDENT.match(lines[number]).end()  # type: ignore[union-attr]
        column = indent + finding.start - (breaks[before - 1] + 1 if before else 0)
    elif node.end_mark.line == start_line:
        number = start_line
        column = start_column + (1 if node.style in ("'", '"') else 0) + finding.start
    else:
        return None
    if number < len(lines) and lines[number][column : column + len(finding.value)] == finding.value:
        return number + 1, column + 1
    return None


_INDENT = re.compile(" *")


@functools.lru_cache(maxsize=4)
def _line_breaks(value: str) -> list[int]:
    """Where each line break of a value stands: a finding's line is a look-up, not a count
    from the value's start (a text with 25,000 findings would be read 25,000 times)."""
    return [match.start() for match in re.finditer("\n", value)]
