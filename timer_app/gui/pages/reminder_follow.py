"""Keeps the Safety page's "Next reminder" line true while it is on screen.

The app model announces settings, history and routines changing; the background
reminders are another process, and what they do (a reminder shown, "In 15
minutes" pressed) reaches the app only through their state file,
`reminder-state.json`. So the file is watched (its folder too: it is replaced,
not written in place), and one single-shot timer is armed for the moment of the
reminder the line names, after which the line is out of date. No polling: while
nothing happens, nothing runs.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from timer_app.gui.reminders.file_watch import FileWatcher

# Past the moment, so the schedule asked then has moved on to the next reminder.
_AFTER_MS = 500


class NextReminderFollower(QObject):
    """`sig_refresh` when the reminders' state file changes and when the moment
    given to `follow()` has passed."""

    sig_refresh = Signal()

    def __init__(self, state_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = FileWatcher(state_file, self.sig_refresh.emit, self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # A coarse timer may fire early, when the line still names the same reminder.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.sig_refresh.emit)

    def follow(self, at: datetime | None, now: datetime) -> None:
        """Refresh once `at` has passed (None: nothing to wait for)."""
        if at is None:
            self.timer.stop()
            return
        wait = (at.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        # A week ahead at most (the schedule looks 8 days out), well within a QTimer's range.
        self.timer.start(max(0, math.ceil(wait * 1000)) + _AFTER_MS)
