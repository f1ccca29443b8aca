"""Person names in Dutch text, found by deduce (the Dutch de-identification library).

deduce (PyPI, LGPL-3, rule-based, made for Dutch clinical text) knows Dutch first names and
surnames, initials, titles (`mevrouw`, `dhr.`) and prefixes (`de`, `van der`), and the
patterns they form: `Mevrouw de Vries`, `J. Jansen`, `Fatima`, `Sandra Bakker`. We use it
for names only; numbers, addresses and dates are found in `personal_data` with python-stdnum,
phonenumbers and patterns that know the formats authors paste (deduce misses `Bösestraat
12`, `kerkstr. 12` and `3 apr. 1961`, measured).

Cost, measured on the 2-core development machine: deduce's own start-up unpickles 80 MB of
lookup tables (street names and health-care institutions, which we do not need) in about
6 s. We build a smaller deduce here, from deduce's own lists and loaders, with the name and
place-name tables only: 0.7 s, once per process and only when a text needs it, and kept in
a 2 MB cache file (`~/.cache/maatwerkbank/`, 0.06 s to read) for the next process. A
600-word text costs deduce about 5 ms (25 s for 5,000 cases), so it reads only the
sentences that a cheap test flags (`candidate_sentences`): a capitalised word inside a
sentence, a first name at its start, a title or an initial. Most narrative sentences have
none of these and never reach deduce.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.privacy import list_cache

_LISTS = [
    "locations/lst_placename",
    "names/lst_first_name",
    "names/lst_initial",
    "names/lst_interfix",
    "names/lst_interfix_surname",
    "names/lst_prefix",
    "names/lst_surname",
    "whitelist/lst_common_word",
    "whitelist/lst_medical_term",
    "whitelist/lst_stop_word",
]
# deduce's annotators that we leave out: what needs the big tables (streets, hospitals,
# institutions), what needs a patient record, and what `personal_data` finds itself.
_LEFT_OUT = {
    "patient_name",
    "eponymous_disease",
    "street_lookup",
    "hospital",
    "institution",
    "identifier",
    "url",
    "age",
    "postbus",
    "street_pattern",
    "housenumber",
    "postal_code",
    "bsn",
    "phone",
    "email",
    "date_dmy_1",
    "date_dmy_2",
    "date_ymd_1",
    "date_ymd_2",
}
# Words that make a sentence worth showing to deduce even without a capital inside it.
_TITLES = re.compile(
    r"\b(?:mevrouw|mevr|mw|meneer|mijnheer|dhr|de heer|heer|juffrouw|dr|drs|ir|ing|mr)\b\.?",
    re.IGNORECASE,
)
# Initials (`J. Jansen`, `A.B. Cd`), tried at a capital before a full stop: at most
# `MOST_INITIALS` of them, so a try costs the same wherever it starts (unbounded, each try
# ran to the end of a text of initials: time with the square of its length).
MOST_INITIALS = 6
_INITIAL = re.compile(
    rf"[A-Z](?<![\w][A-Z])\.\s?(?:[A-Z]\.\s?){{0,{MOST_INITIALS - 1}}}"
    r"(?:(?:van|de|den|der|ter|ten|te|'t|la|le|da|di|du|el|von) ){0,3}[A-Z][a-z]"
)
"""Initials before a surname, with its prefix (`H.J. van den Bosch`)."""
_WORD_AT = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*")
_OPENING_WORD = re.compile(r"\s*[\"'‘“(*\[_-]*([A-ZÀ-ÖØ-Þ][\w'’-]*)")
_TITLE_WORDS = frozenset(
    ("mevrouw", "mevr", "mw", "meneer", "mijnheer", "dhr", "heer", "juffrouw", "dr", "drs")
    + ("ir", "ing", "mr", "prof")
)
_TITLE_HINTS = ("mevr", "mw", "meneer", "mijnheer", "dhr", " heer", "juffrouw")
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s)|$")
_NOT_RUN = {"redactor"}  # we need the annotations, not a redacted text
_WORD = re.compile(r"[^\W\d_][\w'’]*")


@functools.cache
def _library() -> dict[str, Any]:
    """deduce's modules, imported on first use. deduce sets up the root logger at import
    (DEBUG, to standard output); that is undone, so `check`'s output stays ours."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        modules = {
            name: importlib.import_module(name)
            for name in ("deduce", "deduce.deduce", "deduce.lookup_structs", "docdeid")
        }
        modules["loaders"] = importlib.import_module("deduce.lookup_struct_loader")
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    found: dict[str, Any] = dict(modules)
    found["path"] = Path(str(modules["deduce"].__file__)).parent / "data" / "lookup"
    return found


