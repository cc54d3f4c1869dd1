"""What the session player reports about reps and exercises: done, skipped, stopped.

The player owns time and steps; this module owns the bookkeeping of outcomes, so
the rules for "was this exercise done?" live in one place (docs/design.md,
"Player contract"):
- A rep is reported (`RepCompleted`) when its step is completed: by time,
  forward, or `complete_rep`. `skip` leaves it unreported (it was not done).
  Counted reps report `held_seconds=0` (nothing is held; the person confirms).
- Leaving an exercise's last step reports `ExerciseCompleted` when at least one
  of its reps (or its activity) was done, else `ExerciseSkipped`: an exercise
  skipped step by step was not done. `skip_exercise` reports `ExerciseSkipped`.
- A session resumed part-way through an exercise counts that exercise as
  started (its earlier reps are in history).
- Each rep and each exercise is reported at most once, even when `back` replays it.
- `SessionFinished` says how many exercises this run did and whether a stop was
  reported (`skip_exercise(stopped=True)`), so its closing words can match.
"""

from __future__ import annotations

from timer_app.core.events import (
    ExerciseCompleted,
    ExerciseSkipped,
    RepCompleted,
    SessionFinished,
)
from timer_app.core.plan import Plan, Step, StepKind

__all__ = ["ExerciseOutcomes"]


class ExerciseOutcomes:
    """One run's outcomes: it builds the events; the player emits them in order."""

    def __init__(self, plan: Plan, start_index: int) -> None:
        self._reported_reps: set[int] = set()
        self._reported_exercises: set[int] = set()
        # Exercises with a rep (or their activity) done. A resumed run that starts
        # after an exercise's first main step did some of it in the earlier run.
        self._worked: set[int] = set()
        if start_index > _first_main_step(plan, start_index):
            self._worked.add(plan.steps[start_index].exercise_index)
        self._exercise_active_start = 0.0  # active seconds when this exercise began
        self._exercises_done = 0
        self._stopped = False

    def exercise_started(self, active: float) -> None:
        """A new exercise begins with the session's active seconds at `active`."""
        self._exercise_active_start = active

    def step_completed(self, at: float, step: Step) -> RepCompleted | None:
        """`step` was done (not skipped); the rep to report, if it is a new one."""
        if step.kind is StepKind.ACTIVITY:
            self._worked.add(step.exercise_index)
        if not step.kind.is_rep or step.index in self._reported_reps:
            return None
        self._worked.add(step.exercise_index)
        self._reported_reps.add(step.index)
        # A timed rep that ends was held in full (pauses excluded); counted: 0.
        held = step.duration or 0.0
        return RepCompleted(
            at, step, step.exercise_index, step.set_number, step.rep_number, step.side, held
        )

    def exercise_left(
        self, at: float, exercise: int, active: float
    ) -> ExerciseCompleted | ExerciseSkipped | None:
        """Its last step was left at `at` (session active seconds `active`)."""
        if exercise in self._reported_exercises:
            return None
        self._reported_exercises.add(exercise)
        if exercise not in self._worked:
            return ExerciseSkipped(at, exercise)
        self._exercises_done += 1
        return ExerciseCompleted(at, exercise, active - self._exercise_active_start)

    def exercise_skipped(
        self, at: float, exercise: int, *, stopped: bool
    ) -> ExerciseSkipped | None:
        """`skip_exercise`; `stopped`: "Stop – it hurts" was reported."""
        self._stopped |= stopped
        if exercise in self._reported_exercises:
            return None
        self._reported_exercises.add(exercise)
        return ExerciseSkipped(at, exercise)

    def finished(self, at: float, active: float) -> SessionFinished:
        return SessionFinished(at, active, self._exercises_done, self._stopped)


def _first_main_step(plan: Plan, index: int) -> int:
    """The first rep or activity step of the exercise step `index` belongs to."""
    exercise = plan.steps[index].exercise_index
    return next(
        (
            s.index
            for s in plan.steps
            if s.exercise_index == exercise and (s.kind.is_rep or s.kind is StepKind.ACTIVITY)
        ),
        index,
    )
