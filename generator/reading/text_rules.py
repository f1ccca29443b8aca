"""Characters that do not belong in authors' text, and what an author's Markdown may do.

Control characters make the feed invalid XML and are invisible in every editor; bidi
override and isolate characters make a title read differently from what it says (the
"Trojan Source" trick); zero-width characters let an empty title pass the length rules.
None of them has a use in a case story, so each is an error that names the field and the
character, at its line and column. Sources: Unicode's general categories (Cc, Cf), UAX #9
for the bidi controls, XML 1.0 §2.2 for the characters a feed cannot hold.

Markdown fields get two more rules here, so that a case that passes `check` builds: a
bounded nesting depth (`author_text.MAX_DEPTH`), and links and images the site can keep
(`link_problems`, run with the other rules between files, since it needs the case list).
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel

from generator.contract import model
from generator.contract.problems import MAX_PER_FILE, Problem, field_name, more
from generator.reading import author_text
from generator.reading.visible_text import IGNORABLE, IGNORABLE_INSIDE

if TYPE_CHECKING:  # loading calls `source_problems`, so no import of it at run time
    from generator.reading.loading import Document

Path_ = tuple[str | int, ...]

_NAMES = {
    0x00: "nul-teken",
    0x07: "belsignaal",
    0x08: "backspace",
    0x0B: "verticale tab",
    0x0C: "pagina-einde",
    0x0D: "regelterugloop",
    0xAD: "zachte afbreekstreep",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "volgende regel",
    0x200B: "spatie zonder breedte",
    0x2028: "regelscheiding",
    0x2029: "alineascheiding",
    0x202A: "links-naar-rechts-inbedding",
    0x202B: "rechts-naar-links-inbedding",
    0x202C: "einde van richting-opmaak",
    0x202D: "links-naar-rechts-override",
    0x202E: "rechts-naar-links-override",
    0x2060: "woordverbinder",
    0x200C: "verbinding verbreken zonder breedte",
    0x200D: "verbinding zonder breedte",
    0x2066: "links-naar-rechts-isolatie",
    0x2067: "rechts-naar-links-isolatie",
    0x2068: "eerste-sterke-isolatie",
    0x2069: "einde van richting-isolatie",
    0xFEFF: "spatie zonder breedte (BOM)",
    0xFFFE: "geen teken",
    0xFFFF: "geen teken",
}


def forbidden(char: str) -> bool:
    """C0 and C1 controls (but tab and newline), bidi embeddings, overrides and isolates,
    line and paragraph separators, and the zero-width space, word joiner and BOM."""
    return _FORBIDDEN.match(char) is not None


_OTHER_FORBIDDEN = r"\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff"
_FORBIDDEN = re.compile(rf"[\x00-\x08\x0b-\x1f{_OTHER_FORBIDDEN}]")
"""The characters of `_NAMES` and every other C0 and C1 control but tab and newline: one
regex, so the common case (none at all) costs one scan in C per text."""
_FORBIDDEN_IN_SOURCE = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHER_FORBIDDEN}]|\r(?!\n)")
"""The same in the file's own text, where a carriage return ending a line (Windows) is fine."""
_VISIBLE_ASCII = re.compile("[!-~]")


def describe(char: str) -> str:
    """`U+000C (pagina-einde)`: how a message names an invisible character."""
    code = ord(char)
    name = _NAMES.get(code, "stuurteken")
    return f"U+{code:04X} ({name})"


