"""Structured data: schema.org in the pages (JSON-LD), DCAT-AP-NL for the data set.

Each case page carries a schema.org `Article` (headline, abstract, dateModified, publisher,
about and keywords, spatialCoverage); the home page a `Dataset` that describes the exports.
`dcat.jsonld` describes the same data set for data.overheid.nl, in DCAT-AP-NL terms
(catalog, dataset, distributions for JSON, CSV and the Atom feed, licence, publisher),
with its context written out, so it parses without fetching anything.

A JSON-LD block is data, not script: the browser never runs it, and the site's
Content-Security-Policy leaves it alone (`hosting.inline_script_hashes` skips it).
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from generator.contract import labels
from generator.contract.model import Case
from generator.reading.vocabulary import Vocabulary
from generator.rendering.catalog import Catalog
from generator.rendering.site_info import SiteInfo

DCAT_PATH = "dcat.jsonld"
"""The DCAT description's stable address (from the site's root)."""
EU = "http://publications.europa.eu/resource/authority/"
DISTRIBUTIONS = (
    ("cases.json", "JSON", "application/json", "Alle gepubliceerde cases, elk veld (JSON)."),
    ("cases.csv", "CSV", "text/csv", "Alle gepubliceerde cases als tabel (CSV, voor Excel)."),
    ("kosten.csv", "CSV", "text/csv", "Alle kostenposten, met bedrag en geldstroom (CSV)."),
    ("feed.xml", "ATOM", "application/atom+xml", "Nieuwe en bijgewerkte cases (Atom-feed)."),
)


def script(data: dict[str, Any]) -> Markup:
    """A JSON-LD block for a page: `<` written as `\\u003c`, so no text ends the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return Markup(f'<script type="application/ld+json">{text}</script>')  # noqa: S704


def article(case: Case, url: str, vocabulary: Vocabulary, site: SiteInfo) -> dict[str, Any]:
    """A case as a schema.org `Article`."""
    organisation = {"@type": "Organization", "name": case.organisatie}
    place: dict[str, Any] = {"@type": "Place", "name": case.gemeente}
    if case.regio:
        place["containedInPlace"] = {"@type": "Place", "name": case.regio}
    themes = [vocabulary.themas[t].label for t in dict.fromkeys(case.themas)]
    groups = [vocabulary.doelgroepen[g].label for g in dict.fromkeys(case.doelgroepen)]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case.titel,
        "abstract": case.samenvatting,
        "description": case.samenvatting,
        "dateModified": case.bijgewerkt.isoformat(),
        "inLanguage": "nl",
        "publisher": organisation,
        "author": organisation,
        "about": [{"@type": "Thing", "name": label} for label in themes + groups],
        "keywords": ", ".join([labels.SOORT[case.soort], *themes, *groups]),
        "spatialCoverage": place,
        "license": site.licence.url,
        "isPartOf": {"@type": "WebSite", "name": site.name, **_url(site.url)},
    }
    if url:
        data["url"] = data["mainEntityOfPage"] = url
    return data


def dataset(catalog: Catalog, site: SiteInfo) -> dict[str, Any]:
    """The exports as a schema.org `Dataset`, for the home page."""
    newest = catalog.entries[0].case.bijgewerkt.isoformat() if catalog.entries else None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{site.name}: cases over maatwerk in de sociale huur",
        "description": _description(len(catalog.entries)),
        "inLanguage": "nl",
        "license": site.licence.url,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": site.name},
        "publisher": {"@type": "Organization", "name": site.name},
        "keywords": [t.label for t in catalog.vocabulary.themas.values()],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": media,
                "contentUrl": site.url + path,
                "description": about,
            }
            for path, _, media, about in DISTRIBUTIONS
        ],
        **_url(site.url),
    }
    if newest:
        data["dateModified"] = newest
    return data


def _url(url: str) -> dict[str, str]:
    return {"url": url} if url else {}


def _description(count: int) -> str:
    return (
        f"{labels.count(count, 'praktijkverhaal', 'praktijkverhalen')} van "
        "woningcorporaties over maatwerk voor huurders: wat partners samen deden, waar ze "
        "van de regels afweken, de lessen en de tips voor gemeenten."
    )


def dcat(catalog: Catalog, site: SiteInfo) -> str:
    """`dcat.jsonld`: catalog, dataset and distributions in DCAT-AP-NL terms."""
    base = site.url + DCAT_PATH
    newest = catalog.entries[0].case.bijgewerkt.isoformat() if catalog.entries else None
    licence = {"@id": site.licence.url}
    dutch = {"@id": EU + "language/NLD"}
    publisher = {
        "@id": base + "#uitgever",
        "@type": "foaf:Agent",
        "foaf:name": site.name,
        **({"foaf:homepage": {"@id": site.url}} if site.url else {}),
    }
    distributions = [
        {
            "@id": f"{base}#{fmt.lower()}",
            "@type": "dcat:Distribution",
            "dct:title": _nl(f"{site.name}: {path}"),
            "dct:description": _nl(about),
            "dcat:accessURL": {"@id": site.url + path},
            "dcat:downloadURL": {"@id": site.url + path},
            "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/" + media},
            "dct:format": {"@id": EU + "file-type/" + fmt},
            "dct:license": licence,
        }
        for path, fmt, media, about in DISTRIBUTIONS
    ]
    data_set: dict[str, Any] = {
        "@id": base + "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": base + "#dataset",
        "dct:title": _nl(f"{site.name}: cases over maatwerk in de sociale huur"),
        "dct:description": _nl(_description(len(catalog.entries))),
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:license": licence,
        "dct:language": dutch,
        "dct:accessRights": {"@id": EU + "access-right/PUBLIC"},
        "dcat:keyword": [_nl(t.label) for t in catalog.vocabulary.themas.values()],
        "dcat:landingPage": {"@id": site.url},
        "dcat:distribution": [{"@id": d["@id"]} for d in distributions],
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": site.name},
    }
    if newest:
        data_set["dct:modified"] = {"@value": newest, "@type": "xsd:date"}
    catalog_node = {
        "@id": base + "#catalogus",
        "@type": "dcat:Catalog",
        "dct:title": _nl(site.name),
        "dct:description": _nl(f"De open data van {site.name}."),
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:license": licence,
        "dct:language": dutch,
        "foaf:homepage": {"@id": site.url},
        "dcat:dataset": {"@id": data_set["@id"]},
    }
    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": [catalog_node, data_set, *distributions, publisher],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}
