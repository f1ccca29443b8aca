"""The pipeline, top to bottom: load -> validate -> select -> index -> render.

Adapters (the MkDocs plugin, the CLI) call `check` or `build` and decide what to do with the
result: write files, add them to a site in memory, print problems, or fail. Nothing here
writes to disk or knows about MkDocs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator import authoring, exports, hosting, personal_data, render
from generator.catalog import Catalog
from generator.loading import case_files, display_path, load, slug_problem
from generator.model import Case
from generator.problems import Problem
from generator.publication import HeldBack, hold_back_reason
from generator.validation import ValidCase, validate_document, validate_links
from generator.vocabulary import Vocabulary, load_vocabulary

VOCABULARY_FILE = "_vocabulaire.yaml"


@dataclass
class CheckResult:
    """Everything validation learned: valid cases, and every problem in every file."""

    files: list[Path]
    valid: list[ValidCase]
    problems: list[Problem]
    vocabulary: Vocabulary
    notes: list[str]
    """Lines for the author that are not problems: allowances used, cases held back."""
    held_back: list[HeldBack]
    """Valid cases not published on the check's date (concept, embargo, expired consent)."""

    @property
    def published(self) -> dict[str, Case]:
        held = {h.display for h in self.held_back}
        return {v.slug: v.case for v in self.valid if v.document.display not in held}


@dataclass
class BuildResult:
    """What a site needs: generated pages, media to copy, and what to tell the author."""

    pages: dict[str, str]
    data: dict[str, str]
    media: dict[str, Path]
    problems: list[Problem]
    held_back: list[HeldBack]
    catalog: Catalog
    files_checked: int = 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one pass over all cases.

    A build keeps every case's data and YAML node tree alive until it ends: hundreds of
    thousands of objects that the collector would otherwise scan again and again as more
    are made (measured: half of the time of `check` at 1,000 cases). The pass creates no
    garbage cycles worth collecting early; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(paths: list[Path], cases_dir: Path, today: date, base: Path | None = None) -> CheckResult:
    """Load and validate case files. `cases_dir` holds the vocabulary and media."""
    with _collector_paused():
        return _check(paths, cases_dir, today, base)


def _check(paths: list[Path], cases_dir: Path, today: date, base: Path | None) -> CheckResult:
    vocabulary_path = cases_dir / VOCABULARY_FILE
    vocabulary, problems = load_vocabulary(vocabulary_path, display_path(vocabulary_path, base))
    files = case_files(paths)
    valid: list[ValidCase] = []
    notes: list[str] = []
    for path in files:
        shown = display_path(path, base)
        file_problems = []
        bad_name = slug_problem(path, shown)
        if bad_name:
            file_problems.append(bad_name)
        document, load_problems = load(path, shown)
        file_problems.extend(load_problems)
        if document is not None:
            case, case_problems = validate_document(document, path.stem, vocabulary, today)
            file_problems.extend(case_problems)
            privacy_problems, allowances = personal_data.scan(document)
            file_problems.extend(privacy_problems)
            notes.extend(allowances)
            if case is not None and not file_problems:
                valid.append(ValidCase(path.stem, case, document))
        problems.extend(file_problems)
    known = {p.stem for p in case_files([cases_dir])} | {p.stem for p in files}
    link_problems = validate_links(valid, known, cases_dir)
    if link_problems:
        bad = {p.path for p in link_problems}
        valid = [v for v in valid if v.document.display not in bad]
        problems.extend(link_problems)
    # Publication is decided here, once, before anything is rendered.
    held_back = []
    for item in valid:
        reason = hold_back_reason(item.case, today)
        if reason is not None:
            held_back.append(HeldBack(item.document.display, *reason))
    notes.extend(
        f"{h.display}: waarschuwing: niet gepubliceerd: {h.reason}" for h in held_back if h.warn
    )
    return CheckResult(files, valid, sorted(problems), vocabulary, notes, held_back)


def build(
    cases_dir: Path,
    today: date,
    templates_dir: Path | None = None,
    base: Path | None = None,
    site_url: str = "",
) -> BuildResult:
    """Everything the site shows, from the case files in `cases_dir` as of `today`."""
    with _collector_paused():
        return _build(cases_dir, today, templates_dir, base, site_url)


def _build(
    cases_dir: Path, today: date, templates_dir: Path | None, base: Path | None, site_url: str
) -> BuildResult:
    checked = _check([cases_dir], cases_dir, today, base)
    catalog = Catalog.build(checked.vocabulary, checked.published)
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # every absolute URL is made by appending a page path
    env = render.environment(templates_dir)
    pages = render.render_site(catalog, env)
    media = {
        image.bestand: cases_dir / image.bestand
        for entry in catalog.entries
        for image in entry.case.afbeeldingen or []
    }
    data = {
        authoring.SCHEMA_PATH: authoring.json_schema_text(checked.vocabulary),
        **exports.data_files(catalog, site_url),
        "robots.txt": hosting.robots_txt(site_url),
    }
    return BuildResult(
        pages,
        data,
        media,
        checked.problems,
        checked.held_back,
        catalog,
        files_checked=len(checked.files),
    )


def snippets() -> dict[str, str]:
    """Generated pieces that hand-written pages include by a marker (the author guide's
    field list comes from the model, so it can never fall behind)."""
    return {"<!-- maatwerkbank:velden -->": authoring.field_reference()}
