"""Turn the plain data a loader read into a `Routine`, reporting every problem.

Validation never stops at the first problem: a therapist fixing a file wants them
all at once. Each is a `RoutineProblem` whose `path` (keys and list indexes) the
loader turns into `FILE:LINE:COL` (docs/design.md, rule 5). Nothing is silently
ignored or guessed: an unknown field is a problem (with a did-you-mean), and so is
a field that would have no effect.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from timer_app.core.durations import DurationError, parse_duration
from timer_app.core.routine import (
    DEFAULT_HOLD_REST,
    DEFAULT_LEAD_IN,
    DEFAULT_SET_REST,
    FORMAT_VERSION,
    MAX_REPS,
    MAX_SETS,
    Dosing,
    Exercise,
    Frequency,
    Routine,
    Sides,
)

PathKey = tuple[str | int, ...]

ROUTINE_FIELDS = (
    "title",
    "id",
    "format",
    "description",
    "author",
    "frequency",
    "lead_in",
    "safety",
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
)
LIBRARY_FIELDS = ("id", *(f for f in EXERCISE_FIELDS if f != "use"))
TIMING_FIELDS = ("hold", "tempo", "duration")
# A timed activity (duration) is one step: these would have no effect on it.
NOT_WITH_DURATION = ("reps", "sets", "hold", "tempo", "rest", "set_rest")
MAX_ID_LENGTH = 64
MAX_TIMES = 50

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FREQUENCY = re.compile(r"\s*(\d+)\s*(?:x|times?)\s*(?:/|a|per)\s*(day|week)\s*", re.IGNORECASE)

# Words people write for our fields that difflib would not find.
_SYNONYMS = {
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


@dataclass(frozen=True)
class RoutineProblem:
    path: PathKey
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class LibraryExercise:
    """One exercise of the library: its validated fields and the exercise they make."""

    id: str
    fields: Mapping[str, Any]
    exercise: Exercise
    source_path: str | None = None


def id_from_file_name(stem: str) -> str:
    """`Knee To Chest` -> `knee-to-chest`; accents dropped, other characters are breaks."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:MAX_ID_LENGTH].strip("-")


def validate_routine(
    data: Any, *, default_id: str | None, library: Mapping[str, LibraryExercise]
) -> tuple[Routine | None, list[RoutineProblem]]:
    """The routine, or None with at least one problem."""
    checker = _Checker(library)
    routine = checker.routine(data, default_id)
    return (routine if not checker.problems else None), checker.problems


def validate_library_exercise(
    data: Any, *, default_id: str | None
) -> tuple[LibraryExercise | None, list[RoutineProblem]]:
    checker = _Checker({})
    entry = checker.library_exercise(data, default_id)
    return (entry if not checker.problems else None), checker.problems


