"""Accessibility in a real browser: axe-core on every page type, the keyboard, Lighthouse."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import CHROMIUM, ROOT, Project, serve_folder

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_TYPES = {
    "home": "",
    "overview": "cases/",
    "case": "cases/uitbouw-samenwonen-doetinchem/",
    "pilot": "cases/springplankwoning-doetinchem/",
    "archived pilot": "cases/volledige-pilot/",
    "theme": "themas/wonen-en-zorg/",
    "target group": "doelgroepen/zittende-huurders/",
    "tips": "tips/",
    "organisation": "organisaties/woningcorporatie-in-doetinchem/",
    "partner": "partners/iriszorg/",
    "rules": "regelruimte/",
    "statistics": "statistieken/",
    "author guide": "een-case-toevoegen/",
    "statement": "toegankelijkheid/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def site_url(seed_site: Project):  # type: ignore[no-untyped-def]
    with serve_folder(seed_site.site) as base:
        yield base


def violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]
    ]


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_no_axe_violations(site_url: str, browser, path: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    found = violations(page)
    page.close()
    assert found == []


def test_no_axe_violations_in_the_finder_with_results_and_filters_open(
    site_url: str, browser
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "zoeken/?q=woning", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('#mwb-results li').length > 0")
    assert violations(page) == []
    facets = page.locator(".mwb-facet")
    for i in range(facets.count()):
        if facets.nth(i).get_attribute("open") is None:
            facets.nth(i).locator("summary").click()
    assert page.locator(".mwb-facet[open]").count() == page.locator(".mwb-facet").count()
    assert violations(page) == []
    page.close()


FOCUS_INFO = """() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        || (s.boxShadow && s.boxShadow !== 'none');
    const main = e.closest('.md-content') !== null;
    return {tag: e.tagName, id: e.id, text: (e.innerText || e.value || '').trim().slice(0, 40),
            visible, main, cls: e.className};
}"""


def tab_through(page, limit: int = 250) -> list[dict]:  # type: ignore[no-untyped-def]
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_INFO)
        if info["tag"] == "BODY" or (stops and info == stops[0]):
            break
        stops.append(info)
    return stops


def test_keyboard_reaches_every_finder_control_in_order_with_visible_focus(
    site_url: str, browser
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "zoeken/?q=woning", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('#mwb-results li').length > 0")
    results = page.locator("#mwb-results h2").all_inner_texts()
    stops = tab_through(page)
    page.close()
    assert "md-skip" in stops[0]["cls"].split() and stops[0]["text"]  # the skip link comes first
    ids = [s["id"] for s in stops]
    order = [ids.index("mwb-finder-q"), ids.index("mwb-f-0"), ids.index("mwb-reset")]
    assert order == sorted(order)
    # every result link is reached, after the filters
    after_filters = [s["text"] for s in stops[ids.index("mwb-reset") + 1 :] if s["tag"] == "A"]
    assert results and all(t[:40] in after_filters for t in results), (results, after_filters)
    invisible = [s for s in stops if not s["visible"]]
    assert invisible == []


def test_skip_link_moves_to_the_content(site_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "cases/springplankwoning-doetinchem/", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate(FOCUS_INFO)["cls"].split()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_INFO)
    page.close()
    assert after["main"], after


def test_keyboard_reaches_every_link_of_a_case_page_with_visible_focus(
    site_url: str, browser
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site_url + "cases/volledige-pilot/", wait_until="networkidle")
    links_in_content = page.evaluate(
        "document.querySelectorAll('.md-content a[href]:not(.headerlink)').length"
    )
    stops = tab_through(page)
    page.close()
    reached = [s for s in stops if s["main"] and s["tag"] == "A" and "headerlink" not in s["cls"]]
    assert len(reached) >= links_in_content > 10
    assert [s for s in stops if not s["visible"]] == []


def test_lighthouse_accessibility_has_no_failing_audit(seed_site: Project) -> None:
    lighthouse = ROOT / "node_modules/.bin/lighthouse"
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    with serve_folder(seed_site.site) as base:
        for path in ("", "cases/springplankwoning-doetinchem/"):
            result = subprocess.run(
                [
                    str(lighthouse),
                    base + path,
                    "--only-categories=accessibility",
                    "--output=json",
                    "--quiet",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                    "--disable-background-networking --disable-component-update --no-first-run",
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            assert result.returncode == 0, result.stderr[-2000:]
            report = json.loads(result.stdout)
            audits = report["audits"]
            refs = report["categories"]["accessibility"]["auditRefs"]
            failing = [
                r["id"]
                for r in refs
                if r["weight"] > 0 and audits[r["id"]]["score"] not in (1, None)
            ]
            assert failing == [], (path, failing)
            assert report["categories"]["accessibility"]["score"] == 1
