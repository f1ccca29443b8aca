"""Images of cases: which files may be published, and their bytes without metadata.

A file reaches the site only when a published case names it, and only:
- inside `cases/media/` after every link is resolved: a symlink anywhere on its path is
  refused (one pointing at `/proc/self/environ` would publish the build machine's
  environment, CI tokens included);
- as a regular file of at most `MAX_BYTES`;
- as PNG, JPEG or WebP by its content (the first bytes), matching its extension;
- where no hand-written page or theme file of the site stands (`check` names the case
  file, not the page it would overwrite);
- as an image Pillow decodes whole, of at most `MAX_PIXELS` pixels and an ordinary
  structure (`MAX_PARTS`, `MAX_SCANS`): `check` decodes it as the build will, so a
  decompression bomb (30,000 x 30,000 pixels in 107 KB), a truncated or damaged file is
  an author's problem in `check`, never a failed build, and the build's memory stays
  bounded per image (one image is decoded at a time).
Its copy is decoded and saved again by Pillow with nothing but its pixels: no EXIF (GPS
position, camera owner), XMP, PNG text chunks, comments or colour profile (its pixels are
converted to sRGB, and the standard sRGB profile stands in for the file's own); the EXIF
orientation is applied first, so the picture stays upright; the copy is in the format its
name says.
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.reading import files

if TYPE_CHECKING:
    from PIL.Image import Image as PillowImage

MEDIA_DIR = "media"
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000
"""25 megapixels: a 24-megapixel camera's photo (6,000 x 4,000) fits; decoded it takes at
most 100 MB (four bytes a pixel), and the clean copy as much again. Pillow's own limit is
89 million pixels (then a warning; an error from twice that)."""
# Our type (by the first bytes): Pillow's names for it, and the extensions it may have.
# A phone's JPEG with a depth map or a second picture is Pillow's MPO: a JPEG all the same.
_KINDS = {
    "png": (("PNG",), (".png",)),
    "jpeg": (("JPEG", "MPO"), (".jpg", ".jpeg")),
    "webp": (("WEBP",), (".webp",)),
}


class ImageProblem(Exception):
    """An image that cannot be published, with the Dutch reason (`str(error)`)."""


def problem(cases_dir: Path, name: str, reserved: frozenset[str] = frozenset()) -> str | None:
    """Why the image `name` (as written in a case: `media/foto.jpg`) may not be published,
    in Dutch, or None when it may.

    An image is decoded once per version of the file (its inode, size and time of change)
    in this process: a thousand cases naming one photo cost one decoding, not a thousand,
    and the preview does not decode unchanged images again after each save."""
    if name in reserved:
        return _reserved(name)
    version: tuple[object, ...] = ()
    try:
        current = cases_dir
        for part in Path(name).parts:  # every step: a symlink put on the way is seen
            current = current / part
            info = os.lstat(current)
            version += (info.st_mode, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    except (OSError, ValueError):
        version = ()
    key = (str(cases_dir), name, version)
    if version and key in _JUDGED:
        return _JUDGED[key]
    try:
        _decoded(cases_dir, name, reserved).close()
        found = None
    except ImageProblem as error:
        found = str(error)
    if version:
        if len(_JUDGED) >= 4096:
            _JUDGED.pop(next(iter(_JUDGED)))
        _JUDGED[key] = found
    return found


_JUDGED: dict[tuple[str, str, tuple[object, ...]], str | None] = {}


def clean_copy(cases_dir: Path, name: str) -> bytes:
    """The image `name` (as in `problem`) decoded and saved again with nothing but its
    pixels (see the module's docstring).

    The pixels go into a new image, so nothing of the file's `info` (EXIF, XMP, text
    chunks, comments, colour profile) can be carried along by a save option's default. A
    colour profile can hold free text (its description and copyright tags: a name, an
    address), so it is never copied: the pixels are converted from it to sRGB (what
    browsers assume for an image without one), and the standard sRGB profile, made by
    Pillow's LittleCMS, is embedded instead. The copy is written in the format its name
    says (a multi-picture JPEG, MPO, becomes a JPEG of its first picture), and only the
    first frame of an animation is kept. `check` has decoded the same file the same way
    (`problem`), so this does not fail on an image that passed it.
    """
    from PIL import Image, ImageOps

    with _decoded(cases_dir, name) as image:
        image.seek(0)
        profile = image.info.get("icc_profile")
        transparency = image.info.get("transparency")
        upright = ImageOps.exif_transpose(image)  # a copy: the file's image can close
    pixels = _in_srgb(upright, profile) if profile else upright
    converted = pixels is not upright
    mode, size = pixels.mode, pixels.size
    palette = pixels.getpalette(rawmode=None) if mode in ("P", "PA") else None
    palette_mode = pixels.palette.mode if pixels.palette else "RGB"
    clean = Image.new(mode, size)
    clean.paste(pixels, (0, 0))
    del upright, pixels  # one decoded copy at a time, besides the clean one
    if palette is not None:
        clean.putpalette(palette, rawmode=palette_mode)
    options: dict[str, Any] = {}
    if transparency is not None and not converted:
        options["transparency"] = transparency
    if profile and clean.mode in ("RGB", "RGBA"):
        options["icc_profile"] = _srgb_profile()
    kind = _format_of_name(name)
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


def _decoded(cases_dir: Path, name: str, reserved: frozenset[str] = frozenset()) -> PillowImage:
    """The image `name`, decoded whole by Pillow, after every rule of the module's
    docstring; raises `ImageProblem` with the Dutch reason. The caller closes it."""
    if not name.startswith(f"{MEDIA_DIR}/"):
        raise ImageProblem(
            f"afbeelding '{name}' moet in de map {cases_dir.name}/{MEDIA_DIR}/ staan"
        )
    if name in reserved:
        raise ImageProblem(_reserved(name))
    current = cases_dir
    for part in Path(name).parts[:-1]:
        current = current / part
        try:
            info = os.lstat(current)
        except OSError:
            raise ImageProblem(_missing(name, cases_dir)) from None
        if stat.S_ISLNK(info.st_mode):
            raise ImageProblem(_symlink(name, cases_dir))
    data = files.read_regular(cases_dir / name, MAX_BYTES)
    if isinstance(data, files.Refused):
        raise ImageProblem(_refused(name, cases_dir, data))
    kind = sniff(data)
    if kind is None:
        raise ImageProblem(
            f"afbeelding '{name}' is geen PNG-, JPEG- of WebP-bestand (gekeken naar de inhoud)"
        )
    formats, suffixes = _KINDS[kind]
    if not name.lower().endswith(suffixes):
        raise ImageProblem(
            f"afbeelding '{name}' is een {kind.upper()}-bestand; geef het de extensie {suffixes[0]}"
        )
    too_many = _too_many_parts(kind, data)
    if too_many:
        raise ImageProblem(
            f"afbeelding '{name}' heeft een ongewone opbouw: meer dan {too_many}; sla hem "
            "opnieuw op, bijvoorbeeld met een fotobewerker"
        )
    return _decode(name, data, formats)


MAX_PARTS = 5_000
"""The most chunks of a PNG, or markers (and bytes of padding) of a JPEG, an image may
have: Pillow reads them one by one in Python, some 10 microseconds each, so 5 MiB of
empty chunks took it 5 s. A PNG from a camera or editor has a few hundred at most (its
pixels in chunks of 8 KiB or more)."""
MAX_SCANS = 100
"""The most scans of a JPEG: each costs a pass over all pixels (1 ms at 25 megapixels), so
5 MiB of copies of one small scan would take minutes. A progressive JPEG has about ten."""
_JPEG_NEXT_MARKER = re.compile(rb"\xff+[^\x00\xd0-\xd7\xff]")
"""The next marker after a scan's data (in which `FF 00` is a data byte and `FF D0` to
`FF D7` are restart markers), with any padding `FF` bytes before it."""
_JPEG_PADDING = re.compile(rb"\xff+")


def _too_many_parts(kind: str, data: bytes) -> str | None:
    """What there is too much of in the file's structure (`MAX_PARTS`, `MAX_SCANS`), in
    Dutch (`100 lagen (JPEG-scans)`), or None. Walks the structure only as far as the
    limits; a structure that is broken otherwise is left for Pillow to report."""
    if kind == "png":
        at, chunks = 8, 0
        while at + 8 <= len(data):
            chunks += 1
            if chunks > MAX_PARTS:
                return f"{MAX_PARTS:,} onderdelen (PNG-chunks)".replace(",", ".")
            if data[at + 4 : at + 8] == b"IEND":
                break
            at += 12 + int.from_bytes(data[at : at + 4], "big")
    elif kind == "jpeg":
        at, parts, scans = 2, 0, 0
        while at < len(data):
            padding = _JPEG_PADDING.match(data, at)
            if padding is None or padding.end() >= len(data):
                break
            parts += padding.end() - padding.start()
            marker, at = data[padding.end()], padding.end() + 1
            if parts > MAX_PARTS:
                return f"{MAX_PARTS:,} onderdelen (JPEG-markers)".replace(",", ".")
            if marker == 0xD9:  # end of image
                break
            if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
                continue
            at += int.from_bytes(data[at : at + 2], "big")
            if marker == 0xDA:  # a scan: its data runs to the next marker
                scans += 1
                if scans > MAX_SCANS:
                    return f"{MAX_SCANS} lagen (JPEG-scans)"
                found = _JPEG_NEXT_MARKER.search(data, at)
                if found is None:
                    break
                at = found.start()
    return None


def _decode(name: str, data: bytes, formats: tuple[str, ...]) -> PillowImage:
    from PIL import Image

    damaged = (
        f"afbeelding '{name}' is beschadigd of onvolledig (kan niet helemaal gelezen worden); "
        "sla hem opnieuw op, bijvoorbeeld met een fotobewerker, en zet hem er opnieuw in"
    )
    with warnings.catch_warnings():
        # Pillow's own bomb warning (in English) becomes an error we answer in Dutch.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(formats))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            # Pillow's message holds the number of pixels: "(900000000 pixels)".
            counted = re.search(r"\((\d+) pixels\)", str(error))
            raise ImageProblem(_too_many_pixels(name, counted and int(counted[1]))) from None
        except Exception:  # noqa: BLE001 (a decoder on hostile bytes: any failure is damage)
            raise ImageProblem(damaged) from None
        try:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageProblem(_too_many_pixels(name, width * height, (width, height)))
            image.load()
            if image.format == "PNG":
                with Image.open(io.BytesIO(data), formats=["PNG"]) as again:
                    again.verify()  # every chunk's checksum, also after the pixels
        except ImageProblem:
            image.close()
            raise
        except Exception:  # noqa: BLE001 (as above)
            image.close()
            raise ImageProblem(damaged) from None
    return image


def _too_many_pixels(name: str, pixels: int | None, size: tuple[int, int] | None = None) -> str:
    if size:
        measured = f" ({size[0]} x {size[1]} pixels)"
    elif pixels:
        measured = f" ({pixels // 1_000_000} megapixel)"
    else:
        measured = ""
    return (
        f"afbeelding '{name}' heeft te veel pixels{measured}; hoogstens "
        f"{MAX_PIXELS // 1_000_000} megapixel: verklein hem, bijvoorbeeld tot 2000 pixels breed"
    )


def _symlink(name: str, cases_dir: Path) -> str:
    return (
        f"afbeelding '{name}' is een snelkoppeling (symlink); zet het bestand zelf "
        f"in {cases_dir.name}/{MEDIA_DIR}/"
    )


def _reserved(name: str) -> str:
    return (
        f"afbeelding '{name}' zou een bestand van de site zelf overschrijven; kies een andere naam"
    )


def _missing(name: str, cases_dir: Path) -> str:
    return f"afbeelding '{name}' bestaat niet in de map {cases_dir.name}/"


def _refused(name: str, cases_dir: Path, refused: files.Refused) -> str:
    if refused.reason == "link":
        return _symlink(name, cases_dir)
    if refused.reason == "missing":
        return _missing(name, cases_dir)
    if refused.reason == "large":
        return (
            f"afbeelding '{name}' is te groot ({refused.size // 1024} KiB); "
            f"hoogstens {MAX_BYTES // 1024 // 1024} MiB"
        )
    if refused.reason == "special":
        return f"afbeelding '{name}' is geen gewoon bestand (maar {refused.what})"
    return f"afbeelding '{name}' is {refused.what}"


def sniff(data: bytes) -> str | None:
    """The image type by the file's first bytes (its name can say anything)."""
    head = data[:12]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


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
