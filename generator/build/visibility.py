"""Whether this repository may publish: a public repository must not hold stories that the
site withholds.

Everything in `cases/` is in git, history included: concept stories, stories under
embargo, identifiable stories (`privacy.herleidbaar`) with their consent dates, and the
reviewed exceptions of the personal-data scan. A public repository (a public fork, a
project made public) shows all of it to anyone, whatever the site shows. So the publish
workflows pass the repository's visibility (GitHub: asked of the API, `gh api
repos/... --jq .visibility`, since a scheduled run's event may lack the repository; GitLab:
`CI_PROJECT_VISIBILITY`), and when it is public while `cases/` holds such a story,
publishing is refused with a Dutch message. Refused means the stories leave the site too:
the workflow publishes `hosting.withdrawn_site` instead (fail safe means withdraw: a
refusal that left the previous site online would keep stories online that should go).

A visibility this module does not know (`unknown`: the API did not answer) counts as
public. `internal` (GitLab: every signed-in user of the instance) is allowed, with a note.
"""

from __future__ import annotations

import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.build.pipeline import VOCABULARY_FILE, CheckResult
from generator.reading.loading import display_paths, load


class Visibility(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    PRIVATE = "private"


def read_visibility(value: str) -> Visibility:
    """`private`, `internal` or `public` (GitLab's words; GitHub's workflow maps its
    `private` flag onto them); anything else is taken as public."""
    try:
        return Visibility(value.strip().lower())
    except ValueError:
        return Visibility.PUBLIC


def not_for_a_public_repository(
    result: CheckResult, today: date, base: Path | None = None, cases_dir: Path | None = None
) -> list[tuple[str, str]]:
    """The files that must not be in a public repository, with why (Dutch): concept,
    embargo, identifiable, consent ended; a file that cannot be read or judged counts too
    (it may be any of these). Valid cases are judged by their model, others by their data
    as written. Every other file under `cases_dir` is in git all the same, whatever its
    name (`_concept.yaml`, `x.YAML`, `x.yaml.bak`, `x.yaml~`, a folder of old stories):
    each is judged as a case file, except the vocabulary, images in `media/` and empty
    files."""
    found: list[tuple[str, str]] = []
    valid = {v.display: v for v in result.valid}
    files = [*result.files, *_beside_the_cases(cases_dir, result.files)]
    shown = display_paths(files, base)
    for path in files:
        display = shown[path]
        item = valid.get(display)
        if item is not None:
            data: Any = item.case.model_dump()
        else:
            document, _ = load(path, display)
            data = document.data if document is not None else None
        why = _why_not_public(data, today)
        if why is not None:
            found.append((display, why))
    return found


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
"""What `media/` holds for the cases (`model.MEDIA_PATTERN`); not stories."""


def _beside_the_cases(cases_dir: Path | None, files: list[Path]) -> list[Path]:
    """Every file under `cases_dir` that is not one of the case files a build reads (and
    not the vocabulary, an image in `media/` or an empty file)."""
    if cases_dir is None or not cases_dir.is_dir():
        return []
    known, found = set(files), []
    vocabulary = cases_dir / VOCABULARY_FILE
    media = cases_dir / "media"
    for folder, _, names in os.walk(cases_dir):  # symbolic links to folders are not followed
        for name in names:
            path = Path(folder) / name
            if path in known or path == vocabulary:
                continue
            if path.is_relative_to(media) and name.lower().endswith(IMAGE_SUFFIXES):
                continue
            try:
                if path.lstat().st_size == 0 and path.is_file() and not path.is_symlink():
                    continue
            except OSError:
                pass  # judged (and refused) as unreadable
            found.append(path)
    return sorted(found)


def _why_not_public(data: Any, today: date) -> str | None:
    if not isinstance(data, dict):
        return "niet te lezen"
    if data.get("status") not in ("gepubliceerd", "gearchiveerd"):
        return "concept"
    embargo = data.get("publiceren_vanaf")
    if isinstance(embargo, str):
        try:
            embargo = date.fromisoformat(embargo)
        except ValueError:
            return "embargo onleesbaar"
    if isinstance(embargo, date) and embargo > today:
        return f"embargo tot {embargo.isoformat()}"
    if embargo is not None and not isinstance(embargo, date):
        return "embargo onleesbaar"
    privacy = data.get("privacy")
    if isinstance(privacy, dict) and privacy.get("herleidbaar") not in (None, False):
        return "herleidbaar"
    consent = privacy.get("toestemming") if isinstance(privacy, dict) else None
    if consent is not None:
        until = consent.get("geldig_tot") if isinstance(consent, dict) else None
        if isinstance(until, str):
            try:
                until = date.fromisoformat(until)
            except ValueError:
                return "toestemming onleesbaar"
        if not isinstance(until, date):
            return "toestemming onleesbaar"
        if until < today:
            return f"toestemming verlopen op {until.isoformat()}"
    if privacy is not None and not isinstance(privacy, dict):
        return "privacy onleesbaar"
    return None


def refusal(
    visibility: Visibility,
    result: CheckResult,
    today: date,
    base: Path | None = None,
    cases_dir: Path | None = None,
) -> str | None:
    """The Dutch message that refuses publishing from a public repository that holds
    stories the site withholds, or None when publishing may go on."""
    if visibility is not Visibility.PUBLIC:
        return None
    found = not_for_a_public_repository(result, today, base, cases_dir)
    if not found:
        return None
    listed = ", ".join(f"{display} ({why})" for display, why in found[:10])
    more = f" en nog {len(found) - 10}" if len(found) > 10 else ""
    return (
        "publiceren geweigerd: deze repository is openbaar, en cases/ bevat verhalen die niet "
        f"openbaar mogen zijn: {listed}{more}. Iedereen kan ze in git lezen, ook in de "
        "geschiedenis. Maak de repository privé (GitHub: Settings, General, Change "
        "visibility; GitLab: Settings, General, Visibility), haal deze verhalen uit de "
        "geschiedenis (zie docs/publishing.md) en publiceer opnieuw. Tot dan staat er in "
        "plaats van de site een pagina 'tijdelijk niet beschikbaar'."
    )


INTERNAL_NOTE = (
    "let op: deze repository is 'internal': iedereen met een account op deze GitLab kan de "
    "concepten en herleidbare verhalen in cases/ lezen. Maak hem privé als dat te veel is."
)
