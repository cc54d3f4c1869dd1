"""What one edit of an exercise does to its mapping: overrides, defaults, dosing.

No Qt here: each function takes the exercise's mapping (and its library exercise,
for `use:`) and returns the new mapping, which the form pushes as one undo step.
A value equal to what the exercise has without it (the library's, else the
format's default) is left out of the file: the therapist's file says only what
they chose, and a library exercise keeps following the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from timer_app.core.editor.draft import dosing_of, is_empty_value, seconds_of, with_dosing
from timer_app.core.editor.limits import DEFAULT_HOLD_REST, DEFAULT_SET_REST
from timer_app.core.routine import Dosing
from timer_app.core.validation.checks import TIMING_FIELDS, LibraryExercise, merge_library_fields

_DURATION_KEYS = ("rest", "set_rest", "lead_in", *TIMING_FIELDS)
# The form's rows whose value lives in one of several fields.
ROW_FIELDS: dict[str, tuple[str, ...]] = {"timing": TIMING_FIELDS, "dosing": TIMING_FIELDS}


def same_value(key: str, a: object, b: object) -> bool:
    """Equal as the validator reads them: `30 s` is `30`, text ignores outer spaces."""
    if key in _DURATION_KEYS:
        return seconds_of(a) == seconds_of(b)
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return a == b


def baseline(key: str, entry: LibraryExercise | None, dosing: Dosing) -> object:
    """What the exercise has when it leaves `key` out: the library's, else the default."""
    if entry is not None and key in entry.fields:
        return entry.fields[key]
    defaults: dict[str, object] = {
        "sets": 1,
        "reps": 1,
        "sides": "none",
        "rest": DEFAULT_HOLD_REST if dosing is Dosing.HOLD else 0,
        "set_rest": DEFAULT_SET_REST,
    }
    return defaults.get(key)


def with_field(
    exercise: Mapping[str, Any],
    key: str,
    value: object,
    library: Mapping[str, LibraryExercise],
) -> dict[str, Any]:
    """The exercise with `key` set to `value`, or left out when that changes nothing."""
    out = dict(exercise)
    entry = library_entry(out, library)
    base = baseline(key, entry, dosing_of(out, library))
    if is_empty_value(value) or (base is not None and same_value(key, value, base)):
        out.pop(key, None)
    else:
        out[key] = value
    return out


def with_timing(
    exercise: Mapping[str, Any],
    dosing: Dosing,
    seconds: float | None,
    library: Mapping[str, LibraryExercise],
) -> dict[str, Any]:
    """One dosing choice and its seconds; the library's own timing is no override."""
    out = with_dosing(exercise, dosing, seconds, library)
    entry = library_entry(out, library)
    if entry is not None:
        for key in TIMING_FIELDS:
            if key in out and same_value(key, out[key], entry.fields.get(key)):
                del out[key]
    return out


def without_override(exercise: Mapping[str, Any], row: str) -> dict[str, Any]:
    """ "Use the library's": the routine's own value of a row left out."""
    out = dict(exercise)
    for key in ROW_FIELDS.get(row, (row,)):
        out.pop(key, None)
    return out


def made_own(exercise: Mapping[str, Any], entry: LibraryExercise) -> dict[str, Any]:
    """ "Make it my own": the library's fields written out, no `use:`."""
    own = merge_library_fields(entry.fields, exercise)
    own.pop("use", None)
    return own


def library_entry(
    exercise: Mapping[str, Any], library: Mapping[str, LibraryExercise]
) -> LibraryExercise | None:
    used = exercise.get("use")
    return library.get(used) if isinstance(used, str) else None
