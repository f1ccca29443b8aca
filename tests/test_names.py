"""One name, one page: spellings of one organisation, partner, municipality or region
(typographic apostrophes, the ĳ ligature, decomposed accents, case, spaces, a hyphen for
a space) are one page and one finder value, shown in the spelling most cases use; names
never take a page the site has for itself."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Project, make_project
from test_site import text_of

from generator.finder import pagefind_order
from generator.rendering.catalog import name_key


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("names") / "project").add_fixtures("names")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


def finder_totals(site: Project) -> dict[str, dict[str, int]]:
    html = site.html("zoeken/index.html")
    data = re.search(r'<script type="application/json" id="mwb-facet-totals">(.*?)</script>', html)
    assert data
    totals: dict[str, dict[str, int]] = json.loads(data.group(1))["totals"]
    return totals


def test_variants_are_one_key() -> None:
    assert name_key("Woonstichting \u2019t Heem") == name_key("woonstichting  't heem")
    assert name_key("\u0132sselstein") == name_key("IJsselstein") == name_key("ijsselstein")
    assert name_key("Cafe\u0301 de Zorg") == name_key("Café de Zorg")
    assert name_key("Café") != name_key("Cafe")
    assert name_key("Wijk bij Duurstede") == name_key("Wijk-bij-Duurstede")
    assert name_key("GGD Zuid Limburg") == name_key("GGD Zuid-Limburg")
    # the hyphen of a word processor (U+2010), a non-breaking one, an en dash, spaced
    assert name_key("GGD Zuid\u2010Limburg") == name_key("GGD Zuid\u2011Limburg")
    assert name_key("GGD Zuid \u2013 Limburg") == name_key("ggd zuid limburg")
    assert name_key("Wijk bij Duurstede") != name_key("Wijkbij Duurstede")


def test_one_organisation_page_in_the_majority_spelling(site: Project) -> None:
    organisations = sorted(p.name for p in (site.site / "organisaties").iterdir() if p.is_dir())
    assert "woonstichting-t-heem" in organisations
    assert not [o for o in organisations if o.startswith("woonstichting-t-heem-")]
    page = text_of(site.html("organisaties/woonstichting-t-heem/index.html"))
    assert "Woonstichting 't Heem" in page and "4 cases" in page
    assert "Woonstichting 't Heem (4 cases)" in text_of(site.html("organisaties/index.html"))


def test_one_partner_page_in_the_majority_spelling(site: Project) -> None:
    partners = sorted(p.name for p in (site.site / "partners").iterdir() if p.is_dir())
    assert [p for p in partners if p.startswith("cafe-de-zorg")] == ["cafe-de-zorg"]
    assert "Café de Zorg (4 cases)" in text_of(site.html("partners/index.html"))


def test_a_hyphen_or_a_space_is_one_partner_and_one_region(site: Project) -> None:
    partners = sorted(p.name for p in (site.site / "partners").iterdir() if p.is_dir())
    assert [p for p in partners if p.startswith("ggd")] == ["ggd-zuid-limburg"]
    assert "GGD Zuid-Limburg (3 cases)" in text_of(site.html("partners/index.html"))
    regions = sorted(p.name for p in (site.site / "regios").iterdir() if p.is_dir())
    assert [r for r in regions if r.startswith("utrecht")] == ["utrecht-west"]
    assert "Utrecht-West (4 cases)" in text_of(site.html("regios/index.html"))


def test_one_finder_value_per_name(site: Project) -> None:
    totals = finder_totals(site)
    assert totals["organisatie"]["Woonstichting 't Heem"] == 4
    assert not [
        v for v in totals["organisatie"] if "heem" in v.casefold() and v != "Woonstichting 't Heem"
    ]
    assert totals["gemeente"] == {"Doetinchem": 3, "IJsselstein": 4}
    assert totals["regio"] == {"Achterhoek": 3, "Utrecht-West": 4}
    assert totals["partner"]["Café de Zorg"] == 4
    assert {v: n for v, n in totals["partner"].items() if "GGD" in v} == {"GGD Zuid-Limburg": 3}
    # Pagefind's filter index (what ticking a value searches) holds one value, on 4 pages
    index = pagefind_filters(site)
    heem = {v: pages for v, pages in index["organisatie"].items() if "heem" in v.casefold()}
    assert {v: len(pages) for v, pages in heem.items()} == {"Woonstichting 't Heem": 4}
    assert {v: len(p) for v, p in index["gemeente"].items()} == {"Doetinchem": 3, "IJsselstein": 4}


def pagefind_filters(site: Project) -> dict[str, dict[str, list[int]]]:
    """Every filter of the built Pagefind index: name -> value -> page numbers."""
    folder = site.site / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = pagefind_order.read(folder / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    filters = {}
    for name, file_hash in meta[3]:
        _, values = pagefind_order.read(folder / "filter" / f"{file_hash}.pf_filter")
        filters[name] = {value: pages for value, pages in values}
    return filters


@pytest.mark.build
def test_a_name_never_takes_the_overview_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    project = make_project(tmp_path / "project")
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("organisatie: Woningcorporatie in Doetinchem", "organisatie: Index")
    path.write_text(text.replace("  - naam: Zorgaanbieder", "  - naam: Pagina 2"), encoding="utf-8")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    overview = text_of(project.html("organisaties/index.html"))
    assert "Index (1 case)" in overview and "Woningcorporatie in Doetinchem (2 cases)" in overview
    assert "Cases gepubliceerd door Index." in text_of(
        project.html("organisaties/index-2/index.html")
    )
    assert "Pagina 2 (1 case)" in text_of(project.html("partners/index.html"))
    assert "Pagina 2" in text_of(project.html("partners/pagina-2-2/index.html"))
