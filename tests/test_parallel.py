"""The core's work split over processes gives exactly what one process gives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import make_project, python_output

from generator.build import parallel


def _in_a_fresh_process(code: str, processes: str) -> str:
    """Run `code` in a new Python process, single-threaded like a real build (this test
    process may have threads left by other tests, and then nothing is forked)."""
    preamble = (
        "import os, threading, time\n"
        "from generator.build import parallel\n"
        "def slowly(n):\n"
        "    time.sleep(0.002)  # slow enough that every process gets chunks of work\n"
        "    return n * n, os.getpid()\n"
    )
    return python_output(preamble + textwrap.dedent(code), **{parallel.ENVIRONMENT: processes})


def test_split_map_keeps_the_order_over_several_processes() -> None:
    output = _in_a_fresh_process(
        """
        assert parallel.processes(300) == 3
        results = parallel.split_map(slowly, range(300))
        assert [square for square, _ in results] == [n * n for n in range(300)]
        print(len({pid for _, pid in results} - {os.getpid()}))
        """,
        "3",
    )
    assert output.split() == ["3"]  # really three other processes


def test_work_beside_is_done_here_while_workers_take_the_items() -> None:
    """`beside` runs in this process while the workers take the items, and `receive` runs
    here on each result a worker made."""
    output = _in_a_fresh_process(
        """
        here = os.getpid()

        def beside():
            return os.getpid()

        results, own = parallel.map_beside(
            slowly, range(300), beside, receive=lambda r: (*r, os.getpid())
        )
        assert [r[0] for r in results] == [n * n for n in range(300)]
        print(own == here, here not in {r[1] for r in results}, {r[2] for r in results} == {here})
        """,
        "2",
    )
    assert output.split() == ["True", "True", "True"]


def test_a_failing_worker_is_reported_with_its_traceback() -> None:
    output = _in_a_fresh_process(
        """
        parent = os.getpid()

        def fails_in_a_worker(n):
            if os.getpid() != parent:
                raise ValueError("kapot in het werkproces")
            return n

        try:
            parallel.split_map(fails_in_a_worker, range(300))
        except ValueError as error:
            print(error)
            print(error.__cause__)
        """,
        "2",
    )
    assert output.startswith("kapot in het werkproces\n")
    assert "in fails_in_a_worker" in output  # the worker's traceback


def test_a_worker_that_dies_without_a_word_is_reported() -> None:
    """A worker killed halfway (out of memory, say) leaves some results and no traceback:
    the map fails rather than pass what it has for all of them, or wait forever."""
    output = _in_a_fresh_process(
        """
        from concurrent.futures.process import BrokenProcessPool

        parent = os.getpid()

        def dies_in_a_worker(n):
            if os.getpid() != parent and n == 150:
                os._exit(9)
            return n

        try:
            parallel.split_map(dies_in_a_worker, range(300))
        except BrokenProcessPool:
            print("stopped")
        """,
        "2",
    )
    assert output.split() == ["stopped"]


def test_a_failure_here_stops_the_workers_and_leaves_none_behind() -> None:
    """When this process's own work fails, its error is what the caller sees, and every
    worker is stopped and waited for (no orphan keeps working, no zombie is left)."""
    output = _in_a_fresh_process(
        """
        def beside():
            time.sleep(0.05)
            raise ValueError("kapot hier")

        try:
            parallel.map_beside(slowly, range(3000), beside)
        except ValueError as error:
            print(error)
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a worker is left")
        except ChildProcessError:
            print("none left")
        """,
        "2",
    )
    assert output.splitlines() == ["kapot hier", "none left"]


def test_one_process_where_forking_is_not_safe_or_not_worth_it() -> None:
    output = _in_a_fresh_process(
        """
        print(parallel.processes(10_000))
        os.environ[parallel.ENVIRONMENT] = ""
        print(parallel.processes(parallel.MINIMUM_PER_PROCESS))  # too few items
        os.environ[parallel.ENVIRONMENT] = "1"
        print(parallel.processes(10_000))  # turned off
        os.environ[parallel.ENVIRONMENT] = "2"
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        print(parallel.processes(10_000))  # a thread could hold a lock a worker needs
        results = parallel.split_map(slowly, range(300))
        print(len({pid for _, pid in results}))
        stop.set()
        thread.join()
        """,
        "2",
    )
    assert output.split() == ["2", "1", "1", "1", "1"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.build
def test_generated_site_is_the_same_from_one_or_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "project").add_fixtures("cases", "injection")
    outputs = {}
    for processes in ("1", "2"):
        monkeypatch.setenv(parallel.ENVIRONMENT, processes)
        out = tmp_path / f"out-{processes}"
        result = project.cli("generate", "--out", str(out))
        assert result.returncode == 0, result.stderr
        outputs[processes] = _tree(out)
    assert len(outputs["1"]) > 40
    assert outputs["1"] == outputs["2"]


@pytest.mark.build
def test_check_reports_the_same_problems_from_one_or_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "project").add_fixtures("cases", "injection")
    project.write_case("kapotte-case.yaml", "titel: [niet afgesloten\n")
    project.write_case(
        "verkeerde-link.yaml",
        (project.cases / "springplankwoning-doetinchem.yaml")
        .read_text(encoding="utf-8")
        .replace("gerelateerd:", "gerelateerd:\n  - bestaat-niet\n", 1),
    )
    reports = {}
    for processes in ("1", "2"):
        monkeypatch.setenv(parallel.ENVIRONMENT, processes)
        result = project.cli("check")
        assert result.returncode == 1
        reports[processes] = result.stdout + result.stderr
    assert "cases/kapotte-case.yaml:2:1: YAML-fout" in reports["1"]
    assert "bestaat-niet" in reports["1"]
    assert reports["1"] == reports["2"]
