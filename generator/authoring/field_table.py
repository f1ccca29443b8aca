"""The tables of every field, made from the model so they can never fall behind: the author
guide's (HTML, on the site), the contract's in `docs/case-format.md` and the developers' in
`docs/fields.md` (Markdown, between markers; `make docs` rewrites them, a test fails while
the committed ones differ)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from pydantic.fields import FieldInfo

from generator.contract import labels
from generator.contract.fields import CaseField, case_fields, csv_fields, walk
from generator.contract.model import (
    Case,
    block_in,
    choices_of,
    example_of,
    lengths_of,
    max_items,
    min_items,
    takes_number,
)
from generator.contract.uses import Hidden, Part


def field_reference() -> str:
    """HTML: every field of every block, with its rule and an example.

    A table on a wide screen; on a phone each field stacks into a block with the column
    names before the values (`data-label`, the stylesheet). Explicit roles keep it a table
    for screen readers, which some browsers forget once a table's display changes.
    """
    rows: list[str] = []
    for name, info in Case.model_fields.items():
        rows += _reference_rows(name, info)
    head = "".join(
        f'<th role="columnheader" scope="col">{title}</th>' for title in _REFERENCE_COLUMNS
    )
    return (
        '<table class="mwb-fields" role="table">\n'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n'
        f'<tbody role="rowgroup">\n{"".join(rows)}</tbody>\n</table>\n'
    )


_REFERENCE_COLUMNS = ("veld", "verplicht", "uitleg", "voorbeeld")


def levels_reference() -> str:
    """HTML: the steps of `onderbouwing.niveau`, low to high, each with its label as the
    case page shows it, the value to write, and its meaning (`labels.NIVEAU_UITLEG`)."""
    items = "".join(
        f"<dt>{_h(label)} (<code>{level}</code>)</dt>\n<dd>{_h(labels.NIVEAU_UITLEG[level])}"
        f"{' Vul dan ook <code>bron</code> in.' if level in labels.NIVEAU_MET_BRON else ''}"
        "</dd>\n"
        for level, label in labels.NIVEAU.items()
    )
    return f'<dl class="mwb-levels">\n{items}</dl>\n'


def _reference_rows(name: str, info: FieldInfo) -> list[str]:
    required = "ja" if info.is_required() else ("bij pilot" if name == "pilot" else "nee")
    example = example_of(info)
    shown = "" if example is None else f"<code>{_h(json.dumps(example, ensure_ascii=False))}</code>"
    cells = (f"<code>{_h(name)}</code>", required, _h(info.description or ""), shown)
    row = "".join(
        f'<td role="cell" data-label="{title}">{cell}</td>'
        for title, cell in zip(_REFERENCE_COLUMNS, cells, strict=True)
    )
    rows = [f'<tr role="row">{row}</tr>\n']
    block = block_in(info.annotation)
    if block is not None:
        for sub, sub_info in block.model_fields.items():
            rows += _reference_rows(f"{name}.{sub}", sub_info)
    return rows


def _h(text: str) -> str:
    return html.escape(text, quote=False)


# --- the contract's tables (docs/case-format.md) and the developers' (docs/fields.md) ---------

CONTRACT_DOC = "docs/case-format.md"
FIELDS_DOC = "docs/fields.md"
BEGIN = "<!-- begin: generated from the model by `make docs`; do not edit by hand -->"
END = "<!-- end: generated from the model -->"

_PARTS = {
    Part.TITLE: "the page's heading",
    Part.LEAD: "the lead paragraph",
    Part.FACTS: "the facts box",
    Part.PILOT: "the box 'De pilot in het kort'",
    Part.SECTION: "section '{label}'",
    Part.FIGURE: "a figure",
    Part.ALT: "a figure's text alternative",
}
_KINDS = {
    "text": "text",
    "markdown": "Markdown",
    "url": "web address (`https://...`)",
    "email": "e-mail address",
    "file": "image file in `cases/media/`",
    "slug": "name of a case file (without `.yaml`)",
    "terms": "vocabulary term",
    "date": "date (`YYYY-MM-DD`)",
    "period": "date or month (`YYYY-MM`)",
    "bool": "`ja` or `nee` (also `true`, `false`)",
    "amount": "amount in euro (a number, at least 0)",
}


_LISTS = {
    "slug": "list of names of case files (without `.yaml`)",
}


def contract_tables(fields: tuple[CaseField, ...] | None = None) -> str:
    """Markdown: the case's fields (required, then optional), then one table per block,
    and the columns of `cases.csv`; all read from the model."""
    fields = fields or case_fields()
    out = ["Required for every case:\n", _table([f for f in fields if f.info.is_required()])]
    out += ["Optional:\n", _table([f for f in fields if not f.info.is_required()])]
    for block in walk(fields):
        if block.fields:
            what = "each item of" if block.many else "the block"
            out += [f"Fields of {what} `{block.path}`:\n", _table(list(block.fields), block)]
    columns = ", ".join(f"`{c}`" for c in ("slug", "url", *(f.column for f in csv_fields(fields))))
    out.append(
        f"`cases.csv` has one row per published case, with the columns {columns}; the "
        "values of a list are joined by `; `.\n"
    )
    return "\n".join(out)


def _table(fields: list[CaseField], block: CaseField | None = None) -> str:
    rows = ["| key | type | required | description | on the site |", "|---|---|---|---|---|"]
    for field in fields:
        required = "yes" if field.info.is_required() else "no"
        if field.path == "pilot":
            required = "when `soort: pilot`, else absent"
        cells = (
            f"`{field.path}`",
            _type(field),
            required,
            field.info.description or "",
            _published(field, block),
        )
        rows.append("| " + " | ".join(cells).replace("\n", " ") + " |")
    return "\n".join(rows) + "\n"


def _type(field: CaseField) -> str:
    info = field.info
    most = max_items(info) if field.many else None
    if field.kind == "block":
        keys = ", ".join(f.name + ("" if f.info.is_required() else "?") for f in field.fields)
        shape = f"`{{{keys}}}`"
        return (
            (f"list of {shape}" + (f" (at most {most})" if most else "")) if field.many else shape
        )
    if field.kind == "choice":
        choices = [f"`{c}`" for c in choices_of(info.annotation)]
        kind = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    else:
        kind = _KINDS[field.kind]
        if takes_number(info):
            kind += " or whole number"
    rules = []
    lengths = lengths_of(info)
    if lengths:
        rules.append(f"{lengths[0]} to {lengths[1]} characters")
    fewest = min_items(info) if field.many else None
    if fewest:
        rules.append(f"at least {fewest}")
    if most:
        rules.append(f"at most {most}")
    if field.vocabulary:
        kind = f"term from the vocabulary's `{field.vocabulary}`"
    if field.many:
        kind = _LISTS.get(field.kind, f"list of {kind}")
        if field.vocabulary:
            kind = f"list of terms from the vocabulary's `{field.vocabulary}`"
    return kind + (f" ({', '.join(rules)})" if rules else "")


def _published(field: CaseField, block: CaseField | None) -> str:
    """Where a field shows and which open data hold it, or why not."""
    if isinstance(field.export, Hidden) and block and block.export == field.export:
        return f"not published (as `{block.path}`)"
    if isinstance(field.export, Hidden):
        return f"not published: {field.export.reason}"
    if isinstance(field.page, Hidden):
        where = f"not on the case page ({field.page.reason})"
    elif field.page is None:
        where = "not on the case page (**undecided**)"
    else:
        where = _PARTS[field.page].format(label=field.heading)
    data = "`cases.json`"
    if field.export == "csv":
        data += f", `cases.csv` column `{field.column}`"
    elif field.kind == "block" and any(f.export == "csv" for f in field.fields):
        data += ", partly in `cases.csv`"
    return f"{where}; {data}"


def developer_table(fields: tuple[CaseField, ...] | None = None) -> str:
    """Markdown: every field with each use settled (`contract.fields`), for developers; a
    block's decision that its fields take over is said once, at the block."""
    rows = ["| field | scan | form | page | export |", "|---|---|---|---|---|"]
    rows += _developer_rows(fields or case_fields(), None)
    return "\n".join(rows) + "\n"


