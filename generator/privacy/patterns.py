"""What each kind of personal data looks like in visible text, and where it stands.

`found(text)` gives kind, start and end of every number, address, date of birth, e-mail
address, licence plate, client or dossier number, credential, IP address and account name
in a visible text
(`reading.visible_text`: one space between words, dashes and quotes folded, no invisible
characters). Checks come from maintained libraries where one exists: python-stdnum for
BSN (the 11-test) and IBAN (mod 97), phonenumbers for phone numbers.

Every pattern is bounded: each repetition has a limit, words are at most 40 letters, and a
search resumes after what it found (or one character on), so no text makes a pattern
slower than linear (`tests/test_privacy_corpora.py` holds it on hostile input).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import phonenumbers
import regex
from stdnum import iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn

from generator.privacy import name_finder

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    r"|january|february|march|may|june|july|august|october)\.?"  # `Date of birth: 4 June`
)
_DAY_WORDS = (
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|zestien|zeventien|achttien|negentien|twintig|(?:een|één|twee|drie|vier|vijf|"
    r"zes|zeven|acht|negen)[eë]n(?:twintig|dertig)|dertig|eerste|tweede|derde|vierde|vijfde|"
    r"zesde|zevende|achtste|negende|tiende|elfde|twaalfde|\w{3,12}tiende|twintigste|"
    r"\w{3,12}[eë]ntwintigste|dertigste|eenendertigste)"
)
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2}|’\d{2}|negentien[a-zë]{3,16}|tweeduizend[a-zë]{0,16})"
_DAY = rf"(?:\d{{1,2}}(?:e|ste|de)?|{_DAY_WORDS})"
_BIRTHDAY_OF = (
    r"(?:mevrouw|meneer|mevr\.|mw\.|dhr\.|haar|hem|zijn|hij|zij|de\shuurder|huurder|huurster"
    r"|de\sbewoner|bewoner|bewoonster|moeder|vader|zoon|dochter|oma|opa)"
)
"""Whose birthday a form's field names (`Verjaardag mevrouw: 21 feb.`)."""
_ROMAN_MONTHS = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}}|'\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[-/.]{_MONTHS}[-/.]?(?:\d{{4}}|'\d{{2}})"
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d(?!\d)"
    rf"|\d{{1,2}}\s{_ROMAN_MONTHS}\s(?:19|20)\d\d"
    rf"|{_DAY}\s(?:dag\s)?(?:van\s)?{_MONTHS}(?:\s(?:van\s)?(?:het\s)?(?:jaar\s)?{_YEAR})?(?!\w)"
    rf"|{_MONTHS}\s\d{{1,2}},?\s(?:19|20)\d\d"
    rf"|{_MONTHS}\s{_YEAR}|{_YEAR})"
)
"""A date as Dutch writes it: in figures (`4-6-1958`, `04061958`, `4-6-'58`), with a month
in words or abbreviated (`4 juni 1958`, `4-jun-1958`), in Roman figures (`4 VI 1958`), or a
year alone."""
_FOREIGN_BIRTH_CUES = (
    "geburtsdatum",
    "date de naissance",
    "né le",
    "née le",
    "doğum tarihi",
    "dogum tarihi",
    "geburtstag",
    "geb.-datum",
    "nacido el",
    "nacida el",
    "nato il",
    "nata il",
    "تاریخ تولد",
    "taariikhda dhalashada",
    "data urodzenia",
    "urodzony",
    "urodzona",
    "ur.",
    "fecha de nacimiento",
    "data di nascita",
    "data de nascimento",
    "дата народження",
    "дата рождения",
    "народився",
    "народилася",
    "родился",
    "родилась",
    "تاريخ الميلاد",
    "تاريخ الولادة",
)
"""A date of birth's label in the languages of papers that statushouders and labour
migrants bring (German, French, Turkish, Polish, Spanish, Italian, Portuguese, Ukrainian,
Russian, Arabic, Persian, Somali), in lower case: `doğum tarihi: 12.03.1979`, `data
urodzenia 05.11.1990`."""
_POLISH_BORN = re.compile(r"\bur\. ?\d")
"""The cheap test for Polish `ur.` (born) before a date: `ur.` alone ends `huur.` and
`natuur.` in most stories."""
_DAY_WORD_YEAR = r"(?:0?[1-9]|[12]\d|3[01])\.?\s[^\W\d_]{3,12}\.?\s(?:19|20)\d\d(?!\d)"
"""After a date of birth's label, a day, a month's word in any language and a year (`née le
2 janvier 1944`, `ur. 2 stycznia 1944`, `родился 2 января 1944`)."""
_PLACEHOLDER = (
    r"(?:\$?\{\{?[\w\s.-]{1,40}\}\}?|\[\[?[\w\s.-]{1,40}\]\]?|<[\w\s.-]{1,40}>|«[\w\s.-]{1,40}»"
    r"|%[\w.-]{1,40}%|\([\w\s.-]{1,40}\))"
)
"""A form letter's placeholder left beside its value (`geboortedatum {{geboortedatum}}:
09-08-1966`, `Dossiernummer: [nummer] 2024-11873`, Word's `«Geboortedatum»`, `${bsn}`,
`%nummer%`), or a form's hint (`Geboortedatum (dd-mm-jjjj): ...`)."""
_BIRTH_CUE = (
    r"(?:geboren|geb[._]? ?datum|geb\.?|geboorte[_-]?datum|datum\s(?:van\s)?geboorte|geboortedag"
    r"|gebdat\.?|geboortejaar|geboorte"
    r"|dob|d\.o\.b\.?|birthdate|do[gğ]um\starih[iİı]\u0307?|date of birth|birthday|born on|"
    + "|".join(re.escape(cue) for cue in _FOREIGN_BIRTH_CUES)
    # not `het project vierde zijn eerste`
    + r"|(?:zijn|haar|z'n|m'n|mijn|jouw|uw|d'r)\sverjaardag)"
)
_AGE_WORDS = (
    r"(?:\d{1,3}|(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?"
    r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|honderd|tien|elf"
    r"|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)"
)
"""An age a person turns (`wordt op 4 juni zestig`): with the day, a date of birth."""
_PERSON_SUBJECT = (
    r"(?:ze|zij|hij|meneer|mevrouw|vader|moeder|zoon|dochter|huurder|huurster|bewoner"
    r"|bewoonster|opa|oma|cli[eë]nte?|man|vrouw|jongen|meisje|echtgeno(?:ot|te)|broer|zus"
    r"|zuster|oom|tante|neef|nicht|(?:klein|schoon|stief|pleeg)(?:zoon|dochter|kind)"
    r"|(?:schoon|stief|pleeg)(?:vader|moeder)|groot(?:vader|moeder)|weduwe|weduwnaar"
    r"|buurman|buurvrouw|zwager|schoonzus|vriend|vriendin)"
)
"""Who turns an age or has a birthday (`het buurthuis wordt op 4 juni vijftig` is no one's
date of birth)."""
_BORN_IN = rf"(?:(?:{_DAY}\s{_MONTHS}\s)?{_YEAR}|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d\d)"
"""The date someone `is van`: a year, a day and month in words with their year, figures."""
_NOT_A_PERIOD = r"(?!\w|\s?(?:tot|t/m|-|–)\s?\S|\saf\b)"
"""Not a period (`hij is van 2019 tot 2022 huurder`, `van 2015 af`)."""
_BY_THE_WAY = (
    r"(?:namelijk|zelf|eigenlijk|officieel|ook|dus|echter|overigens|al|pas|allebei|beiden|beide"
    r"|allemaal|volgens\sde\spapieren)(?:\s(?:al|pas|ook|zelf))?"
)
"""A word between `is` and `van` (`is namelijk van 4 juni 1958`)."""
_AGE_END = r"(?:\sjaar)?(?:\soud)?(?=\s?[.,;:!?)]|\s?$|\s(?:en|maar)\s)"


def _turned(low: str) -> bool:
    """The cheap test for the day and year someone turned an age (`4 juni 2023 werd ze
    18`): a year before a ` werd ` (found with `str.find`; most stories say `werd`)."""
    at = low.find(" werd ")
    while at >= 0:
        year = low[max(0, at - 5) : at].rstrip(",")
        if len(year) >= 4 and year[-4:].isdigit():
            return True
        at = low.find(" werd ", at + 6)
    return False