def _case_deduce() -> Any:
    """deduce with our annotators and lookup tables (see the module's docstring)."""
    lib = _library()
    base = lib["deduce.deduce"]
    config = json.loads(Path(base._BASE_CONFIG_FILE).read_text(encoding="utf-8"))
    config["annotators"] = {
        name: value for name, value in config["annotators"].items() if name not in _LEFT_OUT
    }

    class CaseDeduce(base.Deduce):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            lib["docdeid"].DocDeid.__init__(self)
            self.config = self._initialize_config(load_base_config=False, user_config=config)
            self.lookup_data_path = lib["path"]
            tokenizer = self._initialize_tokenizer(lib["path"])
            self.tokenizers = {"default": tokenizer}
            self.lookup_structs = _lookup_structs(tokenizer)
            self.processors = base._DeduceProcessorLoader().load(
                config=self.config, extras={"tokenizer": tokenizer, "ds": self.lookup_structs}
            )

    return CaseDeduce()


def _lookup_structs(tokenizer: Any) -> Any:
    """deduce's name and place tables, from our cache file when it is there: building them
    from deduce's word lists takes 0.7 s, reading the cache 0.06 s (measured), and every
    process that checks cases may need them."""
    version = getattr(_library()["deduce"], "__version__", "?")
    key = hashlib.sha256(repr((version, _LISTS)).encode()).hexdigest()[:16]
    return list_cache.cached(
        f"deduce-{version}-{key}.pickle", lambda: _build_lookup_structs(tokenizer)
    )


def _build_lookup_structs(tokenizer: Any) -> Any:
    lib = _library()
    docdeid, loaders = lib["docdeid"], lib["loaders"]
    raw = _raw_lists()
    structs = docdeid.ds.DsCollection()
    for name in ("initial", "interfix_surname", "stop_word", "common_word", "medical_term"):
        items = docdeid.ds.LookupSet()
        items.add_items_from_iterable(raw[name])
        structs[name] = items
    structs["prefix"] = loaders.load_prefix_lookup(raw)
    structs["interfix"] = loaders.load_interfix_lookup(raw)
    structs["whitelist"] = loaders.load_whitelist_lookup(raw)
    structs["first_name"] = loaders.load_first_name_lookup(raw, tokenizer)
    structs["surname"] = loaders.load_surname_lookup(raw, tokenizer)
    structs["placename"] = loaders.load_placename_lookup(raw, tokenizer)
    return structs


@functools.cache
def _raw_lists(lists: tuple[str, ...] = tuple(_LISTS)) -> dict[str, set[str]]:
    lib = _library()
    return dict(lib["deduce.lookup_structs"].load_raw_itemsets(lib["path"], list(lists)))


@functools.cache
def _deduce() -> Any:
    """One deduce per process, made on first use."""
    return _case_deduce()


def prepare() -> None:
    """Load deduce now (see `personal_data.prepare`)."""
    _deduce()


def place_root() -> Path:
    """deduce's folder of place-name lists (residences, municipalities, provinces, regions),
    found without importing deduce (which imports numpy: a third of a second of every
    `check`)."""
    spec = importlib.util.find_spec("deduce")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return Path(str(_library()["path"])) / "src" / "locations" / "lst_placename"
    return Path(origin).parent / "data" / "lookup" / "src" / "locations" / "lst_placename"


@functools.cache
def words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """First names, surnames, name prefixes (`de`, `van`) and common words, lower case
    (read from deduce's lists without the place names, whose reading costs the most)."""
    return _name_words()[:4]  # type: ignore[return-value]


@functools.cache
def surnames_after_prefix() -> frozenset[str]:
    """Surnames deduce knows with a prefix (`Berg` of `van den Berg`), lower case."""
    return _name_words()[4]


@functools.cache
def _name_words() -> tuple[frozenset[str], ...]:
    """`words()` and `surnames_after_prefix()`, from our cache file when it is there: the
    lists are deduce's, and reading them needs deduce imported, numpy and all."""
    version = importlib.metadata.version("deduce")
    key = hashlib.sha256(repr((version, _LISTS)).encode()).hexdigest()[:16]
    return list_cache.cached(f"deduce-words-{version}-{key}.pickle", _read_name_words, tuple)


def _read_name_words() -> tuple[frozenset[str], ...]:
    raw = _raw_lists(tuple(name for name in _LISTS if "placename" not in name))
    common = frozenset(
        w.lower() for w in raw["common_word"] | raw["stop_word"] | raw["medical_term"]
    )
    first = frozenset(w.lower() for w in raw["first_name"] if len(w) > 1) - common
    last = frozenset(w.lower() for w in raw["surname"] if len(w) > 1) - common
    interfix = frozenset(w.lower() for w in raw["interfix"])
    after_prefix = frozenset(w.lower() for w in raw["interfix_surname"] if len(w) > 2)
    return first, last, interfix, common, after_prefix


