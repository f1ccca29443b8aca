"""The finder's search index: Pagefind over the core's search documents
(`rendering.search_documents`).

Pagefind (the binary in the `pagefind[bin]` wheel, found as its Python package finds it,
run offline) indexes them with Dutch stemming (`lang="nl"`) into a chunked index, so a
first query downloads a few hundred kilobytes whatever the number of cases; the index is
put in a fixed order (`pagefind_order`) so two builds give the same bytes.

The documents exist before the site is themed, so `BackgroundIndex` indexes them while
the caller renders the pages, in a process of its own (this module run as a program,
started before the documents are made, so its start costs the build nothing), which
writes them into a temporary folder and runs Pagefind's command line over it. Pagefind's
Python API (from memory, through its service) was measured against it and did not hold
the speed: its service indexes one document at a time, 3.4 times the command line's wall
time at 5,000 cases (docs/performance.md). The process is a plain child program, not a
`multiprocessing` one, so that a preview stopped at any moment (Ctrl-C reaches the whole
process group) ends it without a traceback: it ignores SIGINT, and a parent that is gone
is an end of input, which it takes quietly.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from pagefind.service import get_executable

from generator.finder import pagefind_order

NICENESS = 10
"""How far the index's process (and Pagefind under it) steps back for other work."""


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
    if hasattr(os, "nice"):
        # Behind the build's own work: the pages are themed one by one in one process,
        # the longest path of a build, and a preview shows the saved page first.
        os.nice(NICENESS)
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
    """Write the documents into a temporary folder, as the site would hold them, and run
    Pagefind over it. SIGTERM (`BackgroundIndex.cancel`) stops Pagefind at once and
    removes the folder, so nothing writes into the output folder afterwards."""
    if not documents:
        # Nothing published yet (a fresh fork, only concepts): no index, and the finder
        # page says there are no cases (Pagefind itself refuses to index nothing).
        return 0
    binary = get_executable()
    if binary is None:
        raise SearchIndexError("het programma pagefind ontbreekt (pip-pakket pagefind[bin])")
    shutil.rmtree(output_dir, ignore_errors=True)
    pagefind: subprocess.Popen[str] | None = None
    asked: list[bool] = []

    def stop(*_: object) -> None:
        asked.append(True)
        if pagefind is None:
            return  # Pagefind is being started: stopped once it is (below)
        pagefind.kill()
        pagefind.wait()  # reaped here: an orphan's zombie may never be (a container's init)
        raise SystemExit(1)  # the temporary folder is removed on the way out

    signal.signal(signal.SIGTERM, stop)
    try:
        with tempfile.TemporaryDirectory(prefix="maatwerkbank-zoek-", dir=_in_memory()) as folder:
            for path, html in documents.items():
                target = Path(folder, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
            # Run in the folder: a Pagefind configuration file of whatever folder the
            # build runs in is not read.
            output = str(output_dir.absolute())
            command = [str(binary), "--quiet", "--site", ".", "--output-path", output]
            pagefind = subprocess.Popen(
                command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            if asked:  # SIGTERM came while it started: one left running would write into
                stop()  # the output folder after all
            said, _ = pagefind.communicate()
    except OSError as error:
        raise SearchIndexError(str(error)) from None
    except SystemExit:
        shutil.rmtree(output_dir, ignore_errors=True)
        raise
    if pagefind.returncode != 0:
        shutil.rmtree(output_dir, ignore_errors=True)
        raise SearchIndexError(said.strip()[-500:] or f"code {pagefind.returncode}")
    pagefind_order.normalise(output_dir)
    return len(documents)


def _in_memory() -> str | None:
    """Linux's shared-memory folder, where there is one: thousands of small files written
    and read once cost seconds of a disk's metadata work (docs/performance.md); else the
    system's temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


if __name__ == "__main__":
    _main(sys.argv[1])
