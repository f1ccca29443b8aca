"""The whole site input, written to a folder: what an engine other than our plugin builds.

Zensical (the Material team's successor to MkDocs) and MkDocs 2 load no MkDocs plugins,
and Zensical's advice is to run generators before the build. So the core writes
everything the plugin would add, into one folder (`maatwerkbank generate --out DIR`):

- `DIR/docs/`: the site's hand-written pages (the config's docs dir, with the generated
  snippets filled in) plus every generated page, data file and media file, and the web
  form at /beheer/ when asked;
- `DIR/zoekdocumenten/`: the finder's search documents, for a generator that runs
  Pagefind itself (`maatwerkbank site` hands them to the index's process instead); they are not
  pages of the site;
- `DIR/mkdocs.yml`: the site's config for that engine (`site_config.engine_config`),
  which builds into `DIR/site/` (Zensical builds only inside its project folder).

Generated pages are written with `engine_markdown.MARKER` after their front matter, so
the engine's Markdown passes them through whole and gets their table of contents.
Nothing is written into the config's docs dir.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator.build import pipeline
from generator.build.publish_mode import Mode, SettingError, configured_months
from generator.contract.problems import Problem
from generator.engines import postbuild, site_config
from generator.engines.engine_markdown import MARKER
from generator.engines.site_config import SiteConfig
from generator.reading import files
from generator.reading.loading import display_path
from generator.rendering import render
from generator.rendering.addresses import Addresses

DOCS = "docs"
SEARCH_DOCUMENTS = "zoekdocumenten"
CONFIG = "mkdocs.yml"


class SiteInputError(RuntimeError):
    """A problem with the site's own files (not the cases): a Dutch message."""


@dataclass(frozen=True)
class SiteInput:
    result: pipeline.BuildResult
    folder: Path
    notes: tuple[str, ...] = ()
    """Lines for the build log (the web form left out)."""

    @property
    def config(self) -> Path:
        return self.folder / CONFIG


def addresses_for(config: SiteConfig, engine: str) -> Addresses:
    """Zensical resolves links against source files; MkDocs' plugin gets final URLs."""
    return Addresses(config.use_directory_urls, source_links=engine == "zensical")


def write_site_input(
    config: SiteConfig,
    folder: Path,
    today: date,
    *,
    engine: str = "zensical",
    cases_dir: Path | None = None,
    templates_dir: Path | None = None,
    web_form: postbuild.WebForm | None = None,
    search_documents: bool = True,
    mode: Mode = Mode.STRICT,
) -> SiteInput:
    """Build with the core and write the site input for `engine` into `folder`.

    Written also when cases have problems (the caller reports them, and fails when the
    result is `stopped` in `mode`), so a reader sees what the valid cases give. Raises
    `SiteInputError` when a hand-written page takes the place of a generated one, or
    cannot be read (`unreadable_pages`).
    `search_documents`: also write the finder's documents (`zoekdocumenten/`).
    """
    try:
        months, _ = configured_months(mode, config.options["verouderd_na_maanden"])
    except SettingError as error:
        raise SiteInputError(str(error)) from None
    unreadable = unreadable_pages(config.docs_dir, config.root, config.theme_dir)
    if unreadable:
        raise SiteInputError("\n".join(map(str, unreadable)))
    result = pipeline.build(
        cases_dir or config.path_option("cases_dir") or config.root / "cases",
        today,
        templates_dir or config.path_option("templates_dir"),
        base=config.root,
        site_url=config.site_url,
        addresses=addresses_for(config, engine),
        site=config.site_info,
        mode=mode,
        stale_after_months=months,
    )
    docs = folder / DOCS
    for old in (docs, folder / SEARCH_DOCUMENTS):
        shutil.rmtree(old, ignore_errors=True)
    _copy_hand_written(config.docs_dir, docs)
    generated = {**result.pages, **result.data}
    for src in [*generated, *result.media]:
        if (docs / src).exists():
            raise SiteInputError(
                f"'{src}' bestaat al in de docs-map; die pagina maakt de generator zelf. "
                "Verwijder of hernoem het handgeschreven bestand."
            )
    for src, text in result.pages.items():
        _write(docs / src, _marked(text))
    for src, text in result.data.items():
        _write(docs / src, text)
    for src, content in result.media.items():  # cleaned by the core (no metadata)
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_bytes(content)
    notes: list[str] = []
    if web_form is not None:
        texts, copies, notes = postbuild.web_form_files(result.catalog.vocabulary, web_form)
        for src, text in texts.items():
            _write(docs / src, text)
        for src, npm_file in copies.items():
            (docs / src).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(npm_file, docs / src)
    for path, document in result.search_documents.items() if search_documents else ():
        _write(folder / SEARCH_DOCUMENTS / path, document)
    derived = site_config.engine_config(
        config,
        engine,
        DOCS,
        "site",
        render.nav_sections(result.catalog.vocabulary),
    )
    _write(
        folder / CONFIG,
        "# Afgeleid van "
        + str(config.path)
        + " door maatwerkbank; niet met de hand wijzigen.\n"
        + yaml.safe_dump(derived, sort_keys=False, allow_unicode=True),
    )
    return SiteInput(result, folder, tuple(notes))


