"""The History page's line of standing breaks: how many were taken each day.

A count per day for the last seven days, never a streak: a day with none is just
a dash, nothing to make up. Shown while standing breaks are on, or when any were
taken in those days. Read from the history the app model holds
(`storage/history/break_records.py`); breaks recorded by the background reminders
(another process) show when the page is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timer_app.core.history import HistoryError
from timer_app.core.local_time import local_today
from timer_app.gui.page_style import BODY, plain_label, scaled_font
from timer_app.gui.translation import local_date
from timer_app.storage.reminder_settings import reminder_settings

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel

log = logging.getLogger(__name__)
DAYS_SHOWN = 7


class BreakCounts(QWidget):
    def __init__(
        self,
        model: AppModel,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._today = today
        self.counts: dict[date, int] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.line = plain_label()
        self.line.setFont(scaled_font(BODY))
        self.line.setWordWrap(True)
        col.addWidget(self.line)
        model.history_changed.connect(self.refresh)
        model.settings_changed.connect(self._settings_changed)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # the background reminders may have recorded breaks meanwhile
        super().showEvent(event)

    def _settings_changed(self, names: frozenset[str]) -> None:
        if "reminders" in names:
            self.refresh()

    def refresh(self) -> None:
        today = self._today()
        first = today - timedelta(days=DAYS_SHOWN - 1)
        self.counts = self._read(first, today)
        wanted = reminder_settings(self.model.settings).breaks_enabled
        if not self.counts and not wanted:
            self.line.clear()
            self.setVisible(False)
            return
        days = [first + timedelta(days=n) for n in range(DAYS_SHOWN)]
        cells = [f"{self._day_name(d, today)} {self.counts.get(d) or '–'}" for d in days]
        self.line.setText(
            self.tr("Standing breaks taken, each day: %1").replace("%1", " · ".join(cells))
        )
        self.setVisible(True)

    def _day_name(self, day: date, today: date) -> str:
        return self.tr("today") if day == today else local_date(day, "ddd")

    def _read(self, first: date, last: date) -> dict[date, int]:
        connection = getattr(self.model.history, "connection", None)
        if connection is None:
            return {}
        from timer_app.storage.history.break_records import BreakRecords

        try:
            return BreakRecords(connection).per_day(first, last)
        except HistoryError as error:  # the page's own message says what is wrong
            log.warning("standing breaks unreadable: %s", error)
            return {}
