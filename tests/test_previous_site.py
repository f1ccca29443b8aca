"""A rebuild writes over the previous build's files (`previous_site`): the finished site
must be exactly what a build into an empty folder gives, and nothing of the previous
build may survive that this build did not write (a withdrawn case's page least of all),
also when the build fails, is stopped, or renders a template empty."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, Project
from mkdocs.utils import clean_directory

from generator.engines.mkdocs.previous_site import ASIDE, PreviousSite

pytestmark = pytest.mark.build  # this module builds sites or starts servers

WITHDRAWN = "cases/volledige-pilot/index.html"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(".")
    }


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _put_back(site: Path) -> PreviousSite:
    previous = PreviousSite(site)
    assert previous.set_aside()
    clean_directory(str(site))  # what MkDocs does in between
    previous.put_back()
    return previous


def test_the_previous_files_survive_mkdocs_cleaning_and_only_the_unwritten_go(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    for path in ("index.html", "a/index.html", "a/old.png", "b/c/index.html", "d/e/f.txt"):
        _write(site / path, "vorige build")
    _write(site / ".git/HEAD", "ref")
    inode = (site / "a/index.html").stat().st_ino

    previous = PreviousSite(site)
    assert previous.set_aside()
    clean_directory(str(site))
    assert sorted(os.listdir(site)) == [".git", ASIDE]
    previous.put_back()
    assert sorted(os.listdir(site)) == [".git", "a", "b", "d", "index.html"]

    # The build writes one file over with new bytes and one with the same bytes.
    (site / "a/index.html").write_text("nieuw", encoding="utf-8")
    (site / "index.html").write_text("vorige build", encoding="utf-8")
    removed = previous.remove_stale()

    assert removed == 3  # a/old.png, b/c/index.html, d/e/f.txt
    assert _tree(site) == {"a/index.html": b"nieuw", "index.html": b"vorige build"}
    assert (site / "a/index.html").stat().st_ino == inode  # written over, not made anew
    assert not (site / "b").exists() and not (site / "d").exists()  # emptied, nested too
    assert (site / ".git/HEAD").read_text(encoding="utf-8") == "ref"
    assert (site / "index.html").stat().st_mtime > time.time() - 60


def test_a_link_left_in_the_site_folder_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_text("niet van de site", encoding="utf-8")
    site = tmp_path / "site"
    _write(site / "a/other.html", "x")
    (site / "a/index.html").symlink_to(outside)
    (site / "b").symlink_to(tmp_path)

    previous = _put_back(site)

    assert not (site / "a/index.html").exists() and not (site / "b").exists()
    (site / "a/index.html").write_text("pagina", encoding="utf-8")
    previous.remove_stale()
    assert outside.read_text(encoding="utf-8") == "niet van de site"
    assert _tree(site) == {"a/index.html": b"pagina"}


def test_files_a_write_in_place_would_get_wrong_are_made_anew(tmp_path: Path) -> None:
    """A file with a second name (a backup made with `cp -al`) would change with it, and
    one with other permissions or another group would keep them: they go before the build
    writes, and so do the folders they leave empty, as well as folders that were empty."""
    site = tmp_path / "site"
    _write(site / "gedeeld.html", "vorige build")
    _write(site / "prive.html", "vorige build")
    _write(site / "map/index.html", "vorige build")
    _write(site / "ingetrokken-case/index.html", "vorige build")
    _write(site / "andere-groep/index.html", "vorige build")
    (site / "leeg/ook-leeg").mkdir(parents=True)
    backup = tmp_path / "backup.html"
    os.link(site / "gedeeld.html", backup)
    os.link(site / "ingetrokken-case/index.html", tmp_path / "backup-case.html")
    (site / "prive.html").chmod(0o600)
    (site / "map").chmod(0o700)
    # Another group: any group for root (as in CI), else one of the user's other groups.
    groups = [g for g in os.getgroups() if g != os.getegid()] or [os.getegid() + 1]
    os.chown(site / "andere-groep/index.html", -1, groups[0])

    previous = _put_back(site)

    assert not (site / "gedeeld.html").exists() and not (site / "prive.html").exists()
    assert not (site / "andere-groep/index.html").exists()
    assert (site / "map").stat().st_mode & 0o777 == 0o777 & ~_umask()
    (site / "gedeeld.html").write_text("nieuw", encoding="utf-8")
    (site / "map/index.html").write_text("nieuw", encoding="utf-8")
    previous.remove_stale()
    assert backup.read_text(encoding="utf-8") == "vorige build"
    assert _tree(site) == {"gedeeld.html": b"nieuw", "map/index.html": b"nieuw"}
    assert sorted(os.listdir(site)) == ["gedeeld.html", "map"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_entries_in_the_way_of_the_new_build_go_before_it_writes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site / "over", "a file where the new build makes a folder")
    _write(site / "feed.xml/index.html", "a folder where the new build writes a file")
    _write(site / "blijft/index.html", "x")
    previous = _put_back(site)

    previous.clear_way(["over/index.html", "feed.xml", "blijft/index.html"])

    assert not (site / "over").exists() and not (site / "feed.xml").exists()
    assert (site / "blijft/index.html").is_file()


def test_a_folder_left_by_a_killed_build_is_removed_or_for_dirty_builds_put_back(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    _write(site / ASIDE / "cases/weg/index.html", "uit een afgebroken build")
    _write(site / "index.html", "x")
    previous = PreviousSite(site)
    assert previous.set_aside()
    assert os.listdir(site / ASIDE) == ["index.html"]
    previous.put_back()
    assert sorted(os.listdir(site)) == ["index.html"]
    assert not PreviousSite(tmp_path / "ontbreekt").set_aside()

    _write(site / ASIDE / "cases/terug/index.html", "de vorige build")
    PreviousSite.recover(site)
    assert sorted(os.listdir(site)) == ["cases", "index.html"]
    assert (site / "cases/terug/index.html").is_file()


def _built(project: Project) -> Project:
    project.add_fixtures("cases")
    first = project.build("--strict")
    assert first.returncode == 0, first.stderr
    assert (project.site / WITHDRAWN).is_file()
    return project


def _withdraw(project: Project, *names: str) -> None:
    for name in names or ("volledige-pilot.yaml",):
        path = project.cases / name
        text = path.read_text(encoding="utf-8")
        status = re.search(r"(?m)^status: (gepubliceerd|gearchiveerd)$", text)
        assert status, name
        path.write_text(text.replace(status[0], "status: concept"), "utf-8")


def _equals_a_fresh_build(project: Project) -> None:
    fresh = project.build("--strict", "--site-dir", str(project.root / "fresh"))
    assert fresh.returncode == 0, fresh.stderr
    assert _tree(project.site) == _tree(project.root / "fresh")
    assert not (project.site / ASIDE).exists()


def test_a_rebuild_gives_the_site_a_build_into_an_empty_folder_gives(project: Project) -> None:
    """Cases withdrawn and changed between builds, a link and a stray file planted in the
    site, a hidden folder of a deploy checkout: after the rebuild the site equals a fresh
    build in every byte, the finder's index included, and unchanged pages were written
    over in place."""
    _built(project)
    kept = project.site / "cases/springplankwoning-doetinchem/index.html"
    inode = kept.stat().st_ino
    fragments = sorted((project.site / "pagefind/fragment").iterdir())
    fragment_inodes = {p.name: p.stat().st_ino for p in fragments}

    _withdraw(project)
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

    assert not (project.site / WITHDRAWN).exists()
    assert not (project.site / "verdwaald").exists()
    _equals_a_fresh_build(project)
    assert outside.read_text(encoding="utf-8") == "niet van de site"
    assert (project.site / ".git/HEAD").is_file()
    assert kept.stat().st_ino == inode
    unchanged = [p for p in fragments if (project.site / "pagefind/fragment" / p.name).exists()]
    assert unchanged, "an unchanged case keeps its fragment's name"
    for fragment in unchanged:
        assert fragment.stat().st_ino == fragment_inodes[fragment.name]


def test_when_no_case_is_published_any_more_the_finder_index_goes_too(
    project: Project,
) -> None:
    _built(project)
    _withdraw(project, *(p.name for p in project.cases.glob("*.yaml") if p.name[0] != "_"))

    rebuild = project.build("--strict")

    assert rebuild.returncode == 0, rebuild.stderr
    assert not (project.site / "pagefind").exists()
    _equals_a_fresh_build(project)


def test_a_template_rendered_empty_leaves_no_old_file(project: Project) -> None:
    """An empty `sitemap.xml` override is how a site turns the sitemap off: MkDocs then
    writes none, and the previous one (naming a withdrawn case) may not stay."""
    _built(project)
    (project.root / "overrides/sitemap.xml").write_text("\n", encoding="utf-8")
    _withdraw(project)

    rebuild = project.build("--strict")

    assert rebuild.returncode == 0, rebuild.stderr
    assert not (project.site / "sitemap.xml").exists()
    assert not (project.site / "sitemap.xml.gz").exists()
    _equals_a_fresh_build(project)


def _mentions(site: Path, slug: str) -> list[str]:
    return [path for path, data in _tree(site).items() if slug.encode() in data]


def test_a_failed_rebuild_leaves_nothing_of_the_previous_build(project: Project) -> None:
    """As after MkDocs' cleaning: what this build wrote before it failed, nothing older.
    It fails here while copying files, after the exports are planned."""
    _built(project)
    _write(project.site / ".git/HEAD", "ref")
    _withdraw(project)
    (project.root / "content/verslag.pdf").symlink_to(project.root / "ontbreekt.pdf")

    failed = project.build("--strict")

    assert failed.returncode != 0
    assert _mentions(project.site, "volledige-pilot") == []
    assert not (project.site / "cases.json").exists() or "volledige-pilot" not in (
        project.site / "cases.json"
    ).read_text(encoding="utf-8")
    assert (project.site / ".git/HEAD").is_file() and not (project.site / ASIDE).exists()


def test_a_rebuild_failing_on_a_case_leaves_an_emptied_site_folder(project: Project) -> None:
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    _write(project.site / ".git/HEAD", "ref")
    project.write_case("kapot.yaml", "titel: [\n")

    failed = project.build("--strict")

    assert failed.returncode != 0
    assert "kapot.yaml" in failed.stderr and "Traceback" not in failed.stderr
    assert sorted(os.listdir(project.site)) == [".git"]


def _marked(path: Path) -> bool:
    try:
        return path.stat().st_mtime_ns < 10**9
    except FileNotFoundError:
        return False


def _stop_build(
    project: Project,
    stop: signal.Signals,
    ready: Path | None = None,
    later: float = 0.0,
    **environment: str,
) -> tuple[str, int]:
    """Start a rebuild, and stop it with `stop` `later` seconds after `ready` exists, by
    default once the previous files are back in place (the withdrawn case's page carries
    the mark); its error output and exit code."""
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project.root,
        env=dict(
            os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1768478400", **environment
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        if ready.exists() if ready else _marked(project.site / WITHDRAWN):
            break
        time.sleep(0.005)
    time.sleep(later)
    build.send_signal(stop)
    _, stderr = build.communicate(timeout=60)
    return stderr, build.returncode


@pytest.mark.parametrize(
    "stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "sigterm", "sighup"]
)
def test_a_stopped_rebuild_leaves_nothing_of_the_previous_build(
    project: Project, stop: signal.Signals
) -> None:
    """Stopped once the previous files are back in place: the withdrawn case's page, the
    exports naming it and the set-aside folder are gone."""
    _built(project)
    _withdraw(project)

    stderr, returncode = _stop_build(project, stop)

    assert returncode != 0, "the build ended before it could be stopped"
    assert _mentions(project.site, "volledige-pilot") == []
    assert not (project.site / ASIDE).exists()
    assert "Traceback" not in stderr


def test_a_dirty_build_after_a_killed_one_finds_the_previous_files_in_place(
    project: Project,
) -> None:
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    _write(project.site / "handmatig/index.html", "blijft bij --dirty")
    # As a build killed outright right after setting the previous files aside leaves them.
    (project.site / ASIDE).mkdir()
    os.rename(project.site / "handmatig", project.site / ASIDE / "handmatig")

    dirty = project.build("--dirty")

    assert dirty.returncode == 0, dirty.stderr
    assert (project.site / "handmatig/index.html").is_file()
    assert not (project.site / ASIDE).exists()


def test_an_index_process_whose_build_was_stopped_leaves_the_site_alone(
    tmp_path: Path,
) -> None:
    """Its build is gone, and a later build may have filled the site folder since."""
    documents = {"cases/x/index.html": '<html lang="nl"><body><h1>Titel</h1><p>Tekst</p>'}
    outputs = {}
    for name, parent in (("levend", os.getpid()), ("gestopt", 1)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "documents.json").write_text(json.dumps(documents), encoding="utf-8")
        outputs[name] = tmp_path / f"{name}-index"
        command = [sys.executable, "-m", "generator.finder.pagefind_run"]
        code = subprocess.run(
            [*command, str(folder / "documents.json"), str(outputs[name]), str(parent)],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        ).returncode
        assert code == 0
        assert not folder.exists()
    assert (outputs["levend"] / "pagefind-entry.json").is_file()
    assert not outputs["gestopt"].exists()


def test_a_file_that_cannot_be_removed_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As MkDocs' cleaning, which ignores what it may not remove."""
    site = tmp_path / "site"
    for name in ("a/vast.html", "b/weg.html", "c/weg.html"):
        _write(site / name, "vorige build")
    previous = _put_back(site)
    unlink = os.unlink

    def refusing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if str(path).endswith("vast.html"):
            raise PermissionError(path)
        unlink(path)

    monkeypatch.setattr(os, "unlink", refusing)

    assert previous.remove_stale() == 2
    assert _tree(site) == {"a/vast.html": b"vorige build"}