class _Checker:
    def __init__(self, library: Mapping[str, LibraryExercise]) -> None:
        self.library = library
        self.problems: list[RoutineProblem] = []
        self.owner = "routine"  # what a path of () is, in messages

    def add(self, path: PathKey, message: str, hint: str | None = None) -> None:
        self.problems.append(RoutineProblem(path, message, hint))

    # -- the routine -------------------------------------------------------------

    def routine(self, data: Any, default_id: str | None) -> Routine | None:
        if not isinstance(data, dict):
            self.add(
                (),
                f"a routine file must hold fields such as title: and exercises:, not {_kind(data)}",
                "start the file with a line such as: title: My routine",
            )
            return None
        if not self.format_ok(data):
            return None
        self.unknown_fields(data, (), ROUTINE_FIELDS, EXERCISE_FIELDS, "belongs to an exercise")
        routine_id = self.identifier(data, default_id, "routine")
        title = self.text(data, (), "title", required=True)
        description = self.text(data, (), "description")
        author = self.text(data, (), "author")
        frequency = self.frequency(data)
        lead_in = self.duration(data, (), "lead_in", DEFAULT_LEAD_IN, allow_zero=True)
        safety = self.text_list(data, (), "safety")
        exercises = self.exercises(data)
        if self.problems or routine_id is None or title is None or lead_in is None:
            return None
        return Routine(
            id=routine_id,
            title=title,
            exercises=exercises,
            format=FORMAT_VERSION,
            description=description,
            author=author,
            frequency=frequency,
            lead_in=lead_in,
            safety=safety,
        )

    def format_ok(self, data: dict[str, Any]) -> bool:
        value = data.get("format", FORMAT_VERSION)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(("format",), f"format must be a whole number such as 1, not {_shown(value)}")
            return False
        if value > FORMAT_VERSION:
            self.add(
                ("format",),
                f"this routine was made for a newer version of Home Exercise Timer "
                f"(format {value}; this version reads format {FORMAT_VERSION})",
                "update Home Exercise Timer to use this routine",
            )
            return False
        return True

    def identifier(self, data: dict[str, Any], default_id: str | None, what: str) -> str | None:
        if "id" not in data:
            if default_id:
                return default_id
            self.add(
                (),
                f"the {what} has no id and none can be made from the file name",
                "add a line such as: id: my-routine",
            )
            return None
        value = data["id"]
        if isinstance(value, str) and len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value):
            return value
        suggestion = id_from_file_name(str(value)) if isinstance(value, str | int) else ""
        self.add(
            ("id",),
            f"id must be lowercase letters, digits and hyphens (at most {MAX_ID_LENGTH}), "
            f"not {_shown(value)}",
            f"for example: id: {suggestion}"
            if suggestion
            else "for example: id: morning-stretches",
        )
        return None

    def frequency(self, data: dict[str, Any]) -> Frequency | None:
        value = data.get("frequency")
        if value is None:
            return None
        match = _FREQUENCY.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            self.add(
                ("frequency",), f"frequency must be like 3x/day or 2x/week, not {_shown(value)}"
            )
            return None
        times = int(match.group(1))
        if not 1 <= times <= MAX_TIMES:
            self.add(
                ("frequency",), f"frequency must be between 1 and {MAX_TIMES} times, not {times}"
            )
            return None
        return Frequency(times, match.group(2).lower())

    def exercises(self, data: dict[str, Any]) -> tuple[Exercise, ...]:
        if "exercises" not in data or data["exercises"] is None:
            where: PathKey = ("exercises",) if "exercises" in data else ()
            self.add(
                where,
                "the routine has no exercises",
                "add an exercises: list, each item starting with '- '",
            )
            return ()
        items = data["exercises"]
        if not isinstance(items, list):
            self.add(
                ("exercises",),
                f"exercises must be a list, not {_kind(items)}",
                "start each exercise with '- ', for example: - use: knee-to-chest",
            )
            return ()
        if not items:
            self.add(("exercises",), "exercises is empty", "add at least one exercise")
            return ()
        built = [self.exercise(item, ("exercises", i)) for i, item in enumerate(items)]
        return tuple(e for e in built if e is not None)

    # -- exercises ---------------------------------------------------------------

    def exercise(self, data: Any, path: PathKey) -> Exercise | None:
        if not isinstance(data, dict):
            number = int(path[-1]) + 1
            hint = "write its fields under '- ', such as: - name: Pelvic tilt"
            if isinstance(data, str) and data in self.library:
                hint = f"to use the library exercise write: - use: {data}"
            self.add(path, f"exercise {number} must be a group of fields, not {_kind(data)}", hint)
            return None
        self.unknown_fields(data, path, EXERCISE_FIELDS, ROUTINE_FIELDS, "belongs to the routine")
        fields, library_id = dict(data), None
        if "use" in data:
            library_id = self.library_id(data["use"], (*path, "use"))
            if library_id is None:
                return None
            fields = merge_library_fields(self.library[library_id].fields, data)
        return self.exercise_fields(fields, path, library_id)

    def library_id(self, value: Any, path: PathKey) -> str | None:
        if not isinstance(value, str):
            self.add(path, f"use must be the id of a library exercise, not {_shown(value)}")
            return None
        if value in self.library:
            return value
        close = difflib.get_close_matches(value, list(self.library), n=1, cutoff=0.6)
        self.add(
            path,
            f"there is no library exercise '{value}'",
            f"did you mean '{close[0]}'?"
            if close
            else "`timer-app list` shows the library's exercise ids",
        )
        return None

    def library_exercise(self, data: Any, default_id: str | None) -> LibraryExercise | None:
        if not isinstance(data, dict):
            self.add(
                (),
                f"a library exercise file must hold fields such as id: and name:, "
                f"not {_kind(data)}",
            )
            return None
        self.unknown_fields(data, (), LIBRARY_FIELDS, ROUTINE_FIELDS, "belongs to a routine")
        self.owner = "library exercise"
        exercise_id = self.identifier(data, default_id, "library exercise")
        fields = {k: v for k, v in data.items() if k in EXERCISE_FIELDS}
        exercise = self.exercise_fields(fields, (), exercise_id)
        if exercise is None or exercise_id is None or self.problems:
            return None
        return LibraryExercise(exercise_id, fields, exercise)

    def exercise_fields(
        self, data: dict[str, Any], path: PathKey, library_id: str | None
    ) -> Exercise | None:
        before = len(self.problems)
        name = self.text(data, path, "name", required=True)
        sides = self.sides(data, path)
        timing = [f for f in TIMING_FIELDS if f in data]
        if len(timing) > 1:
            self.add(
                (*path, timing[1]),
                f"{timing[0]} and {timing[1]} can't be combined",
                "keep one: hold (each rep held), tempo (each rep paced) or duration "
                "(one timed activity)",
            )
        dosing = {"hold": Dosing.HOLD, "tempo": Dosing.TEMPO, "duration": Dosing.DURATION}.get(
            timing[0] if timing else "", Dosing.COUNTED
        )
        if dosing is Dosing.DURATION:
            sided = str(data.get("sides", "none")).strip().lower() != "none"
            for field in (*NOT_WITH_DURATION, "sides"):
                if field in data and field not in TIMING_FIELDS and (field != "sides" or sided):
                    self.add(
                        (*path, field),
                        f"{field} has no effect on a timed activity (duration)",
                        f"remove {field}, or use hold or tempo instead of duration",
                    )
        sets = self.whole(data, path, "sets", 1, MAX_SETS)
        reps = self.whole(data, path, "reps", 1, MAX_REPS)
        hold = self.duration(data, path, "hold", None)
        tempo = self.duration(data, path, "tempo", None)
        duration = self.duration(data, path, "duration", None)
        default_rest = DEFAULT_HOLD_REST if dosing is Dosing.HOLD else 0.0
        rest = self.duration(data, path, "rest", default_rest, allow_zero=True)
        set_rest = self.duration(data, path, "set_rest", DEFAULT_SET_REST, allow_zero=True)
        instructions = self.text_list(data, path, "instructions")
        image = self.text(data, path, "image")
        cautions = self.text_list(data, path, "cautions")
        note = self.text(data, path, "note")
        if len(self.problems) > before or name is None or sides is None:
            return None
        return Exercise(
            name=name,
            dosing=dosing,
            sides=sides,
            sets=sets or 1,
            reps=reps or 1,
            hold=hold,
            tempo=tempo,
            duration=duration,
            rest=rest or 0.0,
            set_rest=DEFAULT_SET_REST if set_rest is None else set_rest,
            instructions=instructions,
            image=image,
            cautions=cautions,
            note=note,
            library_id=library_id,
        )

    def sides(self, data: dict[str, Any], path: PathKey) -> Sides | None:
        value = data.get("sides", Sides.NONE.value)
        choices = [s.value for s in Sides]
        if isinstance(value, str) and value.strip().lower() in choices:
            return Sides(value.strip().lower())
        close = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
        self.add(
            (*path, "sides"),
            f"sides must be one of {', '.join(choices)}, not {_shown(value)}",
            f"did you mean '{close[0]}'?"
            if close
            else "alternate: left, right, left…; each: all left reps, then all right",
        )
        return None

    # -- values ------------------------------------------------------------------

    def whole(
        self, data: dict[str, Any], path: PathKey, field: str, low: int, high: int
    ) -> int | None:
        if field not in data:
            return None
        value = data[field]
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None:
            self.add(
                (*path, field),
                f"{field} must be a whole number such as 3, not {_shown(value)}",
                "write it in digits" if isinstance(value, str) else None,
            )
            return None
        if not low <= number <= high:
            self.add((*path, field), f"{field} must be between {low} and {high}, not {number}")
            return None
        return number

    def duration(
        self,
        data: dict[str, Any],
        path: PathKey,
        field: str,
        default: float | None,
        *,
        allow_zero: bool = False,
    ) -> float | None:
        if field not in data:
            return default
        try:
            return parse_duration(data[field], allow_zero=allow_zero)
        except DurationError as error:
            self.add((*path, field), f"{field} {error.message}", error.hint)
            return default

    def text(
        self, data: dict[str, Any], path: PathKey, field: str, *, required: bool = False
    ) -> str | None:
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is None or isinstance(value, str):
            if required:
                where = (*path, field) if field in data else path
                owner = _owner(path) or f"the {self.owner}"
                message = f"{field} is empty" if field in data else f"{owner} has no {field}"
                self.add(where, message, _MISSING_HINTS.get(field))
            return None
        self.add(
            (*path, field),
            f"{field} must be text, not {_shown(value)}",
            f'put it in quotes: {field}: "{value}"' if _is_scalar(value) else None,
        )
        return None

    def text_list(self, data: dict[str, Any], path: PathKey, field: str) -> tuple[str, ...]:
        value = data.get(field)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else ()
        if isinstance(value, list):
            out: list[str] = []
            for i, item in enumerate(value):
                if isinstance(item, str) and item.strip():
                    out.append(item.strip())
                else:
                    self.add(
                        (*path, field, i),
                        f"each item of {field} must be text, not {_shown(item)}",
                        "put it in quotes" if _is_scalar(item) else None,
                    )
            return tuple(out)
        self.add((*path, field), f"{field} must be text or a list of text, not {_kind(value)}")
        return ()

    def unknown_fields(
        self,
        data: dict[str, Any],
        path: PathKey,
        known: tuple[str, ...],
        elsewhere: tuple[str, ...],
        where: str,
    ) -> None:
        for key in data:
            if key in known:
                continue
            key_text = str(key)
            guess = _SYNONYMS.get(key_text.lower())
            if guess not in known:
                close = difflib.get_close_matches(key_text.lower(), known, n=1, cutoff=0.6)
                guess = close[0] if close else None
            if guess is not None and guess != key_text:
                hint: str | None = f"did you mean '{guess}'?"
            elif key_text in elsewhere:
                hint = f"'{key_text}' {where}"
            else:
                hint = "known fields: " + ", ".join(known)
            self.add((*path, key), f"unknown field '{key_text}'", hint)


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


_MISSING_HINTS = {
    "title": "add a line such as: title: Morning stretches",
    "name": "add a line such as: name: Pelvic tilt, or use: with a library exercise id",
}


def _owner(path: PathKey) -> str:
    return f"exercise {int(path[-1]) + 1}" if path and isinstance(path[-1], int) else ""


def _is_scalar(value: Any) -> bool:
    return isinstance(value, int | float | bool)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return _shown(value)


def _shown(value: Any) -> str:
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
