"""What the patient will go through, for the editor's live preview.

Built from `build_plan`, the plan the player runs ("The plan is exact and
bounded" in docs/design.md), so the timeline and the total are exactly what a
session will be; each exercise's dose is the sentence the Routines page shows
(`dose_in_words`). Words pass through `translate` like `core/describe.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from timer_app.core.describe import (
    SEPARATOR,
    Translate,
    dose_in_words,
    duration_in_words,
    english,
)
from timer_app.core.plan import Step, StepKind, build_plan, exercise_seconds
from timer_app.core.routine import Dosing, Routine, Side

__all__ = ["ExercisePreview", "RoutinePreview", "TimelineLine", "preview_routine"]


@dataclass(frozen=True)
class ExercisePreview:
    name: str
    dose_words: str  # "Hold 30 s · 3 reps each side, alternating"
    seconds: float  # its planned time, its lead-in included
    seconds_words: str  # "3 min 35 s"


@dataclass(frozen=True)
class TimelineLine:
    exercise_index: int
    kind: StepKind
    words: str  # "Get ready 5 s", "Hold 30 s · left side", "Rest 5 s"
    seconds: float | None  # None: a counted rep lasts until the person confirms it


@dataclass(frozen=True)
class RoutinePreview:
    exercises: tuple[ExercisePreview, ...]
    total_seconds: float
    total_words: str  # "about 7 min" (plus the counted reps, when there are any)
    per_day_words: str  # "about 7 min, 2× a day ≈ 14 min a day"
    timeline: tuple[TimelineLine, ...]


def preview_routine(routine: Routine, translate: Translate = english) -> RoutinePreview:
    """The routine as the player will run it, in words."""
    plan = build_plan(routine)
    exercises = tuple(
        ExercisePreview(
            name=exercise.name,
            dose_words=dose_in_words(exercise, translate),
            seconds=exercise_seconds(routine, exercise),
            seconds_words=duration_in_words(exercise_seconds(routine, exercise), translate),
        )
        for exercise in routine.exercises
    )
    total_words = translate("Preview", "about {time}").format(
        time=_about(plan.total_seconds, translate)
    )
    per_day_words = _per_period(routine, plan.total_seconds, total_words, translate)
    if any(e.dosing is Dosing.COUNTED for e in routine.exercises):
        # The therapist reads this, not the patient: the Routines page's "plus your
        # counted reps" (describe.py) would speak to the wrong person here.
        counted = translate("Preview", "{time} plus the time the patient takes for counted reps")
        total_words = counted.format(time=total_words)
        # After the time per day too: the counted reps add to each session, not to one.
        per_day_words = counted.format(time=per_day_words)
    return RoutinePreview(
        exercises=exercises,
        total_seconds=plan.total_seconds,
        total_words=total_words,
        per_day_words=per_day_words,
        timeline=tuple(_line(step, translate) for step in plan.steps),
    )


def _per_period(routine: Routine, seconds: float, total: str, translate: Translate) -> str:
    frequency = routine.frequency
    if frequency is None:
        return total
    times = frequency.times
    daily = translate("Preview", "about {time}").format(time=_about(seconds * times, translate))
    if frequency.period == "day":
        text = translate("Preview", "{total}, %n× a day ≈ {daily} a day", None, times)
    else:
        text = translate("Preview", "{total}, %n× a week ≈ {daily} a week", None, times)
    return text.format(total=total, daily=daily.removeprefix("about ").strip())


def _about(seconds: float, translate: Translate) -> str:
    # Minutes, as the routines list says the total: seconds would claim a
    # precision that pauses and counted reps do not have.
    if seconds < 60:
        return duration_in_words(seconds, translate)
    return duration_in_words(round(seconds / 60) * 60, translate)


def _line(step: Step, translate: Translate) -> TimelineLine:
    time = duration_in_words(step.duration or 0.0, translate)
    kind = step.kind
    if kind is StepKind.GET_READY:
        words = translate("Preview", "Get ready {time}").format(time=time)
    elif kind is StepKind.HOLD:
        words = translate("Preview", "Hold {time}").format(time=time)
    elif kind is StepKind.PACED_REP:
        words = translate("Preview", "Slow rep {time}").format(time=time)
    elif kind is StepKind.COUNTED_REP:
        return TimelineLine(step.exercise_index, kind, _counted_rep(step, translate), None)
    elif kind is StepKind.REST:
        words = translate("Preview", "Rest {time}").format(time=time)
    elif kind is StepKind.SWITCH_SIDES:
        words = translate("Preview", "Switch sides {time}").format(time=time)
    elif kind is StepKind.SET_REST:
        words = translate("Preview", "Rest between sets {time}").format(time=time)
    else:  # the activity: "Walking 5 min"
        words = translate("Preview", "{name} {time}").format(name=step.exercise.name, time=time)
    if kind.is_rep:
        words += _side_and_set(step, translate)
    return TimelineLine(step.exercise_index, kind, words, step.duration)


def _counted_rep(step: Step, translate: Translate) -> str:
    """ "Rep 3 of 10 · left side: press Enter when done".

    Counted reps have no time to tell them apart, so each says which rep it is
    (of its set and side, as the player counts them) and where it falls."""
    rep = translate("Preview", "Rep {number} of {count}").format(
        number=step.rep_number, count=step.rep_count
    )
    rep += _side_and_set(step, translate)
    return translate("Preview", "{rep}: press Enter when done").format(rep=rep)


def _side_and_set(step: Step, translate: Translate) -> str:
    """ " · left side · set 1 of 2", each part only when the exercise has it."""
    words = ""
    if step.side is not None:
        words += SEPARATOR + _side(step.side, translate)
    if step.exercise.sets > 1 and step.exercise.dosing is not Dosing.DURATION:
        set_words = translate("Preview", "set {number} of {count}")
        words += SEPARATOR + set_words.format(number=step.set_number, count=step.set_count)
    return words


def _side(side: Side, translate: Translate) -> str:
    if side is Side.LEFT:
        return translate("Preview", "left side")
    return translate("Preview", "right side")