_TURNS_ON = re.compile(rf"wordt (?:op )?{_DAY} {_MONTHS} |wordt {_PERSON_SUBJECT} {_AGE_WORDS}")
"""The cheap test for an age turned on a day: `wordt` is in most texts, the day after it
in few."""
_STARRED_DATE = (
    r"\(\s(?:\d{1,2}\s[a-z]{3,9}\.?\s(?:19|20)\d\d|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)\)"
)
"""A date in brackets after the star of `(* 4 juni 1958)`, born on: Markdown's reading drops
the star, and leaves the space no one writes after a bracket."""
_PERSON_COMMA_DATE = (
    r"\b(?:huurders?|bewoners?|bewoonster|mevrouw|meneer|vader|moeder|zoon|dochter|cli[eë]nt)"
    r",\s(?:\d{1,2}[-/.]\d{1,2}[-/.]19\d\d|\d{1,2}\s[a-z]{3,9}\.?\s19\d\d),"
)
"""A date of the last century set off by commas after a person (`De bewoner, 4-6-1958,
woont alleen`): a date of birth, as a date in brackets is."""
_WHOSE = (
    r"(?:van\s)?(?:de\s|het\s)?(?:hem|haar|mij|meneer|mevrouw|huurders?|bewoners?|bewoonster"
    r"|cli[eë]nt|klant|moeder|vader"
    r"|kind|zoon|dochter|partner|aanvrager"
    r"|(?:mw|mevr|dhr|hr|bew|clt)\.?(?![\w.]))"  # a case note's short forms: `van mw.`, `clt`
)
"""Whose date of birth a cue names (`Geboortedatum huurder: ...`, `DOB bew.: ...`)."""
_FILLER = (
    rf"(?:\s?\((?=\d)|\s?{_PLACEHOLDER}|\s?\||\s?:|\s?,|[\"']\s?[:=]\s?[\"']?|\s?=|\s?;|\s[-–]|\s(?:is|op|in|was|de|rond|omstreeks|ergens|het|jaar|zoals|als|bijvoorbeeld"
    r"|valt|viel|d\.d\.))"
)
_AT = (
    r"(?:\s?@@?\s?|%40|\s?[\[({]\s?(?:at|apenstaartje|apenstaart|apestaart|@)\s?[\])}]\s?"
    r"|\s(?:at|apenstaartje|apenstaart|apestaart)\s|\s?[#*]\s?(?:at|apenstaartje)\s?[#*]\s?|\s?\(a\)\s?)"
)
_DOT = (
    r"(?:\.|%2[Ee]| \. | \.(?=[a-zA-Z])|\. (?=(?i:com|nl|net|org|be|eu|de)\b)"  # `@gmail .com`
    r"|,(?=(?i:com|nl)(?![\w-]))"  # `@gmail,com`: a comma typed for the dot (not `,de`, `,net`)
    r"|\s?[\[({]\s?(?:dot|punt|\.)\s?[\])}]\s?|\s(?:dot|punt)\s)"
)
_PLAIN_NOUN_ENDINGS = "velden|hoven|weiden|weide|akkers|burg"
"""Streets named with a plain noun's ending and no street word (`Zwanenvelden`, `Kleiburg`):
read as streets only with their capital (`_PLAIN_NOUN_STREET`)."""
_STREETS = (
    r"straat|str|laan|ln|weg|wg|plein|pln|gracht|gr|kade|singel|sngl|dreef|drf|hof|steeg|stg|"
    r"pad|dijk|dyk|markt|mrkt|park|prk|erf|veld|akker|allee|baan|dam|plantsoen|boulevard|"
    r"kanaal|wal|haven|ring|poort|hoeve|burcht|straatweg|wijk|oord|zijde|straße|strasse|gasse"
    r"|strjitte|leane|loane|buorren|wei"  # Frisian: `Tsjerkestrjitte 5`
    rf"|{_PLAIN_NOUN_ENDINGS}"  # no street word: `Zwanenvelden 118`, `Kleiburg 4`
)
# A word read whole (possessive: never given back letter by letter), then its ending
# looked at (a look-behind of varying width, which the `regex` package allows).
_STREET_WORD = (
    rf"(?:\b[^\W\d_][\w'-]{{0,40}}+(?<=[\w'-](?i:{_STREETS}))\.?|\b(?=[A-Z])(?i:{_STREETS})\b\.?)"
)
_CAPITAL_STREET_WORD = rf"\b[A-ZÀ-ÖØ-Þ][\w'-]{{0,40}}+(?<=[\w'-](?i:{_STREETS}))\.?"
_LEAD_WORDS = r"(?:\b(?:[A-ZÀ-ÖØ-Þ][\w'-]{0,40}+|de|van|der|den|het|ter|ten|'t)\s){0,3}"
_UNIT_WORDS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEN_WORDS = (
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
)
_NUMBER_WORD_LIST = [
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "honderd",
] + [
    *_TEN_WORDS,
    *(
        unit + ("ën" if unit.endswith("e") else "en") + ten
        for unit in _UNIT_WORDS
        for ten in _TEN_WORDS
    ),
]
"""House numbers in words, to ninety-nine (`acht`, `achtentwintig`, `drieëntwintig`)."""
_NUMBER_WORDS = "(?:" + "|".join(sorted(_NUMBER_WORD_LIST, key=len, reverse=True)) + ")"
_HOUSE_NUMBER = (
    r"(?>\d{1,4})(?!\d)(?:\s?[a-zA-Z]\b|-\d{1,3}\b|-?[IVX]{1,4}\b|\s(?:bis|hoog|huis|boven|beneden)\b"
    r"|-[a-zA-Z]{1,3}\b)?"
)
# Units after a number: `werkveld 12 jaar` is a figure, not an address.
_UNITS = (
    r"(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|keer|uur|procent|euro|mensen|huizen|"
    r"woningen|bewoners|huurders|deelnemers|plekken|kamers|minuten|minuut|kwartier|kilometer|"
    r"km|meter|%)\b"
)
# A number before a unit, or before adjectives and a plural noun (`zeven nieuwe woningen`):
# a quantity, no house number.
_QUANTITY = (
    rf"(?:\s?{_UNITS}|\s(?:[a-zé]{{2,20}}e\s){{1,2}}[a-zé]{{2,30}}(?:en|s)\b"
    r"|\s?%|\s(?:[a-z]{0,20}woningen|[a-z]{0,12}bomen|huizen|bewoners|huishoudens|flats|appartementen|kamers"
    r"|parkeerplaatsen|gezinnen|mensen|huurders|jongeren|ouderen|plekken|[a-z]{0,12}units"
    r"|garages|bergingen|portieken|studio's|lantaarnpalen|panden|gebouwen|blokken|woonblokken)\b)"
)
"""A count after a street, not its house number (`Langs de Kerklaan 40 bomen`, `zeven nieuwe
woningen`)."""
# `in de Kerkstraat op 12 mei` is a date, `in de Molenstraat op 22` an address.
_DATE_AFTER_OP = (
    r"\d{1,2}\s(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december)"
)
_NUMBER_CUE = (
    r"(?:cli[eë]nt|klant|dossier|registratie|huurders?|huurcontract|contract|zaak|relatie|"
    r"(?:bank)?rekening|giro|pas|vreemdelingen|"
    r"debiteur|inschrijf|inschrijvings|aanvraag|referentie|polis|verzekerden|personeels|"
    r"patiënt|patient|indicatie|beschikkings?|BIG|AGB|V|burgerservice|CAK|UWV|SVB|Wmo|Wlz|CIZ"
    r"|uitkerings|paspoort|document|rijbewijs|pas|rol|zorgverzekerings|verzekerings|COA|stadspas"
    r"|A|administratie|EAN|aansluit|ov-chipkaart|chipkaart|kaart)"
    r"(?:[- ]?(?:nummer|nr\.?|no\.?)|-?\s?id\b)|(?:ons|uw)\skenmerk|kenmerk|referentie|dossier"
    r"|paspoort|id-?kaart|identiteitskaart|identiteitsbewijs|rijbewijs|verblijfsvergunning"
    r"|verblijfsdocument|verblijfspas|creditcard|bankpas|betaalpas|AGB-code"
    r"|(?:zorgverzekerings|verzekerings)?polis|bekend\sonder\snummer"
    r"|(?P<file>beschikking|zaak|aanvraag|melding)|EAN(?:-?code)?"
)
_NUMBER_BEFORE_LABEL = re.compile(
    r"""(?<![\w.,/-])
    (?P<number>(?-i:[A-Z]{1,3}-?)?\d(?:[ .-]?\d){4,15}  # `W1234567`, `KL-2093847`
        (?:\s(?:en|of)\s(?-i:[A-Z]{1,3}-?)?\d(?:[ .-]?\d){4,15})?)  # and a second one
    (?![\w.,/-]\d|\w)
    (?:
        (?:\s?[(|:;,=–—-]\s?|\s)(?:het\s|de\s|zijn\s|haar\s)?  # `88271634 (cliëntnummer`, a table
      | (?:\s[a-z]{2,12})?[,;.]\s(?:dat|dit)\s(?:is|was)\s(?:[\w.']{1,15}\s){0,4}?
      | ,?\s(?:(?:is|was|wordt|werd|blijft|zijn|waren|zijnde)\s)(?:[\w.']{1,15}\s){0,4}?
      | \s(?:[a-z]{2,15}\s){0,4}?(?:op\s)?als\s(?:het\s|zijn\s|haar\s)?
    )
    (?P<label>(?:cli[eë]nt|klant|dossier|registratie|huurders?|huurcontract|contract|zaak|relatie
      |debiteur|inschrijf|inschrijvings|uitkerings|vreemdelingen|V|patiënt|patient|polis
      |verzekerden|personeels|stadspas|administratie|burgerservice)[- ]?(?:nummer|nr\b\.?)s?)
    (?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
"""A client's, dossier or registration number before its label, said to be one (`Uitkering
12345678 is het klantnummer`, `88271634 (cliëntnummer WMO)`, `gaf 88271634 op als
cliëntnummer`, `..., dat is haar debiteurnummer`, a table's cells): five figures and more,
letters before them too; not the numbers of many (`klantnummers`), unless whose they are is
said (`zijn haar klantnummers`)."""


def _numbers_before_labels(text: str, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """`_NUMBER_BEFORE_LABEL` tried at the first run of digits of each number, and at the
    capitals and dash before it (`KL-2093847`): tried at every word, it cost more than the
    rest of its kind's reading (docs/trust-and-privacy.md)."""
    for start, _ in runs:
        if start >= 2 and text[start - 1] in " .-" and text[start - 2].isdigit():
            continue  # a later group of a number already tried (`1203 8475 62`)
        at = start - (text[start - 1 : start] == "-")
        while at > max(0, start - 4) and text[at - 1].isupper():
            at -= 1
        match = _NUMBER_BEFORE_LABEL.match(text, at) if at < start else None
        match = match or _NUMBER_BEFORE_LABEL.match(text, start)
        if match is not None:
            yield match


_OWNED_BY_A_BODY = re.compile(
    r"\s(?:van|voor)\s(?:de|het|deze|dit)\s[a-z-]{0,20}(?:corporatie|gemeente|stichting|vereniging"
    r"|voorstel|besluit|project|rapport|brief|organisatie|bedrijf|aannemer|woonvisie|provincie"
    r"|ministerie|fonds|regeling|subsidie|aanvraag van de gemeente)\b"
)
"""A number said to be a body's or a document's own (`... is het registratienummer van het
raadsvoorstel`, `... van de woningcorporatie`): no person's; `bij de gemeente` is where a
person's number is kept, and stays found."""
_BODY_NUMBER_BEFORE = re.compile(
    r"(?i:kvk|kvk-nummer|kamer van koophandel|rsin|btw(?:-id)?)\W{0,3}$"
)
_WHOSE_PLURAL = re.compile(r"\b(?i:haar|zijn|hun|mijn|meneers|mevrouws)\s$")
_PUBLICATION_BEFORE = re.compile(
    r"(?i:staatscourant|stcrt\.?|staatsblad|stb\.?|gemeenteblad|provinciaal blad|kamerstuk(?:ken)?"
    r"|kamerdossier|handelingen|trb\.?)[\s\d,.]{0,12}$"
)
"""A publication's number before a label (`Staatscourant 2023, 28471 is het ...`): public."""
_AMOUNT_OR_DATE = re.compile(
    r"\d{1,3}(?:\.\d{3})+|\d{1,2}([-.])\d{1,2}\1(?:19|20)?\d\d|(?:19|20)\d\d([-.])\d{1,2}\2\d{1,2}"
)
"""An amount in thousands (`250.000`) or a date (`31-12-2025`, `2024-03-20`): no client's
number."""
_PLATE_GROUPS = (
    (2, "L", 2, "D", 2, "D"),
    (2, "D", 2, "D", 2, "L"),
    (2, "D", 2, "L", 2, "D"),
    (2, "L", 2, "D", 2, "L"),
    (2, "L", 2, "L", 2, "D"),
    (2, "D", 2, "L", 2, "L"),
    (2, "D", 3, "L", 1, "D"),
    (1, "D", 3, "L", 2, "D"),
    (2, "L", 3, "D", 1, "L"),
    (1, "L", 3, "D", 2, "L"),
    (3, "L", 2, "D", 1, "L"),
    (1, "L", 2, "D", 3, "L"),
    (1, "D", 2, "L", 3, "D"),
    (3, "D", 2, "L", 1, "D"),
)


_SIDECODES = frozenset(
    "".join(("L" if kind == "L" else "D") * n for n, kind in zip(g[::2], g[1::2], strict=True))
    + "|"
    + ".".join(str(n) for n in g[::2])
    for g in _PLATE_GROUPS
)


def plate_in_words(value: str) -> bool:
    """Whether three groups joined in a file name or slug (`12-ghj-3`, `gb_123_x`) are a
    licence plate: a sidecode's shape, and letters without vowels, as the RDW issues them
    (`12-van-3` is no plate)."""
    plate = value.upper().replace("_", "-")
    letters = [c for c in plate if c.isalpha()]
    return bool(letters) and not any(c in "AEIOU" for c in letters) and _plate_shape(plate)


def _plate_shape(value: str) -> bool:
    """Whether three groups of letters and digits form a Dutch sidecode (1 to 14): each
    group all letters or all digits, in one of the RDW's shapes."""
    groups = re.split(r"[- .]", value)
    if len(groups) == 1:  # written without separators: every way to cut it
        text = value
        return any(
            _plate_shape(f"{text[:a]}-{text[a:b]}-{text[b:]}")
            for a in range(1, 4)
            for b in range(a + 1, min(a + 4, len(text)))
        )
    if len(groups) != 3 or not all(g.isalpha() or g.isdigit() for g in groups):
        return False
    kinds = "".join("L" * len(g) if g.isalpha() else "D" * len(g) for g in groups)
    lengths = ".".join(str(len(g)) for g in groups)
    return f"{kinds}|{lengths}" in _SIDECODES


PATTERNS: tuple[tuple[str, Any], ...] = (
    (
        "inloggegevens",
        re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://[^\s/@:]{1,64}(?::[^\s/@]{0,64})?@", re.I),
    ),
    (
        "e-mailadres",
        # Starts only where a run of address characters starts, and does not give any of it
        # back: a long word with an `@` somewhere after it is read once, not once per letter.
        re.compile(
            rf"[\w.+-](?<![\w.+-][\w.+-])[\w.+-]{{0,63}}+(?: \. [\w+-]{{1,63}}+){{0,3}}"
            rf"{_AT}[\w-]{{1,63}}"
            rf"(?:{_DOT}[\w-]{{1,63}}){{0,4}}"
            rf"{_DOT}[a-zA-Z]{{2,12}}\b",
            re.IGNORECASE,
        ),
    ),
    ("iban", re.compile(r"[A-Za-z](?<!\w[A-Za-z])[A-Za-z] ?\d{2}(?:[ .-]?[A-Za-z0-9]){11,32}")),
    ("bsn", re.compile(r"(?<![\w.,-])(?:\d[ .-]?){8}\d(?!\w|[.,-]\d)")),
    (
        "geboortedatum",
        re.compile(
            rf"\b{_BIRTH_CUE}(?:\s?/?\s{_WHOSE}|{_FILLER}){{0,4}}\s?(?:{_DATE}|{_DAY_WORD_YEAR})"
            rf"|\bgeboren\s(?:in|op|te)\s(?:[A-Z][\w'-]{{1,25}},?\s){{1,3}}(?:op\s)?{_DATE}"
            rf"|\b(?:op|in|werd|is|was|kwam)\s{_DATE}(?:\s[^\W\d]{{1,20}}){{0,3}}"
            rf"\s(?:geboren|ter\swereld)\b"
            rf"|(?<![\w°])°\s?{_DATE}"
            rf"|(?<![\w*])\*\s?(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|'\d{{2}})"
            rf"|\d{{1,2}}\s{_MONTHS}\s{_YEAR})"  # `(*14-05-2009)`: born on
            rf"|\b(?:ik|u|je|partner|mw\.|mevr\.|dhr\.|{_PERSON_SUBJECT})\s(?:is|was|ben|bent)"
            rf"(?:\s{_BY_THE_WAY})?\svan\s(?:het\sjaar\s)?{_BORN_IN}{_NOT_A_PERIOD}"
            # the word order turned round (`volgens de brief is mevrouw van 12 maart 1958`),
            # in a clause (`omdat ze van 14 april 1960 is`, `de huurder, die van 1960 is`),
            # more than one (`de kinderen zijn van 2010 en 2012`)
            rf"|\b(?:is|was)\s(?:de\s)?(?:partner|mw\.|mevr\.|dhr\.|{_PERSON_SUBJECT})"
            rf"(?:\s{_BY_THE_WAY})?\svan\s(?:het\sjaar\s)?{_BORN_IN}{_NOT_A_PERIOD}"
            rf"|\b(?:dat|omdat|want|als|hoewel|aangezien|nu|doordat|of)\s(?:de\s)?"
            rf"(?:partner|mw\.|mevr\.|dhr\.|{_PERSON_SUBJECT})\svan\s{_BORN_IN}\s(?:is|was)\b"
            rf"|\b(?:partner|{_PERSON_SUBJECT}),\sdie\svan\s{_BORN_IN}\s(?:is|was)\b"
            rf"|\b(?:ze|zij|we|wij|beiden|kinderen|huurders|bewoners|ouders|zonen|dochters|zussen"
            rf"|broers|tweeling|kleinkinderen)\szijn(?:\s{_BY_THE_WAY})?\svan\s{_BORN_IN}"
            rf"(?:(?:,\s|\sen\s){_BORN_IN}){{0,4}}{_NOT_A_PERIOD}"
            rf"|\b(?:(?:mede|hoofd)?huurders?|(?:mede|hoofd)?huurster|bewoners?|bewoonster|mevrouw|meneer|man|vrouw"
            rf"|vader|moeder|zoon|partner|dochter|hij|zij|kind|jongen|meisje|baby)\s[(\[](?:\*|van|v\.)?\s?"
            rf"(?:'\d{{2}}|19\d\d"
            rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d\d|\d{{1,2}}\s{_MONTHS}\s{_YEAR})[)\]]"
            rf"|\bjarig(?:\sop|\sis\sop)?\s{_DAY}\s{_MONTHS}"
            rf"|\b{_PERSON_SUBJECT}\swordt\s(?:op\s)?{_DAY}\s{_MONTHS}\s{_AGE_WORDS}{_AGE_END}"
            rf"|\bop\s{_DAY}\s{_MONTHS}\swordt\s{_PERSON_SUBJECT}\s{_AGE_WORDS}{_AGE_END}"
            # `Op 4 juni 2023 werd ze achttien`: the day and year someone turned an age
            rf"|\b(?:op\s)?{_DAY}\s{_MONTHS}\s(?:19|20)\d\d,?\swerd\s(?:de\s)?"
            rf"(?:partner|{_PERSON_SUBJECT})\s{_AGE_WORDS}{_AGE_END}"
            rf"|\b{_PERSON_SUBJECT}\sviert\s(?:op\s)?{_DAY}\s{_MONTHS}\s(?:zijn|haar|z'n|d'r)\s"
            r"(?:\d{1,3}(?:e|ste|de)\s|[a-z]{3,20}ste\s)?verjaardag"
            rf"|\b{_PERSON_SUBJECT}\sverjaar(?:t|de)\s(?:op\s)?{_DAY}\s{_MONTHS}"
            rf"|\b(?:op\s)?{_DAY}\s{_MONTHS}\s?[,(–—-]?\s?(?:zijn|haar|z'n|d'r)\s"
            # `Op 4 juni, haar 18e verjaardag,`, `4 juni (zijn verjaardag)`
            r"(?:(?:\d{1,3}(?:e|ste|de)|[a-z]{3,20}ste)\s)?verjaardag"
            rf"|\b(?:op\s)?{_DAY}\s{_MONTHS}\s?[,(–—-]?\s?de\sverjaardag\svan\s(?:de\s|het\s)?"
            rf"(?:partner|{_PERSON_SUBJECT})\b"
            r"|\b(?:\d{1,3}(?:e|ste|de)|[a-z]{3,20}ste)\sverjaardag(?:\s(?:is|valt|was|viel))?"
            rf"\sop\s(?:{_DAY}\s{_MONTHS}(?!\w)|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])(?![-/.]?\d))"
            # `haar 18e verjaardag op 4 juni`, `op 04-06`: an age and a day
            r"|(?:\b(?:zijn|haar|z'n|m'n|mijn|jouw|uw|d'r)\sverjaardag(?:\s(?:is|valt))?(?:\sop)?\s?:?"
            r")\s(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])(?![-/.]?\d)"
            # a form's field, pasted: `verjaardag: 12-08`, `| Geboortedag | 21 feb |`,
            # `Verjaardag mevrouw: eenentwintig februari`; not `verjaardag: 1-2 keer per maand`
            rf"|(?<!sinterklaas' )(?<!sinterklaas )"  # `Sinterklaas' verjaardag: 5 december`
            rf"\b(?:verjaardag|geboortedag)(?:\s(?:van\s)?{_BIRTHDAY_OF})?\s?[:|]?\s?"
            r"(?:(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])(?![-/.]?\d)(?!\s?(?:keer|x)\b)"
            rf"|{_DAY}\s{_MONTHS}(?!\w))"
            rf"|{_PERSON_COMMA_DATE}|{_STARRED_DATE}"
            rf"|\b(?-i:born),?\s(?:in\s)?(?:{_MONTHS}\s)?(?:19|20)\d\d(?!\d)"  # not `Born`
            r"|\(\*\s?(?:19|20)\d\d\)",
            re.IGNORECASE,
        ),
    ),
    (
        "adres",
        regex.compile(
            rf"(?i:\b(?:huis)?(?:nummer|nr\.?|no\.?)\s?)(?:{_HOUSE_NUMBER}|(?i:{_NUMBER_WORDS})\b)"
            rf"(?:\s(?:van|aan|in|op)\s(?:de\s|het\s)?|,\s){_STREET_WORD}"
            rf"|{_LEAD_WORDS}{_STREET_WORD},?\s\(?(?:op\s(?!{_DATE_AFTER_OP}))?"
            rf"(?i:(?:huis\s?)?(?:nummer|nr\.?|no\.?)\s?|huis\s)?\#?{_HOUSE_NUMBER}(?!{_QUANTITY}|[,.]\d)"
            rf"|(?:{_CAPITAL_STREET_WORD}|\b(?=[A-Z])(?i:{_STREETS})\b"
            # said, as a transcript writes it: `op de lindelaan zesendertig`
            rf"|(?<=\b(?:(?:op|aan|in|bij|naar)(?:\s(?:de|het))?|woont|woonde)\s)[a-z]{{2,30}}(?:{_STREETS})\b)"
            rf",?\s(?:(?:ehm|eh|ehh|uhm|uh|euh|hmm|hm),?\s){{0,2}}(?i:(?:op\s)?(?:huis)?nummer\s)?"
            rf"(?i:{_NUMBER_WORDS})\b(?!{_QUANTITY})",
            regex.VERSION0,
        ),
    ),
    (
        "postcode",
        re.compile(
            # (a house number never starts with a nought: `2024-CM-0192` is a work's code)
            r"[1-9](?<!\w[1-9])\d{3}(?:-(?!SA|SD|SS)[A-Z]{2}[- ][1-9]\d{0,3}[a-zA-Z]?\b|"
            r"\s?(?:(?!SA|SD|SS)[A-Z]{2}\b(?!\s0\d)(?:\s\d{1,4}[a-zA-Z]?\b)?"
            r"|(?!SA|SD|SS)[A-Z]{2}\d{1,4}[a-zA-Z]?\b"  # house number written on: `7001AB12`
            r"|[a-z]{2}\s\d{1,4}[a-z]?\b(?!\s?" + _UNITS + ")"
            r"|(?<=\d\s)[a-z]{2}(?=[.,;:!?)]|$|\s[A-ZÀ-Þ][a-zà-ÿ])"  # `naar 7004 jk.`
            r"|[a-zA-Z]{2}\b(?:(?<=ostcode \d{4}[a-zA-Z]{2})|(?<=ostcode: \d{4}[a-zA-Z]{2})"
            r"|(?<=ostcode \d{4} [a-zA-Z]{2})|(?<=ostcode: \d{4} [a-zA-Z]{2})"
            r"|(?<=ostcode is \d{4}[a-zA-Z]{2})|(?<=ostcode is \d{4} [a-zA-Z]{2}))"
            r"|-(?!SA|SD|SS)[A-Z]{2}\b(?!-)"  # `7004-HK`
            r"|[a-z]{2},?\s(?=(?:huisnummer|nummer|nr\.?)\s?\d)))"
        ),
    ),
    (
        "kenteken",
        # Three groups of letters and digits (dashes, spaces in capitals, or none in
        # capitals): the candidates; `_plate_shape` holds them to the sidecodes.
        re.compile(
            r"[A-Za-z0-9](?<![\w-][A-Za-z0-9])(?:[A-Za-z0-9]{0,2}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}"
            r"|(?<=[A-Z0-9])[A-Z0-9]{0,2} [A-Z0-9]{1,3} [A-Z0-9]{1,3}|(?<=[A-Z0-9])[A-Z0-9]{5}"
            r"|(?<=[A-Z0-9])[A-Z0-9]{0,2}\.[A-Z0-9]{1,3}\.[A-Z0-9]{1,3}"  # `12.ABC.3`
            r"|(?<=[a-z0-9])[a-z0-9]{5})"  # `gb123k`: typed in lower case, without dashes
            r"(?!\w|-\w)"
        ),
    ),
    (
        "dossiernummer",
        re.compile(
            rf"(?i:\b{_NUMBER_CUE})\)?(?:\s?[:|;]{{1,2}})?(?:\s?{_PLACEHOLDER})?(?P<words>(?:\s(?!\d)\(?[^\W\d]{{1,25}}\.?\)?){{0,8}}?)"
            r"(?:\s?[:|,]|\s-)?\s?(?:[#(]\s?)?(?:(?i:nr)\.?\s?|(?i:nummer)\s)?"
            # five digits and more in groups (`V-nummer 27 1133 4480`, `Cliëntnr. 559 204`,
            # `W 1234 5678`), or one code (`W12345678`, `w12.345.678`)
            r"(?P<number>(?:[A-Z]{1,2} )?(?=(?:\d ?){5})\d{1,4}(?: \d{1,4}){1,5}(?!\d)"
            r"|(?=[A-Za-z0-9./-]{0,24}\d[A-Z0-9./-]{0,24}\d[A-Z0-9./-]{0,24}\d)"
            r"[A-Za-z0-9][A-Z0-9./-]{2,24}[A-Z0-9]\b)"
        ),
    ),
)
# Every start is tried (`overlapped`): a run of digits holds a BSN wherever it starts.
_BSN_EVERYWHERE = regex.compile(dict(PATTERNS)["bsn"].pattern, regex.VERSION0)
_STREET_ENDINGS = tuple(_STREETS.split("|"))
STREET_ENDINGS = _STREETS
"""The endings of a street's name, as a pattern's alternatives (`straat|laan|...`)."""
_STREET_SET = frozenset(_STREET_ENDINGS)
_STREET_WORDS: tuple[str, ...] = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel")
_STREET_WORDS += ("dreef", "hof", "straße", "strasse", "gasse")


