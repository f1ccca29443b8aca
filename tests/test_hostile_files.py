"""Hostile files in cases/: none crashes, hangs or exhausts `check` or a build.

Every file of the corpus is made here, in a few lines each (FIFOs, symlinks and image bombs
cannot sensibly be checked in). They stand together in one cases/ folder with a valid case
and an ordinary mistake, and one `maatwerkbank check` must report each with its exact
Dutch message at its line and column, and go on to the next file. The run is a subprocess
with a generous timeout, which only a hang reaches, and a memory limit, which a read of
/dev/zero or a decompressed bomb would pass; no test measures time. Bounded work is
asserted where it can be counted: the Markdown parser never gets more than the markup
budget, and Pillow never decodes an image over the pixel limit or with a hostile
structure.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from conftest import SEED, TODAY, make_project
from PIL import Image, ImageFile
from test_bad_files import CASE_KEYS, VALID

from generator.contract.problems import MAX_PER_FILE
from generator.reading import author_text, media
from generator.reading.loading import printable

# --- making hostile files ----------------------------------------------------------------


def text(body: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(body, encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_to(target: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        os.symlink(target if isinstance(target, str) else target(path), path)

    return make


def outside_file(path: Path) -> Path:
    """A valid case outside cases/: a symlink to it must not publish it."""
    outside = path.parent.parent / "elders-geheim.yaml"
    outside.write_text(VALID, encoding="utf-8")
    return outside


def directory(path: Path) -> None:
    path.mkdir()


def many(line: str, count: int) -> str:
    """`line` (a format with `{i}`) `count` times, numbered from 0."""
    return "".join(line.format(i=i) for i in range(count))


def with_text(field: str, body: str) -> str:
    """VALID with Markdown field `field` replaced by a block of text."""
    old = {"aanpak": "aanpak: We deden iets.\n"}[field]
    return VALID.replace(old, f"{field}: |\n  {body}\n")


def png_bytes(size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert(mode).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int], **options: object) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(out, "JPEG", **options)
    return out.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A 1-bit PNG of `width` x `height` pixels, all black, compressed on the fly: 30,000 x
    30,000 pixels (112 MB of pixel rows) make some 110 KB."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    squeeze = zlib.compressobj(9)
    row = b"\0" * (1 + (width + 7) // 8)
    data = b"".join(squeeze.compress(row * 1000) for _ in range(height // 1000))
    data += squeeze.compress(row * (height % 1000)) + squeeze.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose header claims `width` x `height` pixels."""
    data = bytearray(jpeg_bytes((16, 16)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def png_of_many_chunks() -> bytes:
    """A valid small PNG with 400,000 empty chunks before its pixels (5 s for Pillow)."""
    png = png_bytes((8, 8))
    pixels = png.index(b"IDAT") - 4
    return png[:pixels] + chunk(b"abCd", b"") * 400_000 + png[pixels:]


def jpeg_of_many_scans() -> bytes:
    """A progressive JPEG of 25 megapixels with its smallest scan repeated 20,000 times:
    each scan is a pass over all pixels (minutes in all)."""
    data = jpeg_bytes((6000, 4000), progressive=True)
    starts = [at for at in range(len(data) - 1) if data[at : at + 2] == b"\xff\xda"]
    end = data.rindex(b"\xff\xd9")
    bounds = [*starts, end]
    smallest = min((data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)), key=len)
    return data[:end] + smallest * 20_000 + data[end:]


IMAGES: dict[str, Callable[[], bytes]] = {
    "bom.png": lambda: png_bomb(30_000, 30_000),
    "groot.jpg": lambda: jpeg_claiming(12_000, 12_000),
    "half.png": lambda: png_bytes((400, 300))[:-200],
    "half.jpg": lambda: jpeg_bytes((400, 300))[:-300],
    "brokken.png": png_of_many_chunks,
    "lagen.jpg": jpeg_of_many_scans,
}


def images_case(path: Path) -> None:
    media_dir = path.parent / "media"
    media_dir.mkdir(exist_ok=True)
    listed = ""
    for name, make in IMAGES.items():
        (media_dir / name).write_bytes(make())
        listed += f"  - bestand: media/{name}\n    alt: Een woning van buiten\n"
    path.write_text(VALID + "afbeeldingen:\n" + listed, encoding="utf-8")


# --- the corpus and its messages ----------------------------------------------------------

SYMLINK = (
    "1:1: dit bestand is een snelkoppeling (symlink): zet het bestand zelf in de map (een "
    "symlink wordt niet gelezen en niet gepubliceerd)"
)
NOT_REGULAR = (
    "1:1: dit is {what}, geen gewoon bestand: alleen gewone bestanden worden gelezen; "
    "hernoem of verwijder het"
)
TOO_DEEP = (
    "YAML-fout: lijsten en blokken staan hier te diep in elkaar (meer dan 20 niveaus); een "
    "case heeft er hoogstens een paar nodig"
)
DAMAGED = (
    "is beschadigd of onvolledig (kan niet helemaal gelezen worden); sla hem opnieuw op, "
    "bijvoorbeeld met een fotobewerker, en zet hem er opnieuw in"
)
ODD = "heeft een ongewone opbouw: meer dan {what}; sla hem opnieuw op, bijvoorbeeld met een fotobewerker"


def first_and_more(
    line: Callable[[int], str], total: int, where: Callable[[int], str]
) -> list[str]:
    """The first `MAX_PER_FILE` of `total` numbered problems (`line(i)`), then the line
    about the rest, at the place of the first one not shown (`where(i)`)."""
    rest = f"{total - MAX_PER_FILE:,}".replace(",", ".")
    return [line(i) for i in range(MAX_PER_FILE)] + [
        f"{where(MAX_PER_FILE)}: en nog {rest} problemen: los eerst de bovenstaande op en "
        "controleer het bestand dan opnieuw"
    ]


def image_line(index: int, name: str, message: str) -> str:
    return (
        f"{17 + 2 * index}:14: 'afbeeldingen[{index + 1}].bestand': afbeelding 'media/{name}' "
        f"{message}"
    )


# (file name, how it is made, the expected lines after `cases/<name>:`)
CORPUS: list[tuple[str, Callable[[Path], None], list[str]]] = [
    # special files and symlinks: never opened, never followed
    ("pijp.yaml", fifo, [NOT_REGULAR.format(what="een named pipe (FIFO)")]),
    ("map.yaml", directory, [NOT_REGULAR.format(what="een map")]),
    ("nul.yaml", symlink_to("/dev/zero"), [SYMLINK]),
    ("elders.yaml", symlink_to(outside_file), [SYMLINK]),
    ("binnen.yaml", symlink_to("goed.yaml"), [SYMLINK]),
    ("nergens.yaml", symlink_to("bestaat-niet.yaml"), [SYMLINK]),
    # size and nesting
    (
        "te-groot.yaml",
        text(VALID + "#" * 300 * 1024),
        ["1:1: bestand is te groot (300 KiB); een case mag hoogstens 256 KiB zijn"],
    ),
    ("haken.yaml", text(VALID + "extra: " + "[" * 600 + "]" * 600 + "\n"), [f"16:27: {TOO_DEEP}"]),
    (
        "accolades.yaml",
        text(VALID + "extra: " + "{a: " * 3000 + "}" * 3000 + "\n"),
        [f"16:4004: {TOO_DEEP}"],
    ),
    ("streepjes.yaml", text(VALID + "lessen:\n" + "- " * 3000 + "x\n"), [f"17:1999: {TOO_DEEP}"]),
    (
        "inspringen.yaml",
        text(VALID + "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "x\n"),
        ["36:21: " + TOO_DEEP],
    ),
    # repetition: a problem on every line or character, 100 shown
    (
        "velden.yaml",
        text(VALID + many("k{i}: x\n", 20_000)),
        first_and_more(
            lambda i: f"{16 + i}:1: onbekend veld 'k{i}'; bekende velden hier: {CASE_KEYS}",
            20_000,
            lambda i: f"{16 + i}:1",
        ),
    ),
    (
        "lijst.yaml",
        text(VALID.replace("lessen:\n  - Een les.\n", "lessen:\n" + "  - []\n" * 30_000)),
        first_and_more(
            lambda i: (
                f"{13 + i}:5: vul 'lessen[{i + 1}]' in (wat anderen kunnen leren, ook "
                "wat misging; minstens één)"
            ),
            30_000,
            lambda i: f"{13 + i}:5",
        ),
    ),
    (
        "tekens.yaml",
        text(VALID + 'extra: "' + "\f" * 100_000 + '"\n'),
        first_and_more(
            lambda i: (
                f"16:{9 + i}: 'extra': teken U+000C (pagina-einde) hoort niet in een "
                "case-bestand: het is onzichtbaar en kan de site breken; verwijder het"
            ),
            100_000,
            lambda i: f"16:{9 + i}",
        ),
    ),
    (
        "lachen.yaml",
        text(
            VALID
            + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 9))
        ),
        ["16:5: anker '&a0' is niet toegestaan: schrijf elke waarde zelf uit"]
        + [
            line
            for i in range(1, 9)
            for line in [
                f"{16 + i}:5: anker '&a{i}' is niet toegestaan: schrijf elke waarde zelf uit"
            ]
            + [
                f"{16 + i}:{10 + 5 * k}: verwijzing '*a{i - 1}' is niet toegestaan: schrijf de "
                "waarde zelf uit"
                for k in range(3)
            ]
        ],
    ),
    # long fields and Markdown that would make the parser crawl
    (
        "titel.yaml",
        text(VALID.replace("Een geldige case", "a" * 200_000)),
        ["2:8: 'titel' is te lang (200000 tekens); hoogstens 120 tekens"],
    ),
    (
        "waarde.yaml",
        text(VALID.replace("status: gepubliceerd", "status: " + "a" * 200_000)),
        [
            f"8:9: ongeldige waarde '{'a' * 79}…' voor 'status'; kies uit: concept, "
            "gepubliceerd, gearchiveerd"
        ],
    ),
    *(
        (
            f"opmaak-{name}.yaml",
            text(with_text("aanpak", body)),
            [
                "11:9: 'aanpak': te veel regels en opmaak in de teksten van deze case (samen "
                "meer dan 5.000 regels en tekens als [ ] * _ # `); maak de teksten korter of "
                "eenvoudiger"
            ],
        )
        for name, body in (
            ("haken", "[" * 100_000),
            ("nadruk", "*a **" * 20_000),
            ("regels", "\n  ".join(["a"] * 20_000)),
            ("links", "[a](../b/) " * 10_000),
        )
    ),
    (
        "citaten.yaml",
        text(with_text("aanpak", "> " * 1000 + "x")),
        [
            "11:9: 'aanpak': de tekst is te diep genest (lijsten of citaten in elkaar); maak "
            "de opbouw platter"
        ],
    ),
    # images: bombs, truncation and structures that make a decoder crawl
    (
        "beelden.yaml",
        images_case,
        [
            image_line(
                0,
                "bom.png",
                "heeft te veel pixels (900 megapixel); hoogstens 25 megapixel: verklein hem, bijvoorbeeld tot 2000 pixels breed",
            ),
            image_line(
                1,
                "groot.jpg",
                "heeft te veel pixels (144 megapixel); hoogstens 25 megapixel: verklein hem, bijvoorbeeld tot 2000 pixels breed",
            ),
            image_line(2, "half.png", DAMAGED),
            image_line(3, "half.jpg", DAMAGED),
            image_line(4, "brokken.png", ODD.format(what="5.000 onderdelen (PNG-chunks)")),
            image_line(5, "lagen.jpg", ODD.format(what="100 lagen (JPEG-scans)")),
        ],
    ),
    # names that would forge a line of the log, or turn it around
    *(
        (
            name,
            text(VALID),
            [
                f"1:1: ongeldige bestandsnaam '{shown}': gebruik alleen kleine letters a-z, "
                "cijfers en '-', 3 tot 80 tekens (bijvoorbeeld 'springplank-doetinchem.yaml')"
            ],
        )
        for name, shown in (
            ("regel\neinde.yaml", "regel\\u000aeinde.yaml"),
            ("omgekeerd\u202elmay.yaml", "omgekeerd\\u202elmay.yaml"),
        )
    ),
    # the run goes on: an ordinary mistake in another file is reported too
    (
        "typfout.yaml",
        text(VALID.replace("samenvatting:", "samenvating:")),
        ["3:1: onbekend veld 'samenvating'; bedoelde je 'samenvatting'?"],
    ),
]


