"""`python -m generator` is the same as the `maatwerkbank` command."""

from generator.cli import main

main(prog_name="maatwerkbank")
