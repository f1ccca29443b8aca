"""The case model: the one source of truth for the case format.

The classes here encode the authoring contract (`docs/case-format.md`). The same classes
validate files, give the JSON Schema that editors use, and list the fields in the author
guide, so a field added here appears everywhere at once. Each field carries its Dutch label
(`title`) and help text (`description`) for those uses.

Input values are the strings exactly as written in YAML (see `loading`); the validators here
decide what a string means for each field, and raise Dutch messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

from annotated_types import MaxLen
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from generator.contract import labels
from generator.contract.uses import Hidden, Part, Use

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_RE = re.compile(r"\d{4}-\d{2}")
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
HTTPS_PATTERN = r"^https://[^\s/$.?#][^\s]*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$"
SLUG_PATTERN = r"^[a-z0-9-]{3,80}$"
PERIOD_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"
"""A date or a month (JJJJ-MM-DD, JJJJ-MM); `parse_period` also checks that it exists."""
# Path segments may not start with a dot, so '..' and hidden files are impossible.
MEDIA_PATTERN = (
    r"^media/([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(jpg|jpeg|png|webp)$"
)


# --- value types -------------------------------------------------------------------------


def parse_date(value: object) -> date:
    """A full date, `YYYY-MM-DD`, that exists in the calendar."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not DATE_RE.fullmatch(value.strip()):
        raise PydanticCustomError(
            "datum",
            "ongeldige datum '{waarde}': schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-03-14",
            {"waarde": _short(value)},
        )
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "datum_bestaat_niet", "datum '{waarde}' bestaat niet", {"waarde": value}
        ) from None


def parse_period(value: object) -> str:
    """A date or a month (`YYYY-MM`), kept as written: pilots often start 'in March'."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and MONTH_RE.fullmatch(value.strip()):
        month = int(value.strip()[5:7])
        if 1 <= month <= 12:
            return value.strip()
        raise PydanticCustomError(
            "datum_bestaat_niet", "maand '{waarde}' bestaat niet", {"waarde": value}
        )
    if isinstance(value, str) and DATE_RE.fullmatch(value.strip()):
        return parse_date(value).isoformat()
    raise PydanticCustomError(
        "periode",
        "ongeldige datum '{waarde}': schrijf JJJJ-MM-DD of JJJJ-MM, bijvoorbeeld 2024-09",
        {"waarde": _short(value)},
    )


def period_key(value: str) -> tuple[int, int, int]:
    """Sort key for a period; a month counts as its first day."""
    parts = [int(p) for p in value.split("-")]
    return (parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


YES = ("true", "ja")
NO = ("false", "nee")
"""What a yes/no field takes, in any case: YAML's words and the Dutch ones authors write."""


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in YES + NO:
        return value.strip().lower() in YES
    raise PydanticCustomError(
        "ja_nee", "kies ja of nee (of true of false), niet '{waarde}'", {"waarde": _short(value)}
    )


def is_yes(value: object) -> bool:
    """Whether a value as written says yes (for rules read before the model validates)."""
    return value is True or (isinstance(value, str) and value.strip().lower() in YES)


def number_as_text(value: object) -> object:
    """`deelnemers` may be written as a number; it is shown as written."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


AMOUNT_RE = re.compile(r"\d{1,12}(\.\d{1,2})?")
"""An amount in euro as a number: digits, and at most two decimals after a point. A point
followed by three digits (`12.500`) is refused: Dutch authors write it for twelve
thousand five hundred, the form's YAML reads it as 12.5, so neither reading is safe."""


