"""Where a session stands, and where a resumed session starts again.

History stores a `Position` when a session stops; `resume_index` finds it in a
plan again. It matches by exercise, set, rep and side rather than by step
number, so a routine edited since still resumes at the right rep.
"""

from __future__ import annotations

from dataclasses import dataclass

from timer_app.core.plan import Plan, Step, StepKind
from timer_app.core.routine import Side


@dataclass(frozen=True)
class Position:
    """Where a session stands; what history stores to resume."""

    step_index: int
    exercise_index: int
    set_number: int
    rep_number: int
    side: Side | None

    @classmethod
    def of(cls, step: Step) -> Position:
        return cls(step.index, step.exercise_index, step.set_number, step.rep_number, step.side)


def resume_index(plan: Plan, position: Position) -> int:
    """The step to resume at: the position's rep, after the get-ready or rest
    just before it (time to get into position again)."""
    wanted = (position.exercise_index, position.set_number, position.rep_number, position.side)
    for step in plan.steps:
        main = step.kind.is_rep or step.kind is StepKind.ACTIVITY
        if main and (step.exercise_index, step.set_number, step.rep_number, step.side) == wanted:
            if step.index > 0:
                before = plan.steps[step.index - 1]
                if before.exercise_index == step.exercise_index and not before.kind.is_rep:
                    return before.index
            return step.index
    # The routine changed since: start the same exercise over, or the session.
    try:
        return plan.first_step_of(position.exercise_index)
    except IndexError:
        return 0
