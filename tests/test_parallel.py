"""The core's work split over processes gives exactly what one process gives."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, Project, make_project

from generator import parallel


def _slowly(n: int) -> tuple[int, int]:
    time.sleep(0.002)  # slow enough that every process gets chunks of work
    return n * n, os.getpid()


def test_split_map_keeps_the_order_over_several_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENVIRONMENT, "3")
    assert parallel.processes(300) == 3
    results = parallel.split_map(_slowly, range(300))
    assert [square for square, _ in results] == [n * n for n in range(300)]
    assert len({pid for _, pid in results}) == 3  # really three processes


def test_work_beside_is_done_here_while_children_take_the_items(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(parallel.ENVIRONMENT, "2")

    def beside() -> int:
        time.sleep(0.1)
        return os.getpid()

    results, here = parallel.map_beside(_slowly, range(300), beside)
    assert [square for square, _ in results] == [n * n for n in range(300)]
    assert here == os.getpid()
    # the child started on the items; this process helped once its own work was done
    assert results[0][1] != os.getpid()
    assert {pid for _, pid in results} >= {os.getpid()}


def test_a_failing_child_is_reported_with_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENVIRONMENT, "2")
    parent = os.getpid()

    def fails_in_a_child(n: int) -> int:
        time.sleep(0.002)
        if os.getpid() != parent:
            raise ValueError("kapot in het werkproces")
        return n

    with pytest.raises(parallel.WorkerError, match="kapot in het werkproces"):
        parallel.split_map(fails_in_a_child, range(300))


def test_one_process_where_forking_is_not_safe_or_not_worth_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(parallel.ENVIRONMENT, raising=False)
    assert parallel.processes(parallel.MINIMUM_PER_PROCESS) == 1  # too few items
    monkeypatch.setenv(parallel.ENVIRONMENT, "1")
    assert parallel.processes(10_000) == 1  # turned off
    monkeypatch.setenv(parallel.ENVIRONMENT, "2")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.processes(10_000) == 1  # a thread could hold a lock the child needs
    finally:
        stop.set()
        thread.join()
    assert parallel.processes(10_000) == 2


def _with_fixtures(project: Project) -> Project:
    for fixture in ("cases", "injection"):
        for path in (FIXTURES / fixture).rglob("*"):
            if path.is_file():
                target = project.cases / path.relative_to(FIXTURES / fixture)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_generated_site_is_the_same_from_one_or_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _with_fixtures(make_project(tmp_path / "project"))
    outputs = {}
    for processes in ("1", "2"):
        monkeypatch.setenv(parallel.ENVIRONMENT, processes)
        out = tmp_path / f"out-{processes}"
        result = project.cli("generate", "--out", str(out))
        assert result.returncode == 0, result.stderr
        outputs[processes] = _tree(out)
    assert len(outputs["1"]) > 40
    assert outputs["1"] == outputs["2"]


def test_check_reports_the_same_problems_from_one_or_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _with_fixtures(make_project(tmp_path / "project"))
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
