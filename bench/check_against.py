"""`check` at N synthetic cases, this checkout against another tree, side by side.

    git archive <commit> generator tests/fixtures/seed | tar -x -C /tmp/base
    python bench/check_against.py /tmp/base --cases 5000 --rounds 3

The shared machines' speed varies by half within an hour, so the two run in turns on the
same case files (made by `bench.make_project`), and the CPU seconds of each `maatwerkbank
check` process and its workers are printed beside the wall time, with the peak memory of
its largest process. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import bench  # noqa: E402

_RUN = """
import os, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(
    [sys.executable, "-m", "generator", "check", "--today", "2026-01-15"],
    cwd=sys.argv[2], env=dict(os.environ, PYTHONPATH=sys.argv[1]),
    capture_output=True, text=True,
)
wall = time.perf_counter() - started
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, used.ru_utime + used.ru_stime, used.ru_maxrss / 1024, done.returncode)
if done.returncode:
    sys.exit(done.stdout[-2000:] + done.stderr[-2000:])
"""


def _project(target: Path, cases: Path, tree: Path) -> Path:
    """The cases with the vocabulary file as `tree` reads it (its sections grew over time;
    the synthetic cases use only the seed themes and target groups, which all have)."""
    shutil.copytree(cases, target / "cases")
    own = tree / "tests/fixtures/seed/_vocabulaire.yaml"
    if own.exists():
        shutil.copy(own, target / "cases" / "_vocabulaire.yaml")
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base", type=Path, help="a tree holding the other `generator/`")
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mwb-against-"))
    cases = bench.make_project(work / "source", args.cases)
    trees = {"other": args.base, "this": ROOT}
    projects = {name: _project(work / name, cases, tree) for name, tree in trees.items()}
    runs: dict[str, list[list[float]]] = {"other": [], "this": []}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            out = subprocess.run(
                [sys.executable, "-c", _RUN, str(tree), str(projects[name])],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            runs[name].append([float(x) for x in out])
            print(name, " ".join(out), flush=True)
    for name, found in runs.items():
        wall, cpu, peak = (statistics.median(run[i] for run in found) for i in range(3))
        print(f"{name}: median wall {wall:.2f} s, CPU {cpu:.2f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
