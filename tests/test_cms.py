"""The web form for authors: generated from the model, and used for real in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED, Project, case_model_with_a_new_field, make_project, serve_folder

from generator.authoring import web_form as cms
from generator.build import pipeline
from generator.contract import labels, model
from generator.reading.vocabulary import load_vocabulary

DECAP_SERVER = ROOT / "scripts/decap-server.sh"  # as `make beheer` starts it
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
    assert pilots["status"]["options"] == [
        {"label": "Concept", "value": "concept"},
        {"label": "Gepubliceerd", "value": "gepubliceerd"},
        {"label": "Gearchiveerd", "value": "gearchiveerd"},
    ]
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
    assert [o["value"] for o in pilot["fase"]["options"]] == list(labels.FASE)
    assert pilots["bronnen"]["fields"][1]["pattern"][0] == model.URL_PATTERN
    assert pilots["titel"]["pattern"][1].startswith("gebruik 5 tot 120 tekens, zonder ")
    assert pilots["samenvatting"]["pattern"][1].startswith("gebruik 20 tot 500 tekens, zonder ")
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "nl"


def test_the_form_stops_at_the_partners_and_deviations_check_takes() -> None:
    """Each partner and each rule's source gets a page: the form adds no more items than
    `check` accepts, and says nothing of a list without such a bound."""
    pilots = fields_of(cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo")), "pilots")
    assert pilots["partners"]["max"] == model.MOST_ITEMS == 50
    assert pilots["afwijkingen"]["max"] == model.MOST_ITEMS
    assert "max" not in pilots["kosten"] and "max" not in pilots["bronnen"]


def test_the_form_asks_how_well_it_works_what_it_costs_who_did_it_and_the_source() -> None:
    """Issue 26's fields, each with its Dutch label and the widget that holds check's rule."""
    pilots = fields_of(cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo")), "pilots")

    def inner(block: str) -> dict:  # type: ignore[type-arg]
        return {f["name"]: f for f in pilots[block]["fields"]}

    basis = inner("onderbouwing")
    assert pilots["onderbouwing"]["label"] == "Onderbouwing"
    assert basis["niveau"]["options"] == [
        {"label": "Idee", "value": "idee"},
        {"label": "Praktijkervaring", "value": "praktijkervaring"},
        {"label": "Intern geëvalueerd", "value": "intern-geevalueerd"},
        {"label": "Extern geëvalueerd", "value": "extern-geevalueerd"},
        {"label": "Elders toegepast", "value": "elders-toegepast"},
        {"label": "Erkend", "value": "erkend"},
    ]
    assert basis["toelichting"]["widget"] == "markdown"
    assert basis["bron"]["pattern"][0] == model.URL_PATTERN
    assert "verplicht bij extern-geevalueerd en erkend" in basis["bron"]["hint"]
    costs = inner("kosten")
    assert [costs[n]["label"] for n in costs] == [
        "Omschrijving",
        "Bedrag in euro",
        "Eenheid",
        "Betaald uit",
    ]
    # a number of at least 0: the form refuses "-500" and "veel", as check does
    assert {k: costs["euro"][k] for k in ("widget", "value_type", "min")} == {
        "widget": "number",
        "value_type": "float",
        "min": 0,
    }
    assert [o["label"] for o in costs["eenheid"]["options"]] == list(labels.EENHEID.values())
    assert costs["betaald_uit"]["widget"] == "select" and "multiple" not in costs["betaald_uit"]
    assert [o["value"] for o in costs["betaald_uit"]["options"]] == list(vocabulary().geldstromen)
    assert "required" not in costs["betaald_uit"] and "required" not in costs["omschrijving"]
    adopted = inner("overgenomen_van")
    assert pilots["overgenomen_van"]["label"] == "Overgenomen van"
    assert adopted["case"]["widget"] == "relation" and adopted["case"]["multiple"] is False
    assert adopted["url"]["pattern"][0] == model.HTTPS_PATTERN
    assert (
        adopted["verschil"]["label"] == "Wat is anders" and adopted["verschil"]["widget"] == "text"
    )
    source = {f["name"]: f for f in inner("afwijkingen")["grondslag"]["fields"]}
    assert inner("afwijkingen")["grondslag"]["label"] == "Grondslag"
    assert source["url"]["pattern"][0] == model.HTTPS_PATTERN


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


@pytest.fixture(scope="module")
def form_site(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A project whose site has the form, with decap-server writing into its cases/: built
    and started once per module (`form_project` gives each test its cases/ as built)."""
    project = make_project(tmp_path_factory.mktemp("form") / "project")
    port = free_port()
    mkdocs_yml = project.root / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text().replace(
            "      cases_dir: cases\n",
            f"      cases_dir: cases\n      cms_local_backend: http://127.0.0.1:{port}/api/v1\n",
        )
    )
    assert project.build("--strict").returncode == 0
    with serve_folder(project.site) as base, form_server(project.root, port, base) as server:
        yield project, base, port
    assert server.returncode is not None