# --- check ------------------------------------------------------------------------------

VALID_NAME = "goed.yaml"


def hostile_folder(root: Path) -> Path:
    """cases/ with the vocabulary, a valid case and every file of the corpus (added to
    the folder's cases when there are some)."""
    cases = root / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    (cases / "_vocabulaire.yaml").write_bytes((SEED / "_vocabulaire.yaml").read_bytes())
    (cases / VALID_NAME).write_text(VALID, encoding="utf-8")
    for name, make, _ in CORPUS:
        make(cases / name)
    return cases


MEMORY_LIMIT = 3 * 1024**3
"""Address space for a `check` of the corpus: a read of /dev/zero or a decoded bomb
(30,000 x 30,000 pixels) passes it; the check itself needs a fraction."""


def limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check_run(root: Path) -> subprocess.CompletedProcess[str]:
    """`maatwerkbank check` of `root`/cases as of TODAY, with a timeout only a hang
    reaches and the memory limit."""
    epoch = int(datetime.combine(date.fromisoformat(TODAY), time(12), tzinfo=UTC).timestamp())
    return subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=root,
        env=dict(os.environ, SOURCE_DATE_EPOCH=str(epoch)),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited_memory,
    )


def test_check_reports_every_hostile_file_in_dutch_and_goes_on(tmp_path: Path) -> None:
    hostile_folder(tmp_path)
    result = check_run(tmp_path)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, result.stderr[-3000:]
    *problems, summary = result.stdout.splitlines()
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        name, rest = problem.removeprefix("cases/").split(":", 1)
        by_file.setdefault(name, []).append(rest)
    assert VALID_NAME not in by_file
    for name, _, expected in CORPUS:
        assert by_file.pop(printable(name), None) == expected, name
    assert by_file == {}
    count = sum(len(expected) for _, _, expected in CORPUS)
    assert summary == (
        f"{len(CORPUS) + 1} bestanden gecontroleerd, {len(CORPUS)} met problemen "
        f"({count} problemen)."
    )


