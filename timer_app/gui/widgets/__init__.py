"""Reusable widgets, each previewable alone with `python -m`."""
