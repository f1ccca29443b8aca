"""The web form for authors (Decap CMS at /beheer/), generated from the case model.

Every field of the contract becomes a form field with its Dutch label and help text, the
required flags, choices and patterns, taken from `model.Case` (the same classes that
validate files and give the JSON Schema), so a change to the model changes the form with
no hand edit. Files are read and written in the project's own format (`FORMAT`, with
js-yaml: values as written, the schema comment and the model's key order kept, emptied
fields left out), new ones named by check's rule (`file_names`). The narrative fields
also get the personal-data scan's simple patterns as hints
(`personal_data.SIMPLE_PATTERNS`), and the preview script gets the site's Dutch labels
and the collections' names from here (`preview_data`); `form_rules` checks that the form
holds every single-field rule `check` applies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.authoring import file_names, form_texts
from generator.authoring.schema import SCHEMA_COMMENT
from generator.contract import labels, model
from generator.contract.fields import CaseField, case_fields, walk
from generator.contract.model import Case
from generator.contract.uses import Hidden, Part, use_of
from generator.privacy.personal_data import FIELDS, SIMPLE_PATTERNS
from generator.reading.loading import NULLS
from generator.reading.vocabulary import KINDS, OPTIONAL_KINDS, Vocabulary

ADMIN_DIR = "beheer"
MARKDOWN_SCRIPT = "markdown-it.min.js"
"""markdown-it (npm, pinned), copied next to Decap: the preview renders authors' Markdown
with the CommonMark rules the site uses (markdown-it-py, `author_text`)."""
YAML_SCRIPT = "js-yaml.min.js"
"""js-yaml (npm, pinned), copied next to Decap: the project's own file format reads and
writes case files with it (`templates/beheer-formaat.js`)."""
NPM_SCRIPTS = {MARKDOWN_SCRIPT: "markdown-it", YAML_SCRIPT: "js-yaml"}
"""The npm packages' browser builds the form loads besides Decap, by file name."""
# The hidden collection over every case file, for choosing related cases.
ALL_CASES = "alle-cases"
FORMAT = "maatwerkbank-yaml"
"""The file format the form registers with Decap (`beheer-formaat.js`): values as written,
the schema comment and the model's key order kept, emptied fields left out."""
SLUG = "{{fields.__bestandsnaam}}"
"""A new case's file name: `beheer-formulier.js` puts check's rule's name for the title
there before Decap saves (`file_names.file_name`); the format leaves it out of the file."""


@dataclass(frozen=True)
class FormSettings:
    """Where the form saves: the GitHub repository and branch in production, decap-server
    locally, and optionally a self-hosted OAuth client for GitHub logins."""

    repo: str = ""
    branch: str = "main"
    local_backend: str = "http://127.0.0.1:8081/api/v1"
    auth_url: str = ""


TEMPLATES = Path(__file__).parent / "templates"


def admin_files(vocabulary: Vocabulary, settings: FormSettings) -> dict[str, str]:
    """The admin app's own files (Decap's bundle and the npm scripts are copied in by the
    adapter): the page, Decap's configuration, the file format, the form's Dutch and
    start-up (`formulier.js`) and the preview, each script with its data from the model."""
    config = cms_config(vocabulary, settings)
    return {
        f"{ADMIN_DIR}/index.html": (TEMPLATES / "beheer.html").read_text(encoding="utf-8"),
        f"{ADMIN_DIR}/formulier.css": (TEMPLATES / "beheer.css").read_text(encoding="utf-8"),
        f"{ADMIN_DIR}/config.yml": _config_text(config),
        f"{ADMIN_DIR}/formaat.js": (TEMPLATES / "beheer-formaat.js").read_text(encoding="utf-8"),
        f"{ADMIN_DIR}/formulier.js": _with_data("beheer-formulier.js", form_data(config, settings)),
        f"{ADMIN_DIR}/voorbeeld.js": _with_data(
            "beheer-voorbeeld.js", preview_data(config, vocabulary)
        ),
    }


def _with_data(template: str, data: dict[str, Any]) -> str:
    script = (TEMPLATES / template).read_text(encoding="utf-8")
    return script.replace("/* GEGEVENS */ {}", json.dumps(data, ensure_ascii=True, indent=1), 1)


def format_data() -> dict[str, Any]:
    """What the file format needs to read and write case files as `check` reads them:
    the loader's empty values, the yes/no fields and their words, the model's key order,
    the schema comment, and the file-name rule's limits."""
    return {
        "leeg": list(NULLS),
        "janee": {
            "velden": [f.path for f in walk(case_fields()) if f.kind == "bool"],
            "ja": list(model.YES),
            "nee": list(model.NO),
        },
        "getallen": [f.path for f in walk(case_fields()) if f.kind == "amount"],
        "volgorde": _key_order(Case),
        "schema": SCHEMA_COMMENT,
        "bestandsnaam": file_names.form_settings(),
        "geen_velden": NOT_FIELDS,
    }


