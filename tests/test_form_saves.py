"""What an author saves in the web form is what they meant, and `check` accepts it.

Decap CMS in headless Chromium against decap-server as `make beheer` starts it
(tests/test_cms.py, `form_project`), writing into a project copy's cases/. Each file the
form writes is read back by the project's loader (as `check` reads it) and compared with
what the author meant; `check` runs on it. Screenshots of the login page, the form and its
preview at 1280 and 390 px go to tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from test_cms import add_item, choose, markdown, publish
from test_cms import browser as browser  # noqa: F401
from test_cms import form_project as form_project  # noqa: F401 (the fixtures)
from test_cms import form_site as form_site  # noqa: F401
from test_form_format import NUMBER_LIKE

from generator.authoring import file_names, form_texts
from generator.reading.loading import parse

SCREENSHOTS = Path(__file__).parent / "screenshots"
SLUG = "huur-en-servicekosten-bij-een-gedeelde-woning"
LONG_TITLE = (
    "Van de nachtopvang naar een eigen woning met begeleiding, een vaste woonconsulent en "
    "afspraken met de gemeente Apeldoorn"
)


def as_read(text: str) -> Any:
    """A file's values as the project's loader (and so `check`) reads them."""
    document, problems = parse(text.encode("utf-8"), "x.yaml")
    assert document is not None and not problems, problems
    return document.data


def saved(path: Path, before: str, timeout: float = 20.0) -> str:
    """The file's text once the form has written it: it differs from `before`, and two
    reads a moment apart agree (the server truncates the file before it writes it, so a
    read in between sees it empty)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8") if path.exists() else None
        if text is not None and text.strip() and text != before and text == last:
            return text
        last = text
        time.sleep(0.2)
    raise AssertionError(f"{path.name} was not saved")


def open_entry(page, base: str, collection: str, slug: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}beheer/#/collections/{collection}/entries/{slug}", wait_until="networkidle")
    login = page.get_by_role("button", name="Inloggen")
    title = page.locator('input[id^="titel-field-"]').first
    login.or_(title).first.wait_for()
    if login.is_visible():
        login.click()
    title.wait_for()


