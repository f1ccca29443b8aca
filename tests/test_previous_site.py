"""A rebuild writes over the previous build's files (`previous_site`): the finished site
must be exactly what a build into an empty folder gives, and nothing of the previous
build may survive that this build did not write (a withdrawn case's page least of all)."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import Project
from mkdocs.utils import clean_directory

from generator.previous_site import ASIDE, PreviousSite


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(".")
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_previous_files_survive_mkdocs_cleaning_and_only_the_unwritten_go(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    for path in ("index.html", "a/index.html", "a/old.png", "b/c/index.html", "d/e/f.txt"):
        _write(site / path, "vorige build")
    _write(site / ".git/HEAD", "ref")
    inode = (site / "a/index.html").stat().st_ino

    previous = PreviousSite.set_aside(site)
    assert previous is not None
    clean_directory(str(site))  # what MkDocs does next
    assert sorted(os.listdir(site)) == [".git", ASIDE]
    previous.put_back()
    assert sorted(os.listdir(site)) == [".git", "a", "b", "d", "index.html"]

    # The build writes some files in place, names one it wrote without a visible change,
    # and leaves the rest.
    (site / "a/index.html").write_text("nieuw", encoding="utf-8")
    removed = previous.remove_stale(written={"index.html"})

    assert removed == 3  # a/old.png, b/c/index.html, d/e/f.txt
    assert _tree(site) == {"a/index.html": b"nieuw", "index.html": b"vorige build"}
    assert (site / "a/index.html").stat().st_ino == inode  # written over, not made anew
    assert not (site / "b").exists() and not (site / "d").exists()  # emptied, nested too
    assert (site / ".git/HEAD").read_text(encoding="utf-8") == "ref"


def test_a_link_left_in_the_site_folder_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_text("niet van de site", encoding="utf-8")
    site = tmp_path / "site"
    _write(site / "a/other.html", "x")
    (site / "a/index.html").symlink_to(outside)
    (site / "b").symlink_to(tmp_path)

    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.put_back()

    assert not (site / "a/index.html").exists() and not (site / "b").exists()
    (site / "a/index.html").write_text("pagina", encoding="utf-8")
    previous.remove_stale(written={"a/index.html"})
    assert outside.read_text(encoding="utf-8") == "niet van de site"
    assert _tree(site) == {"a/index.html": b"pagina"}


def test_entries_in_the_way_of_the_new_build_go_before_it_writes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "over", "a file where the new build makes a folder")
    _write(site / "feed.xml/index.html", "a folder where the new build writes a file")
    _write(site / "blijft/index.html", "x")
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    previous.put_back()

    previous.clear_way(["over/index.html", "feed.xml", "blijft/index.html"])

    assert not (site / "over").exists() and not (site / "feed.xml").exists()
    assert (site / "blijft/index.html").is_file()


def test_a_folder_left_by_a_build_that_was_stopped_is_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / ASIDE / "cases/weg/index.html", "uit een afgebroken build")
    _write(site / "index.html", "x")
    previous = PreviousSite.set_aside(site)
    assert previous is not None
    assert os.listdir(site / ASIDE) == ["index.html"]
    previous.put_back()
    assert sorted(os.listdir(site)) == ["index.html"]
    assert PreviousSite.set_aside(tmp_path / "ontbreekt") is None


def test_a_rebuild_gives_the_site_a_build_into_an_empty_folder_gives(project: Project) -> None:
    """Cases withdrawn and changed between builds, a link and a stray file planted in the
    site, a hidden folder of a deploy checkout: after the rebuild the site equals a fresh
    build in every byte, the finder's index included, and unchanged pages were written
    over in place."""
    project.add_fixtures("cases")
    first = project.build("--strict")
    assert first.returncode == 0, first.stderr
    withdrawn = project.site / "cases/volledige-pilot/index.html"
    assert withdrawn.is_file()
    kept = project.site / "cases/springplankwoning-doetinchem/index.html"
    inode = kept.stat().st_ino
    fragments = sorted((project.site / "pagefind/fragment").iterdir())
    fragment_inodes = {p.name: p.stat().st_ino for p in fragments}

    (project.cases / "volledige-pilot.yaml").unlink()
    uitbouw = project.cases / "uitbouw-samenwonen-doetinchem.yaml"
    uitbouw.write_text(
        uitbouw.read_text(encoding="utf-8").replace("aanbouw", "uitbouw", 1), encoding="utf-8"
    )
    outside = project.root / "buiten.txt"
    outside.write_text("niet van de site", encoding="utf-8")
    (project.site / "cases/springplankwoning-doetinchem/extra.html").symlink_to(outside)
    _write(project.site / "verdwaald/index.html", "niet door een build geschreven")
    _write(project.site / ".git/HEAD", "ref")

    rebuild = project.build("--strict")
    assert rebuild.returncode == 0, rebuild.stderr
    fresh = project.build("--strict", "--site-dir", str(project.root / "fresh"))
    assert fresh.returncode == 0, fresh.stderr

    assert not withdrawn.exists() and not (project.site / "verdwaald").exists()
    assert _tree(project.site) == _tree(project.root / "fresh")
    assert outside.read_text(encoding="utf-8") == "niet van de site"
    assert (project.site / ".git/HEAD").is_file() and not (project.site / ASIDE).exists()
    assert kept.stat().st_ino == inode
    unchanged = [p for p in fragments if (project.site / "pagefind/fragment" / p.name).exists()]
    assert unchanged, "an unchanged case keeps its fragment's name"
    for fragment in unchanged:
        assert fragment.stat().st_ino == fragment_inodes[fragment.name]


def test_a_failed_rebuild_leaves_what_mkdocs_leaves_an_emptied_site_folder(
    project: Project,
) -> None:
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    _write(project.site / ".git/HEAD", "ref")
    project.write_case("kapot.yaml", "titel: [\n")

    failed = project.build("--strict")

    assert failed.returncode != 0
    assert "kapot.yaml" in failed.stderr and "Traceback" not in failed.stderr
    assert sorted(os.listdir(project.site)) == [".git"]


def test_a_dirty_build_keeps_what_mkdocs_keeps(project: Project) -> None:
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    _write(project.site / "handmatig/index.html", "blijft bij --dirty")

    dirty = project.build("--dirty")

    assert dirty.returncode == 0, dirty.stderr
    assert (project.site / "handmatig/index.html").is_file()
    assert not (project.site / ASIDE).exists()