NOT_FIELDS = (
    "Dit bestand bestaat niet uit velden ('veld: waarde') en kan niet in het formulier "
    "worden geopend; controleer het met make check"
)
"""Why the form does not open a file that is a list or a bare text: it would save it empty."""


def _key_order(block: type[BaseModel]) -> dict[str, Any]:
    """The model's keys, in its order, with the keys of each block they hold (a list of
    blocks: the keys of its items)."""
    order: dict[str, Any] = {}
    for name, info in block.model_fields.items():
        nested = model.block_in(info.annotation)
        order[name] = _key_order(nested) if nested is not None else {}
    return order


def form_data(config: dict[str, Any], settings: FormSettings) -> dict[str, Any]:
    """What `formulier.js` needs: the format's data, the collections it serves, the
    local backend to look for (as Decap does), and the Dutch (`form_texts`)."""
    return {
        "formaat": format_data(),
        "naam": FORMAT,
        "collecties": [c["name"] for c in config["collections"]],
        "lokaal": config["local_backend"]["url"],
        "teksten": form_texts.locale_data(),
        "verplichte_lijsten": required_lists(),
    }


def required_lists() -> list[dict[str, str]]:
    """The case's required lists of text (`lessen`, `tips_voor_gemeenten`): Decap 3.16
    saves such a list with no items (its list control replaces the 'required' error with
    its own size check, which passes an empty list), so the form refuses that itself,
    before saving (`beheer-formulier.js`, `preSave`), with check's words."""
    return [
        {
            "naam": name,
            "label": info.title or name,
            "melding": empty_list_message(info.title or name),
        }
        for name, info in Case.model_fields.items()
        if model.is_list(info.annotation)
        and model.block_in(info.annotation) is None
        and info.is_required()
        and model.min_items(info)
    ]


def empty_list_message(label: str) -> str:
    return f"Vul {label} in: minstens één (de knop 'Voeg {label.lower()} toe')."


def left_out_page() -> str:
    """/beheer/ in a site built without the npm packages (no Node): what happened, and how
    to add the form, instead of a broken link from the author guide."""
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        "<title>Beheer niet meegebouwd · Maatwerkbank</title>\n</head>\n<body>\n"
        "<h1>Het webformulier is niet meegebouwd</h1>\n"
        "<p>Deze site is gebouwd zonder de npm-pakketten van het webformulier. Installeer "
        "Node.js met npm en draai <code>make site</code> opnieuw om het toe te voegen.</p>\n"
        "</body>\n</html>\n"
    )


