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
    if sys.platform != "linux" or threading.active_count() > 1 or not _memory_files():
        return 1
    if setting.isdigit() and int(setting) >= 1:
        return max(1, min(int(setting), count))
    cores = len(os.sched_getaffinity(0))
    return max(1, min(cores, MAXIMUM, count // MINIMUM_PER_PROCESS))


@functools.cache
def _memory_files() -> bool:
    """Whether this system makes in-memory files (memfd, which results cross through): every
    Linux since 3.17, though a sandbox may refuse them."""
    try:
        os.close(os.memfd_create("maatwerkbank-probe", os.MFD_CLOEXEC))
    except (AttributeError, OSError):
        return False
    return True


def split_map(
    func: Callable[[T], R], items: Sequence[T], receive: Callable[[R], R] | None = None
) -> list[R]:
    """`[func(item) for item in items]`, in order, computed by several processes.

    `receive`, if given, is applied here to each result that another process computed, as
    soon as it arrives (while this process still takes its share of the items): for work
    that only this process can do, such as rebuilding objects that were not worth pickling.
    """
    results, _ = map_beside(func, items, lambda: None, receive)
    return results


def map_beside(
    func: Callable[[T], R],
    items: Sequence[T],
    beside: Callable[[], S],
    receive: Callable[[R], R] | None = None,
) -> tuple[list[R], S]:
    """`split_map(func, items, receive)`, and `beside()` at the same time: work about all
    items that this process does while the others start on the items."""
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
    children = [_Child(work) for _ in range(count - 1)]

    def keep(i: int, results: list[R]) -> None:
        done[i] = results
        for child in children:  # meanwhile, the others' results so far
            child.take_in(receive)

    try:
        own = beside()
        work(keep)
    except BaseException:
        for child in children:
            child.stop()
        raise
    finally:
        os.close(reader)
    failures = [f for f in (child.finish(receive) for child in children) if f]
    if failures:
        raise WorkerError(failures[0])
    for child in children:
        done.update(child.done)
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


class _Child:
    """A forked child, and the results it has sent so far.

    The child writes each chunk's results, pickled, as soon as it has them, to a file in
    memory; this process reads them in whenever it finishes a chunk of its own. So
    pickling, copying and unpickling happen while the work is still being shared out,
    not at the end when everyone waits (through a pipe, at the end, 70 MB of results at
    5,000 cases took 0.3 s).
    """

    def __init__(self, task: Callable[[Callable[[int, Any], object]], None]) -> None:
        self.done: dict[int, Any] = {}
        self._out = os.memfd_create("maatwerkbank-results", os.MFD_CLOEXEC)
        self._read = 0
        self._pending = b""
        self._failure = ""
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # compute, send, and leave without running the parent's exit code
            code = 0

            def emit(i: int, results: Any) -> None:
                _write_record(self._out, pickle.dumps((i, results), pickle.HIGHEST_PROTOCOL))

            try:
                task(emit)
            except BaseException:
                _write_record(self._out, pickle.dumps((-1, traceback.format_exc())))
                code = 1
            finally:
                os._exit(code)

    def take_in(self, receive: Callable[[Any], Any] | None) -> None:
        """Take in every record the child has finished writing (it may still be working),
        applying `receive` to each result."""
        size = os.fstat(self._out).st_size
        if size == self._read:
            return
        new = _pread_all(self._out, size - self._read, self._read)
        self._read += len(new)
        data = memoryview(self._pending + new if self._pending else new)
        position = 0
        while position + _LENGTH.size <= len(data):
            (length,) = _LENGTH.unpack_from(data, position)
            end = position + _LENGTH.size + length
            if end > len(data):
                break  # still being written
            i, results = pickle.loads(data[position + _LENGTH.size : end])
            position = end
            if i < 0:
                self._failure = f"werkproces {self.pid} faalde:\n{results}"
            else:
                self.done[i] = [receive(r) for r in results] if receive else results
        self._pending = bytes(data[position:])

    def finish(self, receive: Callable[[Any], Any] | None) -> str:
        """Wait for the child and take in the rest; what went wrong, or ""."""
        _, status = os.waitpid(self.pid, 0)
        try:
            self.take_in(receive)
        finally:
            os.close(self._out)
        if self._failure:
            return self._failure
        if status != 0:
            return f"werkproces {self.pid} stopte onverwacht (status {status})"
        return ""

    def stop(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self._out)


def _write_record(out: int, payload: bytes) -> None:
    record = _LENGTH.pack(len(payload)) + payload
    view = memoryview(record)
    while view:
        view = view[os.write(out, view) :]


def _pread_all(fd: int, size: int, offset: int) -> bytes:
    parts = []
    while size > 0:
        part = os.pread(fd, size, offset)
        if not part:
            break
        parts.append(part)
        size -= len(part)
        offset += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)
