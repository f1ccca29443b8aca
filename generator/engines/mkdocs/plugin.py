"""The MkDocs adapter: generated pages in memory, `cases/` watched, problems the MkDocs way.

Thin on purpose (compare mkdocs-gen-files): every rule lives in the core (`pipeline`); this
file only turns the core's `{path: text}` values into `File.generated` objects, reports
problems through MkDocs' logger, and hooks into `mkdocs serve`. Nothing is ever written
into the docs dir.

The core's pages are HTML already (`render.Page`): MkDocs themes them without running
Python-Markdown over them (`_CorePage`), which is both safer (no second parser with its
own idea of the author's text) and most of the build's time saved. Hand-written pages in
the docs dir are Markdown as usual.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import html
import itertools
import logging
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2 import Environment, TemplateNotFound
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from generator.authoring.web_form import FormSettings
from generator.build import pipeline, preview
from generator.contract.problems import summary
from generator.engines import postbuild
from generator.engines.mkdocs import live_reload
from generator.engines.mkdocs.previous_site import PreviousSite
from generator.engines.site_config import PLUGIN_DEFAULTS, expand_nav
from generator.finder.search_index import BackgroundIndex, SearchIndexError
from generator.reading.publication import BuildDateError, build_date
from generator.reading.vocabulary import load_vocabulary
from generator.site import hosting, render
from generator.site.addresses import Addresses

log = logging.getLogger("mkdocs.plugins.maatwerkbank")

PROBLEMS_PAGE = render.PROBLEMS_PAGE
FORM_LEFT_OUT = postbuild.FORM_LEFT_OUT


class MaatwerkbankConfig(base.Config):
    cases_dir = c.Type(str, default=PLUGIN_DEFAULTS["cases_dir"])
    """Folder with the case files, the vocabulary and media, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Folder with templates that override the built-in ones, relative to mkdocs.yml."""
    today = c.Optional(c.Type(str))
    """Build date (YYYY-MM-DD) for embargo and consent; default SOURCE_DATE_EPOCH or today."""
    cms_repo = c.Type(str, default=PLUGIN_DEFAULTS["cms_repo"])
    """GitHub repository (owner/name) the web form writes to; the forking corporation's own."""
    cms_auth_url = c.Type(str, default=PLUGIN_DEFAULTS["cms_auth_url"])
    """A self-hosted OAuth client for GitHub logins (empty: Netlify's)."""
    cms_local_backend = c.Type(str, default=PLUGIN_DEFAULTS["cms_local_backend"])
    """Where `make beheer`'s decap-server listens."""
    cms_bundle = c.Type(str, default=PLUGIN_DEFAULTS["cms_bundle"])
    """Decap CMS's built files (npm package decap-cms), copied into the site at /beheer/."""
    expand_nav = c.Type(bool, default=PLUGIN_DEFAULTS["expand_nav"])
    """Add one nav entry per theme and target group under their section's index page."""
    verouderd_na_maanden = c.Type(int, default=PLUGIN_DEFAULTS["verouderd_na_maanden"])
    """A case not checked (`bijgewerkt`) for longer says so on its page; 0: never."""


