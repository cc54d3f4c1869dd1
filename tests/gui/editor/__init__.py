"""Tests of the routine editor window (pytest-qt, real widgets)."""
