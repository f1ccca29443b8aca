"""The web form's file format: what an author does in the form is what the file says.

The format (`beheer-formaat.js`) runs here in Node with the js-yaml and the data the form
gets, so each test reads and writes case files as the form does, and compares what the
project's loader (and `check`) reads from the result with what it read before. The same
things through Decap in Chromium: tests/test_cms.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, SEED

from generator.authoring import file_names
from generator.authoring import web_form as cms
from generator.build import pipeline
from generator.reading.loading import parse, slug_problem

HARNESS = Path(__file__).parent / "js" / "format.js"
FORMAT = cms.TEMPLATES / "beheer-formaat.js"
JS_YAML = ROOT / "node_modules/js-yaml/dist/js-yaml.min.js"

NUMBER_LIKE = """\
# yaml-language-server: $schema=../schema/case.schema.json
# Een case met waarden die op getallen, datums en ja/nee lijken.
soort: casus
titel: Huur en servicekosten bij een gedeelde woning
samenvatting: >-
  Twee huurders delen een woning en betalen samen de huur; de servicekosten worden per
  kamer verdeeld.
organisatie: Woonstichting Voorbeeld
gemeente: Wijk bij Duurstede
regio: Utrecht-Zuidoost
themas: [betaalbaarheid]
doelgroepen:
  - jongeren
status: gepubliceerd
bijgewerkt: 2025-11-03
aanleiding: |
  De huur was te hoog voor één persoon.

  - Eén huurder kon het niet betalen.
aanpak: De corporatie splitste het contract.
# De financiering staat in euro's, als tekst.
financiering:
  - bron: Gemeente
    bedrag: 7.250
    toelichting: Eenmalig, in 2025
  - bron: Corporatie
    bedrag: '1.000'
lessen:
  - Splits het contract op tijd.
tips_voor_gemeenten:
  - Reken met 12:30 als starttijd van het overleg.
contact:
  organisatie: Woonstichting Voorbeeld
  telefoon: 0543123456
  email: info@example.org
privacy:
  herleidbaar: nee
  uitzonderingen:
    - soort: telefoonnummer
      waarde: 0543123456
      reden: algemeen nummer van de corporatie
"""


def run(requests: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    data = tmp_path / "formaat.json"
    data.write_text(json.dumps(cms.format_data()), encoding="utf-8")
    result = subprocess.run(
        ["node", str(HARNESS), str(FORMAT), str(JS_YAML), str(data)],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
    )
    answers: list[dict[str, Any]] = json.loads(result.stdout)
    for answer in answers:
        assert "error" not in answer, answer
    return answers


def as_read(text: str) -> Any:
    """A file's values as the project's loader (and so `check`) reads them."""
    document, problems = parse(text.encode("utf-8"), "x.yaml")
    assert document is not None and not problems, problems
    return document.data


def checked(tmp_path: Path, name: str, text: str) -> list[str]:
    """`check`'s problems for one case file among the seed cases."""
    cases = tmp_path / "cases"
    if not cases.exists():
        shutil.copytree(SEED, cases)
    (cases / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = pipeline.check([cases / f"{name}.yaml"], cases, date(2026, 1, 15), base=tmp_path)
    return [str(p) for p in result.problems]


def fixture_files() -> list[Path]:
    return sorted(
        p for p in FIXTURES.rglob("*.yaml") if not p.name.startswith("_") and "media" not in p.parts
    )


def test_opening_and_saving_leaves_every_fixture_file_as_it_was(tmp_path: Path) -> None:
    files = fixture_files()
    assert len(files) > 20
    answers = run([{"open": p.read_text(encoding="utf-8")} for p in files], tmp_path)
    changed = [
        p.relative_to(FIXTURES).as_posix()
        for p, answer in zip(files, answers, strict=True)
        if answer["text"] != p.read_text(encoding="utf-8")
    ]
    assert changed == []


def test_number_like_values_dates_and_the_schema_comment_survive_an_edit(tmp_path: Path) -> None:
    before = as_read(NUMBER_LIKE)
    [answer] = run(
        [{"open": NUMBER_LIKE, "set": [[["titel"], "Huur delen in één woning"]]}], tmp_path
    )
    after = as_read(answer["text"])
    assert after == {**before, "titel": "Huur delen in één woning"}
    assert after["financiering"][0]["bedrag"] == "7.250"
    assert after["contact"]["telefoon"] == "0543123456"
    # only the title's line changed; comments and the way values were written stay
    old, new = NUMBER_LIKE.splitlines(), answer["text"].splitlines()
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        (
            "titel: Huur en servicekosten bij een gedeelde woning",
            "titel: Huur delen in één woning",
        )
    ]
    assert checked(tmp_path, "huur-delen", answer["text"]) == []


