"""`python -m generator` is the same as the `maatwerkbank` command."""

from generator.cli.commands import main

main(prog_name="maatwerkbank")