def source_problems(text: str, display: str) -> list[Problem]:
    """Forbidden characters typed or pasted into the file itself, each at its line and
    column (libyaml refuses most of them with a position but no word of which one). The
    first `MAX_PER_FILE` are listed, then how many more there are: a file can hold one
    on each of its 256 KiB."""
    problems: list[Problem] = []
    if _surely_clean(text):
        return problems
    found = [
        match.start()
        for match in _FORBIDDEN_IN_SOURCE.finditer(text)
        if match.end() < len(text) or match[0] != "\r"  # a last line may end in `\r`
    ]
    if not found:
        return problems
    lines = [0] + [match.end() for match in _NEWLINE.finditer(text)]
    fields = [(match.start(), match[1]) for match in _TOP_KEY.finditer(text)]
    field_starts = [start for start, _ in fields]
    for at in found[:MAX_PER_FILE]:
        number = bisect.bisect_right(lines, at)
        column = at - lines[number - 1] + 1
        above = bisect.bisect_right(field_starts, at)
        where = f"'{fields[above - 1][1]}': " if above else ""
        problems.append(
            Problem(
                display,
                number,
                column,
                f"{where}teken {describe(text[at])} hoort niet in een case-bestand: het is "
                "onzichtbaar en kan de site breken; verwijder het",
            )
        )
    if len(found) > MAX_PER_FILE:
        at = found[MAX_PER_FILE]
        number = bisect.bisect_right(lines, at)
        problems.append(
            more(display, number, at - lines[number - 1] + 1, len(found) - MAX_PER_FILE)
        )
    return problems


_IGNORABLE_FORBIDDEN = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
"""The forbidden characters that are default-ignorable and that YAML reads: a file with
them is parsed (and scanned) all the same, its problems listed with the scan's."""


def only_ignorable(text: str) -> bool:
    """Whether every forbidden character in a file's text is one of `_IGNORABLE_FORBIDDEN`."""
    return all(
        _IGNORABLE_FORBIDDEN.match(match[0]) or (match[0] == "\r" and match.end() == len(text))
        for match in _FORBIDDEN_IN_SOURCE.finditer(text)
    )


_LATIN_FORBIDDEN = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def _surely_clean(text: str) -> bool:
    """Whether a file's text has none of `_FORBIDDEN_IN_SOURCE`, tested in C without a
    pattern for the common file (every character Latin-1, line ends `\n` or `\r\n`): the
    text as Latin-1 bytes loses nothing when its forbidden bytes are deleted. Any other
    file is left to the pattern."""
    data = text.encode("latin-1", "replace")
    if data.count(b"?") != text.count("?"):
        return False  # characters beyond Latin-1: some are forbidden (`U+200B`, ...)
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return False
    return len(data.translate(None, _LATIN_FORBIDDEN)) == len(data)


_NEWLINE = re.compile("\n")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)
"""A field at the top of the file: the YAML is not read yet (it cannot be, with these
characters in it), so the field a line belongs to is the last one that started above it."""


def value_problems(document: Document) -> list[Problem]:
    """Every text value of the file: forbidden characters (written as YAML escapes such as
    `"\\f"`), text that is empty once invisible characters are gone, and Markdown nested
    deeper than the site renders."""
    problems: list[Problem] = []
    markdown = markdown_fields()
    markdown_names = _markdown_names()
    # Typed ones stopped the file in `source_problems`; escapes need a backslash.
    escapes = "\\" in document.source or not document.source
    for loc, text in _strings(document.data, ()):
        found = _FORBIDDEN.search(text) if escapes else None
        if found is not None:
            bad, name = found[0], field_name(loc)
            problems.append(
                document.problem(
                    loc, f"'{name}': teken {describe(bad)} hoort niet in tekst; verwijder het"
                )
            )
        elif text and not _VISIBLE_ASCII.search(text) and not visible(text):
            name = field_name(loc)
            problems.append(
                document.problem(
                    loc,
                    f"'{name}': bevat alleen onzichtbare tekens; vul een waarde in of "
                    "verwijder het veld",
                )
            )
        elif hidden := _hidden_inside(text):
            written: dict[str | None, int] = {}
            for char in hidden:  # each one, at its own place (`162⁠275⁠869` has two)
                form = _written_as(document.source, text, char)
                problems.append(
                    document.problem_at_text(
                        loc,
                        form,
                        f"'{field_name(loc)}': onzichtbaar teken {describe(char)} midden in "
                        "een woord of getal (de lezer ziet het niet, maar het knipt wat er "
                        "staat in stukken); verwijder het",
                        written.get(form, 0),
                    )
                )
                written[form] = written.get(form, 0) + 1
        elif not text.isascii() and (mixed := _MIXED_SCRIPTS.search(text)) is not None:
            problems.append(
                document.problem_at_text(
                    loc,
                    mixed[0] if mixed[0] in document.source else None,
                    f"'{field_name(loc)}': een woord mengt gewone letters met Cyrillische of "
                    "Griekse die er net zo uitzien (zo leest een naam als iets anders); typ "
                    "het woord opnieuw",
                )
            )
        elif loc[-1] in markdown_names and _generic(loc) in markdown and author_text.too_deep(text):
            name = field_name(loc)
            problems.append(
                document.problem(
                    loc,
                    f"'{name}': de tekst is te diep genest (lijsten of citaten in elkaar); "
                    "maak de opbouw platter",
                )
            )
    return problems


