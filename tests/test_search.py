"""Dutch search that meets the reader: compound parts, synonyms, hyphens, story excerpts.

The measure is the query set `tests/fixtures/search/_zoekopdrachten.yaml`: what civil servants
type, each query with the cases it must find, over the 30 cases of
`tests/fixtures/search/` and the three seed cases, run through the finder (Pagefind) in
Chromium. The decompounder has two corpora: compounds it must split, and ordinary words
(and place names) it must leave whole.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import FIXTURES, ROOT, SEED, Project, make_project, serve_folder

from generator.reading.vocabulary import load_vocabulary
from generator.rendering.search_words import (
    ADDED,
    Decompounder,
    SearchWords,
    SynonymGroups,
    normal_form,
    synonym_groups,
)

QUERIES = yaml.safe_load((FIXTURES / "search" / "_zoekopdrachten.yaml").read_text(encoding="utf-8"))
FINDER_WORDS = ROOT / "content/javascripts/finder-words.js"

# --- the decompounder: what it must split, and what it must leave whole ------------------

COMPOUNDS = {
    "huurschuld": ("huur", "schuld"),
    "huurcontract": ("huur", "contract"),
    "eengezinswoning": ("een", "gezins", "woning"),
    "huurachterstand": ("huur", "achterstand"),
    "betalingsachterstand": ("betalings", "achterstand"),
    "woningcorporatie": ("woning", "corporatie"),
    "zorgaanbieder": ("zorg", "aanbieder"),
    "jeugdzorg": ("jeugd", "zorg"),
    "wijkteam": ("wijk", "team"),
    "schuldhulpverlening": ("schuld", "hulpverlening"),
    "energiearmoede": ("energie", "armoede"),
    "woonbegeleiding": ("woon", "begeleiding"),
    "buurtkamer": ("buurt", "kamer"),
    "statushouders": ("status", "houders"),
    "jongerenhuisvesting": ("jongeren", "huisvesting"),
    "urgentieverklaring": ("urgentie", "verklaring"),
    "voorrangsregeling": ("voorrangs", "regeling"),
    "uitstroomvoorziening": ("uitstroom", "voorziening"),
    "doorstroomwoning": ("doorstroom", "woning"),
    "tussenvoorziening": ("tussen", "voorziening"),
    "seniorenwoning": ("senioren", "woning"),
    "inkomenstoets": ("inkomens", "toets"),
    "nachtopvang": ("nacht", "opvang"),
    "budgetcoaching": ("budget", "coaching"),
    "Huurverhoging": ("huur", "verhoging"),  # at the start of a sentence
}
# Ordinary words of case stories, which are no compounds or are words of their own: split,
# they would make a query for their end find them ("leiding" finding every "aanleiding").
WHOLE = [
    "aanleiding",
    "ondersteuning",
    "verhuurder",
    "gemeente",
    "begeleiding",
    "bewoners",
    "afspraken",
    "organisatie",
    "samenwerking",
    "uitstroom",
    "doorstroom",
    "voorrang",
    "woningen",
    "gemeentelijke",
    "waarschijnlijk",
    "mogelijkheden",
    "verschillende",
    "huurders",
    "onderzoek",
    "overleggen",
    "belangrijk",
    "instelling",
    "problemen",
    "oplossing",
    "bijvoorbeeld",
    "verantwoordelijk",
    "tegelijk",
    "iedereen",
    "inschrijfduur",
    "uitkering",
    "voorwaarden",
    "medewerkers",
    "corporatie",
    "ervaring",
    "eigenaar",
    "leefbaarheid",
    "toewijzing",
    "huishoudens",
    "sociale",
    "maatschappelijke",
    "burgemeester",
    "wethouder",
    "ambtenaren",
    "opknappen",
    "eenvoudig",
    "tijdelijk",
    "zelfstandig",
    "voldoende",
    "uiteindelijk",
    "daarnaast",
    "bovendien",
    "ondertussen",
    "beschermd",
    "begeleider",
    "vrijwilligers",
    "Doetinchem",
    "Zwolle",
    "Apeldoorn",
    "Amersfoort",
    "Hengelo",
    "Enschede",
    "Nijmegen",
    "Groningen",
    "Leeuwarden",
    "Vlaardingen",
    "Schiedam",
    "Roosendaal",
    "Hardenberg",
    "Heerenveen",
    "Emmen",
    "Almelo",
    "Deventer",
    "Zaandam",
    "Purmerend",
    "Lelystad",
    "Veenendaal",
]


@pytest.fixture(scope="module")
def decompounder() -> Decompounder:
    return Decompounder.dutch()


def test_compounds_split_into_common_words(decompounder: Decompounder) -> None:
    wrong = {
        w: decompounder.parts(w) for w, parts in COMPOUNDS.items() if decompounder.parts(w) != parts
    }
    assert wrong == {}


def test_ordinary_words_and_places_stay_whole(decompounder: Decompounder) -> None:
    split = {w: decompounder.parts(w) for w in WHOLE if len(decompounder.parts(w)) > 1}
    assert split == {}


def test_every_tail_of_a_compound_is_added_after_it(decompounder: Decompounder) -> None:
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    words = SearchWords(decompounder, synonym_groups(vocabulary))
    text = words.with_added("Een eengezinswoning, zonder huurschuld.")
    assert text.startswith(f"Een eengezinswoning, {ADDED}gezinswoning {ADDED}woning {ADDED}een")
    assert f"huurschuld. {ADDED}schuld" in text
    # the story's words are all there, in order, once the added ones are left out
    assert [w for w in text.split() if not w.startswith(ADDED)] == [
        "Een",
        "eengezinswoning,",
        "zonder",
        "huurschuld.",
    ]


# --- synonyms --------------------------------------------------------------------------


def test_inflections_have_one_normal_form() -> None:
    for forms in (
        ("dakloos", "daklozen", "dakloze"),
        ("thuisloos", "thuislozen"),
        ("uitstroom", "uitstromen"),
        ("urgentie", "urgenties"),
        ("jongeren", "jongere"),
        ("huur", "huren"),
        ("statushouder", "statushouders"),
    ):
        assert len({normal_form(f) for f in forms}) == 1, forms
    # parents are not the elderly
    assert normal_form("ouders") != normal_form("ouderen")


def test_the_finder_script_reads_words_as_python_does() -> None:
    """finder-words.js is the browser's copy of `normal_form`: the same words, the same
    forms (run by Node, as the browser runs the module)."""
    words = sorted(
        {
            w
            for text in (FIXTURES / "search").glob("*.yaml")
            for w in text.read_text("utf-8").split()
        }
        | {"ouders", "ouder", "ouderen", "Financiële", "GGZ", "brieven", "huizen", "loos", "oo"}
    )
    script = (
        f"import {{ normalForm }} from {json.dumps(FINDER_WORDS.as_uri())};\n"
        "const words = JSON.parse(process.argv[1]);\n"
        "console.log(JSON.stringify(words.map(normalForm)));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(words)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    javascript = dict(zip(words, json.loads(result.stdout), strict=True))
    python = {w: normal_form(w) for w in words}
    assert len(words) > 500
    assert {w: (python[w], javascript[w]) for w in words if python[w] != javascript[w]} == {}


def node(expression: str) -> object:
    script = (
        f"import * as words from {json.dumps(FINDER_WORDS.as_uri())};\n"
        f"console.log(JSON.stringify({expression}));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_a_query_phrase_becomes_its_group_word_and_hyphens_spaces() -> None:
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    groups = synonym_groups(vocabulary)
    homeless = groups.words[("daklos",)]
    table = json.dumps(groups.for_finder())
    for query, expected in (
        ("dak- en thuislozen", homeless),
        ("Dak-en thuislozen", homeless),
        ("thuisloze", homeless),
        ("daklozen jongeren", f"{homeless} {groups.words[('jonger',)]}"),
        ("Nieuw-Vennep", "Nieuw Vennep"),
        ("'s-Hertogenbosch", "'s Hertogenbosch"),
        ("huurschuld", groups.words[("huurschuld",)]),
        ("Housing First", groups.words[("eerst", "een", "thuis")]),
    ):
        assert node(f"words.searchQuery({json.dumps(query)}, {table})") == expected, query


def test_phrases_in_two_lists_make_one_group() -> None:
    groups = SynonymGroups.of([["dakloos", "thuisloos"]], {("doelgroepen", "x"): ["Daklozen"]})
    assert (
        groups.words[("daklos",)]
        == groups.words[("thuislos",)]
        == groups.terms[("doelgroepen", "x")]
    )


def test_excerpts_leave_added_words_out_and_mark_the_story_word() -> None:
    excerpt = f"een <mark>huurschuld</mark> <mark>{ADDED}schuld</mark> en een eengezinswoning {ADDED}gezinswoning <mark>{ADDED}woning</mark> enz."
    assert node(f"words.storyExcerpt({json.dumps(excerpt)})") == (
        "een <mark>huurschuld</mark> en een <mark>eengezinswoning</mark> enz."
    )
    # a hidden word at the start (a label, a name) marks nothing
    assert (
        node(f"words.storyExcerpt({json.dumps(f'<mark>{ADDED}zorg</mark> Een samenvatting')})")
        == "Een samenvatting"
    )


def test_a_bad_synonym_list_gets_a_dutch_message(tmp_path: Path) -> None:
    path = tmp_path / "_vocabulaire.yaml"
    text = (SEED / "_vocabulaire.yaml").read_text(encoding="utf-8")
    path.write_text(text + "  - [alleen]\n  - tekst\n", encoding="utf-8")
    _, problems = load_vocabulary(path, "cases/_vocabulaire.yaml")
    messages = [p.message for p in problems]
    count = len(yaml.safe_load(text)["synoniemen"])
    assert messages == [
        f"groep {count + 1} van 'synoniemen' moet een lijst van minstens twee woorden zijn, "
        "bijvoorbeeld: [urgentie, voorrang]",
        f"groep {count + 2} van 'synoniemen' moet een lijst van minstens twee woorden zijn, "
        "bijvoorbeeld: [urgentie, voorrang]",
    ]
    assert all(p.path == "cases/_vocabulaire.yaml" and p.line > 1 for p in problems)


# --- the query set, through the finder in Chromium ---------------------------------------


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("search") / "project").add_fixtures("search")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def finder(search_site: Project, browser):  # type: ignore[no-untyped-def]
    with serve_folder(search_site.site) as base:
        page = browser.new_page()
        yield page, base
        page.close()


SETTLED = """() => document.getElementById('mwb-results').getAttribute('aria-busy') === 'false'
    && [...document.querySelectorAll('.mwb-count')].some(c => c.textContent)"""


def found(page, base: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every case the finder lists for `query`, by slug (all pages of results)."""
    # The finder lists the results at once and fills in the filters' counts once they are
    # loaded. The list is whole when it is no longer busy and the counts are shown (no
    # need to wait for the network to rest as well: half a second a query).
    page.goto(f"{base}zoeken/?q={quote(query)}", wait_until="load")
    page.wait_for_function(SETTLED)
    return all_results(page)


