"""A stage's dose changes on real routines: each kind of dose, within the format's limits,
and a change past them refused in plain words, never clamped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timer_app.core.plan import MAX_PLAN_SECONDS, plan_size
from timer_app.core.programme.changes import (
    DoseLimitError,
    apply_changes,
    change_problems,
    missing_routines,
    refused_changes,
    stage_routines,
)
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


def test_a_change_below_a_minimum_is_refused_not_clamped(gentle_start: Routine) -> None:
    # QA: hold "-10 min" made the 30 s stretches 1 s holds, and validate said ok.
    changes = [DoseChange("hold", ChangeOp.SUBTRACT, 600)]
    (problem,) = change_problems(gentle_start, changes)
    assert (problem.field, problem.message) == (
        "hold",
        "this change takes the hold of Knee-to-chest stretch in gentle-start below the 1 s "
        "minimum (30 s in its file, minus 10 min)",
    )
    with pytest.raises(DoseLimitError, match="below the 1 s minimum"):
        apply_changes(gentle_start, changes)
    (reps,) = change_problems(gentle_start, [DoseChange("reps", ChangeOp.SUBTRACT, 100)])
    assert reps.message == (
        "this change takes the reps of Knee-to-chest stretch in gentle-start below the "
        "minimum of 1 (3 in its file, minus 100)"
    )
    assert reps.hint == "take away less than 3, or write the reps wanted, such as reps: 1"


def test_a_change_over_a_limit_names_the_result_and_the_limit(gentle_start: Routine) -> None:
    (problem,) = change_problems(gentle_start, [DoseChange("duration", ChangeOp.ADD, 3600)])
    assert problem.message == (
        "this change makes the duration of Walking in gentle-start 1 h 5 min, over the "
        "1 h limit (5 min in its file)"
    )
    up_to = apply_changes(gentle_start, [DoseChange("duration", ChangeOp.ADD, 3300)])
    assert _by_name(up_to)["Walking"].duration == MAX_DURATION  # exactly at it: fine


def test_a_session_made_longer_than_4_hours_is_refused() -> None:
    # QA: {hold: +59 min, reps: 100} on core-routine: "about 298 h 37 min" on the ready screen.
    core = load_routine_file(BUNDLED / "core-routine.yaml")
    changes = [DoseChange("hold", ChangeOp.ADD, 59 * 60), DoseChange("reps", ChangeOp.REPLACE, 100)]
    (problem,) = change_problems(core, changes)
    assert problem.field is None
    assert problem.message == (
        "with these changes a session of core-routine would last 298 h 37 min 10 s, "
        "over the 4 h limit"
    )
    # Each hold made 59 min 30 s is within the format's hour; 7 h in all is not.
    (alone,) = change_problems(core, changes[:1])
    assert alone.message.endswith("would last 6 h 59 min 50 s, over the 4 h limit")
    longer = apply_changes(core, [DoseChange("hold", ChangeOp.ADD, 60)])
    assert plan_size(longer).seconds <= MAX_PLAN_SECONDS


fields = st.sampled_from(["hold", "reps", "sets", "duration"])
ops = st.sampled_from(list(ChangeOp))
changes_st = st.builds(DoseChange, fields, ops, st.floats(1, MAX_DURATION))


@given(st.lists(changes_st, max_size=6))
def test_any_changes_stay_within_the_format_or_are_refused(changes: list[DoseChange]) -> None:
    routine = load_routine_file(BUNDLED / "core-routine.yaml")
    walk = load_routine_file(BUNDLED / "gentle-start.yaml")
    for before in (routine, walk):
        if change_problems(before, changes):
            with pytest.raises(DoseLimitError):
                apply_changes(before, changes)
            continue
        after = apply_changes(before, changes)
        assert plan_size(after).seconds <= MAX_PLAN_SECONDS
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


def test_at_run_time_a_refused_change_keeps_the_files_doses_and_says_why(
    gentle_start: Routine,
) -> None:
    core = load_routine_file(BUNDLED / "core-routine.yaml")
    stage = Stage("Two", 1, None, ("core-routine",), None, None)
    programme = Programme(
        "p", "P", (replace(stage, changes=(DoseChange("hold", ChangeOp.SUBTRACT, 600),)),)
    )
    catalog = {"core-routine": core}
    assert stage_routines(programme, 0, catalog) == (core,)  # never 1 s holds
    assert refused_changes(programme, 0, catalog) == (
        "Stage 1's change is not applied to core-routine, which keeps its file's doses: this "
        "change takes the hold of Knee-to-chest stretch in core-routine below the 1 s minimum "
        "(30 s in its file, minus 10 min). Ask your therapist for a corrected programme file.",
    )
    assert refused_changes(_programme(), 1, catalog) == ()
