"""The live check of a draft: the validator's own answer, each problem at its field.

The editor runs this as the therapist types. It is `validate_routine` on exactly
the mapping that would be saved, so Save is possible exactly when the file would
load ("Located errors" in docs/design.md), and each problem's path
(`("exercises", 2, "hold")`, `("title",)`) names the field that shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from timer_app.core.editor.draft import RoutineDraft, is_empty_value
from timer_app.core.routine import Routine
from timer_app.core.validation.checks import (
    LibraryExercise,
    PathKey,
    RoutineProblem,
    id_from_file_name,
    validate_routine,
)

__all__ = ["DraftCheck", "check_draft", "problems_at"]


@dataclass(frozen=True)
class DraftCheck:
    """The routine the draft makes (None while it has problems) and its problems."""

    routine: Routine | None
    problems: tuple[RoutineProblem, ...]

    @property
    def ok(self) -> bool:
        return self.routine is not None and not self.problems


def check_draft(draft: RoutineDraft, library: Mapping[str, LibraryExercise]) -> DraftCheck:
    """Validate the draft as it would be saved; problems point at the draft's fields."""
    data = draft.to_mapping()
    # A required field left empty is left out of the file, and the validator then
    # says so at the routine or the exercise; here it is said at the field itself.
    title = data.get("title")
    if "title" not in data:
        data = {"title": "", **data}
    for item in data["exercises"]:
        if "name" not in item and "use" not in item:
            item["name"] = ""
    default_id = id_from_file_name(title) if isinstance(title, str) else None
    try:
        routine, problems = validate_routine(data, default_id=default_id or None, library=library)
    except Exception as error:  # the validator is not expected to raise; never lose the editor
        problems = [RoutineProblem((), f"this routine could not be checked: {error}")]
        routine = None
    located = tuple(_at_field(p, data) for p in problems)
    return DraftCheck(routine=routine if not located else None, problems=located)


def _at_field(problem: RoutineProblem, data: Mapping[str, Any]) -> RoutineProblem:
    # With no title and no id, the validator says "no id" of the whole routine.
    if problem.path == () and "no id" in problem.message and is_empty_value(data.get("id")):
        return RoutineProblem(("id",), problem.message, problem.hint)
    return problem


def problems_at(check: DraftCheck, path_prefix: PathKey) -> list[RoutineProblem]:
    """The problems of one field, or of everything under it (an exercise's index)."""
    size = len(path_prefix)
    return [p for p in check.problems if tuple(p.path[:size]) == tuple(path_prefix)]
