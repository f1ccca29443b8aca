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

from generator.contract.problems import Problem


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem, level: str = "error") -> str:
    """One GitHub workflow command; values escaped as GitHub's toolkit does."""
    return (
        f"::{level} file={_property(problem.path)},line={problem.line},col={problem.column},"
        f"title={_property('Maatwerkbank')}::{_data(problem.message)}"
    )


def gitlab(problems: Iterable[Problem]) -> str:
    """A GitLab code-quality report: one issue per problem, with a stable fingerprint."""
    issues = [
        {
            "description": problem.message,
            "check_name": "maatwerkbank",
            "fingerprint": hashlib.sha256(str(problem).encode("utf-8")).hexdigest(),
            "severity": "major",
            "location": {"path": problem.path, "lines": {"begin": problem.line}},
        }
        for problem in problems
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
