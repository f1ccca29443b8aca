"""Shared test helpers: real sites built in temporary folders from real case files."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import forked_runs
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# The product's tests never read the live cases/ (a fork replaces them with its own): the
# three seed cases and the vocabulary are copied here, and every test builds from fixtures.
SEED = FIXTURES / "seed"
# A fixed build date for the fixture cases (all dated before it), so embargo, consent and
# 'bijgewerkt in de toekomst' never drift. Only fixtures are built with it.
TODAY = "2026-01-15"
# The address every test project publishes under, replacing the live mkdocs.yml's, which a
# fork changes (and which, left at the example address, only warns).
SITE_URL = "https://kennisbank.corporatie.test/"
SITE_HOST = "kennisbank.corporatie.test"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden from current output"
    )


# --- tiers ------------------------------------------------------------------------------------
# `make test` runs every test; `make test-core` only those marked neither `build` (a whole
# site built, or a preview or form server started) nor `browser` (Chromium), which a
# developer runs after each change. A test is marked by hand (`pytestmark` or a decorator),
# or by the fixtures it uses: those that build a site or start Chromium mark it themselves.
# A test that builds without its mark fails (`run`), so the core tier cannot slow down unseen.
BUILDING_FIXTURES = frozenset(
    {"seed_site", "fixture_site", "site", "hostile", "form_site", "form_project"}
)
_BUILDS_ALLOWED = [True]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if "browser" in used:
            item.add_marker(pytest.mark.browser)
        if used & BUILDING_FIXTURES:
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures (a module's site is built in the setup of its first test)."""
    _BUILDS_ALLOWED[0] = any(item.get_closest_marker(name) for name in ("build", "browser"))


def pytest_runtest_teardown(item: pytest.Item) -> None:
    _BUILDS_ALLOWED[0] = True


@dataclass
class Project:
    """A copy of the site project with its own cases/, ready to build."""

    root: Path

    @property
    def cases(self) -> Path:
        return self.root / "cases"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write_case(self, name: str, text: str) -> Path:
        path = self.cases / name
        path.write_text(text, encoding="utf-8")
        return path

    def build(
        self, *args: str, today: str = TODAY, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """`mkdocs build` as a user runs it, in a process of its own (`env`: variables of its
        own, such as PYTHONHASHSEED, which makes it a new Python: `forked_runs`)."""
        return run([sys.executable, "-m", "mkdocs", "build", *args], self.root, today, env)

    def build_with(self, engine: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
        """`maatwerkbank site --engine ENGINE`: the whole site, as `make site ENGINE=...`."""
        return self.cli("site", "--engine", engine, "--site-dir", str(self.site), today=today)

    def cli(self, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
        return run([sys.executable, "-m", "generator", *args], self.root, today)

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def add_fixtures(self, *names: str) -> Project:
        """Copy the case files (and media) of `tests/fixtures/<name>/` into this project."""
        for name in names:
            shutil.copytree(FIXTURES / name, self.cases, dirs_exist_ok=True)
        return self


def without_the_seeds(text: str) -> str:
    """The full-contract pilot's text without what names a seed case (its related case and
    the case it adopted), for a project built without the seeds."""
    text = text.replace("gerelateerd:\n  - springplankwoning-doetinchem\n", "")
    return re.sub(r"  - case: springplankwoning-doetinchem\n    verschil: .*\n", "", text)


def case_model_with_a_new_field() -> type:
    """The case model plus an optional field `wijk`: what a later issue adding a field
    does. Outputs made from the model (template, schema, guide, web form) must follow."""
    from pydantic import Field, create_model

    from generator.contract import model

    return create_model(
        "Case",
        __base__=model.Case,
        wijk=(str | None, Field(None, title="Wijk", description="De wijk waar het speelde.")),
    )


def python_output(code: str, *args: str, **environment: str) -> str:
    """What `code` prints, run in a new Python process from the repository root (a fresh
    process: no state or threads left by other tests), with extra environment variables."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=dict(os.environ, **environment),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


_BUILD_COMMANDS = (["mkdocs", "build"], ["generator", "site"], ["generator", "generate"])
_BUILD_COMMANDS += (["generator", "check-site"], ["mkdocs", "serve"])


def run(
    cmd: list[str], cwd: Path, today: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    if not _BUILDS_ALLOWED[0] and any(cmd[2:4] == words for words in _BUILD_COMMANDS):
        pytest.fail(
            f"this test runs '{' '.join(cmd[2:4])}': mark it @pytest.mark.build (the core tier "
            "builds no site)",
            pytrace=False,
        )
    epoch = int(datetime.combine(date.fromisoformat(today), time(12), tzinfo=UTC).timestamp())
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch), **(extra or {}))
    if forked_runs.forked(cmd, cwd, env):
        return forked_runs.run(cmd, cwd, env, timeout=600)
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def make_project(target: Path, cases: Path | None = None) -> Project:
    """Copy mkdocs.yml, content/ and overrides/ of the real site, with the tests' own
    `site_url`; cases from `cases` or the seed fixtures (never the live cases/)."""
    target.mkdir(parents=True, exist_ok=True)
    # The copy uses this checkout's npm packages (Decap CMS for /beheer/).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", config).replace(
        "      cases_dir: cases\n",
        f"      cases_dir: cases\n      cms_bundle: {ROOT / 'node_modules/decap-cms/dist'}\n",
    )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("content", "overrides"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copytree(cases or SEED, target / "cases")
    if not (target / "cases" / "_vocabulaire.yaml").exists():
        shutil.copy(SEED / "_vocabulaire.yaml", target / "cases" / "_vocabulaire.yaml")
    return Project(target)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh project with the seed cases."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The seed cases plus the full-contract fixture, built once per module."""
    project = make_project(tmp_path_factory.mktemp("seed") / "project").add_fixtures("cases")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The seed fixtures plus the full-contract pilot, built once per test run: the
    readers' and the accessibility tests walk all of its pages."""
    project = make_project(tmp_path_factory.mktemp("fixture-site") / "project", SEED)
    project.add_fixtures("cases")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


# Debian's Chromium by default; CHROMIUM_PATH names another Chrome (e.g. on GitHub runners).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # Tests drive pages with Playwright's evaluated predicates, which the site's own
        # Content-Security-Policy forbids; test_publishing checks that policy without this.
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 1000})
        yield context
        context.close()
        browser.close()


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site over http://127.0.0.1:<free port>/ (directory URLs need a server)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