def _street_word_in(low: str) -> bool:
    """Whether a lower-case text has a common street ending (substring tests, in C)."""
    return any(word in low for word in _STREET_WORDS) or "dijk" in low or "markt" in low


# Two letters after four digits that are Dutch words, not a postcode (`in 2024 op 12 ...`).
_NOT_POSTCODE_LETTERS = {"en", "in", "is", "op", "om", "te", "de", "al", "of", "ze", "er"}
_NOT_POSTCODE_LETTERS |= {"na", "nu", "zo", "ik", "je", "we", "uw", "ad", "bv", "nr", "tm", "af"}
_NOT_POSTCODE_LETTERS |= {"ca", "pp", "vs", "ex", "ja", "ok", "nl", "eu", "mr", "dr", "co"}
# units after a figure (`ruim 1200 km.`)
_NOT_POSTCODE_LETTERS |= {"km", "kg", "mg", "ml", "cm", "mm", "dm", "ha", "kw", "pk", "mb", "gb"}
_PHONE_HINT = re.compile(r"[+0]\d[\d\s\-()./]{7,20}\d")
MOST_PHONE_HINTS = 1000
"""Runs of digits that may be a phone number, per text, that phonenumbers weighs one by one
(its matcher parses every candidate: 80,000 of them take seconds, and it stops unseen after
65,535); a text with more is refused whole (`found` reports them unverified)."""
_MOBILE_SHAPE = re.compile(
    r"(?<![\d+])06(?:[\s./-]?\d{8}|[\s./-]?\d{4}[\s.]\d{4}|[\s./-]?\d{2}(?:[\s.]\d{2}){3})(?!\d)"
)
"""A Dutch mobile number's shape, also in a range no operator has (`06-98765432`), which
phonenumbers does not count as valid: no story has a reason to hold one."""
_PASSWORD = re.compile(
    r"(?i:\b(?:wachtwoord|password|passwd|inlogcode|pincode|(?:ww|pw|pwd|pass)(?=\s?[:=;]|\s\S*\d))\b)"
    r"(?:\s(?i:van|is|was|de|het|huurder|haar|zijn|hun|luidt|en|met)){0,4}\s?[:=;]{0,2}\s?"
    r"(?:(?:\s[^\W\d]{1,20}){0,8}?(?:\s(?i:is|was|luidt|werd|wordt)\s|\s?:\s?|\s\())?"
    r"((?=[^\s,;]*\d)(?=[^\s,;]*[A-Za-z])[^\s,;()]{5,40}?)(?=[.!?)\]]{0,3}(?:\s|$)|[,;])"
)
"""A password written out (`wachtwoord van de huurder is Welkom123`, `het wachtwoord van
het gedeelde account is Zomer2024!`, `Wachtwoord van het account: Welkom123`): letters and
a digit after the word, or after a few words and `is` or a colon, as in a link's query."""
_PASSWORD_WORDS: tuple[str, ...] = ("wachtwoord", "password", "inlogcode", "pincode")
_PASSWORD_WORDS += ("ww:", "ww=", "ww :", "ww =", "pw:", "pw=", "pw :", "pw =", "pwd", "pass:")
_PASSWORD_WORDS += ("pass :", "pass=", "passwd", "ww;", "pw;", " ww ")
_LOGIN_PAIR = re.compile(
    r"(?i:\b(?:inlog|login|inloggegevens|digid|account)\b)(?:\s[\w-]{1,20}){0,2}\s?[:=]\s?"
    r"([^\W_][\w.@-]{1,44})\s?/\s?((?=[^\s,;]*\d)(?=[^\s,;]*[A-Za-z])[^\s,;/]{5,40})"
)
"""A user name and its password after `inlog` (`inlog mijnportaal: s.haile / Welkom123`)."""
_PIN = re.compile(
    r"(?i:\bpin(?:code)?\b)(?:\s[^\W\d]{1,20}){0,6}?(?:\s(?i:is|was|luidt|werd)\s|\s?[:=]\s?)"
    r"(\d{4,6})(?!\d)"
)
"""A bank card's or a phone's PIN said in words (`De pincode van haar bankpas is 4821`)."""
_STAR_DATE = re.compile(r"\*\s?\d")
_COMMA_DATE = re.compile(_PERSON_COMMA_DATE)
_STARRED = re.compile(_STARRED_DATE)
_DATE_IN_BRACKETS = re.compile(
    r"[(\[](?:\*|van|v\.)?\s?\d{1,2}(?:[-/.]\d{1,2}[-/.]|\s[a-z]{3,9}\.?\s)(?:19|20)\d\d[)\]]"
)
CHAT_LINK = re.compile(r"(?:wa\.me/|whatsapp\.com/send/?\?phone=|t\.me/)\+?(\d{9,15})", re.I)
"""A chat link is a phone number: `wa.me/31612345678`, `api.whatsapp.com/send?phone=...`."""
_CARD_NUMBER = re.compile(r"(?<![\d-])\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?(?![\d-])")
"""A bank or credit card's number, in groups of four (`4871 0491 2039 1234`): no figure in a
story is written so."""
_PARCEL = re.compile(
    r"(?i:(?:kadastra(?:al|le)|kad\.)(?:\s(?:perceel|aanduiding|nummer))?(?:\s(?:bekend|geregistreerd))?"
    r"(?:\s(?:als|onder))?(?:\s?[:–-])?(?:\sgemeente)?)"
    r"\s((?:[A-Z][\w'-]{1,30},?\s){1,3}(?:(?i:sectie)\s)?[A-Z]{1,2},?\s?(?:(?i:nr\.?|nummer)\s)?"
    r"\d{1,5}(?:\s?A\s?\d{1,4})?)(?!\w)"
    r"|(?<![\w-])([A-Z]{3}\d{2}\s?[A-Z]{1,2}\s?\d{1,5}(?:\s?A\s?\d{1,4})?)(?![\w-])"
)
"""A parcel in the land registry (`kadastraal bekend als Utrecht H 4512`, `gemeente Zwolle,
sectie M, nummer 3021`), or its code (`ASD04 K 12345`): the municipality, section and
number point at one home, as its address does."""
_PARCEL_CODE_AT = re.compile(r"[A-Z]{3}\d{2}")
"""Where a parcel's code may stand: three capitals before a run of two digits."""
_COORDINATES = re.compile(
    r"(?<![\d.,])-?\d{1,2}\.\d{4,8}°?(?:\s?[NZS]\b)?(?:,\s?|\s|;\s?|\s?/\s?)"
    r"-?\d{1,3}\.\d{4,8}°?(?:\s?[OEW]\b)?(?!\d|\.\d)"
    r"|(?<![\d.,])-?\d{1,2},\d{4,8}°?(?:\s?[NZS]\b)?(?:\s|;\s?|\s?/\s?)"
    r"-?\d{1,3},\d{4,8}°?(?:\s?[OEW]\b)?(?!\d|,\d)"
    r"|(?<!\d)\d{1,2}°\s?\d{1,2}['′]\s?\d{1,2}(?:[.,]\d{1,3})?(?:\"|″|'')?\s?[NZ]\b"
    r"|(?<!\w)[NZOEW]\s?\d{1,3}°\s?\d{1,2}(?:[.,]\d{1,4})?['′]?"
    r"|(?<!\d)\d{1,2}°\s?\d{1,2}[.,]\d{2,4}['′]\s?[NZ]\b"
)
"""A place as latitude and longitude to within tens of metres (`51.96543, 6.28812`,
`51,92251 / 4,47917`, `51.9225 N 4.4792 E`, `51°55'21"N`, `N 52° 05.442'`): a home's
address in figures."""
_DIGIT_WORDS = r"(?:nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
_NUMBER_IN_WORDS = re.compile(
    rf"\b{_DIGIT_WORDS}(?:[\s,-]{{1,3}}{_DIGIT_WORDS}){{7,11}}\b", re.IGNORECASE
)
"""A number spelt out digit by digit (`nul-zes-een-twee-...`, `zes een twee ...` after `06`,
a BSN's nine): eight digit words or more in a row, which no sentence has for another
reason (`een, twee, drie` counts to three)."""
_MOBILE_IN_WORDS = re.compile(
    rf"\bnul[\s,-]{{1,3}}zes(?:[\s,-]{{1,3}}(?:{_NUMBER_WORDS}|{_DIGIT_WORDS})){{3,8}}\b",
    re.IGNORECASE,
)
"""A mobile number said in words, its figures in pairs (`nul zes, twaalf, vierendertig,
...`): `nul zes` and three number words or more."""
_DIGIT_OF = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4"}
_DIGIT_OF |= {"vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9"}
_DIGIT_COUNTED = ("nul", "twee", "drie", "vier", "vijf", "zes", "acht", "negen")
"""Digit words counted as the cheap test (`een` and `zeven` are inside other words)."""
_RARE_DIGIT_WORDS = ("nul", "zes", "vijf", "negen")
"""Looked for first: a number spelt out has one of these unless all its figures are 1, 2,
3, 4, 7 or 8 (a mobile number always: `nul zes`); most texts have none, and four
substring tests cost a third of the eight counts."""


def _spelt_kind(value: str) -> str:
    """A BSN when nine spelt digits pass its check, else a phone number (every other run of
    eight or more digits a story could spell is one)."""
    digits = "".join(_DIGIT_OF[w] for w in re.findall(r"[^\W\d_]+", value.lower()))
    return "bsn" if len(digits) == 9 and bsn.is_valid(digits) else "telefoonnummer"


_NAMED_ACCOUNT: tuple[str, ...] = ("gebruikersnaam", "inlognaam", "loginnaam", "accountnaam")
_NAMED_ACCOUNT += ("username", "profielnaam", "login", "gebruikers-id", "gebruikersid", "inlog")
"""Words that say a user name follows (not a platform's), after which it may stand some
words on (`_ACCOUNT_NAME_LATER`)."""
_ACCOUNT_WORDS = _NAMED_ACCOUNT + ("gamertag", "snapchat", "snap", "instagram", "insta", "tiktok")
_ACCOUNT_WORDS += ("telegram", "discord", "skype", "twitter", "facebook", "threads", "bluesky")
_ACCOUNT_WORDS += ("mastodon", "playstation", "xbox", "steam", "twitch", "reddit", "account")
_ACCOUNT_WORDS += ("profiel", "logt", "inlogt", "user-id", "userid", "user")
_ACCOUNT_NAME = re.compile(
    rf"(?i:(?:{'|'.join(_ACCOUNT_WORDS)})(?:-?(?:account|naam|handle|profiel))?)\)?"
    r"(?:\s?\([^()]{1,40}\)(?=\s?[:=]))?"  # `Inlognaam (oude portaal): hvdijk_62`
    r"(?:\s(?i:is|was|werd|wordt|luidt|luidde|heet|heette|als|onder|op|bij|van|voor|in|ze|hij"
    r"|zij|hem|haar|zich|mw\.|mevr\.|dhr\.|clt\.|mevrouw|meneer)|\s[A-Z][A-Za-z]{1,15}){0,3}"
    r"(?:\s?[:=;]{1,2}\s?|\s)[\"'(\[‘“]?"
    r"([^\W_][\w.#-]{1,44})"
)
"""A user name after its word or its platform (`DigiD-gebruikersnaam: kowalczyk_a83`,
`haar Snapchat is khadija.ea`, `op TikTok heet ze lina.x2009`, `Discord: darkangel#4521`):
letters with a digit, an underscore or a dot, as an account's name has and a word does
not; not a figure (`Instagram bij 12.000 jongeren`) nor a site's address (`Facebook:
woonstad.nl`)."""
_ACCOUNT_NAME_LATER = re.compile(
    rf"(?i:{'|'.join(_NAMED_ACCOUNT)})(?:\s[\w'-]{{1,30}}){{0,8}}"
    r"(?:,|\s(?i:is|was|luidt|luidde|werd|wordt)(?:\s(?:destijds|toen|nu|inmiddels|voorheen"
    r"|eerst|tijdelijk|nog|voortaan|sindsdien))?:?|:)\s[\"'(\[‘“]?([^\W_][\w.#-]{1,44})"
)
"""A user name some words after the word that names it, set off by a comma or said to be it
(`gebruikersnaam op het huurdersportaal, sjoerdh1958`, `inlognaam voor Mijn Woonstad is
jdevries84`): only after a word that says a name follows, not after a platform's."""
_HANDLE_SHAPE = re.compile(r"(?=.*[\d_.])(?=.*[^\W\d_])[^\W_][\w.-]*\w(?:#\d{4})?")
_SITE_END = (".nl", ".com", ".org", ".eu", ".be", ".net", ".info")


def _handle_like(text: str, runs: list[tuple[int, int]]) -> bool:
    """Whether a text holds something shaped like a user name (an underscore, a `#`, digits
    touching a letter, or a dot between letters, `khadija.ea`): the cheap test before its
    platform's words are looked for (two dozen substring searches cost a tenth of a case's
    scan)."""
    if "_" in text or "#" in text:
        return True
    if any(text[s - 1 : s].isalpha() or text[e : e + 1].isalpha() for s, e in runs):
        return True
    at = text.find(".")
    while at >= 0:
        if text[at + 1 : at + 2].isalpha() and (
            text[at - 2 : at].isalpha()
            or (text[at - 1 : at].isalpha() and text[at + 2 : at + 3].isalpha())
        ):
            return True  # `khadija.ea`, `m.deboer` (not `d.w.z.`)
        at = text.find(".", at + 1)
    return False


