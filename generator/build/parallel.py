"""The core's per-case work on every core of the machine, with the standard library.

Most of the generator's time is spent per case (reading and checking a file, rendering a
page), and each case is independent of the others. `concurrent.futures`' process pool
with the `fork` start method hands the work out in chunks: forked workers inherit
everything already loaded (templates, vocabulary, the catalog, the function itself), so
only chunk bounds go out and plain results (strings, dicts) come back.

Anywhere a fork is not safe or not worth it, the same function runs in this process:
platforms without `fork`, a process with other threads (forking those can deadlock;
`mkdocs serve` has them), a single core, or fewer cases than a process costs.
`MAATWERKBANK_PROCESSES` sets the number of worker processes (1: none), for tests and for
machines that share their cores.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

ENVIRONMENT = "MAATWERKBANK_PROCESSES"
MINIMUM_PER_PROCESS = 100
"""Fewer items per process than this are done in one process: starting a worker and
returning results cost more than a few dozen cases save."""
MAXIMUM = 4
CHUNK = 25

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items of the running map, inherited by the forked workers."""


def processes(count: int) -> int:
    """How many worker processes to use for `count` items (1: this process alone)."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    setting = os.environ.get(ENVIRONMENT, "").strip()
    if setting.isdigit() and int(setting) >= 1:
        return max(1, min(int(setting), count))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAXIMUM, count // MINIMUM_PER_PROCESS))


def split_map(
    func: Callable[[T], R], items: Sequence[T], receive: Callable[[R], R] | None = None
) -> list[R]:
    """`[func(item) for item in items]`, in order, computed by worker processes.

    `receive`, if given, is applied here to each result a worker computed, as it arrives:
    for work only this process can do, such as rebuilding objects not worth pickling.
    """
    results, _ = map_beside(func, items, lambda: None, receive)
    return results


def map_beside(
    func: Callable[[T], R],
    items: Sequence[T],
    beside: Callable[[], S],
    receive: Callable[[R], R] | None = None,
) -> tuple[list[R], S]:
    """`split_map(func, items, receive)`, and `beside()` in this process meanwhile: work
    about all items."""
    count = processes(len(items))
    if count == 1:
        return [func(item) for item in items], beside()
    global _job
    _job = (func, items)
    size = max(CHUNK, -(-len(items) // 1000))
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
    try:
        # The first submit forks every worker (with `fork`, before the pool's own thread).
        chunks: list[Future[list[R]]] = [pool.submit(_chunk, *bound) for bound in bounds]
        own = beside()
        results: list[R] = []
        for chunk in chunks:
            done = chunk.result()
            results.extend(map(receive, done) if receive is not None else done)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        _job = None
    pool.shutdown()
    return results, own


def _chunk(start: int, end: int) -> list[Any]:
    """In a worker: the results of items `start` to `end` of the running map."""
    assert _job is not None
    func, items = _job
    return [func(item) for item in items[start:end]]