_MIXED_SCRIPTS = re.compile(
    r"\b(?=[^\W\d_]*[A-Za-z])(?=[^\W\d_]*[\u0370-\u03ff\u0400-\u052f])[^\W\d_]+"
)
"""A word of Latin letters and Cyrillic or Greek ones (`Fаtmа` with a Cyrillic `а`): no
Dutch word is written so, and a reader sees a name the scan's lists do not hold."""


def _hidden_inside(text: str) -> list[str]:
    """Each default-ignorable character (soft hyphen, zero-width space, word joiner, ...)
    between two letters or digits, typed or written as an entity (`&shy;`, `&#8203;`), in
    order. The personal-data scan reads past it (`visible_text`); this
    rule keeps it off the site, where it would hide a split value from other readers."""
    if text.isascii() and "&" not in text:
        return []
    shown = html.unescape(text) if "&" in text else text
    if shown.isascii() or IGNORABLE.search(shown) is None:
        return []  # (one character class first: most text has none at all)
    return [char for found in IGNORABLE_INSIDE.finditer(shown) for char in found[0]]


def _written_as(source: str, text: str, char: str) -> str | None:
    r"""How the file writes `char` of the value `text`: typed, as a YAML escape in quotes
    (`\u00AD`), or as an HTML entity in the text (`&shy;`, `&shy`, `&#8203;`,
    `&InvisibleTimes;`); None when none of these is found."""
    if char in text:
        code = ord(char)
        escapes = [f"\\u{code:04X}", f"\\u{code:04x}", f"\\U{code:08X}", f"\\U{code:08x}"]
        if code < 0x100:
            escapes += [f"\\x{code:02X}", f"\\x{code:02x}"]
        return next((form for form in [char, *escapes] if form in source), None)
    return _entity_of(text, char)


def _entity_of(text: str, char: str) -> str | None:
    """The first entity in `text` that a browser reads as `char`: the shortest text from an
    `&` that `html.unescape` turns into it (HTML takes some names without their `;`)."""
    at = text.find("&")
    while at >= 0:
        for end in range(at + 3, min(len(text), at + _LONGEST_ENTITY) + 1):
            if html.unescape(text[at:end]) == char:
                return text[at:end]
        at = text.find("&", at + 1)
    return None


_LONGEST_ENTITY = 34
"""`&CounterClockwiseContourIntegral;`, HTML's longest entity name, with `&` and `;`."""


def markup_problems(document: Document) -> list[Problem]:
    """Markdown with more lines and markup characters than `author_text.MAX_MARKUP`, all
    fields together: said at the field where the count passes the bound, before any of
    it is parsed."""
    markdown, names = markdown_fields(), _markdown_names()
    total = 0
    for loc, text in _strings(document.data, ()):
        if loc[-1] in names and _generic(loc) in markdown:
            total += author_text.markup(text)
            if total > author_text.MAX_MARKUP:
                limit = f"{author_text.MAX_MARKUP:,}".replace(",", ".")
                return [
                    document.problem(
                        loc,
                        f"'{field_name(loc)}': te veel regels en opmaak in de teksten van deze "
                        f"case (samen meer dan {limit} regels en tekens als [ ] * _ # `); "
                        "maak de teksten korter of eenvoudiger",
                    )
                ]
    return []


