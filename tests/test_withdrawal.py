"""Withdrawal always wins: the main branch's runs publish what is valid on a Dutch date.

The publish workflow's own steps are run here, as GitHub would run them for an event, in a
copy of the checkout (a fork with its own cases): the nightly run withdraws a story whose
consent ended and the link to it, a case with a problem stays off the site while the others
publish and the run fails after the deploy, a pull request with the same problem fails, and
a public repository with stories the site withholds publishes no stories.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT
from test_fork import fork

pytestmark = pytest.mark.build  # this module builds sites

WORKFLOW = ROOT / ".github/workflows/publish.yml"

# Consent of the linked story ends on 31 January; the run is at 23:30 UTC on that day,
# which is 00:30 on 1 February in the Netherlands.
CONSENT_ENDS = "2026-01-31"
NIGHT = int(datetime(2026, 1, 31, 23, 30, tzinfo=UTC).timestamp())
LINKING, LINKED = "buurtkamer-zwolle", "tijdelijk-wonen-zwolle"


@dataclass(frozen=True)
class Event:
    """What a run sees: the event's name, the repository's visibility as GitHub's API gives
    it (`gh api repos/...`), and whether the API answers at all."""

    name: str
    private: bool = True
    api_answers: bool = True


# The expressions publish.yml uses, and what GitHub makes of them. A new expression in the
# workflow fails the test until it is taught here, so no step is run or skipped unseen.
EXPRESSIONS: dict[str, Callable[[Event], str | bool]] = {
    "github.event_name == 'pull_request'": lambda e: e.name == "pull_request",
    "github.event_name != 'pull_request'": lambda e: e.name != "pull_request",
    "github.token": lambda e: "het-token-van-de-run",
}

REPOSITORY = "corporatie/maatwerkbank"
FAKE_GH = """#!/bin/sh
# GitHub's CLI as the workflow calls it: `gh api repos/<owner>/<name> --jq .visibility`
[ "$GH_TOKEN" = het-token-van-de-run ] || exit 4
[ "$*" = "api repos/{repository} --jq .visibility" ] || exit 3
{answer}
"""


def _fake_gh(folder: Path, event: Event) -> Path:
    """A folder with a `gh` that answers as GitHub's API would for `event` (or fails)."""
    folder.mkdir(parents=True, exist_ok=True)
    if event.api_answers:
        answer = "echo " + ("private" if event.private else "public")
    else:
        answer = "echo 'HTTP 502: Bad Gateway' >&2; exit 1"
    gh = folder / "gh"
    gh.write_text(FAKE_GH.format(repository=REPOSITORY, answer=answer), encoding="utf-8")
    gh.chmod(0o755)
    return folder


def _expression(text: str, event: Event) -> str | bool:
    inner = text.strip().removeprefix("${{").removesuffix("}}").strip()
    if inner not in EXPRESSIONS:
        pytest.fail(f"the test does not know the workflow's expression {inner!r}: teach it")
    return EXPRESSIONS[inner](event)


@dataclass
class JobRun:
    steps: list[tuple[str, subprocess.CompletedProcess[str]]]

    @property
    def ok(self) -> bool:
        return all(result.returncode == 0 for _, result in self.steps)

    @property
    def log(self) -> str:
        return "\n".join(result.stdout + result.stderr for _, result in self.steps)


def run_job(root: Path, job_name: str, event: Event, moment: int = NIGHT) -> JobRun:
    """The `run:` steps of one job of publish.yml whose `if` holds for `event`, in order,
    with the job's environment, in `root`; stops at the first failing step, as GitHub
    does. The machine's clock is replaced by `moment` (SOURCE_DATE_EPOCH) and its time zone
    is New York's: neither may change the Dutch date."""
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"][job_name]
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(
        SOURCE_DATE_EPOCH=str(moment),
        TZ="America/New_York",
        NO_MKDOCS_2_WARNING="1",
        MAKEFLAGS=f"VENV={ROOT / '.venv'}",  # this checkout's environment (test_fork.make)
        GITHUB_EVENT_NAME=event.name,
    )
    for name, value in (job.get("env") or {}).items():
        env[name] = str(_expression(value, event))
    runner = root.parent / f"runner-{job_name}"
    github_env = runner / "env"
    env.update(
        GITHUB_REPOSITORY=REPOSITORY,
        GITHUB_ENV=str(github_env),
        PATH=f"{_fake_gh(runner / 'bin', event)}:{env['PATH']}",
    )
    github_env.write_text("", encoding="utf-8")
    done: list[tuple[str, subprocess.CompletedProcess[str]]] = []
    for step in job["steps"]:
        if "run" not in step or ("if" in step and not _expression(step["if"], event)):
            continue
        step_env = {k: str(_expression(v, event)) for k, v in (step.get("env") or {}).items()}
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=root,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            timeout=600,
        )
        done.append((step["name"], result))
        if result.returncode != 0:
            break
        # what a step writes to $GITHUB_ENV is in the environment of the steps after it
        for line in github_env.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            env[name] = value
    return JobRun(done)


