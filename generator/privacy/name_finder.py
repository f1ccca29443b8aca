"""Where a text names a person: deduce, a world-wide name list, and the cues Dutch gives.

Three readers, each for what the others miss, and one judge of what is no person:
- deduce (`person_names`) reads Dutch names in context: titles, initials, prefixes;
- the world-wide list (`name_list`, derived from names-dataset with wordfreq's Dutch
  frequencies) finds the names of statushouders and labour migrants that deduce's Dutch
  lists lack: a capitalised first name (`Yohannes`, `Oksana`), a first name and a surname
  in any case (`fatma demir`, `Oksana Kovalenko`);
- cues: a title or a role word (`mevrouw`, `dhr.`, `huurder`, `bewoner`, `familie`, `broer`)
  followed by a capitalised word, initials or a quoted first name is a name (`huurder
  (B.K.)`, `bewoner 'Henk'`, `Familie Haddou`), whatever the case of the role word.
What is no person: Dutch places (deduce's list of residences, municipalities, provinces and
regions), and `data/not_persons.txt` (rivers, care and housing organisations, public bodies,
laws and programmes, brands), also as part of a longer name written whole (`Capelle aan den
IJssel`, `Leger des Heils`), and a name right after a building or a foundation (`flat Van
Heemstra`, `Stichting Anton Constandse`), or after `vernoemd naar`. The names a case
declares (organisation, partners) are checked themselves and exempt nothing elsewhere but
the same whole name.

Every reader is bounded: deduce reads sentences of at most `CHUNK` characters (on a
thousand names in a row it recursed until it died), and a sentence whose capitalised words
are all names found before is not read again (so a name repeated 400 times costs one
reading); the rest are dictionary look-ups over the words, once each.
"""

from __future__ import annotations

import bisect
import functools
import gc
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.privacy import chinese_names, name_list, person_names

CHUNK = 400
"""The longest stretch deduce reads at once, in characters (cut at a space)."""

TITLES = frozenset(
    [
        "mevrouw",
        "mevr",
        "mw",
        "mvr",
        "meneer",
        "mijnheer",
        "mnr",
        "dhr",
        "heer",
        "juffrouw",
        "mr",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
    ]
)
ROLES = frozenset(
    [
        "familie",
        "fam",
        "gezin",
        "bewoner",
        "bewoonster",
        "huurder",
        "huurster",
        "cliënt",
        "client",
        "cliënte",
        "cliente",
        "clt",  # a caseworker's note's short forms
        "bew",
        "maatje",  # a volunteer buddy
        "patiënt",
        "patiënte",
        "klant",
        "deelnemer",
        "deelneemster",
        "buurman",
        "buurvrouw",
        "buren",
        "moeder",
        "vader",
        "zoon",
        "dochter",
        "broer",
        "zus",
        "zuster",
        "oom",
        "tante",
        "opa",
        "oma",
        "neef",
        "nicht",
        "echtgenoot",
        "echtgenote",
        "vriend",
        "vriendin",
        "kind",
        "jongen",
        "meisje",
        "statushouder",
        "nieuwkomer",
        "begeleider",
        "begeleidster",
        "woonbegeleider",
        "consulent",
        "woonconsulent",
        "wijkcoach",
        "buurtcoach",
        "huismeester",
        "mentor",
        "bewindvoerder",
        "casemanager",
        "hulpverlener",
        "wethouder",
        "ambtenaar",
        "collega",
        "stagiair",
        "stagiaire",
        "vrijwilliger",
        "vrijwilligster",
        "ervaringsdeskundige",
        "dame",
        "man",
        "vrouw",
    ]
)
_PLACE_LISTS = ("lst_residence", "lst_municipality", "lst_province", "lst_region")
_BUILDINGS = frozenset(
    [
        "flat",
        "complex",
        "gebouw",
        "woongebouw",
        "wooncomplex",
        "hofje",
        "school",
        "brug",
        "park",
        "zaal",
        "centrum",
        "buurthuis",
        "wijkcentrum",
        "toren",
        "kliniek",
        "fonds",
        "prijs",
        "stichting",
        "project",
        "woonproject",
        "woonzorgcentrum",
        "zorgcentrum",
        "kerk",
        "moskee",
        "bibliotheek",
        "huis",
        "woonvorm",
        "woongroep",
        "woongroepen",
        "flats",
        "complexen",
        "gebouwen",
        "huize",
        "villa",
        "residentie",
    ]
)
_BUILDING_ENDINGS = ("flat", "toren", "complex", "gebouw", "hofje", "centrum")
"""A building's word as the end of a longer one (`Studentenflat`, `Woontoren`)."""
_AREAS = frozenset(
    ["wijk", "woonwijk", "buurt", "stadsdeel", "stadswijk", "dorp", "kern", "buurtschap", "gebied"]
)
"""Where the capitalised words after it name a neighbourhood or a village (`de wijk De
Huet`), as a building's word does a building."""
_NAMED_AFTER = frozenset(["wet", "motie", "amendement", "commissie", "methode", "norm"])
"""What is named after a person, who is then no tenant (`Wet Hillen`, `motie Mulder`,
`commissie Remkes`)."""
_RESIDENTS = frozenset(["bewoners", "inwoners", "buurtbewoners", "wijkbewoners", "huurders"])
"""The people of a place: what follows `bewoners van (de)` is where they live (`Bewoners van
De Huet`, `de bewoners van de Hofstede`)."""
_OFFICES = frozenset(
    [
        "burgemeester",
        "wethouder",
        "voorzitter",
        "directeur",
        "directrice",
        "minister",
        "staatssecretaris",
        "gedeputeerde",
        "commissaris",
        "secretaris",
        "rechter",
        "notaris",
        "dominee",
        "pastoor",
        "dokter",
        "huisarts",
        "ombudsman",
    ]
)
"""An office addressed with its title (`mevrouw de burgemeester`, `meneer de voorzitter`):
no name follows."""
_COMPASS = frozenset(
    ["noord", "oost", "zuid", "west", "midden", "noordoost", "noordwest", "zuidoost", "zuidwest"]
)
_NUMBER_NEXT = re.compile(r" \d")
_LETTER_NEXT = re.compile(r" [A-Z](?![\w-]|\.\s?[A-Z])")
NUMBERED_THINGS = frozenset(
    {"fase", "blok", "kavel", "bouwnummer", "bouwdeel", "bouwblok", "type", "etappe", "deel"}
    | {"cluster", "unit", "units", "kamer", "woning", "etage", "verdieping", "gebouw", "toren"}
    | {"vleugel", "afdeling", "paviljoen", "portiek", "module", "hoofdstuk", "stap", "ronde"}
    | {"niveau", "groep", "locatie", "bijlage", "artikel", "pagina", "versie", "postbus"}
    | {"antwoordnummer"}
)
"""Words before a number or a letter that name no street and no person, though written with
a capital where a street's or a person's name stands: a part of a building, a plan or a text
(`verhuisden naar Blok 3`, `naar Fase 2`, `Vleugel B`), an organisation's post-office box
(`Het adres is Postbus 15`)."""
_STREET_END = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|hof|steeg|pad|dijk|markt|park|"
    r"straatweg|allee|plantsoen|boulevard|singel|wal|haven|erf|brug|tunnel|viaduct|sluis|"
    r"buurt|kwartier|(?<=[a-z]{3})baan|"  # `Frans Halsbuurt`, `Nelson Mandelabaan` (not `Baan`)
    r"straße|strasse|gasse|platz)$"
)
_STREET_WORDS = frozenset(
    ("boulevard", "avenue", "rue", "plaza", "piazza", "via", "plein", "laan", "straat")
)
_WORD = re.compile(r"[^\W\d_](?:[\w'-]*[^\W_])?")
_INITIALS = re.compile(r"(?:[A-Z]\.(?:[a-z]{1,3}\.){0,2}\s?){1,4}(?![a-z])|[A-Z]{2,3}\b(?=\)|,|$)")
"""Initials, also with a surname's prefix between them (`J.v.D.`), or two or three capitals
before a bracket or comma (`(BK)`)."""
_INITIALS_AND_PREFIX = re.compile(
    r"(?<![\w.])(?:[A-ZÀ-ÖØ-Þ]\. ?){0,5}[A-ZÀ-ÖØ-Þ]\. "
    r"(?:(?:van|de|den|der|ter|ten|te|het|'t|in|op|uit|aan|bij|la|le|da|di|du|del|dos|el|von|zur)"
    r" ){1,3}[A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]{1,30})?"
)
_CASELESS = (
    r"[\u0621-\u0652\u0671-\u06d3\u06fa-\u06fc\u0750-\u077f"  # Arabic, Persian, Pashto
    r"\u05d0-\u05ea\u1200-\u137a\u0531-\u0587\u10a0-\u10ff]"  # Hebrew, Ge'ez, Armenian, Georgian
)
_OTHER_SCRIPT = re.compile(rf"[\u0370-\u03ff\u0400-\u052f]|{_CASELESS}")
_UPPER_OTHER = r"[\u0386-\u038f\u0391-\u03ab\u0400-\u042f\u0460-\u052e]"
_LOWER_OTHER = r"[\u03ac-\u03ce\u0430-\u045f\u0461-\u052f'’-]{1,30}"
_OTHER_SCRIPT_NAME = re.compile(
    rf"{_UPPER_OTHER}{_LOWER_OTHER}(?: {_UPPER_OTHER}{_LOWER_OTHER}){{0,3}}"
    rf"|{_CASELESS}{{2,30}}(?:\s{_CASELESS}{{1,30}})+"
)
"""A capitalised word in Cyrillic or Greek, and up to three after it (`Оксана Коваленко`), or
two to four words in a script without capitals (Arabic, Ge'ez, Hebrew, Armenian, Georgian:
`محمد العلي`; one such word is as often a greeting, `مرحبا`): no list here holds these
scripts, and in a Dutch story such words are a person's name (or a quote an author
allows), unless the sentence says they are words of a language (`_QUOTED_LANGUAGE`)."""
_LANGUAGE_WORDS = (
    r"arabisch|perzisch|farsi|\bdari\b|pashto|tigrinya|tigrinja|amhaars|hebreeuws|armeens"
    r"|georgisch|koerdisch|somalisch|papiament[ou]?|oekra[iï]ens|russisch|\bpools\b|\bturks\b"
    r"|berbers|tamazight|sranan|chinees|mandarijn|kantonees|\bengels\b|\bfrans\b|\bduits\b"
    r"|spaans|portugees|italiaans|roemeens|bulgaars|\burdu\b|\bhindi\b|swahili|tamil|\btwi\b"
    r"|fries\b|limburgs|dialect|straattaal|\bwoord|betekent|betekenis|vertaal"
)
_LANGUAGE_CUE = re.compile(_LANGUAGE_WORDS, re.IGNORECASE)
_MEANING_CUE = re.compile(
    r"\bwoord|betekent|betekenis|vertaal|\bzeggen\b|\bzegt\b|\bzei\b|welkom|groet", re.IGNORECASE
)
"""What says that quoted words are words of a language, not a name: the language and what
they mean or say (`In het Somalisch betekent 'guri' huis`, `Het Dari-woord 'khana'`; not
`met 'Tesfay', via een tolk Tigrinya`)."""
_QUOTED_LANGUAGE = re.compile(
    _LANGUAGE_WORDS + r"|\btalen\b|welkom|groet|\bzei\b|\bzegt\b|antwoordde|wenste|\bkaart\b"
    r"|spandoek|banner|\bbord|opschrift|\bzin\b|\bzinnen\b",
    re.IGNORECASE,
)
"""What says that words in another script are words of a language, not a name: the
language, `woord`, `betekent`, a translation, a greeting, something said or written on
a card or banner (`welkom in het Perzisch`, `hij antwoordde: شكرا جزيلا`)."""
_NAMED = re.compile(
    r"\b(?:(?:bij|roep|voor|achter)?naam|heet|heten|genaamd|door|aan|contactpersoon|bel"
    r"|envelop|brievenbus)\b",
    re.IGNORECASE,
)
"""What says that what follows is someone's name, whatever else the sentence says (`zijn
naam in het Georgisch: ...`, `gericht aan ...`)."""


