"""The finder's search index: Pagefind over search documents written by the core.

Each published case gets a small HTML document with its text and the finder's facets
(`data-pagefind-filter`) and result fields (`data-pagefind-meta`), at the case's own URL.
Pagefind (a Rust binary in the `pagefind[bin]` wheel, run offline) indexes them with Dutch
stemming (`lang="nl"`) into a chunked index, so a first query downloads a few hundred
kilobytes whatever the number of cases.

Indexing the finished site took 10 s of a 60 s build at 5,000 cases, on one core while the
other idled. These documents exist before the site is rendered, so the adapter starts
Pagefind on them in the background and collects it at the end: the index costs no wall
time of its own, and it no longer depends on the theme's HTML.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2

from generator import labels
from generator.catalog import Catalog
from generator.facets import case_facets
from generator.render import TEMPLATES, page_url

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|]+")


class SearchIndexError(RuntimeError):
    pass


def text_only(markdown: str) -> str:
    """Authors' Markdown as plain words for the index: link text kept, markup dropped."""
    return " ".join(_MARKUP.sub(" ", _LINK.sub(r"\1", markdown)).split())


def search_documents(catalog: Catalog) -> dict[str, str]:
    """`{path: html}` of every published case's search document, paths like the site's."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["text_only"] = text_only
    template = env.get_template("search_document.html.j2")
    return {
        page_url(entry.src) + "index.html": template.render(
            case=entry.case,
            facets=case_facets(entry, catalog),
            SOORT=labels.SOORT,
        )
        for entry in catalog.entries
    }


class BackgroundIndex:
    """Pagefind over the search documents, in its own process, while the caller goes on."""

    def __init__(self, documents: dict[str, str], output_dir: Path) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="maatwerkbank-zoek-"))
        for path, html in documents.items():
            target = self._folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        self.count = len(documents)
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(self._folder),
                "--output-path",
                str(output_dir),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def finish(self) -> int:
        """Wait for Pagefind; raises with its output when it failed."""
        try:
            output, _ = self._process.communicate()
            if self._process.returncode != 0:
                raise SearchIndexError(f"Pagefind faalde:\n{output}")
            return self.count
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)

    def cancel(self) -> None:
        self._process.kill()
        self._process.communicate()
        shutil.rmtree(self._folder, ignore_errors=True)