def parse_euro(value: object) -> int | float:
    """An amount in euro (`kosten[].euro`): a number of at least 0, kept as a number, so
    the open data carry numbers. Whole amounts stay whole (12500, not 12500.0)."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and AMOUNT_RE.fullmatch(value.strip()):
        number = float(value.strip())
    elif isinstance(value, str) and AMOUNT_RE.fullmatch(value.strip().removeprefix("-")):
        number = -float(value.strip()[1:])
    if number is None or number != number or number in (float("inf"), float("-inf")):
        raise PydanticCustomError(
            "bedrag",
            "'{waarde}' is geen bedrag: schrijf alleen het getal in euro's, zonder € en "
            "zonder punt voor duizendtallen, bijvoorbeeld 12500 of 12500.50",
            {"waarde": _short(value)},
        )
    if number < 0:
        raise PydanticCustomError(
            "bedrag_negatief",
            "een bedrag is 0 of meer, niet {waarde}",
            {"waarde": _short(value) if isinstance(value, str) else str(value)},
        )
    return int(number) if float(number).is_integer() else float(number)


def _short(value: object) -> str:
    text = value if isinstance(value, str) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class Term:
    """The check of a vocabulary term (`themas`, `doelgroepen`): the vocabulary the build
    reads decides, so it comes with the validation context."""

    kind: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        vocabulary = (info.context or {}).get("vocabulary")
        if vocabulary is not None:
            vocabulary.check(self.kind, value)
        return value


Datum = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Periode = Annotated[
    str,
    AfterValidator(parse_period),
    WithJsonSchema({"type": "string", "pattern": PERIOD_PATTERN}),
]
JaNee = Annotated[
    bool,
    BeforeValidator(parse_bool),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "enum": [*YES, *NO, *(w.capitalize() for w in YES + NO)]},
            ]
        }
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    WithJsonSchema({"type": "string", "contentMediaType": "text/markdown"}),
]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=URL_PATTERN)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN)]
HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=HTTPS_PATTERN)]


def each_once(values: list[str]) -> list[str]:
    """A list of terms names each term once: a case that lists its theme 3,000 times (the
    file's limit allows it) would show it 3,000 times on its page."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "dubbele_term",
                "noemt '{term}' meer dan eens; noem elke term één keer",
                {"term": value},
            )
        seen.add(value)
    return values


Thema = Annotated[str, AfterValidator(Term("themas"))]
Doelgroep = Annotated[str, AfterValidator(Term("doelgroepen"))]
Geldstroom = Annotated[str, AfterValidator(Term("geldstromen"))]
T = TypeVar("T")
Terms = Annotated[
    list[T],
    Field(min_length=1, json_schema_extra={"uniqueItems": True}),
    AfterValidator(each_once),
]
"""A case's themes or target groups: at least one, each once."""
Euro = Annotated[
    int | float,
    BeforeValidator(parse_euro),
    WithJsonSchema({"type": "number", "minimum": 0}),
]


