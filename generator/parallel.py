"""The core's per-case work on every core of the machine, where the platform allows it.

Most of the generator's time is spent per case (reading and checking a file, rendering a
page and a search document), and each case is independent of the others. On Linux a
forked child inherits everything already loaded (templates, vocabulary, the catalog)
without copying, so splitting the cases over processes costs one fork per extra process
plus the results, which each child pickles chunk by chunk into a file in memory. Results
must be plain data (strings, dicts, lists): pickling 1,000 pydantic cases took 0.4 s,
more than validating them again.

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
_LENGTH = struct.Struct("<Q")


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
    done: dict[int, list[R]] = {}
    work = functools.partial(_take_chunks, reader, func, items, size)
    children = [_fork(work) for _ in range(count - 1)]
    try:
        own = beside()
        work(done.__setitem__)
    except BaseException:
        for pid, out in children:
            os.kill(pid, signal.SIGKILL)
            _collect(pid, out)
        raise
    finally:
        os.close(reader)
    for part in _collect_all(children):
        done.update(part)
    if len(done) != chunks:
        raise WorkerError(f"{chunks - len(done)} van de {chunks} delen ontbreken")
    return [result for i in range(chunks) for result in done[i]], own


def _take_chunks(
    queue: int,
    func: Callable[[T], R],
    items: Sequence[T],
    size: int,
    emit: Callable[[int, list[R]], object],
) -> None:
    """Take chunk numbers from the queue until it is empty; hand each chunk's results on."""
    while ticket := os.read(queue, _TICKET.size):
        (i,) = _TICKET.unpack(ticket)
        emit(i, [func(item) for item in items[i * size : (i + 1) * size]])


def _collect_all(children: list[tuple[int, int]]) -> list[dict[int, Any]]:
    """Every child's results by chunk (all are waited for, so none is left behind), or the
    first error."""
    outcomes = [_collect(pid, out) for pid, out in children]
    for ok, value in outcomes:
        if not ok:
            raise WorkerError(value)
    return [value for _, value in outcomes]


def _fork(task: Callable[[Callable[[int, Any], object]], None]) -> tuple[int, int]:
    """Start `task` in a child. The child writes each chunk's results, pickled, as soon as
    it has them, to a file in memory that this process reads when the child is done.

    Pickling happens while the work is still being shared out (not all at the end, when
    everyone waits for it), and reading a file in memory is one copy: through a pipe,
    70 MB of results at 5,000 cases took 0.15 s more.
    """
    out = os.memfd_create("maatwerkbank-results", os.MFD_CLOEXEC)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit code
        code = 0

        def emit(i: int, results: Any) -> None:
            _write_record(out, pickle.dumps((i, results), pickle.HIGHEST_PROTOCOL))

        try:
            task(emit)
        except BaseException:
            _write_record(out, pickle.dumps((-1, traceback.format_exc())))
            code = 1
        finally:
            os._exit(code)
    return pid, out


def _write_record(out: int, payload: bytes) -> None:
    record = _LENGTH.pack(len(payload)) + payload
    view = memoryview(record)
    while view:
        view = view[os.write(out, view) :]


def _collect(pid: int, out: int) -> tuple[bool, Any]:
    _, status = os.waitpid(pid, 0)
    try:
        data = _read_all(out)
    finally:
        os.close(out)
    done: dict[int, Any] = {}
    position = 0
    while position + _LENGTH.size <= len(data):
        (length,) = _LENGTH.unpack_from(data, position)
        position += _LENGTH.size
        if position + length > len(data):
            break  # cut off: the child was stopped while writing (its status says why)
        i, results = pickle.loads(data[position : position + length])
        position += length
        if i < 0:
            return False, f"werkproces {pid} faalde:\n{results}"
        done[i] = results
    if status != 0:
        return False, f"werkproces {pid} stopte onverwacht (status {status})"
    return True, done


def _read_all(out: int) -> memoryview:
    size = os.fstat(out).st_size
    data = bytearray(size)
    view = memoryview(data)
    read = 0
    while read < size:
        got = os.preadv(out, [view[read:]], read)
        if got == 0:
            break
        read += got
    return view[:read]
