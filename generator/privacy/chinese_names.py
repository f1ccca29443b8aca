"""Chinese names in pinyin (`Wang Xiuying`, `Xiuying Wang`).

The world-wide name list holds the common surnames but few given names: a Chinese given
name is made of one to three syllables, so any of thousands of spellings is one. Its
shape is what tells it: every part a syllable of pinyin, next to a surname of
`data/pinyin.txt`, in either order.
"""

from __future__ import annotations

import functools
from pathlib import Path

SURNAMES_AND_SYLLABLES = "data/pinyin.txt"


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    """The surnames and the syllables of `data/pinyin.txt`, by the word opening their line."""
    lists: dict[str, set[str]] = {"surnames:": set(), "syllables:": set()}
    text = (Path(__file__).parent / SURNAMES_AND_SYLLABLES).read_text(encoding="utf-8")
    for line in text.splitlines():
        tag, _, words = line.partition(" ")
        if tag in lists:
            lists[tag].update(words.split())
    return {tag: frozenset(words) for tag, words in lists.items()}


@functools.cache
def _syllables_in(low: str, most: int = 3) -> bool:
    """Whether `low` is one to `most` syllables of pinyin, read from the left."""
    if not low:
        return True
    if most == 0:
        return False
    return any(
        low[:n] in _lists()["syllables:"] and _syllables_in(low[n:], most - 1)
        for n in range(min(6, len(low)), 0, -1)
    )


def given_name(word: str) -> bool:
    """Whether a capitalised word reads as a given name in pinyin (`Xiuying`, `Xiu-Ying`,
    `Guiying`): one to three syllables, with a vowel after its first letter."""
    parts = word.casefold().split("-")
    return all(len(part) > 1 and _syllables_in(part) for part in parts) and len(word) >= 3


def pair(first: str, second: str) -> str | None:
    """Which of two capitalised words is the given name when they are a Chinese name in
    either order (`Wang Xiuying`, `Xiuying Wang`): 'second', 'first' or None."""
    if first.casefold() in _lists()["surnames:"] and given_name(second):
        return "second"
    if second.casefold() in _lists()["surnames:"] and given_name(first):
        return "first"
    return None
