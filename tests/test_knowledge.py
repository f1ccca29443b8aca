"""The rules behind issue 26's fields, on small inputs: amounts, Dutch notation, when a case
is out of date, and how deviations group by their legal source."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import SEED
from pydantic import ValidationError

from generator.contract import labels
from generator.contract.model import Case, Kostenpost, block_in, choices_of
from generator.reading.freshness import Freshness
from generator.reading.vocabulary import load_vocabulary
from generator.rendering import facets
from generator.rendering.catalog import Catalog

VOCABULARY = load_vocabulary(SEED / "_vocabulaire.yaml", "v")[0]

# What authors type, as the loader gives it (a string), and the number it means.
AMOUNTS = {
    "0": 0,
    "12500": 12500,
    "12500.5": 12500.5,
    "12500.50": 12500.5,
    "12500.00": 12500,
    "0.99": 0.99,
    " 750 ": 750,
    "1000000": 1000000,
}
# Written as no amount, or as one the reader could take two ways: refused.
NOT_AMOUNTS = [
    "12.500",  # thousands point: 12.5 to YAML, twelve thousand five hundred to the author
    "1.250.000",
    "12500,50",
    "€ 12500",
    "12500 euro",
    "12 500",
    "12.505",
    "1e5",
    "0x10",
    "NaN",
    "inf",
    "twaalfduizend",
    "",
    "1234567890123",  # more than twelve digits: no case costs that much
]


def cost(euro: Any) -> dict[str, Any]:
    return {
        "omschrijving": "Begeleiding",
        "euro": euro,
        "eenheid": "per-jaar",
        "betaald_uit": "wmo",
    }


@pytest.mark.parametrize("written", sorted(AMOUNTS))
def test_an_amount_is_kept_as_a_number(written: str) -> None:
    amount = Kostenpost.model_validate(cost(written), context={"vocabulary": VOCABULARY}).euro
    assert amount == AMOUNTS[written]
    assert isinstance(amount, int) == float(AMOUNTS[written]).is_integer()


@pytest.mark.parametrize("written", NOT_AMOUNTS)
def test_what_is_no_amount_is_refused(written: str) -> None:
    with pytest.raises(ValidationError) as error:
        Kostenpost.model_validate(cost(written), context={"vocabulary": VOCABULARY})
    assert error.value.errors()[0]["type"] == "bedrag"


@pytest.mark.parametrize("written", ["-1", "-0.50", -3, -0.01])
def test_a_negative_amount_is_refused(written: object) -> None:
    with pytest.raises(ValidationError) as error:
        Kostenpost.model_validate(cost(written), context={"vocabulary": VOCABULARY})
    assert error.value.errors()[0]["type"] == "bedrag_negatief"


def test_amounts_in_dutch_notation() -> None:
    nbsp = "\u00a0"
    assert [labels.euro(x) for x in (0, 5, 999, 1000, 12500, 3250.5, 0.99, 1234567.8)] == [
        f"€{nbsp}0",
        f"€{nbsp}5",
        f"€{nbsp}999",
        f"€{nbsp}1.000",
        f"€{nbsp}12.500",
        f"€{nbsp}3.250,50",
        f"€{nbsp}0,99",
        f"€{nbsp}1.234.567,80",
    ]


def test_the_level_ladder_and_its_labels_are_one_list() -> None:
    block = block_in(Case.model_fields["onderbouwing"].annotation)
    assert block is not None
    assert choices_of(block.model_fields["niveau"].annotation) == list(labels.NIVEAU)
    assert list(labels.NIVEAU_UITLEG) == list(labels.NIVEAU)
    assert set(labels.NIVEAU_MET_BRON) <= set(labels.NIVEAU)


@pytest.mark.parametrize(
    ("today", "months", "oldest_current"),
    [
        (date(2026, 1, 15), 18, date(2024, 7, 15)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),  # no 31 February: its last day
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 12, date(2025, 1, 15)),
    ],
)
def test_a_case_is_out_of_date_after_the_setting(
    today: date, months: int, oldest_current: date
) -> None:
    freshness = Freshness(today, months)
    assert freshness.checked_since == oldest_current
    assert not freshness.is_stale(oldest_current)
    assert freshness.is_stale(date.fromordinal(oldest_current.toordinal() - 1))


def test_no_case_is_out_of_date_when_the_setting_is_off() -> None:
    assert not Freshness(date(2026, 1, 15), 0).is_stale(date(2000, 1, 1))


BASE = {
    "soort": "casus",
    "titel": "Een titel",
    "samenvatting": "Een samenvatting van genoeg tekens.",
    "organisatie": "O",
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


def case(**fields: Any) -> Case:
    return Case.model_validate({**BASE, **fields}, context={"vocabulary": VOCABULARY})


def deviation(rule: str, source: str | None, url: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"regel": rule, "toelichting": "Zo."}
    if source:
        found["grondslag"] = {"naam": source, **({"url": url} if url else {})}
    return found


def test_deviations_group_by_their_source_whatever_its_spelling() -> None:
    """One law written three ways is one source, in the spelling most use, with the address
    most give; a deviation without a source stays under its rule."""
    url = "https://wetten.overheid.nl/BWBR0015703/"
    catalog = Catalog.build(
        VOCABULARY,
        {
            "een": case(
                afwijkingen=[
                    deviation("Eerst een adres", "Participatiewet", url),
                    deviation("Geen huurcontract bij schuld", None),
                ]
            ),
            "twee": case(afwijkingen=[deviation("Uitkering later", " participatiewet ", url)]),
            "drie": case(afwijkingen=[deviation("Uitkering later", "Participatiewet")]),
            "vier": case(afwijkingen=[deviation("Een regel", "Woningwet")]),
        },
    )
    assert [(s.name, s.url, len(s.deviations)) for s in catalog.sources] == [
        ("Participatiewet", url, 3),
        ("Woningwet", None, 1),
    ]
    assert [e.slug for e in catalog.sources[0].entries] == ["drie", "een", "twee"]
    assert [(rule, len(items)) for rule, items in catalog.unsourced] == [
        ("Geen huurcontract bij schuld", 1)
    ]
    values = facets.case_facets(catalog.by_slug["twee"], catalog)
    assert values["grondslag"] == ["Participatiewet"]


def test_adoptions_are_counted_and_found_from_both_sides() -> None:
    catalog = Catalog.build(
        VOCABULARY,
        {
            "origineel": case(),
            "navolger": case(
                overgenomen_van=[
                    {"case": "origineel", "verschil": "Anders."},
                    {"url": "https://elders.example/case/", "verschil": "Ook anders."},
                ]
            ),
            "tweede": case(overgenomen_van=[{"case": "origineel", "verschil": "Kleiner."}]),
        },
        Freshness(date(2026, 1, 15)),
    )
    assert catalog.adoptions == 3
    assert sorted(e.slug for e in catalog.adopters["origineel"]) == ["navolger", "tweede"]
    values = {slug: facets.case_facets(e, catalog) for slug, e in catalog.by_slug.items()}
    assert values["origineel"]["navolging"] == [facets.ADOPTED_BY_OTHERS]
    assert values["navolger"]["navolging"] == [facets.ADOPTED]
    assert values["origineel"]["actualiteit"] == [facets.CURRENT]
