"""The fields a routine, an exercise and a library exercise may have, and `use:`.

An exercise that says `use: knee-to-chest` starts from that library exercise's
fields; `merge_library_fields` lays the routine's own fields on top, before the
result is checked like any other exercise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from timer_app.core.routine import Exercise

ROUTINE_FIELDS = (
    "title",
    "id",
    "format",
    "description",
    "author",
    "contact",
    "frequency",
    "lead_in",
    "safety",
    "precautions",
    "pain_advice_rise",
    "replaces",
    "remind_at",
    "exercises",
)
EXERCISE_FIELDS = (
    "name",
    "use",
    "instructions",
    "image",
    "cautions",
    "note",
    "sides",
    "sets",
    "reps",
    "hold",
    "tempo",
    "duration",
    "rest",
    "set_rest",
    "lead_in",
    "precautions",
)
LIBRARY_FIELDS = ("id", *(f for f in EXERCISE_FIELDS if f != "use"))
TIMING_FIELDS = ("hold", "tempo", "duration")
# A timed activity (duration) is one step: these would have no effect on it.
NOT_WITH_DURATION = ("reps", "sets", "hold", "tempo", "rest", "set_rest")


@dataclass(frozen=True)
class LibraryExercise:
    """One exercise of the library: its validated fields and the exercise they make."""

    id: str
    fields: Mapping[str, Any]
    exercise: Exercise
    source_path: str | None = None


def merge_library_fields(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """A library exercise's fields with a routine's overrides on top.

    Giving a timing (hold, tempo or duration) replaces the library's timing rather
    than conflicting with it, and a duration drops the library's reps, sets and rests,
    which a timed activity does not have.
    """
    merged = {k: v for k, v in base.items() if k != "id"}
    if any(f in override for f in TIMING_FIELDS):
        for f in TIMING_FIELDS:
            merged.pop(f, None)
    if "duration" in override:
        for f in (*NOT_WITH_DURATION, "sides"):
            merged.pop(f, None)
    merged.update({k: v for k, v in override.items() if k != "use"})
    return merged
