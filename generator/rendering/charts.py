"""Bar charts drawn at build time as HTML tables: no chart library, nothing loaded from elsewhere.

Each chart is one table (a caption, a row per value: the label, a bar, the number), so the
numbers are read by screen readers and copied as a table, and shown once on screen. Labels
are text at body size: an SVG scaled down to a phone's width shrank them to about 7 px. The
bars are decoration (`aria-hidden`); their length is a percentage of the largest value.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from generator.contract import labels
from generator.rendering.catalog import Catalog


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    column: str
    """The header of the label column (Thema, Doelgroep, Fase, Jaar)."""
    rows: list[tuple[str, int]]

    def html(self) -> str:
        top = max((n for _, n in self.rows), default=0) or 1
        rows = "".join(
            f'<tr><th scope="row">{escape(label, quote=False)}</th><td>'
            + (
                f'<span class="mwb-bar" aria-hidden="true" style="width: {85 * n / top:.1f}%">'
                "</span>"
                if n
                else ""
            )
            + f"<span>{n}</span></td></tr>\n"
            for label, n in self.rows
        )
        return (
            f'<table class="mwb-chart" id="grafiek-{self.key}" '
            f'aria-describedby="grafiek-{self.key}-uitleg">\n'
            f'<caption class="mwb-visually-hidden">{escape(self.title, quote=False)}</caption>\n'
            f'<thead><tr><th scope="col">{self.column}</th>'
            '<th scope="col">Aantal</th></tr></thead>\n'
            f"<tbody>\n{rows}</tbody>\n</table>\n\n"
            f'<p class="mwb-chart-note" id="grafiek-{self.key}-uitleg">'
            f"{escape(self.description, quote=False)}</p>\n"
        )


def charts(catalog: Catalog) -> list[Chart]:
    """The statistics page's charts, from published cases only."""
    vocabulary = catalog.vocabulary
    themes = [(t.label, len(catalog.by_theme[s])) for s, t in vocabulary.themas.items()]
    groups = [(g.label, len(catalog.by_group[s])) for s, g in vocabulary.doelgroepen.items()]
    phase_counts: dict[str, int] = Counter(
        e.case.pilot.fase for e in catalog.pilots if e.case.pilot
    )
    years = Counter(e.case.bijgewerkt.year for e in catalog.entries)
    total = len(catalog.entries)
    return [
        Chart(
            "themas",
            "Cases per thema",
            f"Aantal van de {labels.count(total, 'gepubliceerde case', 'gepubliceerde cases')} "
            "per thema; een case kan meer "
            "thema's hebben.",
            "Thema",
            themes,
        ),
        Chart(
            "doelgroepen",
            "Cases per doelgroep",
            f"Aantal van de {labels.count(total, 'gepubliceerde case', 'gepubliceerde cases')} "
            "per doelgroep; een case kan meer "
            "doelgroepen hebben.",
            "Doelgroep",
            groups,
        ),
        Chart(
            "fasen",
            "Pilots per fase",
            f"Aantal van de {labels.count(len(catalog.pilots), 'pilot', 'pilots')} per fase.",
            "Fase",
            [(label, phase_counts.get(fase, 0)) for fase, label in labels.FASE.items()],
        ),
        Chart(
            "jaren",
            "Cases per jaar van laatste controle",
            "Aantal gepubliceerde cases per jaar waarin de inhoud het laatst is gecontroleerd.",
            "Jaar",
            [(str(year), years[year]) for year in sorted(years)],
        ),
        *_knowledge(catalog),
    ]


def _knowledge(catalog: Catalog) -> list[Chart]:
    """How well the cases are known to work, from which budgets they are paid, and how
    often an approach was adopted."""
    total = len(catalog.entries)
    levels: Counter[str] = Counter(
        e.case.onderbouwing.niveau for e in catalog.entries if e.case.onderbouwing
    )
    streams = Counter(
        slug
        for e in catalog.entries
        for slug in dict.fromkeys(k.betaald_uit for k in e.case.kosten or [])
    )
    adopted = [o for e in catalog.entries for o in e.case.overgenomen_van or []]
    here = sum(1 for o in adopted if o.case)
    said = sum(levels.values())
    return [
        Chart(
            "onderbouwing",
            "Cases per onderbouwing",
            f"Hoe goed bekend is dat de aanpak werkt, van idee tot erkend: {said} van de "
            f"{labels.count(total, 'case zegt', 'cases zeggen')} het.",
            "Onderbouwing",
            [(label, levels.get(level, 0)) for level, label in labels.NIVEAU.items()],
        ),
        Chart(
            "geldstromen",
            "Cases per geldstroom",
            f"Aantal van de {labels.count(total, 'gepubliceerde case', 'gepubliceerde cases')} "
            "dat kosten uit deze geldstroom noemt; een case kan er meer noemen.",
            "Geldstroom",
            [
                (term.label, streams.get(slug, 0))
                for slug, term in catalog.vocabulary.geldstromen.items()
            ],
        ),
        Chart(
            "overnames",
            "Overnames",
            f"Hoe vaak een case zegt dat ze een aanpak overnam ({len(adopted)} keer): van een "
            "case op deze site of van een aanpak elders.",
            "Overgenomen van",
            [("Een case op deze site", here), ("Een aanpak elders", len(adopted) - here)],
        ),
    ]
