"""What a case file is: the model with its per-field metadata, Dutch labels, problems.

Imports nothing of the project."""
