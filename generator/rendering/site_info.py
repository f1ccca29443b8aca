"""What the site says about itself: its name, address and the licence of its texts and data.

The licence is set in `mkdocs.yml` (`extra: licentie:`, an SPDX identifier) and defaults to
CC BY 4.0: the exports were always called free to reuse, and reuse needs a named licence.
It is shown in every page's footer, in `cases.json`, in each case's structured data and
in the DCAT description (`linked_data`).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LICENCE = "CC-BY-4.0"
LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}
"""The licences a site can choose, by SPDX identifier: (name as shown, address)."""


class LicenceError(ValueError):
    """An unknown licence in mkdocs.yml (a Dutch message)."""


@dataclass(frozen=True)
class Licence:
    spdx: str
    name: str
    url: str

    @classmethod
    def of(cls, spdx: object) -> Licence:
        """The licence named in mkdocs.yml; raises `LicenceError` for one not in `LICENCES`."""
        key = DEFAULT_LICENCE if spdx in (None, "") else str(spdx).strip()
        if key not in LICENCES:
            raise LicenceError(
                f"onbekende licentie '{key}' in mkdocs.yml (extra: licentie); kies uit "
                + ", ".join(LICENCES)
            )
        name, url = LICENCES[key]
        return cls(key, name, url)

    def as_theme(self) -> dict[str, str]:
        """What the theme's footer reads (`config.extra.maatwerkbank_licentie`)."""
        return {"naam": self.name, "url": self.url, "spdx": self.spdx}


@dataclass(frozen=True)
class SiteInfo:
    name: str = "Maatwerkbank"
    url: str = ""
    """The site's address, ending in `/` (or empty)."""
    licence: Licence = Licence("CC-BY-4.0", *LICENCES["CC-BY-4.0"])

    @classmethod
    def of(cls, name: object, url: object, extra: object) -> SiteInfo:
        """From mkdocs.yml's `site_name`, `site_url` and `extra` (raises `LicenceError`)."""
        address = str(url or "")
        if address and not address.endswith("/"):
            address += "/"
        spdx = extra.get("licentie") if isinstance(extra, dict) else None
        return cls(str(name or "Maatwerkbank"), address, Licence.of(spdx))
