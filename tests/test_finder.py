"""The case finder in a real browser: words, facets with counts, and shareable URLs."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import Project, make_project, serve_folder


def served_page(site: Path, browser):  # type: ignore[no-untyped-def]
    """A browser page and the base URL of `site`, served over HTTP, for a module's tests."""
    with serve_folder(site) as base:
        page = browser.new_page()
        yield page, base
        page.close()


@pytest.fixture(scope="module")
def finder(seed_site: Project, browser):  # type: ignore[no-untyped-def]
    yield from served_page(seed_site.site, browser)


def open_finder(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("document.getElementById('mwb-status').textContent.includes('gevonden')")


def titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("#mwb-results h2").all_inner_texts()


def test_typing_a_keyword_shows_that_case(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    open_finder(page, base + "zoeken/")
    assert page.inner_text("#mwb-status") == "4 cases gevonden."
    page.fill("#mwb-finder-q", "laborijn")
    page.wait_for_function(
        "document.getElementById('mwb-status').textContent === '1 case gevonden.'"
    )
    assert titles(page) == ["Springplankwoning: in zes maanden van de opvang naar een eigen plek"]
    assert parse_qs(urlparse(page.url).query) == {"q": ["laborijn"]}


def test_dutch_stemming_finds_other_word_forms(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    open_finder(page, base + "zoeken/?q=uitbouwen")
    assert "Samen wonen dankzij een uitbouw aan een bestaande woning" in titles(page)


def test_selecting_a_target_group_shows_the_right_count(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    open_finder(page, base + "zoeken/")
    label = page.locator("label", has_text="Zittende huurders")
    assert label.inner_text() == "Zittende huurders (2)"
    label.click()
    page.wait_for_function(
        "document.getElementById('mwb-status').textContent === '2 cases gevonden.'"
    )
    assert sorted(titles(page)) == [
        "Per straat beslissen: de ene straat koos sloop, de volgende renovatie",
        "Samen wonen dankzij een uitbouw aan een bestaande woning",
    ]
    # counts follow the selection: among these two, one is about older tenants
    assert page.locator("label", has_text="Ouderen").inner_text() == "Ouderen (1)"
    assert parse_qs(urlparse(page.url).query) == {"doelgroep": ["Zittende huurders"]}


def test_a_shared_url_restores_words_and_filters(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    open_finder(page, base + "zoeken/?q=woning&thema=Wonen+en+zorg&soort=Pilot")
    assert page.input_value("#mwb-finder-q") == "woning"
    assert page.is_checked("input[name=thema][value='Wonen en zorg']")
    assert page.is_checked("input[name=soort][value='Pilot']")
    assert sorted(titles(page)) == [
        "Springplankwoning: in zes maanden van de opvang naar een eigen plek",
        "Volledige pilot met alle velden",
    ]
    results = page.locator("#mwb-results li").first.inner_text()
    assert (
        "Woningcorporatie in Doetinchem · Doetinchem · Pilot" in results
        or "Woonstichting Voorbeeld" in results
    )


def test_every_facet_of_the_issue_is_offered(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    open_finder(page, base + "zoeken/")
    facets = page.locator(".mwb-facet summary").all_inner_texts()
    assert facets == [
        "Thema",
        "Doelgroep",
        "Soort",
        "Fase van de pilot",
        "Organisatie",
        "Gemeente",
        "Regio",
        "Partner",
        "Jaar laatst gecontroleerd",
        "Onderbouwing",
        "Betaald uit",
        "Afgeweken van (wet of beleid)",
        "Overgenomen",
        "Actualiteit",
    ]
    page.locator("summary", has_text="Partner").click()
    assert page.locator("label", has_text="Iriszorg").inner_text() == "Iriszorg (1)"


def open_facet(page, title: str):  # type: ignore[no-untyped-def]
    facet = page.locator("details.mwb-facet", has=page.locator("summary", has_text=title))
    facet.locator("summary").click()
    return facet


def counts(facet) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A facet's values as shown: `{"Wmo": "(2)"}`."""
    shown = {}
    for label in facet.locator(".mwb-facet-value:not([hidden]) label").all_inner_texts():
        value, _, count = label.rpartition(" ")
        shown[value] = count
    return shown


def test_how_well_it_works_and_who_pays_filter_with_counts(finder) -> None:  # type: ignore[no-untyped-def]
    """The level of evidence and the funding streams are facets with their totals; choosing
    a funding stream narrows the results, and the other facets count what is left."""
    page, base = finder
    open_finder(page, base + "zoeken/")
    level = open_facet(page, "Onderbouwing")
    assert counts(level) == {"Praktijkervaring": "(3)", "Extern geëvalueerd": "(1)"}
    paid = open_facet(page, "Betaald uit")
    assert counts(paid) == {
        "Woningwet (corporatie)": "(3)",
        "Wmo": "(2)",
        "Gemeentelijke middelen": "(1)",
        "Participatiewet": "(1)",
        "Zorgverzekeringswet": "(1)",
    }
    paid.locator("label", has_text="Wmo").click()
    page.wait_for_function(
        "document.getElementById('mwb-status').textContent === '2 cases gevonden.'"
    )
    assert sorted(titles(page)) == [
        "Samen wonen dankzij een uitbouw aan een bestaande woning",
        "Springplankwoning: in zes maanden van de opvang naar een eigen plek",
    ]
    page.wait_for_function(
        "[...document.querySelectorAll('label')].some(l => l.textContent === 'Praktijkervaring (2)')"
    )
    assert parse_qs(urlparse(page.url).query) == {"geldstroom": ["Wmo"]}
    # a shared address with a level of evidence and a legal source
    open_finder(page, base + "zoeken/?onderbouwing=Extern+ge%C3%ABvalueerd")
    assert titles(page) == ["Volledige pilot met alle velden"]
    open_finder(page, base + "zoeken/?grondslag=Wet+maatschappelijke+ondersteuning+2015")
    assert len(titles(page)) == 2
    open_finder(page, base + "zoeken/?navolging=Overgenomen+door+anderen")
    assert titles(page) == ["Springplankwoning: in zes maanden van de opvang naar een eigen plek"]


def test_header_search_opens_the_finder(finder) -> None:  # type: ignore[no-untyped-def]
    page, base = finder
    page.goto(base + "over/")
    page.fill("#mwb-header-q", "laborijn")
    page.press("#mwb-header-q", "Enter")
    page.wait_for_function(
        "document.getElementById('mwb-status')?.textContent.includes('gevonden')"
    )
    assert titles(page) == ["Springplankwoning: in zes maanden van de opvang naar een eigen plek"]


def test_a_page_loads_no_sitemap(finder) -> None:  # type: ignore[no-untyped-def]
    """Material downloads and parses the sitemap of every `link[rel=alternate]` it finds
    (for language versions). The feed link must not set that off but on the home page: at
    5,000 cases the sitemap is 850 KB, parsed on the main thread."""
    page, base = finder
    requested: list[str] = []

    def note(request) -> None:  # type: ignore[no-untyped-def]
        requested.append(request.url)

    page.on("request", note)
    open_finder(page, base + "zoeken/?q=laborijn")
    page.goto(base + "over/", wait_until="networkidle")
    page.remove_listener("request", note)
    assert any(url.endswith("pagefind.js") for url in requested)  # the listener saw the load
    assert [url for url in requested if "sitemap" in url] == []


def test_only_case_pages_are_indexed(seed_site: Project) -> None:
    entry = json.loads(seed_site.html("pagefind/pagefind-entry.json"))
    assert entry["languages"]["nl"]["page_count"] == 4


@pytest.mark.build
def test_the_index_input_is_gone_after_the_build(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind's input (one document per case) lives in a temporary folder that the
    index's process removes: nothing of it is left behind, in the temp folder or in
    shared memory."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    shm = set(Path("/dev/shm").iterdir()) if Path("/dev/shm").is_dir() else set()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    entry = json.loads(project.html("pagefind/pagefind-entry.json"))
    assert entry["languages"]["nl"]["page_count"] == 3
    # (the compiled templates stay in their cache folder there, on purpose: render.py)
    assert [p for p in temporary.iterdir() if not p.name.startswith("_jinja2-cache")] == []
    if Path("/dev/shm").is_dir():
        # Another test's build (the suite runs in two processes) may hold a folder there
        # right now; it removes its own when done. One this build left stays for good.
        deadline = time.monotonic() + 60
        while True:
            left = {p for p in Path("/dev/shm").iterdir() if "maatwerkbank" in p.name} - shm
            if not left or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert left == set()


@pytest.fixture(scope="module")
def many_partners(tmp_path_factory: pytest.TempPathFactory, browser):  # type: ignore[no-untyped-def]
    """The seeds, one of them with fifteen extra partners: more values than a facet shows."""
    project = make_project(tmp_path_factory.mktemp("partners") / "project")
    case = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    extra = "".join(
        f"  - naam: Partner {i:02d}\n    rol: Meedenken over de uitbouw\n" for i in range(1, 16)
    )
    case.write_text(
        case.read_text(encoding="utf-8").replace("partners:\n", "partners:\n" + extra, 1),
        encoding="utf-8",
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    yield from served_page(project.site, browser)


def test_a_long_facet_shows_its_first_values_and_the_rest_on_request(many_partners) -> None:  # type: ignore[no-untyped-def]
    page, base = many_partners
    open_finder(page, base + "zoeken/")
    partner = page.locator("details.mwb-facet", has=page.locator("summary", has_text="Partner"))
    partner.locator("summary").click()
    rows = partner.locator(".mwb-facet-value")
    assert rows.count() == 12
    values = len(json.loads(page.inner_text("#mwb-facet-totals"))["totals"]["partner"])
    assert values > 15
    more = partner.get_by_role("button", name=f"Toon alle {values}")
    more.click()
    assert rows.count() == values
    # the focus goes to the first value that was not shown, not lost with the button
    focused = page.evaluate("document.activeElement.value")
    assert focused == rows.nth(12).locator("input").get_attribute("value")
    # the rows made later carry their counts, and filter like the others
    late = partner.locator("label", has_text="Partner 15")
    assert late.inner_text() == "Partner 15 (1)"
    late.click()
    page.wait_for_function(
        "document.getElementById('mwb-status').textContent === '1 case gevonden.'"
    )
    assert titles(page) == ["Samen wonen dankzij een uitbouw aan een bestaande woning"]


DOCUMENT = (
    '<html lang="nl"><body data-pagefind-body><h1>Case {n}</h1>'
    "<p>Woning en begeleiding voor huurder {n}.</p></body></html>"
)


def _pagefind_children(pid: str = "self") -> list[int]:
    """The child processes of `pid` (this process by default) that run Pagefind."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            comm = Path(f"/proc/{child}/comm")
            if comm.exists() and "pagefind" in comm.read_text():
                children.append(int(child))
    return children


def _waited_for(condition, seconds: float = 30) -> bool:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_failing_or_missing_pagefind_fails_the_index_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Pagefind that fails (here: a binary that exits at once), or is missing, gives a
    Dutch error and no index."""
    from generator.finder.search_index import SearchIndexError, write_index

    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SearchIndexError, match="^Pagefind faalde: "):
        write_index({"cases/een/index.html": DOCUMENT.format(n=1)}, tmp_path / "pagefind")
    assert not (tmp_path / "pagefind").exists()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "ontbreekt"))
    with pytest.raises(SearchIndexError, match="^Pagefind faalde: "):
        write_index({"cases/een/index.html": DOCUMENT.format(n=1)}, tmp_path / "pagefind")


def test_a_cancelled_index_stops_pagefind_and_leaves_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that fails while the finder's index is made stops the index's process and
    Pagefind under it, and leaves no half-made index to land in the site folder later,
    nor its input in the temporary folder."""
    from generator.finder.search_index import BackgroundIndex

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))

    documents = {f"cases/{n}/index.html": DOCUMENT.format(n=n) for n in range(3000)}
    index = BackgroundIndex(tmp_path / "pagefind")
    index.add(documents)
    process = str(index._process.pid)
    assert _waited_for(lambda: _pagefind_children(process))
    pagefind = _pagefind_children(process)
    index.cancel()
    assert _waited_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in pagefind))
    assert not (tmp_path / "pagefind").exists()
    assert list(temporary.iterdir()) == []


def test_the_index_finds_what_the_documents_say(tmp_path: Path) -> None:
    """Each document is indexed at the URL its path gives (as Pagefind does for a folder),
    with its words: the index lists every page, and its fragments carry the URLs."""
    import gzip

    from generator.finder.search_index import write_index

    documents = {f"cases/case-{n}/index.html": DOCUMENT.format(n=n) for n in range(40)}
    assert write_index(documents, tmp_path / "pagefind") == 40
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 40
    fragments = [
        gzip.decompress(p.read_bytes()) for p in (tmp_path / "pagefind/fragment").iterdir()
    ]
    urls = sorted(json.loads(f[len(b"pagefind_dcd") :])["url"] for f in fragments)
    assert urls == sorted(f"/cases/case-{n}/" for n in range(40))
