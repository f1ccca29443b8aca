"""Accessibility in a real browser: axe-core on every page of a fixture site, the keyboard, Lighthouse."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import CHROMIUM, ROOT, Project, serve_folder

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The theme's layouts: a phone (the nav in a drawer), a laptop (the nav as a sidebar, the
# current section open) and a wide screen (Material sets a larger root font from 100em).
WIDTHS = (390, 1280, 1600)
NAV_STATE = """() => [...document.querySelectorAll('input.md-toggle:checked')]
    .map(e => e.id).sort().join(' ')"""


@pytest.fixture(scope="module")
def site_url(fixture_site: Project):  # type: ignore[no-untyped-def]
    with serve_folder(fixture_site.site) as base:
        yield base


AXE = Axe()
SCREENSHOTS = Path(__file__).parent / "screenshots"


def axe_page(context):  # type: ignore[no-untyped-def]
    """A new page that loads axe-core into every document it opens, before the page's own
    scripts: a test that checks many pages then only runs it on each (evaluating its half
    megabyte again for every page cost a sixth of a second)."""
    page = context.new_page()
    page.add_init_script(script=AXE.axe_script)
    return page


# Only violations are collected in full: a third less time per page than all results.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}


def violations(page, within: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's violations in the whole document, or only `within` (a CSS selector)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    context = {"include": [within]} if within else None
    found = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, AXE_OPTIONS]
    )["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


OPEN_DRAWER = """() => {
    const button = document.querySelector('label.md-header__button[for=__drawer]');
    if (!button || !button.checkVisibility()) return false;
    // no slide-in transition: axe sees the drawer where it ends up
    const style = document.createElement('style');
    style.textContent = '* { transition: none !important }';
    document.head.append(style);
    const drawer = document.getElementById('__drawer');
    drawer.checked = true;  // what a tap on the button does
    drawer.dispatchEvent(new Event('change', {bubbles: true}));
    return true;
}"""


_CHECKED_TOGGLE = re.compile(r"<input\b[^>]*\bmd-toggle\b[^>]*>")


def written_nav_state(site: Path, path: str) -> str:
    """The navigation state a page is written with (the toggles its HTML checks), in
    `NAV_STATE`'s form: read from the file, without opening the page."""
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    html = file.read_text(encoding="utf-8")
    ids = [
        re.search(r'\bid="([^"]+)"', tag).group(1)  # type: ignore[union-attr]
        for tag in _CHECKED_TOGGLE.findall(html)
        if re.search(r"\schecked\b", tag)
    ]
    return " ".join(sorted(ids))


