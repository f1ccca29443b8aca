"""Media hygiene: only checked images from cases/media/ reach the site, without metadata.

Tests build real sites (MkDocs, strict) and run `maatwerkbank check` on real files; every
image here is made by Pillow with invented metadata.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, Project, make_project
from PIL import Image, PngImagePlugin
from test_bad_files import VALID

from generator.cli.commands import main

SECRET = "Fatima de Vries, Kerkstraat 7"
# Invented GPS position: 52 deg 5 min N, 5 deg 7 min E.
GPS = {1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (5.0, 7.0, 0.0)}


def exif_bytes() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = SECRET  # ImageDescription
    exif[0x013B] = "Fatima de Vries"  # Artist
    exif[0x8825] = GPS  # GPSInfo
    return exif.tobytes()


def jpeg_with_gps(path: Path) -> None:
    Image.new("RGB", (32, 24), (180, 40, 40)).save(
        path, "JPEG", exif=exif_bytes(), comment=SECRET.encode()
    )


def png_with_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_itxt("XML:com.adobe.xmp", f"<x:xmpmeta>{SECRET}</x:xmpmeta>")
    Image.new("RGB", (32, 24), (40, 40, 180)).save(path, "PNG", pnginfo=info)


def webp_with_xmp(path: Path) -> None:
    Image.new("RGB", (32, 24), (40, 180, 40)).save(
        path, "WEBP", exif=exif_bytes(), xmp=f"<x:xmpmeta>{SECRET}</x:xmpmeta>".encode()
    )


def case_with_images(*names: str) -> str:
    images = "".join(f"  - bestand: {name}\n    alt: Een woning van buiten\n" for name in names)
    return VALID + "afbeeldingen:\n" + images


def check(path: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-01-15", path])
    return result.exit_code, result.output.strip().splitlines()


@pytest.fixture
def cases_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "tests/fixtures/seed", cases)  # never the live cases/
    (cases / "media").mkdir()
    monkeypatch.chdir(tmp_path)
    return cases


@pytest.mark.build
def test_published_copies_carry_no_metadata(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    media = project.cases / "media"
    media.mkdir()
    jpeg_with_gps(media / "voorgevel.jpg")
    png_with_text(media / "achterkant.png")
    webp_with_xmp(media / "tuin.webp")
    for source in media.iterdir():
        assert SECRET.encode() in source.read_bytes()  # the sources do carry it
    project.write_case(
        "fotos.yaml",
        case_with_images("media/voorgevel.jpg", "media/achterkant.png", "media/tuin.webp"),
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    for name in ("voorgevel.jpg", "achterkant.png", "tuin.webp"):
        published = (project.site / "media" / name).read_bytes()
        assert b"Fatima" not in published and b"Kerkstraat" not in published, name
        image = Image.open(io.BytesIO(published))
        assert image.size == (32, 24)
        exif = image.getexif()
        assert 0x8825 not in exif and 0x010E not in exif and 0x013B not in exif, name
        assert not {"comment", "Author", "XML:com.adobe.xmp", "xmp", "exif"} & set(image.info)


def test_an_upright_copy_of_a_turned_photo(tmp_path: Path) -> None:
    """The EXIF orientation goes with the metadata, so it is applied to the pixels first."""
    from generator.reading.media import clean_copy

    exif = Image.Exif()
    exif[0x0112] = 6  # turned 90 degrees
    (tmp_path / "media").mkdir()
    Image.new("RGB", (40, 20), (0, 0, 0)).save(tmp_path / "media/a.jpg", exif=exif.tobytes())
    assert Image.open(io.BytesIO(clean_copy(tmp_path, "media/a.jpg"))).size == (20, 40)


def test_a_symlink_outside_cases_is_refused(cases_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elders.png"
    png_with_text(outside)
    os.symlink(outside, cases_dir / "media" / "foto.png")
    (cases_dir / "case.yaml").write_text(case_with_images("media/foto.png"), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert (code, lines[0]) == (
        1,
        "cases/case.yaml:17:14: 'afbeeldingen[1].bestand': afbeelding 'media/foto.png' is een snelkoppeling (symlink); "
        "zet het bestand zelf in cases/media/",
    )


def test_a_symlinked_media_folder_is_refused(cases_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    png_with_text(elsewhere / "foto.png")
    (cases_dir / "media").rmdir()
    os.symlink(elsewhere, cases_dir / "media")
    (cases_dir / "case.yaml").write_text(case_with_images("media/foto.png"), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert code == 1
    assert lines[0].endswith(
        "afbeelding 'media/foto.png' is een snelkoppeling (symlink); "
        "zet het bestand zelf in cases/media/"
    )


@pytest.mark.build
def test_the_build_environment_never_reaches_the_site(tmp_path: Path) -> None:
    """A symlink to /proc/self/environ would publish the build's environment (CI tokens)."""
    project = make_project(tmp_path / "project")
    (project.cases / "media").mkdir()
    os.symlink("/proc/self/environ", project.cases / "media" / "omgeving.png")
    project.write_case("lek.yaml", case_with_images("media/omgeving.png"))
    result = project.build("--strict")
    assert result.returncode != 0
    assert (
        "cases/lek.yaml:17:14: 'afbeeldingen[1].bestand': afbeelding 'media/omgeving.png' is een snelkoppeling (symlink); "
        "zet het bestand zelf in cases/media/" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (project.site / "media" / "omgeving.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "media/stiekem.png",
            b"#!/bin/sh\necho dit is geen afbeelding\n",
            "afbeelding 'media/stiekem.png' is geen PNG-, JPEG- of WebP-bestand (gekeken naar "
            "de inhoud)",
        ),
        (
            "media/foto.jpg",
            None,  # a real PNG under a .jpg name
            "afbeelding 'media/foto.jpg' is een PNG-bestand; geef het de extensie .png",
        ),
        (
            "media/groot.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * (5 * 1024 * 1024),
            "afbeelding 'media/groot.png' is te groot (5120 KiB); hoogstens 5 MiB",
        ),
    ],
)
def test_only_images_by_content_and_size(
    cases_dir: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = cases_dir / name
    if content is None:
        png_with_text(path)
    else:
        path.write_bytes(content)
    (cases_dir / "case.yaml").write_text(case_with_images(name), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert (code, lines[0]) == (1, f"cases/case.yaml:17:14: 'afbeeldingen[1].bestand': {expected}")


def test_an_image_outside_the_media_folder_is_refused(cases_dir: Path) -> None:
    png_with_text(cases_dir / "los.png")
    (cases_dir / "case.yaml").write_text(case_with_images("los.png"), encoding="utf-8")
    code, lines = check("cases/case.yaml")
    assert (code, lines[0]) == (
        1,
        "cases/case.yaml:17:14: 'afbeeldingen[1].bestand' moet een pad vanaf cases/ naar een "
        "afbeelding in media/ zijn (.jpg, .jpeg, .png of .webp), zonder '..', bijvoorbeeld "
        "media/foto.jpg",
    )


@pytest.mark.build
def test_an_image_on_a_site_file_is_refused_by_check_naming_the_case(tmp_path: Path) -> None:
    project: Project = make_project(tmp_path / "project")
    (project.root / "content" / "media").mkdir()
    png_with_text(project.root / "content" / "media" / "logo.png")
    (project.cases / "media").mkdir()
    png_with_text(project.cases / "media" / "logo.png")
    project.write_case("logo.yaml", case_with_images("media/logo.png"))
    expected = (
        "cases/logo.yaml:17:14: 'afbeeldingen[1].bestand': afbeelding 'media/logo.png' zou een bestand van de site zelf "
        "overschrijven; kies een andere naam"
    )
    checked = project.cli("check")
    assert checked.returncode == 1
    assert expected in checked.stdout.splitlines()
    built = project.build("--strict")
    assert built.returncode != 0
    assert expected in built.stderr
    assert "bestaat al in de docs-map" not in built.stderr


ICC_SECRET = "Fatima de Vries, Kerkstraat 7, 06-12345678"


def profile_with_text() -> bytes:
    """A colour profile (LittleCMS's sRGB) carrying an author's free text after its tags,
    as a profile edited or made by some tool can."""
    from PIL import ImageCms

    standard = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return standard + ICC_SECRET.encode()


@pytest.mark.parametrize("name", ["profiel.jpg", "profiel.png", "profiel.webp"])
def test_a_colour_profile_with_text_is_not_copied(tmp_path: Path, name: str) -> None:
    from generator.reading.media import clean_copy

    source = tmp_path / "media" / name
    source.parent.mkdir()
    Image.new("RGB", (24, 16), (200, 30, 30)).save(source, icc_profile=profile_with_text())
    assert ICC_SECRET.encode() in Image.open(source).info["icc_profile"]  # (PNG: compressed)
    published = clean_copy(tmp_path, f"media/{name}")
    assert ICC_SECRET.encode() not in published
    image = Image.open(io.BytesIO(published))
    profile = image.info.get("icc_profile", b"")
    assert b"Fatima" not in profile
    assert image.getpixel((3, 3))[:3] == pytest.approx((200, 30, 30), abs=6)


def test_a_multi_picture_jpeg_is_published_as_a_jpeg(tmp_path: Path) -> None:
    """An MPO (two pictures, as some phones take them) was written as PNG bytes under its
    `.jpg` name; it is a JPEG of its first picture now."""
    from generator.reading.media import clean_copy

    source = tmp_path / "media" / "stereo.jpg"
    source.parent.mkdir()
    first = Image.new("RGB", (24, 16), (10, 120, 10))
    first.save(source, "MPO", save_all=True, append_images=[Image.new("RGB", (24, 16))])
    assert Image.open(source).format == "MPO"
    published = clean_copy(tmp_path, "media/stereo.jpg")
    assert published[:3] == b"\xff\xd8\xff"
    image = Image.open(io.BytesIO(published))
    assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
    assert image.getpixel((3, 3)) == pytest.approx((10, 120, 10), abs=6)
