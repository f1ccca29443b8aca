"""The `maatwerkbank` command: the core's second adapter, for authors and other generators.

Messages are Dutch (authors read them); exit codes follow the usual convention: 0 all well,
1 problems in the content, 2 wrong use of the command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import NoReturn

import click

from generator.authoring import case_template
from generator.authoring.schema import json_schema_text
from generator.build import pipeline, publish_mode, visibility
from generator.build.publish_mode import Mode
from generator.cli import ci_reports, click_dutch, site_gate
from generator.contract.problems import summary
from generator.engines import postbuild, site_input
from generator.engines.site_config import (
    ENGINES,
    PLUGIN_ENGINES,
    SiteConfig,
    stale_after_months,
)
from generator.engines.site_input import SiteInputError, write_site_input
from generator.finder.search_index import BackgroundIndex, SearchIndexError
from generator.reading.loading import display_path, slug_problem
from generator.reading.publication import BuildDate, BuildDateError, read_build_date
from generator.reading.vocabulary import load_vocabulary
from generator.rendering import hosting

CONTEXT = {"help_option_names": ["-h", "--help"]}


click_dutch.install()


def _today(value: str | None) -> date:
    return _build_date(value).day


def _build_date(value: str | None) -> BuildDate:
    try:
        return read_build_date(value)
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
    """Controleer case-bestanden (standaard alles in cases/). Cases die langer dan
    'verouderd_na_maanden' (mkdocs.yml, standaard 18) niet zijn gecontroleerd, staan eronder."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"bestand of map '{missing[0]}' bestaat niet")
    result = pipeline.check(
        list(paths) or [cases_dir],
        cases_dir,
        _today(today),
        stale_after_months=stale_after_months(Path("mkdocs.yml")),
    )
    to_stderr = output_format == "gitlab"
    for problem in [*result.problems, *result.notices]:
        if output_format == "github":
            click.echo(ci_reports.github(problem))
        else:
            click.echo(str(problem), err=to_stderr)
    for note in result.notes:
        click.echo(note, err=to_stderr)
    click.echo(summary(len(result.files), result.problems), err=to_stderr)
    if output_format == "gitlab":
        click.echo(ci_reports.gitlab([*result.problems, *result.notices]), nl=False)
    sys.exit(1 if result.problems else 0)


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="De configuratie van de site (adres, navigatie, thema, opties van maatwerkbank).",
)


def _site_config(config_file: Path) -> SiteConfig:
    if not config_file.is_file():
        raise click.UsageError(
            f"configuratie '{config_file}' bestaat niet; geef er een met --config"
        )
    return SiteConfig.read(config_file)


def _configured_date(config: SiteConfig, mode: Mode) -> str | None:
    """The settings' build date, unless a publishing build sets it aside (with a warning)."""
    configured, set_aside = publish_mode.configured_date(mode, config.options["today"])
    if set_aside:
        click.echo(f"waarschuwing: {set_aside}", err=True)
    try:
        _, months_aside = publish_mode.configured_months(
            mode, config.options["verouderd_na_maanden"]
        )
    except publish_mode.SettingError:
        months_aside = None  # refused with the build (`write_site_input`)
    if months_aside:
        click.echo(f"waarschuwing: {months_aside}", err=True)
    return configured


mode_option = click.option(
    "--mode",
    type=click.Choice([m.value for m in Mode]),
    default=Mode.STRICT.value,
    show_default=True,
    envvar=publish_mode.ENVIRONMENT,
    help="strikt: elk probleem in een case-bestand stopt de build. geldig: bouw uit de "
    "geldige cases die op de datum gepubliceerd worden, laat een case met een probleem weg "
    "en meld het (zo haalt de nachtelijke run altijd weg wat weg moet). Ook via de "
    "omgevingsvariabele MAATWERKBANK_MODE.",
)


def _report_build(result: pipeline.BuildResult) -> None:
    for problem in [*result.problems, *result.notices]:
        click.echo(str(problem), err=True)
    for held in result.held_back:
        click.echo(f"niet gepubliceerd: {held.display}: {held.reason}", err=True)
    if result.problems and not result.stopped:
        click.echo(publish_mode.left_out_line(result), err=True)


