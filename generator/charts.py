"""Bar charts drawn at build time as inline SVG: no chart library, nothing loaded from elsewhere.

Each chart has a title and a description for screen readers, and the page shows the same
numbers as a table, so the chart is never the only way to read them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from generator import labels
from generator.catalog import Catalog

BAR = 22
GAP = 8
LABEL_WIDTH = 300
BAR_WIDTH = 320
COLOUR = "#3949ab"  # indigo 600: 7.3:1 against white


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    rows: list[tuple[str, int]]

    def svg(self) -> str:
        height = len(self.rows) * (BAR + GAP) + GAP
        width = LABEL_WIDTH + BAR_WIDTH + 60
        top = max((n for _, n in self.rows), default=0) or 1
        parts = [
            f'<svg class="mwb-chart" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" '
            f'aria-labelledby="{self.key}-titel {self.key}-uitleg" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{self.key}-titel">{escape(self.title)}</title>',
            f'<desc id="{self.key}-uitleg">{escape(self.description)}</desc>',
        ]
        for i, (label, n) in enumerate(self.rows):
            y = GAP + i * (BAR + GAP)
            length = round(BAR_WIDTH * n / top)
            parts += [
                f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR * 0.72:.1f}" text-anchor="end" '
                f'font-size="14" fill="#1f1f1f">{escape(label)}</text>',
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" '
                f'fill="{COLOUR}"/>',
                f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR * 0.72:.1f}" font-size="14" '
                f'fill="#1f1f1f">{n}</text>',
            ]
        parts.append("</svg>")
        return "".join(parts)


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
            f"Aantal van de {total} gepubliceerde cases per thema; een case kan meer "
            "thema's hebben.",
            themes,
        ),
        Chart(
            "doelgroepen",
            "Cases per doelgroep",
            f"Aantal van de {total} gepubliceerde cases per doelgroep.",
            groups,
        ),
        Chart(
            "fasen",
            "Pilots per fase",
            f"Aantal van de {len(catalog.pilots)} pilots per fase.",
            [(label, phase_counts.get(fase, 0)) for fase, label in labels.FASE.items()],
        ),
        Chart(
            "jaren",
            "Cases per jaar van laatste controle",
            "Aantal gepubliceerde cases per jaar waarin de inhoud het laatst is gecontroleerd.",
            [(str(year), years[year]) for year in sorted(years)],
        ),
    ]
