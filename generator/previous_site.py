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
   file's identity is noted (inode number and change time, which only the kernel sets:
   any write, by any program, changes it). Links and other special files go now, so that
   no write of the build can follow a link out of the site folder.
3. `clear_way`: where the build will write a file and the previous build left a folder,
   or a file stands where the build needs a folder, that entry goes.
4. `remove_stale` (when the build has written everything, before anything reads the site
   as a whole): every file of the previous build that this build did not write goes, and
   the folders that are left empty. A file counts as written when the build names it
   (pages, copied files, the theme's templates) or when its change time moved.

The finished folder holds exactly what it would after MkDocs' own cleaning. `--dirty`
builds and the preview (its own folder in memory) do not use this.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ASIDE = ".maatwerkbank-vorige-build"
"""Hidden, so MkDocs' cleaning skips it; named so that whoever sees it knows what it is."""


class PreviousSite:
    """The previous build's files in `site_dir`, from before MkDocs' cleaning until the
    new build has written over them. Paths inside the site are POSIX paths relative to it
    (`cases/x/index.html`), as MkDocs' `File.dest_uri`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._aside = site_dir / ASIDE
        self._files: dict[str, tuple[int, int]] = {}
        self._folders: list[str] = []

    @classmethod
    def set_aside(cls, site_dir: Path) -> PreviousSite | None:
        """Move what MkDocs' cleaning would remove into the hidden folder; None when the
        site folder does not exist or has nothing to keep. A hidden folder left by a build
        that did not finish is removed first."""
        try:
            entries = [e.name for e in os.scandir(site_dir) if not e.name.startswith(".")]
        except OSError:
            return None
        previous = cls(site_dir)
        shutil.rmtree(previous._aside, ignore_errors=True)
        if not entries:
            return None
        try:
            previous._aside.mkdir()
        except OSError:
            return None
        for name in entries:
            # Where a rename fails, the entry stays and MkDocs' cleaning removes it as usual.
            with contextlib.suppress(OSError):
                os.rename(site_dir / name, previous._aside / name)
        return previous

    def put_back(self) -> None:
        """Move the previous build's entries back and note each file's identity. Entries
        whose place is taken by now (something wrote there since) are removed instead."""
        try:
            names = os.listdir(self._aside)
        except OSError:
            names = []
        for name in names:
            with contextlib.suppress(OSError):
                if not os.path.lexists(self.site_dir / name):
                    os.rename(self._aside / name, self.site_dir / name)
        shutil.rmtree(self._aside, ignore_errors=True)
        for name in names:
            self._note(self.site_dir / name, name)

    def _note(self, path: Path, relative: str) -> None:
        try:
            info = os.lstat(path)
        except OSError:
            return
        if stat.S_ISDIR(info.st_mode):
            self._folders.append(relative)
            with os.scandir(path) as entries:
                for entry in entries:
                    self._note(Path(entry.path), f"{relative}/{entry.name}")
        elif stat.S_ISREG(info.st_mode):
            self._files[relative] = (info.st_ino, info.st_ctime_ns)
        else:  # a link or a special file: never written through
            os.unlink(path)

    def clear_way(self, paths: Iterable[str]) -> None:
        """Remove the previous build's entries that stand in the way of `paths` (files the
        build is about to write): a folder where a file goes, a file where a folder goes."""
        folders = set(self._folders)
        for path in paths:
            if path in folders:
                shutil.rmtree(self.site_dir / path, ignore_errors=True)
                self._forget(path)
                folders = set(self._folders)
            for parent in PurePosixPath(path).parents:
                if str(parent) in self._files:
                    (self.site_dir / str(parent)).unlink(missing_ok=True)
                    del self._files[str(parent)]

    def _forget(self, folder: str) -> None:
        prefix = folder + "/"
        self._folders = [f for f in self._folders if f != folder and not f.startswith(prefix)]
        self._files = {f: i for f, i in self._files.items() if not f.startswith(prefix)}

    def remove_stale(self, written: Iterable[str], owned: Iterable[str] = ()) -> int:
        """Remove the previous build's files that this build did not write, then the
        folders left empty; returns how many files went. `written` names files the build
        wrote (they stay even if their change time could not tell); files under a folder
        in `owned` are left to whoever keeps that folder exact (the finder's index)."""
        keep = set(written)
        prefixes = tuple(f"{folder}/" for folder in owned)
        removed = 0
        emptied: set[str] = set()
        for path, identity in self._files.items():
            if path in keep or path.startswith(prefixes):
                continue
            try:
                info = os.lstat(self.site_dir / path)
            except OSError:
                continue
            if (info.st_ino, info.st_ctime_ns) == identity:
                os.unlink(self.site_dir / path)
                removed += 1
                emptied.add(_parent(path))
        folders = set(self._folders)
        # The deepest first, so that a folder whose last subfolder went can go too.
        queue = [(-f.count("/"), f) for f in emptied & folders]
        heapq.heapify(queue)
        while queue:
            _, folder = heapq.heappop(queue)
            try:
                os.rmdir(self.site_dir / folder)
            except OSError:
                continue  # not empty: this build wrote into it
            parent = _parent(folder)
            if parent in folders and parent not in emptied:
                emptied.add(parent)
                heapq.heappush(queue, (-parent.count("/"), parent))
        self._files.clear()
        self._folders.clear()
        return removed


def _parent(path: str) -> str:
    return path.rpartition("/")[0]
