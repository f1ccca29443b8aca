"""Problems where reviewers look: on the pull request, at the line.

`maatwerkbank check --format github` prints each problem as a GitHub Actions workflow
command (`::error file=...,line=...,col=...::message`), which GitHub shows as an annotation
on the changed file in the pull request; `--format gitlab` writes a GitLab code-quality
report (the Code Climate JSON subset), which GitLab shows in the merge request.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from generator.contract.problems import ERROR, NOTE, WARNING, Problem

GITHUB_LEVELS = {ERROR: "error", WARNING: "warning", NOTE: "notice"}
GITLAB_SEVERITIES = {ERROR: "major", WARNING: "minor", NOTE: "info"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    """One GitHub workflow command (an error, a warning or a notice, after the problem's
    level); values escaped as GitHub's toolkit does."""
    level = GITHUB_LEVELS[problem.level]
    return (
        f"::{level} file={_property(problem.path)},line={problem.line},col={problem.column},"
        f"title={_property('Maatwerkbank')}::{_data(problem.message)}"
    )


def github_message(message: str) -> str:
    """An error of the whole run (no file) as a GitHub workflow command."""
    return f"::error title={_property('Maatwerkbank')}::{_data(message)}"


def gitlab(problems: Iterable[Problem]) -> str:
    """A GitLab code-quality report: one issue per problem (warnings and notes too, less
    severe), with a stable fingerprint."""
    issues = [
        {
            "description": problem.message,
            "check_name": "maatwerkbank",
            "fingerprint": hashlib.sha256(str(problem).encode("utf-8")).hexdigest(),
            "severity": GITLAB_SEVERITIES[problem.level],
            "location": {"path": problem.path, "lines": {"begin": problem.line}},
        }
        for problem in problems
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
