"""The core's per-case work on every core of the machine, where the platform allows it.

Most of the generator's time is spent per case (reading and checking a file, rendering a
page and a search document), and each case is independent of the others. On Linux a
forked child inherits everything already loaded (templates, vocabulary, the catalog)
without copying, so splitting the cases over processes costs one fork per extra process
plus the pickled results. Results must be plain data (strings, dicts, lists): pickling
1,000 pydantic cases took 0.4 s, more than validating them again.

Work is handed out in small chunks through a pipe (reads of a few bytes from a pipe are
atomic), so a process that finishes early takes more chunks: the parent first does the
work about all cases (listings, exports), then helps with the cases.

Anywhere a fork is not safe or not worth it, the same function runs in this process:
other platforms, a process with threads (forking those can deadlock; `mkdocs serve` has
them), a single core, or fewer cases than a fork costs. `MAATWERKBANK_PROCESSES` sets the
number of processes (1 turns this off), for tests and for machines that share their cores.
"""

from __future__ import annotations

import functools
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

ENVIRONMENT = "MAATWERKBANK_PROCESSES"
MINIMUM_PER_PROCESS = 100
"""Fewer items per process than this are done in one process: a fork is cheap (1-3 ms
measured), but returning results and copying touched memory pages cost more than a few
dozen cases save."""
MAXIMUM = 4
CHUNK = 25
_TICKET = struct.Struct("<I")


class WorkerError(RuntimeError):
    """A child process failed: a bug, not a content problem (those are data, not errors)."""


def processes(count: int) -> int:
    """How many processes to use for `count` items."""
    setting = os.environ.get(ENVIRONMENT, "").strip()
    if sys.platform != "linux" or threading.active_count() > 1:
        return 1
    if setting.isdigit() and int(setting) >= 1:
        return max(1, min(int(setting), count))
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, MAXIMUM, count // MINIMUM_PER_PROCESS))


def split_map(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[func(item) for item in items]`, in order, computed by several processes."""
    results, _ = map_beside(func, items, lambda: None)
    return results


def map_beside(
    func: Callable[[T], R], items: Sequence[T], beside: Callable[[], S]
) -> tuple[list[R], S]:
    """`split_map(func, items)`, and `beside()` at the same time: work about all items
    that this process does while the others start on the items."""
    count = processes(len(items))
    if count == 1:
        return [func(item) for item in items], beside()
    # At most 4,096 chunks: their tickets fit in a pipe's buffer (64 KiB) without waiting.
    size = max(CHUNK, -(-len(items) // 4096))
    chunks = -(-len(items) // size)
    reader, writer = os.pipe()
    os.write(writer, b"".join(_TICKET.pack(i) for i in range(chunks)))
    os.close(writer)  # so that an empty queue reads as the end
    work = functools.partial(_take_chunks, reader, func, items, size)
    children = [_fork(work) for _ in range(count - 1)]
    try:
        own = beside()
        done = work()
    except BaseException:
        for pid, child in children:
            os.kill(pid, signal.SIGKILL)
            _collect(pid, child)
        raise
    finally:
        os.close(reader)
    for part in _collect_all(children):
        done.update(part)
    return [result for i in range(chunks) for result in done[i]], own


def _take_chunks(
    queue: int, func: Callable[[T], R], items: Sequence[T], size: int
) -> dict[int, list[R]]:
    """Take chunk numbers from the queue until it is empty; the results by chunk number."""
    done: dict[int, list[R]] = {}
    while ticket := os.read(queue, _TICKET.size):
        (i,) = _TICKET.unpack(ticket)
        done[i] = [func(item) for item in items[i * size : (i + 1) * size]]
    return done


def _collect_all(children: list[tuple[int, int]]) -> list[Any]:
    """Every child's result (all are waited for, so none is left behind), or the first error."""
    outcomes = [_collect(pid, reader) for pid, reader in children]
    for ok, value in outcomes:
        if not ok:
            raise WorkerError(value)
    return [value for _, value in outcomes]


def _fork(task: Callable[[], Any]) -> tuple[int, int]:
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit code
        os.close(reader)
        code = 0
        try:
            payload = pickle.dumps((True, task()), pickle.HIGHEST_PROTOCOL)
        except BaseException:
            payload = pickle.dumps((False, traceback.format_exc()))
            code = 1
        try:
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(code)
    os.close(writer)
    return pid, reader


def _collect(pid: int, reader: int) -> tuple[bool, Any]:
    with os.fdopen(reader, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        return False, f"werkproces {pid} stopte zonder resultaat (status {status})"
    outcome: tuple[bool, Any] = pickle.loads(payload)
    if not outcome[0]:
        return False, f"werkproces {pid} faalde:\n{outcome[1]}"
    return outcome