def typed(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every case the finder lists for `query` typed into its box on the open finder and
    sent with Enter (the search starts, and the list turns busy, before `press` returns)."""
    page.fill("#mwb-finder-q", query)
    page.press("#mwb-finder-q", "Enter")
    page.wait_for_function(SETTLED)
    return all_results(page)


def all_results(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The slugs of the results listed, after every page of them is shown."""
    while page.locator("#mwb-more").is_visible():
        shown = page.locator("#mwb-results li").count()
        page.click("#mwb-more")
        page.wait_for_function(
            f"document.querySelectorAll('#mwb-results li').length > {shown}"
            " || document.getElementById('mwb-more').hidden"
        )
    hrefs = page.locator("#mwb-results h2 a").evaluate_all("as => as.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


@pytest.mark.build
def test_the_fixture_site_has_thirty_cases(search_site: Project) -> None:
    entry = json.loads(search_site.html("pagefind/pagefind-entry.json"))
    assert entry["languages"]["nl"]["page_count"] >= 30
    assert len(QUERIES) >= 40


def test_every_query_finds_every_case_it_should(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    missed: dict[str, list[str]] = {}
    wrong: dict[str, list[str]] = {}
    expected = 0
    others: dict[str, list[str]] = {}
    for i, item in enumerate(QUERIES):
        # The first from the address, as a shared link opens it; then typed, as a reader
        # goes on (both paths run the same search).
        results = typed(page, item["zoek"]) if i else found(page, base, item["zoek"])
        if gone := [slug for slug in item["vindt"] if slug not in results]:
            missed[item["zoek"]] = gone
        if bad := [slug for slug in item.get("niet", []) if slug in results]:
            wrong[item["zoek"]] = bad
        expected += len(item["vindt"])
        if more := sorted(set(results) - set(item["vindt"])):
            others[item["zoek"]] = more
    # The figures for docs/search.md (run with -s to see them).
    print(
        f"\nzoekset: {len(QUERIES)} zoekopdrachten, {expected} verwachte cases, "
        f"{expected - sum(map(len, missed.values()))} gevonden; andere resultaten: "
        f"{sum(map(len, others.values()))} {others}"
    )
    assert missed == {}
    assert wrong == {}


def test_the_counts_arrive_without_replacing_the_list(search_site: Project, browser) -> None:  # type: ignore[no-untyped-def]
    """The filters' counts come after the first results; filling them in must not search
    the list again. Replaced, the list stood empty for a moment under a status that still
    counted it: a reader lost their place, and a test reading the list then found none."""
    with serve_folder(search_site.site) as base:
        page = browser.new_page()
        page.add_init_script(
            """new MutationObserver((records) => {
                for (const r of records)
                    if (r.target.id === 'mwb-results'
                            && r.target.getAttribute('aria-busy') === 'true')
                        window.mwbBusy = (window.mwbBusy || 0) + 1;
            }).observe(document, {attributes: true, attributeFilter: ['aria-busy'],
                                  subtree: true});"""
        )
        try:
            listed = found(page, base, "woning")  # waits for the counts
            assert page.evaluate("window.mwbBusy") == 1
            counts = page.locator(".mwb-count").evaluate_all("cs => cs.map(c => c.textContent)")
            assert listed and counts and "" not in counts
        finally:
            page.close()


def test_enter_searches_once_and_leaves_the_list_alone(finder) -> None:  # type: ignore[no-untyped-def]
    """Typing schedules a search a quarter second on; Enter searches at once. The scheduled
    one must not run after it: it replaced the list again while it was being read (a
    reader's place, and a test's count, lost)."""
    page, base = finder
    found(page, base, "woning")
    typed(page, "huurschuld")
    page.evaluate(
        """() => {
            window.mwbBusy = 0;
            new MutationObserver(() => {
                if (document.getElementById('mwb-results').getAttribute('aria-busy') === 'true')
                    window.mwbBusy += 1;
            }).observe(document.getElementById('mwb-results'), {attributes: true});
        }"""
    )
    page.wait_for_timeout(600)  # past the scheduled search's quarter second
    assert page.evaluate("window.mwbBusy") == 0


def test_excerpts_are_sentences_of_the_story(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    for query in ("zorg", "dak- en thuislozen", "schuld"):
        found(page, base, query)
        excerpts = page.locator("#mwb-results .mwb-excerpt").all_inner_texts()
        assert excerpts, query
        for text in excerpts:
            assert ADDED not in text, (query, text)
            assert "zoekgroep" not in text, (query, text)
        # a tag list would repeat the facet labels; a sentence has a verb and ends in a stop
        assert all(len(t.split()) >= 8 for t in excerpts), (query, excerpts)
    # the story word that was found is highlighted, not an added word
    found(page, base, "schuld")
    marks = {m.lower() for m in page.locator("#mwb-results mark").all_inner_texts()}
    assert marks and all("schuld" in m for m in marks), marks


def test_hyphen_and_space_find_the_same_cases(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    for a, b in (
        ("Nieuw-Vennep", "Nieuw Vennep"),
        ("Sint-Michielsgestel", "Sint Michielsgestel"),
        ("Alphen-aan-den-Rijn", "Alphen aan den Rijn"),
    ):
        assert sorted(found(page, base, a)) == sorted(found(page, base, b)), (a, b)
