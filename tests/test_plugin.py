"""The MkDocs adapter: watching cases/ in the preview, same pages as the CLI, problems reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, Project, make_project, without_the_seeds
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from generator.engines.engine_markdown import MARKER
from generator.rendering import render
from generator.rendering.addresses import Addresses

pytestmark = pytest.mark.build  # this module builds sites or starts servers


def _plugin_and_config(project: Project):  # type: ignore[no-untyped-def]
    config = load_config(str(project.root / "mkdocs.yml"))
    plugin = config.plugins["maatwerkbank"]
    config = plugin.on_config(config)
    return plugin, config


def test_preview_watches_the_cases_folder(project: Project) -> None:
    plugin, config = _plugin_and_config(project)
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(project.site)
    )
    try:
        plugin.on_serve(server, config=config, builder=lambda: None)
        assert str(project.cases.resolve()) in server._watched_paths
    finally:
        server.observer.stop() if server.observer.is_alive() else None


def test_nav_gets_one_entry_per_theme_and_target_group(project: Project) -> None:
    _, config = _plugin_and_config(project)
    themes = next(item for item in config.nav if "Thema's" in item)["Thema's"]
    assert themes[0] == "themas/index.md"
    assert {"Dakloosheid": "themas/dakloosheid.md"} in themes
    assert len(themes) == 1 + 11


def test_generate_writes_the_same_pages_as_the_site_build(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    result = project.cli("generate", "--out", str(out), "--engine", "mkdocs")
    assert result.returncode == 0, result.stderr
    out = out / "docs"
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    assert "cases/springplankwoning-doetinchem.md" in written
    assert "tips/index.md" in written
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    for src in written:
        page = src.removesuffix(".md")
        html = page[: -len("index")] if page.endswith("index") else page + "/"
        assert (project.site / html / "index.html").is_file(), src
    # the text of a generated page is what the site shows
    markdown = (out / "cases/springplankwoning-doetinchem.md").read_text(encoding="utf-8")
    assert '<h2 id="waar-is-afgeweken-van-de-regels">Waar is afgeweken van de regels?' in markdown
    assert "Waar is afgeweken van de regels?" in project.html(
        "cases/springplankwoning-doetinchem/index.html"
    )


def test_build_fails_with_the_dutch_problem_and_no_traceback(project: Project) -> None:
    path = project.cases / "springplankwoning-doetinchem.yaml"
    path.write_text(path.read_text().replace("samenvatting:", "samenvating:"), encoding="utf-8")
    for args in (["--strict"], []):
        result = project.build(*args)
        assert result.returncode == 1
        assert (
            "cases/springplankwoning-doetinchem.yaml:4:1: onbekend veld 'samenvating'; "
            "bedoelde je 'samenvatting'?" in result.stderr
        )
        assert "Traceback" not in result.stderr


def test_hand_written_pages_an_engine_cannot_read_stop_the_build_in_dutch(
    project: Project,
) -> None:
    """Pages in content/ saved in another encoding (Latin-1 as an old editor saves it,
    UTF-16 without its byte-order mark, which passes for UTF-8 but is full of NULs), in
    Markdown or HTML, the theme's own templates, and a file name that is not UTF-8: each at its line and column (in
    characters; a line may end in `\r`), all of them at once, not MkDocs' English
    traceback (a fresh tester found each)."""
    content = project.root / "content"
    page = content / "over.md"
    page.write_bytes(
        page.read_bytes() + "\nGeschreven in Tiel, café De Gérant.\n".encode("latin-1")
    )
    lines = page.read_bytes().count(b"\n")
    (content / "oud").mkdir()
    (content / "oud" / "kolom.md").write_bytes("# Kop\n\néé".encode() + "é".encode("latin-1"))
    (content / "oud" / "mac.markdown").write_bytes(b"# A\rB\r" + "é".encode("latin-1"))
    (content / "pagina.html").write_bytes("<p>Café</p>".encode("latin-1"))
    (content / "utf16.md").write_bytes("# Kop\n\nTekst.\n".encode("utf-16-le"))
    (content / "caf\udce9.md").write_text("# Kop\n", encoding="utf-8", errors="surrogateescape")
    template = project.root / "overrides" / "main.html"  # a publisher's own branding
    before = template.read_bytes()
    template.write_bytes(before + b"\n<!-- caf" + "é".encode("latin-1") + b" -->\n")
    template_line = before.count(b"\n") + 2  # (the file ends in a line break)
    result = project.build("--strict")
    assert result.returncode == 1
    not_utf8 = (
        "bestand is geen UTF-8: sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en "
        "codering UTF-8 kiezen)"
    )
    for line in (
        "content/caf\\udce9.md:1:1: de naam van dit bestand of deze map is geen UTF-8: hernoem "
        "het (letters als é opnieuw getypt)",
        f"content/oud/kolom.md:3:3: {not_utf8}",
        f"content/oud/mac.markdown:3:1: {not_utf8}",
        f"content/over.md:{lines}:24: {not_utf8}",
        f"content/pagina.html:1:7: {not_utf8}",
        f"overrides/main.html:{template_line}:9: {not_utf8}",
        "content/utf16.md:1:2: bestand bevat NUL-tekens (U+0000): het is opgeslagen als UTF-16 "
        "of is geen tekst; sla het op als UTF-8",
    ):
        assert line in result.stderr
    assert "Traceback" not in result.stderr


def test_generated_file_may_not_overwrite_a_hand_written_page(project: Project) -> None:
    (project.root / "content" / "tips").mkdir()
    (project.root / "content" / "tips" / "index.md").write_text("# Tips\n", encoding="utf-8")
    result = project.build()
    assert result.returncode == 1
    assert "'tips/index.md' bestaat al in de docs-map" in result.stderr


def test_unpublished_cases_are_named_in_the_build_log(project: Project) -> None:
    path = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    path.write_text(path.read_text().replace("status: gepubliceerd", "status: concept"))
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert (
        "niet gepubliceerd: cases/uitbouw-samenwonen-doetinchem.yaml: status is concept"
        in result.stderr
    )
    assert not (project.site / "cases/uitbouw-samenwonen-doetinchem").exists()
    assert "uitbouw" not in project.html("cases/index.html").lower()


def test_generated_pages_reach_the_theme_as_the_core_rendered_them(tmp_path: Path) -> None:
    """Generated pages skip Python-Markdown: every page body that `generate --out` writes
    stands verbatim in the built page, for the seeds, the full-contract pilot and the
    injection case (a second Markdown pass would change or re-parse author text)."""
    project = make_project(tmp_path / "project").add_fixtures("cases", "injection")
    assert project.build("--strict").returncode == 0
    out = tmp_path / "generated"
    assert project.cli("generate", "--out", str(out), "--engine", "mkdocs").returncode == 0
    out = out / "docs"
    sources = [p for p in out.rglob("*.md") if MARKER in p.read_text(encoding="utf-8")]
    assert len(sources) > 40
    for source in sources:
        src = source.relative_to(out).as_posix()
        page = render.page(source.read_text(encoding="utf-8").replace(MARKER + "\n", ""))
        built = project.html(Addresses().document_path(src))
        assert page.body.strip() in built, src


MATERIAL_COPY = "partials/header.html"
"""The project's copy of Material's markup (overrides/), which an upgrade does not update."""
NAV_BLOCK = re.compile(r"\{% block site_nav %\}.*?\{% endblock %\}", re.S)
"""overrides/main.html's navigation, rendered once per folder (`theme_caches`)."""
FINDER_FORM = re.compile(r'<form class="mwb-header-search".*?</form>', re.S)
"""The header's search box that opens the finder: what our header adds to Material's."""


