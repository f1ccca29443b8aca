"""The scan's world-wide name list and common Dutch words are derived from the pinned
names-dataset and wordfreq (`python -m generator.privacy.name_list`): the files in the
repository are what those packages give, and the list knows what it is for."""

from __future__ import annotations

import gzip

from generator.privacy import name_list


def test_the_shipped_lists_are_derived_from_the_pinned_packages() -> None:
    """Loads names-dataset whole (about 12 s and 1.9 GB, once): what the derivation saves
    every `check`. Fails when a package is upgraded without deriving the files again."""
    assert gzip.decompress(name_list.derive()) == gzip.decompress(name_list.DATA.read_bytes())
    assert gzip.decompress(name_list.derive_words()) == gzip.decompress(
        name_list.WORDS.read_bytes()
    )


def test_names_from_the_target_groups_are_in_and_common_words_are_out() -> None:
    names = name_list.names()
    for first in ("yohannes", "semhar", "oksana", "mehmet", "fatma", "agnieszka", "khadija"):
        assert first in names.first, first
    for last in ("demir", "kowalski", "yilmaz", "tesfay", "nowak"):
        assert last in names.last, last
    for word in ("huis", "zorg", "samen", "thuis", "wet", "mark"):
        assert word not in names.frequency, word
    assert "huurder" in name_list.dutch_words() and "yohannes" not in name_list.dutch_words()
