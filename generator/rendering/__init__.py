"""Checked cases to site content: catalog, addresses, pages, listings, exports,
hosting files and the templates they are rendered with."""