@main.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de invoer van de site: docs/ (alle pagina's, data en media), "
    "zoekdocumenten/ en mkdocs.yml voor de sitegenerator.",
)
@config_option
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="zensical",
    show_default=True,
    help="Voor welke sitegenerator: zensical leest links naar bronbestanden (../x.md), "
    "mkdocs (zonder plugin) links naar de uiteindelijke adressen.",
)
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map met de case-bestanden (standaard: cases_dir uit de configuratie).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Map met eigen templates die de standaardtemplates vervangen.",
)
@today_option
@mode_option
def generate(
    out_dir: Path,
    config_file: Path,
    engine: str,
    cases_dir: Path | None,
    templates_dir: Path | None,
    today: str | None,
    mode: str,
) -> None:
    """Schrijf de hele invoer van de site (pagina's, data, media, zoekdocumenten, config)."""
    config = _site_config(config_file)
    when = _build_date(today or _configured_date(config, Mode(mode)))
    click.echo(when.describe(), err=True)
    try:
        written = write_site_input(
            config,
            out_dir,
            when.day,
            engine=engine,
            cases_dir=cases_dir,
            templates_dir=templates_dir,
            mode=Mode(mode),
        )
    except SiteInputError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    result = written.result
    _report_build(result)
    click.echo(
        f"{len(result.pages)} pagina's en {len(result.media)} mediabestanden geschreven naar "
        f"{out_dir / site_input.DOCS} ({len(result.catalog.entries)} cases gepubliceerd)."
    )
    if result.problems:
        click.echo(summary(result.files_checked, result.problems), err=True)
    if result.stopped:
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
@click.option(
    "--visibility",
    "repository_visibility",
    metavar="public|internal|private",
    envvar="MAATWERKBANK_VISIBILITY",
    help="Zichtbaarheid van de repository: openbaar met concepten, verhalen onder embargo "
    "of herleidbare verhalen in cases/ is een probleem (zie 'site --visibility'). Ook via "
    "de omgevingsvariabele MAATWERKBANK_VISIBILITY.",
)
def check_site(today: str | None, output_format: str, repository_visibility: str | None) -> None:
    """Controleer de echte site voor publicatie: cases, instellingen, strikte build, links
    en bronnen van derden (draai vanuit de map met mkdocs.yml)."""
    if not Path("mkdocs.yml").is_file():
        raise click.UsageError("geen mkdocs.yml in deze map; draai dit in de map van de site")
    sys.exit(
        site_gate.run(Path.cwd(), _today(today), output_format, click.echo, repository_visibility)
    )


VISIBILITY_VARIABLE = "MAATWERKBANK_VISIBILITY"
visibility_option = click.option(
    "--visibility",
    "repository_visibility",
    metavar="public|internal|private",
    envvar=VISIBILITY_VARIABLE,
    help="Zichtbaarheid van de repository (de workflows geven die door: GitHub vraagt de "
    "API, gh api repos/<eigenaar>/<naam> --jq .visibility; GitLab CI_PROJECT_VISIBILITY). "
    "Openbaar, terwijl cases/ concepten, verhalen onder embargo, herleidbare verhalen of "
    "verhalen met verlopen toestemming bevat (elk bestand onder cases/ telt): publiceren "
    "geweigerd, en de site wordt één pagina 'tijdelijk niet beschikbaar'. Een onbekende "
    "waarde telt als openbaar. Zonder deze optie: niet gecontroleerd. Ook via de "
    "omgevingsvariabele MAATWERKBANK_VISIBILITY.",
)