def deployed_folder(event: Event) -> Path | None:
    """The folder the build job uploads for the deploy job, or None when it uploads none."""
    for step in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]:
        if step.get("uses", "").startswith("actions/upload-pages-artifact@"):
            condition = step["if"].split(" && github.ref")[0]  # the ref is main in these runs
            return Path(step["with"]["path"]) if _expression(condition, event) else None
    return None


def every_text(site: Path) -> dict[str, str]:
    """Every file of a site as text, compressed ones (sitemap, Pagefind's index) opened."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # gzip: the sitemap, Pagefind's fragments and index
            data = gzip.decompress(data)
        found[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return found


def _cases(tmp_path: Path, *, linking: str = "") -> list[Path]:
    """The fork's two cases: the pilot is identifiable, with consent until 31 January;
    the other links to it (or says `linking`)."""
    made = []
    for source in sorted((FIXTURES / "fork").glob("*.yaml")):
        text = source.read_text(encoding="utf-8").replace("BOUWDATUM", "2026-01-10")
        if source.stem == LINKED:
            text += (
                "privacy:\n  herleidbaar: true\n  toestemming:\n    vastgelegd_op: 2025-09-01\n"
                f"    geldig_tot: {CONSENT_ENDS}\n"
            )
        if source.stem == LINKING:
            text = text.replace(
                "aanpak: |\n",
                "aanpak: |\n"
                + (linking or f"  Lees ook [hoe tijdelijk wonen werkt](../{LINKED}/).\n"),
                1,
            )
        made.append(tmp_path / source.name)
        made[-1].write_text(text, encoding="utf-8")
    return made


STALE_LINK = (
    f"cases/{LINKING}.yaml:17:3: waarschuwing: 'aanpak': link naar case '{LINKED}' wordt als "
    "gewone tekst getoond, want die case wordt op 2026-02-01 niet gepubliceerd: toestemming "
    f"verlopen op {CONSENT_ENDS} (privacy.toestemming.geldig_tot)"
)


STOPPED_CLOCK = 'cases_dir: cases\n      today: "2026-01-15"\n'


def test_the_nightly_run_withdraws_an_expired_story_and_every_link_to_it(tmp_path: Path) -> None:
    root = fork(tmp_path / "fork", _cases(tmp_path))
    # a date left in the settings does not stop the publishing build's calendar
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("cases_dir: cases\n", STOPPED_CLOCK, 1), encoding="utf-8")
    night = Event("schedule")
    build = run_job(root, "build", night)
    assert build.ok, build.log
    assert (
        "WARNING -  'today: 2026-01-15' in de instellingen telt niet bij publiceren (modus geldig)"
    ) in build.log
    assert [name for name, _ in build.steps] == [
        "Zichtbaarheid van de repository",
        "Site bouwen uit de geldige cases (wat niet meer online mag, gaat eraf)",
    ]
    assert "zichtbaarheid van de repository: private" in build.log
    # the job reports the stale link, and names the Dutch date it built for
    assert STALE_LINK in build.log
    dated = "builddatum 2026-02-01 (SOURCE_DATE_EPOCH: 2026-02-01 00:30 Nederlandse tijd, CET)"
    assert dated in build.log
    folder = deployed_folder(night)
    assert folder is not None
    site = every_text(root / folder)
    assert f"cases/{LINKING}/index.html" in site and len(site) > 50
    assert not (root / folder / "cases" / LINKED).exists()
    named = sorted(
        path for path, text in site.items() if LINKED in text or "Tijdelijk wonen" in text
    )
    assert named == []
    page = site[f"cases/{LINKING}/index.html"]
    assert "Lees ook hoe tijdelijk wonen werkt." in page
    assert any(path.startswith("pagefind/fragment/") for path in site)
    # the check after the deploy passes (a link shown as text is no problem) and shows the
    # warning where the author looks: at the line
    verdict = run_job(root, "verdict", night)
    assert verdict.ok, verdict.log
    assert (
        f"::warning file=cases/{LINKING}.yaml,line=17,col=3,title=Maatwerkbank::'aanpak': link "
        f"naar case '{LINKED}' wordt als gewone tekst getoond"
    ) in verdict.log
    # the day before (23:30 UTC on the 30th), both are online and linked, and the author
    # was told a day ahead
    earlier = run_job(root, "build", night, moment=NIGHT - 24 * 3600)
    assert earlier.ok, earlier.log
    assert (root / folder / "cases" / LINKED / "index.html").is_file()
    assert f'href="../{LINKED}/"' in (root / folder / f"cases/{LINKING}/index.html").read_text()
    assert (
        f"cases/{LINKING}.yaml:17:3: opmerking: 'aanpak': link naar case '{LINKED}' wordt vanaf "
        "2026-02-01 als gewone tekst getoond" in earlier.log
    )


def test_a_failing_case_on_main_is_left_out_while_the_others_publish(tmp_path: Path) -> None:
    """The push run deploys the valid case, and then fails with the problem at its line; a
    pull request with the same file fails before anything is deployed."""
    cases = _cases(tmp_path, linking="  Gewoon.\n")
    broken = cases[0] if cases[0].stem == LINKING else cases[1]
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("status: gepubliceerd", "status: klaar")
    )
    root = fork(tmp_path / "fork", cases)
    push = Event("push")
    build = run_job(root, "build", push, moment=NIGHT - 24 * 3600)
    assert build.ok, build.log
    problem = (
        f"cases/{LINKING}.yaml:13:9: ongeldige waarde 'klaar' voor 'status'; kies uit: concept, "
        "gepubliceerd, gearchiveerd"
    )
    assert problem in build.log
    assert f"niet gepubliceerd wegens problemen: cases/{LINKING}.yaml." in build.log
    folder = deployed_folder(push)
    assert folder is not None
    assert (root / folder / "cases" / LINKED / "index.html").is_file()
    assert not (root / folder / "cases" / LINKING).exists()
    assert "Een buurtkamer" not in "".join(every_text(root / folder).values())
    verdict = run_job(root, "verdict", push, moment=NIGHT - 24 * 3600)
    assert not verdict.ok
    assert (
        f"::error file=cases/{LINKING}.yaml,line=13,col=9,title=Maatwerkbank::ongeldige waarde "
        "'klaar' voor 'status'"
    ) in verdict.log
    assert "Site-controle mislukt: problemen in case-bestanden" in verdict.log
    # the same file in a pull request: the gate fails it, and nothing is uploaded
    pull = Event("pull_request")
    checked = run_job(root, "build", pull, moment=NIGHT - 24 * 3600)
    assert not checked.ok
    assert [name for name, _ in checked.steps] == [
        "Zichtbaarheid van de repository",
        "Site-controle (cases, instellingen, strikte build, links, bronnen van derden)",
    ]
    assert deployed_folder(pull) is None


REFUSED = re.compile(
    r"publiceren geweigerd: deze repository is openbaar, en cases/ bevat verhalen die niet "
    r"openbaar mogen zijn: cases/tijdelijk-wonen-zwolle\.yaml \(herleidbaar\)\. Iedereen kan "
    r"ze in git lezen, ook in de geschiedenis\."
)


def test_a_public_repository_with_identifiable_stories_publishes_no_story(tmp_path: Path) -> None:
    root = fork(tmp_path / "fork", _cases(tmp_path, linking="  Gewoon.\n"))
    public = Event("push", private=False)
    build = run_job(root, "build", public, moment=NIGHT - 24 * 3600)
    assert build.ok, build.log
    assert REFUSED.search(build.log), build.log
    site = every_text(root / "site")
    assert sorted(site) == ["404.html", "index.html", "robots.txt"]
    assert "Deze kennisbank is tijdelijk niet beschikbaar." in site["index.html"]
    assert "Zwolle" not in "".join(site.values())  # no story, no reason, no name
    verdict = run_job(root, "verdict", public, moment=NIGHT - 24 * 3600)
    assert not verdict.ok
    assert re.search(r"^::error title=Maatwerkbank::publiceren geweigerd", verdict.log, re.M)
    # a pull request in that repository fails with the same message
    pull = run_job(root, "build", Event("pull_request", private=False), moment=NIGHT - 86400)
    assert not pull.ok and REFUSED.search(pull.log)
    # a scheduled run whose API call fails: unknown, which counts as public
    silent = run_job(root, "build", Event("schedule", api_answers=False), moment=NIGHT - 86400)
    assert silent.ok, silent.log
    assert "zichtbaarheid van de repository: unknown" in silent.log
    assert REFUSED.search(silent.log), silent.log
    assert (
        "Deze kennisbank is tijdelijk niet beschikbaar." in (root / "site/index.html").read_text()
    )
    # private: published as usual
    private = run_job(root, "build", Event("push"), moment=NIGHT - 24 * 3600)
    assert private.ok, private.log
    assert (root / "site/cases" / LINKED / "index.html").is_file()


def test_a_deleted_case_takes_no_other_story_offline(tmp_path: Path) -> None:
    """Case B is deleted while A links to it, names it in `gerelateerd` and adopted it: the
    nightly run publishes A with the link as text and B nowhere, and goes green; the check
    after it shows the warnings (issue 24, attack F4)."""
    cases = [c for c in _cases(tmp_path) if c.stem == LINKING]
    cases[0].write_text(
        cases[0].read_text(encoding="utf-8")
        + f"gerelateerd: [{LINKED}]\novergenomen_van:\n  - case: {LINKED}\n    verschil: Kleiner.\n",
        encoding="utf-8",
    )
    root = fork(tmp_path / "fork", cases)
    night = Event("schedule")
    build = run_job(root, "build", night)
    assert build.ok, build.log
    gone = f"want die case bestaat niet of wordt niet gepubliceerd (geen bestand 'cases/{LINKED}.yaml')"
    assert (
        f"cases/{LINKING}.yaml:17:3: waarschuwing: 'aanpak': link naar case '{LINKED}' wordt "
        f"als gewone tekst getoond, {gone}"
    ) in build.log
    assert f"gerelateerde case '{LINKED}' wordt niet getoond, {gone}" in build.log
    folder = deployed_folder(night)
    assert folder is not None
    site = every_text(root / folder)
    page = site[f"cases/{LINKING}/index.html"]
    assert "Lees ook hoe tijdelijk wonen werkt." in page
    assert "Een case die niet op deze site staat" in page and "Kleiner." in page
    assert [path for path, text in site.items() if LINKED in text] == []
    verdict = run_job(root, "verdict", night)
    assert verdict.ok, verdict.log


SETTINGS = "cases_dir: cases\n      today: 2026-01-15\n      verouderd_na_maanden: {months}\n"


def test_settings_written_wrong_never_stop_the_publishing_run(tmp_path: Path) -> None:
    """`today` written as a YAML date is the same setting as the quoted one: set aside by
    the publishing run, used by a strict build. A number of months written in words is
    set aside for the default by the publishing run and refused in Dutch by a strict one."""
    root = fork(tmp_path / "fork", _cases(tmp_path, linking="  Gewoon.\n"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("cases_dir: cases\n", SETTINGS.format(months="achttien"), 1), "utf-8"
    )
    night = Event("schedule")
    build = run_job(root, "build", night)
    assert build.ok, build.log
    assert "'today: 2026-01-15' in de instellingen telt niet bij publiceren" in build.log
    assert (
        "'verouderd_na_maanden: achttien' in de instellingen is geen aantal maanden: schrijf "
        "een heel getal, bijvoorbeeld 18 (0: nooit); de build gebruikt 18"
    ) in build.log
    assert "builddatum 2026-02-01" in build.log
    assert "Expected type" not in build.log and "Traceback" not in build.log
    strict = run_job(root, "build", Event("pull_request"))
    assert not strict.ok
    assert (
        "'verouderd_na_maanden: achttien' in de instellingen is geen aantal maanden: schrijf "
        "een heel getal, bijvoorbeeld 18 (0: nooit)"
    ) in strict.log
    # a strict build uses the unquoted date
    config.write_text(text.replace("cases_dir: cases\n", SETTINGS.format(months="18"), 1), "utf-8")
    env = {**os.environ, "MAKEFLAGS": f"VENV={ROOT / '.venv'}", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    made = subprocess.run(
        ["make", "site"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert "builddatum 2026-01-15 (opgegeven datum)" in made.stderr
    # every other setting of the wrong type: a Dutch message, not Python's types
    wrong = SETTINGS.format(months="18") + "      expand_nav: misschien\n"
    config.write_text(text.replace("cases_dir: cases\n", wrong, 1), "utf-8")
    made = subprocess.run(
        ["make", "site"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert made.returncode != 0
    assert "option 'expand_nav': moet true of false zijn, niet 'misschien'" in made.stderr
    assert "Expected type" not in made.stdout + made.stderr
