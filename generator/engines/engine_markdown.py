"""A Python-Markdown extension: the core's pages pass through an engine's Markdown whole.

The MkDocs plugin hands the core's pages to the theme without Python-Markdown. An engine
that reads page files instead (Zensical; MkDocs or ProperDocs without our plugin) runs
Python-Markdown over every page, and over HTML that would cost time and could change it:
an inline element at the start of a line becomes a paragraph, Markdown-like text in a
block gets reread, and headings inside raw HTML never reach the table of contents.

`site_input` writes each core page with `MARKER` as the first line after the front
matter. For such a page this extension stores the whole body as one raw HTML block (so
it comes out byte for byte as the core made it) and gives the engine the page's table of
contents the way Python-Markdown's `toc` extension would (`md.toc_tokens`), from the
same headings the MkDocs plugin uses. Hand-written pages, without the marker, are
Markdown as usual. Enable it in the engine's config as `generator.engines.engine_markdown`.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from generator.rendering import render

MARKER = "<!-- maatwerkbank:kern-pagina -->"


class _TakePage(Preprocessor):
    """First of all: a core page's body is taken out whole, before Python-Markdown
    normalises whitespace (tabs, blank lines) in it."""

    def __init__(self, md: Markdown, state: dict[str, Any]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.clear()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first].strip() != MARKER:
            return lines
        body = "\n".join(lines[first + 1 :]).strip("\n") + "\n"
        self.state["body"] = body
        self.state["toc"] = render.toc_tokens(render.page(body).toc)
        return [MARKER]


class _StashPage(Preprocessor):
    """After normalising (which drops the stash's own marker characters, so it cannot come
    first): the body becomes one stashed block, put back as it is at the end."""

    def __init__(self, md: Markdown, state: dict[str, Any]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        if "body" not in self.state:
            return lines
        return [self.md.htmlStash.store(self.state["body"])]


class _PageToc(Postprocessor):
    """After the `toc` extension found no headings in the stashed block: the core's toc."""

    def __init__(self, md: Markdown, state: dict[str, Any]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        if "toc" in self.state:
            self.md.toc_tokens = self.state["toc"]  # type: ignore[attr-defined]
        return text


class CorePagesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        state: dict[str, Any] = {}
        # Around whitespace normalisation (30), before the HTML block reader (20).
        md.preprocessors.register(_TakePage(md, state), "maatwerkbank_take", 40)
        md.preprocessors.register(_StashPage(md, state), "maatwerkbank_stash", 25)
        # After the raw HTML is put back (30).
        md.postprocessors.register(_PageToc(md, state), "maatwerkbank_toc", 5)


def makeExtension(**kwargs: Any) -> CorePagesExtension:  # noqa: N802 (Python-Markdown's name)
    return CorePagesExtension(**kwargs)