@pytest.fixture
def browser(browser):  # type: ignore[no-untyped-def]
    """A browser context of the test's own: the form keeps its login and drafts in the
    browser's storage for the site's origin, which the tests of a module share."""
    context = browser.browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 1000})
    yield context
    context.close()


@pytest.fixture
def form_project(form_site):  # type: ignore[no-untyped-def]
    """The module's form project, its cases/ put back as built after the test: what the
    form wrote goes, what it changed is restored."""
    project = form_site[0]
    before = {path: path.read_bytes() for path in project.cases.rglob("*") if path.is_file()}
    yield form_site
    for path in project.cases.rglob("*"):
        if path.is_file() and path not in before:
            path.unlink()
    for path, data in before.items():
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


@contextmanager
def form_server(root: Path, port: int, preview: str) -> Iterator[subprocess.Popen[bytes]]:
    """decap-server behind its guard, as `make beheer` starts them, for the preview at
    `preview` (its origin is the only one the guard answers), listening once this yields."""
    server = subprocess.Popen(
        [str(DECAP_SERVER), str(root)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, PORT=str(port), PREVIEW_PORT=preview.rstrip("/").rsplit(":", 1)[1]),
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        yield server
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
    """Save as the local form's author does (the buttons the guide names)."""
    page.get_by_role("button", name="Opslaan", exact=True).first.click()
    page.get_by_role("menuitem", name="Opslaan in cases/").click()


def test_author_adds_and_edits_a_pilot_through_the_form(
    form_project, browser, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project, base, _ = form_project
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
    choose(page, "themas", "Wonen en zorg")
    choose(page, "doelgroepen", "Jongeren")
    choose(page, "status", "gepubliceerd")
    page.locator('input[id^="bijgewerkt-field-"]').first.fill("2026-01-10")
    markdown(page, "aanleiding", "Jongeren bleven te lang in de opvang.")
    markdown(page, "aanpak", "Een ")
    page.keyboard.press("Control+b")
    page.keyboard.type("buddy")
    page.keyboard.press("Control+b")
    page.keyboard.type(" woont mee en helpt met de dagelijkse dingen.")
    add_item(
        page,
        "tips_voor_gemeenten",
        "Voeg tips voor gemeenten toe",
        "Betaal de buddy een vrijwilligersvergoeding.",
    )
    add_item(page, "lessen", "Voeg lessen toe", "Bel de buddy op 06 12345678 als er iets is.")
    path = project.cases / "proefwonen-met-een-buddy-in-winterswijk.yaml"

    # The pilot block's required fields are required, and a phone number is refused: the
    # form does not save what `check` would reject.
    publish(page)
    errors = page.locator('[class*="ControlErrorsList"] li')
    errors.first.wait_for()
    messages = " | ".join(errors.all_text_contents())
    assert "Vul Fase in." in messages and "Vul Start in." in messages, messages
    assert f"Lessen: {cms.PERSONAL_HINT}." in messages, messages
    assert "patroon" not in messages
    assert not path.exists()
    page.locator('div[id^="lessen-field-"]').first.locator("textarea").last.fill(
        "Kies buddy's die zelf ook iets leren."
    )
    choose(page, "fase", "lopend")
    page.locator('input[id^="start-field-"]').first.fill("2025-09")

    # The preview is the site's case page: Dutch labels, the facts and pilot boxes, the
    # sections, and the authors' Markdown by the site's rules (no javascript: link).
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1").inner_text() == "Proefwonen met een buddy in Winterswijk"
    facts = preview.locator(".mwb-meta").inner_text()
    for shown in (
        "Soort: Pilot",
        "Fase: Lopend",
        "Laatst gecontroleerd: 10 januari 2026",
        "Thema's: Dakloosheid, Wonen en zorg",
        "Doelgroepen: Jongeren",
    ):
        assert shown in facts, facts
    pilot_box = preview.locator(".mwb-pilot").inner_text()
    assert "De pilot in het kort" in pilot_box and "Start: september 2025" in pilot_box
    assert preview.locator("h2").all_inner_texts()[:2] == ["Aanleiding", "Aanpak"]
    assert preview.locator(".mwb-text strong").inner_text() == "buddy"
    tips = preview.locator("h2", has_text="Tips voor gemeenten").locator(
        "xpath=following-sibling::ul[1]"
    )
    assert tips.inner_text() == "Betaal de buddy een vrijwilligersvergoeding."
    publish(page)
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    errors = page.locator('[class*="ControlErrorsList"] li').all_inner_texts()
    assert path.exists(), (errors, sorted(p.name for p in project.cases.iterdir()))
    written = yaml.safe_load(path.read_text())
    assert list(written)[:4] == ["soort", "titel", "samenvatting", "organisatie"]

    check = project.cli("check", str(path.relative_to(project.root)))
    assert check.returncode == 0, check.stdout
    site = tmp_path / "site"  # not the site the form is served from
    assert project.build("--strict", "--site-dir", str(site)).returncode == 0
    html = (site / "cases/proefwonen-met-een-buddy-in-winterswijk/index.html").read_text()
    for typed in (
        "Proefwonen met een buddy in Winterswijk",
        "Een <strong>buddy</strong> woont mee",
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


def test_author_gives_costs_evidence_and_an_adoption_through_the_form(
    form_project, browser
) -> None:  # type: ignore[no-untyped-def]
    """Issue 26's fields in the real form: a negative amount is refused as check refuses it,
    the amount is saved as a number, and the site shows the case as its author meant."""
    project, base, _ = form_project
    page = browser.new_page()
    page.goto(base + "beheer/#/collections/casussen/new", wait_until="networkidle")
    page.get_by_role("button", name="Inloggen").click()
    page.locator('input[id^="titel-field-"]').first.wait_for()
    page.locator('input[id^="titel-field-"]').first.fill("Studio's na de opvang in Zutphen")
    page.locator('textarea[id^="samenvatting-field-"]').first.fill(
        "Mensen uit de opvang huren een eigen studio, met begeleiding van de Wmo."
    )
    page.locator('input[id^="organisatie-field-"]').first.fill("Woonstichting Proef")
    page.locator('input[id^="gemeente-field-"]').first.fill("Zutphen")
    choose(page, "themas", "Dakloosheid")
    choose(page, "doelgroepen", "Dak- en thuislozen")
    choose(page, "status", "gepubliceerd")
    page.locator('input[id^="bijgewerkt-field-"]').first.fill("2026-01-10")
    markdown(page, "aanleiding", "De opvang zat vol.")
    markdown(page, "aanpak", "Elke bewoner kreeg een eigen studio.")
    add_item(page, "lessen", "Voeg lessen toe", "Begin met een paar studio's.")
    add_item(page, "tips_voor_gemeenten", "Voeg tips voor gemeenten toe", "Regel de Wmo vooraf.")
    # how well it works: the level by its Dutch label
    basis = page.locator('div[id^="onderbouwing-field-"]').first
    basis.get_by_test_id("expand-button").first.click()
    choose(page, "niveau", "Intern geëvalueerd")
    markdown(page, "toelichting", "Na een jaar telden we wie nog in de studio woonde.")
    # a cost line: a negative amount is refused
    page.get_by_role("button", name="Voeg kosten toe").click()
    page.locator('input[id^="omschrijving-field-"]').first.fill("Woonbegeleiding")
    page.locator('input[id^="euro-field-"]').first.fill("-500")
    choose(page, "eenheid", "per jaar")
    choose(page, "betaald_uit", "Wmo")
    # the adoption of a case on this site, chosen by its title
    page.get_by_role("button", name="Voeg overgenomen van toe").click()
    box = page.locator('input[id^="case-field-"]').first
    box.click()
    box.fill("Springplank")
    page.locator('[class*="option"]', has_text="Springplankwoning: in zes maanden").first.click()
    page.locator('textarea[id^="verschil-field-"]').first.fill("Een eigen studio, geen kamer.")
    path = project.cases / "studios-na-de-opvang-in-zutphen.yaml"
    publish(page)
    errors = page.locator('[class*="ControlErrorsList"] li')
    errors.first.wait_for()
    assert errors.all_text_contents() == ["Bedrag in euro moet tenminste 0 bevatten."]
    assert not path.exists()
    page.locator('input[id^="euro-field-"]').first.fill("12500")
    preview = page.frame_locator("iframe").first
    costs = preview.locator("h2", has_text="Wat kost het, en wie betaalt?").locator(
        "xpath=following-sibling::ul[1]"
    )
    assert costs.inner_text() == "Woonbegeleiding: €\u00a012.500 per jaar. Wmo"
    assert "Onderbouwing: Intern geëvalueerd" in preview.locator(".mwb-meta").inner_text()
    publish(page)
    deadline = time.monotonic() + 20
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    page.close()
    assert path.exists(), sorted(p.name for p in project.cases.iterdir())
    written = yaml.safe_load(path.read_text())
    assert written["kosten"] == [
        {
            "omschrijving": "Woonbegeleiding",
            "euro": 12500,
            "eenheid": "per-jaar",
            "betaald_uit": "wmo",
        }
    ]
    assert written["onderbouwing"]["niveau"] == "intern-geevalueerd"
    assert written["overgenomen_van"] == [
        {"case": "springplankwoning-doetinchem", "verschil": "Een eigen studio, geen kamer."}
    ]
    check = project.cli("check", str(path.relative_to(project.root)))
    assert check.returncode == 0, check.stdout
    # the core's pages (the theme adds nothing here; a whole build would take seconds more)
    built = pipeline.build(project.cases, date(2026, 1, 15), base=project.root)
    assert not built.problems, built.problems
    html = built.pages["cases/studios-na-de-opvang-in-zutphen.md"]
    assert '<span class="mwb-amount">€\u00a012.500 per jaar</span>, betaald uit Wmo' in html
    original = built.pages["cases/springplankwoning-doetinchem.md"]
    assert "Ook gedaan door" in original and "(Woonstichting Proef, Zutphen)" in original


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the sockets listening on `port` (Linux: /proc/net/tcp*)."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_local_form_server_listens_on_this_machine_only(form_project) -> None:  # type: ignore[no-untyped-def]
    """decap-server writes into cases/ for whoever reaches it: loopback only, never `*`."""
    _, _, port = form_project
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and no IPv6 `::`


def test_the_casus_form_previews_the_case_as_the_site_does(form_project, browser) -> None:  # type: ignore[no-untyped-def]
    _, base, _ = form_project
    page = browser.new_page()
    page.goto(base + "beheer/#/collections/casussen/new", wait_until="networkidle")
    page.get_by_role("button", name="Inloggen").click()
    page.locator('input[id^="titel-field-"]').first.fill("Een casus in de voorvertoning")
    page.locator('input[id^="gemeente-field-"]').first.fill("Doetinchem")
    page.locator('input[id^="regio-field-"]').first.fill("Achterhoek")
    choose(page, "doelgroepen", "Jongeren")
    choose(page, "status", "gearchiveerd")
    markdown(page, "resultaten", "Vijf van de zeven bewoners vonden een eigen woning.")
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1").inner_text() == "Een casus in de voorvertoning"
    facts = preview.locator(".mwb-meta").inner_text()
    assert "Soort: Casus" in facts and "Status: Gearchiveerd" in facts, facts
    assert "Gemeente: Doetinchem" in facts and "Regio: Achterhoek" in facts, facts
    assert preview.locator(".mwb-archived .admonition-title").inner_text() == "Gearchiveerd"
    assert preview.locator(".mwb-pilot").count() == 0
    assert preview.locator("h2").all_inner_texts() == ["Resultaten"]
    assert preview.locator(".mwb-text p").inner_text() == (
        "Vijf van de zeven bewoners vonden een eigen woning."
    )
    page.close()


@pytest.mark.build
def test_a_build_without_the_npm_packages_says_in_one_line_how_to_add_the_form(
    tmp_path: Path,
) -> None:
    from generator.engines.postbuild import FORM_LEFT_OUT

    project = make_project(tmp_path / "project")
    mkdocs_yml = project.root / "mkdocs.yml"
    mkdocs_yml.write_text(
        re.sub(
            r"cms_bundle: .*",
            f"cms_bundle: {tmp_path / 'geen-node_modules'}",
            mkdocs_yml.read_text(),
        )
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(FORM_LEFT_OUT) == 1
    assert sorted(p.name for p in (project.site / "beheer").iterdir()) == ["index.html"]
    # the guide's link to the form leads to a page that says how to add it
    assert "draai <code>make site</code> opnieuw" in project.html("beheer/index.html")
    guide = project.site / "een-case-toevoegen/index.html"
    href = re.search(r'<a href="([^"]+)">webformulier</a>', guide.read_text()).group(1)  # type: ignore[union-attr]
    assert (guide.parent / href / "index.html").resolve() == project.site / "beheer/index.html"


def test_make_site_without_npm_leaves_the_npm_step_to_the_build(tmp_path: Path) -> None:
    """`make site` installs the npm packages first; a machine without npm still builds."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("dirname",):
        (tools / tool).symlink_to(shutil.which(tool))
    result = subprocess.run(
        ["/bin/bash", str(ROOT / "scripts/npm-packages.sh")],
        env={"PATH": str(tools)},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (
        "scripts/npm-packages.sh"
        in (ROOT / "Makefile").read_text().split("\nsite:")[1].split("\n\n")[0]
    )


def test_a_new_author_finds_the_form_from_the_home_page(seed_site: Project, browser) -> None:  # type: ignore[no-untyped-def]
    """Home page -> "Een case toevoegen" (also in every page's footer) -> the form."""
    with serve_folder(seed_site.site) as base:
        page = browser.new_page()
        page.goto(base + "cases/springplankwoning-doetinchem/")
        footer = page.locator("footer .mwb-footer-add a")
        assert footer.inner_text() == "Zelf een case delen? Een case toevoegen"
        page.goto(base)
        page.locator("article").get_by_role("link", name="Een case toevoegen").click()
        page.wait_for_url(base + "een-case-toevoegen/")
        assert page.locator("h2").first.inner_text().startswith("Met het webformulier")
        page.locator("article").get_by_role("link", name="webformulier").first.click()
        page.wait_for_url(base + "beheer/#/")
        page.get_by_role("button", name="Inloggen").wait_for()
        page.close()
