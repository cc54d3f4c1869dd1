"""What a validation problem is, and how values and places are worded in its message.

Messages are for therapists and patients, not programmers: a value is shown as they
wrote it (`'three'`, `true`, "a list"), and a field name people commonly use for one
of ours (`repetitions`, `side`) is recognised so the hint can say what to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class RoutineProblem:
    path: PathKey
    message: str
    hint: str | None = None


# Words people write for our fields that difflib would not find.
SYNONYMS = {
    "name": "title",  # at the top: the routine's name is its title
    "title": "name",  # in an exercise: its title is its name
    "repetitions": "reps",
    "rep": "reps",
    "repeat": "reps",
    "set": "sets",
    "side": "sides",
    "steps": "instructions",
    "instruction": "instructions",
    "description": "instructions",
    "caution": "cautions",
    "warnings": "cautions",
    "warning": "cautions",
    "notes": "note",
    "comment": "note",
    "time": "duration",
    "seconds": "hold",
    "hold_time": "hold",
    "pace": "tempo",
    "rest_between_sets": "set_rest",
    "setrest": "set_rest",
    "lead-in": "lead_in",
    "leadin": "lead_in",
    "get_ready": "lead_in",
    "exercise": "exercises",
    "library": "use",
    "picture": "image",
    "version": "format",
    "precautions": "safety",
    "how_often": "frequency",
}

MISSING_HINTS = {
    "title": "add a line such as: title: Morning stretches",
    "name": "add a line such as: name: Pelvic tilt, or use: with a library exercise id",
}


def owner_of(path: PathKey) -> str:
    """`exercise 2` for a path ending in an exercise's index, else ``""``."""
    return f"exercise {int(path[-1]) + 1}" if path and isinstance(path[-1], int) else ""


def is_scalar(value: Any) -> bool:
    return isinstance(value, int | float | bool)


def kind(value: Any) -> str:
    """What a value is, for "must be ..., not <kind>" about structure."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return shown(value)


def shown(value: Any) -> str:
    """A value as the user wrote it, for "must be ..., not <shown>"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)