def _theme_parts(html: str) -> tuple[str, str]:
    """A page's header and its primary navigation (the sidebar up to the table of
    contents), white space normalised."""
    header = re.search(r'<header class="md-header.*?</header>', html, re.S)
    nav = re.search(
        r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")',
        html,
        re.S,
    )
    assert header and nav

    def squeezed(text: str) -> str:
        return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", text)).strip()

    return squeezed(header[0]), squeezed(nav[0])


@pytest.mark.parametrize("directory_urls", [True, False])
def test_header_and_navigation_are_what_unmodified_material_renders(
    tmp_path: Path, directory_urls: bool
) -> None:
    """The same pages built with Material's own header and navigation (the project's copy
    of Material's header and its navigation block removed from overrides/) have the same
    header and primary navigation on every page, but for the header's finder search box.
    Fails when an upgrade of Material changes what the copy still renders the old way, or
    when the navigation shared between pages (`theme_caches`) differs from Material's."""
    built = {}
    for name in ("ours", "material"):
        project = make_project(tmp_path / name, cases=FIXTURES / "cases")
        config = project.root / "mkdocs.yml"
        settings = config.read_text(encoding="utf-8")
        if not directory_urls:
            settings = settings.replace("use_directory_urls: true", "use_directory_urls: false")
        config.write_text(settings, encoding="utf-8")
        pilot = project.cases / "volledige-pilot.yaml"
        text = without_the_seeds(pilot.read_text(encoding="utf-8"))
        pilot.write_text(text, encoding="utf-8")
        for n in range(60):  # enough cases for listings that continue on a second page
            published = text.replace("status: gearchiveerd", "status: gepubliceerd")
            project.write_case(f"extra-{n:02d}.yaml", published)
        if name == "material":
            (project.root / "overrides" / MATERIAL_COPY).unlink()
            main = project.root / "overrides" / "main.html"
            assert NAV_BLOCK.search(main.read_text(encoding="utf-8"))
            main.write_text(NAV_BLOCK.sub("", main.read_text(encoding="utf-8")), encoding="utf-8")
        result = project.build("--strict")
        assert result.returncode == 0, result.stderr
        built[name] = {
            p.relative_to(project.site).as_posix(): p.read_text(encoding="utf-8")
            for p in project.site.rglob("*.html")
            if "beheer" not in p.parts
        }
    ours, material = built["ours"], built["material"]
    assert ours.keys() == material.keys() and len(ours) > 40
    listing = "cases/pagina-2/index.html" if directory_urls else "cases/pagina-2.html"
    assert listing in ours
    differences = []
    forms = 0
    for path in sorted(ours):
        header, nav = _theme_parts(ours[path])
        forms += len(FINDER_FORM.findall(header))
        if (FINDER_FORM.sub("", header), nav) != _theme_parts(material[path]):
            differences.append(path)
    assert differences == []
    assert forms == len(ours) - 2  # every page but the home page and the finder's own


