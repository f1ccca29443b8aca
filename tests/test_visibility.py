"""A public repository must not hold stories the site withholds: `build.visibility` decides,
the workflows pass the repository's visibility, and the message is Dutch."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

from generator.build import pipeline
from generator.build.visibility import (
    Visibility,
    not_for_a_public_repository,
    read_visibility,
    refusal,
)

TODAY = date(2026, 1, 15)
PLAIN = (FIXTURES / "fork/tijdelijk-wonen-zwolle.yaml").read_text(encoding="utf-8")
PLAIN = PLAIN.replace("BOUWDATUM", "2026-01-10")


def _check(tmp_path: Path, cases: dict[str, str]) -> pipeline.CheckResult:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(SEED / "_vocabulaire.yaml", folder)
    for name, text in cases.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return pipeline.check([folder], folder, TODAY, base=tmp_path)


CONSENT = (
    "privacy:\n  herleidbaar: true\n  toestemming:\n    vastgelegd_op: 2025-09-01\n"
    "    geldig_tot: {until}\n"
)


def test_concept_embargoed_identifiable_and_unreadable_stories_may_not_be_public(
    tmp_path: Path,
) -> None:
    result = _check(
        tmp_path,
        {
            "a-openbaar": PLAIN,
            "b-concept": PLAIN.replace("status: gepubliceerd", "status: concept"),
            "c-embargo": PLAIN + "publiceren_vanaf: 2026-03-01\n",
            "d-embargo-voorbij": PLAIN + "publiceren_vanaf: 2026-01-01\n",
            "e-herleidbaar": PLAIN + CONSENT.format(until="2027-01-01"),
            "f-verlopen": PLAIN + CONSENT.format(until="2026-01-01"),
            "g-kapot": PLAIN.replace("status: gepubliceerd", "status: klaar"),
            "h-geen-yaml": "titel: [\n",
            "i-niet-herleidbaar": PLAIN + "privacy:\n  herleidbaar: false\n",
            "j-verlopen-niet-herleidbaar": PLAIN
            + CONSENT.format(until="2026-01-01").replace("herleidbaar: true", "herleidbaar: false"),
            "k-geldig-niet-herleidbaar": PLAIN
            + CONSENT.format(until="2027-01-01").replace("herleidbaar: true", "herleidbaar: false"),
        },
    )
    found = dict(not_for_a_public_repository(result, TODAY, tmp_path))
    assert found == {
        "cases/b-concept.yaml": "concept",
        "cases/c-embargo.yaml": "embargo tot 2026-03-01",
        "cases/e-herleidbaar.yaml": "herleidbaar",
        "cases/f-verlopen.yaml": "herleidbaar",
        "cases/j-verlopen-niet-herleidbaar.yaml": "toestemming verlopen op 2026-01-01",
        # a file with a problem is judged by what it says, or counts when unreadable
        "cases/g-kapot.yaml": "concept",
        "cases/h-geen-yaml.yaml": "niet te lezen",
    }


def test_a_public_repository_is_refused_with_a_dutch_message(tmp_path: Path) -> None:
    result = _check(
        tmp_path,
        {
            "a-openbaar": PLAIN,
            "b-concept": PLAIN.replace("status: gepubliceerd", "status: concept"),
        },
    )
    assert refusal(Visibility.PUBLIC, result, TODAY, tmp_path) == (
        "publiceren geweigerd: deze repository is openbaar, en cases/ bevat verhalen die niet "
        "openbaar mogen zijn: cases/b-concept.yaml (concept). Iedereen kan ze in git lezen, "
        "ook in de geschiedenis. Maak de repository privé (GitHub: Settings, General, Change "
        "visibility; GitLab: Settings, General, Visibility), haal deze verhalen uit de "
        "geschiedenis (zie docs/publishing.md) en publiceer opnieuw. Tot dan staat er in "
        "plaats van de site een pagina 'tijdelijk niet beschikbaar'."
    )
    assert refusal(Visibility.PRIVATE, result, TODAY, tmp_path) is None
    assert refusal(Visibility.INTERNAL, result, TODAY, tmp_path) is None


def test_a_public_repository_with_only_public_stories_may_publish(tmp_path: Path) -> None:
    result = _check(tmp_path, {"a-openbaar": PLAIN})
    assert refusal(Visibility.PUBLIC, result, TODAY, tmp_path) is None


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("private", Visibility.PRIVATE),
        ("Private\n", Visibility.PRIVATE),
        ("internal", Visibility.INTERNAL),
        ("public", Visibility.PUBLIC),
        # an event without the flag, a typo, GitHub's raw booleans: counted as public
        ("", Visibility.PUBLIC),
        ("prive", Visibility.PUBLIC),
        ("true", Visibility.PUBLIC),
    ],
)
def test_an_unknown_visibility_counts_as_public(value: str, read: Visibility) -> None:
    assert read_visibility(value) is read


def test_stories_in_a_folder_under_cases_count_too(tmp_path: Path) -> None:
    """No build reads `cases/oud/`, but git holds it: an archived concept there is public."""
    result = _check(tmp_path, {"a-openbaar": PLAIN})
    archive = tmp_path / "cases" / "oud"
    archive.mkdir()
    (archive / "b-ingetrokken.yaml").write_text(PLAIN + CONSENT.format(until="2025-01-01"))
    (archive / "c-openbaar.yml").write_text(PLAIN)
    (archive / "notities.txt").write_text("status: concept\n")
    cases = tmp_path / "cases"
    assert not_for_a_public_repository(result, TODAY, tmp_path, cases) == [
        ("cases/oud/b-ingetrokken.yaml", "herleidbaar"),
        ("cases/oud/notities.txt", "concept"),
    ]
    message = refusal(Visibility.PUBLIC, result, TODAY, tmp_path, cases)
    assert message is not None and "cases/oud/b-ingetrokken.yaml (herleidbaar)" in message


def test_every_file_git_holds_under_cases_is_judged_whatever_its_name(tmp_path: Path) -> None:
    """Drafts saved under names no build reads are in git all the same (attack F8): each is
    judged as a case file; an unreadable one counts. The vocabulary, images in media/ and
    empty files are not stories."""
    result = _check(tmp_path, {"a-openbaar": PLAIN})
    cases = tmp_path / "cases"
    concept = PLAIN.replace("status: gepubliceerd", "status: concept")
    for name in ("_concept-verhaal.yaml", "concept-b.YAML", "concept-c.yaml.bak"):
        (cases / name).write_text(concept, encoding="utf-8")
    (cases / "concept-d.yaml~").write_text(PLAIN + CONSENT.format(until="2027-01-01"))
    (cases / "oud-openbaar.yaml.bak").write_text(PLAIN)  # a published story: may be public
    (cases / "kladje.txt").write_bytes(b"\xff\xfe niet te lezen")
    (cases / ".gitkeep").write_text("")
    (cases / "media").mkdir()
    (cases / "media/foto.jpg").write_bytes(b"\xff\xd8 geen verhaal")
    (cases / "media/notitie.md").write_text(concept)
    assert not_for_a_public_repository(result, TODAY, tmp_path, cases) == [
        ("cases/_concept-verhaal.yaml", "concept"),
        ("cases/concept-b.YAML", "concept"),
        ("cases/concept-c.yaml.bak", "concept"),
        ("cases/concept-d.yaml~", "herleidbaar"),
        ("cases/kladje.txt", "niet te lezen"),
        ("cases/media/notitie.md", "concept"),
    ]
    message = refusal(Visibility.PUBLIC, result, TODAY, tmp_path, cases)
    assert message is not None
    assert "openbaar mogen zijn: cases/_concept-verhaal.yaml (concept), " in message
