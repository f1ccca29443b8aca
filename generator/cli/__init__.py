"""The `maatwerkbank` command: Dutch click framing, CI annotations and the content gate."""
