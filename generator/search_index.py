"""The finder's search index: Pagefind over the built site.

Pagefind (a Rust binary shipped in the `pagefind[bin]` wheel, run offline) indexes the case
pages (`data-pagefind-body`) with Dutch stemming (from `<html lang="nl">`) and the facets
written into each case page (`data-pagefind-filter`). Its index is split in chunks, so a
first query downloads a few hundred kilobytes whatever the number of cases.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> str:
    """Index `site_dir` in place (into `site_dir/pagefind/`); returns Pagefind's summary."""
    result = subprocess.run(
        # Heading permalinks ("¶") are page furniture, not content.
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind faalde:\n{result.stdout}\n{result.stderr}")
    indexed = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(indexed)
