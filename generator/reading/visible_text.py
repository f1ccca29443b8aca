"""The text a reader sees in a value, made once, with the way back to where it was written.

A value can show a reader more than its characters say, and less: `&#48;6` shows `06`,
`06\\-12` shows `06-12`, `06-**12345678**` shows `06-12345678`, and a soft hyphen (U+00AD,
what Word's optional hyphen becomes when pasted), a zero-width space or a word joiner
(`&shy;`, `&#8203;`, `&#x2060;`) shows nothing at all, so `06­12345678` reads as one number
although its characters are two. Every rule that judges what a reader reads (the
personal-data scan, the character rules, the link rules) reads `visible(value)`:

1. HTML entities decoded (in every field: an export or a feed reader may decode them too);
   in Markdown also backslash escapes, and the emphasis and code markers (`*`, `` ` ``, a
   `_` that is not inside a word) dropped;
2. default-ignorable code points removed (Unicode's Default_Ignorable_Code_Point, through the
   `regex` package's `\\p{DI}`: soft hyphen, zero-width characters, word joiner, bidi
   controls, variation selectors, tag characters, Hangul fillers ...);
3. Unicode NFKC (full-width digits and `＠` become ASCII, a no-break space a space, `ĳ` `ij`),
   and dashes and typographic quotes folded to `-`, `'` and `"`;
4. every run of white space, line breaks included, one space.

`Visible.raw_span` maps a stretch of the visible text back to the value as written (and so,
through the YAML node, to file, line and column). Text that needs none of this (most of it)
is its own visible text, checked by one regular expression.
"""

from __future__ import annotations

import bisect
import functools
import html
import unicodedata
from dataclasses import dataclass, field

import regex

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD = str.maketrans(
    {**{c: "-" for c in _DASHES}, **dict.fromkeys("‘’‚‛′", "'"), **dict.fromkeys("“”„‟″", '"')}
)
_ENTITY = r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# What may change: an entity, white space other than one plain space, any non-ASCII
# character (NFKC, default-ignorables, dashes); in Markdown also escapes and markers.
_PLAIN_SPECIAL = regex.compile(rf"{_ENTITY}|\s+|[^\x00-\x7f]", regex.VERSION0)
_MARKDOWN_SPECIAL = regex.compile(
    rf"{_ENTITY}|\\[!-/:-@\[-`{{-~\n]|[*`]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|\s+|[^\x00-\x7f]",
    regex.VERSION0,
)
_NEEDS_WORK_PLAIN = regex.compile(r"&|\s\s|[\t\n\r\f\v]|[^\x00-\x7f]")
_NEEDS_WORK_MARKDOWN = regex.compile(r"[&\\*`_]|\s\s|[\t\n\r\f\v]|[^\x00-\x7f]")
_IGNORABLE = regex.compile(r"\p{DI}")
IGNORABLE_INSIDE = regex.compile(r"(?<=[\p{L}\p{N}](?<!\p{DI}))\p{DI}+(?=[\p{L}\p{N}](?<!\p{DI}))")
"""Default-ignorable characters between two letters or digits: what splits a word or a
number that a reader sees whole (`text_rules` refuses them)."""


@dataclass(frozen=True)
class Visible:
    """A value's visible text. `starts[i]` is where piece `i` begins in `text`, `raws[i]`
    where it came from in the value, `copied[i]` whether it was copied as written (then
    every character maps one to one) or made from a stretch (an entity, a run of spaces)."""

    raw: str
    text: str
    starts: list[int] = field(default_factory=list)
    raws: list[int] = field(default_factory=list)
    copied: list[bool] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    """Where each piece's source ends in the value."""

    def raw_index(self, index: int) -> int:
        """Where the character at `index` of the text was written in the value."""
        if not self.starts:
            return index
        i = max(bisect.bisect_right(self.starts, index) - 1, 0)
        if self.copied[i]:
            return self.raws[i] + (index - self.starts[i])
        return self.raws[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the value that shows as `text[start:end]`."""
        if not self.starts:
            return start, end
        last = end - 1
        i = max(bisect.bisect_right(self.starts, last) - 1, 0)
        stop = self.raws[i] + (last - self.starts[i]) + 1 if self.copied[i] else self.ends[i]
        return self.raw_index(start), stop

    def original(self, start: int, end: int) -> str:
        """The value as written for `text[start:end]`."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


def visible(raw: str, markdown: bool = False) -> Visible:
    """The visible text of a value (see the module's docstring)."""
    needs = _NEEDS_WORK_MARKDOWN if markdown else _NEEDS_WORK_PLAIN
    if needs.search(raw) is None:
        return Visible(raw, raw)
    return _made(raw, markdown)


@functools.lru_cache(maxsize=8192)
def _made(raw: str, markdown: bool) -> Visible:
    out: list[str] = []
    starts: list[int] = []
    raws: list[int] = []
    copied: list[bool] = []
    ends: list[int] = []
    length = 0

    def emit(piece: str, raw_start: int, raw_end: int, as_written: bool) -> None:
        nonlocal length
        if not piece:
            return
        if piece[0] == " " and (length == 0 or out[-1].endswith(" ")):
            piece = piece[1:]
            raw_start += 1
            if not piece:
                return
        if not as_written and len(piece) == 1 and _COMBINING(piece) and out:
            # a combining mark joins the letter before it (`e` + U+0301 is `é`)
            joined = unicodedata.normalize("NFC", out[-1][-1] + piece)
            if len(joined) == 1:
                out[-1] = out[-1][:-1] + joined
                return
        starts.append(length)
        raws.append(raw_start)
        copied.append(as_written)
        ends.append(raw_end)
        out.append(piece)
        length += len(piece)

    pattern = _MARKDOWN_SPECIAL if markdown else _PLAIN_SPECIAL
    position = 0
    for match in pattern.finditer(raw):
        start, end = match.span()
        if start > position:
            emit(raw[position:start], position, start, True)
        position = end
        emit(_replacement(match.group(0)), start, end, False)
    if position < len(raw):
        emit(raw[position:], position, len(raw), True)
    return Visible(raw, "".join(out), starts, raws, copied, ends)


def _replacement(token: str) -> str:
    first = token[0]
    if first == "&":
        decoded = html.unescape(token)
        return _clean(decoded) if decoded != token else token
    if first == "\\":
        return " " if token[1] == "\n" else token[1]
    if first in "*`_":
        return ""
    if token.isspace():
        return " "
    return _clean(token)


def _clean(text: str) -> str:
    text = _IGNORABLE.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    if any(c.isspace() for c in text):
        text = " ".join(text.split()) or " "
        if not text.strip():
            return " "
    return text


def _COMBINING(char: str) -> bool:  # noqa: N802 - reads as a predicate
    return unicodedata.combining(char) != 0