def test_an_edit_and_an_emptied_field_keep_every_other_value_as_written(
    form_project, browser
) -> None:  # type: ignore[no-untyped-def]
    project, base, _ = form_project

    path = project.cases / f"{SLUG}.yaml"
    path.write_text(NUMBER_LIKE, encoding="utf-8")
    assert project.cli("check", f"cases/{path.name}").returncode == 0
    before = as_read(NUMBER_LIKE)
    page = browser.new_page()
    try:
        open_entry(page, base, "casussen", SLUG)
        page.locator('input[id^="titel-field-"]').first.fill("Huur delen in één woning")
        publish(page)
        text = saved(path, NUMBER_LIKE)
        after = as_read(text)
        assert after == {**before, "titel": "Huur delen in één woning"}
        assert after["financiering"][0]["bedrag"] == "7.250"
        assert after["contact"]["telefoon"] == "0543123456"
        assert after["bijgewerkt"] == "2025-11-03"
        assert text.startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
        # Only the title's line differs: comments and how values were written stay.
        changed = [
            (a, b)
            for a, b in zip(NUMBER_LIKE.splitlines(), text.splitlines(), strict=True)
            if a != b
        ]
        assert changed == [
            (
                "titel: Huur en servicekosten bij een gedeelde woning",
                "titel: Huur delen in één woning",
            )
        ]
        check = project.cli("check", f"cases/{path.name}")
        assert check.returncode == 0, check.stdout + check.stderr

        # Emptying an optional field leaves it out (Decap wrote `regio: ""`, which check
        # refused with "vul 'regio' in").
        open_entry(page, base, "casussen", SLUG)
        page.locator('input[id^="regio-field-"]').first.fill("")
        publish(page)
        emptied = saved(path, text)
    finally:
        page.close()
    assert "regio" not in emptied
    assert as_read(emptied) == {k: v for k, v in after.items() if k != "regio"}
    check = project.cli("check", f"cases/{path.name}")
    assert check.returncode == 0, check.stdout + check.stderr
    assert sorted(p.name for p in project.cases.glob("huur*")) == [path.name]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_new_case_with_a_long_title_gets_a_name_check_accepts(
    form_project, browser, width: int
) -> None:  # type: ignore[no-untyped-def]
    project, base, _ = form_project

    assert len(LONG_TITLE) == 120
    SCREENSHOTS.mkdir(exist_ok=True)
    name = file_names.file_name(LONG_TITLE)
    path = project.cases / f"{name}.yaml"
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(base + "beheer/#/collections/casussen/new", wait_until="networkidle")
        # The login page says what this is and where saving leads (here: into cases/).
        intro = page.locator("#mwb-inloggen")
        intro.wait_for()
        assert intro.locator("h1").inner_text() == "Maatwerkbank"
        assert intro.locator(".mwb-uitleg").inner_text() == form_texts.LOGIN["lokaal"]
        page.screenshot(path=str(SCREENSHOTS / f"form-login-{width}.png"))
        page.get_by_role("button", name="Inloggen").click()
        title = page.locator('input[id^="titel-field-"]').first
        title.wait_for()
        assert not intro.is_visible()
        title.fill(LONG_TITLE)
        page.locator('textarea[id^="samenvatting-field-"]').first.fill(
            "Dakloze jongeren krijgen een eigen woning met begeleiding en vaste afspraken."
        )
        page.locator('input[id^="organisatie-field-"]').first.fill("Woonstichting Proef")
        page.locator('input[id^="gemeente-field-"]').first.fill("Apeldoorn")
        choose(page, "themas", "Dakloosheid")
        choose(page, "doelgroepen", "Jongeren")
        choose(page, "status", "gepubliceerd")
        page.locator('input[id^="bijgewerkt-field-"]').first.fill("2026-01-10")
        markdown(page, "aanleiding", "Jongeren bleven te lang in de nachtopvang.")
        markdown(page, "aanpak", "De corporatie en de gemeente maakten vaste afspraken.")
        page.screenshot(path=str(SCREENSHOTS / f"form-editor-{width}.png"), full_page=True)
        # the form fits the screen: no sideways scrolling through half a form on a phone
        editor = page.locator('[class*="EditorContainer"]').first.bounding_box()
        assert editor is not None and editor["width"] <= width
        frame = page.locator("iframe").first
        if frame.is_visible():
            preview = page.frame_locator("iframe").first
            assert preview.locator("h1").inner_text() == LONG_TITLE
            # styled as the site: its own stylesheet and Material's, as the site serves them
            sheets = [
                href.rsplit("/", 1)[-1]
                for href in preview.locator('link[rel="stylesheet"]').evaluate_all(
                    "links => links.map(link => link.href)"
                )
            ]
            assert "maatwerkbank.css" in sheets, sheets
            assert any(name.startswith("main.") for name in sheets), sheets
            font = preview.locator("h1").evaluate("h => getComputedStyle(h).fontFamily")
            assert "serif" not in font.replace("sans-serif", ""), font
            frame.screenshot(path=str(SCREENSHOTS / f"form-preview-{width}.png"))
        # Decap would save the required lists empty; the form refuses, as check does.
        publish(page)
        toast = page.locator('[class*="toast"]', has_text="De case is niet opgeslagen.").last
        toast.wait_for()
        assert toast.inner_text().strip() == (
            "De case is niet opgeslagen. Vul Lessen in: minstens één (de knop 'Voeg lessen "
            "toe'). Vul Tips voor gemeenten in: minstens één (de knop 'Voeg tips voor "
            "gemeenten toe')."
        )
        assert not path.exists()
        add_item(page, "lessen", "Voeg lessen toe", "Maak de afspraken voor de verhuizing.")
        add_item(page, "tips_voor_gemeenten", "Voeg tips voor gemeenten toe", "Reserveer woningen.")
        publish(page)
        deadline = time.monotonic() + 20
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        errors = page.locator('[class*="ControlErrorsList"] li').all_inner_texts()
    finally:
        page.close()
    assert path.exists(), (errors, sorted(p.name for p in project.cases.iterdir()))
    assert len(name) <= 80 and LONG_TITLE.lower().replace(",", "").replace(" ", "-").startswith(
        name
    )
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
    assert as_read(written)["titel"] == LONG_TITLE
    check = project.cli("check", f"cases/{path.name}")
    assert check.returncode == 0, check.stdout + check.stderr
