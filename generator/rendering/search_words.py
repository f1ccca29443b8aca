"""Dutch words for the finder: the parts of compounds, the synonyms of the field, and the
hidden words that carry both into Pagefind's index.

Pagefind matches a query word against the start of indexed words (with Dutch stemming),
so `huur` finds "huurschuld" but `schuld` does not, and `gezinswoning` misses
"eengezinswoning". Each long word of a case's text is therefore split into its parts
(`Decompounder`, over wordfreq's Dutch word frequencies), and every tail of it
("gezinswoning", "woning") is added to the search document right after the word, as an
*added word*: a word that starts with `ADDED` (`^woning`), and so is each start of it
(`^een`, `^eengezins`). Pagefind indexes it as
`woning` at its own position next to the original; the finder script
(`content/javascripts/finder.js`) leaves added words out of the excerpt it shows and
highlights the word before them, the story's own word, so excerpts stay sentences.

Synonyms come from the vocabulary (`cases/_vocabulaire.yaml`: a general `synoniemen` list
and `synoniemen` per theme and target group). Each group of words that mean the same
gets one *group word* (`zoekgroep003`): a case that uses any of them, or carries the
theme or target group, gets the group word added; the finder replaces a query phrase
that is in a group by that group word (`phrase_groups`). Both sides compare phrases by
`normal_form`, of which `content/javascripts/finder-words.js` is the exact copy (a test
runs both on the same words).
"""

from __future__ import annotations

import functools
import importlib.metadata
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.privacy import list_cache
from generator.reading.vocabulary import Vocabulary

ADDED = "^"
"""The first character of an added word: ASCII punctuation, so Pagefind indexes the word
without it and adds no second entry for it."""

GROUP_WORD = "zoekgroep{:03d}"
"""A synonym group's word in the index: digits at the end, which no Dutch stemming
rule touches, and three of them, so no group's word is the start of another's."""

MIN_LENGTH = 7
"""Shorter words are not split: two parts of three letters at least, and a tail of four."""
MIN_PART_ZIPF = 2.5
"""A part must be a known word (Zipf 2.5: a few times in ten million words): rarer ones
are mostly names and misspellings, which split into nonsense."""
SHORT_PART_ZIPF = 4.5
"""A first part of three letters must be a very common word (`een`), not an abbreviation
(`ins`, which made "instelling" a compound)."""
MAX_WHOLE_ZIPF = 4.5
"""A word this common is its own word, whatever it is made of ("samenwerking")."""
MARGIN = 0.5
"""How much more common its parts must be, on average, than a word that is split."""
MAX_PARTS = 4
# Particles and prefixes that start many words that are no compounds ("aanleiding",
# "verhuurder", "ondersteuning", "uitstroom"): never the first part.
NOT_FIRST = frozenset(
    {"aan", "af", "be", "bij", "door", "er", "ge", "her", "in", "mee", "mis", "na", "om"}
    | {"on", "ont", "onder", "op", "over", "te", "toe", "uit", "ver", "voor", "weg"}
)
# Endings that are words on their own but make derivations, not compounds ("gemeentelijk").
NOT_LAST = frozenset(
    {"achtig", "baar", "heid", "ing", "isch", "je", "lijk", "loos", "schap", "tje"}
)
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_SPLIT = re.compile(r"[^\w]+|_")


