"""The preview's quick path: one saved case re-makes only what it touches, and shows it."""

from __future__ import annotations

import json
import re
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, TODAY, Project, make_project, without_the_seeds
from test_serve import get, serving, wait_for

from generator.build import pipeline, preview
from generator.rendering import catalog

PILOT = "volledige-pilot.yaml"


def _project(root: Path) -> Project:
    """The full-contract pilot and a second case, with nothing that names the seeds."""
    project = make_project(root, cases=FIXTURES / "cases")
    pilot = project.cases / PILOT
    text = without_the_seeds(pilot.read_text(encoding="utf-8"))
    pilot.write_text(text.replace("status: gearchiveerd", "status: gepubliceerd"), "utf-8")
    project.write_case(
        "tweede-case.yaml",
        text.replace("Volledige pilot met alle velden", "Een tweede pilot om naast te zetten"),
    )
    return project


def _retitle(project: Project, name: str, title: str) -> None:
    path = project.cases / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"titel: {title}\n" if line.startswith("titel:") else line for line in lines]
    path.write_text("".join(lines), encoding="utf-8")


def test_update_re_renders_the_case_and_the_pages_it_is_listed_on(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    today = date.fromisoformat(TODAY)
    before = pipeline.build(project.cases, today, base=project.root)
    _retitle(project, PILOT, "Een nieuwe titel voor de pilot")
    update = preview.update(before, project.cases / PILOT, project.cases, today, base=project.root)
    assert update is not None
    full = pipeline.build(project.cases, today, base=project.root)
    # the quick path gives what a full build gives, for every page it re-made
    assert update.pages and all(full.pages[src] == text for src, text in update.pages.items())
    assert "cases/volledige-pilot.md" in update.pages
    assert "cases/index.md" in update.pages
    assert "themas/index.md" not in update.pages  # the counts did not change
    # the other case lists the pilot as related: its page follows in the second round
    assert "cases/tweede-case.md" not in update.pages
    assert "Een nieuwe titel voor de pilot" not in update.result.pages["cases/tweede-case.md"]
    assert update.related is not None
    later = update.related()
    assert list(later) == ["cases/tweede-case.md"]
    assert update.result.pages == full.pages
    assert json.loads(update.data["cases.json"]) == json.loads(full.data["cases.json"])
    assert update.result.data == full.data
    assert update.result.search_documents == full.search_documents


def test_a_case_that_is_not_among_the_newest_changes_no_other_case_page(tmp_path: Path) -> None:
    """Related cases are chosen from the newest cases of each term: a save of an older
    case re-makes no other case's page, unless one names it in `gerelateerd`."""
    project = _project(tmp_path / "project")
    text = (project.cases / PILOT).read_text(encoding="utf-8")
    old = text.replace("Volledige pilot met alle velden", "Een oude pilot")
    old = re.sub(r"bijgewerkt: \S+", "bijgewerkt: 2020-01-01", old)
    for n in range(catalog.RELATED_CANDIDATES):
        project.write_case(f"nieuwere-{n:02}.yaml", text.replace("titel: ", f"titel: Nr {n} ", 1))
    project.write_case("oude-pilot.yaml", old)
    today = date.fromisoformat(TODAY)
    before = pipeline.build(project.cases, today, base=project.root)
    assert "Een oude pilot" in before.pages["cases/oude-pilot.md"]
    _retitle(project, "oude-pilot.yaml", "Een oude pilot, herzien")
    update = preview.update(
        before, project.cases / "oude-pilot.yaml", project.cases, today, base=project.root
    )
    assert update is not None
    made = {src for src in update.pages if src.startswith("cases/")}
    assert made == {"cases/oude-pilot.md", *(s for s in made if "pagina" in s or "index" in s)}
    assert "cases/oude-pilot.md" in made
    # no other case's page is even rendered again
    assert preview._related_to(before.catalog, update.result.catalog, "oude-pilot") == []
    assert update.related is None  # not even a second round of the server
    assert update.result.pages == pipeline.build(project.cases, today, base=project.root).pages
    # the newest case, by contrast, is a related case of all the others
    newest = update.result.catalog.entries[0]
    shown = preview._related_to(update.result.catalog, update.result.catalog, newest.slug)
    assert len(shown) == len(update.result.catalog.entries) - 1  # every case but itself


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda p: (p.cases / PILOT).write_text("titel: kapot\n", "utf-8"), "now invalid"),
        (lambda p: (p.cases / PILOT).unlink(), "deleted"),
        (
            lambda p: (p.cases / PILOT).write_text(
                (p.cases / PILOT)
                .read_text("utf-8")
                .replace("status: gepubliceerd", "status: concept"),
                "utf-8",
            ),
            "held back",
        ),
    ],
)
def test_update_leaves_what_it_does_not_cover_to_a_full_build(
    tmp_path: Path, change: object, why: str
) -> None:

    project = _project(tmp_path / "project")
    today = date.fromisoformat(TODAY)
    before = pipeline.build(project.cases, today, base=project.root)
    change(project)  # type: ignore[operator]
    assert preview.update(before, project.cases / PILOT, project.cases, today) is None, why


