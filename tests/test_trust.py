"""Trust: nothing unpublished leaks, nothing loads from elsewhere, builds repeat, links hold.

Each test tries to break a guarantee on a real build of a real site.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import FIXTURES, ROOT, SITE_HOST, Project, make_project

from generator.cli.site_gate import lychee_run
from generator.rendering.facets import FACETS

pytestmark = pytest.mark.build  # this module builds sites or starts servers


MARKERS = [b"MRKCONCEPT", b"MRKEMBARGO", b"MRKCONSENT", b"geheim-"]


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The seeds plus one case in each unpublished state; a published case links to them."""
    project = make_project(tmp_path_factory.mktemp("leak") / "project").add_fixtures("unpublished")
    spring = project.cases / "springplankwoning-doetinchem.yaml"
    spring.write_text(
        spring.read_text().replace(
            "gerelateerd:\n  - uitbouw-samenwonen-doetinchem",
            "gerelateerd:\n  - geheim-concept\n  - geheim-embargo\n  - geheim-toestemming\n"
            "  - uitbouw-samenwonen-doetinchem",
        )
    )
    result = project.build("--strict", today="2026-01-15")
    assert result.returncode == 0, result.stderr
    project.log = result.stderr  # type: ignore[attr-defined]
    return project


def every_byte(site: Path) -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            files.append((path.relative_to(site).as_posix(), data))
    return files


def test_no_byte_of_an_unpublished_case_reaches_the_site(leaky: Project) -> None:
    files = every_byte(leaky.site)
    assert len(files) > 50
    assert any(name == "sitemap.xml.gz" for name, _ in files)
    assert any(name.startswith("pagefind/index/") for name, _ in files)
    leaks = [(name, m) for name, data in files for m in MARKERS if m in data]
    assert not leaks, leaks[:10]
    # image bytes: only media that a published case references are copied
    for name in ("MRKCONCEPTIMG", "MRKEMBARGOIMG", "MRKUNUSEDIMG"):
        assert not any(name.encode() in data for _, data in files)
    assert not (leaky.site / "media").exists()


def test_counts_and_related_links_ignore_unpublished_cases(leaky: Project) -> None:
    statushouders = leaky.html("doelgroepen/statushouders/index.html")
    assert "Er zijn hier nog geen cases gepubliceerd." in statushouders
    overview = leaky.html("cases/index.html")
    assert "<strong>3 cases</strong>" in overview
    spring = leaky.html("cases/springplankwoning-doetinchem/index.html")
    related = spring.split('id="gerelateerde-cases"')[1]
    assert "uitbouw-samenwonen-doetinchem" in related
    # a concept that says it adopted a published case is not among its adopters, counts
    # nowhere, and its funding stream, level and legal source are no finder value
    assert "Ook gedaan door" not in spring
    assert "<strong>0</strong> keer overgenomen" in leaky.html("index.html")
    finder = leaky.html("zoeken/index.html")
    assert "Jeugdwet" not in finder and "Erkend" not in finder
    assert "98765" not in leaky.html("kosten.csv")


def test_the_build_says_what_was_held_back_and_why(leaky: Project) -> None:
    log = leaky.log  # type: ignore[attr-defined]
    assert "niet gepubliceerd: cases/geheim-concept.yaml: status is concept" in log
    assert (
        "niet gepubliceerd: cases/geheim-embargo.yaml: embargo tot 2026-06-01 (publiceren_vanaf)"
        in log
    )
    assert (
        "niet gepubliceerd: cases/geheim-toestemming.yaml: toestemming verlopen op 2025-12-31 "
        "(privacy.toestemming.geldig_tot)" in log
    )


