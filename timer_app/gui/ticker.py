"""The one adapter that gives the session player its ticks: a single Qt timer.

The player keeps time itself (deadline − now on the monotonic clock); a tick only
makes it catch up. So the timer is single-shot and re-armed after every tick and
every player event for `player.next_wakeup()`, the moment the displayed number or
the step next changes: the display changes on the second, not up to a tick late.
It is a `Qt.PreciseTimer` because Qt's default coarse timer may fire up to 5 %
(50 ms of a second) early or late, which is visible next to a clock.

Safety tick: the wait is capped at `SAFETY_INTERVAL` (0.5 s), folded into the
same timer. It keeps ticks coming on counted reps (no countdown, no wakeup) and
keeps the normal gap between ticks at a quarter of the player's 2 s sleep
threshold, so a busy but awake machine is not mistaken for a sleeping one. At
most two wake-ups a second of a few tens of microseconds each keeps a running
session far below 1 % of a core (bench/timing.py measures it). When the player
is not running the timer is stopped: a paused or finished session costs nothing.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from timer_app.core.events import Event
from timer_app.core.player import PlayerState, SessionPlayer

log = logging.getLogger(__name__)

SAFETY_INTERVAL = 0.5  # seconds: the longest wait between two ticks while running


class Ticker(QObject):
    """Drives `player.tick()` from a parented, single-shot, precise `QTimer`."""

    def __init__(self, player: SessionPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
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
        wait = SAFETY_INTERVAL if wakeup is None else min(wakeup - now, SAFETY_INTERVAL)
        # Rounded up to the millisecond: firing a hair early would only see the old
        # number and cost a second wake-up.
        self._timer.start(max(0, math.ceil(wait * 1000)))

    @Slot()
    def _on_timeout(self) -> None:
        try:
            self._player.tick()
        except Exception:  # a bug must not stop the session's clock
            log.exception("session tick failed")
        finally:
            self.rearm()

    def _on_event(self, event: Event) -> None:
        del event  # any event may change the state or the next wake-up
        self.rearm()

    def detach(self) -> None:
        """Stop and stop listening (the presenter calls this when the session closes)."""
        self._timer.stop()
        self._player.remove_listener(self._on_event)