def _fold(text: str) -> str:
    """Lower case without accents: `financiële` and `financiele` are one word."""
    folded = text.casefold()
    if folded.isascii():
        return folded  # nothing to take off (most words)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Decompounder:
    """Splits Dutch compounds into parts that are common words: `huurschuld` into `huur`
    and `schuld`, `eengezinswoning` into `een`, `gezins`, `woning` (a linking `s` stays
    with the part before it).

    A split counts only when each part is more common than the whole word (Koehn and
    Knight's rule: a compound is rarer than its parts; "aanleiding" is not "aan" and
    "leiding" because `aan` never starts one here, and "samenwerking" is more common
    than "werking"), no first part is a particle (`NOT_FIRST`) and no last part a
    derivational ending (`NOT_LAST`). Of the splits left, the one with the fewest parts,
    then the most common rarest part, wins.
    """

    def __init__(self, zipf: dict[str, float]) -> None:
        self._zipf = zipf

    @classmethod
    def dutch(cls) -> Decompounder:
        return _dutch()

    def zipf(self, word: str) -> float:
        return self._zipf.get(word, 0.0)

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of `word` (folded to lower case), or just the word when it is none."""
        return self._parts(_fold(word))

    @functools.lru_cache(maxsize=1 << 17)  # noqa: B019 (one instance per process)
    def _parts(self, word: str) -> tuple[str, ...]:
        if len(word) < MIN_LENGTH or not word.isalpha():
            return (word,)
        whole = self.zipf(word)
        if whole >= MAX_WHOLE_ZIPF:
            return (word,)
        best: tuple[int, float, tuple[str, ...]] | None = None
        for split in self._splits(word, 0):
            if len(split) < 2 or split[0] in NOT_FIRST or split[-1] in NOT_LAST:
                continue
            zipfs = [self._part_zipf(p, last=i == len(split) - 1) for i, p in enumerate(split)]
            if sum(zipfs) / len(zipfs) < whole + MARGIN:
                continue
            key = (len(split), -min(zipfs), split)
            if best is None or key < best:
                best = key
        return best[2] if best else (word,)

    def _part_zipf(self, part: str, last: bool) -> float:
        found = self.zipf(part)
        if not last and len(part) > 4 and part.endswith("s"):
            found = max(found, self.zipf(part[:-1]))  # a linking s: "gezins" is "gezin"
        return found

    def _splits(self, word: str, start: int) -> list[tuple[str, ...]]:
        """Every split of `word[start:]` into known words: the first part of three
        letters or more, the others of four or more, at most `MAX_PARTS`."""
        found: list[tuple[str, ...]] = []
        depth = 0 if start == 0 else 1
        for end in range(start + (3 if depth == 0 else 4), len(word) + 1):
            part = word[start:end]
            last = end == len(word)
            zipf = self._part_zipf(part, last)
            if zipf < MIN_PART_ZIPF or (len(part) == 3 and zipf < SHORT_PART_ZIPF):
                continue
            if last:
                if start:
                    found.append((part,))
                continue
            if len(word) - end < 4:
                continue
            found.extend((part, *rest) for rest in self._splits(word, end) if len(rest) < MAX_PARTS)
        return found

    def tails(self, word: str) -> list[str]:
        """Every end of `word` that starts at a part (`eengezinswoning`: `gezinswoning`,
        `woning`), what a query that starts inside the word needs; then every start of it
        that ends at a part (`een`, `eengezins`): Pagefind finds a word's start by prefix,
        but stems a query word as a word of its own ("integratie" does not reach
        "integratieplan" by prefix once stemmed)."""
        parts = self.parts(word)
        ends = ["".join(parts[i:]) for i in range(1, len(parts))]
        return ends + ["".join(parts[:i]) for i in range(1, len(parts))]

    def pieces(self, word: str) -> set[str]:
        """The word and every run of its parts ("uitstroomvoorziening": `uitstroom`,
        `voorziening`, ...): what a one-word synonym may be found as."""
        parts = self.parts(word)
        return {
            "".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
        }


@functools.cache
def _dutch() -> Decompounder:
    """wordfreq's large Dutch list (about 300,000 words), as Zipf values: kept parsed
    between builds (`list_cache`), as importing wordfreq and reading its list takes half
    a second of every build, before the pages can be made."""
    version = importlib.metadata.version("wordfreq")
    return Decompounder(list_cache.cached(f"wordfreq-nl-{version}.pickle", _zipf_values, dict))


def _zipf_values() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("nl", "large")
    return {word: math.log10(f) + 9 for word, f in frequencies.items() if word.isalpha()}


# --- synonyms ----------------------------------------------------------------------------


KEPT = {"ouder": "ouders", "ouders": "ouders"}
"""Words the endings rules would make another word: parents are not the elderly
(`ouderen` is `ouder`)."""


def normal_form(word: str) -> str:
    """One form for the inflections of a Dutch word, to compare synonyms by: `daklozen`,
    `dakloze` and `dakloos` are `daklos`; `huren` and `huur` are `hur`. Not a stemmer
    (Pagefind has its own): only plural and adjective endings, `z`/`s` and `v`/`f`, and
    doubled letters, so that a group lists "uitstroom" and "doorstroming" as the words
    they are. finder-words.js holds the same rules."""
    w = "".join(_LETTERS.findall(_fold(word)))
    if w in KEPT:
        return KEPT[w]
    if len(w) > 4 and w.endswith("en"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    elif len(w) > 3 and w.endswith("s") and w[-2] in "rlne":
        w = w[:-1]
        if len(w) > 3 and w.endswith("e"):
            w = w[:-1]
    if w.endswith("z"):
        w = w[:-1] + "s"
    elif w.endswith("v"):
        w = w[:-1] + "f"
    if len(w) > 3 and w[-1] not in "aeiou" and w[-2] == w[-3] and w[-2] in "aeou":
        w = w[:-3] + w[-2] + w[-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase as the normal forms of its words; hyphens and spaces are the same
    (`dak- en thuislozen`: `dak`, `en`, `thuislos`)."""
    return tuple(n for word in _WORD_SPLIT.split(phrase) if word and (n := normal_form(word)))


