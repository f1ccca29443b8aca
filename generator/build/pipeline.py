"""The pipeline, top to bottom: load -> validate -> select -> index -> render.

Adapters (the MkDocs plugin, the CLI) call `check` or `build` and decide what to do with the
result: write files, add them to a site in memory, print problems, or fail. Nothing here
writes to disk or knows about MkDocs.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from generator.authoring import field_table, schema
from generator.build import parallel
from generator.build.publish_mode import Mode
from generator.contract.model import Case
from generator.contract.problems import NOTE, WARNING, Problem, at_most, field_name, shortened
from generator.privacy import personal_data
from generator.privacy.vocabulary_scan import scan_vocabulary
from generator.reading import accidental_lists, text_rules, validation
from generator.reading.freshness import STALE_AFTER_MONTHS, Freshness
from generator.reading.loading import (
    Document,
    Path_,
    case_files,
    display_path,
    display_paths,
    load,
    same_slug_problems,
    slug_problem,
)
from generator.reading.media import clean_copy
from generator.reading.publication import HeldBack, hold_back_reason, next_change
from generator.reading.validation import ValidCase, validate_document, validate_links
from generator.reading.vocabulary import Vocabulary, load_vocabulary
from generator.rendering import exports, hosting, render, search_documents
from generator.rendering.addresses import Addresses
from generator.rendering.catalog import Catalog, Entry
from generator.rendering.site_info import SiteInfo

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
    notices: list[Problem] = field(default_factory=list)
    """Warnings and notes at a place in a file, which publish all the same: a link to a case
    not published on the date, shown as text; a linked case that comes or goes soon."""

    @property
    def published(self) -> dict[str, Case]:
        held = {h.display for h in self.held_back}
        return {v.slug: v.case for v in self.valid if v.display not in held}


@dataclass
class BuildResult:
    """What a site needs: generated pages, media to copy, and what to tell the author."""

    pages: dict[str, str]
    data: dict[str, str]
    media: dict[str, bytes]
    """Published images by site path: their bytes, metadata stripped."""
    search_documents: dict[str, str]
    """The finder's index input: one small HTML document per published case, by URL path."""
    problems: list[Problem]
    held_back: list[HeldBack]
    catalog: Catalog
    files_checked: int = 0
    notices: list[Problem] = field(default_factory=list)
    """As `CheckResult.notices`."""
    mode: Mode = Mode.STRICT
    """What the adapter asked for: whether a problem stops the build (`stopped`)."""
    listed: dict[str, tuple[tuple[str, ...], Any]] = field(default_factory=dict)
    """Each listing page's cases and figures (`render.Listing`), by source path: what the
    preview's quick path compares the next build's with, to render only what changed."""
    records: exports.Records = field(default_factory=exports.Records)
    """The exports' records per case, for the next build (`exports.Records`)."""

    @property
    def stopped(self) -> bool:
        """Whether the adapter must fail the build: any problem in strict mode. In the mode
        that publishes what is valid, the site holds every case that passed and is
        published on the date, and the problems of the others are reported."""
        return bool(self.problems) and self.mode is Mode.STRICT

    @property
    def left_out(self) -> list[str]:
        """The files whose problems kept them off the site (or kept all cases off it, for
        the vocabulary), in order."""
        return sorted({problem.path for problem in self.problems})


@contextmanager
def collector_paused() -> Iterator[None]:
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
            # Everything the pass made is still in the youngest generation, which the
            # first allocation after `enable` would scan whole (0.2 s at 5,000 cases). It
            # moves to the oldest generation, which is scanned only after much more work
            # (unless the caller froze objects itself: those stay frozen).
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def check(
    paths: list[Path],
    cases_dir: Path,
    today: date,
    base: Path | None = None,
    site_files: frozenset[str] | None = None,
    stale_after_months: int = STALE_AFTER_MONTHS,
) -> CheckResult:
    """Load and validate case files. `cases_dir` holds the vocabulary and media;
    `site_files` are the site's own files (pages, theme), which no image may replace
    (default: those of the project that holds `cases_dir`); `stale_after_months` is the
    site's `verouderd_na_maanden` (cases not checked for longer are listed in the notes)."""
    if site_files is None:
        site_files = project_site_files(cases_dir)
    with collector_paused():
        return _check(paths, cases_dir, base, site_files, Freshness(today, stale_after_months))


