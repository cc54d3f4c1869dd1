"""Properties of the reminder schedule over any times, zones and wake-ups."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from timer_app.core.reminders.schedule import (
    DayFacts,
    ReminderSettings,
    ReminderState,
    due_now,
    mark_shown,
    next_reminders,
    snooze,
)

ZONES = [ZoneInfo("Europe/London"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")]
# Around both of 2026's clock changes in Europe and America, and an ordinary week.
STARTS = [
    datetime(2026, 3, 7, 12, tzinfo=UTC),
    datetime(2026, 3, 27, 12, tzinfo=UTC),
    datetime(2026, 10, 24, 12, tzinfo=UTC),
    datetime(2026, 6, 10, 3, tzinfo=UTC),
]

wall_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
reminder_settings = st.builds(
    ReminderSettings,
    enabled=st.just(True),
    times=st.lists(wall_times, max_size=4).map(tuple),
    days=st.frozensets(st.integers(0, 6), min_size=1),
    quiet_start=wall_times,
    quiet_end=wall_times,
)
facts = st.builds(
    DayFacts,
    sessions_due=st.integers(0, 3),
    sessions_done=st.integers(0, 3),
    session_running=st.booleans(),
    routine_id=st.just("piriformis"),
    routine_title=st.just("piriformis"),
    routine_minutes=st.just(3),
)
# A wake-up: how long after the last one (seconds to a night asleep), in which
# zone the computer is now, and what the patient does with what is shown.
wake_ups = st.lists(
    st.tuples(
        st.integers(1, 14 * 3600),
        st.sampled_from(ZONES),
        st.sampled_from(["dismiss", "snooze"]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(reminder_settings, facts, st.sampled_from(STARTS), wake_ups)
def test_never_more_than_one_notification_due_at_once(
    chosen: ReminderSettings,
    day: DayFacts,
    start: datetime,
    steps: list[tuple[int, ZoneInfo, str]],
) -> None:
    state = ReminderState()
    now = start
    last: datetime | None = None
    shows: Counter[tuple[str, str]] = Counter()
    for gap, zone, answer in steps:
        now = (now + timedelta(seconds=gap)).astimezone(zone)
        reminder = due_now(now, chosen, day, state, last_check=last)
        if reminder is not None:
            shows[reminder.key] += 1
            if answer == "snooze":
                state = snooze(state, reminder, now)
            else:
                state = mark_shown(state, reminder)
            # Asked again at the same moment, nothing more is due: no pile.
            assert due_now(now, chosen, day, state, last_check=last) is None
        last = now
    # Each time is shown once, and once more at most after its one snooze.
    assert all(count <= 2 for count in shows.values())
    assert all(shows[key] <= 1 for key in shows if key not in state.snoozes_used)


@settings(max_examples=300, deadline=None)
@given(
    reminder_settings,
    facts,
    st.sampled_from(STARTS),
    st.integers(0, 7 * 24 * 3600),
    st.sampled_from(ZONES),
    st.one_of(st.none(), st.integers(1, 24 * 3600)),
)
def test_nothing_due_when_todays_sessions_are_done(
    chosen: ReminderSettings,
    day: DayFacts,
    start: datetime,
    offset: int,
    zone: ZoneInfo,
    since: int | None,
) -> None:
    done = DayFacts(
        sessions_due=max(1, day.sessions_due),
        sessions_done=max(1, day.sessions_due) + day.sessions_done,
        session_running=day.session_running,
        routine_id=day.routine_id,
        routine_title=day.routine_title,
        routine_minutes=day.routine_minutes,
    )
    now = (start + timedelta(seconds=offset)).astimezone(zone)
    last = None if since is None else now - timedelta(seconds=since)
    # Even with a snooze pending from earlier today.
    state = ReminderState(
        shown={(now.date().isoformat(), "00:00")},
        snoozed_until=now,
        snoozes_used={(now.date().isoformat(), "00:00")},
        snoozed=(now.date().isoformat(), "00:00"),
    )
    for pending in (ReminderState(), state):
        assert due_now(now, chosen, done, pending, last_check=last) is None
        upcoming = next_reminders(now, chosen, done, pending, limit=20)
        assert all(r.at.date() != now.date() for r in upcoming)
