"""What authors get besides error messages, all derived from the case model.

- `case_template`: the commented Dutch YAML template behind `maatwerkbank new`;
- `json_schema`: the JSON Schema that editors use to complete and check while typing;
- `field_reference`: the field list of the author guide.
Because each is generated from `model.Case`, a field added to the model shows up in all
three without a hand edit.
"""

from __future__ import annotations

import html
import json
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.contract.model import Case, PilotBlok, block_in, choices_of, is_markdown
from generator.contract.model import is_list as holds_list
from generator.reading.vocabulary import Vocabulary

SCHEMA_PATH = "schema/case.schema.json"
SCHEMA_ID = "https://maatwerkbank.nl/schema/case.schema.json"


# --- the template --------------------------------------------------------------------------


def case_template(slug: str, *, pilot: bool = False) -> str:
    """A new case file: required fields empty (check asks for them), optional ones commented."""
    lines = [
        f"# yaml-language-server: $schema=../{SCHEMA_PATH}",
        f"# Nieuwe case: {slug}",
        "# Vul de velden in. Regels die met # beginnen zijn uitleg en voorbeelden; je mag ze",
        "# laten staan of weghalen. Haal het # weg voor een optioneel veld dat je wilt gebruiken.",
        "# Controleer het bestand met: make check (of bekijk de pagina met: make serve)",
        "# De status blijft 'concept' tot je de case wilt publiceren: zet hem dan op",
        "# 'gepubliceerd'.",
        "",
    ]
    for name, info in Case.model_fields.items():
        if name == "pilot" and not pilot:
            continue
        lines += _template_field(name, info, pilot=pilot)
    return "\n".join(lines).rstrip() + "\n"


_PREFILLED = {"soort": None, "status": "concept"}


def _template_field(name: str, info: FieldInfo, *, pilot: bool) -> list[str]:
    required = info.is_required() or (name == "pilot" and pilot)
    label = info.title or name
    lines = [f"# {label}{'' if required else ' (optioneel)'}: {info.description or ''}".rstrip()]
    block = block_in(info.annotation)
    is_list = holds_list(info.annotation)
    if name == "pilot":
        lines.append("pilot:")
        for sub, sub_info in PilotBlok.model_fields.items():
            sub_lines = _template_field(sub, sub_info, pilot=pilot)
            lines += ["  " + line if line else line for line in sub_lines[:-1]]
        return lines + [""]
    example = _example(name, info)
    choices = choices_of(info.annotation)
    if choices and name not in _PREFILLED:
        lines.append(f"# Kies uit: {', '.join(choices)}")
    if required:
        if name in _PREFILLED:
            value = ("pilot" if pilot else "casus") if name == "soort" else _PREFILLED[name]
            lines.append(f"{name}: {value}")
        elif is_list:
            if example:
                lines.append(f"# Bijvoorbeeld: {name}: [{', '.join(map(str, example))}]")
            lines.append(f"{name}: []")
        elif is_markdown(info):
            if example:
                lines.append(f"# Bijvoorbeeld: {example}")
            lines += [f"{name}: |", ""]
            return lines
        else:
            if example:
                lines.append(f"# Bijvoorbeeld: {example}")
            lines.append(f'{name}: ""')
    elif block is not None:
        lines += ["# " + line for line in _block_example(name, block, is_list)]
    else:
        shown = (
            f"[{', '.join(map(str, example))}]"
            if is_list and example
            else (
                json.dumps(example, ensure_ascii=False).lower()
                if isinstance(example, bool)
                else example
            )
        )
        lines.append(f"# {name}: {shown if shown not in (None, '') else ''}".rstrip())
    return lines + [""]


def _block_example(name: str, block: type[BaseModel], is_list: bool) -> list[str]:
    lines = [f"{name}:"]
    indent = "  - " if is_list else "  "
    for i, (sub, info) in enumerate(block.model_fields.items()):
        example = _example(sub, info)
        nested = block_in(info.annotation)
        if nested is not None:
            lines.append(f"{'  ' if is_list else ''}  {sub}:")
            # A list inside a block (privacy.uitzonderingen) is written as a list, so the
            # example is valid when uncommented.
            nested_list = holds_list(info.annotation)
            for j, (sub2, info2) in enumerate(nested.model_fields.items()):
                lead = ("- " if j == 0 else "  ") if nested_list else ""
                lines.append(f"{'  ' if is_list else ''}    {lead}{sub2}: {_example(sub2, info2)}")
            continue
        if isinstance(example, bool):
            example = str(example).lower()
        prefix = indent if i == 0 else ("    " if is_list else "  ")
        lines.append(f"{prefix}{sub}: {example if example not in (None, '') else ''}".rstrip())
    return lines


def _example(name: str, info: FieldInfo) -> Any:
    examples = info.examples or []
    return examples[0] if examples else None


# --- the JSON Schema -------------------------------------------------------------------------


def json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The case format as JSON Schema, with the vocabulary's terms as choices."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Maatwerkbank-case"
    schema["description"] = (
        "Een case-bestand van de Maatwerkbank (cases/<naam>.yaml). Gegenereerd uit het model; "
        "niet met de hand wijzigen."
    )
    for kind in ("themas", "doelgroepen"):
        terms = vocabulary.terms(kind)
        schema["properties"][kind]["items"] = {
            "type": "string",
            "enum": list(terms),
            "description": "; ".join(f"{slug}: {t.label}" for slug, t in terms.items()),
        }
    return schema


def json_schema_text(vocabulary: Vocabulary) -> str:
    return json.dumps(json_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"


# --- the field reference of the author guide -----------------------------------------------


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
    example = _example(name, info)
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
