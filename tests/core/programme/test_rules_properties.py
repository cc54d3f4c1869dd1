"""Properties of the programme's counts, for any sessions on any days (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.core.programme.rules_support import START, enrolment, programme
from timer_app.core.programme.rules import (
    ProgrammeSession,
    advance_check,
    due_now,
    routine_frequency,
    stage_sessions,
)

sessions = st.lists(
    st.builds(
        ProgrammeSession,
        day=st.dates(START - timedelta(days=30), START + timedelta(days=120)),
        routine_id=st.sampled_from(["gentle", "core", "strong", "other"]),
        completed=st.booleans(),
        pain_after=st.none() | st.integers(0, 10),
    ),
    max_size=80,
)
stages = st.integers(0, 3)
offsets = st.integers(-10, 120)


@given(sessions, stages, st.integers(0, 60), offsets)
def test_done_never_exceeds_due(
    done_sessions: list[ProgrammeSession], stage: int, stage_offset: int, offset: int
) -> None:
    mine = enrolment(stage, START + timedelta(days=stage_offset))
    today: date = START + timedelta(days=offset)
    done, due = stage_sessions(programme(), mine, done_sessions, today)
    assert 0 <= done <= due
    now = due_now(programme(), mine, done_sessions, today)
    assert 0 <= now.done <= now.due


@given(sessions, st.integers(0, 60), offsets)
def test_ready_only_with_the_share_of_sessions_done(
    done_sessions: list[ProgrammeSession], stage_offset: int, offset: int
) -> None:
    mine = enrolment(0, START + timedelta(days=stage_offset))
    today = START + timedelta(days=offset)
    check = advance_check(programme(), mine, done_sessions, today)
    if check.ready:
        assert check.sessions_done >= 0.8 * check.sessions_due
    assert check.ready == (check.reasons == ())


@given(sessions, offsets)
def test_sessions_of_other_routines_or_not_completed_never_count(
    done_sessions: list[ProgrammeSession], offset: int
) -> None:
    today = START + timedelta(days=offset)
    counted = [s for s in done_sessions if s.completed and s.routine_id == "gentle"]
    assert stage_sessions(programme(), enrolment(), done_sessions, today) == stage_sessions(
        programme(), enrolment(), counted, today
    )


@given(sessions, stages, st.integers(-400, 60), offsets)
def test_due_never_exceeds_the_stages_planned_weeks(
    done_sessions: list[ProgrammeSession], stage: int, stage_offset: int, offset: int
) -> None:
    # A start dated back a year read "0 of 701 due": a stage asks at most its weeks.
    plan = programme()
    mine = enrolment(stage, START + timedelta(days=stage_offset))
    planned = plan.stages[stage]
    _, due = stage_sessions(plan, mine, done_sessions, START + timedelta(days=offset))
    if planned.weeks is None:
        return  # open-ended: counted from its start
    most = 0
    for routine_id in planned.routines:
        frequency = routine_frequency(planned, routine_id)
        per_week = frequency.times * (7 if frequency.period == "day" else 1)
        most += planned.weeks * per_week
    assert due <= most
