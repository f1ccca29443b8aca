"""Authors' Markdown, read one way everywhere: CommonMark through markdown-it-py.

The narrative fields (aanleiding, aanpak, resultaten, ...) are Markdown written by
corporation staff, by hand or in the web form, whose editor and preview speak CommonMark.
The site renders them with the same rules, so form, preview and site agree: a list right
after a paragraph line, two-space nested lists, `start` numbers and `\\` line breaks all
render as CommonMark says (Python-Markdown, used before, does none of these).

Safety is decided on the parsed tokens, never on the source text:
- raw HTML is off, so `<script>` and friends are shown as text, whatever fences surround it;
- a link keeps its target only for http, https, mailto and relative addresses, checked
  after markdown-it has decoded entities and escapes, and after the characters browsers
  ignore in a URL (whitespace, controls) are removed; any other link becomes its text;
- an image is shown only when it is one of the case's own published media files; any
  other image becomes a link to its address (when that is allowed) or its alt text, so no
  page loads anything from another host;
- author headings are pushed under the section they stand in (never a second `<h1>`) and
  their ids are namespaced by the field, so they can never take an id the page makes;
- nesting is bounded (`MAX_NESTING`): markdown-it-py is linear on hostile input (long
  runs of `[`, `*`, `>`), and deeper nesting is a `check` error (`too_deep`).

Sources: CommonMark 0.31 spec; markdown-it-py 4.x (`validateLink`, `maxNesting`, the token
stream); the WHATWG URL standard for what browsers strip from a URL before its scheme.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_NESTING = 20
"""markdown-it's own limit: blocks nested deeper than this are dropped by the parser."""
MAX_DEPTH = 16
"""The deepest nesting `check` accepts (a list level is two token levels): below
`MAX_NESTING`, so a text that passes `check` never loses content to the parser's limit."""

MAX_MARKUP = 5_000
"""The most lines and markup characters (`MARKUP`) the Markdown of one case may hold.
markdown-it-py is linear, but in Python each line break, `[` or `*` costs it up to 40
microseconds per parse (a text of 100,000 `[` took 4 s per parse); the longest real case
text holds a few hundred. This bound keeps `check` of any file under its time budget."""
MARKUP = "\n[]*_`#<!&\\"


def markup(markdown: str) -> int:
    """How many lines and markup characters a text has (see `MAX_MARKUP`)."""
    return sum(markdown.count(char) for char in MARKUP)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_SLUG_DROP = re.compile(r"[^\w\s-]")
_SLUG_JOIN = re.compile(r"[\s_-]+")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
    # Every link and image reaches the token stream; `_secure` decides what it may do.
    # (markdown-it's own check would leave a refused link as literal Markdown source.)
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("maatwerkbank_secure", _secure)
    md.add_render_rule("heading_open", _render_heading_open)
    md.add_render_rule("heading_close", _render_heading_close)
    return md


def link_allowed(url: str) -> bool:
    """Whether a link may point at `url` (already entity- and escape-decoded).

    Browsers drop ASCII whitespace and control characters from a URL before reading its
    scheme (`java\\tscript:`), so they are removed here too before the scheme is read.
    Scheme-relative (`//host`) and backslash addresses (`/\\host`, which browsers read as
    `//host`) are refused: a relative link must stay on this site.
    """
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
    found = scheme(cleaned)
    if found:
        return found in SAFE_SCHEMES
    return not cleaned.startswith("//") and "\\" not in cleaned


@dataclass(frozen=True)
class Context:
    """Where a text is rendered: the level an author's `#` becomes, the id namespace of its
    headings, the media it may show (`{path as written: URL from the page}`), and the
    published cases a relative link may lead to (`../<slug>/`; None: not judged here)."""

    heading_level: int = 3
    id_prefix: str = "tekst"
    media: Mapping[str, str] = field(default_factory=dict)
    cases: frozenset[str] | None = None


def render(markdown: str, context: Context | None = None) -> str:
    """An author's Markdown as an HTML fragment that can hold no live markup.

    Shapes: `markdown` as written in the case file; returns block HTML (paragraphs,
    lists, headings `<h3>`..`<h6>`, code, quotes). Raises nothing for any input text.
    The visible text of the same tokens is kept for `visible_text` (the finder's document
    of a case is made right after its page): one parse where there were two.
    """
    env: dict[str, Any] = {"context": context or Context(), "ids": {}}
    tokens = _MD.parse(markdown, env)
    _remember(markdown, tokens)
    return str(_MD.renderer.render(tokens, _MD.options, env))


