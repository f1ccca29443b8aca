"""The author guide's table of every field, made from the model so it can never fall behind."""

from __future__ import annotations

import html
import json

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.contract.model import Case, block_in, example_of


def field_reference() -> str:
    """HTML: every field of every block, with its rule and an example.

    A table on a wide screen; on a phone each field stacks into a block with the column
    names before the values (`data-label`, the stylesheet). Explicit roles keep it a table
    for screen readers, which some browsers forget once a table's display changes.
    """
    rows: list[str] = []
    for name, info in Case.model_fields.items():
        rows += _reference_rows(name, info, Case)
    head = "".join(
        f'<th role="columnheader" scope="col">{title}</th>' for title in _REFERENCE_COLUMNS
    )
    return (
        '<table class="mwb-fields" role="table">\n'
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n'
        f'<tbody role="rowgroup">\n{"".join(rows)}</tbody>\n</table>\n'
    )


_REFERENCE_COLUMNS = ("veld", "verplicht", "uitleg", "voorbeeld")


def _reference_rows(name: str, info: FieldInfo, owner: type[BaseModel]) -> list[str]:
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
            rows += _reference_rows(f"{name}.{sub}", sub_info, block)
    return rows


def _h(text: str) -> str:
    return html.escape(text, quote=False)
