"""The personal-data scan's recall and false alarms on the invented corpus, and its cost.

    python bench/privacy_scan.py

Recall: the share of `tests/personal_data_corpus.PERSONAL` entries found with the right
kind. False alarms: entries of `ORDINARY` (ordinary case text) with any finding, and
findings in the shipped and fixture case files. Prints lines for the README.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from personal_data_corpus import HELD_OUT, ORDINARY, PERSONAL, kinds_found  # noqa: E402

from generator.privacy import personal_data  # noqa: E402
from generator.reading.loading import case_files, load  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    per_kind: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    missed = []
    for field, text, kind in PERSONAL:
        per_kind[kind] += 1
        if kind in kinds_found(field, text):
            hits[kind] += 1
        else:
            missed.append((field, text, kind))
    held = [(f, t, k) for f, t, k in HELD_OUT if k not in kinds_found(f, t)]
    alarms = [(f, t, kinds_found(f, t)) for f, t in ORDINARY if kinds_found(f, t)]
    shipped = case_files([ROOT / "cases", *(ROOT / "tests/fixtures").iterdir()])
    shipped_alarms = 0
    for path in shipped:
        document, _ = load(path, path.name)
        assert document is not None
        shipped_alarms += len(personal_data.scan(document, path.stem)[0])
    elapsed = time.perf_counter() - started
    total = sum(per_kind.values())
    print(f"recall: {sum(hits.values())}/{total} ({sum(hits.values()) / total:.0%})")
    for kind in sorted(per_kind):
        print(f"  {kind}: {hits[kind]}/{per_kind[kind]}")
    for field, text, kind in missed:
        print(f"  missed ({kind}) in {field}: {text}")
    print(f"recall on the held-out set: {len(HELD_OUT) - len(held)}/{len(HELD_OUT)}")
    for field, text, kind in held:
        print(f"  missed ({kind}) in {field}: {text}")
    print(f"false alarms on ordinary case text: {len(alarms)}/{len(ORDINARY)}")
    for field, text, found in alarms:
        print(f"  alarm {found} in {field}: {text}")
    print(f"false alarms on {len(shipped)} shipped and fixture cases: {shipped_alarms}")
    print(f"({elapsed:.2f} s, deduce's start included)")


if __name__ == "__main__":
    main()
