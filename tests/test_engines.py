"""The same site from both engines: MkDocs 1.6 with our plugin, and Zensical over the core's
written site input. Same pages, links that hold, the finder, axe-core, the CSP, the form."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import Project, make_project, serve_folder
from test_accessibility import axe_page, violations

from generator.cli.site_gate import lychee_run

pytestmark = pytest.mark.build  # this module builds sites or starts servers

ENGINES = ("mkdocs", "zensical")
# Files an engine adds for itself: its theme's assets, Zensical's (switched off, empty)
# search index, MkDocs' gzipped sitemap. Pagefind names its index files by content hash,
# and some of its index files differ from run to run (Pagefind#638): compared by the
# finder's results instead.
ENGINE_OWN = re.compile(r"^(assets/|search\.json$|sitemap\.xml\.gz$|pagefind/(?!pagefind\.js))")

# One page of each kind, as both engines build them (test_accessibility runs axe over every
# page of the MkDocs site).
PAGE_TYPES = {
    "home": "",
    "overview": "cases/",
    "case": "cases/uitbouw-samenwonen-doetinchem/",
    "pilot": "cases/springplankwoning-doetinchem/",
    "archived pilot": "cases/volledige-pilot/",
    "theme": "themas/wonen-en-zorg/",
    "target group": "doelgroepen/zittende-huurders/",
    "tips": "tips/",
    "organisation": "organisaties/woningcorporatie-in-doetinchem/",
    "partner": "partners/iriszorg/",
    "rules": "regelruimte/",
    "statistics": "statistieken/",
    "author guide": "een-case-toevoegen/",
    "statement": "toegankelijkheid/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Project]:
    """The seed cases plus the full-contract fixture, built once by each engine."""
    built = {}
    for engine in ENGINES:
        project = make_project(tmp_path_factory.mktemp(engine) / "project").add_fixtures("cases")
        result = project.build_with(engine)
        assert result.returncode == 0, result.stdout + result.stderr
        built[engine] = project
    return built


def files(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and not ENGINE_OWN.match(p.relative_to(site).as_posix())
    }


def test_both_engines_make_the_same_files(sites: dict[str, Project]) -> None:
    mkdocs, zensical = (files(sites[e].site) for e in ENGINES)
    assert "cases/volledige-pilot/index.html" in mkdocs
    assert "pagefind/pagefind.js" in mkdocs
    assert "beheer/decap-cms.js" in mkdocs and "_headers" in mkdocs
    assert sorted(mkdocs ^ zensical) == []


def page_facts(html: str) -> tuple[str, list[str], list[str]]:
    """What a reader gets of a page whatever the theme does: its title, the ids in its
    content, and its table of contents (the links of the secondary nav)."""
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    content = html.split('data-md-component="content"', 1)[-1]
    toc = re.search(r'<nav class="md-nav md-nav--secondary"(.*?)</nav>', html, re.S)
    return (
        html_module.unescape(title[1].strip()) if title else "",
        re.findall(r'<h[1-6] id="([^"]+)"', content),
        re.findall(r'href="(#[^"]+)"', toc[1]) if toc else [],
    )


def test_every_page_has_the_same_title_headings_and_table_of_contents(
    sites: dict[str, Project],
) -> None:
    pages = sorted(f for f in files(sites["mkdocs"].site) if f.endswith(".html"))
    pages = [p for p in pages if not p.startswith("beheer/")]
    assert len(pages) > 40
    for page in pages:
        mkdocs, zensical = (page_facts(sites[e].html(page)) for e in ENGINES)
        assert zensical == mkdocs, page
    # the case page's table of contents is there, not only equal
    title, ids, toc = page_facts(sites["zensical"].html("cases/volledige-pilot/index.html"))
    assert "#aanleiding" in toc and "aanleiding" in ids and "Maatwerkbank" in title


def test_the_core_page_body_reaches_zensical_whole(sites: dict[str, Project]) -> None:
    """No second Markdown pass: an author's text with Markdown-like characters and the
    core's inline markup come out as on the MkDocs site (links aside, which each engine
    writes in its own way)."""
    for page in ("cases/volledige-pilot/index.html", "statistieken/index.html"):
        mkdocs, zensical = (
            re.sub(
                r'href="[^"]*"', "", sites[e].html(page).split("<h1", 1)[1].split("</article>")[0]
            )
            for e in ENGINES
        )
        assert zensical.strip() == mkdocs.strip(), page


def nav_targets(html: str, page_url: str) -> list[str]:
    """The pages the primary navigation links to, as site paths."""
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-sidebar', 1)[0]
    links = re.findall(r'<a href="([^"#]+)"[^>]*class="md-nav__link', nav)
    return sorted({urljoin(page_url, href) for href in links})


def test_the_navigation_is_expanded_by_both_engines(sites: dict[str, Project]) -> None:
    """One nav entry per theme and target group under their section, on either engine."""
    url = "http://site/themas/"
    mkdocs, zensical = (nav_targets(sites[e].html("themas/index.html"), url) for e in ENGINES)
    assert "http://site/themas/wonen-en-zorg/" in mkdocs
    assert zensical == mkdocs


@pytest.mark.parametrize("engine", ENGINES)
def test_lychee_finds_no_broken_internal_link_or_anchor(
    sites: dict[str, Project], engine: str
) -> None:
    site = sites[engine].site
    result = lychee_run(site)
    assert result is not None
    assert result.returncode == 0, result.stdout + result.stderr
    total = re.search(r"(\d+) Total", result.stdout + result.stderr)
    assert total and int(total.group(1)) > 100, result.stdout


@pytest.fixture(scope="module", params=ENGINES)
def served(request: pytest.FixtureRequest, sites: dict[str, Project]):  # type: ignore[no-untyped-def]
    with serve_folder(sites[request.param].site) as base:
        yield request.param, base


def test_the_finder_finds_a_fixture_case_by_word_and_by_stem(served, browser) -> None:  # type: ignore[no-untyped-def]
    _, base = served
    page = browser.new_page()
    for query, title in (
        ("laborijn", "Springplankwoning: in zes maanden van de opvang naar een eigen plek"),
        ("uitbouwen", "Samen wonen dankzij een uitbouw aan een bestaande woning"),
    ):
        page.goto(base + f"zoeken/?q={query}", wait_until="networkidle")
        page.wait_for_function(
            "document.getElementById('mwb-status').textContent.includes('gevonden')"
        )
        assert title in page.locator("#mwb-results h2").all_inner_texts(), query
    page.close()


def test_no_axe_violations_on_any_page_type_of_zensical(sites: dict[str, Project], browser) -> None:  # type: ignore[no-untyped-def]
    """Zensical's theme writes its own markup, so each kind of page is checked here. The
    MkDocs engine's pages are checked by tests/test_accessibility.py, every page of the
    same fixtures in every navigation state."""
    page = axe_page(browser)
    found = {}
    with serve_folder(sites["zensical"].site) as base:
        for name, path in PAGE_TYPES.items():
            page.goto(base + path, wait_until="load")
            found[name] = violations(page)
    page.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_every_page_runs_under_its_own_policy(served, browser) -> None:  # type: ignore[no-untyped-def]
    """The policy is computed from each engine's built HTML: every page has it first in
    <head>, no inline script runs without its hash, and Chromium, enforcing it, reports no
    violation on the pages and the finder (and does report an injected script)."""
    engine, base = served
    violations_seen: list[str] = []
    page = browser.browser.new_page()  # a context that enforces the policy
    page.on(
        "console",
        lambda m: violations_seen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    for path in ("", "cases/springplankwoning-doetinchem/", "statistieken/", "404.html", "over/"):
        response = page.goto(base + path, wait_until="networkidle")
        assert response is not None
        head = response.text().split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy"'), (engine, path)
        policy = head.split('content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    page.goto(base + "zoeken/?q=laborijn", wait_until="networkidle")
    page.locator("#mwb-results li").first.wait_for()
    assert page.locator("#mwb-results li").count() == 1
    assert violations_seen == [], (engine, violations_seen)
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.mwbInjected = 1'; document.body.append(s); }""")
    assert page.evaluate("window.mwbInjected === 1") is False
    page.close()
    assert len(violations_seen) == 1 and "inline script" in violations_seen[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_web_form_and_hosting_files_are_in_the_site(
    sites: dict[str, Project], engine: str
) -> None:
    project = sites[engine]
    config = project.html("beheer/config.yml")
    assert "name: github" in config and "label: Casussen" in config
    assert "Content-Security-Policy" not in project.html("beheer/index.html")
    assert "X-Frame-Options: DENY" in project.html("_headers")
    assert re.search(r"^Sitemap: https://\S+/sitemap\.xml$", project.html("robots.txt"), re.M)
    assert project.html("robots.txt") == sites["mkdocs"].html("robots.txt")


def test_zensical_site_input_never_touches_content(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = sorted(p.relative_to(project.root).as_posix() for p in project.root.rglob("*"))
    result = project.cli("generate", "--out", str(tmp_path / "in"))
    assert result.returncode == 0, result.stderr
    after = sorted(p.relative_to(project.root).as_posix() for p in project.root.rglob("*"))
    assert after == before
    docs = tmp_path / "in" / "docs"
    # hand-written pages with their snippets filled in, generated pages, and no search
    # document among the pages
    assert "<!-- maatwerkbank:velden -->" not in (docs / "een-case-toevoegen.md").read_text()
    assert (docs / "cases/springplankwoning-doetinchem.md").is_file()
    assert (tmp_path / "in/zoekdocumenten/cases/springplankwoning-doetinchem/index.html").is_file()
    assert not (docs / "cases/springplankwoning-doetinchem/index.html").exists()


def test_properdocs_builds_the_same_site_with_the_plugin_as_it_is(
    sites: dict[str, Project], tmp_path: Path
) -> None:
    """ProperDocs (the maintained MkDocs 1.x) loads our plugin unchanged: every page is the
    MkDocs page byte for byte, but for the generator tag that names it."""
    project = make_project(tmp_path / "project").add_fixtures("cases")
    result = project.build_with("properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "maatwerkbank: 4 cases gepubliceerd" in result.stderr
    mkdocs = sites["mkdocs"]
    assert files(project.site) == files(mkdocs.site)
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    pages = sorted(f for f in files(mkdocs.site) if f.endswith(".html"))
    for page in pages:
        ours = generator.sub("", project.html(page))
        assert ours == generator.sub("", mkdocs.html(page)), page
    assert 'content="mkdocs-ProperDocs 1.6.7' in project.html("index.html")


def test_zensical_build_stops_on_a_case_problem_with_the_dutch_message(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    path = project.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("samenvatting:", "samenvating:"), encoding="utf-8")
    result = project.build_with("zensical")
    assert result.returncode == 1
    assert (
        "cases/springplankwoning-doetinchem.yaml:4:1: onbekend veld 'samenvating'; "
        "bedoelde je 'samenvatting'?" in result.stderr
    )
    assert (
        "build gestopt: 3 bestanden gecontroleerd, 1 met problemen (1 probleem)." in result.stderr
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert not project.site.exists()
    # publishing what is valid (the main branch's runs): the site without that case
    valid = project.cli(
        "site", "--engine", "zensical", "--site-dir", str(project.site), "--mode", "geldig"
    )
    assert valid.returncode == 0, valid.stderr
    assert (
        "niet gepubliceerd wegens problemen: cases/springplankwoning-doetinchem.yaml. De site "
        "is gebouwd uit de 2 geldige, gepubliceerde cases" in valid.stderr
    )
    assert (project.site / "cases/uitbouw-samenwonen-doetinchem/index.html").is_file()
    assert not (project.site / "cases/springplankwoning-doetinchem").exists()


def test_zensical_build_refuses_a_hand_written_page_in_a_generated_place(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project.root / "content" / "tips").mkdir()
    (project.root / "content" / "tips" / "index.md").write_text("# Tips\n", encoding="utf-8")
    result = project.build_with("zensical")
    assert result.returncode == 1
    assert "'tips/index.md' bestaat al in de docs-map" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_zensical_build_refuses_a_page_that_is_not_utf8_in_dutch(tmp_path: Path) -> None:
    """A page in another encoding, and a file name that is not UTF-8: Zensical left the
    site empty for the second and said it was built (found by a fresh tester)."""
    project = make_project(tmp_path / "project")
    (project.root / "content" / "oud.md").write_bytes("# Oud\n\nCafé\n".encode("latin-1"))
    (project.root / "content" / "caf\udce9.md").write_text(
        "# Kop\n", encoding="utf-8", errors="surrogateescape"
    )
    (project.root / "overrides" / "oud.html").write_bytes("<p>Café</p>\n".encode("latin-1"))
    result = project.build_with("zensical")
    assert result.returncode == 1
    assert "content/oud.md:3:4: bestand is geen UTF-8" in result.stderr
    assert "overrides/oud.html:1:7: bestand is geen UTF-8" in result.stderr
    assert "content/caf\\udce9.md:1:1: de naam van dit bestand of deze map is geen UTF-8" in (
        result.stderr
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_a_case_held_back_leaves_no_trace_in_a_rebuilt_zensical_site(tmp_path: Path) -> None:
    """Zensical keeps a cache between builds (build/zensical/.cache): a case that goes back
    to concept must still vanish from every byte of the next site."""
    project = make_project(tmp_path / "project")
    assert project.build_with("zensical").returncode == 0
    assert "dankzij een uitbouw" in project.html("cases/uitbouw-samenwonen-doetinchem/index.html")
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: concept"))
    result = project.build_with("zensical")
    assert result.returncode == 0, result.stderr
    leaks = [
        p.relative_to(project.site).as_posix()
        for p in project.site.rglob("*")
        if p.is_file() and b"dankzij een uitbouw" in p.read_bytes()
    ]
    assert leaks == []
    assert "niet gepubliceerd: cases/uitbouw-samenwonen-doetinchem.yaml: status is concept" in (
        result.stderr
    )
