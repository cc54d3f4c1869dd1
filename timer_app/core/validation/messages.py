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
    "remind": "remind_at",
    "reminders": "remind_at",
    "reminder_times": "remind_at",
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


ECHO_LIMIT = 60


def escaped(text: str) -> str:
    """`text` with every character that is not printable written as an escape.

    A value from a file is echoed into messages printed on a terminal and shown on
    screen: an escape sequence (`\\x1b]0;title\\x07`) set the terminal's title and
    cleared the screen, and a newline split one message over lines without a place.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """A value from a file as a message may repeat it: escaped, and clipped to `limit`.

    Clipped, because a symlink to /etc/passwd once printed the whole file in a warning.
    """
    clipped = text if len(text) <= limit else text[:limit] + "…"
    return escaped(clipped)


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
        return f"'{echo(value)}'"
    return echo(str(value))