def _handle_length(value: str) -> int:
    """How much of what follows a platform's word is a user name (0: none): the whole run,
    but a sentence's full stop, with a digit, an underscore or a dot and a letter; no
    site's address (`woonstad.nl`) and no body's account (`woonstad_nl`)."""
    value = value.rstrip(".-")
    if value.lower().endswith(_SITE_END) or not _HANDLE_SHAPE.fullmatch(value):
        return 0
    return 0 if name_finder.organisation_account(value) else len(value)  # `woonstad_nl`


_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}(?![\w:])"
)
"""An IPv6 address, written whole or with `::` (`2a02:a46f:ff52:0:3d4a:1b2c:9e8f:10ab`)."""
_IP_ADDRESS = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![\w]|\.\d)"
)
"""An IPv4 address (`83.160.12.45`): a home's internet connection, as traceable as its
street address."""


def _colon_groups(text: str, runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Stretches around runs of digits with a colon after them, where an IPv6 address may
    stand (its groups hold digits; a time, `10:30`, is looked at and passed over)."""
    for start, end in runs:
        if text[end : end + 1] == ":":
            yield max(0, start - 40), min(len(text), end + 40)


def _four_runs(
    text: str, runs: list[tuple[int, int]], joints: str, width: int = 0
) -> Iterator[int]:
    """Where four runs of digits (of `width` digits each, if given) joined by one of
    `joints` each start: an IPv4 address's shape (`.`), a card number's (four of four,
    ` ` or `-`). Those kinds are tried there only: a search of every text cost more than
    most kinds."""
    for i in range(len(runs) - 3):
        if all(
            (not width or runs[k][1] - runs[k][0] == width)
            and runs[k + 1][0] == runs[k][1] + 1
            and text[runs[k][1]] in joints
            for k in range(i, i + 3)
        ):
            yield runs[i][0]


_VERSION_BEFORE = re.compile(r"(?i:versie|release|\bbuild|\bupdate|\bv\.? ?$)")
_HANDLE = re.compile(r"(?<![\w.@/+-])@(?=[\w.]{0,29}[^\W\d_])[\w](?:[\w.]{0,28}[\w])?(?![\w@])")
"""A user name on social media (`@yonas.tesfay96`, `@fatma_demir`): an account leads to its
person as a mailbox does. An e-mail address is found before it (`@` after a letter)."""
_AT_WORDS = (
    " at ",
    "[at]",
    "(at)",
    "{at}",
    "[ at ]",
    "( at )",
    "apenstaartje",
    "apenstaart",
    "apestaart",
    "%40",
    "#at#",
    "(a)",
)
_ABBREVIATED = re.compile(r"\b(?:str|ln|wg|pln|gr|sngl|drf|stg|dyk|mrkt|prk|nr|no)\.$", re.I)
_LOWER_LEAD = re.compile(r"(?:(?:de|van|der|den|het|ter|ten|'t)\s)+(?=\w)")


_SERVICES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.UAN,
    }
)
"""Numbers only services and organisations get (0800, 090x, 088, a municipality's 14):
published as the organisation's own, never a tenant's."""


_FOREIGN_LEADS = (
    "rue ",
    "via ",
    "avenue ",
    "avenida ",
    "calle ",
    "carrer ",
    "rua ",
    "piazza ",
    "plaza ",
    "place ",
    "chaussée ",
    "vulytsia ",
    "vul. ",
    "ulitsa ",
    "ulica ",
    "ul. ",
    "caddesi",
    "sokak",
    "sokağı",
    "laan van ",
    "plein van ",
    "kade van ",
    "weg van ",
)
_FOREIGN_STREET = re.compile(
    r"(?:\b(?:Rue|Via|Avenue|Avenida|Calle|Carrer|Rua|Piazza|Plaza|Place|Chaussée"
    r"|(?i:vulytsia|vul\.|ulitsa|ulica|ul\.)|(?:Laan|Plein|Kade|Weg) van(?: de| het| der| den)?)"
    r"(?: (?:de|la|du|des|del|della|di|le|les|l'|d')){0,2}"
    r" [A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'-]{1,30}(?: (?:[A-ZÀ-ÖØ-Þ][\w'-]{1,30}|[IVX]{1,4})){0,2}"
    r"|\b[A-ZÀ-ÖØ-ÞÇŞİ][\w'-]{1,30} (?:Caddesi|Sokak|Sokağı|Bulvarı))"
    r",? (?:n[°o]\.? ?|nr\.? ?|No:? ?)?\d{1,4}[a-zA-Z]?\b"
    rf"(?!{_QUANTITY}| [a-z]{{2,30}}(?:en|s)\b)"
)
"""A street whose word comes first, abroad (`Rue Neuve 5`, `Via Regia 12`, `Atatürk Caddesi
No: 12`: statushouders' and labour migrants' addresses abroad are theirs too) or here
(`Laan van Nieuw Oost-Indië 3`)."""


_MAIL_SPOKEN = re.compile(
    r"\b[\w.+-]{2,64} (?i:op|bij) (?i:gmail|hotmail|outlook|live|yahoo|icloud|ziggo|kpnmail"
    r"|hetnet|home|planet|xs4all|telfort|upcmail|zonnet|casema|chello|quicknet|tele2|freeler"
    r"|kpnplanet|caiway|solcon|proton|protonmail)(?: (?i:punt|dot) |\.)(?i:com|nl|be|net)\b"
)
"""A mailbox at a free-mail provider said in words (`fatmademir op gmail punt com`): `op`
is too common a word to read as `@` anywhere else (`fatma.demir op gmail.com` too)."""
_SHORT_BSN = re.compile(
    r"(?i:\b(?:b\.?s\.?n|burgerservicenummer|burgerservicenr|sofi-?(?:nummer|nr))\.?"
    r"(?:[- ]?nr\.?|[- ]?nummer)?)(?:\s(?i:zoon|dochter|kind|partner|moeder|vader|huurder"
    r"|bewoner|meneer|mevrouw|mw\.?|dhr\.?|clt\.?))?\)?[:.]? ?(?:is |was )?"
    r"(\d(?:(?:[ .-]|\. )?\d){7,8})(?![\d,.-]\d)"
)
"""A BSN of eight digits after its name (`BSN 22169593`: the leading nought left off), or
of nine typed on to its name's full stop (`bsn nr.686682233`, `B.S.N.686.682.233`), where a
figure after a full stop is a decimal's elsewhere; also after whose it is (`BSN zoon:
338.457.` / `550`, its groups' dots and a line's end between them)."""
_NUMBER_THEN_STREET = regex.compile(
    rf"\d{{1,4}}[a-zA-Z]?,? {_CAPITAL_STREET_WORD}(?!\w)", regex.VERSION0
)
"""A house number before its street (`op 8 Molenweg`, `Adres: 14 Hoogstraat`), as some
write an address."""
_PUBLIC_NEAR = re.compile(
    r"(?i:\b(?:organisatie|locatie|stadhuis|gemeentehuis|bibliotheek|buurthuis|dorpshuis"
    r"|wijkcentrum|sporthal|kantoor|informatieavond|bijeenkomst|spreekuur)\b)"
)
"""Words around a form's address that make it a public place's (a meeting's venue)."""
_FIELD_STREET = r"[A-ZÀ-Þ][\w'.-]{1,40}(?: [A-ZÀ-Þ][\w'.-]{1,30}){0,3}"
_FIELD_VALUE = r"[\"']?\s?[:=]\s?[\"']?"
_NEXT_FIELD = r"[\"']?\s?[,;/|]?\s?[\"']?"
_LABELLED_ADDRESS = re.compile(
    rf"\b(?i:straat(?:naam)?){_FIELD_VALUE}([A-ZÀ-Þ][\w'.-]{{1,40}}(?: [\w'.-]{{1,30}}){{0,3}}?)"
    rf"{_NEXT_FIELD}\s?(?i:huisnummer|huisnr\.?|nummer|nr\.?){_FIELD_VALUE}(\d{{1,4}}[a-zA-Z]?)(?!\w)"
    rf"|\b(?i:huisnummer|huisnr\.?){_FIELD_VALUE}(\d{{1,4}}[a-zA-Z]?)(?!\w){_NEXT_FIELD}\s?"
    rf"(?i:straat(?:naam)?){_FIELD_VALUE}({_FIELD_STREET})"
    rf"|\b(?i:straat(?:naam)?\s?(?:/|\+|&|en)\s?(?:huisnummer|huisnr\.?|nr\.?)){_FIELD_VALUE}"
    rf"({_FIELD_STREET}?\s?[/,]?\s?\d{{1,4}}[a-zA-Z]?)(?!\w)"
)
"""A street and its number in a form's fields, in either order (`Straat: Hoefijzerlaan` /
`Huisnummer: 15`, `"huisnr":"14b","straat":"Lindelaan"`, `straat=Kerkweg; huisnummer=8`)."""
_LOT_BEFORE = re.compile(
    r"(?i:fase|blok|kavel|bouwnummer|bouwnr\.?|bouwnr|type|etappe|deel|cluster)\s$"
)
"""A phase, block or plot with its letter (`Fase 2b, Lindelaan`): no house number."""
A_YEAR = re.compile(r"(?:19|20)\d\d")
"""A year of the last two centuries, as a run of digits is one (with `fullmatch`)."""
_VERSION_OR_FILE = re.compile(r"\.\w")
_STREET_GLUED_TO_NUMBER = regex.compile(
    rf"(?<![\w'-])([A-ZÀ-ÖØ-Þ][^\W\d_]{{0,40}}(?<=(?i:{_STREETS})))\d{{1,4}}"
    rf"(?:[a-zA-Z]|-\d{{1,3}})?(?![\w-])",
    regex.VERSION0,
)
"""A street with its house number typed on (`Lindelaan14b`, as in a spreadsheet's cell)."""


_VERBS = (
    r"(?:was|werd|wonen|woonden|kregen|staan|stonden|liggen|lagen|hebben|hadden|sinds|tegen"
    r"|boven|beneden|achter|binnen|buiten)"
)
"""Words that end like a plural noun after a house number (`op 't Zand 4 was ...`, `... 10 sinds
2019`)."""
_STREETLESS = re.compile(
    r"\b(?:[Oo]p|[Aa]an) (?:de|het|'t) ([A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,30}),? (?:(?:huis)?nummer |nr\.? ?)?"
    rf"(\d{{1,4}}[a-zA-Z]?)\b(?!{_QUANTITY}| (?!{_VERBS}\b)[a-z]{{2,30}}(?:en|s)\b|[,.]\d|-\d"
    rf"| {_MONTHS})"
)
"""A street whose name has no street word (`op de Grutbroek 14`, `aan de Slingeland 7`):
`op` or `aan` and an article, one capitalised word and a house number, which is no quantity (`aan de
Maas 3 keer`), no date and no year. Known places, regions and rivers are passed over."""
_MOVING = (
    r"(?:door)?verhuis(?:t|de|den|d)|(?:door)?verhuizen"
    r"|trok(?:ken)?(?: [a-z0-9.]{1,14}){0,4} in|trek(?:t|ken)(?: [a-z0-9.]{1,14}){0,4} in"
    r"|ingetrokken|introk(?:ken)?|vertr(?:ok|okken|ekt|ekken)|(?:over)?geplaatst|gehuisvest"
)
"""The verbs of a move (`_MOVED_TO`), among those of living somewhere (`_LIVING`)."""
_LIVING = (
    r"\b(?i:woon(?:t|de|den)|wonen|kwam(?:en)? (?:te )?wonen|woning|kamer|appartement"
    r"|zit(?:ten)?|verblijf(?:t|den)|verblijven|huur(?:t|de|den)|betr(?:ok|okken|ekt|ekken)"
    rf"|{_MOVING})"
    r"(?: [a-z0-9.]{1,14}){0,5}?"
)
"""Where living somewhere or moving there is said, with up to five words before `op`, `aan`
or `naar` (`woont tegenwoordig op`, `kreeg een woning aan`, `zit nu op`, `trok zij in op`,
`is doorverhuisd naar`, `vertrok in juli naar`)."""
_MOVED_TO = re.compile(rf"(?i:{_MOVING})")
"""A move `naar` a name and a number is to a street too (`verhuisde naar Westering 7`): a town
is not followed by a number (`naar Zwolle 3 jaar geleden` is a quantity, passed over)."""
_LIVING_WORDS = ("op ", "aan ", "woon", "verhuis", "huur", "zit", "verblijf", "adres")
"""The cheap test for `_LIVING`, `_ADDRESS_SAID` and the leads of a street without a street
word."""
_TOWN_COMMA = r"(?:in|te) [A-Z][a-z'-]{1,30}(?: (?:aan|op|a/d)(?: de[nr]?)? [A-Z][a-z]{1,20})?,"
"""A town and a comma before its street (`woont in Zwolle, Vossenberg 9`)."""
_PARTICLES = r"(?:(?:de|het|der|den|van|te|ter|ten|'t|op|aan|in|bij|over|achter|voor) ){0,2}"
"""Small words inside a street's name of several words (`Achter de Dom`, `Over de Kelders`)."""
_NAME_OF_WORDS = (
    rf"((?:[A-ZÀ-ÖØ-Þ][a-zß-ÿ'-]{{1,30}} {_PARTICLES}){{0,2}}[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{{2,30}}"
    r"(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-ÿ]{2,30}){0,2}),?"
)
"""A street's name of one to three capitalised words, small words between them."""
_RESIDENT_STREET = re.compile(
    _LIVING
    + rf" (?:op|aan|naar|{_TOWN_COMMA}):? (?:de |het |'t )?"
    + _NAME_OF_WORDS
    + r" (?:(?:huis)?nummer |nr\.? ?)?"
    rf"(\d{{1,4}}[a-zA-Z]?)\b(?!{_QUANTITY}| (?!{_VERBS}\b|bis\b)[a-z]{{2,30}}(?:en|s)\b|[,.]\d"
    rf"|-\d| {_MONTHS}| (?:à|a|tot|of|–) \d)"
)
"""The same without an article, or with a name of two or three words, where living there
is said (`woont op Hamburgerbroek 5`, `verhuisde naar Lange Voorhout 10`)."""
_MOVED_LOWER = re.compile(
    _LIVING + r" naar ([a-zß-ÿ]{3,30}),? "
    rf"(\d{{1,4}}[a-zA-Z]?)\b(?!{_QUANTITY}| [a-z]{{2,30}}(?:en|s)\b|[,.]\d|-\d"
    rf"| (?:à|a|tot|of|–) \d| {_MONTHS})"
)
"""A move to a street written in lower case (`verhuist naar slingeland 104`), where the name is
no Dutch word (`naar kamer 12`)."""
_FRONTED = re.compile(
    r"\b(?:[Nn]aar|[Oo]p|[Aa]an) (?:de |het |'t )?"
    + _NAME_OF_WORDS
    + r" (\d{1,4}[a-zA-Z]?)(?= (?:is|zijn|was|waren|trok|trokken|woont|woonde|woonden|wonen"
    r"|verhuisde|verhuisden|kwam|kwamen)\b)"
)
"""A street and its number before the verb that says someone lives or moved there (`Naar Lange
Voorhout 10 is hij verhuisd`, `Op Lange Voorhout 10 trok mevrouw in`)."""
_LIVED_ON = ("de ", "et ", "'t ", "op ", "aan ", ", ")
"""Before a name where someone is said to live (`woont op het Spui 21`, `op Noordeinde 14`,
`in Zwolle, Vossenberg 9`): a street, whatever place has that name too."""
_ADDRESS_SAID = re.compile(
    r"\b(?i:(?:woon|huis|post|brief|correspondentie|verblijfs)?adres)"
    rf"(?: (?i:{_WHOSE}|van (?:de |het |zijn |haar )?(?:huurster|gezin|familie|broer|zus|hen)\b))?"
    r"(?: (?:nu|toen|destijds|inmiddels|tegenwoordig|voorlopig|voortaan))?"
    r"(?: (?i:is|was|wordt|werd|blijft)(?: [a-z]{2,14}){0,3}?)?:? "
    + _NAME_OF_WORDS
    + r" (?:(?:huis)?nummer |nr\.? ?)?"
    rf"(\d{{1,4}}[a-zA-Z]?)\b(?!{_QUANTITY}|[,.]\d|-\d| (?:à|a|tot|of|–) \d| {_MONTHS})"
)
"""A name and a number said to be an address (`Het adres is Westering 7`), whatever else the
name is."""


_HUNDREDS = r"(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?honderd"
_STREETLESS_SPELT = re.compile(
    rf"(?:\b(?:[Oo]p|[Aa]an|naar|{_TOWN_COMMA}) (?:de |het |'t )?|\b(?i:adres)(?: is)?:? )"
    r"((?:[A-ZÀ-ÖØ-Þ][a-zß-ÿ'-]{1,30} ){0,2}"
    r"[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,30})(?: (?i:nummer|nr\.?)|,? (?i:huisnummer)) "
    rf"((?i:(?:{_HUNDREDS}(?:en)?)?{_NUMBER_WORDS}|{_HUNDREDS}))\b"
)
"""A street without a street word and a house number in words after `nummer` (`op de
Grutbroek nummer veertien`, `Nummer Drie`, `huisnummer honderdtwee`): only with `nummer`
(`aan de Maas twee keer` is no address), and only `huisnummer` after a comma (`naar
Deventer, nummer drie op zijn lijstje` is a ranking).
Where living there is said (`_RESIDENT_BEFORE`), any name; else a name that is no place,
river or Dutch word (`op het Spui nummer twee van de agenda`, `op Plan nummer twee`)."""
_RESIDENT_BEFORE = re.compile(_LIVING + " $")
_NUMBER_CUES = ("nummer ", "nr. ", "nr ")
"""What a house number in words follows (looked for before `_STREETLESS_SPELT` is tried)."""


_ENGLISH_STREET_WORDS: tuple[str, ...] = ("Street", "St.", "Road", "Rd.", "Avenue", "Ave.")
_ENGLISH_STREET_WORDS += ("Lane", "Drive", "Close", "Crescent", "Terrace", "Gardens", "Court")
_ENGLISH_STREET_WORDS += ("Square", "Grove", "Way", "Mews", "Place", "Row", "Walk")
_NUMBER_FIRST_STREET = re.compile(
    r"\b\d{1,4}[a-zA-Z]?,? (?:(?:St\. )?[A-Z][a-z'-]{1,30} ){1,3}"
    rf"(?:{'|'.join(re.escape(word) for word in _ENGLISH_STREET_WORDS)})(?![\w-])"
    rf"(?! (?!{_VERBS}\b)[a-z]{{2,30}}(?:en|s)\b)"
)
"""A house number before its street, as English writes it (`14 Baker Street`), not a count
before a Dutch noun (`3 Oxford Street winkels`, `2 Abbey Road-platen`)."""
_NUMBER_FIRST_STREET_WORDS = tuple(f" {word}" for word in _ENGLISH_STREET_WORDS)


def _streetless(text: str, runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each street without a street word before a run of digits (looked for there only)."""
    for start, end in runs:
        if start < 9 or text[start - 1] not in " .":
            continue
        space = text.rfind(" ", max(0, start - 34), start - 1)
        word = text[space + 1 : start - 1]
        lower = word.isalpha() and text.endswith("naar ", 0, space + 1)  # `naar slingeland 104`
        if not (
            word[:1].isupper() or lower or word.lower() in ("nummer", "huisnummer", "nr.", "nr")
        ):
            continue  # the word before the number is no street's name: the usual case
        for pattern in (_STREETLESS, _RESIDENT_STREET, _ADDRESS_SAID, _MOVED_LOWER, _FRONTED):
            match = pattern.search(text, max(0, start - 80), min(len(text), end + 60))
            while match is not None and match.start(2) < start:
                match = pattern.search(text, match.start() + 1, min(len(text), end + 60))
            if match is None or match.start(2) != start:
                continue
            number = match.group(2)
            if len(number) == 4 and number.startswith(("19", "20")):
                break  # `op de Floriade 2022`: a year
            name = match.group(1)
            if name.lower() in name_finder.NUMBERED_THINGS:
                break
            if pattern is _MOVED_LOWER or pattern is _FRONTED:
                moved = pattern is _MOVED_LOWER and _MOVED_TO.match(match.group()) is not None
                if (pattern is _MOVED_LOWER and not moved) or (
                    " " not in name and name_finder.is_common(name)
                ):
                    break  # `naar kamer 12`, `Op Dag 2 waren`: a word, no street's name
                if moved or not name_finder.is_place(name):
                    yield match.start(1), match.end(2)
                break
            if name_finder.is_brand(name):
                break  # `verhuisd naar Office 365`: a product and its version
            # `aan de Maas 12` is a river, a region or a town; `woont op het Spui 21` is
            # where someone lives, whatever else the name is.
            before = text[max(0, match.start(1) - 6) : match.start(1)].replace(":", "")
            lived = pattern is _ADDRESS_SAID or (
                pattern is _RESIDENT_STREET
                and (
                    before.endswith(_LIVED_ON)
                    or (
                        before.endswith("naar ")
                        and _MOVED_TO.match(match.group()) is not None
                        and "," not in text[match.end(1) : match.start(2)]
                    )  # not `verhuisden 14 huishoudens naar Woerden, 9 naar Utrecht`
                )
            )
            if lived or not name_finder.is_place(match.group(1)):
                yield match.start(1), match.end(2)
                break


def _numbers_before_streets(text: str, runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each house number written before its street: tried at runs of digits after `op` or
    `aan`, at a text's or a cell's start, or with a house number's letter (`om 14b,
    Lindelaan`); and a house number written onto its street (`Lindelaan14b`)."""
    for start, end in runs:
        if _house_number_first(text, start, end):
            match = _NUMBER_THEN_STREET.match(text, start, min(len(text), end + 50))
            if match is not None:
                value = match.group()
                stop = match.end() - (value.endswith(".") and not _ABBREVIATED.search(value))
                yield match.start(), stop
        if start > 4 and text[start - 1].isalpha() and not A_YEAR.fullmatch(text, start, end):
            glued = _STREET_GLUED_TO_NUMBER.search(
                text, max(0, start - 41), min(len(text), end + 6)
            )
            if (
                glued is not None
                and glued.end(1) == start
                and text[glued.start() - 1 : glued.start()] != "#"  # `#Molenstraat2025`
                and not glued.group(1).lower().startswith(("rijksweg", "provincialeweg"))
                and not _VERSION_OR_FILE.match(text, glued.end())  # `Dorpsplein2.0`, `.ifc`
                and "code" not in text[max(0, glued.start() - 14) : glued.start()].lower()
            ):
                yield glued.start(), glued.end()


def _house_number_first(text: str, start: int, end: int) -> bool:
    """Whether the run of digits `start:end` may be a house number before its street: after
    `op`, `aan`, a colon or `nummer`; opening a text or a table's cell with its comma
    (`12, Kerkstraat`; not a year); or with a house number's letter (`om 14b, Lindelaan`;
    not `2e Helmersstraat`); never a phase's or a plot's (`Fase 2b, Lindelaan`)."""
    if end >= len(text) or _LOT_BEFORE.search(text, max(0, start - 14), start):
        return False
    before = text[max(0, start - 3) : start].lower()
    return (
        before in ("op ", "an ")
        or before.endswith(": ")
        or text[max(0, start - 7) : start].lower().endswith(("nummer ", "nr. "))
        or (not before.strip(" (|") and text[end] == "," and not A_YEAR.fullmatch(text, start, end))
        or (text[end] in "abcdABCD" and text[end + 1 : end + 2] in (",", " "))
    )


def _foreign_lead_before(text: str, runs: list[tuple[int, int]]) -> bool:
    """Whether a foreign street's word (`Rue `, `Via `) stands in the 60 characters before
    some run of digits (looked for there only: searching a whole story eight times costs
    more than the scan of its digits)."""
    before = "|".join(text[max(0, start - 60) : start] for start, _ in runs).lower()
    return any(lead in before for lead in _FOREIGN_LEADS)


def found(text: str) -> Iterator[tuple[str, int, int]]:
    """Kind, start and end of each personal value in a visible text, none overlapping.

    The kinds that hold a digit are looked for only where the text has digits: at the runs
    of digits (`_digit_runs`, found at the speed of a byte search) and in a few characters
    around them, never by a pattern tried at every place of the text (a story has a
    handful of figures)."""
    runs = _digit_runs(text)
    if runs and not text.isascii():
        text = _with_ascii_digits(text, runs)
    if runs:
        read = _with_scanned_digits(text, runs)
        if read is not text:
            text, runs = read, _digit_runs(read)
    low = text.lower()
    mail = "@" in text or any(word in low for word in _AT_WORDS)
    streets = _street_word_in(low)
    spelt = any(word in low for word in _RARE_DIGIT_WORDS) and (
        sum(low.count(word) for word in _DIGIT_COUNTED) >= 4
    )
    if not (
        runs
        or mail
        or streets
        or spelt
        or "gebor" in low
        or "geboor" in low
        or "jarig" in low
        or "verjaar" in low
        or " punt " in low
        or " dot " in low
        or "mail." in low
        or any(cue in low for cue in _NUMBER_CUES)
        or (_handle_like(text, runs) and any(word in low for word in _ACCOUNT_WORDS))
    ):
        return  # every kind needs a digit, but e-mail addresses, addresses, numbers,
        # dates in words and user names (most text has none of these)
    groups = _groups(runs)
    taken = Spans()
    if runs and _masked_beside(text, runs):
        for masked in _HALF_MASKED_PHONE.finditer(text):
            if sum(c.isdigit() for c in masked.group()) < 6:
                continue  # a template (`06-xxxxxxxx`, `020-xxx xx xx`): no one's number
            if _BANK_BEFORE.search(text, max(0, masked.start() - 12), masked.start()):
                continue  # `NL83 ABNA 0181 5881 XX`: an account's tail (its postcode-like end
                # is found as one)
            if taken.free(*masked.span()):
                taken.add(*masked.span())
                yield "telefoonnummer", masked.start(), masked.end()
    for kind, pattern in PATTERNS:
        if not _worth_trying(kind, low, bool(runs), mail):
            continue
        if kind == "adres":
            spans: Iterator[tuple[int, int]] = _addresses(text, pattern, runs)
        elif kind == "dossiernummer":
            spans = _numbers_after_cues(text, low, pattern, _document_like(text, runs))
        elif kind == "bsn":
            spans = _bsns(text, groups)
        elif kind in _AT_RUN_START:
            spans = _at_run_starts(kind, pattern, text, runs, taken)
        else:
            near = _near(groups, len(text)) if kind == "kenteken" else [(0, len(text))]
            spans = _searched(kind, pattern, text, near, taken)
        for start, end in spans:
            if taken.free(start, end):
                taken.add(start, end)
                yield kind, start, end
    if runs and ("bsn" in low or "b.s.n" in low or "burgerservice" in low or "sofi" in low):
        for short in _SHORT_BSN.finditer(text):
            digits = "".join(c for c in short.group(1) if c.isdigit())
            if bsn.is_valid(digits.zfill(9)) and taken.free(*short.span(1)):
                taken.add(*short.span(1))
                yield "bsn", short.start(1), short.end(1)
    if runs and ("nummer" in low or "nr" in low):
        for labelled in _numbers_before_labels(text, runs):
            if (
                _AMOUNT_OR_DATE.fullmatch(labelled.group("number"))
                or _PUBLICATION_BEFORE.search(text, max(0, labelled.start() - 40), labelled.start())
                or _BODY_NUMBER_BEFORE.search(text, max(0, labelled.start() - 24), labelled.start())
                or _OWNED_BY_A_BODY.match(text, labelled.end())
                or (
                    labelled.group("label").lower().endswith("s")
                    and not _WHOSE_PLURAL.search(text, labelled.start(), labelled.start("label"))
                )
            ):
                continue  # `250.000 (zaaknummer volgt)`, `Tot 31-12-2025 is het dossiernummer`
            if taken.free(*labelled.span("number")):
                taken.add(*labelled.span("number"))
                yield "dossiernummer", *labelled.span("number")
    if runs and streets:
        for start, end in _numbers_before_streets(text, runs):
            if taken.free(start, end):
                taken.add(start, end)
                yield "adres", start, end
    if runs and any(word in low for word in _LIVING_WORDS):
        for start, end in _streetless(text, runs):
            if _CLOCK.match(text, end):
                continue  # `Inloop op het Stationsplein 14:00-16:00`: a time
            if taken.free(start, end):
                taken.add(start, end)
                yield "adres", start, end
    if any(cue in low for cue in _NUMBER_CUES):
        for match in _STREETLESS_SPELT.finditer(text):
            words = match.group(1).split()
            lived = match.group()[:5].lower() == "adres" or _RESIDENT_BEFORE.search(
                text, max(0, match.start() - 60), match.start()
            )
            named = lived or not any(
                name_finder.is_place(word) or name_finder.is_common(word) for word in words
            )
            if named and taken.free(match.start(1), match.end(2)):
                taken.add(match.start(1), match.end(2))
                yield "adres", match.start(1), match.end(2)
    if runs and any(word in text for word in _NUMBER_FIRST_STREET_WORDS):
        for street in _NUMBER_FIRST_STREET.finditer(text):
            if taken.free(*street.span()):
                taken.add(*street.span())
                yield "adres", street.start(), street.end()
    if runs and _foreign_lead_before(text, runs):
        for street in _FOREIGN_STREET.finditer(text):
            if taken.free(*street.span()):
                taken.add(*street.span())
                yield "adres", street.start(), street.end()
    if runs and "straat" in low and (":" in text or "=" in text):  # a form's fields, pasted
        for labelled in _LABELLED_ADDRESS.finditer(text):
            if _PUBLIC_NEAR.search(text, max(0, labelled.start() - 80), labelled.end() + 80):
                continue  # `Locatie informatieavond` / `Straat: Stationsplein` / ... `stadhuis`
            first, last = (1, 2) if labelled.group(1) else (3, 4) if labelled.group(3) else (5, 5)
            if taken.free(labelled.start(first), labelled.end(last)):
                taken.add(labelled.start(first), labelled.end(last))
                yield "adres", labelled.start(first), labelled.end(last)
    if runs and ("kenteken" in low or "nummerbord" in low or "nummerplaat" in low):
        for plate in _PLATE_AFTER_CUE.finditer(text):
            if taken.free(*plate.span(1)):
                taken.add(*plate.span(1))
                yield "kenteken", plate.start(1), plate.end(1)
    if runs and ("wa.me/" in low or "t.me/" in low or "phone=" in low):
        for chat in CHAT_LINK.finditer(text):
            if taken.free(*chat.span(1)):
                taken.add(*chat.span(1))
                yield "telefoonnummer", chat.start(1), chat.end(1)
    if runs and (
        "kadastra" in low
        or "kad. " in low
        or any(_PARCEL_CODE_AT.match(text, max(0, s - 3)) for s, _ in runs)
    ):
        for parcel in _PARCEL.finditer(text):
            span = parcel.span(1) if parcel.group(1) else parcel.span(2)
            if taken.free(*span):
                taken.add(*span)
                yield "adres", *span
    if runs and "|" in text and "--" in text:
        for kind, start, end in _in_table_columns(text):
            if taken.free(start, end):
                taken.add(start, end)
                yield kind, start, end
    if "°" in text or any(e - s >= 4 and text[s - 1 : s] in ".," for s, e in runs):
        for place in _COORDINATES.finditer(text):
            if taken.free(*place.span()):
                taken.add(*place.span())
                yield "adres", place.start(), place.end()
    for start in _four_runs(text, runs, " -", width=4):
        card = _CARD_NUMBER.match(text, start)
        if card is not None and all(A_YEAR.fullmatch(group) for group in card.group().split()[:4]):
            continue  # `Jaar 2019 2020 2021 2022 2023`: a table's years
        if card is not None and taken.free(*card.span()):
            taken.add(*card.span())
            yield "dossiernummer", card.start(), card.end()
    if any(word in low for word in _PASSWORD_WORDS):
        for secret in _PASSWORD.finditer(text):
            if taken.free(*secret.span(1)):
                taken.add(*secret.span(1))
                yield "inloggegevens", secret.start(1), secret.end(1)
    if runs and "pin" in low:
        for pin in _PIN.finditer(text):
            if taken.free(*pin.span(1)):
                taken.add(*pin.span(1))
                yield "inloggegevens", pin.start(1), pin.end(1)
    if "/" in text and ("inlog" in low or "login" in low or "digid" in low or "account" in low):
        for pair in _LOGIN_PAIR.finditer(text):
            if _HANDLE_SHAPE.fullmatch(pair.group(1)) and taken.free(*pair.span(1)):
                taken.add(*pair.span(1))
                yield "gebruikersnaam", pair.start(1), pair.end(1)
            if taken.free(*pair.span(2)):
                taken.add(*pair.span(2))
                yield "inloggegevens", pair.start(2), pair.end(2)
    if "@" in text:
        for handle in _HANDLE.finditer(text):
            if name_finder.organisation_account(handle.group()):
                continue  # `@Woonstichting`, `@VNG`: a body's account
            if taken.free(*handle.span()):
                taken.add(*handle.span())
                yield "gebruikersnaam", handle.start(), handle.end()
    for start in _four_runs(text, runs, "."):
        ip = _IP_ADDRESS.match(text, start)
        if (
            ip is not None
            and taken.free(*ip.span())
            and not _VERSION_BEFORE.search(text, max(0, start - 40), start)
        ):
            taken.add(*ip.span())
            yield "ip-adres", ip.start(), ip.end()
    if " punt " in low or " dot " in low or "mail.com" in low or "mail.nl" in low:
        for spoken in _MAIL_SPOKEN.finditer(text):
            if taken.free(*spoken.span()):
                taken.add(*spoken.span())
                yield "e-mailadres", spoken.start(), spoken.end()
    for word in _ACCOUNT_WORDS if _handle_like(text, runs) else ():
        for at in _occurrences(low, word) if word in low else ():
            if at and low[at - 1].isalpha():
                continue  # a compound's end (`Zorgprofiel GGZ-3B`, `Instagramaccount`)
            account = _ACCOUNT_NAME.match(text, at)
            length = _handle_length(account.group(1)) if account is not None else 0
            if not length and word in _NAMED_ACCOUNT:
                account = _ACCOUNT_NAME_LATER.match(text, at)
                length = _handle_length(account.group(1)) if account is not None else 0
            if (
                account is not None
                and length
                and taken.free(account.start(1), account.start(1) + length)
            ):
                taken.add(account.start(1), account.start(1) + length)
                yield "gebruikersnaam", account.start(1), account.start(1) + length
    for low_end, high_end in _colon_groups(text, runs):
        for ip in _IPV6.finditer(text, low_end, high_end):
            if taken.free(*ip.span()) and sum(c.isdigit() for c in ip.group()) >= 4:
                taken.add(*ip.span())
                yield "ip-adres", ip.start(), ip.end()
    if "nul zes" in low or "nul-zes" in low:
        for words in _MOBILE_IN_WORDS.finditer(text):
            if taken.free(*words.span()):
                taken.add(*words.span())
                yield "telefoonnummer", words.start(), words.end()
    if spelt:
        for words in _NUMBER_IN_WORDS.finditer(text):
            if taken.free(*words.span()):
                taken.add(*words.span())
                yield _spelt_kind(words.group()), words.start(), words.end()
    every_hint = _phone_hints(text, groups)
    hints = list(itertools.islice(every_hint, MOST_PHONE_HINTS + 1))
    if len(hints) > MOST_PHONE_HINTS:
        # More runs of digits than phonenumbers can weigh in time (each costs a parse):
        # each is reported as it stands, unverified, and the case is refused.
        for start, end in itertools.chain(hints, every_hint):
            if taken.free(start, end):
                taken.add(start, end)
                yield "telefoonnummer", start, end
    elif hints:
        matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
        for number in matcher:
            if phonenumbers.number_type(number.number) in _SERVICES:
                continue  # `0800-4887243`, `088 900 4000`, `14 0314`: no person's number
            if taken.free(number.start, number.end):
                taken.add(number.start, number.end)
                yield "telefoonnummer", number.start, number.end
    for start, end in groups:
        spaced = _DIALLED_DIGIT_BY_DIGIT.match(text, start, end)  # `0 6 4 1 5 2 8 7 6 3`
        digits = re.sub(r"\D", "", spaced.group()) if spaced is not None else ""
        dialled = "+" + digits[2:] if digits.startswith("00") else digits
        if spaced is not None and taken.free(*spaced.span()) and _dutch_number(dialled):
            taken.add(*spaced.span())
            yield "telefoonnummer", *spaced.span()
    for start, _ in runs:
        mobile = _MOBILE_SHAPE.match(text, start) if text.startswith("06", start) else None
        if mobile is not None and taken.free(*mobile.span()):
            taken.add(*mobile.span())
            yield "telefoonnummer", *mobile.span()


def _searched(
    kind: str, pattern: Any, text: str, windows: list[tuple[int, int]], taken: Spans
) -> Iterator[tuple[int, int]]:
    """Accepted matches of a pattern in the windows of a text, from left to right: a match
    that is not what it looks like, or overlaps one reported, is passed by one character."""
    for low, high in windows:
        position = low
        while position <= high:
            match = pattern.search(text, position, high)
            if match is None:
                break
            start = match.start()
            accepted = _accepted(kind, text, match)
            if accepted is None or not taken.free(start, accepted[1]):
                position = start + 1
                continue
            position = accepted[1]
            yield accepted


_AT_RUN_START = {"iban": 2, "postcode": 0}
"""Kinds that start at a fixed place before a run of digits: an IBAN two letters before its
check digits, a postcode at its first digit (a run of exactly four)."""


def _at_run_starts(
    kind: str, pattern: Any, text: str, runs: list[tuple[int, int]], taken: Spans
) -> Iterator[tuple[int, int]]:
    """Accepted matches of a kind that starts at `_AT_RUN_START` before a run of digits:
    the pattern is tried at those places only (it matches nowhere else)."""
    back = _AT_RUN_START[kind]
    position = 0
    for run_start, run_end in runs:
        start = run_start - back
        if kind == "iban" and text[start + 1 : run_start] == " ":
            start -= 1  # `NL 44 RABO ...`: a space after the country
        if start < position or start < 0:
            continue
        if kind == "postcode" and run_end - run_start != 4:
            continue  # four digits, not one more or less
        if kind == "iban" and not (text[start].isascii() and text[start + 1].isalpha()):
            continue  # two letters before the check digits (the pattern says which)
        match = pattern.match(text, start)
        if match is None:
            continue
        accepted = _accepted(kind, text, match)
        if accepted is not None and taken.free(start, accepted[1]):
            position = accepted[1]
            yield accepted


def _bsns(text: str, groups: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every nine digits that pass the 11-test, from every start (a run of digits holds a
    BSN wherever it starts), in the groups of digits (a BSN starts and ends at a digit)."""
    for low, high in groups:
        ends_at = min(len(text), high + 2)  # what the pattern looks at after its end
        dialled = text[low - 1 : low] == "+" and _international_number(text[low - 1 : high])
        for match in _BSN_EVERYWHERE.finditer(text, low, ends_at, overlapped=True):
            start, end = match.span()
            if dialled and start == low:
                continue  # a country code opens a phone number (`+31 6 12 34 56 78`)
            if end - start > 13 and not _digit_by_digit(match.group(0)):
                continue  # more than four separators: a run of figures, no BSN, unless
                # written digit by digit (`1 2 3 4 5 6 7 8 2`)
            if _accepted("bsn", text, match) is not None:
                yield start, end


_DIALLED_DIGIT_BY_DIGIT = re.compile(r"0([ .,/_-])(?:0\1(?:\d\1){9,12}|(?:\d\1){8})\d(?!\d)")
"""A number dialled digit by digit, one and the same mark between every two (`0 6 4 1 ...`,
`0/6/...`, `0 0 3 1 6 ...`)."""


def _dutch_number(written: str) -> bool:
    """Whether digits are a valid Dutch phone number of a person (no service number)."""
    try:
        number = phonenumbers.parse(written, "NL")
    except phonenumbers.NumberParseException:
        return False
    return (
        phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) not in _SERVICES
    )


_TABLE_DELIMITER = re.compile(r"\|(?:[ \t]*:?-{2,}:?[ \t]*\|){1,20}")
_CELL = re.compile(r"[ \t]*\|([^|]{0,300})(?=\|)")
_NEXT_ROW = re.compile(r"\|[ \t]*(?=\|)")
_COLUMN_KINDS = (
    (
        "geboortedatum",
        re.compile(r"verjaardag|geboortedatum|geboortedag|\bgeboren\b|geb\b|geb\.|jarig", re.I),
    ),
    (
        "dossiernummer",
        re.compile(
            r"\b(?:klant|cli[eë]nte?|relatie|huurcontract|contract|debiteur|persoons"
            r"|personeels|pati[eë]nt|lid|vreemdelingen|aanvrager)(?:\s?-?(?:nummer|nr\b\.?))?"
            r"|(?:dossier|registratie|inschrijf|inschrijvings|zaak|polis|pas|\bv|document"
            r"|paspoort|identiteits|verblijfs|huurders?|bewoners?)\s?-?(?:nummer|nr\b)"
            r"|\bbsn\b|burgerservice|kenmerk|\bid\b",
            re.IGNORECASE,
        ),
    ),
)
"""A table column's header that says what its cells hold (`| Naam | Verjaardag |`,
`| Klantnummer |`): a figure in such a column is that kind, wherever the rows put it. (A
phone number or an address is found in any cell as it is anywhere; a project's or a
decision's number, `| Projectnummer |`, `| Nummer |`, is no one's.)"""
_CELL_FIGURE = {
    "geboortedatum": re.compile(
        rf"(?:0?[1-9]|[12]\d|3[01])\s?[-/.]\s?(?:0?[1-9]|1[0-2])(?:[-/.](?:19|20)?\d\d)?"
        rf"|(?:0?[1-9]|[12]\d|3[01])\s{_MONTHS}(?:\s(?:19|20)\d\d)?"
    ),
    "dossiernummer": re.compile(r"(?:[A-Za-z]{1,3}[-\s]?)?\d(?:[\s./-]?\d){4,24}"),
}


def _in_table_columns(text: str) -> Iterator[tuple[str, int, int]]:
    """Figures in the cells of a Markdown table under a header that names their kind: read
    from the visible text, where a table's rows follow each other on one line (`| Naam |
    Verjaardag | |---|---| | mevrouw | 17-09 |`)."""
    for delimiter in _TABLE_DELIMITER.finditer(text):
        width = delimiter.group().count("|") - 1
        header = text[max(0, delimiter.start() - 2000) : delimiter.start()].rstrip()
        cells = header.split("|")[-(width + 1) : -1] if header.endswith("|") else []
        if len(cells) != width:
            continue
        kinds = [next((k for k, cue in _COLUMN_KINDS if cue.search(c)), None) for c in cells]
        if not any(kinds):
            continue
        at, column = delimiter.end(), 0
        while True:
            cell = _CELL.match(text, at)
            if cell is None:
                break
            kind = kinds[column] if column < width else None
            if kind is not None:
                figure = _CELL_FIGURE[kind].search(text, cell.start(1), cell.end(1))
                if figure is not None and not (
                    kind == "dossiernummer"
                    and (_PERIOD.fullmatch(figure.group()) or _A_DATE.fullmatch(figure.group()))
                ):
                    yield kind, figure.start(), figure.end()
            at, column = cell.end(1), column + 1
            if column == width:  # the row's closing `|`, then the next row or the end
                nxt = _NEXT_ROW.match(text, at)
                if nxt is None:
                    break
                at, column = nxt.end(), 0


def _international_number(written: str) -> bool:
    """Whether `+` and the digits after it are a valid phone number."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(written, None))
    except phonenumbers.NumberParseException:
        return False


def _phone_hints(text: str, groups: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Runs of digits that may be a phone number (a `+` before the group, a digit last)."""
    for low, high in groups:
        for hint in _PHONE_HINT.finditer(text, max(0, low - 1), high):
            yield hint.span()


def _with_ascii_digits(text: str, runs: list[tuple[int, int]]) -> str:
    """The text with the digits of other scripts (`٠٦-١٢٣٤٥٦٧٨`, `０６`) written as ASCII
    digits, one character for one, so every kind (phone numbers, postcodes, BSNs) is read in
    them and the spans stay those of the text."""
    others = {c for start, end in runs for c in text[start:end] if not c.isascii()}
    if not others:
        return text
    return text.translate({ord(c): 0x30 + unicodedata.decimal(c) for c in others})


_LIKE_DIGITS = {"l": "1", "I": "1", "o": "0", "O": "0"}
"""Letters a scanner's text recognition reads for digits (`BSN: l78598835`, `2O48l736`)."""


def _with_scanned_digits(text: str, runs: list[tuple[int, int]]) -> str:
    """The text with each `l`, `I`, `o` or `O` that a scanned letter's recognition put among
    digits read as the digit (one character for one, so spans stay the text's). A number
    standing apart (`BSN: l78598835`, `2O48l736`), or numbers one space or mark apart
    (`O6 2l 87 45 63`, `12-O3-1958`), with two digits in all; and inside a longer code, one
    or two between digits (`NL58ASNB752882OO18`). Looked for only around
    the runs of digits."""
    if not any(
        text[start - 1 : start] in _LIKE_DIGITS or text[end : end + 1] in _LIKE_DIGITS
        for start, end in runs
    ):
        return text  # (most text: no such letter touches a figure)
    fixed: dict[int, str] = {}
    length = len(text)
    tokens: list[tuple[int, int, int]] = []  # start, end, digits of each number apart
    for start, end in runs:
        after = end
        while after < length and text[after] in _LIKE_DIGITS and after - end < 2:
            after += 1
        if after > end and after < length and text[after].isdigit():
            fixed.update((i, _LIKE_DIGITS[text[i]]) for i in range(end, after))
        begin, stop = start, end
        while begin > 0 and (text[begin - 1].isdigit() or text[begin - 1] in _LIKE_DIGITS):
            begin -= 1
        while stop < length and (text[stop].isdigit() or text[stop] in _LIKE_DIGITS):
            stop += 1
        apart = (begin == 0 or not text[begin - 1].isalnum()) and (
            stop == length or not text[stop].isalnum()
        )
        if apart and (not tokens or tokens[-1][:2] != (begin, stop)):
            tokens.append((begin, stop, sum(c.isdigit() for c in text[begin:stop])))
        elif apart:
            tokens[-1] = (begin, stop, tokens[-1][2])
    chain: list[tuple[int, int, int]] = []
    for token in [*tokens, (length + 2, length + 2, 0)]:
        if chain and not (token[0] == chain[-1][1] + 1 and text[chain[-1][1]] in " -./"):
            if sum(digits for _, _, digits in chain) >= 2:  # `O6 2l 87 45 63`, `12-O3-1958`
                fixed.update(
                    (j, _LIKE_DIGITS[text[j]])
                    for begin, stop, _ in chain
                    for j in range(begin, stop)
                    if text[j] in _LIKE_DIGITS
                )
            chain = []
        chain.append(token)
    if not fixed:
        return text
    chars = list(text)
    for i, digit in fixed.items():
        chars[i] = digit
    return "".join(chars)


_DIGIT_MARKS = bytes(0x30 if 0x30 <= i <= 0x39 else 0x20 for i in range(256))
_REPLACED = ord("?")


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """Start and end of every run of decimal digits (what `\\d` matches): the text as
    Latin-1 bytes (one per character; any other character a `?`), each digit marked, and
    the marks found with byte searches (a pattern that starts with `\\d` is tried at
    every character: docs/performance.md). The few characters outside Latin-1 are looked
    at one by one (Arabic-Indic digits are digits to the patterns too)."""
    data = text.encode("latin-1", "replace")
    marks = bytearray(data.translate(_DIGIT_MARKS))
    if not text.isascii() and data.count(_REPLACED) > text.count("?"):
        at = data.find(_REPLACED)
        while at >= 0:
            if text[at].isdecimal():
                marks[at] = 0x30
            at = data.find(_REPLACED, at + 1)
    runs = []
    at = marks.find(0x30)
    while at >= 0:
        end = marks.find(0x20, at)
        if end < 0:
            end = len(marks)
        runs.append((at, end))
        at = marks.find(0x30, end)
    return runs


GROUP_GAP = 40
"""Runs of digits this close are one group: every kind's value (a phone number's groups, a
BSN's, a plate's) lies in one group and a few characters around it."""
_MASKS = ("x", "X", "*")
_BANK_BEFORE = re.compile(r"[A-Z]{2}\d{2} ?[A-Z]{4} ?$")


def _masked_beside(text: str, runs: list[tuple[int, int]]) -> bool:
    """Whether an `x`, `X` or `*` touches a run of digits, or stands one space or dash from
    it: where a half-masked number may be (`06-12xx5678`, `06 12 XX 56 78`)."""
    for start, end in runs:
        after = text[end : end + 2]
        before = text[max(0, start - 2) : start]
        if after[:1] in _MASKS or before[-1:] in _MASKS:
            return True
        if after[:1] in " -" and after[1:] in _MASKS:
            return True
        if before[-1:] in " -" and before[:1] in _MASKS and start >= 2:
            return True
    return False


_HALF_MASKED_PHONE = re.compile(
    r"(?<![\w+-])(?:(?:\+31|0031)[ -]?(?:\(0\))?[ -]?[1-9]|0[1-9])(?=(?:[ -]?[\dxX*]){8}(?![\w*]))"
    r"(?:[ -]?\d){0,6}(?:[ -]?[xX*]){1,4}(?:[ -]?\d){0,6}(?![\w*])"
)
"""A phone number half masked, its other figures left (`06-12xx5678`): six of ten figures
still tell whose it is, with the rest of a story."""
_PLATE_AFTER_CUE = re.compile(
    r"(?i:kenteken(?:plaat|nummer)?|nummerbord|nummerplaat)"
    r"(?:\s(?i:is|was|van|met|nummer|nr\.?))?\s?[:|]?"
    r"(?:\s(?!\d)[^\W\d]{1,20}){0,3}?\s?[(\"']?"
    r"((?=[A-Z0-9 .·-]{0,12}\d)(?=[A-Z0-9 .·-]{0,12}[A-Z])"
    r"[A-Z0-9]{1,4}(?:[ .·-]?[A-Z0-9]{1,5}){1,3})"
    r"(?![\w-])"
)
"""A licence plate of any country after its word (`Pools kenteken PO 5K123`, `kenteken:
B-AB 1234`): letters and digits in capitals, in up to four groups."""
_PLATE_REACH = 14
"""How far a licence plate reaches beyond its digits (`XX-XX-99` starts six before), with
what its pattern looks at around it."""


def _groups(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    groups: list[tuple[int, int]] = []
    for start, end in runs:
        if groups and start - groups[-1][1] <= GROUP_GAP:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return groups


def _near(groups: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    return [(max(0, s - _PLATE_REACH), min(length, e + _PLATE_REACH)) for s, e in groups]


_NUMBER_FIRST = re.compile(rf"(?i:nummer|nr\.?|no\.)\s?(?:\d|(?i:{_NUMBER_WORDS})\b)")
_NUMBER_WORD_SET = frozenset(_NUMBER_WORD_LIST)
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?()'\"", " "))
_HOUSE_NUMBER_WORDS = ("huisnummer", "nummer", "nr", "no", "op", "huis")


def _anchors(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where an address may stand: a number (or a number in words) after a street word,
    or a house number after `nummer`. Found from the runs of digits back (a word and a
    space before one), never by trying every street ending at every position."""
    found = [
        start - 1
        for start, _ in runs
        if _after_word(text, start) and _street_before(text, start - 1)
    ]
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (`İ`): no shortcuts
        found.extend(m.start() for m in _NUMBER_FIRST.finditer(text))
    else:
        for word in ("nummer", "nr", "no."):
            for at in _occurrences(low, word):
                if _NUMBER_FIRST.match(text, at):
                    found.append(at)
    numbers = _street_word_in(low) and _NUMBER_WORD_SET.intersection(
        low.translate(_PUNCTUATION).split()
    )
    if numbers:
        for word in numbers:
            at = low.find(word)
            while at >= 0:
                after = at + len(word)
                whole = (
                    at > 0
                    and low[at - 1] == " "
                    and (after == len(low) or not low[after].isalnum())
                )
                if whole and _street_before(text, at - 1, capital=True):
                    found.append(at - 1)
                at = low.find(word, after)
    return sorted(found)


def _after_word(text: str, start: int) -> bool:
    """Whether a run of digits follows a word and a space (its comma or full stop between),
    or `nr`: where a house number may follow a street."""
    if start >= 2 and text[start - 2 : start] == "nr":
        return True
    if start >= 1 and text[start - 1] in "#(":
        start -= 1  # `Molenweg #8`, `Molenweg (8)`
    if start < 2 or not text[start - 1].isspace():
        return False
    before = text[start - 2]
    if before in ".," and start >= 3:
        before = text[start - 3]
    return before.isalnum() and not before.isdecimal()


_SPOKEN_FILLERS = frozenset(["ehm", "eh", "ehh", "uhm", "uh", "euh", "hmm", "hm"])
_SAID_LEAD = re.compile(r"\b(?:(?:op|aan|in|bij|naar)(?: (?:de|het))?|woont|woonde) $")
"""Before a street said in lower case, as a transcript writes it (`op de lindelaan
zesendertig`)."""


def _street_before(text: str, end: int, capital: bool = False) -> bool:
    """Whether the word before `end` (past `op`, `nummer`, `nr.` and a comma) is a street."""
    for _ in range(3):  # `Molenstraat op nummer twaalf`
        while end > 0 and text[end - 1] in " ,.(":
            end -= 1
        begin = end
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'-"):
            begin -= 1
        word = text[begin:end]
        low = word.lower()
        if low in _HOUSE_NUMBER_WORDS or low in _SPOKEN_FILLERS:
            end = begin
            continue
        if not word or (
            capital
            and not word[0].isupper()
            and not _SAID_LEAD.search(text, max(0, begin - 8), begin)
        ):
            return False
        bare = low in _STREET_SET and word[0].isupper()
        return bare or (low.endswith(_STREET_ENDINGS) and len(low) > 2)
    return False


_NUMBER_WORDS_AT: tuple[str, ...] = (
    "nummer",
    "nr",
    "no.",
    "kenmerk",
    "-id",
    " id",
    "dossier",
    "referentie",
)
_NUMBER_WORDS_AT += ("beschikking", "zaak", "aanvraag", "melding")  # `_FILE_WORDS`
_DOCUMENT_WORDS_AT = (
    "paspoort",
    "id-kaart",
    "idkaart",
    "identiteits",
    "identiteitskaart",
    "identiteitsbewijs",
    "rijbewijs",
    "verblijfs",
    "verblijfsdocument",
    "verblijfsvergunning",
    "verblijfspas",
    "creditcard",
    "bankpas",
    "betaalpas",
    "polis",
    "ean",
)
"""Identity documents and cards named without `nummer` (`paspoort NW3K8R2P1`): looked for
only when the text has a long number or one that touches a letter, as their numbers are."""


def _document_like(text: str, runs: list[tuple[int, int]]) -> bool:
    """Whether some run of digits is long (five or more), touches a letter (`NW3K8R2P1`) or
    the next run across one separator (`4111 1111 ...`)."""
    return any(
        end - start >= 5 or text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()
        for start, end in runs
    ) or any(after[0] - before[1] <= 1 for before, after in itertools.pairwise(runs))


def _numbers_after_cues(
    text: str, low: str, pattern: Any, documents: bool = True
) -> Iterator[tuple[int, int]]:
    """Client, dossier and registration numbers: the pattern is tried only in a window
    around each `nummer`, `nr`, `no.` or `kenmerk` (found with `str.find`), and around an
    identity document's word when `documents`."""
    cues = _NUMBER_WORDS_AT + _DOCUMENT_WORDS_AT if documents else _NUMBER_WORDS_AT
    places = sorted(
        at
        for word in cues
        for at in _occurrences(low, word)
        if at + len(word) == len(low) or not low[at + len(word)].isalpha()
    )  # at a word's end: `cliëntnummer`, `dossiernr.`, not `inrichting`
    if len(places) > MOST_NUMBER_CUES:
        # Windows around so many cues overlap: one pass over the text is linear.
        for match in pattern.finditer(text):
            if _numbered(match):
                yield match.span()
        return
    position = 0
    for at in places:
        if at < position:
            continue
        match = pattern.search(text, max(position, at - 30), min(len(text), at + 110))
        if (
            match is not None
            and low.endswith("kamer", 0, at)
            and _PARLIAMENTARY_PAPER.fullmatch(match.group("number"))
        ):
            continue  # `Kamerdossier 32 847`: a parliamentary paper's number, public
        if match is not None and match.end() <= at:  # one before it (`zaaknummer ... / klantnr.`)
            word = at
            while word > 0 and text[word - 1].isalpha():
                word -= 1
            match = pattern.search(text, word, min(len(text), at + 110))
        if match is None or match.end() <= at or not _numbered(match):
            continue
        if _CASE_NUMBER.match(match.group()) and _RULING_BEFORE.search(
            text, max(0, match.start() - 40), match.start()
        ):
            continue  # `(ECLI:NL:RVS:2023:1234, zaaknummer 202301234/1/R2)`: a published ruling
        yield match.span()
        position = match.end()


_PARLIAMENTARY_PAPER = re.compile(r"[1-3]\d ?\d{3}")
"""The number of a paper of the States General (`Kamerstuk 32 847`): five digits."""
_RULING_BEFORE = re.compile(r"\bECLI:[A-Z]{2}:[A-Z]{2,7}:\d{4}:[\w.]{1,25}[,;]\s?$")
_CASE_NUMBER = re.compile(r"(?i:zaak-?nummer|zaaknr\.?|rolnummer|zaak-/rolnummer)\s")
"""A published ruling's identifier right before its case number: rulings are published
with both, and without the parties' names."""


MOST_NUMBER_CUES = 100
"""Cues for a client or dossier number (`nummer`, `dossier`) in one text before the pattern
runs once over the whole text instead of in a window around each (a story has a few)."""


_FILE_WORDS = ("beschikking", "zaak", "aanvraag", "melding")
"""A file's word before its number without `nummer` (`Beschikking 2024/0317-WMO`): the
number must be an identifier (`de beschikking 2024` is a year)."""


def _numbered(match: re.Match[str]) -> bool:
    """Whether a cue's match ends in a number, or, after words or a comma (`dossier van de
    familie telt 1200 pagina's`, `dossier, 2024`), or after a file's word, in a number that
    can only be an identifier."""
    plain = (
        not match.group("words")
        and "," not in match.group()
        and not match.group("file")
        and not _PLACEHOLDER_IN.search(match.group())
    )
    value = match.group("number")
    if (
        not plain
        and " " in value
        and sum(c.isdigit() for c in value) < 7
        and not _NUMBER_LABEL.search(match.group(), 0, 30)
    ):
        return False  # `dossier van de familie telt 12 500 pagina's`: a count, not its number
        # (but `het dossiernummer van de huurder is 123 456`)
    kenmerk = "kenmerk" in match.group()[:20].lower()  # every `kenmerk` with a number is refused
    if not plain and (
        _PERIOD.fullmatch(value)
        or _A_DATE.fullmatch(value)
        or (_YEAR_FIRST.match(value) and not kenmerk)
    ):
        return False  # `de beschikking 2023-2025`, `melding 24/7`, `dossier huisvesting
        # 2024–2025`, `identiteitsbewijs mee naar ... op 12-03-2024`: a period or a day
    return plain or _identifier(value)


_PLACEHOLDER_IN = re.compile(_PLACEHOLDER)
_NUMBER_LABEL = re.compile(r"(?i:nummer|nr\b)")
_PERIOD = re.compile(r"(?:19|20)\d\d[-/–—](?:(?:19|20)?\d\d)|24/7")
_YEAR_FIRST = re.compile(r"(?:19|20)\d\d (?!0)(?!.* 0)")
"""Groups of digits that start with a year, after words (`dossier ... 2019 2020 2021`,
`verblijfsvergunning kregen in 2023 1 250 statushouders`): years and counts."""
_A_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d")


def _identifier(value: str) -> bool:
    """A number that can only be an identifier, wherever it stands: five digits or more, or
    groups of digits joined (`2023-0457`), or letters and digits (`AB12345`)."""
    digits = sum(c.isdigit() for c in value)
    return digits >= 5 or bool(re.search(r"\d[./-]\d", value)) or not value.isdigit()


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _addresses(text: str, pattern: Any, runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Addresses, read only around a street word before a number (or a house number before
    `van de ...`): the full pattern, with its leading words, is tried in a window of 160
    characters before such a place, so its cost grows with the places, not the text."""
    position = 0
    for anchor in _anchors(text, runs):
        if anchor < position:
            continue
        low = max(position, anchor - 160)
        high = min(len(text), anchor + 80)
        match = pattern.search(text, low, high)
        while match is not None and match.end() <= anchor:
            match = pattern.search(text, match.start() + 1, high)
        if match is None:
            continue
        accepted = _accepted("adres", text, match)
        if accepted is not None:
            yield accepted
        position = max(match.end(), anchor + 1)


_VAN_AND_DIGIT = re.compile(r" van \d")
_OF_A_DAY_IN_WORDS = re.compile(
    rf" (?:is|was|ben|bent|zijn)(?: [\w.]{{1,12}}){{0,2}} van (?:het jaar )?"
    rf"(?:['’\d]|{_DAY_WORDS}\s{_MONTHS})"
)
"""`is van zeventien augustus ...`, `is van het jaar 1955`, `is van '58`: a search only where
`is van` stands (most stories say it of something else)."""
"""(A pattern that starts with a fixed text is searched for at C speed.)"""
_OF_A_DAY_LEAD = re.compile(r"\b(?:is|was|ben|bent|zijn)(?: [\w.]{1,12}){0,2}$")
_OF_A_DAY_CLAUSE = re.compile(r"[\d\w.-]{1,10}(?: [\w.-]{1,10}){0,2} (?:is|was)\b")


def _is_of_a_day(low: str) -> bool:
    """Whether a text says someone `is van` a date (`ze is van 4 juni 1958`, `is mevrouw van
    ...`, `omdat ze van 14 april 1960 is`, `is van zeventien augustus
    negentienachtenvijftig`): looked at around each ` van ` and a digit only."""
    if _OF_A_DAY_IN_WORDS.search(low):
        return True
    return any(
        _OF_A_DAY_LEAD.search(low, max(0, m.start() - 30), m.start())
        or _OF_A_DAY_CLAUSE.match(low, m.end() - 1)
        for m in _VAN_AND_DIGIT.finditer(low)
    )


def _worth_trying(kind: str, low: str, digits: bool, mail: bool) -> bool:
    """The cheap test before a pattern: what each kind cannot be without (substrings of the
    lower-case text: a case-blind alternation is slow in Python's engine)."""
    if kind == "inloggegevens":
        return "://" in low and "@" in low
    if kind == "e-mailadres":
        return mail
    if kind == "geboortedatum":
        return (
            "geboren" in low
            or "geboorte" in low
            or "geb." in low
            or "geb " in low
            or "geb:" in low
            or "geb_" in low
            or "dob" in low
            or "d.o.b" in low
            or "doğum" in low
            or "birth" in low
            or ("ur." in low and _POLISH_BORN.search(low) is not None)
            or any(cue in low for cue in _FOREIGN_BIRTH_CUES if cue != "ur.")
            or "born" in low
            or "jarig" in low
            or "verjaar" in low
            or ("wordt " in low and _TURNS_ON.search(low) is not None)
            or ("werd " in low and _turned(low))
            or "ter wereld" in low
            or "°" in low
            or ("*" in low and _STAR_DATE.search(low) is not None)
            or "van 19" in low
            or "van '" in low
            or "van ’" in low
            or "gebdat" in low
            or "('" in low
            or "(19" in low
            or (("(" in low or "[" in low) and _DATE_IN_BRACKETS.search(low) is not None)
            or ("19" in low and "," in low and _COMMA_DATE.search(low) is not None)
            or ("( " in low and _STARRED.search(low) is not None)
            or (" van " in low and _is_of_a_day(low))
        )
    if kind == "adres":
        return True  # `_anchors` is the cheap test
    if kind == "dossiernummer":
        return digits and (
            "nummer" in low
            or "nr" in low
            or "no." in low
            or "kenmerk" in low
            or "id" in low
            or "dossier" in low
            or "referentie" in low
            or any(word in low for word in _DOCUMENT_WORDS_AT + _FILE_WORDS)
        )
    return digits  # the others are looked for at the runs of digits only


def _accepted(kind: str, text: str, match: Any) -> tuple[int, int] | None:
    """Start and end of a match that is what it looks like (checksums, the words around),
    else None."""
    start, end = match.span()
    value = match.group(0)
    if kind == "iban":
        end = _iban_end(text, start, end)
        return (start, end) if end >= 0 else None
    if kind == "bsn":
        if _ORGANISATION_NUMBER_BEFORE.search(text, max(0, start - 25), start):
            return None  # `RSIN 878838211`: an organisation's number has a BSN's 11-test
        amount = _AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(
            text, max(0, start - 6), start
        )
        if (
            amount
            and _THOUSANDS.fullmatch(value)
            and not _BSN_CUE_BEFORE.search(text, max(0, start - 30), start)
        ):
            return None  # `+123.456.782 euro`, `€ 123.456.782`: an amount
        cued = _BSN_CUE_BEFORE.search(text, max(0, start - 30), start) is not None
        if not cued and _COUNCIL_OF_STATE_CASE.match(text, end):
            return None  # `202205678/1/A3`: a case of the Raad van State
        if not cued and _ROUND_AMOUNT.fullmatch(value):
            return None  # `130.000.000` in a budget's table: thousands, a round amount
        if _digit_by_digit(value) and (
            _SERIES_ON.match(text, end) or _SERIES_BEFORE.search(text, max(0, start - 2), start)
        ):
            return None  # nine of a longer series of figures (`0 0 1 2 0 1 0 0 1 2`)
        digits = value.translate(_SEPARATORS)
        valid = _eleven_test(digits) and bool(digits.strip("0")) and bsn.is_valid(digits)
        return (start, end) if valid else None
    if kind == "geboortedatum" and _NO_PERSON_BORN.search(text, max(0, start - 60), start):
        return None  # `het idee werd geboren op ...`: born is said of a plan, not a person
    if (
        kind == "geboortedatum"
        and _OF_A_DATE.search(value)
        and _OBJECT_BEFORE.search(text, max(0, start - 16), start)
        and not _of_a_person(text, start)
    ):
        return None  # `het huurcontract van de huurder is van 1 april 2015`: the person is
        # not the subject, the date is the contract's
    if (
        kind == "geboortedatum"
        and (ordinal := _ORDINAL_BIRTHDAY.search(value)) is not None
        and (int(ordinal.group(1) or 0) > 110 or _celebrated_by_no_person(text, start))
    ):
        return None  # `Woonstichting De Key viert haar 100e verjaardag op 12 mei`
    if kind == "postcode" and value[4:].strip()[:2] in _NOT_POSTCODE_LETTERS:
        return None
    if kind == "postcode" and _PO_BOX_BEFORE.search(text, max(0, start - 30), start):
        return None  # `Postbus 1500, 7000 BM`: an organisation's post, no home

    if kind == "adres":
        streets = [w for w in _ADDRESS_WORD.findall(value) if w.lower().endswith(_STREET_ENDINGS)]
        lead = _LOWER_LEAD.match(value)
        article = (
            lead is not None and lead.group(0).split()[-1] in ("de", "het", "'t")
        ) or value.startswith(("De ", "Het ", "'t "))
        article = article or text[max(0, start - 4) : start].lower().endswith(("de ", "het "))
        if (
            streets
            and not article
            and all(name_finder.is_place(w) and not _STREET_ONLY.search(w) for w in streets)
            and not _ADDRESS_CUE_BEFORE.search(text, max(0, start - 24), start)
        ):
            return None  # a town named like a street (`in Harderwijk zes woningen`); a
            # street takes an article (`in de Molenstraat op 22`), a town does not
        if "(" in value and _YEAR_IN_BRACKETS.search(value):
            return None  # `De Molenweg (2019)`: a year
        year = _YEAR_AFTER_STREET.search(value)
        if year is not None and (
            text[end : end + 1] in ("-", "–", ":")
            or _PLAN_BEFORE.search(text, max(0, start - 16), start + year.start())
            or _BARE_STREET_WORD.fullmatch(year.group(1))
            or (year.group(1).islower() and name_finder.is_common(year.group(1)))
        ):
            return None  # `Project Molenstraat 2024-2026`, `Plein 1944`: a year in a name;
            # `oplevering 2026`: a word that ends like a street (`-ring`), and its year
        if _CLOCK.match(text, end):
            return None  # `vergadering 19:30`, `Markt 10.00 uur`: a time, no house number
        plain = _PLAIN_NOUN_STREET.search(value)
        if plain is not None and (
            plain.group(1).islower()
            or (  # `Akkers 4 en 5`, but `Lange Akkers 14`
                name_finder.is_common(plain.group(1))
                and not _CAPITAL_WORD_BEFORE.search(value, 0, plain.start(1))
            )
            or _LIST_OR_RANGE.match(text, end)
            or _PLAN_BEFORE.search(text, max(0, start - 16), start + plain.start(1))
        ):
            return None  # `de sportvelden 3 en 4`, `Speelvelden 1 tot en met 3`,
            # `Binnenhoven 2 en 3`: fields and blocks, not `Zwanenvelden 118`
        if _NUMBERED_LIST_BEFORE.search(text, max(0, start - 4), start) and _NEXT_ITEM.match(
            text, end
        ):
            return None  # `1. Vroegsignalering 2. Huisbezoek`: a numbered list's items
        ended = _WORD_ENDS_SENTENCE.search(value)
        if ended and name_finder.is_common(ended.group(1)) and _NEXT_ITEM.match(text, end):
            return None  # `verslag: akkoord. 2. Vijf aanvragen`: a sentence's end, then an item
        noun = _ACTION_NOUN.search(value)
        if (
            noun is not None
            and (
                (noun.group(1).endswith("ering") and noun.group(1).islower())
                or (noun.group(1).lower() != "ring" and name_finder.is_common(noun.group(1)))
                or any(  # `Bewonersvergadering 12 maart`: a compound of a common word
                    name_finder.is_common(noun.group(1)[-length:])
                    for length in range(8, len(noun.group(1)) - 2)
                )
            )
        ):
            return None  # `de vergadering 12 mei`, `Storing 3 januari`: a word that ends
            # like a street (`-ring`), no street
        house = _HOUSE_AT_END.search(value)
        spelt = house and _RANGE_IN_WORDS.match(text, start + house.end(1))
        if spelt and house and int(spelt.group(1)) >= int(house.group(1)) + 4:
            return None  # `Zwanenvelden 2 t/m 40 (even)`: a block's homes, no one home
        if _LAW_AND_YEAR.search(value) or _range(_RANGE_OF_HOUSES.search(value)):
            # a law's year; a block's first and last number (`Molenweg 2-40`), no home
            return None
        start += lead.end() if lead else 0
        if value.endswith(".") and not _ABBREVIATED.search(value):
            end -= 1  # the sentence's full stop, not an abbreviation's
    if kind == "kenteken" and not _plate_shape(value):
        return None
    if kind == "kenteken" and value.islower() and value.isalnum() and _code_like(value):
        return None  # `base64`, `mp3abc`: a word and a figure; typed in lower case without
        # dashes, only letters a plate can have are read as one (`gb123k`, `gbxz12`)
    return start, end


_VOWEL = re.compile(r"[aeiou]")


def _code_like(value: str) -> bool:
    """Whether a plate's shape in lower case without dashes is rather a word or a code: a
    vowel (Dutch plates have had none since 1978, so that no word is spelt), or two
    letters before or after four digits (`vt0217`, `2024ab`: the plates of the 1950s and
    60s, rarer on the road than such codes in a text)."""
    return bool(_VOWEL.search(value)) or value[2:].isdigit() or value[:-2].isdigit()


_STREET_ONLY = re.compile(r"(?i:straat|laan|plein|gracht|singel|steeg|allee|dreef|kade|pad)$")
"""Endings no town's name in the list is read by before a number: hamlets are named
`Molenstraat` or `Kerklaan`, and so are thousands of streets; a town is named `Harderwijk`."""
_ADDRESS_CUE_BEFORE = re.compile(r"(?i:adres|woonadres|huisadres|woont|woonde)\W{0,3}$")


def _celebrated_by_no_person(text: str, at: int) -> bool:
    """Whether the sentence of a birthday at `at` names an organisation, a place or a
    building and no person (`De molen viert zijn 90e verjaardag`)."""
    sentence = text[slice(*name_finder.sentence_around(text, at))]
    return bool(_NO_PERSON_CELEBRATES.search(sentence)) and not _PERSON_CELEBRATES.search(sentence)


_YEAR_AFTER_STREET = re.compile(r"(\w+) (?:19|20)\d\d\W?$")
_PLAN_BEFORE = re.compile(r"(?i:project|masterplan|plan|wijkplan|visie|programma|agenda)\s")
_BARE_STREET_WORD = re.compile(rf"(?i:{_STREETS})")
_CLOCK = re.compile(r"[:.][0-5]\d(?!\d)")
"""Minutes after a figure: a time (`19:30`, `10.00 uur`), never a house number."""
_PLAIN_NOUN_STREET = re.compile(
    rf"([^\W\d_]*(?i:{_PLAIN_NOUN_ENDINGS}))\s\d{{1,4}}(?:\s?[a-zA-Z])?\.?$"
)
"""A street named with a plain noun's ending and no street word (`Zwanenvelden`): only
written with its capital, where the noun in lower case is a thing (`sportvelden`)."""
_CAPITAL_WORD_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'-]*\s$")
"""A capitalised word before such a noun makes it a street's name (`Lange Akkers`)."""
_LIST_OR_RANGE = re.compile(r"\s?(?:en|t/m|tot(?: en met)?|-)\s?\d")
"""More figures after the first (`Sportvelden 3 en 4`, `Speelvelden 1 tot en met 3`)."""
_NUMBERED_LIST_BEFORE = re.compile(r"(?:^|\s)\d{1,2}[.)]\s$")
_NEXT_ITEM = re.compile(r"[.)]\s[A-ZÀ-Þ]")
_WORD_ENDS_SENTENCE = re.compile(r"^([a-zß-ÿ]{4,})\.\s\d{1,2}$")
"""A common Dutch word in lower case, a full stop and one or two figures: a sentence ends
before the next item's number (not an abbreviated street, `kerkstr. 12. Haar zoon`)."""
"""A numbered list's marks, before an item and after its figure (`1. Vroegsignalering 2.
Huisbezoek`): the figure is the next item's."""
_ACTION_NOUN = re.compile(r"([^\W\d_]+ring)\s\d{1,4}[a-zA-Z]?\.?$")
"""A noun that ends like a street (`-ring`) before a figure: one made of a verb in lower
case (`vergadering`, `signalering`), or any common Dutch word (`Storing`). (`Westering 7`,
a watercourse's `Wetering` and a `Ring` are streets.)"""
_OBJECT_BEFORE = re.compile(
    r"\b(?:van|bij|voor|aan|met|door|naar|over|op|tegen|namens|naast|achter|onder|boven|tussen"
    r"|zonder|tegenover|volgens|rond|om|uit|in|binnen|buiten|na|sinds|per|via)"
    r"\s(?:de|het|deze|die|onze|haar|zijn)?\s?$",
    re.IGNORECASE,
)
"""A preposition (and article) before the person a date follows: the person is its object."""
_PERSON_OF_PERSON = re.compile(
    rf"(?i)\b(?:partner|{_PERSON_SUBJECT})\s(?:van|bij)\s(?:de|het|deze|die|haar|zijn)?\s?$"
)
"""A person before the preposition: the one the date is of (`de man van de huurder is van
12 maart 1958`)."""


def _of_a_person(text: str, start: int) -> bool:
    """Whether the person a date follows, an object, is a person's (`de man van de huurder
    is van 12 maart 1958`) and that person no object in turn (`de brief van de zoon van de
    huurder is van 3 mei 2024` is the letter's date)."""
    head = _PERSON_OF_PERSON.search(text, max(0, start - 40), start)
    return head is not None and not _OBJECT_BEFORE.search(
        text, max(0, head.start() - 16), head.start()
    )


_OF_A_DATE = re.compile(r"(?i)\b(?:is|was|ben|bent) van |[(\[](?:van|v\.) ")
"""The forms whose date is of something once the person is an object (`de brief aan de
huurder (van 3-5-2024)`); a bare date in brackets after a person stays a date of birth."""
_ORDINAL_BIRTHDAY = re.compile(r"(?i)(?:(\d{1,3})(?:e|ste|de)|[a-z]{3,20}ste)\sverjaardag")
_NO_PERSON_CELEBRATES = re.compile(
    r"(?i:stichting|vereniging|corporatie|stad|gemeente|wet|park|school|club|buurthuis"
    r"|wijkcentrum|complex|flat|gebouw|dorp|wijk|organisatie|bedrijf|kerk|museum|bibliotheek"
    r"|festival|project|toren|molen|fanfare|harmonie|koor|zwembad|theater|bioscoop|winkel"
    r"|centrum|brug|haven|markt)\b|\b(?:De|Het|'t) [A-Z][a-z]"
)
_PERSON_CELEBRATES = re.compile(rf"(?i:\b(?:{_PERSON_SUBJECT}|mw\.|dhr\.|buurman|buurvrouw)\b)")
"""What celebrates a birthday that is no person's (`De Peperklip viert haar 40e verjaardag`)."""
_LAW_AND_YEAR = re.compile(
    r"\b(?:wet|regeling|besluit|verordening|akkoord|programma|agenda)\b.*\b(?:19|20)\d\d\W?$",
    re.IGNORECASE,
)
"""A law or a programme with its year (`Wet inburgering 2021`: `inburgering` ends like a
street, `-ring`)."""
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[89]|20)\d\d$")
_RANGE_IN_WORDS = re.compile(r"\s(?:t/m|tot en met)\s(\d{1,4})")
_HOUSE_AT_END = re.compile(r"(\d{1,4})(?:\s?[a-zA-Z])?\.?$")
_RANGE_OF_HOUSES = re.compile(r"\b(\d{1,4}) ?- ?(\d{1,4})\W?$")


def _range(match: re.Match[str] | None) -> bool:
    return match is not None and int(match.group(2)) >= int(match.group(1)) + 4


_PO_BOX_BEFORE = re.compile(r"(?i:postbus|antwoordnummer) \d{1,6},? $")
_ORGANISATION_NUMBER_BEFORE = re.compile(
    r"(?i:\bRSIN|fiscaal nummer|KvK(?:-nummer)?|btw(?:-nummer)?)\)?:? ?(?:is )?$"
)
_SEPARATORS = str.maketrans("", "", " .-")
_NO_PERSON_BORN = re.compile(
    r"\b(?:idee|ideeën|plan|plannen|project|initiatief|concept|gedachte|pilot|aanpak|"
    r"samenwerking|werkwijze|methode|programma|wijk|buurt|stad|dorp|gebouw|complex|flat|"
    r"woningen|vereniging|stichting|corporatie|traditie|festival|school|idea|scheme|"
    r"initiative|approach|programme|program|network|partnership|cooperative|association|"
    r"foundation|organisation|organization|company|movement|group|community|campaign|"
    r"building|neighbourhood)\s(?:\w{1,20}\s){0,4}"
    r"(?:werd|is|was|werden|zijn|kwam|were)"
    r"\s(?:\w{1,12}\s)?$"
    # in the languages of the foreign labels, a thing that is born (`L'association ... est
    # née le`, `Il progetto è nato il`, `Ідея народилася`)
    r"|\b(?:association|associazione|asociación|stowarzyszenie|verein|dernek|projet|progetto"
    r"|proyecto|projekt|proje|проект|програма|программа|idée|idea|ідея|идея|iniziativa"
    r"|iniciativa|inicjatywa|initiative|ініціатива|инициатива|організація|организация)"
    r"\s(?:\S{1,20}\s){0,4}$",
    re.IGNORECASE,
)
_ADDRESS_WORD = re.compile(r"[^\W\d_][\w'-]*")


_COUNCIL_OF_STATE_CASE = re.compile(r"/\d{1,2}/[A-Z]\d")
_ROUND_AMOUNT = re.compile(r"\d{3}([. ])\d{3}\1(?:000)")
_THOUSANDS = re.compile(r"\d{3}([. ])\d{3}\1\d{3}")
_BSN_CUE_BEFORE = re.compile(r"(?i:\bbsn|burgerservice|sofi)")
_AMOUNT_AFTER = re.compile(r",-|,\d\d\b|\s?(?:euro|EUR)\b", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:€|\bEUR|\beuro)\s?[+-]?\s?$", re.IGNORECASE)
_SERIES_ON = re.compile(r"[ ,./_-]\d")
_SERIES_BEFORE = re.compile(r"\d[ ,./_-]$")


def _digit_by_digit(value: str) -> bool:
    """Nine digits, one and the same separator between every two."""
    return len(value) == 17 and len(set(value[1::2])) == 1 and value[0::2].isdigit()


def _eleven_test(digits: str) -> bool:
    """The BSN 11-test, as a quick sieve before python-stdnum's own check: most runs of
    nine digits in a text fail it."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total: int = sum(map(operator.mul, map(int, digits), _WEIGHTS))
    return total % 11 == 0


_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def _iban_end(text: str, start: int, end: int) -> int:
    """Where a valid IBAN that starts at `start` ends (the pattern runs on into the next
    word), else -1. Tried from long to short: at most 34 characters count."""
    stops = [i + 1 for i in range(start, end) if text[i].isalnum()]
    for stop in reversed(stops):
        candidate = text[start:stop].translate(_SEPARATORS).upper()
        if len(candidate) < 15:
            break
        if (
            (stop == len(text) or not text[stop].isalnum())
            and _mod_97(candidate)
            and _iban_shape(candidate)
        ):
            return stop
    return -1


def _iban_shape(candidate: str) -> bool:
    """An IBAN by its country's length and layout and its check digits (python-stdnum),
    without the bank's own check inside it: an account number with a wrong national check
    digit is still someone's account number (`BE68 5390 0754 7034`)."""
    try:
        iban.validate(candidate, check_country=False)
    except ValidationError:
        return False
    return True


_LETTER_DIGITS = str.maketrans({c: str(ord(c) - 55) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


def _mod_97(candidate: str) -> bool:
    """The IBAN check (ISO 7064 mod 97-10) in one integer operation, as a sieve before
    python-stdnum's own check: a run of IBAN-like words offers some twenty lengths each."""
    digits = (candidate[4:] + candidate[:4]).translate(_LETTER_DIGITS)
    return digits.isascii() and digits.isdigit() and int(digits) % 97 == 1


class Spans:
    """Parts of a text already reported, kept sorted: whether a new one overlaps is two
    look-ups, not one per finding (a pasted list of thousands of addresses)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        before_ok = i == 0 or self.ends[i - 1] <= start
        after_ok = i == len(self.starts) or end <= self.starts[i]
        return before_ok and after_ok

    def covers(self, start: int, end: int) -> bool:
        """Whether one reported part holds all of `start` to `end`."""
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.ends[i - 1] >= end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