def _developer_rows(fields: tuple[CaseField, ...], block: CaseField | None) -> list[str]:
    rows = []
    for field in fields:
        cells = [f"`{field.path}`"]
        form: object = field.form if field.kind == "text" or field.fields else "(by type)"
        for name, use in (
            ("scan", field.scan),
            ("form", form),
            ("page", field.page),
            ("export", field.export),
        ):
            if isinstance(use, Hidden) and block and getattr(block, name) == use:
                cells.append(f"— (as `{block.path}`)")
            elif isinstance(use, Hidden):
                cells.append(f"— ({use.reason})")
            elif use is None:
                cells.append("**undecided**")
            elif isinstance(use, Part):
                heading = f" '{field.heading}'" if use is Part.SECTION else ""
                cells.append(f"{use.name.lower()}{heading}")
            else:
                cells.append(str(use))
        rows.append("| " + " | ".join(cells) + " |")
        rows += _developer_rows(field.fields, field)
    return rows


def with_generated(text: str, generated: str) -> str:
    """`text` with what stands between the markers replaced by `generated`."""
    head, begin, rest = text.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"the markers {BEGIN!r} and {END!r} are missing")
    return f"{head}{BEGIN}\n\n{generated}\n{END}{tail}"


def generated_docs(root: Path) -> dict[Path, str]:
    """The two docs with their generated parts as the model gives them now."""
    made = {CONTRACT_DOC: contract_tables(), FIELDS_DOC: developer_table()}
    return {
        root / name: with_generated((root / name).read_text(encoding="utf-8"), generated)
        for name, generated in made.items()
    }


if __name__ == "__main__":  # `make docs`
    for path, text in generated_docs(Path.cwd()).items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path.relative_to(Path.cwd())}")
