"""The finder's search index: Pagefind over the core's search documents
(`site.search_documents`), through Pagefind's Python API, from memory.

Pagefind (the Rust binary in the `pagefind[bin]` wheel, run offline as a service by its
Python wrapper) indexes them with Dutch stemming (`lang="nl"`) into a chunked index, so a
first query downloads a few hundred kilobytes whatever the number of cases. Nothing is
staged on disk: the documents go to Pagefind's service as strings, and the index is
written into the site, then put in a fixed order (`pagefind_order`) so two builds give
the same bytes.

The documents exist before the site is themed, so `BackgroundIndex` indexes them while
the caller renders the pages, in a process of its own (this module run as a program): its
event loop, feeding thousands of documents and reading their answers, took the GIL from
the thread that renders the pages so often that a thread of the build's own process made
the theming three times slower in wall time at 5,000 cases (docs/performance.md). The
process starts before the documents are made, so its start costs the build nothing. It is
a plain child program, not a `multiprocessing` one, so that a preview stopped at any
moment (Ctrl-C reaches the whole process group) ends it without a traceback: it ignores
SIGINT, and a parent that is gone is an end of input, which it takes quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.finder import pagefind_order
from generator.finder.pagefind_service import PagefindError, Service

BATCH = 250
"""Documents sent at once before their answers are awaited: enough to keep Pagefind busy,
few enough that they are not all copied into the pipe's buffer at once."""


class SearchIndexError(RuntimeError):
    pass


def write_index(documents: dict[str, str], output_dir: Path) -> int:
    """Index `documents` (`{site path: HTML}`) into `output_dir`, made anew; returns how
    many. Pagefind derives each result's URL from the path, as it does for a folder.
    Raises `SearchIndexError` when Pagefind fails."""
    index = BackgroundIndex(output_dir)
    index.add(documents)
    return index.finish()


class BackgroundIndex:
    """Pagefind's index of the documents `add` gets, made in a process of its own while the
    caller goes on; `finish` waits for it, `cancel` stops it."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        # Its own error output is kept aside, not mixed into the build's: a cancelled index
        # (a build that failed) may leave asyncio's complaints about a killed Pagefind.
        # Only an index that ends without its answer says what it printed.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in finish/cancel)
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(output_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
        )

    def add(self, documents: dict[str, str]) -> None:
        """Index these documents (once)."""
        assert self._process.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # it ended: `finish` says why
            pickle.dump(documents, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.close()

    def finish(self) -> int:
        """Wait for the index; raises `SearchIndexError` when Pagefind failed."""
        answer = self._finished()
        try:
            count, error = json.loads(answer)
        except ValueError:
            self._errors.seek(0)
            printed = self._errors.read().decode("utf-8", "replace").strip()[-500:]
            count, error = (
                0,
                "het indexproces stopte onverwacht" + (f": {printed}" if printed else ""),
            )
        self._errors.close()
        if error:
            shutil.rmtree(self.output_dir, ignore_errors=True)
            raise SearchIndexError(f"Pagefind faalde: {error}")
        return int(count)

    def cancel(self) -> None:
        """Stop indexing and leave no index (a failed build does not wait for an index it
        throws away, nor leaves one to land in a later build's folder): the index's process
        stops Pagefind's at once and ends (SIGTERM, see `_index`)."""
        self._process.terminate()
        self._finished()
        self._errors.close()
        shutil.rmtree(self.output_dir, ignore_errors=True)

    def _finished(self) -> bytes:
        """The process's answer, once it has ended."""
        assert self._process.stdin is not None and self._process.stdout is not None
        with contextlib.suppress(BrokenPipeError):
            self._process.stdin.close()
        answer = self._process.stdout.read()
        self._process.stdout.close()
        self._process.wait()
        return answer


def _main(output_dir: str) -> None:
    """The index's process: read the documents, index them, answer `[count, error]`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        received = pickle.load(sys.stdin.buffer)
    except (EOFError, pickle.UnpicklingError):
        return  # cancelled, or the parent stopped, before all documents came
    try:
        outcome = (_write_index(received, Path(output_dir)), "")
    except SearchIndexError as error:
        outcome = (0, str(error))
    with contextlib.suppress(OSError):  # the caller has gone (a preview stopped meanwhile)
        sys.stdout.write(json.dumps(outcome))
        sys.stdout.flush()


def _write_index(documents: dict[str, str], output_dir: Path) -> int:
    if not documents:
        # Nothing published yet (a fresh fork, only concepts): no index, and the finder
        # page says there are no cases (Pagefind itself refuses to index nothing).
        return 0
    shutil.rmtree(output_dir, ignore_errors=True)
    try:
        asyncio.run(_index(documents, output_dir))
    except (PagefindError, OSError) as error:
        shutil.rmtree(output_dir, ignore_errors=True)
        raise SearchIndexError(str(error)) from None
    except asyncio.CancelledError:
        shutil.rmtree(output_dir, ignore_errors=True)
        return 0
    pagefind_order.normalise(output_dir)
    return len(documents)


async def _index(documents: dict[str, str], output_dir: Path) -> None:
    """Index and write; SIGTERM (`BackgroundIndex.cancel`) cancels it, and Pagefind is
    killed, so that nothing writes into the output folder afterwards."""
    task = asyncio.current_task()
    if task is not None and hasattr(signal, "SIGTERM"):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    service = Service()
    await service.launch()
    try:
        index = await service.create_index()
        items = list(documents.items())
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            await asyncio.gather(
                *(index.add_html_file(content=html, source_path=path) for path, html in batch)
            )
        # Pagefind's `write_files` answers before its files are all written (an index read
        # right after could be cut off); the files are taken in memory and written here.
        for file in await index.get_files():
            path = output_dir / file["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(file["content"])
    except asyncio.CancelledError:
        service.kill()
        raise
    finally:
        await service.close()  # Pagefind's process ends with it


if __name__ == "__main__":
    _main(sys.argv[1])
