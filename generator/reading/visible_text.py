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
   controls, variation selectors, tag characters, Hangul fillers ...), and the keycap's
   enclosing mark (U+20E3: a chat's `0️⃣6️⃣` shows the digits `06`);
3. Unicode NFKC (full-width digits and `＠` become ASCII, a no-break space a space, `ĳ` `ij`),
   and dashes and typographic quotes folded to `-`, `'` and `"`;
4. a word or number broken with a hyphen at a line's end joined (`Molen-` / `weg 8`);
5. every run of white space, line breaks included, one space.

`Visible.raw_span` maps a stretch of the visible text back to the value as written (and so,
through the YAML node, to file, line and column). Text that needs none of this (most of it)
is its own visible text, checked by one regular expression.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata

import regex

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD = str.maketrans(
    {**{c: "-" for c in _DASHES}, **dict.fromkeys("‘’‚‛′", "'"), **dict.fromkeys("“”„‟″", '"')}
)
_ENTITY = r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# What may change: an entity, white space other than one plain space, any non-ASCII
# character (NFKC, default-ignorables, dashes); in Markdown also escapes and markers.
_OTHER = r"\s+|[^\x00-\x7f][\u0300-\u036f]*"
"""White space, and a non-ASCII character with the combining marks after it (so NFKC
makes `e` + U+0301 one `é`: ASCII letters before a mark are taken along too)."""
# (Python's own `re`: it splits several times faster than `regex` here.)
_READ_THROUGH = r"(?<=\w)-\n\s*(?=\w)"
"""A word or number broken with a hyphen at a line's end (`Molen-` / `weg 8`, `12345678-` /
`2`): read whole. (HTML tags and comments are shown as written, so what they hold is
visible; the personal-data scan reads a value a second time without them.)"""
_PLAIN_SPLIT = re.compile(rf"({_ENTITY}|{_READ_THROUGH}|[A-Za-z][\u0300-\u036f]+|{_OTHER})")
_MARKDOWN_SPLIT = re.compile(
    rf"({_ENTITY}|{_READ_THROUGH}|\\[!-/:-@\[-`{{-~\n]|[*`]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
    rf"|[A-Za-z][\u0300-\u036f]+|{_OTHER})"
)
_NEEDS_WORK_PLAIN = re.compile("[&\t\n\r\f\v\x1c-\x1f\x80-\U0010ffff]")
_NEEDS_WORK_MARKDOWN = re.compile("[&\\\\*`_\t\n\r\f\v\x1c-\x1f\x80-\U0010ffff]")
"""One character class each (the engine skips to it): what may change besides runs of
plain spaces and spaces at the ends, which `visible` tests with string methods."""
KEYCAP = "\u20e3"
"""The mark that draws a key around the character before it (a digit's emoji)."""
IGNORABLE = regex.compile(r"\p{DI}")
"""A default-ignorable code point (Unicode's Default_Ignorable_Code_Point)."""
IGNORABLE_INSIDE = regex.compile(r"(?<=[\p{L}\p{N}](?<!\p{DI}))\p{DI}+(?=[\p{L}\p{N}](?<!\p{DI}))")
"""Default-ignorable characters between two letters or digits: what splits a word or a
number that a reader sees whole (`text_rules` refuses them)."""


class Visible:
    """A value's visible text, and the way back to the value as written.

    The text is made from the value's pieces (what the special-character pattern split it
    into: parts copied as written, and special tokens replaced) joined, with runs of spaces
    made one. The map back is made only when a finding asks for it (most values have none),
    from the same pieces, so text and map always agree."""

    def __init__(
        self,
        raw: str,
        text: str,
        parts: list[str] | None = None,
        shown: list[str] | None = None,
        joined: str = "",
        lazy: bool = False,
    ) -> None:
        self.raw = raw
        self.text = text
        self._lazy = lazy
        self._parts = parts
        """The value split: parts as written at even places, special tokens at odd ones."""
        self._shown = shown or []
        """The same, each special token replaced by what it shows."""
        self._joined = joined
        self._map: tuple[list[int], list[int], list[int], list[bool], list[int]] | None = None
        self._shifts: tuple[list[int], list[int]] | None = None

    def _split(self) -> None:
        """The pieces of a value that needed only its white space made one, made now."""
        if self._lazy and self._parts is None:
            parts = _PLAIN_SPLIT.split(self.raw)
            shown = parts[:]
            shown[1::2] = [" "] * (len(parts) // 2)
            self._parts, self._shown, self._joined = parts, shown, "".join(shown)

    def _pieces(self) -> tuple[list[int], list[int], list[int], list[bool], list[int]]:
        """Per piece: start in the joined text, start and end in the value, whether it was
        copied as written; and the joined text's length."""
        self._split()
        if self._map is None:
            starts: list[int] = []
            raws: list[int] = []
            ends: list[int] = []
            copied: list[bool] = []
            joined = raw_at = 0
            for i, part in enumerate(self._parts or ()):
                source_length = len(part)
                shown = self._shown[i]
                if shown:
                    starts.append(joined)
                    raws.append(raw_at)
                    ends.append(raw_at + source_length)
                    copied.append(i % 2 == 0)
                joined += len(shown)
                raw_at += source_length
            self._map = (starts, raws, ends, copied, [joined])
        return self._map

    def raw_index(self, index: int) -> int:
        """Where the character at `index` of the text was written in the value."""
        self._split()
        if self._parts is None:
            return index
        return self._raw_of_joined(self._joined_index(index))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the value that shows as `text[start:end]`."""
        self._split()
        if self._parts is None:
            return start, end
        last = self._joined_index(end - 1)
        starts, raws, ends, copied, _ = self._pieces()
        i = max(bisect.bisect_right(starts, last) - 1, 0)
        stop = raws[i] + (last - starts[i]) + 1 if copied[i] else ends[i]
        return self.raw_index(start), stop

    def original(self, start: int, end: int) -> str:
        """The value as written for `text[start:end]`."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]

    def _raw_of_joined(self, joined: int) -> int:
        starts, raws, _ends, copied, _ = self._pieces()
        i = max(bisect.bisect_right(starts, joined) - 1, 0)
        return raws[i] + (joined - starts[i]) if copied[i] else raws[i]

    def _joined_index(self, index: int) -> int:
        """The text's index in the joined pieces, before runs of spaces were made one."""
        if self._shifts is None:
            thresholds: list[int] = []
            shifts: list[int] = []
            removed = 0
            joined = self._joined
            if joined.startswith(" "):
                removed = len(joined) - len(joined.lstrip(" "))
                thresholds.append(0)
                shifts.append(removed)
            for match in _RUNS.finditer(joined, removed):
                gone = match.end() - match.start() - 1
                if gone:
                    removed += gone
                    thresholds.append(match.end() - removed)
                    shifts.append(removed)
            self._shifts = (thresholds, shifts)
        thresholds, shifts = self._shifts
        i = bisect.bisect_right(thresholds, index) - 1
        return index + (shifts[i] if i >= 0 else 0)


@functools.lru_cache(maxsize=4096)
def visible(raw: str, markdown: bool = False) -> Visible:
    """The visible text of a value (see the module's docstring)."""
    needs = _NEEDS_WORK_MARKDOWN if markdown else _NEEDS_WORK_PLAIN
    if needs.search(raw) is None and "  " not in raw and raw.strip(" ") == raw:
        return Visible(raw, raw)
    if raw.isascii() and not _has_markup(raw):
        # Only white space to make one (lines of a block): the pieces for the map back are
        # made when a finding needs them, and they give this same text.
        return Visible(raw, " ".join(raw.split()), lazy=True)
    return _made(raw, markdown)


def _has_markup(raw: str) -> bool:
    """Whether a text has a character of Markdown or HTML markup (`&\\*`_`) or a word
    broken at a line's end: substring searches in C, cheaper over a story than one pattern
    of a character class."""
    return "&" in raw or "\\" in raw or "*" in raw or "`" in raw or "_" in raw or "-\n" in raw


_RUNS = regex.compile(r" {2,}")
_SPACES = regex.compile(r" $")


@functools.lru_cache(maxsize=8192)
def _made(raw: str, markdown: bool) -> Visible:
    pattern = _MARKDOWN_SPLIT if markdown else _PLAIN_SPLIT
    parts = pattern.split(raw)
    shown = parts[:]
    shown[1::2] = map(_replacement, parts[1::2])
    joined = "".join(shown)
    text = joined
    if "  " in joined or joined[:1] == " " or joined[-1:] == " ":
        text = _SPACES.sub("", _RUNS.sub(" ", joined)).lstrip(" ")
    return Visible(raw, text, parts, shown, joined)


@functools.lru_cache(maxsize=4096)
def _replacement(token: str) -> str:
    first = token[0]
    if first == "&":
        decoded = html.unescape(token)
        return _clean(decoded) if decoded != token else token
    if first == "\\":
        return " " if token[1] == "\n" else token[1]
    if first in "*`_" or (first == "-" and token[1:2] == "\n"):
        return ""
    if token.isspace():
        return " "
    return _clean(token)


def _clean(text: str) -> str:
    text = IGNORABLE.sub("", text).replace(KEYCAP, "")
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    if any(c.isspace() for c in text):
        text = " ".join(text.split()) or " "
        if not text.strip():
            return " "
    return text
