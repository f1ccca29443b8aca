"""The MkDocs adapter: watching cases/ in the preview, same pages as the CLI, problems reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, Project, make_project, without_the_seeds
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from generator.engines.engine_markdown import MARKER
from generator.site import render
from generator.site.addresses import Addresses

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


@pytest.mark.parametrize("directory_urls", [True, False])
def test_shared_navigation_gives_the_pages_material_gives(
    tmp_path: Path, directory_urls: bool
) -> None:
    """The primary navigation, rendered once per folder for pages outside the nav, and the
    styles, scripts, app config and header, rendered once per folder for pages outside the
    nav with nothing else in their URL folder (overrides/main.html), and translations
    looked up once (partials/language.html), give every page what Material renders for it
    alone: a hook turns the sharing off, and every page is the same but for white space."""
    import re

    project = make_project(tmp_path / "project", cases=FIXTURES / "cases")
    config = project.root / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    if not directory_urls:
        settings = settings.replace("use_directory_urls: true", "use_directory_urls: false")
    # A fork's own scripts inside a page's folder: a link to them differs from page to page
    # in one folder (`hulp.js` from een-case-toevoegen/, `../een-case-toevoegen/hulp.js`
    # from over/), so those pages must not share.
    for script in ("een-case-toevoegen/hulp.js", "cases/eigen.js"):
        (project.root / "content" / script).parent.mkdir(parents=True, exist_ok=True)
        (project.root / "content" / script).write_text("// eigen script\n", encoding="utf-8")
    settings += "extra_javascript:\n  - een-case-toevoegen/hulp.js\n  - cases/eigen.js\n"
    config.write_text(settings, encoding="utf-8")
    pilot = project.cases / "volledige-pilot.yaml"
    pilot.write_text(without_the_seeds(pilot.read_text(encoding="utf-8")), encoding="utf-8")
    for n in range(60):  # enough cases for listings that continue on a second page
        project.write_case(
            f"extra-{n:02d}.yaml",
            pilot.read_text(encoding="utf-8").replace(
                "status: gearchiveerd", "status: gepubliceerd"
            ),
        )

    def pages() -> dict[str, str]:
        assert project.build("--strict").returncode == 0
        return {
            p.relative_to(project.site).as_posix(): re.sub(
                r">\s+<", "><", re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
            )
            for p in project.site.rglob("*.html")
            if "beheer" not in p.parts
        }

    shared = pages()
    (project.root / "no_sharing.py").write_text(
        "from mkdocs.plugins import event_priority\n"
        "@event_priority(-100)\n"
        "def on_env(env, config, files):\n"
        "    env.globals['maatwerkbank_nav_key'] = lambda page: None\n"
        "    del env.globals['maatwerkbank_folder']\n"
        "    del env.globals['maatwerkbank_t']\n"
        "    return env\n",
        encoding="utf-8",
    )
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "hooks:\n  - no_sharing.py\n", encoding="utf-8"
    )
    alone = pages()
    first_listing_page = "cases/pagina-2/index.html" if directory_urls else "cases/pagina-2.html"
    assert first_listing_page in shared and len(shared) > 40
    assert shared.keys() == alone.keys()
    assert [path for path in shared if shared[path] != alone[path]] == []


def test_the_theme_templates_are_compiled_once_per_set_of_compiler_settings() -> None:
    """Compiled templates are kept between builds (MkDocs makes its theme environment
    without a cache), apart for each set of compiler settings: Jinja's cache key is the
    template's name and file only, and code compiled with other settings is other code."""
    import jinja2

    from generator.engines.mkdocs.plugin import _theme_bytecode_cache

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
