"""The programme's two dialogs: Start programme, and "I'm having a flare-up".

The questions that are optional (the next-morning check, the stage's marker
question) are asked inside the card instead (`gui/programme/questions.py`):
never a window in the way of starting a session.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.programme.calendar import start_window
from timer_app.core.programme.flare_up_words import flare_up_avoid, flare_up_do, flare_up_plan
from timer_app.core.programme.model import Programme
from timer_app.gui.page_style import HEADING, heading, paragraph
from timer_app.gui.translation import translate


def date_edit_format(locale: QLocale) -> str:
    """The first day as the person's locale writes a date with its year in full.

    The C locale (a bare desktop, a container) has no real date format: Qt's
    "d MM yyyy" read "5 12 2026", so it gets ISO, which everyone reads."""
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    # "M/d/yy": a two-digit year in a date a patient chooses reads as a riddle.
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StartProgrammeDialog(QDialog):
    """Choose a programme and its first day (today unless the therapist said otherwise)."""

    def __init__(
        self, programmes: dict[str, Programme], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start programme"))
        col = QVBoxLayout(self)
        col.addWidget(
            paragraph(
                self.tr(
                    "A programme is your therapist's plan over weeks, in stages. The app "
                    "shows where you are each day and asks how it is going."
                )
            )
        )
        form = QFormLayout()
        self.choice = QComboBox()
        for programme in sorted(programmes.values(), key=lambda p: p.title.lower()):
            self.choice.addItem(programme.title, programme.id)
        form.addRow(self.tr("Programme:"), self.choice)
        self.first_day = QDateEdit(QDate(today.year, today.month, today.day))
        self.first_day.setDisplayFormat(date_edit_format(self.locale()))
        self.first_day.setCalendarPopup(True)
        # Within a year of today (calendar.START_WINDOW): a typed 9999 stored a start
        # whose weeks could not be counted, and the app failed at every start.
        earliest, latest = start_window(today)
        self.first_day.setDateRange(_qdate(earliest), _qdate(latest))
        form.addRow(self.tr("First day:"), self.first_day)
        col.addLayout(form)
        self.window_note = paragraph(
            self.tr("The first day can be up to a year before or after today.")
        )
        col.addWidget(self.window_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start programme"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def chosen(self) -> tuple[str, date]:
        picked = self.first_day.date()
        return str(self.choice.currentData()), date(picked.year(), picked.month(), picked.day())


class FlareUpDialog(QDialog):
    """The flare-up plan: which routine for how many days, the seeds' do and avoid
    lists; accepted, the plan starts (recorded in the history)."""

    def __init__(self, days: int, routine_title: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("I'm having a flare-up"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)  # lines to read
        col = QVBoxLayout(self)
        self.plan = paragraph(flare_up_plan(days, routine_title, translate))
        col.addWidget(self.plan)
        col.addWidget(heading(self.tr("Do"), HEADING))
        for line in flare_up_do(translate):
            col.addWidget(paragraph("• " + line))
        col.addWidget(heading(self.tr("Avoid"), HEADING))
        for line in flare_up_avoid(translate):
            col.addWidget(paragraph("• " + line))
        col.addWidget(
            paragraph(
                self.tr(
                    "If the pain spreads down your leg, or you have new numbness or "
                    "weakness, stop and see the Safety & help page."
                )
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Start the flare-up plan")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def text(self) -> str:
        """Everything the dialog says, for tests and screen readers."""
        from PySide6.QtWidgets import QLabel

        return "\n".join(label.text() for label in self.findChildren(QLabel))
