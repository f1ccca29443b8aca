"""Lists an author did not mean: a wrapped line that happens to start like a list item.

In a text written with `|`, every line of the file is a line of the text. CommonMark lets
a bullet list (`- `, `+ `, `* `) or a list numbered from 1 (`1. `, `1) `) start in the
middle of a paragraph, without a blank line before it. So a sentence wrapped by hand as
`... meer dan zeven jaar` / `- veel te lang voor een gezin` becomes a bullet list on the
site, and the `+` of `+ servicekosten` disappears. CommonMark is right, and an author who
writes `De aanpak:` followed by a list means one; the author who did not gets a warning
(`check` still passes): the line, and how to write it either way.

The parser decides (markdown-it-py, as the site renders: `author_text`), so only lines
that really start a list are named; a list after a line ending in `:`, after a blank line
or inside another list is meant.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from generator.contract.problems import field_name
from generator.reading import author_text, text_rules
from generator.reading.loading import Document

_LIST_LINE = re.compile(r"\n[ \t]{0,3}(?:>[ \t]?){0,16}[ \t]{0,3}(?:[-+*]|0{0,8}1[.)])(?:[ \t]|$)")
"""A line that could start a list. Starts with the line break, which the engine skips to:
a pattern that starts with the line before (a line with text, then its break) is tried again from
every character of a long line, quadratic in its length."""
_LISTS = ("bullet_list_open", "ordered_list_open")
_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")


def notes(document: Document) -> list[str]:
    """A warning for every line of a Markdown field written with `|` that starts a list
    in the middle of a paragraph whose line before does not end in `:`."""
    found: list[str] = []
    for loc, text in text_rules.markdown_strings(document.data):
        if not _maybe_list(text) or not document.is_literal(loc):
            continue
        for offset, marker in list_starts(text):
            problem = document.problem_at_line(loc, offset, "")
            found.append(
                f"{problem.path}:{problem.line}:{problem.column}: waarschuwing: "
                f"'{field_name(loc)}': {message(marker)}"
            )
    return found


def _maybe_list(text: str) -> bool:
    """Whether a line could start a list right after a line with text (most texts have
    none, and are not parsed again). Each line before a candidate is read once."""
    for match in _LIST_LINE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not text[line_start : match.start()].isspace() and line_start < match.start():
            return True
    return False


def message(marker: str) -> str:
    return (
        f"deze regel begint met '{marker}' en wordt op de site een opsomming, midden in de "
        f"alinea. Geen opsomming bedoeld? Zet '{marker}' achteraan de regel erboven. Wel "
        "een opsomming? Zet er een lege regel boven, of eindig de regel erboven met een "
        "dubbele punt."
    )


def list_starts(markdown: str) -> list[tuple[int, str]]:
    """The lines (from 0) where a list interrupts a paragraph unannounced, with the list's
    marker as written (`- `, `1. `)."""
    lines = markdown.split("\n")
    starts: list[tuple[int, str]] = []
    depth = 0
    tokens = author_text.block_tokens(markdown)
    for i, token in enumerate(tokens):
        if token.type in _LISTS:
            before = tokens[i - 1] if i else None
            if (
                depth == 0
                and before is not None
                and before.type == "paragraph_close"
                and token.map is not None
                and token.map[0] >= 1
                and _paragraph_end(tokens, i - 1) == token.map[0]
                and not _announces(lines[token.map[0] - 1])
            ):
                line = token.map[0]
                marker = _MARKER.match(lines[line].lstrip())
                starts.append((line, f"{marker[0] if marker else token.markup} "))
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
    return starts


def _announces(line: str) -> bool:
    """Whether a line introduces a list: it ends with a colon, also inside emphasis
    (`**Stappen:**`, `*De stappen:*`) or a quote's marker."""
    return line.rstrip().rstrip("*_").rstrip().endswith(":")


def _paragraph_end(tokens: list[Token], close: int) -> int | None:
    """The line after the paragraph that closes at `close` (its `map` is on the open)."""
    for token in reversed(tokens[:close]):
        if token.type == "paragraph_open":
            return token.map[1] if token.map else None
    return None
