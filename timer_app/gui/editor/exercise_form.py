"""One exercise: its words, its dosing as one choice, sides, sets, reps, rests, picture.

The dosing is one choice (hold, paced, counted, timed activity): switching it
removes the fields that would conflict (`with_dosing`), so a therapist cannot
enter a hold and a duration together. For an exercise taken from the library
(`use:`) the form shows the library's values, and each value the routine changes
is marked as this routine's own, with "Use the library's" beside it. A value set
back to the library's (or the format's default) is left out of the file.

The rows themselves are `ExerciseFields` (`exercise_fields.py`); this form says
which exercise is shown and where it comes from, and turns each change into one
undo step (the rules are plain functions in `exercise_edits.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from timer_app.core.editor.check import DraftCheck
from timer_app.core.editor.draft import dosing_of, seconds_of
from timer_app.core.routine import Dosing
from timer_app.core.validation.checks import LibraryExercise, merge_library_fields
from timer_app.gui.editor.exercise_edits import (
    library_entry,
    made_own,
    with_field,
    with_timing,
    without_override,
)
from timer_app.gui.editor.exercise_fields import ExerciseFields
from timer_app.gui.editor.field_rows import style_problem
from timer_app.gui.editor.undo_commands import EditorDocument
from timer_app.gui.page_style import BODY, HEADING, plain_label, scaled_font


class ExerciseForm(QWidget):
    """The selected exercise of the document; empty and disabled when there is none."""

    def __init__(
        self,
        document: EditorDocument,
        library: Callable[[], Mapping[str, LibraryExercise]],
        routine_folder: Callable[[], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._library = library
        self._showing = False
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label()
        self.heading.setFont(scaled_font(HEADING, bold=True))
        col.addWidget(self.heading)
        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.setFont(scaled_font(BODY))
        self.problem.hide()
        col.addWidget(self.problem)
        self._check: DraftCheck | None = None
        from_library = QHBoxLayout()
        self.library_line = plain_label()
        self.library_line.setWordWrap(True)
        self.library_line.setFont(scaled_font(BODY))
        self.detach_button = QPushButton(self.tr("&Make it my own"))
        self.detach_button.setAccessibleDescription(
            self.tr("Write the library's fields into this routine and edit them freely")
        )
        self.detach_button.clicked.connect(self._detach)
        from_library.addWidget(self.library_line, 1)
        from_library.addWidget(self.detach_button)
        col.addLayout(from_library)
        self.body = ExerciseFields(routine_folder)
        col.addWidget(self.body)
        col.addStretch(1)
        fields = self.body
        # The fields, as the window (focus, Tab order) and the tests reach them.
        self.rows = fields.rows
        self.name = fields.name
        self.instructions = fields.instructions
        self.cautions = fields.cautions
        self.note = fields.note
        self.dosing = fields.dosing
        self.dosing_buttons = fields.dosing_buttons
        self.seconds = fields.seconds
        self.sides = fields.sides
        self.sets = fields.sets
        self.reps = fields.reps
        self.rest = fields.rest
        self.set_rest = fields.set_rest
        self.lead_in = fields.lead_in
        self.precautions = fields.precautions
        self.picture = fields.picture
        fields.sig_edited.connect(self._edit)
        fields.sig_dosing.connect(self._dosing_chosen)
        fields.sig_seconds.connect(self._seconds_edited)
        fields.sig_reset.connect(self._reset)
        document.changed.connect(self.refresh)
        document.selected_changed.connect(self.refresh)
        self.refresh()

    # -- what is being edited ------------------------------------------------------------
    def _current(self) -> tuple[int, dict[str, Any], LibraryExercise | None]:
        index = self._document.selected
        exercises = self._document.draft.exercises
        if not 0 <= index < len(exercises):
            return -1, {}, None
        exercise = dict(exercises[index])
        return index, exercise, library_entry(exercise, self._library())

    # -- edits (each one undo step; the rules are in exercise_edits.py) ------------------
    def _push(
        self, change: Callable[[dict[str, Any]], dict[str, Any] | None], text: str, key: str | None
    ) -> None:
        if self._showing:
            return
        index, exercise, _entry = self._current()
        if index < 0:
            return
        changed = change(exercise)
        if changed is not None:
            self._document.set_exercise(index, changed, text, merge_key=key)

    def _edit(self, key: str, value: object, label: str) -> None:
        text = self.tr("Change %1").replace("%1", label)
        self._push(lambda e: with_field(e, key, value, self._library()), text, key)

    def _dosing_chosen(self, dosing: Dosing) -> None:
        seconds = None if dosing is Dosing.COUNTED else float(self.seconds.spin.value())
        self._push(
            lambda e: with_timing(e, dosing, seconds, self._library()),
            self.tr("Change the dosing"),
            None,
        )

    def _seconds_edited(self, value: object) -> None:
        self._push(
            lambda e: with_timing(
                e, dosing_of(e, self._library()), seconds_of(value), self._library()
            ),
            self.tr("Change the seconds"),
            "timing",
        )

    def _reset(self, row: str) -> None:
        self._push(lambda e: without_override(e, row), self.tr("Use the library's value"), None)

    def _detach(self) -> None:
        entry = self._current()[2]
        if entry is not None:
            self._push(lambda e: made_own(e, entry), self.tr("Make it my own"), None)

    # -- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        index, exercise, entry = self._current()
        count = len(self._document.draft.exercises)
        self.body.setEnabled(index >= 0)
        if index < 0:
            self.heading.setText(self.tr("No exercise yet"))
            self.library_line.setText(
                self.tr("Add one from the library, or your own, with the buttons under the list.")
            )
            self.detach_button.hide()
            self._show_problems()
            return
        self.heading.setText(
            self.tr("Exercise %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        merged = merge_library_fields(entry.fields, exercise) if entry is not None else exercise
        if entry is not None:
            self.library_line.setText(
                self.tr(
                    "From the library: %1. What you change here is this routine's own."
                ).replace("%1", entry.exercise.name)
            )
        elif isinstance(exercise.get("use"), str):
            self.library_line.setText(
                self.tr("Uses “%1”, which is not in the library.").replace("%1", exercise["use"])
            )
        else:
            self.library_line.setText(self.tr("Your own exercise."))
        self.detach_button.setVisible(entry is not None)
        self._showing = True  # the fields' signals while shown are not edits
        try:
            self.body.show_values(merged, exercise, entry)
        finally:
            self._showing = False
        self._show_problems()

    def show_check(self, check: DraftCheck) -> None:
        """Each problem of the exercise shown at its field; kept for the next selection."""
        self._check = check
        self._show_problems()

    def _show_problems(self) -> None:
        if self._check is None:
            return
        # The exercise as a whole (the session too long from here), or a field the
        # form has no place for (a misspelt field in a hand-written file).
        rest = [p.message for p in self.body.show_problems(self._check, self._document.selected)]
        self.problem.setText("\n".join(rest))
        style_problem(self.problem)
        self.problem.setVisible(bool(rest))
