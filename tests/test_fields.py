"""Every field of the model, walked from the model itself (Datasette's "every setting is
documented"): documented in the contract, exported as its `Use` says, shown on the case
page of a real build and in the form's preview, or hidden with a reason.

Each check returns the problems it finds, naming the field and the place, so a field added
to the model without its page, its docs or its fixture value fails here with a sentence
that says where to look (`test_a_new_field_is_named_where_it_is_missing` proves it)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, SEED, Project, case_model_with_a_new_field

from generator.authoring import field_table
from generator.authoring import web_form as cms
from generator.contract import labels
from generator.contract.fields import CaseField, case_fields, leaves, walk
from generator.contract.uses import Hidden, Part, Use
from generator.reading.loading import parse
from generator.reading.vocabulary import load_vocabulary

FULL = FIXTURES / "cases" / "volledige-pilot.yaml"
PREVIEW = Path(__file__).parent / "js" / "preview.js"
MARKDOWN_IT = ROOT / "node_modules/markdown-it/dist/markdown-it.min.js"


def vocabulary():  # type: ignore[no-untyped-def]
    return load_vocabulary(SEED / "_vocabulaire.yaml", "v")[0]


def written(path: Path) -> dict[str, Any]:
    """A case file's values as written (the project's own reader: strings stay strings)."""
    document, problems = parse(path.read_bytes(), path.name)
    assert document is not None, problems
    return document.data  # type: ignore[no-any-return]


def values_in(data: Any, path: str) -> list[Any]:
    """The values at a dotted path in plain data (list items walked), empty ones left out."""
    found = [data]
    for part in path.split("."):
        step: list[Any] = []
        for value in found:
            inner = value.get(part) if isinstance(value, dict) else None
            step.extend(inner if isinstance(inner, list) else [inner])
        found = step
    return [value for value in found if value not in (None, "", [])]


def published(field: CaseField) -> bool:
    return isinstance(field.page, Part) or not isinstance(field.export, Hidden)


# --- the model says it -------------------------------------------------------------------


def undecided(fields: tuple[CaseField, ...]) -> list[str]:
    """Fields with no place on the page and no reason, and hidden uses without a reason."""
    problems = []
    for field in walk(fields):
        if field.page is None:
            problems.append(
                f"'{field.path}': not on the case page and no reason why; say where in the "
                "model: Use(page=Part....) or Use(page=Hidden('why'))"
            )
        for use in (field.scan, field.page, field.export, field.form):
            if isinstance(use, Hidden) and not use.reason.strip():
                problems.append(f"'{field.path}': hidden without a reason: {use}")
        if not field.info.description:
            problems.append(f"'{field.path}': no description for the form and the docs")
    return problems


def test_every_field_is_shown_or_hidden_with_a_reason() -> None:
    assert undecided(case_fields()) == []


def test_the_full_contract_fixture_fills_every_published_field() -> None:
    data = written(FULL)
    missing = [
        f"'{field.path}': {FULL.relative_to(ROOT)} has no value for it; give it one, so "
        "the tests can see where it goes"
        for field in leaves(case_fields())
        if published(field) and not values_in(data, field.path)
    ]
    assert missing == []


# --- documented --------------------------------------------------------------------------


def test_the_field_tables_in_docs_are_current() -> None:
    """Like the committed JSON Schema: the generated tables equal what the model gives."""
    for path, text in field_table.generated_docs(ROOT).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.relative_to(ROOT)} differs from the model: run `make docs` and commit"
        )


def undocumented(fields: tuple[CaseField, ...], doc: str) -> list[str]:
    rows = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `([a-z_.]+)` \| [^|]+ \| [^|]+ \| ([^|]*) \|", doc, re.M)
    }
    return [
        f"'{field.path}': no row with a description in docs/case-format.md"
        for field in walk(fields)
        if not rows.get(field.path, "").strip()
    ]


def test_every_field_is_documented_in_the_contract() -> None:
    doc = (ROOT / field_table.CONTRACT_DOC).read_text(encoding="utf-8")
    assert undocumented(case_fields(), doc) == []
    # the rows are the generated ones, between the markers, not a hand-kept table
    generated = doc.split(field_table.BEGIN)[1].split(field_table.END)[0]
    assert undocumented(case_fields(), generated) == []


# --- exported ----------------------------------------------------------------------------


def not_exported_as_said(
    fields: tuple[CaseField, ...], data: dict[str, Any], record: dict[str, Any], row: dict[str, str]
) -> list[str]:
    """The fields whose value as written is not in the case's JSON record and CSV row as
    the model says (or is there although hidden)."""
    problems = []
    for field in leaves(fields):
        # an amount is a number in the export (12.5 for "12.50"); any other value as written
        same = (lambda v: str(float(v))) if field.kind == "amount" else (lambda v: str(v).strip())
        values = [same(v) for v in values_in(data, field.path)]
        exported = [same(v) for v in values_in(record, field.path)]
        if isinstance(field.export, Hidden):
            if exported or field.path.split(".")[0] in record:
                problems.append(f"'{field.path}': in cases.json although hidden")
            continue
        if exported != values:
            problems.append(f"'{field.path}': cases.json has {exported}, the file {values}")
        if field.export == "csv" and row.get(field.column) != "; ".join(values):
            problems.append(
                f"'{field.path}': column '{field.column}' of cases.csv has "
                f"{row.get(field.column)!r}, the file {values}"
            )
    return problems


def test_every_field_is_exported_as_the_model_says(fixture_site: Project) -> None:
    records = json.loads(fixture_site.html("cases.json"))["cases"]
    raw = (fixture_site.site / "cases.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=";"))
    for path in (FULL, *sorted(SEED.glob("[!_]*.yaml"))):
        slug = path.stem
        record = next(r for r in records if r["slug"] == slug)
        row = next(r for r in rows if r["slug"] == slug)
        assert not_exported_as_said(case_fields(), written(path), record, row) == [], slug
    # the privacy block of a case is in its file, never in the open data
    assert "privacy" in written(FULL) and not any("privacy" in r for r in records)


# --- shown on the case page and in the preview ---------------------------------------------


def parts_of(page: str) -> dict[str, str]:
    """The parts of a case page (or of the preview's), by `Part` value; sections by
    `sectie:<heading>`; each as text with its attributes' values (HTML unescaped)."""
    article = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    assert article is not None
    body = article.group(1)
    parts: dict[str, str] = {}
    for part, pattern in (
        (Part.TITLE, r"<h1[^>]*>(.*?)</h1>"),
        (Part.LEAD, r'<p class="mwb-lead">(.*?)</p>'),
        (Part.FACTS, r'<ul class="mwb-meta">(.*?)</ul>'),
        (Part.PILOT, r'<div class="admonition info mwb-pilot">(.*?)</div>'),
    ):
        found = re.search(pattern, body, re.S)
        parts[part] = html.unescape(found.group(1)) if found else ""
    figures = html.unescape(
        "".join(re.findall(r'<figure class="mwb-figure">.*?</figure>', body, re.S))
    )
    parts[Part.FIGURE] = parts[Part.ALT] = figures
    for chunk in re.split(r"(?=<h2)", body)[1:]:
        heading, _, rest = chunk.partition("</h2>")
        title = html.unescape(re.sub(r"<[^>]+>", "", heading.split(">", 1)[1])).rstrip("¶")
        parts[f"sectie:{title}"] = html.unescape(rest)
    return parts


def shown_as(field: CaseField, value: Any) -> str:
    """How a reader sees a value as written."""
    if field.kind == "choice":
        return labels.CHOICES[field.name][value]
    if field.kind == "terms":
        return vocabulary().terms(field.vocabulary)[value].label  # type: ignore[no-any-return]
    if field.kind == "amount":
        return labels.euro(float(value))
    if field.kind in ("date", "period"):
        return labels.dutch_period(str(value))
    if field.kind == "markdown":
        return str(value).strip().splitlines()[0].lstrip("# ")
    return str(value)


def not_shown(fields: tuple[CaseField, ...], data: dict[str, Any], page: str) -> list[str]:
    """The fields whose values are not in the part of the page their `Use` names."""
    parts = parts_of(page)
    problems = []
    for field in leaves(fields):
        if not isinstance(field.page, Part):
            continue
        key = f"sectie:{field.heading}" if field.page is Part.SECTION else str(field.page)
        for value in values_in(data, field.path):
            if shown_as(field, value) not in parts.get(key, ""):
                problems.append(f"'{field.path}': {shown_as(field, value)!r} not in {key}")
    return problems


FIXTURE_CASES = [FULL, *sorted(SEED.glob("[!_]*.yaml"))]


def fields_shown_nowhere(check: Any) -> list[str]:
    """A field passes when one fixture case shows it where the model says (a casus shows
    its status in the facts box, a pilot its phase); returns the fields none shows."""
    missing = None
    for path in FIXTURE_CASES:
        problems = {p.split("'")[1]: p for p in check(path)}
        missing = (
            problems if missing is None else {k: v for k, v in missing.items() if k in problems}
        )
    return sorted((missing or {}).values())


def test_every_field_is_shown_on_the_case_page(fixture_site: Project) -> None:
    def check(path: Path) -> list[str]:
        page = fixture_site.html(f"cases/{path.stem}/index.html")
        return not_shown(case_fields(), written(path), page)

    assert fields_shown_nowhere(check) == []
    # every value of the full case, not only one of them, is on its page
    assert check(FULL) == []


def preview_of(data: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The form's preview of a case, as its script renders it (tests/js/preview.js)."""
    files = cms.admin_files(vocabulary(), cms.FormSettings(repo="org/repo"))
    script = tmp_path / "voorbeeld.js"
    script.write_text(files["beheer/voorbeeld.js"], encoding="utf-8")
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        ["node", str(PREVIEW), str(script), str(MARKDOWN_IT), str(case)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_every_field_is_shown_in_the_form_preview(tmp_path: Path) -> None:
    def check(path: Path) -> list[str]:
        data = written(path)
        return not_shown(case_fields(), data, preview_of(data, tmp_path)["html"])

    assert fields_shown_nowhere(check) == []
    assert check(FULL) == []


def test_the_preview_is_there_for_every_collection_of_the_form(tmp_path: Path) -> None:
    config = cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo"))
    registered = preview_of(written(FULL), tmp_path)["registered"]
    assert registered == [c["name"] for c in config["collections"]]
    assert {"casussen", "pilots"} <= set(registered)


# --- the checks can fail ---------------------------------------------------------------------


def with_wijk(use: Use | None) -> tuple[CaseField, ...]:
    """The model's fields plus `wijk`, an optional text field (conftest), with `use`."""
    extended = case_model_with_a_new_field()
    if use is not None:
        extended.model_fields["wijk"].metadata.append(use)
    return case_fields(extended)


def test_a_new_field_is_named_where_it_is_missing(tmp_path: Path, fixture_site: Project) -> None:
    """What a later issue adding `wijk` to the model alone meets, check by check."""
    bare = with_wijk(None)
    assert [p for p in undecided(bare) if p not in undecided(case_fields())] == [
        "'wijk': not on the case page and no reason why; say where in the model: "
        "Use(page=Part....) or Use(page=Hidden('why'))"
    ]
    contract = (ROOT / field_table.CONTRACT_DOC).read_text(encoding="utf-8")
    assert [
        p for p in undocumented(bare, contract) if p not in undocumented(case_fields(), contract)
    ] == ["'wijk': no row with a description in docs/case-format.md"]
    shown = with_wijk(Use(page=Part.FACTS))
    data = {**written(FULL), "wijk": "Binnenstad-Oost"}
    page = fixture_site.html("cases/volledige-pilot/index.html")
    assert "'wijk': 'Binnenstad-Oost' not in feiten" in not_shown(shown, data, page)
    records = json.loads(fixture_site.html("cases.json"))["cases"]
    record = next(r for r in records if r["slug"] == "volledige-pilot")
    raw = (fixture_site.site / "cases.csv").read_bytes().decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(raw, newline=""), delimiter=";")
    row = next(r for r in rows if r["slug"] == "volledige-pilot")
    assert not_exported_as_said(shown, data, record, row) == [
        "'wijk': cases.json has [], the file ['Binnenstad-Oost']"
    ]


@pytest.mark.parametrize("kind", ["scan", "export"])
def test_a_field_hidden_without_a_reason_is_named(kind: str) -> None:
    fields = with_wijk(Use(page=Part.FACTS, **{kind: Hidden("")}))  # type: ignore[arg-type]
    assert [p for p in undecided(fields) if p not in undecided(case_fields())] == [
        "'wijk': hidden without a reason: Hidden(reason='')"
    ]
