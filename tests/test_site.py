"""End to end: a real MkDocs build of real case files, asserted on the built HTML and index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED, Project

SEEDS = {
    "springplankwoning-doetinchem": "Springplankwoning",
    "uitbouw-samenwonen-doetinchem": "Samen wonen dankzij een uitbouw",
    "straatgewijze-renovatie-of-sloop-doetinchem": "Per straat beslissen",
}


def text_of(html: str) -> str:
    """Visible text, roughly: tags dropped, whitespace folded, entities for & and quotes undone."""
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'")
    return " ".join(text.split())


def test_every_published_case_has_its_page_at_the_stable_path(seed_site: Project) -> None:
    for slug, title in SEEDS.items():
        html = seed_site.html(f"cases/{slug}/index.html")
        assert title in html
    assert (seed_site.site / "cases/volledige-pilot/index.html").is_file()


def test_site_is_dutch(seed_site: Project) -> None:
    for page in ("index.html", "cases/springplankwoning-doetinchem/index.html", "tips/index.html"):
        assert '<html lang="nl"' in seed_site.html(page)


def test_case_page_shows_every_section_of_the_contract(seed_site: Project) -> None:
    text = text_of(seed_site.html("cases/volledige-pilot/index.html"))
    expected = [
        "Volledige pilot met alle velden",
        "Deze pilot gebruikt elk veld van het format",
        "Organisatie: Woonstichting Voorbeeld",
        "Gemeente: Voorbeeldstad (regio Voorbeeldregio",
        "Soort: Pilot",
        "Laatst gecontroleerd: 1 december 2025",
        "Gearchiveerd",  # the archived notice
        "Aanleiding",
        "Jongeren met schulden vonden geen woning.",
        "Aanpak",
        "Een proefwoning met budgetcoaching.",
        "Waar is afgeweken van de regels?",
        "Inkomenstoets bij toewijzing",
        "De inkomenstoets werd vervangen door een gesprek over het budget.",
        "Partners",
        "Schuldhulp Voorbeeld : Budgetcoaching",
        "Financiering",
        "Gemeente Voorbeeldstad : € 20.000. Coaching voor twee jaar",
        "Resultaten",
        "Twaalf van de vijftien deelnemers",
        "Evaluatie",
        "Een extern bureau evalueerde de proef",
        "Citaten",
        "Ik weet nu waar mijn geld blijft.",
        "— deelnemer",
        "Lessen",
        "Begin klein.",
        "Tips voor gemeenten",
        "Maak schuldhulp onderdeel van de woningtoewijzing.",
        "Contact",
        "Team Jongeren",
        "jongeren@example.org",
        "Telefoon: 0201234567",
        "Bronnen",
        "Evaluatie van de proef",
        "De pilot in het kort",
        "Fase: Afgerond",
        "Start: januari 2024",
        "Einde: 30 juni 2025",
        "Deelnemers: 15",
        "Maximale duur: 1 jaar",
        "De proefwoning in 2025",
        "Gerelateerde cases",
    ]
    missing = [e for e in expected if e not in text]
    assert not missing, missing


def test_case_page_links_themes_groups_image_and_related(seed_site: Project) -> None:
    html = seed_site.html("cases/volledige-pilot/index.html")
    assert 'href="../../themas/betaalbaarheid/"' in html
    assert 'href="../../doelgroepen/jongeren/"' in html
    assert 'src="../../media/proefwoning.png"' in html
    assert 'alt="Voorgevel van de proefwoning"' in html
    assert (seed_site.site / "media/proefwoning.png").is_file()
    # explicit 'gerelateerd' comes first
    related = html.split('id="gerelateerde-cases"')[1]
    assert related.index("springplankwoning-doetinchem") < related.index("</ul>")


def test_author_heading_is_nested_under_its_section(seed_site: Project) -> None:
    html = seed_site.html("cases/volledige-pilot/index.html")
    assert re.search(r"<h3[^>]*>Een kop van de auteur", html)


def test_pilot_fact_box_and_no_archived_notice_on_published_case(seed_site: Project) -> None:
    text = text_of(seed_site.html("cases/springplankwoning-doetinchem/index.html"))
    assert "De pilot in het kort" in text
    assert "Maximale duur: 6 maanden" in text
    assert "Deelnemers: 3 à 4 bewoners tegelijk" in text
    assert "Gearchiveerd" not in text


def test_overview_lists_every_case_with_its_facts(seed_site: Project) -> None:
    text = text_of(seed_site.html("cases/index.html"))
    assert "4 cases" in text
    for title in SEEDS.values():
        assert title in text
    assert "Woningcorporatie in Doetinchem · Doetinchem · Pilot (lopend)" in text
    assert "Woonstichting Voorbeeld · Voorbeeldstad · Pilot (afgerond) · gearchiveerd" in text


def test_pilots_page_lists_only_pilots(seed_site: Project) -> None:
    text = text_of(seed_site.html("pilots/index.html"))
    assert "2 cases" in text
    assert "Springplankwoning" in text
    assert "Per straat beslissen" not in text


def test_theme_and_group_pages_show_description_and_count(seed_site: Project) -> None:
    text = text_of(seed_site.html("themas/wonen-en-zorg/index.html"))
    assert "Zelfstandig wonen met begeleiding of zorg aan huis" in text
    assert "3 cases" in text
    text = text_of(seed_site.html("doelgroepen/zittende-huurders/index.html"))
    assert "2 cases" in text and "Per straat beslissen" in text and "Springplankwoning" not in text
    empty = text_of(seed_site.html("doelgroepen/statushouders/index.html"))
    assert "Er zijn hier nog geen cases gepubliceerd." in empty
    index = text_of(seed_site.html("themas/index.html"))
    assert "Renovatie en sloop" in index and "1 case" in index


def test_tips_page_groups_by_case_with_back_links(seed_site: Project) -> None:
    html = seed_site.html("tips/index.html")
    text = text_of(html)
    assert "Laat zien dat je mensen vertrouwt; dat vertrouwen geeft ze de kans" in text
    assert (
        "Pak aan wat voor mensen belangrijk is en zet de belangen van je eigen instelling opzij"
        in text
    )
    group = html.split('href="../cases/springplankwoning-doetinchem/"')[1].split("</section>")[0]
    assert '<a class="mwb-label" href="dakloosheid/">Dakloosheid</a>' in group
    # every tip of every published case is there
    for slug in SEEDS:
        assert f'href="../cases/{slug}/"' in html


def test_lessons_of_the_corporation_are_on_the_site(seed_site: Project) -> None:
    springplank = text_of(seed_site.html("cases/springplankwoning-doetinchem/index.html"))
    assert "Iedereen in de organisatie helpt vragen van huurders beantwoorden" in springplank
    assert "Gebruik je gezonde verstand in plaats van voor elke uitzondering" in springplank
    straat = text_of(seed_site.html("cases/straatgewijze-renovatie-of-sloop-doetinchem/index.html"))
    assert "wij wonen er niet, zij wel" in straat


def test_nav_has_sections_but_not_individual_cases(seed_site: Project) -> None:
    html = seed_site.html("index.html")
    nav = html.split('<nav class="md-nav md-nav--primary"')[1].split("md-sidebar--secondary")[0]
    for label in ("Alle cases", "Pilots", "Thema", "Doelgroepen", "Tips voor gemeenten", "Over"):
        assert label in text_of(nav)
    theme_page = seed_site.html("themas/index.html")
    theme_nav = theme_page.split('<nav class="md-nav md-nav--primary"')[1].split(
        "md-sidebar--secondary"
    )[0]
    assert "Renovatie en sloop" in theme_nav  # one entry per theme, shown in its section
    for slug in SEEDS:
        assert f"cases/{slug}/" not in nav


def test_search_index_is_dutch_and_has_the_stories(seed_site: Project) -> None:
    """Pagefind replaced Material's search (see mkdocs.yml); its index is Dutch (stemming)."""
    entry = json.loads(seed_site.html("pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == ["nl"]
    assert not (seed_site.site / "search/search_index.json").exists()
    assert entry["languages"]["nl"]["page_count"] == 4  # the cases, and nothing else


def test_no_source_yaml_in_site_and_nothing_generated_in_content(seed_site: Project) -> None:
    yaml_files = [
        p.relative_to(seed_site.site).as_posix()
        for p in seed_site.site.rglob("*")
        if p.suffix in (".yaml", ".yml")
    ]
    assert yaml_files == ["beheer/config.yml"]  # the form's generated configuration only
    case_yaml = (SEED / "springplankwoning-doetinchem.yaml").read_bytes()
    assert not any(p.is_file() and p.read_bytes() == case_yaml for p in seed_site.site.rglob("*"))
    content_files = sorted(
        p.relative_to(seed_site.root / "content")
        for p in (seed_site.root / "content").rglob("*")
        if p.is_file()
    )
    original = sorted(
        p.relative_to(ROOT / "content") for p in (ROOT / "content").rglob("*") if p.is_file()
    )
    assert content_files == original
    # only media a published case references are copied
    assert sorted(p.name for p in (seed_site.site / "media").iterdir()) == ["proefwoning.png"]


def test_no_third_party_font_requests(seed_site: Project) -> None:
    html = seed_site.html("index.html")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


@pytest.mark.build
def test_listings_paginate(project: Project) -> None:
    template = (project.cases / "straatgewijze-renovatie-of-sloop-doetinchem.yaml").read_text()
    for i in range(55):
        project.write_case(
            f"kopie-{i:02d}.yaml", template.replace("Per straat beslissen", f"Kopie {i:02d}")
        )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    first = text_of(project.html("cases/index.html"))
    assert "58 cases , 50 op deze pagina" in first or "58 cases, 50 op deze pagina" in first
    assert "Pagina 1 van 2" in first
    second = text_of(project.html("cases/pagina-2/index.html"))
    assert "Pagina 2 van 2" in second and "Vorige" in second
    assert second.count("Woningcorporatie in Doetinchem · Doetinchem") == 8


def internal_links(site: Path) -> list[tuple[str, str]]:
    """Every (page, target) pair of an internal href/src in the built site."""
    links = []
    pattern = re.compile(r'(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"')
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        for target in pattern.findall(page.read_text(encoding="utf-8")):
            if target and not re.match(r"^[a-z][a-z0-9+.-]*:", target):
                links.append((rel, target))
    return links


def test_every_internal_link_resolves(seed_site: Project) -> None:
    broken = []
    links = internal_links(seed_site.site)
    for page, target in links:
        base = seed_site.site if target.startswith("/") else (seed_site.site / page).parent
        resolved = base / target.lstrip("/")
        if not (resolved.is_file() or (resolved / "index.html").is_file()):
            broken.append((page, target))
    assert len(links) > 500
    assert not broken, broken[:10]
