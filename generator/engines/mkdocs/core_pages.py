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

from generator.site import render


class CorePage(Page):
    """A page the core has rendered to HTML: read and rendered without Python-Markdown."""

    core: render.Page

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"title": html.escape(self.core.title)}
        if self.core.description:
            self.meta["description"] = html.escape(self.core.description)
        if self.core.hide:
            self.meta["hide"] = list(self.core.hide)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.core.body
        self.toc = get_toc(render.toc_tokens(self.core.toc))  # type: ignore[arg-type]
        self.present_anchor_ids = set(self.core.anchor_ids)


def make_core_page(page: Page, source: str) -> None:
    """Make `page` (a generated file's page) take its content from the core's `source`."""
    page.__class__ = CorePage
    assert isinstance(page, CorePage)
    page.core = render.page(source)