def visible(text: str) -> str:
    """`text` without what shows as nothing: white space, format and control characters
    (zero-width, bidi), combining marks with no letter to sit on, and the characters that
    are drawn blank (Hangul fillers, braille blank and the like)."""
    return "".join(
        ch
        for ch in text
        if not ch.isspace()
        and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
        and ch not in _BLANK
    )


_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp"})
_BLANK = frozenset("\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")


def link_problems(document: Document, known_slugs: set[str], images: set[str]) -> list[Problem]:
    """Relative links in the Markdown fields that lead nowhere on the site. Only another
    case (`../<slug>/`) and a place on the page (`#...`) are pages the site has; anything
    else would be a dead link. A relative image must be one of the case's own `images`
    (anything else would be shown as a dead link). (Links to other schemes than http(s)
    and mailto, and images from elsewhere, are made harmless when the page is rendered:
    see `author_text`.)"""
    problems: list[Problem] = []
    markdown = markdown_fields()
    markdown_names = _markdown_names()
    for loc, text in _strings(document.data, ()):
        if loc[-1] not in markdown_names or _generic(loc) not in markdown:
            continue
        if not any(m in text for m in ("](", "]:", "][")):
            continue
        for kind, url, offset in author_text.links(text):
            shown = author_text.short(url)
            if kind == "image" and url.removeprefix("./") not in images and _relative(url):
                message = (
                    f"afbeelding '{shown}' staat niet bij de afbeeldingen van deze case: zet "
                    "hem in cases/media/ en noem hem onder 'afbeeldingen' (met alt-tekst)"
                )
            elif kind == "link" and not _leads_somewhere(url, known_slugs):
                message = (
                    f"link '{shown}' wijst niet naar een pagina van deze site: gebruik een "
                    "volledig webadres (https://...) of ../<case>/ voor een andere case"
                )
            else:
                continue
            problems.append(
                document.problem_at_line(loc, offset, f"'{field_name(loc)}': {message}")
            )
    return problems


def _relative(url: str) -> bool:
    return author_text.link_allowed(url) and not author_text.scheme(url)


@dataclass(frozen=True)
class CaseReference:
    """A place in a case's data that leads to another case: a Markdown link `../<slug>/`
    (`line`: the link's line within the text, from 0). A case may be published while one
    it refers to is not: the reference is then shown as text (`without_links_to`), and
    `check` says so at this place."""

    loc: Path_
    target: str
    line: int = 0


def case_references(data: Any) -> list[CaseReference]:
    """Every reference from a case's Markdown fields to another case, in file order."""
    markdown, names = markdown_fields(), _markdown_names()
    found: list[CaseReference] = []
    for loc, text in _strings(data, ()):
        if loc[-1] in names and "../" in text and _generic(loc) in markdown:
            for kind, url, line in author_text.links(text):
                target = author_text.case_link_target(url)
                if kind == "link" and target is not None:
                    found.append(CaseReference(loc, target, line))
    return found


def linked_cases(data: Any) -> set[str]:
    """The slugs of the cases a case's Markdown fields link to (`../<slug>/`)."""
    return {reference.target for reference in case_references(data)}


def without_links_to(data: Any, hidden: frozenset[str]) -> tuple[Any, list[Path_]]:
    """A copy of a case's data in which every link to a case in `hidden` is its text, and
    the places where that could not be done safely (`author_text.without_case_links`):
    the caller leaves such a case out. Only the texts that have such links are touched."""
    copy = copy_data(data)
    failed: list[Path_] = []
    for loc in dict.fromkeys(r.loc for r in case_references(data) if r.target in hidden):
        parent = copy
        for part in loc[:-1]:
            parent = parent[part]
        degraded = author_text.without_case_links(parent[loc[-1]], hidden)
        if degraded is None:
            failed.append(loc)
        else:
            parent[loc[-1]] = degraded
    return copy, failed


def copy_data(data: Any) -> Any:
    """A copy of YAML data (dicts, lists and plain values), without recursion."""
    if not isinstance(data, (dict, list)):
        return data
    root: Any = {} if isinstance(data, dict) else []
    stack: list[tuple[Any, Any]] = [(data, root)]
    while stack:
        source, target = stack.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in items:
            if isinstance(value, (dict, list)):
                inner: Any = {} if isinstance(value, dict) else []
                stack.append((value, inner))
                value = inner
            if isinstance(target, dict):
                target[key] = value
            else:
                target.append(value)
    return root


