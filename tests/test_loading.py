"""Loading keeps values exactly as written, and knows where each one stands."""

from __future__ import annotations

from generator.reading.loading import parse


def test_scalars_stay_as_written() -> None:
    text = b"a: nee\nb: on\nc: 017\nd: 0201234567\ne: 12:30\nf: 2025-03-14\ng: 1e3\nh: ~\ni: ''\n"
    document, problems = parse(text, "x.yaml")
    assert not problems and document is not None
    assert document.data == {
        "a": "nee",
        "b": "on",
        "c": "017",
        "d": "0201234567",
        "e": "12:30",
        "f": "2025-03-14",
        "g": "1e3",
        "h": None,
        "i": "",
    }


def test_positions_of_keys_and_nested_values() -> None:
    text = b"# comment\ntitel: x\npartners:\n  - naam: A\n    rol: B\n"
    document, _ = parse(text, "x.yaml")
    assert document is not None
    assert document.mark(("titel",)) == (2, 8)
    assert document.mark(("titel",), key=True) == (2, 1)
    assert document.mark(("partners", 0, "rol")) == (5, 10)
    assert document.mark(("partners", 3, "rol")) == (4, 3)  # nearest existing parent: the list
