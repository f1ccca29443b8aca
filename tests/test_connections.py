"""Pages that connect cases, open data and statistics, on a real build."""

from __future__ import annotations

import csv
import html
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
    assert len(tables) == 7
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


# --- knowledge that travels: sources set aside, adoptions, costs, freshness --------------------


def sections_of(page: str, tag: str = "h3") -> dict[str, str]:
    """The text under each heading of level `tag`, by the heading's text."""
    parts = re.split(rf"<{tag}[^>]*>", page)[1:]
    return {
        html.unescape(text_of(part.split(f"</{tag}>")[0])).rstrip("¶ "): html.unescape(
            text_of(part.split(f"</{tag}>", 1)[1])
        )
        for part in parts
    }


def test_rule_deviations_are_grouped_by_their_legal_source(seed_site: Project) -> None:
    """Regelruimte: per law or policy, how often it was set aside, by which cases, with a
    link to its text; the rules that name no source after, by rule. Each deviation once."""
    html = seed_site.html("regelruimte/index.html")
    by_source, without = html.split('id="zonder-bron"')
    sources = sections_of(by_source)
    assert list(sources) == [
        "Wet of regeling: Wet maatschappelijke ondersteuning 2015",  # set aside twice: first
        "Wet of regeling: Participatiewet",
        "Wet of regeling: Woningwet",
    ]
    wmo = sources["Wet of regeling: Wet maatschappelijke ondersteuning 2015"]
    assert wmo.startswith("2 keer opzijgezet, in 2 cases. Tekst: wetten.overheid.nl")
    for said in (
        "Regel: Begeleiding alleen binnen een beschermde woonvorm Hoe afgeweken: Iriszorg bood",
        "Uit: Springplankwoning: in zes maanden",
        "Regel: Woningaanpassingen alleen via de standaardroute van de Wmo Hoe afgeweken: De "
        "gemeente en de corporatie",
        "Uit: Samen wonen dankzij een uitbouw",
    ):
        assert said in wmo, said
    wmo_html = by_source.split("Wet maatschappelijke ondersteuning 2015</h3>")[1].split(
        "</section>"
    )[0]
    assert '<a href="https://wetten.overheid.nl/BWBR0035362/">wetten.overheid.nl</a>' in wmo_html
    assert 'href="../cases/springplankwoning-doetinchem/"' in wmo_html
    assert 'href="../cases/uitbouw-samenwonen-doetinchem/"' in wmo_html
    assert sources["Wet of regeling: Participatiewet"].startswith("1 keer opzijgezet, in 1 case.")
    rules = sections_of(without)
    assert "Regel: Geen nieuw huurcontract bij een oude huurschuld" in rules
    assert "Regel: Begeleiding alleen binnen een beschermde woonvorm" not in rules
    assert text_of(html).count("Uit: ") == 8
    # the case page names the source of its deviation, linked
    spring = seed_site.html("cases/springplankwoning-doetinchem/index.html")
    assert (
        '<p class="mwb-source"><strong>Grondslag:</strong> <a href="https://wetten.overheid.nl/'
        'BWBR0015703/">Participatiewet</a></p>'
    ) in spring


