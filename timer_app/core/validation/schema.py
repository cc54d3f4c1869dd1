"""The routine format as a JSON Schema, for therapists who write YAML in a text editor.

`routines/schema.json` is generated from here (`python -m
timer_app.core.validation.schema > routines/schema.json`), and a test keeps it,
the validator's field lists (`fields.py`) and its limits in step: a field the
validator knows has a definition here, with the validator's own bounds. A
therapist points a text editor with the YAML language server at it
(`routines/README.md` says how), which then completes and checks files as they
type; saved files do not name it (its address would be this machine's path).

The schema is an aid, not the rule: the validator says more (did-you-means, the
session's size, a library id that does not exist) and has the last word.
"""

from __future__ import annotations

import json
from typing import Any

from timer_app.core.pain_location import MAX_PAIN_ADVICE_RISE, MIN_PAIN_ADVICE_RISE
from timer_app.core.routine import (
    FORMAT_VERSION,
    MAX_DURATION,
    MAX_REPS,
    MAX_SETS,
    MIN_DURATION,
    Precaution,
    Sides,
)
from timer_app.core.validation.fields import (
    EXERCISE_FIELDS,
    NOT_WITH_DURATION,
    ROUTINE_FIELDS,
    TIMING_FIELDS,
)
from timer_app.core.validation.remind_at import MAX_REMIND_TIMES
from timer_app.core.validation.values import ID_PATTERN, MAX_ID_LENGTH

__all__ = ["EXERCISE_SCHEMAS", "ROUTINE_SCHEMAS", "routine_schema", "schema_text"]

_UNITS = "s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours"
_PART = rf"(\d+(\.\d*)?|\.\d+)\s*({_UNITS})?"
# `30`, `30 s`, `1 min 30 s`, `1m30s`, `1:30`: the forms `core/durations.py` reads.
_DURATION_TEXT = rf"^\s*({_PART}(\s*{_PART})*|\d{{1,9}}:\d{{1,2}}(:\d{{1,2}})?)\s*$"
_ID = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$", "maxLength": MAX_ID_LENGTH}


def _whole(low: int, high: int, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": "integer", "minimum": low, "maximum": high},
            {"type": "string", "pattern": r"^\s*[0-9]{1,9}\s*$"},
        ],
    }


def _time(low: float, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": "number", "minimum": low, "maximum": MAX_DURATION},
            {"type": "string", "pattern": _DURATION_TEXT},
        ],
        "examples": ["30 s", "2 min", "1:30"],
    }


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _texts(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }


_PRECAUTIONS = {
    "description": "When the patient should ask their therapist first.",
    "anyOf": [
        {"enum": [p.value for p in Precaution]},
        {"type": "array", "items": {"enum": [p.value for p in Precaution]}},
    ],
}

# One definition per field of an exercise, in the format's order (fields.py).
EXERCISE_SCHEMAS: dict[str, dict[str, Any]] = {
    "name": _text("The exercise's name; required unless `use` gives it."),
    "use": {**_ID, "description": "The id of a library exercise to start from."},
    "instructions": _texts("Text, or a list of steps."),
    "image": _text("A picture beside the routine file, or a bundled picture's name."),
    "cautions": _texts("A text, or a list of them."),
    "note": _text("Text, e.g. where the dose comes from."),
    "sides": {"enum": [s.value for s in Sides], "description": "How reps are spread on sides."},
    "sets": _whole(1, MAX_SETS, "Sets."),
    "reps": _whole(1, MAX_REPS, "Reps per set, per side."),
    "hold": _time(MIN_DURATION, "How long each rep is held."),
    "tempo": _time(MIN_DURATION, "How long each paced rep takes."),
    "duration": _time(MIN_DURATION, "One timed activity, such as a walk."),
    "rest": _time(0, "Between reps, and between sides."),
    "set_rest": _time(0, "Between sets."),
    "lead_in": _time(0, "This exercise's own get-ready countdown."),
    "precautions": _PRECAUTIONS,
}

# One definition per field of a routine, in the format's order (fields.py).
ROUTINE_SCHEMAS: dict[str, dict[str, Any]] = {
    "title": _text("The name shown in the list and on the session screen."),
    "id": {**_ID, "description": "Lowercase letters, digits and hyphens; default: the file name."},
    "format": {
        "type": "integer",
        "minimum": 1,
        "maximum": FORMAT_VERSION,
        "description": "The format version.",
    },
    "description": _text("Text shown with the routine."),
    "author": _text("The therapist or clinic."),
    "contact": _text("How the patient reaches the author: a phone number or an email."),
    "frequency": {
        "type": "string",
        "description": "How often: Nx/day or Nx/week; also daily, twice a day, weekly…",
        "examples": ["2x/day", "3x/week", "daily"],
    },
    "lead_in": _time(0, "The get-ready countdown before each exercise."),
    "safety": _texts("Shown before the session starts."),
    "precautions": _PRECAUTIONS,
    "pain_advice_rise": _whole(
        MIN_PAIN_ADVICE_RISE, MAX_PAIN_ADVICE_RISE, "Pain up this many points asks to ease off."
    ),
    "replaces": {
        "description": "The id (or ids) of the routine(s) this revised one takes the place of.",
        "anyOf": [_ID, {"type": "array", "items": _ID}],
    },
    "remind_at": {
        "description": "Suggested reminder times, 24-hour, in quotes.",
        "anyOf": [
            {"type": "string", "pattern": r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$"},
            {
                "type": "array",
                "maxItems": MAX_REMIND_TIMES,
                "items": {"type": "string", "pattern": r"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$"},
            },
        ],
    },
    "exercises": {
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/exercise"},
        "description": "The exercises, in order.",
    },
}


def _one_of_each(fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"required": [a, b]} for i, a in enumerate(fields) for b in fields[i + 1 :]]


def routine_schema() -> dict[str, Any]:
    exercise = {
        "type": "object",
        "additionalProperties": False,
        "properties": {f: EXERCISE_SCHEMAS[f] for f in EXERCISE_FIELDS},
        "anyOf": [{"required": ["name"]}, {"required": ["use"]}],
        # One dosing: at most one of hold, tempo and duration; a duration has no reps…
        "not": {"anyOf": _one_of_each(TIMING_FIELDS)},
        "dependentSchemas": {
            "duration": {"not": {"anyOf": [{"required": [f]} for f in NOT_WITH_DURATION]}}
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Home Exercise Timer routine",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "exercises"],
        "properties": {f: ROUTINE_SCHEMAS[f] for f in ROUTINE_FIELDS},
        "$defs": {"exercise": exercise},
    }


def schema_text() -> str:
    """`routines/schema.json` as it is written."""
    return json.dumps(routine_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - regenerate routines/schema.json
    print(schema_text(), end="")
