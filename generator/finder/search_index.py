"""The finder's search index: Pagefind over the core's search documents
(`site.search_documents`).

Pagefind (a Rust binary in the `pagefind[bin]` wheel, run offline) indexes them with Dutch
stemming (`lang="nl"`) into a chunked index, so a first query downloads a few hundred
kilobytes whatever the number of cases.

Indexing the finished site took 10 s of a 60 s build at 5,000 cases, on one core while the
other idled. These documents exist before the site is rendered, so the adapter hands them
to a background process that writes them and runs Pagefind, and collects it at the end:
the index costs little wall time of its own, and it does not depend on the theme's HTML.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


class BackgroundIndex:
    """Pagefind over the search documents, in a process of its own, while the caller goes on.

    Writing one file per case is file-system work (up to 2 s per 1,000 cases measured on a
    slow disk), and a thread writing them would wait for the busy caller's GIL at every
    system call. So the caller writes one JSON file, and a child process writes the
    documents and runs Pagefind; the caller only waits in `finish`.
    """

    def __init__(self, documents: dict[str, str], output_dir: Path) -> None:
        self.count = len(documents)
        self._process: subprocess.Popen[str] | None = None
        if not documents:
            # Nothing published yet (a fresh fork, only concepts): no index, and the finder
            # page says there are no cases (Pagefind itself refuses to index nothing).
            return
        text = json.dumps(documents)
        self._folder = Path(tempfile.mkdtemp(prefix="maatwerkbank-zoek-", dir=_scratch(len(text))))
        bundle = self._folder / "documents.json"
        try:
            bundle.write_text(text, encoding="utf-8")
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "generator.finder.pagefind_run",
                    str(bundle),
                    str(output_dir),
                    str(os.getpid()),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,  # a group of its own, which `cancel` stops whole
            )
        except BaseException:  # a build stopped now: in memory, the folder would stay
            shutil.rmtree(self._folder, ignore_errors=True)
            raise

    @classmethod
    def of_folder(cls, folder: Path, output_dir: Path) -> BackgroundIndex:
        """Pagefind over documents already written to `folder` (`maatwerkbank generate`
        writes them for engines other than MkDocs); the folder is left in place."""
        index = cls.__new__(cls)
        index._folder = Path(tempfile.mkdtemp(prefix="maatwerkbank-zoek-"))
        index.count = sum(1 for _ in folder.rglob("*.html"))
        index._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator.finder.pagefind_run",
                "--folder",
                str(folder),
                str(output_dir),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # a group of its own, which `cancel` stops whole
        )
        return index

    def finish(self) -> int:
        """Wait for Pagefind; raises with its output when it failed."""
        if self._process is None:
            return 0
        try:
            output, _ = self._process.communicate()
            if self._process.returncode != 0:
                raise SearchIndexError(f"Pagefind faalde:\n{output}")
            return self.count
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)

    def cancel(self) -> None:
        """Stop the index process and Pagefind under it at once (a build that failed or
        was stopped must not wait seconds for an index it throws away)."""
        if self._process is None:
            return
        try:
            os.killpg(self._process.pid, signal.SIGKILL)  # a group of its own
        except (AttributeError, OSError):
            self._process.kill()
        self._process.communicate()
        shutil.rmtree(self._folder, ignore_errors=True)


SCRATCH = "/dev/shm"
"""Linux's shared memory, a file system in memory: where the documents are written for
Pagefind when it has room. At 5,000 cases, writing them to disk and Pagefind reading them
took 3 s of processor time more (most of it the kernel's), on a build that keeps both cores
busy."""


def _scratch(size: int) -> str | None:
    """A folder for `size` bytes of documents: `SCRATCH` when it has room for them four
    times over (the bundle, the files, Pagefind's index of them, about as large, and some
    to spare: containers often give it only 64 MB), else the system's temp folder (None)."""
    try:
        if os.access(SCRATCH, os.W_OK) and shutil.disk_usage(SCRATCH).free > 4 * size:
            return SCRATCH
    except OSError:
        pass
    return None
