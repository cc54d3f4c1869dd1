"""The editor's live preview: what the patient will go through, updated as the therapist types.

From the top: the total time and the time per day or week; each exercise with
its dose in words (the sentence the Routines page shows) and its time; then the
exact timeline of steps, each with the moment it starts, built from the same
plan the player runs (`core.editor.preview`).

While the draft has problems the preview cannot be built: the panel says how
many there are and keeps the last valid preview, greyed, so the therapist still
sees roughly where they were; before any valid draft it says what is missing.

A long routine (thousands of steps) stays fast: the timeline is a list view
over a model (`preview_timeline.py`; only the rows in view are drawn, every row
one line high), and a keystroke that leaves the preview as it was redraws nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timer_app.gui.editor.preview_timeline import (
    TimelineModel,
    counted_exercises,
    timeline_rows,
)
from timer_app.gui.page_style import BODY, HEADING, heading, paragraph, scaled_font
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.core.editor.check import DraftCheck
    from timer_app.core.editor.draft import RoutineDraft
    from timer_app.core.editor.preview import RoutinePreview


class PreviewPanel(QWidget):
    """Shows the routine being edited as the player will run it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_panel")
        self.setAccessibleName(self.tr("Preview"))
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(heading(self.tr("Preview"), HEADING))

        # Problems: how many, above what is greyed (hidden while the draft is valid).
        self.problems = paragraph("")
        self.problems.setAccessibleName(self.tr("Problems to fix"))
        self.problems.setFont(scaled_font(BODY, bold=True))
        self.problems.hide()
        col.addWidget(self.problems)

        # What greys out together while the draft has problems.
        self.content = QWidget()
        content_col = QVBoxLayout(self.content)
        content_col.setContentsMargins(0, 0, 0, 0)
        self.total = paragraph("")
        self.total.setFont(scaled_font(BODY, bold=True))
        self.total.setAccessibleName(self.tr("Total time"))
        content_col.addWidget(self.total)

        # Two columns: the name with its dose on the line below, then the time. The
        # preview is the editor's narrowest column (1024 px screens): a dose of its
        # own squeezed between name and time read as one word a line.
        self.exercises = QTableWidget(0, 2)
        self.exercises.setHorizontalHeaderLabels([self.tr("Exercise and dose"), self.tr("Time")])
        self.exercises.setAccessibleName(self.tr("Each exercise's dose and time"))
        self.exercises.setFont(scaled_font(BODY))
        self.exercises.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (to the timeline) instead of walking its cells: a
        # keyboard user would otherwise be stuck in a read-only table.
        self.exercises.setTabKeyNavigation(False)
        self.exercises.setWordWrap(True)
        self.exercises.verticalHeader().hide()
        header = self.exercises.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # A long dose wraps onto more lines rather than ending in "…": the rows grow
        # whenever the dose column's width changes (the panel resized or laid out).
        self.exercises.setTextElideMode(Qt.TextElideMode.ElideNone)
        # After the header's batch of resizes (during it the rows measure the old width).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.exercises.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        content_col.addWidget(self.exercises, 2)

        self.timeline_title = QLabel(self.tr("Step by step, as the player will run it:"))
        self.timeline_title.setFont(scaled_font(BODY))
        content_col.addWidget(self.timeline_title)
        # Counted reps last until the patient presses Enter: said once, when there are any.
        self.counted_note = paragraph(
            self.tr(
                "Counted reps take as long as the patient takes: a time after one "
                "(≥) is the earliest."
            )
        )
        self.counted_note.hide()
        content_col.addWidget(self.counted_note)
        self.timeline_model = TimelineModel(self)
        self.timeline = QListView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setFont(scaled_font(BODY))
        # Every row one line high: Qt lays out only what is in view.
        self.timeline.setUniformItemSizes(True)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAccessibleName(self.tr("Timeline of steps"))
        self.timeline_title.setBuddy(self.timeline)
        content_col.addWidget(self.timeline, 3)
        col.addWidget(self.content, 1)

        self.empty = paragraph(self.tr("Add an exercise to see what the patient will do."))
        self.empty.setAccessibleName(self.tr("Preview"))
        # It takes the content's place, its words at the top: the heading and the
        # problems stay level with the other columns' tops instead of floating.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        col.addWidget(self.empty, 1)
        self.content.hide()
        self._preview: RoutinePreview | None = None  # the last valid one
        self._exercise = -1  # the exercise the editor shows: kept in view

    # -- the editor's one call ---------------------------------------------------------
    def show_check(self, check: DraftCheck, draft: RoutineDraft) -> None:
        """Show the checked draft: its preview when valid, else how many problems it has
        (with the last valid preview greyed, or a plain message before there was one)."""
        if check.routine is not None and not check.problems:
            from timer_app.core.editor.preview import preview_routine

            self._show_preview(preview_routine(check.routine, translate))
            return
        self._show_problems(len(check.problems), has_exercises=bool(draft.exercises))

    def show_exercise(self, index: int) -> None:
        """Bring exercise `index` into view: its row of the table, and its steps at the
        top of the timeline (the therapist sees what the exercise they edit becomes)."""
        self._exercise = index
        self._scroll_to_exercise()

    def preview(self) -> RoutinePreview | None:
        """The preview shown (the last valid one while the draft has problems)."""
        return self._preview

    def is_greyed(self) -> bool:
        return self.content.isVisibleTo(self) and not self.content.isEnabled()

    # -- drawing -----------------------------------------------------------------------
    def _show_preview(self, preview: RoutinePreview) -> None:
        self.problems.hide()
        self.empty.hide()
        self.content.setEnabled(True)
        self.content.show()
        if preview == self._preview:
            return  # a keystroke that changed nothing the patient would notice
        self._preview = preview
        self.total.setText(self.total_text(preview))
        self.total.setAccessibleDescription(self.total.text())
        self._fill_exercises(preview)
        self.timeline_model.set_rows(timeline_rows(preview))
        self.counted_note.setVisible(bool(counted_exercises(preview)))
        self._scroll_to_exercise()  # a new timeline starts at the top otherwise

    def _scroll_to_exercise(self) -> None:
        row = self.timeline_model.heading_row(self._exercise)
        if row < 0:
            return
        top = QAbstractItemView.ScrollHint.PositionAtTop
        self.timeline.scrollTo(self.timeline_model.index(row, 0), top)
        # Its first step is the current row: a screen reader entering the list starts there.
        self.timeline.setCurrentIndex(self.timeline_model.index(row + 1, 0))
        if self._exercise < self.exercises.rowCount():
            self.exercises.selectRow(self._exercise)
            self.exercises.scrollTo(self.exercises.model().index(self._exercise, 0))

    def total_text(self, preview: RoutinePreview) -> str:
        per_day = preview.per_day_words
        total = self.tr("Total: {time}").format(time=preview.total_words)
        return per_day if per_day and per_day != preview.total_words else total

    def _fill_exercises(self, preview: RoutinePreview) -> None:
        table = self.exercises
        header = table.horizontalHeader()
        # Columns sized once after filling, not again at every cell set (a third
        # of a long routine's keystroke went to that).
        modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
        for column in range(table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setUpdatesEnabled(False)
        table.setRowCount(len(preview.exercises))
        counted = counted_exercises(preview)
        for row, exercise in enumerate(preview.exercises):
            named = f"{row + 1}. {exercise.name}\n{exercise.dose_words}"
            time = exercise.seconds_words
            if row in counted:  # its planned time is the get-ready alone
                time = self.tr("{time} + reps").format(time=time)
            cells = (named, time)
            for column, text in enumerate(cells):
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        table.setUpdatesEnabled(True)
        table.resizeRowsToContents()

    def _show_problems(self, count: int, *, has_exercises: bool) -> None:
        if count:
            # `translate`, not `self.tr`: English plurals when untranslated.
            text = translate(
                "PreviewPanel", "%n problem(s) to fix before this routine can play.", None, count
            )
            if self._preview is not None:
                text += " " + self.tr("The preview below is the last version that could play.")
            self.problems.setText(text)
            self.problems.show()
        else:
            self.problems.hide()
        if self._preview is not None:
            self.content.setEnabled(False)  # greyed: not what the patient would get now
            self.content.show()
            self.empty.hide()
            return
        self.content.hide()
        self.empty.setText(
            self.tr("Fix the problems to see what the patient will do.")
            if has_exercises
            else self.tr("Add an exercise to see what the patient will do.")
        )
        self.empty.show()
