"""Checking a loaded routine: every field, every exercise, each problem located; pure Python."""