def test_a_listing_that_loses_its_last_case_takes_the_full_build(tmp_path: Path) -> None:
    """The pilot moves to the organisation of the other case: its old organisation's page
    must go, which only a full build does."""
    project = _project(tmp_path / "project")
    other = project.cases / "tweede-case.yaml"
    other.write_text(
        other.read_text("utf-8").replace(
            "organisatie: Woonstichting Voorbeeld", "organisatie: Andere Stichting"
        ),
        "utf-8",
    )
    today = date.fromisoformat(TODAY)
    before = pipeline.build(project.cases, today, base=project.root)
    assert "organisaties/woonstichting-voorbeeld.md" in before.pages
    pilot = project.cases / PILOT
    pilot.write_text(
        pilot.read_text("utf-8").replace(
            "organisatie: Woonstichting Voorbeeld", "organisatie: Andere Stichting"
        ),
        "utf-8",
    )
    assert preview.update(before, pilot, project.cases, today, base=project.root) is None


def test_changed_ignores_editor_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x", "utf-8")
    before = preview.snapshot([tmp_path])
    (tmp_path / "a.yaml").write_text("xy", "utf-8")
    (tmp_path / ".a.yaml.swp").write_text("swap", "utf-8")
    (tmp_path / "a.yaml~").write_text("backup", "utf-8")
    assert preview.changed(before, preview.snapshot([tmp_path])) == [tmp_path / "a.yaml"]


def _status(url: str) -> int:
    try:
        return get(url)[0]
    except OSError:  # the server is busy building: ask again
        return 0


def _text(url: str) -> str:
    try:
        return get(url)[1]
    except OSError:
        return ""


@pytest.mark.build
def test_served_preview_shows_a_saved_case_through_the_quick_path(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    output: list[str] = []
    with serving(project, output) as base:
        wait_for(lambda: _status(base + "cases/volledige-pilot/") == 200)
        _retitle(project, PILOT, "Titel uit het voorbeeld")
        wait_for(lambda: "Titel uit het voorbeeld" in _text(base + "cases/volledige-pilot/"))
        assert "Titel uit het voorbeeld" in _text(base + "cases/")
        # the other case's related cases, in the second round
        wait_for(lambda: "Titel uit het voorbeeld" in _text(base + "cases/tweede-case/"))
        assert "Titel uit het voorbeeld" in _text(base + "cases.json")
        # then an edit that breaks the case: a full build, with the problems banner
        (project.cases / PILOT).write_text("titel: kapot\n", "utf-8")
        wait_for(lambda: "in case-bestanden" in _text(base))
    assert "voorbeeld bijgewerkt: volledige-pilot.yaml" in output[0]


def test_a_link_to_a_case_that_is_not_published_takes_the_full_build(tmp_path: Path) -> None:
    """A check of the saved file alone cannot tell that a linked case is held back: the
    full build shows the link as text, with a warning (and keeps the hidden case's name
    off the site)."""
    project = make_project(tmp_path / "project")
    for held in (FIXTURES / "unpublished").glob("*.yaml"):
        shutil.copy(held, project.cases / held.name)
    shutil.copytree(FIXTURES / "unpublished" / "media", project.cases / "media", dirs_exist_ok=True)
    today = date.fromisoformat(TODAY)
    before = pipeline.build(project.cases, today, base=project.root)
    assert not before.problems and "cases/geheim-concept.md" not in before.pages
    saved = project.cases / "springplankwoning-doetinchem.yaml"
    text = saved.read_text(encoding="utf-8")
    saved.write_text(
        text.replace("aanpak: |\n", "aanpak: |\n  Zie ook [deze case](../geheim-concept/).\n", 1),
        encoding="utf-8",
    )
    assert "geheim-concept" in saved.read_text(encoding="utf-8")
    assert preview.update(before, saved, project.cases, today, base=project.root) is None
    full = pipeline.build(project.cases, today, base=project.root)
    assert not full.problems
    assert any("geheim-concept" in p.message for p in full.notices)
    page = full.pages["cases/springplankwoning-doetinchem.md"]
    assert "Zie ook deze case." in page and "geheim-concept" not in page


@pytest.mark.build
def test_an_editors_own_file_in_cases_builds_nothing(tmp_path: Path) -> None:
    """A swap or backup file next to a case wakes the server's watcher; no case changed, so
    nothing is built (a full build takes most of a minute at 5,000 cases)."""
    project = _project(tmp_path / "project")
    output: list[str] = []
    with serving(project, output) as base:
        wait_for(lambda: _status(base + "cases/volledige-pilot/") == 200)
        (project.cases / ".volledige-pilot.yaml.swp").write_text("swap", "utf-8")
        (project.cases / "volledige-pilot.yaml~").write_text("backup", "utf-8")
        time.sleep(3)  # the watcher polls every 0.5 s
        _retitle(project, PILOT, "Titel na het wisselbestand")
        wait_for(lambda: "Titel na het wisselbestand" in _text(base + "cases/volledige-pilot/"))
    # (the preview's log is Dutch: engines/mkdocs/serve_log.py)
    assert output[0].count("De site wordt gebouwd") == 1, output[0]
    assert output[0].count("Wijziging gezien") >= 2  # the watcher did wake up