@pytest.mark.parametrize(
    ("make", "what"),
    [(fifo, "dit is een named pipe (FIFO)"), (symlink_to("/dev/zero"), "dit bestand is een")],
    ids=["fifo", "dev-zero"],
)
def test_a_hostile_vocabulary_is_reported_not_read(
    tmp_path: Path, make: Callable[[Path], None], what: str
) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    make(cases / "_vocabulaire.yaml")
    (cases / VALID_NAME).write_text(VALID, encoding="utf-8")
    result = check_run(tmp_path)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1
    assert result.stdout.startswith(f"cases/_vocabulaire.yaml:1:1: {what}"), result.stdout


# --- bounded work, counted ------------------------------------------------------------------


def check_in_process(cases: Path) -> list[str]:
    from generator.build import pipeline

    result = pipeline.check([cases], cases, date.fromisoformat(TODAY), base=cases.parent)
    return [str(problem) for problem in result.problems]


def test_the_markdown_parser_never_gets_more_than_the_markup_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from markdown_it import MarkdownIt

    parsed: list[int] = []
    parse = MarkdownIt.parse

    def counting(self: MarkdownIt, src: str, env: object = None) -> object:
        parsed.append(author_text.markup(src))
        return parse(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    monkeypatch.setenv("MAATWERKBANK_PROCESSES", "1")  # the spy sees every parse
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "_vocabulaire.yaml").write_bytes((SEED / "_vocabulaire.yaml").read_bytes())
    for name, make, _ in CORPUS:
        if name.startswith("opmaak-"):
            make(cases / name)
    # Just within the budget: parsed, and passes (the spy does see parses).
    (cases / "net-genoeg.yaml").write_text(
        with_text("aanpak", "**nadruk** " * (author_text.MAX_MARKUP // 4 - 10)),
        encoding="utf-8",
    )
    problems = check_in_process(cases)
    assert not [p for p in problems if "net-genoeg" in p], problems
    assert len(problems) == 4
    assert author_text.MAX_MARKUP * 0.9 < max(parsed) <= author_text.MAX_MARKUP


def test_pillow_decodes_no_image_over_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def counting(self: ImageFile.ImageFile) -> object:
        if self.tile:  # not decoded yet (a decoded image has no tiles left)
            decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting)
    monkeypatch.setenv("MAATWERKBANK_PROCESSES", "1")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "_vocabulaire.yaml").write_bytes((SEED / "_vocabulaire.yaml").read_bytes())
    images_case(cases / "beelden.yaml")
    # The largest image that passes: decoded whole.
    (cases / "media/ruim.png").write_bytes(png_bytes((5000, 5000)))
    (cases / "ruim.yaml").write_text(
        VALID + "afbeeldingen:\n  - bestand: media/ruim.png\n    alt: Een woning van buiten\n",
        encoding="utf-8",
    )
    problems = check_in_process(cases)
    assert len(problems) == len(IMAGES) and not [p for p in problems if "ruim" in p]
    # Only the truncated ones (400 x 300) and the one that passes were decoded; the bombs,
    # the 400,000 chunks and the 20,000 scans never reached a decoder.
    assert sorted(set(decoded)) == [(400, 300), (5000, 5000)]
    assert max(w * h for w, h in decoded) <= media.MAX_PIXELS


