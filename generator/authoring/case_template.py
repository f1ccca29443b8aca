"""The commented Dutch YAML template behind `maatwerkbank new` and `make new`.

Generated from `contract.model.Case`, so a field added to the model shows up here without a
hand edit; every commented example is valid when uncommented (a test uncomments them all).
"""

from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.authoring.schema import SCHEMA_COMMENT
from generator.contract.model import Case, PilotBlok, block_in, choices_of, example_of, is_markdown
from generator.contract.model import is_list as holds_list


def case_template(slug: str, *, pilot: bool = False) -> str:
    """A new case file: required fields empty (check asks for them), optional ones commented."""
    lines = [
        SCHEMA_COMMENT,
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
    example = example_of(info)
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
    first = True
    for sub, info in block.model_fields.items():
        example = example_of(info)
        nested = block_in(info.annotation)
        if example is None and nested is None and not info.is_required():
            continue  # an alternative the description names (`overgenomen_van.url`)
        if nested is not None:
            lines.append(f"{'  ' if is_list else ''}  {sub}:")
            # A list inside a block (privacy.uitzonderingen) is written as a list, so the
            # example is valid when uncommented.
            nested_list = holds_list(info.annotation)
            for j, (sub2, info2) in enumerate(nested.model_fields.items()):
                lead = ("- " if j == 0 else "  ") if nested_list else ""
                lines.append(f"{'  ' if is_list else ''}    {lead}{sub2}: {example_of(info2)}")
            continue
        if isinstance(example, bool):
            example = str(example).lower()
        prefix = indent if first else ("    " if is_list else "  ")
        first = False
        lines.append(f"{prefix}{sub}: {example if example not in (None, '') else ''}".rstrip())
    return lines
