"""The finder index's background process: writes the search documents and runs Pagefind.

Started by `search_index.BackgroundIndex` (`python -m generator.pagefind_run`), and kept
apart from `search_index` so that it imports almost nothing: the process is on the build's
critical path at 1,000 cases, and importing the core (pydantic models, Markdown, Jinja)
cost it half a second before its first document was written.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from generator import pagefind_order


def _index(bundle: Path, output_dir: Path) -> int:
    """In the child: write the documents next to the bundle, run Pagefind on them, and
    remove the bundle's folder (made for this run by `search_index.BackgroundIndex`)."""
    site = bundle.parent / "site"
    documents: dict[str, str] = json.loads(bundle.read_text(encoding="utf-8"))
    for path, html in documents.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    code = _pagefind(site, output_dir)
    # Removing thousands of files takes a second on some disks: done here, in the background.
    # The whole folder goes, the bundle too, also when the process that started this one has
    # ended meanwhile (a preview stopped while it re-indexed): in memory (`SCRATCH`), a
    # folder left behind would take memory until the machine restarts.
    shutil.rmtree(bundle.parent, ignore_errors=True)
    return code


def _pagefind(site: Path, output_dir: Path) -> int:
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    code = subprocess.run([*command, "--output-path", str(output_dir)], check=False).returncode
    if code == 0:
        pagefind_order.normalise(output_dir)
    return code


if __name__ == "__main__":
    if sys.argv[1] == "--folder":
        sys.exit(_pagefind(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(_index(Path(sys.argv[1]), Path(sys.argv[2])))
