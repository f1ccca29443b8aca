"""The pipeline (check, build) and the preview's quick path."""
