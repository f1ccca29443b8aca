"""Every kind of personal data the scan must stop, in every place a reader or crawler sees,
each with its exact Dutch message, file, line, column and masked value (invented data)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_bad_files import CASE_KEYS, VALID, add, sub

from generator.cli.commands import main

HINT = (
    "; haal het weg, of zet het in privacy.uitzonderingen met een reden als het geen "
    "persoonsgegeven is"
)
MAIL_HINT = (
    "; een e-mailadres staat niet in de tekst van een case: zet een team- of functiemailbox "
    "in 'contact.email' en haal het hier weg, of zet het in privacy.uitzonderingen met een "
    "reden als het geen persoonsgegeven is"
)
CONTACT_HINT = (
    "; een contact is een route van de organisatie (algemeen nummer, teammailbox): vervang "
    "het, of zet het in privacy.uitzonderingen met een reden"
)


def aanpak(text: str) -> Callable[[str], str]:
    return sub("aanpak: We deden iets.", f"aanpak: {text}")


def quote_by(who: str) -> Callable[[str], str]:
    return add(f"citaten:\n  - tekst: Fijn dat het lukte.\n    wie: {who}\n")


# (id, change, expected line after 'cases/case.yaml:' without the hint)
KINDS: list[tuple[str, Callable[[str], str], str]] = [
    # fields that were never scanned
    (
        "organisatie",
        sub("organisatie: Woonstichting Test", "organisatie: Woonstichting Test 0612345678"),
        "4:33: mogelijk persoonsgegeven (telefoonnummer) in 'organisatie': '06******78'",
    ),
    (
        "gemeente",
        sub("gemeente: Teststad", "gemeente: Teststad, Dorpsstraat 14"),
        "5:21: mogelijk persoonsgegeven (adres) in 'gemeente': 'Do********* 14'",
    ),
    (
        "regio",
        add("regio: Regio 7001 AB\n"),
        "16:14: mogelijk persoonsgegeven (postcode) in 'regio': '7*** **'",
    ),
    (
        "partner-name",
        add("partners:\n  - naam: Zorg, j.jansen@voorbeeld.nl\n    rol: Begeleiding\n"),
        "17:17: mogelijk persoonsgegeven (e-mailadres) in 'partners[1].naam': 'j.j*****@*********.nl'",
    ),
    (
        "partner-role",
        add("partners:\n  - naam: Zorg\n    rol: Begeleiding door Sandra Bakker\n"),
        "18:27: mogelijk persoonsgegeven (naam) in 'partners[1].rol': 'Sa**** ****er'",
    ),
    (
        "funding-source",
        add("financiering:\n  - bron: Rekening NL91ABNA0417164300\n"),
        "17:20: mogelijk persoonsgegeven (iban) in 'financiering[1].bron': 'NL**************00'",
    ),
    (
        "funding-amount",
        add("financiering:\n  - bron: Wmo\n    bedrag: 300 euro, BSN 111222333\n"),
        "18:27: mogelijk persoonsgegeven (bsn) in 'financiering[1].bedrag': '11*****33'",
    ),
    (
        "query-string",
        add(
            "bronnen:\n  - titel: Dossier\n    url: https://www.voorbeeld.nl/dossier?bsn=111222333\n"
        ),
        "18:47: mogelijk persoonsgegeven (bsn) in 'bronnen[1].url': '11*****33'",
    ),
    (
        "caption",
        add(
            "afbeeldingen:\n  - bestand: media/proefwoning.png\n    alt: Een woning\n"
            "    bijschrift: Mevrouw de Vries voor haar deur\n"
        ),
        "19:17: mogelijk persoonsgegeven (naam) in 'afbeeldingen[1].bijschrift': 'Me***** ** ***es'",
    ),
    (
        "alt",
        add(
            "afbeeldingen:\n  - bestand: media/proefwoning.png\n"
            "    alt: De voordeur van Kerkstraat 7\n"
        ),
        "18:26: mogelijk persoonsgegeven (adres) in 'afbeeldingen[1].alt': 'Ke*******t 7'",
    ),
    # formats
    (
        "bsn-dashes",
        aanpak("Nummer 111-222-333 genoteerd."),
        "11:16: mogelijk persoonsgegeven (bsn) in 'aanpak': '11*-***-*33'",
    ),
    (
        "bsn-non-breaking-spaces",
        aanpak("Nummer 111\u00a0222\u00a0333 genoteerd."),
        "11:16: mogelijk persoonsgegeven (bsn) in 'aanpak': '11* *** *33'",
    ),
    (
        "iban-lower-case",
        aanpak("Huur van nl91abna0417164300 afgeschreven."),
        "11:18: mogelijk persoonsgegeven (iban) in 'aanpak': 'nl**************00'",
    ),
    (
        "iban-dashes",
        aanpak("Huur van NL91-ABNA-0417-1643-00 afgeschreven."),
        "11:18: mogelijk persoonsgegeven (iban) in 'aanpak': 'NL**-****-****-****-00'",
    ),
    (
        "iban-dots",
        aanpak("Huur van NL91.ABNA.0417.1643.00 afgeschreven."),
        "11:18: mogelijk persoonsgegeven (iban) in 'aanpak': 'NL**.****.****.****.00'",
    ),
    (
        "postcode-lower-case",
        aanpak("Het huis aan 1234 ab 12 was te klein."),
        "11:22: mogelijk persoonsgegeven (postcode) in 'aanpak': '12** ** 12'",
    ),
    (
        "street-two-words",
        aanpak("Ze woont aan de Oude Gracht 12 sinds mei."),
        "11:25: mogelijk persoonsgegeven (adres) in 'aanpak': 'Ou** ****** 12'",
    ),
    (
        "street-diacritics",
        aanpak("Het huis aan de Bösestraat 12 was klein."),
        "11:25: mogelijk persoonsgegeven (adres) in 'aanpak': 'Bö******** 12'",
    ),
    (
        "street-ij",
        aanpak("Het huis aan de IJsselstraat 4 was klein."),
        "11:25: mogelijk persoonsgegeven (adres) in 'aanpak': 'IJ*********t 4'",
    ),
    (
        "street-abbreviated-lower-case",
        aanpak("Het huis aan de kerkstr. 12 was klein."),
        "11:25: mogelijk persoonsgegeven (adres) in 'aanpak': 'ke*****. 12'",
    ),
    (
        "birth-date-is",
        aanpak("Haar geboortedatum is 3-4-1961."),
        "11:14: mogelijk persoonsgegeven (geboortedatum) in 'aanpak': 'ge*********** ** *-*-**61'",
    ),
    (
        "birth-date-colon",
        aanpak("'Geboren: 3 april 1961.'"),
        "11:10: mogelijk persoonsgegeven (geboortedatum) in 'aanpak': 'Ge*****: * ***** **61'",
    ),
    (
        "birth-date-geb",
        aanpak("Bewoner geb 3-4-1961 kreeg een woning."),
        "11:17: mogelijk persoonsgegeven (geboortedatum) in 'aanpak': 'ge* *-*-**61'",
    ),
    (
        "birth-date-abbreviated-month",
        aanpak("Bewoner, geboren 3 apr. 1961, kreeg een woning."),
        "11:18: mogelijk persoonsgegeven (geboortedatum) in 'aanpak': 'ge***** * ***. **61'",
    ),
    (
        "email-at-dot-words",
        aanpak("Mail naam [at] voorbeeld [dot] nl voor het dossier."),
        "11:14: mogelijk persoonsgegeven (e-mailadres) in 'aanpak': 'na** [**] ********* [***] nl'",
    ),
    (
        "email-full-width-at",
        aanpak("Mail jan＠voorbeeld.nl voor het dossier."),
        "11:14: mogelijk persoonsgegeven (e-mailadres) in 'aanpak': 'ja*@*********.nl'",
    ),
    (
        "phone-full-width",
        aanpak("Bel ０６１２３４５６７８ als het misgaat."),
        "11:13: mogelijk persoonsgegeven (telefoonnummer) in 'aanpak': '06******78'",
    ),
    (
        "markdown-entity",
        aanpak("Bel &#48;6-12345678 als het misgaat."),
        "11:13: mogelijk persoonsgegeven (telefoonnummer) in 'aanpak': '06-******78'",
    ),
    # names
    (
        "name-with-title-in-narrative",
        aanpak("Mevrouw de Vries belde ons elke week."),
        "11:9: mogelijk persoonsgegeven (naam) in 'aanpak': 'Me***** ** ***es'",
    ),
    (
        "initial-in-quote",
        quote_by("J. Jansen"),
        "18:10: mogelijk persoonsgegeven (naam) in 'citaten[1].wie': 'J. J***en'",
    ),
    (
        "first-name-in-quote",
        quote_by("Fatima, huurder"),
        "18:10: mogelijk persoonsgegeven (naam) in 'citaten[1].wie': 'Fa****, *****er'",
    ),
    (
        "lower-case-name-in-quote",
        quote_by("jan jansen"),
        "18:10: mogelijk persoonsgegeven (naam) in 'citaten[1].wie': 'ja* ****en'",
    ),
    # the file name (the page's address) and image file names
    (
        "image-file-name",
        add("afbeeldingen:\n  - bestand: media/jan-de-vries.png\n    alt: Een woning\n"),
        "17:20: mogelijk persoonsgegeven (naam) in 'afbeeldingen[1].bestand': 'ja*-**-***es'",
    ),
]


@pytest.fixture
def cases_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "tests/fixtures/seed", cases)  # never the live cases/
    shutil.copytree(ROOT / "tests/fixtures/cases/media", cases / "media", dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return cases


def check(path: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-01-15", path])
    return result.exit_code, result.output.strip().splitlines()


@pytest.mark.parametrize(("change", "expected"), [pytest.param(c, e, id=i) for i, c, e in KINDS])
def test_each_kind_is_stopped_with_its_masked_value(
    cases_dir: Path, change: Callable[[str], str], expected: str
) -> None:
    (cases_dir / "case.yaml").write_text(change(VALID), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert code == 1
    hint = MAIL_HINT if "(e-mailadres)" in expected else HINT  # where such an address belongs
    assert f"cases/case.yaml:{expected}{hint}" in lines


@pytest.mark.parametrize(
    "who",
    [
        "Wijkteam Doetinchem",
        "huurder",
        "familielid van een bewoner",
        "projectleider van de corporatie",
        "Team Wonen en Zorg",
    ],
)
def test_a_role_or_a_team_is_no_name(cases_dir: Path, who: str) -> None:
    (cases_dir / "case.yaml").write_text(quote_by(who)(VALID), encoding="utf-8")
    assert check("cases/case.yaml") == (0, ["1 bestand gecontroleerd, geen problemen gevonden."])


def test_the_file_name_is_scanned(cases_dir: Path) -> None:
    (cases_dir / "jan-jansen-0612345678.yaml").write_text(VALID, encoding="utf-8")
    code, lines = check("cases/jan-jansen-0612345678.yaml")
    assert code == 1
    assert lines[:2] == [
        "cases/jan-jansen-0612345678.yaml:1:1: mogelijk persoonsgegeven (naam) in "
        f"'bestandsnaam': 'ja*-****en'{HINT}",
        "cases/jan-jansen-0612345678.yaml:1:1: mogelijk persoonsgegeven (telefoonnummer) in "
        f"'bestandsnaam': '06******78'{HINT}",
    ]


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (
            "  telefoon: 06 12345678\n",
            "17:13: mogelijk persoonsgegeven (telefoonnummer) in 'contact.telefoon': '06 ******78'",
        ),
        (
            "  email: wonen.team@gmail.com\n",
            "17:10: mogelijk persoonsgegeven (e-mailadres) in 'contact.email': 'wo***.****@*****.*om'",
        ),
        (
            "  email: piet.jansen@corporatie.nl\n",
            "17:10: mogelijk persoonsgegeven (e-mailadres) in 'contact.email': 'pi**.******@**********.nl'",
        ),
    ],
)
def test_contact_is_organisational_unless_allowed(
    cases_dir: Path, contact: str, expected: str
) -> None:
    (cases_dir / "case.yaml").write_text(VALID + "contact:\n" + contact, encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert code == 1
    assert lines[0] == f"cases/case.yaml:{expected}{CONTACT_HINT}"


def test_a_mobile_contact_number_with_an_allowance_passes_and_is_listed(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        VALID + "contact:\n  telefoon: 06 12345678\nprivacy:\n  uitzonderingen:\n"
        "    - soort: telefoonnummer\n      waarde: 06 12345678\n"
        "      reden: dienstmobiel van het wijkteam, nagekeken door de redactie\n",
        encoding="utf-8",
    )
    assert check("cases/case.yaml") == (
        0,
        [
            "cases/case.yaml:17:13: toegestaan: telefoonnummer '06 ******78' in "
            "'contact.telefoon' (reden: dienstmobiel van het wijkteam, nagekeken door de redactie)",
            "1 bestand gecontroleerd, geen problemen gevonden.",
        ],
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            sub("status: gepubliceerd", "status: NL91ABNA0417164300"),
            "8:9: ongeldige waarde 'NL**************00' voor 'status'; kies uit: concept, "
            "gepubliceerd, gearchiveerd",
        ),
        (
            add("Jan Jansen: ja\n"),
            f"16:1: onbekend veld 'Ja* ****en'; bekende velden hier: {CASE_KEYS}",
        ),
        (
            sub("bijgewerkt: 2025-01-10", "bijgewerkt: 0612345678"),
            "9:13: 'bijgewerkt': ongeldige datum '06******78': schrijf de datum als JJJJ-MM-DD, "
            "bijvoorbeeld 2025-03-14",
        ),
    ],
)
def test_every_message_masks_personal_values(
    cases_dir: Path, change: Callable[[str], str], expected: str
) -> None:
    (cases_dir / "case.yaml").write_text(change(VALID), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert code == 1
    assert lines[0] == f"cases/case.yaml:{expected}"
    assert "0612345678" not in "\n".join(lines) and "ABNA0417" not in "\n".join(lines)


def test_a_missing_image_named_after_a_person_is_masked_in_its_message(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        add("afbeeldingen:\n  - bestand: media/jan-0612345678.png\n    alt: Een woning\n")(VALID),
        encoding="utf-8",
    )
    code, lines = check("cases/case.yaml")
    assert code == 1
    assert (
        "cases/case.yaml:17:14: 'afbeeldingen[1].bestand': afbeelding 'me***/***-**********.*ng' bestaat niet in de map cases/"
        in lines
    )


def test_an_empty_optional_field_is_an_error(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        sub("bijgewerkt: 2025-01-10\n", "bijgewerkt: 2025-01-10\npubliceren_vanaf:\n")(VALID),
        encoding="utf-8",
    )
    assert check("cases/case.yaml") == (
        1,
        [
            "cases/case.yaml:10:1: 'publiceren_vanaf' is leeg: vul een waarde in of verwijder "
            "het veld",
            "1 bestand gecontroleerd, 1 met problemen (1 probleem).",
        ],
    )


def test_shipped_and_fixture_cases_give_no_false_alarm(tmp_path: Path) -> None:
    """Precision: every case this repository tests with (the seed cases among them, copied
    into tests/fixtures/seed) passes the scan."""
    from generator.privacy.personal_data import scan
    from generator.reading.loading import case_files, load

    files = case_files([*(ROOT / "tests/fixtures").iterdir()])  # the seeds are in seed/
    assert len(files) >= 8
    for path in files:
        document, _ = load(path, path.name)
        assert document is not None
        assert scan(document, path.stem) == ([], []), path.name


@pytest.mark.build
def test_the_strict_build_stops_with_the_same_masked_message(tmp_path: Path) -> None:
    from conftest import make_project

    project = make_project(tmp_path / "project")
    project.write_case(
        "lek.yaml",
        sub("organisatie: Woonstichting Test", "organisatie: Woonstichting Test 0612345678")(VALID),
    )
    result = project.build("--strict")
    assert result.returncode != 0
    assert (
        "cases/lek.yaml:4:33: mogelijk persoonsgegeven (telefoonnummer) in 'organisatie': "
        f"'06******78'{HINT}" in result.stderr
    )
    assert "0612345678" not in result.stderr and "Traceback" not in result.stderr
