"""The content gate (`maatwerkbank check-site`) and the `site_url` rules, on project copies.

The gate is what stops a fork from publishing a broken site: each failing step is shown
with its Dutch message, problems in files also as GitHub annotations at their line.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import ROOT, SITE_URL, Project

pytestmark = pytest.mark.build  # this module builds sites or starts servers

EXAMPLE = "https://maatwerkbank.example.nl/"
MISSING = (
    "site_url ontbreekt in mkdocs.yml: vul het adres in waar de site komt te staan, "
    "eindigend op '/' (bijvoorbeeld https://kennisbank.uwcorporatie.nl/). Zonder dat adres "
    "kloppen de feed, de sitemap en de adressen in cases.json niet."
)
EXAMPLE_WARNING = (
    f"site_url in mkdocs.yml is nog het voorbeeldadres {EXAMPLE}: vul het adres in waar uw "
    "eigen site komt te staan. 'make check-site' (en dus het publiceren) weigert het "
    "voorbeeldadres."
)

PASSED = "Site-controle geslaagd: de site mag gepubliceerd worden."


@pytest.fixture
def gated(project: Project) -> Project:
    """A project with what the gate reads besides the site: the committed schema."""
    shutil.copytree(ROOT / "schema", project.root / "schema")
    return project


def set_site_url(project: Project, line: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url:.*$", line, text), encoding="utf-8")


def test_the_gate_passes_a_good_site(gated: Project) -> None:
    result = gated.cli("check-site")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "",
        "[1/5] Case-bestanden (maatwerkbank check)",
        "3 bestanden gecontroleerd, geen problemen gevonden.",
    ]
    assert f"site_url: {SITE_URL}; schema is actueel." in lines
    assert re.search(r"^\d{3,} links gecontroleerd, geen kapotte\.$", result.stdout, re.M)
    assert "geen bronnen van andere sites." in lines
    assert lines[-1] == PASSED


def test_a_bad_case_fails_the_gate_with_annotations_at_the_line(gated: Project) -> None:
    path = gated.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    result = gated.cli("check-site", "--format", "github")
    assert result.returncode == 1
    assert (
        "::error file=cases/springplankwoning-doetinchem.yaml,line=20,col=9,title=Maatwerkbank"
        "::ongeldige waarde 'klaar' voor 'status'; kies uit: concept, gepubliceerd, gearchiveerd"
    ) in result.stdout.splitlines()
    assert "overgeslagen: los eerst de problemen in de case-bestanden op." in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Site-controle mislukt: problemen in case-bestanden; overgeslagen: build, links, "
        "bronnen van derden. Los ze op en draai 'make check-site' opnieuw; zo wordt de site "
        "niet gepubliceerd."
    )


def test_the_example_address_fails_the_gate_but_only_warns_in_a_build(gated: Project) -> None:
    set_site_url(gated, f"site_url: {EXAMPLE}")
    build = gated.build("--strict")
    assert build.returncode == 0, build.stderr
    assert f"WARNING -  {EXAMPLE_WARNING}" in build.stderr.splitlines()
    result = gated.cli("check-site")
    assert result.returncode == 1
    line = next(
        n
        for n, row in enumerate((gated.root / "mkdocs.yml").read_text().splitlines(), 1)
        if row.startswith("site_url:")
    )
    assert f"mkdocs.yml:{line}:1: {EXAMPLE_WARNING}" in result.stdout.splitlines()
    assert "problemen in instellingen." in result.stdout.splitlines()[-1]


def test_no_address_is_an_error_in_strict_builds_and_a_warning_otherwise(project: Project) -> None:
    set_site_url(project, "site_url: ''")
    strict = project.build("--strict")
    assert strict.returncode == 1
    assert f"ERROR   -  {MISSING}" in strict.stderr.splitlines()
    assert "Traceback" not in strict.stderr
    loose = project.build()
    assert loose.returncode == 0, loose.stderr
    assert f"WARNING -  {MISSING}" in loose.stderr.splitlines()


def test_a_stale_schema_fails_the_gate(gated: Project) -> None:
    vocabulary = gated.cases / "_vocabulaire.yaml"
    vocabulary.write_text(
        vocabulary.read_text().replace(
            "themas:\n",
            "themas:\n  nieuw-thema:\n    label: Nieuw\n    omschrijving: Nieuw thema.\n",
            1,
        )
    )
    result = gated.cli("check-site")
    assert result.returncode == 1
    assert (
        "schema/case.schema.json:1:1: het schema hoort niet meer bij het model en de "
        "woordenlijst; maak het opnieuw met: maatwerkbank schema --out schema/case.schema.json"
    ) in result.stdout.splitlines()
    assert gated.cli("schema", "--out", "schema/case.schema.json").returncode == 0
    assert gated.cli("check-site").stdout.splitlines()[-1] == PASSED


def test_a_third_party_resource_or_broken_link_fails_the_gate(gated: Project) -> None:
    page = gated.root / "content/over.md"
    page.write_text(
        page.read_text()
        + '\n<img src="https://tracker.example.com/pixel.gif" alt="">\n\n'
        + '<a href="bestaat-niet/">weg</a>\n'
    )
    result = gated.cli("check-site")
    assert result.returncode == 1
    assert "over/index.html: laadt https://tracker.example.com/pixel.gif" in result.stdout
    assert "kapotte links:" in result.stdout and "bestaat-niet" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(
        "Site-controle mislukt: problemen in links, bronnen van derden."
    )


def test_check_speaks_github_and_gitlab(project: Project) -> None:
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar, echt"))
    github = project.cli("check", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.splitlines() == [
        "::error file=cases/uitbouw-samenwonen-doetinchem.yaml,line=19,col=9,title=Maatwerkbank"
        "::ongeldige waarde 'klaar, echt' voor 'status'; kies uit: concept, gepubliceerd, "
        "gearchiveerd",
        "3 bestanden gecontroleerd, 1 met problemen (1 probleem).",
    ]
    gitlab = project.cli("check", "--format", "gitlab")
    assert gitlab.returncode == 1
    report = json.loads(gitlab.stdout)
    assert [(i["location"], i["severity"]) for i in report] == [
        ({"path": "cases/uitbouw-samenwonen-doetinchem.yaml", "lines": {"begin": 19}}, "major")
    ]
    assert report[0]["description"].startswith("ongeldige waarde 'klaar, echt'")
    assert "1 met problemen" in gitlab.stderr


def test_github_annotation_escapes_what_would_break_the_command() -> None:
    from generator.cli.ci_reports import github
    from generator.contract.problems import Problem

    line = github(Problem("cases/a,b:c.yaml", 2, 3, "100% fout\nregel twee"))
    assert (
        line
        == "::error file=cases/a%2Cb%3Ac.yaml,line=2,col=3,title=Maatwerkbank::100%25 fout%0Aregel twee"
    )
