"""Site engines: steps after any engine's build, the site input for engines without
our plugin, and the MkDocs plugin (`engines.mkdocs`)."""
