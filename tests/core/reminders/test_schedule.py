"""Every session-reminder rule, on explicit aware datetimes in real zones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from timer_app.core.reminders.schedule import (
    DayFacts,
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderState,
    due_now,
    in_quiet_hours,
    mark_shown,
    next_reminders,
    snooze,
    with_suggested_times,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")

TWICE = ReminderSettings(enabled=True, times=(time(8, 0), time(18, 30)))
NOTHING_DONE = DayFacts(
    sessions_due=2,
    sessions_done=0,
    session_running=False,
    routine_id="knee-to-chest",
    routine_title="knee-to-chest",
    routine_minutes=4,
)


def at(zone: ZoneInfo, *fields: int, fold: int = 0) -> datetime:
    return datetime(*fields, tzinfo=zone, fold=fold)  # type: ignore[misc]


def times_of(reminders: list[Reminder]) -> list[str]:
    return [r.at.strftime("%a %d %H:%M %Z") for r in reminders]


def test_the_next_reminders_are_the_patients_times_with_what_and_why() -> None:
    # Tuesday 10 March 2026, 07:00 in London.
    found = next_reminders(at(LONDON, 2026, 3, 10, 7, 0), TWICE, NOTHING_DONE, ReminderState())
    assert times_of(found) == [
        "Tue 10 08:00 GMT",
        "Tue 10 18:30 GMT",
        "Wed 11 08:00 GMT",
        "Wed 11 18:30 GMT",
        "Thu 12 08:00 GMT",
    ]
    first = found[0]
    assert first.kind is ReminderKind.SESSION
    assert first.routine_id == "knee-to-chest"
    assert first.title == "Time for your knee-to-chest session"
    assert first.body == "about 4 min"
    assert first.why == "08:00 is one of your reminder times; 2 sessions still to do today"


def test_reminders_off_means_nothing_planned_and_nothing_due() -> None:
    off = replace(TWICE, enabled=False)
    now = at(LONDON, 2026, 3, 10, 8, 0)
    assert next_reminders(now, off, NOTHING_DONE, ReminderState()) == []
    assert due_now(now, off, NOTHING_DONE, ReminderState(), last_check=None) is None


def test_already_done_today_means_no_reminder_until_tomorrow() -> None:
    done = replace(NOTHING_DONE, sessions_done=2)
    now = at(LONDON, 2026, 3, 10, 18, 30)
    assert due_now(now, TWICE, done, ReminderState(), last_check=now - timedelta(hours=1)) is None
    found = next_reminders(now, TWICE, done, ReminderState(), limit=1)
    assert times_of(found) == ["Wed 11 08:00 GMT"]


def test_a_session_done_before_the_first_time_answers_that_time_only() -> None:
    one_done = replace(NOTHING_DONE, sessions_done=1)
    now = at(LONDON, 2026, 3, 10, 7, 30)
    found = next_reminders(now, TWICE, one_done, ReminderState(), limit=2)
    assert times_of(found) == ["Tue 10 18:30 GMT", "Wed 11 08:00 GMT"]
    assert found[0].why == "18:30 is one of your reminder times; 1 session still to do today"
    # Another day assumes nothing done yet.
    assert found[1].why == "08:00 is one of your reminder times; 2 sessions to do that day"
    eight = at(LONDON, 2026, 3, 10, 8, 0)
    assert due_now(eight, TWICE, one_done, ReminderState(), last_check=now) is None


def test_a_routine_without_a_frequency_asks_for_one_session_a_time() -> None:
    unknown = replace(NOTHING_DONE, sessions_due=0, sessions_done=1)
    now = at(LONDON, 2026, 3, 10, 7, 30)
    found = next_reminders(now, TWICE, unknown, ReminderState(), limit=1)
    assert times_of(found) == ["Tue 10 18:30 GMT"]
    assert found[0].why == "18:30 is one of your reminder times; your second session today"


def test_only_the_chosen_days() -> None:
    weekdays = replace(TWICE, days=frozenset(range(5)))
    friday_evening = at(LONDON, 2026, 3, 13, 19, 0)
    found = next_reminders(friday_evening, weekdays, NOTHING_DONE, ReminderState(), limit=2)
    assert times_of(found) == ["Mon 16 08:00 GMT", "Mon 16 18:30 GMT"]


def test_due_at_its_time_once_and_not_before() -> None:
    state = ReminderState()
    before = at(LONDON, 2026, 3, 10, 7, 59, 59)
    assert due_now(before, TWICE, NOTHING_DONE, state, last_check=None) is None
    now = at(LONDON, 2026, 3, 10, 8, 0, 0)
    reminder = due_now(now, TWICE, NOTHING_DONE, state, last_check=before)
    assert reminder is not None and reminder.key == ("2026-03-10", "08:00")
    state = mark_shown(state, reminder)
    assert due_now(now, TWICE, NOTHING_DONE, state, last_check=before) is None
    later = now + timedelta(minutes=1)
    assert due_now(later, TWICE, NOTHING_DONE, state, last_check=now) is None
    assert times_of(next_reminders(later, TWICE, NOTHING_DONE, state, limit=1)) == [
        "Tue 10 18:30 GMT"
    ]


def test_none_while_a_session_runs_and_not_replayed_after_it() -> None:
    running = replace(NOTHING_DONE, session_running=True)
    start = at(LONDON, 2026, 3, 10, 7, 55)
    eight = at(LONDON, 2026, 3, 10, 8, 0)
    assert due_now(eight, TWICE, running, ReminderState(), last_check=start) is None
    # The session ended early at 08:10 (nothing counted): the 08:00 reminder was
    # passed over while it ran, and does not pop up now.
    ended = at(LONDON, 2026, 3, 10, 8, 10)
    assert due_now(ended, TWICE, NOTHING_DONE, ReminderState(), last_check=eight) is None


def test_snooze_once_then_it_waits_for_the_next_time() -> None:
    eight = at(LONDON, 2026, 3, 10, 8, 0)
    reminder = due_now(eight, TWICE, NOTHING_DONE, ReminderState(), last_check=None)
    assert reminder is not None
    state = snooze(ReminderState(), reminder, eight)
    assert state.snoozed_until == at(LONDON, 2026, 3, 10, 8, 15)
    assert due_now(eight, TWICE, NOTHING_DONE, state, last_check=eight) is None
    ten_past = at(LONDON, 2026, 3, 10, 8, 10)
    assert due_now(ten_past, TWICE, NOTHING_DONE, state, last_check=eight) is None
    planned = next_reminders(ten_past, TWICE, NOTHING_DONE, state, limit=2)
    assert times_of(planned) == ["Tue 10 08:15 GMT", "Tue 10 18:30 GMT"]
    assert planned[0].why.startswith("you asked to be reminded again (08:00 reminder)")

    quarter_past = at(LONDON, 2026, 3, 10, 8, 15)
    again = due_now(quarter_past, TWICE, NOTHING_DONE, state, last_check=ten_past)
    assert again is not None and again.key == reminder.key
    assert again.at == quarter_past
    # A second "In 15 minutes" is not a snooze any more: the next is 18:30.
    state = snooze(state, again, quarter_past)
    assert state.snoozed_until is None
    half_past = at(LONDON, 2026, 3, 10, 8, 30)
    assert due_now(half_past, TWICE, NOTHING_DONE, state, last_check=quarter_past) is None
    assert times_of(next_reminders(half_past, TWICE, NOTHING_DONE, state, limit=1)) == [
        "Tue 10 18:30 GMT"
    ]


def test_a_snooze_is_dropped_once_the_session_is_done() -> None:
    eight = at(LONDON, 2026, 3, 10, 8, 0)
    reminder = due_now(eight, TWICE, NOTHING_DONE, ReminderState(), last_check=None)
    assert reminder is not None
    state = snooze(ReminderState(), reminder, eight)
    one_done = replace(NOTHING_DONE, sessions_done=1)
    quarter_past = at(LONDON, 2026, 3, 10, 8, 15)
    assert due_now(quarter_past, TWICE, one_done, state, last_check=eight) is None
    assert times_of(next_reminders(eight, TWICE, one_done, state, limit=1)) == ["Tue 10 18:30 GMT"]


def test_quiet_hours_span_midnight_and_keep_their_times_silent() -> None:
    settings = ReminderSettings(enabled=True, times=(time(7, 0), time(12, 0), time(22, 30)))
    assert in_quiet_hours(at(LONDON, 2026, 3, 10, 23, 59), settings)
    assert in_quiet_hours(at(LONDON, 2026, 3, 10, 0, 30), settings)
    assert in_quiet_hours(at(LONDON, 2026, 3, 10, 21, 0), settings)
    assert not in_quiet_hours(at(LONDON, 2026, 3, 10, 8, 0), settings)
    facts = replace(NOTHING_DONE, sessions_due=3)
    found = next_reminders(at(LONDON, 2026, 3, 10, 6, 0), settings, facts, ReminderState(), limit=2)
    assert times_of(found) == ["Tue 10 12:00 GMT", "Wed 11 12:00 GMT"]
    for moment in (at(LONDON, 2026, 3, 10, 7, 0), at(LONDON, 2026, 3, 10, 22, 30)):
        assert due_now(moment, settings, facts, ReminderState(), last_check=None) is None
    # Quiet hours set to the same start and end: there are none.
    none = replace(settings, quiet_start=time(0, 0), quiet_end=time(0, 0))
    assert not in_quiet_hours(at(LONDON, 2026, 3, 10, 3, 0), none)


def test_a_snooze_into_quiet_hours_is_dropped() -> None:
    settings = ReminderSettings(enabled=True, times=(time(20, 50),))
    facts = replace(NOTHING_DONE, sessions_due=1)
    ten_to_nine = at(LONDON, 2026, 3, 10, 20, 50)
    reminder = due_now(ten_to_nine, settings, facts, ReminderState(), last_check=None)
    assert reminder is not None
    state = snooze(ReminderState(), reminder, ten_to_nine)
    five_past = at(LONDON, 2026, 3, 10, 21, 5)
    assert due_now(five_past, settings, facts, state, last_check=ten_to_nine) is None
    assert times_of(next_reminders(ten_to_nine, settings, facts, state, limit=1)) == [
        "Wed 11 20:50 GMT"
    ]


def test_asleep_across_two_times_shows_one_reminder_on_waking_never_replayed() -> None:
    settings = ReminderSettings(enabled=True, times=(time(8, 0), time(12, 0), time(18, 30)))
    facts = replace(NOTHING_DONE, sessions_due=3)
    went_to_sleep = at(LONDON, 2026, 3, 10, 7, 30)
    woke = at(LONDON, 2026, 3, 10, 13, 0)
    reminder = due_now(woke, settings, facts, ReminderState(), last_check=went_to_sleep)
    assert reminder is not None and reminder.key == ("2026-03-10", "12:00")
    assert reminder.at == at(LONDON, 2026, 3, 10, 12, 0)
    state = mark_shown(ReminderState(), reminder)
    assert due_now(woke, settings, facts, state, last_check=went_to_sleep) is None
    a_minute_on = woke + timedelta(minutes=1)
    assert due_now(a_minute_on, settings, facts, state, last_check=woke) is None


def test_asleep_overnight_shows_nothing_from_yesterday() -> None:
    evening = at(LONDON, 2026, 3, 10, 18, 0)
    next_morning = at(LONDON, 2026, 3, 11, 7, 45)
    assert due_now(next_morning, TWICE, NOTHING_DONE, ReminderState(), last_check=evening) is None
    # Asleep past this morning's time: shown once on waking, the day is not over.
    late = at(LONDON, 2026, 3, 11, 9, 30)
    reminder = due_now(late, TWICE, NOTHING_DONE, ReminderState(), last_check=evening)
    assert reminder is not None and reminder.key == ("2026-03-11", "08:00")


def test_asleep_through_a_time_that_is_already_done_shows_nothing() -> None:
    one_done = replace(NOTHING_DONE, sessions_done=1)
    went_to_sleep = at(LONDON, 2026, 3, 10, 7, 30)
    woke = at(LONDON, 2026, 3, 10, 9, 0)
    assert due_now(woke, TWICE, one_done, ReminderState(), last_check=went_to_sleep) is None


def test_spring_forward_a_time_in_the_missing_hour_fires_once_just_after_it() -> None:
    # New York, Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    settings = ReminderSettings(
        enabled=True, times=(time(2, 30),), quiet_start=time(0, 0), quiet_end=time(0, 0)
    )
    facts = replace(NOTHING_DONE, sessions_due=1)
    before = at(NEW_YORK, 2026, 3, 8, 1, 0)
    found = next_reminders(before, settings, facts, ReminderState(), limit=2)
    assert times_of(found) == ["Sun 08 03:30 EDT", "Mon 09 02:30 EDT"]
    assert found[0].at.astimezone(UTC) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    just_after = at(NEW_YORK, 2026, 3, 8, 3, 31)
    reminder = due_now(just_after, settings, facts, ReminderState(), last_check=before)
    assert reminder is not None and reminder.key == ("2026-03-08", "02:30")
    state = mark_shown(ReminderState(), reminder)
    four = at(NEW_YORK, 2026, 3, 8, 4, 0)
    assert due_now(four, settings, facts, state, last_check=just_after) is None


def test_spring_forward_in_london() -> None:
    # London, Sunday 29 March 2026: 01:00 GMT jumps to 02:00 BST.
    settings = ReminderSettings(
        enabled=True, times=(time(1, 30), time(8, 0)), quiet_start=time(0, 0), quiet_end=time(0, 0)
    )
    facts = replace(NOTHING_DONE, sessions_due=2)
    half_past_midnight = at(LONDON, 2026, 3, 29, 0, 30)
    found = next_reminders(half_past_midnight, settings, facts, ReminderState(), limit=2)
    assert times_of(found) == ["Sun 29 02:30 BST", "Sun 29 08:00 BST"]


def test_fall_back_a_time_in_the_repeated_hour_fires_once() -> None:
    # New York, Sunday 1 November 2026: 02:00 EDT goes back to 01:00 EST.
    settings = ReminderSettings(
        enabled=True, times=(time(1, 30),), quiet_start=time(0, 0), quiet_end=time(0, 0)
    )
    facts = replace(NOTHING_DONE, sessions_due=1)
    first_pass = at(NEW_YORK, 2026, 11, 1, 1, 30, fold=0)
    second_pass = at(NEW_YORK, 2026, 11, 1, 1, 30, fold=1)
    assert second_pass.astimezone(UTC) - first_pass.astimezone(UTC) == timedelta(hours=1)
    before = at(NEW_YORK, 2026, 11, 1, 0, 0)
    found = next_reminders(before, settings, facts, ReminderState(), limit=2)
    assert times_of(found) == ["Sun 01 01:30 EDT", "Mon 02 01:30 EST"]
    reminder = due_now(first_pass, settings, facts, ReminderState(), last_check=before)
    assert reminder is not None
    state = mark_shown(ReminderState(), reminder)
    # 01:10 EST comes after 01:30 EDT, though its wall clock reads earlier.
    between = at(NEW_YORK, 2026, 11, 1, 1, 10, fold=1)
    assert due_now(between, settings, facts, state, last_check=first_pass) is None
    found = next_reminders(between, settings, facts, state, limit=1)
    assert times_of(found) == ["Mon 02 01:30 EST"]
    assert due_now(second_pass, settings, facts, state, last_check=between) is None
    # A run started between the two passes (no check yet) shows it once, late.
    fresh = due_now(second_pass, settings, facts, ReminderState(), last_check=None)
    assert fresh is not None and fresh.key == ("2026-11-01", "01:30")


def test_times_follow_the_zone_the_patient_is_in_now() -> None:
    # 08:00 shown in London; the patient flies to New York the same day.
    state = ReminderState()
    london_eight = at(LONDON, 2026, 3, 10, 8, 0)
    reminder = due_now(london_eight, TWICE, NOTHING_DONE, state, last_check=None)
    assert reminder is not None
    state = mark_shown(state, reminder)
    landed = at(NEW_YORK, 2026, 3, 10, 7, 0)  # 11:00 in London
    found = next_reminders(landed, TWICE, NOTHING_DONE, state, limit=2)
    # Today's 08:00 was already shown, wherever it was: next is 18:30 New York time.
    assert times_of(found) == ["Tue 10 18:30 EDT", "Wed 11 08:00 EDT"]
    ny_eight = at(NEW_YORK, 2026, 3, 10, 8, 0)
    assert due_now(ny_eight, TWICE, NOTHING_DONE, state, last_check=landed) is None


def test_flying_east_a_time_skipped_by_the_change_is_not_replayed() -> None:
    # In New York at 05:00 (10:00 in London); the computer's zone becomes London.
    last = at(NEW_YORK, 2026, 3, 10, 5, 0)
    now = at(LONDON, 2026, 3, 10, 10, 1)
    assert due_now(now, TWICE, NOTHING_DONE, ReminderState(), last_check=last) is None
    assert times_of(next_reminders(now, TWICE, NOTHING_DONE, ReminderState(), limit=1)) == [
        "Tue 10 18:30 GMT"
    ]


def test_the_patients_own_times_win_over_the_routines() -> None:
    suggested = (time(7, 30),)
    assert with_suggested_times(TWICE, suggested).times == (time(8, 0), time(18, 30))
    assert with_suggested_times(ReminderSettings(), suggested).times == suggested


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        next_reminders(datetime(2026, 3, 10, 8, 0), TWICE, NOTHING_DONE, ReminderState())


def test_the_last_time_of_the_day_asks_for_every_session_still_due() -> None:
    # Twice a day, one reminder time: a morning session does not silence it.
    evening = ReminderSettings(enabled=True, times=(time(18, 30),))
    one_done = replace(NOTHING_DONE, sessions_done=1)
    found = next_reminders(at(LONDON, 2026, 3, 10, 12, 0), evening, one_done, ReminderState())
    assert found[0].at == at(LONDON, 2026, 3, 10, 18, 30)
    assert found[0].why == "18:30 is one of your reminder times; 1 session still to do today"
    both_done = replace(NOTHING_DONE, sessions_done=2)
    later = next_reminders(at(LONDON, 2026, 3, 10, 12, 0), evening, both_done, ReminderState())
    assert later[0].at == at(LONDON, 2026, 3, 11, 18, 30)


def test_with_no_routine_known_the_body_says_what_to_do_and_nothing_is_counted_ahead() -> None:
    """No routine known (never done, none suggests times): the notification says to
    open the app, not nothing; before any session, no 'session 2 of the day'."""
    unknown = DayFacts(0, 0, False, None, None, None)
    now = at(LONDON, 2026, 3, 10, 12, 0)
    found = next_reminders(now, TWICE, unknown, ReminderState(), limit=2)
    assert found[0].title == "Time for your exercises"
    assert found[0].body == "Open Home Exercise Timer to choose a routine."
    assert found[0].why == "18:30 is one of your reminder times; no session done yet today"
    assert found[1].why == "08:00 is one of your reminder times"  # tomorrow: nothing assumed
    shown = due_now(
        at(LONDON, 2026, 3, 10, 18, 30), TWICE, unknown, ReminderState(), last_check=now
    )
    assert shown is not None and shown.body == "Open Home Exercise Timer to choose a routine."


def test_each_reminder_says_what_is_left_today() -> None:
    three = replace(NOTHING_DONE, sessions_due=3)
    times = replace(TWICE, times=(time(8, 0), time(13, 0), time(18, 30)))
    morning = at(LONDON, 2026, 3, 10, 7, 0)
    whys = [
        r.why.split("; ")[1]
        for r in next_reminders(morning, times, three, ReminderState(), limit=3)
    ]
    assert whys == ["3 sessions still to do today"] * 3
    two_done = replace(three, sessions_done=2)
    found = next_reminders(morning, times, two_done, ReminderState(), limit=1)
    assert found[0].why == "18:30 is one of your reminder times; 1 session still to do today"
    free = replace(NOTHING_DONE, sessions_due=0, sessions_done=2)
    found = next_reminders(morning, times, free, ReminderState(), limit=1)
    assert found[0].why == "18:30 is one of your reminder times; your third session today"
