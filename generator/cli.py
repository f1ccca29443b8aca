"""The `maatwerkbank` command: the core's second adapter, for authors and other generators.

Messages are Dutch (authors read them); exit codes follow the usual convention: 0 all well,
1 problems in the content, 2 wrong use of the command.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import click

from generator import authoring, ci_reports, click_dutch, pipeline, site_gate
from generator.loading import display_path, slug_problem
from generator.problems import summary
from generator.publication import BuildDateError, build_date
from generator.vocabulary import load_vocabulary

CONTEXT = {"help_option_names": ["-h", "--help"]}


click_dutch.install()


def _today(value: str | None) -> date:
    try:
        return build_date(value)
    except BuildDateError as error:
        raise click.UsageError(str(error)) from None


today_option = click.option(
    "--today",
    metavar="JJJJ-MM-DD",
    help="Doe alsof het deze datum is (voor embargo en toestemming). Standaard: "
    "SOURCE_DATE_EPOCH of vandaag.",
)
cases_option = click.option(
    "--cases",
    "cases_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("cases"),
    show_default=True,
    help="Map met de case-bestanden, de woordenlijst en de media.",
)


@click.group(
    context_settings=CONTEXT,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)
def main() -> None:
    """Maatwerkbank: case-bestanden controleren en omzetten naar pagina's."""


@main.command()
@click.argument("paths", nargs=-1, metavar="[PAD]...", type=click.Path(path_type=Path))
@cases_option
@today_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tekst", "github", "gitlab"]),
    default="tekst",
    show_default=True,
    help="tekst: bestand:regel:kolom: melding. github: meldingen als annotaties in een "
    "GitHub-workflow (bij de regel in de pull request). gitlab: een code-quality-rapport "
    "(JSON) op stdout, de meldingen op stderr.",
)
def check(paths: tuple[Path, ...], cases_dir: Path, today: str | None, output_format: str) -> None:
    """Controleer case-bestanden (standaard alles in cases/)."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"bestand of map '{missing[0]}' bestaat niet")
    result = pipeline.check(list(paths) or [cases_dir], cases_dir, _today(today))
    to_stderr = output_format == "gitlab"
    for problem in result.problems:
        if output_format == "github":
            click.echo(ci_reports.github(problem))
        else:
            click.echo(str(problem), err=to_stderr)
    for note in result.notes:
        click.echo(note, err=to_stderr)
    click.echo(summary(len(result.files), result.problems), err=to_stderr)
    if output_format == "gitlab":
        click.echo(ci_reports.gitlab(result.problems), nl=False)
    sys.exit(1 if result.problems else 0)


@main.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map waarin de pagina's als Markdown komen (wordt eerst leeggemaakt).",
)
@cases_option
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Map met eigen templates die de standaardtemplates vervangen.",
)
@today_option
def generate(out_dir: Path, cases_dir: Path, templates_dir: Path | None, today: str | None) -> None:
    """Schrijf de gegenereerde pagina's (HTML met voorwerk) en data, voor elke sitegenerator."""
    result = pipeline.build(cases_dir, _today(today), templates_dir)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    for held in result.held_back:
        click.echo(f"niet gepubliceerd: {held.display}: {held.reason}", err=True)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for src, text in {**result.pages, **result.data}.items():
        target = out_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for src, content in result.media.items():
        target = out_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    click.echo(
        f"{len(result.pages)} pagina's en {len(result.media)} mediabestanden geschreven naar "
        f"{out_dir} ({len(result.catalog.entries)} cases gepubliceerd)."
    )
    if result.problems:
        click.echo(summary(result.files_checked, result.problems), err=True)
        sys.exit(1)


@main.command("check-site")
@today_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tekst", "github"]),
    default="tekst",
    show_default=True,
    help="github: problemen in bestanden als annotaties in een GitHub-workflow.",
)
def check_site(today: str | None, output_format: str) -> None:
    """Controleer de echte site voor publicatie: cases, instellingen, strikte build, links
    en bronnen van derden (draai vanuit de map met mkdocs.yml)."""
    if not Path("mkdocs.yml").is_file():
        raise click.UsageError("geen mkdocs.yml in deze map; draai dit in de map van de site")
    sys.exit(site_gate.run(Path.cwd(), _today(today), output_format, click.echo))


@main.command()
@click.argument("slug")
@click.option("--pilot", is_flag=True, help="Maak een pilot (met het blok 'pilot').")
@cases_option
def new(slug: str, pilot: bool, cases_dir: Path) -> None:
    """Maak cases/<SLUG>.yaml uit het sjabloon met uitleg bij elk veld."""
    if Path(slug).name != slug or "\\" in slug or slug in (".", ".."):
        # `new ../../x` would write outside cases/.
        raise click.UsageError(
            f"'{slug}' is geen naam maar een pad; geef alleen de naam van de case, zonder "
            "mappen (bijvoorbeeld 'springplank-doetinchem'): het bestand komt in "
            f"{display_path(cases_dir)}/"
        )
    path = cases_dir / f"{slug}.yaml"
    bad_name = slug_problem(path, display_path(path))
    if bad_name:
        raise click.UsageError(bad_name.message)
    existing = next((p for p in (path, path.with_suffix(".yml")) if p.exists()), None)
    if existing is not None:
        raise click.UsageError(f"{display_path(existing)} bestaat al; kies een andere naam")
    cases_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(authoring.case_template(slug, pilot=pilot), encoding="utf-8")
    click.echo(
        f"{display_path(path)} gemaakt. Vul de velden in en controleer met: "
        f"maatwerkbank check {display_path(path)}"
    )


@main.command()
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Schrijf het schema naar dit bestand in plaats van naar het scherm.",
)
@cases_option
def schema(out_file: Path | None, cases_dir: Path) -> None:
    """Het JSON Schema van het case-format (voor editors), uit het model en de woordenlijst."""
    vocabulary_path = cases_dir / pipeline.VOCABULARY_FILE
    vocabulary, problems = load_vocabulary(vocabulary_path, display_path(vocabulary_path))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(1)
    text = authoring.json_schema_text(vocabulary)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text, encoding="utf-8")
        click.echo(f"{out_file} geschreven.")


for _command in main.commands.values():
    _command.options_metavar = "[OPTIES]"
