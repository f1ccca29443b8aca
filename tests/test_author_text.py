"""Authors' Markdown: rendered as CommonMark, never live markup, checked before it builds.

The hostile corpus (`tests/fixtures/hostile/`, one case per kind: fence tricks, every
`javascript:` link form, reference images, entities, raw HTML, long runs of markers) and
the injection case (`tests/fixtures/injection/`: an attempt in every field) are built and
opened in Chromium; the rendering rules are tested on what authors write; the
characters no reader can see, and nesting and dead links, get Dutch `check` messages.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import FIXTURES, Project, make_project, serve_folder, without_the_seeds

from generator.reading import author_text

HOSTILE_KINDS = ("entities", "fences", "html", "images", "links", "runs")


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def hostile(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Project:
    """Built by each engine (`maatwerkbank site --engine`): Zensical runs its own Markdown
    over the page files and takes titles from their front matter."""
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project", cases=FIXTURES / "hostile").add_fixtures("injection")
    result = project.build_with(request.param)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_hostile_author_text_stays_inert_in_chromium(hostile: Project, browser) -> None:  # type: ignore[no-untyped-def]
    """Every kind: no dialog, no request to another host, no element with an event handler,
    no script, frame, style or remote image the site did not write, no link that is not
    http(s), mailto or on this site."""
    dialogs: list[str] = []
    foreign: list[str] = []
    with serve_folder(hostile.site) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on(
            "request",
            lambda r: foreign.append(r.url) if urlparse(r.url).hostname != "127.0.0.1" else None,
        )
        texts: dict[str, str] = {}
        for kind in (*HOSTILE_KINDS, "injectie"):
            slug = "injectie-poging" if kind == "injectie" else f"vijandig-{kind}"
            page.goto(f"{base}cases/{slug}/", wait_until="networkidle")
            # What a pointer over every link fires, at once (a hover per link cost a second
            # a page): a handler that survived would run here and show below.
            page.evaluate(
                """() => document.querySelectorAll('article.md-content__inner a[href]')
                    .forEach(link => ['pointerover', 'mouseover', 'mouseenter', 'mousemove',
                        'focus'].forEach(type => link.dispatchEvent(new MouseEvent(type,
                        {bubbles: type !== 'mouseenter'}))))"""
            )
            found = page.evaluate(
                """() => {
                    const a = document.querySelector('article.md-content__inner');
                    // the site's own JSON-LD block is data, never run; any other is bad
                    const data = [...a.querySelectorAll('script[type="application/ld+json"]')];
                    const bad = [...a.querySelectorAll(
                        'script, iframe, object, embed, style, link, svg, form, meta, base, '
                        + 'video, picture, source, img')].filter(e => !data.includes(e))
                        .map(e => e.tagName);
                    data.forEach(s => JSON.parse(s.textContent));
                    const handlers = [...a.querySelectorAll('*')].filter(
                        el => [...el.attributes].some(at => at.name.startsWith('on')));
                    const links = [...a.querySelectorAll('a[href]')].map(l => l.href);
                    const scripts = [...document.querySelectorAll('script')].filter(
                        s => a.contains(s) && !data.includes(s)).length;
                    return {bad, handlers: handlers.map(e => e.tagName), links, scripts,
                            data: data.length,
                            text: a.innerText};
                }"""
            )
            assert found["bad"] == [], kind
            assert found["handlers"] == [], kind
            assert found["scripts"] == 0, kind
            assert found["data"] == 1, kind  # the case's JSON-LD, parsed above
            for href in found["links"]:
                url = urlparse(href)
                assert url.scheme in ("http", "https", "mailto"), (kind, href)
                assert url.scheme != "http" or url.hostname == "127.0.0.1" or "evil" not in href
            assert "alert(" in found["text"] or kind == "runs", kind  # shown as text
            texts[kind] = found["text"]
            # nothing outside the article either: the title in <head> and the header
            live = (  # JSON-LD holds the title as data, with no `<` that could end it
                "[...document.scripts].filter(s => s.textContent.includes('alert(')"
                " && (s.type !== 'application/ld+json' || s.textContent.includes('<'))).length"
            )
            assert page.evaluate(live) == 0, kind
            if kind == "injectie":
                assert '<script>alert("titel")</script> Injectie' in page.title()
        page.close()
    assert dialogs == []
    assert foreign == []
    for visible in (  # every field of the injection case shows its attempt as text
        '<script>alert("titel")</script> Injectie',
        "<script>alert(2)</script>",
        '<div onclick="alert(6)">klik hier</div>',
        "<script>alert(10)</script> Regel",
        "<b onmouseover=alert(23)>les</b>",
        "<script>alert(24)</script> tip",
    ):
        assert visible in texts["injectie"], visible
    assert "vette" in texts["injectie"] and "een echte link" in texts["injectie"]


def test_no_author_script_gets_a_hash_in_the_page_policy(hostile: Project) -> None:
    """The page's CSP allows the theme's inline scripts by hash; author text adds none."""
    plain = hostile.html("cases/injectie-poging/index.html")
    for kind in HOSTILE_KINDS:
        html = hostile.html(f"cases/vijandig-{kind}/index.html")
        policy = html[html.index("Content-Security-Policy") :].split(">", 1)[0]
        reference = plain[plain.index("Content-Security-Policy") :].split(">", 1)[0]
        assert policy == reference, kind


def test_refused_links_become_their_text_and_images_become_links() -> None:
    html = author_text.render(
        "[klik](javascript:alert(1)) [ok](https://www.example.org/) ![pixel](https://x.example/p.png)"
        " ![eigen](media/foto.jpg) ![stiekem](data:image/png;base64,AAAA)",
        author_text.Context(media={"media/foto.jpg": "../../media/foto.jpg"}),
    )
    assert html == (
        '<p>klik <a href="https://www.example.org/">ok</a> '
        '<a href="https://x.example/p.png">pixel</a> '
        '<img src="../../media/foto.jpg" alt="eigen" loading="lazy" /> stiekem</p>\n'
    )


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.example.org/", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("mailto:info@example.org", True),
        ("../andere-case/", True),
        ("#aanpak", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("vbscript:msgbox(1)", False),
        ("data:text/html,x", False),
        ("file:///etc/passwd", False),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
    ],
)
def test_link_schemes_after_what_browsers_strip(url: str, allowed: bool) -> None:
    assert author_text.link_allowed(url) is allowed


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        # a list straight after a paragraph line
        ("Stappen:\n- een\n- twee", "<p>Stappen:</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n"),
        # nested by two spaces
        (
            "- een\n  - half\n- twee",
            "<ul>\n<li>een\n<ul>\n<li>half</li>\n</ul>\n</li>\n<li>twee</li>\n</ul>\n",
        ),
        # numbered steps continue after a paragraph
        (
            "1. een\n2. twee\n\nTussendoor.\n\n3. drie",
            '<ol>\n<li>een</li>\n<li>twee</li>\n</ol>\n<p>Tussendoor.</p>\n<ol start="3">\n'
            "<li>drie</li>\n</ol>\n",
        ),
        # the web form's Shift+Enter
        ("regel een\\\nregel twee", "<p>regel een<br />\nregel twee</p>\n"),
        # raw HTML is text
        ("<b>vet</b>", "<p>&lt;b&gt;vet&lt;/b&gt;</p>\n"),
    ],
)
def test_commonmark_as_authors_write_it(markdown: str, html: str) -> None:
    assert author_text.render(markdown) == html


def test_author_headings_sit_under_their_section_with_their_own_ids() -> None:
    html = author_text.render(
        "Kop\n===\n\n# Tips voor gemeenten\n\n## Dieper\n\n# Tips voor gemeenten",
        author_text.Context(heading_level=3, id_prefix="aanleiding"),
    )
    assert "<h1" not in html and "<h2" not in html
    assert '<h3 id="aanleiding--kop">' in html
    assert '<h3 id="aanleiding--tips-voor-gemeenten">' in html
    assert '<h4 id="aanleiding--dieper">' in html
    assert '<h3 id="aanleiding--tips-voor-gemeenten-2">' in html


@pytest.mark.build
def test_case_page_keeps_one_h1_and_its_own_section_ids(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", cases=FIXTURES / "cases")
    pilot = project.cases / "volledige-pilot.yaml"
    text = pilot.read_text(encoding="utf-8").replace(
        "aanleiding: |\n", "aanleiding: |\n  Kop\n  ===\n\n  # Tips voor gemeenten\n\n", 1
    )
    # The seed it names is not in this project.
    text = without_the_seeds(text)
    pilot.write_text(text, encoding="utf-8")
    assert project.build("--strict").returncode == 0
    html = project.html("cases/volledige-pilot/index.html")
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("<h1") == 1
    assert article.count('id="tips-voor-gemeenten"') == 1
    assert '<h2 id="tips-voor-gemeenten">Tips voor gemeenten' in article
    assert 'id="aanleiding--tips-voor-gemeenten"' in article


def test_visible_text_is_what_a_reader_sees() -> None:
    text = author_text.visible_text(
        "Mail jan&#64;voorbeeld.nl of bel 06\\-12345678 of 06-**12345678**, "
        "[hier](mailto:a@voorbeeld.nl).\n\n```\ncode 1234\n```"
    )
    assert "jan@voorbeeld.nl" in text
    assert text.count("06-12345678") == 2
    assert "hier (mailto:a@voorbeeld.nl)" in text
    assert "code 1234" in text


CASE = """soort: casus
titel: {titel}
samenvatting: Een samenvatting die lang genoeg is voor de regels.
organisatie: Woonstichting Proef
gemeente: {gemeente}
themas: [samenwerking]
doelgroepen: [ouderen]
status: gepubliceerd
bijgewerkt: 2025-01-10
aanleiding: {aanleiding}
aanpak: Gewone tekst.
lessen: [Een les.]
tips_voor_gemeenten: [Een tip.]
"""


def _check(project: Project, **fields: str) -> tuple[int, str]:
    values = {"titel": "Een gewone titel", "gemeente": "Proefstad", "aanleiding": "Tekst."}
    values.update(fields)
    project.write_case("proef-case.yaml", CASE.format(**values))
    result = project.cli("check", "cases/proef-case.yaml")
    return result.returncode, (result.stdout + result.stderr).strip()


@pytest.fixture
def bare(tmp_path: Path) -> Project:
    (tmp_path / "empty").mkdir()
    return make_project(tmp_path / "project", cases=tmp_path / "empty")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"aanleiding": '"Tekst met\\feen pagina-einde."'},
            "cases/proef-case.yaml:10:13: 'aanleiding': teken U+000C (pagina-einde) hoort "
            "niet in tekst; verwijder het",
        ),
        (
            {"titel": '"Titel met \\u202Eomgekeerd"'},
            "cases/proef-case.yaml:2:8: 'titel': teken U+202E (rechts-naar-links-override) "
            "hoort niet in tekst; verwijder het",
        ),
        (
            {"titel": '"\\u3164\\u3164\\u3164\\u3164\\u3164\\u2800\\u034f"'},
            "cases/proef-case.yaml:2:8: 'titel': bevat alleen onzichtbare tekens; vul een "
            "waarde in of verwijder het veld",
        ),
        (
            {"gemeente": '"\\u2063\\u2063\\u2063\\u2063\\u2063"'},
            "cases/proef-case.yaml:5:11: 'gemeente': bevat alleen onzichtbare tekens; vul een "
            "waarde in of verwijder het veld",
        ),
        (
            {"aanleiding": '"' + "  " * 0 + "\\n".join("  " * i + "- x" for i in range(12)) + '"'},
            "cases/proef-case.yaml:10:13: 'aanleiding': de tekst is te diep genest (lijsten of "
            "citaten in elkaar); maak de opbouw platter",
        ),
        (
            {"aanleiding": '"' + "*" * 2000 + "woord" + "*" * 2000 + '"'},
            "cases/proef-case.yaml:10:13: 'aanleiding': de tekst is te diep genest (lijsten of "
            "citaten in elkaar); maak de opbouw platter",
        ),
        (
            {"aanleiding": '"Zie [de andere](andere-case.md) case."'},
            "cases/proef-case.yaml:10:13: 'aanleiding': link 'andere-case.md' wijst niet naar "
            "een pagina van deze site: gebruik een volledig webadres (https://...) of "
            "../<case>/ voor een andere case",
        ),
        (
            {"aanleiding": '"Zie ![plaatje](../../../../etc/passwd)."'},
            "cases/proef-case.yaml:10:13: 'aanleiding': afbeelding '../../../../etc/passwd' "
            "staat niet bij de afbeeldingen van deze case: zet hem in cases/media/ en noem hem "
            "onder 'afbeeldingen' (met alt-tekst)",
        ),
    ],
)
def test_text_rules_speak_dutch_with_field_and_position(
    bare: Project, fields: dict[str, str], message: str
) -> None:
    code, output = _check(bare, **fields)
    assert code == 1
    assert output.splitlines()[0] == message


def test_a_link_to_another_case_is_fine(bare: Project) -> None:
    bare.write_case("andere-case.yaml", CASE.format(titel="Andere", gemeente="X", aanleiding="x"))
    code, output = _check(bare, aanleiding='"Zie [de andere](../andere-case/#aanpak)."')
    assert code == 0, output


def test_a_control_character_typed_into_the_file_is_named_at_its_place(bare: Project) -> None:
    bare.write_case(
        "proef-case.yaml",
        CASE.format(titel="Een gewone titel", gemeente="Proef\x0cstad", aanleiding="Tekst."),
    )
    result = bare.cli("check", "cases/proef-case.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cases/proef-case.yaml:5:16: 'gemeente': teken U+000C (pagina-einde) hoort niet in een "
        "case-bestand: het is onzichtbaar en kan de site breken; verwijder het"
    )


def test_no_break_spaces_as_indentation_get_their_own_message(bare: Project) -> None:
    text = CASE.format(
        titel="Een gewone titel", gemeente="Proefstad", aanleiding="|\n\u00a0 Tekst."
    )
    bare.write_case("proef-case.yaml", text)
    result = bare.cli("check", "cases/proef-case.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cases/proef-case.yaml:11:1: niet-gewone spatie U+00A0 gebruikt om in te springen "
        "(vaak mee gekopieerd uit Word of een webpagina): vervang hem door gewone spaties"
    )


@pytest.mark.build
def test_feed_and_exports_stay_valid_with_unusual_characters(bare: Project) -> None:
    bare.write_case(
        "proef-case.yaml",
        CASE.format(
            titel='"Titel & <tekens> \\"quotes\\" é ĳ 😀"',
            gemeente="Proefstad",
            aanleiding='"Tekst ]]> &amp; <![CDATA[ x"',
        ),
    )
    result = bare.build("--strict")
    assert result.returncode == 0, result.stderr
    feed = ET.parse(bare.site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert 'Titel & <tekens> "quotes" é ĳ 😀' in titles


@pytest.mark.build
def test_page_addresses_follow_use_directory_urls(tmp_path: Path) -> None:
    """With `use_directory_urls: false` every generated link points at an `.html` file that
    the build wrote (the addresses come from one module, from the site's setting)."""
    import re

    project = make_project(tmp_path / "project", cases=FIXTURES / "hostile")
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "use_directory_urls: true", "use_directory_urls: false"
        ),
        encoding="utf-8",
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert (project.site / "cases/vijandig-links.html").is_file()
    listing = project.html("cases/index.html")
    assert 'href="vijandig-links.html"' in listing
    records = json.loads(project.html("cases.json"))["cases"]
    assert all(r["url"].endswith(".html") for r in records)
    broken = []
    for page in project.site.rglob("*.html"):
        article = page.read_text(encoding="utf-8")
        if "<article" not in article:
            continue
        article = article[article.index("<article") : article.index("</article>")]
        for href in re.findall(r'href="([^"#:]+)"', article):
            # a root-relative link (the 404 page's, served at any depth) starts at the site
            target = project.site / href.lstrip("/") if href.startswith("/") else page.parent / href
            if not target.resolve().exists():
                broken.append((page.relative_to(project.site).as_posix(), href))
    assert broken == []


