"""A session is at most 4 h and 5,000 steps, counted before any step is built.

A 2.9 KB file of 400 aliases of one maxed-out exercise once validated as a
445-hour session (6 s, 460 MB) and froze the window's start; the routines list
also built every routine's whole plan just to show its length.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timer_app.core import describe, plan
from timer_app.core.plan import MAX_PLAN_STEPS, build_plan, plan_size
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.core.validation.checks import validate_routine


def _routine(*exercises: dict[str, Any], lead_in: Any = 5) -> dict[str, Any]:
    return {"title": "Long day", "lead_in": lead_in, "exercises": list(exercises)}


def _validate(data: dict[str, Any]) -> tuple[Routine | None, list[str]]:
    routine, problems = validate_routine(data, default_id="long-day", library={})
    return routine, [f"{p.path}: {p.message} — {p.hint}" for p in problems]


exercises = st.builds(
    Exercise,
    name=st.just("Ex"),
    dosing=st.sampled_from(list(Dosing)),
    sides=st.sampled_from(list(Sides)),
    sets=st.integers(1, 4),
    reps=st.integers(1, 6),
    hold=st.sampled_from([1.0, 2.5, 30.0]),
    tempo=st.sampled_from([1.0, 4.0]),
    duration=st.sampled_from([1.0, 180.0]),
    rest=st.sampled_from([0.0, 1.0, 5.0]),
    set_rest=st.sampled_from([0.0, 30.0]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(exercises, min_size=1, max_size=4), st.sampled_from([0.0, 5.0]))
def test_counted_size_is_the_built_plans_size(items: list[Exercise], lead_in: float) -> None:
    routine = Routine(id="r", title="R", exercises=tuple(items), lead_in=lead_in)
    built = build_plan(routine)
    size = plan_size(routine)
    assert size.steps == len(built.steps)
    assert size.seconds == pytest.approx(built.total_seconds)


def test_exactly_four_hours_is_allowed_and_one_second_more_is_not() -> None:
    # 4 walks of 1 h each with no lead-in: exactly 4 h.
    walk = {"name": "Walk", "duration": "1 h"}
    routine, problems = _validate(_routine(walk, walk, walk, walk, lead_in=0))
    assert problems == [] and routine is not None
    assert plan_size(routine).seconds == 4 * 3600
    longer = _validate(
        _routine(walk, walk, walk, walk, {"name": "Stretch", "duration": 1}, lead_in=0)
    )
    assert longer == (
        None,
        [
            "('exercises', 4): with exercise 5 the session passes 4 h (it would last "
            "4 h 1 s in all) — split it into shorter routines, or lower its sets, reps or "
            "times"
        ],
    )


def test_more_than_5000_steps_is_refused_at_the_exercise_that_passes_it() -> None:
    # Counted taps on alternate sides, 20 sets of 100: 4,000 reps and 19 set rests.
    taps = {"name": "Toe taps", "sides": "alternate", "sets": 20, "reps": 100}
    routine, problems = _validate(_routine(taps, lead_in=0))
    assert problems == [] and routine is not None and plan_size(routine).steps == 4_019
    routine, problems = _validate(_routine(taps, {"name": "Heel taps", "reps": 100, "sets": 20}))
    assert routine is None
    assert problems == [
        "('exercises', 1): with exercise 2 the session passes 5,000 steps (it would have "
        "6,040 in all) — split it into shorter routines, or lower its sets, reps or times"
    ]
    assert MAX_PLAN_STEPS == 5_000


def test_four_hundred_copies_of_a_maxed_out_exercise_are_refused_at_once() -> None:
    maxed = {
        "name": "Max",
        "sides": "alternate",
        "sets": 20,
        "reps": 100,
        "hold": "1 h",
        "rest": "1 h",
        "set_rest": "1 h",
    }
    started = time.perf_counter()
    routine, problems = _validate(_routine(*[maxed] * 400))
    elapsed = time.perf_counter() - started
    assert routine is None
    assert len(problems) == 1 and problems[0].startswith(
        "('exercises', 0): with exercise 1 the session passes 4 h"
    )
    assert elapsed < 0.5


def test_the_length_in_the_routines_list_is_counted_not_planned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Showing a routine's length must not build its plan (one per routine at start)."""
    routine, _ = _validate(
        _routine(
            {"name": "Tilt", "reps": 10, "hold": 5, "rest": 5}, {"name": "Walk", "duration": 600}
        )
    )
    assert routine is not None

    def refuse(_routine: Routine) -> plan.Plan:
        raise AssertionError("the plan was built")

    monkeypatch.setattr(plan, "build_plan", refuse)
    monkeypatch.setattr(describe, "build_plan", refuse, raising=False)
    # 5 + 10 x 5 + 9 x 5 + 5 + 600 = 705 s
    assert describe.total_time_in_words(routine) == "about 12 min"
