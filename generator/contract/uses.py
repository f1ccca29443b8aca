"""What the product does with a field besides validating it: the per-field metadata.

A field of the case model (`model.py`) says in its type, as `Annotated[..., Use(...)]`,
how the personal-data scan reads it, whether it is exported, how the web form edits it
and where the case page shows it. The scan's field list, the CSV columns, the form's
text areas, the form preview's field list and the contract's field tables are all read
from there (`fields.case_fields()`), so a field is described once, where it is defined.
Pydantic ignores the object: validation and the JSON Schema stay as they were.

Whatever a field leaves out on purpose is said with `Hidden(reason)`, so a test over the
model's own fields can tell a decision from an omission.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic.fields import FieldInfo

Scan = Literal["text", "name", "role", "url", "file", "email", "phone"]
"""How the personal-data scan reads a field's strings:
text: narrative; every kind of personal data, person names by deduce.
name: a name the case declares (organisation, municipality, partner, funder); every kind
    but person names, and its words are no person's name elsewhere in the case.
role: who someone is ('huurder'), never a name: names also in lower case, first names.
url: a link: its decoded path, query string and fragment.
file: an image's file name.
email, phone: the contact's routes: organisational only (no free mail, no mobile number).
"""

Export = Literal["json", "csv"]
"""json: in `cases.json`; csv: in `cases.json` and a column of `cases.csv`."""

Form = Literal["line", "long"]
"""How the web form edits a plain text field: one line, or a text area (`long`)."""


class Part(StrEnum):
    """Where the case page (`rendering/templates/case.html.j2`) shows a field. The web form's
    preview renders each field in the same part, from this; its values are the names the
    preview script reads."""

    TITLE = "kop"
    """The page's heading."""
    LEAD = "inleiding"
    """The lead paragraph under the heading."""
    FACTS = "feiten"
    """The facts box under the lead: one line per field, `Label: value`."""
    PILOT = "pilot"
    """The box 'De pilot in het kort'."""
    SECTION = "sectie"
    """A section of its own, headed by the field's label (a block: its fields in it)."""
    FIGURE = "afbeelding"
    """A figure: the image file, with the other fields as its caption."""
    ALT = "alt-tekst"
    """A figure's text alternative (the image's `alt`)."""


@dataclass(frozen=True)
class Hidden:
    """Left out of one use on purpose, and why (for the reader of the model and the docs)."""

    reason: str


@dataclass(frozen=True)
class Use:
    """A field's uses. `None` means "not said here": a field in a block takes the block's
    page, export and form; otherwise the defaults apply (scanned as `text` when it holds
    free text, exported to `cases.json`, edited on one line). A field's page has no
    default: it is shown somewhere, or hidden with a reason."""

    scan: Scan | Hidden | None = None
    page: Part | Hidden | None = None
    label: str = ""
    """The page's label for the field, when it is not the field's title."""
    export: Export | Hidden | None = None
    form: Form | Hidden | None = None


NO_USE = Use()


def use_of(info: FieldInfo) -> Use:
    """The `Use` a field declares (in its `Annotated` type), else one that says nothing."""
    return next((m for m in info.metadata if isinstance(m, Use)), NO_USE)
