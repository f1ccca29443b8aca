"""The preview's quick path: after an author saves one case, re-make only what it touches.

A full build at 5,000 cases takes most of a minute under `mkdocs serve` (one process: the
server has threads, so nothing is forked). An author who saves one case needs that case's
page, and the listings, connection pages, data files and finder document it appears in;
everything else is as it was. `update` re-checks the saved file alone, rebuilds the
catalog, and renders the case page and only the listing pages whose cases or figures
differ from the previous build's (`render.Listing`), or that show the saved case; the
exports re-make only its records (`exports.Records`). The pages of other cases that list
it as related come in a second step (`Update.related`). Every page made is what a full
build makes; the adapter themes only the sources that changed.

Anything this path does not cover gives `None`, and the adapter does a full build as
before: a case added, deleted, renamed, made invalid or held back (or made valid again),
the vocabulary, media, templates or hand-written pages changed, pagination that grows or
shrinks, a name spelled anew, or any problem already on the problems page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator.build import pipeline
from generator.reading import validation
from generator.reading.loading import CASE_SUFFIXES, load
from generator.rendering import render, search_documents
from generator.rendering.addresses import Addresses
from generator.rendering.catalog import Catalog, Entry
from generator.rendering.site_info import SiteInfo

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


def _names(catalog: Catalog) -> list[list[str]]:
    """How the site spells each organisation, partner, municipality and region: the most
    used spelling, which one saved case can change."""
    return [
        [named.name for named in names]
        for names in (
            catalog.organisations,
            catalog.partners,
            catalog.municipalities,
            catalog.regions,
        )
    ]


def _naming(catalog: Catalog, slug: str) -> list[Entry]:
    """The other cases that name `slug` in their `gerelateerd` or say they adopted it (their
    pages show its title)."""
    return [
        e
        for e in catalog.entries
        if e.slug != slug
        and (
            slug in (e.case.gerelateerd or ())
            or any(o.case == slug for o in e.case.overgenomen_van or ())
        )
    ]


def _named_by(catalog: Catalog, slug: str) -> list[Entry]:
    """The cases `slug` says it adopted: their pages show it under 'Ook gedaan door'."""
    adopted = catalog.by_slug[slug].case.overgenomen_van or ()
    return [
        catalog.by_slug[o.case] for o in adopted if o.case in catalog.by_slug and o.case != slug
    ]


def _related_to(previous: Catalog, catalog: Catalog, slug: str) -> list[Entry]:
    """The other cases whose page shows the saved case `slug` among its related cases, or
    whose related cases the save changed: those that name it in `gerelateerd`, and, when it
    is (or was) among the candidates for related cases, those that share a theme or target
    group with it, if their related cases differ or include it. Others cannot be affected:
    related cases are chosen from the candidates of the case's own terms only."""
    shown = _naming(catalog, slug)
    shown += [e for e in _named_by(catalog, slug) if e not in shown]
    if not (previous.is_candidate(slug) or catalog.is_candidate(slug)):
        return shown
    old, new = previous.by_slug[slug].case, catalog.by_slug[slug].case
    themes = {*old.themas, *new.themas}
    groups = {*old.doelgroepen, *new.doelgroepen}
    named = {e.slug for e in shown}
    for entry in catalog.entries:
        if entry.slug == slug or entry.slug in named:
            continue
        if themes.isdisjoint(entry.case.themas) and groups.isdisjoint(entry.case.doelgroepen):
            continue
        related = [e.slug for e in catalog.related(entry)]
        if slug in related or related != [
            e.slug for e in previous.related(previous.by_slug[entry.slug])
        ]:
            shown.append(entry)
    return shown


