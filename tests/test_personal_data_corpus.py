"""The invented corpus (tests/personal_data_corpus.py): what the README states about recall
and false alarms holds. bench/privacy_scan.py prints the same figures."""

from __future__ import annotations

import pytest
from personal_data_corpus import HELD_OUT, ORDINARY, PERSONAL, kinds_found


@pytest.mark.parametrize(("field", "text", "kind"), PERSONAL)
def test_personal_data_is_found_with_its_kind(field: str, text: str, kind: str) -> None:
    assert kind in kinds_found(field, text)


@pytest.mark.parametrize(("field", "text"), ORDINARY)
def test_ordinary_case_text_gives_no_alarm(field: str, text: str) -> None:
    assert kinds_found(field, text) == []


def test_held_out_recall_is_as_the_readme_says() -> None:
    """20 of 20 since the scan reads dashes folded (`–` is `-`)."""
    missed = [text for field, text, kind in HELD_OUT if kind not in kinds_found(field, text)]
    assert missed == []
