"""What a build leaves behind in the process that called it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from conftest import ROOT, SEED, python_output


def test_a_build_leaves_what_it_made_out_of_the_youngest_generation() -> None:
    """The build pauses the garbage collector. Everything it made must not be left in the
    youngest generation: the caller's next allocation would scan all of it (0.2 s at
    5,000 cases, counted in nobody's figures but paid by every build)."""
    code = textwrap.dedent(
        """
        import gc
        from datetime import date
        from pathlib import Path
        import sys
        from generator.build import pipeline
        made = pipeline.build(Path(sys.argv[1]), date(2026, 1, 15))
        # (Looking at the count would allocate, and so collect first: look where the
        # result is instead. Left young, it is in generation 1 after that collection.)
        oldest = any(o is made for o in gc.get_objects(generation=2))
        print(gc.isenabled(), oldest, gc.get_freeze_count(), len(made.pages))
        """
    )
    enabled, oldest, frozen, pages = python_output(code, str(SEED)).split()
    assert enabled == "True"
    assert int(pages) > 10  # a real build
    assert oldest == "True"
    assert frozen == "0"  # and nothing is left frozen


def test_templates_are_compiled_once_for_all_builds(tmp_path: Path) -> None:
    """A second build, in a new process, loads the compiled templates (Jinja's bytecode
    cache in a private temp folder); a template that changes is compiled again."""
    templates = tmp_path / "templates"
    templates.mkdir()
    code = textwrap.dedent(
        """
        import sys
        from datetime import date
        from pathlib import Path
        import jinja2
        compiled = []
        compile = jinja2.Environment.compile
        def counting(self, source, name=None, *args, **kwargs):
            compiled.append(name)
            return compile(self, source, name, *args, **kwargs)
        jinja2.Environment.compile = counting
        from generator.build import pipeline
        pipeline.build(Path(sys.argv[2]), date(2026, 1, 15), templates_dir=Path(sys.argv[1]))
        print(" ".join(sorted(n for n in compiled if n)) or "-")
        """
    )

    def compiled() -> list[str]:
        return python_output(code, str(templates), str(SEED), TMPDIR=str(tmp_path)).split()

    first = compiled()
    assert "case.html.j2" in first and "search_document.html.j2" in first
    assert compiled() == ["-"]
    # a site's own version of a template is compiled once, then cached too
    shutil.copy(ROOT / "generator/rendering/templates/terms.html.j2", templates / "terms.html.j2")
    (templates / "terms.html.j2").write_text(
        (templates / "terms.html.j2").read_text(encoding="utf-8") + "\nEigen tekst.\n",
        encoding="utf-8",
    )
    assert compiled() == ["terms.html.j2"]
    assert compiled() == ["-"]
