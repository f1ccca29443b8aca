"""Which of `check`'s rules on a single field the web form enforces too, and why not the rest.

`check` applies the model's field rules (`model.Case`: required fields, choices, patterns,
lengths, list sizes, dates, periods, yes/no, vocabulary terms, amounts). An author using the form
should meet them while typing, not in a failed pull request later. This module lists both
sides, each derived from its source: `check_rules()` from the model, `form_rules()` from
the generated Decap configuration. A test holds that every rule of the first is in the
second or in `CHECK_ONLY`, with the reason the form cannot hold it, so a rule added to the
model without its form counterpart fails a test instead of failing authors.
(Rules between fields, e.g. `pilot.einde` not before `pilot.start`, and between files are
`check`'s alone; the form shows their messages only through the pull request's check.)
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.authoring.web_form import FORMAT, SLUG
from generator.contract import model
from generator.contract.fields import case_fields, walk
from generator.contract.model import Case
from generator.contract.uses import Hidden
from generator.reading.vocabulary import Vocabulary

Rule = tuple[str, str]
"""(field path with `*` for a list's items, e.g. `partners.*.naam`; kind of rule)."""

CHECK_ONLY: dict[Rule, str] = {
    ("privacy.toestemming.vastgelegd_op", "verplicht"): (
        "required only when the optional block 'toestemming' is filled in; Decap can only "
        "require a field always, so check asks for it"
    ),
    ("privacy.toestemming.geldig_tot", "verplicht"): (
        "required only when the optional block 'toestemming' is filled in; Decap can only "
        "require a field always, so check asks for it"
    ),
    ("onderbouwing.niveau", "verplicht"): (
        "required only when the optional block 'onderbouwing' is filled in; Decap can only "
        "require a field always, so check asks for it"
    ),
    ("onderbouwing.toelichting", "verplicht"): (
        "required only when the optional block 'onderbouwing' is filled in; Decap can only "
        "require a field always, so check asks for it"
    ),
    ("afwijkingen.*.grondslag.naam", "verplicht"): (
        "required only when a deviation's optional block 'grondslag' is filled in; Decap can "
        "only require a field always, so check asks for it"
    ),
}
"""Rules the form cannot hold, with the reason; with `hidden_in_form()`, the rules of the
fields the model keeps out of the form."""

LEFT_OUT: dict[str, dict[str, str]] = {
    "casussen": {"pilot": "a casus has no pilot block (check: 'hoort alleen bij soort: pilot')"}
}
"""Blocks a collection leaves out on purpose, per collection."""


FILE_NAME: Rule = ("<bestand>", "naam")
"""`check`'s rule for a file's name (`loading.slug_problem`): 3 to 80 characters a-z, 0-9
and '-', not a name the site keeps for itself. The form names a new file by the same rule
(`file_names`, through the collection's slug, `web_form.SLUG`)."""
NOT_EMPTY: Rule = ("*", "leeg")
"""`check` refuses a field written without a value or as `""`; the form's file format
leaves out what an author emptied (`web_form.FORMAT`)."""


def check_rules() -> set[Rule]:
    """Every single-field rule the model makes `check` apply, and the two about every
    file: its name, and no empty values."""
    return _rules_of(Case, "") | {FILE_NAME, NOT_EMPTY}


def hidden_in_form() -> dict[Rule, str]:
    """The rules of the fields the model keeps out of the form (`Use.form`), with its
    reason: check applies them to what the file holds."""
    hidden = {f.path: f.form.reason for f in walk(case_fields()) if isinstance(f.form, Hidden)}
    return {
        rule: hidden[path]
        for rule in check_rules()
        if (path := rule[0].replace(".*", "")) in hidden
    }


def _rules_of(block: type[BaseModel], prefix: str) -> set[Rule]:
    rules: set[Rule] = set()
    for name, info in block.model_fields.items():
        path = f"{prefix}{name}"
        annotation = info.annotation
        if info.is_required():
            rules.add((path, "verplicht"))
        if model.choices_of(annotation):
            rules.add((path, "keuze"))
        if model.terms_kind(info):
            rules.add((path, "woordenlijst"))
        if model.is_amount(info):
            rules.add((path, "bedrag"))
        if model.has_type(annotation, bool):
            rules.add((path, "ja_nee"))
        if model.has_type(annotation, date):
            rules.add((path, "datum"))
        if model.is_period(info):
            rules.add((path, "periode"))
        pattern = model.pattern_of(info)
        nested = model.block_in(annotation)
        if model.is_list(annotation):
            if model.min_items(info):
                rules.add((path, "aantal"))
            if pattern:  # a list of patterned values (gerelateerd)
                rules.add((f"{path}.*", "patroon"))
            if nested is not None:
                rules |= _rules_of(nested, f"{path}.*.")
            continue
        if pattern:
            rules.add((path, "patroon"))
        if model.lengths_of(info):
            rules.add((path, "lengte"))
        if nested is not None:
            rules |= _rules_of(nested, f"{path}.")
    return rules


def form_rules(collection: dict[str, Any], vocabulary: Vocabulary) -> set[Rule]:
    """The rules one Decap collection of the generated config enforces, by field path."""
    rules = _form_rules_of(collection["fields"], "", vocabulary, Case)
    if collection.get("format") == FORMAT:
        rules.add(NOT_EMPTY)
        if collection.get("slug") == SLUG:
            rules.add(FILE_NAME)
    return rules


def _form_rules_of(
    fields: list[dict[str, Any]], prefix: str, vocabulary: Vocabulary, block: type[BaseModel]
) -> set[Rule]:
    rules: set[Rule] = set()
    for field in fields:
        name = field["name"]
        path = f"{prefix}{name}"
        info = block.model_fields[name]
        widget = field.get("widget", "string")
        hidden_value = field.get("default") if widget == "hidden" else None
        if field.get("required", True) is not False:
            rules.add((path, "verplicht"))
        choices = model.choices_of(info.annotation)
        options = [o["value"] if isinstance(o, dict) else o for o in field.get("options", [])]
        if choices and (options == choices or hidden_value in choices):
            rules.add((path, "keuze"))
        terms = model.terms_kind(info)
        if terms and set(options) == set(vocabulary.terms(terms)):
            rules.add((path, "woordenlijst"))
        if widget == "number" and field.get("min") == 0 and field.get("value_type") == "float":
            rules.add((path, "bedrag"))
        if widget == "boolean":
            rules.add((path, "ja_nee"))
        if widget == "datetime" and field.get("format") == "YYYY-MM-DD":
            rules.add((path, "datum"))
        pattern = field.get("pattern", [None])[0]
        if model.is_period(info) and pattern == model.PERIOD_PATTERN:
            rules.add((path, "periode"))
        if pattern and pattern == model.pattern_of(info):
            rules.add((path, "patroon"))
        lengths = model.lengths_of(info)
        if pattern and lengths and _bounds_length(pattern, *lengths):
            rules.add((path, "lengte"))
        low = model.min_items(info)
        if low and field.get("min") == low:
            rules.add((path, "aantal"))
        if widget == "relation":  # values are chosen from existing case files
            rules.add((f"{path}.*" if field.get("multiple") else path, "patroon"))
        nested = model.block_in(info.annotation)
        if nested is not None and "fields" in field:
            inner = f"{path}.*." if widget == "list" else f"{path}."
            rules |= _form_rules_of(field["fields"], inner, vocabulary, nested)
    return rules


def _bounds_length(pattern: str, low: int, high: int) -> bool:
    """Whether a form pattern accepts exactly the lengths `low`..`high` (tested on text)."""
    regex = re.compile(pattern)

    def ok(n: int) -> bool:
        return regex.search("a" * n) is not None

    return not ok(low - 1) and ok(low) and ok(high) and not ok(high + 1)


def missing_in_form(config: dict[str, Any], vocabulary: Vocabulary) -> dict[str, set[Rule]]:
    """Per collection, the model's rules the form neither enforces nor explains."""
    missing = {}
    for collection in config["collections"]:
        if collection.get("hide"):
            continue
        left_out = LEFT_OUT.get(collection["name"], {})
        missing[collection["name"]] = {
            rule
            for rule in check_rules()
            - form_rules(collection, vocabulary)
            - set(CHECK_ONLY)
            - set(hidden_in_form())
            if rule[0].split(".")[0] not in left_out
        }
    return missing
