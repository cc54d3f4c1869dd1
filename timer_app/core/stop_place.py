"""Where a "Stop – it hurts" belongs: the exercise in progress, or, during the
get-ready before an exercise, the one just finished.

A get-ready is time to get into position; nothing of its exercise has been done
yet (a plan's only step between two exercises is the next one's get-ready: rests
come between reps, never after an exercise's last one). Pain felt then comes
from what was done before it, so the stop is kept with the exercise before
("after Knee to chest, before Tilts") and the coming one is neither named as
stopped nor skipped. An exercise skipped whole (nothing of it done) is passed
over: the stop is kept with the last one worked on before it, as "after" that
one says truly. During the very first get-ready, or when every exercise before
was skipped, nothing has been done: the stop names no exercise. In a resumed
session the exercise before was done in the earlier run, before the break;
"after ..., before ..." is still where it stands.

Pure Python; the words go through `translate` (Qt's shape, `core.describe`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from timer_app.core.describe import Translate, english
from timer_app.core.plan import Plan, Step, StepKind


@dataclass(frozen=True)
class StopPlace:
    """`exercise_index` is the exercise the stop is kept with (None: none yet);
    `coming` names the exercise about to start when the stop came before it."""

    exercise_index: int | None
    exercise_name: str
    coming: str | None = None
    first: bool = True  # with no exercise: before the routine's first one

    @property
    def before_an_exercise(self) -> bool:
        """In a get-ready: nothing of the coming exercise was done, so going on
        goes on to it (it is not skipped)."""
        return self.coming is not None


def stop_place(plan: Plan, step: Step, skipped: Collection[int] = ()) -> StopPlace:
    """Where a stop pressed on `step` belongs; `skipped`: the exercises skipped
    whole so far (the player's `skipped_exercises`)."""
    if step.kind is not StepKind.GET_READY:
        return StopPlace(step.exercise_index, step.exercise.name)
    coming = step.exercise.name
    before = step.exercise_index - 1
    while before >= 0 and before in skipped:
        before -= 1
    if before < 0:
        return StopPlace(None, "", coming, first=step.exercise_index == 0)
    return StopPlace(before, plan.routine.exercises[before].name, coming)


def stop_place_in_words(place: StopPlace, translate: Translate = english) -> str:
    """ "Knee to chest"; "after Knee to chest, before Tilts"; "before the first
    exercise". Kept as the stop's exercise words in the history, so the
    therapist's record says when it happened as truly as the summary does."""
    if not place.before_an_exercise:
        return place.exercise_name
    if place.exercise_index is None and place.first:
        return translate("StopPlace", "before the first exercise")
    if place.exercise_index is None:  # those before were skipped: none was done
        text = translate("StopPlace", "before %1, nothing done yet", "the exercises before skipped")
        return text.replace("%1", place.coming or "")
    text = translate("StopPlace", "after %1, before %2", "a stop between two exercises")
    names = {"%1": place.exercise_name, "%2": place.coming or ""}
    # One pass: a name with "%2" in it (names come from routine files) stays as it is.
    return re.sub("%[12]", lambda found: names[found.group()], text)
