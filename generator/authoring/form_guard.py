"""The guard in front of `make beheer`'s decap-server: it serves the author, and only cases/.

decap-server (npm) writes any file of the repository for whoever reaches it and checks no
`Host` header, so a web page the author visits while the form runs could, by DNS
rebinding (its own name answering 127.0.0.1), write `mkdocs.yml` with `hooks:`, a Python
hook or a workflow, or read `.git/config`. So decap-server listens on a Unix socket in a
private folder (no browser can reach one) and this guard, on 127.0.0.1 only, answers
just what the form needs:
- a request whose `Host` is `127.0.0.1:<port>` or `localhost:<port>` (a rebound name is
  neither), with no `Origin` or that of the local preview (`http://127.0.0.1:<preview
  port>`); anything else gets 403;
- one of decap-server's own actions (its `localFs` middleware: `info`, `entriesByFolder`,
  `entriesByFiles`, `getEntry`, `persistEntry`, `getMedia`, `getMediaFile`,
  `persistMedia`, `deleteFile`, `deleteFiles`, `getDeployPreview`), rebuilt from the
  fields that action uses, each path among them a case file (`cases/<name>.yaml`) or an
  image (`cases/media/<name>.png`), with no symlink on the way; deletes only images (the
  form's collections allow no deletes), a rename never moves other files
  (`hasSubfolders: false`);
- from listings (`entriesByFolder`, `getMedia`), only such files, regular ones.
decap-server gets the rebuilt request as JSON this guard wrote, so no difference between
two JSON parsers can smuggle a field past it. Messages are Dutch: the form shows them.

Run by `scripts/decap-server.sh` (`make beheer`): `python -m generator.authoring.form_guard`,
with PORT (8081), PREVIEW_PORT (8000, `mkdocs serve`), GIT_REPO_DIRECTORY and NODE_MODULES.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CASES_FOLDER = "cases"
MEDIA_FOLDER = "cases/media"
"""The folders of the form's configuration (`web_form.cms_config`; a test holds them equal)."""
MAX_BODY = 16 * 1024 * 1024
"""A request's most bytes: an image of at most 5 MiB (`media.MAX_BYTES`) in base64, and more."""
_NAME = r"[A-Za-z0-9_][A-Za-z0-9._-]{0,200}"
_CASE_PATH = re.compile(rf"{CASES_FOLDER}/{_NAME}\.(?:yaml|yml)")
_MEDIA_PATH = re.compile(rf"{MEDIA_FOLDER}/{_NAME}\.(?:png|jpe?g|webp|gif)", re.IGNORECASE)
_EXTENSION = re.compile(r"\.?[a-z]{1,8}")

# decap-server on a Unix socket: its own `localFs` middleware in an Express app, which
# ends when the guard does (its stdin closes, however the guard ended).
_SERVER_JS = """
const path = require("path");
const modules = process.env.NODE_MODULES;
const express = require(path.join(modules, "express"));
const { registerLocalFs } = require(path.join(modules, "decap-server/dist/middlewares.js"));
const app = express();
registerLocalFs(app, { logLevel: "warn" }).then(() => {
  app.listen(process.argv[1]);
});
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
"""


class Refused(Exception):
    """A request the guard does not pass on: the HTTP status and the Dutch reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Settings:
    port: int
    preview_port: int
    repository: Path

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(
            {f"http://127.0.0.1:{self.preview_port}", f"http://localhost:{self.preview_port}"}
        )


# --- what passes ------------------------------------------------------------------------------


def check_caller(settings: Settings, hosts: list[str], origins: list[str]) -> str | None:
    """The request's `Origin` (None when it has none), when its `Host` and `Origin` are
    the author's own; raises `Refused` otherwise."""
    if len(hosts) != 1 or hosts[0].strip().lower() not in settings.hosts:
        shown = ", ".join(hosts) or "geen"
        raise Refused(
            403,
            f"geweigerd: het webformulier beantwoordt alleen verzoeken aan 127.0.0.1:"
            f"{settings.port} of localhost:{settings.port} (Host: {shown})",
        )
    if not origins:
        return None
    if len(origins) != 1 or origins[0].strip() not in settings.origins:
        raise Refused(
            403,
            f"geweigerd: alleen de lokale voorvertoning (http://127.0.0.1:"
            f"{settings.preview_port}/beheer/) mag het webformulier gebruiken (Origin: "
            f"{', '.join(origins)})",
        )
    return origins[0].strip()


