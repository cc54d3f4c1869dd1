"""Checks of a programme's stages: weeks in order, routine ids, frequency, dose changes.

Part of `validation.py` (which callers import from), in its style: every
problem at once, each at its path. Weeks must run from week 1 without gaps or
overlaps, and only the last stage may be open-ended ("9+"). When the routines
themselves are known (a Mapping of them, not only their ids), each stage's
changes are applied to each routine it names and a result past the routine
format's limits is a problem at that `change:` entry (`changes.change_problems`).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from typing import Any

from timer_app.core.programme.changes import change_problems
from timer_app.core.programme.model import DoseChange, Stage
from timer_app.core.programme.parse import CHANGE_FIELDS, parse_change, parse_weeks
from timer_app.core.routine import Frequency, Routine
from timer_app.core.validation.messages import PathKey, RoutineProblem, kind, shown
from timer_app.core.validation.values import ID_PATTERN, ValueChecker

MAX_STAGES = 52
STAGE_FIELDS = ("name", "weeks", "routines", "frequency", "marker", "change")


class StageChecker(ValueChecker):
    """The stages: list; `routine_ids`, when known, are the ids a stage may name."""

    def __init__(self, routine_ids: Collection[str] | None) -> None:
        super().__init__()
        self.owner = "programme"
        self.routine_ids = routine_ids
        # Each stage's (first, last) week as read, even from a stage with other problems:
        # a gap or an overlap is said along with them.
        self.read_weeks: list[tuple[int, int | None]] = []

    def stages(self, data: dict[str, Any]) -> tuple[Stage, ...]:
        items = data.get("stages")
        if not isinstance(items, list) or not items:
            where: PathKey = ("stages",) if "stages" in data else ()
            said = (
                "the programme has no stages"
                if items in (None, [])
                else (f"stages must be a list, not {kind(items)}")
            )
            self.add(where, said, "start each stage with '- name: ', then its weeks: and routines:")
            return ()
        if len(items) > MAX_STAGES:
            self.add(("stages",), f"a programme has at most {MAX_STAGES} stages, not {len(items)}")
            return ()
        built = [self.stage(item, ("stages", i)) for i, item in enumerate(items)]
        stages = tuple(s for s in built if s is not None)
        if len(self.read_weeks) == len(items):  # a stage without weeks would look like a gap
            self.weeks_in_order(self.read_weeks)
        return stages

    def stage(self, data: Any, path: PathKey) -> Stage | None:
        number = int(path[-1]) + 1
        if not isinstance(data, dict):
            self.add(
                path,
                f"stage {number} must be a group of fields, not {kind(data)}",
                "for example: - name: Learn proper form",
            )
            return None
        before = len(self.problems)
        self.unknown_fields(data, path, STAGE_FIELDS, (), "")
        name = self.text(data, path, "name")
        if "name" not in data or (isinstance(data["name"], str) and not data["name"].strip()):
            self.add(
                path if "name" not in data else (*path, "name"),
                f"stage {number} has no name",
                "add a line such as: name: Learn proper form",
            )
        weeks = self.weeks(data, path, number)
        routines = self.routines(data, path, number)
        frequency = self.stage_frequency(data, path)
        marker = self.text(data, path, "marker")
        changes = self.changes(data, path)
        if len(self.problems) == before:  # a change or routine already wrong says enough
            self.change_limits(routines, changes, (*path, "change"))
        if len(self.problems) > before or name is None or weeks is None:
            return None
        return Stage(name, weeks[0], weeks[1], routines, frequency, marker, changes)

    def weeks(
        self, data: dict[str, Any], path: PathKey, number: int
    ) -> tuple[int, int | None] | None:
        if "weeks" not in data:
            self.add(path, f"stage {number} has no weeks", "add a line such as: weeks: 1-2")
            return None
        read = parse_weeks(data["weeks"])
        if isinstance(read[0], str):
            self.add((*path, "weeks"), read[0], read[1])
            return None
        self.read_weeks.append(read)
        return read

    def weeks_in_order(self, weeks: list[tuple[int, int | None]]) -> None:
        expected = 1
        for index, (first_week, last_week) in enumerate(weeks):
            where: PathKey = ("stages", index, "weeks")
            if first_week > expected:
                gap = _weeks_text(expected, first_week - 1)
                self.add(
                    where,
                    f"{gap} {'is' if 'weeks' not in gap else 'are'} in no stage: "
                    f"stage {index + 1} starts in week {first_week}",
                    f"start it in week {expected}, or add a stage for {gap}",
                )
            elif first_week < expected:
                self.add(
                    where,
                    f"stage {index + 1} starts in week {first_week}, but stage "
                    f"{index} already runs to week {expected - 1}",
                    f"start it in week {expected}",
                )
            if last_week is None:
                if index != len(weeks) - 1:
                    self.add(
                        where,
                        f"only the last stage can go on with no end "
                        f"(stage {index + 1} is '{first_week}+')",
                        f"give it a last week, such as weeks: {first_week}-{first_week + 1}",
                    )
                return
            expected = max(expected, last_week + 1)

    def routines(self, data: dict[str, Any], path: PathKey, number: int) -> tuple[str, ...]:
        value = data.get("routines")
        if value is None or value == []:
            self.add(
                (*path, "routines") if "routines" in data else path,
                f"stage {number} has no routines",
                "add a line such as: routines: [gentle-start]",
            )
            return ()
        items, one = ([value], True) if isinstance(value, str) else (value, False)
        if not isinstance(items, list):
            self.add(
                (*path, "routines"),
                f"routines must be a list of routine ids, not {shown(value)}",
                "for example: routines: [gentle-start, walking-build-up]",
            )
            return ()
        found: list[str] = []
        for index, item in enumerate(items):
            where: PathKey = (*path, "routines") if one else (*path, "routines", index)
            if self.routine_id(item, where, "routines"):
                found.append(item)
        return tuple(dict.fromkeys(found))

    def routine_id(self, item: Any, where: PathKey, field: str) -> bool:
        """Whether `item` is a routine id there is (when the caller knows them)."""
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            self.add(
                where,
                f"{field} must name routine ids (lowercase letters, digits and "
                f"hyphens), not {shown(item)}",
                "for example: gentle-start",
            )
            return False
        if self.routine_ids is not None and item not in self.routine_ids:
            close = difflib.get_close_matches(item, list(self.routine_ids), n=1, cutoff=0.6)
            self.add(
                where,
                f"no routine has the id '{item}'",
                f"did you mean '{close[0]}'?"
                if close
                # A patient importing the programme without the routine sent with it.
                else "bring its routine file with the programme (import both at once); "
                "`timer-app list` shows the routine ids",
            )
            return False
        return True

    def stage_frequency(self, data: dict[str, Any], path: PathKey) -> Frequency | None:
        # ValueChecker.frequency reads a routine's top level; its problems are moved here.
        inner = ValueChecker()
        frequency = inner.frequency(data)
        self.problems += [
            RoutineProblem((*path, *p.path), p.message, p.hint) for p in inner.problems
        ]
        return frequency

    def changes(self, data: dict[str, Any], path: PathKey) -> tuple[DoseChange, ...]:
        value = data.get("change")
        if value is None:
            return ()
        where: PathKey = (*path, "change")
        if not isinstance(value, dict):
            self.add(
                where,
                f"change must be a group of fields, not {kind(value)}",
                "for example: change: {hold: +15 s}",
            )
            return ()
        self.unknown_fields(value, where, CHANGE_FIELDS, (), "")
        found: list[DoseChange] = []
        for field in CHANGE_FIELDS:
            if field in value:
                read = parse_change(field, value[field])
                if isinstance(read, DoseChange):
                    found.append(read)
                else:
                    self.add((*where, field), *read)
        return tuple(found)

    def change_limits(
        self, routine_ids: tuple[str, ...], changes: tuple[DoseChange, ...], where: PathKey
    ) -> None:
        """Each named routine with the stage's changes, checked against the format's limits."""
        known = self.routine_ids
        if not changes or not isinstance(known, Mapping):
            return
        for routine_id in routine_ids:
            routine = known.get(routine_id)
            if not isinstance(routine, Routine):
                continue
            for problem in change_problems(routine, changes):
                at = where if problem.field is None else (*where, problem.field)
                self.add(at, problem.message, problem.hint)


def _weeks_text(first: int, last: int) -> str:
    return f"week {first}" if first == last else f"weeks {first}-{last}"
