"""Dutch words for the site: labels of choices, and dates as Dutch readers write them.

Kept out of the templates so every output (pages, listings, later feeds and finder facets)
says the same thing, and out of the locale machinery so a build never depends on the
machine's locale.
"""

from __future__ import annotations

from datetime import date

SOORT = {"casus": "Casus", "pilot": "Pilot"}
STATUS = {"concept": "Concept", "gepubliceerd": "Gepubliceerd", "gearchiveerd": "Gearchiveerd"}
FASE = {
    "voorbereiding": "In voorbereiding",
    "lopend": "Lopend",
    "afgerond": "Afgerond",
    "gestopt": "Gestopt",
    "opgeschaald": "Opgeschaald",
}
NIVEAU = {
    "idee": "Idee",
    "praktijkervaring": "Praktijkervaring",
    "intern-geevalueerd": "Intern geëvalueerd",
    "extern-geevalueerd": "Extern geëvalueerd",
    "elders-toegepast": "Elders toegepast",
    "erkend": "Erkend",
}
"""The ladder of `onderbouwing.niveau`, from "tried once" to "recognised nationally", in
order (Movisie's and NJi's databanks rate interventions on a ladder like it)."""
NIVEAU_UITLEG = {
    "idee": "Bedacht of net begonnen; er is nog geen ervaring mee.",
    "praktijkervaring": "In de praktijk gedaan; wat het opleverde is beschreven, niet onderzocht.",
    "intern-geevalueerd": "De partners hebben zelf gemeten of nagegaan wat het opleverde.",
    "extern-geevalueerd": "Een onafhankelijke partij heeft onderzocht wat het opleverde.",
    "elders-toegepast": "Ook op een andere plek of door een andere organisatie gedaan.",
    "erkend": "Opgenomen in een landelijke databank van erkende aanpakken (zoals van Movisie "
    "of het NJi).",
}
"""One line per step of the ladder: what the level means, for the case page and the guide."""
NIVEAU_MET_BRON = ("extern-geevalueerd", "erkend")
"""Levels that need a `bron`: the report or databank entry a reader can check."""
EENHEID = {
    "eenmalig": "eenmalig",
    "per-maand": "per maand",
    "per-jaar": "per jaar",
    "per-huishouden": "per huishouden",
    "totaal": "in totaal",
}
"""How an amount of `kosten` is counted, as it follows the amount: `€ 12.500 per jaar`."""
CHOICES = {
    "soort": SOORT,
    "status": STATUS,
    "fase": FASE,
    "niveau": NIVEAU,
    "eenheid": EENHEID,
}
"""The labels of each choice field the site shows, by the field's name."""
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def count(n: int, singular: str, plural: str) -> str:
    """A number with its noun in the right form: `1 pilot`, `2 pilots`, `0 pilots`."""
    return f"{n} {singular if n == 1 else plural}"


def dutch_date(value: date) -> str:
    """14 maart 2025"""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def euro(amount: float) -> str:
    """An amount in Dutch notation: `€ 12.500`, `€ 12.500,50`; the space after the euro
    sign does not break (U+00A0), so the sign never ends a line."""
    cents = round(amount * 100)
    whole, rest = divmod(cents, 100)
    text = f"{whole:,}".replace(",", ".")
    if rest:
        text += f",{rest:02d}"
    return f"€\u00a0{text}"


def dutch_period(value: str) -> str:
    """'2024-09' -> 'september 2024'; '2024-09-02' -> '2 september 2024'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return dutch_date(date(parts[0], parts[1], parts[2]))
