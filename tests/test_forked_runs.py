"""The tests' forked runs (tests/forked_runs.py) must give what a new Python gives: the
suite trusts them for every build and check it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import forked_runs
from conftest import Project


def _fresh(
    cmd: list[str], project: Project, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=project.root, env=env, capture_output=True, text=True)


def test_a_forked_check_says_and_ends_as_a_new_python(project: Project) -> None:
    project.write_case("Fout Bestand.yaml", "titel: [\n  Mevrouw Jansen belde 06-12345678\n")
    cmd = [sys.executable, "-m", "generator", "check", "--today", "2026-01-15"]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1768478400")
    assert forked_runs.forked(cmd, project.root, env)
    forked = forked_runs.run(cmd, project.root, env, timeout=120)
    fresh = _fresh(cmd, project, env)
    assert forked.returncode == fresh.returncode == 1
    assert (forked.stdout, forked.stderr) == (fresh.stdout, fresh.stderr)
    assert "Fout Bestand.yaml" in forked.stdout


def test_each_forked_run_has_its_own_environment_and_folder(
    project: Project, tmp_path: Path
) -> None:
    code = [sys.executable, "-m", "generator", "check"]
    other = tmp_path / "other"
    other.mkdir()
    dated = forked_runs.run(code, project.root, dict(os.environ, SOURCE_DATE_EPOCH="x"), 120)
    assert dated.returncode == 2 and "SOURCE_DATE_EPOCH='x'" in dated.stderr
    # the next run neither sees the last one's date nor its folder
    empty = forked_runs.run(code, other, dict(os.environ), 120)
    assert "SOURCE_DATE_EPOCH" not in empty.stderr
    assert empty.returncode == _fresh(code, Project(other), dict(os.environ)).returncode


def test_a_run_with_an_environment_of_its_own_starts_a_new_python(project: Project) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build"]
    assert forked_runs.forked(cmd, project.root, dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert not forked_runs.forked(cmd, project.root, dict(os.environ, TZ="Pacific/Kiritimati"))
    assert not forked_runs.forked([*cmd[:3], "serve"], project.root, dict(os.environ))
    (project.root / "yaml.py").write_text("raise SystemExit(3)\n")  # a new Python imports it
    assert not forked_runs.forked(cmd, project.root, dict(os.environ))
    (project.root / "yaml.py").unlink()
    (project.root / "generator").mkdir()  # another checkout's code: run that, not ours
    assert not forked_runs.forked(cmd, project.root, dict(os.environ))


def test_a_forked_mkdocs_speaks_mkdocs_english(project: Project) -> None:
    """The server imported the generator's command, which puts click into Dutch: a forked
    `mkdocs` must not have it."""
    env = dict(os.environ)
    for args in (["build", "--bogus"], ["build", "-f", "ontbreekt.yml"]):
        cmd = [sys.executable, "-m", "mkdocs", *args]
        forked = forked_runs.run(cmd, project.root, env, timeout=120)
        fresh = _fresh(cmd, project, env)
        assert (forked.returncode, forked.stderr) == (fresh.returncode, fresh.stderr)
        assert "Usage:" in forked.stderr
