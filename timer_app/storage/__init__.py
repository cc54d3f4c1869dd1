"""Adapters to the outside world without Qt: YAML, SQLite, paths, settings."""
