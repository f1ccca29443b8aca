"""The scan's world-wide name list and common Dutch words are derived from the pinned
names-dataset and wordfreq (`python -m generator.privacy.name_list`): the files in the
repository are what those packages give, and the list knows what it is for."""

from __future__ import annotations

from generator.privacy import name_list


def test_the_shipped_lists_are_derived_from_the_installed_packages() -> None:
    """The derivation's record (`data/names.source`) against what is installed and shipped:
    fails when names-dataset or wordfreq is upgraded, the derivation is changed or a list
    is edited by hand, until `python -m generator.privacy.name_list` is run again. (The
    derivation itself loads the tables whole: 12 s and 1.9 GB, too much for every run.)"""
    recorded = name_list.SOURCE.read_text(encoding="utf-8")
    assert name_list.provenance() == recorded, "run: python -m generator.privacy.name_list"


def test_the_record_names_every_input_and_every_file_written() -> None:
    """A record of nothing would pass the test above whatever was installed."""
    recorded = dict(line.split("\t") for line in name_list.SOURCE.read_text().splitlines())
    assert {"names-dataset first names", "names-dataset last names", "derivation"} <= set(recorded)
    assert {"written names", "written words"} <= set(recorded)
    assert all(len(digest) == 64 for digest in recorded.values())


def test_names_from_the_target_groups_are_in_and_common_words_are_out() -> None:
    names = name_list.names()
    for first in ("yohannes", "semhar", "oksana", "mehmet", "fatma", "agnieszka", "khadija"):
        assert first in names.first, first
    for last in ("demir", "kowalski", "yilmaz", "tesfay", "nowak"):
        assert last in names.last, last
    for word in ("huis", "zorg", "samen", "thuis", "wet", "mark"):
        assert word not in names.frequency, word
    assert "huurder" in name_list.dutch_words() and "yohannes" not in name_list.dutch_words()
