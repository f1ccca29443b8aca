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
# Link or image destinations with a scheme other than http(s) or mailto are made inert.
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(?!https?:|mailto:|#|\.{0,2}/)[a-zA-Z][a-zA-Z0-9+.-]*:", re.I)
_BAD_AUTOLINK = re.compile(r"\b(?:javascript|vbscript|data):", re.I)


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
        line = _TAG_START.sub("&lt;", line)
        line = _BAD_LINK.sub("](#", line)
        line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + heading_offset), line)
        lines.append(line)
    return "\n".join(lines)


def link_target(url: str) -> str:
    """A validated URL made safe inside `[text](...)`: no spaces or parentheses left raw."""
    if _BAD_AUTOLINK.match(url.strip()):
        return "#"
    return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
