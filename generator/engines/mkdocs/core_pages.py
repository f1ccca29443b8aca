"""The core's pages themed without Python-Markdown: the reach into MkDocs' `Page`.

The core's pages are HTML already (`render.Page`). MkDocs calls `Page.read_source` and
`Page.render` on every page to read and convert its Markdown; a page of the core becomes a
`CorePage` (in `on_pre_page`, where MkDocs hands the plugin each page), whose two methods
take the core's page instead. That is both safer (no second parser with its own idea of
the author's text) and most of the build's time saved (docs/performance.md). The theme
gets what a Markdown page would give it: meta (title and description escaped, because
MkDocs' theme templates do not autoescape), content, table of contents and the ids links
may point at. Hand-written pages in the docs dir are Markdown as usual.

MkDocs documents neither method as a plugin API: tests/test_mkdocs_internals.py checks
their signatures and the attributes set here, so an upgrade of MkDocs or ProperDocs that
changes them fails loudly.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.rendering import render


class CorePage(Page):
    """A page the core has rendered to HTML: read and rendered without Python-Markdown.

    Its content is read from its file's source whenever the theme asks for it, not kept:
    MkDocs renders every page before it writes the first, and a second copy of every
    page's HTML would double what the pages take in memory (docs/performance.md)."""

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        core = render.page(self.file.content_string)
        self.meta = {"title": html.escape(core.title)}
        # Other front matter (the sitemap's date, a page's feed), as Zensical reads it.
        self.meta.update({k: html.escape(v) for k, v in core.meta.items()})
        if core.description:
            self.meta["description"] = html.escape(core.description)
        if core.hide:
            self.meta["hide"] = list(core.hide)
        self._core = (core.toc, core.anchor_ids)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = None  # the source's body, from now on (see `content`)
        headings, anchor_ids = self._core
        self.toc = get_toc(render.toc_tokens(headings))  # type: ignore[arg-type]
        self.present_anchor_ids = set(anchor_ids)

    @property
    def content(self) -> str | None:
        """The source's body once rendered, or what a plugin or MkDocs set since."""
        changed = self.__dict__.get("_content")
        if changed is None and "_core" in self.__dict__:
            return self._body()
        return changed

    @content.setter
    def content(self, value: str | None) -> None:
        # MkDocs sets what the `on_page_content` event returns, mostly the body unchanged.
        unchanged = value is not None and "_core" in self.__dict__ and value == self._body()
        self.__dict__["_content"] = None if unchanged else value

    def _body(self) -> str:
        return render.split_front_matter(self.file.content_string)[1]


def make_core_page(page: Page) -> None:
    """Make `page`, a generated file's page whose source the core made, a `CorePage`."""
    page.__class__ = CorePage
