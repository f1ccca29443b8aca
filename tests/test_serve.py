"""The live preview, as an author uses it: `mkdocs serve` in a subprocess, read over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from conftest import Project
from test_site import text_of


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError("timed out")


@pytest.fixture
def served(project: Project) -> Iterator[tuple[Project, str]]:
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1768478400")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: _up(base))
        yield project, base
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
        assert "Traceback" not in output, output


def _up(base: str) -> bool:
    try:
        return get(base)[0] == 200
    except OSError:
        return False


def test_preview_keeps_serving_and_shows_problems(served: tuple[Project, str]) -> None:
    project, base = served
    status, home = get(base)
    assert status == 200
    assert "1 probleem in case-bestanden" in home
    assert 'href="problemen/"' in home
    status, problems = get(base + "problemen/")
    assert status == 200
    assert (
        "cases/uitbouw-samenwonen-doetinchem.yaml:19:9 : ongeldige waarde 'klaar' voor 'status'"
        in text_of(problems)
    )
    # the valid cases are still served, the broken one is not
    assert get(base + "cases/springplankwoning-doetinchem/")[0] == 200
    assert get(base + "cases/uitbouw-samenwonen-doetinchem/")[0] == 404


def test_preview_rebuilds_when_a_case_changes(served: tuple[Project, str]) -> None:
    project, base = served
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: klaar", "status: gepubliceerd"))
    wait_for(lambda: get(base + "cases/uitbouw-samenwonen-doetinchem/")[0] == 200)
    assert "probleem in case-bestanden" not in get(base)[1]
    # a new file appears, a deleted one disappears
    new = project.cases / "nieuwe-case.yaml"
    new.write_text(path.read_text().replace("Samen wonen dankzij", "Nieuw, samen wonen dankzij"))
    wait_for(lambda: get(base + "cases/nieuwe-case/")[0] == 200)
    new.unlink()
    wait_for(lambda: get(base + "cases/nieuwe-case/")[0] == 404)


def test_preview_warns_about_a_missing_site_url_and_keeps_serving(project: Project) -> None:
    """`mkdocs serve` puts its own address in `site_url`; the warning is about the file's."""
    from test_content_gate import MISSING, set_site_url

    set_site_url(project, "site_url: ''")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1768478400"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: _up(f"http://127.0.0.1:{port}/"))
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert f"WARNING -  {MISSING}" in output.splitlines(), output
    assert "Traceback" not in output