def test_the_theme_templates_are_compiled_once_per_set_of_compiler_settings() -> None:
    """Compiled templates are kept between builds (MkDocs makes its theme environment
    without a cache), apart for each set of compiler settings: Jinja's cache key is the
    template's name and file only, and code compiled with other settings is other code."""
    import jinja2

    from generator.engines.mkdocs.theme_caches import _theme_bytecode_cache

    def pattern(env: jinja2.Environment) -> str:
        cache = _theme_bytecode_cache(env)
        assert isinstance(cache, jinja2.FileSystemBytecodeCache)
        return cache.pattern

    plain = pattern(jinja2.Environment())
    assert plain == pattern(jinja2.Environment())
    assert plain != pattern(jinja2.Environment(trim_blocks=True))
    assert plain != pattern(jinja2.Environment(extensions=["jinja2.ext.i18n"]))
    assert plain != pattern(jinja2.Environment(autoescape=True))
    assert _theme_bytecode_cache(jinja2.Environment(autoescape=jinja2.select_autoescape())) is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("cms_repo", 12, "moet tekst zijn, niet '12'"),
        ("templates_dir", ["sjablonen"], "moet tekst zijn, niet '(een lijst of blok)'"),
        ("expand_nav", "misschien", "moet true of false zijn, niet 'misschien'"),
    ],
)
def test_a_plugin_setting_of_the_wrong_type_is_refused_in_dutch(
    key: str, value: object, message: str
) -> None:
    """Whoever edits mkdocs.yml reads Dutch, not "Expected type: <class 'str'>"."""
    from generator.engines.mkdocs.config import MaatwerkbankConfig

    config = MaatwerkbankConfig()
    config.load_dict({key: value})
    failed, _ = config.validate()
    assert [(name, str(error)) for name, error in failed] == [(key, message)]
