"""Today's facts for the reminders, from the sessions the history lists."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from timer_app.core.history import SessionStatus, SessionSummary
from timer_app.core.reminders.facts import day_facts, reminder_routine, week_start
from timer_app.core.routine import Dosing, Exercise, Frequency, Routine

LONDON = ZoneInfo("Europe/London")
# Thursday 12 March 2026, 14:00.
NOW = datetime(2026, 3, 12, 14, 0, tzinfo=LONDON)


def routine(rid: str, frequency: Frequency | None, **kw: object) -> Routine:
    walk = Exercise(name="Walk", dosing=Dosing.DURATION, duration=300.0)
    return Routine(id=rid, title=rid.title(), exercises=(walk,), frequency=frequency, **kw)  # type: ignore[arg-type]


def session(
    rid: str, started: datetime, status: SessionStatus = SessionStatus.COMPLETED
) -> SessionSummary:
    return SessionSummary(
        id=int(started.timestamp()),
        routine_id=rid,
        routine_title=rid.title(),
        content_hash="abc",
        source_path=None,
        started_at=started,
        ended_at=None,
        time_zone="Europe/London",
        local_date=started.date(),
        status=status,
        active_seconds=300.0,
        exercises_done=1,
        exercises_total=1,
        reps_done=0,
        reps_total=0,
        pain_before=None,
        pain_after=None,
        notes="",
        resume=None,
    )


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=LONDON)


def test_a_daily_routine_counts_todays_completed_sessions_only() -> None:
    twice = routine("bridging", Frequency(2, "day"))
    sessions = [
        session("bridging", at(12, 8)),
        session("bridging", at(12, 10), SessionStatus.ENDED_EARLY),
        # Reached the end with part skipped: the reminder still asks for one more.
        session("bridging", at(12, 12), SessionStatus.PARTLY_DONE),
        session("bridging", at(11, 8)),
        session("walking", at(12, 9)),
    ]
    facts = day_facts(twice, sessions, NOW)
    assert (facts.sessions_due, facts.sessions_done, facts.session_running) == (2, 1, False)
    assert (facts.routine_id, facts.routine_title, facts.routine_minutes) == (
        "bridging",
        "Bridging",
        5,
    )


def test_a_weekly_routine_asks_once_a_day_until_the_weeks_sessions_are_done() -> None:
    three_a_week = routine("strengthening", Frequency(3, "week"))
    assert week_start(NOW.date()).isoformat() == "2026-03-09"
    two = [session("strengthening", at(9, 8)), session("strengthening", at(10, 8))]
    assert day_facts(three_a_week, two, NOW).sessions_done == 0
    assert day_facts(three_a_week, two, NOW).sessions_due == 1
    assert day_facts(three_a_week, two, NOW).week_left == 1  # the reminder says so
    three = [*two, session("strengthening", at(11, 8))]
    facts = day_facts(three_a_week, three, NOW)
    assert facts.sessions_done >= facts.sessions_due
    assert facts.week_left == 0
    assert day_facts(routine("daily", Frequency(2, "day")), two, NOW).week_left is None


def test_a_session_in_progress_silences_but_one_a_crash_left_does_not() -> None:
    daily = routine("bridging", Frequency(1, "day"))
    now_running = [session("bridging", NOW - timedelta(minutes=10), SessionStatus.IN_PROGRESS)]
    assert day_facts(daily, now_running, NOW).session_running
    left_by_a_crash = [session("bridging", NOW - timedelta(hours=5), SessionStatus.IN_PROGRESS)]
    assert not day_facts(daily, left_by_a_crash, NOW).session_running


def test_the_routine_is_the_one_last_completed_else_one_that_suggests_times() -> None:
    bridging = routine("bridging", Frequency(1, "day"))
    piriformis = routine("piriformis", Frequency(3, "day"))
    evening = routine("evening", Frequency(1, "week"), remind_at=(time(18, 0),))
    morning = routine("morning", Frequency(2, "day"), remind_at=(time(8, 0),))
    everything = [bridging, piriformis, evening, morning]
    recent = [
        session("piriformis", at(12, 9), SessionStatus.ENDED_EARLY),
        session("bridging", at(11, 9)),
    ]
    assert reminder_routine(everything, recent) is bridging
    assert reminder_routine(everything, []) is morning
    assert reminder_routine([bridging, evening], []) is evening
    # Never done and none suggests times: no guess.
    assert reminder_routine([bridging, piriformis], []) is None
    # Finished with part skipped: still the routine the person does.
    partly = [recent[0], session("piriformis", at(12, 8), SessionStatus.PARTLY_DONE), recent[1]]
    assert reminder_routine(everything, partly) is piriformis


def test_a_replaced_routines_sessions_count_for_the_new_one() -> None:
    week_3 = routine("week-3", Frequency(2, "day"), replaces=("week-2",))
    recent = [session("week-2", at(12, 8))]
    assert reminder_routine([week_3], recent) is week_3
    assert day_facts(week_3, recent, NOW).sessions_done == 1


def test_no_routine_means_no_frequency() -> None:
    facts = day_facts(None, [], NOW)
    assert (facts.sessions_due, facts.routine_id, facts.routine_title) == (0, None, None)
