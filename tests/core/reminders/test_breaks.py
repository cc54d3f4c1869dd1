"""Standing breaks on a fake monotonic clock: what a person at a computer would see."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from timer_app.core.reminders.breaks import BreakClock, clamp_minutes, one_at_a_time
from timer_app.core.reminders.schedule import Reminder, ReminderKind, ReminderSettings

LONDON = ZoneInfo("Europe/London")
ON = ReminderSettings(enabled=True, breaks_enabled=True)
MIN = 60.0


def wall(minutes: float) -> datetime:
    """The wall clock `minutes` after 10:00 on a Tuesday in London."""
    return datetime(2026, 3, 10, 10, 0, tzinfo=LONDON).replace(
        hour=10 + int(minutes) // 60, minute=int(minutes) % 60
    )


def use(clock: BreakClock, start: float, end: float, idle: float = 0.0) -> bool:
    """Observe once a minute from `start` to `end` minutes, busy; True if a break was taken."""
    taken = False
    minute = start
    while minute <= end:
        taken = clock.observe(minute * MIN, idle) or taken
        minute += 1
    return taken


def test_due_after_25_minutes_of_continuous_use_not_before() -> None:
    clock = BreakClock()
    use(clock, 0, 24)
    assert clock.due(24 * MIN, wall(24), ON) is None
    assert clock.next_wakeup(24 * MIN, ON) == 25 * MIN
    use(clock, 25, 25)
    reminder = clock.due(25 * MIN, wall(25), ON)
    assert reminder is not None
    assert reminder.kind is ReminderKind.BREAK
    assert reminder.title == "Stand up and walk for a minute"
    assert reminder.body == "You have been at the computer for 25 minutes."
    assert reminder.why == "25 minutes of computer use without 5 minutes away"


def test_breaks_are_off_by_default_and_follow_the_setting() -> None:
    clock = BreakClock()
    use(clock, 0, 60)
    assert clock.due(60 * MIN, wall(60), ReminderSettings(enabled=True)) is None
    assert clock.next_wakeup(60 * MIN, ReminderSettings(enabled=True)) is None
    # Their own switch: breaks without session reminders.
    only_breaks = ReminderSettings(enabled=False, breaks_enabled=True)
    assert clock.due(60 * MIN, wall(60), only_breaks) is not None
    forty = ReminderSettings(enabled=True, breaks_enabled=True, break_minutes=40)
    fresh = BreakClock()
    use(fresh, 0, 39)
    assert fresh.due(39 * MIN, wall(39), forty) is None
    use(fresh, 40, 40)
    assert fresh.due(40 * MIN, wall(40), forty) is not None


def test_break_minutes_are_kept_between_15_and_60() -> None:
    assert [clamp_minutes(m) for m in (5, 15, 25, 60, 90)] == [15, 15, 25, 60, 60]


def test_five_minutes_idle_resets_the_count_and_less_does_not() -> None:
    clock = BreakClock()
    use(clock, 0, 20)
    clock.observe(24 * MIN, 4 * MIN)  # four minutes reading, mouse untouched
    use(clock, 25, 25)
    assert clock.due(25 * MIN, wall(25), ON) is not None

    clock = BreakClock()
    use(clock, 0, 20)
    clock.observe(26 * MIN, 5 * MIN)  # away five minutes
    use(clock, 27, 45)
    assert clock.due(45 * MIN, wall(45), ON) is None
    use(clock, 46, 52)
    assert clock.due(52 * MIN, wall(52), ON) is not None  # 26 + 25 = 51


def test_a_lock_or_suspend_resets_the_count() -> None:
    clock = BreakClock()
    use(clock, 0, 20)
    clock.away(20 * MIN)
    use(clock, 21, 40)
    assert clock.due(40 * MIN, wall(40), ON) is None
    # A silence as long as the idle limit (the process slept with the computer).
    clock = BreakClock()
    use(clock, 0, 20)
    use(clock, 30, 50)
    assert clock.due(50 * MIN, wall(50), ON) is None
    use(clock, 51, 55)
    assert clock.due(55 * MIN, wall(55), ON) is not None


def test_quiet_hours_apply() -> None:
    clock = BreakClock()
    use(clock, 0, 30)
    late = datetime(2026, 3, 10, 22, 15, tzinfo=LONDON)
    assert clock.due(30 * MIN, late, ON) is None
    evening = ReminderSettings(
        enabled=True, breaks_enabled=True, quiet_start=time(23, 0), quiet_end=time(7, 0)
    )
    assert clock.due(30 * MIN, late, evening) is not None


def test_shown_once_then_another_whole_sitting_if_ignored() -> None:
    clock = BreakClock()
    use(clock, 0, 25)
    assert clock.due(25 * MIN, wall(25), ON) is not None
    clock.shown(25 * MIN)
    assert clock.due(25 * MIN, wall(25), ON) is None
    assert not use(clock, 26, 49)  # kept typing: not a break
    assert clock.due(49 * MIN, wall(49), ON) is None
    use(clock, 50, 50)
    assert clock.due(50 * MIN, wall(50), ON) is not None


def test_a_minute_away_after_the_reminder_is_a_break_taken() -> None:
    clock = BreakClock()
    use(clock, 0, 25)
    clock.shown(25 * MIN)
    assert clock.observe(27 * MIN, 1.5 * MIN)
    assert not clock.observe(28 * MIN, 0)  # counted once
    use(clock, 29, 52)
    assert clock.due(52 * MIN, wall(52), ON) is None
    use(clock, 53, 53)
    assert clock.due(53 * MIN, wall(53), ON) is not None  # a new sitting from 28
    # A lock after the reminder is a break taken too; without one it is not.
    clock.shown(53 * MIN)
    assert clock.away(54 * MIN)
    assert not clock.away(55 * MIN)


def test_snooze_once_then_it_waits_for_a_whole_sitting() -> None:
    clock = BreakClock()
    use(clock, 0, 25)
    clock.shown(25 * MIN)
    clock.snooze(25 * MIN)
    use(clock, 26, 39)
    assert clock.due(39 * MIN, wall(39), ON) is None
    use(clock, 40, 40)
    again = clock.due(40 * MIN, wall(40), ON)
    assert again is not None and again.why == "you asked to be reminded again"
    clock.shown(40 * MIN)
    clock.snooze(40 * MIN)
    use(clock, 41, 64)
    assert clock.due(64 * MIN, wall(64), ON) is None
    use(clock, 65, 65)
    assert clock.due(65 * MIN, wall(65), ON) is not None


def test_without_an_idle_source_a_sitting_counts_from_the_last_session() -> None:
    clock = BreakClock()
    clock.restart(0)
    for minute in range(1, 25):
        clock.observe(minute * MIN, None)
    assert clock.due(24 * MIN, wall(24), ON) is None
    clock.observe(25 * MIN, None)
    assert clock.due(25 * MIN, wall(25), ON) is not None


def test_a_session_reminder_and_a_break_due_together_make_one_notification() -> None:
    session = Reminder(ReminderKind.SESSION, wall(0), "bridging", "Time", "", "why")
    standing = Reminder(ReminderKind.BREAK, wall(0), None, "Stand", "", "why")
    assert one_at_a_time(session, standing) is session
    assert one_at_a_time(None, standing) is standing
    assert one_at_a_time(None, None) is None