def test_an_edit_inside_a_block_rewrites_only_that_field(tmp_path: Path) -> None:
    [answer] = run(
        [{"open": NUMBER_LIKE, "set": [[["financiering", 1, "bedrag"], "2.500"]]}], tmp_path
    )
    after = as_read(answer["text"])
    assert after["financiering"] == [
        {"bron": "Gemeente", "bedrag": "7.250", "toelichting": "Eenmalig, in 2025"},
        {"bron": "Corporatie", "bedrag": "2.500"},
    ]
    assert {k: v for k, v in after.items() if k != "financiering"} == {
        k: v for k, v in as_read(NUMBER_LIKE).items() if k != "financiering"
    }
    # a value the form writes anew is quoted where another YAML reader would see a number
    assert "    bedrag: '2.500'\n" in answer["text"]
    assert "# De financiering staat in euro's, als tekst.\nfinanciering:\n" in answer["text"]
    assert (
        "contact:\n  organisatie: Woonstichting Voorbeeld\n  telefoon: 0543123456\n"
        in (answer["text"])
    )
    assert checked(tmp_path, "huur-delen", answer["text"]) == []


def test_an_emptied_optional_field_is_left_out(tmp_path: Path) -> None:
    # what Decap wrote for an emptied field, and check refuses
    emptied = NUMBER_LIKE.replace("regio: Utrecht-Zuidoost", 'regio: ""')
    assert checked(tmp_path, "huur-delen", emptied) == [
        "cases/huur-delen.yaml:10:8: vul 'regio' in (bijvoorbeeld de woningmarktregio)"
    ]
    answers = run(
        [
            {"open": NUMBER_LIKE, "set": [[["regio"], ""]]},
            {"open": NUMBER_LIKE, "set": [[["financiering", 0, "toelichting"], ""]]},
            {"open": NUMBER_LIKE, "set": [[["contact", "email"], "  "]]},
        ],
        tmp_path,
    )
    first, second, third = (as_read(a["text"]) for a in answers)
    assert "regio" not in first and "regio:" not in answers[0]["text"]
    assert first == {k: v for k, v in as_read(NUMBER_LIKE).items() if k != "regio"}
    assert second["financiering"][0] == {"bron": "Gemeente", "bedrag": "7.250"}
    assert "email" not in third["contact"]
    for answer in answers:
        assert checked(tmp_path, "huur-delen", answer["text"]) == []


def test_yes_and_no_are_switches_in_the_form_and_stay_as_written(tmp_path: Path) -> None:
    [opened, switched] = run(
        [
            {"open": NUMBER_LIKE},
            {"open": NUMBER_LIKE, "set": [[["privacy", "herleidbaar"], True]]},
        ],
        tmp_path,
    )
    assert opened["data"]["privacy"]["herleidbaar"] is False
    assert opened["text"] == NUMBER_LIKE
    assert "  herleidbaar: true\n" in switched["text"]
    # the reviewed allowances, which the form does not show, are kept
    assert as_read(switched["text"])["privacy"]["uitzonderingen"] == [
        {
            "soort": "telefoonnummer",
            "waarde": "0543123456",
            "reden": "algemeen nummer van de corporatie",
        }
    ]


def new_case() -> dict[str, Any]:
    """A new case as Decap hands it to the format: every field the author saw, the ones
    left empty too, in the order the author filled them in."""
    return {
        "titel": "Een " + "heel lange titel over wonen en zorg in de wijk " * 2 + "en méér",
        "soort": "casus",
        "samenvatting": "Een samenvatting van twintig tekens of meer, zonder getallen.",
        "organisatie": "Woonstichting Voorbeeld",
        "gemeente": "Doetinchem",
        "regio": "",
        "themas": ["dakloosheid"],
        "doelgroepen": ["jongeren"],
        "status": "concept",
        "bijgewerkt": "2025-12-01",
        "publiceren_vanaf": "",
        "aanleiding": "Een aanleiding.\n\n- met een lijst\n",
        "aanpak": "Een aanpak: met een dubbele punt.",
        "resultaten": "",
        "partners": [],
        "financiering": [{"bron": "Gemeente", "bedrag": "7.250", "toelichting": ""}],
        "contact": {"organisatie": "", "telefoon": "0543123456", "email": ""},
        "privacy": {"herleidbaar": False},
        "lessen": ["Begin klein.", ""],
        "tips_voor_gemeenten": ["- ook met een streepje", "12:30"],
        "gerelateerd": [],
        "__bestandsnaam": "een-heel-lange-titel",
    }


