"""Security for static hosting: a Content-Security-Policy in every page, `_headers`, robots.txt.

Each page carries its own policy in a `<meta http-equiv>` tag, so it holds on any host,
and so the web form at /beheer/ (Decap CMS, which talks to GitHub's API) is not bound by
the site's policy. The policy allows only the site itself; Material puts a few small
scripts inline in every page, and rather than allowing all inline script the policy lists
the SHA-256 of each. `_headers` (Netlify, Cloudflare Pages) adds the headers a meta tag
cannot carry, such as refusing to be framed.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_DATA_TYPE = re.compile(r'type="application/(?:ld\+)?json"')


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    return "\n".join(lines) + "\n"


def inline_script_hashes(html: str) -> set[str]:
    """CSP hashes of the executable inline scripts of one page."""
    hashes = set()
    for attrs, body in _INLINE_SCRIPT.findall(html):
        if _DATA_TYPE.search(attrs):
            continue  # data, not code: CSP does not apply
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


_POLICY_META = '<meta http-equiv="Content-Security-Policy"'


def with_policy(html: str) -> str:
    """The page with its own Content-Security-Policy, first thing in <head>. A page that
    has one already is returned as it is (the policy is added once, after the build)."""
    if _POLICY_META in html[: html.find("</head>")]:
        return html
    policy = content_security_policy(inline_script_hashes(html))
    meta = f'{_POLICY_META} content="{policy}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)


def content_security_policy(script_hashes: set[str]) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            # Material sets style attributes from its scripts (e.g. the header's scroll state).
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def headers_file() -> str:
    """Netlify/Cloudflare `_headers`: the security headers a page's meta tag cannot carry."""
    return "\n".join(
        [
            "/*",
            "  X-Content-Type-Options: nosniff",
            "  Referrer-Policy: strict-origin-when-cross-origin",
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "  X-Frame-Options: DENY",
            "  Cross-Origin-Opener-Policy: same-origin",
            "",
        ]
    )
