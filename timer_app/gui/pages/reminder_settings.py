"""The person's reminders: times, days, quiet hours, standing breaks, in the background.

Shown on the Safety & help page under the sound choices. Each change goes through
the app model (`update_settings(reminders=...)`), saved at once, in the form
`storage/reminder_settings.py` reads back. Times are typed as text ("08:00,
18:30"): a time that is not one is named under the field and nothing is saved
until it is. A line says what comes next, from the same schedule as `timer-app
reminders next`, kept true as the background reminders show or put off one
(`reminder_follow.py`), and one whether this desktop tells the app how long it has been
idle (asked once, after the panel is first shown, on a pool thread: each probe is
a D-Bus call that may wait a second for a bus that never answers, and the page
must not; the line appears when the answer comes).
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QThreadPool, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.local_time import local_now
from timer_app.core.reminders.breaks import MAX_MINUTES, MIN_MINUTES
from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.core.validation.remind_at import MAX_REMIND_TIMES, parse_clock_time
from timer_app.gui.page_style import BODY, plain_label, scaled_font
from timer_app.gui.pages.reminder_follow import NextReminderFollower
from timer_app.gui.pages.reminder_outlook import next_reminder
from timer_app.storage.reminder_settings import reminder_settings, reminders_to_json
from timer_app.storage.reminder_state import reminder_state_path

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel

IdleSource = Callable[[], "str | None"]
_SEPARATORS = re.compile(r"[,;\s]+")
log = logging.getLogger(__name__)


class _IdleAnswer(QObject):
    """Carries the probe's answer from the pool thread to the panel (a queued signal:
    the panel's slot runs on the UI thread, and not at all once the panel is gone)."""

    sig_answered = Signal(object)  # str | None


def desktop_idle_source() -> IdleSource | None:
    """The background reminders' idle detection (`gui/reminders/idle.py`), when present."""
    try:
        module = importlib.import_module("timer_app.gui.reminders.idle")
    except ImportError:
        return None
    found = getattr(module, "idle_source_name", None)
    return found if callable(found) else None