class Block(BaseModel):
    """Every mapping in a case file: unknown keys are typos, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- nested blocks -----------------------------------------------------------------------


class Grondslag(Block):
    naam: Annotated[Text, Use(scan="name")] = Field(
        title="Naam",
        description="De wet, regeling of het beleid waar de regel uit komt, met het artikel als "
        "dat kan: bijvoorbeeld 'Huisvestingswet 2014, artikel 12' of de "
        "Huisvestingsverordening van de gemeente.",
        examples=["Wet maatschappelijke ondersteuning 2015"],
    )
    url: Annotated[HttpsUrl | None, Use(scan="url")] = Field(
        None,
        title="Webadres",
        description="Waar de regel te lezen is, bijvoorbeeld op wetten.overheid.nl of "
        "lokaleregelgeving.overheid.nl (https://...).",
        examples=["https://wetten.overheid.nl/BWBR0035362/"],
    )


class Afwijking(Block):
    regel: Annotated[Text, Use(export="csv")] = Field(
        title="Regel",
        description="De regel, het beleid of de standaardwerkwijze waarvan is afgeweken.",
        examples=["Maximale verblijfsduur in de maatschappelijke opvang"],
    )
    toelichting: Markdown = Field(
        title="Toelichting",
        description="Hoe is afgeweken, door wie en waarom.",
        examples=["De gemeente kende de uitkering toe voordat er een vast woonadres was."],
    )
    grondslag: Grondslag | None = Field(
        None,
        title="Grondslag",
        description="De wet, regeling of het beleid waar de regel uit komt, als die openbaar is: "
        "de Regelruimte groepeert de afwijkingen daarop.",
    )


MOST_ITEMS = 50
"""Partners, and deviations from rules, in one case: each partner and each rule's source
gets a page of its own, so one file of thousands would add thousands of pages; a story
names a handful."""


class Partner(Block):
    naam: Annotated[Text, Use(scan="name", export="csv")] = Field(
        title="Naam", description="Naam van de organisatie.", examples=["Iriszorg"]
    )
    rol: Annotated[Text, Use(form="long")] = Field(
        title="Rol",
        description="Wat de partner deed.",
        examples=["Woonbegeleiding en dagelijkse ondersteuning"],
    )
    url: Annotated[Url | None, Use(scan="url")] = Field(
        None,
        title="Website",
        description="Website van de partner (https://...).",
        examples=["https://www.iriszorg.nl"],
    )


class Financiering(Block):
    bron: Annotated[Text, Use(scan="name")] = Field(
        title="Bron",
        description="Wie betaalde (bijv. Wmo, Participatiewet, corporatie).",
        examples=["Wmo (gemeente Doetinchem)"],
    )
    bedrag: Text | None = Field(
        None,
        title="Bedrag",
        description="Bedrag of omvang, als tekst (een bedrag als getal hoort in 'kosten').",
        examples=["€ 12.000 per jaar"],
    )
    toelichting: Annotated[Text | None, Use(form="long")] = Field(
        None,
        title="Toelichting",
        description="Waarvoor het geld is gebruikt.",
        examples=["Woonbegeleiding voor vier bewoners"],
    )


class Kostenpost(Block):
    # One cost line: what for, how much, counted how, and from which budget. (No docstring:
    # pydantic would put it in the JSON Schema, which authors' editors show.)

    model_config = ConfigDict(
        json_schema_extra={"dependentRequired": {"euro": ["eenheid"], "eenheid": ["euro"]}}
    )

    omschrijving: Text = Field(
        title="Omschrijving",
        description="Waarvoor het geld is, bijvoorbeeld 'Woonbegeleiding' of 'Inrichting van "
        "de woning'.",
        examples=["Woonbegeleiding"],
    )
    euro: Euro | None = Field(
        None,
        title="Bedrag in euro",
        description="Het bedrag als getal, zonder € en zonder punt voor duizendtallen: 12500 of "
        "12500.50. Laat het weg als het bedrag niet bekend is; nooit schatten.",
        examples=[12500],
    )
    eenheid: Literal["eenmalig", "per-maand", "per-jaar", "per-huishouden", "totaal"] | None = (
        Field(
            None,
            title="Eenheid",
            description="Hoe het bedrag geldt: eenmalig, per-maand, per-jaar, per-huishouden of "
            "totaal; verplicht bij een bedrag.",
            examples=["per-jaar"],
        )
    )
    betaald_uit: Geldstroom = Field(
        title="Betaald uit",
        description="De geldstroom waaruit het betaald is, uit de woordenlijst (geldstromen), "
        "bijvoorbeeld wmo of woningwet-corporatie.",
        examples=["wmo"],
    )


class Onderbouwing(Block):
    # How well it is known to work: a step on the ladder (`labels.NIVEAU`), why, and
    # where a reader can check it. The JSON Schema says what `check` says: `bron` with
    # the two levels that rest on a report.

    model_config = ConfigDict(
        json_schema_extra={
            "if": {
                "properties": {"niveau": {"enum": list(labels.NIVEAU_MET_BRON)}},
                "required": ["niveau"],
            },
            "then": {"required": ["bron"]},
        }
    )

    niveau: Annotated[
        Literal[
            "idee",
            "praktijkervaring",
            "intern-geevalueerd",
            "extern-geevalueerd",
            "elders-toegepast",
            "erkend",
        ],
        Use(page=Part.FACTS, label="Onderbouwing", export="csv"),
    ] = Field(
        title="Niveau",
        description="Hoe goed bekend is dat het werkt, van laag naar hoog: idee, "
        "praktijkervaring, intern-geevalueerd, extern-geevalueerd, elders-toegepast of "
        "erkend.",
        examples=["intern-geevalueerd"],
    )
    toelichting: Markdown = Field(
        title="Toelichting",
        description="Waarom dit niveau: wat is gemeten of onderzocht, door wie en wanneer.",
        examples=["De partners telden na een jaar hoeveel bewoners een eigen woning hadden."],
    )
    bron: Annotated[Url | None, Use(scan="url")] = Field(
        None,
        title="Bron",
        description="Het evaluatierapport of de vermelding in een databank, zoals die van "
        "Movisie of het NJi (https://...); verplicht bij extern-geevalueerd en erkend.",
        examples=["https://www.example.nl/evaluatie.pdf"],
    )


class Overname(Block):
    # A case this one adopted: on this site (`case`) or elsewhere (`url`), one of the two.

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["case"]}, {"required": ["url"]}]}
    )

    case: Annotated[
        Slug | None,
        Use(scan=Hidden("the name of another case file, scanned as its own file name")),
    ] = Field(
        None,
        title="Case op deze site",
        description="De bestandsnaam (zonder .yaml) van de case op deze site die is "
        "overgenomen; of vul 'url' in.",
        examples=["uitbouw-samenwonen-doetinchem"],
    )
    url: Annotated[HttpsUrl | None, Use(scan="url")] = Field(
        None,
        title="Webadres",
        description="Of: de pagina van de case op een andere Maatwerkbank, of een andere "
        "webpagina over de aanpak (https://...).",
    )
    verschil: Annotated[Text, Use(form="long")] = Field(
        title="Wat is anders",
        description="Wat deze case anders deed dan het origineel, en waarom.",
        examples=[
            "Hier wonen de bewoners elk in een eigen studio in plaats van samen in een huis."
        ],
    )


class Citaat(Block):
    tekst: Annotated[Text, Use(form="long")] = Field(
        title="Tekst",
        description="Het citaat, zonder aanhalingstekens.",
        examples=["Voor het eerst in jaren had ik een eigen sleutel."],
    )
    wie: Annotated[Text, Use(scan="role")] = Field(
        title="Wie",
        description="Een rol, nooit een naam (bijv. 'huurder', 'woonconsulent').",
        examples=["bewoner van de springplankwoning"],
    )


class Afbeelding(Block):
    bestand: Annotated[
        str,
        StringConstraints(strip_whitespace=True, pattern=MEDIA_PATTERN),
        Use(scan="file"),
    ] = Field(
        title="Bestand",
        description="Pad vanaf de map cases/, bijv. media/uitbouw.jpg: een PNG-, JPEG- of "
        "WebP-bestand in cases/media/. Het bestand moet bestaan.",
        examples=["media/uitbouw.jpg"],
    )
    alt: Annotated[Text, Use(page=Part.ALT)] = Field(
        title="Alternatieve tekst",
        description="Beschrijf wat er op de afbeelding staat, voor wie haar niet kan zien.",
        examples=["Gelijkvloerse uitbouw met brede deur aan de achterkant van een rijwoning"],
    )
    bijschrift: Text | None = Field(
        None,
        title="Bijschrift",
        description="Korte tekst onder de afbeelding.",
        examples=["De uitbouw na oplevering"],
    )


class Bron(Block):
    titel: Text = Field(
        title="Titel", description="Titel van de bron.", examples=["Evaluatierapport"]
    )
    url: Annotated[Url, Use(scan="url")] = Field(
        title="Webadres",
        description="Webadres van de bron (https://...).",
        examples=["https://www.example.nl/evaluatie.pdf"],
    )


class Contact(Block):
    organisatie: Annotated[Text | None, Use(scan="name")] = Field(
        None,
        title="Organisatie",
        description="Organisatie van het contact.",
        examples=["Woonstichting De Vaart"],
    )
    functie: Annotated[Text | None, Use(scan="role")] = Field(
        None,
        title="Functie of team",
        description="Een rol of team, geen persoonsnaam.",
        examples=["Team Wonen en Zorg"],
    )
    email: Annotated[Email | None, Use(scan="email")] = Field(
        None,
        title="E-mail",
        description="Een team- of functiemailbox.",
        examples=["wonenenzorg@example.nl"],
    )
    telefoon: Annotated[Text | None, Use(scan="phone")] = Field(
        None,
        title="Telefoon",
        description="Algemeen nummer van de organisatie.",
        examples=["0314 123 456"],
    )
    url: Annotated[Url | None, Use(scan="url")] = Field(
        None,
        title="Website",
        description="Webpagina voor contact.",
        examples=["https://www.example.nl"],
    )

    @model_validator(mode="after")
    def _at_least_one(self) -> Contact:
        if not any((self.organisatie, self.functie, self.email, self.telefoon, self.url)):
            raise PydanticCustomError("contact_leeg", "vul minstens één contactveld in", {})
        return self


class Toestemming(Block):
    vastgelegd_op: Datum = Field(
        title="Vastgelegd op",
        description="Datum waarop de toestemming is vastgelegd.",
        examples=["2025-01-15"],
    )
    geldig_tot: Datum = Field(
        title="Geldig tot",
        description="Tot wanneer de toestemming geldt; daarna wordt de case niet meer "
        "gepubliceerd, ook als herleidbaar false is.",
        examples=["2027-01-15"],
    )


class Uitzondering(Block):
    soort: Literal[
        "bsn",
        "iban",
        "telefoonnummer",
        "e-mailadres",
        "adres",
        "postcode",
        "geboortedatum",
        "naam",
        "kenteken",
        "dossiernummer",
        "inloggegevens",
        "ip-adres",
        "gebruikersnaam",
    ] = Field(title="Soort", description="Wat voor gegeven het lijkt.", examples=["telefoonnummer"])
    waarde: Annotated[
        Text, Use(scan=Hidden("the reviewed value itself, which the scan is to pass over"))
    ] = Field(
        title="Waarde",
        description="De tekst zoals hij in de case staat.",
        examples=["0314 123 456"],
    )
    reden: Annotated[Text, Use(scan=Hidden("the editors' note; never published"))] = Field(
        title="Reden",
        description="Waarom dit geen persoonsgegeven is; wie het heeft nagekeken.",
        examples=["Algemeen nummer van het gemeentelijk zorgloket (nagekeken door de redactie)"],
    )


class Privacy(Block):
    herleidbaar: JaNee = Field(
        False,
        title="Herleidbaar",
        description="ja (true) als een lezer een persoon in het verhaal zou kunnen herkennen "
        "(kleine pilot, genoemde straat, zeldzame situatie).",
        examples=[False],
    )
    toestemming: Toestemming | None = Field(
        None,
        title="Toestemming",
        description="Verplicht bij herleidbaar: true; vastgelegd_op en geldig_tot.",
    )
    uitzonderingen: Annotated[
        list[Uitzondering] | None,
        Use(form=Hidden("reviewed allowances are the editors' business, in the file")),
    ] = Field(
        None,
        title="Uitzonderingen",
        description="Nagekeken tekst die op een persoonsgegeven lijkt maar het niet is, met de "
        "reden; de controle slaat precies deze waarde dan over.",
    )


class PilotBlok(Block):
    fase: Annotated[
        Literal["voorbereiding", "lopend", "afgerond", "gestopt", "opgeschaald"],
        Use(page=Part.FACTS, export="csv"),
    ] = Field(title="Fase", description="Waar de pilot nu staat.", examples=["lopend"])
    start: Annotated[Periode, Use(export="csv")] = Field(
        title="Start", description="Startdatum, JJJJ-MM-DD of JJJJ-MM.", examples=["2024-09"]
    )
    einde: Annotated[Periode | None, Use(export="csv")] = Field(
        None,
        title="Einde",
        description="Einddatum, JJJJ-MM-DD of JJJJ-MM; niet voor de start.",
        examples=["2025-08"],
    )
    deelnemers: (
        Annotated[
            str,
            BeforeValidator(number_as_text),
            StringConstraints(strip_whitespace=True, min_length=1),
            WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}),
        ]
        | None
    ) = Field(
        None,
        title="Deelnemers",
        description="Aantal deelnemers, als getal of tekst.",
        examples=["3 à 4 bewoners"],
    )
    maximale_duur: Text | None = Field(
        None,
        title="Maximale duur",
        description="Hoe lang iemand mag deelnemen.",
        examples=["6 maanden"],
    )
    evaluatie: Annotated[Markdown | None, Use(page=Part.SECTION)] = Field(
        None,
        title="Evaluatie",
        description="Hoe en wanneer wordt geëvalueerd, en wat kwam eruit.",
        examples=["Na een jaar evalueren de partners samen met de bewoners."],
    )


# --- the case ----------------------------------------------------------------------------

NEVER_PUBLISHED = (
    "consent records and reviewed allowances are for the editors: never published, not even "
    "in the open data"
)


class Case(Block):
    """One case story. Field order is the order authors write and readers read."""

    soort: Annotated[Literal["casus", "pilot"], Use(page=Part.FACTS, export="csv")] = Field(
        title="Soort",
        description="casus of pilot; een pilot heeft ook het blok 'pilot'.",
        examples=["casus"],
    )
    titel: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=5, max_length=120),
        Use(page=Part.TITLE, export="csv"),
    ] = Field(
        title="Titel",
        description="Korte, concrete titel, 5 tot 120 tekens.",
        examples=["Springplankwoning: in zes maanden van de opvang naar een eigen huis"],
    )
    samenvatting: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=20, max_length=500),
        Use(page=Part.LEAD, export="csv", form="long"),
    ] = Field(
        title="Samenvatting",
        description="Twee of drie zinnen gewone tekst, 20 tot 500 tekens; verschijnt in lijsten, "
        "zoekresultaten en de feed.",
        examples=["Drie tot vier mensen uit de opvang huren samen een huis ..."],
    )
    organisatie: Annotated[Text, Use(scan="name", page=Part.FACTS, export="csv")] = Field(
        title="Organisatie",
        description="De corporatie of organisatie die de case publiceert.",
        examples=["Woonstichting De Vaart"],
    )
    gemeente: Annotated[Text, Use(scan="name", page=Part.FACTS, export="csv")] = Field(
        title="Gemeente", description="De gemeente waar het gebeurde.", examples=["Doetinchem"]
    )
    regio: Annotated[Text | None, Use(scan="name", page=Part.FACTS, export="csv")] = Field(
        None,
        title="Regio",
        description="Bijvoorbeeld de woningmarktregio.",
        examples=["Achterhoek"],
    )
    themas: Annotated[Terms[Thema], Use(page=Part.FACTS, export="csv")] = Field(
        title="Thema's",
        description="Minstens één thema uit de woordenlijst.",
        examples=[["dakloosheid", "wonen-en-zorg"]],
    )
    doelgroepen: Annotated[Terms[Doelgroep], Use(page=Part.FACTS, export="csv")] = Field(
        title="Doelgroepen",
        description="Minstens één doelgroep uit de woordenlijst.",
        examples=[["dak-en-thuislozen"]],
    )
    status: Annotated[
        Literal["concept", "gepubliceerd", "gearchiveerd"], Use(page=Part.FACTS, export="csv")
    ] = Field(
        title="Status",
        description="concept (niet publiceren), gepubliceerd of gearchiveerd (blijft zichtbaar "
        "met een melding).",
        examples=["gepubliceerd"],
    )
    bijgewerkt: Annotated[
        Datum, Use(page=Part.FACTS, label="Laatst gecontroleerd", export="csv")
    ] = Field(
        title="Bijgewerkt",
        description="Wanneer de inhoud voor het laatst is gecontroleerd; niet in de toekomst.",
        examples=["2025-03-14"],
    )
    publiceren_vanaf: Annotated[
        Datum | None,
        Use(page=Hidden("an embargo: it decides when the case appears, and has passed then")),
    ] = Field(
        None,
        title="Publiceren vanaf",
        description="Embargo: niet publiceren voor deze datum.",
        examples=["2025-06-01"],
    )
    aanleiding: Annotated[Markdown, Use(page=Part.SECTION)] = Field(
        title="Aanleiding",
        description="De situatie en de vraag van huurders of partners; opmaak met Markdown mag.",
        examples=["Mensen in de opvang konden niet doorstromen ..."],
    )
    aanpak: Annotated[Markdown, Use(page=Part.SECTION)] = Field(
        title="Aanpak",
        description="Wat is er gedaan, en door wie; opmaak met Markdown mag.",
        examples=["De corporatie stelde een eengezinswoning beschikbaar ..."],
    )
    resultaten: Annotated[Markdown | None, Use(page=Part.SECTION)] = Field(
        None,
        title="Resultaten",
        description="Wat het opleverde, met cijfers waar die er zijn.",
        examples=[
            "Van de eerste zeven bewoners vonden er vijf binnen zes maanden een eigen woning."
        ],
    )
    onderbouwing: Annotated[
        Onderbouwing | None, Use(page=Part.SECTION, label="Hoe goed werkt het?")
    ] = Field(
        None,
        title="Onderbouwing",
        description="Hoe goed bekend is dat de aanpak werkt, en waarom: van een idee tot erkend "
        "in een landelijke databank.",
    )
    afwijkingen: Annotated[
        Annotated[list[Afwijking], MaxLen(MOST_ITEMS)] | None,
        Use(page=Part.SECTION, label="Waar is afgeweken van de regels?"),
    ] = Field(
        None,
        title="Afwijkingen van regels",
        description="Van welke regels, beleid of standaardwerkwijzen is afgeweken, en hoe: de kern "
        "van maatwerk.",
    )
    partners: Annotated[
        Annotated[list[Partner], MaxLen(MOST_ITEMS)] | None, Use(page=Part.SECTION)
    ] = Field(None, title="Partners", description="Betrokken organisaties en hun rol.")
    financiering: Annotated[list[Financiering] | None, Use(page=Part.SECTION)] = Field(
        None,
        title="Financiering",
        description="Wie betaalde waarvoor, in woorden. Bedragen als getal en de geldstroom "
        "horen in 'kosten'.",
    )
    kosten: Annotated[
        list[Kostenpost] | None, Use(page=Part.SECTION, label="Wat kost het, en wie betaalt?")
    ] = Field(
        None,
        title="Kosten",
        description="Wat het kost en uit welk budget: per post een omschrijving, het bedrag als "
        "getal, de eenheid en de geldstroom.",
    )
    citaten: Annotated[list[Citaat] | None, Use(page=Part.SECTION)] = Field(
        None,
        title="Citaten",
        description="Uitspraken van betrokkenen; 'wie' is een rol, geen naam.",
    )
    lessen: Annotated[list[Text], Field(min_length=1), Use(page=Part.SECTION, export="csv")] = (
        Field(
            title="Lessen",
            description="Wat anderen kunnen leren, ook wat misging; minstens één.",
            examples=[["Gebruik je gezonde verstand in plaats van voor elke uitzondering beleid."]],
        )
    )
    tips_voor_gemeenten: Annotated[
        list[Text], Field(min_length=1), Use(page=Part.SECTION, export="csv")
    ] = Field(
        title="Tips voor gemeenten",
        description="Praktische tips voor gemeenten; minstens één.",
        examples=[["Laat zien dat je mensen vertrouwt."]],
    )
    afbeeldingen: Annotated[list[Afbeelding] | None, Use(page=Part.FIGURE)] = Field(
        None,
        title="Afbeeldingen",
        description="Afbeeldingen uit de map cases/media, met alt-tekst.",
    )
    bronnen: Annotated[list[Bron] | None, Use(page=Part.SECTION)] = Field(
        None, title="Bronnen", description="Rapporten, artikelen of webpagina's (https://...)."
    )
    contact: Annotated[Contact | None, Use(page=Part.SECTION)] = Field(
        None,
        title="Contact",
        description="Een contact bij de organisatie: rol of teammailbox, geen persoonsnaam.",
    )
    gerelateerd: Annotated[
        list[Slug] | None,
        Use(
            scan=Hidden("names of other case files, each scanned as its own file name"),
            page=Part.SECTION,
        ),
    ] = Field(
        None,
        title="Gerelateerde cases",
        description="Bestandsnamen (zonder .yaml) van andere cases.",
        examples=[["uitbouw-samenwonen-doetinchem"]],
    )
    overgenomen_van: Annotated[
        list[Overname] | None, Use(page=Part.SECTION, label="Gebaseerd op")
    ] = Field(
        None,
        title="Overgenomen van",
        description="De case(s) waarop deze aanpak is gebaseerd: een case op deze site of een "
        "pagina elders, met wat er anders is gedaan.",
    )
    privacy: Annotated[
        Privacy | None,
        Use(page=Hidden(NEVER_PUBLISHED), export=Hidden(NEVER_PUBLISHED)),
    ] = Field(
        None,
        title="Privacy",
        description="Of een persoon herkenbaar is, en de toestemming daarvoor.",
    )
    pilot: Annotated[PilotBlok | None, Use(page=Part.PILOT)] = Field(
        None, title="Pilot", description="Verplicht bij soort: pilot, anders weglaten."
    )


def model_fields_at(loc: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The fields of the block at `loc` in a case (for 'did you mean' suggestions)."""
    model: type[BaseModel] = Case
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        found = block_in(info.annotation)
        if found is None:
            return None
        model = found
    return dict(model.model_fields)