def test_a_link_to_a_case_that_is_not_published_is_text_with_a_warning(bare: Project) -> None:
    """Found by breaking it: `../geheim/` to a concept case passed check and named that case
    on the published page, in cases.json and the finder. Then it was a problem, which kept
    the linking case (and, on the nightly run, every other change) off the site the day the
    target's consent ended. Now the link is text, with a warning, and nothing stops."""
    bare.write_case(
        "geheim-plan.yaml",
        CASE.format(titel="Geheim plan", gemeente="X", aanleiding="x").replace(
            "status: gepubliceerd", "status: concept"
        ),
    )
    _check(bare, aanleiding='"Zie [het plan](../geheim-plan/)."')
    result = bare.cli("check")  # every file: whether the target is published is known
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "cases/proef-case.yaml:10:13: waarschuwing: 'aanleiding': link naar case "
        "'geheim-plan' wordt als gewone tekst getoond, want die case wordt op 2026-01-15 "
        "niet gepubliceerd: status is concept",
        "2 bestanden gecontroleerd, geen problemen gevonden.",
    ]
    github = bare.cli("check", "--format", "github")
    assert github.stdout.splitlines()[0].startswith(
        "::warning file=cases/proef-case.yaml,line=10,col=13,title=Maatwerkbank::'aanleiding': "
        "link naar case 'geheim-plan' wordt als gewone tekst getoond"
    )
    # one file alone: whether the target is published is not known, so nothing is said
    alone = bare.cli("check", "cases/proef-case.yaml")
    assert alone.stdout.strip() == "1 bestand gecontroleerd, geen problemen gevonden."
    # and the renderer, on its own, keeps such a link's text only
    html = author_text.render(
        "[plan](../geheim-plan/) [ander](../proef-case/#aanpak)",
        author_text.Context(cases=frozenset({"proef-case"})),
    )
    assert html == '<p>plan <a href="../proef-case/#aanpak">ander</a></p>\n'


