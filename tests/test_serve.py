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
from contextlib import contextmanager

import pytest
from conftest import Project
from playwright.sync_api import Error as PlaywrightError
from test_site import text_of

from generator.rendering import hosting

pytestmark = pytest.mark.build  # this module builds sites or starts servers


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
        try:
            if predicate():
                return
        except OSError:  # the server holds requests while it builds: ask again
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


@pytest.fixture
def served(project: Project) -> Iterator[tuple[Project, str]]:
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    with serving(project) as base:
        yield project, base


@contextmanager
def serving(project: Project, output: list[str] | None = None) -> Iterator[str]:
    """`mkdocs serve` on the project, as `make serve` runs it; the output checked at the end
    (and added to `output`, for a test that reads what the server said)."""
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
        yield base
    finally:
        process.terminate()
        said = process.communicate(timeout=20)[0]
        if output is not None:
            output.append(said)
        assert "Traceback" not in said, said


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
    # the valid cases are still served; where the broken one was, what is wrong with it
    assert get(base + "cases/springplankwoning-doetinchem/")[0] == 200
    status, broken = get(base + "cases/uitbouw-samenwonen-doetinchem/")
    assert status == 200
    assert "1 probleem in case-bestanden" in broken  # the banner, as on every page
    said = text_of(broken)
    assert "Deze case heeft een probleem" in said
    assert (
        "Zolang cases/uitbouw-samenwonen-doetinchem.yaml een probleem heeft, toont de site "
        "deze case niet"
    ) in said
    assert (
        "cases/uitbouw-samenwonen-doetinchem.yaml:19:9 : ongeldige waarde 'klaar' voor 'status'"
        in said
    )


def test_preview_rebuilds_when_a_case_changes(served: tuple[Project, str]) -> None:
    project, base = served
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: klaar", "status: gepubliceerd"))
    wait_for(lambda: "Deze case heeft" not in get(base + "cases/uitbouw-samenwonen-doetinchem/")[1])
    assert get(base + "cases/uitbouw-samenwonen-doetinchem/")[0] == 200
    assert "probleem in case-bestanden" not in get(base)[1]
    # a new file appears, a deleted one disappears
    new = project.cases / "nieuwe-case.yaml"
    new.write_text(path.read_text().replace("Samen wonen dankzij", "Nieuw, samen wonen dankzij"))
    wait_for(lambda: get(base + "cases/nieuwe-case/")[0] == 200)
    new.unlink()
    wait_for(lambda: get(base + "cases/nieuwe-case/")[0] == 404)


def test_the_browser_reloads_by_itself_when_a_case_is_saved(project: Project, browser) -> None:  # type: ignore[no-untyped-def]
    """The page's own policy allows exactly the live-reload script MkDocs injects, so the
    open page reloads after a save and shows the change, with no policy violation."""
    project.add_fixtures("cases")
    path = project.cases / "volledige-pilot.yaml"
    console: list[str] = []
    with serving(project) as base:
        page = browser.browser.new_page()  # a context that enforces the site's policy
        page.on("console", lambda message: console.append(message.text))
        page.goto(base + "cases/volledige-pilot/", wait_until="load")
        assert page.locator("h1").inner_text().startswith("Volledige pilot met alle velden")
        wait_for(lambda: "Enabled live reload" in console, timeout=10)
        page.evaluate("window.mwbBeforeSave = true")
        path.write_text(
            path.read_text().replace(
                "titel: Volledige pilot met alle velden", "titel: Bijgewerkte pilot met alle velden"
            )
        )
        page.locator("h1", has_text="Bijgewerkte pilot met alle velden").wait_for(timeout=60_000)
        # A quick update can reload the page twice: the saved case first, then (a moment
        # later) the other case pages that list it as related.
        reloaded = None
        for _ in range(20):
            if reloaded is not None:
                break
            try:
                page.wait_for_load_state("load")
                reloaded = page.evaluate("window.mwbBeforeSave === undefined")
            except PlaywrightError:
                continue  # reloading again
        assert "Bijgewerkte pilot met alle velden" in page.locator("h1").inner_text()
        page.close()
    assert reloaded  # the page loaded anew by itself; nobody navigated
    assert console.count("Enabled live reload") >= 2
    assert not [m for m in console if "Content Security Policy" in m], console


def test_only_the_preview_allows_the_live_reload_script(project: Project) -> None:
    """Served, a page's policy lists the hash of every inline script in it, the injected one
    included; built for publishing, the same page has no such script and no extra hash."""
    project.add_fixtures("cases")
    with serving(project) as base:
        served_html = get(base + "cases/volledige-pilot/")[1]
    assert "var livereload = function" in served_html
    assert hosting.inline_script_hashes(served_html) <= set(script_src(served_html).split())
    assert project.build("--strict").returncode == 0
    built = project.html("cases/volledige-pilot/index.html")
    assert "livereload" not in built
    assert set(script_src(built).split()) == {
        "'self'",
        "'wasm-unsafe-eval'",
        *hosting.inline_script_hashes(built),
    }
    assert len(script_src(served_html).split()) == len(script_src(built).split()) + 1


def script_src(html: str) -> str:
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    return policy.split("script-src ", 1)[1].split(";", 1)[0]


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
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: _up(base))
        # a saved page rebuilds the whole site; the warning is not said again
        guide = project.root / "content" / "een-case-toevoegen.md"
        guide.write_text(guide.read_text() + "\nHerzien voor de test.\n")
        wait_for(lambda: "Herzien voor de test." in get(base + "een-case-toevoegen/")[1])
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    lines = output.splitlines()
    assert lines.count(f"WARNING -  {MISSING}") == 1, output
    assert "Traceback" not in output
    # MkDocs' own lines in Dutch (serve_log), twice built
    assert lines.count("INFO    -  De site wordt gebouwd...") == 2, output
    assert any("De voorvertoning staat op http://127.0.0.1:" in line for line in lines), output
    assert any(line.endswith("Wijziging gezien: de site wordt bijgewerkt") for line in lines)
    for english in ("Building documentation", "Serving on", "Detected file changes", "Cleaning"):
        assert english not in output, output