def _other_script_names(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Names in another script (`_OTHER_SCRIPT_NAME`) in `text[start:end]`. Words without
    capitals are passed over when they are more than four (a sentence), when a translation
    in brackets follows them, and where their sentence names them as a language's words
    and nothing before them says a name follows."""
    for match in _OTHER_SCRIPT_NAME.finditer(text, start, end):
        if match.group()[0] in _UPPER_SET:
            # Two capitalised words are a name; one, or one opening words in lower case
            # (`Ласкаво просимо`), is as often a greeting or a sentence.
            if " " in match.group() and not _LOWER_OTHER_NEXT.match(text, match.end()):
                yield match.span()
                continue
        elif len(match.group().split()) > 4 or text[match.end() : match.end() + 2] == " (":
            continue  # a sentence, or words with their translation after them
        begin, stop = sentence_around(text, match.start())
        before = text[max(begin, match.start() - 40) : match.start()]
        if _NAMED.search(before) or not _QUOTED_LANGUAGE.search(text, begin, stop):
            yield match.span()


_LOWER_OTHER_NEXT = re.compile(r" [\u03ac-\u03ce\u0430-\u045f\u0461-\u052f]")


def _greeting(text: str, span: tuple[int, int]) -> bool:
    """Whether the span starts a greeting of `data/greetings.txt` that covers it: one of
    more words anywhere (`Sağ olun!`, `Eid Mubarak`), one word in quotes, before `!`, or
    among translations set apart by slashes or dashes (`'Merhaba'`, `Peace!`, `/ Запрошення
    /`, `Salam - Merhaba`)."""
    pieces = _QUOTED_LIST.split(text[span[0] : span[1]].casefold())
    if (len(pieces) > 1 or text[span[0] - 1 : span[0]] in ("'", '"')) and all(
        piece in _greetings() for piece in pieces
    ):
        return True  # `'Shalom', 'Salam'`, `Salam - Merhaba`: greetings one after another
    low = text[span[0] : span[0] + 40].casefold()
    for greeting in _greetings():
        end = span[0] + len(greeting)
        if not low.startswith(greeting) or end < span[1] or text[end : end + 1].isalnum():
            continue
        if " " in greeting:
            return True
        before, after = text[span[0] - 1 : span[0]], text[end : end + 1]
        if (before in ("'", '"') and after == before) or after == "!":
            return True
        if text[max(0, span[0] - 2) : span[0]] == "/ " or text[end : end + 2] == " /":
            return True
        if text[max(0, span[0] - 2) : span[0]] == "- " or text[end : end + 2] == " -":
            near = text[max(0, span[0] - 30) : end + 30].casefold()
            if sum(other in near for other in _greetings() if " " not in other) >= 2:
                return True  # `Welkom - Salam - Merhaba`: greetings between dashes
    return False


_QUOTED_LIST = re.compile(r"['\"]?\s?[,/]\s?['\"]?|\s-\s|['\"]?\s(?:en|and|und|of)\s['\"]?")
"""What stands between greetings one after another: a comma, a slash or a dash, `en`, with
their quotes (`'Shalom', 'Salam' en 'Welkom'`)."""


@functools.cache
def _greetings() -> tuple[str, ...]:
    """`data/greetings.txt`, lower case, the longest first."""
    return tuple(sorted(set(_data_lines("greetings.txt")), key=len, reverse=True))


def quoted_language(text: str, span: tuple[int, int]) -> bool:
    """Whether the span stands in quotes in a sentence that says they hold a language's
    words (`Het Dari-woord 'khana' betekent huis`), and nothing before them says a name
    follows (`zijn bijnaam in het Turks is 'Memo'`)."""
    if span[0] == 0 or text[span[0] - 1] not in "'\"":
        return False
    close = text.find(text[span[0] - 1], span[1], span[1] + 40)
    if close < 0 or any(c in _SENTENCE_END for c in text[span[1] : close]):
        return False
    begin, stop = sentence_around(text, span[0])
    before = text[max(begin, span[0] - 40) : span[0]]
    return (
        not _NAMED.search(before)
        and _LANGUAGE_CUE.search(text, begin, stop) is not None
        and _MEANING_CUE.search(text, begin, stop) is not None
    )


_UPPER_SET = frozenset(
    chr(c)
    for c in [*range(0x0386, 0x0390), *range(0x0391, 0x03AC), *range(0x0400, 0x0430)]
    + [*range(0x0460, 0x052F)]
)
"""Initials, a prefix in lower case and a capitalised word: the way Dutch writes a
person (`J. de Vries`, `H.J. van den Bosch`). A new sentence opens with a capital, so
`plan B. de ...` reads on in lower case; the surname may be a common word or a place
(`de Boer`, `van Dam`, `de Vries`) and is a surname all the same."""
_INITIALLED = re.compile(_INITIALS_AND_PREFIX.pattern, re.IGNORECASE)
"""The same in any case (`j. de vries`), for a span another rule found."""
_SENTENCE_END = frozenset(".!?;:\n")


def _data_lines(name: str) -> list[str]:
    """The lines of a list in `data/`, lower case, without blank lines and `#` comments."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [
        line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#"
    ]


@functools.cache
def _not_persons() -> tuple[frozenset[str], frozenset[str]]:
    """Names that are no person, lower case: whole names, and the words of one-word names."""
    names = set(_data_lines("not_persons.txt"))
    places = person_names.place_root()
    for lst in _PLACE_LISTS:
        path = places / lst / "items.txt"
        if path.exists():
            names.update(
                line.strip().casefold() for line in path.read_text(encoding="utf-8").splitlines()
            )
    phrases = {" ".join(_WORD.findall(name)) for name in names}
    phrases.discard("")
    return frozenset(phrases), frozenset(n for n in phrases if " " not in n)


@functools.cache
def _section(title: str) -> frozenset[str]:
    """The names under one `# title` line of `not_persons.txt`, lower case."""
    here = Path(__file__).parent / "data" / "not_persons.txt"
    section = here.read_text(encoding="utf-8").split(f"# {title}\n", 1)[1]
    lines = section.split("\n#", 1)[0].splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip())


def _waters() -> frozenset[str]:
    """The rivers, waters and landscapes: they take `de` (`De Amstel`), as surnames do."""
    return _section("rivers, waters, landscapes")


def _brands() -> frozenset[str]:
    """The brands: a capitalised word after one is a model (`Renault Zoe`), not a first
    name."""
    return _section("brands, products, media")


@functools.cache
def _dutch_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    first, last, interfix, _common = person_names.words()
    return first, last, interfix


def prepare(deduce: bool = False) -> None:
    """Load the lists every case's text is held against, and deduce with `deduce` (see
    `personal_data.prepare`)."""
    if deduce:
        person_names.prepare()
    _not_persons()
    _lower_first_names()
    _world_openers()
    person_names.surnames_after_prefix()
    name_list.dutch_words()
    person_names.words()


