"""A case full of injection attempts, opened in a real browser: all text, no dialog, no request."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import Project, make_project, serve_folder


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("inject") / "project").add_fixtures("injection")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_injection_attempts_stay_inert_in_chromium(injected: Project, browser) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    foreign: list[str] = []
    with serve_folder(injected.site) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on(
            "request",
            lambda r: foreign.append(r.url) if urlparse(r.url).hostname != "127.0.0.1" else None,
        )
        page.goto(base + "cases/injectie-poging/", wait_until="networkidle")
        article = page.locator("article.md-content__inner")
        # hover and click everything an attacker would want touched
        for element in article.locator("a, b, i, div, img, svg").all():
            if element.is_visible():
                element.hover()
        for link in article.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), href
        live = page.evaluate(
            """() => {
                const a = document.querySelector('article.md-content__inner');
                const bad = [...a.querySelectorAll('script, iframe, object, embed, style, link, svg')];
                const handlers = [...a.querySelectorAll('*')].filter(
                    el => [...el.attributes].some(at => at.name.startsWith('on')));
                return bad.map(e => e.tagName).concat(handlers.map(e => e.tagName + ' handler'));
            }"""
        )
        text = article.inner_text()
        page.close()
    assert dialogs == []
    assert foreign == []
    assert live == []
    for visible in (
        '<script>alert("titel")</script> Injectie',
        "<script>alert(2)</script>",
        '<div onclick="alert(6)">klik hier</div>',
        "<script>alert(10)</script> Regel",
        "<b onmouseover=alert(23)>les</b>",
        "<script>alert(24)</script> tip",
    ):
        assert visible in text, visible
    assert "vette" in text and "een echte link" in text


def test_the_finder_highlights_words_in_an_injected_excerpt_as_text(
    injected: Project, browser
) -> None:  # type: ignore[no-untyped-def]
    """The excerpt Pagefind returns holds the case's text with `<mark>` around the words
    found; the finder builds the highlight from it node by node, so markup in the text stays
    text."""
    dialogs: list[str] = []
    with serve_folder(injected.site) as base:
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
