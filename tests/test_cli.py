"""The `maatwerkbank` command: exit codes and Dutch output."""

from __future__ import annotations

from conftest import Project


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
