"""The figures the history page shows."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from timer_app.core import stats
from timer_app.core.history import ExerciseRecord, Outcome, SessionFacts, SessionStatus
from timer_app.core.routine import Frequency

TODAY = date(2026, 3, 12)  # a Thursday
DONE = SessionStatus.COMPLETED
TWICE_A_DAY = Frequency(2, "day")
THREE_A_WEEK = Frequency(3, "week")


def s(
    days_ago: int,
    status: SessionStatus = DONE,
    before: int | None = None,
    after: int | None = None,
) -> SessionFacts:
    return SessionFacts(TODAY - timedelta(days=days_ago), status, "r", before, after)


def test_daily_streak_counts_back_and_today_not_done_yet_does_not_break_it() -> None:
    sessions = [s(1), s(2), s(3), s(5)]
    assert stats.streak(sessions, TODAY) == stats.Streak(3, "day")
    assert stats.streak([*sessions, s(0)], TODAY) == stats.Streak(4, "day")


def test_a_day_needs_all_its_sessions_and_ended_early_does_not_count() -> None:
    sessions = [s(0), s(0), s(1), s(1, SessionStatus.ENDED_EARLY), s(2), s(2)]
    assert stats.streak(sessions, TODAY, TWICE_A_DAY).count == 1
    assert stats.streak(sessions, TODAY).count == 3


def test_a_session_finished_with_part_skipped_is_not_a_day_done() -> None:
    partly = SessionStatus.PARTLY_DONE
    sessions = [s(0, partly), s(1), s(2, partly), s(3)]
    assert stats.streak(sessions, TODAY).count == 1  # yesterday only: today not done yet
    assert stats.session_ordinal(sessions, TODAY).number == 1  # not "Done today ✓"
    week = stats.daily_adherence(sessions, TODAY - timedelta(days=3), TODAY)
    assert [day.done for day in week] == [1, 0, 1, 0]


def test_weekly_streak_is_counted_in_weeks_and_free_days_do_not_break_it() -> None:
    # This week (Mon 9 – today): 1 so far; last week 3; the week before 3.
    this_week = [s(2)]
    last_week = [s(4), s(7), s(10)]
    week_before = [s(11), s(12), s(16)]
    sessions = this_week + last_week + week_before
    assert stats.streak(sessions, TODAY, THREE_A_WEEK) == stats.Streak(2, "week")
    assert stats.streak([*sessions, s(1), s(0)], TODAY, THREE_A_WEEK).count == 3


def test_adherence_per_day_and_week_caps_extra_sessions() -> None:
    sessions = [s(0), s(0), s(0), s(1)]
    days = stats.daily_adherence(sessions, TODAY - timedelta(days=1), TODAY, TWICE_A_DAY)
    assert [(d.done, d.prescribed, d.percent) for d in days] == [(1, 2, 50.0), (3, 2, 100.0)]
    assert stats.overall_adherence(days) == 75.0
    [week] = stats.weekly_adherence(sessions, TODAY, TODAY, THREE_A_WEEK)
    assert (week.start, week.done, week.prescribed) == (date(2026, 3, 9), 4, 3)
    assert week.percent == 100.0
    [daily_week] = stats.weekly_adherence(sessions, TODAY, TODAY, TWICE_A_DAY)
    assert (daily_week.done, daily_week.prescribed) == (3, 14)


def test_session_ordinal_today_and_this_week() -> None:
    sessions = [s(0), s(0, SessionStatus.INTERRUPTED), s(3)]
    assert stats.session_ordinal(sessions, TODAY, Frequency(3, "day")) == stats.SessionOrdinal(
        2, 3, "day"
    )
    assert stats.session_ordinal(sessions, TODAY, THREE_A_WEEK).number == 3


def test_pain_is_given_per_session_so_a_rise_is_never_averaged_away() -> None:
    # Yesterday: 6 -> 3, then 3 -> 7 (a daily mean would read 4.5 -> 5).
    sessions = [
        s(1, before=6, after=3),
        s(1, before=3, after=7),
        s(1),  # not rated: left out
        s(0, SessionStatus.ENDED_EARLY, 7, 8),
    ]
    yesterday = TODAY - timedelta(days=1)
    assert stats.pain_by_session(sessions) == [
        stats.SessionPain(yesterday, 6, 3, 0.25),
        stats.SessionPain(yesterday, 3, 7, 0.75),
        stats.SessionPain(TODAY, 7, 8, 0.5),
    ]


def test_exercise_totals() -> None:
    records = [
        ExerciseRecord(0, "Bridge", Outcome.DONE, 60, 10, 10),
        ExerciseRecord(1, "Walk", Outcome.SKIPPED, 0, 0, 0),
        ExerciseRecord(0, "Bridge", Outcome.DONE, 55, 8, 10),
        ExerciseRecord(1, "Walk", None, 0, 0, 0),
        ExerciseRecord(0, "Bridge", Outcome.PARTIAL, 20, 4, 10),  # not done, not skipped
    ]
    assert stats.exercise_totals(records) == [
        stats.ExerciseTotal("Bridge", 2, 0, 22, 135, times_partial=1),
        stats.ExerciseTotal("Walk", 0, 1, 0, 0),
    ]


@given(st.lists(st.integers(min_value=0, max_value=60), max_size=80))
def test_daily_streak_is_the_run_of_done_days_ending_today_or_yesterday(days: list[int]) -> None:
    sessions = [s(d) for d in days]
    done = set(days)
    expected = 0
    start = 0 if 0 in done else 1
    while start + expected in done:
        expected += 1
    assert stats.streak(sessions, TODAY).count == expected


def test_this_week_so_far_counts_only_the_days_lived_and_today_as_far_as_done() -> None:
    # TODAY is a Thursday: Mon–Wed three each; today one done, two still to do.
    three_a_day = Frequency(3, "day")
    week = [s(d) for d in (1, 2, 3) for _ in range(3)] + [s(0)]
    earlier = [s(d) for d in range(4, 14) for _ in range(3)]
    [so_far] = stats.weekly_adherence(earlier + week, TODAY, TODAY, three_a_day, today=TODAY)
    assert (so_far.done, so_far.prescribed, so_far.percent) == (10, 10, 100.0)
    # Tuesday missed and nothing yet today: Tuesday is due, and shows.
    missed = [x for x in week if x.local_date != TODAY - timedelta(days=2)][:-1]
    [short] = stats.weekly_adherence(earlier + missed, TODAY, TODAY, three_a_day, today=TODAY)
    assert (short.done, short.prescribed) == (6, 9)
    # Without `today`, the week is whole (a finished week's figure).
    [whole] = stats.weekly_adherence(earlier + week, TODAY, TODAY, three_a_day)
    assert (whole.done, whole.prescribed) == (10, 21)


def test_this_week_so_far_starts_with_the_first_session_on_record() -> None:
    # Started yesterday (Wednesday): Monday and Tuesday were never prescribed.
    [week] = stats.weekly_adherence([s(1), s(1), s(0)], TODAY, TODAY, TWICE_A_DAY, today=TODAY)
    assert (week.done, week.prescribed) == (3, 3)
    [none_yet] = stats.weekly_adherence([], TODAY, TODAY, TWICE_A_DAY, today=TODAY)
    assert (none_yet.done, none_yet.prescribed) == (0, 0)


def test_a_weekly_routine_is_not_overdue_before_its_week_ends() -> None:
    last_week_and_this = [s(7), s(8), s(2)]
    weeks = stats.weekly_adherence(
        last_week_and_this, TODAY - timedelta(weeks=1), TODAY, THREE_A_WEEK, today=TODAY
    )
    assert [(w.done, w.prescribed) for w in weeks] == [(2, 3), (1, 1)]