def test_an_adoption_is_shown_on_both_pages_and_counted(seed_site: Project) -> None:
    adopter = seed_site.html("cases/volledige-pilot/index.html")
    based_on = sections_of(adopter, "h2")["Gebaseerd op"]
    assert based_on == (
        "Springplankwoning: in zes maanden van de opvang naar een eigen plek (Woningcorporatie "
        "in Doetinchem, Doetinchem) Wat is anders: Hier wonen jongeren met schulden, niet mensen "
        "uit de opvang; de coaching gaat over geld. Een aanpak elders: "
        "maatwerkbank.example.org/cases/proefwonen-met-budgetcoaching/ Wat is anders: De proef "
        "duurde een jaar in plaats van zes maanden."
    )
    assert 'href="../springplankwoning-doetinchem/"' in adopter.split('id="gebaseerd-op"')[1]
    original = seed_site.html("cases/springplankwoning-doetinchem/index.html")
    done_too = sections_of(original, "h2")["Ook gedaan door"]
    assert done_too == (
        "Volledige pilot met alle velden (Woonstichting Voorbeeld, Voorbeeldstad) Wat is anders: "
        "Hier wonen jongeren met schulden, niet mensen uit de opvang; de coaching gaat over geld."
    )
    assert 'href="../volledige-pilot/"' in original.split('id="ook-gedaan-door"')[1]
    # a case nobody adopted has no such section
    assert "Ook gedaan door" not in seed_site.html("cases/uitbouw-samenwonen-doetinchem/index.html")
    # the home page and the statistics count them: one from this site, one from elsewhere
    assert "2 keer overgenomen" in text_of(seed_site.html("index.html"))
    stats = seed_site.html("statistieken/index.html")
    adoptions = stats.split("Overnames</caption>")[1].split("</table>")[0]
    assert re.findall(r'<th scope="row">([^<]+)</th>.*?<span>(\d+)</span></td>', adoptions) == [
        ("Een case op deze site", "1"),
        ("Een aanpak elders", "1"),
    ]
    levels = stats.split("Cases per onderbouwing</caption>")[1].split("</table>")[0]
    assert re.findall(r'<th scope="row">([^<]+)</th>.*?<span>(\d+)</span></td>', levels)[:4] == [
        ("Idee", "0"),
        ("Praktijkervaring", "3"),
        ("Intern geëvalueerd", "0"),
        ("Extern geëvalueerd", "1"),
    ]


def test_costs_show_in_dutch_notation_with_their_funding_stream(seed_site: Project) -> None:
    page = seed_site.html("cases/volledige-pilot/index.html")
    costs = sections_of(page, "h2")["Wat kost het, en wie betaalt?"]
    assert costs == (  # (text_of leaves a space where an element ends)
        "Budgetcoaching : € 12.500 per jaar , betaald uit Gemeentelijke middelen "
        "Inrichting van de proefwoning : € 3.250,50 eenmalig , betaald uit Woningwet (corporatie) "
        "Wijkverpleging aan huis : betaald uit Zorgverzekeringswet"
    )
    # the amount and its unit never break apart
    assert '<span class="mwb-amount">€\u00a012.500 per jaar</span>' in page
    # how well it is known to work: the facts box, and a section with the ladder and source
    assert (
        '<li><strong>Onderbouwing:</strong> <a href="#onderbouwing">Extern geëvalueerd</a>' in page
    )
    basis = sections_of(page, "h2")["Hoe goed werkt het?"]
    assert basis.startswith(
        "Extern geëvalueerd : Een onafhankelijke partij heeft onderzocht wat het opleverde. Idee "
        "Praktijkervaring Intern geëvalueerd Extern geëvalueerd Elders toegepast Erkend"
    )
    assert '<li aria-current="step">Extern geëvalueerd</li>' in page
    assert basis.endswith("Bron: https://www.example.org/evaluatie")


@pytest.mark.build
def test_a_case_not_checked_for_long_says_so_calmly(project: Project) -> None:
    """`verouderd_na_maanden` in mkdocs.yml (default 18): the uitbouw case, last checked on
    15 June 2025, is out of date after 6 months on 15 January 2026; the others are not."""
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      cases_dir: cases\n", "      cases_dir: cases\n      verouderd_na_maanden: 6\n"
        )
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    notice = (
        '<p class="mwb-notice mwb-stale">Laatst gecontroleerd op <time datetime="2025-06-15">15 '
        "juni 2025</time>; mogelijk verouderd. Regels, bedragen en contactgegevens kunnen "
        "intussen anders zijn.</p>"
    )
    assert notice in project.html("cases/uitbouw-samenwonen-doetinchem/index.html")
    for slug in ("springplankwoning-doetinchem", "straatgewijze-renovatie-of-sloop-doetinchem"):
        assert "mwb-stale" not in project.html(f"cases/{slug}/index.html"), slug
    finder = json.loads(
        project.html("zoeken/index.html")
        .split('<script type="application/json" id="mwb-facet-totals">')[1]
        .split("</script>")[0]
    )
    assert finder["totals"]["actualiteit"] == {"Mogelijk verouderd": 1, "Recent gecontroleerd": 2}


def test_by_default_a_case_is_current_for_18_months(seed_site: Project) -> None:
    """The same case, built with the default setting: 7 months is not out of date yet."""
    assert "mwb-stale" not in seed_site.html("cases/uitbouw-samenwonen-doetinchem/index.html")
    assert "Recent gecontroleerd" in seed_site.html("zoeken/index.html")
