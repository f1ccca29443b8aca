"""The finder's facets, defined once: which values each case carries, and their totals.

The search documents (what Pagefind indexes) and the finder page (which shows every facet
value with its total before the first query) both read them from here, so a facet value on
screen always matches the value in the index; the finder script gets the facet titles from
the page too.
"""

from __future__ import annotations

from collections import Counter

from generator.contract import labels
from generator.rendering.catalog import Catalog, Entry
from generator.rendering.search_words import synonym_groups

# Facet key (in the index and the URL) -> the title the finder shows.
FACETS = {
    "thema": "Thema",
    "doelgroep": "Doelgroep",
    "soort": "Soort",
    "fase": "Fase van de pilot",
    "organisatie": "Organisatie",
    "gemeente": "Gemeente",
    "regio": "Regio",
    "partner": "Partner",
    "jaar": "Jaar laatst gecontroleerd",
}
# How knowledge travels: how well it is known to work, from which budget it is paid, which
# legal or policy source it set aside, whether it was adopted, and whether it is current.
KNOWLEDGE_FACETS = {
    "onderbouwing": "Onderbouwing",
    "geldstroom": "Betaald uit",
    "grondslag": "Afgeweken van (wet of beleid)",
    "navolging": "Overgenomen",
    "actualiteit": "Actualiteit",
}
FACETS.update(KNOWLEDGE_FACETS)
ADOPTED = "Gebaseerd op een andere aanpak"
"""The `navolging` value of a case that says it adopted another (here or elsewhere)."""
ADOPTED_BY_OTHERS = "Overgenomen door anderen"
"""The `navolging` value of a case that a published case says it adopted."""
STALE = "Mogelijk verouderd"
CURRENT = "Recent gecontroleerd"


def case_facets(entry: Entry, catalog: Catalog) -> dict[str, list[str]]:
    """The facet values of one case, as readers see them (labels, normalised names)."""
    case, vocabulary = entry.case, catalog.vocabulary
    values = {
        "thema": [vocabulary.themas[t].label for t in dict.fromkeys(case.themas)],
        "doelgroep": [vocabulary.doelgroepen[g].label for g in dict.fromkeys(case.doelgroepen)],
        "soort": [labels.SOORT[case.soort]],
        "fase": [labels.FASE[case.pilot.fase]] if case.pilot else [],
        "organisatie": [catalog.organisation_of(entry).name],
        "gemeente": [catalog.municipality_of(entry).name],
        "regio": [region.name] if (region := catalog.region_of(entry)) else [],
        "partner": list(
            dict.fromkeys(catalog.partner_named(p.naam).name for p in case.partners or [])
        ),
        "jaar": [str(case.bijgewerkt.year)],
        **knowledge_facets(entry, catalog),
    }
    return {key: values[key] for key in FACETS}


def knowledge_facets(entry: Entry, catalog: Catalog) -> dict[str, list[str]]:
    """The values of `KNOWLEDGE_FACETS` of one case."""
    case, geldstromen = entry.case, catalog.vocabulary.geldstromen
    navolging = [ADOPTED] if case.overgenomen_van else []
    if entry.slug in catalog.adopters:
        navolging.append(ADOPTED_BY_OTHERS)
    freshness = catalog.freshness
    return {
        "onderbouwing": [labels.NIVEAU[case.onderbouwing.niveau]] if case.onderbouwing else [],
        "geldstroom": list(
            dict.fromkeys(geldstromen[k.betaald_uit].label for k in case.kosten or [])
        ),
        "grondslag": list(
            dict.fromkeys(
                catalog.source_of(a.grondslag).name
                for a in case.afwijkingen or []
                if a.grondslag is not None
            )
        ),
        "navolging": navolging,
        "actualiteit": (
            [STALE if catalog.is_stale(entry) else CURRENT]
            if freshness is not None and freshness.months > 0
            else []
        ),
    }


def facet_totals(catalog: Catalog) -> dict[str, dict[str, int]]:
    """How many published cases carry each facet value."""
    # Counted once per facet, not updated per case (the preview counts 5,000 cases again
    # after each save).
    carried: dict[str, list[str]] = {key: [] for key in FACETS}
    for entry in catalog.entries:
        for key, values in case_facets(entry, catalog).items():
            carried[key].extend(values)
    return {key: dict(sorted(Counter(values).items())) for key, values in carried.items() if values}


def finder_data(catalog: Catalog) -> dict[str, object]:
    """What the finder page embeds: facet titles in order, the totals, and the synonym
    groups the finder reads a query with (`search_words`)."""
    return {
        "facets": list(FACETS.items()),
        "totals": facet_totals(catalog),
        "zoekgroepen": synonym_groups(catalog.vocabulary).for_finder(),
    }
