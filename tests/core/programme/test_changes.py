"""A stage's dose changes on real routines: each kind of dose, within the format's limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timer_app.core.programme.changes import apply_changes, missing_routines, stage_routines
from timer_app.core.programme.model import ChangeOp, DoseChange, FlareUp, Programme, Stage
from timer_app.core.routine import (
    MAX_DURATION,
    MAX_REPS,
    MAX_SETS,
    MIN_DURATION,
    Dosing,
    Exercise,
    Routine,
)
from timer_app.storage.routines.catalog import load_routine_file

BUNDLED = Path(__file__).parents[3] / "routines"


@pytest.fixture(scope="module")
def gentle_start() -> Routine:
    """The bundled routine: knee-to-chest (hold 30 s), pelvic tilts (reps), a 5 min walk."""
    return load_routine_file(BUNDLED / "gentle-start.yaml")


def _by_name(routine: Routine) -> dict[str, Exercise]:
    return {e.name: e for e in routine.exercises}


def test_added_hold_time_reaches_only_the_holds(gentle_start: Routine) -> None:
    before = _by_name(gentle_start)
    after = _by_name(apply_changes(gentle_start, [DoseChange("hold", ChangeOp.ADD, 15)]))
    assert before["Knee-to-chest stretch"].hold == 30
    assert after["Knee-to-chest stretch"].hold == 45
    assert after["Pelvic tilt"] == before["Pelvic tilt"]
    assert after["Walking"] == before["Walking"]


def test_the_walk_builds_up_and_nothing_else_does(gentle_start: Routine) -> None:
    after = apply_changes(gentle_start, [DoseChange("duration", ChangeOp.REPLACE, 15 * 60)])
    walks = [e for e in after.exercises if e.dosing is Dosing.DURATION]
    assert [w.duration for w in walks] == [900]
    assert [e for e in after.exercises if e.dosing is not Dosing.DURATION] == [
        e for e in gentle_start.exercises if e.dosing is not Dosing.DURATION
    ]


def test_reps_and_sets_change_every_counted_exercise_but_not_the_walk(
    gentle_start: Routine,
) -> None:
    changes = [DoseChange("reps", ChangeOp.ADD, 2), DoseChange("sets", ChangeOp.REPLACE, 2)]
    after = apply_changes(gentle_start, changes)
    for old, new in zip(gentle_start.exercises, after.exercises, strict=True):
        if old.dosing is Dosing.DURATION:
            assert new == old
        else:
            assert (new.reps, new.sets) == (old.reps + 2, 2)


def test_the_routine_stays_the_same_routine(gentle_start: Routine) -> None:
    after = apply_changes(gentle_start, [DoseChange("hold", ChangeOp.SUBTRACT, 10)])
    assert (after.id, after.title, after.content_hash) == (
        gentle_start.id,
        gentle_start.title,
        gentle_start.content_hash,
    )
    assert after.content_hash != ""
    assert apply_changes(gentle_start, []) is gentle_start


def test_a_change_past_the_limits_stops_at_them(gentle_start: Routine) -> None:
    down = apply_changes(
        gentle_start,
        [DoseChange("hold", ChangeOp.SUBTRACT, 3600), DoseChange("reps", ChangeOp.SUBTRACT, 100)],
    )
    assert _by_name(down)["Knee-to-chest stretch"].hold == MIN_DURATION
    assert _by_name(down)["Pelvic tilt"].reps == 1
    up = apply_changes(gentle_start, [DoseChange("duration", ChangeOp.ADD, 3600)])
    assert _by_name(up)["Walking"].duration == MAX_DURATION


fields = st.sampled_from(["hold", "reps", "sets", "duration"])
ops = st.sampled_from(list(ChangeOp))
changes_st = st.builds(DoseChange, fields, ops, st.floats(1, MAX_DURATION))


@given(st.lists(changes_st, max_size=6))
def test_any_changes_stay_within_the_format(changes: list[DoseChange]) -> None:
    routine = load_routine_file(BUNDLED / "core-routine.yaml")
    walk = load_routine_file(BUNDLED / "gentle-start.yaml")
    for before in (routine, walk):
        after = apply_changes(before, changes)
        for old, new in zip(before.exercises, after.exercises, strict=True):
            assert 1 <= new.sets <= MAX_SETS and 1 <= new.reps <= MAX_REPS
            assert isinstance(new.sets, int) and isinstance(new.reps, int)
            if new.hold is not None:
                assert MIN_DURATION <= new.hold <= MAX_DURATION
            if new.duration is not None:
                assert MIN_DURATION <= new.duration <= MAX_DURATION
            assert (new.dosing, new.name, new.sides, new.rest) == (
                old.dosing,
                old.name,
                old.sides,
                old.rest,
            )


def _programme() -> Programme:
    return Programme(
        "p",
        "P",
        (
            Stage("One", 1, 2, ("gentle-start", "gone"), None, None),
            Stage(
                "Two",
                3,
                None,
                ("core-routine",),
                None,
                None,
                (DoseChange("hold", ChangeOp.ADD, 15),),
            ),
        ),
        flare_up=FlareUp("also-gone"),
    )


def test_stage_routines_skip_what_is_missing_and_name_it(gentle_start: Routine) -> None:
    core = load_routine_file(BUNDLED / "core-routine.yaml")
    catalog = {"gentle-start": gentle_start, "core-routine": core}
    programme = _programme()
    assert stage_routines(programme, 0, catalog) == (gentle_start,)
    (changed,) = stage_routines(programme, 1, catalog)
    assert _by_name(changed)["Knee-to-chest stretch"].hold == 45
    assert _by_name(core)["Knee-to-chest stretch"].hold == 30  # the catalog's is untouched
    assert missing_routines(programme, catalog) == ("gone", "also-gone")
