"""The MkDocs adapter: generated pages in memory, `cases/` watched, problems the MkDocs way.

Thin on purpose (compare mkdocs-gen-files): every rule lives in the core (`pipeline`); this
file only turns the core's `{path: text}` values into `File.generated` objects, reports
problems through MkDocs' logger, and hooks into `mkdocs serve`, through MkDocs' documented
plugin events. Nothing is ever written into the docs dir. What must reach further into
MkDocs or Material lives in a module of its own, each checked by a test against the
installed versions: `core_pages` (the core's HTML pages skip Python-Markdown),
`quick_preview` (the preview's quick path), `theme_caches`, `live_reload`, `strict_mode`,
`serve_log` (the preview's terminal in Dutch).
"""

from __future__ import annotations

import gc
import logging
from datetime import date
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.authoring.web_form import FormSettings
from generator.build import pipeline
from generator.engines import postbuild, site_input
from generator.engines.mkdocs import config as plugin_config
from generator.engines.mkdocs import live_reload, serve_log, strict_mode, theme_caches
from generator.engines.mkdocs.config import MaatwerkbankConfig
from generator.engines.mkdocs.core_pages import make_core_page
from generator.engines.mkdocs.quick_preview import QuickPreview
from generator.engines.site_config import expand_nav
from generator.finder.search_index import BackgroundIndex, SearchIndexError
from generator.reading.publication import BuildDate
from generator.reading.vocabulary import load_vocabulary
from generator.rendering import hosting, render
from generator.rendering.addresses import Addresses
from generator.rendering.site_info import LicenceError, SiteInfo

log = logging.getLogger("mkdocs.plugins.maatwerkbank")

PROBLEMS_PAGE = render.PROBLEMS_PAGE


