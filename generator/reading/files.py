"""Reading a file from `cases/` only when it is what it claims to be: a regular file.

A name in `cases/` says nothing about what stands behind it. Opened blindly, a FIFO named
`x.yaml` waits for a writer forever, a symlink to `/dev/zero` is read until memory runs
out, a symlink to a file elsewhere publishes that file, and a directory gives the
operating system's English error. So every file is looked at with `lstat` first (a
symlink is refused, whatever it points at), its size is checked before a byte is read,
and it is opened without following links and without blocking; `fstat` on the open file
confirms that it is still the same regular file, and no more than the limit is read.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class Refused:
    """Why a file was not read: `what` the name turned out to be, in Dutch, to end a
    sentence (`een map`), and `reason`, for the caller's advice: `link`, `special` (a
    directory, FIFO, socket or device), `large`, `missing` or `unreadable`."""

    what: str
    reason: str
    size: int = 0
    """The file's size in bytes, for `large`."""


_KINDS = (
    (stat.S_ISLNK, "een snelkoppeling (symlink)", "link"),
    (stat.S_ISDIR, "een map", "special"),
    (stat.S_ISFIFO, "een named pipe (FIFO)", "special"),
    (stat.S_ISSOCK, "een socket", "special"),
    (stat.S_ISCHR, "een apparaat", "special"),
    (stat.S_ISBLK, "een apparaat", "special"),
)


def _not_regular(mode: int) -> Refused | None:
    for test, name, reason in _KINDS:
        if test(mode):
            return Refused(name, reason)
    return None if stat.S_ISREG(mode) else Refused("geen gewoon bestand", "special")


def read_regular(path: Path, limit: int) -> bytes | Refused:
    """The bytes of `path` when it is a regular file (no symlink) of at most `limit`
    bytes, else why not. Never blocks, never reads more than `limit` + 1 bytes."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return _refused_by(error)
    refused = _refused_for(info, limit)
    if refused is not None:
        return refused
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _refused_by(error)
    try:
        opened = os.fstat(fd)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            return Refused("tijdens het lezen vervangen", "unreadable")
        refused = _refused_for(opened, limit)
        if refused is not None:
            return refused
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        return _refused_by(error)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        return Refused("te groot", "large", max(len(data), opened.st_size))
    return data


def _refused_for(info: os.stat_result, limit: int) -> Refused | None:
    refused = _not_regular(info.st_mode)
    if refused is None and info.st_size > limit:
        return Refused("te groot", "large", info.st_size)
    return refused


def _refused_by(error: OSError) -> Refused:
    if error.errno == errno.ENOENT:
        return Refused("niet (meer) aanwezig", "missing")
    if error.errno == errno.ELOOP:
        return Refused("een snelkoppeling (symlink)", "link")
    if error.errno == errno.EISDIR:
        return Refused("een map", "special")
    if error.errno in (errno.EACCES, errno.EPERM):
        return Refused("niet leesbaar (geen toegang)", "unreadable")
    return Refused("niet leesbaar (leesfout)", "unreadable")


NOT_UTF8 = (
    "bestand is geen UTF-8: sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en "
    "codering UTF-8 kiezen)"
)


def decoded(raw: bytes) -> str | tuple[int, int]:
    """`raw` as UTF-8 text, or the line and column (from 1, in characters; a line ends at
    `\n`, `\r\n` or `\r`, as editors and YAML read them) of its first byte that is not:
    where an author's editor saved it in another encoding."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")  # valid up to the first bad byte
        return position(before, len(before))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of `text[index]`, lines ending as `decoded` counts them."""
    lines = _LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1
