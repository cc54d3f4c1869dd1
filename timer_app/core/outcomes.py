"""What the session player reports about reps and exercises: done, partial, skipped.

The player owns time and steps; this module owns the bookkeeping of outcomes, so
the rules for "was this exercise done?" live in one place (“Nothing is done unless
it was done” in docs/design.md; the figures' definitions are in
`core/session_figures.py`):
- A rep is reported done (`RepCompleted`) when its step is completed: by time,
  forward, or `complete_rep`. Counted reps report `held_seconds=0` (nothing is
  held; the person confirms).
- A timed rep left part-way (skip, back, "Stop – it hurts", end) reports
  `RepPartial` with the seconds held, pauses excluded (the player's deadline
  arithmetic gives them). Held less than `MIN_HELD` (1 s): not begun, so nothing
  reported (it is skipped). Replayed and left again, the longest hold is kept.
- An exercise is *done* (`ExerciseCompleted`) only when every planned rep (all
  sets, all sides), or its activity, was done; *partial* (`ExercisePartial`) when
  some of it was, a part-held hold included; otherwise *skipped*
  (`ExerciseSkipped`). It is decided when its last step is left, when it is
  skipped as a whole, or, for the exercise in progress, when the session ends
  early (only if some of it was done: one never begun stays "not reached").
- A session resumed part-way through an exercise knows which of that exercise's
  reps the earlier run did (`done_before`, step indexes from its history); when
  it is not given, the reps before the resume point are taken as done.
- Each exercise is reported once, even when `back` replays it.
- Both end events carry the run's `SessionFigures`: exercises done, partial and
  skipped (those never reached included), reps done of planned, stops, active
  seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from timer_app.core.events import (
    ExerciseCompleted,
    ExercisePartial,
    ExerciseSkipped,
    RepCompleted,
    RepPartial,
    SessionEndedEarly,
    SessionFinished,
)
from timer_app.core.history import Outcome
from timer_app.core.plan import Plan, Step, StepKind
from timer_app.core.session_figures import MIN_HELD, SessionFigures

__all__ = ["ExerciseOutcomes"]

ExerciseEvent = ExerciseCompleted | ExercisePartial | ExerciseSkipped


class ExerciseOutcomes:
    """One run's outcomes: it builds the events; the player emits them in order."""

    def __init__(
        self, plan: Plan, start_index: int, done_before: Collection[int] | None = None
    ) -> None:
        self._plan = plan
        # The steps that make up each exercise: its reps, or its activity.
        self._units: defaultdict[int, list[Step]] = defaultdict(list)
        for step in plan.steps:
            if step.kind.is_rep or step.kind is StepKind.ACTIVITY:
                self._units[step.exercise_index].append(step)
        self._first_exercise = plan.steps[start_index].exercise_index
        earlier = [s for s in self._units[self._first_exercise] if s.index < start_index]
        self._done: set[int] = {  # step indexes done, a resumed run's earlier ones too
            s.index for s in earlier if done_before is None or s.index in done_before
        }
        self._held: dict[int, float] = {}  # step index -> seconds of a part-way hold
        self._outcomes: dict[int, Outcome] = {}
        self._exercise_active_start = 0.0  # active seconds when this exercise began
        self._stops = 0

    def exercise_started(self, active: float) -> None:
        """A new exercise begins with the session's active seconds at `active`."""
        self._exercise_active_start = active

    def step_completed(self, at: float, step: Step) -> RepCompleted | None:
        """`step` was done (not skipped); the rep to report, if it is a new one."""
        if step.kind is StepKind.ACTIVITY:
            self._done.add(step.index)
        if not step.kind.is_rep or step.index in self._done:
            return None
        self._done.add(step.index)
        # A timed rep that ends was held in full (pauses excluded); counted: 0.
        held = step.duration or 0.0
        return RepCompleted(
            at, step, step.exercise_index, step.set_number, step.rep_number, step.side, held
        )

    def step_left(self, at: float, step: Step, held: float) -> RepPartial | None:
        """`step` was left after `held` seconds without being done."""
        timed = step.kind in (StepKind.HOLD, StepKind.PACED_REP, StepKind.ACTIVITY)
        if not timed or step.index in self._done or held < MIN_HELD:
            return None
        held = max(held, self._held.get(step.index, 0.0))
        self._held[step.index] = held
        if step.kind is StepKind.ACTIVITY:  # no rep: the exercise says it is partial
            return None
        return RepPartial(
            at, step, step.exercise_index, step.set_number, step.rep_number, step.side, held
        )

    def exercise_left(self, at: float, exercise: int, active: float) -> ExerciseEvent | None:
        """Its last step was left, or it was skipped as a whole, at `at` (session
        active seconds `active`); None when it was reported already."""
        if exercise in self._outcomes:
            return None
        units = self._units[exercise]
        done = sum(1 for s in units if s.index in self._done)
        reps_done = sum(1 for s in units if s.kind.is_rep and s.index in self._done)
        reps_planned = sum(1 for s in units if s.kind.is_rep)
        seconds = active - self._exercise_active_start
        if units and done == len(units):
            self._outcomes[exercise] = Outcome.DONE
            return ExerciseCompleted(at, exercise, seconds, reps_done, reps_planned)
        if done or any(s.index in self._held for s in units):
            self._outcomes[exercise] = Outcome.PARTIAL
            return ExercisePartial(at, exercise, seconds, reps_done, reps_planned)
        self._outcomes[exercise] = Outcome.SKIPPED
        return ExerciseSkipped(at, exercise)

    def exercise_skipped(
        self, at: float, exercise: int, active: float, *, stopped: bool
    ) -> ExerciseEvent | None:
        """`skip_exercise`; `stopped`: "Stop – it hurts" was reported. What was
        done of it before still counts (partial), never "done" in full."""
        if stopped:
            self.stop_reported()
        return self.exercise_left(at, exercise, active)

    def skipped(self) -> frozenset[int]:
        """The exercises left so far with nothing of them done."""
        return frozenset(e for e, outcome in self._outcomes.items() if outcome is Outcome.SKIPPED)

    def stop_reported(self) -> None:
        """ "Stop – it hurts" was reported (then the exercise skipped, or the
        session ended where it stopped): the end event's `figures.stops`."""
        self._stops += 1

    def ended(self, at: float, exercise: int, active: float) -> ExerciseEvent | None:
        """The session ended early in `exercise`: reported when some of it was done;
        one never begun stays "not reached" (and counts as skipped)."""
        units = self._units[exercise]
        if any(s.index in self._done or s.index in self._held for s in units):
            return self.exercise_left(at, exercise, active)
        return None

    def figures(self, active: float) -> SessionFigures:
        """This run's figures: the exercises from the one it started in."""
        run = range(self._first_exercise, len(self._plan.routine.exercises))
        done = sum(1 for e in run if self._outcomes.get(e) is Outcome.DONE)
        partial = sum(1 for e in run if self._outcomes.get(e) is Outcome.PARTIAL)
        reps = [s for e in run for s in self._units[e] if s.kind.is_rep]
        return SessionFigures(
            exercises_done=done,
            exercises_partial=partial,
            exercises_skipped=len(run) - done - partial,
            reps_done=sum(1 for s in reps if s.index in self._done),
            reps_planned=len(reps),
            stops=self._stops,
            active_seconds=active,
        )

    def finished(self, at: float, active: float) -> SessionFinished:
        return SessionFinished(at, self.figures(active))

    def ended_early(self, at: float, step: Step, active: float) -> SessionEndedEarly:
        return SessionEndedEarly(at, step, self.figures(active))