class MaatwerkbankPlugin(BasePlugin[MaatwerkbankConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.result: pipeline.BuildResult | None = None
        self.index: BackgroundIndex | None = None
        self.nav: Navigation | None = None
        self.core_pages: frozenset[str] = frozenset()
        self.preview = QuickPreview(self)
        self.with_policy: set[str] = set()
        """Pages written with their policy in this build (`on_post_page`): not read again."""
        self.said: set[str] = set()
        """Warnings about the settings given in this `mkdocs serve`: said once, not at every
        rebuild (the instance lives as long as the server: it has `on_startup`)."""

    def today(self) -> date:
        return self.build_date().day

    def build_date(self) -> BuildDate:
        return plugin_config.build_date(self.config, log)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            serve_log.speak_dutch()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        custom = config.theme.custom_dir
        unreadable = site_input.unreadable_pages(
            Path(config.docs_dir), self.root, Path(custom) if custom else None
        )
        if unreadable:  # (MkDocs would stop on them with a traceback in English)
            raise PluginError("\n".join(map(str, unreadable)))
        self.cases_dir = self.root / self.config.cases_dir
        templates = self.config.templates_dir
        self.templates_dir = self.root / templates if templates else None
        self.snippets = pipeline.snippets()
        self.addresses = Addresses(config.use_directory_urls)
        settings = FormSettings(
            repo=self.config.cms_repo,
            local_backend=self.config.cms_local_backend,
            auth_url=self.config.cms_auth_url,
        )
        self.web_form = postbuild.WebForm(self.root / self.config.cms_bundle, settings)
        if self.config.expand_nav and config.nav:
            vocab_path = self.cases_dir / pipeline.VOCABULARY_FILE
            vocabulary, _ = load_vocabulary(vocab_path, str(vocab_path))
            config.nav = expand_nav(config.nav, render.nav_sections(vocabulary))
        strict_mode.check_site_url(
            config, log, serving=self.serving, said=self.said if self.serving else None
        )
        # The site's licence, for the core and for the theme's footer.
        try:
            self.info = SiteInfo.of(config.site_name, config.site_url, config.extra)
        except LicenceError as error:
            raise PluginError(str(error)) from None
        config.extra["maatwerkbank_licentie"] = self.info.licence.as_theme()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.with_policy.clear()
        when = self.build_date()
        today = when.day
        log.info(f"maatwerkbank: {when.describe()}")

        # Pagefind indexes in a process of its own while the pages are made and themed.
        self.index = BackgroundIndex(Path(config.site_dir) / "pagefind")
        result = pipeline.build(
            self.cases_dir,
            today,
            self.templates_dir,
            base=self.root,
            site_url=config.site_url or "",
            addresses=self.addresses,
            # No image may stand where a page or a theme file of the site already is.
            site_files=frozenset(f.src_uri for f in files),
            documents_made=self.index.add,
            site=self.info,
            mode=plugin_config.mode(),
            stale_after_months=self.config.verouderd_na_maanden,
            once=not self.serving,
        )
        # The preview's quick path starts from this build; `mkdocs build` lets it go (the
        # pages live on in MkDocs' files, the documents in the finder's index until done).
        self.result = result if self.serving else None
        for held in result.held_back:
            log.info(f"niet gepubliceerd: {held.display}: {held.reason}")
        strict_mode.report_notices(log, result.notices)
        if result.problems:
            strict_mode.report_problems(log, result, serving=self.serving)
        if result.problems and self.serving:
            env = render.environment(self.templates_dir, self.addresses)
            result.pages[PROBLEMS_PAGE] = render.render_problems(result.problems, env)
            # A saved mistake shows where the case was: its problems, not a 404.
            result.pages.update(render.case_problem_pages(result.problems, env, result.pages))
        self.core_pages = frozenset(result.pages)
        nav_pages = set(render.NAV_PAGES)
        for src_uri, text in result.pages.items():
            # Case and pagination pages are reached through listings, never through the nav.
            in_nav = src_uri in nav_pages
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            self._add(files, File.generated(config, src_uri, content=text, inclusion=inclusion))
        texts, copies, notes = postbuild.web_form_files(result.catalog.vocabulary, self.web_form)
        for note in notes:
            log.info(note)
        for src_uri, data in {**result.data, **texts}.items():
            self._add(files, File.generated(config, src_uri, content=data))
        for src_uri, path in copies.items():
            self._add(files, File.generated(config, src_uri, abs_src_path=str(path)))
        for src_uri, content in result.media.items():
            self._add(files, File.generated(config, src_uri, content=content))
        # What the build made lives until it ends: the collector need not scan it again and
        # again while MkDocs themes the pages (docs/performance.md). Undone after the build.
        gc.freeze()
        log.info(
            f"maatwerkbank: {len(result.catalog.entries)} cases gepubliceerd, "
            f"{len(result.pages)} pagina's gemaakt ({today.isoformat()})"
        )
        return files

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        """The core's pages skip Markdown: MkDocs only themes their HTML (`core_pages`)."""
        if page.file.src_uri in self.core_pages and page.file.generated_by is not None:
            make_core_page(page)
        return page

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Fill generated snippets into hand-written pages."""
        for marker, snippet in self.snippets.items():
            if marker in markdown:
                markdown = markdown.replace(marker, snippet)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """In the preview, a banner on every page while any case file has a problem."""
        if not (self.serving and self.result and self.result.problems):
            return html
        count = len(self.result.problems)
        return render.problems_banner(count, page.file.src_uri, self.addresses) + html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Every page gets its own Content-Security-Policy as it is written, also when the
        preview's quick path writes it without a full build; `postbuild` adds it to pages
        written otherwise (404.html) and leaves these as they are."""
        if output.strip():  # else MkDocs writes nothing
            self.with_policy.add(page.file.abs_dest_path)
        return hosting.with_policy(output)

    @event_priority(100)  # before other plugins read or change the site as a whole
    def _site_written(self, *, config: MkDocsConfig) -> None:
        """Every file of the build is written once the finder's index is."""
        self.notes: list[str] = []
        if self.index is not None:
            index, self.index = self.index, None
            try:
                self.notes = postbuild.collect_index(Path(config.site_dir), index)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def _site_finished(self, *, config: MkDocsConfig) -> None:
        """The engine-independent steps (`postbuild`): every page's Content-Security-Policy
        and `_headers`, after the finder's index. `mkdocs build` ends with the build, and
        leaves what it froze frozen: the collector's last pass at exit skips it."""
        if self.serving:
            gc.unfreeze()
        postbuild.finish_pages(Path(config.site_dir), frozenset(self.with_policy))
        for note in self.notes:
            log.info(note)

    on_post_build = CombinedEvent(_site_written, _site_finished)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        if self.index is not None:
            self.index.cancel()
            self.index = None

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.nav = nav
        return nav

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        theme_caches.install(env, self.nav, config.theme["language"])
        if self.nav is not None:
            self.preview.themed(config, files, self.nav, env)
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        """Rebuild and reload when case files, the vocabulary, media or templates change; a
        saved case takes the quick path (`quick_preview`) when it can. Each served page's
        policy allows the live-reload script MkDocs injects into it (`live_reload`)."""
        app = server.get_app()
        if app is not None:
            server.set_app(live_reload.with_live_reload(app))
        server.watch(str(self.cases_dir))
        if self.templates_dir is not None:
            server.watch(str(self.templates_dir))
        self.preview.install(server, config)

    @staticmethod
    def _add(files: Files, file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"'{file.src_uri}' bestaat al in de docs-map; die pagina maakt de generator zelf. "
                "Verwijder of hernoem het handgeschreven bestand."
            )
        files.append(file)
