"""History: streak, today's "session 2 of 3", this week's adherence, the sessions
list, the pain chart, and export for the therapist.

Everything on the page is for one routine at a time, and a line says which: the
figures (its prescribed frequency decides what a streak is), the sessions table
and the pain chart follow the one choice in the list of routines found in the
history; the routine of the newest session is chosen first. The table's figures
(exercises done and partly done, reps, time) are worded as on the summary and
by `timer-app history` (`core/session_cells.py`). The chart draws each session,
never a daily mean. Reads are a few short queries, made when the page is shown
or history changes, never while a session runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timer_app.core import stats
from timer_app.core.history import HistoryStore, SessionFacts, SessionSummary
from timer_app.core.local_time import local_today
from timer_app.core.routine import Frequency
from timer_app.core.routine_aliases import with_current_ids
from timer_app.core.session_table import PAIN, STATUS, column_headers, column_tips, session_row
from timer_app.gui.page_style import (
    BODY,
    HEADING,
    action_button,
    page_header,
    panel,
    plain_label,
    plain_tooltip,
    scaled_font,
)
from timer_app.gui.pages.break_counts import BreakCounts
from timer_app.gui.translation import local_date, translate
from timer_app.gui.widgets.pain_chart import PainChart

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel

log = logging.getLogger(__name__)

LIST_LIMIT = 500  # the newest sessions; the export has them all


def ordinal_in_words(ordinal: stats.SessionOrdinal) -> str:
    if ordinal.number > ordinal.of and ordinal.of == 1:
        return (
            translate("HistoryPage", "Done today ✓")
            if ordinal.period == "day"
            else translate("HistoryPage", "Done this week ✓")
        )
    if ordinal.number > ordinal.of:
        return (
            translate("HistoryPage", "All {of} done today")
            if ordinal.period == "day"
            else translate("HistoryPage", "All {of} done this week")
        ).format(of=ordinal.of)
    text = (
        translate("HistoryPage", "Session {n} of {of} today")
        if ordinal.period == "day"
        else translate("HistoryPage", "Session {n} of {of} this week")
    )
    return text.format(n=ordinal.number, of=ordinal.of)


def streak_in_words(streak: stats.Streak) -> str:
    if streak.unit == "week":
        return translate("HistoryPage", "%n week(s)", None, streak.count)
    return translate("HistoryPage", "%n day(s)", None, streak.count)


def week_in_words(week: stats.Adherence, frequency: Frequency | None) -> str:
    """This week so far: only what was due up to now counts (days not yet lived
    and what is left of today are not due), so doing everything reads 100 %."""
    if frequency is not None and frequency.period == "week":
        # The person picks the days: a count toward the target, not a score.
        return translate("HistoryPage", "{done} of {times} this week").format(
            done=week.done, times=frequency.times
        )
    if week.prescribed == 0:
        return translate("HistoryPage", "Nothing due yet this week")
    return translate("HistoryPage", "{done} of {due} so far this week ({percent:.0f} %)").format(
        done=min(week.done, week.prescribed), due=week.prescribed, percent=week.percent
    )


class HistoryPage(QWidget):
    """The app model's history, with its routines' frequencies; it reads the model
    when built and again on `history_changed` and `routines_changed`."""

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
        self._read_on: date | None = None  # the day "today" and "this week" mean
        self._frequencies: dict[str, Frequency | None] = model.frequencies()
        # replaced routine id -> its successor's
        self._aliases: dict[str, str] = model.aliases()
        self._sessions: list[SessionSummary] = []
        self._facts: list[SessionFacts] = []
        self.setAccessibleName(self.tr("History"))

        col = QVBoxLayout(self)
        self.routine_choice = QComboBox()
        self.routine_choice.setFont(scaled_font(BODY))
        self.routine_choice.setAccessibleName(self.tr("Routine shown"))
        self.routine_choice.currentIndexChanged.connect(lambda _i: self._show_chosen())
        self.export_button = action_button(
            self.tr("Export…"),
            self.tr("Save your history as a CSV or JSON file for your therapist"),
        )
        self.export_button.clicked.connect(self.export)
        self.report_button = action_button(
            self.tr("Report for my therapist…"),
            self.tr("Print the last 8 weeks for your therapist, or save them as a PDF"),
        )
        self.report_button.clicked.connect(self.report_for_therapist)
        self.message = page_header(
            col, self.tr("History"), self.routine_choice, self.export_button, self.report_button
        )
        # Which routine every figure below covers (a routine's title is its
        # author's text: plain text).
        self.scope = plain_label()
        self.scope.setFont(scaled_font(BODY))
        self.scope.setWordWrap(True)
        col.addWidget(self.scope)
        # The programme's stages, flare-ups and morning checks (issue 16).
        from timer_app.gui.programme.history_panel import ProgrammeHistoryPanel

        self.programme_panel = ProgrammeHistoryPanel(model)
        col.addWidget(self.programme_panel)

        # At a glance: three big figures.
        glance = QGridLayout()
        self.streak_value = self._figure(glance, 0, self.tr("Streak"))
        self.today_value = self._figure(glance, 1, self.tr("Today"))
        self.week_value = self._figure(glance, 2, self.tr("This week"))
        col.addLayout(glance)
        # Standing breaks taken: a count per day, never a streak.
        self.break_counts = BreakCounts(model, today=today)
        col.addWidget(self.break_counts)

        split = QSplitter(Qt.Orientation.Vertical)
        headers = column_headers(translate)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        # What each figure counts, as the summary and the export count it.
        for column, tip in column_tips(translate).items():
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.table.setFont(scaled_font(BODY))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        # The stretched Notes column got what the others left: in a narrow window
        # its header read "No…". No column is narrower than Notes's own header.
        header.setMinimumSectionSize(header.sectionSizeHint(len(headers) - 1))
        self.table.setAccessibleName(self.tr("Your sessions, newest first"))
        split.addWidget(self.table)
        self.chart = PainChart()
        self.chart.setFont(scaled_font(BODY))
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        col.addWidget(split, 1)
        model.history_changed.connect(self.refresh)
        model.routines_changed.connect(self._routines_changed)
        model.programme_changed.connect(self.refresh)
        self.refresh()

    @property
    def history(self) -> HistoryStore | None:
        return self.model.history

    def _routines_changed(self) -> None:
        self.set_frequencies(self.model.frequencies())
        self.set_aliases(self.model.aliases())

    def _figure(self, grid: QGridLayout, column: int, caption: str) -> QLabel:
        box = panel()
        inner = QVBoxLayout(box)
        title = QLabel(caption)
        title.setFont(scaled_font(BODY))
        value = QLabel("–")
        value.setFont(scaled_font(HEADING, bold=True))
        value.setWordWrap(True)
        value.setAccessibleName(caption)
        inner.addWidget(title)
        inner.addWidget(value)
        grid.addWidget(box, 0, column)
        return value

    # -- data ----------------------------------------------------------------------
    def set_frequencies(self, frequencies: dict[str, Frequency | None]) -> None:
        """Each routine's prescribed frequency (from the catalog), for the figures."""
        self._frequencies = dict(frequencies)
        self._show_figures()

    def set_aliases(self, aliases: dict[str, str]) -> None:
        """Replaced routines' ids -> the routine that replaces them (core/routine_aliases)."""
        if aliases != self._aliases:
            self._aliases = dict(aliases)
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Sessions come with `history_changed`; only the date moves by itself: a
        # window left open overnight shows this morning's "today" and week.
        if self._read_on is not None and self._read_on != self._today():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the history again (a few short queries)."""
        self._read_on = self._today()
        if self.history is None:
            self._show_unavailable()
            return
        try:
            # Figures and chart from the cheap facts (years of them are fine);
            # the table shows the newest sessions only.
            # A replaced routine's sessions count as its successor's (`replaces:`).
            self._facts = with_current_ids(self.history.session_facts(), self._aliases)
            self._sessions = with_current_ids(
                self.history.list_sessions(limit=LIST_LIMIT), self._aliases
            )
            self.programme_panel.refresh()
        except Exception as error:  # show it; never a traceback
            log.exception("history could not be read")
            self.message.setText(self.tr("Your history could not be read: {e}").format(e=error))
            self.message.show()
            return
        self.message.hide()
        # Built before start-up opened the history, the page said it was not
        # available: now it is, and so are its buttons.
        self.export_button.setEnabled(True)
        self.report_button.setEnabled(True)
        self._fill_routine_choice()
        self._show_chosen()

    def sessions(self) -> list[SessionSummary]:
        return list(self._sessions)

    def _show_unavailable(self) -> None:
        self.message.setText(self.tr("History is not available this time."))
        self.message.show()
        self.export_button.setEnabled(False)
        self.report_button.setEnabled(False)

    def _fill_routine_choice(self) -> None:
        chosen = self.routine_choice.currentData()
        self.routine_choice.blockSignals(True)
        self.routine_choice.clear()
        titles = {s.routine_id: s.routine_title for s in reversed(self._sessions)}
        seen: dict[str, None] = {}
        for fact in reversed(self._facts):  # newest first: the latest routine leads
            seen.setdefault(fact.routine_id)
        for routine_id in seen:
            self.routine_choice.addItem(titles.get(routine_id, routine_id), routine_id)
        index = self.routine_choice.findData(chosen) if chosen else 0
        self.routine_choice.setCurrentIndex(max(index, 0))
        self.routine_choice.setVisible(len(seen) > 1)
        self.routine_choice.blockSignals(False)

    def _show_chosen(self) -> None:
        """The figures, the table and the chart of the routine chosen."""
        routine_id = self.routine_choice.currentData()
        title = self.routine_choice.currentText()
        self.scope.setText(
            self.tr("Showing {routine}: its figures, sessions and pain.").format(routine=title)
            if routine_id is not None
            else ""
        )
        self.scope.setVisible(routine_id is not None)
        self.table.setAccessibleName(
            self.tr("Sessions of {routine}, newest first").format(routine=title)
        )
        self._fill_table([s for s in self._sessions if s.routine_id == routine_id])
        facts = [f for f in self._facts if f.routine_id == routine_id]
        self.chart.set_points(stats.pain_by_session(facts))
        self._show_figures()

    def _show_figures(self) -> None:
        routine_id = self.routine_choice.currentData()
        if routine_id is None:
            for label in (self.streak_value, self.today_value, self.week_value):
                label.setText("–")
            return
        sessions = [f for f in self._facts if f.routine_id == routine_id]
        # In a programme its stage says how often ("2x/day"), as on its card: the
        # routine's own frequency made one session of two read "Done today ✓".
        frequency = self.model.programme.stage_frequencies().get(routine_id)
        frequency = frequency or self._frequencies.get(routine_id)
        today = self._today()
        self.streak_value.setText(streak_in_words(stats.streak(sessions, today, frequency)))
        self.today_value.setText(
            ordinal_in_words(stats.session_ordinal(sessions, today, frequency))
        )
        week = stats.weekly_adherence(sessions, today, today, frequency, today=today)[0]
        self.week_value.setText(week_in_words(week, frequency))

    def _fill_table(self, sessions: list[SessionSummary]) -> None:
        this_year = self._today().year

        def when(s: SessionSummary) -> str:
            shape = (
                "ddd dd MMM, HH:mm" if s.started_at.year == this_year else "ddd dd MMM yyyy, HH:mm"
            )
            return local_date(s.started_at, shape)

        self.table.setRowCount(len(sessions))
        # A Stage column after the others, only when a session was done in a programme.
        stages = self.programme_panel.stages
        in_programme = any(s.id in stages for s in sessions)
        headers = column_headers(translate)
        self.table.setColumnCount(len(headers) + (1 if in_programme else 0))
        if in_programme:
            from timer_app.gui.programme.history_panel import stage_cell

            self.table.setHorizontalHeaderItem(len(headers), QTableWidgetItem(self.tr("Stage")))
            programmes = self.model.programme.programmes()
            for row, s in enumerate(sessions):
                cell = QTableWidgetItem(stage_cell(stages.get(s.id), programmes))
                self.table.setItem(row, len(headers), cell)
        for row, s in enumerate(sessions):
            # The columns and their words are the command line's too (core/session_table.py).
            line = session_row(s, when, translate)
            for column, text in enumerate(line.cells):
                item = QTableWidgetItem(text)
                if column == PAIN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == STATUS:
                    item.setToolTip(plain_tooltip(line.status_tip))
                elif text:
                    # Long notes are cut in narrow windows; a tooltip would read
                    # markup in a title or a note as markup.
                    item.setToolTip(plain_tooltip(text))
                self.table.setItem(row, column, item)

    # -- export ----------------------------------------------------------------------
    def export(self) -> Path | None:
        """Ask where to save, then write CSV or JSON with the history's exporter."""
        if self.history is None:
            return None
        csv_filter = self.tr("CSV for spreadsheets (*.csv)")
        json_filter = self.tr("JSON (*.json)")
        suggested = Path.home() / f"exercise-history-{self._today().isoformat()}.csv"
        path_text, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), str(suggested), f"{csv_filter};;{json_filter}"
        )
        if not path_text:
            return None
        path = Path(path_text)
        as_json = path.suffix.lower() == ".json" or (
            chosen == json_filter and path.suffix.lower() != ".csv"
        )
        if not path.suffix:
            path = path.with_suffix(".json" if as_json else ".csv")
        try:
            _write_export(self.history, path, "json" if as_json else "csv")
        except Exception as error:  # a full disk or a read-only folder: say so
            log.exception("export failed")
            self.message.setText(
                self.tr("The history could not be saved to {path}: {e}").format(path=path, e=error)
            )
            self.message.show()
            return None
        self.message.setText(self.tr("Saved your history to {path}.").format(path=path))
        self.message.show()
        return path

    def report_for_therapist(self) -> Path | None:
        """The report for the therapist, printed or saved (gui/paper, loaded only now)."""
        if self.history is None:
            return None
        from timer_app.gui.paper.report_dialog import (
            ReportDialog,
            known_programmes,
            known_routines,
        )

        dialog = ReportDialog(
            self.history, known_routines(self), known_programmes(self), self._today(), self
        )
        dialog.exec()
        if dialog.message:
            self.message.setText(dialog.message)
            self.message.show()
        return dialog.saved


def _write_export(history: HistoryStore, path: Path, fmt: str) -> None:
    from timer_app.storage.history import export as history_export

    history_export.export_history(history, path, fmt)
