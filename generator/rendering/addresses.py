"""Page addresses: where a generated page or file lives on the site, and links between them.

One place for the site's URL scheme, derived from its `use_directory_urls` setting (MkDocs'
name; default on): with it, `cases/x.md` is served at `cases/x/`; without it, at
`cases/x.html`. Pages, exports (`cases.json`, the feed) and the finder's documents all take
their URLs from here, so they can never disagree with each other or with the engine.

Links between pages come in two styles. The MkDocs plugin hands its pages to the theme as
they are, so they link to final URLs (`../../themas/x/`). Zensical reads page files and
resolves every relative link in them, raw HTML included, against the source file, as
Markdown links are (`../themas/x.md`), then writes the final URL itself; its pages link to
source paths (`source_links`), which it also checks, anchors included.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Addresses:
    """The URL scheme of one site. Hashable, so its lookups can be cached per site."""

    directory_urls: bool = True
    source_links: bool = False
    """Links between pages point at source files (`../x.md`), for an engine that rewrites
    them (Zensical), instead of at final URLs."""

    def page_url(self, src: str) -> str:
        """URL path of a page or file, relative to the site root.

        `cases/x.md` -> `cases/x/` (or `cases/x.html`), `tips/index.md` -> `tips/` (or
        `tips/index.html`), `index.md` -> `` (or `index.html`); other files as they are.
        """
        return _page_url(src, self.directory_urls)

    def relative_url(self, target: str, page_src: str) -> str:
        """The URL from the page `page_src` to `target` (both source paths), as a relative
        link that works under any site root (a project site, a subfolder, `file://`)."""
        if self.source_links:
            return _relative_source(target, page_src)
        return _relative_url(target, page_src, self.directory_urls)

    def final_url(self, target: str, page_src: str) -> str:
        """`relative_url` as the browser will use it, also for an engine that rewrites
        source links: for addresses no engine rewrites (a form's `action`)."""
        return _relative_url(target, page_src, self.directory_urls)

    def document_path(self, src: str) -> str:
        """The file a page is written to: `cases/x/index.html` (or `cases/x.html`)."""
        url = self.page_url(src)
        return url + "index.html" if url.endswith("/") or not url else url


def _page_url(src: str, directory_urls: bool) -> str:
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


@functools.lru_cache(maxsize=65536)
def _relative_url(target: str, page_src: str, directory_urls: bool) -> str:
    page = _page_url(page_src, directory_urls)
    # The folder a browser resolves relative links against: the page's own URL up to its
    # last `/` (`cases/x/` for a directory URL, `cases/` for `cases/x.html`).
    base = page[: page.rfind("/")] if "/" in page else ""
    return relative(_page_url(target, directory_urls), base) or "./"


@functools.lru_cache(maxsize=65536)
def _relative_source(target: str, page_src: str) -> str:
    base = page_src[: page_src.rfind("/")] if "/" in page_src else ""
    return relative(target, base)


def relative(target: str, from_dir: str) -> str:
    """`posixpath.relpath` for clean relative paths, without its file-system calls (it is
    called for every link of every page)."""
    to_parts, from_parts = target.split("/"), from_dir.split("/") if from_dir else []
    common = 0
    while (
        common < len(from_parts)
        and common < len(to_parts) - 1
        and from_parts[common] == to_parts[common]
    ):
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
