"""What authors get from the model: the JSON Schema for editors and the guide's field list."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
from conftest import ROOT, SEED, Project, case_model_with_a_new_field
from pydantic import BaseModel
from test_site import text_of

from generator import authoring, model, pipeline
from generator.vocabulary import load_vocabulary


def all_fields(block: type[BaseModel] = model.Case, prefix: str = "") -> list[str]:
    names = []
    for name, info in block.model_fields.items():
        names.append(prefix + name)
        nested = model.block_in(info.annotation)
        if nested is not None:
            names += all_fields(nested, f"{prefix}{name}.")
    return names


def test_schema_is_valid_and_accepts_the_seed_cases(seed_site: Project) -> None:
    schema = json.loads(seed_site.html("schema/case.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "dakloosheid" in schema["properties"]["themas"]["items"]["enum"]
    assert schema["properties"]["soort"]["enum"] == ["casus", "pilot"]
    result = pipeline.check([SEED], SEED, date(2026, 1, 15))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for item in result.valid:
        data = item.case.model_dump(mode="json", exclude_none=True)
        assert not list(validator.iter_errors(data)), item.slug


def test_schema_rejects_what_check_rejects() -> None:
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    validator = jsonschema.Draft202012Validator(authoring.json_schema(vocabulary))
    good = {
        "soort": "casus",
        "titel": "Een titel",
        "samenvatting": "Een samenvatting van genoeg tekens.",
        "organisatie": "O",
        "gemeente": "G",
        "themas": ["samenwerking"],
        "doelgroepen": ["ouderen"],
        "status": "gepubliceerd",
        "bijgewerkt": "2025-01-10",
        "aanleiding": "A",
        "aanpak": "B",
        "lessen": ["L"],
        "tips_voor_gemeenten": ["T"],
    }
    assert not list(validator.iter_errors(good))
    for bad in (
        {"samenvating": "typo"},
        {"themas": ["samenwerkin"]},
        {"status": "klaar"},
        {"bijgewerkt": "10-01-2025"},
        {"titel": "Kort"},
        {"bronnen": [{"titel": "x", "url": "ftp://x"}]},
    ):
        assert list(validator.iter_errors({**good, **bad})), bad


def test_editor_is_wired_to_the_schema() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert "cases/*.yaml" in settings["yaml.schemas"]["./schema/case.schema.json"]
    template = authoring.case_template("x")
    assert template.startswith("# yaml-language-server: $schema=../schema/case.schema.json\n")
    for path in SEED.glob("[!_]*.yaml"):
        assert path.read_text().startswith(
            "# yaml-language-server: $schema=../schema/case.schema.json"
        )


def test_author_guide_documents_every_field(seed_site: Project) -> None:
    guide = text_of(seed_site.html("een-case-toevoegen/index.html"))
    missing = [name for name in all_fields() if name not in guide]
    assert not missing, missing
    assert len(all_fields()) > 50
    for topic in (
        "Wat maakt een goede case?",
        "maatwerkbank check",
        "make serve",
        "Publiceer",
        "herleidbaar",
        "Alle velden",
    ):
        assert topic in guide


def test_a_new_field_in_the_model_reaches_template_schema_and_guide(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(authoring, "Case", case_model_with_a_new_field())
    assert "# wijk:" in authoring.case_template("x")
    assert "| `wijk` | nee | De wijk waar het speelde. |" in authoring.field_reference()
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    assert "wijk" in authoring.json_schema(vocabulary)["properties"]