def test_embargo_lifts_on_its_date(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    shutil.copy(FIXTURES / "unpublished/geheim-embargo.yaml", project.cases)
    shutil.copytree(FIXTURES / "unpublished/media", project.cases / "media", dirs_exist_ok=True)
    assert project.build("--strict", today="2026-05-31").returncode == 0
    assert not (project.site / "cases/geheim-embargo").exists()
    assert project.build("--strict", today="2026-06-01").returncode == 0
    assert "MRKEMBARGO titel" in project.html("cases/geheim-embargo/index.html")


class _Resources(HTMLParser):
    """Collects every URL a browser would load by itself (not links a reader clicks)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track"):
            self.urls += [a.get("src", ""), *a.get("srcset", "").split()]
        if tag == "link" and a.get("rel", "") not in ("canonical", "alternate", "alternate feed"):
            self.urls.append(a.get("href", ""))
        if tag == "object":
            self.urls.append(a.get("data", ""))
        if "style" in a:
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", a["style"])


def test_no_page_loads_anything_from_a_third_party(leaky: Project) -> None:
    external = []
    pages = list(leaky.site.rglob("*.html"))
    for page in pages:
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            host = urlparse(url).netloc
            if url.startswith("//") or (host and host != SITE_HOST):
                external.append((page.relative_to(leaky.site).as_posix(), url))
    for css in leaky.site.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?((?:https?:)?//[^'\")]+)", css.read_text()):
            external.append((css.name, url))
    assert len(pages) > 20
    assert not external, external[:10]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Every file, the finder's index included (Pagefind's filter and metadata files are
    put in a fixed order after it runs: generator/finder/pagefind_order.py)."""
    hashes = []
    for name, seed in (("een", "1"), ("twee", "2")):
        # Each its own hash seed: no order of a set or dict of strings may reach the site.
        project = make_project(tmp_path / name).add_fixtures("cases", "names")
        result = project.build("--strict", today="2026-01-15", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        hashes.append(
            {
                p.relative_to(project.site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in project.site.rglob("*")
                if p.is_file()
            }
        )
    assert len(hashes[0]) > 100
    assert hashes[0] == hashes[1]
    names = set(hashes[0])
    # one filter file per facet: every facet has values in this site
    assert len([n for n in names if n.startswith("pagefind/filter/")]) == len(FACETS) == 14
    assert any(n.startswith("pagefind/fragment/") for n in names)
    assert any(n.startswith("pagefind/pagefind.nl_") and n.endswith(".pf_meta") for n in names)
    assert {"sitemap.xml.gz", "feed.xml", "cases.json", "cases.csv"} <= names


def test_lychee_finds_no_broken_internal_link_or_anchor(leaky: Project) -> None:
    result = lychee_run(leaky.site)
    assert result is not None
    assert result.returncode == 0, result.stdout + result.stderr
    total = re.search(r"(\d+) Total", result.stdout + result.stderr)
    assert total and int(total.group(1)) > 100, result.stdout


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_failed_build_leaves_the_published_site_untouched(project: Project, engine: str) -> None:
    env = dict(
        os.environ,
        MAATWERKBANK=f"{sys.executable} -m generator",
        ENGINE=engine,
        NO_MKDOCS_2_WARNING="1",
    )
    script = ROOT / "scripts/build-site.sh"
    ok = subprocess.run(
        [str(script), "site"], cwd=project.root, env=env, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    before = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    path = project.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    failed = subprocess.run(
        [str(script), "site"], cwd=project.root, env=env, capture_output=True, text=True
    )
    assert failed.returncode != 0
    assert "ongeldige waarde 'klaar' voor 'status'" in failed.stderr
    # MkDocs' own closing line comes in Dutch (after the line naming the build date)
    assert failed.stdout.strip().splitlines()[-1] == "Build afgebroken: zie de meldingen hierboven."
    after = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith("site")) == ["site"]


def test_check_warns_about_embargo_and_expired_consent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project").add_fixtures("unpublished")
    result = project.cli("check", today="2026-01-15")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "cases/geheim-embargo.yaml: waarschuwing: niet gepubliceerd: embargo tot 2026-06-01 "
        "(publiceren_vanaf)",
        "cases/geheim-toestemming.yaml: waarschuwing: niet gepubliceerd: toestemming verlopen op "
        "2025-12-31 (privacy.toestemming.geldig_tot)",
        "6 bestanden gecontroleerd, geen problemen gevonden.",
    ]
