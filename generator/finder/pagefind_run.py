"""The finder index's background process: writes the search documents and runs Pagefind.

Started by `search_index.BackgroundIndex` (`python -m generator.finder.pagefind_run`), and kept
apart from `search_index` so that it imports almost nothing: the process is on the build's
critical path at 1,000 cases, and importing the core (pydantic models, Markdown, Jinja)
cost it half a second before its first document was written.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.finder import pagefind_order


def _index(bundle: Path, output_dir: Path, parent: int) -> int:
    """In the child: write the documents next to the bundle, run Pagefind on them, and
    remove the bundle's folder (made for this run by `search_index.BackgroundIndex`, whose
    process is `parent`).

    Pagefind writes its index next to the documents too (in memory, where there is room),
    and `_sync` then makes `output_dir` hold the same files: a rebuild writes only the
    files that changed (`previous_site`), and making 1,100 files where as many were just
    removed cost the kernel a second of processor time on this project's disks."""
    folder = bundle.parent
    documents: dict[str, str] = json.loads(bundle.read_text(encoding="utf-8"))
    for path, html in documents.items():
        target = folder / "site" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    code = _pagefind(folder / "site", folder / "index")
    # A build stopped meanwhile leaves this process to another parent: its index would
    # land in a site folder that a later build may have filled since.
    if code == 0 and os.getppid() == parent:
        _sync(folder / "index", output_dir)
    # Removing thousands of files takes a second on some disks: done here, in the background.
    # The whole folder goes, the bundle too, also when the process that started this one has
    # ended meanwhile (a preview stopped while it re-indexed): in memory (`SCRATCH`), a
    # folder left behind would take memory until the machine restarts.
    shutil.rmtree(folder, ignore_errors=True)
    return code


def _pagefind(site: Path, output_dir: Path) -> int:
    command = [*_pagefind_command(), "--site", str(site)]
    code = subprocess.run([*command, "--output-path", str(output_dir)], check=False).returncode
    if code == 0:
        pagefind_order.normalise(output_dir)
    return code


def _pagefind_command() -> list[str]:
    """Pagefind's binary itself, found as its Python wrapper (`python -m pagefind`) finds it
    (the setting, then the extended wheel, then the plain one), which would cost a Python
    start (0.1 s at the end of the build) only to start the binary. Else the wrapper."""
    if binary := os.environ.get("PAGEFIND_BINARY_PATH"):
        return [binary]
    for wheel in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(wheel).get_executable()
        except (ImportError, FileNotFoundError):
            continue
        return [str(found)]
    return [sys.executable, "-m", "pagefind"]


def _sync(source: Path, target: Path) -> None:
    """Make the folder `target` hold exactly the files of `source`: a file with the same
    bytes only gets the time of this write (`previous_site` tells written files by it),
    another is written over, and what `source` lacks goes."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        target.unlink()
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    with os.scandir(source) as entries:
        for entry in entries:
            wanted.add(entry.name)
            out = target / entry.name
            if entry.is_dir(follow_symlinks=False):
                _sync(Path(entry.path), out)
                continue
            data = Path(entry.path).read_bytes()
            if out.is_symlink() or out.is_dir():
                _remove(out)
            elif out.exists() and out.stat().st_size == len(data) and out.read_bytes() == data:
                os.utime(out)
                continue
            out.write_bytes(data)
    with os.scandir(target) as entries:
        for entry in entries:
            if entry.name not in wanted:
                _remove(Path(entry.path))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


if __name__ == "__main__":
    if sys.argv[1] == "--folder":
        sys.exit(_pagefind(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(_index(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])))
