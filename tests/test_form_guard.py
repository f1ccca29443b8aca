"""The local web form serves the author only, and only cases/.

decap-server writes any file of the repository for whoever reaches it; `make beheer`
starts it behind a guard (`generator/authoring/form_guard.py`). Unit tests hold the
guard's rules against hostile requests; the others run the guard and decap-server as
`make beheer` starts them (`scripts/decap-server.sh`, real processes on a free port) and
talk to them as a page doing DNS rebinding would, and as the form does; one opens the
form inside a frame on another origin in Chromium.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SEED, make_project, serve_folder
from PIL import Image
from test_bad_files import VALID
from test_cms import form_server, free_port, listening_addresses

from generator.authoring import form_guard
from generator.authoring import web_form as cms
from generator.authoring.form_guard import Refused, Settings, check_caller, checked_request
from generator.reading.vocabulary import load_vocabulary

SETTINGS = Settings(port=8081, preview_port=8000, repository=Path("/nonexistent"))
OUTSIDE = "geweigerd: het webformulier leest en schrijft alleen case-bestanden in cases/ en afbeeldingen in cases/media/ (niet '{}')"


# --- the rules ----------------------------------------------------------------------------------


def test_the_guard_knows_every_action_of_decap_server() -> None:
    """An upgrade canary: decap-server's fs middleware and the guard list the same actions
    (a new action must be looked at before the guard passes it on)."""
    source = ROOT / "node_modules/decap-server/src/middlewares/localFs/index.ts"
    actions = set(re.findall(r"case '(\w+)':", source.read_text(encoding="utf-8")))
    assert actions == set(form_guard._ACTIONS)


def test_the_guards_folders_are_those_of_the_form() -> None:
    vocabulary, _ = load_vocabulary(SEED / "_vocabulaire.yaml", "v")
    config = cms.cms_config(vocabulary, cms.FormSettings(repo="org/repo"))
    assert {c["folder"] for c in config["collections"]} == {form_guard.CASES_FOLDER}
    assert config["media_folder"] == form_guard.MEDIA_FOLDER


@pytest.mark.parametrize(
    ("hosts", "origins", "answer"),
    [
        (["127.0.0.1:8081"], [], None),
        (["localhost:8081"], ["http://127.0.0.1:8000"], "http://127.0.0.1:8000"),
        (["LOCALHOST:8081"], ["http://localhost:8000"], "http://localhost:8000"),
        (["rebound.example:8081"], [], "Host: rebound.example:8081"),
        (["127.0.0.1:8081.rebound.example"], [], "Host: 127.0.0.1:8081.rebound.example"),
        (["127.0.0.1"], [], "Host: 127.0.0.1)"),
        (["localhost.:8081"], [], "Host: localhost.:8081"),
        ([], [], "Host: geen"),
        (["127.0.0.1:8081", "evil.example"], [], "Host: 127.0.0.1:8081, evil.example"),
        (["127.0.0.1:8081"], ["http://evil.example"], "Origin: http://evil.example"),
        (["127.0.0.1:8081"], ["http://127.0.0.1:3000"], "Origin: http://127.0.0.1:3000"),
        (["127.0.0.1:8081"], ["null"], "Origin: null"),
        (["127.0.0.1:8081"], ["https://127.0.0.1:8000"], "Origin: https://127.0.0.1:8000"),
    ],
)
def test_only_the_author_on_this_machine_is_answered(
    hosts: list[str], origins: list[str], answer: str | None
) -> None:
    if answer is None or answer.startswith("http"):
        assert check_caller(SETTINGS, hosts, origins) == answer
        return
    with pytest.raises(Refused) as refused:
        check_caller(SETTINGS, hosts, origins)
    assert refused.value.status == 403
    assert str(refused.value).startswith("geweigerd: ") and answer in str(refused.value)


def entry(path: str, **extra: Any) -> dict[str, Any]:
    return {
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [{"slug": "x", "path": path, "raw": "titel: x\n", **extra}],
            "assets": [],
            "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"},
        },
    }


def action(name: str, **params: Any) -> dict[str, Any]:
    return {"action": name, "params": {"branch": "main", **params}}


COMMIT = {"commitMessage": "m"}
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()

OUTSIDE_PATHS = [
    "mkdocs.yml",
    ".git/config",
    ".github/workflows/publish.yml",
    "hooks.py",
    "generator/cli/commands.py",
    "/etc/passwd",
    "cases/../mkdocs.yml",
    "cases/./x.yaml",
    "cases/x.yaml/../../mkdocs.yml",
    "cases/media/../../mkdocs.yml",
    "cases\\..\\mkdocs.yml",
    "cases/sub/x.yaml",
    "cases/.x.yaml",
    "cases/x.py",
    "cases/x.yaml\u0000.py",
    "cases/\uff58.yaml",
    "cases//x.yaml",
    "./cases/x.yaml",
    "",
]


@pytest.mark.parametrize("path", OUTSIDE_PATHS)
@pytest.mark.parametrize(
    "request_for",
    [
        entry,
        lambda path: entry("cases/x.yaml", newPath=path),
        lambda path: action("getEntry", path=path),
        lambda path: action("entriesByFiles", files=[{"path": path}]),
        lambda path: action("getMediaFile", path=path),
        lambda path: action(
            "persistMedia",
            asset={"path": path, "content": PNG, "encoding": "base64"},
            options=COMMIT,
        ),
        lambda path: {
            **entry("cases/x.yaml"),
            "params": {
                **entry("cases/x.yaml")["params"],
                "assets": [{"path": path, "content": PNG, "encoding": "base64"}],
            },
        },
        lambda path: action("deleteFile", path=path, options=COMMIT),
        lambda path: action("deleteFiles", paths=["cases/media/a.png", path], options=COMMIT),
        lambda path: action("entriesByFolder", folder=path, extension="yaml", depth=1),
        lambda path: action("getMedia", mediaFolder=path),
    ],
    ids=[
        "persistEntry",
        "newPath",
        "getEntry",
        "entriesByFiles",
        "getMediaFile",
        "persistMedia",
        "persistEntry-asset",
        "deleteFile",
        "deleteFiles",
        "entriesByFolder",
        "getMedia",
    ],
)
def test_no_path_outside_cases_passes(tmp_path: Path, request_for: Any, path: str) -> None:
    with pytest.raises(Refused) as refused:
        checked_request(json.dumps(request_for(path)).encode(), tmp_path)
    assert refused.value.status == 403
    assert str(refused.value) == OUTSIDE.format(path.rstrip("/"))


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"not json", 400, "geweigerd: het verzoek is geen JSON van het webformulier"),
        (b"[1]", 400, "geweigerd: het verzoek is geen JSON van het webformulier"),
        (b'{"action": "info", "action": "x"}', 400, "geweigerd: het verzoek is geen JSON"),
        (b'{"action": NaN}', 400, "geweigerd: het verzoek is geen JSON van het webformulier"),
        (b"[" * 100_000, 400, "geweigerd: het verzoek is geen JSON van het webformulier"),
        (json.dumps(action("unpublishedEntries")).encode(), 403, 'actie "unpublishedEntries"'),
        (json.dumps(action("__proto__")).encode(), 403, 'actie "__proto__" is niet toegestaan'),
        (json.dumps({"params": {}}).encode(), 403, "actie null is niet toegestaan"),
        (json.dumps({"action": "getEntry"}).encode(), 400, "het verzoek mist zijn 'params'"),
        (
            json.dumps(action("deleteFile", path="cases/x.yaml", options=COMMIT)).encode(),
            403,
            OUTSIDE.format("cases/x.yaml"),
        ),
        (
            json.dumps(
                action("entriesByFolder", folder="cases", extension="yaml", depth=2)
            ).encode(),
            403,
            "alleen cases/ zelf (depth 1)",
        ),
        (
            json.dumps(action("entriesByFiles", files=["cases/x.yaml"])).encode(),
            400,
            "'files' moet een lijst van blokken zijn",
        ),
        (
            json.dumps(
                {
                    **entry("cases/x.yaml"),
                    "params": {**entry("cases/x.yaml")["params"], "entry": {}},
                }
            ).encode(),
            400,
            "'entry' of 'dataFiles', precies een van beide",
        ),
    ],
)
def test_what_is_not_a_form_request_is_refused(
    tmp_path: Path, body: bytes, status: int, message: str
) -> None:
    with pytest.raises(Refused) as refused:
        checked_request(body, tmp_path)
    assert refused.value.status == status
    assert message in str(refused.value)


def test_a_form_request_reaches_decap_server_rebuilt_from_what_its_action_uses(
    tmp_path: Path,
) -> None:
    """As Decap sends a save, with fields decap-server does not use or should not get."""
    sent = {
        "branch": "main",
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "cmsLabelPrefix": "decap-cms/",
            "dataFiles": [
                {
                    "slug": "a",
                    "path": "cases/a.yaml",
                    "raw": "titel: a\n",
                    "newPath": "cases/b.yaml",
                }
            ],
            "assets": [
                {"path": "cases/media/foto.png", "content": PNG, "encoding": "base64", "x": 1}
            ],
            "options": {
                "commitMessage": "Case bijgewerkt: a",
                "useWorkflow": False,
                "status": "draft",
                "collectionName": "casussen",
                "hasSubfolders": True,
                "__proto__": {"polluted": True},
            },
        },
    }
    assert checked_request(json.dumps(sent).encode(), tmp_path) == {
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [
                {
                    "slug": "a",
                    "path": "cases/a.yaml",
                    "raw": "titel: a\n",
                    "newPath": "cases/b.yaml",
                }
            ],
            "assets": [{"path": "cases/media/foto.png", "content": PNG, "encoding": "base64"}],
            "options": {
                "commitMessage": "Case bijgewerkt: a",
                "useWorkflow": False,
                "status": "draft",
                "hasSubfolders": False,  # a rename never moves the folder's other files
            },
        },
    }


def test_a_symlink_in_cases_is_neither_followed_nor_listed(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "cases/media").mkdir(parents=True)
    (tmp_path / "cases/echt.yaml").write_text("titel: x\n")
    os.symlink("../mkdocs.yml", tmp_path / "cases/instellingen.yaml")
    os.symlink("../../mkdocs.yml", tmp_path / "cases/media/logo.png")
    for request in (
        entry("cases/instellingen.yaml"),
        action("getEntry", path="cases/instellingen.yaml"),
        action("getMediaFile", path="cases/media/logo.png"),
    ):
        with pytest.raises(Refused) as refused:
            checked_request(json.dumps(request).encode(), tmp_path)
        assert "is een snelkoppeling of geen gewoon bestand" in str(refused.value)
    listing = [
        {"file": {"path": f"cases/{n}"}, "data": ""} for n in ("echt.yaml", "instellingen.yaml")
    ]
    assert form_guard.listed("entriesByFolder", listing, tmp_path) == listing[:1]
    media = [{"path": "cases/media/logo.png", "content": ""}]
    assert form_guard.listed("getMedia", media, tmp_path) == []
    # A symlinked media folder is refused as a whole.
    shutil.rmtree(tmp_path / "cases/media")
    os.symlink("../.git", tmp_path / "cases/media")
    with pytest.raises(Refused):
        checked_request(
            json.dumps(action("getMedia", mediaFolder="cases/media")).encode(), tmp_path
        )


# --- the guard and decap-server, as `make beheer` starts them -------------------------------------


@pytest.fixture(scope="module")
def form_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, int]]:
    """A built site with the form, its preview served, and the guard with decap-server
    writing into the project (which has a .git/config and a workflow worth stealing)."""
    project = make_project(tmp_path_factory.mktemp("form") / "project")
    port = free_port()
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      cases_dir: cases\n",
            f"      cases_dir: cases\n      cms_local_backend: http://127.0.0.1:{port}/api/v1\n",
        )
    )
    assert project.build("--strict").returncode == 0
    (project.root / ".git").mkdir()
    (project.root / ".git/config").write_text('[remote "origin"]\n\turl = geheim\n')
    (project.root / ".github/workflows").mkdir(parents=True)
    (project.root / ".github/workflows/publish.yml").write_text("on: push\n")
    with serve_folder(project.site) as base, form_server(project.root, port, base):
        yield project.root, base, port


def post(
    port: int, body: Any, host: str | None = None, origin: str | None = None
) -> tuple[int, Any]:
    """A POST as a browser page sends it: `host` is the name the page used (a rebound
    name reaches 127.0.0.1 all the same)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{port}", "Content-Type": "application/json"}
    if origin:
        headers["Origin"] = origin
    try:
        connection.request("POST", "/api/v1", json.dumps(body).encode(), headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "site" not in p.relative_to(root).parts
    }


