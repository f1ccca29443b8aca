"""After the engine: what the site needs that does not depend on which engine themed it.

The web form at /beheer/ is site input (`web_form_files`: pages link to it, and both
engines check links), added by the plugin in memory and written by `site_input`.

Run the same way after MkDocs (the plugin's `on_post_build`) and after Zensical
(`maatwerkbank site --engine zensical`), on the built site folder:

- the finder's index: Pagefind over the core's search documents (started by the caller
  in the background before the engine ran, `finder.search_index`; collected here, and
  moved into the site when the engine clears its site folder while building, as Zensical
  does);
- a Content-Security-Policy in every page, with the hashes of the inline scripts the
  engine's theme put in that page, read from the built HTML (so a theme update or another
  engine cannot break the policy), and `_headers` for what a meta tag cannot carry.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.authoring import web_form as cms
from generator.finder.search_index import BackgroundIndex
from generator.reading.vocabulary import Vocabulary
from generator.rendering import hosting

BUNDLE_FILE = "decap-cms.js"
FORM_LEFT_OUT = (
    "beheer: het webformulier (/beheer/) is weggelaten, want de npm-pakketten ontbreken; "
    "installeer Node.js met npm en draai 'make site' opnieuw om het toe te voegen."
)


@dataclass(frozen=True)
class WebForm:
    """The web form's settings and where Decap CMS's built files are (npm `decap-cms`)."""

    bundle: Path
    settings: cms.FormSettings


HEADERS_FILE = "_headers"
"""The response headers a meta tag cannot carry, for hosts that read this file."""


def finish_site(
    site: Path,
    *,
    index: BackgroundIndex | None,
    index_output: Path | None = None,
    with_policy: frozenset[str] = frozenset(),
) -> list[str]:
    """Finish a built site in place (`collect_index`, then `finish_pages`); returns lines
    for the build log (Dutch).

    Raises `search_index.SearchIndexError` when Pagefind failed.
    """
    notes = collect_index(site, index, index_output)
    finish_pages(site, with_policy)
    return notes


def collect_index(
    site: Path, index: BackgroundIndex | None, index_output: Path | None = None
) -> list[str]:
    """Wait for the finder's index and, when it was made elsewhere (`index_output`), move it
    into the site; returns lines for the build log. Raises `SearchIndexError`."""
    if index is None:
        return []
    count = index.finish()
    if index_output is not None and index_output != site / "pagefind":
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        shutil.move(index_output, site / "pagefind")
    return [f"zoekindex (Pagefind): {count} cases"]


def finish_pages(site: Path, with_policy: frozenset[str] = frozenset()) -> None:
    """Every page's Content-Security-Policy (`with_policy` names pages, as file paths, that
    have theirs already) and `_headers`."""
    add_policies(site, with_policy)
    (site / HEADERS_FILE).write_text(hosting.headers_file(), encoding="utf-8")


def web_form_files(
    vocabulary: Vocabulary, form: WebForm
) -> tuple[dict[str, str], dict[str, Path], list[str]]:
    """The web form at /beheer/ as site input (pages link to it, so engines check it like
    any file): its texts by path, the npm files to copy by path, and lines for the build
    log. Without the npm packages, a page there that says how to add the form."""
    # markdown-it (the preview) and js-yaml (the file format) are installed next to Decap
    # (package.json); their browser builds are copied beside it.
    scripts = {
        name: form.bundle.parents[1] / package / "dist" / name
        for name, package in cms.NPM_SCRIPTS.items()
    }
    if not (form.bundle / BUNDLE_FILE).is_file() or not all(p.is_file() for p in scripts.values()):
        return {f"{cms.ADMIN_DIR}/index.html": cms.left_out_page()}, {}, [FORM_LEFT_OUT]
    copies = {f"{cms.ADMIN_DIR}/{name}": path for name, path in scripts.items()}
    for path in sorted(form.bundle.iterdir()):
        # The full bundle (React included), its lazily loaded chunks and WebAssembly.
        if path.name.endswith(BUNDLE_FILE) or path.suffix == ".wasm":
            copies[f"{cms.ADMIN_DIR}/{path.name}"] = path
    return cms.admin_files(vocabulary, form.settings), copies, []


def add_policies(site: Path, with_policy: frozenset[str] = frozenset()) -> None:
    """Every page of the site gets its own policy (pages that have one keep it, so a
    rebuild of some pages under `mkdocs serve` can run this again; those in `with_policy`,
    as file paths, are not even read). The web form at /beheer/ talks to GitHub and loads
    Decap's bundle: it is not bound by the policy."""
    for path in site.rglob("*.html"):
        if path.relative_to(site).parts[0] == cms.ADMIN_DIR or str(path) in with_policy:
            continue
        text = path.read_text(encoding="utf-8")
        policed = hosting.with_policy(text)
        if policed != text:
            path.write_text(policed, encoding="utf-8")
