"""What a reader in a hurry meets, on a laptop and on a phone: the home page, each tip once,
statistics that read at 390 px, Dutch everywhere, the case page, and the finder on a phone.

Everything here runs on a site built from `tests/fixtures/` (the `fixture_site` fixture),
and in Chromium where the reader's screen is what counts. Screenshots of each page type at
1280 and 390 px go to `tests/screenshots/` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, SEED, Project, make_project, serve_folder
from test_site import text_of

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).parent / "screenshots"
PAGE_TYPES = {
    "home": "",
    "overview": "cases/",
    "case": "cases/uitbouw-samenwonen-doetinchem/",
    "pilot": "cases/volledige-pilot/",
    "adopted-case": "cases/springplankwoning-doetinchem/",
    "theme": "themas/wonen-en-zorg/",
    "target-group": "doelgroepen/zittende-huurders/",
    "tips": "tips/",
    "tips-theme": "tips/wonen-en-zorg/",
    "organisation": "organisaties/woningcorporatie-in-doetinchem/",
    "partner": "partners/iriszorg/",
    "rules": "regelruimte/",
    "statistics": "statistieken/",
    "finder": "zoeken/?q=aanbouw",
    "author-guide": "een-case-toevoegen/",
    "about": "over/",
    "not-found": "404.html",
}


def fixture_cases() -> dict[str, dict]:  # type: ignore[type-arg]
    """The fixture site's case files as data, by slug."""
    files = [*SEED.glob("[!_]*.yaml"), *(FIXTURES / "cases").glob("*.yaml")]
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}


@pytest.fixture(scope="module")
def site(fixture_site: Project):  # type: ignore[no-untyped-def]
    with serve_folder(fixture_site.site) as base:
        yield base


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    yield page
    page.close()


