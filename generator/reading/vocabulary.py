"""The shared vocabulary of themes and target groups.

Authors choose `themas` and `doelgroepen` from one file they can edit
(`cases/_vocabulaire.yaml`), so listings group cases on the same words. Each term has a
slug (used in case files and URLs), a readable Dutch label and a short description.

The same file holds the finder's synonyms, which the corporation extends: `synoniemen` per
term (words a reader may type for it) and a general `synoniemen` list of groups of words
that mean the same (`rendering.search_words` makes them find each other).

It also lists the funding streams (`geldstromen`) that `kosten[].betaald_uit` names; that
list is optional, so a vocabulary written before it keeps building.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from generator.contract.problems import Problem
from generator.reading import text_rules
from generator.reading.loading import RESERVED_SLUG_RE, SLUG_RE, Document, load

KINDS = ("themas", "doelgroepen")
"""The lists every vocabulary has (each has pages on the site)."""
OPTIONAL_KINDS = ("geldstromen",)
"""Lists a vocabulary may have: `geldstromen`, for `kosten[].betaald_uit`."""
SYNONYMS = "synoniemen"
# "het thema" but "de doelgroep": Dutch adjectives follow the article.
UNKNOWN = {
    "themas": "onbekend thema",
    "doelgroepen": "onbekende doelgroep",
    "geldstromen": "onbekende geldstroom",
}
WITHHELD = {"themas": "het thema", "doelgroepen": "de doelgroep", "geldstromen": "de geldstroom"}


class _TermModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    label: str = Field(min_length=1)
    omschrijving: str = Field(min_length=1)
    synoniemen: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Term:
    slug: str
    label: str
    description: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    themas: dict[str, Term]
    doelgroepen: dict[str, Term]
    synonyms: tuple[tuple[str, ...], ...] = ()
    """The general list: groups of words that mean the same, for the finder."""
    geldstromen: dict[str, Term] = field(default_factory=dict)
    """The funding streams `kosten[].betaald_uit` takes (optional in the file)."""
    withheld: set[tuple[str, str]] = field(default_factory=set)
    """Terms taken out for personal data in them (kind, slug): a case that uses one is told
    why, not that the term is unknown."""

    def terms(self, kind: str) -> dict[str, Term]:
        found: dict[str, Term] = getattr(self, kind)
        return found

    def check(self, kind: str, slug: str) -> None:
        """Raise a Dutch validation error naming the closest term when `slug` is unknown."""
        terms = self.terms(kind)
        if slug in terms:
            return
        if (kind, slug) in self.withheld:
            raise PydanticCustomError(
                "onbekende_term",
                "{term} wordt niet gebruikt: die term in cases/_vocabulaire.yaml bevat een "
                "mogelijk persoonsgegeven; haal het daar weg",
                {"term": f"{WITHHELD[kind]} '{slug}'"},
            )
        close = difflib.get_close_matches(slug, list(terms), n=1, cutoff=0.75)
        hint = (
            f"; bedoelde je '{close[0]}'?"
            if close
            else "; zie de woordenlijst cases/_vocabulaire.yaml"
        )
        raise PydanticCustomError(
            "onbekende_term",
            "{onbekend} '{term}'{hint}",
            {"onbekend": UNKNOWN[kind], "term": slug, "hint": hint},
        )


def load_vocabulary(path: Path, display: str) -> tuple[Vocabulary, list[Problem]]:
    """Read the vocabulary file; problems are reported like those in case files."""
    document, problems = load(path, display)
    themas: dict[str, Term] = {}
    doelgroepen: dict[str, Term] = {}
    geldstromen: dict[str, Term] = {}
    if document is None:
        return Vocabulary(themas, doelgroepen), problems
    data = document.data
    # Labels and descriptions are shown on every page: the same character rules as cases.
    problems.extend(text_rules.value_problems(document))
    for key in data:
        if key not in (*KINDS, *OPTIONAL_KINDS, SYNONYMS):
            problems.append(
                document.problem(
                    (key,),
                    f"onbekend onderdeel '{key}'; gebruik 'themas', 'doelgroepen', "
                    f"'geldstromen' en '{SYNONYMS}'",
                    key=True,
                )
            )
    lists = (themas, doelgroepen, geldstromen)
    for kind, target in zip((*KINDS, *OPTIONAL_KINDS), lists, strict=True):
        section = data.get(kind)
        if kind in OPTIONAL_KINDS and kind not in data:
            continue
        if not isinstance(section, dict) or not section:
            problems.append(
                document.problem((), f"de woordenlijst mist '{kind}' met minstens één term")
            )
            continue
        for slug, entry in section.items():
            if not SLUG_RE.fullmatch(slug):
                problems.append(
                    document.problem(
                        (kind, slug),
                        f"ongeldige term '{slug}': gebruik kleine letters, cijfers en '-'",
                        key=True,
                    )
                )
                continue
            if kind in KINDS and RESERVED_SLUG_RE.fullmatch(slug):
                # themas/index.md is the overview; themas/pagina-2.md would be its next page.
                problems.append(
                    document.problem(
                        (kind, slug),
                        f"term '{slug}' is gereserveerd voor de site zelf (de pagina "
                        f"{kind}/{slug}/ bestaat al); kies een andere naam",
                        key=True,
                    )
                )
                continue
            try:
                term = _TermModel.model_validate(entry)
            except ValidationError:
                problems.append(
                    document.problem(
                        (kind, slug),
                        f"term '{slug}' heeft een 'label' en een 'omschrijving' nodig, en "
                        f"eventueel '{SYNONYMS}': een lijst van woorden",
                        key=True,
                    )
                )
                continue
            target[slug] = Term(
                slug, term.label, term.omschrijving, tuple(s.strip() for s in term.synoniemen)
            )
    synonyms, synonym_problems = _synonym_groups(document, data.get(SYNONYMS))
    problems.extend(synonym_problems)
    return Vocabulary(themas, doelgroepen, synonyms, geldstromen), problems


def _synonym_groups(
    document: Document, section: object
) -> tuple[tuple[tuple[str, ...], ...], list[Problem]]:
    """The general synonym list: a list of groups, each a list of two or more words."""
    if section is None:
        return (), []
    groups: list[tuple[str, ...]] = []
    problems: list[Problem] = []
    if not isinstance(section, list):
        return (), [
            document.problem(
                (SYNONYMS,),
                f"'{SYNONYMS}' is een lijst van groepen woorden die hetzelfde betekenen, "
                "bijvoorbeeld: - [dakloos, thuisloos]",
            )
        ]
    for i, group in enumerate(section):
        words = (
            [w.strip() for w in group if isinstance(w, str) and w.strip()]
            if isinstance(group, list)
            else []
        )
        if not isinstance(group, list) or len(words) != len(group) or len(words) < 2:
            problems.append(
                document.problem(
                    (SYNONYMS, i),
                    f"groep {i + 1} van '{SYNONYMS}' moet een lijst van minstens twee woorden "
                    "zijn, bijvoorbeeld: [urgentie, voorrang]",
                )
            )
            continue
        groups.append(tuple(words))
    return tuple(groups), problems
