"""Placeholder until the history commands land (written by the history engineer)."""

from typing import Any


def add_commands(subparsers: Any) -> None:
    pass
