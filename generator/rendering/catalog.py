"""The published cases and the indexes between them, computed once per build.

Every listing, count and related-case link is read from here, so each is computed once and
in time linear in the number of cases (a build of thousands of cases must stay fast).
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from generator.contract.model import Case, Grondslag
from generator.reading.freshness import Freshness
from generator.reading.loading import RESERVED_SLUG_RE
from generator.reading.vocabulary import Vocabulary

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


# Apostrophes and quotes typed by word processors and phones, as the plain ones; hyphens
# and dashes as spaces ('Wijk-bij-Duurstede' is 'Wijk bij Duurstede', as the finder's
# search reads a query).
_FOLDED = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'}
    | dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2212", " ")
)


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """One key for the spellings of one name: 'Iriszorg', 'IrisZorg ' and 'iriszorg', but
    also composed and decomposed accents, the 'ĳ' ligature and 'ij', '’t' and ''t', and
    a hyphen and a space ('GGD Zuid-Limburg', 'GGD Zuid Limburg') (NFKC folds
    compatibility forms: ligatures, no-break spaces, full-width letters).
    Cached: a build asks for the key of the same few hundred names some 90,000 times at
    5,000 cases (facets, indexes, deviations)."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_FOLDED).split()).casefold()


def display_name(name: str) -> str:
    """A name as shown: composed (NFC), with single spaces; the author's own characters."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def slugify(name: str) -> str:
    """A URL-safe slug for an organisation or partner name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))[:80] or "naamloos"


@dataclass(frozen=True)
class Named:
    """An organisation or partner: its display name, slug and the cases it appears in."""

    name: str
    slug: str
    entries: list[Entry]
    roles: dict[str, list[str]]  # case slug -> roles (partners only)


@dataclass(frozen=True)
class Deviation:
    rule: str
    explanation: str
    entry: Entry
    source: Grondslag | None = None


@dataclass(frozen=True)
class Source:
    """A law, regulation or policy that cases set aside (`afwijkingen[].grondslag`): its
    name in the spelling most deviations use, its address, and each deviation from it."""

    name: str
    url: str | None
    deviations: list[Deviation]

    @property
    def entries(self) -> list[Entry]:
        """The cases that set it aside, each once, in the order of the deviations."""
        return list({d.entry.slug: d.entry for d in self.deviations}.values())


