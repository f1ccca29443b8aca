"""A case's file name from its title: the rule the web form names new files by.

`check` accepts a file name of 3 to 80 characters a-z, 0-9 and '-' that the site does not
reserve (`loading.slug_problem`). The form makes one from the title an author types, which
may be 120 characters long and full of accents: accents removed, everything but letters
and digits a hyphen, and cut at a word boundary within `loading.MAX_SLUG`. The form runs
the same rule in JavaScript (`templates/beheer-formaat.js`, `fileName`), with the limits
from here (`form_settings`); a test runs both over the same titles and holds that they
agree and that `check` accepts every name.
"""

from __future__ import annotations

import unicodedata

from generator.reading.loading import MAX_SLUG, MIN_SLUG, RESERVED_SLUG_RE

APOSTROPHES = "'\u2019\u2018\u02bc`"
"""Joined, not split: "buddy's" is `buddys`, "'t Heem" is `t-heem`."""
LETTERS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
"""Letters that Unicode does not decompose into a letter and an accent."""
FALLBACK = "case"
"""The name of a title with too little in it to name a file (`?!`), and the word added to
a name the site reserves for itself (`index` becomes `index-case`)."""


def file_name(title: str) -> str:
    """`Springplankwoning: in zes maanden van de opvang naar een eigen huis` ->
    `springplankwoning-in-zes-maanden-van-de-opvang-naar-een-eigen-huis`."""
    words: list[str] = []
    word = ""
    for char in "".join(LETTERS.get(c, c) for c in unicodedata.normalize("NFKD", title).lower()):
        if ("a" <= char <= "z") or ("0" <= char <= "9"):
            word += char
        elif unicodedata.category(char) == "Mn" or char in APOSTROPHES:
            continue  # an accent, or an apostrophe inside a word
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    name = "-".join(words)
    if len(name) > MAX_SLUG:
        cut = name[:MAX_SLUG]
        if name[MAX_SLUG] != "-" and "-" in cut:
            cut = cut[: cut.rindex("-")]
        name = cut.strip("-")
    if len(name) < MIN_SLUG:
        name = f"{FALLBACK}-{name}" if name else FALLBACK
    if RESERVED_SLUG_RE.fullmatch(name):
        name = f"{name}-{FALLBACK}"
    return name


def form_settings() -> dict[str, object]:
    """The rule's limits for the form's copy of it."""
    return {
        "max": MAX_SLUG,
        "min": MIN_SLUG,
        "gereserveerd": f"^(?:{RESERVED_SLUG_RE.pattern})$",
        "apostroffen": APOSTROPHES,
        "letters": LETTERS,
        "reserve": FALLBACK,
    }
