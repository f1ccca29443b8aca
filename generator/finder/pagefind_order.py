"""Pagefind's filter and metadata files in a fixed order, so two builds give the same bytes.

Pagefind 1.5 writes its filter index (one `filter/<hash>.pf_filter` file per facet) and the
list of those files in its metadata (`pagefind.<hash>.pf_meta`) in hash-map order, which
changes from run to run (upstream Pagefind#638); the file names are hashes of the contents,
so the names change too, and with them `pagefind-entry.json`. Feeding the documents in a
fixed order does not help: the order comes from Pagefind's own maps.

Pagefind reads these lists into maps, so their order carries no meaning. After Pagefind has
run, each file is decoded (gzip around `pagefind_dcd` + CBOR, Pagefind's own format, read
with the cbor2 library), its lists are sorted, and it is written again under a name made
from its new contents, with the references to it updated. Every other Pagefind file is
already stable.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


def normalise(index_dir: Path) -> None:
    """Rewrite the filter and metadata files of the Pagefind index in `index_dir`."""
    entry_path = index_dir / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = index_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = read(meta_path)
        prefix = language["hash"].split("_")[0]
        filters = []
        for name, old_hash in meta[3]:
            path = index_dir / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = read(path)
            path.unlink()
            data = _encode([filter_name, sorted(values, key=lambda item: item[0])])
            new_hash = f"{prefix}_{hashlib.sha256(data).hexdigest()[:7]}"
            (index_dir / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        meta_path.unlink()
        data = _encode(meta)
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        (index_dir / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: geen Pagefind-bestand")
    return cbor2.loads(data[len(SIGNATURE) :])


def _encode(value: Any) -> bytes:
    # mtime 0: the gzip header holds no time stamp (as Pagefind writes its own files).
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)
