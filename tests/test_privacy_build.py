"""Fail safe, proven on a build: none of the recall corpus's values (`recall_corpus`), nor
personal data in the vocabulary file or in an image's colour profile, reaches any page,
export, feed, finder document or media file. Each value stands in a case of its own, next
to the seed cases, which are published as before."""

from __future__ import annotations

import contextlib
import copy
import gzip
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import SEED, make_project
from personal_data_corpus import document_with
from PIL import Image
from recall_corpus import RECALL
from test_bad_files import VALID
from test_media import ICC_SECRET, profile_with_text

from generator.build import pipeline
from generator.privacy import personal_data

VOCABULARY_SECRET = "Bel gezin Haddou op 06-98765432"


def _case_text(field: str, text: str) -> str:
    data = yaml.safe_load(VALID)
    extra = document_with(field, text)
    for key in ("organisatie", "gemeente", "regio", "partners"):
        extra.pop(key, None) if key not in field else None
    data.update(copy.deepcopy(extra))
    for partner in data.get("partners") or []:
        partner.setdefault("rol", "Begeleiding")
    for quote in data.get("citaten") or []:
        quote.setdefault("tekst", "Fijn dat het lukte.")
    for image in data.get("afbeeldingen") or []:
        image.setdefault("alt", "Een woning van buiten")
    for source in data.get("bronnen") or []:
        source.setdefault("titel", "Een bron")
    for money in data.get("financiering") or []:
        money.setdefault("bedrag", "€ 1.000")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _needles() -> set[str]:
    """What a reader would recognise of each value: as the scan reads it, and for numbers
    also its digits alone."""
    found: set[str] = set()
    for field, text, _kind in ((f, t, k) for _, f, t, k in RECALL):
        for finding in personal_data._findings(document_with(field, text), None):
            value = finding.shown.strip(" .,'\"()")
            found.add(value.casefold())
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 6:
                found.add(digits)
    found |= {"haddou", "98765432", "fatima de vries"}
    return {n for n in found if len(n) >= 4}


def _readable(content: str | bytes) -> str:
    if isinstance(content, bytes):
        with contextlib.suppress(OSError, EOFError):
            content = gzip.decompress(content)  # Pagefind's index files are gzipped
        content = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    return content.casefold()


def _leaks(outputs: dict[str, str | bytes], needles: set[str]) -> list[tuple[str, str]]:
    digits_only = {n for n in needles if n.isdigit()}
    found = []
    for name, content in outputs.items():
        text = _readable(content)
        compact = re.sub(r"[\s.\-()]", "", text) if digits_only else ""
        for needle in needles:
            if needle in text or (needle in digits_only and needle in compact):
                found.append((name, needle))
    return found


def _project_cases(root: Path) -> Path:
    cases = root / "cases"
    shutil.copytree(SEED, cases)
    for i, (_group, field, text, _kind) in enumerate(RECALL):
        (cases / f"lek-{i:03d}.yaml").write_text(_case_text(field, text), encoding="utf-8")
    # personal data in the vocabulary, in a term one clean case uses
    vocabulary = cases / "_vocabulaire.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "themas:\n",
            f"themas:\n  buurtgezin:\n    label: Buurtgezin\n    omschrijving: {VOCABULARY_SECRET}\n",
            1,
        ),
        encoding="utf-8",
    )
    (cases / "lek-thema.yaml").write_text(
        VALID.replace("themas: [samenwerking]", "themas: [buurtgezin]"), encoding="utf-8"
    )
    # a published image whose colour profile carries a name and an address
    (cases / "media").mkdir(exist_ok=True)
    Image.new("RGB", (24, 16), (200, 30, 30)).save(
        cases / "media" / "gevel.jpg", icc_profile=profile_with_text()
    )
    (cases / "met-foto.yaml").write_text(
        VALID + "afbeeldingen:\n  - bestand: media/gevel.jpg\n    alt: Een gevel\n",
        encoding="utf-8",
    )
    return cases


def test_no_recall_value_reaches_any_output_of_the_core(tmp_path: Path) -> None:
    cases = _project_cases(tmp_path)
    result = pipeline.build(cases, date(2026, 1, 15))
    outputs: dict[str, str | bytes] = {
        **result.pages,
        **result.data,
        **result.search_documents,
        **result.media,
    }
    assert "media/gevel.jpg" in result.media and "cases/met-foto.md" in result.pages
    assert not any(src.startswith("cases/lek-") for src in result.pages)
    needles = _needles()
    assert len(needles) > 80
    assert _leaks(outputs, needles) == []
    assert ICC_SECRET.encode() not in result.media["media/gevel.jpg"]


@pytest.mark.build
def test_no_recall_value_reaches_the_built_site(tmp_path: Path) -> None:
    """The real build stops on the problems (fail safe), and what it leaves has none of the
    values; Pagefind's index (its fragments are compressed) included."""
    project = make_project(tmp_path / "project")
    shutil.rmtree(project.cases)
    _project_cases(project.root)
    result = project.build()
    assert result.returncode != 0
    assert "mogelijk persoonsgegeven" in result.stderr
    files: dict[str, str | bytes] = {}
    if project.site.exists():
        files = {str(p): p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert _leaks(files, _needles()) == []
