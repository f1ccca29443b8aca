"""The vocabulary file is published too: every label, description and synonym of a theme,
a target group or any other list in `cases/_vocabulaire.yaml` stands on theme pages, in
the navigation, the finder and the feed. Its strings are scanned like a case's narrative,
whatever sections the file has (`personal_data.scan_strings` walks them all), and its
keys like page addresses. A term with personal data is withdrawn from the vocabulary the
build uses (fail safe: the cases that use it are then refused as using an unknown term,
and leave the site), besides the problem `check` reports."""

from __future__ import annotations

from pathlib import Path

from generator.contract.problems import Problem
from generator.privacy import personal_data
from generator.reading.loading import load
from generator.reading.vocabulary import Vocabulary


def scan_vocabulary(path: Path, display: str, vocabulary: Vocabulary) -> list[Problem]:
    """Problems for personal data in the vocabulary file; its terms with any are taken out
    of `vocabulary`."""
    if not path.is_file():
        return []
    document, _ = load(path, display)
    if document is None or not isinstance(document.data, dict):
        return []
    problems, places = personal_data.scan_strings(document)
    for place in places:
        terms = getattr(vocabulary, str(place[0]), None) if place else None
        if isinstance(terms, dict) and len(place) > 1 and place[1] in terms:
            terms.pop(place[1])
            vocabulary.withheld.add((str(place[0]), str(place[1])))
    return problems