def every_page(site: Path) -> list[str]:
    """The address of every HTML page of a built site (`x/index.html` as `x/`)."""
    return sorted(str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html"))


def kind_of(path: str) -> tuple[str, int]:
    """A page's kind: its section and depth (`themas/` the list, `themas/x/` a theme)."""
    parts = path.strip("/").split("/")
    return parts[0], len(parts)


def one_of_each_kind(pages: list[str]) -> list[str]:
    kinds: dict[tuple[str, int], str] = {}
    for path in pages:
        kinds.setdefault(kind_of(path), path)
    return sorted(kinds.values())


def test_every_page_has_no_axe_violations_in_every_navigation_state(
    fixture_site: Project, site_url: str, browser
) -> None:  # type: ignore[no-untyped-def]
    """Not a sample: every page the build wrote, on a phone, with the navigation drawer
    open (the whole navigation in the page's own state: its section open, its link
    current). Every page's navigation state is read from its HTML; the first page of each
    kind in each state is checked whole, the others' content whole (their header and
    navigation are the same markup with another link current; each opened page's state in
    the browser is the state read). On a laptop one page of each kind in each state is
    opened and checked whole, and one page of each kind on a wide screen (larger type: the
    layout, not the navigation's state, changes there)."""
    pages = every_page(fixture_site.site)
    assert {"", "404.html", "zoeken/", "themas/dakloosheid/", "tips/samenwerking/"} <= set(pages)
    page = axe_page(browser)
    found: list[str] = []
    states: set[str] = set()
    kinds: dict[tuple[int, tuple[str, int], str], str] = {}  # (width, kind, state) -> page
    content_only = 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        chosen = pages if width != 1600 else one_of_each_kind(sorted(set(kinds.values())))
        for path in chosen:
            written = written_nav_state(fixture_site.site, path)
            first = kinds.setdefault((width, kind_of(path), written), path) == path
            if width == 1280 and not first:
                states.add(f"{width} {written}")
                continue  # a kind in a state already checked at this width
            page.goto(site_url + path, wait_until="load")
            if page.evaluate(OPEN_DRAWER):
                assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
            state = page.evaluate(NAV_STATE)
            states.add(f"{width} {state}")
            assert state.replace("__drawer", "").split() == written.split(), (path, state)
            within = None if first or not page.locator(".md-content").count() else ".md-content"
            content_only += within is not None
            found += [f"{width} px {path or '/'}: {v}" for v in violations(page, within)]
    page.close()
    assert 0 < content_only < len(pages), content_only
    # the drawer (phone) and the open sections (Thema's, Doelgroepen) were all reached
    assert len({s for s in states if s.startswith("390 ") and "__drawer" in s}) >= 3, states
    assert len({s for s in states if s.startswith("1280 ")}) >= 3, states
    assert len({key for key in kinds if key[0] == 1280}) > 10, kinds
    assert found == []


@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations_in_the_finder_with_results_and_filters_open(
    site_url: str, browser, width: int
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "zoeken/?q=woning", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('#mwb-results li').length > 0")
    assert violations(page) == []
    toggle = page.locator("#mwb-filters-toggle")
    if width < 960:
        assert not page.locator("#mwb-facets").is_visible()  # folded on a phone
        toggle.click()
    else:
        assert not toggle.is_visible()  # always open on a wide screen
    facets = page.locator(".mwb-facet")
    for i in range(facets.count()):
        if facets.nth(i).get_attribute("open") is None:
            facets.nth(i).locator("summary").click()
    assert page.locator(".mwb-facet[open]").count() == facets.count() > 5
    assert page.locator(".mwb-facet-value").first.is_visible()
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
    # (the page's contents fold in a closed disclosure: its links are reached once opened)
    links_in_content = page.evaluate(
        "[...document.querySelectorAll('.md-content a[href]:not(.headerlink)')]"
        ".filter(a => !a.closest('details:not([open])')).length"
    )
    stops = tab_through(page)
    page.close()
    reached = [s for s in stops if s["main"] and s["tag"] == "A" and "headerlink" not in s["cls"]]
    assert len(reached) >= links_in_content > 10
    assert [s for s in stops if not s["visible"]] == []


def test_lighthouse_accessibility_has_no_failing_audit(fixture_site: Project) -> None:
    """A second opinion on the richest page (a case: sections, figures, quotes, images,
    links): Lighthouse's audits are mostly axe-core's, which the tests above run on every
    page, so one page is enough to show its score; each more page costs 16 s."""
    lighthouse = ROOT / "node_modules/.bin/lighthouse"
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    with serve_folder(fixture_site.site) as base:
        for path in ("cases/springplankwoning-doetinchem/",):
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


def test_every_page_has_no_axe_violations_in_forced_colours(
    fixture_site: Project, site_url: str, browser
) -> None:  # type: ignore[no-untyped-def]
    """Windows high contrast: the system's colours replace the site's; nothing may become
    invisible or unreadable (the statistics bars keep a colour: maatwerkbank.css). One page
    of each kind: the colours come from the kind's markup, not from its words."""
    page = axe_page(browser)
    page.emulate_media(forced_colors="active")
    found: list[str] = []
    pages = one_of_each_kind(every_page(fixture_site.site))
    assert len(pages) > 15
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        found += [f"{path or '/'}: {v}" for v in violations(page)]
    page.close()
    assert found == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_web_form_while_it_loads_has_no_axe_violations(
    site_url: str, browser, width: int
) -> None:  # type: ignore[no-untyped-def]
    """Decap shows a loading text while it fetches its configuration (longer on a slow
    connection); the configuration is held back here, so that state is what axe reads."""
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    held = []
    page.route("**/config.yml*", lambda route: held.append(route))
    page.goto(site_url + "beheer/", wait_until="load")
    page.wait_for_selector('[class*="LoaderText"]', state="visible")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"beheer-laden-{width}.png"))
    found = violations(page)
    for route in held:
        route.continue_()
    page.close()
    assert found == []