@pytest.mark.build
def test_a_page_on_another_name_is_refused_before_anything_is_read(form_site: Any) -> None:
    root, base, port = form_site
    before = snapshot(root)
    for host in (f"rebound.example:{port}", "localhost", f"127.0.0.1:{port + 1}"):
        status, answer = post(port, action("getEntry", path="cases/" + "x.yaml"), host=host)
        assert status == 403 and answer["error"].startswith(
            "geweigerd: het webformulier beantwoordt alleen verzoeken aan 127.0.0.1:"
        ), answer
        status, answer = post(port, entry("mkdocs.yml"), host=host)
        assert status == 403
    status, answer = post(
        port, action("getEntry", path=".git/config"), origin="http://rebound.example"
    )
    assert status == 403 and "alleen de lokale voorvertoning" in answer["error"]
    assert snapshot(root) == before


@pytest.mark.build
def test_nothing_outside_cases_is_read_or_written(form_site: Any) -> None:
    root, base, port = form_site
    preview = base.rstrip("/")
    before = snapshot(root)
    attempts = [
        entry("mkdocs.yml"),
        entry("hooks.py"),
        entry(".github/workflows/publish.yml"),
        entry("cases/../mkdocs.yml"),
        entry("cases/x.yaml", newPath=".github/workflows/publish.yml"),
        action("getEntry", path=".git/config"),
        action("getMediaFile", path=".git/config"),
        action("entriesByFolder", folder=".git", extension="", depth=1),
        action("entriesByFolder", folder=".", extension="yml", depth=3),
        action("getMedia", mediaFolder=".git"),
        action("deleteFile", path="mkdocs.yml", options=COMMIT),
        action(
            "persistMedia",
            asset={"path": "generator/__init__.py", "content": PNG, "encoding": "base64"},
            options=COMMIT,
        ),
    ]
    for attempt in attempts:
        status, answer = post(port, attempt, origin=preview)
        assert status == 403, (attempt, answer)
        assert "geheim" not in json.dumps(answer)
    assert snapshot(root) == before