# --- reading the model ---------------------------------------------------------------------
# The template, the JSON Schema, the author guide and the web form are all derived from the
# classes above; these helpers are how they read a field's type and constraints.


def block_in(annotation: Any) -> type[BaseModel] | None:
    """The block (nested model) a field holds, directly, in a list or as optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = block_in(arg)
        if found is not None:
            return found
    return None


def is_list(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    return any(is_list(arg) for arg in get_args(annotation) if arg is not type(None))


def has_type(annotation: Any, wanted: type) -> bool:
    """Whether a field holds `wanted` (e.g. `bool`, `date`), possibly optional or annotated."""
    return annotation is wanted or any(has_type(arg, wanted) for arg in get_args(annotation))


def choices_of(annotation: Any) -> list[str]:
    """The values of a choice field (a Literal), else an empty list."""
    if get_origin(annotation) is Literal:
        return [str(a) for a in get_args(annotation)]
    return [c for arg in get_args(annotation) for c in choices_of(arg)]


def field_metadata(info: FieldInfo) -> list[Any]:
    """A field's constraints and validators: pydantic keeps those of a required field in
    `metadata`, those of an optional one inside the annotation."""
    found = list(info.metadata)

    def collect(annotation: Any) -> None:
        found.extend(getattr(annotation, "__metadata__", ()))
        for arg in get_args(annotation):
            collect(arg)

    collect(info.annotation)
    return found


def example_of(info: FieldInfo) -> Any:
    """A field's first example, or None."""
    examples = info.examples or []
    return examples[0] if examples else None