@dataclass
class Catalog:
    vocabulary: Vocabulary
    entries: list[Entry]
    by_slug: dict[str, Entry] = field(default_factory=dict)
    by_theme: dict[str, list[Entry]] = field(default_factory=dict)
    by_group: dict[str, list[Entry]] = field(default_factory=dict)
    freshness: Freshness | None = None
    """The build date and the site's `verouderd_na_maanden`; None: no case is out of date."""

    @classmethod
    def build(
        cls, vocabulary: Vocabulary, cases: dict[str, Case], freshness: Freshness | None = None
    ) -> Catalog:
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
            freshness,
        )

    def prepare(self) -> None:
        """Build the lazy indexes now. Work split over processes uses them all; computed after
        the split, every process would build its own."""
        _ = self._organisation_index, self._partner_index, self._position
        _ = self._municipality_index, self._region_index
        _ = self._candidates
        _ = self.adopters, self._source_index

    @cached_property
    def organisations(self) -> list[Named]:
        return _group_names((e.case.organisatie, e, None) for e in self.entries)

    @cached_property
    def partners(self) -> list[Named]:
        return _group_names((p.naam, e, p.rol) for e in self.entries for p in e.case.partners or [])

    @cached_property
    def municipalities(self) -> list[Named]:
        return _group_names((e.case.gemeente, e, None) for e in self.entries)

    @cached_property
    def regions(self) -> list[Named]:
        return _group_names((e.case.regio, e, None) for e in self.entries if e.case.regio)

    def municipality_of(self, entry: Entry) -> Named:
        return self._municipality_index[name_key(entry.case.gemeente)]

    def region_of(self, entry: Entry) -> Named | None:
        regio = entry.case.regio
        return self._region_index[name_key(regio)] if regio else None

    @cached_property
    def _municipality_index(self) -> dict[str, Named]:
        return {name_key(n.name): n for n in self.municipalities}

    @cached_property
    def _region_index(self) -> dict[str, Named]:
        return {name_key(n.name): n for n in self.regions}

    def organisation_of(self, entry: Entry) -> Named:
        return self._organisation_index[name_key(entry.case.organisatie)]

    def partner_named(self, name: str) -> Named:
        return self._partner_index[name_key(name)]

    @cached_property
    def _organisation_index(self) -> dict[str, Named]:
        return {name_key(n.name): n for n in self.organisations}

    @cached_property
    def _partner_index(self) -> dict[str, Named]:
        return {name_key(n.name): n for n in self.partners}

    @cached_property
    def deviations(self) -> list[tuple[str, list[Deviation]]]:
        """Every rule deviation, grouped by the rule (same words, any case or spacing); a
        case that names the same deviation (and source) twice is listed once."""
        groups: dict[str, list[Deviation]] = defaultdict(list)
        seen: set[tuple[str, str, str, str]] = set()
        for entry in self.entries:
            for a in entry.case.afwijkingen or []:
                source = name_key(a.grondslag.naam) if a.grondslag else ""
                key = (name_key(a.regel), entry.slug, name_key(a.toelichting), source)
                if key not in seen:
                    seen.add(key)
                    groups[key[0]].append(Deviation(a.regel, a.toelichting, entry, a.grondslag))
        return sorted(
            ((items[0].rule, items) for items in groups.values()),
            key=lambda group: (-len(group[1]), name_key(group[0])),
        )

    # --- knowledge that travels: sources set aside, adoptions, freshness ---------------------

    @cached_property
    def sources(self) -> list[Source]:
        """The deviations that name their legal or policy source, grouped by it (same name,
        any case or spacing), the source set aside most often first."""
        groups: dict[str, list[Deviation]] = defaultdict(list)
        for _, items in self.deviations:
            for deviation in items:
                if deviation.source is not None:
                    groups[name_key(deviation.source.naam)].append(deviation)
        found = []
        for items in groups.values():
            names = Counter(display_name(d.source.naam) for d in items if d.source)
            urls = Counter(d.source.url for d in items if d.source and d.source.url)
            found.append(
                Source(
                    names.most_common(1)[0][0],
                    urls.most_common(1)[0][0] if urls else None,
                    sorted(items, key=lambda d: self._position[d.entry.slug]),
                )
            )
        return sorted(found, key=lambda s: (-len(s.deviations), name_key(s.name)))

    @cached_property
    def unsourced(self) -> list[tuple[str, list[Deviation]]]:
        """The deviations that name no source, grouped by rule as in `deviations`."""
        groups = [(rule, [d for d in items if d.source is None]) for rule, items in self.deviations]
        return [(rule, items) for rule, items in groups if items]

    def source_of(self, grondslag: Grondslag) -> Source:
        return self._source_index[name_key(grondslag.naam)]

    @cached_property
    def _source_index(self) -> dict[str, Source]:
        return {name_key(s.name): s for s in self.sources}

    @cached_property
    def adopters(self) -> dict[str, list[Entry]]:
        """Per published case, the published cases that say they adopted it, each once."""
        found: dict[str, dict[str, Entry]] = defaultdict(dict)
        for entry in self.entries:
            for item in entry.case.overgenomen_van or []:
                if item.case in self.by_slug and item.case != entry.slug:
                    found[item.case][entry.slug] = entry
        return {slug: list(entries.values()) for slug, entries in found.items()}

    @property
    def adoptions(self) -> int:
        """How often a published case says it adopted an approach (here or elsewhere)."""
        return sum(len(e.case.overgenomen_van or []) for e in self.entries)

    def is_stale(self, entry: Entry) -> bool:
        """Whether a case's last check lies longer ago than the site's setting."""
        return self.freshness is not None and self.freshness.is_stale(entry.case.bijgewerkt)

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
        by_theme, by_group = self._candidates
        for weight, candidates, terms in (
            (2, by_theme, entry.case.themas),
            (1, by_group, entry.case.doelgroepen),
        ):
            for term in dict.fromkeys(terms):
                for slug in candidates.get(term, ()):
                    scores[slug] += weight
        taken = {entry.slug, *(e.slug for e in chosen)}
        # Most shared terms first, then newest (entries are in that order: their position).
        position = self._position
        ranked = heapq.nsmallest(
            RELATED_LIMIT - len(chosen),
            [(-score, position[s], s) for s, score in scores.items() if s not in taken],
        )
        return chosen + [self.by_slug[s] for _, _, s in ranked]

    def is_candidate(self, slug: str) -> bool:
        """Whether a case can be among another case's related cases without being named by
        it: it is among the newest of one of its themes or target groups."""
        case = self.by_slug[slug].case
        by_theme, by_group = self._candidates
        return any(slug in by_theme.get(t, ()) for t in case.themas) or any(
            slug in by_group.get(g, ()) for g in case.doelgroepen
        )

    @cached_property
    def _candidates(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The newest cases of each theme and of each target group, by slug: where related
        cases are looked for."""

        def newest(index: dict[str, list[Entry]]) -> dict[str, list[str]]:
            return {term: [e.slug for e in es[:RELATED_CANDIDATES]] for term, es in index.items()}

        return newest(self.by_theme), newest(self.by_group)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {e.slug: i for i, e in enumerate(self.entries)}


def _group_names(items: Iterable[tuple[str, Entry, str | None]]) -> list[Named]:
    """Group cases by normalised name; show the most used spelling; unique slugs, never one
    the site has for itself (`index` is the overview, `pagina-N` its continuation)."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    entries: dict[str, dict[str, Entry]] = defaultdict(dict)
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, entry, role in items:
        key = name_key(name)
        spellings[key][display_name(name)] += 1
        entries[key][entry.slug] = entry
        if role:
            roles[key][entry.slug].append(role)
    named = []
    used: set[str] = set()
    for key in sorted(spellings):
        # the most used spelling; on a tie, the one in the most recently updated case
        display = max(spellings[key].items(), key=lambda kv: kv[1])[0]
        slug = base = slugify(display)
        n = 2
        while slug in used or RESERVED_SLUG_RE.fullmatch(slug):
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        named.append(Named(display, slug, list(entries[key].values()), dict(roles[key])))
    return named