def test_a_new_case_is_written_in_the_models_order_with_the_schema_comment(
    tmp_path: Path,
) -> None:
    [answer] = run([{"new": new_case()}], tmp_path)
    text = answer["text"]
    assert text.startswith("# yaml-language-server: $schema=../schema/case.schema.json\nsoort:")
    data = as_read(text)
    assert list(data) == [
        "soort", "titel", "samenvatting", "organisatie", "gemeente", "themas", "doelgroepen",
        "status", "bijgewerkt", "aanleiding", "aanpak", "financiering", "lessen",
        "tips_voor_gemeenten", "contact", "privacy",
    ]  # fmt: skip
    assert data["financiering"] == [{"bron": "Gemeente", "bedrag": "7.250"}]
    assert data["contact"] == {"telefoon": "0543123456"}
    assert data["lessen"] == ["Begin klein."]
    assert data["tips_voor_gemeenten"] == ["- ook met een streepje", "12:30"]
    assert data["aanleiding"] == "Een aanleiding.\n\n- met een lijst\n"
    assert "__" not in text
    published = text.replace("status: concept", "status: gepubliceerd")
    assert checked(tmp_path, "nieuwe-case", published) == []


TITLES = [
    "Springplankwoning: in zes maanden van de opvang naar een eigen huis",
    "Café ’t Heem & buddy's — één woning, twee huurders",
    "Wonen in Wijk-bij-Duurstede: ‘samen’ of ‘alleen’?",
    "Straße, Ĳsselstein, Ærø en Łódź",
    "Index",
    "Pagina 2",
    "€ 5",
    "?!?!?",
    "Een titel van precies honderdtwintig tekens over wonen, zorg en werk in de wijk, met "
    "partners uit de buurt en een lange",
    "x" * 120,
    "Ééntjes en tweetjes " * 6,
    "De huur van 7.250 euro en 0543123456",
    "Fiets\u00adenstalling met zachte\u2060afbreking",
    "ＦＵＬＬ width ﬁ ligature",
]


def test_the_form_names_a_new_file_by_checks_rule(tmp_path: Path) -> None:
    answers = run([{"title": title} for title in TITLES], tmp_path)
    names = [answer["name"] for answer in answers]
    assert names == [file_names.file_name(title) for title in TITLES]
    for name in names:
        assert slug_problem(Path(f"cases/{name}.yaml"), f"{name}.yaml") is None, name
    assert names[:7] == [
        "springplankwoning-in-zes-maanden-van-de-opvang-naar-een-eigen-huis",
        "cafe-t-heem-buddys-een-woning-twee-huurders",
        "wonen-in-wijk-bij-duurstede-samen-of-alleen",
        "strasse-ijsselstein-aero-en-lodz",
        "index-case",
        "pagina-2-case",
        "case-5",
    ]
    # 120 characters: cut at the last word boundary within 80, never inside a word
    long = names[8]
    assert len(long) <= 80 and TITLES[8].lower().replace(",", "").replace(" ", "-").startswith(long)
    assert len(names[9]) == 80


def test_accents_are_removed_not_dropped_with_their_letter() -> None:
    assert file_names.file_name("Één café, één crèche") == "een-cafe-een-creche"
    decomposed = unicodedata.normalize("NFD", "Één café")
    assert file_names.file_name(decomposed) == "een-cafe"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("a: [1,\n", "unexpected end of the stream"),
        ("- een lijst\n- geen velden\n", cms.NOT_FIELDS),
    ],
)
def test_a_file_the_format_cannot_read_is_not_opened(tmp_path: Path, text: str, said: str) -> None:
    """Decap shows the entry as failing to load, rather than an empty form whose save
    would replace the file."""
    data = tmp_path / "formaat.json"
    data.write_text(json.dumps(cms.format_data()), encoding="utf-8")
    result = subprocess.run(
        ["node", str(HARNESS), str(FORMAT), str(JS_YAML), str(data)],
        input=json.dumps([{"open": text}]),
        capture_output=True,
        text=True,
        check=True,
    )
    [answer] = json.loads(result.stdout)
    assert said in answer["error"]


def test_an_amount_stays_a_number_and_other_numbers_stay_text(tmp_path: Path) -> None:
    """The form's number widget gives `kosten.euro` a number, which the file holds as one;
    a number anywhere else is text, as the loader reads it."""
    [answer] = run(
        [
            {
                "open": NUMBER_LIKE,
                "set": [
                    [["kosten"], [{"omschrijving": "Woonbegeleiding", "euro": 12500.5}]],
                    [["contact", "telefoon"], 543123456],
                ],
            }
        ],
        tmp_path,
    )
    assert "  - omschrijving: Woonbegeleiding\n    euro: 12500.5\n" in answer["text"]
    assert "  telefoon: '543123456'\n" in answer["text"]