def test_a_link_that_cannot_become_text_is_reported_at_its_line_and_field(bare: Project) -> None:
    """The one shape left that the text conversion cannot prove (a paragraph of nothing but
    a blank link to a case that is not published): the linking case is left out, and the
    message names the field and the link's own line, not the block's first."""
    bare.write_case(
        "geheim-plan.yaml",
        CASE.format(titel="Geheim plan", gemeente="X", aanleiding="x").replace(
            "status: gepubliceerd", "status: concept"
        ),
    )
    _check(bare, aanleiding="|\n  Eerste regel.\n\n  [ ](../geheim-plan/)")
    result = bare.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cases/proef-case.yaml:13:3: 'aanleiding': link naar een case die op deze datum niet "
        "gepubliceerd wordt, en die niet als gewone tekst getoond kan worden; haal de link weg"
    )


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Zie [het plan](../geheim/).", "Zie het plan.\n"),
        ("[a](../geheim/#x) en [b](../open/)", "a en [b](../open/)\n"),
        ("<../geheim/> [c](<../geheim/>)", "\\<../geheim/> c\n"),
        ("[ref][g]\n\n[g]: ../geheim/ 'titel'", "ref\n"),
        ("[**vet** en `code`](../geheim/)", "**vet** en `code`\n"),
        ("- een\n  - [twee](../geheim/)\n\n> [drie](../geheim/)", "- een\n  - twee\n\n> drie\n"),
        ("[![beeld](media/x.png)](../geheim/)", "![beeld](media/x.png)\n"),
        ("<script>x</script> [d](../geheim/) \\*niet schuin\\*", None),
    ],
)
def test_links_to_a_hidden_case_become_their_text_and_nothing_else_changes(
    markdown: str, expected: str | None
) -> None:
    """The published text of a case that links to a hidden one: the links are gone, and
    the text renders as the original did without them (proven inside, checked here)."""
    written = author_text.without_case_links(markdown, frozenset({"geheim"}))
    assert written is not None
    if expected is not None:
        assert written == expected
    assert [url for _, url, _ in author_text.links(written) if "geheim" in url] == []
    assert author_text.render(written) == author_text.render(
        markdown, author_text.Context(cases=frozenset({"open"}))
    )


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[a  ](../geheim/)\nvolgende regel", "a\nvolgende regel\n"),
        ("[    code](../geheim/)", "code\n"),
        ("x [\ta\t](../geheim/)\ny", "x  a\ny\n"),
        ("a  \n[  b  ](../geheim/)  \nc", "a\\\nb\\\nc\n"),
        ("- [   item](../geheim/)", "- item\n"),
        ("> [    citaat](../geheim/)", "> citaat\n"),
        ("[**vet**  ](../geheim/)\nverder", "**vet**\nverder\n"),
        ("[a ](../geheim/)tekst", "a tekst\n"),
        # a link of nothing but white space and a line break (found by a fresh tester)
        ("Zie [\n](../geheim/) hier.", "Zie  hier.\n"),
        ("Zie [\t\n\t](../geheim/) hier.", "Zie  hier.\n"),
        ("[  ](../geheim/)\nhier", "hier\n"),
        ("a\n[\n](../geheim/)\nb", "a\nb\n"),
    ],
)
def test_white_space_at_a_hidden_links_edges_does_not_withdraw_the_linking_case(
    markdown: str, expected: str
) -> None:
    """Found by breaking it (issue 24, F5): as bare text, the spaces inside a link's
    brackets made a hard line break or a code block, the proof failed, and the case that
    linked was withdrawn with its target. At a line's edge they go, elsewhere one stays;
    the reader sees the same words."""
    written = author_text.without_case_links(markdown, frozenset({"geheim"}))
    assert written == expected
    assert [url for _, url, _ in author_text.links(written) if "geheim" in url] == []

    def words(html: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())

    shown = author_text.render(markdown, author_text.Context(cases=frozenset({"open"})))
    assert words(author_text.render(written)) == words(shown)


