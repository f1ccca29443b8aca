"""Person names from all over the world, as one compact list derived from names-dataset.

deduce knows Dutch names; the people in these stories are also statushouders and labour
migrants (Eritrean, Syrian, Afghan, Turkish, Moroccan, Polish, Ukrainian names), whom its
lists do not know. names-dataset (PyPI, MIT; first and last names with their rank per
country, from a large public corpus) does, but loading it whole takes about 12 s and 1.9 GB
(measured here), so its words are derived once into `data/names.tsv.gz` (a few hundred
KB, read in a tenth of a second) by `python -m generator.privacy.name_list`. That command
also writes `data/names.source`: what the files were derived from (the hashes of
names-dataset's two tables, of wordfreq's Dutch data and of this module) and the hashes of
the files it wrote. A test holds the record equal to what is installed and shipped, so an
upgraded package, a changed derivation or a file edited by hand fails it, without loading
the tables again (docs/testing.md).

Each line is `word<TAB>first rank<TAB>last rank<TAB>Dutch frequency`: the best rank of
the word as a first name and as a surname in any country (0: not one), and its frequency
as a Dutch word in wordfreq (Zipf scale, in tenths). The frequency is what tells a name
from a word: `Yohannes` (0.0) is only a name, `Huis` (5.7) is a word first, whatever the
name lists say.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import pickle
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.privacy import list_cache

DATA = Path(__file__).parent / "data" / "names.tsv.gz"
WORDS = Path(__file__).parent / "data" / "dutch_words.txt.gz"
"""The common words of Dutch (wordfreq's Zipf frequency of 3.0 or more, about 30,000
words): a capitalised word after a role word that is none of these, nor in a name list,
is read as a name (`huurder Tesfamariam`)."""
SOURCE = Path(__file__).parent / "data" / "names.source"
"""The derivation's record: one `what<TAB>sha256` line per input and per file written."""
COMMON_ZIPF = 3.0
MAX_RANK = 2000
"""A name counts when it is among the 2,000 most common first names or surnames of some
country in names-dataset (further down the lists are mostly noise: `Huis`, `Kerk`)."""
MAX_FREQUENCY = 40
"""Words with a Dutch Zipf frequency of 4.0 or more are left out: common Dutch words (and
the Dutch first names deduce knows better, with the context it reads)."""
MIN_LENGTH = 3


@dataclass(frozen=True)
class Names:
    """The list as three look-ups by lower-case word."""

    first: dict[str, int]
    """Best rank as a first name in any country."""
    last: dict[str, int]
    """Best rank as a surname in any country."""
    frequency: dict[str, int]
    """Dutch Zipf frequency in tenths (wordfreq): 0 never seen, under 40 for every word."""


@functools.cache
def names() -> Names:
    """The list, read on first use: from a cache file of its parsed form when there is one
    (`~/.cache/maatwerkbank/`, 0.05 s), else from the data file (0.3 s), which writes it."""
    raw = DATA.read_bytes()
    key = hashlib.sha256(raw).hexdigest()[:16]

    def parse() -> Names:
        rows = [line.split("\t") for line in gzip.decompress(raw).decode("utf-8").splitlines()]
        return Names(
            {row[0]: int(row[1]) for row in rows if row[1] != "0"},
            {row[0]: int(row[2]) for row in rows if row[2] != "0"},
            {row[0]: int(row[3]) for row in rows},
        )

    return list_cache.cached(f"names-{key}.pickle", parse, Names)


@functools.cache
def dutch_words() -> frozenset[str]:
    """The common Dutch words (read on first use)."""
    with gzip.open(WORDS, "rt", encoding="utf-8") as file:
        return frozenset(file.read().split())


def _latin_word(word: str) -> bool:
    return (
        len(word) >= MIN_LENGTH
        and word.isalpha()
        and all("LATIN" in unicodedata.name(c, "") for c in word)
    )


def derive() -> bytes:
    """The file's bytes, from the installed names-dataset and wordfreq (deterministic)."""
    import names_dataset
    from wordfreq import zipf_frequency

    folder = Path(str(names_dataset.__file__)).parent / "v3"
    best: dict[str, list[int]] = {}
    for column, file_name in enumerate(("first_names.pkl.gz", "last_names.pkl.gz")):
        with gzip.open(folder / file_name, "rb") as file:
            table = pickle.load(file)  # the package's own data file, as it loads it
        for key, info in table.items():
            ranks = (info or {}).get("rank") or {}
            rank = min((r for r in ranks.values() if r), default=0)
            if not rank or rank > MAX_RANK:
                continue
            word = unicodedata.normalize("NFKC", key).casefold()
            if not _latin_word(word):
                continue
            entry = best.setdefault(word, [0, 0])
            entry[column] = min(entry[column] or rank, rank)
        del table
    lines = []
    for word in sorted(best):
        frequency = round(zipf_frequency(word, "nl") * 10)
        if frequency >= MAX_FREQUENCY:
            continue
        first, last = best[word]
        lines.append(f"{word}\t{first}\t{last}\t{frequency}\n")
    return _gzipped("".join(lines))


def derive_words() -> bytes:
    """The common-words file's bytes, from the installed wordfreq (deterministic)."""
    from wordfreq import top_n_list, zipf_frequency

    words = sorted(
        {
            unicodedata.normalize("NFKC", word).casefold()
            for word in top_n_list("nl", 60000)
            if word.isalpha() and zipf_frequency(word, "nl") >= COMMON_ZIPF
        }
    )
    return _gzipped("\n".join(words) + "\n")


def provenance() -> str:
    """The record of a derivation, as it would be written now: the installed inputs' and
    the shipped files' hashes."""
    import names_dataset
    import wordfreq

    tables = Path(str(names_dataset.__file__)).parent / "v3"
    frequencies = Path(str(wordfreq.__file__)).parent / "data"
    parts = {
        "names-dataset first names": tables / "first_names.pkl.gz",
        "names-dataset last names": tables / "last_names.pkl.gz",
        "wordfreq large_nl": frequencies / "large_nl.msgpack.gz",
        "wordfreq small_nl": frequencies / "small_nl.msgpack.gz",
        "derivation": Path(__file__),
        "written names": DATA,
        "written words": WORDS,
    }
    return "".join(
        f"{what}\t{hashlib.sha256(path.read_bytes()).hexdigest()}\n" for what, path in parts.items()
    )


def _gzipped(text: str) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as file:
        file.write(text.encode("utf-8"))
    return out.getvalue()


if __name__ == "__main__":
    DATA.write_bytes(derive())
    WORDS.write_bytes(derive_words())
    SOURCE.write_text(provenance(), encoding="utf-8")
    print(f"{DATA}: {len(names().frequency)} names; {WORDS}: {len(dutch_words())} words")