class MaatwerkbankPlugin(BasePlugin[MaatwerkbankConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.result: pipeline.BuildResult | None = None
        self.index: BackgroundIndex | None = None
        # What the preview's quick path needs from the last full build (see `_quick_update`).
        self.watched: list[Path] = []
        self.snapshot: preview.Snapshot = {}
        self.built: tuple[MkDocsConfig, Files, Navigation, Environment] | None = None
        self.nav: Navigation | None = None
        self.later: Callable[[], dict[str, str]] | None = None
        """The second part of a quick update (`preview.Update.related`), for the next round."""
        self.with_policy: set[str] = set()
        """Pages written with their policy in this build (`on_post_page`): not read again."""
        self.cleans_site_dir = False
        """Whether MkDocs empties the site folder before a build (not `--dirty`, not the
        preview, which has a folder of its own): then `previous_site` keeps the files."""
        self.previous: PreviousSite | None = None
        self._restore_signals: Callable[[], None] = lambda: None
        self.notes: list[str] = []
        """Lines for the build log from the finder's index, shown when the build ends."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.cleans_site_dir = command != "serve" and not dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """A rebuild writes over the previous build's files (`previous_site`): they are set
        aside here, out of the way of MkDocs' cleaning, and put back in `on_files`."""
        self.previous = None
        site_dir = Path(config.site_dir)
        if self.serving:
            return
        if not self.cleans_site_dir:  # `--dirty`: the previous files are expected in place
            PreviousSite.recover(site_dir)
            return
        # A build stopped by Ctrl-C or a signal leaves what it wrote, as MkDocs would.
        self.previous = PreviousSite(site_dir)
        atexit.register(self._stopped)
        self._restore_signals = _exit_on_signals()
        if not self.previous.set_aside():
            self._forget_previous()

    def _stopped(self) -> None:
        # At exit already: a further stop changes nothing, and is not raised again.
        with _signals_held(deliver=False):
            if self.index is not None:
                self.index.cancel()
                self.index = None
            self._remove_stale()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.cases_dir = root / self.config.cases_dir
        self.templates_dir = root / self.config.templates_dir if self.config.templates_dir else None
        self.snippets = pipeline.snippets()
        self.addresses = Addresses(config.use_directory_urls)
        self.web_form = postbuild.WebForm(
            self.root / self.config.cms_bundle,
            FormSettings(
                repo=self.config.cms_repo,
                local_backend=self.config.cms_local_backend,
                auth_url=self.config.cms_auth_url,
            ),
        )
        if self.config.expand_nav and config.nav:
            vocab_path = self.cases_dir / pipeline.VOCABULARY_FILE
            vocabulary, _ = load_vocabulary(vocab_path, str(vocab_path))
            config.nav = expand_nav(config.nav, render.nav_sections(vocabulary))
        self._check_site_url(config)
        return config

    def _check_site_url(self, config: MkDocsConfig) -> None:
        """No address: an error in strict builds (what CI publishes), else a warning. The
        example address: a warning in every build that does not count as one in strict
        mode (the repository itself builds with it); `check-site` refuses it."""
        site_url = config.site_url
        if self.serving and config.config_file_path:
            # `mkdocs serve` has put its own address in the setting by now.
            site_url = hosting.configured_site_url(Path(config.config_file_path).read_text("utf-8"))
        problem = hosting.site_url_problem(site_url)
        if problem is None:
            return
        kind, message = problem
        if kind == "ontbreekt" and config.strict and not self.serving:
            raise PluginError(message)
        if kind == "ontbreekt":
            log.warning(message)
        else:
            _warn_uncounted(message)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.later = None  # a full build makes every page
        self.with_policy.clear()
        if self.previous is not None:
            self.previous.put_back()
        try:
            today = build_date(self.config.today)
        except BuildDateError as error:
            raise PluginError(str(error)) from None
        # No image may stand where a page or a theme file of the site already is.
        site_files = frozenset(f.src_uri for f in files)

        def start_index(documents: dict[str, str]) -> None:
            # Pagefind builds the finder's index in the background while the core makes the
            # pages and MkDocs themes them.
            self.index = BackgroundIndex(documents, Path(config.site_dir) / "pagefind")

        result = pipeline.build(
            self.cases_dir,
            today,
            self.templates_dir,
            base=self.root,
            site_url=config.site_url or "",
            addresses=self.addresses,
            site_files=site_files,
            documents_made=start_index,
            stale_after_months=self.config.verouderd_na_maanden,
        )
        self.result = result
        for held in result.held_back:
            log.info(f"niet gepubliceerd: {held.display}: {held.reason}")
        if result.problems:
            self._report(result)
            if self.serving:
                result.pages[PROBLEMS_PAGE] = render.render_problems(
                    result.problems, render.environment(self.templates_dir)
                )
        nav_pages = set(render.NAV_PAGES)
        for src_uri, text in result.pages.items():
            # Case and pagination pages are reached through listings, never through the nav.
            inclusion = (
                InclusionLevel.UNDEFINED if src_uri in nav_pages else InclusionLevel.NOT_IN_NAV
            )
            self._add(files, File.generated(config, src_uri, content=text, inclusion=inclusion))
        for src_uri, data in result.data.items():
            self._add(files, File.generated(config, src_uri, content=data))
        texts, copies, notes = postbuild.web_form_files(result.catalog.vocabulary, self.web_form)
        for note in notes:
            log.info(note)
        for src_uri, text in texts.items():
            self._add(files, File.generated(config, src_uri, content=text))
        for src_uri, path in copies.items():
            self._add(files, File.generated(config, src_uri, abs_src_path=str(path)))
        for src_uri, content in result.media.items():
            self._add(files, File.generated(config, src_uri, content=content))
        # Everything so far lives until the build ends; spare the collector re-scanning it
        # while MkDocs renders (a quarter of a second per 1,000 cases). Undone after the build.
        gc.freeze()
        log.info(
            f"maatwerkbank: {len(result.catalog.entries)} cases gepubliceerd, "
            f"{len(result.pages)} pagina's gemaakt ({today.isoformat()})"
        )
        return files

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        """The core's pages skip Markdown: MkDocs only themes their HTML."""
        source = self.result.pages.get(page.file.src_uri) if self.result else None
        if source is not None and page.file.generated_by is not None:
            page.__class__ = _CorePage
            assert isinstance(page, _CorePage)
            page.core = render.page(source)
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
        """Every file of the build is written once the finder's index is: what the previous
        build left and this one did not write goes now (`previous_site`)."""
        self.notes = []
        if self.index is not None:
            try:
                # Still `self.index` while it waits: a build stopped now stops Pagefind too.
                self.notes = postbuild.collect_index(Path(config.site_dir), self.index)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
            self.index = None
        self._remove_stale()

    def _remove_stale(self) -> None:
        if self.previous is None:
            return
        with _signals_held():  # a second Ctrl-C waits until the previous files are gone
            self.previous.remove_stale()
        self._forget_previous()

    def _forget_previous(self) -> None:
        self.previous = None
        atexit.unregister(self._stopped)
        self._restore_signals()

    def _site_finished(self, *, config: MkDocsConfig) -> None:
        """The engine-independent steps (`postbuild`): every page's Content-Security-Policy
        and `_headers` (every build and rebuild), after the finder's index.

        The objects frozen in `on_files` stay frozen after `mkdocs build`: the process ends
        with the build, and the collector's passes over millions of objects at exit took
        1.7 s at 5,000 cases (they are freed all the same). The preview lives on and
        rebuilds: there they are unfrozen."""
        if self.serving:
            gc.unfreeze()
        if self.result is None:
            return
        postbuild.finish_pages(Path(config.site_dir), frozenset(self.with_policy))
        for note in self.notes:
            log.info(note)
        if not self.serving:
            gc.freeze()  # and what MkDocs made since

    on_post_build = CombinedEvent(_site_written, _site_finished)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        if self.index is not None:
            self.index.cancel()
            self.index = None
        # The site folder holds what this build wrote, as after MkDocs' cleaning.
        self._remove_stale()

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        self.nav = nav
        return nav

    def on_env(
        self, env: Environment, /, *, config: MkDocsConfig, files: Files
    ) -> Environment | None:
        if self.nav is not None:
            self.built = (config, files, self.nav, env)
        in_nav = {page.file.src_uri for page in self.nav.pages} if self.nav else set()
        env.globals["maatwerkbank_nav_key"] = lambda page: _shared_nav_key(page, in_nav)
        env.globals["maatwerkbank_nav_cache"] = {}
        crowded = _crowded_folders(files)
        env.globals["maatwerkbank_folder"] = lambda page: _shared_key(page, in_nav, crowded)
        env.globals["maatwerkbank_block_cache"] = {}
        translations = _translations(env, config.theme["language"])
        if translations is not None:
            env.globals["maatwerkbank_t"] = translations
        env.bytecode_cache = _theme_bytecode_cache(env)
        if self.previous is not None:
            self.previous.clear_way(_to_be_written(files, config))
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        """Rebuild and reload when case files, the vocabulary, media or templates change; a
        saved case takes the quick path (`_quick_update`) when it can. Each served page's
        policy allows the live-reload script MkDocs injects into it."""
        app = server.get_app()
        if app is not None:
            server.set_app(live_reload.with_live_reload(app))
        server.watch(str(self.cases_dir))
        if self.templates_dir is not None:
            server.watch(str(self.templates_dir))
        self.watched = [self.cases_dir, Path(config.docs_dir)]
        self.watched += [Path(p) for p in (config.config_file_path, *config.watch) if p]
        if self.templates_dir is not None:
            self.watched.append(self.templates_dir)
        if config.theme.custom_dir:  # watched by `mkdocs serve --watch-theme`
            self.watched.append(Path(config.theme.custom_dir))
        self.snapshot = preview.snapshot(self.watched)
        full_build = server.builder

        def build() -> None:
            if self.later is not None:  # the second round of a quick update
                if not self._finish_quick_update():
                    full()
                elif preview.changed(self.snapshot, preview.snapshot(self.watched)):
                    build()  # saved again meanwhile
                return
            if not self._quick_update(server):
                full()

        def full() -> None:
            full_build()
            self.snapshot = preview.snapshot(self.watched)

        server.builder = build

    def _quick_update(self, server: LiveReloadServer) -> bool:
        """After one saved case: theme only the pages whose source changed, write the data
        files, and re-index the finder in the background. The saved case's page is shown
        first: the pages of other cases that list it as related follow in a second round
        of the server's (`_another_round`). True, doing nothing, when no watched file but
        an editor's own changed since the last build. False when a full build must do it
        (anything `preview.update` does not cover, or anything unexpected here)."""
        now = preview.snapshot(self.watched)
        saved = preview.changed(self.snapshot, now)
        if not saved and self.result is not None:
            # The watcher saw a change this build already has (a file written in two
            # steps), or an editor's own file: nothing to make (a full build took most of
            # a minute at 5,000 cases).
            return True
        if len(saved) != 1 or self.result is None or self.built is None:
            return False
        config = self.built[0]
        started = time.perf_counter()
        try:
            update = preview.update(
                self.result,
                saved[0],
                self.cases_dir,
                build_date(self.config.today),
                self.templates_dir,
                self.root,
                config.site_url or "",
                self.addresses,
            )
            if update is None:
                return False
            self.result = update.result  # what `on_pre_page` reads the pages from
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

    def _finish_quick_update(self) -> bool:
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

    def _report(self, result: pipeline.BuildResult) -> None:
        level = logging.WARNING if self.serving else logging.ERROR
        for problem in result.problems:
            log.log(level, str(problem))
        message = (
            f"build gestopt: {summary(result.files_checked, result.problems)} Los de problemen "
            "hierboven op; 'maatwerkbank check' toont ze ook."
        )
        if not self.serving:
            raise PluginError(message)

    @staticmethod
    def _add(files: Files, file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"'{file.src_uri}' bestaat al in de docs-map; die pagina maakt de generator zelf. "
                "Verwijder of hernoem het handgeschreven bestand."
            )
        files.append(file)


def _to_be_written(files: Files, config: MkDocsConfig) -> Iterator[str]:
    """Where `mkdocs build` will write, as site-relative paths: every included file (pages
    and copied files), the theme's templates (`sitemap.xml` with its gzipped copy) and
    `postbuild`'s `_headers`."""
    yield from (f.dest_uri for f in files if InclusionLevel.is_included(f.inclusion))
    for name in config.theme.static_templates:
        yield name
        if name == "sitemap.xml":
            yield f"{name}.gz"
    yield postbuild.HEADERS_FILE


_STOPPING = (
    signal.SIGINT,
    signal.SIGTERM,
    *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else []),  # not on Windows
)
"""Ctrl-C; what CI sends to cancel a job (and `timeout`); a closed terminal or SSH session."""


def _exit_on_signals() -> Callable[[], None]:
    """Make SIGTERM and SIGHUP end `mkdocs build` as Ctrl-C does, through Python's exit, so
    that `atexit` runs; returns the undo. Only signals nobody else has taken, and only in
    the main thread (as Python requires)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    taken = [s for s in _STOPPING[1:] if signal.getsignal(s) is signal.SIG_DFL]

    def stopped(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in taken:
        signal.signal(signum, stopped)

    def restore() -> None:
        for signum in taken:
            signal.signal(signum, signal.SIG_DFL)

    return restore


@contextlib.contextmanager
def _signals_held(*, deliver: bool = True) -> Iterator[None]:
    """Hold back Ctrl-C and the other stopping signals until the block is done; they are
    raised then (`deliver`), else dropped. Python's own handlers are swapped (not the
    process's signal mask, which another thread would not share); as is outside the main
    thread, where Python cannot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    handlers = {}
    for signum in _STOPPING:
        handler = signal.getsignal(signum)
        if handler is not None:  # None: set outside Python, which cannot be put back
            handlers[signum] = signal.signal(signum, lambda number, _: arrived.append(number))
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        for number in arrived if deliver else ():
            signal.raise_signal(number)


def _warn_uncounted(message: str) -> None:
    """A warning shown like MkDocs' own, which `--strict` does not turn into a failure:
    sent to MkDocs' handlers except the one that counts warnings for strict mode."""
    record = log.makeRecord(log.name, logging.WARNING, __file__, 0, message, (), None)
    for handler in logging.getLogger("mkdocs").handlers:
        if not isinstance(handler, CountHandler) and record.levelno >= handler.level:
            handler.handle(record)


def _theme_bytecode_cache(env: Environment) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates for the theme's environment, which MkDocs makes
    without one: compiling Material's templates again took 0.4 s of every build (a tenth
    of a build at 1,000 cases). Kept apart per set of compiler settings (compiled code
    depends on them, and Jinja's cache key does not), beside the core's own cache
    (`render.bytecode_cache`: this user's folder in the temp directory, entries checked
    against their source)."""
    if not isinstance(env.autoescape, bool):
        return None  # a function: not comparable between builds
    settings = (
        sorted(env.extensions),
        env.autoescape,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
    )
    digest = hashlib.sha256(repr(settings).encode()).hexdigest()[:16]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__maatwerkbank_theme_{digest}_%s.cache")
    except (OSError, RuntimeError):
        return None


def _translations(env: Environment, language: str) -> Callable[[str], str] | None:
    """Material's `t` (partials/language.html): the theme's text for `key` in `language`,
    else in English, else the key; from Material's own language files, each key once."""
    found: dict[str, str] = {}

    def module(name: str) -> Any:
        try:
            return env.get_template(f"partials/languages/{name}.html").module
        except TemplateNotFound:
            return None

    own, english = module(language), module("en")
    if own is None:
        return None  # Material's own lookup, which stops the build on an unknown language

    def t(key: str) -> str:
        text = found.get(key)
        if text is None:
            text = found[key] = (
                (own and str(own.t(key))) or (english and str(english.t(key))) or key
            )
        return text

    return t


def _folder(page: Page | None) -> str:
    """The folder a page's URL is in, with the URL's depth (`2:cases` for `cases/a/`, `0:`
    for the home page, `1:` for `zoeken/`)."""
    if page is None:
        return ""
    return f"{page.url.count('/')}:{page.url.rstrip('/').rpartition('/')[0]}"


def _crowded_folders(files: Files) -> set[str]:
    """The URL folders (`cases/`) that hold more than one file of the site."""
    counts: dict[str, int] = {}
    for file in files:
        url = file.url
        folder = url if url.endswith("/") else url.rpartition("/")[0] + "/"
        parts = folder.strip("/").split("/") if folder.strip("/") else []
        for n in range(len(parts) + 1):
            prefix = "/".join(parts[:n]) + "/" if n else ""
            counts[prefix] = counts.get(prefix, 0) + 1
    return {folder for folder, count in counts.items() if count > 1}


def _shared_key(page: Page | None, in_nav: set[str], crowded: set[str]) -> str | None:
    """The key under which pages share one rendering of the theme's parts that are made
    only of relative links (styles, scripts, app config, the header but its title: see
    overrides/main.html), or None for a page rendered as Material does.

    From pages in one folder at one depth (`_folder`: every case page is `2:cases`), a
    link to anything outside the page's own URL folder is the same. So pages share only
    when nothing else lies inside their own URL folder (`cases/a/` holds only its page;
    `cases/` holds every case), and never pages in the nav (the home page and the finder,
    which those parts link to, are in it)."""
    if page is None or page.file.src_uri in in_nav:
        return None
    if page.url.endswith("/") and page.url in crowded:
        return None
    return _folder(page)


def _shared_nav_key(page: Page | None, in_nav: set[str]) -> str | None:
    """The key under which pages share one rendering of the primary navigation: pages that
    are not in the nav (nothing in it is active for them), by the folder they are in
    (`cases/` for every case page), since a relative link from `cases/a/` to a nav page is
    the same as from `cases/b/` (no nav page lies inside a case's own folder). None for
    every page in the nav, which Material renders as always (see overrides/main.html)."""
    if page is None or page.file.src_uri in in_nav:
        return None
    return f"{_folder(page)}:{'navigation' in (page.meta.get('hide') or ())}"


def _another_round(server: LiveReloadServer) -> bool:
    """Ask the server for one more build round right after this one, as a saved file does:
    browsers reload after each round, so the saved case is shown without waiting for the
    rest. MkDocs 1.6 has no public call for it: this sets what its file watcher sets
    (`_want_rebuild`, under `_rebuild_cond`). False where those are missing."""
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
    shutil.rmtree(fresh, ignore_errors=True)
    index = BackgroundIndex(documents, fresh)
    with _REINDEX_LOCK:
        _latest_reindex = number

    def finish() -> None:
        try:
            index.finish()
        except SearchIndexError as error:
            log.warning(str(error))
            shutil.rmtree(fresh, ignore_errors=True)
            return
        with _REINDEX_LOCK:
            if number != _latest_reindex:
                shutil.rmtree(fresh, ignore_errors=True)
                return
            shutil.rmtree(site / "pagefind", ignore_errors=True)
            fresh.rename(site / "pagefind")

    threading.Thread(target=finish, daemon=True).start()


class _CorePage(Page):
    """A page the core has rendered to HTML: read and rendered without Python-Markdown.

    MkDocs calls `read_source` and `render` on every page; here they take the core's page
    instead of parsing Markdown. The theme gets what a Markdown page would give it: meta
    (title and description escaped, because MkDocs' theme templates do not autoescape),
    content, table of contents and the ids links may point at.
    """

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
