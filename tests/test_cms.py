"""The web form for authors: generated from the model, and used for real in Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED, Project, case_model_with_a_new_field, make_project, serve_folder

from generator import cms, model
from generator.vocabulary import load_vocabulary

DECAP_SERVER = ROOT / "node_modules/.bin/decap-server"
BUNDLE = ROOT / "node_modules/decap-cms/dist"


def vocabulary():  # type: ignore[no-untyped-def]
    return load_vocabulary(SEED / "_vocabulaire.yaml", "v")[0]


def fields_of(config: dict, collection: str) -> dict:  # type: ignore[type-arg]
    found = next(c for c in config["collections"] if c["name"] == collection)
    return {f["name"]: f for f in found["fields"]}


def test_form_has_every_field_of_the_model_with_labels_and_rules() -> None:
    config = cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo"))
    pilots = fields_of(config, "pilots")
    assert list(pilots) == list(model.Case.model_fields)
    assert "pilot" not in fields_of(config, "casussen")
    assert pilots["titel"]["label"] == "Titel" and "5 tot 120 tekens" in pilots["titel"]["hint"]
    assert pilots["status"]["options"] == ["concept", "gepubliceerd", "gearchiveerd"]
    assert pilots["regio"]["required"] is False and "required" not in pilots["titel"]
    assert {o["value"] for o in pilots["themas"]["options"]} == set(vocabulary().themas)
    assert pilots["themas"]["multiple"] is True
    assert [f["name"] for f in pilots["partners"]["fields"]] == ["naam", "rol", "url"]
    image = {f["name"]: f for f in pilots["afbeeldingen"]["fields"]}
    assert image["bestand"]["widget"] == "image" and "required" not in image["alt"]
    # widgets follow the model's types, not field names: the same name can be either
    assert pilots["afwijkingen"]["fields"][1]["widget"] == "markdown"
    assert pilots["financiering"]["fields"][2]["widget"] == "text"
    assert pilots["bijgewerkt"]["widget"] == "datetime"
    pilot = {f["name"]: f for f in pilots["pilot"]["fields"]}
    assert pilot["fase"]["options"] == list(model.FASEN)
    assert pilots["bronnen"]["fields"][1]["pattern"][0] == model.URL_PATTERN
    assert pilots["titel"]["pattern"] == ["^[\\s\\S]{5,120}$", "Gebruik 5 tot 120 tekens."]
    assert pilots["samenvatting"]["pattern"][1] == "Gebruik 20 tot 500 tekens."
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "nl"


def test_a_change_to_the_model_changes_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cms, "Case", case_model_with_a_new_field())
    wijk = fields_of(cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo")), "casussen")[
        "wijk"
    ]
    assert wijk == {
        "label": "Wijk",
        "name": "wijk",
        "hint": "De wijk waar het speelde.",
        "required": False,
        "widget": "string",
    }


def test_admin_is_served_from_the_site_itself(seed_site: Project) -> None:
    index = seed_site.html("beheer/index.html")
    assert '<script src="decap-cms.js"></script>' in index
    assert '<html lang="nl">' in index
    assert (seed_site.site / "beheer/decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load(seed_site.html("beheer/config.yml"))
    assert config["collections"][1]["folder"] == "cases"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def form_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A project whose site has the form, with decap-server writing into its cases/."""
    project = make_project(tmp_path / "project")
    port = free_port()
    mkdocs_yml = project.root / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text().replace(
            "      cases_dir: cases\n",
            f"      cases_dir: cases\n      cms_local_backend: http://localhost:{port}/api/v1\n",
        )
    )
    assert project.build("--strict").returncode == 0
    server = subprocess.Popen(
        [str(DECAP_SERVER)],
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, PORT=str(port), MODE="fs", GIT_REPO_DIRECTORY=str(project.root)),
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        with serve_folder(project.site) as base:
            yield project, base
    finally:
        server.terminate()
        server.wait(timeout=10)


