"""The personal-data scan over the reader-visible text of every published value."""
