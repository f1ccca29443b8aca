"""What a build leaves behind in the process that called it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT


def test_a_build_leaves_what_it_made_out_of_the_youngest_generation() -> None:
    """The build pauses the garbage collector. Everything it made must not be left in the
    youngest generation: the caller's next allocation would scan all of it (0.2 s at
    5,000 cases, counted in nobody's figures but paid by every build)."""
    code = textwrap.dedent(
        """
        import gc
        from datetime import date
        from pathlib import Path
        from generator import pipeline
        made = pipeline.build(Path("cases"), date(2026, 1, 15))
        # (Looking at the count would allocate, and so collect first: look where the
        # result is instead. Left young, it is in generation 1 after that collection.)
        oldest = any(o is made for o in gc.get_objects(generation=2))
        print(gc.isenabled(), oldest, gc.get_freeze_count(), len(made.pages))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    enabled, oldest, frozen, pages = result.stdout.split()
    assert enabled == "True"
    assert int(pages) > 10  # a real build
    assert oldest == "True"
    assert frozen == "0"  # and nothing is left frozen
