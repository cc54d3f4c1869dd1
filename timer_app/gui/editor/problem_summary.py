"""What the editor says about the draft's problems outside the fields: the status
line (how many, and the first with its exercise's number) and each tab's count.

Each problem is also shown at its own field (`routine_form.py`, `exercise_fields.py`);
these words tell the therapist where to look when the field is on the other tab
or below the fold.
"""

from __future__ import annotations

from timer_app.core.editor.check import DraftCheck
from timer_app.core.validation.checks import RoutineProblem
from timer_app.gui.translation import translate


def tab_titles(check: DraftCheck) -> tuple[str, str]:
    """The Routine and Exercise tabs' words, each with its count of problems to fix."""
    problems = check.problems
    routine = sum(1 for p in problems if p.path[:1] != ("exercises",))
    exercise = sum(1 for p in problems if len(p.path) >= 2)
    return (
        translate("EditorWindow", "&Routine (%n to fix)", None, routine)
        if routine
        else translate("EditorWindow", "&Routine"),
        translate("EditorWindow", "Exerci&se (%n to fix)", None, exercise)
        if exercise
        else translate("EditorWindow", "Exerci&se"),
    )


def status_words(check: DraftCheck, *, exercises: int) -> str:
    """Ready to save, or how many problems are left and the first of them
    (`exercises`: how many the draft has)."""
    if check.ok:
        return translate("EditorWindow", "Ready to save.")
    first = _first(check)
    where = first.path
    words = first.message
    if tuple(where) == ("exercises",) and not exercises:  # the list's words, not "is empty"
        words = translate(
            "EditorWindow", "no exercises yet (add one from the library, or your own)"
        )
    elif len(where) >= 2 and where[0] == "exercises" and isinstance(where[1], int):
        words = (
            translate("EditorWindow", "exercise %1: %2")
            .replace("%1", str(where[1] + 1))
            .replace("%2", first.message)
        )
    summary = translate("EditorWindow", "%n problem(s) to fix.", None, len(check.problems))
    first_words = translate("EditorWindow", "The first, shown at its field: %1.").replace(
        "%1", words
    )
    return f"{summary} {first_words}"


def _first(check: DraftCheck) -> RoutineProblem:
    """The problem to name first: in the form's order, so a missing title comes before
    the id it would make (the validator's words about the id speak of file names)."""
    titled = [p for p in check.problems if p.path[:1] == ("title",)]
    return titled[0] if titled else check.problems[0]
