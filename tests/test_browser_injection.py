"""A case full of injection attempts, opened in a real browser: all text, no dialog, no request."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import Project, make_project, serve_folder


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def injected(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Project:
    """Built by each engine: Zensical's theme gets the title from the page's front matter."""
    project = make_project(tmp_path_factory.mktemp("inject") / "project").add_fixtures("injection")
    result = project.build_with(request.param)
    assert result.returncode == 0, result.stdout + result.stderr
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
        # the title in <head> (and anywhere else the theme puts it) is text too
        title = page.title()
        scripts = page.evaluate(
            "[...document.scripts].filter(s => s.textContent.includes('alert')).length"
        )
        page.close()
    assert '<script>alert("titel")</script> Injectie' in title
    assert scripts == 0
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
