"""A stage's dose changes, applied to its routines: one routine file grows over weeks.

`change: {hold: +15 s}` adds 15 seconds to each hold of the stage's routines;
reps and sets change every exercise counted in reps; a walk's duration changes
each timed activity. Results stay within the routine format's limits
(core/routine.py), so a changed routine is always one the file could have said.
The routine keeps its id and `content_hash`: the history counts its sessions as
the same routine's whatever the stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

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


def changed(value: float, change: DoseChange) -> float:
    """`value` after one change, clamped within the format's limits for its field."""
    if change.op is ChangeOp.ADD:
        result = value + change.amount
    elif change.op is ChangeOp.SUBTRACT:
        result = value - change.amount
    else:
        result = change.amount
    low, high = LIMITS[change.field]
    return min(max(result, low), high)


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
    """The routine with each change applied, in order, to every exercise it fits."""
    if not changes:
        return routine
    exercises = list(routine.exercises)
    for change in changes:
        exercises = [_apply(e, change) for e in exercises]
    return replace(routine, exercises=tuple(exercises))


def stage_routines(
    programme: Programme, stage_index: int, catalog_routines: Mapping[str, Routine]
) -> tuple[Routine, ...]:
    """The stage's routines, in its order, with its changes; a missing id is skipped."""
    stage = programme.stages[stage_index]
    return tuple(
        apply_changes(catalog_routines[routine_id], stage.changes)
        for routine_id in stage.routines
        if routine_id in catalog_routines
    )


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
