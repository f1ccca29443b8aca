"""Publishing: workflow files that validate and pass the security audit, one site URL
setting, and a Content-Security-Policy that the real site runs under."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SITE_HOST, SITE_URL, Project, serve_folder

BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github/workflows/publish.yml"


def test_github_workflow_matches_the_official_schema() -> None:
    result = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--min-severity", "medium", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_workflow_publishes_only_from_main_with_least_privilege() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert "concurrency" in workflow
    jobs = workflow["jobs"]
    scope, product, build, deploy = jobs["scope"], jobs["product"], jobs["build"], jobs["deploy"]
    for job in (scope, product, build):
        assert job["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    # the product's suite when the change is more than content; a pull request gets the
    # content gate (annotations) and the strict build; main builds from the valid cases,
    # and the same gate runs after the deploy (tests/test_withdrawal.py runs these steps)
    assert product["if"] == "needs.scope.outputs.product == 'true'"
    assert [s["run"] for s in product["steps"] if "run" in s] == ["make test"]
    # the visibility is asked of the API, first, on every event: never read from the
    # event's payload, which a scheduled run may lack (unknown counts as public)
    for job in (build, verdict := jobs["verdict"]):
        asked = next(step for step in job["steps"] if "run" in step)
        assert asked["name"] == "Zichtbaarheid van de repository" and "if" not in asked
        assert asked["env"] == {"GH_TOKEN": "${{ github.token }}"}
        assert 'gh api "repos/$GITHUB_REPOSITORY" --jq .visibility' in asked["run"]
        assert "*) visibility=unknown ;;" in asked["run"]
        assert "env" not in job
    assert "github.event.repository" not in WORKFLOW.read_text()
    runs = [(step.get("if"), step["run"]) for step in build["steps"] if "run" in step][1:]
    assert runs == [
        ("github.event_name == 'pull_request'", "make check-site FORMAT=github"),
        ("github.event_name == 'pull_request'", "make site"),
        ("github.event_name != 'pull_request'", "make site MODE=geldig"),
    ]
    assert verdict["permissions"] == {"contents": "read"}
    assert set(verdict["needs"]) == {"build", "deploy"}
    assert verdict["if"] == "always() && github.event_name != 'pull_request'"
    assert [s["run"] for s in verdict["steps"] if "run" in s][1:] == [
        "make check-site FORMAT=github"
    ]
    assert set(deploy["needs"]) == {"product", "build"}
    assert "needs.product.result == 'skipped'" in deploy["if"]
    assert "needs.build.result == 'success'" in deploy["if"]
    uses = [step["uses"] for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    for job in (product, build):
        setup = next(
            s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python")
        )
        assert setup["with"]["cache"] == "pip"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _scope(repo: Path, event: str, base: str = "") -> str:
    result = subprocess.run(
        [str(ROOT / "scripts/changed-scope.sh"), event, base],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_a_content_only_change_skips_the_product_suite_and_any_other_runs_it(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    for name in ("cases/a.yaml", "content/over.md", "generator/x.py", "mkdocs.yml"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("1\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "begin")
    base = _git(repo, "rev-parse", "HEAD")
    (repo / "cases/a.yaml").write_text("2\n")
    (repo / "cases/b.yaml").write_text("new\n")
    (repo / "content/over.md").write_text("2\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "content")
    assert _scope(repo, "pull_request", base) == "product=false"
    assert _scope(repo, "push", base) == "product=false"
    assert _scope(repo, "schedule") == "product=false"  # the calendar, not the product
    assert _scope(repo, "workflow_dispatch", base) == "product=true"
    assert _scope(repo, "push", "0" * 40) == "product=true"  # a new branch: no base
    assert _scope(repo, "push", "f" * 40) == "product=true"  # a base not in the clone
    for product_file in ("generator/x.py", "mkdocs.yml"):
        (repo / product_file).write_text("changed\n")
        _git(repo, "commit", "-qam", product_file)
        assert _scope(repo, "pull_request", base) == "product=true"
        _git(repo, "reset", "-q", "--hard", "HEAD~1")


def test_gitlab_pages_job_publishes_public() -> None:
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    pages = gitlab["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    # the default branch publishes what is valid, then the gate fails the pipeline on any
    # problem; a merge request gets the gate only
    assert pages["script"][0] == "make site MODE=geldig"
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "make test" in gitlab["test"]["script"]
    assert gitlab["stages"] == ["test", "deploy", "verify"]
    assert gitlab["variables"]["MAATWERKBANK_VISIBILITY"] == "$CI_PROJECT_VISIBILITY"
    gate, after = gitlab["check-site"], gitlab["check-after-pages"]
    assert gate["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert after["stage"] == "verify"
    assert after["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "when": "always"}]
    for job in (gate, after):
        assert "make check-site" in job["script"]
        assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


@pytest.mark.build
def test_one_setting_gives_canonical_urls_sitemap_robots_and_feed(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            f"site_url: {SITE_URL}", "site_url: https://fork.example.org/kb/"
        )
    )
    assert project.build("--strict").returncode == 0
    case = project.html("cases/springplankwoning-doetinchem/index.html")
    assert (
        '<link rel="canonical" href="https://fork.example.org/kb/cases/springplankwoning-doetinchem/">'
        in case
    )
    assert (
        "<loc>https://fork.example.org/kb/cases/springplankwoning-doetinchem/</loc>"
        in project.html("sitemap.xml")
    )
    assert "Sitemap: https://fork.example.org/kb/sitemap.xml" in project.html("robots.txt")
    assert "<id>https://fork.example.org/kb/feed.xml</id>" in project.html("feed.xml")
    assert '"url":"https://fork.example.org/kb/cases/' in project.html("cases.json")
    for built in project.site.rglob("*.html"):
        assert SITE_HOST not in built.read_text(encoding="utf-8"), built


def test_site_runs_under_its_content_security_policy(seed_site: Project, browser) -> None:  # type: ignore[no-untyped-def]
    """Every page carries its own policy (meta tag): no inline script runs unless hashed,
    nothing loads from elsewhere; Chromium reports any violation on the console."""
    pages = [
        "index.html",
        "cases/springplankwoning-doetinchem/index.html",
        "404.html",
        "zoeken/index.html",
        "statistieken/index.html",
    ]
    for page_path in pages:
        head = seed_site.html(page_path).split("<head>", 1)[1].lstrip()
        assert head.startswith('<meta http-equiv="Content-Security-Policy"'), page_path
        policy = head.split('content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "default-src 'self'" in policy
    headers = seed_site.html("_headers")
    assert "X-Frame-Options: DENY" in headers and "X-Content-Type-Options: nosniff" in headers
    violations: list[str] = []
    with serve_folder(seed_site.site) as base:
        page = browser.browser.new_page()  # a context that enforces the policy
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        for path in ("", "cases/springplankwoning-doetinchem/", "statistieken/", "404.html"):
            page.goto(base + path, wait_until="networkidle")
        page.goto(base + "zoeken/?q=laborijn", wait_until="networkidle")
        page.locator("#mwb-results li").first.wait_for()
        assert page.locator("#mwb-results li").count() == 1
        # a script that the policy does not know is refused, and says so
        page.goto(base + "over/", wait_until="networkidle")
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.mwbInjected = 1'; document.body.append(s); }""")
        injected = page.evaluate("window.mwbInjected === 1")
        page.close()
    assert injected is False
    assert len(violations) == 1 and "inline script" in violations[0], violations