def checked_request(body: bytes, repository: Path) -> dict[str, Any]:
    """The request decap-server gets: `body` rebuilt from what its action uses, every path
    checked; raises `Refused`."""
    try:
        request = json.loads(body, object_pairs_hook=_no_twice, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise Refused(400, "geweigerd: het verzoek is geen JSON van het webformulier") from None
    if not isinstance(request, dict):
        raise Refused(400, "geweigerd: het verzoek is geen JSON van het webformulier")
    action = request.get("action")
    rebuild = _ACTIONS.get(action) if isinstance(action, str) else None
    if rebuild is None:
        raise Refused(403, f"geweigerd: actie {json.dumps(action)[:60]} is niet toegestaan")
    params = request.get("params")
    if action == "info":
        return {"action": action}
    if not isinstance(params, dict):
        raise Refused(400, "geweigerd: het verzoek mist zijn 'params'")
    return {"action": action, "params": rebuild(_Params(params, repository))}


def listed(action: str, entries: Any, repository: Path) -> Any:
    """A listing's answer with only the case files or images the guard would pass."""
    if action == "entriesByFolder" and isinstance(entries, list):
        return [
            entry
            for entry in entries
            if isinstance(entry, dict)
            and isinstance(entry.get("file"), dict)
            and _passes(entry["file"].get("path"), _CASE_PATH, repository)
        ]
    if action == "getMedia" and isinstance(entries, list):
        return [
            entry
            for entry in entries
            if isinstance(entry, dict) and _passes(entry.get("path"), _MEDIA_PATH, repository)
        ]
    return entries


class _Params:
    """A request's parameters, read field by field as one action uses them."""

    def __init__(self, params: dict[str, Any], repository: Path) -> None:
        self.params = params
        self.repository = repository

    def text(self, key: str, data: dict[str, Any] | None = None) -> str:
        value = (self.params if data is None else data).get(key)
        if not isinstance(value, str):
            raise Refused(400, f"geweigerd: '{key}' ontbreekt of is geen tekst")
        return value

    def flag(self, key: str, data: dict[str, Any]) -> bool:
        value = data.get(key)
        if not isinstance(value, bool):
            raise Refused(400, f"geweigerd: '{key}' ontbreekt of is geen true/false")
        return value

    def block(self, key: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        value = (self.params if data is None else data).get(key)
        if not isinstance(value, dict):
            raise Refused(400, f"geweigerd: '{key}' ontbreekt of is geen blok")
        return value

    def items(self, key: str, data: dict[str, Any] | None = None) -> list[Any]:
        value = (self.params if data is None else data).get(key)
        if not isinstance(value, list):
            raise Refused(400, f"geweigerd: '{key}' ontbreekt of is geen lijst")
        return value

    def blocks(self, key: str) -> list[dict[str, Any]]:
        """The list `key`, each of its items a block."""
        found = self.items(key)
        if not all(isinstance(item, dict) for item in found):
            raise Refused(400, f"geweigerd: '{key}' moet een lijst van blokken zijn")
        return found

    def case(self, key: str, data: dict[str, Any] | None = None) -> str:
        return _path(self.text(key, data), _CASE_PATH, self.repository)

    def image(self, key: str, data: dict[str, Any] | None = None) -> str:
        return _path(self.text(key, data), _MEDIA_PATH, self.repository)

    def branch(self) -> dict[str, str]:
        return {"branch": self.text("branch")}

    def commit(self) -> dict[str, str]:
        return {"commitMessage": self.text("commitMessage", self.block("options"))}

    def asset(self, data: dict[str, Any]) -> dict[str, str]:
        if data.get("encoding") != "base64":
            raise Refused(400, "geweigerd: een afbeelding komt als base64")
        content = self.text("content", data)
        return {"path": self.image("path", data), "content": content, "encoding": "base64"}


def _entries_by_folder(p: _Params) -> dict[str, Any]:
    folder, extension = p.text("folder").rstrip("/"), p.text("extension")
    if folder != CASES_FOLDER or not _EXTENSION.fullmatch(extension):
        raise Refused(403, _outside(folder))
    if p.params.get("depth") != 1:
        raise Refused(403, "geweigerd: het webformulier leest alleen cases/ zelf (depth 1)")
    _no_symlink_on_the_way(p.repository, CASES_FOLDER + "/x")
    return {**p.branch(), "folder": CASES_FOLDER, "extension": extension, "depth": 1}


def _entries_by_files(p: _Params) -> dict[str, Any]:
    return {**p.branch(), "files": [{"path": p.case("path", file)} for file in p.blocks("files")]}


def _persist_entry(p: _Params) -> dict[str, Any]:
    if ("entry" in p.params) == ("dataFiles" in p.params):
        raise Refused(400, "geweigerd: 'entry' of 'dataFiles', precies een van beide")
    data_files = []
    for data in p.blocks("dataFiles") if "dataFiles" in p.params else [p.block("entry")]:
        rebuilt = {"slug": p.text("slug", data), "path": p.case("path", data)}
        rebuilt["raw"] = p.text("raw", data)
        if "newPath" in data:
            rebuilt["newPath"] = p.case("newPath", data)
        data_files.append(rebuilt)
    options = p.block("options")
    return {
        **p.branch(),
        "dataFiles": data_files,
        "assets": [p.asset(asset) for asset in p.blocks("assets")],
        "options": {
            "commitMessage": p.text("commitMessage", options),
            "useWorkflow": p.flag("useWorkflow", options),
            "status": p.text("status", options),
            # Renaming one case file never moves the folder's other files.
            "hasSubfolders": False,
        },
    }


def _get_media(p: _Params) -> dict[str, Any]:
    folder = p.text("mediaFolder").rstrip("/")
    if folder != MEDIA_FOLDER:
        raise Refused(403, _outside(folder))
    _no_symlink_on_the_way(p.repository, MEDIA_FOLDER + "/x")
    return {**p.branch(), "mediaFolder": MEDIA_FOLDER}


def _persist_media(p: _Params) -> dict[str, Any]:
    asset = p.asset(p.block("asset"))
    return {**p.branch(), "asset": asset, "options": p.commit()}


def _delete_files(p: _Params) -> dict[str, Any]:
    paths = [p.image("path", {"path": item}) for item in p.items("paths")]
    if not paths:
        raise Refused(400, "geweigerd: 'paths' is leeg")
    return {**p.branch(), "paths": paths, "options": p.commit()}


_ACTIONS: dict[str, Callable[[_Params], dict[str, Any]]] = {
    "info": lambda p: {},
    "entriesByFolder": _entries_by_folder,
    "entriesByFiles": _entries_by_files,
    "getEntry": lambda p: {**p.branch(), "path": p.case("path")},
    "persistEntry": _persist_entry,
    "getMedia": _get_media,
    "getMediaFile": lambda p: {**p.branch(), "path": p.image("path")},
    "persistMedia": _persist_media,
    "deleteFile": lambda p: {**p.branch(), "path": p.image("path"), "options": p.commit()},
    "deleteFiles": _delete_files,
    "getDeployPreview": lambda p: {
        **p.branch(),
        "collection": p.text("collection"),
        "slug": p.text("slug"),
    },
}


def _path(path: str, pattern: re.Pattern[str], repository: Path) -> str:
    if not pattern.fullmatch(path):
        raise Refused(403, _outside(path))
    _no_symlink_on_the_way(repository, path)
    return path


def _passes(path: Any, pattern: re.Pattern[str], repository: Path) -> bool:
    try:
        _path(path, pattern, repository) if isinstance(path, str) else None
    except Refused:
        return False
    return isinstance(path, str) and (repository / path).is_file()


def _no_symlink_on_the_way(repository: Path, path: str) -> None:
    """No part of `path` under the repository is a symlink (decap-server would follow one
    out of cases/), and what already stands there is a folder or a regular file."""
    current = repository
    parts = path.split("/")
    for i, part in enumerate(parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return
        except OSError:
            raise Refused(403, _outside(path)) from None
        last = i == len(parts) - 1
        if stat.S_ISLNK(mode) or not (stat.S_ISREG(mode) if last else stat.S_ISDIR(mode)):
            raise Refused(
                403, f"geweigerd: '{path[:120]}' is een snelkoppeling of geen gewoon bestand"
            )


def _outside(path: str) -> str:
    return (
        "geweigerd: het webformulier leest en schrijft alleen case-bestanden in cases/ en "
        f"afbeeldingen in cases/media/ (niet '{path[:120]}')"
    )


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"key {key!r} twice")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(name)


# --- the server -------------------------------------------------------------------------------


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str) -> None:
        super().__init__("localhost", timeout=120)
        self.path = path

    def connect(self) -> None:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(self.timeout)
        connection.connect(self.path)
        self.sock = connection


class _Handler(BaseHTTPRequestHandler):
    server_version = "maatwerkbank-beheer"
    timeout = 60  # a client that stops sending mid-request is dropped
    settings: Settings
    upstream: str

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        """CORS preflight of the preview's page: answered here, for the preview only."""
        try:
            origin = self._caller()
        except Refused as refused:
            self._answer(refused.status, {"error": str(refused)}, None)
            return
        self.send_response(204)
        self._cors(origin)
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802
        origin = None
        try:
            origin = self._caller()
            if self.path != "/api/v1":
                raise Refused(404, "geweigerd: alleen /api/v1")
            request = checked_request(self._body(), self.settings.repository)
        except Refused as refused:
            self.log_message("%s", refused)
            self._answer(refused.status, {"error": str(refused)}, origin)
            return
        status, answer = self._forward(request)
        if status == 200 and request["action"] in ("entriesByFolder", "getMedia"):
            answer = listed(request["action"], answer, self.settings.repository)
        self._answer(status, answer, origin)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(405, {"error": "geweigerd: alleen POST"}, None)

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET  # noqa: N815

    def _caller(self) -> str | None:
        return check_caller(
            self.settings, self.headers.get_all("Host") or [], self.headers.get_all("Origin") or []
        )

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise Refused(411, "geweigerd: stuur het verzoek met een Content-Length")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise Refused(415, "geweigerd: het webformulier stuurt JSON")
        length = self.headers.get("Content-Length") or ""
        if not length.isdigit():
            raise Refused(411, "geweigerd: stuur het verzoek met een Content-Length")
        if int(length) > MAX_BODY:
            raise Refused(413, f"geweigerd: verzoek te groot (hoogstens {MAX_BODY >> 20} MiB)")
        return self.rfile.read(int(length))

    def _forward(self, request: dict[str, Any]) -> tuple[int, Any]:
        connection = _UnixConnection(self.upstream)
        try:
            body = json.dumps(request).encode("utf-8")
            connection.request(
                "POST", "/api/v1", body, {"Content-Type": "application/json", "Host": "localhost"}
            )
            response = connection.getresponse()
            status, data = response.status, response.read()
        except OSError:
            return 502, {"error": "decap-server antwoordt niet; start 'make beheer' opnieuw"}
        finally:
            connection.close()
        try:
            return status, json.loads(data)
        except ValueError:
            return 502, {"error": "decap-server gaf een onleesbaar antwoord"}

    def _answer(self, status: int, answer: Any, origin: str | None) -> None:
        body = json.dumps(answer).encode("utf-8")
        self.send_response(status)
        self._cors(origin)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _cors(self, origin: str | None) -> None:
        if origin is not None:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Only refusals are logged (http.server logs every request, in English)."""
        if args and isinstance(args[0], Refused):
            sys.stderr.write(f"beheer: {args[0]}\n")


def serve(settings: Settings, node_modules: Path) -> None:
    """decap-server on a private Unix socket, and the guard on 127.0.0.1:<port> in front of
    it, until interrupted (SIGINT, SIGTERM)."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("beheer: Node.js ontbreekt; 'make browser' installeert het")
    folder = tempfile.mkdtemp(prefix="maatwerkbank-beheer-")  # mode 0700: this user only
    upstream = os.path.join(folder, "decap-server.sock")
    server = subprocess.Popen(
        [node, "-e", _SERVER_JS, upstream],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        cwd=settings.repository,
        env=dict(
            os.environ,
            MODE="fs",
            GIT_REPO_DIRECTORY=str(settings.repository),
            NODE_MODULES=str(node_modules),
        ),
    )
    try:
        _wait_for(upstream, server)
        handler = type("Handler", (_Handler,), {"settings": settings, "upstream": upstream})
        try:
            guard = ThreadingHTTPServer(("127.0.0.1", settings.port), handler)
        except OSError:
            raise SystemExit(
                f"beheer: poort {settings.port} is al in gebruik (draait 'make beheer' al?); "
                "kies een andere met PORT=..."
            ) from None
        with guard:
            signal.signal(signal.SIGTERM, _interrupted)
            print(
                f"beheer: webformulier-server op http://127.0.0.1:{settings.port}/api/v1 voor "
                f"http://127.0.0.1:{settings.preview_port}/beheer/ (schrijft alleen in cases/)",
                flush=True,
            )
            guard.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def _interrupted(*_: object) -> None:
    raise KeyboardInterrupt  # ends `serve_forever` in this thread; `serve` cleans up


def _wait_for(upstream: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("beheer: decap-server stopte meteen; zie de melding hierboven")
        if os.path.exists(upstream):
            return
        time.sleep(0.05)
    raise SystemExit("beheer: decap-server startte niet binnen 30 seconden")


def main() -> None:
    repository = Path(os.environ.get("GIT_REPO_DIRECTORY") or Path.cwd()).resolve()
    settings = Settings(
        port=int(os.environ.get("PORT") or 8081),
        preview_port=int(os.environ.get("PREVIEW_PORT") or 8000),
        repository=repository,
    )
    node_modules = Path(os.environ.get("NODE_MODULES") or repository / "node_modules")
    serve(settings, node_modules)


if __name__ == "__main__":
    main()
