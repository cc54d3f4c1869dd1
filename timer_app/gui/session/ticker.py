"""The one adapter that gives the session player its ticks: a single Qt timer.

The player keeps time itself (deadline − now on the monotonic clock); a tick only
makes it catch up. So the timer is single-shot and re-armed after every tick and
every player event for `player.next_wakeup()`, the moment the displayed number or
the step next changes: the display changes on the second, not up to a tick late.
It is a `Qt.PreciseTimer` because Qt's default coarse timer may fire up to 5 %
(50 ms of a second) early or late, which is visible next to a clock.

Safety tick, only where it is needed: when the clock cannot reveal a sleep
(`clock.sleep_shows_in_wall` false), the player takes a gap of over 2 s between
ticks for one, so there the wait is capped at `SAFETY_INTERVAL` (0.5 s): a quarter
of that threshold, so a busy but awake machine is not mistaken for a sleeping
one, and ticks keep coming on counted reps (no countdown, no wake-up). Where the
boot clock shows every sleep (Linux), the cap only wakes a counted rep every
`WATCH_INTERVAL` (2 s) to notice a sleep; a countdown wakes once a second, when
its number changes, and not half-way as well (issue 18: a running session's
wake-ups are a laptop's battery). When the player is not running the timer is
stopped: a paused or finished session costs nothing.

One arming per tick: the events a tick brings (the new second, a step's end)
would each re-arm the timer, and the tick's own end once more; while a tick runs
they leave it to that end (issue 18: a running second's Python work).
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from timer_app.core.clock import sleep_shows_in_wall
from timer_app.core.events import Event
from timer_app.core.player import PlayerState, SessionPlayer

log = logging.getLogger(__name__)

SAFETY_INTERVAL = 0.5  # seconds: the longest wait between two ticks (gap rule)
WATCH_INTERVAL = 2.0  # seconds: the longest wait where the clock shows every sleep


class Ticker(QObject):
    """Drives `player.tick()` from a parented, single-shot, precise `QTimer`."""

    def __init__(self, player: SessionPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._cap = WATCH_INTERVAL if sleep_shows_in_wall(player.clock) else SAFETY_INTERVAL
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._ticking = False  # inside `_on_timeout`: it re-arms once at its end
        player.add_listener(self._on_event)
        self.rearm()

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    @property
    def interval_ms(self) -> int:
        """The wait the timer was last armed with."""
        return self._timer.interval()

    @Slot()
    def rearm(self) -> None:
        """Arm the timer for the player's next wake-up, or stop it when not running."""
        if self._player.state is not PlayerState.RUNNING:
            self._timer.stop()
            return
        now = self._player.clock.now()
        wakeup = self._player.next_wakeup(now)
        wait = self._cap if wakeup is None else min(wakeup - now, self._cap)
        # Rounded up to the millisecond: firing a hair early would only see the old
        # number and cost a second wake-up.
        self._timer.start(max(0, math.ceil(wait * 1000)))

    @Slot()
    def _on_timeout(self) -> None:
        self._ticking = True
        try:
            self._player.tick()
        except Exception:  # a bug must not stop the session's clock
            log.exception("session tick failed")
        finally:
            self._ticking = False
            self.rearm()

    def _on_event(self, event: Event) -> None:
        del event  # any event may change the state or the next wake-up
        if not self._ticking:  # a command (pause, skip, ...): re-arm now
            self.rearm()

    def detach(self) -> None:
        """Stop and stop listening (the presenter calls this when the session closes)."""
        self._timer.stop()
        self._player.remove_listener(self._on_event)
