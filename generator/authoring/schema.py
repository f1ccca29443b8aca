"""The JSON Schema of the case format, which editors use to complete and check while typing.

Pydantic's own schema of `contract.model.Case`, with the vocabulary's terms as choices; the
content gate refuses a committed `schema/case.schema.json` that is not this.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.contract.model import Case, block_in, is_list, terms_kind
from generator.reading.vocabulary import Vocabulary

SCHEMA_PATH = "schema/case.schema.json"
SCHEMA_ID = "https://maatwerkbank.nl/schema/case.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema=../{SCHEMA_PATH}"
"""The first line of a case file: editors with the YAML language server check it while
typing against the schema (the template and the web form write it)."""


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
    for block in _blocks(Case):
        properties = (
            schema["properties"] if block is Case else schema["$defs"][block.__name__]["properties"]
        )
        for name, info in block.model_fields.items():
            kind = terms_kind(info)
            if kind is None:
                continue
            terms = vocabulary.terms(kind)
            choices = {
                "type": "string",
                "enum": list(terms),
                "description": "; ".join(f"{slug}: {t.label}" for slug, t in terms.items()),
            }
            if is_list(info.annotation):
                properties[name]["items"] = choices
            else:
                own = properties[name].get("description", "")
                properties[name] = {
                    **properties[name],
                    **choices,
                    "description": f"{own} Kies uit: {choices['description']}".strip(),
                }
    return schema


def _blocks(block: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The case model and every block in it (each once: pydantic's `$defs`)."""
    seen: set[type[BaseModel]] = set()
    stack = [block]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        stack.extend(
            nested
            for info in current.model_fields.values()
            if (nested := block_in(info.annotation)) is not None
        )


def json_schema_text(vocabulary: Vocabulary) -> str:
    return json.dumps(json_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"