def choose(page, field: str, option: str) -> None:  # type: ignore[no-untyped-def]
    box = page.locator(f'input[id^="{field}-field-"]').first
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def markdown(page, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    label = page.locator(f'label[for^="{field}-field-"]').first
    editor = label.locator("xpath=../..").locator('[contenteditable="true"]').first
    editor.click()
    page.keyboard.type(text)


def add_item(page, field: str, button: str, text: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=button).click()
    container = page.locator(f'div[id^="{field}-field-"]').first
    container.locator("textarea").last.fill(text)


def publish(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Publiceer").first.click()
    page.get_by_role("menuitem", name="Publiceer nu").click()


def test_author_adds_and_edits_a_pilot_through_the_form(form_project, browser) -> None:  # type: ignore[no-untyped-def]
    project, base = form_project
    page = browser.new_page()
    page.goto(base + "beheer/#/collections/pilots/new", wait_until="networkidle")
    page.get_by_role("button", name="Inloggen").click()
    page.locator('input[id^="titel-field-"]').first.wait_for()
    page.locator('input[id^="titel-field-"]').first.fill("Proefwonen met een buddy in Winterswijk")
    page.locator('textarea[id^="samenvatting-field-"]').first.fill(
        "Jongeren uit de opvang wonen een jaar samen met een vrijwillige buddy in een gewone woning."
    )
    page.locator('input[id^="organisatie-field-"]').first.fill("Woonstichting Proef")
    page.locator('input[id^="gemeente-field-"]').first.fill("Winterswijk")
    choose(page, "themas", "Dakloosheid")
    choose(page, "doelgroepen", "Jongeren")
    choose(page, "status", "gepubliceerd")
    page.locator('input[id^="bijgewerkt-field-"]').first.fill("2026-01-10")
    markdown(page, "aanleiding", "Jongeren bleven te lang in de opvang.")
    markdown(page, "aanpak", "Een buddy woont mee en helpt met de dagelijkse dingen.")
    add_item(page, "lessen", "Voeg lessen toe", "Kies buddy's die zelf ook iets leren.")
    add_item(
        page,
        "tips_voor_gemeenten",
        "Voeg tips voor gemeenten toe",
        "Betaal de buddy een vrijwilligersvergoeding.",
    )
    choose(page, "fase", "lopend")
    page.locator('input[id^="start-field-"]').first.fill("2025-09")
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1").inner_text() == "Proefwonen met een buddy in Winterswijk"
    assert "Een buddy woont mee" in preview.locator("body").inner_text()
    publish(page)
    path = project.cases / "proefwonen-met-een-buddy-in-winterswijk.yaml"
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    errors = page.locator('[class*="ControlErrorsList"] li').all_inner_texts()
    assert path.exists(), (errors, sorted(p.name for p in project.cases.iterdir()))
    written = yaml.safe_load(path.read_text())
    assert list(written)[:4] == ["soort", "titel", "samenvatting", "organisatie"]

    check = project.cli("check", str(path.relative_to(project.root)))
    assert check.returncode == 0, check.stdout
    assert project.build("--strict").returncode == 0
    html = project.html("cases/proefwonen-met-een-buddy-in-winterswijk/index.html")
    for typed in (
        "Proefwonen met een buddy in Winterswijk",
        "Een buddy woont mee",
        "Betaal de buddy een vrijwilligersvergoeding.",
    ):
        assert typed in html

    # Edit one field through the form: only that field changes in the same file.
    page.goto(base + "beheer/#/collections/pilots/entries/proefwonen-met-een-buddy-in-winterswijk")
    field = page.locator('input[id^="gemeente-field-"]').first
    field.wait_for()
    field.fill("Aalten")
    publish(page)
    deadline = time.monotonic() + 20
    while "Aalten" not in path.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    page.close()
    after = yaml.safe_load(path.read_text())
    assert after["gemeente"] == "Aalten"
    assert {k: v for k, v in after.items() if k != "gemeente"} == {
        k: v for k, v in written.items() if k != "gemeente"
    }
    assert sorted(p.name for p in project.cases.glob("proefwonen*")) == [path.name]
    shutil.rmtree(project.site, ignore_errors=True)
