"""Security for static hosting: a Content-Security-Policy in every page, `_headers`, robots.txt.

Each page carries its own policy in a `<meta http-equiv>` tag, so it holds on any host,
and so the web form at /beheer/ (Decap CMS, which talks to GitHub's API) is not bound by
the site's policy. The policy allows only the site itself; Material puts a few small
scripts inline in every page, and rather than allowing all inline script the policy lists
the SHA-256 of each. `_headers` (Netlify, Cloudflare Pages) adds the headers a meta tag
cannot carry, such as refusing to be framed (`X-Frame-Options` and CSP `frame-ancestors`);
on other hosts the web form refuses a frame itself (`authoring/templates/beheer.html`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

import yaml

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_DATA_TYPE = re.compile(r'type="application/(?:ld\+)?json"')


# The address in the repository's own mkdocs.yml: a placeholder a fork must replace.
EXAMPLE_SITE_URL = "https://maatwerkbank.example.nl/"


def site_url_problem(site_url: str | None) -> tuple[str, str] | None:
    """What is wrong with the configured `site_url`, as (kind, Dutch message): kind
    'ontbreekt' (no address: the feed's ids, the sitemap and the URLs in cases.json would be
    relative or empty) or 'voorbeeld' (still the example address: a fork would publish
    links to a site that is not its own). None when the address is usable."""
    site_url = (site_url or "").strip()
    if not site_url:
        return (
            "ontbreekt",
            "site_url ontbreekt in mkdocs.yml: vul het adres in waar de site komt te staan, "
            "eindigend op '/' (bijvoorbeeld https://kennisbank.uwcorporatie.nl/). Zonder dat "
            "adres kloppen de feed, de sitemap en de adressen in cases.json niet.",
        )
    if site_url.rstrip("/") == EXAMPLE_SITE_URL.rstrip("/"):
        return (
            "voorbeeld",
            f"site_url in mkdocs.yml is nog het voorbeeldadres {EXAMPLE_SITE_URL}: vul het "
            "adres in waar uw eigen site komt te staan. 'make check-site' (en dus het "
            "publiceren) weigert het voorbeeldadres.",
        )
    return None


def configured_site_url(config_text: str) -> str:
    """`site_url` as written in mkdocs.yml. `mkdocs serve` replaces the setting with its own
    address before plugins see it, and the content gate reads the file without MkDocs;
    MkDocs' own tags (`!ENV` and the like) read as no value."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        config = yaml.load(config_text, Loader=Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return ""
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) else ""


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    return "\n".join(lines) + "\n"


def inline_script_hashes(html: str) -> set[str]:
    """CSP hashes of the executable inline scripts of one page, but those inside the page's
    content (`<article>`) or a navigation (`<nav>`): that is where text from case files and
    the vocabulary lands, escaped; should any escaping ever fail, a script there is still
    refused by the browser instead of allowed by its hash. The theme's own inline scripts
    stand in `<head>` and between the page's blocks."""
    hashes = set()
    spans = _text_spans(html)
    for found in _INLINE_SCRIPT.finditer(html):
        attrs, body = found[1], found[2]
        if _DATA_TYPE.search(attrs) or any(a <= found.start() < b for a, b in spans):
            continue  # data, not code (CSP does not apply); or where author text lands
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


_POLICY_META = '<meta http-equiv="Content-Security-Policy"'
_TEXT_TAGS = re.compile(r"<(/?)(article|nav)\b[^>]*>")


def _text_spans(html: str) -> list[tuple[int, int]]:
    """Where the outermost `<article>` and `<nav>` elements of a page start and end."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _TEXT_TAGS.finditer(html):
        if not tag[1]:
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    if depth:
        spans.append((start, len(html)))  # unclosed: to the end
    return spans


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
            "  Content-Security-Policy: frame-ancestors 'none'",
            "  Cross-Origin-Opener-Policy: same-origin",
            "",
        ]
    )


WITHDRAWN_TITLE = "Tijdelijk niet beschikbaar"


def withdrawn_site(site_name: str) -> dict[str, str]:
    """The site published instead of the stories when publishing is refused (a public
    repository with stories that may not be public, `build.visibility`): one page that
    says the site is away, as the home page and the 404 page, so every old address of a
    story lands on it. It names no case and no reason (the run's log has the reason)."""
    name = escape(site_name or "Maatwerkbank")
    page = f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{WITHDRAWN_TITLE} - {name}</title>
</head>
<body>
<main>
<h1>{name}: {WITHDRAWN_TITLE.lower()}</h1>
<p>Deze kennisbank is tijdelijk niet beschikbaar. Probeer het later opnieuw.</p>
</main>
</body>
</html>
"""
    policed = with_policy(page)
    return {
        "index.html": policed,
        "404.html": policed,
        "robots.txt": "User-agent: *\nDisallow: /\n",
    }
