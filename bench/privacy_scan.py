"""The personal-data scan's recall and false alarms on every corpus, and its cost.

    python bench/privacy_scan.py

Recall: the share of entries found with their kind, per corpus: the recall corpus of issue
23 (`tests/recall_corpus.RECALL`, per group), the corpus the earlier scan was tuned on
(`personal_data_corpus.PERSONAL`), the set written before this scan (`HELD_OUT`) and the set
written after it (`LATE_RECALL`). False alarms: entries of the ordinary sentences with any
finding, and findings in the precision stories (`tests/fixtures/precision/`) and in the
shipped and fixture case files. Prints lines for docs/trust-and-privacy.md; the tests hold
the same figures.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from personal_data_corpus import HELD_OUT, ORDINARY, PERSONAL, kinds_found  # noqa: E402
from recall_corpus import LATE_ORDINARY, LATE_RECALL, RECALL  # noqa: E402

from generator.privacy import personal_data  # noqa: E402
from generator.reading.loading import case_files, load  # noqa: E402


def _found(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries missed."""
    return [(f, t, k) for f, t, k in entries if k not in kinds_found(f, t)]


def _alarms_in(paths: list[Path]) -> tuple[int, int]:
    findings = files = 0
    for path in paths:
        document, _ = load(path, path.name)
        assert document is not None
        n = len(personal_data.scan(document, path.stem)[0])
        findings += n
        files += bool(n)
    return findings, files


def main() -> None:
    started = time.perf_counter()
    groups: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for group, field, text, kind in RECALL:
        groups[group] += 1
        hits[group] += kind in kinds_found(field, text)
    total = sum(groups.values())
    print(f"recall corpus (issue 23): {sum(hits.values())}/{total}")
    for group in groups:
        print(f"  {group}: {hits[group]}/{groups[group]}")
    for name, entries in (
        ("corpus the earlier scan was tuned on", PERSONAL),
        ("set written before this scan (held out)", HELD_OUT),
        ("set written after this scan, measured once", LATE_RECALL),
    ):
        missed = _found(entries)
        print(f"{name}: {len(entries) - len(missed)}/{len(entries)}")
        for field, text, kind in missed:
            print(f"  missed ({kind}) in {field}: {text}")
    sentences = ORDINARY + LATE_ORDINARY
    alarms = [(f, t, kinds_found(f, t)) for f, t in sentences if kinds_found(f, t)]
    print(f"false alarms on ordinary sentences: {len(alarms)}/{len(sentences)}")
    for field, text, found in alarms:
        print(f"  alarm {found} in {field}: {text}")
    stories = sorted((ROOT / "tests/fixtures/precision").glob("*.yaml"))
    findings, files = _alarms_in(stories)
    print(f"false alarms in {len(stories)} precision stories: {findings} (in {files} files)")
    shipped = case_files([ROOT / "cases", *(ROOT / "tests/fixtures").iterdir()])
    shipped = [p for p in shipped if "precision" not in p.parts]
    findings, files = _alarms_in(shipped)
    print(f"false alarms in {len(shipped)} shipped and fixture cases: {findings}")
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"({elapsed:.2f} s, deduce's and the name lists' start included; peak {peak:.0f} MB)")


if __name__ == "__main__":
    main()