def test_stopping_signals_wait_until_the_previous_files_are_removed() -> None:
    """The plugin holds Ctrl-C back while it removes them: a second Ctrl-C must not leave
    half of a withdrawn case behind."""
    from generator.engines.mkdocs.plugin import _signals_held

    # Another thread, which the kernel may hand the signal to (a process's signal mask is
    # per thread): the hold must not depend on which one gets it.
    waiting = threading.Event()
    threading.Thread(target=waiting.wait, daemon=True).start()
    done = []
    with pytest.raises(KeyboardInterrupt), _signals_held():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        done.append("removed")
    waiting.set()
    assert done == ["removed"]


@pytest.mark.parametrize("later", [0.0, 1.5], ids=["while-it-starts", "while-the-build-waits"])
def test_a_rebuild_stopped_while_pagefind_runs_stops_it_at_once(
    project: Project, tmp_path: Path, later: float
) -> None:
    """The index is thrown away: Pagefind is stopped with its process, not waited for,
    also when the build already waits for it at the end (this small site is themed well
    within `later` seconds)."""
    _built(project)
    _withdraw(project)
    running = tmp_path / "pagefind-draait"
    slow = tmp_path / "langzame-pagefind"
    slow.write_text(f"#!/bin/sh\necho $$ > '{running}.pid'\nexec sleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    started = time.monotonic()
    stderr, returncode = _stop_build(
        project, signal.SIGTERM, running.with_suffix(".pid"), later, PAGEFIND_BINARY_PATH=str(slow)
    )

    assert returncode != 0 and time.monotonic() - started < 30, stderr
    assert _mentions(project.site, "volledige-pilot") == []
    assert not (project.site / ASIDE).exists()
    pagefind = int(running.with_suffix(".pid").read_text(encoding="utf-8"))
    deadline = time.monotonic() + 5
    while _alive(pagefind) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pagefind), "Pagefind outlived its build"


def _alive(pid: int) -> bool:
    """Whether the process runs; one that ended and waits to be reaped does not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_a_rebuild_after_switching_directory_urls_equals_a_fresh_build(project: Project) -> None:
    """Every page moves (`cases/x/index.html` becomes `cases/x.html`): the previous build's
    folders of pages all go, and nothing stands in the way of the new files."""
    _built(project)
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "use_directory_urls: true" in text
    config.write_text(
        text.replace("use_directory_urls: true", "use_directory_urls: false"), "utf-8"
    )

    rebuild = project.build("--strict")

    assert rebuild.returncode == 0, rebuild.stderr
    assert (project.site / "cases/volledige-pilot.html").is_file()
    assert not (project.site / "cases/volledige-pilot").exists()
    _equals_a_fresh_build(project)