def is_markdown(info: FieldInfo) -> bool:
    return any(
        getattr(m, "json_schema", {}).get("contentMediaType") == "text/markdown"
        for m in field_metadata(info)
    )


def is_terms(info: FieldInfo) -> bool:
    """Whether a field takes vocabulary terms (`themas`, `doelgroepen`)."""
    return any(isinstance(getattr(m, "func", None), Term) for m in field_metadata(info))


def takes_number(info: FieldInfo) -> bool:
    """Whether a text field also takes a whole number (`deelnemers`)."""
    return any(getattr(m, "func", None) is number_as_text for m in field_metadata(info))


def terms_kind(info: FieldInfo) -> str | None:
    """The vocabulary list a field takes its terms from (`themas`, `geldstromen`), or None."""
    return next(
        (m.func.kind for m in field_metadata(info) if isinstance(getattr(m, "func", None), Term)),
        None,
    )


def is_amount(info: FieldInfo) -> bool:
    """Whether a field holds an amount in euro, a number (`kosten.euro`)."""
    return any(getattr(m, "func", None) is parse_euro for m in field_metadata(info))


def is_period(info: FieldInfo) -> bool:
    return any(getattr(m, "func", None) is parse_period for m in field_metadata(info))


def pattern_of(info: FieldInfo) -> str | None:
    return next((str(m.pattern) for m in field_metadata(info) if getattr(m, "pattern", None)), None)


def min_items(info: FieldInfo) -> int | None:
    """The fewest items a list field takes (`themas`, `lessen`: one), else None."""
    return next(
        (int(m.min_length) for m in field_metadata(info) if getattr(m, "min_length", None)),
        None,
    )


def max_items(info: FieldInfo) -> int | None:
    """The most items a list field takes (`partners`: `MOST_ITEMS`), else None."""
    return next(
        (int(m.max_length) for m in field_metadata(info) if getattr(m, "max_length", None)),
        None,
    )


def lengths_of(info: FieldInfo) -> tuple[int, int] | None:
    """Minimum and maximum length, for text the contract bounds both ways (titel, ...)."""
    meta = field_metadata(info)
    low = next((m.min_length for m in meta if getattr(m, "min_length", None)), None)
    high = next((m.max_length for m in meta if getattr(m, "max_length", None)), None)
    return (int(low), int(high)) if low is not None and high is not None else None