def test_readme_and_docs_link_only_inside_a_clone() -> None:
    """A fork's clone has the repository and nothing beside it: every relative link of the
    README and docs/ points at a file in the repository."""
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    links = []
    for document in documents:
        for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # web addresses and anchors
            path = (document.parent / target.split("#")[0]).resolve()
            links.append(target)
            assert path.is_relative_to(ROOT) and path.exists(), (document.name, target)
    assert "docs/case-format.md" in links and "docs/publishing.md" in links
    publishing = (ROOT / "docs/publishing.md").read_text(encoding="utf-8")
    assert "## Start je eigen Maatwerkbank" in publishing


def test_the_readme_is_short_and_names_both_commands() -> None:
    """A newcomer reads it in five minutes; details live in docs/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) <= 8 * 1024
    assert "make site" in readme and "make test" in readme
    for part in ("contract", "reading", "privacy", "rendering", "authoring", "build", "finder"):
        assert f"`{part}`" in readme  # the parts, named as the folders are
    for part in ("engines", "cli"):
        assert f"`{part}`" in readme


def test_a_built_site_is_never_committed_but_the_generator_is() -> None:
    """Git ignores a built `site/` wherever a build writes one, and never the generator's
    own files (a pattern too wide would hide its new modules)."""

    def ignored(path: str) -> bool:
        found = subprocess.run(
            ["git", "check-ignore", "-q", "--no-index", path], cwd=ROOT, check=False
        )
        return found.returncode == 0

    for built in ("site/index.html", "site/pagefind/pagefind.js", "fork/site/cases.json"):
        assert ignored(built), built
    for source in ("generator/rendering/new_module.py", "generator/rendering/templates/x.html.j2"):
        assert not ignored(source), source
    tracked = subprocess.run(
        ["git", "ls-files", "-ci", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert tracked.stdout == ""  # no committed file is one git would ignore
