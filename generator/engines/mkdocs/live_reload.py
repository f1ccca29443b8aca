"""Live reload under the site's Content-Security-Policy, in `mkdocs serve` only.

Every page carries a strict policy (`hosting.with_policy`): inline scripts run only when
their SHA-256 is listed. MkDocs' preview server injects its live-reload script into each
HTML response *after* the build, with the build's epoch and a per-request id in its text,
so the built page cannot know its hash, and the browser refused it: the page never
reloaded. This WSGI wrapper sits around the preview server's app and, per served page,
adds the hash of exactly the script MkDocs injected to that page's policy. Nothing else is
allowed, and published pages (never served through this) keep the strict policy unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# MkDocs 1.6 (`mkdocs.livereload._inject_js_into_html`) puts `<script>...</script>` right
# before the last `</body>`; its text starts with this function definition.
_INJECTED = re.compile(
    rb"<script>(\s*var livereload = function\(epoch, requestId\).*?)</script>", re.S
)
_POLICY = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src)')


def script_hash(script: bytes) -> bytes:
    """The CSP source expression that allows exactly this inline script."""
    return b"'sha256-" + base64.b64encode(hashlib.sha256(script).digest()) + b"'"


def allow_injected_script(html: bytes) -> bytes:
    """The page with the hash of MkDocs' injected live-reload script in its own policy.
    A page without that script or without a policy is returned unchanged."""
    end = html.rfind(b"</body>")
    injected = None
    for match in _INJECTED.finditer(html):
        if end < 0 or match.end() <= end:
            injected = match
    if injected is None:
        return html
    return _POLICY.sub(lambda m: m.group(1) + b" " + script_hash(injected.group(1)), html, count=1)


def with_live_reload(app: WsgiApp) -> WsgiApp:
    """Wrap the preview server's WSGI app: HTML responses get `allow_injected_script`,
    everything else (Decap's 5 MB bundle, images, the finder's index) passes untouched."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started: list[tuple[str, list[tuple[str, str]], Any]] = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            started.append((status, headers, exc_info))
            return lambda data: None  # the preview server never uses write()

        body = app(environ, hold)
        if started and not _is_html(started[-1][1]):
            start_response(*started[-1])
            return body
        try:
            content = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        status, headers, exc_info = started[-1]
        if _is_html(headers):
            content = allow_injected_script(content)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(content))))
        start_response(status, headers, exc_info)
        return [content]

    return serve


def _is_html(headers: list[tuple[str, str]]) -> bool:
    return any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)
