"""A routine being edited: plain, mutable data in the format's own YAML names.

The editor changes a `RoutineDraft`; `to_mapping()` is exactly what would be
written to the file and what the validator reads (`check.py`), so the editor
never has a second idea of the format. Values stay as the therapist's file had
them (`hold: 30 s` stays text) until a field is edited; an edited duration is
written the way people write it (`45 s`, `2 min`) by `seconds_value`.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from timer_app.core.durations import DurationError, format_duration, parse_duration
from timer_app.core.routine import Dosing
from timer_app.core.validation.fields import (
    EXERCISE_FIELDS,
    NOT_WITH_DURATION,
    ROUTINE_FIELDS,
    TIMING_FIELDS,
    LibraryExercise,
    merge_library_fields,
)
from timer_app.core.validation.values import ID_PATTERN, MAX_ID_LENGTH, id_from_file_name

__all__ = [
    "RoutineDraft",
    "dosing_of",
    "id_from_title",
    "is_empty_value",
    "seconds_of",
    "seconds_value",
    "with_dosing",
]

_DOSING_FIELD = {Dosing.HOLD: "hold", Dosing.TEMPO: "tempo", Dosing.DURATION: "duration"}


def is_empty_value(value: Any) -> bool:
    """None, blank text, an empty list or mapping: a field the therapist left empty."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def _cleaned(value: Any) -> Any:
    # Blank lines of a list (a safety text box with an empty line) are not items.
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value if not is_empty_value(v)]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items() if not is_empty_value(v)}
    return value


def _ordered(data: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """Known fields in the format's order (README's tables), anything else after."""
    out = {k: data[k] for k in known if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    return out


@dataclass
class RoutineDraft:
    """The routine's own fields and its exercises, each a YAML mapping.

    `copied_from`: for a copy of another routine ("Edit a copy", Duplicate), that
    routine's file: the copy is saved as a new file that keeps its comments and
    layout. It is where the text came from, not part of the routine (not compared).
    """

    fields: dict[str, Any] = field(default_factory=dict)
    exercises: list[dict[str, Any]] = field(default_factory=list)
    copied_from: str | None = field(default=None, compare=False)

    @classmethod
    def empty(cls) -> RoutineDraft:
        return cls(fields={"title": ""}, exercises=[])

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> RoutineDraft:
        """A draft of a loaded routine file (or a library exercise's fields)."""
        fields = {k: copy.deepcopy(v) for k, v in data.items() if k != "exercises"}
        items = data.get("exercises")
        exercises: list[dict[str, Any]] = []
        if isinstance(items, list):
            # A bare item (`- knee-to-chest`) is kept as an empty exercise: the
            # check then says it has no name, at its place in the list.
            exercises = [copy.deepcopy(dict(i)) if isinstance(i, Mapping) else {} for i in items]
        return cls(fields=fields, exercises=exercises)

    def copy(self) -> RoutineDraft:
        return RoutineDraft(
            copy.deepcopy(self.fields), copy.deepcopy(self.exercises), self.copied_from
        )

    def to_mapping(self) -> dict[str, Any]:
        """The routine as its file holds it: empty values left out, the format's order."""
        data = {k: _cleaned(v) for k, v in self.fields.items() if not is_empty_value(v)}
        data.pop("exercises", None)
        exercises = [
            _ordered(
                {k: _cleaned(v) for k, v in e.items() if not is_empty_value(v)}, EXERCISE_FIELDS
            )
            for e in self.exercises
        ]
        data["exercises"] = exercises
        return _ordered(data, ROUTINE_FIELDS)


def seconds_of(value: Any, *, allow_zero: bool = True) -> float | None:
    """Seconds of a duration field's value (`30`, `"30 s"`, `"1:30"`), None if it has none."""
    if is_empty_value(value):
        return None
    try:
        return parse_duration(value, allow_zero=allow_zero)
    except DurationError:
        return None


def seconds_value(seconds: float) -> str | int | float:
    """How an edited duration is written: `45 s`, `2 min`, `1 min 30 s`; a number otherwise.

    Text with a unit is what therapists write and read; a value the short form
    would round (90.5 s) is written as the plain number of seconds instead.
    """
    words = format_duration(seconds)
    try:
        if parse_duration(words, allow_zero=True) == seconds:
            return words
    except DurationError:
        pass
    return int(seconds) if float(seconds).is_integer() else seconds


def dosing_of(
    exercise: Mapping[str, Any], library: Mapping[str, LibraryExercise] | None = None
) -> Dosing:
    """How the exercise is timed: its own hold/tempo/duration, else its library exercise's."""
    for name in TIMING_FIELDS:
        if not is_empty_value(exercise.get(name)):
            return {"hold": Dosing.HOLD, "tempo": Dosing.TEMPO}.get(name, Dosing.DURATION)
    used = exercise.get("use")
    if library is not None and isinstance(used, str) and used in library:
        return library[used].exercise.dosing
    return Dosing.COUNTED


def with_dosing(
    exercise: Mapping[str, Any],
    dosing: Dosing,
    seconds: float | None,
    library: Mapping[str, LibraryExercise] | None = None,
) -> dict[str, Any]:
    """The exercise with one dosing choice, the fields that would conflict removed.

    Hold, tempo and duration exclude each other; a timed activity (duration) has no
    reps, sets, rests or sides. `seconds` is the hold, tempo or duration (None keeps
    the one the exercise had, if any).

    Counted reps of a `use:` exercise whose library exercise is timed cannot be
    said as an override (the format has no "no hold"), so with `library` given the
    exercise becomes the library's fields written out, without `use:`.
    """
    out = dict(exercise)
    old = next((out[f] for f in TIMING_FIELDS if not is_empty_value(out.get(f))), None)
    for name in TIMING_FIELDS:
        out.pop(name, None)
    used = out.get("use")
    if (
        dosing is Dosing.COUNTED
        and library is not None
        and isinstance(used, str)
        and used in library
        and library[used].exercise.dosing is not Dosing.COUNTED
    ):
        base = {k: v for k, v in library[used].fields.items() if k not in TIMING_FIELDS}
        out = merge_library_fields(base, out)
        out.pop("use", None)
        for name in TIMING_FIELDS:
            out.pop(name, None)
    if dosing is Dosing.DURATION:
        for name in (*NOT_WITH_DURATION, "sides"):
            out.pop(name, None)
    timing_field = _DOSING_FIELD.get(dosing)
    if timing_field is not None:
        value: Any = seconds_value(seconds) if seconds is not None else old
        if value is not None:
            out[timing_field] = value
    return _ordered(out, EXERCISE_FIELDS)


def id_from_title(title: str, taken: Collection[str]) -> str:
    """A routine id made from the title, unique among `taken`: `morning-stretches-2`."""
    base = id_from_file_name(title) or "routine"
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken and ID_PATTERN.fullmatch(candidate):
            return candidate
        number += 1