PAGE_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".html", ".htm"})
"""Files in `content/` an engine reads as text: Markdown (the suffixes MkDocs reads as
pages) and HTML (read again after the build, for each page's policy)."""


def unreadable_pages(docs_dir: Path, base: Path, theme_dir: Path | None = None) -> list[Problem]:
    """What in the hand-written pages (`content/`) and the theme's own templates
    (`overrides/`) an engine cannot read, each at its line and column: a page or template
    that is not UTF-8, or holds NUL characters (UTF-16 without its byte-order mark passes
    for UTF-8), and a file or folder whose name is not UTF-8 (MkDocs stops with a traceback
    in English, Zensical leaves the site empty and says nothing)."""
    problems = []
    paths = sorted(docs_dir.rglob("*"))
    if theme_dir is not None and theme_dir.is_dir():
        paths.extend(sorted(theme_dir.rglob("*")))
    for path in paths:
        # (a name's bytes that are not UTF-8 are shown as `\udce9`)
        if not _utf8_name(path.name):
            problems.append(Problem(display_path(path, base), 1, 1, _NAME_NOT_UTF8))
            continue
        if path.suffix.lower() not in PAGE_SUFFIXES or not path.is_file():
            continue
        text = files.decoded(path.read_bytes())
        if isinstance(text, tuple):
            problems.append(Problem(display_path(path, base), *text, files.NOT_UTF8))
        elif "\x00" in text:
            at = files.position(text, text.index("\x00"))
            problems.append(Problem(display_path(path, base), *at, _NUL))
    return problems


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system gave that are not UTF-8
        return False
    return True


_NAME_NOT_UTF8 = (
    "de naam van dit bestand of deze map is geen UTF-8: hernoem het (letters als é opnieuw getypt)"
)
_NUL = (
    "bestand bevat NUL-tekens (U+0000): het is opgeslagen als UTF-16 of is geen tekst; sla "
    "het op als UTF-8"
)


def _copy_hand_written(source: Path, target: Path) -> None:
    """The hand-written pages, with the snippets the plugin fills in at build time."""
    snippets = pipeline.snippets()
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            for marker, snippet in snippets.items():
                text = text.replace(marker, snippet)
            destination.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, destination)


def _marked(source: str) -> str:
    """The page as an engine reads it: the marker that lets `engine_markdown` pass its body
    through whole, and title and description escaped, because the engines' themes put them
    into the page without escaping (as the MkDocs plugin escapes them in the page's meta).
    Values are written as JSON, which is YAML too."""
    front, body = render.split_front_matter(source)
    meta = yaml.load(front.strip().strip("-"), Loader=yaml.CSafeLoader) if front else None
    if isinstance(meta, dict):
        lines = ["---"]
        for key, value in meta.items():
            if key in ("title", "description"):
                value = html.escape(str(value))
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        front = "\n".join([*lines, "---", ""])
    return f"{front}{MARKER}\n{body}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
