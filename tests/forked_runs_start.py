"""Imported once by the fork server of `forked_runs`: what every build and check loads
before it reads a case, so that a forked run starts with it done."""

import material.plugins.search.plugin  # noqa: F401
import mkdocs.__main__  # noqa: F401
import mkdocs.commands.build  # noqa: F401

import generator.cli.commands  # noqa: F401
import generator.engines.mkdocs.plugin  # noqa: F401
from generator.privacy import name_finder

name_finder.prepare(deduce=True)
