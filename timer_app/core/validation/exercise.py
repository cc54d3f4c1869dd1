"""An exercise's structure: its own fields or a library exercise's (`use:`), and dosing.

`ExerciseChecker` decides how an exercise is dosed (counted, hold, tempo or a timed
duration), refuses fields that would have no effect on that dosing, and builds the
`Exercise` from the field checks of `ValueChecker`. It also checks the exercise
files of the library, which are exercises with an id.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from timer_app.core.precautions import check_precautions
from timer_app.core.routine import (
    DEFAULT_HOLD_REST,
    DEFAULT_SET_REST,
    MAX_REPS,
    MAX_SETS,
    Dosing,
    Exercise,
)
from timer_app.core.validation.fields import (
    EXERCISE_FIELDS,
    LIBRARY_FIELDS,
    NOT_WITH_DURATION,
    ROUTINE_FIELDS,
    TIMING_FIELDS,
    LibraryExercise,
    merge_library_fields,
)
from timer_app.core.validation.messages import PathKey, echo, kind, shown
from timer_app.core.validation.values import ValueChecker


class ExerciseChecker(ValueChecker):
    def __init__(self, library: Mapping[str, LibraryExercise]) -> None:
        super().__init__()
        self.library = library

    def exercise(self, data: Any, path: PathKey) -> Exercise | None:
        if not isinstance(data, dict):
            number = int(path[-1]) + 1
            hint = "write its fields under '- ', such as: - name: Pelvic tilt"
            if isinstance(data, str) and data in self.library:
                hint = f"to use the library exercise write: - use: {data}"
            self.add(path, f"exercise {number} must be a group of fields, not {kind(data)}", hint)
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
            self.add(path, f"use must be the id of a library exercise, not {shown(value)}")
            return None
        if value in self.library:
            return value
        close = difflib.get_close_matches(value, list(self.library), n=1, cutoff=0.6)
        self.add(
            path,
            f"there is no library exercise '{echo(value)}'",
            f"did you mean '{close[0]}'?"
            if close
            else "`timer-app list` shows the library's exercise ids",
        )
        return None

    def library_exercise(self, data: Any, default_id: str | None) -> LibraryExercise | None:
        if not isinstance(data, dict):
            self.add(
                (),
                f"a library exercise file must hold fields such as id: and name:, not {kind(data)}",
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
        # Its own get-ready (longer after a change of position); None: the routine's.
        lead_in = self.duration(data, path, "lead_in", None, allow_zero=True)
        precautions = (
            check_precautions(data["precautions"], (*path, "precautions"), self.add)
            if "precautions" in data
            else ()
        )
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
            lead_in=lead_in,
            precautions=precautions or (),
        )
