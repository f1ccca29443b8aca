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
place-name tables only: 0.7 s, once per process, and only when a text needs it. A
600-word text costs deduce about 5 ms (25 s for 5,000 cases), so it reads only the
sentences that a cheap test flags (`candidate_sentences`): a capitalised word inside a
sentence, a first name at its start, a title or an initial. Most narrative sentences have
none of these and never reach deduce.
"""

from __future__ import annotations

import functools
import importlib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
# A capitalised word that does not start a sentence (after NFKC, so ASCII and Latin-1).
_INNER_CAPITAL = re.compile(r"(?<=[^\s.!?:;\"'(\[*\-])\s+([A-ZÀ-ÖØ-Þ][\w'’-]*)")
_FIRST_WORD = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*([A-ZÀ-ÖØ-Þ][\w'’-]*)")
_INITIAL = re.compile(r"\b[A-Z]\.\s?(?:[A-Z]\.\s?)*[A-Z][a-z]")
_SENTENCE_END = re.compile(r"[.!?;\n]\s|$")
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
def _raw_lists() -> dict[str, set[str]]:
    lib = _library()
    return dict(lib["deduce.lookup_structs"].load_raw_itemsets(lib["path"], _LISTS))


@functools.cache
def _deduce() -> Any:
    """One deduce per process, made on first use."""
    return _case_deduce()


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """First names, surnames, name prefixes (`de`, `van`) and common words, lower case."""
    raw = _raw_lists()
    common = frozenset(
        w.lower() for w in raw["common_word"] | raw["stop_word"] | raw["medical_term"]
    )
    first = frozenset(w.lower() for w in raw["first_name"] if len(w) > 1) - common
    last = frozenset(w.lower() for w in raw["surname"] if len(w) > 1) - common
    interfix = frozenset(w.lower() for w in raw["interfix"])
    return first, last, interfix, common


def candidate_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each sentence that may hold a name (the cheap test before deduce)."""
    starts: dict[int, int] = {}  # where a candidate starts: where its sentence may end
    first_names = _words()[0] if _FIRST_WORD.search(text) else frozenset()
    for match in _INNER_CAPITAL.finditer(text):
        starts[match.start(1)] = match.end(1)
    for match in _FIRST_WORD.finditer(text):
        if match.group(1).lower() in first_names:
            starts[match.start(1)] = match.end(1)
    for pattern in (_TITLES, _INITIAL):
        for match in pattern.finditer(text):
            # past a title's or an initial's own full stop (`Dhr. Bos`, `J. Jansen`)
            starts[match.start()] = max(starts.get(match.start(), 0), match.end() + 1)
    end = -1
    for start in sorted(starts):
        if start < end:
            continue
        # from the sentence before, as a title's full stop (`dhr. Bos`) is no sentence end
        anchor = max(0, start - 7)
        begin = max(text.rfind(". ", 0, anchor), text.rfind("\n", 0, anchor), -1) + 1
        stop = _SENTENCE_END.search(text, min(starts[start], len(text)))
        end = stop.start() + 1 if stop else len(text)
        yield begin, end


def persons(text: str, declared: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of person names that deduce finds in `text`, less names the case declares
    (its organisation, municipality, region, partners and funders are not persons)."""
    document = _deduce().deidentify(text)
    found = []
    for annotation in document.annotations:
        if annotation.tag != "persoon":
            continue
        words = [w.lower() for w in _WORD.findall(annotation.text)]
        if not words or all(word in declared for word in words):
            continue
        found.append((annotation.start_char, annotation.end_char))
    return found


def name_words(text: str, *, single: bool) -> tuple[int, int] | None:
    """A first name followed by a surname (`jan jansen`, `fatima-el-amrani`), in any case:
    what deduce does not see in lower case, in roles, file names and slugs. With `single`,
    a first name alone counts too (a role like 'fatima, huurder')."""
    first, last, interfix, _common = _words()
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words):
        if match.group(0).lower() not in first:
            continue
        rest = [w for w in words[i + 1 :] if w.group(0).lower() not in interfix]
        if rest and rest[0].group(0).lower() in last:
            return match.start(), rest[0].end()
        if single:
            return match.start(), match.end()
    return None


def personal_local_part(local: str) -> bool:
    """An e-mail address's part before `@` made of a person's name (`j.jansen`, `fatima`)."""
    first, last, _interfix, _common = _words()
    parts = [p for p in re.split(r"[._+-]", local.lower()) if len(p) > 1]
    return any(p in first or p in last for p in parts)


def declared_words(names: list[str]) -> frozenset[str]:
    """The words of the names a case declares, lower case, for `persons`."""
    return frozenset(w.lower() for name in names for w in _WORD.findall(name))
