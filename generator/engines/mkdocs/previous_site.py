"""A rebuild writes over the previous build's files instead of removing them first.

MkDocs empties the site folder before every build (`utils.clean_directory`) and then makes
every file anew. On the machines this project builds on (ext4 without a journal) that was
the largest cost of a rebuild after theming itself: a 1,000-case site is 2,500 files in
1,400 folders, and making a file where thousands were removed minutes before costs the
kernel about half a millisecond, as ext4 passes over every recently freed inode before it
hands one out (`recently_deleted` in its inode allocator). Removing took 0.4 s more.
Writing over a file that is there costs neither.

So the plugin keeps the previous build's files where they are:
1. `set_aside` (before MkDocs' cleaning): each entry MkDocs would remove (all but hidden
   ones, such as the `.git` of a deploy checkout) is moved into one hidden folder, which
   the cleaning skips: a rename per entry, a few milliseconds in all.
2. `put_back` (the plugin's first step after the cleaning): they are moved back, and each
   file is marked with a modification time no build writes (`UNWRITTEN`, 1970, read back
   as the file system stores it): any write, by any program, gives it the time of the
   write, whatever the file system's clock resolution. A file that cannot be written over
   exactly as a new one would be made goes now, and the build makes it anew: a link or
   special file (no write may follow a link out of the site folder), a file with more than
   one name (a write would change the others too, such as a backup made with `cp -al`),
   or with another owner, group or permissions than a new file gets. A folder of another
   owner or group goes whole; other folders get a new folder's permissions.
3. `clear_way`: where the build will write a file and the previous build left a folder,
   or a file stands where the build needs a folder, that entry goes.
4. `remove_stale` (when the build has written everything, or has failed or been stopped):
   every file that still has the mark goes, then every folder of the previous build left
   empty.

The finished folder holds exactly what it would after MkDocs' own cleaning, and a build
that fails or is stopped (Ctrl-C, SIGTERM, SIGHUP: the plugin turns the last two into an
exit, and holds all three back while it removes) leaves what this build wrote, as MkDocs'
would. A build killed outright (SIGKILL: no code runs) leaves the previous files, marked,
possibly in the hidden folder; the next build removes what it does not write. `--dirty`
builds and the preview (its own folder in memory) do not use this; a `--dirty` build after
a killed one gets the previous files back (`recover`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ASIDE = ".maatwerkbank-vorige-build"
"""Hidden, so MkDocs' cleaning skips it; named so that whoever sees it knows what it is."""

UNWRITTEN = 1
"""The modification time (ns since 1970) a previous build's file gets until it is written
over; a file system that cannot hold it stores its nearest time, which is read back."""
_EUID = os.geteuid() if hasattr(os, "geteuid") else None


