"""Follow and share: feeds per theme, target group and region, link previews, structured
data, sitemap dates from the cases, the licence and the DCAT description; and the case
page on a phone (the tips within two screens, the page's contents), the finder after a
filter on a phone, and the statistics in forced colours.

Built once from the search fixtures (30 cases) and the seed cases.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, SEED, SITE_URL, Project, make_project, serve_folder

from generator.rendering.site_info import Licence, LicenceError

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).parent / "screenshots"


def cases() -> dict[str, dict]:  # type: ignore[type-arg]
    files = [*SEED.glob("[!_]*.yaml"), *(FIXTURES / "search").glob("[!_]*.yaml")]
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("share") / "project").add_fixtures("search")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


def check_atom(root: ET.Element) -> None:
    """The Atom rules (RFC 4287) the site's feed test keeps: id, title, updated, a self
    link; each entry an id, title, updated, link and author."""
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{tag}"), tag
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert entry.findtext(f"{ATOM}author/{ATOM}name")


def test_each_theme_group_and_region_has_a_valid_feed_linked_from_its_page(site: Project) -> None:
    all_cases = cases()
    checked = 0
    for kind, key in (("themas", "themas"), ("doelgroepen", "doelgroepen"), ("regios", "regio")):
        for path in sorted((site.site / "feeds" / kind).glob("*.xml")):
            root = ET.fromstring(path.read_bytes())
            check_atom(root)
            slug = path.stem
            ids = {e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")}
            if kind == "regios":
                expected = {
                    s for s, c in all_cases.items() if c.get("regio") and _slug(c["regio"]) == slug
                }
            else:
                expected = {s for s, c in all_cases.items() if slug in c[key]}
            assert ids == {f"{SITE_URL}cases/{s}/" for s in expected}, path
            page = site.html(f"{kind}/{slug}/index.html")
            link = re.search(
                r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)"',
                page,
            )
            assert link and link[2] == f"../../feeds/{kind}/{slug}.xml", (kind, slug)
            assert root.findtext(f"{ATOM}title") == link[1].replace("&amp;", "&")
            checked += 1
    assert checked > 30
    assert (site.site / "feeds/regios/twente.xml").is_file()


def _slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.lower().replace("'", "")))


PAGE_TYPES = (
    "index.html",
    "cases/index.html",
    "cases/springplankwoning-doetinchem/index.html",
    "themas/dakloosheid/index.html",
    "doelgroepen/ouderen/index.html",
    "regios/twente/index.html",
    "regios/index.html",
    "tips/index.html",
    "tips/doelgroepen/ouderen/index.html",
    "regelruimte/index.html",
    "statistieken/index.html",
    "zoeken/index.html",
    "over/index.html",
)


def meta_tags(html: str) -> dict[str, str]:
    return {
        m[1]: m[2]
        for m in re.finditer(
            r'<meta (?:property|name)="((?:og|twitter|article):[^"]+)" content="([^"]*)"', html
        )
    }


def test_every_page_type_has_a_link_preview(site: Project) -> None:
    for path in PAGE_TYPES:
        tags = meta_tags(site.html(path))
        for key in (
            "og:title",
            "og:description",
            "og:url",
            "og:site_name",
            "og:locale",
            "og:type",
            "twitter:card",
            "twitter:title",
        ):
            assert tags.get(key), (path, key)
        assert tags["og:locale"] == "nl_NL" and tags["twitter:card"] == "summary"
        assert tags["og:url"] == SITE_URL + path.removesuffix("index.html"), path
        assert not any("image" in key for key in tags), path  # text only
    case = meta_tags(site.html("cases/springplankwoning-doetinchem/index.html"))
    assert case["og:type"] == "article" and case["article:modified_time"] == "2025-10-01"
    assert case["og:title"].startswith("Springplankwoning")
    assert case["og:description"].startswith("Drie tot vier mensen")


def json_ld(html: str) -> list[dict]:  # type: ignore[type-arg]
    return [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_every_case_page_is_a_schema_org_article(site: Project) -> None:
    for slug, case in cases().items():
        (article,) = json_ld(site.html(f"cases/{slug}/index.html"))
        assert article["@type"] == "Article" and article["@context"] == "https://schema.org"
        assert article["headline"] == case["titel"]
        assert article["abstract"] == " ".join(case["samenvatting"].split())
        assert article["dateModified"] == str(case["bijgewerkt"])
        assert article["publisher"]["name"] == case["organisatie"]
        assert article["about"] and article["keywords"]
        assert article["spatialCoverage"]["name"] == case["gemeente"]
        assert article["url"] == f"{SITE_URL}cases/{slug}/"
        assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
    (dataset,) = json_ld(site.html("index.html"))
    assert dataset["@type"] == "Dataset" and dataset["license"].startswith(
        "https://creativecommons"
    )
    assert {d["contentUrl"] for d in dataset["distribution"]} == {
        SITE_URL + f for f in ("cases.json", "cases.csv", "kosten.csv", "feed.xml")
    }


def test_sitemap_dates_come_from_the_cases(site: Project) -> None:
    all_cases = cases()
    root = ET.fromstring((site.site / "sitemap.xml").read_bytes())
    dates = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
        for u in root.findall(f"{SITEMAP}url")
    }
    for slug, case in all_cases.items():
        assert dates[f"{SITE_URL}cases/{slug}/"] == str(case["bijgewerkt"]), slug
    newest = max(str(c["bijgewerkt"]) for c in all_cases.values())
    assert dates[SITE_URL] == newest
    theme = max(str(c["bijgewerkt"]) for c in all_cases.values() if "dakloosheid" in c["themas"])
    assert dates[f"{SITE_URL}themas/dakloosheid/"] == theme
    # a hand-written page has no date from the cases: no claim that it changed today
    assert dates[f"{SITE_URL}over/"] is None
    assert "2026-01-15" not in (site.site / "sitemap.xml").read_text()


def test_the_licence_is_named_in_the_footer_and_the_data(site: Project) -> None:
    footer = site.html("cases/springplankwoning-doetinchem/index.html").split(
        'class="md-copyright"'
    )[1]
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>'
        in footer
    )
    data = json.loads(site.html("cases.json"))
    assert data["licentie"] == {
        "naam": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "spdx": "CC-BY-4.0",
    }
    assert Licence.of(None).spdx == "CC-BY-4.0"  # the stated default
    with pytest.raises(LicenceError, match="onbekende licentie 'MIT' in mkdocs.yml"):
        Licence.of("MIT")


def test_the_dcat_description_is_valid_json_ld(site: Project) -> None:
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    graph = Graph().parse(data=site.html("dcat.jsonld"), format="json-ld")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert (catalog, DCAT.dataset, dataset) in graph
    licence = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert (dataset, DCTERMS.license, licence) in graph
    assert graph.value(dataset, DCTERMS.publisher) is not None
    downloads = {
        str(graph.value(d, DCAT.downloadURL)) for d in graph.objects(dataset, DCAT.distribution)
    }
    assert downloads == {SITE_URL + f for f in ("cases.json", "cases.csv", "feed.xml")}
    for distribution in graph.objects(dataset, DCAT.distribution):
        assert (distribution, DCTERMS.license, licence) in graph
        assert graph.value(distribution, DCAT.mediaType) is not None


def test_theme_and_target_group_pages_lead_to_their_tips(site: Project) -> None:
    assert 'href="../../tips/dakloosheid/"' in site.html("themas/dakloosheid/index.html")
    assert 'href="../../tips/doelgroepen/ouderen/"' in site.html("doelgroepen/ouderen/index.html")
    tips = site.html("tips/doelgroepen/ouderen/index.html")
    ouderen = [c for c in cases().values() if "ouderen" in c["doelgroepen"]]
    for case in ouderen:
        for tip in case["tips_voor_gemeenten"]:
            assert tip in tips.replace("&#39;", "'")


def test_dutch_singular_and_plural(tmp_path: Path) -> None:
    """One case, one pilot, one tip, one rule: never "1 pilots"."""
    project = make_project(tmp_path / "project")
    for seed in project.cases.glob("[!_]*.yaml"):
        seed.unlink()
    one = "huurcontract-op-proef-nijmegen.yaml"  # a pilot with one rule set aside and one tip
    shutil.copy(FIXTURES / "search" / one, project.cases / one)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    wrong = re.compile(
        r"\b1 (cases|pilots|tips|regels|afwijkingen|organisaties|gepubliceerde cases)\b"
    )
    found = {
        str(p.relative_to(project.site)): wrong.findall(
            re.sub(r"<[^>]+>", " ", p.read_text("utf-8"))
        )
        for p in project.site.rglob("*.html")
        if "beheer" not in p.parts
    }
    assert {k: v for k, v in found.items() if v} == {}
    assert "Aantal van de 1 pilot per fase." in project.html("statistieken/index.html")


test_dutch_singular_and_plural = pytest.mark.build(test_dutch_singular_and_plural)


def test_a_published_case_has_no_status_line(site: Project) -> None:
    assert "Status:" not in site.html("cases/vroeg-erop-af-apeldoorn/index.html")
    page = site.html("cases/springplankwoning-doetinchem/index.html")
    assert '<span class="mwb-field">Regel:</span> Woningtoewijzing' in page
    assert page.count('<p class="mwb-field">Hoe afgeweken:</p>') == 4
    assert "Hoe afgeweken:" in site.html("regelruimte/index.html")


# --- in Chromium, on a phone ------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Project):  # type: ignore[no-untyped-def]
    with serve_folder(site.site) as base:
        yield base


def test_the_tips_are_one_tap_within_two_screens_on_a_phone(served: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.set_viewport_size(PHONE)
    SCREENSHOTS.mkdir(exist_ok=True)
    for slug in (
        "springplankwoning-doetinchem",
        "vroeg-erop-af-apeldoorn",
        "eerst-een-thuis-den-bosch",
    ):
        page.goto(f"{served}cases/{slug}/", wait_until="load")
        link = page.locator(".mwb-summary > ul a[href='#tips-voor-gemeenten']")
        box = link.bounding_box()
        assert box and box["y"] + box["height"] < 2 * PHONE["height"], (slug, box)
        # the page's contents are reachable on the phone, and lead to every section
        toc = page.locator("details.mwb-page-toc")
        assert toc.is_visible()
        toc.locator("summary").click()
        targets = toc.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        sections = page.locator("article h2[id]").evaluate_all("hs => hs.map(h => '#' + h.id)")
        assert targets == [s for s in sections if s != "#in-het-kort"]
        link.click()
        page.wait_for_function("location.hash === '#tips-voor-gemeenten'")
        tips = page.locator("#tips-voor-gemeenten").bounding_box()
        assert tips and 0 <= tips["y"] < PHONE["height"]
    page.goto(f"{served}cases/springplankwoning-doetinchem/", wait_until="load")
    page.screenshot(path=str(SCREENSHOTS / "case-summary-390.png"))
    page.close()


def test_on_a_phone_a_filter_leads_to_results_above_the_fold_and_stays_put(
    served: str, browser
) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.set_viewport_size(PHONE)
    page.goto(f"{served}zoeken/", wait_until="networkidle")
    page.wait_for_function("document.getElementById('mwb-status').textContent.includes('gevonden')")
    page.wait_for_function(
        "[...document.querySelectorAll('.mwb-facet .mwb-count')].some(c => c.textContent)"
    )
    page.click("#mwb-filters-toggle")
    theme = page.locator("details.mwb-facet").first
    before = theme.locator(".mwb-facet-value:visible input").evaluate_all(
        "bs => bs.map(b => b.value)"
    )
    ticked = before[0]
    theme.locator(f"input[value='{ticked}']").check()
    page.wait_for_function("location.search.includes('thema=')")
    page.wait_for_function(
        "document.getElementById('mwb-show-results').textContent.startsWith('Toon')"
    )
    page.wait_for_timeout(300)
    after = theme.locator(".mwb-facet-value:visible input").evaluate_all(
        "bs => bs.map(b => b.value)"
    )
    assert after.index(ticked) == before.index(ticked) == 0  # it stays where it was
    assert after[: len(before)] == before[: len(after)]
    show = page.locator("#mwb-show-results")
    assert show.is_visible()
    button = show.bounding_box()
    assert button and button["y"] + button["height"] <= PHONE["height"]  # in sight while ticking
    show.click()
    first = page.locator("#mwb-results li").first.bounding_box()
    assert first and first["y"] >= 0 and first["y"] + 40 < PHONE["height"], first
    page.screenshot(path=str(SCREENSHOTS / "finder-filtered-390.png"))
    page.close()


def test_statistics_bars_show_in_forced_colours(served: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.emulate_media(forced_colors="active")
    page.goto(f"{served}statistieken/", wait_until="load")
    bars = page.evaluate(
        """() => [...document.querySelectorAll('.mwb-bar')].map(b => {
            const s = getComputedStyle(b), r = b.getBoundingClientRect();
            return [s.backgroundColor, r.width, r.height]; })"""
    )
    assert bars and all(
        c not in ("rgba(0, 0, 0, 0)", "transparent") and w > 0 and h > 0 for c, w, h in bars
    ), bars[:3]
    page.close()
