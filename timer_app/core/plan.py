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

from timer_app.core.routine import Dosing, Exercise, Routine, Side, Sides


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
    # Counted reps from each step to the end, the step itself included: the planned
    # time leaves them out, so "0 min left" must not be all a screen says (counted once
    # here, not on every redraw).
    _counted_from: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        durations = [s.duration or 0.0 for s in self.steps]
        object.__setattr__(self, "offsets", (0.0, *accumulate(durations)))
        counted = [int(s.kind is StepKind.COUNTED_REP) for s in reversed(self.steps)]
        object.__setattr__(self, "_counted_from", (*reversed(list(accumulate(counted))), 0))

    @property
    def total_seconds(self) -> float:
        return self.offsets[-1]

    def offset_of(self, index: int) -> float:
        """Planned seconds from the session's start to the start of step `index`."""
        return self.offsets[index]

    def remaining_after(self, index: int) -> float:
        """Planned seconds of the steps after step `index`."""
        return self.total_seconds - self.offset_of(index + 1)

    def counted_reps_from(self, index: int) -> int:
        """Counted reps (no planned time) at step `index` and after it."""
        return self._counted_from[min(max(index, 0), len(self.steps))]

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


# A session is bounded: a small file of aliases (400 copies of one exercise at 20
# sets of 100 reps) once planned 445 hours and 3 million steps, 6 s and 460 MB,
# and froze the window at start. Validation refuses a routine over either bound,
# counting with `plan_size` before any step is built.
MAX_PLAN_SECONDS = 4 * 3600.0
MAX_PLAN_STEPS = 5_000


@dataclass(frozen=True)
class PlanSize:
    """What `build_plan` would make, counted without building it."""

    seconds: float
    steps: int

    def __add__(self, other: PlanSize) -> PlanSize:
        return PlanSize(self.seconds + other.seconds, self.steps + other.steps)

    @property
    def too_big(self) -> bool:
        return self.seconds > MAX_PLAN_SECONDS or self.steps > MAX_PLAN_STEPS


def exercise_size(lead_in: float, exercise: Exercise) -> PlanSize:
    """One exercise's steps and seconds, its lead-in included, by arithmetic only.

    `lead_in` is the routine's; the exercise's own, when it has one, wins."""
    if exercise.lead_in is not None:
        lead_in = exercise.lead_in
    steps, seconds = (1, lead_in) if lead_in > 0 else (0, 0.0)
    if exercise.dosing is Dosing.DURATION:
        return PlanSize(seconds + (exercise.duration or 0.0), steps + 1)
    sets = exercise.sets
    per_set = exercise.reps * (2 if exercise.sides in (Sides.ALTERNATE, Sides.EACH) else 1)
    rep_seconds = {Dosing.HOLD: exercise.hold, Dosing.TEMPO: exercise.tempo}.get(exercise.dosing)
    steps += sets * per_set
    seconds += sets * per_set * (rep_seconds or 0.0)
    if exercise.rest > 0:
        steps += sets * (per_set - 1)
        seconds += sets * (per_set - 1) * exercise.rest
    if exercise.set_rest > 0:
        steps += sets - 1
        seconds += (sets - 1) * exercise.set_rest
    return PlanSize(seconds, steps)


def plan_size(routine: Routine) -> PlanSize:
    """The whole plan's steps and seconds (`Plan.total_seconds`), without building it."""
    total = PlanSize(0.0, 0)
    for exercise in routine.exercises:
        total += exercise_size(routine.lead_in, exercise)
    return total


def exercise_seconds(routine: Routine, exercise: Exercise) -> float:
    """Planned seconds of one exercise, its lead-in included."""
    return exercise_size(routine.lead_in, exercise).seconds


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
    lead_in = routine.lead_in if exercise.lead_in is None else exercise.lead_in
    if lead_in > 0:
        out.append((StepKind.GET_READY, 1, 1, exercise.reps, first_side, lead_in))
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
