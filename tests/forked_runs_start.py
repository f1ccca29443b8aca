"""Imported once by the fork server of `forked_runs`: what every build and check loads
before it reads a case, so that a forked run starts with it done; and what that loading
changes for the whole process, kept to be undone in a run that would not have it yet."""

import importlib
import warnings

# Python's own filters: deduce adds one at import, which a new Python has only once a
# build has imported it, after MkDocs' own.
FILTERS = list(warnings.filters)

from generator.cli import click_dutch  # noqa: E402

# click in English: the generator's command translates it at import, `mkdocs` never does.
ENGLISH = {
    name: {key: getattr(module, key) for key in ("_", "ngettext") if hasattr(module, key)}
    for name in click_dutch.CLICK_MODULES
    for module in [importlib.import_module(name)]
}

import material.plugins.search.plugin  # noqa: E402, F401
import mkdocs.__main__  # noqa: E402, F401
import mkdocs.commands.build  # noqa: E402, F401

import generator.cli.commands  # noqa: E402, F401
import generator.engines.mkdocs.plugin  # noqa: E402, F401
from generator.privacy import name_finder  # noqa: E402

name_finder.prepare(deduce=True)


def as_new(module: str) -> None:
    """Undo what the loading changed that a new `python -m module` has not done yet."""
    warnings.filters[:] = FILTERS
    warnings._filters_mutated()  # type: ignore[attr-defined]
    if module != "generator":
        for name, words in ENGLISH.items():
            for key, value in words.items():
                setattr(importlib.import_module(name), key, value)
