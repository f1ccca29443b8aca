"""The published cases and the indexes between them, computed once per build.

Every listing, count and related-case link is read from here, so each is computed once and
in time linear in the number of cases (a build of thousands of cases must stay fast).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import Case
from generator.vocabulary import Vocabulary

RELATED_LIMIT = 5
# How many of the newest cases per shared theme or target group are candidates for
# "related": keeps related-case search linear in the number of cases.
RELATED_CANDIDATES = 40


@dataclass(frozen=True)
class Entry:
    """A published case with its place in the site."""

    slug: str
    case: Case

    @property
    def src(self) -> str:
        """Source path of the generated page, relative to the docs dir."""
        return f"cases/{self.slug}.md"


@dataclass
class Catalog:
    vocabulary: Vocabulary
    entries: list[Entry]
    by_slug: dict[str, Entry] = field(default_factory=dict)
    by_theme: dict[str, list[Entry]] = field(default_factory=dict)
    by_group: dict[str, list[Entry]] = field(default_factory=dict)

    @classmethod
    def build(cls, vocabulary: Vocabulary, cases: dict[str, Case]) -> Catalog:
        """Index published cases; entries are newest `bijgewerkt` first, then by slug."""
        entries = sorted(
            (Entry(slug, case) for slug, case in cases.items()),
            key=lambda e: (-e.case.bijgewerkt.toordinal(), e.slug),
        )
        by_theme: dict[str, list[Entry]] = defaultdict(list)
        by_group: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for theme in dict.fromkeys(entry.case.themas):
                by_theme[theme].append(entry)
            for group in dict.fromkeys(entry.case.doelgroepen):
                by_group[group].append(entry)
        return cls(
            vocabulary,
            entries,
            {e.slug: e for e in entries},
            {t: by_theme.get(t, []) for t in vocabulary.themas},
            {g: by_group.get(g, []) for g in vocabulary.doelgroepen},
        )

    @property
    def pilots(self) -> list[Entry]:
        return [e for e in self.entries if e.case.soort == "pilot"]

    def related(self, entry: Entry) -> list[Entry]:
        """Explicit `gerelateerd` first (published ones only), then the cases sharing the most
        themes and target groups."""
        chosen = [
            self.by_slug[s]
            for s in dict.fromkeys(entry.case.gerelateerd or [])
            if s in self.by_slug and s != entry.slug
        ]
        if len(chosen) >= RELATED_LIMIT:
            return chosen[:RELATED_LIMIT]
        scores: dict[str, int] = defaultdict(int)
        for weight, index, terms in (
            (2, self.by_theme, entry.case.themas),
            (1, self.by_group, entry.case.doelgroepen),
        ):
            for term in dict.fromkeys(terms):
                for other in index.get(term, [])[:RELATED_CANDIDATES]:
                    scores[other.slug] += weight
        taken = {entry.slug, *(e.slug for e in chosen)}
        ranked = sorted(
            (s for s in scores if s not in taken),
            key=lambda s: (-scores[s], -self.by_slug[s].case.bijgewerkt.toordinal(), s),
        )
        return chosen + [self.by_slug[s] for s in ranked[: RELATED_LIMIT - len(chosen)]]
