"""The web form's Dutch: Decap's Dutch locale completed from Decap's own English one.

The keys come from the installed `decap-cms-locales` (the package Decap's bundle is built
with), read in Node: an upgrade of Decap that adds English keys, or translates some of
ours, fails here until `form_texts` follows.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from generator.authoring import form_texts

HARNESS = Path(__file__).parent / "js" / "locales.js"
LOCALES = ROOT / "node_modules" / "decap-cms-locales"
PLACEHOLDER = re.compile(r"%\{(\w+)\}")


@pytest.fixture(scope="module")
def decap() -> dict[str, dict[str, str]]:
    node = shutil.which("node")
    if node is None or not LOCALES.is_dir():
        pytest.fail(
            "node and node_modules are needed (npm ci): the form's Dutch is checked against Decap's"
        )
    out = subprocess.run(
        [node, str(HARNESS), str(LOCALES)], capture_output=True, text=True, check=True
    )
    locales: dict[str, dict[str, str]] = json.loads(out.stdout)
    return locales


def test_the_dutch_completes_exactly_the_keys_decaps_dutch_lacks(
    decap: dict[str, dict[str, str]],
) -> None:
    lacking = set(decap["en"]) - set(decap["nl"])
    assert lacking, "Decap's Dutch has every key now: COMPLETED can go"
    assert sorted(lacking - set(form_texts.COMPLETED)) == [], "Decap added keys: translate them"
    assert sorted(set(form_texts.COMPLETED) - lacking) == [], (
        "Decap's Dutch has these now (or Decap dropped them): remove them from COMPLETED"
    )


def test_every_replaced_or_local_string_is_a_key_decap_has(
    decap: dict[str, dict[str, str]],
) -> None:
    ours = set(form_texts.CORRECTED) | set(form_texts.LOCAL)
    assert sorted(ours - set(decap["en"])) == []


def test_our_strings_keep_decaps_placeholders_and_are_not_english(
    decap: dict[str, dict[str, str]],
) -> None:
    texts = {**form_texts.COMPLETED, **form_texts.LOCAL}
    texts.update({key: text for key, (text, _) in form_texts.CORRECTED.items()})
    for key, text in texts.items():
        english = decap["en"][key]
        assert text != english, key
        ours, theirs = set(PLACEHOLDER.findall(text)), set(PLACEHOLDER.findall(english))
        if key == "editor.editorControlPane.widget.regexPattern":
            # The field's own message replaces Decap's generic words; the label stays.
            assert ours == theirs, key
            continue
        assert ours <= theirs, f"{key}: Decap fills only {sorted(theirs)}"


def test_the_pattern_message_is_the_fields_own_sentence(
    decap: dict[str, dict[str, str]],
) -> None:
    text, _ = form_texts.CORRECTED["editor.editorControlPane.widget.regexPattern"]
    assert "patroon" not in text
    assert "%{pattern}" in text and "%{fieldLabel}" in text
    assert "patroon" in decap["nl"]["editor.editorControlPane.widget.regexPattern"]


# The buttons the author guide names, per mode, by the locale key the form shows them with.
GUIDE_BUTTONS = {
    "github": [
        "auth.loginWithGitHub",
        "editor.editorToolbar.save",
        "editor.editorToolbar.inReview",
    ],
    "lokaal": ["auth.login", "editor.editorToolbar.publish", "editor.editorToolbar.publishNow"],
}


@pytest.mark.parametrize("mode", sorted(GUIDE_BUTTONS))
def test_the_guide_names_the_buttons_the_form_has(
    decap: dict[str, dict[str, str]], mode: str
) -> None:
    """The guide (content/een-case-toevoegen.md) and the form say the same words: the form's
    in each mode are Decap's Dutch with `form_texts` over it (beheer-formulier.js)."""
    shown = dict(decap["nl"])
    shown.update(form_texts.COMPLETED)
    shown.update({key: text for key, (text, _) in form_texts.CORRECTED.items()})
    if mode == "lokaal":
        shown.update(form_texts.LOCAL)
    guide = (ROOT / "content" / "een-case-toevoegen.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<!\*)\*([^*\n]+)\*(?!\*)", guide))
    for key in GUIDE_BUTTONS[mode]:
        assert shown[key] in named, f"the guide does not name {shown[key]!r} ({key})"
    # and no button name the form does not have in either mode
    assert "Publiceer" not in named and "Publiceer nu" not in named
