"""Personal data is stopped before publication, with file, line, field and a masked value."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED
from test_bad_files import VALID, add, sub

from generator.cli.commands import main

HINT = "; haal het weg, of zet het in privacy.uitzonderingen met een reden als het geen persoonsgegeven is"
MAIL_HINT = (
    "; een e-mailadres staat niet in de tekst van een case: zet een team- of functiemailbox "
    "in 'contact.email' en haal het hier weg, of zet het in privacy.uitzonderingen met een "
    "reden als het geen persoonsgegeven is"
)

CASES = [
    (
        "bsn",
        sub("aanpak: We deden iets.", "aanpak: Huurder met BSN 111222333 kreeg hulp."),
        "11:25: mogelijk persoonsgegeven (bsn) in 'aanpak': '11*****33'",
    ),
    (
        "bsn-with-dots",
        sub("aanpak: We deden iets.", "aanpak: Nummer 1112.22.333 genoteerd."),
        "11:16: mogelijk persoonsgegeven (bsn) in 'aanpak': '11**.**.*33'",
    ),
    (
        "iban",
        sub("aanpak: We deden iets.", "aanpak: Huur van NL91 ABNA 0417 1643 00 afgeschreven."),
        "11:18: mogelijk persoonsgegeven (iban) in 'aanpak': 'NL** **** **** **** 00'",
    ),
    (
        "mobile-phone",
        add("resultaten: |\n  Bel haar op 06-12345678 als het misgaat.\n"),
        "17:15: mogelijk persoonsgegeven (telefoonnummer) in 'resultaten': '06-******78'",
    ),
    (
        "landline-in-tip",
        sub("  - Een tip.", "  - Bel de huurder op 0314 123 456."),
        "15:23: mogelijk persoonsgegeven (telefoonnummer) in 'tips_voor_gemeenten[1]': '03** *** *56'",
    ),
    (
        "email-in-lesson",
        sub("  - Een les.", "  - Mail piet.jansen@gmail.com voor het dossier."),
        "13:10: mogelijk persoonsgegeven (e-mailadres) in 'lessen[1]': 'pi**.******@*****.*om'",
    ),
    (
        "postcode-and-number",
        sub("aanleiding: Er was een vraag.", "aanleiding: Het huis aan 7001 AB 12 was te klein."),
        "10:26: mogelijk persoonsgegeven (postcode) in 'aanleiding': '70** ** 12'",
    ),
    (
        "street-address",
        sub("titel: Een geldige case", "titel: Een uitbouw aan de Dorpsstraat 14"),
        "2:27: mogelijk persoonsgegeven (adres) in 'titel': 'Do********* 14'",
    ),
    (
        "date-of-birth",
        sub(
            "samenvatting: Een samenvatting die lang genoeg is om te passen.",
            "samenvatting: Een bewoner, geboren op 3 maart 1961, kreeg een woning.",
        ),
        "3:28: mogelijk persoonsgegeven (geboortedatum) in 'samenvatting': 'ge***** ** * ***** **61'",
    ),
    (
        "name-in-quote",
        add("citaten:\n  - tekst: Fijn dat het lukte.\n    wie: Jan de Vries\n"),
        "18:10: mogelijk persoonsgegeven (naam) in 'citaten[1].wie': 'Ja* ** ***es'",
    ),
    (
        "title-in-quote",
        add("citaten:\n  - tekst: Fijn dat het lukte.\n    wie: mevrouw B.\n"),
        "18:10: mogelijk persoonsgegeven (naam) in 'citaten[1].wie': 'me***** *.'",
    ),
    (
        "phone-in-partner-role",
        add("partners:\n  - naam: Zorg\n    rol: Begeleiding, bereikbaar op 0612345678\n"),
        "18:37: mogelijk persoonsgegeven (telefoonnummer) in 'partners[1].rol': '06******78'",
    ),
    (
        "phone-in-caption",
        add(
            "afbeeldingen:\n  - bestand: media/proefwoning.png\n    alt: Een woning\n    bijschrift: Bewoner, tel. 06 1234 5678\n"
        ),
        "19:31: mogelijk persoonsgegeven (telefoonnummer) in 'afbeeldingen[1].bijschrift': '06 **** **78'",
    ),
    (
        "phone-in-deviation",
        add(
            "afwijkingen:\n  - regel: Toewijzing\n    toelichting: Overleg met +31 6 12345678 ging snel.\n"
        ),
        "18:30: mogelijk persoonsgegeven (telefoonnummer) in 'afwijkingen[1].toelichting': '+31 * ******78'",
    ),
    (
        # Full-width digits (pasted from some PDFs): the message shows what a reader reads.
        "bsn-in-wide-digits",
        sub("aanpak: We deden iets.", "aanpak: Cliënt met BSN １１１２２２３３３ kreeg hulp."),
        "11:24: mogelijk persoonsgegeven (bsn) in 'aanpak': '11*****33'",
    ),
    (
        "licence-plate",
        sub("aanpak: We deden iets.", "aanpak: De auto met kenteken 12-ABC-3 stond voor de deur."),
        "11:30: mogelijk persoonsgegeven (kenteken) in 'aanpak': '1*-***-*'",
    ),
    (
        "client-number",
        sub("aanpak: We deden iets.", "aanpak: Zijn cliëntnummer is 2023-44718 bij de wijkteams."),
        "11:14: mogelijk persoonsgegeven (dossiernummer) in 'aanpak': 'cl********** ** ****-***18'",
    ),
    (
        "credentials-in-link",
        add("bronnen:\n  - titel: Dossier\n    url: https://jan:geheim@www.voorbeeld.nl/dossier\n"),
        "18:10: mogelijk persoonsgegeven (inloggegevens) in 'bronnen[1].url': 'ht***://***:******@***.*********.**/*****er'",
    ),
    (
        "ip-address",
        sub("aanpak: We deden iets.", "aanpak: De klacht kwam van 83.160.12.45, haar aansluiting."),
        "11:28: mogelijk persoonsgegeven (ip-adres) in 'aanpak': '83.***.**.45'",
    ),
    (
        "social-media-account",
        sub("aanpak: We deden iets.", "aanpak: Op Instagram heet hij @yonas.tesfay96."),
        "11:31: mogelijk persoonsgegeven (gebruikersnaam) in 'aanpak': '@yo***.******96'",
    ),
]


@pytest.fixture
def cases_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cases = tmp_path / "cases"
    shutil.copytree(SEED, cases)
    shutil.copytree(FIXTURES / "cases/media", cases / "media", dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return cases


def check(path: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-01-15", path])
    return result.exit_code, result.output.strip().splitlines()


@pytest.mark.parametrize(("change", "expected"), [pytest.param(c, e, id=i) for i, c, e in CASES])
def test_personal_data_is_an_error_with_a_masked_value(cases_dir: Path, change, expected) -> None:  # type: ignore[no-untyped-def]
    (cases_dir / "case.yaml").write_text(change(VALID))
    code, lines = check("cases/case.yaml")
    assert code == 1
    hint = MAIL_HINT if "(e-mailadres)" in expected else HINT  # where such an address belongs
    assert lines[0] == f"cases/case.yaml:{expected}{hint}"


def test_every_kind_is_covered() -> None:
    from generator.privacy.personal_data import KINDS

    covered = {e.split("(")[1].split(")")[0] for _, _, e in CASES}
    assert covered == set(KINDS)


def test_every_scanned_field_is_read() -> None:
    """A phone number in every scanned text field of one document: each one is found."""
    from generator.contract.fields import case_fields, walk
    from generator.privacy.personal_data import scan
    from generator.reading.loading import parse

    phone = "06-12345678"
    data: dict[str, object] = {}
    expected = set()

    def fill(fields, into, name):  # type: ignore[no-untyped-def]
        """A phone number in every text field the scan reads as text, name or role; the
        place each finding must name (`partners[1].naam`, `lessen[1]`)."""
        for field in fields:
            place = f"{name}.{field.name}" if name else field.name
            if field.fields:
                inner: dict[str, object] = {}
                into[field.name] = [inner] if field.many else inner
                fill(field.fields, inner, f"{place}[1]" if field.many else place)
            elif field.scan in ("text", "name", "role"):
                into[field.name] = [phone] if field.many else phone
                expected.add(f"{place}[1]" if field.many else place)

    fill(case_fields(), data, "")
    document, problems = parse(json.dumps(data).encode(), "alles.yaml")
    assert document is not None, problems
    found, _ = scan(document)
    fields = {p.message.split("'")[1] for p in found}
    assert fields == expected
    assert len(expected) == sum(f.scan in ("text", "name", "role") for f in walk(case_fields()))
    assert {
        "organisatie",
        "partners[1].naam",
        "financiering[1].bedrag",
        "pilot.evaluatie",
    } <= fields


def test_ordinary_figures_are_not_personal_data(cases_dir: Path) -> None:
    text = VALID.replace(
        "aanpak: We deden iets.",
        "aanpak: In 2024 woonden 12 mensen er 6 maanden; kosten € 20.000 (123 456 euro totaal), "
        "zie rapport 2023-11 en artikel 7:271 BW. Wmo-budget 1.250.000.",
    )
    (cases_dir / "case.yaml").write_text(text)
    assert check("cases/case.yaml") == (0, ["1 bestand gecontroleerd, geen problemen gevonden."])


def test_contact_takes_organisational_routes(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        VALID + "contact:\n  email: wonenenzorg@corporatie.nl\n  telefoon: 0314 123 456\n"
    )
    assert check("cases/case.yaml") == (0, ["1 bestand gecontroleerd, geen problemen gevonden."])


def test_reviewed_false_positive_is_allowed_and_listed(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        VALID.replace("  - Een tip.", "  - Bel het Wmo-loket op 0314 123 456.")
        + "privacy:\n  herleidbaar: false\n  uitzonderingen:\n"
        "    # nagekeken door de redactie op 2025-01-10\n"
        "    - soort: telefoonnummer\n      waarde: 0314 123 456\n"
        "      reden: algemeen nummer van het gemeentelijk loket\n"
    )
    code, lines = check("cases/case.yaml")
    assert code == 0
    assert lines == [
        "cases/case.yaml:15:26: toegestaan: telefoonnummer '03** *** *56' in "
        "'tips_voor_gemeenten[1]' (reden: algemeen nummer van het gemeentelijk loket)",
        "1 bestand gecontroleerd, geen problemen gevonden.",
    ]


def test_allowance_must_name_a_known_kind(cases_dir: Path) -> None:
    (cases_dir / "case.yaml").write_text(
        VALID
        + "privacy:\n  uitzonderingen:\n    - soort: nummer\n      waarde: x\n      reden: y\n"
    )
    code, lines = check("cases/case.yaml")
    assert code == 1
    assert lines[0].startswith(
        "cases/case.yaml:18:14: ongeldige waarde 'nummer' voor 'privacy.uitzonderingen[1].soort'; kies uit: bsn, iban"
    )


def test_a_case_with_personal_data_is_not_published(tmp_path: Path) -> None:
    from datetime import date

    from generator.build import pipeline

    cases = tmp_path / "cases"
    shutil.copytree(SEED, cases)
    (cases / "lek.yaml").write_text(VALID.replace("  - Een tip.", "  - Bel 06-12345678."))
    result = pipeline.build(cases, date(2026, 1, 15))
    assert "cases/lek.md" not in result.pages
    assert not any("12345678" in page for page in result.pages.values())


def test_a_pasted_list_of_addresses_is_reported_line_by_line() -> None:
    """Found by breaking it: a field of thousands of e-mail addresses, one per line, took
    minutes to report (each finding searched the field again). Each is at its own line."""
    from generator.privacy import personal_data
    from generator.reading import loading

    lines = "\n".join(f"  Mail t{i}@voorbeeld.nl als het kan." for i in range(300))
    document, _ = loading.parse(f"soort: casus\naanleiding: |\n{lines}\n".encode(), "x.yaml")
    assert document is not None
    problems, _ = personal_data.scan(document)
    assert [p.line for p in problems] == list(range(3, 303))
    assert all(p.column == 8 for p in problems)


def test_the_scan_finds_the_same_after_its_lists_are_let_go() -> None:
    """A one-shot build lets the name lists and deduce go after its check (peak memory);
    whatever scans after that (a message to mask, the next build in the same process)
    reads them again and finds the same."""
    from generator.privacy import name_list, person_names, personal_data

    text = "Huurder Fatma Demir (geb. 4-6-1958) belde vanaf 06-12345678 over Beukenlaan 12."

    def found() -> list[tuple[str, str]]:
        findings = personal_data._in_text(text, ("aanleiding",), "text", False, frozenset())
        return [(f.kind, f.value) for f in findings]

    before = found()
    assert {"naam", "telefoonnummer", "adres"} <= {kind for kind, _ in before}, before
    personal_data.release()
    assert name_list.names.cache_info().currsize == 0
    assert person_names.words.cache_info().currsize == 0
    assert found() == before
