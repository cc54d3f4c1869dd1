"""The timeline rules a therapist relies on to predict a session's length."""

from __future__ import annotations

from timer_app.core.plan import StepKind, build_plan, exercise_seconds
from timer_app.core.routine import Dosing, Exercise, Routine, Side, Sides


def _routine(*exercises: Exercise, lead_in: float = 1.0) -> Routine:
    return Routine(id="t", title="T", exercises=exercises, lead_in=lead_in)


def _held(**kw: object) -> Exercise:
    fields: dict[str, object] = {"name": "Held", "dosing": Dosing.HOLD, "hold": 2.0, "rest": 1.0}
    fields.update(kw)
    return Exercise(**fields)  # type: ignore[arg-type]


WALK = Exercise(name="Walk", dosing=Dosing.DURATION, duration=3.0)


def test_the_16_second_example_from_the_readme() -> None:
    # lead-in 1, alternate 2 reps (L R L R) held 2 with rest 1, then a 3 s walk
    # with its own 1 s lead-in: 1 + (2+1+2+1+2+1+2) + 1 + 3 = 16.
    plan = build_plan(_routine(_held(sides=Sides.ALTERNATE, reps=2), WALK))
    assert plan.total_seconds == 16
    assert [s.kind for s in plan.steps] == [
        StepKind.GET_READY,
        StepKind.HOLD,
        StepKind.SWITCH_SIDES,
        StepKind.HOLD,
        StepKind.SWITCH_SIDES,
        StepKind.HOLD,
        StepKind.SWITCH_SIDES,
        StepKind.HOLD,
        StepKind.GET_READY,
        StepKind.ACTIVITY,
    ]
    holds = [s for s in plan.steps if s.kind is StepKind.HOLD]
    assert [(s.side, s.rep_number) for s in holds] == [
        (Side.LEFT, 1),
        (Side.RIGHT, 1),
        (Side.LEFT, 2),
        (Side.RIGHT, 2),
    ]
    assert plan.offsets[-3:] == (12.0, 13.0, 16.0)


def test_no_rest_after_the_last_rep() -> None:
    plan = build_plan(_routine(_held(reps=3)))
    assert plan.steps[-1].kind is StepKind.HOLD
    assert plan.total_seconds == 1 + 2 + 1 + 2 + 1 + 2


def test_each_side_has_one_switch_between_the_sides() -> None:
    plan = build_plan(_routine(_held(sides=Sides.EACH, reps=2)))
    kinds = [s.kind for s in plan.steps]
    assert kinds.count(StepKind.SWITCH_SIDES) == 1
    assert [s.side for s in plan.steps if s.kind is StepKind.HOLD] == [
        Side.LEFT,
        Side.LEFT,
        Side.RIGHT,
        Side.RIGHT,
    ]
    assert plan.total_seconds == 1 + 2 + 1 + 2 + 1 + 2 + 1 + 2


def test_set_rest_between_sets_only() -> None:
    plan = build_plan(_routine(_held(sets=2, reps=2, set_rest=10.0)))
    kinds = [s.kind for s in plan.steps]
    assert kinds.count(StepKind.SET_REST) == 1
    assert plan.total_seconds == 1 + (2 + 1 + 2) + 10 + (2 + 1 + 2)
    assert [s.set_number for s in plan.steps if s.kind is StepKind.HOLD] == [1, 1, 2, 2]


def test_counted_reps_add_no_time_and_zero_rests_are_left_out() -> None:
    counted = Exercise(name="Count", dosing=Dosing.COUNTED, reps=3)
    plan = build_plan(_routine(counted))
    assert [s.kind for s in plan.steps] == [StepKind.GET_READY] + [StepKind.COUNTED_REP] * 3
    assert plan.total_seconds == 1
    assert all(s.duration is None for s in plan.steps[1:])


def test_tempo_reps_are_paced_steps() -> None:
    paced = Exercise(name="Tilt", dosing=Dosing.TEMPO, tempo=4.0, reps=15)
    assert build_plan(_routine(paced, lead_in=5)).total_seconds == 5 + 15 * 4


def test_no_lead_in_step_when_it_is_zero() -> None:
    plan = build_plan(_routine(WALK, lead_in=0))
    assert [s.kind for s in plan.steps] == [StepKind.ACTIVITY]
    assert exercise_seconds(plan.routine, WALK) == 3


def test_steps_are_numbered_and_offsets_add_up() -> None:
    plan = build_plan(_routine(_held(sides=Sides.EACH, reps=2, sets=2), WALK))
    assert [s.index for s in plan.steps] == list(range(len(plan.steps)))
    assert plan.total_seconds == sum(s.duration or 0 for s in plan.steps)
    assert plan.remaining_after(len(plan.steps) - 1) == 0
    assert plan.first_step_of(1) == len(plan.steps) - 2
