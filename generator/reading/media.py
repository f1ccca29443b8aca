"""Images of cases: which files may be published, and their bytes without metadata.

A file reaches the site only when a published case names it, and only:
- inside `cases/media/` after every link is resolved: a symlink anywhere on its path is
  refused (one pointing at `/proc/self/environ` would publish the build machine's
  environment, CI tokens included);
- as a regular file of at most `MAX_BYTES`;
- as PNG, JPEG or WebP by its content (the first bytes), matching its extension;
- where no hand-written page or theme file of the site stands (`check` names the case
  file, not the page it would overwrite).
Its copy is decoded and saved again by Pillow with nothing but its pixels: no EXIF (GPS
position, camera owner), XMP, PNG text chunks, comments or colour profile (its pixels are
converted to sRGB, and the standard sRGB profile stands in for the file's own); the EXIF
orientation is applied first, so the picture stays upright; the copy is in the format its
name says.
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
    """The image decoded and saved again with nothing but its pixels.

    The pixels go into a new image, so nothing of the file's `info` (EXIF, XMP, text
    chunks, comments, colour profile) can be carried along by a save option's default. A
    colour profile can hold free text (its description and copyright tags: a name, an
    address), so it is never copied: the pixels are converted from it to sRGB (what
    browsers assume for an image without one), and the standard sRGB profile, made by
    Pillow's LittleCMS, is embedded instead. The copy is written in the format its name
    says (a multi-picture JPEG, MPO, becomes a JPEG of its first picture), and only the
    first frame of an animation is kept.
    """
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        image.seek(0)
        upright = ImageOps.exif_transpose(image) or image
        profile = image.info.get("icc_profile")
        pixels = _in_srgb(upright, profile) if profile else upright
        clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
        palette = pixels.getpalette(rawmode=None) if pixels.mode in ("P", "PA") else None
        if palette is not None:
            clean.putpalette(palette, rawmode=pixels.palette.mode if pixels.palette else "RGB")
        options: dict[str, Any] = {}
        if "transparency" in pixels.info and pixels is upright:
            options["transparency"] = pixels.info["transparency"]
        if profile and clean.mode in ("RGB", "RGBA"):
            options["icc_profile"] = _srgb_profile()
        kind = _format_of_name(path.name)
        out = io.BytesIO()
        if kind == "JPEG":
            if clean.mode not in ("RGB", "L", "CMYK"):
                clean = clean.convert("RGB")
            clean.save(out, "JPEG", quality=92, **options)
        elif kind == "WEBP":
            clean.save(out, "WEBP", lossless=False, quality=90, **options)
        else:
            clean.save(out, "PNG", **options)
        return out.getvalue()


def _format_of_name(name: str) -> str:
    """The format a file's name says (`check` holds that its content agrees)."""
    suffix = name.lower().rsplit(".", 1)[-1]
    return {"jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP"}.get(suffix, "PNG")


def _in_srgb(image: Any, profile: bytes) -> Any:
    """The pixels converted from the file's colour profile to sRGB; when the profile cannot
    be read, the pixels as they are (the profile is dropped either way)."""
    from PIL import ImageCms

    mode = image.mode
    if mode not in ("RGB", "RGBA", "L", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        target = ImageCms.createProfile("sRGB")
        out_mode = "RGBA" if mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, target, outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image.convert("RGBA" if mode == "RGBA" else "RGB") if mode == "CMYK" else image


def _srgb_profile() -> bytes:
    """The standard sRGB profile, as LittleCMS makes it (no text of the author's)."""
    from PIL import ImageCms

    data: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return data