def candidate_sentences(
    text: str, caps: list[int] | None = None, opening: list[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Start and end of each sentence that may hold a name (the cheap test before deduce):
    a capitalised word inside a sentence, a title, an initial, or a first name at the
    start of a sentence. Each is found from the text's capitals (`capitals` and
    `openings`, or `caps` and `opening` when the caller has them) by looking at the
    characters before it; a sentence's first word is held against the first names only
    when the set of all first words meets them (most sentences have nothing but their
    first capital)."""
    caps = capitals(text) if caps is None else caps
    opening = openings(text, caps) if opening is None else opening
    starts = [
        i
        for i in caps
        if i > 1 and text[i - 1] == " " and (text[i - 2].isalnum() or text[i - 2] in "_,)")
    ]
    end = -1
    for i in caps:  # initials, each match read on from where the one before ended
        if i >= end and text[i] <= "Z" and text[i + 1 : i + 2] == ".":
            initial = _INITIAL.match(text, i)
            if initial is not None:
                starts.append(i)
                end = initial.end()
    firsts = [(i, _word_at(text, i)) for i in opening]
    first = _OPENING_WORD.match(text)
    if first:
        firsts.append((first.start(1), first.group(1)))
    if firsts:
        first_names = words()[0]
        wanted = {w for _, w in firsts if w.lower() in first_names or w.lower() in _TITLE_WORDS}
        if wanted:
            starts.extend(i for i, w in firsts if w in wanted)
    low = text.lower()
    if any(hint in low for hint in _TITLE_HINTS):
        starts.extend(m.start() for m in _TITLES.finditer(text))
    end = -1
    for start in sorted(starts):
        if start < end:
            continue
        # from the sentence before, as a title's full stop (`dhr. Bos`) is no sentence end
        anchor = max(0, start - 7)
        begin = max(text.rfind(". ", 0, anchor), text.rfind("\n", 0, anchor), -1) + 1
        stop = _SENTENCE_END.search(text, start)
        while (
            stop
            and stop.start() < len(text)
            and text[stop.start()] == "."
            and _after_title(text, stop.start())
        ):
            stop = _SENTENCE_END.search(text, stop.start() + 1)
        end = stop.start() + 1 if stop else len(text)
        yield begin, end


_CAPITAL_MARKS = bytes(
    0x43 if 0x41 <= i <= 0x5A or 0xC0 <= i <= 0xD6 or 0xD8 <= i <= 0xDE else 0x78
    for i in range(256)
)


def capitals(text: str) -> list[int]:
    """Where each capital letter stands (`[A-ZÀ-ÖØ-Þ]`: NFKC text's capitals, all Latin-1),
    found with byte searches in the text as Latin-1 (any other character is no capital):
    far less than a pattern that starts with that class (docs/performance.md)."""
    marks = text.encode("latin-1", "replace").translate(_CAPITAL_MARKS)
    found = []
    at = marks.find(b"C")
    while at >= 0:
        found.append(at)
        at = marks.find(b"C", at + 1)
    return found


def _word_at(text: str, capital: int) -> str:
    """The word that starts with the capital at `capital` (letters, digits, `'`, `-`)."""
    word = _WORD_AT.match(text, capital)
    return word.group() if word else ""


_OPENERS = "\"'‘“(*[_-"
_SENTENCE_MARKS = ".!?:;\n"
_NEAR_OPENING = _OPENERS + _SENTENCE_MARKS


def openings(text: str, caps: list[int]) -> list[int]:
    """The capitals (of `caps`) that open a sentence (`_opens`; most stand after a full
    stop and a space, which is tested first)."""
    found = []
    for i in caps:
        quick = i > 1 and text[i - 1] == " " and text[i - 2] in _SENTENCE_MARKS
        before = text[i - 1] if i else "x"
        if quick or ((before in _NEAR_OPENING or before.isspace()) and _opens(text, i)):
            found.append(i)
    return found


def _opens(text: str, capital: int) -> bool:
    """Whether the capital at `capital` opens a sentence: after a sentence mark (or a line
    break), white space, and quotes or brackets (what `_OPENING_WORD` allows before a
    text's first word)."""
    at = capital - 1
    while at >= 0 and text[at] in _OPENERS:
        at -= 1
    while at >= 0 and text[at].isspace():
        if text[at] == "\n":
            return True
        at -= 1
    return at >= 0 and text[at] in _SENTENCE_MARKS


def _after_title(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends a title or an initial, not a sentence."""
    begin = dot
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:dot].lower()
    return len(word) == 1 or word in _TITLE_WORDS


def persons(text: str) -> list[tuple[int, int]]:
    """Spans of person names that deduce finds in `text` (`name_finder` judges them: a
    place or an organisation is no person, and a declared name exempts no word). The
    same sentence in many cases (`Team Wonen en Zorg`) is read once."""
    return list(_persons(text))


@functools.lru_cache(maxsize=4096)
def _persons(text: str) -> tuple[tuple[int, int], ...]:
    document = _deduce().deidentify(text, disabled=_NOT_RUN)
    return tuple(
        (annotation.start_char, annotation.end_char)
        for annotation in document.annotations
        if annotation.tag == "persoon" and _WORD.search(annotation.text)
    )
