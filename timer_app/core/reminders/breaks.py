"""Standing breaks: after 25 minutes (15-60) of continuous computer use, stand up.

They have their own switch (`breaks_enabled`), apart from the session reminders'.

`BreakClock` is fed observations on an injected monotonic clock (seconds): how
long the desktop says the person has been idle, or None where the desktop cannot
tell (then use counts from `restart`, the last session's end). Time away resets
the count: idle of 5 minutes or more, a lock or a suspend (`away`), or a silence
between observations that long (the process was asleep with the computer). The
runtime observes at `next_wakeup`, at least once a minute while someone is
counted as at the computer, so an absence is seen while it lasts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from timer_app.core.describe import Translate, english
from timer_app.core.reminders.schedule import (
    Reminder,
    ReminderKind,
    ReminderSettings,
    in_quiet_hours,
)
from timer_app.core.reminders.words import break_body, break_title, break_why

IDLE_RESET = 5 * 60.0  # away this long: the next sitting starts from zero
CHECK_EVERY = 60.0
BREAK_LENGTH = 60.0  # "walk for a minute": this long away after a reminder is a break taken
SNOOZE = 15 * 60.0
MIN_MINUTES, MAX_MINUTES = 15, 60


def clamp_minutes(minutes: int) -> int:
    """Break minutes kept to what the setting allows (15-60)."""
    return max(MIN_MINUTES, min(MAX_MINUTES, minutes))


@dataclass
class BreakClock:
    use_started: float | None = None  # start of this sitting; None: nobody at the computer
    last_seen: float | None = None  # the last observation
    shown_at: float | None = None  # a break reminder shown and not yet taken
    snoozed_until: float | None = None
    snooze_used: bool = False

    def observe(self, now: float, idle_seconds: float | None) -> bool:
        """Take in what the desktop says; True when this shows a break was just taken."""
        silent = self.last_seen is not None and now - self.last_seen >= IDLE_RESET
        self.last_seen = now
        idle = 0.0 if idle_seconds is None else max(0.0, idle_seconds)
        taken = self.shown_at is not None and (silent or idle >= BREAK_LENGTH)
        if silent or idle >= IDLE_RESET or taken:
            self._reset()
            # Back at the computer already: this sitting began when the idle ended.
            if idle < BREAK_LENGTH:
                self.use_started = now - idle
            return taken
        if self.use_started is None:
            self.use_started = now - idle
        return False

    def away(self, now: float) -> bool:
        """The screen was locked or the computer suspended: the count starts again.

        True when that was a break taken after a reminder.
        """
        taken = self.shown_at is not None
        self.last_seen = now
        self._reset()
        return taken

    def restart(self, now: float, *, started: float | None = None) -> None:
        """A sitting starts (without an idle source: at the end of a session).

        `started`: when it began, if earlier than `now` (a session's end learnt late).
        """
        self._reset()
        self.use_started = now if started is None else min(now, started)
        self.last_seen = now

    def due(
        self,
        now: float,
        wall: datetime,
        settings: ReminderSettings,
        *,
        translate: Translate = english,
    ) -> Reminder | None:
        """The break reminder to show now (`wall` is now on the wall clock), or None."""
        if not settings.breaks_enabled or self.use_started is None:
            return None
        if in_quiet_hours(wall, settings):
            return None
        deadline = self._deadline(settings)
        if deadline is None or now < deadline:
            return None
        minutes = clamp_minutes(settings.break_minutes)
        return Reminder(
            kind=ReminderKind.BREAK,
            at=wall,
            routine_id=None,
            title=break_title(translate),
            body=break_body(minutes, translate),
            why=break_why(minutes, self.snoozed_until is not None, translate),
            key=(wall.date().isoformat(), "break " + wall.strftime("%H:%M")),
        )

    def shown(self, now: float) -> None:
        """A break reminder is on the screen; ignored, the next comes after another sitting."""
        self.shown_at = now
        self.snoozed_until = None
        self.use_started = now

    def snooze(self, now: float) -> None:
        """ "In 15 minutes": once per sitting; a second one waits for a whole sitting."""
        self.shown_at = None
        if self.snooze_used:
            self.snoozed_until = None
            self.use_started = now
            return
        self.snooze_used = True
        self.snoozed_until = now + SNOOZE

    def next_wakeup(self, now: float, settings: ReminderSettings) -> float | None:
        """When the runtime should observe next (monotonic), or None while breaks are off."""
        if not settings.breaks_enabled:
            return None
        check = now + CHECK_EVERY
        deadline = self._deadline(settings)
        return check if deadline is None else max(now, min(check, deadline))

    def _deadline(self, settings: ReminderSettings) -> float | None:
        if self.snoozed_until is not None:
            return self.snoozed_until
        if self.use_started is None:
            return None
        return self.use_started + clamp_minutes(settings.break_minutes) * 60.0

    def _reset(self) -> None:
        self.use_started = None
        self.shown_at = None
        self.snoozed_until = None
        self.snooze_used = False


def one_at_a_time(session: Reminder | None, standing: Reminder | None) -> Reminder | None:
    """One notification, never two: a session due now also gets the patient up."""
    return session if session is not None else standing