def project_site_files(cases_dir: Path) -> frozenset[str]:
    """The hand-written pages and theme overrides next to `cases_dir` (`content/`,
    `overrides/`), as site paths: where the site already has a file."""
    found: set[str] = set()
    for folder in ("content", "overrides"):
        root = cases_dir.parent / folder
        if root.is_dir():
            found.update(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return frozenset(found)


@dataclass
class _FileCheck:
    """What checking one file gives, as plain data (it may come from another process)."""

    display: str
    problems: list[Problem]
    notes: list[str]
    data: Any
    """The file's data when it passed every rule, else None."""
    case: Case | None = None
    notices: list[Problem] = field(default_factory=list)
    """Warnings that publish all the same (`CheckResult.notices`)."""

    def __getstate__(self) -> dict[str, Any]:
        # Sent without the model: pickling models costs more than validating the data again.
        return {**self.__dict__, "case": None}


def _check(
    paths: list[Path],
    cases_dir: Path,
    base: Path | None,
    site_files: frozenset[str],
    freshness: Freshness,
) -> CheckResult:
    today = freshness.today
    vocabulary_path = cases_dir / VOCABULARY_FILE
    vocabulary_display = display_path(vocabulary_path, base)
    vocabulary, read_problems = load_vocabulary(vocabulary_path, vocabulary_display)
    # The vocabulary's messages echo its keys and values, as a case's do: masked alike.
    problems = [_masked(problem) for problem in read_problems]
    problems.extend(scan_vocabulary(vocabulary_path, vocabulary_display, vocabulary))
    problems = [shortened(problem) for problem in at_most(problems)]
    files = case_files(paths)
    # Related cases may name any case file, valid or not.
    all_files = files if paths == [cases_dir] else case_files([cases_dir])
    known = {p.stem for p in all_files} | {p.stem for p in files}
    shown = display_paths(files, base)
    twins = same_slug_problems(files, shown)
    problems.extend(_masked(problem) for problem in twins)
    doubled = {problem.path for problem in twins}

    def check_file(path: Path) -> _FileCheck:
        display = shown[path]
        problems: list[Problem] = []
        notes: list[str] = []
        bad_name = slug_problem(path, display)
        if bad_name:
            problems.append(bad_name)
        document, load_problems = load(path, display)
        problems.extend(load_problems)
        if document is None:
            refused = [shortened(_masked(p)) for p in at_most(problems)]
            return _FileCheck(display, refused, notes, None)
        case, case_problems = validate_document(document, path.stem, vocabulary, today)
        problems[:] = _once_per_character(problems, case_problems)
        problems.extend(case_problems)
        if case is not None and not problems:
            problems.extend(validate_links(document, path.stem, case, known, cases_dir, site_files))
        privacy_problems, notes = personal_data.scan(document, path.stem)
        notes.extend(accidental_lists.notes(document))
        # Messages echo what authors wrote: personal-looking values in them are masked
        # (the scan's own are masked already), after the list is cut to its first ones.
        found = set(privacy_problems)
        problems = [
            shortened(problem if problem in found else _masked(problem))
            for problem in at_most(problems + privacy_problems)
        ]
        if problems or case is None:
            return _FileCheck(display, problems, notes, None)
        notes.extend(validation.advice(document, case, freshness))
        notices = validation.missing_related_notices(document, case, known)
        return _FileCheck(display, problems, notes, document.data, case, notices)

    def with_model(checked: _FileCheck) -> _FileCheck:
        """A file checked in another process comes without its model: validated again."""
        if checked.data is not None and checked.case is None:
            checked.case = Case.model_validate(checked.data, context={"vocabulary": vocabulary})
        return checked

    valid: list[ValidCase] = []
    notes: list[str] = []
    file_notices: list[Problem] = []
    links: dict[str, _Links] = {}
    if files:
        # Once, before the worker processes fork (deduce too, when there are workers to
        # share it; one process loads it when a text first needs it).
        personal_data.prepare(deduce=parallel.processes(len(files)) > 1)
    results = parallel.split_map(check_file, files, receive=with_model)
    for path, checked in zip(files, results, strict=True):
        problems.extend(checked.problems)
        notes.extend(checked.notes)
        file_notices.extend(checked.notices)
        if checked.case is not None and checked.display not in doubled:
            valid.append(ValidCase(path.stem, checked.case, checked.display))
            targets = validation.cases_named(checked.data)
            if targets:
                links[path.stem] = _Links(path, targets, checked.data)
    # Publication is decided here, once, before anything is rendered.
    held_back = []
    for item in valid:
        reason = hold_back_reason(item.case, today)
        if reason is not None:
            held_back.append(HeldBack(item.display, *reason))
    checked_slugs = {path.stem for path in files}
    found_here = len(problems)
    valid, notices = _links_to_unpublished(
        valid, held_back, links, checked_slugs, known, problems, vocabulary, today
    )
    problems[found_here:] = [_masked(problem) for problem in problems[found_here:]]
    notes.extend(
        f"{h.display}: waarschuwing: niet gepubliceerd: {h.reason}" for h in held_back if h.warn
    )
    notices = sorted(_masked(notice) for notice in notices + file_notices)
    return CheckResult(files, valid, sorted(problems), vocabulary, notes, held_back, notices)


def _once_per_character(found: list[Problem], values: list[Problem]) -> list[Problem]:
    """`found` without a typed invisible character that a value's rule names at the same
    place (as one inside a word or number, which says more): one message per character."""
    named = {(p.line, p.column) for p in values if "teken U+" in p.message}
    return [p for p in found if not ("teken U+" in p.message and (p.line, p.column) in named)]


def _masked(problem: Problem) -> Problem:
    message = personal_data.mask_message(problem.message)
    if message == problem.message:
        return problem
    return replace(problem, message=message)


@dataclass(frozen=True)
class _Links:
    """A valid case's links to other cases, and its data (for the rare case that must be
    published with some of them shown as text)."""

    path: Path
    targets: set[str]
    data: Any


def _links_to_unpublished(
    valid: list[ValidCase],
    held_back: list[HeldBack],
    links: dict[str, _Links],
    checked_slugs: set[str],
    known: set[str],
    problems: list[Problem],
    vocabulary: Vocabulary,
    today: date,
) -> tuple[list[ValidCase], list[Problem]]:
    """A published case may link to a case that is not published on the date (concept,
    embargo, consent ended, or a problem in its file): the link is shown as its text, in
    every output (`validation.without_cases`: the published case gets that text; an
    adoption of such a case, `overgenomen_van`, loses its case), with a warning at the
    link, and the site builds. A link to a case that comes or goes within
    `publication.LOOK_AHEAD` days gets a note. A case that does not exist (no file in
    `known`: deleted, or misspelt) is treated as one that is not published, so deleting a
    story never withdraws the ones that name it; so is a `gerelateerd` entry, which the
    page leaves out. Other cases are judged only when checked in this run (a check of one
    file cannot know whether the others are published).

    A text whose links cannot be taken out safely (proven per text; never seen) is a
    problem: that case leaves the site too, which may turn more links into text."""
    held = {h.display: h for h in held_back}
    by_slug = {v.slug: v for v in valid}
    missing = {t for named in links.values() for t in named.targets} - known
    while True:
        published = {v.slug for v in valid if v.display not in held}
        hidden = frozenset((checked_slugs - published) | missing)
        degraded: dict[str, Case] = {}
        unsafe: list[str] = []
        for slug in sorted(published & links.keys()):
            if hidden.isdisjoint(links[slug].targets):
                continue
            data, failed = validation.without_cases(links[slug].data, hidden)
            case = None if failed else _validated(data, vocabulary)
            if case is not None:
                degraded[slug] = case
                continue
            unsafe.append(slug)
            document, _ = load(links[slug].path, by_slug[slug].display)
            if document is not None:
                problems.extend(_unsafe_link(document, loc, hidden) for loc in failed or [()])
        if not unsafe:
            break
        valid = [v for v in valid if v.slug not in unsafe]
    notices: list[Problem] = []
    for slug in sorted(published & links.keys()):
        about: dict[str, tuple[str, str]] = {}
        adopted: dict[str, tuple[str, str]] = {}
        for target in links[slug].targets & (checked_slugs | missing):
            if target in missing:
                why = validation.missing_case(target, known)
                about[target] = (WARNING, f"wordt {AS_TEXT}, want die case {why}")
                adopted[target] = (WARNING, f"wordt {AS_UNNAMED}, want die case {why}")
                continue
            linked, is_hidden = by_slug.get(target), target in hidden
            what = _what_happens(linked, is_hidden, held, today, AS_TEXT)
            if what is not None:
                about[target] = what
                adopted[target] = _what_happens(linked, is_hidden, held, today, AS_UNNAMED) or what
        if about:
            document, _ = load(links[slug].path, by_slug[slug].display)
            if document is not None:
                notices.extend(text_rules.unpublished_link_notices(document, about))
                notices.extend(validation.unpublished_adoption_notices(document, adopted))
    valid = [replace(v, case=degraded[v.slug]) if v.slug in degraded else v for v in valid]
    return valid, notices


def _unsafe_link(document: Document, loc: Path_, hidden: frozenset[str]) -> Problem:
    """At the first link in `loc` to a hidden case (its own line), naming the field."""
    lines = [
        r.line
        for r in text_rules.case_references(document.data)
        if r.loc == loc and r.target in hidden
    ]
    if not loc:
        return document.problem(loc, UNSAFE_LINK)
    return document.problem_at_line(
        loc, min(lines, default=0), f"'{field_name(loc)}': {UNSAFE_LINK}"
    )


UNSAFE_LINK = (
    "link naar een case die op deze datum niet gepubliceerd wordt, en die niet als gewone "
    "tekst getoond kan worden; haal de link weg"
)


def _validated(data: Any, vocabulary: Vocabulary) -> Case | None:
    try:
        return Case.model_validate(data, context={"vocabulary": vocabulary})
    except ValueError:  # pydantic's ValidationError
        return None


AS_TEXT = "als gewone tekst getoond"
AS_UNNAMED = "niet genoemd (de pagina zegt: een case die niet op deze site staat)"
"""How the site shows a link to a case it does not publish, and an adoption of one."""


def _what_happens(
    target: ValidCase | None, hidden: bool, held: dict[str, HeldBack], today: date, shown: str
) -> tuple[str, str] | None:
    """What a link to a case (or an adoption of one) does on the site: `shown` now (a
    warning, with why and until when), or soon (a note); None for one that stays."""
    change = next_change(target.case, today) if target is not None else None
    if hidden:
        held_back = held.get(target.display) if target is not None else None
        why = held_back.reason if held_back is not None else "het bestand heeft problemen"
        until = f"; vanaf {change.isoformat()} is het weer een link" if change else ""
        return (
            WARNING,
            f"wordt {shown}, want die case wordt op {today.isoformat()} niet "
            f"gepubliceerd: {why}{until}",
        )
    if target is None or change is None:
        return None
    reason = hold_back_reason(target.case, change)
    why = f": {reason[0]}" if reason else ""
    return (
        NOTE,
        f"wordt vanaf {change.isoformat()} {shown}, want die case gaat dan "
        f"van de site{why}; haal de link op tijd weg of verleng de toestemming",
    )


def build(
    cases_dir: Path,
    today: date,
    templates_dir: Path | None = None,
    base: Path | None = None,
    site_url: str = "",
    addresses: Addresses | None = None,
    site_files: frozenset[str] | None = None,
    documents_made: Callable[[dict[str, str]], object] | None = None,
    site: SiteInfo | None = None,
    mode: Mode = Mode.STRICT,
    stale_after_months: int = STALE_AFTER_MONTHS,
    once: bool = False,
) -> BuildResult:
    """Everything the site shows, from the case files in `cases_dir` as of `today`: the
    cases that pass every rule and are published on that date, in either `mode` (which
    only says whether a problem stops the build: `BuildResult.stopped`).

    Pages are `{source path: template output}` (front matter and HTML body, see
    `render.page`); `addresses` is the site's URL scheme (directory URLs by default);
    `site_files` and `stale_after_months` as for `check`. `documents_made` gets the
    finder's search documents (`BuildResult.search_documents`) as soon as they are made,
    before the pages. `site`: the site's name and licence (`site_info`; its address is
    `site_url`). `once`: the process builds once (`mkdocs build`, not the preview), so
    the scan's lists are let go after the check (`personal_data.release`).
    """
    if site_files is None:
        site_files = project_site_files(cases_dir)
    with collector_paused():
        result = _build(
            cases_dir,
            Freshness(today, stale_after_months),
            templates_dir,
            base,
            site_url,
            addresses or Addresses(),
            site_files,
            documents_made,
            site,
            once,
        )
    result.mode = mode
    return result


def _build(
    cases_dir: Path,
    freshness: Freshness,
    templates_dir: Path | None,
    base: Path | None,
    site_url: str,
    addresses: Addresses,
    site_files: frozenset[str],
    documents_made: Callable[[dict[str, str]], object] | None,
    site: SiteInfo | None = None,
    once: bool = False,
) -> BuildResult:
    checked = _check([cases_dir], cases_dir, base, site_files, freshness)
    if once:
        personal_data.release()  # every case is checked: the pages need no name list
    catalog = Catalog.build(checked.vocabulary, checked.published, freshness)
    catalog.prepare()
    if site_url and not site_url.endswith("/"):
        site_url += "/"  # every absolute URL is made by appending a page path
    site = replace(site or SiteInfo(), url=site_url)
    env = render.environment(templates_dir, addresses, site)
    case_page = render.case_page_renderer(catalog, env)
    search_document = search_documents.search_document_renderer(catalog)

    records = exports.Records()
    listed: dict[str, tuple[tuple[str, ...], Any]] = {}

    def about_all_cases() -> tuple[dict[str, str], dict[str, str]]:
        pages: dict[str, str] = {}
        for listing in render.listings(catalog, env):
            pages[listing.src] = listing.make()
            listed[listing.src] = (listing.cases, listing.figures)
        return pages, data_files(catalog, site_url, addresses, records, site)

    def page_and_document(entry: Entry) -> tuple[str, str]:
        # The page first: its document reads the text of the Markdown the page just parsed.
        page = case_page(entry)
        return page, search_document(entry)

    # Each case's page and search document, and the pages and files about all cases, are
    # independent: they are made side by side, on every core the machine has.
    per_case, (listings, data) = parallel.map_beside(
        page_and_document, catalog.entries, about_all_cases
    )
    documents = {
        addresses.document_path(entry.src): document
        for entry, (_, document) in zip(catalog.entries, per_case, strict=True)
    }
    if documents_made is not None:
        documents_made(documents)  # the finder's index is made while the site is themed
    pages = {entry.src: page for entry, (page, _) in zip(catalog.entries, per_case, strict=True)}
    pages.update(listings)
    # Checked by `validate_links` (inside cases/media/, no symlink, an image by content);
    # copied without metadata.
    # One copy per image, however many cases name it.
    media = {
        name: clean_copy(cases_dir, name)
        for name in dict.fromkeys(
            image.bestand for entry in catalog.entries for image in entry.case.afbeeldingen or []
        )
    }
    return BuildResult(
        pages,
        data,
        media,
        documents,
        checked.problems,
        checked.held_back,
        catalog,
        files_checked=len(checked.files),
        notices=checked.notices,
        listed=listed,
        records=records,
    )


def data_files(
    catalog: Catalog,
    site_url: str,
    addresses: Addresses,
    records: exports.Records | None = None,
    site: SiteInfo | None = None,
) -> dict[str, str]:
    """The site's data files: the JSON Schema, the exports and `robots.txt`, by path.
    `site_url` ends in `/` (or is empty); `records` as for `exports.data_files`."""
    return {
        schema.SCHEMA_PATH: schema.json_schema_text(catalog.vocabulary),
        **exports.data_files(catalog, site_url, addresses, records, site),
        "robots.txt": hosting.robots_txt(site_url),
    }


def snippets() -> dict[str, str]:
    """Generated pieces that hand-written pages include by a marker (the author guide's
    field list comes from the model, so it can never fall behind)."""
    return {
        "<!-- maatwerkbank:velden -->": field_table.field_reference(),
        "<!-- maatwerkbank:niveaus -->": field_table.levels_reference(),
    }
