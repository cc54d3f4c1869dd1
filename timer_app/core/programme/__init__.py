"""Programmes over weeks: stages, dose changes, stage arithmetic; pure Python (core only)."""