class ReminderSettingsPanel(QWidget):
    """Emits `sig_changed` after a choice is changed and saved."""

    sig_changed = Signal()

    def __init__(
        self,
        model: AppModel,
        idle_source: IdleSource | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._clock = clock
        self._idle_source = idle_source
        self._idle_asked = False
        self._idle_answer: _IdleAnswer | None = None
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)

        self.enabled_box = self._check_box(
            self.tr("Remind me to do my exercises"),
            self.tr("A notification at the times below, unless today's sessions are done"),
        )
        col.addWidget(self.enabled_box)
        grid = QGridLayout()
        self.times_edit = QLineEdit()
        self.times_edit.setFont(scaled_font(BODY))
        self.times_edit.setPlaceholderText(self.tr("for example 08:00, 18:30"))
        self.times_edit.setAccessibleName(self.tr("Times of day"))
        self.times_edit.setAccessibleDescription(
            self.tr("24-hour times separated by commas, such as 08:00, 18:30")
        )
        self.times_edit.editingFinished.connect(self._changed)
        grid.addWidget(self._label(self.tr("&Times of day:"), self.times_edit), 0, 0)
        grid.addWidget(self.times_edit, 0, 1)
        self.times_problem = plain_label()
        self.times_problem.setFont(scaled_font(BODY, bold=True))
        self.times_problem.setWordWrap(True)
        self.times_problem.hide()
        grid.addWidget(self.times_problem, 1, 1)

        days_row = QHBoxLayout()
        locale = QLocale.system()
        self.day_boxes: list[QCheckBox] = []
        for day in range(7):  # Monday first, as the settings keep them
            box = self._check_box(
                locale.dayName(day + 1, QLocale.FormatType.ShortFormat),
                locale.dayName(day + 1, QLocale.FormatType.LongFormat),
            )
            box.setAccessibleName(locale.dayName(day + 1, QLocale.FormatType.LongFormat))
            self.day_boxes.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        days_label = QLabel(self.tr("On these days:"))
        days_label.setFont(scaled_font(BODY))
        grid.addWidget(days_label, 2, 0)
        grid.addLayout(days_row, 2, 1)

        self.quiet_start = self._time_edit(self.tr("Quiet hours start"))
        self.quiet_end = self._time_edit(self.tr("Quiet hours end"))
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet_start)
        to_label = QLabel(self.tr("to"))
        to_label.setFont(scaled_font(BODY))
        quiet_row.addWidget(to_label)
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)
        grid.addWidget(self._label(self.tr("&Quiet hours, no reminder:"), self.quiet_start), 3, 0)
        grid.addLayout(quiet_row, 3, 1)
        grid.setColumnStretch(1, 1)
        col.addLayout(grid)

        self.breaks_box = self._check_box(
            self.tr("Remind me to stand up and walk for a minute"),
            self.tr("After a stretch of computer use without a break"),
        )
        self.break_minutes = QSpinBox()
        self.break_minutes.setFont(scaled_font(BODY))
        self.break_minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.break_minutes.setSuffix(self.tr(" min"))
        self.break_minutes.setAccessibleName(self.tr("Minutes of computer use before a break"))
        self.break_minutes.setAccessibleDescription(
            self.tr("From %1 to %2 minutes")
            .replace("%1", str(MIN_MINUTES))
            .replace("%2", str(MAX_MINUTES))
        )
        self.break_minutes.valueChanged.connect(self._changed)
        breaks_row = QHBoxLayout()
        breaks_row.addWidget(self.breaks_box)
        breaks_row.addWidget(self._label(self.tr("a&fter"), self.break_minutes))
        breaks_row.addWidget(self.break_minutes)
        breaks_row.addStretch(1)
        col.addLayout(breaks_row)
        self.idle_label = plain_label()
        self.idle_label.setFont(scaled_font(BODY))
        self.idle_label.setWordWrap(True)
        self.idle_label.hide()
        col.addWidget(self.idle_label)

        self.background_box = self._check_box(
            self.tr("Remind me even when the app is closed"),
            self.tr("Starts a small reminder program with your desktop session"),
        )
        col.addWidget(self.background_box)
        self.next_label = plain_label()
        self.next_label.setFont(scaled_font(BODY))
        self.next_label.setWordWrap(True)
        col.addWidget(self.next_label)
        self.follower = NextReminderFollower(reminder_state_path(), self)
        self.follower.sig_refresh.connect(self._show_next)

        for box in (self.enabled_box, *self.day_boxes, self.breaks_box, self.background_box):
            box.toggled.connect(self._changed)
        self.show_settings()
        model.settings_changed.connect(self._settings_changed)
        model.history_changed.connect(self._show_next)
        model.routines_changed.connect(self._show_next)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    # -- building ---------------------------------------------------------------------
    def _check_box(self, text: str, description: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setFont(scaled_font(BODY))
        box.setAccessibleName(text)
        box.setAccessibleDescription(description)
        return box

    def _time_edit(self, name: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setFont(scaled_font(BODY))
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        edit.timeChanged.connect(self._changed)
        return edit

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setFont(scaled_font(BODY))
        label.setBuddy(buddy)
        return label

    # -- model -> controls ------------------------------------------------------------
    def _controls(self) -> list[QWidget]:
        return [
            self.enabled_box,
            self.times_edit,
            *self.day_boxes,
            self.quiet_start,
            self.quiet_end,
            self.breaks_box,
            self.break_minutes,
            self.background_box,
        ]

    def show_settings(self) -> None:
        """Show the reminders as the model has them."""
        chosen = reminder_settings(self.model.settings)
        for control in self._controls():
            control.blockSignals(True)
        self.enabled_box.setChecked(chosen.enabled)
        self.times_edit.setText(", ".join(t.strftime("%H:%M") for t in chosen.times))
        for day, box in enumerate(self.day_boxes):
            box.setChecked(day in chosen.days)
        self.quiet_start.setTime(QTime(chosen.quiet_start.hour, chosen.quiet_start.minute))
        self.quiet_end.setTime(QTime(chosen.quiet_end.hour, chosen.quiet_end.minute))
        self.breaks_box.setChecked(chosen.breaks_enabled)
        self.break_minutes.setValue(chosen.break_minutes)
        self.background_box.setChecked(chosen.in_background)
        for control in self._controls():
            control.blockSignals(False)
        self.times_problem.hide()
        self._enable(chosen)
        self._show_next()

    def _enable(self, chosen: ReminderSettings) -> None:
        for control in (self.times_edit, *self.day_boxes, self.quiet_start, self.quiet_end):
            control.setEnabled(chosen.enabled)
        self.break_minutes.setEnabled(chosen.breaks_enabled)
        self.background_box.setEnabled(chosen.enabled or chosen.breaks_enabled)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by its Alt+letter is scrolled into view with the whole
        section (the page's scroll area follows Tab only): never typing blind."""
        if new is None or not self.isAncestorOf(new):
            return
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(self, 0, 0)
            parent.ensureWidgetVisible(new)

    def _settings_changed(self, names: frozenset[str]) -> None:
        if "reminders" in names:
            self.show_settings()

    def _show_next(self) -> None:
        now = self._clock()
        text, at = next_reminder(self.model, now)
        self.next_label.setText(text)
        self.follower.follow(at, now)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_next()  # a QTimer does not count a suspend: the line may be stale
        if not self._idle_asked:
            self._idle_asked = True
            self._ask_idle_source()

    def _ask_idle_source(self) -> None:
        probe = self._idle_source
        if probe is None:
            return
        answer = _IdleAnswer()
        answer.sig_answered.connect(self._show_idle_source)
        self._idle_answer = answer  # kept alive while the panel waits for it

        def ask() -> None:
            try:
                name = probe()
            except Exception:  # a line of the page is never worth a crash
                log.warning("idle time source not found", exc_info=True)
                name = None
            answer.sig_answered.emit(name)

        QThreadPool.globalInstance().start(ask)

    def _show_idle_source(self, name: str | None) -> None:
        if name:
            text = self.tr(
                "The app can tell when you step away from the computer (%1): "
                "after 5 minutes away, the minutes before a break count from zero again."
            ).replace("%1", name)
        else:
            text = self.tr(
                "This desktop does not tell the app when you step away from the computer: "
                "the minutes before a break count from the end of your last session, "
                "or from when the reminders started."
            )
        self.idle_label.setText(text)
        self.idle_label.show()

    # -- controls -> model ------------------------------------------------------------
    def _changed(self) -> None:
        times = self._times()
        if times is None:
            return  # the problem is shown under the field; nothing saved until it is fixed
        start, end = self.quiet_start.time(), self.quiet_end.time()
        chosen = ReminderSettings(
            enabled=self.enabled_box.isChecked(),
            times=times,
            days=frozenset(d for d, box in enumerate(self.day_boxes) if box.isChecked()),
            quiet_start=time(start.hour(), start.minute()),
            quiet_end=time(end.hour(), end.minute()),
            breaks_enabled=self.breaks_box.isChecked(),
            break_minutes=self.break_minutes.value(),
            in_background=self.background_box.isChecked(),
        )
        self._enable(chosen)
        self.model.update_settings(reminders=reminders_to_json(chosen))
        self.sig_changed.emit()

    def _times(self) -> tuple[time, ...] | None:
        """The typed times, or None after naming what is wrong under the field."""
        words = [w for w in _SEPARATORS.split(self.times_edit.text()) if w]
        wrong = [w for w in words if parse_clock_time(w) is None]
        problem = ""
        if wrong:
            problem = self.tr(
                "Times of day: '%1' is not a time. Write 24-hour times such as 08:00, 18:30."
            ).replace("%1", wrong[0][:20])
        elif len(set(words)) > MAX_REMIND_TIMES:
            problem = self.tr("Times of day: at most %n times.", None, MAX_REMIND_TIMES)
        self.times_problem.setText(problem)
        self.times_problem.setVisible(bool(problem))
        if problem:
            return None
        parsed = {parse_clock_time(w) for w in words}
        return tuple(sorted(t for t in parsed if t is not None))
