"""A stage's dose changes, applied to its routines: one routine file grows over weeks.

`change: {hold: +15 s}` adds 15 seconds to each hold of the stage's routines;
reps and sets change every exercise counted in reps; a walk's duration changes
each timed activity. A result past the routine format's limits (core/routine.py:
1 s to 1 h a hold, 1-100 reps, 1-20 sets; a session of at most 4 h and 5,000
steps, core/plan.py) is never clamped into them: `change_problems` says it in
plain words, the programme's validation reports it at its `change:` entry, and
at run time `stage_routines` refuses the change (the file's doses are kept,
`refused_changes` says why), so a changed routine is always one the file could
have said. The routine keeps its id and `content_hash`: the history counts its
sessions as the same routine's whatever the stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from timer_app.core.durations import format_duration
from timer_app.core.plan import MAX_PLAN_SECONDS, MAX_PLAN_STEPS, PlanSize, exercise_size
from timer_app.core.programme.model import ChangeOp, DoseChange, Programme
from timer_app.core.routine import (
    MAX_DURATION,
    MAX_REPS,
    MAX_SETS,
    MIN_DURATION,
    Dosing,
    Exercise,
    Routine,
)

# field -> (lowest, highest) the routine format allows
LIMITS: dict[str, tuple[float, float]] = {
    "hold": (MIN_DURATION, MAX_DURATION),
    "duration": (MIN_DURATION, MAX_DURATION),
    "reps": (1, MAX_REPS),
    "sets": (1, MAX_SETS),
}


class DoseLimitError(ValueError):
    """A stage's changes would take a routine past the format's limits; the
    message says which, in plain words."""


@dataclass(frozen=True)
class ChangeProblem:
    """One change that takes a routine past a limit."""

    field: str | None  # the `change:` entry's field; None: the changes together
    message: str
    hint: str | None = None


def changed(value: float, change: DoseChange) -> float:
    """`value` after one change, as is: `change_problems` says when it is past a limit."""
    if change.op is ChangeOp.ADD:
        return value + change.amount
    if change.op is ChangeOp.SUBTRACT:
        return value - change.amount
    return change.amount


def _value(exercise: Exercise, field: str) -> float:
    if field == "hold":
        return exercise.hold or 0.0
    if field == "duration":
        return exercise.duration or 0.0
    return float(exercise.reps if field == "reps" else exercise.sets)


def _shown(field: str, value: float) -> str:
    if field in ("hold", "duration"):
        return format_duration(value) if value > 0 else f"{value:g} s"
    return f"{value:g}"


def _past_limit(routine: Routine, exercise: Exercise, change: DoseChange) -> ChangeProblem | None:
    """The change's result for one exercise when it is past its field's limits."""
    field = change.field
    before = _value(exercise, field)
    after = changed(before, change)
    low, high = LIMITS[field]
    timed = field in ("hold", "duration")
    where = f"{exercise.name} in {routine.id}"
    written = f"{_shown(field, before)} in its file"
    if after > high:
        limit = f"the {_shown(field, high)} limit" if timed else f"the limit of {high:g}"
        return ChangeProblem(
            field,
            f"this change makes the {field} of {where} {_shown(field, after)}, over {limit} "
            f"({written})",
            f"keep the {field} at most {_shown(field, high)}: change it by less",
        )
    if after < low:
        least = f"the {_shown(field, low)} minimum" if timed else f"the minimum of {low:g}"
        example = max(low, before / 2) if timed else max(low, before // 2)
        return ChangeProblem(
            field,
            f"this change takes the {field} of {where} below {least} "
            f"({written}, minus {_shown(field, change.amount)})",
            f"take away less than {_shown(field, before)}, or write the {field} wanted, "
            f"such as {field}: {_shown(field, example)}",
        )
    return None


def change_problems(routine: Routine, changes: Sequence[DoseChange]) -> list[ChangeProblem]:
    """What the changes would take past the format's limits in `routine`; [] when none.

    One problem per change (its first exercise past the limit: the therapist fixes
    the change, not each exercise); then the session's length and steps, as the
    routine validator counts them (core/validation/checks.py's size_ok).
    """
    problems: list[ChangeProblem] = []
    exercises = list(routine.exercises)
    for change in changes:
        fitting = [e for e in exercises if _applies(e, change.field)]
        found = next((p for e in fitting if (p := _past_limit(routine, e, change))), None)
        if found is not None:
            problems.append(found)
            continue  # later changes see the doses this one could not make
        exercises = [_apply(e, change) for e in exercises]
    if problems:
        return problems
    total = PlanSize(0.0, 0)
    for exercise in exercises:
        total += exercise_size(routine.lead_in, exercise)
    if total.seconds > MAX_PLAN_SECONDS:
        problems.append(
            ChangeProblem(
                None,
                f"with these changes a session of {routine.id} would last "
                f"{format_duration(total.seconds)}, over the "
                f"{format_duration(MAX_PLAN_SECONDS)} limit",
                "change the doses by less, or split the routine into shorter ones",
            )
        )
    elif total.steps > MAX_PLAN_STEPS:
        problems.append(
            ChangeProblem(
                None,
                f"with these changes a session of {routine.id} would have "
                f"{total.steps:,} steps, over the {MAX_PLAN_STEPS:,} limit",
                "change the reps or sets by less, or split the routine into shorter ones",
            )
        )
    return problems


def _applies(exercise: Exercise, field: str) -> bool:
    """Whether `exercise` has that kind of dose: holds only for holds, and so on."""
    if field == "hold":
        return exercise.dosing is Dosing.HOLD and exercise.hold is not None
    if field == "duration":
        return exercise.dosing is Dosing.DURATION and exercise.duration is not None
    return exercise.dosing is not Dosing.DURATION  # reps and sets: not a timed activity


def _apply(exercise: Exercise, change: DoseChange) -> Exercise:
    if not _applies(exercise, change.field):
        return exercise
    if change.field == "hold":
        return replace(exercise, hold=changed(exercise.hold or 0.0, change))
    if change.field == "duration":
        return replace(exercise, duration=changed(exercise.duration or 0.0, change))
    if change.field == "reps":
        return replace(exercise, reps=round(changed(exercise.reps, change)))
    return replace(exercise, sets=round(changed(exercise.sets, change)))


def apply_changes(routine: Routine, changes: Sequence[DoseChange]) -> Routine:
    """The routine with each change applied, in order, to every exercise it fits.

    Raises `DoseLimitError` when a result would be past the format's limits.
    """
    if not changes:
        return routine
    if problems := change_problems(routine, changes):
        raise DoseLimitError("; ".join(p.message for p in problems))
    exercises = list(routine.exercises)
    for change in changes:
        exercises = [_apply(e, change) for e in exercises]
    return replace(routine, exercises=tuple(exercises))


def stage_routines(
    programme: Programme, stage_index: int, catalog_routines: Mapping[str, Routine]
) -> tuple[Routine, ...]:
    """The stage's routines, in its order, with its changes; a missing id is skipped.

    A routine the changes would take past the format's limits (its file changed
    after the programme was checked, or a folder's programme never was) keeps
    its file's doses: the app never shows nor plays an over-limit routine, and
    `refused_changes` says why.
    """
    stage = programme.stages[stage_index]
    found: list[Routine] = []
    for routine_id in stage.routines:
        if routine_id not in catalog_routines:
            continue
        routine = catalog_routines[routine_id]
        try:
            found.append(apply_changes(routine, stage.changes))
        except DoseLimitError:
            found.append(routine)
    return tuple(found)


def refused_changes(
    programme: Programme, stage_index: int, catalog_routines: Mapping[str, Routine]
) -> tuple[str, ...]:
    """Why the stage's changes are not applied to some of its routines, one line each."""
    stage = programme.stages[stage_index]
    lines: list[str] = []
    for routine_id in stage.routines:
        if routine_id in catalog_routines and stage.changes:
            for problem in change_problems(catalog_routines[routine_id], stage.changes):
                lines.append(
                    f"Stage {stage_index + 1}'s change is not applied to {routine_id}, "
                    f"which keeps its file's doses: {problem.message}. Ask your therapist "
                    "for a corrected programme file."
                )
    return tuple(lines)


def flare_up_routine(
    programme: Programme | None, catalog_routines: Mapping[str, Routine]
) -> Routine | None:
    """The routine of a flare-up plan: the programme's, or the gentlest bundled one
    (the shortest planned session), as the card, its dialog and the reminders say."""
    from timer_app.core.plan import plan_size
    from timer_app.core.routine import Source

    chosen = programme.flare_up.routine_id if programme is not None else None
    if chosen is not None and chosen in catalog_routines:
        return catalog_routines[chosen]
    bundled = [r for r in catalog_routines.values() if r.source is Source.BUNDLED]
    return min(bundled, key=lambda r: (plan_size(r).seconds, r.id), default=None)


def missing_routines(
    programme: Programme, catalog_routines: Mapping[str, Routine]
) -> tuple[str, ...]:
    """The routine ids the programme names (stages, flare-up) that are not in the catalog.

    A clinic's `hide:` or a deleted file can take a routine away after the
    programme was written; its stages go on with the routines that are there.
    """
    named = [r for stage in programme.stages for r in stage.routines]
    if programme.flare_up.routine_id is not None:
        named.append(programme.flare_up.routine_id)
    return tuple(dict.fromkeys(r for r in named if r not in catalog_routines))
