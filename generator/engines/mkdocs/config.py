"""The plugin's settings in mkdocs.yml (`plugins: - maatwerkbank: ...`), with their defaults
(`site_config.PLUGIN_DEFAULTS`, which engines without the plugin read too)."""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from generator.build import publish_mode
from generator.build.publish_mode import Mode, ModeError, read_mode
from generator.engines.site_config import PLUGIN_DEFAULTS
from generator.reading.publication import BuildDate, BuildDateError, read_build_date


class _DateSetting(base.BaseConfigOption[object]):
    """`today` as written: text or a YAML date (`today: 2026-12-01`), both one setting.
    Which it may be is decided with the mode (`publish_mode.configured_date`): a build that
    publishes sets any value aside, so no value here can stop the run that withdraws."""

    def run_validation(self, value: object) -> object:
        return value


class _MonthsSetting(base.BaseConfigOption[int]):
    """`verouderd_na_maanden`, refused in Dutch (`publish_mode.configured_months`)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if value is None:
            return int(self.default)
        try:
            months, set_aside = publish_mode.configured_months(mode(), value)
        except publish_mode.SettingError as error:
            raise base.ValidationError(str(error)) from None
        if set_aside:
            self.warnings.append(set_aside)
        return months


T = TypeVar("T")


class _Typed(c.Type[T]):
    """MkDocs' type check, with a Dutch message instead of "Expected type: <class ...>"
    (the person who edits mkdocs.yml reads Dutch, and no Python)."""

    def __init__(self, kind: type[T], words: str, **kwargs: Any) -> None:
        super().__init__(kind, **kwargs)
        self.words = words

    def run_validation(self, value: object) -> T:
        if isinstance(value, self._type):
            return value  # type: ignore[no-any-return]
        raise base.ValidationError(f"moet {self.words} zijn, niet '{publish_mode.written(value)}'")


def _Text(**kwargs: Any) -> _Typed[str]:  # noqa: N802 (used as MkDocs' option classes are)
    return _Typed(str, "tekst", **kwargs)


def _YesNo(**kwargs: Any) -> _Typed[bool]:  # noqa: N802
    return _Typed(bool, "true of false", **kwargs)


class MaatwerkbankConfig(base.Config):
    cases_dir = _Text(default=PLUGIN_DEFAULTS["cases_dir"])
    """Folder with the case files, the vocabulary and media, relative to mkdocs.yml."""
    templates_dir = c.Optional(_Text())
    """Folder with templates that override the built-in ones, relative to mkdocs.yml."""
    today = _DateSetting()
    """Build date (YYYY-MM-DD) for embargo and consent; default SOURCE_DATE_EPOCH or today."""
    cms_repo = _Text(default=PLUGIN_DEFAULTS["cms_repo"])
    """GitHub repository (owner/name) the web form writes to; the forking corporation's own."""
    cms_auth_url = _Text(default=PLUGIN_DEFAULTS["cms_auth_url"])
    """A self-hosted OAuth client for GitHub logins (empty: Netlify's)."""
    cms_local_backend = _Text(default=PLUGIN_DEFAULTS["cms_local_backend"])
    """Where `make beheer`'s decap-server listens."""
    cms_bundle = _Text(default=PLUGIN_DEFAULTS["cms_bundle"])
    """Decap CMS's built files (npm package decap-cms), copied into the site at /beheer/."""
    expand_nav = _YesNo(default=PLUGIN_DEFAULTS["expand_nav"])
    """Add one nav entry per theme and target group under their section's index page."""
    verouderd_na_maanden = _MonthsSetting(default=PLUGIN_DEFAULTS["verouderd_na_maanden"])
    """A case not checked (`bijgewerkt`) for longer says so on its page; 0: never."""


def mode() -> Mode:
    """Strict, or publish what is valid (`publish_mode`; `maatwerkbank site --mode`)."""
    try:
        return read_mode()
    except ModeError as error:
        raise PluginError(str(error)) from None


def build_date(settings: MaatwerkbankConfig, log: logging.Logger) -> BuildDate:
    """The build's Dutch date: `today` from mkdocs.yml, unless the mode sets it aside."""
    configured, set_aside = publish_mode.configured_date(mode(), settings.today)
    if set_aside:
        log.warning(set_aside)
    try:
        return read_build_date(configured)
    except BuildDateError as error:
        raise PluginError(str(error)) from None
