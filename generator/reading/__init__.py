"""Files to checked cases: YAML with positions, validation, text rules, author
Markdown, media, publication on a date."""
