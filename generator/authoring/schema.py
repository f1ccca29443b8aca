"""The JSON Schema of the case format, which editors use to complete and check while typing.

Pydantic's own schema of `contract.model.Case`, with the vocabulary's terms as choices; the
content gate refuses a committed `schema/case.schema.json` that is not this.
"""

from __future__ import annotations

import json
from typing import Any

from generator.contract.model import Case
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
