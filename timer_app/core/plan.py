"""The plan: a routine turned into the exact timeline of steps a person goes through.

Timeline rules (README, "Routine format"): each exercise starts with its lead-in;
rests come *between* reps and sides, never after an exercise's last rep; a rest
before a rep on the other side is a "switch sides" step; `set_rest` comes between
sets; a timed activity is a lead-in and one activity step. Steps of zero length are
left out, so the planned total is exactly the sum of the steps' durations.
Counted reps (the person confirms each one) have no duration and add nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate

from timer_app.core.routine import Dosing, Exercise, Routine, Side


class StepKind(StrEnum):
    GET_READY = "get_ready"
    HOLD = "hold"
    REST = "rest"
    SWITCH_SIDES = "switch_sides"
    SET_REST = "set_rest"
    PACED_REP = "paced_rep"
    COUNTED_REP = "counted_rep"
    ACTIVITY = "activity"

    @property
    def is_rep(self) -> bool:
        return self in _REP_KINDS

    @property
    def is_rest(self) -> bool:
        return self in _REST_KINDS


_REP_KINDS = frozenset({StepKind.HOLD, StepKind.PACED_REP, StepKind.COUNTED_REP})
_REST_KINDS = frozenset({StepKind.REST, StepKind.SWITCH_SIDES, StepKind.SET_REST})


@dataclass(frozen=True)
class Step:
    """One step of the timeline.

    `rep_number`/`rep_count` count per side within a set ("Rep 2 of 3 · Left side");
    for rests they describe the rep that comes next. `duration` is None for a
    counted rep, which lasts until the person confirms it.
    """

    index: int
    kind: StepKind
    exercise_index: int
    exercise: Exercise
    set_number: int
    set_count: int
    rep_number: int
    rep_count: int
    side: Side | None
    duration: float | None

    @property
    def is_timed(self) -> bool:
        return self.duration is not None


@dataclass(frozen=True)
class Plan:
    routine: Routine
    steps: tuple[Step, ...]
    # Planned start of each step from the session's start; the last is the total.
    offsets: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        durations = [s.duration or 0.0 for s in self.steps]
        object.__setattr__(self, "offsets", (0.0, *accumulate(durations)))

    @property
    def total_seconds(self) -> float:
        return self.offsets[-1]

    def offset_of(self, index: int) -> float:
        """Planned seconds from the session's start to the start of step `index`."""
        return self.offsets[index]

    def remaining_after(self, index: int) -> float:
        """Planned seconds of the steps after step `index`."""
        return self.total_seconds - self.offset_of(index + 1)

    def next_step(self, index: int) -> Step | None:
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    def first_step_of(self, exercise_index: int) -> int:
        for step in self.steps:
            if step.exercise_index == exercise_index:
                return step.index
        raise IndexError(exercise_index)

    def rep_steps(self) -> Iterator[Step]:
        return (s for s in self.steps if s.kind.is_rep)

    @property
    def total_reps(self) -> int:
        return sum(e.total_reps for e in self.routine.exercises)


def exercise_seconds(routine: Routine, exercise: Exercise) -> float:
    """Planned seconds of one exercise, its lead-in included."""
    steps = _exercise_steps(routine, 0, exercise)
    return sum(d or 0.0 for (_, _, _, _, _, d) in steps)


def build_plan(routine: Routine) -> Plan:
    steps: list[Step] = []
    for ex_index, exercise in enumerate(routine.exercises):
        for kind, set_no, rep_no, rep_count, side, duration in _exercise_steps(
            routine, ex_index, exercise
        ):
            steps.append(
                Step(
                    index=len(steps),
                    kind=kind,
                    exercise_index=ex_index,
                    exercise=exercise,
                    set_number=set_no,
                    set_count=exercise.sets,
                    rep_number=rep_no,
                    rep_count=rep_count,
                    side=side,
                    duration=duration,
                )
            )
    return Plan(routine=routine, steps=tuple(steps))


_RawStep = tuple[StepKind, int, int, int, Side | None, float | None]


def _exercise_steps(routine: Routine, ex_index: int, exercise: Exercise) -> list[_RawStep]:
    del ex_index  # the caller numbers the steps
    out: list[_RawStep] = []
    first_side = exercise.sides_sequence[0] if exercise.sides_sequence else None
    if routine.lead_in > 0:
        out.append((StepKind.GET_READY, 1, 1, exercise.reps, first_side, routine.lead_in))
    if exercise.dosing is Dosing.DURATION:
        out.append((StepKind.ACTIVITY, 1, 1, 1, None, exercise.duration))
        return out
    rep_kind, rep_seconds = {
        Dosing.HOLD: (StepKind.HOLD, exercise.hold),
        Dosing.TEMPO: (StepKind.PACED_REP, exercise.tempo),
        Dosing.COUNTED: (StepKind.COUNTED_REP, None),
    }[exercise.dosing]
    sequence = exercise.sides_sequence
    for set_no in range(1, exercise.sets + 1):
        if set_no > 1 and exercise.set_rest > 0:
            out.append(
                (StepKind.SET_REST, set_no, 1, exercise.reps, sequence[0], exercise.set_rest)
            )
        done_per_side: dict[Side | None, int] = {}
        previous: Side | None = None
        for i, side in enumerate(sequence):
            rep_no = done_per_side.get(side, 0) + 1
            done_per_side[side] = rep_no
            if i > 0 and exercise.rest > 0:
                kind = StepKind.SWITCH_SIDES if side != previous else StepKind.REST
                out.append((kind, set_no, rep_no, exercise.reps, side, exercise.rest))
            out.append((rep_kind, set_no, rep_no, exercise.reps, side, rep_seconds))
            previous = side
    return out