@pytest.mark.build
def test_the_form_saves_and_reads_cases_and_images(form_site: Any) -> None:
    root, base, port = form_site
    preview = base.rstrip("/")
    raw = VALID.replace("Een geldige case", "Een case via het formulier")
    status, answer = post(port, entry("cases/via-formulier.yaml"), origin=preview)
    assert (status, answer) == (200, {"message": "entry persisted"})
    saved = entry("cases/via-formulier.yaml")
    saved["params"]["dataFiles"][0]["raw"] = raw
    assert post(port, saved, origin=preview)[0] == 200
    assert (root / "cases/via-formulier.yaml").read_text() == raw
    status, answer = post(port, action("getEntry", path="cases/via-formulier.yaml"), origin=preview)
    assert status == 200 and answer["data"] == raw
    image = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 120, 40)).save(image, "PNG")
    upload = {
        "path": "cases/media/gevel.png",
        "content": base64.b64encode(image.getvalue()).decode(),
    }
    status, answer = post(
        port,
        action("persistMedia", asset={**upload, "encoding": "base64"}, options=COMMIT),
        origin=preview,
    )
    assert status == 200 and answer["path"] == "cases/media/gevel.png"
    assert (root / "cases/media/gevel.png").read_bytes() == image.getvalue()
    status, listing = post(port, action("getMedia", mediaFolder="cases/media"), origin=preview)
    assert [item["path"] for item in listing] == ["cases/media/gevel.png"]
    status, listing = post(
        port, action("entriesByFolder", folder="cases", extension="yaml", depth=1), origin=preview
    )
    assert "cases/via-formulier.yaml" in [item["file"]["path"] for item in listing]
    assert yaml.safe_load((root / "cases/via-formulier.yaml").read_text())["titel"] == (
        "Een case via het formulier"
    )


