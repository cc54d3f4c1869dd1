"""Turn the plain data a loader read into a `Routine`, reporting every problem.

Validation never stops at the first problem: a therapist fixing a file wants them
all at once. Each is a `RoutineProblem` whose `path` (keys and list indexes) the
loader turns into `FILE:LINE:COL` (“Located errors” in docs/design.md). Nothing is silently
ignored or guessed: an unknown field is a problem (with a did-you-mean), and so is
a field that would have no effect.

This module checks the routine as a whole and is where callers import from. The
work is shared with modules beside it, from the most general up:
`validation_messages` (`RoutineProblem` and how values are worded),
`validation_fields` (field names, `LibraryExercise`, `use:` merging),
`validation_values` (one field's value) and `validation_exercise` (one exercise).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import accumulate
from operator import add
from typing import Any

from timer_app.core.durations import format_duration
from timer_app.core.pain_location import (
    DEFAULT_PAIN_ADVICE_RISE,
    MAX_PAIN_ADVICE_RISE,
    MIN_PAIN_ADVICE_RISE,
)
from timer_app.core.plan import MAX_PLAN_SECONDS, MAX_PLAN_STEPS, exercise_size
from timer_app.core.precautions import check_precautions
from timer_app.core.routine import DEFAULT_LEAD_IN, FORMAT_VERSION, Exercise, Routine
from timer_app.core.validation.exercise import ExerciseChecker
from timer_app.core.validation.fields import (
    EXERCISE_FIELDS,
    LIBRARY_FIELDS,
    NOT_WITH_DURATION,
    ROUTINE_FIELDS,
    TIMING_FIELDS,
    LibraryExercise,
    merge_library_fields,
)
from timer_app.core.validation.messages import PathKey, RoutineProblem, kind, shown
from timer_app.core.validation.remind_at import check_remind_at
from timer_app.core.validation.values import (
    ID_PATTERN,
    MAX_ID_LENGTH,
    MAX_TIMES,
    id_from_file_name,
)

__all__ = [
    "EXERCISE_FIELDS",
    "ID_PATTERN",
    "LIBRARY_FIELDS",
    "MAX_ID_LENGTH",
    "MAX_TIMES",
    "NOT_WITH_DURATION",
    "ROUTINE_FIELDS",
    "TIMING_FIELDS",
    "LibraryExercise",
    "PathKey",
    "RoutineProblem",
    "id_from_file_name",
    "merge_library_fields",
    "validate_library_exercise",
    "validate_routine",
]


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


class _Checker(ExerciseChecker):
    """The routine's own fields and its list of exercises."""

    def routine(self, data: Any, default_id: str | None) -> Routine | None:
        if not isinstance(data, dict):
            self.add(
                (),
                f"a routine file must hold fields such as title: and exercises:, not {kind(data)}",
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
        contact = self.text(data, (), "contact")
        frequency = self.frequency(data)
        lead_in = self.duration(data, (), "lead_in", DEFAULT_LEAD_IN, allow_zero=True)
        safety = self.text_list(data, (), "safety")
        precautions = (
            check_precautions(data["precautions"], ("precautions",), self.add)
            if "precautions" in data
            else ()
        )
        rise = self.whole(data, (), "pain_advice_rise", MIN_PAIN_ADVICE_RISE, MAX_PAIN_ADVICE_RISE)
        replaces = self.replaced_ids(data, routine_id)
        remind_at = check_remind_at(data, self.add)
        exercises = self.exercises(data)
        if self.problems or routine_id is None or title is None or lead_in is None:
            return None
        if not self.size_ok(lead_in, exercises):
            return None
        return Routine(
            id=routine_id,
            title=title,
            exercises=exercises,
            format=FORMAT_VERSION,
            description=description,
            author=author,
            contact=contact,
            frequency=frequency,
            lead_in=lead_in,
            safety=safety,
            precautions=precautions or (),
            pain_advice_rise=DEFAULT_PAIN_ADVICE_RISE if rise is None else rise,
            replaces=replaces,
            remind_at=remind_at,
        )

    def replaced_ids(self, data: dict[str, Any], own_id: str | None) -> tuple[str, ...]:
        """`replaces: week-2` (or a list): ids of the routines this one takes over from."""
        value = data.get("replaces")
        if value is None:
            return ()
        items, one = ([value], True) if isinstance(value, str) else (value, False)
        if not isinstance(items, list):
            self.add(("replaces",), f"replaces must be a routine id, not {shown(value)}")
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            where: PathKey = ("replaces",) if one else ("replaces", index)
            if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
                self.add(
                    where,
                    f"replaces must name routine ids (lowercase letters, digits and hyphens), "
                    f"not {shown(item)}",
                    "for example: replaces: week-2",
                )
            elif item == own_id:
                self.add(where, f"a routine cannot replace itself ('{item}')")
            else:
                found.append(item)
        return tuple(dict.fromkeys(found))

    def format_ok(self, data: dict[str, Any]) -> bool:
        value = data.get("format", FORMAT_VERSION)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.add(("format",), f"format must be a whole number such as 1, not {shown(value)}")
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

    def size_ok(self, lead_in: float, exercises: tuple[Exercise, ...]) -> bool:
        """Refuse a session over 4 h or 5,000 steps, at the exercise that passes it.

        Counted, not built: building the plan of a huge routine is what froze the window.
        """
        running = list(accumulate((exercise_size(lead_in, e) for e in exercises), add))
        index = next((i for i, size in enumerate(running) if size.too_big), None)
        if index is None:
            return True
        whole = running[-1]
        if running[index].seconds > MAX_PLAN_SECONDS:
            message = (
                f"with exercise {index + 1} the session passes {format_duration(MAX_PLAN_SECONDS)} "
                f"(it would last {format_duration(whole.seconds)} in all)"
            )
        else:
            message = (
                f"with exercise {index + 1} the session passes {MAX_PLAN_STEPS:,} steps "
                f"(it would have {whole.steps:,} in all)"
            )
        self.add(
            ("exercises", index),
            message,
            "split it into shorter routines, or lower its sets, reps or times",
        )
        return False

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
                f"exercises must be a list, not {kind(items)}",
                "start each exercise with '- ', for example: - use: knee-to-chest",
            )
            return ()
        if not items:
            self.add(("exercises",), "exercises is empty", "add at least one exercise")
            return ()
        built = [self.exercise(item, ("exercises", i)) for i, item in enumerate(items)]
        return tuple(e for e in built if e is not None)
