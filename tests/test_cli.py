"""The `maatwerkbank` command: exit codes and Dutch output."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, Project


def test_check_passes_on_the_shipped_cases(project: Project) -> None:
    result = project.cli("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "3 bestanden gecontroleerd, geen problemen gevonden."


def test_check_reports_problems_in_several_files_in_one_run(project: Project) -> None:
    for name in ("uitbouw-samenwonen-doetinchem.yaml", "springplankwoning-doetinchem.yaml"):
        path = project.cases / name
        path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    result = project.cli("check")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines == [
        "cases/springplankwoning-doetinchem.yaml:20:9: ongeldige waarde 'klaar' voor 'status'; "
        "kies uit: concept, gepubliceerd, gearchiveerd",
        "cases/uitbouw-samenwonen-doetinchem.yaml:19:9: ongeldige waarde 'klaar' voor 'status'; "
        "kies uit: concept, gepubliceerd, gearchiveerd",
        "3 bestanden gecontroleerd, 2 met problemen (2 problemen).",
    ]


@pytest.mark.build
def test_generate_exits_1_and_names_the_problem(project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = project.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("bijgewerkt: 2025-10-01", "bijgewerkt: 2025-02-30"))
    result = project.cli("generate", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (
        "cases/springplankwoning-doetinchem.yaml:21:13: 'bijgewerkt': datum '2025-02-30' bestaat niet"
        in result.stderr
    )
    # the other cases are still generated
    assert (tmp_path / "out/docs/cases/uitbouw-samenwonen-doetinchem.md").is_file()
    assert not (tmp_path / "out/cases/springplankwoning-doetinchem.md").exists()


def test_wrong_use_exits_2(project: Project) -> None:
    result = project.cli("check", "bestaat-niet.yaml")
    assert result.returncode == 2
    assert "bestand of map 'bestaat-niet.yaml' bestaat niet" in result.stderr


def test_the_command_frames_its_messages_in_dutch(project: Project) -> None:
    help_text = project.cli("--help")
    assert help_text.returncode == 0
    assert help_text.stdout.startswith("Gebruik: maatwerkbank [OPTIES] OPDRACHT [ARGUMENTEN]...\n")
    assert "\nOpties:\n" in help_text.stdout and "\nOpdrachten:\n" in help_text.stdout
    assert "Toon deze hulp en stop." in help_text.stdout
    wrong = project.cli("chek")
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines() == [
        "Gebruik: maatwerkbank [OPTIES] OPDRACHT [ARGUMENTEN]...",
        "Probeer 'maatwerkbank --help' voor hulp.",
        "",
        "Fout: Onbekende opdracht 'chek'. (Bedoelde je een van: 'check', 'schema'?)",
    ]
    missing = project.cli("new")
    assert missing.stderr.splitlines()[-1] == "Fout: Argument ontbreekt 'SLUG'."


def test_a_bad_build_date_gets_a_dutch_message(project: Project) -> None:
    result = project.cli("check", "--today", "2026-13-01")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Fout: '2026-13-01' is geen datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2026-03-01)"
    )
    epoch = (
        "SOURCE_DATE_EPOCH='abc' is geen tijdstip: gebruik het aantal seconden sinds "
        "1 januari 1970 (bijvoorbeeld 1767225600), of laat de variabele weg"
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH="abc")
    cli = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 2 and cli.stderr.splitlines()[-1] == f"Fout: {epoch}"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 1
    assert f"ERROR   -  {epoch}" in build.stderr.splitlines()
    assert "Traceback" not in build.stderr


def test_new_refuses_a_path(project: Project) -> None:
    result = project.cli("new", "../../buiten-cases")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Fout: '../../buiten-cases' is geen naam maar een pad; geef alleen de naam van de "
        "case, zonder mappen (bijvoorbeeld 'springplank-doetinchem'): het bestand komt in cases/"
    )
    assert not (project.root.parent / "buiten-cases.yaml").exists()
    assert not list(project.root.parent.parent.glob("buiten-cases.yaml"))
    (project.cases / "bestaat-als-yml.yml").write_text("soort: casus\n")
    taken = project.cli("new", "bestaat-als-yml")
    assert taken.returncode == 2
    assert taken.stderr.splitlines()[-1] == (
        "Fout: cases/bestaat-als-yml.yml bestaat al; kies een andere naam"
    )


def test_new_names_the_check_command_that_works(project: Project) -> None:
    # `make new` runs this; the author has `make check`, not `maatwerkbank` on the PATH.
    result = project.cli("new", "mijn-eerste-case")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "cases/mijn-eerste-case.yaml gemaakt. Vul de velden in en controleer hem met: make check"
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: .*\n\t@\$\(BIN\)/maatwerkbank check ", makefile, re.M)


@pytest.mark.build
def test_one_name_in_two_files_is_an_error_not_a_lost_case(project: Project) -> None:
    source = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    twin = project.cases / "uitbouw-samenwonen-doetinchem.yml"
    twin.write_text(
        source.read_text().replace("titel: Samen wonen", "titel: Toch anders samen wonen")
    )
    result = project.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "cases/uitbouw-samenwonen-doetinchem.yaml:1:1: ook cases/uitbouw-samenwonen-doetinchem.yml "
        "heeft de naam 'uitbouw-samenwonen-doetinchem'; elke case heeft één bestand (één adres "
        "op de site): verwijder of hernoem er één",
        "cases/uitbouw-samenwonen-doetinchem.yml:1:1: ook cases/uitbouw-samenwonen-doetinchem.yaml "
        "heeft de naam 'uitbouw-samenwonen-doetinchem'; elke case heeft één bestand (één adres "
        "op de site): verwijder of hernoem er één",
        "4 bestanden gecontroleerd, 2 met problemen (2 problemen).",
    ]
    assert project.build("--strict").returncode == 1


def test_a_vocabulary_term_cannot_take_the_overview_page(project: Project) -> None:
    vocabulary = project.cases / "_vocabulaire.yaml"
    text = vocabulary.read_text()
    vocabulary.write_text(
        text.replace(
            "themas:\n", "themas:\n  index:\n    label: Index\n    omschrijving: Alles.\n", 1
        )
    )
    result = project.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cases/_vocabulaire.yaml:12:3: term 'index' is gereserveerd voor de site zelf (de pagina "
        "themas/index/ bestaat al); kies een andere naam"
    )


def test_make_check_ends_on_the_dutch_summary_and_explains_makes_line(project: Project) -> None:
    shutil.copy2(ROOT / "Makefile", project.root / "Makefile")
    path = project.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: klaar"))
    # This checkout's environment, taken as it is (`-o`): the copy has no package to install.
    venv = ROOT / ".venv"
    result = subprocess.run(
        ["make", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/bin/.installed", "check"],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert (
        result.stdout.splitlines()[-1] == "3 bestanden gecontroleerd, 1 met problemen (1 probleem)."
    )
    errors = result.stderr.splitlines()
    assert errors[0] == "(make meldt hierna 'Error 1': dat is alleen de uitkomst hierboven.)"
    assert len(errors) == 2 and errors[1].endswith("check] Error 1")


def test_no_built_site_is_committed_and_any_built_site_is_ignored() -> None:
    """A built site (MkDocs' `site/`, in the project or in any folder a fork or a test
    builds in) never lands in git: it holds every published story of one day, and a
    withdrawn story would live on in history. The generator's own `site` package is
    source, and stays in."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked archive has no index to look at)")

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)

    tracked = git("ls-files").stdout.splitlines()
    built = [
        path
        for path in tracked
        if {"site", "pagefind"} & set(path.split("/")[:-1])
        and not path.startswith("generator/rendering/")
        or path.endswith(("sitemap.xml.gz", "pagefind-entry.json"))
    ]
    assert built == []
    for path in ("site/index.html", "sub/project/site/cases/x/index.html", "site/pagefind/a"):
        assert git("check-ignore", "-q", path).returncode == 0, path
    assert git("check-ignore", "-q", "generator/rendering/render.py").returncode == 1
    assert "generator/rendering/render.py" in tracked
