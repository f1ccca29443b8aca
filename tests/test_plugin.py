"""The MkDocs adapter: watching cases/ in the preview, same pages as the CLI, problems reported."""

from __future__ import annotations

from pathlib import Path

import markdown
from conftest import Project, make_project
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from generator.html_blocks import GeneratedHtmlBlocks


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
    out = tmp_path / "markdown"
    result = project.cli("generate", "--out", str(out))
    assert result.returncode == 0, result.stderr
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
    assert "## Waar is afgeweken van de regels?" in markdown
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


def test_stashing_generated_html_blocks_changes_no_page(tmp_path: Path) -> None:
    """The speed measure (generated HTML blocks skip Markdown's HTML parsers) gives exactly
    the pages Markdown itself gives, for the seeds, the full-contract pilot and the injection."""
    project = make_project(tmp_path / "project").add_fixtures("cases", "injection")
    assert project.build("--strict").returncode == 0

    def pages() -> dict[str, str]:
        return {
            p.relative_to(project.site).as_posix(): p.read_text(encoding="utf-8")
            for p in project.site.rglob("*.html")
        }

    fast = pages()
    # A hook turns the stash off: every page goes through Markdown's own parsers.
    (project.root / "plain_markdown.py").write_text(
        "from generator.html_blocks import GeneratedHtmlBlocks\n"
        "GeneratedHtmlBlocks.extendMarkdown = lambda self, md: None\n",
        encoding="utf-8",
    )
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "hooks:\n  - plain_markdown.py\n", encoding="utf-8"
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    plain = pages()
    assert len(fast) > 40
    assert fast.keys() == plain.keys()
    differing = [path for path in fast if fast[path] != plain[path]]
    assert differing == []


def test_only_whole_single_html_elements_skip_markdowns_parsers() -> None:
    blocks = GeneratedHtmlBlocks()
    blocks.active = True
    md = markdown.Markdown(extensions=[blocks])
    text = (
        "# Titel\n\n"
        '<ul class="mwb-meta">\n<li id="plek">Doetinchem</li>\n<li><ul><li>in</li></ul></li>\n</ul>\n\n'
        "<div>a</div> en verder\n\n"  # text after the element
        "<p>een</p>\n<p>twee</p>\n\n"  # two elements
        '<div markdown="1">\n*nadruk*\n</div>\n\n'  # Markdown inside HTML
        "<span>inline</span>\n"
    )
    md.preprocessors["maatwerkbank_html_blocks"].run(text.split("\n"))
    assert md.htmlStash.rawHtmlBlocks == [
        '<ul class="mwb-meta">\n<li id="plek">Doetinchem</li>\n<li><ul><li>in</li></ul></li>\n</ul>\n'
    ]
    assert blocks.anchor_ids == {"plek"}
