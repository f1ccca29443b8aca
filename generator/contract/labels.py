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
CHOICES = {"soort": SOORT, "status": STATUS, "fase": FASE}
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


def dutch_period(value: str) -> str:
    """'2024-09' -> 'september 2024'; '2024-09-02' -> '2 september 2024'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return dutch_date(date(parts[0], parts[1], parts[2]))
