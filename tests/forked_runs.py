"""`python -m mkdocs ...` and `python -m generator ...` for the tests, each in a process of
its own forked from a server that has already imported MkDocs, Material and the generator
and loaded the name lists and deduce.

Why: most of the suite's time on CI's two cores went to starting Python, not to building
(docs/testing.md has the figures). A forked run is still a whole process: its own working
folder, environment, standard streams, exit code and exit functions, and no state from any
other run (the server itself never builds; what its loading changed for the whole process,
`forked_runs_start.as_new` undoes). What it cannot be is a run with an environment of its
own (another cache folder, locale, time zone or hash seed: all forked runs share the
server's seed), a run of another checkout's or the folder's own code, or a server: those
start a new Python as before (`forked`)."""

from __future__ import annotations

import atexit
import io
import json
import locale
import multiprocessing
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import threading
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
_new_python: dict[str, list[str]] = {}
"""What a new Python in that environment has: its path after the script's folder and the
interpreter flags it would pass on (asked once, when the first run is forked)."""


def forked(cmd: list[str], cwd: Path, env: dict[str, str]) -> bool:
    """Whether `cmd` can run forked: this Python with `-m mkdocs|generator`, not a server,
    with the flags a new one would have, in a folder with no code of its own (a new Python
    imports the folder's modules first), and no other environment than the server's."""
    if cmd[:2] != [sys.executable, "-m"] or len(cmd) < 3 or cmd[2] not in _MODULES:
        return False
    if "serve" in cmd[3:4] or _new_python_has()["flags"] != _flags():
        return False
    if any(p.suffix == ".py" or (p / "__init__.py").exists() for p in cwd.iterdir()):
        return False
    if any((cwd / module).exists() for module in _MODULES):
        return False
    keys = (set(env) | set(_ENVIRONMENT)) - _PER_RUN
    return all(env.get(key) == _ENVIRONMENT.get(key) for key in keys)


def _flags() -> list[str]:
    return subprocess._args_from_interpreter_flags()  # type: ignore[attr-defined, no-any-return]


def _new_python_has() -> dict[str, list[str]]:
    if not _new_python:
        code = (
            "import json, subprocess, sys; print(json.dumps({'path': sys.path[1:], "
            "'flags': subprocess._args_from_interpreter_flags()}))"
        )
        asked = subprocess.run(
            [sys.executable, "-c", code], env=_ENVIRONMENT, capture_output=True, text=True
        )
        _new_python.update(json.loads(asked.stdout))
    return _new_python


def run(
    cmd: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """What `subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)` gives."""
    if not _started:
        _start_server()
    with tempfile.TemporaryDirectory(prefix="run-") as streams:
        out, err = Path(streams, "out"), Path(streams, "err")
        path = _new_python_has()["path"]
        process = _CONTEXT.Process(target=_main, args=(cmd[2], cmd[3:], cwd, env, out, err, path))
        process.start()
        process.join(timeout)
        if process.exitcode is None:
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(cmd, timeout, _text(out), _text(err))
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
    """As `subprocess.run(text=True)` reads it: the locale's encoding, universal newlines."""
    text = path.read_bytes().decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _main(
    module: str,
    args: list[str],
    cwd: Path,
    env: dict[str, str],
    out: Path,
    err: Path,
    path: list[str],
) -> None:
    """In the forked process: become `python -m module args...` in `cwd`, and end as it
    ends (its exit code, its traceback, its exit functions), never as a multiprocessing
    worker does."""
    import forked_runs_start

    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    streams = []
    for fd, file, original in ((1, out, sys.__stdout__), (2, err, sys.__stderr__)):
        target = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
        assert original is not None
        raw = io.FileIO(fd, "w", closefd=False)
        streams.append(
            io.TextIOWrapper(raw, original.encoding, original.errors, write_through=True)
        )
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__ = streams
    sys.argv = [module, *args]
    sys.path[:] = [str(cwd), *path]
    sys.modules.pop(f"{module}.__main__", None)  # preloaded: run it anew, as `-m` does
    forked_runs_start.as_new(module)
    code, interrupted = 0, False
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as ended:
        if isinstance(ended.code, int) or ended.code is None:
            code = ended.code or 0
        else:
            print(ended.code, file=sys.stderr)
            code = 1
    except BaseException as error:  # as Python's top level reports it: from the module on
        trace = error.__traceback__
        while trace is not None and trace.tb_frame.f_code.co_name != "_run_code":
            trace = trace.tb_next
        sys.excepthook(type(error), error, trace)
        code, interrupted = 1, isinstance(error, KeyboardInterrupt)
    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()
    for stream in streams:
        stream.flush()
    if interrupted:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(code & 0xFF)