class PreviousSite:
    """The previous build's files in `site_dir`, from before MkDocs' cleaning until the
    new build has written over them. Paths inside the site are POSIX paths relative to it
    (`cases/x/index.html`), as MkDocs' `File.dest_uri`.

    Every step may be cut short by a signal and the cleaning (`remove_stale`) run then:
    whatever stage it reached, no file of the previous build that this one did not write
    is left.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._aside = site_dir / ASIDE
        self._files: dict[str, int] = {}
        """Marked files, with their modification time as stored (ns)."""
        self._folders: set[str] = set()
        self._stage = "setting aside"
        """Then "aside", "putting back" (until every file is marked), and "back"."""
        mask = os.umask(0)
        os.umask(mask)
        self._file_mode = 0o666 & ~mask
        self._folder_mode = 0o777 & ~mask

    def set_aside(self) -> bool:
        """Move what MkDocs' cleaning would remove into the hidden folder; False when the
        site folder does not exist or has nothing to keep. A hidden folder left by a build
        that was killed is removed first."""
        try:
            entries = [e.name for e in os.scandir(self.site_dir) if not e.name.startswith(".")]
        except OSError:
            entries = []
        shutil.rmtree(self._aside, ignore_errors=True)
        if entries:
            with contextlib.suppress(OSError):
                self._aside.mkdir()
                for name in entries:
                    # Where a rename fails, the entry stays, and MkDocs' cleaning removes it.
                    with contextlib.suppress(OSError):
                        os.rename(self.site_dir / name, self._aside / name)
        self._stage = "aside"
        return self._aside.is_dir()

    @classmethod
    def recover(cls, site_dir: Path) -> None:
        """Put back what a killed build set aside, for a build that does not clean the site
        folder (`--dirty`), which expects the previous files in place."""
        cls(site_dir)._move_back()

    def put_back(self) -> None:
        """Move the previous build's entries back and mark their files (see the module's
        docstring); entries whose place is taken by now are removed. Once per build."""
        if self._stage != "aside":
            return
        self._stage = "putting back"
        group = _new_entries_group(self.site_dir)
        for name in self._move_back():
            self._note(self.site_dir / name, name, group)
        self._stage = "back"

    def _move_back(self) -> list[str]:
        try:
            names = os.listdir(self._aside)
        except OSError:
            return []
        for name in names:
            with contextlib.suppress(OSError):
                if not os.path.lexists(self.site_dir / name):
                    os.rename(self._aside / name, self.site_dir / name)
        shutil.rmtree(self._aside, ignore_errors=True)
        return names

    def _note(self, path: Path, relative: str, group: int | None) -> None:
        """Mark the file at `path`, or every file under the folder at `path`; remove what a
        write in place would get wrong. `group` is the group a new entry here gets."""
        try:
            info = os.lstat(path)
        except OSError:
            return
        mode = stat.S_IMODE(info.st_mode)
        ours = info.st_uid == (_EUID if _EUID is not None else info.st_uid) and (
            group is None or info.st_gid == group
        )
        if stat.S_ISDIR(info.st_mode):
            if not ours:  # a new folder would be ours: its files are made anew too
                shutil.rmtree(path, ignore_errors=True)
                return
            if mode & 0o777 != self._folder_mode:
                with contextlib.suppress(OSError):
                    os.chmod(path, mode & ~0o777 | self._folder_mode)
            self._folders.add(relative)
            try:
                names = os.listdir(path)
            except OSError:
                return  # as MkDocs' cleaning, which could not have removed it either
            inside = _new_entries_group(path)
            for name in names:
                self._note(path / name, f"{relative}/{name}", inside)
            return
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and ours and mode == self._file_mode:
            try:
                os.utime(path, ns=(info.st_atime_ns, UNWRITTEN), follow_symlinks=False)
                self._files[relative] = os.lstat(path).st_mtime_ns
                return
            except OSError:
                pass
        with contextlib.suppress(OSError):
            os.unlink(path)  # made anew by the build if it writes it

    def clear_way(self, paths: Iterable[str]) -> None:
        """Remove the previous build's entries that stand in the way of `paths` (files the
        build is about to write): a folder where a file goes, a file where a folder goes."""
        for path in paths:
            if path in self._folders:
                shutil.rmtree(self.site_dir / path, ignore_errors=True)
                inside = path + "/"
                self._folders = {f for f in self._folders if f != path and not f.startswith(inside)}
            for parent in map(str, PurePosixPath(path).parents):
                if self._files.pop(parent, None) is not None:
                    (self.site_dir / parent).unlink(missing_ok=True)

    def remove_stale(self) -> int:
        """Remove the previous build's files that still carry the mark (nothing wrote over
        them), then the previous build's folders left empty; returns how many files went.
        Before the files are all marked (a build that failed or was stopped before, when
        nothing is written yet), everything MkDocs' cleaning removes goes. Safe to call
        again when it was cut short itself. Like MkDocs' cleaning, it leaves what it may not
        remove."""
        if self._stage != "back":
            with contextlib.suppress(OSError), os.scandir(self.site_dir) as entries:
                for entry in entries:
                    if entry.name.startswith(".") and entry.path != str(self._aside):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
            self._stage = "back"
            self._files.clear()
            self._folders.clear()
            return 0
        removed = 0
        for path, marked in self._files.items():
            try:
                info = os.lstat(self.site_dir / path)
                if stat.S_ISREG(info.st_mode) and info.st_mtime_ns == marked:
                    os.unlink(self.site_dir / path)
                    removed += 1
            except OSError:
                continue
        # The deepest first, so that a folder whose last subfolder went can go too. Also
        # folders emptied before (files a write in place would get wrong) or left empty.
        for folder in sorted(self._folders, key=lambda f: f.count("/"), reverse=True):
            with contextlib.suppress(OSError):
                os.rmdir(self.site_dir / folder)  # not empty: this build wrote into it
        return removed


def _new_entries_group(folder: Path) -> int | None:
    """The group a new file or folder in `folder` gets: the folder's own when it is
    set-group-ID (as on shared web servers), else the process's; None where the platform
    has no groups."""
    if not hasattr(os, "getegid"):
        return None
    try:
        info = os.stat(folder)
    except OSError:
        return os.getegid()
    return info.st_gid if info.st_mode & stat.S_ISGID else os.getegid()
