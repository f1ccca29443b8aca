"""A case page prints as the story only: no navigation, search or footer; links written out."""

from __future__ import annotations

import io

from conftest import Project, serve_folder
from pypdf import PdfReader


def test_case_page_prints_cleanly(seed_site: Project, browser) -> None:  # type: ignore[no-untyped-def]
    with serve_folder(seed_site.site) as base:
        page = browser.new_page()
        page.goto(base + "cases/volledige-pilot/", wait_until="networkidle")
        pdf = page.pdf(format="A4", print_background=False)
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
                .map(s => document.querySelector(s))
                .filter(Boolean)
                .map(e => getComputedStyle(e).display)"""
        )
        page.close()
    assert hidden and set(hidden) == {"none"}
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Volledige pilot met alle velden" in text
    assert "Tips voor gemeenten" in text  # the section, printed
    assert "(https://www.example.org/evaluatie)" in text  # link target written out
    for chrome in ("Zoek in de cases", "Made with", "Inhoudsopgave", "Alle cases", "Regelruimte"):
        assert chrome not in text, chrome
