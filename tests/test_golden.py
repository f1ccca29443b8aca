"""Golden files of the generated Markdown: the core's output, reviewed as text.

The themed HTML belongs to Material; what we own is the Markdown, so that is what is pinned.
Run `pytest tests/test_golden.py --update-goldens` after an intended change, and review the diff.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

from generator.build import pipeline

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "cases/springplankwoning-doetinchem.md",
    "cases/uitbouw-samenwonen-doetinchem.md",
    "cases/straatgewijze-renovatie-of-sloop-doetinchem.md",
    "cases/index.md",
    "themas/index.md",
    "themas/dakloosheid.md",
    "tips/index.md",
    "regelruimte/index.md",
]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = pipeline.build(SEED, date(2026, 1, 15), base=SEED.parent)
    assert not result.problems
    return result.pages


@pytest.mark.parametrize("src", PAGES)
def test_generated_markdown_matches_golden(
    src: str, pages: dict[str, str], request: pytest.FixtureRequest
) -> None:
    golden = GOLDEN / src.replace("/", "__")
    if request.config.getoption("--update-goldens"):
        golden.write_text(pages[src], encoding="utf-8")
    assert golden.exists(), f"no golden file for {src}; run with --update-goldens"
    assert pages[src] == golden.read_text(encoding="utf-8")


def test_full_contract_fixture_matches_golden(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    import shutil

    cases = tmp_path / "cases"
    shutil.copytree(SEED, cases)
    shutil.copytree(FIXTURES / "cases", cases, dirs_exist_ok=True)
    result = pipeline.build(cases, date(2026, 1, 15), base=tmp_path)
    assert not result.problems
    golden = GOLDEN / "cases__volledige-pilot.md"
    if request.config.getoption("--update-goldens"):
        golden.write_text(result.pages["cases/volledige-pilot.md"], encoding="utf-8")
    assert result.pages["cases/volledige-pilot.md"] == golden.read_text(encoding="utf-8")
