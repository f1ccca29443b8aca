"""The web form asks for what `check` requires, and warns about personal data like the scan."""

from __future__ import annotations

import copy
import json
import re
import subprocess

import pytest
from conftest import SEED

from generator.authoring import form_rules
from generator.authoring import web_form as cms
from generator.privacy import personal_data
from generator.reading.loading import parse
from generator.reading.vocabulary import load_vocabulary


def vocabulary():  # type: ignore[no-untyped-def]
    return load_vocabulary(SEED / "_vocabulaire.yaml", "v")[0]


def config() -> dict:  # type: ignore[type-arg]
    return cms.cms_config(vocabulary(), cms.FormSettings(repo="org/repo"))


def collection(config: dict, name: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list, *path: str) -> dict:  # type: ignore[type-arg]
    found = next(f for f in fields if f["name"] == path[0])
    return field(found["fields"], *path[1:]) if path[1:] else found


def test_every_single_field_rule_of_check_is_in_the_form_or_explained() -> None:
    rules = form_rules.check_rules()
    # the model's rules are read from the model, not listed by hand
    assert {("titel", "lengte"), ("pilot.fase", "verplicht"), ("pilot.start", "periode")} <= rules
    assert {("themas", "woordenlijst"), ("bronnen.*.url", "patroon")} <= rules
    # and the two about every file: its name, and no empty values
    assert {form_rules.FILE_NAME, form_rules.NOT_EMPTY} <= rules
    assert form_rules.missing_in_form(config(), vocabulary()) == {
        "casussen": set(),
        "pilots": set(),
    }
    # the fields the model keeps out of the form leave their rules to check
    hidden = form_rules.hidden_in_form()
    assert ("privacy.uitzonderingen.*.waarde", "verplicht") in hidden
    # every check-only entry is a real rule the form does not hold, with a reason
    for rule, reason in {**form_rules.CHECK_ONLY, **hidden}.items():
        assert rule in rules, rule
        assert len(reason) > 20
        for name in ("casussen", "pilots"):
            assert rule not in form_rules.form_rules(collection(config(), name), vocabulary())


def test_a_form_rule_that_goes_missing_is_found() -> None:
    changed = copy.deepcopy(config())
    pilots = collection(changed, "pilots")
    field(pilots["fields"], "pilot", "fase")["required"] = False
    del field(pilots["fields"], "titel")["pattern"]
    field(pilots["fields"], "samenvatting")["pattern"][0] = "^[\\s\\S]{20,499}$"
    pilots["slug"] = "{{slug}}"  # Decap's own name: the whole title, up to 120 characters
    casussen = collection(changed, "casussen")
    casussen["format"] = "yaml"  # Decap's YAML: `regio: ""` for an emptied field
    assert form_rules.missing_in_form(changed, vocabulary()) == {
        "pilots": {
            ("pilot.fase", "verplicht"),
            ("titel", "lengte"),
            ("samenvatting", "lengte"),
            form_rules.FILE_NAME,
        },
        "casussen": {form_rules.NOT_EMPTY, form_rules.FILE_NAME},
    }


def test_a_pilot_cannot_leave_out_what_check_requires_of_its_block() -> None:
    pilots = collection(config(), "pilots")["fields"]
    assert "required" not in field(pilots, "pilot")
    for name in ("fase", "start"):
        assert "required" not in field(pilots, "pilot", name), name  # Decap: required
    for name in ("einde", "deelnemers", "maximale_duur", "evaluatie"):
        assert field(pilots, "pilot", name)["required"] is False, name
    # optional blocks still ask nothing of an author who leaves them empty
    assert field(pilots, "contact")["required"] is False


def test_related_cases_are_chosen_from_a_collection_the_form_has() -> None:
    built = config()
    names = {c["name"] for c in built["collections"]}
    related = field(collection(built, "casussen")["fields"], "gerelateerd")
    assert related["widget"] == "relation" and related["collection"] in names
    hidden = collection(built, related["collection"])
    assert hidden["hide"] is True and hidden["folder"] == "cases" and hidden["create"] is False


PERSONAL = {
    "telefoonnummer": ["06 12345678", "0314 123 456", "+31 6 12345678", "020-1234567"],
    "e-mailadres": ["jan.jansen@voorbeeld.nl"],
    "bsn": ["111222333", "1112.22.333"],
    "iban": ["NL91 ABNA 0417 1643 00"],
    "postcode": ["7001 AB 12", "7001AB"],
}
ORDINARY = [
    "Op 01-09-2024 begonnen 12 bewoners; in 2025 waren het er 14.",
    "Het kostte € 12.000 per jaar, 3 à 4 bewoners, 6 maanden.",
    "Zie paragraaf 4.2 van het rapport uit 2023.",
]


def narrative_patterns() -> dict[str, str]:
    """The form's pattern for each field the scan reads, by the scan's path."""
    fields = collection(config(), "pilots")["fields"]
    found = {}
    for path in sorted(cms.HINTED):
        form_field = field(fields, *path.split("."))
        if "field" in form_field:  # a list of texts: the hint is on its items
            form_field = form_field["field"]
        found[path] = form_field["pattern"][0]
    # every field the scan reads as text, a declared name or a role
    assert {"aanpak", "lessen", "citaten.wie", "organisatie", "pilot.evaluatie"} <= set(found)
    return found


@pytest.mark.parametrize("kind", sorted(PERSONAL))
def test_the_form_refuses_what_the_scan_finds(kind: str) -> None:
    for path, pattern in narrative_patterns().items():
        for value in PERSONAL[kind]:
            text = f"Dit is een tekst met {value} erin."
            assert not re.search(pattern, text), (path, value)
            document, _ = parse(f"aanpak: {text}\n".encode(), "x.yaml")
            assert document is not None
            found = personal_data.scan(document)[0]
            assert [p.message.split(")")[0] for p in found] == [
                f"mogelijk persoonsgegeven ({kind}"
            ], value


def test_the_form_accepts_ordinary_figures() -> None:
    for text in ORDINARY:
        for path, pattern in narrative_patterns().items():
            assert re.search(pattern, text), (path, text)
        document, _ = parse(f"aanpak: {text}\n".encode(), "x.yaml")
        assert document is not None
        assert personal_data.scan(document)[0] == [], text


def test_the_hints_mean_the_same_in_the_browser() -> None:
    """Decap tests patterns with JavaScript's RegExp: the same decisions as Python's."""
    pattern = narrative_patterns()["aanpak"]
    samples = [v for values in PERSONAL.values() for v in values] + ORDINARY
    script = (
        "const p = new RegExp(process.argv[1]);"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(s => p.test(s))));"
    )
    result = subprocess.run(
        ["node", "-e", script, pattern, json.dumps(samples)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [bool(re.search(pattern, s)) for s in samples]
    assert json.loads(result.stdout).count(True) == len(ORDINARY)
