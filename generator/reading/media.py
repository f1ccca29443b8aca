"""Images of cases: which files may be published, and their bytes without metadata.

A file reaches the site only when a published case names it, and only:
- inside `cases/media/` after every link is resolved: a symlink anywhere on its path is
  refused (one pointing at `/proc/self/environ` would publish the build machine's
  environment, CI tokens included);
- as a regular file of at most `MAX_BYTES`;
- as PNG, JPEG or WebP by its content (the first bytes), matching its extension;
- where no hand-written page or theme file of the site stands (`check` names the case
  file, not the page it would overwrite).
Its copy is decoded and saved again by Pillow without EXIF (GPS position, camera owner),
XMP, PNG text chunks or comments; the EXIF orientation is applied first, so the picture
stays upright.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any

MEDIA_DIR = "media"
MAX_BYTES = 5 * 1024 * 1024
_KINDS = {
    "png": ("PNG", (".png",)),
    "jpeg": ("JPEG", (".jpg", ".jpeg")),
    "webp": ("WEBP", (".webp",)),
}


def problem(cases_dir: Path, name: str, reserved: frozenset[str] = frozenset()) -> str | None:
    """Why the image `name` (as written in a case: `media/foto.jpg`) may not be published,
    in Dutch, or None when it may."""
    if not name.startswith(f"{MEDIA_DIR}/"):
        return f"afbeelding '{name}' moet in de map {cases_dir.name}/{MEDIA_DIR}/ staan"
    if name in reserved:
        return (
            f"afbeelding '{name}' zou een bestand van de site zelf overschrijven; "
            "kies een andere naam"
        )
    path = cases_dir / name
    current = cases_dir
    for part in Path(name).parts:
        current = current / part
        try:
            info = os.lstat(current)
        except OSError:
            return f"afbeelding '{name}' bestaat niet in de map {cases_dir.name}/"
        if stat.S_ISLNK(info.st_mode):
            return (
                f"afbeelding '{name}' is een snelkoppeling (symlink); zet het bestand zelf "
                f"in {cases_dir.name}/{MEDIA_DIR}/"
            )
    if not stat.S_ISREG(info.st_mode):
        return f"afbeelding '{name}' is geen gewoon bestand"
    if info.st_size > MAX_BYTES:
        return (
            f"afbeelding '{name}' is te groot ({info.st_size // 1024} KiB); "
            f"hoogstens {MAX_BYTES // 1024 // 1024} MiB"
        )
    kind = sniff(path)
    if kind is None:
        return f"afbeelding '{name}' is geen PNG-, JPEG- of WebP-bestand (gekeken naar de inhoud)"
    if not name.lower().endswith(_KINDS[kind][1]):
        return (
            f"afbeelding '{name}' is een {kind.upper()}-bestand; geef het de extensie "
            f"{_KINDS[kind][1][0]}"
        )
    return None


def sniff(path: Path) -> str | None:
    """The image type by the file's first bytes (its name can say anything)."""
    with open(path, "rb") as file:
        head = file.read(12)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def clean_copy(path: Path) -> bytes:
    """The image decoded and saved again without metadata (see the module's docstring).

    The pixels go into a new image, so nothing of the file's `info` (EXIF, XMP, text
    chunks, comments) can be carried along by a save option's default; only what a
    picture needs to look the same is passed on: palette, transparency, colour profile.
    """
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        kind = image.format
        upright = ImageOps.exif_transpose(image)
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        palette = upright.getpalette(rawmode=None) if upright.mode in ("P", "PA") else None
        if palette is not None:
            clean.putpalette(palette, rawmode=upright.palette.mode if upright.palette else "RGB")
        options: dict[str, Any] = {}
        if "transparency" in upright.info:
            options["transparency"] = upright.info["transparency"]
        if "icc_profile" in image.info:
            options["icc_profile"] = image.info["icc_profile"]
        out = io.BytesIO()
        if kind == "JPEG":
            clean.save(out, "JPEG", quality=92, **options)
        elif kind == "WEBP":
            clean.save(out, "WEBP", lossless=False, quality=90, **options)
        else:
            clean.save(out, "PNG", **options)
        return out.getvalue()
