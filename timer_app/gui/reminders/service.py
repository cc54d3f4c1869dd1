"""The reminder runtime: wake at the next reminder, show it, answer its buttons.

At each wake-up it reads what is true now (settings, today's sessions: the
caller's `read_inputs`), asks the core schedule what is due (`due_now`; standing
breaks from `BreakClock`), shows at most one notification, and arms the waker
for the next moment anything can happen (`next_reminders`, the break clock's
next check). Between wake-ups nothing runs.

A reminder due while the desktop says "not now" (do not disturb, a full-screen
window) is held and offered again every `HOLD_RETRY` while it is still due
today; never shown twice. **Start** asks the host to open the routine's ready
screen (`sig_open_routine`); **In 15 minutes** snoozes once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from timer_app.core.clock import boot_clock
from timer_app.core.reminders.breaks import BreakClock, one_at_a_time
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
)
from timer_app.gui.reminders.idle import IdleSource
from timer_app.gui.reminders.notifier import SNOOZE, START, Notifier
from timer_app.gui.reminders.waker import Waker
from timer_app.gui.translation import translate
from timer_app.storage.reminder_state import load_reminder_state, save_reminder_state

if TYPE_CHECKING:  # the background process reads them in a child (inputs_child.py)
    from timer_app.storage.reminder_inputs import ReminderInputs

log = logging.getLogger(__name__)

HOLD_RETRY = timedelta(minutes=5)


class Inputs(Protocol):
    """What is read at a wake-up: `ReminderInputs`, or the child's `inputs_child.Inputs`."""

    @property
    def settings(self) -> ReminderSettings: ...

    @property
    def facts(self) -> DayFacts: ...


ReadInputs = Callable[[datetime], Inputs]
_translate = translate  # core words carry their own contexts; Qt looks them up


