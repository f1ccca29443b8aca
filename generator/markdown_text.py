"""Putting authors' text into generated Markdown safely.

Two kinds of author text reach pages: plain text fields (titles, lessons, tips, quotes), which
must show exactly as typed, and Markdown fields (aanleiding, aanpak, ...), which may use
Markdown but never raw HTML. Both must be unable to break the page around them: no HTML
elements, no `javascript:` links, no headings that jump above the page's own structure.
"""

from __future__ import annotations

import re

# One pass over the text: HTML-escape, and backslash-escape Markdown's inline markers.
_PLAIN = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
    }
)
_LINE_START_CHARS = frozenset("#>+-=|0123456789")
_LINE_START = re.compile(r"^([#>+\-=|]|(\d+)([.)]))")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
# A Markdown link or image: [text](destination), the destination with one level of parentheses.
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?((?:[^()\s]|\([^()]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s.*)?$")
# Destinations a reader may follow: web, mail, in-page and relative links. Anything else
# (javascript:, data:, vbscript:, entity-encoded tricks) is dropped, keeping the text.
_SAFE_TARGET = re.compile(
    r"^(?:https?://|mailto:|#|/(?!/)|\.{1,2}/|[\w-][\w./-]*(?:[#?][^\s]*)?$)", re.I
)


def plain(text: str) -> str:
    """Plain text as one line of Markdown that renders exactly as typed."""
    escaped = " ".join(text.split()).translate(_PLAIN)
    if escaped[:1] in _LINE_START_CHARS:
        escaped = _LINE_START.sub(
            lambda m: f"{m.group(2)}\\{m.group(3)}" if m.group(2) else f"\\{m.group(1)}", escaped
        )
    return escaped


def block(text: str, heading_offset: int = 2) -> str:
    """An author's Markdown block: raw HTML and script links made inert, headings nested.

    Headings are pushed down by `heading_offset` levels so an author's `#` inside a section
    becomes a sub-heading of that section, keeping the page's heading order intact.
    """
    lines = []
    in_fence = False
    for line in text.strip("\n").splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append(line)
            continue
        if in_fence:
            lines.append(line)
            continue
        # Each pattern only where its first character occurs: most lines are plain prose.
        if "<" in line:
            line = _TAG_START.sub("&lt;", line)
        if "[" in line:
            line = _LINK.sub(_safe_link, line)
            reference = _REFERENCE.match(line)
            if reference and not _SAFE_TARGET.match(reference.group(1)):
                continue
        if line.startswith("#"):
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + heading_offset), line)
        lines.append(line)
    return "\n".join(lines)


def _safe_link(match: re.Match[str]) -> str:
    """Keep safe links; unsafe ones become their text. Images become links: a page must not
    load anything from another host, and case images belong in `afbeeldingen` (with alt)."""
    image, text, target = match.group(1), match.group(2), match.group(3)
    if not _SAFE_TARGET.match(target):
        return text
    if image:
        return f"[{text or target}]({target})"
    return match.group(0)