def release() -> None:
    """Let go of everything `prepare` loaded (the lists and deduce are read again when a
    text next needs them). A build that runs once has checked every case before it renders
    a page: the render phase then runs without them, which lowers the build's peak memory
    (docs/performance.md). Every cache of the scan's modules is cleared: a list they hold
    is a list kept."""
    for namespace in (vars(name_list), vars(person_names), vars(chinese_names), globals()):
        for value in list(namespace.values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    gc.collect()  # deduce's tables hold reference cycles


def is_first_name(word: str) -> bool:
    low = word.casefold()
    return low in _dutch_names()[0] or low in name_list.names().first


def is_dutch_first_name(word: str) -> bool:
    return word.casefold() in _dutch_names()[0]


def after_prefix(word: str) -> bool:
    """A surname that stands after its prefix only (`Vries` of `de Vries`)."""
    return word.casefold() in person_names.surnames_after_prefix()


def is_surname(word: str) -> bool:
    low = word.casefold()
    return low in _dutch_names()[1] or low in name_list.names().last


def _is_name(word: str) -> bool:
    return is_first_name(word) or is_surname(word)


def is_common(word: str) -> bool:
    """Whether a word is a common Dutch word (`Plan`, `Markt`), or a dialect's (`uut`)."""
    low = word.casefold()
    return low in name_list.dutch_words() or low in _dialect_words()


@functools.cache
def _dialect_words() -> frozenset[str]:
    """`data/dialect_words.txt`: words of tenants' quotes in dialect, lower case."""
    return frozenset(_data_lines("dialect_words.txt"))


def _international_first(word: str, *, sentence_start: bool) -> bool:
    """A first name of the world-wide list that is hardly a Dutch word: rare as a word
    (Zipf under 3.0) anywhere, or among the 200 first of some country and under 4.0 inside
    a sentence (`Mehmet`, `Hamid`; not `Mark`, `Rob`, `Will`). Never an acronym (`OBA`)."""
    if word.isupper():
        return False
    low = word.casefold()
    lists = name_list.names()
    rank = lists.first.get(low)
    if rank is None or low in _dutch_names()[2] or low in _dialect_words():
        return False
    frequency = lists.frequency.get(low, 0)
    if sentence_start:
        return frequency < 30
    return frequency < 30 or (rank <= 200 and frequency < 40)


def _international_surname(word: str) -> bool:
    """A surname of the world-wide list that is hardly a Dutch word (Zipf under 3.0) nor a
    known place or body (`Kaczmarek`, `Yilmaz`, `Kovalenko`): a name on its own too. (Asked
    of a word, not made into one set: that costs every `check` a twentieth of a second.)"""
    if word.isupper():
        return False
    low = word.casefold()
    lists = name_list.names()
    return (
        len(low) > 2
        and low in lists.last
        and lists.frequency.get(low, 0) < 30
        and low not in _dutch_names()[2]
        and low not in _not_persons()[1]
    )


class Words:
    """The words of a stretch of text with their spans (in the whole text), and the tests
    on them the rules share."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        stop = len(text) if end is None else end
        self.spans = [m.span() for m in _WORD.finditer(text, start, stop)]
        self.words = [text[a:b] for a, b in self.spans]
        self.starts = [a for a, _ in self.spans]
        self.lows = [w.casefold() for w in self.words]

    def capital(self, i: int) -> bool:
        word = self.words[i]
        return word[0].isupper() and not word.isupper() or (len(word) > 1 and word.isupper())

    def sentence_start(self, i: int) -> bool:
        before = self.text[max(0, self.spans[i][0] - 3) : self.spans[i][0]]
        if i == 0:
            return not before.strip() or any(c in _SENTENCE_END for c in before)
        between = self.text[self.spans[i - 1][1] : self.spans[i][0]]
        return any(c in _SENTENCE_END for c in between)

    def joined(self, a: int, b: int) -> str:
        return self.text[self.spans[a][0] : self.spans[b - 1][1]]


def find(
    text: str, declared: Iterable[str] = (), flagged: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Spans of person names in a visible text (see the module's docstring). Only the
    sentences a cheap test flags are read word by word (`windows`; `flagged` when the
    caller asked for them already): most have none."""
    if flagged is None and known_name(text):
        return []  # a place, an organisation, a law or a brand, written whole
    spans_to_read = windows(text) if flagged is None else flagged
    if not spans_to_read:
        return []
    kept = _phrases(declared)
    reading = _Reading()
    found: list[tuple[int, int]] = []
    for start, end in spans_to_read:
        words = Words(text, start, end)
        if not words.words:
            continue
        spans = list(_after_cues(words))
        spans.extend(_from_the_list(words))
        spans.extend(_chinese_names(words))
        spans.extend(_lower_case_names(words))
        spans.extend(_quoted_lower_names(text, start, end))
        spans.extend(
            m.span()
            for m in _INITIALS_AND_PREFIX.finditer(text, start, end)
            if not m.group().upper().startswith(_FIRM_PREFIXES)  # `Jansen, B.V. uit Zwolle`
        )
        # A surname before its initials is a person's in a list's order: not weighed again
        # (`DE BOER, J.`: `boer` is a word too).
        found.extend(
            m.span()
            for m in _SURNAME_THEN_INITIALS.finditer(text, start, end)
            if m.group(2).upper() not in _FIRM_FORMS
            and m.group(1).split()[-1].lower() in _dutch_names()[1]
        )
        if not text.isascii():
            spans.extend(_other_script_names(text, start, end))
        spans.extend(
            span
            for span in _from_deduce(text, start, end, spans, reading)
            if not _imperative(words, span)
        )
        for span in _merged(spans):
            if (
                quoted_language(text, span)
                or _greeting(text, span)
                or _abbreviation_at(text, span[0])
                or _building_named(text, span)
            ):
                continue
            if not _no_person(words, span, kept):
                found.append(span)
                continue
            # A span joined from several is dismissed whole (`Fatma Demir uit de
            # Molenstraat`, read by deduce as one name, ends in a street): a part of it
            # that a place's phrase follows is weighed on its own.
            parts = _merged([p for p in spans if span[0] <= p[0] and p[1] < span[1] and p != span])
            found.extend(
                p
                for p in parts
                if (
                    _PLACE_PHRASE.match(text, p[1], span[1])
                    or _SET_APART.match(text, p[1], span[1])
                )
                and not _no_person(words, p, kept)
            )
    found = [part for span in found for part in _sentence_parts(text, *_with_surname(text, span))]
    return _every_occurrence(text, _merged(found + _coordinated(text, found)))


_PLACE_PHRASE = re.compile(r" (?:uit|aan|in|op|bij) (?:de|het|den|'t) ")
"""Where deduce reads on from a name into a place (`Fatma Demir uit de Molenstraat`)."""
_SET_APART = re.compile(r"\s?[,;(|–—-]\s?|\s(?:de |van |der |den )*[A-Z][\w-]*\s?[,;(|–—-]")
"""Or into what a mark sets apart (`Sanne de Vries - Eikenlaan`): the name before it is
weighed on its own."""
_NEXT_CAPITAL = re.compile(r" ([A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}(?:-[A-ZÀ-ÖØ-Þ]?[^\W\d_]{1,30}){0,2})\b")


def _with_surname(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name found with the capitalised word right after it that no list knows
    (`Mohammed Al-Khatib`, where the lists know `Mohammed`), or right before it
    (`Gulalai Ahmadzai`, where they know `Ahmadzai`): the whole name is reported and
    masked, not half of it."""
    after = _NEXT_CAPITAL.match(text, span[1])
    if after is not None and _unknown_capital(after.group(1)):
        span = span[0], after.end(1)
    before = _CAPITAL_BEFORE.search(text, max(0, span[0] - 34), span[0])
    if before is not None and _unknown_capital(before.group(1)):
        span = before.start(1), span[1]
    return span


_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}) $")


def _unknown_capital(word: str) -> bool:
    """A capitalised word beside a name that is no common Dutch word, known body or place,
    title, role or street: a part of the name no list knows."""
    low = word.casefold()
    known = _not_persons()[1]
    return not (
        is_common(low)
        or low in known
        or low in _CUE_SET
        or _organisation_word(low)
        or _institution(low)
        or _STREET_END.search(low)
        or any(is_common(part) or part in known for part in low.split("-") if len(part) > 2)
    )


_NAME_PAIR = r"[A-ZÀ-ÖØ-Þ][^\W\d_]{2,30}(?:[ -][A-ZÀ-ÖØ-Þ][^\W\d_]{2,30}){1,2}"
_PAIR_BEFORE = re.compile(rf"({_NAME_PAIR}),? (?:en|&) $")
_PAIR_AFTER = re.compile(rf",? (?:en|&) ({_NAME_PAIR})")


def _coordinated(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two or three capitalised words joined by `en` to a name found (`Ghebremariam Weldeab
    en Senait Tesfamariam`): a second person, when none of the words is a common Dutch
    word, a place or a known body (a first name the lists lack is a name all the same)."""
    more = []
    for start, end in found:
        before = _PAIR_BEFORE.search(text, max(0, start - 70), start)
        after = _PAIR_AFTER.match(text, end, min(len(text), end + 70))
        for match in (before, after):
            if match is None:
                continue
            words = [w.casefold() for w in re.split(r"[ -]", match.group(1))]
            known = _not_persons()[1]
            if not any(is_common(w) or w in known or w in _CUE_SET for w in words):
                more.append(match.span(1))
    return more


_PUNCTUATION = str.maketrans({c: " " for c in '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~’‘“”'})
_AFTER_ROLE = re.compile(r"\.?[ ,:(]{1,4}(?:[A-ZÀ-ÖØ-Þ]|['\"][^\W\d_])")
"""What follows a role word that names someone: a capital, initials, a quoted name."""
_LETTERS_AT = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}")
_TEXT_FIRST = re.compile(r"\s?[\"'(]?([A-ZÀ-ÖØ-Þ][^\W\d_]{2,})")
_END = re.compile(r"[.!?;](?=\s|$)")


_CUE_SET = frozenset(TITLES | ROLES)


def _international_firsts(text: str, openers: list[int]) -> list[int]:
    """Where a first name of the world-wide list opens a sentence: the sentences' first
    words (`openers`: the capitals that open one) are held against the list at once (a
    set operation), and only a word found there is looked at again."""
    firsts = [(i, _LETTERS_AT.match(text, i)) for i in openers if _starts_sentence(text, i)]
    words = {(i, m.group()) for i, m in firsts if m is not None}
    opening = _TEXT_FIRST.match(text)
    if opening:
        words.add((opening.start(1), opening.group(1)))
    lows = {w.casefold() for _, w in words}
    known = (lows & _world_openers()) | (lows & name_list.names().last.keys())
    if not known:
        return []
    names = {
        w
        for _, w in words
        if w.casefold() in known and (w.casefold() in _world_openers() or _international_surname(w))
    }
    if not names:
        return []
    return sorted(
        i
        for i, w in words
        if w in names
        and (_international_first(w, sentence_start=True) or _international_surname(w))
    )


def _starts_sentence(text: str, capital: int) -> bool:
    """A capital after a sentence's end, one or two spaces and at most one quote or
    bracket (one of the capitals `person_names.openings` gives, in fewer places)."""
    if capital > 1 and text[capital - 1] == " " and text[capital - 2] in ".!?;:":
        return True  # the common case: after a full stop and a space
    at = capital - 1
    if at >= 0 and text[at] in "\"'(":
        at -= 1
    if at < 1 or not text[at].isspace():
        return False
    if text[at - 1] in ".!?;:":
        return True
    return at >= 2 and text[at - 1].isspace() and text[at - 2] in ".!?;:"


@functools.cache
def _world_openers() -> frozenset[str]:
    """First names of the world-wide list that count at a sentence's start (rare as a
    Dutch word): the sentence-start test, as one set."""
    lists = name_list.names()
    interfix = _dutch_names()[2]
    return frozenset(
        word for word in lists.first if lists.frequency.get(word, 0) < 30 and word not in interfix
    )


def windows(text: str) -> list[tuple[int, int]]:
    """The sentences that may hold a name: a capitalised word inside a sentence, an
    initial, a title or a Dutch first name (`person_names.candidate_sentences`), a role
    word before a capital or a quote, a first name of the lists in lower case, a first
    name of the world-wide list opening a sentence. Found from the text's capitals (one
    byte scan, `person_names.capitals`), substring searches and set operations; Python
    looks only at what they found. (A case's fields are asked once, joined:
    `personal_data` gives each field its windows.)"""
    caps = person_names.capitals(text)
    opening = person_names.openings(text, caps)
    spans = list(person_names.candidate_sentences(text, caps, opening))
    folded = text.casefold()
    tokens = set(folded.translate(_PUNCTUATION).split())
    if "'" in folded:  # `met 'henk' over`: a quote is part of no name's first or last letter
        tokens.update([token.strip("'") for token in tokens if "'" in token])
    places: list[int] = []
    for cue in tokens & _CUE_SET:
        title = cue in TITLES
        at = folded.find(cue)
        while at >= 0:
            end = at + len(cue)
            whole = (at == 0 or not folded[at - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            )
            if whole and (title or _AFTER_ROLE.match(text, end) or _lower_after(text, end)):
                places.append(at)
            at = folded.find(cue, end)
    lower = tokens & _lower_first_names()
    lower |= tokens & _dutch_names()[0]  # set operations, in C: most texts have many words
    lower.update(t for t in name_list.names().first.keys() & tokens if _lower_pair_first(t))
    if lower:
        words = "|".join(re.escape(w) for w in sorted(lower))
        pattern = r"(?<!\w)(?:" + words + r")(?!\w)"
        places.extend(m.start() for m in re.finditer(pattern, text, re.IGNORECASE))
    places.extend(_international_firsts(text, opening))
    places.extend(start for start, _ in _quoted_lower_names(text, 0, len(text)))
    places.extend(m.start() for m in _LOWER_INITIAL.finditer(text))
    if not text.isascii() and _OTHER_SCRIPT.search(text):
        places.extend(start for start, _ in _other_script_names(text, 0, len(text)))
    spans.extend(sentence_around(text, place) for place in places)
    return _merged(spans)


_SURNAME_THEN_INITIALS = re.compile(
    r"\b((?:(?:[Dd]e|DE|[Vv]an|VAN|[Dd]er|DER|[Dd]en|DEN|[Tt]er|TER|[Tt]en|TEN) ){0,3}"
    r"[A-Z][A-Za-z'-]{1,30}), ((?:[A-Z]\.){1,4})(?![\w.])"
)
"""A surname of the lists before its initials, as a list or a system exports it (`DE BOER,
J.`, `Yilmaz, M.A.`)."""
_FIRM_FORMS = frozenset(["B.V.", "N.V.", "V.O.F.", "C.V.", "E.A.", "U.A.", "W.A."])
_FIRM_PREFIXES = tuple(_FIRM_FORMS)
"""A firm's legal form reads like initials (`Jansen, B.V. uit Zwolle`)."""
_LOWER_INITIAL = re.compile(
    r"\.(?<=(?<![\w])[a-z]\.) (?=[a-z]{3}|(?:de|van|der|den|ter|ten|te) [a-z])"
)
"""An initial in lower case before a word (`m. yilmaz`): found from its full stop."""


_QUOTED_LOWER = re.compile(r"(?<!\S)['\"‘“]([a-zß-ÿ][a-zß-ÿ-]{2,30})['\"’”](?!\w)")


def _quoted_lower_names(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A first name in quotes, in lower case (`‘wim’ zei`, `met 'fatma'`): a Dutch first
    name, or one of the world-wide list that is rare as a word; a quoted word is no name
    (`'eindelijk'`, `alert('colon')`)."""
    if "'" in text or "‘" in text or '"' in text or "“" in text:
        dutch_first = _dutch_names()[0]
        for match in _QUOTED_LOWER.finditer(text, start, end):
            low = match.group(1)
            if (low in dutch_first and low not in _ORDINARY_NAMES) or _rare_first(low):
                yield match.span(1)


def _lower_after(text: str, end: int) -> bool:
    """Whether a role word ending at `end` is followed by a name in lower case (with its
    prefixes: `huurder de vries`)."""
    after = _LOWER_AFTER_ROLE.match(text, end)
    if after is not None and _lower_name(after.group(1), set_off=True):
        return True
    prefixed = _LOWER_PREFIXED_AFTER.match(text, end)
    return prefixed is not None and prefixed.group(1) in person_names.surnames_after_prefix()


_LOWER_PREFIXED_AFTER = re.compile(
    r"[ ,:(-]{1,4}(?:(?:van|de|den|der|ter|ten|te) ){1,3}([a-z]{3,30})"
)


def sentence_around(text: str, place: int) -> tuple[int, int]:
    """The sentence around `place`, at most `CHUNK` characters on either side."""
    low = max(0, place - CHUNK)
    begin = max((text.rfind(c, low, place) for c in ".!?;"), default=-1)
    begin = low if begin < 0 and low > 0 else begin + 1
    stop = _END.search(text, min(len(text), place + 24), min(len(text), place + CHUNK))
    return begin, stop.end() if stop else min(len(text), place + CHUNK)


class _Reading:
    """What deduce has read in one text: names it found, capitalised words it found none in."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.cleared: set[str] = set()


_KIN_WORDS = frozenset(
    [
        "broer",
        "zus",
        "zuster",
        "moeder",
        "vader",
        "zoon",
        "dochter",
        "oom",
        "tante",
        "opa",
        "oma",
        "neef",
        "nicht",
        "echtgenoot",
        "echtgenote",
        "partner",
        "vriend",
        "vriendin",
        "buurman",
        "buurvrouw",
        "weduwe",
        "weduwnaar",
    ]
)
_KIN = re.compile(
    r"\b(?:" + "|".join(sorted(_KIN_WORDS, key=len, reverse=True)) + r")\s(?:van|v\.)\s",
    re.IGNORECASE,
)
"""A family tie before `van` (`broer van de huurder`): the kin words above."""


def cued(text: str) -> list[tuple[int, int]]:
    """Names a title, a role or a family tie points at (`Familie Haddou`, `meneer Bos`,
    `Ahmed (broer van de huurder)`): in a declared name, these make it a person's."""
    tokens = set(text.casefold().translate(_PUNCTUATION).split())
    if not tokens & _CUE_SET and not tokens & _KIN_WORDS:
        return []
    words = Words(text)
    spans = list(_after_cues(words))
    spans.extend(m.span() for m in _KIN.finditer(text))
    return spans


def known_name(text: str) -> bool:
    """Whether a text is, written whole, a name that is no person (a place, a body, a law)."""
    return " ".join(_WORD.findall(text.casefold())) in _not_persons()[0]


def _phrases(declared: Iterable[str]) -> frozenset[str]:
    """The declared names as whole phrases (lower case), also without a leading
    organisation word (`Woonstichting De Vaart` also exempts `De Vaart` written whole)."""
    found = set()
    for name in declared:
        low = " ".join(_WORD.findall(name.casefold()))
        if low:
            found.add(low)
            first, _, rest = low.partition(" ")
            if rest and first in _ORGANISATION_WORDS:
                found.add(rest)
    return frozenset(found)


_ORGANISATION_WORDS = frozenset(
    [
        "stichting",
        "woonstichting",
        "wooncorporatie",
        "corporatie",
        "woningcorporatie",
        "woningstichting",
        "woonbedrijf",
        "woongroep",
        "woonzorg",
        "zorggroep",
        "zorg",
        "vereniging",
        "gemeente",
        "team",
        "wijkteam",
        "fonds",
        "welzijn",
        "coöperatie",
        "groep",
        "regio",
        "partner",
        "samenwerkingsverband",
        "bv",
        "nv",
    ]
)


_GROUP_MENTIONS = frozenset(
    ("iedereen", "allen", "alle", "allemaal", "team", "kanaal", "groep", "bewoners", "buren")
    + ("collega's", "leden", "everyone", "channel", "here", "all")
)
"""A chat's mention of everyone in it (`@Iedereen`), not of one person (`@Vos`, `@Kok`:
surnames that are words too)."""


def organisation_account(handle: str) -> bool:
    """Whether a social-media account's name is a body's (`@Woonbond`, `@VNG`,
    `@gemeenteutrecht`, `@wijkteamzuid`, `@Aedes_nl`): an organisation's word at its start
    or end, or a known body, place or brand among its parts; or a chat's mention of a group
    or a team (`@Iedereen`, `@allen`, `@Verhuur`)."""
    low = handle.casefold().lstrip("@")
    parts = [p for p in re.split(r"[._\d]+", low) if p]
    if len(parts) > 1 and any(_personal_part(p) for p in parts):
        return False  # `@woonbond_truus`, `@kevin_vestia_huurder`: someone's, though a
        # body is named in it
    starts = _ORGANISATION_WORDS | {"woon", "gemeente", "wijk", "buurt", "stad", "provincie"}
    return (
        low in _GROUP_MENTIONS
        or (  # `@Verhuur`, `@Beheer`: a team's word, no surname (`@Vos`, `@Kok`)
            len(parts) == 1 and is_common(low) and not _is_name(low) and not _known_surname(low)
        )
        or looks_like_organisation(low)
        or any(low.startswith(word) for word in starts if len(word) > 3)
        or low in _not_persons()[1]  # `@Platform31`
        or any(p in _not_persons()[1] or is_place(p) for p in parts)
    )


def _personal_part(part: str) -> bool:
    """A first name among an account's parts (`truus` of `@woonbond_truus`)."""
    return (
        _lower_pair_first(part)
        and part not in _WORD_FIRST_NAMES
        and not is_place(part)
        and part not in _not_persons()[1]
        and not _organisation_word(part)
    )


def looks_like_organisation(value: str) -> bool:
    """Whether a declared value says what kind of body it is (`Stichting ...`, `...
    Wonen`, `Wijkteam ...`)."""
    return any(
        w in _ORGANISATION_WORDS or w.endswith(_ORGANISATION_ENDINGS)
        for w in _WORD.findall(value.casefold())
    )


_ORGANISATION_ENDINGS = (
    "instituut",
    "academie",
    "school",
    "universiteit",
    "ziekenhuis",
    "college",
    "foundation",
    "museum",
    "bedrijf",
    "bouw",
    "diensten",
    "advies",
    "architecten",
    "installaties",
    "techniek",
    "makelaardij",
    "zorg",
    "wonen",
    "woondiensten",
    "groep",
    "stichting",
    "corporatie",
    "team",
    "werk",
    "fonds",
    "bank",
    "raad",
    "centrum",
    "loket",
    "dienst",
    "vereniging",
    "commissie",
    "preventie",  # `Buurtpreventie Hasselt-Noord`
    "buurtwacht",
    "bemiddeling",
    "overleg",
    "platform",
)


def _after_cues(words: Words) -> Iterator[tuple[int, int]]:
    """A title or role word followed by initials, a quoted name or a capitalised word (a
    title also by a name in lower case), across a comma, colon or opening bracket."""
    text = words.text
    for i, word in enumerate(words.words):
        low = word.casefold()
        title = low in TITLES
        after = words.spans[i][1]
        dotted = text[after : after + 1] == "."
        # A case note's short forms: `clt` (`Clt.` opening a sentence; `CLT Brussel` is a
        # community land trust) and `bew.` (bewoner), only with its full stop.
        short_form = (
            low == "clt"
            and (word == "clt" or (word == "Clt" and (dotted or _INITIALS.match(text, after + 1))))
        ) or (low == "bew" and dotted and not word.isupper())
        if not title and not short_form and (low not in ROLES or low in ("clt", "bew")):
            continue
        if (title or low in ("fam", "clt", "bew")) and after < len(text) and text[after] == ".":
            after += 1  # `dhr.`, `fam.`: an abbreviation's full stop
        gap = re.match(r"[ ,:(—–-]*", text[after : after + 12])
        at = after + (gap.end() if gap else 0)
        initials = _INITIALS.match(text, at)
        if initials and initials.end() > at:
            yield at, initials.end() if text[initials.end() - 1] != " " else initials.end() - 1
            continue
        quoted = re.match(r"(['\"])([^\W\d_][\w-]{0,30})\1", text[at : at + 40])
        if quoted and _quoted_name(quoted.group(2)):
            yield at, at + quoted.end()
            continue
        lower_surname = _lower_prefixed_surname(words, i + 1)
        if lower_surname is not None:
            yield words.spans[i + 1][0], words.spans[lower_surname][1]  # `huurder de vries`
            continue
        j = i + 1
        # `van der`, `de` before a surname; after a role only when written as part of a
        # name (`huurder Van Dam`, but `consulent van Woonstichting ...`)
        loose = title or low in ("familie", "fam", "gezin")
        while j < len(words.words) and words.words[j].casefold() in _dutch_names()[2]:
            if not loose and not words.words[j][0].isupper():
                break
            j += 1
        if j >= len(words.words) or words.spans[j][0] - after > 12 + 10 * (j - i - 1):
            continue
        if j > i + 1 and not loose and not words.words[i + 1][0].isupper():
            continue
        if any(c in _SENTENCE_END for c in text[after : words.spans[j][0]]):
            continue
        candidate = words.words[j]
        folded = candidate.casefold()
        # a street's word alone after a title is a surname (`Mw. Laan`, `Dhr. Steeg`)
        ending = _STREET_END.search(folded)
        street = (
            ending is not None
            and folded not in _NOUN_SURNAMES
            and not (title and ending.start() == 0)
        )
        if street or _organisation_word(folded) or folded in _OFFICES:
            continue
        head, _, rest = candidate.partition("-")
        if (
            rest.islower()
            and len(rest) > 3
            and 1 < sum(c.isupper() for c in head) <= len(head) <= 5
        ):
            continue  # `Mw. PGB-houder`, `Mw. WMO-consulent`: a role, not a name
        if words.capital(j):
            # After a title, a capitalised prefix makes a surname of any word (`meneer Van
            # Leeuwen`, `mevrouw De Boer`).
            prefixed = title and j > i + 1 and words.words[i + 1][0].isupper()
            noun = title and folded in _NOUN_SURNAMES  # `Mevrouw Koning`, `MEVROUW KONING`
            bare_street = title and ending is not None and ending.start() == 0  # `Mw. Laan`
            if prefixed or noun or bare_street or _is_name(candidate) or not is_common(candidate):
                yield words.spans[i + 1][0], words.spans[j][1]
        elif title and (
            (_is_name(candidate) and folded not in _NOT_AFTER_TITLE)
            or (j == i + 1 and folded in _NOUN_SURNAMES and text[after : after + 1] == " ")
            or _lower_prefixed(words, i, j)
        ):
            yield words.spans[i + 1][0], words.spans[j][1]
        elif j == i + 1 and _lower_name(candidate, _set_off(text, after, words.spans[j][1])):
            yield words.spans[j]  # `huurder kowalski`, `de vader, yusuf, werkt`


def _quoted_name(word: str) -> bool:
    """Whether a quoted word after a title or role word is a name: capitalised, or a name
    of the lists, or no Dutch word (`bewoner 'henk'`; not `wat de bewoner 'thuis' noemt`)."""
    return word[0].isupper() or _is_name(word) or not is_common(word)


def _lower_prefixed_surname(words: Words, first: int) -> int | None:
    """The index of the surname when the words from `first` on are a surname's prefixes and
    a surname in lower case (`de vries`, `van den berg`): a surname deduce knows after a
    prefix that is no Dutch word, or is a Dutch surname right after the role word, or any
    such surname after `van der` or `van den`, which are nothing else (`bewoner van de
    wijk`, `de vader de kinderen` name no one)."""
    k = first
    while k < len(words.words) and words.lows[k] in _dutch_names()[2] and words.words[k].islower():
        k += 1
    if k == first or k >= len(words.words) or not words.words[k].islower():
        return None
    if any(c in _SENTENCE_END for c in words.text[words.spans[first][0] : words.spans[k][0]]):
        return None
    surname = words.lows[k]
    if surname not in person_names.surnames_after_prefix() or surname in _ORDINARY_NAMES:
        return None
    prefix = words.lows[first:k]
    if prefix in (["van", "der"], ["van", "den"]) or not is_common(surname):
        return k
    # A Dutch surname that is a word too, right after the role word (`huurder de vries`,
    # `bewoonster van leeuwen`; not `de moeder, de jongste van vijf`, `bewoner van boven`)
    gap = words.text[words.spans[first - 1][1] : words.spans[first][0]] if first else ","
    if prefix == ["van"] and surname in _VAN_PHRASES:
        return None
    listed = _VAN_SURNAMES if prefix == ["van"] else _DE_SURNAMES
    known = surname in _dutch_names()[1] or surname in listed
    return k if known and "," not in gap else None


def _set_off(text: str, before: int, after: int) -> bool:
    """Whether the word from `before` to `after` stands between commas or dashes (`de
    begeleider, ingrid, belde`)."""
    opened = any(mark in text[before : before + 3] for mark in ",-")
    return opened and text[after : after + 2].lstrip()[:1] in (",", "-")


def _lower_name(word: str, set_off: bool) -> bool:
    """A word in lower case after a role word that is a name of the lists and no Dutch
    word (`kowalski`, `yusuf`; not `betaalde`, `zelf`) or rare as one (Zipf 3.2 or less:
    `mehmet`, `haddad`), or a Dutch surname that is a word
    too (`buurvrouw jansen`), or a Dutch first name (`huurder henk`) that, when it is an
    everyday word too, stands `set_off` between commas (`de begeleider, ingrid, belde`; not
    `elke bewoner koos zelf`); never a trade or a colour (`haar vader, bakker van beroep`)."""
    if len(word) <= 2 or not _is_name(word) or word in _dialect_words():
        return False
    if not is_common(word):
        return True
    lists = name_list.names()
    frequency = lists.frequency.get(word, 0)
    if 0 < frequency <= 32:
        return True  # `zoon mehmet`, `gezin haddad`: a name the lists know, rare as a word
    if frequency < 40 and lists.first.get(word, 1000) <= 200 and word not in _WORD_FIRST_NAMES:
        # `huurder fatima`: among the 200 first names of some country, and no frequent word
        return not is_place(word) and word not in _not_persons()[1]
    if word.endswith("t") and is_common(word[:-1]):
        return False  # `de huurder verwijst`: a verb (`verwijs`, `verwijst`), though a surname
    first, last, _ = _dutch_names()
    dutch_first = word in first and (set_off or word not in _WORD_FIRST_NAMES)
    return word not in _ORDINARY_NAMES and (word in last or dutch_first)


_ORDINARY_NAMES = frozenset(
    [
        "bakker",
        "visser",
        "smit",
        "kok",
        "timmerman",
        "schilder",
        "boer",
        "koster",
        "slager",
        "molenaar",
        "kuiper",
        "metselaar",
        "schipper",
        "mulder",
        "koning",
        "graaf",
        "max",
        "zwart",
        "wit",
        "groot",
        "klein",
        "jong",
        "oud",
        "de",
        "van",
    ]
)
"""Dutch surnames and first names that are ordinary words after a role word: trades,
colours, sizes (`zijn vader, timmerman, werkt weer`)."""

_NOUN_SURNAMES = frozenset(
    ["vos", "bos", "maas", "prins", "blom", "vink", "mol", "wolf", "kramer", "haan"]
    + ["bakker", "visser", "smit", "smid", "kok", "koster", "schipper", "kuiper", "mulder"]
    + ["molenaar", "brouwer", "dekker", "timmerman", "schilder", "slager", "koning", "boer"]
    + ["huisman", "schouten", "bosch", "hoek", "veen", "meer", "berg", "beek", "dijk"]
)
"""Frequent Dutch surnames that are nouns too, a name right after a title (`meneer vos`,
`mevrouw bakker`): a title is followed by a verb, an adverb, an article or a name, and
bare nouns after it (`gaven meneer hulp`) are not among these. Not `groen` (`gaven
mevrouw groen licht`), `post` or `weg` (`stuurden meneer weg`)."""


_LOWER_AFTER_ROLE = re.compile(r"[ ,:(—–-]{1,4}([a-zß-ÿ][a-zß-ÿ'-]{2,30})\b")


_ADDRESSED = frozenset(
    ["mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "mnr", "dhr", "heer", "juffrouw"]
)
_BEFORE_OBJECT = frozenset(["met", "bij", "voor", "door", "aan", "naar", "van", "over"])


def _lower_prefixed(words: Words, i: int, j: int) -> bool:
    """Whether a title, a surname's prefix and a word in lower case are a person (`mevrouw
    de jong`, `dhr. van der berg`). `van der` and `van den` are nothing else. After `de`,
    `ter` or `ten` the word must be a surname deduce knows after a prefix, and the title
    open the sentence or follow a preposition: `gaf mevrouw de sleutel` names no one."""
    if words.lows[i] not in _ADDRESSED or not words.words[j].islower():
        return False
    prefix = words.lows[i + 1 : j]
    if prefix in (["van", "der"], ["van", "den"]):
        return True
    surname = words.lows[j]
    if surname not in person_names.surnames_after_prefix():
        return False
    if prefix == ["van"]:
        # `meneer van dijk`, not `mevrouw van boven`, `feliciteren mevrouw van harte`
        return surname not in _VAN_PHRASES and (
            surname in _dutch_names()[1] or surname in _VAN_SURNAMES or not is_common(surname)
        )
    at = i - 1 if i > 0 and words.lows[i] == "heer" and words.lows[i - 1] == "de" else i
    placed = words.sentence_start(at) or (at > 0 and words.lows[at - 1] in _BEFORE_OBJECT)
    known = surname in _DE_SURNAMES or not is_common(surname)  # `deed mevrouw de jong`
    return prefix in (["de"], ["ter"], ["ten"]) and (placed or known)


_DE_SURNAMES = frozenset(
    ["jong", "boer", "groot", "graaf", "haan", "bruin", "wit", "lange", "leeuw", "koning"]
    + ["vos", "bos", "ruiter", "zwaan", "kok", "smit", "visser", "bakker", "wolf", "haas"]
)
"""Frequent Dutch surnames after `de` that are words too (`de jong`): after a title or role
word a name, where the sentence puts them (`deed mevrouw de jong niet open`); no object
after a title is one of these (`gaf mevrouw de sleutel`)."""
_VAN_SURNAMES = frozenset(
    ["leeuwen", "dijk", "dam", "berg", "beek", "veen", "heuvel", "linden", "velde", "vliet"]
    + ["bergen", "zanden", "laar", "wijngaarden", "rijn", "dongen", "loon", "es", "os"]
)
"""The same after `van` (`bewoonster van leeuwen`), not the words a phrase with `van` goes
on with (`van meer dan`, `van jong tot oud`, `van wijk Overvecht`)."""
_VAN_PHRASES = frozenset(
    ["harte", "huis", "boven", "beneden", "binnen", "buiten", "streek", "slag", "plan"]
    + ["school", "zin", "zins", "nature", "jongs", "toen", "nu", "dag", "ouds", "oudsher"]
    + ["elkaar", "alles", "node", "voren", "achteren", "onderen", "tevoren", "geld", "weg"]
    + ["dienst", "waarde", "belang", "start", "kant", "afstand", "dichtbij", "hiernaast"]
    + ["wijk", "meer", "jong", "oud", "hoek", "buurt"]
)
"""Words after `van` that make a phrase, not a surname (`feliciteren mevrouw van harte`,
`de meneer van boven`, `meneer van slag`), though deduce knows some as surnames."""
_NOT_AFTER_TITLE = _ORDINARY_NAMES | _VAN_PHRASES
"""Names of the lists that are no name after a title: trades and colours, and the words a
phrase with `van` goes on with."""


def brand_and_place(value: str) -> bool:
    """Whether a declared value reads as a brand before a place or region (`Domesta
    Drenthe`, `Woongoed Waal`: most corporations are named so): a word of it is a known
    place, river or body, and none is a first name."""
    if _STARTS_WITH_INITIAL.match(value):
        return False  # `J. de Vries`: initials open a person's name, whatever follows
    words = _WORD.findall(value)
    known = _not_persons()[1]
    return any(w.casefold() in known for w in words) and not any(is_first_name(w) for w in words)


_STARTS_WITH_INITIAL = re.compile(r"\s*[A-ZÀ-ÖØ-Þ]\.")


def one_word_no_first_name(value: str) -> bool:
    """Whether a declared value is one word that is no first name (`Weller`, `Vivare`): an
    organisation's name, though the same word is a surname somewhere (a surname alone names
    no one there; in a story it does: `Kaczmarek kreeg de sleutel`)."""
    words = _WORD.findall(value)
    return len(words) == 1 and not is_first_name(words[0])


def is_brand(word: str) -> bool:
    """Whether a word is a brand or a product of the list (`Office`, `Teams`)."""
    return word.casefold() in _brands()


def is_place(word: str) -> bool:
    """Whether a word is a known place, region or river on its own (`Harderwijk`)."""
    return word.casefold() in _not_persons()[1]


_MODEL_NUMBER = re.compile(r" \d{1,4}[a-zA-Z]{0,3}\b")
"""A product's type number after its name (`Sky 300`, `Ace 28c`)."""
_GERMAN_BODIES = frozenset(("stadt", "kreis", "landkreis", "gemeinde"))
"""A German public body's word before its place's name (`Stadt Gronau`, `Kreis Borken`):
the border's towns are partners of the east's corporations."""


def _organisation_word(word: str) -> bool:
    return word in _ORGANISATION_WORDS or word.endswith(_ORGANISATION_ENDINGS)


def _from_the_list(words: Words) -> Iterator[tuple[int, int]]:
    """A first name and a surname (any case), and a capitalised first name of the world-wide
    list that is hardly a Dutch word."""
    interfix = _dutch_names()[2]
    n = len(words.words)
    i = 0
    while i < n:
        word = words.words[i]
        low = word.casefold()
        capital = words.capital(i)
        if not capital and low not in _lower_first_names():
            i += 1
            continue
        j = i + 1
        while j < n and words.words[j].casefold() in interfix:
            j += 1
        if j < n and j > i and is_first_name(word) and words.spans[j][0] - words.spans[i][1] < 40:
            other = words.words[j]
            joined = not any(
                c in _SENTENCE_END for c in words.text[words.spans[i][1] : words.spans[j][0]]
            )
            if joined and _pair(word, other, capital, words.capital(j)):
                yield words.spans[i][0], words.spans[j][1]
                i = j + 1
                continue
        if capital and (
            _international_first(word, sentence_start=words.sentence_start(i))
            or _international_surname(word)
        ):
            yield words.spans[i]
        i += 1


def _chinese_names(words: Words, capitals: bool = True) -> Iterator[tuple[int, int]]:
    """A Chinese surname and a given name in pinyin, in either order (`Wang Xiuying`),
    capitalised in running text: the given name is no Dutch word (`Long Covid`, `Ding
    Dong` name no one)."""
    for i in range(len(words.words) - 1):
        first, second = words.words[i], words.words[i + 1]
        if capitals and not (first[0].isupper() and second[0].isupper()):
            continue
        if capitals and words.text[words.spans[i][1] : words.spans[i + 1][0]] != " ":
            continue
        given = chinese_names.pair(first, second)
        if given is not None and not is_common(second if given == "second" else first):
            yield words.spans[i][0], words.spans[i + 1][1]


@functools.cache
def _lower_first_names() -> frozenset[str]:
    """First names that are no common Dutch word: where a lower-case pair may start."""
    world = name_list.names().first.keys()
    return frozenset(_dutch_names()[0].union(world).difference(name_list.dutch_words()))


def _lower_pair_first(low: str) -> bool:
    """A first name that opens a name written in lower case or in capitals (`jan de vries`,
    `JOHAN MEIJER`): one of deduce's Dutch first names (its list holds no common word), or
    of the world-wide list's first names that are rare as Dutch words (Zipf under 3.0).
    Asked word by word: a set of their union costs each `check` process its making."""
    if low in _dutch_names()[0]:
        return True
    lists = name_list.names()
    return low in lists.first and lists.frequency.get(low, 0) < 30


def _lower_pair_last(low: str, prefixed: bool) -> bool:
    """A surname that closes such a name: deduce's Dutch surnames and the world-wide list's
    surnames rare as Dutch words; after a prefix (`van den berg`) also deduce's surnames
    that take one."""
    if low in _dutch_names()[1]:
        return True
    lists = name_list.names()
    if low in lists.last and lists.frequency.get(low, 0) < 30:
        return True
    return prefixed and low in person_names.surnames_after_prefix()


_ABBREVIATIONS = frozenset(
    re.split(
        " ",
        "t.a.v. n.a.v. m.b.t. i.v.m. t.b.v. i.p.v. m.u.v. o.a. d.w.z. z.s.m. e.d. a.s. v.w.b. "
        "i.o.m. o.b.v. m.i.v. t.z.t. e.a. c.q. z.o.z. i.s.m. w.o. m.n. b.v. o.l.v. i.c.m. "
        "m.m.v. a.d.h.v. p.p. v.a. t.o.v. n.v.t. i.e. e.g. v.z.",
    )
)
"""Dutch abbreviations of single letters: no initials (`t.a.v. de raad`)."""


def _initials_start(text: str, at: int) -> int:
    """Where the initials that end with the one at `at` start (`j.j.` of `j.j. de vries`)."""
    while (
        at >= 2
        and text[at - 1] == "."
        and text[at - 2].isalpha()
        and (at == 2 or not text[at - 3].isalnum())
    ):
        at -= 2
    return at


def _lower_case_names(words: Words) -> Iterator[tuple[int, int]]:
    """Names written all in lower case or all in capitals, where no capital marks them: a
    first name, its prefixes and a surname written alike (`jan de vries`, `anna kowalska`,
    `JOHAN MEIJER`), an initial before a surname (`m. yilmaz`), and a Dutch first name
    opening a sentence in lower case (`kees had ...`)."""
    interfix = _dutch_names()[2]
    text, n = words.text, len(words.words)
    for i, word in enumerate(words.words):
        lower = word.islower()
        if not lower and not (word.isupper() and len(word) > 1):
            continue
        low = words.lows[i]
        if lower and len(word) == 1 and i + 1 < n:
            between = text[words.spans[i][1] : words.spans[i + 1][0]]
            j = i + 1
            while (
                j + 1 < n and j - i < 4 and words.lows[j] in interfix and words.words[j].islower()
            ):
                j += 1  # `j. de vries`, `j.j. van der berg`
            initial = (
                between == ". "
                and words.words[j].islower()
                and _lower_pair_last(words.lows[j].partition("-")[0], j > i + 1)
            )
            begin = _initials_start(text, words.spans[i][0])
            if (
                initial
                and (i < 2 or text[words.spans[i][0] - 2 : words.spans[i][0]] != ". ")
                and text[begin : words.spans[i][1] + 1] not in _ABBREVIATIONS
            ):
                yield begin, words.spans[j][1]
            continue
        if not _lower_pair_first(low):
            continue
        j = i + 1
        while j < n and j - i < 4 and words.lows[j] in interfix and _alike(words.words[j], lower):
            j += 1
        joined = j < n and not any(
            c in _SENTENCE_END for c in text[words.spans[i][1] : words.spans[j][0]]
        )
        if joined and _alike(words.words[j], lower) and _lower_pair_last(words.lows[j], j > i + 1):
            yield words.spans[i][0], words.spans[j][1]
            continue
        rare = joined and j == i + 1 and _alike(words.words[j], lower) and _rare_first(low)
        if rare and _unknown_word(words.lows[j]):
            yield words.spans[i][0], words.spans[j][1]  # `tesfay gebremedhin`, as in a slug
            continue
        opening = lower and low in _dutch_names()[0] and words.sentence_start(i) and i + 1 < n
        verb = i + 1 < n and words.lows[i + 1] not in _NOT_AFTER_SUBJECT
        if opening and verb and words.words[i + 1].islower() and text[words.spans[i][1]] == " ":
            yield words.spans[i]


_NOT_AFTER_SUBJECT = frozenset(
    ("en", "of", "met", "in", "op", "uit", "van", "voor", "aan", "bij", "zijn", "die", "dat")
)
"""Words after a lower-case first word that make it a noun, not a name opening a sentence
(`roos en tulpen`, `roos van de tuin`)."""


def _alike(word: str, lower: bool) -> bool:
    return word.islower() if lower else word.isupper()


def _pair(first: str, other: str, first_capital: bool, other_capital: bool) -> bool:
    if not first_capital or not other_capital:
        # lower case: both must be names and neither a common Dutch word
        return (
            first.casefold() in _lower_first_names() and is_surname(other) and not is_common(other)
        )
    if _STREET_END.search(other.casefold()):
        return False
    if is_surname(other):
        return not is_common(first) or not is_common(other)
    return not is_common(other) and _international_first(first, sentence_start=False)


_DOTTED_ABBREVIATIONS = re.compile(
    "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS | {"n.v.t."}, key=len, reverse=True)),
    re.IGNORECASE,
)
"""Abbreviations written with full stops (`Kenteken: N.V.T.`): no initials of a person."""


def _abbreviation_at(text: str, start: int) -> bool:
    """Whether a name found at `start` begins inside an abbreviation's letters."""
    if "." not in text[start : start + 3]:
        return False
    begin = max(0, start - 6)
    return any(
        m.start() <= start < m.end() for m in _DOTTED_ABBREVIATIONS.finditer(text, begin, start + 8)
    )


def _imperative(words: Words, span: tuple[int, int]) -> bool:
    """Whether deduce's one-word name opens a sentence as a verb's imperative (`Koop geen
    nieuwe meubels`, `Verwijs bij vragen naar het Juridisch Loket`, `Bouw flexwoningen`): a
    common Dutch word whose form with `t` is one too (a surname alone is no verb's stem:
    `Bakker belde`, no `bakkert`), before what an order takes: an article, a preposition,
    a negation, an adverb, a pronoun for the reader, or a plural noun. A surname that
    is the subject keeps its verb, comma or name after it (`Koop heeft`, `Koop, de
    huurder`, `Koop en haar dochter`, `Koop J.`)."""
    i = bisect.bisect_left(words.starts, span[0])
    n = len(words.words)
    if i + 1 >= n or words.spans[i] != span or not words.sentence_start(i):
        return False
    low = words.lows[i]
    if not (is_common(low) and is_common(low + "t")) or words.capital(i + 1):
        return False
    between = words.text[span[1] : words.spans[i + 1][0]]
    after = words.lows[i + 1]
    return between == " " and (
        after in _AFTER_AN_ORDER or (after.endswith("en") and is_common(after) and len(after) > 4)
    )


_AFTER_AN_ORDER = frozenset(
    [
        "de",
        "het",
        "een",
        "geen",
        "niet",
        "nooit",
        "altijd",
        "eerst",
        "samen",
        "bij",
        "naar",
        "met",
        "in",
        "op",
        "aan",
        "voor",
        "na",
        "van",
        "over",
        "uit",
        "tot",
        "om",
        "door",
        "tijdig",
        "vooral",
        "ook",
        "er",
        "hier",
        "daar",
        "zo",
        "dan",
        "je",
        "jullie",
        "u",
        "uw",
        "hen",
        "ze",
        "dit",
        "dat",
        "deze",
        "die",
        "elke",
        "ieder",
        "alle",
        "meer",
        "minder",
        "zelf",
        "direct",
        "snel",
        "goed",
        "liever",
        "pas",
        "wel",
    ]
)
"""Words an order goes on with (`Koop geen`, `Verwijs bij`, `Zoek samen`, `Bel de`)."""


def _from_deduce(
    text: str, start: int, end: int, found: list[tuple[int, int]], reading: _Reading
) -> Iterator[tuple[int, int]]:
    """deduce's names in a sentence, in bounded stretches; a stretch whose capitalised
    words are all names found already, or words deduce found no name in, is not read
    again (a name repeated 400 times costs one reading)."""
    reading.known.update(w.casefold() for a, b in found for w in _WORD.findall(text[a:b]))
    for begin, stop in _chunks(text, start, end):
        piece = text[begin:stop]
        capitals = {w.casefold() for w in _WORD.findall(piece) if w[0].isupper()}
        known, cleared = reading.known, reading.cleared
        if all(word in known or word in cleared for word in capitals):
            continue
        named: set[str] = set()
        for a, b in person_names.persons(piece):
            named.update(w.casefold() for w in _WORD.findall(piece[a:b]))
            yield begin + a, begin + b
        reading.known |= named
        reading.cleared |= capitals - named


_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})[.!?]\s+(?=[^\W\d_])")


def _sentence_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A name found split where a sentence ends inside it: deduce joins a name that ends
    one sentence to the same name opening the next (`Ana Popescu. Ana Popescu`), and each
    occurrence is reported at its own place. An abbreviated title (`mevr.`) ends no
    sentence. (Split after the span is weighed whole: `Burg. Van Nispenstraat` is a
    street.)"""
    at = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        word = text[max(text.rfind(" ", at, match.start()) + 1, at) : match.start()]
        if word.casefold() in TITLES:
            continue
        if match.start() > at:
            yield at, match.start()
        at = match.end()
    if end > at:
        yield at, end


def _chunks(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    while end - begin > CHUNK:
        cut = text.rfind(" ", begin + CHUNK // 2, begin + CHUNK)
        cut = cut if cut > begin else begin + CHUNK
        yield begin, cut
        begin = cut
    if end > begin:
        yield begin, end


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _named_in_a_row(words: Words, before: int) -> bool:
    """Whether the word at `before` is the `en` of a row of names that a building or area
    word opens (`woongroepen De Roos, De Vink en De Mees`)."""
    lows, interfix = words.lows, _dutch_names()[2]
    if before < 1 or lows[before] not in ("en", "of"):
        return False
    at = before - 1
    while at >= 0 and before - at <= 8:
        if any(c in _SENTENCE_END for c in words.text[words.spans[at][1] : words.spans[at + 1][0]]):
            return False  # the row starts in this sentence (`in de flat. Jan en De Vries`)
        if lows[at] in _BUILDINGS or lows[at] in _AREAS:
            return True
        if not (words.capital(at) or lows[at] in interfix or lows[at] in ("en", "of")):
            return False
        at -= 1
    return False


def _no_person(words: Words, span: tuple[int, int], declared: frozenset[str]) -> bool:
    """Whether a found span is a place, an organisation, a law or a brand (also as part of a
    longer name written whole), a declared name written whole, or a building's name."""
    first = bisect.bisect_left(words.starts, span[0])
    if first > 0 and words.spans[first - 1][1] > span[0]:
        first -= 1  # deduce's span starts inside a word (`Sharif` of `Mazar-i-Sharif`)
    last = bisect.bisect_right(words.starts, span[1] - 1)
    while last > first + 1 and words.spans[last - 1][1] > span[1]:
        last -= 1
    if last <= first:
        return False
    whole, single = _not_persons()
    lows = words.lows
    if (
        last == first + 1
        and lows[first] in NUMBERED_THINGS
        and (
            _LETTER_NEXT.match(words.text, words.spans[first][1])
            or _NUMBER_NEXT.match(words.text, words.spans[first][1])
        )
    ):
        return True  # a part of a building and its letter or number (`Vleugel B`, `blok C`)
    if last == first + 1 and lows[first] in ROLES and words.words[first].islower():
        return True  # a role word alone, though the lists hold it as a name too (`maatje`)
    compound = _GLUED_NOUN.match(words.text, span[1])
    if compound is None:
        compound = _GLUED_NOUN.match(words.text, words.spans[last - 1][1])
    if compound is not None and compound.group(1) not in _dutch_names()[2]:
        return True  # `Van Nelle-gebouw`, `Jan van Goyen-kwartier`: named after someone
    end_word = lows[last - 1]
    if len(end_word) > 7 and end_word.endswith(_GLUED_BUILDINGS) and not is_surname(end_word):
        return True  # `het Justus van Effencomplex`: a building named after someone
    titled = any(lows[i] in TITLES | ROLES for i in range(max(0, first - 1), last))
    if (
        last > first + 1
        and lows[first] in _BUILDINGS
        and words.capital(first)  # `in huize Yilmaz`: a family's home
        and lows[first + 1] != "van"
    ):
        return True  # `Huize Maria`, `Flat Johanna`: a building named after someone (not
        # `Huis van Fatma Demir`, someone's own)
    if not titled and (
        lows[first].startswith(_SAINTS)
        or (first > 0 and lows[first - 1] in _SAINT_WORDS)
        or any(lows[i] in _SAINT_WORDS for i in range(first, last - 1))
    ):
        return True  # `de Sint-Jan`, `Sint Maarten`, `Huize Sint Anna`: a church, a place,
        # a feast or a building; not after a title (`De heer Sint Jago`)
    cue_before = first > 0 and lows[first - 1] in TITLES | ROLES
    if cue_before and "|" in words.text[words.spans[first - 1][1] : words.spans[first][0]]:
        cue_before = False  # a table's header (`| Bewoner |`) is no title of its cells
    lead = first - 1 if cue_before else first
    if lead < first or any(lows[i] in _CUE_SET for i in range(first, last)):
        if lead > 0 and lows[lead - 1] in ("het", "'t") and lows[last - 1].endswith(_BUILT):
            return True  # `het Dr. Schaepmanhuis`: a building named after its doctor
        rest = [lows[i] for i in range(first, last) if lows[i] not in TITLES]
        if rest and all(word in _OFFICES for word in rest):
            return True  # `Meneer Pastoor`, `Mevrouw Wethouder`: an office as a name
        # A title or role word makes a person, but for a known name that holds it
        # (`Dr. Leo Kannerhuis`), a street, square or body named after the person (`Dr.
        # Huber Noodtstraat`, `Koning Willem-Alexanderplein`, `Dr. C. Verhagenfonds`), or
        # the person's name as an organisation's (`Stichting Dr. Hofstee`).
        ends = range(last, min(len(lows), last + 3) + 1)
        glued = range(max(first, lead + 1), min(len(lows), last + 1))
        return (
            any(" ".join(lows[lead:b]) in whole for b in ends)
            or any(
                (
                    (
                        _STREET_END.search(lows[i], 1)  # not a bare `Laan` (`Mw. Laan`)
                        and lows[i] not in _NOUN_SURNAMES
                        and not _first_name_and_surname(words, i - 1, i + 1)
                    )
                    or _institution(lows[i])
                )
                and words.capital(i - 1)
                and lows[i - 1] not in _dutch_names()[2]  # `meneer Van Dijk`: a surname
                # one name, not a person and a street set apart (`Bewoner - Agnieszka
                # Kowalska - Populierenweg`)
                and words.text[words.spans[i - 1][1] : words.spans[i][0]] in ("", " ", ". ", ".")
                for i in glued
            )
            or (lead > 0 and (lows[lead - 1] in _BUILDINGS or _organisation_word(lows[lead - 1])))
            or any(  # `collega van de Stadt Gronau`: a body, not a person
                lows[i] in _GERMAN_BODIES and words.capital(i + 1) for i in range(first, last - 1)
            )
            or (lows[first] in ("van", "bij") and _corporation(words, first, last))
        )
    near = range(first, min(len(lows), last + 2))
    if any(words.capital(i) and _institution(lows[i]) for i in near):
        return True  # named after someone: `Anne Frank Huis`, `Vincent van Gogh-school`
    if last + 1 < len(lows) and words.capital(last) and _institution(lows[last + 1]):
        return True  # `Ronald McDonald Huis`: the institution word two words on
    body = first + (lows[first] in ("de", "het") and last > first + 1)
    if (
        words.capital(body)
        and body + 1 < len(lows)
        and words.capital(body + 1)
        and (
            lows[body] in _GERMAN_BODIES
            or (
                _organisation_word(lows[body])
                and all(
                    is_place(lows[i]) or _compass_place(lows[i], single)
                    for i in range(body + 1, max(last, body + 2))
                    if words.capital(i)
                )
            )
        )
    ):
        return True  # a body and its place (`Buurtpreventie Hasselt`, `Stadt Gronau`)
    if lows[first] in _NAMED_AFTER and words.capital(first) and last > first + 1:
        return True  # `Wet Hillen`
    if (
        first > 0
        and lows[first - 1] in ("het", "'t")
        and (
            lows[last - 1].endswith(_BUILT)
            or not (
                _international_first(words.words[first], sentence_start=False)
                or (last > first + 1 and is_first_name(words.words[first]))
            )
        )
    ):
        # No person follows `het` (`Het Baken`, `het Anne Frankhuis`), but `vraag het
        # Mustafa zelf`, `vraag het Fatma Demir`, `zeg het Jan de Vries`.
        return True
    # part of a longer known name: up to three words on either side, or after the span's
    # own article (`De Oude IJssel`: `Oude IJssel`)
    article_first = lows[first] in ("de", "het", "'t") and last > first + 1
    for a in range(max(0, first - 3), first + 1 + article_first):
        # without its article, the name must run on past the span (`Vries` is a village)
        for b in range(last + (a > first), min(len(lows), last + 3) + 1):
            phrase = " ".join(lows[a:b])
            if phrase in whole or phrase in declared:
                return True
    interfix = _dutch_names()[2]
    capitals = [
        i for i in range(first, last) if words.capital(i) and lows[i] not in interfix
    ] or list(range(first, last))
    initialled = _INITIALLED.match(words.text, _initials_start(words.text, words.spans[first][0]))

    if initialled is not None:
        # After the initials and the prefix, a known name of two words or more is no
        # person (`A. de Raad van State`: an appendix, then a body); one word is a surname
        # even where it is a place too (`de Vries`, `van Dam`).
        k = next(
            (i for i in range(first, last) if len(words.words[i]) > 1 and words.capital(i)), last
        )
        if any(" ".join(lows[k:b]) in whole for b in range(k + 2, min(len(lows), last + 3) + 1)):
            return True
    if (
        initialled is None
        and not _prefixed_surname(words, first, last)
        and not _first_name_and_prefixed_surname(words, first, last)
        and not _first_name_and_surname(words, first, last)
        and all(
            lows[i] in single
            or lows[i].partition("-")[0] in single  # `Philips-lamp`, `Bosch-wasmachine`
            or _compass_place(lows[i], single)
            or (is_common(words.words[i]) and not _is_name(words.words[i]))
            or lows[i] in _dialect_words()
            or _covered(lows, i, first, last, whole, declared)
            for i in capitals
        )
    ):
        return True
    lead_in = first
    while lead_in + 1 < last and lows[lead_in] in ("aan", "op", "in", "de", "het", "'t"):
        lead_in += 1
    if lows[lead_in] in _STREET_WORDS:
        return True  # `Laan van Nieuw Oost-Indië`, also with its article (`aan de Laan van`)
    word = words.words[first]
    if (
        last == first + 1
        and _NUMBER_NEXT.match(words.text, words.spans[first][1])
        and is_common(word)
        and not is_first_name(word)
    ):
        return True  # a word and a number is a label (`Blok 4`, `Fase 2`), no name
    street = _STREET_END.search(lows[last - 1])
    if street and street.start() == 0 and words.capital(last - 1):
        # a street's bare word ends the span: `aan de Haven`, `Oude Haven`, `Nieuwe Markt`
        # (not `Van Dijk`: a surname's prefix before it is no street's)
        lead_words = lows[first : last - 1]
        if lead_words and (lead_words[0] in ("aan", "op") or set(lead_words) <= _STREET_ADJECTIVES):
            return True
    after = _STREET_END.search(lows[last]) if last < len(lows) else None
    prefixed = (
        last - 2 >= first
        and (
            words.words[last - 2] in interfix  # `Anton de Komstraat`
            or (  # `Rosa Parksplein`, `Jan Steenstraat`: a first name and a surname
                last - 2 == first
                and street is not None
                and (
                    lows[last - 1][: street.start()].endswith("s")
                    or lows[last - 1][: street.start()] in _dutch_names()[1]
                    or is_common(lows[last - 1][: street.start()])  # `Steen` of `Jan Steen`
                    # `Nelson Mandelabaan`: a street's own word glued to a name no Dutch
                    # surname ends in (`-hof` and `-dijk` do: `Bart Hulshof`)
                    or (
                        street.start() >= 3
                        and lows[last - 1][street.start() :] in _STREET_OWN_ENDINGS
                    )
                )
                and is_first_name(words.words[first])
            )
        )
    )
    if (
        street
        and street.start() > 0
        and (prefixed or _named_street(lows[last - 1]))
        and not _first_name_and_surname(words, first, last)
        and not _first_name_and_prefixed_surname(words, first, last)
    ) or (
        after is not None
        and after.start() == 0
        and words.capital(last)
        and words.text[words.spans[last - 1][1] : words.spans[last][0]] == " "
    ):
        # a street named after someone (`Hannie Schaftstraat`, `Hannie Schaft Laan`), no
        # house number; not a person and a street of its own name (`Fatma Demir,
        # Molenweg`, `Piotr Nowak (Stationsstraat)`, a table's cells)
        return True
    before = first - 1
    while before >= 0 and (lows[before] in ("de", "het", "een") or lows[before] in interfix):
        before -= 1
    if before >= 0 and any(
        c in _SENTENCE_END for c in words.text[words.spans[before][1] : words.spans[first][0]]
    ):
        # The word before ends another sentence (`Zorg aan huis. Fatma Demir ...`): it names
        # nothing here.
        before = -1
    if (
        before >= 0
        and lows[before] in _STREET_WORDS
        and not words.text[words.spans[before][1] : words.spans[first][0]].strip(" ")
    ):
        return True  # `Boulevard Heuvelink`, `Avenue Carré`; not a table's cells
    if any(lows[i] in _brands() for i in range(first, last)) and _MODEL_NUMBER.match(
        words.text, words.spans[last - 1][1]
    ):
        return True  # a brand's product and its type (`Brink Renovent Sky 300`)
    if (
        last == first + 2
        and lows[first] in _brands()
        and words.capital(first + 1)
        and not _first_name_and_surname(words, first, last)
    ):
        return True  # a brand and its model (`Renault Zoe`, `Opel Corsa`)
    if before >= 1 and lows[before - 1] == "station" and is_place(lows[before]):
        return True  # `Station Doetinchem De Huet`: a station's name after its town
    if 0 <= before == first - 1 and lows[before] in _GERMAN_BODIES and words.capital(before):
        return True  # `Stadt Emmerich am Rhein`: a town after its body's word
    if 0 <= before == first - 1 and lows[before] in _PUBLIC_OFFICES:
        return True  # `Minister De Jonge`: a public office, held in public
    if lows[first] in _STORMS or (0 <= before == first - 1 and lows[before] in _STORMS):
        return True  # `Storm Ciarán beschadigde de daken`: weather has a name too
    if [lows[i] for i in capitals] in (["koning"], ["koningin"]) and lows[first] == "de":
        return True  # `De Koning bezocht ...`: the head of state
    if (0 <= before == first - 1 and _company(lows[before])) or (
        last > first + 1 and words.capital(first) and _company(lows[first])
    ):
        return True  # `Bouwbedrijf Van den Brink`, `Hoveniersbedrijf Klein Gunnewiek`
    if (
        last - first >= 3
        and words.capital(last - 1)
        and _company_tail(lows[last - 1])
        and words.capital(last - 2)
        and lows[last - 2] not in interfix
    ):
        return True  # `De Groot Bouw`: a firm named after its family
    if _corporation(words, first, last):
        return True
    if _LEGAL_FORM.match(words.text, words.spans[last - 1][1]):
        return True  # `Jansen & Zn.`, `Van der Linden B.V.`: a firm
    if (
        0 <= before == first - 1
        and 2 <= len(words.words[before]) <= 5
        and words.words[before].isupper()
        and words.words[before] not in _DOCUMENT_ACRONYMS
        and not (is_dutch_first_name(words.words[first]) and not is_common(words.words[first]))
    ):
        return True  # after a body's initials, its region (`GGD Hollands Noorden`; not `Kopie
        # ID Henk de Vries`)
    named_by, steps = first - 1, 0
    while (
        named_by >= 0
        and steps < 4
        and (words.capital(named_by) or lows[named_by] == "de")
        and not (lows[named_by] in _BUILDINGS or lows[named_by].endswith(_BUILDING_ENDINGS))
    ):
        named_by, steps = named_by - 1, steps + 1
    building = named_by >= 0 and (
        lows[named_by] in _BUILDINGS or lows[named_by].endswith(_BUILDING_ENDINGS)
    )
    if steps and building and lows[named_by] != "huize":
        return True  # `woonzorgcentrum De Hoge Weide`: a building's own name, in capitals
    if before >= 0 and lows[before] == "huize" and not words.capital(before):
        return False  # `in huize Yilmaz`, `bij huize De Graaf`: a family's home (a building
        # is `Huize Maria`)
    if before >= 0 and (
        lows[before] in _BUILDINGS or lows[before] in _AREAS or lows[before] in _NAMED_AFTER
    ):
        # A building or fund named after someone (`flat De Meander`, `Huis van Hilde`), but
        # not someone's own, named in full (`het huis van Fatma Demir`, `de buurt van
        # Mehmet Yıldırım`, `Fonds van Piotr Nowak`)
        return not (
            lows[before + 1] == "van"
            and last - first >= 2
            and words.capital(first)
            and words.capital(last - 1)
            and is_first_name(words.words[first])
        )
    if (
        before >= 0
        and lows[before] in _RESIDENTS
        and lows[before + 1] == "van"
        and not is_first_name(words.words[first])
    ):
        return True  # `bewoners van De Huet`: a place
    article = first if lows[first] in ("de", "het", "'t") else first - 1
    if (
        article >= 0
        and lows[article] in ("de", "het", "'t")
        and words.capital(article)
        and _named_in_a_row(words, before)
    ):
        return True  # `de woongroepen De Roos en De Mees`: the second building too
    named = first - 2 if first >= 2 and lows[first - 1] in ("de", "het") else first - 1
    if (
        named >= 0
        and _organisation_word(lows[named])
        and words.text[words.spans[named][1] : words.spans[named + 1][0]] in _QUOTE_AFTER
    ):
        return True  # `bewonerscommissie 'De Vonk'`: an organisation's own name, quoted
    if (
        before >= 0
        and lows[before] in ("in", "uit")
        and lows[first] in ("de", "het", "'t", "den")
        and words.capital(first)
    ):
        return True  # `in De Huet`, `uit Het Loo`: a place's own article, capitalised
    return before >= 1 and lows[before] == "naar" and lows[before - 1] in ("vernoemd", "genoemd")


_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:[Dd]e|[Hh]et) $")


def _building_named(text: str, span: tuple[int, int]) -> bool:
    """Whether a name is a building's, with the article before it and the building's word
    after it written apart (`De Willem Drees flat`, `het Jan de Witt gebouw`)."""
    return bool(_BUILDING_AFTER.match(text, span[1])) and bool(
        _ARTICLE_BEFORE.search(text, max(0, span[0] - 5), span[0])
    )


_GLUED_BUILDINGS = ("complex", "gebouw", "flat", "toren", "hofje", "school", "centrum")
"""A building's word typed onto the name of whom it is named after (`Effencomplex`)."""
_BUILDING_AFTER = re.compile(rf" (?:{'|'.join(_GLUED_BUILDINGS)})\b")
"""The same word written apart after the name (`De Willem Drees flat`)."""
_DOCUMENT_ACRONYMS = frozenset(["ID", "BSN", "NAW", "DOB", "IBAN", "WMO", "PGB"])
"""Capitals before a person's name that name a document or a scheme, not a body."""
_QUOTE_AFTER = (" '", ' "', " ‘", " “")
"""Between a body's word and its own name in quotes (`bewonerscommissie 'De Vonk'`; not
`de gemeente, 'sanne', was`)."""


def _corporation(words: Words, first: int, last: int) -> bool:
    """A housing corporation's name (`Dudok Wonen`, `Stek Wonen`): the span ends in its
    last word, or that word follows it."""
    return (last - first >= 2 and words.words[last - 1] in _CORPORATION_TAILS) or (
        last < len(words.words) and words.words[last] in _CORPORATION_TAILS
    )


_CORPORATION_TAILS = ("Wonen", "Woondiensten")
_STORMS = frozenset(["storm", "orkaan", "tyfoon", "hurricane"])
_GLUED_NOUN = re.compile(r"-([a-zß-ÿ]{2,40})\b")
"""A noun in lower case glued to a name with a hyphen (`-gebouw`, `-kwartier`)."""
_STREET_ADJECTIVES = frozenset(
    ["oude", "nieuwe", "korte", "lange", "hoge", "lage", "grote", "kleine", "achter", "voor"]
    + ["binnen", "buiten", "noord", "zuid", "oost", "west"]
)
_BUILT = ("huis", "hof", "school", "centrum", "gebouw", "kliniek", "college", "lyceum")
_PUBLIC_OFFICES = frozenset(
    ["minister", "minister-president", "premier", "staatssecretaris", "kamerlid"]
    + ["koning", "koningin", "prins", "prinses"]
)
"""Offices of the state whose holders are named in public by their office (`Minister De
Jonge`, `Koningin Máxima`). A wethouder, an official or a consultant is a role word:
their names are a person's."""
_COMPANY_ENDINGS = (
    "bedrijf",
    "bureau",
    "kantoor",
    "makelaardij",
    "makelaars",
    "installaties",
    "architecten",
    "aannemers",
)
_LEGAL_FORM = re.compile(
    r",? ?(?:(?:&|en) (?:Zn\b|Zonen\b|Zoon\b|Co\b|Partners\b)|(?:B\.V\.|BV|V\.O\.F\.|VOF|N\.V\.)"
    r"(?!\w))"
)
"""A firm's legal form or family firm's tail after a name (`& Zn.`, `B.V.`)."""


def _company_tail(low: str) -> bool:
    """A firm's trade after its name (`Bouw`, `Installatietechniek`, `Schilderwerken`)."""
    return low.endswith(("bouw", "techniek", "installaties", "werken", "advies", "bedrijf"))


def _company(low: str) -> bool:
    """A firm's kind (`bouwbedrijf`, `architectenbureau`, `notariskantoor`)."""
    return low.endswith(_COMPANY_ENDINGS)


_INSTITUTIONS = frozenset(
    [
        "academie",
        "huis",
        "instituut",
        "institute",
        "foundation",
        "fund",
        "centrum",
        "center",
        "universiteit",
        "university",
        "hogeschool",
        "school",
        "college",
        "lyceum",
        "gymnasium",
        "museum",
        "fonds",
        "prijs",
        "court",
        "zaal",
        "kliniek",
        "gasthuis",
        "kerk",
        "theater",
        "stadion",
        "army",
        "mc",
        "umc",
        "stichting",
    ]
)
_INSTITUTION_ENDINGS = ("ziekenhuis", "school", "centrum", "college", "academie", "instituut")


_CAPITAL_PREFIXES = frozenset(["De", "Van", "Ter", "Ten", "Te"])


def _prefixed_surname(words: Words, first: int, last: int) -> bool:
    """Whether a span is a Dutch surname with its prefix written capitalised, alone (`De
    Vries`, `Van Dijk`, `Ter Horst`): a person's name in Dutch however common the word or
    place the surname is (a place or body written whole was dismissed before this; not
    `Den`, as in `Den Bosch`; not a firm, `De Vries Bouw`)."""
    if last - first < 2 or words.words[first] not in _CAPITAL_PREFIXES:
        return False
    if last < len(words.lows) and words.capital(last) and _organisation_word(words.lows[last]):
        return False
    interfix = _dutch_names()[2]
    between = range(first + 1, last - 1)
    if not all(words.lows[i] in interfix and words.words[i].islower() for i in between):
        return False
    surname = words.lows[last - 1]
    if words.lows[first] == "de" and last - first == 2 and surname in _waters():
        return False  # `De Amstel`, `De Berkel`: a river opening a sentence
    return words.capital(last - 1) and _known_surname(surname)


def _first_name_and_prefixed_surname(words: Words, first: int, last: int) -> bool:
    """Whether a span is a first name and a Dutch surname after its prefix in lower case
    (`Aafje de Vries`, `Timon van Dijk`), also a double one (`Anja de Vries-Hulshof`): a
    person, even when the first name is also a care organisation's, the surname a village's
    or its second part a street's (places written whole were dismissed before this)."""
    if last - first < 3 or not words.capital(first) or not words.capital(last - 1):
        return False
    interfix = _dutch_names()[2]
    if not all(
        (words.lows[i] in interfix or _apostrophe_t(words, i)) and words.words[i].islower()
        for i in range(first + 1, last - 1)
    ):
        return False
    surname = words.lows[last - 1]
    if surname in ("koning", "koningin"):
        return False  # `ontving Aafje de Koning`: a care organisation received the King
    own, hyphen, partner = words.words[last - 1].partition("-")
    if hyphen and partner[:1].isupper():
        surname = own.lower()  # a double surname: the first part follows the prefix
    return is_first_name(words.words[first]) and _known_surname(surname)


def _apostrophe_t(words: Words, i: int) -> bool:
    """Whether word `i` is the `t` of `'t` (`Joke van 't Veer`), which words are read without."""
    start = words.spans[i][0]
    return words.lows[i] == "t" and words.text[start - 1 : start] in ("'", "’")


def _first_name_and_surname(words: Words, first: int, last: int) -> bool:
    """Whether a span ends in a first name and a surname the Dutch list knows whole (`Dylan
    Hoogendijk`, `Bart Hulshof`, `Mark Rijswijk`), or one ending in `-hof` or `-dijk`: a
    person, though the surname ends in a street's word (`-laan` of `Verlaan`) or is a
    place's name too, and the first name a river's."""
    given = last - 2
    surname = words.lows[given + 1] if given >= first else ""
    return (
        given >= first
        and words.lows[given] not in _dutch_names()[2]  # `Van Rijswijk`: a prefix
        and words.capital(given)
        and words.capital(given + 1)
        and words.text[words.spans[given][1] : words.spans[given + 1][0]] == " "
        and (
            surname in _dutch_names()[1]
            or (
                surname.endswith(_SURNAME_ENDINGS)
                # `Anne Frankhof`, `Pieter Bothhof`: a court named after a person
                and not _known_surname(
                    next(surname[: -len(end)] for end in _SURNAME_ENDINGS if surname.endswith(end))
                )
            )
        )
        and is_first_name(words.words[given])
    )


_STREET_OWN_ENDINGS = frozenset(
    {"straat", "laan", "baan", "plein", "singel", "gracht", "kade", "dreef", "allee"}
    | {"boulevard", "plantsoen", "steeg", "pad"}
)
"""Street words that end no Dutch surname of the lists' kind once a name is glued before them
(`Nelson Mandelabaan`, `Fatima Demirstraat`); `weg` and `hof` do (`Hogeweg`, `Hulshof`)."""
_SURNAME_ENDINGS = ("hof", "dijk")
"""Street words that end Dutch surnames at least as often (`Wijnhof`, `Verdijk`): after a
first name, such a word is a surname, not a street named after someone."""


def _known_surname(low: str) -> bool:
    """A Dutch surname of the lists, also one that stands only after its prefix (`Vries`)."""
    return low in _dutch_names()[1] or low in person_names.surnames_after_prefix()


def _compass_place(low: str, places: frozenset[str]) -> bool:
    """A place with a point of the compass before it (`Oost-Gelderland`, `Zuid-Limburg`), or
    a part of town after it (`Hasselt-Noord`, `Enschede-Zuid`)."""
    compass, _, place = low.partition("-")
    if compass in _COMPASS and place in places:
        return True
    place, _, part = low.rpartition("-")
    return part in _COMPASS and place in places


def _institution(low: str) -> bool:
    """An institution's word after a person's name it is named after (`Huis`,
    `Kinderziekenhuis`, `Gogh-school`)."""
    part = low.rsplit("-", 1)[-1]
    return part in _INSTITUTIONS or part.endswith(_INSTITUTION_ENDINGS)


def _covered(
    lows: list[str], i: int, first: int, last: int, whole: frozenset[str], declared: frozenset[str]
) -> bool:
    """Whether word `i` is part of a known name written whole near the span."""
    for a in range(max(0, first - 3, i - 5), i + 1):
        for b in range(i + 1, min(len(lows), last + 3, a + 6) + 1):
            phrase = " ".join(lows[a:b])
            if phrase in whole or phrase in declared:
                return True
    return False


def _every_occurrence(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each found name wherever else it stands whole in the text (a name found once in a
    sentence deduce read is found in the sentences it did not read)."""
    if not spans:
        return spans
    names = {text[a:b] for a, b in spans if b - a >= 3}
    extra: list[tuple[int, int]] = []
    if names:
        pattern = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")(?!\w)",
            re.IGNORECASE,
        )
        extra = [m.span() for m in pattern.finditer(text)]
    return _merged(spans + extra)


def rare_first_names(text: str) -> list[tuple[int, int]]:
    """Words of a file name or slug that are first names of the world-wide list and hardly
    Dutch words (`fatma`, `oksana`; the test of a first name opening a sentence, Zipf under
    3.0: not `roos`, nor `tiny` or `amber`, first names somewhere and English words), and
    no known place or body (`timon`)."""
    openers, known = _world_openers(), _not_persons()[1]
    words = Words(text)
    return [
        words.spans[i]
        for i, low in enumerate(words.lows)
        if low in openers
        and low not in known
        and not any(_named_street(w) for w in words.lows[i + 1 : i + 4])
    ]


def role_names(text: str, declared: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Names in a role (`Fatima, huurder`, `huurder Jan de Vries`): `name_words` with a first
    name alone, but not one inside a body's or place's name (`medewerker van Vincent van
    Gogh`, a care organisation)."""
    words, kept = Words(text), _phrases(declared)
    return [span for span in name_words(text, single=True) if not _no_person(words, span, kept)]


def chinese_words(text: str) -> list[tuple[int, int]]:
    """Chinese names in pinyin in a file name or address read as words, in any case
    (`wang-xiuying-vond-een-woning`)."""
    return list(_chinese_names(Words(text), capitals=False))


def _named_street(low: str) -> bool:
    """Whether a word is a street named after someone (`kinglaan`, `schaftstraat`,
    `goyenkade`) or a street's bare word (`laan`): not a street named after a thing, a
    Dutch word that is no name (`molenweg` after `fatma-demir` in a file name)."""
    street = _STREET_END.search(low)
    if street is None:
        return False
    rest = low[: street.start()]
    if rest in _THING_STREETS:
        return False  # `kastanjelaan`, `merelstraat`: named after a tree, a flower, a bird
    if len(rest) > 3 and rest.endswith("s") and is_common(rest[:-1]) and not _is_name(rest[:-1]):
        return False  # `dorpsstraat`, `stationsweg`: a word and its linking s
    return not (rest and is_common(rest) and not _is_name(rest))


_THING_STREETS = frozenset(
    ["kastanje", "kastanjes", "berken", "eiken", "linden", "beuken", "iepen", "essen", "wilgen"]
    + ["populieren", "platanen", "acacia", "esdoorn", "seringen", "rozen", "tulpen", "tulp"]
    + ["lelie", "narcis", "jasmijn", "hazelaar", "vlier", "meidoorn", "hulst", "dennen"]
    + ["sparren", "lariks", "merel", "lijster", "vink", "mees", "spreeuw", "zwaluw", "meeuw"]
    + ["reiger", "kievit", "leeuwerik", "specht", "uil", "valk", "zwaan", "eend", "kraai"]
)
"""Trees, flowers and birds that name a street (`Kastanjelaan`, `Merelstraat`), some of them
a name too (`Merel`, `Tulp`): in a street's name, the thing."""


def name_words(text: str, *, single: bool) -> list[tuple[int, int]]:
    """First names followed by a surname in a file name, slug or role (`jan-de-vries`,
    `fatma demir`), in any case, Dutch or from anywhere. With `single`, a first name alone
    counts too (a role like 'fatima, huurder'), when it is no common word."""
    words = Words(text)
    interfix = _dutch_names()[2]
    dutch_first, dutch_last = _dutch_names()[0], _dutch_names()[1]
    found = []
    n = len(words.words)
    i = 0
    while i < n:
        word = words.words[i]
        low = word.casefold()
        j = i + 1
        while j < n and words.words[j].casefold() in interfix:
            j += 1
        # part of a street named after someone (`bewoner-hannie-schaftstraat`), not a person
        # before a street of its own name (`familie-bouzid-kerkstraat`)
        street = any(_named_street(words.lows[k]) for k in range(j, min(n, j + 4)))
        if (
            low in _SLUG_CUES
            and j < n
            and not street
            and _slug_surname(words.words[j], low, j > i + 1)
        ):
            found.append((words.spans[i][0], words.spans[j][1]))  # `meneer-bakker`
            i = j + 1
            continue
        if not is_first_name(word) or low in interfix:
            i += 1
            continue
        if any(_named_street(words.lows[k]) for k in range(i, min(n, i + 4))) or (
            i + 1 < j < n and _STREET_END.search(words.lows[j])
        ):
            i += 1  # part of a street's name (`Martin Luther Kinglaan`, `Anton de Komplein`)
            continue
        prefixed = i + 1 < j < n and words.lows[j] in person_names.surnames_after_prefix()
        if j < n and (is_surname(words.words[j]) or prefixed):  # `sanne-de-groot`
            other = words.words[j].casefold()
            dutch = low in dutch_first and other in dutch_last
            # (not `merel-vink-mees`: a first name and a surname that are both words)
            dutch = dutch and not (low in _WORD_FIRST_NAMES and is_common(other))
            if dutch or prefixed or not (is_common(word) and is_common(other)):
                found.append((words.spans[i][0], words.spans[j][1]))
                i = j + 1
                continue
        if j == i + 1 < n and _rare_first(low) and _unknown_word(words.lows[j]):
            found.append((words.spans[i][0], words.spans[j][1]))  # `tesfaye-gebremedhin`
            i = j + 1
            continue
        if single and (low in dutch_first or not is_common(word)) and not is_place(low):
            found.append(words.spans[i])
        i += 1
    return found


_SLUG_CUES = TITLES | {"familie", "fam", "gezin", "buurman", "buurvrouw", "huurder", "huurster"}
_SLUG_CUES |= {"bewoner", "bewoonster", "cliënt", "client", "cliënte", "cliente"}


_WORD_FIRST_NAMES = frozenset(
    ["koos", "ben", "roos", "bas", "els", "mark", "will", "wil", "max", "lot", "lieve", "fleur"]
    + ["kim", "tim", "sem", "jet", "hoop", "mag", "merel", "rob", "polis", "topman", "rein"]
    + ["mentor"]
)
"""Dutch first names that are everyday words too, a verb or a noun after a role word in a
file name (`huurder-koos-voor-sloop`, `bewoner-wil-blijven`)."""


def _slug_surname(word: str, cue: str, prefixed: bool) -> bool:
    """A surname or first name after a title or role in a file name or address
    (`familie-yilmaz`, `huurder-henk`): one of the lists, or (right after a title or
    `familie`) a word no list knows; never a place, a known body or a street."""
    low = word.casefold()
    loose = not prefixed and (cue in TITLES or cue in ("familie", "fam", "gezin"))
    dutch = low in _dutch_names()[0] and low not in _WORD_FIRST_NAMES
    first = not prefixed and (dutch or _rare_first(low))
    known = is_surname(low) or first or (loose and _unknown_word(low))
    place = low in _not_persons()[1] and not prefixed  # `familie-de-boer`, not `familie-zwolle`
    return known and not place and not _STREET_END.search(low)


def _rare_first(low: str) -> bool:
    lists = name_list.names()
    return low in lists.first and lists.frequency.get(low, 0) < 30 and not is_common(low)


def _unknown_word(low: str) -> bool:
    """A word of four letters or more that no list knows: no Dutch word, name, place or
    body, nor a compound ending in a Dutch word (`springplankwoning`) (`gebremedhin`):
    next to a first name, a surname the lists lack."""
    return (
        len(low) >= 4
        and low.isalpha()
        and not is_common(low)
        and low not in name_list.names().frequency
        and low not in _dutch_names()[0]
        and low not in _dutch_names()[1]
        and low not in _not_persons()[1]
        and not any(low[k:] in name_list.dutch_words() for k in range(1, len(low) - 3))
    )


_TEAM_WORDS = frozenset(
    [
        "info",
        "team",
        "wijkteam",
        "wonen",
        "zorg",
        "contact",
        "algemeen",
        "secretariaat",
        "balie",
        "loket",
        "post",
        "mail",
        "servicedesk",
        "klantenservice",
        "verhuur",
        "redactie",
        "communicatie",
        "support",
        "hallo",
    ]
)


def personal_local_part(local: str) -> bool:
    """An e-mail address's part before `@` made of a person's name (`j.jansen`,
    `v.achternaam`, `fatima`, `m.yilmaz`): an initial before a word, or a name."""
    low = local.casefold()
    parts = [p.rstrip("0123456789") for p in re.split(r"[._+-]", low)]  # `fdemir2`
    parts = [p for p in parts if p]
    if any(p in _TEAM_WORDS or any(p.startswith(t) for t in ("team", "info")) for p in parts):
        return False
    if any(_glued_surname(p) for p in parts):
        return True  # `degroot`, `sanne.degroot`, `vanleeuwen`
    first, last, _ = _dutch_names()
    if len(parts) == 1 and is_common(parts[0]) and parts[0] not in first and parts[0] not in last:
        return False  # a word, no one's name (`alarm@`, `derden@`, `verhuur@`)
    if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[-1]) >= 3:
        return True  # `v.achternaam`, `j.de.vries`
    interfix = _dutch_names()[2]
    if len(parts) >= 2 and parts[0] in interfix and is_surname(parts[-1]):
        return True  # `de.vries`, `van.dam`
    if len(parts) >= 3 and parts[-2] in interfix and parts[-1].isalpha():
        return True  # `jan.van.der.berg`: a surname with its prefix, whatever its word
    if any(_initial_and_surname(p, interfix) for p in parts):
        return True  # `mdehaan`, `jdevries`: an initial glued to a surname
    if len(parts) == 1 and len(parts[0]) > 2 and parts[0] in _dutch_names()[0]:
        return True  # `kees@`: a first name is a person's mailbox, however common
    return any(len(p) > 2 and (_is_name(p) and not is_common(p)) for p in parts) or any(
        len(p) > 2 and is_first_name(p) and is_surname(parts[-1]) for p in parts[:-1]
    )


def glued_names(words: str) -> Iterator[tuple[int, int]]:
    """A first name before a surname glued to its prefix, in a link's or a file's words
    (`facebook.com/hanneke.vanderveen.7`, read `hanneke vanderveen 7`); not a saint's
    (`sint-jan-denbosch`)."""
    tokens = list(_LOWER_TOKEN.finditer(words))
    for before, first, last in zip([None, *tokens], tokens, tokens[1:], strict=False):
        if before is not None and before.group().casefold() in _SAINT_WORDS:
            continue
        if _glued_surname(last.group().casefold()) and _lower_pair_first(first.group().casefold()):
            yield first.start(), last.end()


def names_before_streets(words: str) -> Iterator[tuple[int, int]]:
    """A first name right before a street not named after someone, in a file's or a link's
    words (`foto_ahmed_molenweg`, `ingrid-marktplein`): a person and where they live; not
    a common word (`roos-kerkstraat`) nor a street named after someone
    (`anna-paulownastraat`)."""
    tokens = list(_LOWER_TOKEN.finditer(words))
    for before, first, street in zip([None, *tokens], tokens, tokens[1:], strict=False):
        low, place = first.group().casefold(), street.group().casefold()
        named = before is not None and before.group().casefold() in _NAMED_AFTER_SOMEONE
        if (
            not named
            and _STREET_END.search(place)
            and not _named_street(place)
            and _lower_pair_first(low)
            and low not in _WORD_FIRST_NAMES
            and not is_place(low)
        ):
            yield first.span()


_NAMED_AFTER_SOMEONE = frozenset(["sint", "st", "sankt", "saint", "huize"])
_NAMED_AFTER_SOMEONE |= {"huis", "wooncomplex", "complex", "flat", "woongroep", "hofje", "villa"}
_NAMED_AFTER_SOMEONE |= {"residentie", "kerk", "school", "stichting", "zorgcentrum", "kliniek"}
"""Words before a first name in a file's name that make the name a building's or a body's
(`huize-maria-stationsweg`, `wooncomplex-iris-dorpsstraat`)."""
_SAINT_WORDS = frozenset(["sint", "st", "sankt", "saint"])
"""(Not `san` or `santa`: `Santa Cruz`, `San Martín` are surnames here.)"""
_SAINTS = tuple(f"{word}-" for word in _SAINT_WORDS)


_LOWER_TOKEN = re.compile(r"[^\W\d_]{2,30}")


def _glued_surname(part: str) -> bool:
    """Whether a mailbox part is a surname glued to its prefix (`degroot`, `vandijk`,
    `terhaar`): a surname deduce knows after a prefix, that is no common word or a frequent
    surname (`deventer`, `dewijk` are no one's)."""
    for prefix in _GLUED_PREFIXES:
        rest = part[len(prefix) :]
        if (
            part.startswith(prefix)
            and len(rest) >= 3
            and rest in person_names.surnames_after_prefix()
        ):
            listed = rest in _DE_SURNAMES or rest in _VAN_SURNAMES or rest in _dutch_names()[1]
            if rest not in _VAN_PHRASES and (listed or not is_common(rest)):
                return True
    return False


def personal_domain(domain: str) -> bool:
    """Whether an e-mail domain is a person's name (`fatmademir.nl`, `fatma-demir.nl`): a
    first name and a surname that is no common word, glued or hyphenated."""
    label = domain.casefold().rsplit(".", 1)[0].rsplit(".", 1)[-1]
    parts = [p for p in label.split("-") if p]
    if len(parts) == 2:
        return is_first_name(parts[0]) and is_surname(parts[1]) and not is_common(parts[1])
    if len(parts) != 1 or not label.isalpha():
        return False
    return any(
        is_first_name(label[:k]) and is_surname(label[k:]) and not is_common(label[k:])
        for k in range(3, len(label) - 2)
    )


def _initial_and_surname(part: str, interfix: frozenset[str]) -> bool:
    """Whether a mailbox part is an initial glued to a surname, with or without its
    prefixes (`mdehaan`, `jdevries`, `pvandam`): without a prefix, the surname must be
    no common Dutch word."""
    if len(part) < 5 or not part.isalpha():
        return False
    rest = part[1:]
    dutch_last = _dutch_names()[1]
    for glued in range(4):
        if glued and len(rest) >= 3:
            return True  # after a prefix (`m-de-haan`), any word is a surname
        if len(rest) >= 3 and is_surname(rest) and (not is_common(rest) or rest in dutch_last):
            return True  # `kjansen`: a Dutch surname, however common a word it is too
        prefix = next(
            (p for p in _GLUED_PREFIXES if rest.startswith(p) and len(rest) > len(p)), None
        )
        if prefix is None:
            return False
        rest = rest[len(prefix) :]
    return False


_GLUED_PREFIXES: tuple[str, ...] = ("vander", "vanden", "vande", "vant", "opden", "opde")
_GLUED_PREFIXES += ("inden", "inde", "uitden", "uitde")
_GLUED_PREFIXES += ("van", "der", "den", "de", "ter", "ten", "te", "el", "al", "op", "in")
"""Two prefixes glued as one (`vanderveen` is `van der veen`), then single ones."""