@pytest.mark.build
def test_decap_server_itself_listens_on_no_network_port(form_site: Any) -> None:
    """Only the guard is reachable over TCP, on 127.0.0.1; decap-server is on a Unix socket."""
    _, _, port = form_site
    assert listening_addresses(port) == {"0100007F"}
    guard = next(
        pid
        for pid in os.listdir("/proc")
        if pid.isdigit()
        and "generator.authoring.form_guard" in _cmdline(pid)
        and f"PORT={port}" in _environ(pid)
    )
    node = next(
        pid
        for pid in os.listdir("/proc")
        if pid.isdigit() and _parent(pid) == guard and "node" in _cmdline(pid)
    )
    sockets = {
        link.split("[")[1].rstrip("]")
        for fd in os.listdir(f"/proc/{node}/fd")
        if (link := os.readlink(f"/proc/{node}/fd/{fd}")).startswith("socket:[")
    }
    listening_tcp = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            if fields[3] == "0A":  # LISTEN
                listening_tcp.add(fields[9])
    assert sockets and not sockets & listening_tcp


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _parent(pid: str) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return ""
    return next((line.split()[1] for line in status.splitlines() if line.startswith("PPid:")), "")


def _environ(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


# --- the form in a frame --------------------------------------------------------------------------


@pytest.mark.build
def test_the_form_does_not_start_inside_a_frame(
    form_site: Any, browser: Any, tmp_path: Path
) -> None:
    _, base, _ = form_site
    (tmp_path / "index.html").write_text(
        f'<!doctype html><title>Andere site</title><iframe src="{base}beheer/" width="900" '
        'height="600"></iframe>'
    )
    page = browser.new_page()
    # The form in a window of its own starts (the login button) ...
    page.goto(base + "beheer/", wait_until="networkidle")
    page.get_by_role("button", name="Inloggen").wait_for()
    # ... and inside another origin's frame it does not: Decap's script never runs (the
    # browser may fetch it ahead, but the page stops before it is executed).
    with serve_folder(tmp_path) as other:  # another port: another origin
        page.goto(other, wait_until="load")
        frame = page.frame_locator("iframe")
        notice = frame.locator("#mwb-in-kader")
        assert notice.inner_text() == (
            "Het beheer van de Maatwerkbank werkt niet binnen een andere pagina. "
            "Open het beheer in een eigen venster."
        )
        assert frame.get_by_role("button", name="Inloggen").count() == 0
        assert page.frames[1].evaluate("typeof window.CMS") == "undefined"
    page.close()