def open_finder(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("document.getElementById('mwb-status').textContent.includes('gevonden')")


# --- the home page ------------------------------------------------------------------------


def test_home_page_shows_what_the_bank_holds(fixture_site: Project) -> None:
    cases = fixture_cases()
    html = fixture_site.html("index.html")
    text = text_of(html)
    tips = sum(len(c["tips_voor_gemeenten"]) for c in cases.values())
    deviations = sum(len(c.get("afwijkingen") or []) for c in cases.values())
    pilots = sum(c["soort"] == "pilot" for c in cases.values())
    organisations = len({c["organisatie"] for c in cases.values()})
    for figure in (
        f"{len(cases)} cases",
        f"{pilots} pilots",
        f"{deviations} afwijkingen van regels",
        f"{tips} tips voor gemeenten",
        f"{organisations} organisaties",
    ):
        assert figure in text, figure
    # a search box that goes to the finder, and the distinctive pages up front
    assert re.search(r'<form class="mwb-home-search" action="zoeken/" method="get"', html)
    assert '<input id="mwb-home-q" name="q" type="search"' in html
    start = html.split('id="waar-begin-je"')[1].split("</h2>")[1].split("</ul>")[0]
    assert re.findall(r'href="([^"]+)"', start) == ["zoeken/", "regelruimte/", "tips/", "pilots/"]
    # the newest cases, newest first, as headings under their section
    newest = html.split('id="recent-bijgewerkt"')[1].split("</div>")[0]
    titles = re.findall(r'<h3><a href="cases/[^"]+/">([^<]+)</a></h3>', newest)
    by_date = sorted(cases.values(), key=lambda c: str(c["bijgewerkt"]), reverse=True)
    assert titles == [c["titel"] for c in by_date][:5]
    # themes and target groups with their counts, the most used first
    themes = Counter(t for c in cases.values() for t in c["themas"])
    shown = re.findall(
        r'<li><a href="themas/([^/]+)/">[^<]+</a> <span class="mwb-count">(\d+)<',
        html.split('id="themas"')[1].split("</ul>")[0],
    )
    assert {slug: int(n) for slug, n in shown} == dict(themes)
    assert [int(n) for _, n in shown] == sorted(themes.values(), reverse=True)
    # one line for authors
    assert ">Een case toevoegen</a> lees je hoe je dat doet" in html
    assert 'href="een-case-toevoegen/"' in html


@pytest.mark.build
def test_a_hand_written_home_page_is_refused_in_dutch(tmp_path: Path) -> None:
    """The home page is the core's; a hand-written `content/index.md` beside it would be a
    second page at the same address."""
    project = make_project(tmp_path / "project", SEED)
    (project.root / "content" / "index.md").write_text("# Welkom\n", encoding="utf-8")
    result = project.build("--strict")
    assert result.returncode != 0
    assert (
        "'index.md' bestaat al in de docs-map; die pagina maakt de generator zelf. "
        "Verwijder of hernoem het handgeschreven bestand." in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_every_page_title_names_the_site_once(fixture_site: Project) -> None:
    titles = {
        str(p.relative_to(fixture_site.site)): re.search(r"<title>([^<]*)</title>", p.read_text())
        for p in fixture_site.site.rglob("*.html")
        if "beheer" not in p.parts
    }
    assert titles["index.html"] and titles["index.html"][1] == "Maatwerkbank"
    assert titles["404.html"] and titles["404.html"][1] == "Pagina niet gevonden - Maatwerkbank"
    for path, found in titles.items():
        assert found and found[1].count("Maatwerkbank") == 1, (path, found and found[1])


def test_no_page_credits_the_theme_in_english(fixture_site: Project) -> None:
    pages = [p for p in fixture_site.site.rglob("*.html") if "beheer" not in p.parts]
    assert len(pages) > 50
    assert [p.name for p in pages if "Made with" in p.read_text(encoding="utf-8")] == []


def test_not_found_page_is_dutch_with_a_search_box_and_a_way_on(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "404.html")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    links = page.locator("article a").evaluate_all("as => as.map(a => a.textContent.trim())")
    assert {"Home", "Alle cases", "Regelruimte", "Tips voor gemeenten"} <= set(links)
    page.fill("#mwb-404-q", "aanbouw")
    page.press("#mwb-404-q", "Enter")
    page.wait_for_function(
        "document.getElementById('mwb-status')?.textContent.includes('gevonden')"
    )
    assert page.locator("#mwb-results h2").all_inner_texts() == [
        fixture_cases()["uitbouw-samenwonen-doetinchem"]["titel"]
    ]


# --- tips and rules -----------------------------------------------------------------------


def test_each_tip_appears_once_with_its_case_and_themes(fixture_site: Project) -> None:
    cases = fixture_cases()
    html = fixture_site.html("tips/index.html")
    groups = re.findall(r'<section class="mwb-tip-group">(.*?)</section>', html, re.S)
    assert len(groups) == sum(1 for c in cases.values() if c["tips_voor_gemeenten"])
    listed = [
        text_of(tip)
        for group in groups
        for tip in re.findall(
            r"<li>(.*?)</li>", group.split('class="mwb-tips"')[1].split("</ul>")[0]
        )
    ]
    every_tip = [t for c in cases.values() for t in c["tips_voor_gemeenten"]]
    assert sorted(listed) == sorted(every_tip)  # each once, none left out
    # the case as the group's heading, its themes as labels leading to the tips per theme
    springplank = next(g for g in groups if "cases/springplankwoning-doetinchem/" in g)
    labels = re.findall(r'<a class="mwb-label" href="([^"]+)">', springplank)
    assert labels == [f"{t}/" for t in cases["springplankwoning-doetinchem"]["themas"]]


def test_tips_per_theme_show_that_themes_cases_once_each(fixture_site: Project) -> None:
    cases = fixture_cases()
    html = fixture_site.html("tips/wonen-en-zorg/index.html")
    about = [c for c in cases.values() if "wonen-en-zorg" in c["themas"]]
    groups = re.findall(r'<section class="mwb-tip-group">(.*?)</section>', html, re.S)
    assert len(groups) == len(about)
    text = text_of(html)
    for case in about:
        for tip in case["tips_voor_gemeenten"]:
            assert text.count(tip) == 1, tip
    # the page's own theme is a label, not a link to itself
    assert html.count('<span class="mwb-label" aria-current="page">Wonen en zorg</span>') == len(
        about
    )
    index = fixture_site.html("tips/index.html")
    tips = sum(len(c["tips_voor_gemeenten"]) for c in about)
    assert f'href="wonen-en-zorg/">Wonen en zorg <span class="mwb-count">({tips})</span>' in index


@pytest.mark.build
def test_a_rule_deviation_named_twice_in_one_case_is_listed_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEED)
    case = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    text = case.read_text(encoding="utf-8")
    first = text.split("afwijkingen:\n")[1].split("  - regel: Eén huishouden")[0]
    case.write_text(text.replace("afwijkingen:\n", "afwijkingen:\n" + first, 1), "utf-8")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    html = project.html("regelruimte/index.html")
    assert text_of(html).count("De gemeente en de corporatie deelden de kosten") == 1
    listed = sum(
        len(yaml.safe_load(p.read_text(encoding="utf-8")).get("afwijkingen") or [])
        for p in SEED.glob("[!_]*.yaml")
    )
    assert f"{listed} afwijkingen van regels" in text_of(project.html("index.html"))


# --- statistics ---------------------------------------------------------------------------


def test_statistics_show_each_number_once_in_a_table_with_bars(fixture_site: Project) -> None:
    cases = fixture_cases()
    html = fixture_site.html("statistieken/index.html")
    tables = re.findall(r'<table class="mwb-chart".*?</table>', html, re.S)
    assert len(tables) == 7
    assert "<svg" not in html.split('<article class="md-content__inner')[1].split("</article>")[0]
    themes = Counter(t for c in cases.values() for t in c["themas"])
    assert '<th scope="row">Wonen en zorg</th>' in tables[0]
    row = tables[0].split('<th scope="row">Wonen en zorg</th>')[1].split("</tr>")[0]
    assert re.search(
        rf'aria-hidden="true" style="width: [\d.]+%"></span><span>{themes["wonen-en-zorg"]}<', row
    )
    # every table is described by the sentence under it
    for key in (
        "themas",
        "doelgroepen",
        "fasen",
        "jaren",
        "onderbouwing",
        "geldstromen",
        "overnames",
    ):
        assert f'aria-describedby="grafiek-{key}-uitleg"' in html
        assert f'<p class="mwb-chart-note" id="grafiek-{key}-uitleg">' in html


def test_statistics_labels_are_body_size_on_a_phone(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size(PHONE)
    page.goto(site + "statistieken/")
    sizes = page.evaluate(
        """() => ({
            body: parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize),
            labels: [...document.querySelectorAll('table.mwb-chart tbody th')]
                .map(e => parseFloat(getComputedStyle(e).fontSize)),
            wide: document.scrollingElement.scrollWidth,
        })"""
    )
    assert sizes["labels"] and min(sizes["labels"]) >= sizes["body"] >= 16
    assert sizes["wide"] <= PHONE["width"]


# --- the case page ------------------------------------------------------------------------


def test_a_pilot_page_says_each_fact_once_in_body_size(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "cases/volledige-pilot/")
    article = page.locator("article").inner_text()
    assert article.count("Fase:") == 1
    sizes = page.evaluate(
        """() => [document.querySelector('.mwb-pilot li'), document.querySelector('#aanleiding + p')]
            .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert sizes[0] == sizes[1], sizes


def test_quote_attributions_line_up_with_the_quote(site: str, page) -> None:  # type: ignore[no-untyped-def]
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(site + "cases/uitbouw-samenwonen-doetinchem/")
        left = page.evaluate(
            """() => {
                const start = e => { const r = document.createRange(); r.selectNodeContents(e);
                                     return Math.round(r.getClientRects()[0].left); };
                const q = document.querySelector('.mwb-quote');
                return [start(q.querySelector('blockquote p')), start(q.querySelector('figcaption'))];
            }"""
        )
        assert left[0] == left[1], (viewport, left)


def test_every_case_page_says_how_to_get_in_touch(fixture_site: Project) -> None:
    """The Over page promises a way to ask about any case; a case without an address still
    names whom to ask."""
    over = text_of(fixture_site.html("over/index.html"))
    assert "neem dan contact op met die organisatie en noem de titel van de case" in over
    for slug, case in fixture_cases().items():
        page = fixture_site.html(f"cases/{slug}/index.html")
        contact = text_of(page.split('id="contact"')[1].split("</ul>")[0])
        assert "Organisatie:" in contact, slug
        address = case.get("contact") or {}
        asks = "Neem contact op met" in text_of(page.split('id="contact"')[1])
        assert asks == (not any(address.get(k) for k in ("email", "telefoon", "url"))), slug


# --- the finder on a phone ----------------------------------------------------------------


def test_the_finder_finds_the_extension_case_by_its_own_word(site: str, page) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site + "zoeken/?q=aanbouw")
    assert page.locator("#mwb-results h2").all_inner_texts() == [
        fixture_cases()["uitbouw-samenwonen-doetinchem"]["titel"]
    ]
    # the word is highlighted in the excerpt, as an element made by the script, not markup
    marks = page.locator("#mwb-results mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"aanbouw"}


def test_on_a_phone_the_first_result_shows_on_the_first_screen(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size(PHONE)
    open_finder(page, site + "zoeken/?q=woning")
    first = page.locator("#mwb-results li").first.bounding_box()
    assert first and first["y"] + 40 < PHONE["height"], first
    assert not page.locator("#mwb-facets").is_visible()
    toggle = page.locator("#mwb-filters-toggle")
    assert toggle.inner_text() == "Filters" and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.locator("label", has_text="Wonen en zorg").click()
    page.wait_for_function("location.search.includes('thema=')")
    assert toggle.inner_text() == "Filters (1 actief)"
    toggle.click()
    assert not page.locator("#mwb-facets").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_the_finder_and_home_pages_have_one_search_field(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "zoeken/")
    assert page.locator("input[type=search]").count() == 1
    page.goto(site)
    assert page.locator("input[type=search]").count() == 1
    page.goto(site + "over/")
    assert page.locator("input[type=search]").count() == 1  # the header's, elsewhere


def test_facet_values_are_ordered_by_count_and_empty_ones_hidden(site: str, page) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site + "zoeken/?q=aanbouw")
    # the filter index loads after the first results; then the counts follow the query
    page.wait_for_function(
        "[...document.querySelectorAll('.mwb-facet:first-of-type .mwb-count')]"
        ".every(c => c.textContent)"
    )
    thema = page.locator("details.mwb-facet").first
    shown = thema.locator(".mwb-facet-value:visible label").all_inner_texts()
    theme_labels = {
        "woningaanpassing": "Woningaanpassing",
        "wonen-en-zorg": "Wonen en zorg",
        "samenwerking": "Samenwerking",
    }
    case = fixture_cases()["uitbouw-samenwonen-doetinchem"]
    assert sorted(shown) == sorted(f"{theme_labels[t]} (1)" for t in case["themas"])
    # without a query, every value has cases: most first
    page.fill("#mwb-finder-q", "")
    page.press("#mwb-finder-q", "Enter")
    page.wait_for_function(
        "document.getElementById('mwb-status').textContent === '4 cases gevonden.'"
    )
    counts = [
        int(re.search(r"\((\d+)\)$", t)[1])  # type: ignore[index]
        for t in thema.locator(".mwb-facet-value:visible label").all_inner_texts()
    ]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1] > 0
    # in a facet with a choice, a value without results would widen it: listed, but last
    open_finder(page, site + "zoeken/?q=aanbouw&thema=Wonen+en+zorg")
    page.wait_for_function(
        "[...document.querySelectorAll('.mwb-facet:first-of-type .mwb-count')]"
        ".every(c => c.textContent)"
    )
    counts = [
        int(re.search(r"\((\d+)\)$", t)[1])  # type: ignore[index]
        for t in thema.locator(".mwb-facet-value:visible label").all_inner_texts()
    ]
    assert counts == sorted(counts, reverse=True) and counts[0] == 1 and counts[-1] == 0


# --- screenshots --------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280", "390"])
def test_screenshots_of_every_page_type_fit_the_screen(site: str, page, viewport) -> None:  # type: ignore[no-untyped-def]
    """Screenshots for a person to review (tests/screenshots/); the test itself checks that
    no page type is wider than the screen."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(viewport)
    too_wide = {}
    for name, path in PAGE_TYPES.items():
        if name == "finder":
            open_finder(page, site + path)
        else:
            page.goto(site + path, wait_until="load")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > viewport["width"]:
            too_wide[name] = width
        shot = SCREENSHOTS / f"{name}-{viewport['width']}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    assert too_wide == {}
