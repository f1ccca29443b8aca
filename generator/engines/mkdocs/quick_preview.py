"""The preview's quick path under `mkdocs serve`: the reach into MkDocs' build and server.

After an author saves one case, `build.preview.update` re-makes only what it touches; this
module themes just those pages into the served site, without a full build (at 5,000 cases
a full build takes most of a minute; the quick path about a second: docs/performance.md).
MkDocs 1.6 has no public API for any of it, so everything that reaches into MkDocs lives
here, and tests/test_mkdocs_internals.py fails loudly when an upgrade of MkDocs or
ProperDocs changes what it relies on:

- `mkdocs.commands.build._populate_page` and `_build_page`: read, render and write one
  page as a full build does (with the plugins' page events, so every page keeps its policy);
- `LiveReloadServer.builder`, replaced by one that tries the quick path first and falls
  back to MkDocs' own full build;
- `LiveReloadServer._want_rebuild` under `_rebuild_cond`: ask for one more round, as a saved
  file does, so the saved case is shown before the pages of other cases that list it.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from generator.build import pipeline, preview
from generator.finder.search_index import SearchIndexError, write_index
from generator.rendering.addresses import Addresses
from generator.rendering.site_info import SiteInfo

log = logging.getLogger("mkdocs.plugins.maatwerkbank")


class Site(Protocol):
    """What the quick path reads from the plugin, and the build result it replaces."""

    result: pipeline.BuildResult | None
    cases_dir: Path
    templates_dir: Path | None
    root: Path
    addresses: Addresses
    info: SiteInfo

    def today(self) -> date: ...


class QuickPreview:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.watched: list[Path] = []
        self.snapshot: preview.Snapshot = {}
        self.built: tuple[MkDocsConfig, Files, Navigation, Environment] | None = None
        self.later: Callable[[], dict[str, str]] | None = None
        """The second part of a quick update (`preview.Update.related`), for the next round."""

    def themed(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Environment) -> None:
        """What the last full build themed with (`on_env`): the quick path themes the same way."""
        self.built = (config, files, nav, env)
        self.later = None  # a full build makes every page

    def install(self, server: LiveReloadServer, config: MkDocsConfig) -> None:
        """Watch what a build reads, and let the server try the quick path first."""
        self.watched = [self.site.cases_dir, Path(config.docs_dir)]
        self.watched += [Path(p) for p in (config.config_file_path, *config.watch) if p]
        if self.site.templates_dir is not None:
            self.watched.append(self.site.templates_dir)
        if config.theme.custom_dir:  # watched by `mkdocs serve --watch-theme`
            self.watched.append(Path(config.theme.custom_dir))
        self.snapshot = preview.snapshot(self.watched)
        full_build = server.builder

        def build() -> None:
            if self.later is not None:  # the second round of a quick update
                if not self._finish():
                    full()
                elif preview.changed(self.snapshot, preview.snapshot(self.watched)):
                    build()  # saved again meanwhile
                return
            if not self._update(server):
                full()

        def full() -> None:
            full_build()
            self.snapshot = preview.snapshot(self.watched)

        server.builder = build

    def _update(self, server: LiveReloadServer) -> bool:
        """After one saved case: theme only the pages whose source changed, write the data
        files, and re-index the finder in the background. The saved case's page is shown
        first: the pages of other cases that list it as related follow in a second round
        of the server's (`_another_round`). True, doing nothing, when no watched file but
        an editor's own changed since the last build. False when a full build must do it
        (anything `preview.update` does not cover, or anything unexpected here)."""
        now = preview.snapshot(self.watched)
        saved = preview.changed(self.snapshot, now)
        result = self.site.result
        if not saved and result is not None:
            # The watcher saw a change this build already has (a file written in two
            # steps), or an editor's own file: nothing to make.
            return True
        if len(saved) != 1 or result is None or self.built is None:
            return False
        config = self.built[0]
        started = time.perf_counter()
        try:
            update = preview.update(
                result,
                saved[0],
                self.site.cases_dir,
                self.site.today(),
                self.site.templates_dir,
                self.site.root,
                config.site_url or "",
                self.site.addresses,
                self.site.info,
            )
            if update is None:
                return False
            self.site.result = update.result  # what `on_pre_page` reads the pages from
            if not self._theme(update.pages):
                return False
            site = Path(config.site_dir)
            for src, text in update.data.items():
                (site / src).write_text(text, encoding="utf-8")
        except Exception as error:  # a full build reports it properly
            log.debug(f"voorbeeld: snelle update niet gelukt ({error!r}); alles opnieuw")
            return False
        self.snapshot = now
        if update.related is not None and not _another_round(server):
            self._theme(update.related())
        elif update.related is not None:
            self.later = update.related
        _reindex_in_background(update.result.search_documents, Path(config.site_dir))
        log.info(
            f"voorbeeld bijgewerkt: {saved[0].name}, {len(update.pages)} pagina's in "
            f"{time.perf_counter() - started:.2f} s"
        )
        return True

    def _finish(self) -> bool:
        """The second round of a quick update: the pages of other cases it changed. False
        when a full build must make them."""
        later, self.later = self.later, None
        try:
            return later is not None and self._theme(later())
        except Exception as error:
            log.debug(f"voorbeeld: snelle update niet gelukt ({error!r}); alles opnieuw")
            return False

    def _theme(self, pages: dict[str, str]) -> bool:
        """Write `pages` (generated sources by path) into the served site, themed as MkDocs
        does; False when one of them is not a page of the last full build."""
        if self.built is None:
            return False
        config, files, nav, env = self.built
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for src, source in pages.items():
            file = files.get_file_from_path(src)
            if file is None or file.page is None:
                return False
            file.content_string = source
            _populate_page(file.page, config, files)
            _build_page(file.page, config, doc_files, nav, env)
        return True


def _another_round(server: LiveReloadServer) -> bool:
    """Ask the server for one more build round right after this one, as a saved file does:
    browsers reload after each round, so the saved case is shown without waiting for the
    rest. This sets what MkDocs' file watcher sets (`_want_rebuild`, under `_rebuild_cond`).
    False where those are missing."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild"):
        return False
    with condition:
        server._want_rebuild = True
        condition.notify_all()
    return True


_REINDEX_LOCK = threading.Lock()
_reindexing = itertools.count(1)
_latest_reindex = 0


def _reindex_in_background(documents: dict[str, str], site: Path) -> None:
    """The finder's index again, after a quick update: Pagefind takes seconds at thousands
    of cases, so the page is shown first and the new index replaces the old when done.

    Saves can come faster than Pagefind: each run writes its own folder, and only the
    latest run's index replaces the site's (an older run that ends later is thrown away)."""
    global _latest_reindex
    number = next(_reindexing)
    fresh = site / f".pagefind-nieuw-{number}"
    with _REINDEX_LOCK:
        _latest_reindex = number

    def index() -> None:
        try:
            write_index(documents, fresh)
        except SearchIndexError as error:
            log.warning(str(error))
            return
        with _REINDEX_LOCK:
            if number != _latest_reindex:
                shutil.rmtree(fresh, ignore_errors=True)
                return
            shutil.rmtree(site / "pagefind", ignore_errors=True)
            fresh.rename(site / "pagefind")

    threading.Thread(target=index, daemon=True).start()
