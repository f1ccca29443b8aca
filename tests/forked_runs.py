"""`python -m mkdocs ...` and `python -m generator ...` for the tests, each in a process of
its own forked from a server that has already imported MkDocs, Material and the generator
and loaded the name lists and deduce.

Why: most of the suite's time on CI's two cores went to starting Python, not to building
(docs/testing.md has the figures). A forked run is still a whole process: its own working
folder, environment, standard streams and exit code, and no state from any other run (the
server itself never builds). What it cannot be is a run with an environment of its own
(another cache folder, locale or time zone), a run of another checkout's code, or a
server: those start a new Python as before (`forked`)."""

from __future__ import annotations

import io
import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
import time
from multiprocessing import forkserver
from pathlib import Path

# What a run may set on top of the test process's environment and still be forked.
_PER_RUN = frozenset({"SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING", "PYTEST_CURRENT_TEST"})
_MODULES = frozenset({"mkdocs", "generator"})
_CONTEXT = multiprocessing.get_context("forkserver")
# The environment the tests start with: the server's, whenever it starts.
_ENVIRONMENT = dict(os.environ)
_started = False


def forked(cmd: list[str], cwd: Path, env: dict[str, str]) -> bool:
    """Whether `cmd` can run forked: this Python with `-m mkdocs|generator`, not a server,
    in a folder with no code of its own, and no other environment than the server's."""
    if cmd[:2] != [sys.executable, "-m"] or len(cmd) < 3 or cmd[2] not in _MODULES:
        return False
    if "serve" in cmd[3:4] or any((cwd / module).exists() for module in _MODULES):
        return False
    keys = (set(env) | set(_ENVIRONMENT)) - _PER_RUN
    return all(env.get(key) == _ENVIRONMENT.get(key) for key in keys)


def run(
    cmd: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """What `subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)` gives."""
    if not _started:
        _start_server()
    with tempfile.TemporaryDirectory(prefix="run-") as streams:
        out, err = Path(streams, "out"), Path(streams, "err")
        process = _CONTEXT.Process(target=_main, args=(cmd[2], cmd[3:], cwd, env, out, err))
        process.start()
        process.join(timeout)
        if process.exitcode is None:
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(cmd, timeout)
        return subprocess.CompletedProcess(cmd, process.exitcode, _text(out), _text(err))


def _start_server() -> None:
    """Start the server with `forked_runs_start` imported (Python 3.11's server does not
    take the tests' folder onto its path, so it comes in through PYTHONPATH)."""
    global _started
    _started = True
    _CONTEXT.set_forkserver_preload(["forked_runs_start"])
    path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), path]))
    try:
        forkserver.ensure_running()
    finally:
        if path is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = path


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


def _main(
    module: str, args: list[str], cwd: Path, env: dict[str, str], out: Path, err: Path
) -> None:
    """In the forked process: become `python -m module args...` in `cwd`."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    for fd, path in ((1, out), (2, err)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True
    )
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False),
        encoding="utf-8",
        errors="backslashreplace",
        write_through=True,
    )
    sys.argv = [module, *args]
    sys.path.insert(0, str(cwd))
    sys.modules.pop(f"{module}.__main__", None)  # preloaded: run it anew, as `-m` does
    runpy.run_module(module, run_name="__main__", alter_sys=True)