def preview_data(config: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    """What the form's preview needs to show a case as the site does: the collections it is
    registered for (read from the config, so a renamed collection cannot lose its preview),
    the fields with the part of the case page each is shown in (from the model: the
    preview has no list of its own), the site's Dutch labels for choices and months, and
    the vocabulary's labels."""
    return {
        "collecties": [collection["name"] for collection in config["collections"]],
        "velden": _preview_fields(case_fields()),
        "keuzes": labels.CHOICES,
        "woordenlijst": {
            kind: {slug: term.label for slug, term in vocabulary.terms(kind).items()}
            for kind in (*KINDS, *OPTIONAL_KINDS)
        },
        "maanden": list(labels.MONTHS),
    }


def _preview_fields(fields: tuple[CaseField, ...]) -> list[dict[str, Any]]:
    """The fields the case page shows, in the model's order, each with its part of the
    page (`uses.Part`), its label there and what its values are; hidden ones left out."""
    return [
        {
            "naam": field.name,
            "label": field.label,
            "deel": str(field.page),
            "soort": field.kind,
            "termen": field.vocabulary,
            "lijst": field.many,
            "velden": _preview_fields(field.fields),
        }
        for field in fields
        if isinstance(field.page, Part)
    ]


def cms_config(vocabulary: Vocabulary, settings: FormSettings) -> dict[str, Any]:
    """Decap CMS configuration: GitHub with the editorial workflow (every new case arrives as
    a pull request that CI checks), and the local backend for `make beheer`."""
    backend: dict[str, Any] = {
        "name": "github",
        "repo": settings.repo or "EIGENAAR/REPOSITORY",
        "branch": settings.branch,
    }
    if settings.auth_url:  # a self-hosted OAuth client (README, "The web form")
        backend.update(base_url=settings.auth_url, auth_endpoint="auth")
    return {
        "locale": "nl",
        "backend": {
            **backend,
            "commit_messages": {
                "create": "Nieuwe case: {{slug}}",
                "update": "Case bijgewerkt: {{slug}}",
                "delete": "Case verwijderd: {{slug}}",
                "uploadMedia": "Afbeelding toegevoegd: {{path}}",
                "deleteMedia": "Afbeelding verwijderd: {{path}}",
            },
        },
        "publish_mode": "editorial_workflow",
        # `make beheer`: decap-server writes straight into the working copy.
        "local_backend": {"url": settings.local_backend},
        "media_folder": "cases/media",
        "public_folder": "media",
        # A new file's name comes from `SLUG`, already clean; Decap only adds '-1' when it
        # is taken.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # Casus and pilot are two collections over the same folder: 'Nieuwe pilot' starts
        # with the pilot block, a casus has none, and files without a kind (the
        # vocabulary) appear in neither.
        "collections": [
            _collection("casussen", "Casussen", "Casus", "casus", vocabulary),
            _collection("pilots", "Pilots", "Pilot", "pilot", vocabulary),
            # Decap relates to one collection; related cases can be casussen or pilots.
            {
                "name": ALL_CASES,
                "label": "Alle cases",
                "hide": True,
                "create": False,
                "delete": False,
                "folder": "cases",
                "extension": "yaml",
                "format": FORMAT,
                "identifier_field": "titel",
                "fields": [{"label": "Titel", "name": "titel", "widget": "string"}],
            },
        ],
    }


def _collection(
    name: str, label: str, singular: str, soort: str, vocabulary: Vocabulary
) -> dict[str, Any]:
    fields = []
    for field_name, info in Case.model_fields.items():
        if field_name == "soort":
            fields.append({"label": "Soort", "name": "soort", "widget": "hidden", "default": soort})
        elif field_name == "pilot" and soort != "pilot":
            continue
        else:
            # A pilot's block is required (check says so), and so are its required fields.
            required = True if field_name == "pilot" else None
            fields.append(_field(field_name, info, vocabulary, required=required))
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": f"{label} van de Maatwerkbank. Elke wijziging wordt automatisch "
        "gecontroleerd voordat ze op de site komt.",
        "folder": "cases",
        "extension": "yaml",
        "format": FORMAT,
        "create": True,
        "delete": False,
        "slug": SLUG,
        "identifier_field": "titel",
        "filter": {"field": "soort", "value": soort},
        "summary": "{{titel}} ({{status}})",
        "sortable_fields": ["titel", "bijgewerkt", "status"],
        "fields": fields,
    }


def _config_text(config: dict[str, Any]) -> str:
    header = (
        "# Gegenereerd uit het case-model (generator/authoring/web_form.py); "
        "niet met de hand wijzigen.\n"
    )
    # libyaml's emitter writes the same text as PyYAML's own, faster: every
    # build writes this file.
    dumped = yaml.dump(
        config, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100
    )
    return header + dumped