@dataclass(frozen=True)
class SynonymGroups:
    """Phrases that mean the same, each group with its group word; a phrase in two lists
    joins them into one group (a query word must lead to one group word)."""

    words: dict[tuple[str, ...], str]
    """Each phrase (its normal forms) -> its group's word."""
    terms: dict[tuple[str, str], str]
    """(kind, term slug) -> the group word of the term's label and synonyms."""

    @classmethod
    def of(
        cls,
        general: Iterable[Sequence[str]],
        terms: dict[tuple[str, str], Sequence[str]],
    ) -> SynonymGroups:
        lists: list[list[tuple[str, ...]]] = []
        owners: list[tuple[str, str] | None] = []
        for group in general:
            lists.append([p for p in map(phrase_words, group) if p])
            owners.append(None)
        for key, own in terms.items():
            lists.append([p for p in map(phrase_words, own) if p])
            owners.append(key)
        # Union of lists that share a phrase (a handful of lists: quadratic is fine).
        parent = list(range(len(lists)))

        def root(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        first: dict[tuple[str, ...], int] = {}
        for i, phrases in enumerate(lists):
            for phrase in phrases:
                if phrase in first:
                    parent[root(i)] = root(first[phrase])
                else:
                    first[phrase] = i
        numbers: dict[int, str] = {}
        words: dict[tuple[str, ...], str] = {}
        term_words: dict[tuple[str, str], str] = {}
        for i, phrases in enumerate(lists):
            if not phrases:
                continue
            word = numbers.setdefault(root(i), GROUP_WORD.format(len(numbers) + 1))
            for phrase in phrases:
                words[phrase] = word
            owner = owners[i]
            if owner is not None:
                term_words[owner] = word
        return cls(words, term_words)

    def for_finder(self) -> dict[str, str]:
        """What the finder page embeds: each phrase, its normal forms joined by spaces ->
        its group word."""
        return {" ".join(phrase): word for phrase, word in sorted(self.words.items())}


# --- the added words of a text -----------------------------------------------------------


_MOST_KNOWN = 1 << 18
"""Distinct tokens remembered per build before the memory starts again."""


@dataclass(frozen=True)
class _Token:
    forms: tuple[str, ...]
    """The normal forms of its runs of letters."""
    added: tuple[str, ...]
    starts: bool
    """Whether a phrase of several words can start in it."""


def _written(words: Iterable[str]) -> str:
    """Added words as they follow their token (` ^woning ^zoekgroep002`), or nothing."""
    return "".join(f" {ADDED}{word}" for word in words)


class SearchWords:
    """Adds the hidden words of one site's search documents."""

    def __init__(self, decompounder: Decompounder, groups: SynonymGroups) -> None:
        self.decompounder = decompounder
        self.groups = groups
        self._longest = max((len(p) for p in groups.words), default=0)
        self._starts = frozenset(p[0] for p in groups.words if len(p) > 1)
        """First words of the phrases of several words: only there is a phrase looked up."""
        self._known: dict[str, _Token] = {}
        self._shown: dict[str, str] = {}
        """Each token as written with what it adds (`eengezinswoning ^gezinswoning ...`)."""
        self._starting: set[str] = set()
        """The tokens a phrase of several words can start in."""

    @functools.lru_cache(maxsize=1 << 17)  # noqa: B019 (one instance per build)
    def _run(self, run: str) -> tuple[str, tuple[str, ...]]:
        """One word's normal form, and what it adds: the tails of a compound, and the
        group words of the one-word synonyms it is, or one of its runs of parts is
        ("urgentie" in "urgentieverklaring", "samenwerking(s)" in
        "samenwerkingsverband")."""
        normal = normal_form(run)
        added = list(self.decompounder.tails(run))
        # In a fixed order (a set's order changes from run to run): same text, same index.
        for piece in sorted(self.decompounder.pieces(run)) if added else [run]:
            forms = [normal_form(piece)]
            if len(piece) > 4 and piece.endswith("s"):
                forms.append(normal_form(piece[:-1]))  # a linking s
            added.extend(w for form in forms if (w := self.groups.words.get((form,))))
        return normal, tuple(dict.fromkeys(added))

    def _token(self, token: str) -> _Token:
        """What one whitespace-separated token adds, and the normal forms of its runs of
        letters (for the phrases)."""
        forms: list[str] = []
        extra: list[str] = []
        for run in _LETTERS.findall(token):
            form, added = self._run(run)
            forms.append(form)
            extra.extend(added)
        return _Token(
            tuple(forms), tuple(dict.fromkeys(extra)), any(form in self._starts for form in forms)
        )

    def with_added(self, text: str) -> str:
        """`text` with the added words after the words they come from: the tails of each
        compound and the group word of each synonym found (`^woning ^zoekgroep002`).

        Each distinct token is looked at once per build (`_known`): a case's thousand
        words are a few hundred distinct ones, nearly all seen in earlier cases."""
        tokens = text.split()
        known = self._known
        if len(known) > _MOST_KNOWN:
            known.clear()
            self._shown.clear()
            self._starting.clear()
        shown = list(map(self._shown.get, tokens))
        if None in shown:
            for i, token in enumerate(tokens):
                if shown[i] is None:
                    info = known[token] = self._token(token)
                    shown[i] = self._shown[token] = token + _written(info.added)
                    if info.starts:
                        self._starting.add(token)
        if self._starting.isdisjoint(tokens):
            return " ".join(shown)  # type: ignore[arg-type]
        for i, groups in self._phrases(tokens).items():
            shown[i] = tokens[i] + _written(dict.fromkeys((*known[tokens[i]].added, *groups)))
        return " ".join(shown)  # type: ignore[arg-type]

    def _phrases(self, tokens: list[str]) -> dict[int, list[str]]:
        """The group words of the phrases of several words in a text, by the token each
        phrase ends in; looked up only from the tokens a phrase can start in."""
        known, starting, longest = self._known, self._starting, self._longest
        found: dict[int, list[str]] = {}
        for i in [i for i, token in enumerate(tokens) if token in starting]:
            own = len(known[tokens[i]].forms)
            forms: list[str] = []
            owner: list[int] = []
            j = i
            while j < len(tokens) and len(forms) < own + longest:
                more = known[tokens[j]].forms
                forms.extend(more)
                owner.extend([j] * len(more))
                j += 1
            for start in range(own):
                if forms[start] not in self._starts:
                    continue
                for length in range(min(longest, len(forms) - start), 1, -1):
                    group = self.groups.words.get(tuple(forms[start : start + length]))
                    if group:
                        found.setdefault(owner[start + length - 1], []).append(group)
                        break
        return found

    def hidden(self, words: Iterable[str]) -> str:
        """Words only for the index (term labels, names, group words), each added:
        `^wonen ^en ^zorg`."""
        found = dict.fromkeys(
            w for text in words for w in _WORD_SPLIT.split(text) if w and not w.isdigit()
        )
        return " ".join(ADDED + w for w in found)


def synonym_groups(vocabulary: Vocabulary) -> SynonymGroups:
    """The vocabulary's synonyms: the general list, and each theme and target group with
    its label and its own `synoniemen`."""
    return SynonymGroups.of(
        vocabulary.synonyms,
        {
            (kind, slug): (term.label, *term.synonyms)
            for kind in ("themas", "doelgroepen")
            for slug, term in vocabulary.terms(kind).items()
        },
    )
