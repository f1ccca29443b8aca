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

from held_out_corpus import HELD_OUT_CATCH, HELD_OUT_PASS  # noqa: E402
from personal_data_corpus import DECLARED, HELD_OUT, ORDINARY, PERSONAL, kinds_found  # noqa: E402
from recall_corpus import (  # noqa: E402
    AFTER_TESTER_ORDINARY,
    AFTER_TESTER_RECALL,
    LATE_ORDINARY,
    LATE_RECALL,
    RECALL,
)

from generator.privacy import personal_data  # noqa: E402
from generator.reading.loading import case_files, load  # noqa: E402


def _found(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries missed."""
    return [(f, t, k) for f, t, k in entries if k not in kinds_found(f, t)]


def _found_in(field: str, text: str) -> list[str]:
    """Kinds found in a field, or in a case's file name (`filename`)."""
    if field == "filename":
        slug = text.removesuffix(".yaml")
        return [f.kind for f in personal_data._findings(dict(DECLARED), slug)]
    return kinds_found(field, text)


def _fresh_tester() -> None:
    """Issue 23's fresh tester's held-out set, and the variants written after it."""
    caught = [t for _, f, t, n in HELD_OUT_CATCH if len(_found_in(f, t)) >= n]
    print(f"fresh tester's held-out set: {len(caught)}/{len(HELD_OUT_CATCH)}")
    for kind, field, text, _ in HELD_OUT_CATCH:
        if text not in caught:
            print(f"  missed ({kind}) in {field}: {text}")
    alarms = [(f, t) for f, t in HELD_OUT_PASS if _found_in(f, t)]
    print(f"  false alarms on its ordinary sentences: {len(alarms)}/{len(HELD_OUT_PASS)}")
    for field, text in alarms:
        print(f"  alarm in {field}: {text}")
    own = [(f, t) for f, t, k in AFTER_TESTER_RECALL if k in _found_in(f, t)]
    print(f"variants written after the tester: {len(own)}/{len(AFTER_TESTER_RECALL)}")
    alarms = [(f, t) for f, t in AFTER_TESTER_ORDINARY if _found_in(f, t)]
    print(f"  false alarms on its ordinary sentences: {len(alarms)}/{len(AFTER_TESTER_ORDINARY)}")


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
    _fresh_tester()
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