# --- a build --------------------------------------------------------------------------------


def build_command(*args: str) -> list[str]:
    """`mkdocs build` in a Python that prints, last, its peak memory and its children's."""
    code = (
        "import resource, sys\n"
        "from mkdocs.__main__ import cli\n"
        "try:\n"
        "    cli(sys.argv[1:])\n"
        "except SystemExit as end:\n"
        "    status = end.code\n"
        "peak = max(resource.getrusage(who).ru_maxrss\n"
        "           for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
        "print(f'peak={peak}', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    return [sys.executable, "-c", code, "build", *args]


def build(root: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """A build of the project at `root` as of TODAY, with a timeout only a hang reaches and
    the memory limit; returns the result and its peak memory in MiB."""
    epoch = int(datetime.combine(date.fromisoformat(TODAY), time(12), tzinfo=UTC).timestamp())
    result = subprocess.run(
        build_command("--strict"),
        cwd=root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(epoch)),
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limited_memory,
    )
    peak = int(result.stderr.rsplit("peak=", 1)[1]) // 1024
    return result, peak


@pytest.mark.build
def test_a_build_reports_every_hostile_file_without_a_traceback(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    hostile_folder(project.root)
    result, _ = build(project.root)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1
    logged = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines()]
    for name, _, expected in CORPUS:
        for line in expected:
            assert f"cases/{printable(name)}:{line}" in logged, (name, line)
    assert not (project.site / "cases/elders").exists()


@pytest.mark.build
def test_the_largest_images_that_pass_check_build_in_bounded_memory(tmp_path: Path) -> None:
    """What passes `check` builds: the largest images allowed (25 megapixels), decoded one
    at a time, keep the build's peak memory far below the 2.2 GB one 12,000 x 12,000
    image took."""
    project = make_project(tmp_path / "project")
    media_dir = project.cases / "media"
    media_dir.mkdir()
    (media_dir / "groot.png").write_bytes(png_bytes((5000, 5000), "RGBA"))
    (media_dir / "foto.jpg").write_bytes(jpeg_bytes((6000, 4000), progressive=True))
    project.write_case(
        "beelden.yaml",
        VALID
        + "afbeeldingen:\n"
        + "  - bestand: media/groot.png\n    alt: Een woning van buiten\n"
        + "  - bestand: media/foto.jpg\n    alt: Een woning van voren\n",
    )
    result, peak = build(project.root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert Image.open(project.site / "media/groot.png").size == (5000, 5000)
    assert Image.open(project.site / "media/foto.jpg").size == (6000, 4000)
    assert peak < 800, peak  # MiB: the site's own build, plus two decoded copies of one image


def test_one_image_named_by_many_cases_is_decoded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thousand cases naming one 25-megapixel photo would otherwise cost a thousand
    decodings in `check` and a thousand clean copies in the build."""
    from generator.build import pipeline

    decoded: list[tuple[int, int]] = []
    load = ImageFile.ImageFile.load

    def counting(self: ImageFile.ImageFile) -> object:
        if self.tile:  # not decoded yet (a decoded image has no tiles left)
            decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting)
    monkeypatch.setenv("MAATWERKBANK_PROCESSES", "1")
    cases = tmp_path / "cases"
    (cases / "media").mkdir(parents=True)
    (cases / "_vocabulaire.yaml").write_bytes((SEED / "_vocabulaire.yaml").read_bytes())
    (cases / "media/gedeeld.png").write_bytes(png_bytes((64, 48)))
    figure = "afbeeldingen:\n  - bestand: media/gedeeld.png\n    alt: Een woning van buiten\n"
    for i in range(30):
        (cases / f"case-{i:02}.yaml").write_text(
            VALID.replace("Een geldige case", f"Een geldige case {i}") + figure, encoding="utf-8"
        )
    assert check_in_process(cases) == []
    assert decoded == [(64, 48)]
    result = pipeline.build(cases, date.fromisoformat(TODAY), base=tmp_path)
    assert list(result.media) == ["media/gedeeld.png"]
    assert len(decoded) == 2  # `check` judged it once already; the build copies it once


# --- long fields under the size limit: linear work -----------------------------------------

CAPPED = "mogelijke persoonsgegevens (vanaf 'aanpak')"
"""Part of the message for a case with more findings than the scan weighs."""

# One field of a valid case, just under the size limit, in the shapes that made a pattern
# or a library retry from every position (each took 12 to 54 s; the budget is 2 s), and
# what `check` must say: nothing, or a refusal.
LONG_FIELDS: dict[str, tuple[str, str | None]] = {
    "one long line": ("a" * 240_000, None),
    "two letters": ("AB" * 110_000, None),
    "accents as two characters": ("e\u0301" * 60_000, None),
    "dots before an at sign": ("a." * 60_000 + "@x", None),
    "a long line, then a list": ("a " * 100_000 + "\n  - y", None),
    "licence plates": ("AB-12-CD " * 25_000, CAPPED),
    "ibans": ("NL91ABNA0417164300 " * 13_000, CAPPED),
    "hyphenated words before a street": (
        " ".join(["Ab-Cd-Ef-Gh"] * 15_000) + " Kerkstraat 12",
        "mogelijk persoonsgegeven (adres)",
    ),
    "phone prefixes": ("06 " * 80_000, CAPPED),
    "list markers": ("1) " * 80_000, "de tekst is te diep genest"),
    "addresses and postcodes": (many("Kerkstraat {i} 1234 AB ", 8_000), CAPPED),
    "capitalised words": (" ".join(["Abc", "Bcd", "Cde", "Def"] * 10_000), CAPPED),
    "digits": ("1234567890" * 8_000, CAPPED),
    "valid phone numbers": ("0612345678 " * 20_000, CAPPED),
    "e-mail addresses": ("x@y.nl " * 33_000, CAPPED),
    "one name": ("Jan Jansen " * 20_000, CAPPED),
    "initials without a name": ("A. B. " * 40_000, None),
    "initials before names": ("A.B.C. Jansen " * 16_000, CAPPED),
    "comments never closed": ("<!--" * 50_000, "te veel regels en opmaak"),
    "numbers split by tags": ("<b>06</b>12345678 " * 10_000, "te veel regels en opmaak"),
    "cues for a dossier number": ("dossier van " * 15_000, None),
    "initials and prefixes": ("J. de " * 30_000, None),
    "cyrillic words": ("Оксана " * 15_000, CAPPED),
}


@pytest.mark.parametrize(("body", "expected"), LONG_FIELDS.values(), ids=LONG_FIELDS.keys())
def test_a_long_field_is_checked_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, expected: str | None
) -> None:
    """A generous alarm (30 s; each takes well under a second here, the quadratic versions
    took 12 to 54 s) that only a quadratic pattern meets, and the verdict: a case the scan
    stops reading is refused, never published unread."""
    from test_privacy_corpora import _alarm

    from generator.build import pipeline

    monkeypatch.setenv("MAATWERKBANK_PROCESSES", "1")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "_vocabulaire.yaml").write_bytes((SEED / "_vocabulaire.yaml").read_bytes())
    (cases / "lang.yaml").write_text(with_text("aanpak", body), encoding="utf-8")
    assert (cases / "lang.yaml").stat().st_size < 256 * 1024
    with contextlib.contextmanager(_alarm)(30):
        result = pipeline.check([cases], cases, date.fromisoformat(TODAY), base=tmp_path)
    problems = [str(problem) for problem in result.problems]
    if expected is None:
        assert problems == []
        # a list after the long line is one the author may not have meant: a warning
        assert any("begint met '- '" in note for note in result.notes) == ("\n" in body)
    else:
        assert any(expected in problem for problem in problems), problems[:3]