class ReminderService(QObject):
    """`start()` plans the first wake-up; `replan()` after anything changed."""

    sig_open_routine = Signal(str)  # Start: the routine's id, "" when none is known
    sig_shown = Signal(object)  # the Reminder just shown (for the log and tests)

    def __init__(
        self,
        *,
        read_inputs: ReadInputs,
        notifier: Notifier,
        waker: Waker,
        now: Callable[[], datetime],
        monotonic: Callable[[], float] | None = None,
        idle: IdleSource | None = None,
        record_break: Callable[[datetime], None] | None = None,
        state_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_inputs = read_inputs
        self._notifier = notifier
        self._waker = waker
        self._now = now
        # The boot clock, not time.monotonic: it keeps counting while the laptop
        # sleeps, so a night suspended is time away for the standing-break count.
        self._monotonic = monotonic or boot_clock().read
        self._idle = idle
        self._record_break = record_break
        # What was shown today and the snooze outlive this process (a login, a
        # crash): kept in `state_file` when given, else only in memory (tests).
        self._state_file = state_file
        self._state = ReminderState() if state_file is None else load_reminder_state(state_file)
        if self._state.snoozed_until is not None:
            log.info("a reminder put off before a restart: back at %s", self._state.snoozed_until)
        self._started_mono = 0.0
        self._breaks = BreakClock()
        self._last_check: datetime | None = None
        self._held: Reminder | None = None
        self._on_screen: Reminder | None = None
        self.next_wake: datetime | None = None
        # Inputs are read again only when something can have changed them: a
        # reminder's moment (a session may have been done since), another day,
        # `invalidate()` (the settings file changed). Not at each standing-break check.
        self._inputs: Inputs | None = None
        self._read_again_at: datetime | None = None
        self._session_end_seen: datetime | None = None
        waker.sig_wake.connect(self.replan)
        notifier.sig_action.connect(self._on_action)

    def start(self) -> None:
        self._started_mono = self._monotonic()
        if self._idle is None:  # nothing tells idle time: sittings start now
            self._breaks.restart(self._started_mono)
        self.replan()

    def invalidate(self) -> None:
        """The settings (or anything read) changed: read again and re-plan."""
        self._inputs = None
        self.replan()

    def replan(self) -> None:
        now = self._now()
        inputs = self._current_inputs(now)
        if inputs is None:
            self._arm(now + HOLD_RETRY)
            return
        due = self._due(now, inputs)
        if due is not None:
            self._show(due, now, inputs.settings)
        wake, read_again = self._next_wake(now, inputs)
        self._read_again_at = read_again
        self._arm(wake)

    def _current_inputs(self, now: datetime) -> Inputs | None:
        cached, again = self._inputs, self._read_again_at
        stale = (
            cached is None
            or (again is not None and now.timestamp() >= again.timestamp())
            or (self._last_check is not None and now.date() != self._last_check.date())
        )
        if not stale:
            return cached
        try:
            self._inputs = self._read_inputs(now)
        except Exception:  # a reminder is never worth a crash of the process
            log.warning("reminder inputs not read; trying again later", exc_info=True)
            self._inputs = None
            return None
        self._follow_sessions(self._inputs)
        return self._inputs

    def _follow_sessions(self, inputs: Inputs) -> None:
        """What the history says changed: a session running takes our reminder
        away; a session that just ended starts a new sitting where the desktop
        cannot tell idle time (the count starts at the end of the last session)."""
        if inputs.facts.session_running and self._on_screen is not None:
            self._notifier.close()
            self._on_screen = None
        ended: datetime | None = getattr(inputs, "last_session_end", None)
        seen = self._session_end_seen
        if ended is None or (seen is not None and ended.timestamp() <= seen.timestamp()):
            return
        self._session_end_seen = ended
        if self._idle is not None:
            return
        # The sitting counts from the session's end, however late the history was
        # read (30 s after the writes pause, or at the next reminder's moment), but
        # never from before this process started (the login), nor from before a
        # sitting already begun later (a break reminder shown since).
        mono = self._monotonic()
        ago = max(0.0, self._now().timestamp() - ended.timestamp())
        began = max(self._started_mono, mono - ago)
        current = self._breaks.use_started
        if current is None or began > current:
            self._breaks.restart(mono, started=began)

    # -- what is due ---------------------------------------------------------------
    def _due(self, now: datetime, inputs: Inputs) -> Reminder | None:
        settings, facts = inputs.settings, inputs.facts
        session = due_now(
            now, settings, facts, self._state, last_check=self._last_check, translate=_translate
        )
        self._last_check = now
        standing = self._break_due(now, settings, inputs)
        held, self._held = self._held, None
        if held is not None and not self._still_useful(held, now, inputs):
            held = None
        return one_at_a_time(session or held, standing)

    def _break_due(
        self, now: datetime, settings: ReminderSettings, inputs: Inputs
    ) -> Reminder | None:
        if not settings.breaks_enabled or inputs.facts.session_running:
            return None
        mono = self._monotonic()
        idle = self._idle.idle_seconds() if self._idle is not None else None
        if self._breaks.observe(mono, idle) and self._record_break is not None:
            # A minute away after a break reminder: counted on the History page.
            self._record_break(now)
        return self._breaks.due(mono, now, settings, translate=_translate)

    def _still_useful(self, held: Reminder, now: datetime, inputs: Inputs) -> bool:
        facts = inputs.facts
        if held.kind is ReminderKind.BREAK:
            return inputs.settings.breaks_enabled
        return (
            inputs.settings.enabled
            and held.key[0] == now.date().isoformat()
            and not facts.session_running
            and not in_quiet_hours(now, inputs.settings)
            and (facts.sessions_due == 0 or facts.sessions_done < facts.sessions_due)
        )

    # -- showing -------------------------------------------------------------------
    def _show(self, reminder: Reminder, now: datetime, settings: ReminderSettings) -> None:
        quiet = self._notifier.quiet_reason()
        if quiet is not None:
            log.info("reminder held: %s", quiet)
            self._held = reminder
            return
        # A break has nothing to start; each is snoozed once at most.
        actions: tuple[str, ...] = (START,) if reminder.kind is ReminderKind.SESSION else ()
        if self._can_snooze(reminder):
            actions += (SNOOZE,)
        if self._notifier.show(reminder.title, reminder.body, actions=actions) is None:
            return
        self._on_screen = reminder
        log.info("reminder shown: %s (%s)", reminder.title, reminder.why)
        if reminder.kind is ReminderKind.BREAK:
            self._breaks.shown(self._monotonic())
        else:
            self._set_state(mark_shown(self._state, reminder), now)
        self.sig_shown.emit(reminder)

    def _can_snooze(self, reminder: Reminder) -> bool:
        if reminder.kind is ReminderKind.BREAK:
            return not self._breaks.snooze_used
        return reminder.key not in self._state.snoozes_used

    def _on_action(self, action: str) -> None:
        reminder, self._on_screen = self._on_screen, None
        if reminder is None:
            return
        if action == START:
            if reminder.kind is ReminderKind.SESSION:
                self.sig_open_routine.emit(reminder.routine_id or "")
            return
        if action == SNOOZE:
            now = self._now()
            if reminder.kind is ReminderKind.BREAK:
                self._breaks.snooze(self._monotonic())
            else:
                self._set_state(snooze(self._state, reminder, now), now)
            log.info("reminder put off: In 15 minutes")
            self.replan()

    def _set_state(self, state: ReminderState, now: datetime) -> None:
        self._state = state
        if self._state_file is None:
            return
        try:
            save_reminder_state(state, now.date(), self._state_file)
        except OSError as error:  # shown again after a restart at worst: no crash
            log.warning("reminder state not saved: %s", error)

    # -- the next wake-up ----------------------------------------------------------
    def _next_wake(self, now: datetime, inputs: Inputs) -> tuple[datetime | None, datetime | None]:
        """The next wake-up, and the first one that must read the inputs again."""
        settings = inputs.settings
        sessions: list[datetime] = []
        upcoming = next_reminders(
            now, settings, inputs.facts, self._state, limit=1, translate=_translate
        )
        if upcoming:
            sessions.append(upcoming[0].at)
        if self._held is not None:
            sessions.append(now + HOLD_RETRY)
        read_again = _earliest(sessions)
        candidates = list(sessions)
        if settings.breaks_enabled:
            mono = self._monotonic()
            check = self._breaks.next_wakeup(mono, settings)
            if check is not None:
                candidates.append(now + timedelta(seconds=max(0.0, check - mono)))
        return _earliest(candidates), read_again

    def _arm(self, at: datetime | None) -> None:
        self.next_wake = at
        if at is None:
            self._waker.disarm()
        else:
            self._waker.arm(at)


def _earliest(moments: list[datetime]) -> datetime | None:
    return min(moments, key=lambda moment: moment.timestamp(), default=None)


def read_from_disk(now: datetime) -> ReminderInputs:
    """What `timer-app reminders next` reads: the routines, settings and history now."""
    from timer_app.storage.reminder_inputs import reminder_inputs
    from timer_app.storage.routines.catalog import load_catalog

    catalog = load_catalog()
    return reminder_inputs(list(catalog.routines.values()), now, catalog.programmes)
