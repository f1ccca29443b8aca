"""Publishing: workflow files that validate and pass the security audit, one site URL
setting, and a Content-Security-Policy that the real site runs under."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    runs = [step.get("run") for step in build["steps"] if "run" in step]
    # the product's tests, then the content gate (annotations on the pull request), then build
    assert runs == ["make test", "make check-site FORMAT=github", "make site"]
    uses = [step["uses"] for job in (build, deploy) for step in job["steps"] if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_gitlab_pages_job_publishes_public() -> None:
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    pages = gitlab["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["script"][:2] == ["make check-site", "make site"]
    assert "make test" in gitlab["test"]["script"]
    gate = gitlab["check-site"]
    assert "make check-site" in gate["script"]
    assert gate["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gate["rules"] == gitlab["test"]["rules"]


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
    assert "docs/case-format.md" in links
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "### Start je eigen Maatwerkbank" in readme
