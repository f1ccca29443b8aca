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
        "def report(func, items):  # prints the error the split gives\n"
        "    try:\n"
        "        parallel.split_map(func, items)\n"
        "    except parallel.WorkerError as error:\n"
        "        print(error)\n"
    )
    return python_output(preamble + textwrap.dedent(code), **{parallel.ENVIRONMENT: processes})


def test_split_map_keeps_the_order_over_several_processes() -> None:
    output = _in_a_fresh_process(
        """
        assert parallel.processes(300) == 3
        results = parallel.split_map(slowly, range(300))
        assert [square for square, _ in results] == [n * n for n in range(300)]
        print(len({pid for _, pid in results}))
        """,
        "3",
    )
    assert output.split() == ["3"]  # really three processes


def test_work_beside_is_done_here_while_children_take_the_items() -> None:
    output = _in_a_fresh_process(
        """
        def beside():
            time.sleep(0.1)
            return os.getpid()

        results, here = parallel.map_beside(slowly, range(300), beside)
        assert [square for square, _ in results] == [n * n for n in range(300)]
        pids = [pid for _, pid in results]
        # the child starts on the items; this process helps once its own work is done
        print(here == os.getpid(), pids[0] != os.getpid(), os.getpid() in pids)
        """,
        "2",
    )
    assert output.split() == ["True", "True", "True"]


def test_results_from_other_processes_are_received_here() -> None:
    """`receive` runs in this process, on each result another process computed (the
    pipeline validates models again there), and on none of its own."""
    output = _in_a_fresh_process(
        """
        here = os.getpid()

        def receive(result):
            return (*result, os.getpid())

        results = parallel.split_map(slowly, range(300), receive=receive)
        assert [r[0] for r in results] == [n * n for n in range(300)]
        theirs = [r for r in results if r[1] != here]
        ours = [r for r in results if r[1] == here]
        print(bool(theirs), bool(ours))
        print(all(len(r) == 3 and r[2] == here for r in theirs), all(len(r) == 2 for r in ours))
        """,
        "2",
    )
    assert output.split() == ["True", "True", "True", "True"]


def test_a_failing_child_is_reported_with_its_traceback() -> None:
    output = _in_a_fresh_process(
        """
        parent = os.getpid()

        def fails_in_a_child(n):
            time.sleep(0.002)
            if os.getpid() != parent:
                raise ValueError("kapot in het werkproces")
            return n

        report(fails_in_a_child, range(300))
        """,
        "2",
    )
    assert "faalde" in output
    # the child's traceback
    assert "in fails_in_a_child" in output
    assert "ValueError: kapot in het werkproces" in output


def test_a_child_that_dies_without_a_word_is_reported() -> None:
    """A child killed halfway (out of memory, say) leaves some results and no traceback:
    the results it did write must not pass for all of them."""
    output = _in_a_fresh_process(
        """
        parent = os.getpid()
        calls = 0

        def dies_in_a_child(n):
            global calls
            if os.getpid() == parent:
                time.sleep(0.02)  # slowly, so the child takes most chunks
                return n
            calls += 1
            if calls > 25:  # in its second chunk: after writing the first one's results
                os._exit(9)
            return n

        report(dies_in_a_child, range(100))
        """,
        "2",
    )
    assert "stopte onverwacht (status 2304)" in output  # exit code 9, as waitpid reports it


def test_a_failure_here_stops_the_children_and_leaves_none_behind() -> None:
    """When this process's own work fails, its error is what the caller sees, and every
    child is stopped and waited for (no orphan keeps working, no zombie is left)."""
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
            print("a child is left")
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
        print(parallel.processes(10_000))  # a thread could hold a lock the child needs
        stop.set()
        thread.join()

        def refuse(*args):
            raise OSError(38, "Function not implemented")

        os.memfd_create = refuse  # a sandbox without in-memory files
        parallel._memory_files.cache_clear()
        print(parallel.processes(10_000))
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
