"""The finder's search index: Pagefind over the core's search documents
(`site.search_documents`), through Pagefind's Python API, from memory.

Pagefind (the Rust binary in the `pagefind[bin]` wheel, run offline as a service by its
Python wrapper) indexes them with Dutch stemming (`lang="nl"`) into a chunked index, so a
first query downloads a few hundred kilobytes whatever the number of cases. The documents
exist before the site is themed, so `BackgroundIndex` feeds them to Pagefind from a thread
with its own event loop while the caller renders the pages: the indexing itself runs in
Pagefind's process, on the other core. Nothing is staged on disk; the index is written
into the site, then put in a fixed order (`pagefind_order`) so two builds give the same
bytes.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

from generator.finder import pagefind_order
from generator.finder.pagefind_service import PagefindError, Service

IN_FLIGHT = 64
"""Documents sent ahead of Pagefind's answers: enough to keep it busy, few enough that the
documents are not all copied into the pipe's buffer at once."""


class SearchIndexError(RuntimeError):
    pass


def write_index(documents: dict[str, str], output_dir: Path) -> int:
    """Index `documents` (`{site path: HTML}`) into `output_dir`, made anew; returns how
    many. Pagefind derives each result's URL from the path, as it does for a folder.
    Raises `SearchIndexError` when Pagefind fails. (In a thread of its own, as
    `BackgroundIndex`: the caller's thread may run an event loop already.)"""
    return BackgroundIndex(documents, output_dir).finish()


def _write_index(documents: dict[str, str], output_dir: Path, stop: threading.Event) -> int:
    """`write_index` in this thread; once `stop` is set, no more documents are sent and
    no index is written (0)."""
    if not documents:
        # Nothing published yet (a fresh fork, only concepts): no index, and the finder
        # page says there are no cases (Pagefind itself refuses to index nothing).
        return 0
    shutil.rmtree(output_dir, ignore_errors=True)
    try:
        written = asyncio.run(_index(documents, output_dir, stop))
    except (PagefindError, OSError) as error:
        shutil.rmtree(output_dir, ignore_errors=True)
        raise SearchIndexError(f"Pagefind faalde: {error}") from None
    if not written:
        shutil.rmtree(output_dir, ignore_errors=True)
        return 0
    pagefind_order.normalise(output_dir)
    return len(documents)


async def _index(documents: dict[str, str], output_dir: Path, stop: threading.Event) -> bool:
    service = await Service().launch()
    try:
        index = await service.create_index()
        window = asyncio.Semaphore(IN_FLIGHT)

        async def add(path: str, html: str) -> None:
            async with window:
                if not stop.is_set():
                    await index.add_html_file(content=html, source_path=path)

        await asyncio.gather(*(add(path, html) for path, html in documents.items()))
        if stop.is_set():
            return False
        await index.write_files(output_path=str(output_dir.resolve()))
        return True
    finally:
        await service.close()  # Pagefind's process ends with it


class BackgroundIndex:
    """Pagefind's index in a thread with its own event loop, while the caller goes on (the
    indexing itself runs in Pagefind's process); `finish` waits for it, `cancel` stops it."""

    def __init__(self, documents: dict[str, str], output_dir: Path) -> None:
        self.count = 0
        self._error: SearchIndexError | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(documents, output_dir), name="pagefind", daemon=True
        )
        self._thread.start()

    def _run(self, documents: dict[str, str], output_dir: Path) -> None:
        try:
            self.count = _write_index(documents, output_dir, self._stop)
        except SearchIndexError as error:
            self._error = error

    def finish(self) -> int:
        """Wait for the index; raises `SearchIndexError` when Pagefind failed."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.count

    def cancel(self) -> None:
        """Stop sending documents, end Pagefind's process and write no index (a failed build
        does not wait for an index it throws away, nor leaves one to land in a later
        build's folder)."""
        self._stop.set()
        self._thread.join()
