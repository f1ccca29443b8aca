"""What authors get from the model: the JSON Schema for editors and the guide's field list."""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SEED, Project, case_model_with_a_new_field
from PIL import Image
from pydantic import BaseModel
from test_site import text_of

from generator.authoring import case_template, field_table, schema
from generator.build import pipeline
from generator.cli.commands import main
from generator.contract import model
from generator.reading.vocabulary import load_vocabulary


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
    validator = jsonschema.Draft202012Validator(schema.json_schema(vocabulary))
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
        {"onderbouwing": {"niveau": "bewezen", "toelichting": "T"}},
        {"onderbouwing": {"niveau": "erkend", "toelichting": "T"}},
        {"kosten": [{"omschrijving": "O", "euro": -1, "eenheid": "totaal", "betaald_uit": "wmo"}]},
        {
            "kosten": [
                {"omschrijving": "O", "euro": "12.500", "eenheid": "totaal", "betaald_uit": "wmo"}
            ]
        },
        {"kosten": [{"omschrijving": "O", "euro": 5, "betaald_uit": "wmo"}]},
        {"kosten": [{"omschrijving": "O", "betaald_uit": "wmo2"}]},
        {"overgenomen_van": [{"verschil": "V"}]},
        {"overgenomen_van": [{"case": "x-y-z", "url": "https://a.example/", "verschil": "V"}]},
        {
            "afwijkingen": [
                {"regel": "R", "toelichting": "T", "grondslag": {"url": "https://a.nl/"}}
            ]
        },
    ):
        assert list(validator.iter_errors({**good, **bad})), bad
    for fine in (
        {"onderbouwing": {"niveau": "erkend", "toelichting": "T", "bron": "https://a.nl/"}},
        {"kosten": [{"omschrijving": "O", "euro": 0.5, "eenheid": "totaal", "betaald_uit": "wmo"}]},
        {"kosten": [{"omschrijving": "O", "betaald_uit": "wmo"}]},
        {"overgenomen_van": [{"url": "https://a.example/", "verschil": "V"}]},
    ):
        assert not list(validator.iter_errors({**good, **fine})), fine


def test_editor_is_wired_to_the_schema() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert "cases/*.yaml" in settings["yaml.schemas"]["./schema/case.schema.json"]
    template = case_template.case_template("x")
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
        "Met het webformulier",
        "Wat maakt een goede case?",
        "make new NAAM=",
        "make check",
        "make serve",
        "Publiceer",
        "herleidbaar",
        "Alle velden",
    ):
        assert topic in guide
    # the form comes first; commands are ones an author can type (no `maatwerkbank` on PATH)
    assert guide.index("Met het webformulier") < guide.index("Met een bestand")
    assert "maatwerkbank check" not in guide and "maatwerkbank new" not in guide


def test_a_new_field_in_the_model_reaches_template_schema_and_guide(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    extended = case_model_with_a_new_field()
    for module in (case_template, field_table, schema):
        monkeypatch.setattr(module, "Case", extended)
    assert "# wijk:" in case_template.case_template("x")
    assert (
        '<td role="cell" data-label="veld"><code>wijk</code></td>'
        '<td role="cell" data-label="verplicht">nee</td>'
        '<td role="cell" data-label="uitleg">De wijk waar het speelde.</td>'
    ) in field_table.field_reference()
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    assert "wijk" in schema.json_schema(vocabulary)["properties"]


# --- the template's examples -----------------------------------------------------------------


def tiny_jpeg() -> bytes:
    """A whole 1x1 JPEG (check decodes every image): the template's image example names
    media/uitbouw.jpg, which must exist."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1), (200, 200, 200)).save(out, "JPEG")
    return out.getvalue()


def filled_in(template: str, pilot: bool) -> str:
    """The template with every required field given its example from the model."""
    blocks: list[type[BaseModel]] = [model.Case, model.PilotBlok] if pilot else [model.Case]
    for block in blocks:
        for name, info in block.model_fields.items():
            if info.is_required() and info.examples:
                value = json.dumps(info.examples[0], ensure_ascii=False)
                template = re.sub(
                    rf'^(\s*){name}: (""|\[\]|\|\n)$',
                    rf"\g<1>{name}: {value}",
                    template,
                    flags=re.M,
                )
    return template


def uncommented(template: str) -> str:
    """Every commented example (`# field: value` and its indented lines) made live, as an
    author who wants the optional field would do: only the `# ` goes."""
    names = set(model.Case.model_fields) | set(model.PilotBlok.model_fields)
    lines, in_example = [], False
    for line in template.splitlines():
        example = re.match(r"^(\s*)# ([a-z_]+):", line)
        if example and example.group(2) in names:
            in_example = True
            line = example.group(1) + line.lstrip()[2:]
        elif in_example and re.match(r"^\s*#   ", line):
            line = line.replace("# ", "", 1)
        else:
            in_example = False
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("pilot", [False, True], ids=["casus", "pilot"])
def test_every_example_in_the_template_is_valid_when_uncommented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pilot: bool
) -> None:
    cases = tmp_path / "cases"
    (cases / "media").mkdir(parents=True)
    shutil.copy(SEED / "_vocabulaire.yaml", cases / "_vocabulaire.yaml")
    (cases / "media/uitbouw.jpg").write_bytes(tiny_jpeg())
    # the related case the example names
    related = filled_in(case_template.case_template("uitbouw-samenwonen-doetinchem"), pilot=False)
    (cases / "uitbouw-samenwonen-doetinchem.yaml").write_text(related, encoding="utf-8")
    text = uncommented(filled_in(case_template.case_template("voorbeeld", pilot=pilot), pilot))
    (cases / "voorbeeld.yaml").write_text(text, encoding="utf-8")
    data = yaml.safe_load(text)
    # nothing stayed commented: every field of the model is in the file
    assert set(data) == set(model.Case.model_fields) - (set() if pilot else {"pilot"})
    assert set(data["privacy"]) == set(model.Privacy.model_fields)
    assert isinstance(data["privacy"]["uitzonderingen"], list)
    if pilot:
        assert set(data["pilot"]) == set(model.PilotBlok.model_fields)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--today", "2026-01-15"])
    assert result.exit_code == 0, result.output


def test_the_template_tells_authors_commands_they_can_type() -> None:
    template = case_template.case_template("x")
    assert "# Controleer het bestand met: make check" in template
    assert "maatwerkbank check" not in template