def _field(
    name: str,
    info: FieldInfo,
    vocabulary: Vocabulary,
    *,
    path: tuple[str, ...] = (),
    in_optional: bool = False,
    required: bool | None = None,
) -> dict[str, Any]:
    """One form field at `path` (names, `*` for a list's items). Inside an optional block
    nothing is required in the form (Decap would otherwise demand the fields of a block the
    author left empty); `check` still applies the contract's rules to whatever is filled in
    (`form_rules.CHECK_ONLY`). `required` overrides the model for a block the collection
    requires (the pilot block of a pilot)."""
    path = (*path, name)
    field: dict[str, Any] = {"label": info.title or name, "name": name}
    if info.description:
        field["hint"] = info.description
    if required is None:
        required = info.is_required() and not in_optional
    if not required:
        field["required"] = False
    annotation = info.annotation
    block = model.block_in(annotation)
    choices = model.choices_of(annotation)
    terms = model.terms_kind(info)
    if terms is not None:
        field["widget"] = "select"
        if model.is_list(annotation):
            field.update(multiple=True, min=1)
        field["options"] = [
            {"label": t.label, "value": slug} for slug, t in vocabulary.terms(terms).items()
        ]
    elif model.pattern_of(info) == model.SLUG_PATTERN:
        # Names of other case files (`gerelateerd`, `overgenomen_van.case`): chosen from
        # the cases there are, by title.
        field.update(
            widget="relation",
            collection=ALL_CASES,
            value_field="{{slug}}",
            search_fields=["titel"],
            display_fields=["titel"],
            multiple=model.is_list(annotation),
        )
    elif model.is_list(annotation) and block is not None:
        field.update(
            widget="list",
            collapsed=False,
            fields=[
                _field(n, i, vocabulary, path=(*path, "*"), in_optional=in_optional)
                for n, i in block.model_fields.items()
            ],
        )
        most = model.max_items(info)
        if most:
            field["max"] = most  # the form stops where `check` would
    elif model.is_list(annotation):
        item: dict[str, Any] = {"label": info.title or name, "name": "item", "widget": "text"}
        hint = _pattern(None, (*path, "*"))
        if hint:
            item["pattern"] = hint
        field.update(widget="list", field=item)
        low = model.min_items(info)
        if required and low:
            field["min"] = low
    elif block is not None:
        field.update(
            widget="object",
            collapsed=not required,
            fields=[
                _field(n, i, vocabulary, path=path, in_optional=not required)
                for n, i in block.model_fields.items()
                if not isinstance(use_of(i).form, Hidden)
            ],
        )
    elif choices:
        shown = labels.CHOICES.get(name, {})
        field.update(
            widget="select",
            options=[{"label": shown[c], "value": c} if c in shown else c for c in choices],
        )
        if name == "soort":
            field["default"] = "casus"
        if name == "status":
            field["default"] = "concept"
    elif model.has_type(annotation, bool):
        field.update(widget="boolean", default=bool(info.default))
    elif model.is_amount(info):
        # Decap saves a number, which the file then holds as written (12500, 3250.5).
        field.update(widget="number", value_type="float", min=0, step=0.01)
    elif model.has_type(annotation, date):
        field.update(
            widget="datetime",
            format="YYYY-MM-DD",
            date_format="DD-MM-YYYY",
            time_format=False,
            picker_utc=True,
        )
    elif model.is_period(info):
        field.update(
            widget="string",
            pattern=[model.PERIOD_PATTERN, "schrijf JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2024-09"],
        )
    elif name == "bestand":
        field.update(widget="image", choose_url=False)
        pattern = model.pattern_of(info)
        if pattern:
            field["pattern"] = [pattern, _PATTERN_HELP[pattern]]
    elif model.is_markdown(info):
        field.update(
            widget="markdown",
            minimal=True,
            buttons=["bold", "italic", "link", "bulleted-list", "numbered-list"],
            editor_components=[],
            modes=["raw", "rich_text"],
        )
        hint = _pattern(None, path)
        if hint:
            field["pattern"] = hint
    else:
        field["widget"] = "text" if use_of(info).form == "long" else "string"
        pattern = model.pattern_of(info)
        if pattern:
            field["pattern"] = [pattern, _PATTERN_HELP.get(pattern, "dit heeft niet de goede vorm")]
        else:
            hint = _pattern(model.lengths_of(info), path)
            if hint:
                field["pattern"] = hint
    return field


# The fields the scan reads for every kind of personal data (`personal_data.FIELDS`: text,
# declared names and roles), as dotted paths; list items are transparent there.
HINTED = frozenset(path for path, how in FIELDS.items() if how in ("text", "name", "role"))
# Decap tests a field's value against one pattern; the personal-data hint is a negative
# look-ahead over the scan's simple patterns, so it can share that pattern with a length.
_PERSONAL = "(?![\\s\\S]*(?:" + "|".join(SIMPLE_PATTERNS.values()) + "))"
PERSONAL_HINT = (
    "hier lijkt een telefoonnummer, e-mailadres, BSN, IBAN of postcode in te staan: haal het "
    "weg. Is het geen persoonsgegeven (bijvoorbeeld het algemene nummer van een loket), vraag "
    "de redactie dan om een uitzondering"  # Decap adds the full stop
)
"""The form shows it as '<Label>: <message>.' (`form_texts`, `regexPattern`)."""


def _pattern(lengths: tuple[int, int] | None, path: tuple[str, ...]) -> list[str] | None:
    """Decap's `[pattern, message]` for a text field: its length bounds, and for the fields
    the personal-data scan reads (`HINTED`) the simple patterns of personal data."""
    personal = ".".join(part for part in path if part != "*") in HINTED
    if lengths is None and not personal:
        return None
    if lengths is None:
        return [f"^{_PERSONAL}[\\s\\S]*$", PERSONAL_HINT]
    low, high = lengths
    body = f"[\\s\\S]{{{low},{high}}}"
    if not personal:
        return [f"^{body}$", f"gebruik {low} tot {high} tekens"]
    return [
        f"^{_PERSONAL}{body}$",
        f"gebruik {low} tot {high} tekens, zonder persoonsgegevens. {PERSONAL_HINT[0].upper()}"
        f"{PERSONAL_HINT[1:]}",
    ]


_PATTERN_HELP = {
    model.URL_PATTERN: "schrijf een volledig webadres, dat begint met https://",
    model.HTTPS_PATTERN: "schrijf een volledig webadres, dat begint met https://",
    model.EMAIL_PATTERN: "schrijf een e-mailadres, bijvoorbeeld team@corporatie.nl",
    model.MEDIA_PATTERN: "kies een afbeelding (jpg, png, webp of gif) met een naam zonder spaties",
}
