"""Open data that opens where municipal staff open it: CSV for Dutch Excel, and a feed and
JSON that stay valid whatever authors type."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from conftest import Project, make_project

from generator.contract.model import Case
from generator.reading.vocabulary import load_vocabulary
from generator.rendering import exports
from generator.rendering.addresses import Addresses
from generator.rendering.catalog import Catalog

ATOM = "{http://www.w3.org/2005/Atom}"
FORMULA = '=HYPERLINK("https://aanvaller.example/";"Klik hier")'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("exports") / "project")
    project.add_fixtures("exports")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


def csv_rows(site: Project) -> list[dict[str, str]]:
    raw = (site.site / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_is_utf8_with_bom_and_semicolons_for_dutch_excel(site: Project) -> None:
    rows = csv_rows(site)
    assert len(rows) == 4
    # every line has as many cells as the header: no value spills into the next column
    assert all(None not in row and None not in row.values() for row in rows)
    spring = next(r for r in rows if r["slug"] == "springplankwoning-doetinchem")
    shown = {
        "url": "https://kennisbank.corporatie.test/cases/springplankwoning-doetinchem/",
        "soort": "pilot",
        "titel": "Springplankwoning: in zes maanden van de opvang naar een eigen plek",
        "regio": "Achterhoek",
        "themas": "dakloosheid; uitstroom; wonen-en-zorg; samenwerking; werk-en-inkomen",
        "bijgewerkt": "2025-10-01",
        "partners": "Iriszorg; Laborijn; Gemeente Doetinchem",
        "pilot_fase": "lopend",
        "pilot_start": "2024-03",
        "pilot_einde": "",
    }
    assert {column: spring[column] for column in shown} == shown
    assert spring["afwijkingen"].startswith("Woningtoewijzing alleen via inschrijfduur")
    row = next(r for r in rows if r["slug"] == "formules-en-tekens")
    # a list cell holding the separator stays one cell
    assert row["lessen"] == "'=SUM(A1:A9); Een gewone les; met puntkomma"


def test_no_csv_cell_can_run_as_a_formula(site: Project) -> None:
    row = next(r for r in csv_rows(site) if r["slug"] == "formules-en-tekens")
    assert row["titel"] == "'" + FORMULA
    assert row["samenvatting"].startswith("'+Samen met de buren")
    assert row["organisatie"] == "'@Woonstichting Rekenblad"
    assert row["gemeente"] == "'-Sommen"
    assert row["partners"] == "'=1+1"
    assert row["regio"] == "'+Plusregio"
    assert row["tips_voor_gemeenten"] == "'-Min of meer een tip"
    # (a case cannot hold a leading tab or carriage return; the rule covers them anyway)
    assert exports.spreadsheet_safe("\tx") == "'\tx" and exports.spreadsheet_safe("\rx") == "'\rx"
    assert exports.spreadsheet_safe("2025-01-10") == "2025-01-10"
    for cells in csv_rows(site):
        for value in cells.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # the web pages show the author's text as written
    assert "=HYPERLINK(" in site.html("cases/formules-en-tekens/index.html")


def cost_rows(site: Project) -> list[dict[str, str]]:
    """`kosten.csv` as Dutch Excel reads it: UTF-8 after a BOM, `;`, CRLF line ends."""
    raw = (site.site / "kosten.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == text.count("\n") > 1
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def dutch_number(cell: str) -> float:
    """A cell as Excel with Dutch settings reads a number: a decimal comma, no other sign."""
    assert re.fullmatch(r"\d+(,\d\d)?", cell), cell
    return float(cell.replace(",", "."))


def test_costs_are_numbers_in_json_and_one_row_per_line_in_kosten_csv(seed_site: Project) -> None:
    records = {r["slug"]: r for r in json.loads(seed_site.html("cases.json"))["cases"]}
    costs = records["volledige-pilot"]["kosten"]
    assert [c.get("euro") for c in costs] == [12500, 3250.5, None]
    assert type(costs[0]["euro"]) is int and type(costs[1]["euro"]) is float
    assert costs[0] == {
        "omschrijving": "Budgetcoaching",
        "euro": 12500,
        "eenheid": "per-jaar",
        "betaald_uit": "gemeentelijke-middelen",
    }
    assert records["volledige-pilot"]["onderbouwing"]["niveau"] == "extern-geevalueerd"
    rows = cost_rows(seed_site)
    assert list(rows[0]) == [
        "slug",
        "url",
        "titel",
        "omschrijving",
        "euro",
        "eenheid",
        "betaald_uit",
        "betaald_uit_label",
    ]
    # one row per cost line of every published case (the seeds name no amounts)
    assert len(rows) == sum(len(r.get("kosten", [])) for r in records.values()) == 8
    pilot = [r for r in rows if r["slug"] == "volledige-pilot"]
    assert [r["euro"] for r in pilot] == ["12500", "3250,50", ""]
    assert [dutch_number(r["euro"]) for r in pilot[:2]] == [12500, 3250.5]
    assert pilot[0]["url"] == "https://kennisbank.corporatie.test/cases/volledige-pilot/"
    assert pilot[0]["titel"] == "Volledige pilot met alle velden"
    assert (pilot[1]["eenheid"], pilot[1]["betaald_uit"], pilot[1]["betaald_uit_label"]) == (
        "eenmalig",
        "woningwet-corporatie",
        "Woningwet (corporatie)",
    )
    spring = [r["omschrijving"] for r in rows if r["slug"] == "springplankwoning-doetinchem"]
    assert spring[1] == "Woonbegeleiding door Iriszorg"
    # cases.csv has the level of evidence as a column
    overview = csv_rows(seed_site)
    assert {r["slug"]: r["onderbouwing_niveau"] for r in overview}["volledige-pilot"] == (
        "extern-geevalueerd"
    )


def test_no_cost_cell_can_run_as_a_formula(site: Project) -> None:
    row = next(r for r in cost_rows(site) if r["slug"] == "formules-en-tekens")
    assert row["titel"] == "'" + FORMULA
    assert row["omschrijving"] == "'=2*3; met puntkomma"  # one cell, the separator inside
    assert row["euro"] == "0,50" and dutch_number(row["euro"]) == 0.5
    assert row["eenheid"] == "per-huishouden"


def test_feed_and_json_parse_with_unusual_characters(site: Project) -> None:
    root = ET.fromstring((site.site / "feed.xml").read_bytes())
    entry = next(
        e for e in root.findall(f"{ATOM}entry") if "formules-en-tekens" in e.findtext(f"{ATOM}id")
    )
    assert entry.findtext(f"{ATOM}title") == FORMULA
    summary = entry.findtext(f"{ATOM}summary")
    assert '<geen> "tags", ’s-Hertogenbosch, 😀' in summary and "مرحبا" in summary
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "@Woonstichting Rekenblad"
    data = json.loads(site.html("cases.json"))
    record = next(r for r in data["cases"] if r["slug"] == "formules-en-tekens")
    assert record["titel"] == FORMULA  # JSON keeps values as written
    assert record["lessen"][0] == "=SUM(A1:A9)"


def test_feed_drops_characters_xml_cannot_hold() -> None:
    """A YAML escape can put a control character or U+FFFE in a case; the feed stays XML."""
    from conftest import SEED

    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    data = {
        "soort": "casus",
        "titel": "Titel met \x01 en \ufffe erin",
        "samenvatting": "Een samenvatting met een \x0b verticale tab en \x1f meer.",
        "organisatie": "Org\x08",
        "gemeente": "G",
        "themas": ["samenwerking"],
        "doelgroepen": ["ouderen"],
        "status": "gepubliceerd",
        "bijgewerkt": "2025-01-10",
        "aanleiding": "A",
        "aanpak": "B",
        "lessen": ["L"],
        "tips_voor_gemeenten": ["T"],
    }
    case = Case.model_validate(data, context={"vocabulary": vocabulary})
    catalog = Catalog.build(vocabulary, {"vreemde-tekens": case})
    feed = exports.atom_feed(catalog, "https://kennisbank.corporatie.test/", Addresses())
    root = ET.fromstring(feed.encode("utf-8"))
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "Titel met  en  erin"
    assert entry.findtext(f"{ATOM}summary") == "Een samenvatting met een  verticale tab en  meer."
    assert (
        json.loads(exports.data_files(catalog, "", Addresses())["cases.json"])["cases"][0]["titel"]
        == data["titel"]
    )
    assert date.fromisoformat(root.findtext(f"{ATOM}updated", "")[:10]) == date(2025, 1, 10)