@dataclass
class Update:
    """What one saved case changes: the new build result, the page sources that differ from
    the previous build (by source path), and the data files to write.

    `related()` makes the pages of the other cases that show the saved case among their
    related cases, or whose related cases the save changed (see `_related_to`), puts them in
    `result.pages` and returns those that differ. An edit of one of the newest cases can
    change hundreds of them (580 at 5,000 cases), so an adapter shows the saved case first
    and calls this after; `result` is whole only after it.
    """

    result: pipeline.BuildResult
    pages: dict[str, str]
    data: dict[str, str]
    related: Callable[[], dict[str, str]] | None
    """None when no other case's page can change (no case names the saved one, and it is
    not among the newest of its terms, where related cases are chosen)."""


def update(
    previous: pipeline.BuildResult,
    saved: Path,
    cases_dir: Path,
    today: date,
    templates_dir: Path | None = None,
    base: Path | None = None,
    site_url: str = "",
    addresses: Addresses | None = None,
    site: SiteInfo | None = None,
) -> Update | None:
    """The site after `saved` (one case file, already published) was edited, or None when
    only a full build can say (see the module doc). Checks `saved` alone, with the same
    rules as `pipeline.check`."""
    # The previous build is alive: a full collection of it would cost a third of a second.
    with pipeline.collector_paused():
        return _update(
            previous, saved, cases_dir, today, templates_dir, base, site_url, addresses, site
        )


def _update(
    previous: pipeline.BuildResult,
    saved: Path,
    cases_dir: Path,
    today: date,
    templates_dir: Path | None,
    base: Path | None,
    site_url: str,
    addresses: Addresses | None,
    site: SiteInfo | None = None,
) -> Update | None:
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
    document, _ = load(saved, saved.name)
    if (
        document is None
        or not validation.cases_named(document.data) <= previous.catalog.by_slug.keys()
    ):
        return None  # a link to a case that is not published: a problem only all files show
    if (
        checked.published[slug].overgenomen_van
        != previous.catalog.by_slug[slug].case.overgenomen_van
    ):
        return None  # the pages of the cases it adopted (before and after) change too
    addresses = addresses or Addresses()
    published = {e.slug: e.case for e in previous.catalog.entries}
    published[slug] = checked.published[slug]
    catalog = Catalog.build(checked.vocabulary, published, previous.catalog.freshness)
    catalog.prepare()
    if _names(catalog) != _names(previous.catalog):
        return None  # a name is now spelled as the saved case spells it, on many pages
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    site = replace(site or SiteInfo(), url=site_url)
    env = render.environment(templates_dir, addresses, site)
    entry = catalog.by_slug[slug]
    before = previous.listed
    after = list(render.listings(catalog, env))
    if before.keys() != {page.src for page in after}:
        return None  # pagination grew or shrank, or a name page came or went: pages change
    made = {
        page.src: page.make()
        for page in after
        if slug in page.cases or (page.cases, page.figures) != before[page.src]
    }
    case_page = render.case_page_renderer(catalog, env)
    made[entry.src] = case_page(entry)
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    records = replace(previous.records)  # its records are replaced, the previous kept
    data = pipeline.data_files(catalog, site_url, addresses, records, site)
    documents = dict(previous.search_documents)
    documents[addresses.document_path(entry.src)] = search_documents.search_document_renderer(
        catalog
    )(entry)
    pages = {**previous.pages, **made}
    result = replace(
        previous,
        pages=pages,
        data=data,
        search_documents=documents,
        catalog=catalog,
        listed={page.src: (page.cases, page.figures) for page in after},
        records=records,
    )

    def related() -> dict[str, str]:
        with pipeline.collector_paused():
            remade = {e.src: case_page(e) for e in _related_to(previous.catalog, catalog, slug)}
        pages.update(remade)
        return {src: text for src, text in remade.items() if previous.pages.get(src) != text}

    named = bool(_naming(catalog, slug) or _named_by(catalog, slug))
    candidate = previous.catalog.is_candidate(slug) or catalog.is_candidate(slug)
    return Update(
        result,
        {src: text for src, text in made.items() if previous.pages.get(src) != text},
        {src: text for src, text in data.items() if previous.data.get(src) != text},
        related if named or candidate else None,
    )