def unpublished_link_notices(
    document: Document, about: dict[str, tuple[str, str]]
) -> list[Problem]:
    """At each link from a published case to a case in `about` (`{slug: (level, what
    happens to the link)}`), a notice of that level: a link to a case not published on
    the build's date is shown as text (a warning), one to a case that comes or goes
    within `publication.LOOK_AHEAD` days will change (a note)."""
    notices: list[Problem] = []
    for reference in case_references(document.data):
        if reference.target not in about:
            continue
        level, what = about[reference.target]
        problem = document.problem_at_line(
            reference.loc,
            reference.line,
            f"'{field_name(reference.loc)}': link naar case '{reference.target}' {what}",
        )
        notices.append(replace(problem, level=level))
    return notices


def markdown_strings(data: Any) -> list[tuple[Path_, str]]:
    """Every value of a Markdown field in a case's data, with its place."""
    markdown, names = markdown_fields(), _markdown_names()
    return [
        (loc, text)
        for loc, text in _strings(data, ())
        if loc and loc[-1] in names and _generic(loc) in markdown
    ]


def _leads_somewhere(url: str, known_slugs: set[str]) -> bool:
    """Whether a link leads to a page of the site, or is shown as text. A link to a case
    (`../<slug>/`) always does: to a case that is published it is a link, to one that
    does not exist (deleted, misspelt) or is not published it is shown as text with a
    warning (`unpublished_link_notices`), so that removing one story never withdraws the
    stories that link to it."""
    if not author_text.link_allowed(url) or author_text.scheme(url) or url.startswith("#"):
        return True  # other hosts, or made plain text when rendered
    target = author_text.case_link_target(url)
    if target is None:
        return False
    return target in known_slugs or CASE_SHAPED.fullmatch(target) is not None


CASE_SHAPED = re.compile(r"[a-z0-9][a-z0-9-]*")
"""What a link target must look like to be taken for a case that may come or go."""


@functools.cache
def _markdown_names() -> frozenset[str | int]:
    return frozenset(path[-1] for path in markdown_fields())


@functools.cache
def markdown_fields() -> frozenset[tuple[str, ...]]:
    """Paths of the model's Markdown fields, list positions as `*` (from the model, so a new
    Markdown field is checked without a word here)."""
    return _markdown_fields(model.Case, ())


def _markdown_fields(cls: type[BaseModel], prefix: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for name, info in cls.model_fields.items():
        path = (*prefix, name)
        if model.is_markdown(info):
            found.add(path)
        for inner, listed in _models_in(info.annotation, False):
            found |= _markdown_fields(inner, (*path, "*") if listed else path)
    return frozenset(found)


def _models_in(annotation: Any, listed: bool) -> Iterator[tuple[type[BaseModel], bool]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, listed
        return
    origin = getattr(annotation, "__origin__", None)
    for arg in get_args(annotation):
        yield from _models_in(arg, listed or origin is list)


def _generic(loc: Path_) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in loc)


_last_read: tuple[Any, list[tuple[Path_, str]]] | None = None
"""The strings of the data read last: each file's are asked for by five rules in turn."""


def _strings(data: Any, loc: Path_) -> list[tuple[Path_, str]]:
    """Every string in a case's data with its place, depth first in file order (a loop, not
    recursion: it runs over every value of every file). Not to be changed by the caller."""
    global _last_read
    if _last_read is not None and _last_read[0] is data and not loc:
        return _last_read[1]
    found: list[tuple[Path_, str]] = []
    stack: list[tuple[Path_, Any]] = [(loc, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            found.append((here, value))
        elif isinstance(value, dict):
            stack.extend((((*here, k), v) for k, v in reversed(value.items())))
        elif isinstance(value, list):
            stack.extend((((*here, i), v) for i, v in reversed(list(enumerate(value)))))
    if not loc:
        _last_read = (data, found)
    return found