_VISIBLE: dict[str, str] = {}
_VISIBLE_KEPT = 4096


def _remember(markdown: str, tokens: list[Token]) -> None:
    if len(_VISIBLE) >= _VISIBLE_KEPT:
        _VISIBLE.pop(next(iter(_VISIBLE)))
    _VISIBLE[markdown] = _text_of(tokens)


def visible_text(markdown: str) -> str:
    """The text a reader sees (and a crawler reads) of an author's Markdown: markup gone,
    entities and escapes decoded, link and image addresses kept (they are published too).

    `jan&#64;voorbeeld.nl`, `06\\-12345678` and `06-**12345678**` read `jan@voorbeeld.nl`,
    `06-12345678` and `06-12345678` here, which is what the personal-data scan must see.
    Blocks are separated by newlines, a line break inside a paragraph by a space.
    """
    known = _VISIBLE.get(markdown)
    if known is not None:
        return known
    return _text_of(_PLAIN.parse(markdown))


def _text_of(tokens: list[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts.append(_inline_text(token.children or []))
        elif token.type in ("code_block", "fence"):
            parts.append(token.content.rstrip("\n"))
    return "\n".join(part for part in parts if part)


def too_deep(markdown: str) -> bool:
    """Whether a text nests deeper than `MAX_DEPTH` (list, item, quote, emphasis and link
    levels), for `check`. Texts that cannot reach it are not parsed: every level needs a
    marker (`>`, `*`, `_`, `[`, or a list marker, which opens two levels), so counting
    markers bounds the depth from above, in C, for the prose nearly every text is."""
    bound = sum(markdown.count(mark) for mark in "*_>[")
    if bound <= MAX_DEPTH:
        for line_start in _LIST_START.findall(markdown):
            bound += 2 * len(_LIST_MARKER.findall(line_start))
    return bound > MAX_DEPTH and _depth(markdown) > MAX_DEPTH


def _depth(markdown: str) -> int:
    depth = 0
    for token in _PLAIN.parse(markdown):
        depth = max(depth, token.level)
        for child in token.children or ():
            depth = max(depth, token.level + child.level)
    return depth


_LIST_START = re.compile(r"^(?:[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))+", re.M)
"""The list markers a line starts with (`- - 1. ` opens three lists on one line)."""
_LIST_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    hrefs: list[str] = []  # the open links' addresses, written after their text
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(f"{_inline_text(child.children or [])} ({child.attrGet('src') or ''})")
        elif child.type == "link_open":
            hrefs.append(str(child.attrGet("href") or ""))
        elif child.type == "link_close" and hrefs:
            href = hrefs.pop()
            out.append(f" ({href})" if href else "")
    return "".join(out)


def slug(text: str) -> str:
    """An id from heading text, as Python-Markdown's `toc` makes them: `Tips voor
    gemeenten` -> `tips-voor-gemeenten`. Runs of separators become one `-`, so a slug never
    holds `--`, which namespaced author ids use."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_JOIN.sub("-", _SLUG_DROP.sub("", ascii_text).strip().lower()).strip("-")


def _secure(state: Any) -> None:
    """The core rule that makes every link, image and heading safe (see the module doc)."""
    context: Context = state.env["context"]
    ids: dict[str, int] = state.env["ids"]
    tokens: list[Token] = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            level = min(6, int(token.tag[1]) + context.heading_level - 1)
            token.tag = f"h{level}"
            text = _inline_text(tokens[i + 1].children or []) if i + 1 < len(tokens) else ""
            token.attrSet("id", unique_id(f"{context.id_prefix}--{slug(text) or 'kop'}", ids))
        elif token.type == "heading_close":
            token.tag = tokens[_heading_open_before(tokens, i)].tag
        elif token.type == "inline" and token.children:
            token.children = _secure_inline(token.children, context)


def _heading_open_before(tokens: list[Token], close: int) -> int:
    for i in range(close - 1, -1, -1):
        if tokens[i].type == "heading_open":
            return i
    raise AssertionError("heading_close without heading_open")  # markdown-it pairs them


def unique_id(candidate: str, ids: dict[str, int], separator: str = "-") -> str:
    """`candidate`, or `candidate-2`, `-3`, ... when taken. `ids` maps each id in use to the
    last number tried for it, so a thousand equal headings cost a thousand steps, not half
    a million (a text of only `#` lines made the build quadratic)."""
    n = ids.get(candidate)
    if n is None:
        ids[candidate] = 1
        return candidate
    while True:
        n += 1
        found = f"{candidate}{separator}{n}"
        if found not in ids:
            ids[candidate] = n
            ids[found] = 1
            return found


def _secure_inline(children: list[Token], context: Context) -> list[Token]:
    safe: list[Token] = []
    dropped = 0  # link_close tokens still to drop, for refused links (links do not nest)
    for child in children:
        if child.type == "link_open" and not _may_lead_to(str(child.attrGet("href")), context):
            dropped += 1
            continue
        if child.type == "link_close" and dropped:
            dropped -= 1
            continue
        if child.type == "image":
            safe.extend(_image(child, context))
            continue
        safe.append(child)
    return safe


def _may_lead_to(href: str, context: Context) -> bool:
    """Whether a link keeps its target: an allowed scheme, and a relative link only to a
    place on the page or a published case (`check` reports the others)."""
    if not link_allowed(href):
        return False
    if context.cases is None or scheme(href) or href.startswith("#"):
        return True
    target = href.split("#", 1)[0]
    return target.startswith("../") and target.endswith("/") and target[3:-1] in context.cases


def _image(image: Token, context: Context) -> list[Token]:
    """A case's own published image stays an image; anything else becomes a link to it
    (when a link may go there) or just its alt text."""
    src = str(image.attrGet("src") or "")
    url = context.media.get(src.removeprefix("./"))
    if url is not None:
        image.attrSet("src", url)
        image.attrSet("loading", "lazy")
        return [image]
    alt = Token("text", "", 0, content=image.content or src)
    if not link_allowed(src):
        return [alt]
    opening = Token("link_open", "a", 1, attrs={"href": src})
    return [opening, alt, Token("link_close", "a", -1)]


def _render_heading_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    return f'<{token.tag} id="{html.escape(str(token.attrGet("id")))}">'


def _render_heading_close(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    opening = tokens[_heading_open_before(tokens, idx)]
    anchor = html.escape(str(opening.attrGet("id")))
    return (
        f'<a class="headerlink" href="#{anchor}" title="Link naar dit kopje">&para;</a>'
        f"</{token.tag}>\n"
    )


_MD = _parser()


def links(markdown: str) -> list[tuple[str, str, int]]:
    """Every link and image address in a text, as `("link" | "image", address, line)`, in
    order; `line` counts from 0 at the text's first line.

    Addresses are as markdown-it reads them (entities and escapes decoded, then
    percent-encoded), before `_secure` has removed any: what `check` judges."""
    found: list[tuple[str, str, int]] = []
    for token in _PLAIN.parse(markdown):
        line = token.map[0] if token.map else 0
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                found.append(("link", str(child.attrGet("href") or ""), line))
            elif child.type == "image":
                found.append(("image", str(child.attrGet("src") or ""), line))
    return found


def case_link_target(url: str) -> str | None:
    """The case a relative link leads to (`../<slug>/`, with or without `#anchor`), or None."""
    target = url.split("#", 1)[0]
    if target.startswith("../") and target.endswith("/") and len(target) > 4:
        return target[3:-1]
    return None


def without_case_links(markdown: str, hidden: frozenset[str]) -> str | None:
    """`markdown` with every link to a case in `hidden` turned into its text, as Markdown:
    what the site publishes of a text that links to a case it does not show (the page,
    the finder, the exports and feeds all read the same text, so none can name that case).

    The text is parsed, the links are taken out of its tokens, and the tokens are written
    back as Markdown by mdformat's renderer (CommonMark; the rare text that has such a link
    comes out in mdformat's normal form). The result is proven, not trusted: its HTML must
    be the HTML of the original without those links. None when it is not (the caller then
    leaves the case out, and says so).
    """
    from mdformat.renderer import MDRenderer  # the rare path: imported when needed

    writer = MarkdownIt(
        "commonmark",
        {"html": False, "maxNesting": MAX_NESTING},
        renderer_cls=MDRenderer,  # type: ignore[arg-type]  # mdformat's documented use
    )
    writer.validateLink = lambda url: True  # type: ignore[method-assign]
    writer.options.update({"mdformat": {}, "parser_extension": [], "codeformatters": {}})
    env: dict[str, Any] = {}
    tokens = writer.parse(markdown, env)
    for token in tokens:
        if token.children:
            token.children = _unlinked(token.children, hidden)
    expected = _PLAIN.renderer.render(tokens, _PLAIN.options, {})
    try:
        written = str(writer.renderer.render(tokens, writer.options, env))
    except Exception:  # noqa: BLE001 (a text the writer cannot write: proven unsafe below)
        return None
    if _PLAIN.render(written) != expected:
        return None
    if any(case_link_target(url) in hidden for kind, url, _ in links(written) if kind == "link"):
        return None
    return written


def _unlinked(children: list[Token], hidden: frozenset[str]) -> list[Token]:
    kept: list[Token] = []
    dropped = 0  # link_close tokens still to drop (links do not nest)
    begin = 0
    texts: list[tuple[int, int]] = []
    for child in children:
        if child.type == "link_open" and case_link_target(str(child.attrGet("href"))) in hidden:
            dropped += 1
            begin = len(kept)
        elif child.type == "link_close" and dropped:
            dropped -= 1
            texts.append((begin, len(kept)))
        else:
            kept.append(child)
    for begin, end in reversed(texts):  # (a text left empty is taken out: back to front)
        _trimmed(kept, begin, end)
    return kept


_BREAKS = ("softbreak", "hardbreak")


def _trimmed(kept: list[Token], begin: int, end: int) -> None:
    """White space at the edges of a link's text (`kept[begin:end]`), now bare text, as one
    space, or none at a line's start or end: kept as written, `[a  ](...)` before a line's
    end would become a hard line break, and `[    code](...)` at a paragraph's start a
    code block. A text of nothing but white space and line breaks is taken out."""
    if all(
        t.type in _BREAKS or (t.type == "text" and not t.content.strip()) for t in kept[begin:end]
    ):
        del kept[begin:end]
        end = begin
        before = kept[begin - 1].type if begin > 0 else None
        after = kept[begin].type if begin < len(kept) else None
        if after in _BREAKS and (before is None or before in _BREAKS):
            del kept[begin]  # no line of its own, no empty line
        elif before in _BREAKS and after is None:
            del kept[begin - 1]
            begin -= 1
        if begin < len(kept) and kept[begin].type == "text" and _at_start(kept, begin):
            kept[begin].content = kept[begin].content.lstrip()
        if begin > 0 and kept[begin - 1].type == "text" and _at_end(kept, begin):
            kept[begin - 1].content = kept[begin - 1].content.rstrip()
        return
    first, final = kept[begin], kept[end - 1]
    if first.type == "text" and first.content[:1].isspace():
        first.content = ("" if _at_start(kept, begin) else " ") + first.content.lstrip()
    if final.type == "text" and final.content[-1:].isspace():
        final.content = final.content.rstrip() + ("" if _at_end(kept, end) else " ")


def _at_start(kept: list[Token], begin: int) -> bool:
    """Whether `kept[begin]` starts a line."""
    return begin == 0 or kept[begin - 1].type in _BREAKS


def _at_end(kept: list[Token], end: int) -> bool:
    """Whether `kept[end - 1]` ends a line."""
    return end == len(kept) or kept[end].type in _BREAKS


def block_tokens(markdown: str) -> list[Token]:
    """A text's tokens as the site's parser reads its blocks (each with its `map` of
    lines): for rules about how a text is laid out (`accidental_lists`)."""
    return _PLAIN.parse(markdown)


def scheme(url: str) -> str | None:
    """The scheme of an address (`https`), read as browsers read it, or None when relative."""
    found = _SCHEME.match("".join(ch for ch in url if ch > " " and ch != "\x7f"))
    return found[1].lower() if found else None


def short(url: str, limit: int = 60) -> str:
    """An address as a message shows it: at most `limit` characters."""
    return url if len(url) <= limit else url[: limit - 1] + "…"


_PLAIN = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
_PLAIN.validateLink = lambda url: True  # type: ignore[method-assign]
