"""The case model's fields with their uses resolved: what every derived list is read from.

`case_fields()` walks `model.Case` and its blocks and gives each field its `uses.Use`
settled: a block's page, export and form passed down to its fields, the defaults filled
in, and what the type already says (a date is no free text for the scan) taken from the
type. The scan's field list, the CSV columns, the form's text areas, the preview's field
list and the contract's tables are made from these records, never from a list of names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.contract import model
from generator.contract.uses import Export, Form, Hidden, Part, Scan, use_of


@dataclass(frozen=True)
class CaseField:
    """One field of the case model, with its uses settled."""

    path: str
    """Dotted, list items left out: `partners.naam`."""
    name: str
    info: FieldInfo
    kind: str
    """What its values are: text, markdown, url, email, file, slug, choice, terms, date,
    period, bool, amount (euro, a number), or block (a nested block, `fields` holds its
    fields)."""
    many: bool
    """A list (of values, or of blocks)."""
    scan: Scan | Hidden
    page: Part | Hidden | None
    """None: neither shown nor hidden with a reason (a test says so)."""
    label: str
    """How the page and the preview name it."""
    heading: str
    """The label of the section it is shown in: its own, or its block's."""
    export: Export | Hidden
    form: Form | Hidden
    column: str
    """Its column in `cases.csv` when exported there: the path joined with `_`, up to
    the list of blocks it is in (`partners.naam` is the column `partners`)."""
    fields: tuple[CaseField, ...] = ()

    @property
    def title(self) -> str:
        return self.info.title or self.name

    @property
    def vocabulary(self) -> str | None:
        """For a field of vocabulary terms, the list they come from (`themas`, `geldstromen`)."""
        return model.terms_kind(self.info)


def case_fields(case: type[BaseModel] | None = None) -> tuple[CaseField, ...]:
    """The fields of the case model (or of another model of its shape), in its order."""
    return _fields_of(case or model.Case, "", None, None)


def walk(fields: tuple[CaseField, ...]) -> Iterator[CaseField]:
    """Every field and every field of its blocks, depth first, in the model's order."""
    for field in fields:
        yield field
        yield from walk(field.fields)


def leaves(fields: tuple[CaseField, ...]) -> Iterator[CaseField]:
    """The fields that hold values, not blocks."""
    return (field for field in walk(fields) if not field.fields)


def _fields_of(
    block: type[BaseModel], prefix: str, parent: CaseField | None, column: str | None
) -> tuple[CaseField, ...]:
    found = []
    for name, info in block.model_fields.items():
        use = use_of(info)
        nested = model.block_in(info.annotation)
        many = model.is_list(info.annotation)
        kind = "block" if nested is not None else _kind(info)
        path = f"{prefix}{name}"
        own_column = column or path.replace(".", "_")
        field = CaseField(
            path=path,
            name=name,
            info=info,
            kind=kind,
            many=many,
            scan=_scan(use.scan, kind),
            page=use.page or (parent.page if parent else None),
            label=use.label or info.title or name,
            heading=(use.label or info.title or name)
            if use.page or parent is None
            else parent.heading,
            export=use.export or (parent.export if parent else "json"),
            form=use.form or (parent.form if parent else "line"),
            column=own_column,
        )
        if nested is not None:
            inner = own_column if many else None
            children = _fields_of(nested, f"{path}.", field, inner)
            field = replace(field, fields=children)
        found.append(field)
    return tuple(found)


_NOT_FREE_TEXT = {
    "choice": "a choice",
    "terms": "vocabulary terms",
    "date": "a date",
    "period": "a date or month",
    "bool": "true or false",
    "amount": "a number",
    "block": "a block: the scan reads its fields",
}


def _scan(declared: Scan | Hidden | None, kind: str) -> Scan | Hidden:
    """How the scan reads a field: its type first (no free text, nothing to read), then
    what the field declares, else as narrative text (the strictest reading)."""
    if kind in _NOT_FREE_TEXT:
        return Hidden(_NOT_FREE_TEXT[kind])
    return declared or "text"


def _kind(info: FieldInfo) -> str:
    annotation = info.annotation
    if model.choices_of(annotation):
        return "choice"
    if model.is_terms(info):
        return "terms"
    if model.has_type(annotation, bool):
        return "bool"
    if model.has_type(annotation, date):
        return "date"
    if model.is_period(info):
        return "period"
    if model.is_amount(info):
        return "amount"
    if model.is_markdown(info):
        return "markdown"
    return _PATTERN_KINDS.get(model.pattern_of(info) or "", "text")


_PATTERN_KINDS = {
    model.URL_PATTERN: "url",
    model.HTTPS_PATTERN: "url",
    model.EMAIL_PATTERN: "email",
    model.MEDIA_PATTERN: "file",
    model.SLUG_PATTERN: "slug",
}


def csv_fields(fields: tuple[CaseField, ...] | None = None) -> list[CaseField]:
    """The fields that are columns of `cases.csv` (after `slug` and `url`), in order."""
    found = [field for field in leaves(fields or case_fields()) if field.export == "csv"]
    columns = [field.column for field in found]
    if len(set(columns)) < len(columns):
        raise ValueError(f"two fields of the model make one column of cases.csv: {columns}")
    return found


def value_at(case: Any, field: CaseField) -> Any:
    """A field's value in a case (a validated model), None where it is not filled in; for
    a field in a list of blocks, the list of its values in the items that have one."""
    parts = field.path.split(".")
    values: list[Any] = [case]
    spread = False
    for part in parts[:-1]:
        inner_values: list[Any] = []
        for value in values:
            inner = getattr(value, part, None)
            if isinstance(inner, list):
                inner_values.extend(inner)
                spread = True
            elif inner is not None:
                inner_values.append(inner)
        values = inner_values
    last = [getattr(value, parts[-1], None) for value in values]
    if spread:
        return [value for value in last if value is not None]
    return last[0] if last else None
