"""What is due today, the conditions for the next stage, the flare-up window (explicit dates)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.core.programme.rules_support import (
    START,
    days,
    enrolment,
    programme,
    sessions_on,
)
from timer_app.core.programme.model import Advance
from timer_app.core.programme.rules import (
    ProgrammeSession,
    advance_check,
    due_now,
    flare_up_until,
    in_flare_up,
    stage_sessions,
)
from timer_app.core.routine import Frequency

DAY_14 = START + timedelta(days=13)  # the first stage's last planned day


def test_due_today_counts_the_stages_sessions_done_today_capped_at_its_frequency() -> None:
    today = START + timedelta(days=3)
    done = sessions_on([today], times=3) + sessions_on([today], routine="other")
    due = due_now(programme(), enrolment(), done, today)
    assert (due.period, due.due, due.done) == ("day", 2, 2)
    one = due_now(programme(), enrolment(), sessions_on([today]), today)
    assert one.done == 1
    yesterday_only = due_now(programme(), enrolment(), sessions_on([today - timedelta(1)]), today)
    assert yesterday_only.done == 0


def test_ended_early_sessions_do_not_count_as_done() -> None:
    today = START
    due = due_now(programme(), enrolment(), sessions_on([today], completed=False), today)
    assert due.done == 0


def test_a_weekly_stage_counts_this_monday_to_sunday() -> None:
    stage_start = START + timedelta(days=28)  # Monday, week 5
    sunday = stage_start + timedelta(days=6)
    done = sessions_on(
        [stage_start - timedelta(1), stage_start, stage_start + timedelta(2)], "strong"
    )
    due = due_now(programme(), enrolment(2, stage_start), done, sunday)
    assert (due.period, due.due, due.done) == ("week", 3, 2)


def test_a_stage_without_frequency_uses_the_routines_own_then_once_a_day() -> None:
    stage_start = START + timedelta(days=56)
    today = stage_start + timedelta(days=2)
    own = due_now(
        programme(), enrolment(3, stage_start), [], today, {"strong": Frequency(3, "day")}
    )
    assert own.due == 3
    assert due_now(programme(), enrolment(3, stage_start), [], today).due == 1


def test_stage_sessions_counts_from_the_stage_start_each_day_capped() -> None:
    # 14 days at 2x/day = 28 due; 3 a day for 10 days counts 20, not 30.
    done, due = stage_sessions(
        programme(), enrolment(), sessions_on(days(START, 10), times=3), DAY_14
    )
    assert (done, due) == (20, 28)
    # A session before the stage started is not the stage's.
    before, _ = stage_sessions(
        programme(), enrolment(), sessions_on([START - timedelta(1)]), DAY_14
    )
    assert before == 0


def test_a_start_dated_long_ago_counts_the_stages_last_planned_weeks() -> None:
    # Started a year back: "0 of 701 due; 561 needed" became the stage's 28.
    today = START + timedelta(days=365)
    check = advance_check(programme(), enrolment(), [], today)
    assert check.reasons == (
        "You did 0 of the 28 sessions due in this stage; 23 are needed to move on.",
    )
    # The two weeks just done count, and only they: the patient who caught up moves on.
    recent = sessions_on(days(today - timedelta(days=13), 14), times=2)
    old = sessions_on(days(START, 30), times=2)
    assert stage_sessions(programme(), enrolment(), recent + old, today) == (28, 28)
    assert advance_check(programme(), enrolment(), recent + old, today).ready


def test_ready_for_the_next_stage_with_80_percent_of_the_sessions_done() -> None:
    # 23 of 28 is 82 %: ready.
    done = sessions_on(days(START, 11), times=2) + sessions_on([START + timedelta(days=11)])
    check = advance_check(programme(), enrolment(), done, DAY_14)
    assert check.ready and check.reasons == ()
    assert (check.sessions_done, check.sessions_due) == (23, 28)
    assert not check.therapist_decides


def test_not_ready_says_how_many_sessions_were_done_and_needed() -> None:
    done = sessions_on(days(START, 10), times=2)  # 20 of 28: 23 needed
    check = advance_check(programme(), enrolment(), done, DAY_14)
    assert not check.ready
    assert check.reasons == (
        "You did 20 of the 28 sessions due in this stage; 23 are needed to move on.",
    )


def test_pain_after_above_the_limit_in_the_last_week_holds_the_stage() -> None:
    plenty = sessions_on(days(START, 13), times=2)
    sore = [ProgrammeSession(DAY_14, "gentle", True, pain_after=6)]
    check = advance_check(programme(pain_after_max=4), enrolment(), plenty + sore, DAY_14)
    assert not check.ready
    assert check.reasons == (
        "Your pain after a session this week was 6 out of 10; moving on needs it at 4 or less.",
    )
    # A sore day in the stage's first week is not held against it at the end.
    early = [ProgrammeSession(START, "gentle", True, pain_after=6)]
    assert advance_check(programme(pain_after_max=4), enrolment(), plenty + early, DAY_14).ready


def test_a_stop_because_pain_spread_holds_the_stage_when_the_file_asks() -> None:
    plenty = sessions_on(days(START, 14), times=2)
    spread = [ProgrammeSession(START + timedelta(3), "gentle", False, stopped_for_spread=True)]
    strict = advance_check(
        programme(no_stops_for_spread=True), enrolment(), plenty + spread, DAY_14
    )
    assert strict.reasons == (
        "You stopped an exercise in this stage because pain spread down your leg.",
    )
    assert advance_check(programme(), enrolment(), plenty + spread, DAY_14).ready


def test_the_last_stage_has_no_next_one() -> None:
    stage_start = START + timedelta(days=56)
    check = advance_check(programme(), enrolment(3, stage_start), [], stage_start)
    assert "This is the programme's last stage." in check.reasons


def test_advance_therapist_says_so_even_when_ready() -> None:
    plenty = sessions_on(days(START, 14), times=2)
    check = advance_check(programme(Advance.THERAPIST), enrolment(), plenty, DAY_14)
    assert check.ready and check.therapist_decides


def test_the_flare_up_window_is_the_therapists_days_inclusive() -> None:
    until = flare_up_until(programme(), date(2026, 3, 10))
    assert until == date(2026, 3, 12)  # 3 days by default: the 10th, 11th and 12th
    during = enrolment(flare_up_until=until)
    assert in_flare_up(during, date(2026, 3, 12))
    assert not in_flare_up(during, date(2026, 3, 13))
    assert not in_flare_up(enrolment(), date(2026, 3, 12))


def test_no_next_stage_during_a_flare_up() -> None:
    plenty = sessions_on(days(START, 14), times=2)
    check = advance_check(programme(), enrolment(flare_up_until=DAY_14), plenty, DAY_14)
    assert check.reasons == (f"You are following your flare-up plan until {DAY_14.isoformat()}.",)
