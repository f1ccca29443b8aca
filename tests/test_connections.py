"""Pages that connect cases, open data and statistics, on a real build."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import jsonschema
import pytest
from conftest import SITE_URL, Project
from test_site import text_of

from generator.build import pipeline

ATOM = "{http://www.w3.org/2005/Atom}"


def test_partner_pages_link_back_with_roles(seed_site: Project) -> None:
    iris = text_of(seed_site.html("partners/iriszorg/index.html"))
    assert "Springplankwoning" in iris
    assert "Rol: Woonbegeleiding van de bewoners, elke week aan huis" in iris
    assert "Springplankwoning" in text_of(seed_site.html("partners/laborijn/index.html"))
    spring = seed_site.html("cases/springplankwoning-doetinchem/index.html")
    assert 'href="../../partners/iriszorg/"' in spring
    assert 'href="../../organisaties/woningcorporatie-in-doetinchem/"' in spring


@pytest.mark.build
def test_partner_names_are_normalised(project: Project) -> None:
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("  - naam: Zorgaanbieder", "  - naam: 'IrisZorg '"))
    assert project.build("--strict").returncode == 0
    iris = text_of(project.html("partners/iriszorg/index.html"))
    assert "Partner in 2 cases" in iris
    assert not (project.site / "partners/iriszorg-2").exists()
    assert "Iriszorg (2 cases)" in text_of(project.html("partners/index.html"))


def test_organisation_page_lists_its_cases(seed_site: Project) -> None:
    text = text_of(seed_site.html("organisaties/woningcorporatie-in-doetinchem/index.html"))
    assert "3 cases" in text and "Per straat beslissen" in text
    assert "Woonstichting Voorbeeld (1 case)" in text_of(seed_site.html("organisaties/index.html"))


def test_rule_deviations_page_groups_by_rule_with_links(seed_site: Project) -> None:
    html = seed_site.html("regelruimte/index.html")
    text = text_of(html)
    assert "Woningtoewijzing alleen via inschrijfduur of urgentie" in text
    assert "De bewoners kregen een kamer zonder lange inschrijfduur" in text
    assert text.count("Uit: ") == 8
    assert 'href="../cases/springplankwoning-doetinchem/"' in html


def test_statistics_are_tables_with_bars(seed_site: Project) -> None:
    html = seed_site.html("statistieken/index.html")
    tables = re.findall(r'<table class="mwb-chart".*?</table>', html, re.S)
    assert len(tables) == 4
    for table in tables:
        assert '<caption class="mwb-visually-hidden">' in table and "aria-describedby=" in table
    themes = html.split('<caption class="mwb-visually-hidden">Cases per thema</caption>')[1]
    assert re.search(
        r'<th scope="row">Wonen en zorg</th><td><span class="mwb-bar"[^>]*></span><span>3</span>',
        themes,
    )
    phases = html.split("Pilots per fase</caption>")[1].split("</table>")[0]
    assert '<th scope="row">Lopend</th><td><span class="mwb-bar"' in phases
    assert '<th scope="row">Gestopt</th><td><span>0</span>' in phases


def test_cases_json_validates_and_keeps_values_as_written(seed_site: Project) -> None:
    data = json.loads(seed_site.html("cases.json"))
    schema = json.loads(seed_site.html("schema/case.schema.json"))
    assert data["schema"] == SITE_URL + "schema/case.schema.json"
    assert data["aantal"] == len(data["cases"]) == 4
    validator = jsonschema.Draft202012Validator(schema)
    for record in data["cases"]:
        case = {k: v for k, v in record.items() if k not in ("slug", "url")}
        assert not list(validator.iter_errors(case)), record["slug"]
        assert record["url"].startswith(SITE_URL + "cases/")
        assert "privacy" not in record
    full = next(r for r in data["cases"] if r["slug"] == "volledige-pilot")
    assert full["contact"]["telefoon"] == "0201234567"
    assert full["pilot"]["deelnemers"] == "15"


def test_each_exported_record_is_the_validated_case(seed_site: Project) -> None:
    """The export is written by pydantic's serialiser, piece by piece: each record must be
    exactly what the model holds, minus the privacy block, plus slug and url."""
    cases = seed_site.cases
    published = pipeline.check([cases], cases, date(2026, 1, 15)).published
    records = {r["slug"]: r for r in json.loads(seed_site.html("cases.json"))["cases"]}
    assert records.keys() == published.keys()
    for slug, case in published.items():
        expected = case.model_dump(mode="json", exclude_none=True, exclude={"privacy"})
        expected["gerelateerd"] = [s for s in expected.get("gerelateerd", []) if s in published]
        if not expected["gerelateerd"]:
            del expected["gerelateerd"]
        url = f"{SITE_URL}cases/{slug}/"
        assert records[slug] == {"slug": slug, "url": url, **expected}
    assert records["volledige-pilot"]["gerelateerd"] == ["springplankwoning-doetinchem"]


def test_cases_csv_has_one_row_per_case(seed_site: Project) -> None:
    text = (seed_site.site / "cases.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 4
    spring = next(r for r in rows if r["slug"] == "springplankwoning-doetinchem")
    assert spring["partners"] == "Iriszorg; Laborijn; Gemeente Doetinchem"
    assert spring["pilot_fase"] == "lopend"


def test_atom_feed_is_valid_and_newest_first(seed_site: Project) -> None:
    root = ET.fromstring(seed_site.html("feed.xml").encode())
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
    home = seed_site.html("index.html")
    over = seed_site.html("over/index.html")
    assert '<link rel="alternate" type="application/atom+xml"' in home
    assert '<link rel="alternate feed" type="application/atom+xml"' in over
    for link in ("cases.json", "cases.csv", "feed.xml"):
        assert f'href="../{link}"' in over
