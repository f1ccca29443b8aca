"""The finder's search documents: one small HTML document per published case.

Each holds the case's text and the finder's facets (`data-pagefind-filter`) and result
fields (`data-pagefind-meta`), at the case's own URL; Pagefind (`finder`) indexes them with
Dutch stemming (`lang="nl"`). They are made before the pages, from the catalog, so the
index does not depend on any engine's theme. The text carries added words for compound
parts and synonyms (`search_words`).
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from generator.contract import labels
from generator.reading.author_text import visible_text
from generator.rendering.catalog import Catalog, Entry
from generator.rendering.facets import case_facets
from generator.rendering.render import TEMPLATES, bytecode_cache
from generator.rendering.search_words import Decompounder, SearchWords, synonym_groups


def text_only(markdown: str) -> str:
    """Authors' Markdown as the words a reader sees, for the index (one line)."""
    return " ".join(visible_text(markdown).split())


def search_document_renderer(catalog: Catalog) -> Callable[[Entry], str]:
    """The function that renders one published case's search document."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    groups = synonym_groups(catalog.vocabulary)
    words = SearchWords(Decompounder.dutch(), groups)
    env.filters["text_only"] = text_only
    env.filters["added"] = words.with_added
    template = env.get_template("search_document.html.j2")
    vocabulary = catalog.vocabulary

    def search_document(entry: Entry) -> str:
        case = entry.case
        facets = case_facets(entry, catalog)
        terms = [("themas", t) for t in case.themas] + [
            ("doelgroepen", g) for g in case.doelgroepen
        ]
        hidden = words.hidden(
            [
                *(vocabulary.terms(kind)[slug].label for kind, slug in terms),
                *(groups.terms[key] for key in terms if key in groups.terms),
                *facets["organisatie"],
                *facets["gemeente"],
                *facets["regio"],
                *facets["partner"],
            ]
        )
        return template.render(case=case, facets=facets, hidden=hidden, SOORT=labels.SOORT)

    return search_document
