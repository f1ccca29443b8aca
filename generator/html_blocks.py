"""A Python-Markdown extension for generated pages: the core's HTML blocks skip Markdown's
HTML parsers. MkDocs-independent; the MkDocs adapter turns it on for generated pages only
(`active`) and hands the ids it saw to MkDocs' anchor validation."""

from __future__ import annotations

import functools
import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class GeneratedHtmlBlocks(Extension):
    """Stash the generator's own HTML blocks before Markdown's two HTML parsers run.

    Python-Markdown and MkDocs each feed every page through `html.parser` to find raw HTML:
    over a third of all Markdown time, most of it spent on the listings, meta lines and
    related-case lists the core writes as HTML. A chunk between blank lines that is exactly
    one block-level element is what Python-Markdown stashes verbatim anyway, so on generated
    pages such chunks go to the stash directly. Anything else (hand-written pages, Markdown
    inside HTML, sibling elements) is left to Markdown. A test builds the site both ways and
    finds every page identical.
    """

    def __init__(self) -> None:
        super().__init__()
        self.active = False
        self.anchor_ids: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After whitespace normalisation (30), before MkDocs' (21) and Markdown's (20) parsers.
        md.preprocessors.register(_StashHtmlBlocks(md, self), "maatwerkbank_html_blocks", 25)


_OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_ANCHOR_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@functools.cache
def _tag_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){tag}[\s>]")


def _one_element(block: str, tag: str) -> bool:
    """Whether `block` is a single `tag` element: its first opening tag closes at the end."""
    depth = 0
    for found in _tag_pattern(tag).finditer(block):
        depth += -1 if found[1] else 1
        if depth == 0:
            return found.end() == len(block)
    return False


class _StashHtmlBlocks(Preprocessor):
    def __init__(self, md: Markdown, owner: GeneratedHtmlBlocks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, lines: list[str]) -> list[str]:
        self.owner.anchor_ids = set()
        if not self.owner.active:
            return lines
        chunks = "\n".join(lines).split("\n\n")
        for i, chunk in enumerate(chunks):
            block = chunk.strip("\n")
            opening = _OPENING_TAG.match(block)
            if (
                opening
                and self.md.is_block_level(opening[1])
                and "markdown=" not in block  # md_in_html, if a site turns it on
                and _one_element(block, opening[1])
            ):
                self.owner.anchor_ids.update(_ANCHOR_ID.findall(block))
                chunks[i] = self.md.htmlStash.store(block + "\n")
        return "\n\n".join(chunks).split("\n")
