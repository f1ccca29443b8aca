"""The preview's quick path: after an author saves one case, re-make only what it touches.

A full build at 5,000 cases takes most of a minute under `mkdocs serve` (one process: the
server has threads, so nothing is forked). An author who saves one case needs that case's
page, and the listings, connection pages, data files and finder document it appears in;
everything else is as it was. `update` re-checks the saved file alone and re-renders the
case page and the pages about all cases (listings are cheap next to case pages and the
theme), and says which page sources actually changed, so the adapter themes only those.

Anything this path does not cover gives `None`, and the adapter does a full build as
before: a case added, deleted, renamed, made invalid or held back (or made valid again),
the vocabulary, media, templates or hand-written pages changed, pagination that grows or
shrinks, or any problem already on the problems page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator import pipeline, render, search_index
from generator.addresses import Addresses
from generator.catalog import Catalog, Entry
from generator.loading import CASE_SUFFIXES

Snapshot = dict[str, tuple[int, int]]
"""`{path: (modification time in ns, size in bytes)}` of every file under the watched paths."""


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """What the watched files look like now (a stat per file: about 10 ms per 1,000)."""
    found: Snapshot = {}
    stack = [str(p) for p in paths]
    while stack:
        path = stack.pop()
        try:
            if os.path.isdir(path):
                with os.scandir(path) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        else:
                            stat = entry.stat()
                            found[entry.path] = (stat.st_mtime_ns, stat.st_size)
            elif os.path.exists(path):
                stat = os.stat(path)
                found[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue  # removed while looking: the next snapshot sees it
    return found


def changed(before: Snapshot, after: Snapshot) -> list[Path]:
    """Files added, removed or changed between two snapshots, but an editor's own files
    (hidden ones, backups ending in `~`, swap files)."""
    paths = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return sorted(
        Path(p)
        for p in paths
        if not (os.path.basename(p).startswith((".", "#")) or p.endswith(("~", ".swp", ".swx")))
    )


def _listings_of(catalog: Catalog, entry: Entry) -> set[str]:
    """The first pages of the listings a case is on that not every case is on: its themes
    (and their tips), target groups, organisation and partners."""
    case = entry.case
    return {
        *(f"themas/{t}.md" for t in case.themas),
        *(f"tips/{t}.md" for t in case.themas),
        *(f"doelgroepen/{g}.md" for g in case.doelgroepen),
        f"organisaties/{catalog.organisation_of(entry).slug}.md",
        *(f"partners/{catalog.partner_named(p.naam).slug}.md" for p in case.partners or []),
    }


def _listing(src: str) -> str:
    """The listing a page belongs to: `themas/x.md` and `themas/x/pagina-2.md` are both
    `themas/x`, `cases/index.md` and `cases/pagina-2.md` both `cases`."""
    stem = _PAGE_NUMBER.sub("", src.removesuffix(".md"))
    return stem.removesuffix("/index")


_PAGE_NUMBER = re.compile(r"/pagina-\d+$")


@dataclass
class Update:
    """What one saved case changes: the new build result, the page sources that differ from
    the previous build (by source path), and the data files and finder documents to write."""

    result: pipeline.BuildResult
    pages: dict[str, str]
    data: dict[str, str]


def update(
    previous: pipeline.BuildResult,
    saved: Path,
    cases_dir: Path,
    today: date,
    templates_dir: Path | None = None,
    base: Path | None = None,
    site_url: str = "",
    addresses: Addresses | None = None,
) -> Update | None:
    """The site after `saved` (one case file, already published) was edited, or None when
    only a full build can say (see the module doc). Checks `saved` alone, with the same
    rules as `pipeline.check`."""
    if previous.problems or saved.parent != cases_dir or not saved.name.endswith(CASE_SUFFIXES):
        return None
    slug = saved.stem
    if slug not in previous.catalog.by_slug or not saved.is_file():
        return None
    checked = pipeline.check([saved], cases_dir, today, base)
    if checked.problems or slug not in checked.published:
        return None
    if checked.published[slug].afbeeldingen != previous.catalog.by_slug[slug].case.afbeeldingen:
        return None  # images are checked and copied (without metadata) by a full build
    addresses = addresses or Addresses()
    published = {e.slug: e.case for e in previous.catalog.entries}
    published[slug] = checked.published[slug]
    catalog = Catalog.build(checked.vocabulary, published)
    catalog.prepare()
    env = render.environment(templates_dir, addresses)
    entry = catalog.by_slug[slug]
    groups = _listings_of(previous.catalog, previous.catalog.by_slug[slug]) | _listings_of(
        catalog, entry
    )
    made = render.listing_pages(catalog, env, only=groups.__contains__)
    made[entry.src] = render.case_page_renderer(catalog, env)(entry)
    case_srcs = {e.src for e in previous.catalog.entries}
    listed = {src for src in previous.pages if src not in case_srcs}
    remade = {_listing(src) for src in (*made, *groups)}
    if made.keys() - listed - {entry.src} or any(
        _listing(src) in remade and src not in made for src in listed
    ):
        return None  # pagination grew or shrank: pages appear or go
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    data = pipeline.data_files(catalog, site_url, addresses)
    documents = dict(previous.search_documents)
    documents[addresses.document_path(entry.src)] = search_index.search_document_renderer(catalog)(
        entry
    )
    pages = {**previous.pages, **made}
    result = replace(previous, pages=pages, data=data, search_documents=documents, catalog=catalog)
    return Update(
        result,
        {src: text for src, text in made.items() if previous.pages.get(src) != text},
        {src: text for src, text in data.items() if previous.data.get(src) != text},
    )
