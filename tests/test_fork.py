"""A corporation forks the repository, replaces the example cases with its own, and publishes.

The product's tests build from fixtures only, so they hold whatever `cases/` holds; this
test proves the other half: a copy of the checkout with other valid cases, dated on the
build date (the real clock, as CI's nightly run has it), or with no case at all, passes the
content gate (`make check-site`: check, settings, strict build, links, third parties).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEED
from test_site import text_of

pytestmark = pytest.mark.build  # this module builds sites or starts servers


FORK_URL = "https://kennisbank.aandevecht.test/"


def fork(target: Path, cases: list[Path]) -> Path:
    """Every tracked file of this checkout except cases/, which gets the fixture vocabulary
    and `cases`; `site_url` set and the schema made again, as the README's fork steps say."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in tracked:
        if name and not name.startswith("cases/") and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    (target / "cases").mkdir()
    shutil.copy(SEED / "_vocabulaire.yaml", target / "cases")
    for case in cases:
        shutil.copy(case, target / "cases" / case.name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    installed = ROOT / "node_modules/.package-lock.json"
    if installed.is_file():
        # The same lock as the checkout's packages: a copy newer than them would make
        # `make site` (scripts/npm-packages.sh) run `npm ci` through the link, emptying
        # this checkout's node_modules.
        stamp = installed.stat().st_mtime_ns
        os.utime(target / "package-lock.json", ns=(stamp, stamp))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://maatwerkbank.example.nl/\n" in text
    config.write_text(text.replace("https://maatwerkbank.example.nl/", FORK_URL), "utf-8")
    made = subprocess.run(
        [sys.executable, "-m", "generator", "schema", "--out", "schema/case.schema.json"],
        cwd=target,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    return target


def make(target: Path, *goals: str) -> subprocess.CompletedProcess[str]:
    """`make` in the fork with this checkout's environment (no SOURCE_DATE_EPOCH: the clock)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}", *goals],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_fork_with_its_own_cases_dated_today_passes_the_gate(tmp_path: Path) -> None:
    today = date.today().isoformat()
    cases = []
    for source in sorted((FIXTURES / "fork").glob("*.yaml")):
        dated = tmp_path / source.name
        dated.write_text(source.read_text(encoding="utf-8").replace("BOUWDATUM", today), "utf-8")
        cases.append(dated)
    root = fork(tmp_path / "fork", cases)
    result = make(root, "check", "check-site")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "2 bestanden gecontroleerd, geen problemen gevonden."
    assert f"site_url: {FORK_URL}; schema is actueel." in lines
    assert lines[-1] == "Site-controle geslaagd: de site mag gepubliceerd worden."
    # and it publishes: `make site`, the strict build CI uploads
    built = make(root, "site")
    assert built.returncode == 0, built.stderr
    page = root / "site/cases/buurtkamer-zwolle/index.html"
    assert f'<link rel="canonical" href="{FORK_URL}cases/buurtkamer-zwolle/">' in page.read_text(
        encoding="utf-8"
    )
    assert "Doetinchem" not in (root / "site/cases.json").read_text(encoding="utf-8")
    assert (root / "site/pagefind/pagefind-entry.json").is_file()


def test_a_fork_with_no_case_yet_builds_and_says_so(tmp_path: Path) -> None:
    root = fork(tmp_path / "fork", [])
    result = make(root, "check-site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 bestanden gecontroleerd, geen problemen gevonden." in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Site-controle geslaagd: de site mag gepubliceerd worden."
    )
    built = make(root, "site")
    assert built.returncode == 0, built.stderr
    finder = text_of((root / "site/zoeken/index.html").read_text(encoding="utf-8"))
    assert "Er zijn nog geen cases gepubliceerd." in finder
    assert not (root / "site/pagefind").exists()
    listing = text_of((root / "site/cases/index.html").read_text(encoding="utf-8"))
    assert "Er zijn hier nog geen cases gepubliceerd." in listing


def test_a_fork_with_only_a_concept_publishes_nothing_and_builds(tmp_path: Path) -> None:
    concept = tmp_path / "concept-zwolle.yaml"
    source = (FIXTURES / "fork/buurtkamer-zwolle.yaml").read_text(encoding="utf-8")
    concept.write_text(
        source.replace("BOUWDATUM", date.today().isoformat()).replace(
            "status: gepubliceerd", "status: concept"
        ),
        "utf-8",
    )
    root = fork(tmp_path / "fork", [concept])
    built = make(root, "site")
    assert built.returncode == 0, built.stderr
    assert "niet gepubliceerd: cases/concept-zwolle.yaml: status is concept" in built.stderr
    finder = text_of((root / "site/zoeken/index.html").read_text(encoding="utf-8"))
    assert "Er zijn nog geen cases gepubliceerd." in finder
    assert not (root / "site/cases/concept-zwolle").exists()