@main.command()
@config_option
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="mkdocs",
    show_default=True,
    envvar="ENGINE",
    help="De sitegenerator: mkdocs (MkDocs 1.6 met mkdocs-material en de plugin), zensical "
    "of properdocs (de voortzetting van MkDocs 1.x, met de plugin). Ook via de "
    "omgevingsvariabele ENGINE.",
)
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de gebouwde site (standaard: site_dir uit de configuratie).",
)
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Werkmap voor de invoer van zensical (standaard: build/zensical naast de config).",
)
@today_option
@mode_option
@visibility_option
def site(
    config_file: Path,
    engine: str,
    site_dir: Path | None,
    work_dir: Path | None,
    today: str | None,
    mode: str,
    repository_visibility: str | None,
) -> None:
    """Bouw de hele site (pagina's, zoekfunctie, webformulier, CSP) met MkDocs of Zensical."""
    config = _site_config(config_file)
    target = (site_dir or config.site_dir).resolve()
    chosen = Mode(mode)
    when = _build_date(today or _configured_date(config, chosen))
    if repository_visibility is not None:
        _refuse_from_a_public_repository(config, target, when.day, repository_visibility, chosen)
    if engine in PLUGIN_ENGINES:
        # Strict mode is MkDocs' own too; publishing what is valid builds as MkDocs does
        # without it: a warning about a hand-written page cannot stop the withdrawal either.
        strict = ["--strict"] if chosen is Mode.STRICT else []
        os.environ[publish_mode.ENVIRONMENT] = chosen.value
        if today:
            os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(when.day))
        arguments = ["build", *strict, "-f", str(config.path), "--site-dir", str(target)]
        if engine != "mkdocs":
            # ProperDocs takes MkDocs' place in a process of its own: the plugin must be
            # imported after it.
            sys.exit(subprocess.run([sys.executable, "-m", engine, *arguments]).returncode)
        # MkDocs' own command, in this process (it ends it): a second Python would load the
        # generator, the name lists and deduce again (docs/performance.md).
        from mkdocs.__main__ import cli as mkdocs_command

        mkdocs_command.main(arguments, prog_name=engine)
    click.echo(f"maatwerkbank: {when.describe()}")
    work = (work_dir or config.root / "build" / engine).resolve()
    try:
        # Zensical builds only inside its project folder: the site is moved out after.
        bundle = config.path_option("cms_bundle") or config.root / "node_modules/decap-cms/dist"
        written = write_site_input(
            config,
            work,
            when.day,
            web_form=postbuild.WebForm(bundle, config.form_settings()),
            search_documents=False,
            mode=chosen,
        )
    except SiteInputError as error:
        click.echo(str(error), err=True)
        _aborted()
    result = written.result
    _report_build(result)
    for note in written.notes:
        click.echo(note, err=True)
    if result.stopped:
        click.echo(
            f"build gestopt: {summary(result.files_checked, result.problems)} Los de problemen "
            "hierboven op; 'make check' toont ze ook.",
            err=True,
        )
        _aborted()
    # The finder's index is made while the engine builds, and moved into the site after.
    index = BackgroundIndex(work / "pagefind")
    index.add(result.search_documents)
    started = time.perf_counter()
    strict = ["--strict"] if chosen is Mode.STRICT else []
    built = subprocess.run(
        [sys.executable, "-m", "zensical", "build", *strict, "-f", str(written.config)],
        cwd=work,
    )
    click.echo(f"zensical: {time.perf_counter() - started:.1f} s")
    if built.returncode != 0:
        index.cancel()
        click.echo(f"zensical faalde (code {built.returncode}).", err=True)
        _aborted()
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(work / "site", target)
    try:
        notes = postbuild.finish_site(target, index=index, index_output=work / "pagefind")
    except SearchIndexError as error:
        click.echo(str(error), err=True)
        _aborted()
    for note in notes:
        click.echo(note)
    click.echo(
        f"site gebouwd met {engine} in {target}: {len(result.catalog.entries)} cases, "
        f"{len(result.pages)} gegenereerde pagina's."
    )


def _refuse_from_a_public_repository(
    config: SiteConfig, target: Path, today: date, value: str, mode: Mode
) -> None:
    """A public repository that holds stories the site withholds publishes no stories: the
    site becomes one page 'tijdelijk niet beschikbaar' (`visibility`), so the refusal
    also takes the previous site's stories offline. Ends the command when refused: with
    exit 1 in strict mode, 0 in the mode that publishes what is valid (the workflow
    publishes that page, and its check after publishing fails with the same message)."""
    chosen = visibility.read_visibility(value)
    if chosen is visibility.Visibility.PRIVATE:
        return
    if chosen is visibility.Visibility.INTERNAL:
        click.echo(visibility.INTERNAL_NOTE, err=True)
        return
    cases = config.path_option("cases_dir") or config.root / "cases"
    checked = pipeline.check([cases], cases, today, base=config.root)
    message = visibility.refusal(chosen, checked, today, config.root, cases)
    if message is None:
        return
    click.echo(message, err=True)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name, text in hosting.withdrawn_site(str(config.raw.get("site_name") or "")).items():
        (target / name).write_text(text, encoding="utf-8")
    sys.exit(1 if mode is Mode.STRICT else 0)


def _aborted() -> NoReturn:
    """A failed build ends with the same Dutch line as under MkDocs (`build-site.sh`)."""
    click.echo("Build afgebroken: zie de meldingen hierboven.")
    sys.exit(1)


def _epoch(day: date) -> int:
    return int(datetime.combine(day, clock_time(12), tzinfo=UTC).timestamp())


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
    path.write_text(case_template.case_template(slug, pilot=pilot), encoding="utf-8")
    click.echo(f"{display_path(path)} gemaakt. Vul de velden in en controleer hem met: make check")


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
    text = json_schema_text(vocabulary)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text, encoding="utf-8")
        click.echo(f"{out_file} geschreven.")


for _command in main.commands.values():
    _command.options_metavar = "[OPTIES]"