def test_many_equal_headings_cost_linear_time() -> None:
    """Found by breaking it: 16,000 `#` lines took minutes (every id tried -2, -3, ...)."""
    html = author_text.render("\n".join(["# x"] * 4000))
    assert html.count("<h3 ") == 4000
    assert 'id="tekst--x-4000"' in html and 'id="tekst--x-4001"' not in html


@pytest.mark.build
def test_vocabulary_labels_are_text_in_the_navigation(tmp_path: Path) -> None:
    """Found by breaking it: a label with a script ran in the nav, its hash in the CSP."""
    project = make_project(tmp_path / "project", cases=FIXTURES / "hostile")
    vocabulary = project.cases / "_vocabulaire.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    label = text.split("label: ", 1)[1].split("\n", 1)[0]
    vocabulary.write_text(
        text.replace(f"label: {label}", "label: \"<script>alert('label')</script>Label\"", 1),
        encoding="utf-8",
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    for page in project.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert('label')" not in html, page
    assert "&lt;script&gt;alert(" in project.html("themas/index.html") + project.html(
        "doelgroepen/index.html"
    )


def test_scripts_where_text_lands_get_no_hash_in_the_policy() -> None:
    from generator.rendering import hosting

    page = (
        "<head><script>theme()</script></head><body><nav><script>nav()</script></nav>"
        "<article><script>author()</script></article><script>after()</script></body>"
    )
    assert hosting.inline_script_hashes(page) == hosting.inline_script_hashes(
        "<script>theme()</script><script>after()</script>"
    )
    assert len(hosting.inline_script_hashes(page)) == 2


def test_a_link_problem_in_a_block_of_text_is_reported_at_its_own_line(bare: Project) -> None:
    code, output = _check(
        bare, aanleiding="|\n  Eerste regel.\n\n  Tweede alinea,\n  zie [dit](andere.md)."
    )
    assert code == 1
    assert output.splitlines()[0].startswith(
        "cases/proef-case.yaml:14:3: 'aanleiding': link 'andere.md' wijst niet naar"
    )


def test_the_finder_highlights_words_in_an_injected_excerpt_as_text(
    hostile: Project, browser
) -> None:  # type: ignore[no-untyped-def]
    """The excerpt Pagefind returns holds the case's text with `<mark>` around the words
    found; the finder builds the highlight from it node by node, so markup in the text stays
    text."""
    dialogs: list[str] = []
    with serve_folder(hostile.site) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "zoeken/?q=klik", wait_until="networkidle")
        page.wait_for_function(
            "document.getElementById('mwb-status').textContent.includes('gevonden')"
        )
        excerpt = page.locator("#mwb-results .mwb-excerpt").first
        elements = excerpt.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)")
        text = excerpt.inner_text()
        marks = excerpt.locator("mark").all_inner_texts()
        page.close()
    assert dialogs == []
    assert elements and set(elements) == {"MARK"}
    assert marks and all("klik" in m.lower() for m in marks)
    # Pagefind escapes the text's `<` (and leaves out some `>`): shown as the reader typed it
    assert '<div onclick="alert(6)"' in text and "klik hier" in text
    assert "<script" in text and "&lt;" not in text


def test_page_ids_are_found_as_the_regular_expression_finds_them() -> None:
    """`render._ids` (a scan for `id="`, 0.4 s faster at 5,000 cases) finds what
    `\\sid="([^"]+)"` finds, on random strings made of the pattern's own pieces."""
    import random
    import re

    from generator.rendering.render import _ids

    pattern = re.compile(r'\sid="([^"]+)"')
    pieces = [" ", "\n", "\t", 'id="', '"', "a", "i", "d", "=", "-"]
    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _ids(text) == pattern.findall(text), repr(text)
