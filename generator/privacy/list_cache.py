"""Word lists kept parsed between runs, in `~/.cache/maatwerkbank/`: every process that
checks cases needs them, and reading a pickle is ten times quicker than building them
(docs/performance.md). A read-only home only means they are built again next time."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cached(name: str, make: Callable[[], T], kind: type | None = None) -> T:
    """The value stored under `name` (its key in the name: a changed source, a new name),
    else `make()`, stored for next time."""
    cache = _cache_dir() / name
    collected = gc.isenabled()
    gc.disable()  # unpickling many small objects: the collector would rescan them
    try:
        with open(cache, "rb") as file:
            loaded = pickle.load(file)
        if kind is None or isinstance(loaded, kind):
            return loaded  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    finally:
        if collected:
            gc.enable()
    made = make()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, cache)
    except OSError:
        pass
    return made


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "maatwerkbank"
