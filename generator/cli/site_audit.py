"""What a built site would make a reader's browser fetch from other hosts.

The site promises readers that it loads nothing from third parties (no fonts, scripts,
images or trackers from elsewhere). A fork can break that with one line in a hand-written
page or a theme override, so the content gate (`maatwerkbank check-site`) scans every built
page and stylesheet for resources a browser loads by itself. Links a reader clicks, and the
page's own canonical and feed links, are not resources.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

_CSS_URL = re.compile(r"url\(['\"]?((?:https?:)?//[^'\")]+)")
_STYLE_URL = re.compile(r"url\(['\"]?([^'\")]+)")
_LOADING_TAGS = ("script", "img", "iframe", "source", "audio", "video", "embed", "track")
_NOT_LOADED_RELS = ("canonical", "alternate", "alternate feed")


class _Resources(HTMLParser):
    """Collects every URL a browser would load by itself (not links a reader clicks)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in _LOADING_TAGS:
            self.urls += [a.get("src", ""), *a.get("srcset", "").split()]
        if tag == "link" and a.get("rel", "") not in _NOT_LOADED_RELS:
            self.urls.append(a.get("href", ""))
        if tag == "object":
            self.urls.append(a.get("data", ""))
        if "style" in a:
            self.urls += _STYLE_URL.findall(a["style"])


def third_party_resources(site: Path, own_host: str) -> list[tuple[str, str]]:
    """(file, URL) for every resource in the built `site` that comes from another host."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for url in parser.urls:
            host = urlparse(url).netloc
            if url.startswith("//") or (host and host != own_host):
                found.append((page.relative_to(site).as_posix(), url))
    for css in sorted(site.rglob("*.css")):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if urlparse(url).netloc != own_host:
                found.append((css.relative_to(site).as_posix(), url))
    return found
