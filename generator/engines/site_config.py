"""The site's settings as `mkdocs.yml` states them, read without MkDocs, for any engine.

`mkdocs.yml` stays the one place a corporation configures its site (address, navigation,
theme, the maatwerkbank options), whichever engine builds it: the MkDocs plugin gets the
options from MkDocs; other engines get a config derived from it (`engine_config`), with
the navigation expanded as the plugin expands it and the plugin itself left out, since
the core has already written every page those engines only have to theme.
"""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.authoring import web_form as cms
from generator.build.publish_mode import Mode, configured_months
from generator.reading.freshness import STALE_AFTER_MONTHS
from generator.rendering.site_info import SiteInfo

ENGINES = ("mkdocs", "zensical", "properdocs")
"""Engines `maatwerkbank site` builds with. MkDocs (1.6.1 + mkdocs-material) is the default;
ProperDocs (a maintained fork of MkDocs 1.x) loads our plugin as MkDocs does; Zensical
builds the site input the core writes."""
PLUGIN_ENGINES = ("mkdocs", "properdocs")
"""Engines that run the maatwerkbank plugin themselves."""

PLUGIN = "maatwerkbank"
PLUGIN_DEFAULTS: dict[str, Any] = {
    "cases_dir": "cases",
    "templates_dir": None,
    "today": None,
    "cms_repo": "",
    "cms_auth_url": "",
    "cms_local_backend": cms.FormSettings.local_backend,
    "cms_bundle": "node_modules/decap-cms/dist",
    "expand_nav": True,
    "verouderd_na_maanden": STALE_AFTER_MONTHS,
}
"""The plugin's options and their defaults (the MkDocs plugin declares the same)."""


class _Loader(yaml.SafeLoader):
    """Reads what MkDocs configs may hold (`!ENV`, `!!python/name:`) without acting on it."""


def _tag_value(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _tag_value)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tag_value)


@dataclass(frozen=True)
class SiteConfig:
    path: Path
    raw: dict[str, Any]

    @classmethod
    def read(cls, path: Path) -> SiteConfig:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
        return cls(path.resolve(), data if isinstance(data, dict) else {})

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.raw.get("docs_dir", "docs"))

    @property
    def theme_dir(self) -> Path | None:
        """The theme's own templates (`theme.custom_dir`, `overrides/`), if set."""
        theme = self.raw.get("theme")
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return self.root / str(custom) if custom else None

    @property
    def site_dir(self) -> Path:
        return self.root / str(self.raw.get("site_dir", "site"))

    @property
    def site_url(self) -> str:
        return str(self.raw.get("site_url") or "")

    @property
    def site_info(self) -> SiteInfo:
        """Name, address and licence (raises `site_info.LicenceError` for an unknown one)."""
        return SiteInfo.of(self.raw.get("site_name"), self.site_url, self.raw.get("extra"))

    @property
    def use_directory_urls(self) -> bool:
        return bool(self.raw.get("use_directory_urls", True))

    @property
    def options(self) -> dict[str, Any]:
        """The maatwerkbank plugin's options, defaults filled in."""
        options: dict[str, Any] = {}
        plugins = self.raw.get("plugins") or []
        for item in plugins.items() if isinstance(plugins, dict) else plugins:
            if isinstance(item, tuple):
                name, value = item
            elif isinstance(item, dict) and len(item) == 1:
                ((name, value),) = item.items()
            else:
                name, value = item, None
            if name == PLUGIN and isinstance(value, dict):
                options = value
        return {**PLUGIN_DEFAULTS, **options}

    def path_option(self, name: str) -> Path | None:
        value = self.options[name]
        return self.root / str(value) if value else None

    def form_settings(self) -> cms.FormSettings:
        options = self.options
        return cms.FormSettings(
            repo=options["cms_repo"],
            local_backend=options["cms_local_backend"],
            auth_url=options["cms_auth_url"],
        )


def stale_after_months(path: Path) -> int:
    """The site's `verouderd_na_maanden` for `check`, which also runs without a site: the
    default when `path` (mkdocs.yml) is missing or unreadable (the build says why)."""
    try:
        written = SiteConfig.read(path).options["verouderd_na_maanden"]
        return configured_months(Mode.STRICT, written)[0]
    except (OSError, ValueError, TypeError, yaml.YAMLError):  # SettingError too
        return STALE_AFTER_MONTHS


def expand_nav(nav: list[Any], sections: dict[str, list[tuple[str, str]]]) -> list[Any]:
    """Turn `Thema's: themas/index.md` into a section with the index and one entry per term."""
    expanded: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, str) and value in sections:
                # The themes (MkDocs' and Zensical's) print nav titles as they are:
                # vocabulary labels are escaped.
                terms = ({html.escape(label): src} for label, src in sections[value])
                item = {title: [value, *terms]}
            elif isinstance(value, list):
                item = {title: expand_nav(value, sections)}
        expanded.append(item)
    return expanded


def engine_config(
    config: SiteConfig,
    engine: str,
    docs_dir: str,
    site_dir: str,
    nav_sections: dict[str, list[tuple[str, str]]],
) -> dict[str, Any]:
    """The site's config for an engine that builds the core's written pages: the same site,
    with the docs folder the core wrote, the nav expanded, and without our plugin.

    For Zensical: its own search is off (the finder is the one search, as under MkDocs),
    and the `classic` look, which is mkdocs-material's (the project's stylesheet and
    overrides are written for it). For MkDocs without the plugin (the benchmark's plain
    build): no plugins at all.
    """
    raw = copy.deepcopy(config.raw)
    raw["docs_dir"] = docs_dir
    raw["site_dir"] = site_dir
    # The footer shows the licence (overrides/partials/copyright.html), as the plugin sets it.
    extra = raw.setdefault("extra", {})
    if isinstance(extra, dict):
        extra["maatwerkbank_licentie"] = config.site_info.licence.as_theme()
    theme = raw.setdefault("theme", {})
    if isinstance(theme, dict):
        if theme.get("custom_dir"):
            theme["custom_dir"] = str(config.root / str(theme["custom_dir"]))
        if engine == "zensical":
            theme["variant"] = "classic"
    if config.options["expand_nav"] and raw.get("nav"):
        raw["nav"] = expand_nav(raw["nav"], nav_sections)
    raw["plugins"] = [{"search": {"enabled": False}}] if engine == "zensical" else []
    extensions = list(raw.get("markdown_extensions") or [])
    if engine == "zensical":
        # Zensical always adds SuperFences, which colours code with Pygments in a palette
        # whose comments fail contrast; MkDocs' site shows code uncoloured, so does this.
        extensions.append({"pymdownx.highlight": {"use_pygments": False}})
    extensions.append("generator.engines.engine_markdown")
    raw["markdown_extensions"] = extensions
    return raw
