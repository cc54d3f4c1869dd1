"""One exercise: its words, its dosing as one choice, sides, sets, reps, rests, picture.

The dosing is one choice (hold, paced, counted, timed activity): switching it
removes the fields that would conflict (`with_dosing`), so a therapist cannot
enter a hold and a duration together. For an exercise taken from the library
(`use:`) the form shows the library's values, and each value the routine changes
is marked as this routine's own, with "Use the library's" beside it. A value set
back to the library's (or the format's default) is left out of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.editor.check import DraftCheck, problems_at
from timer_app.core.editor.draft import dosing_of, seconds_of
from timer_app.core.editor.limits import (
    DEFAULT_HOLD_REST,
    DEFAULT_SET_REST,
    MAX_REPS,
    MAX_SETS,
    MIN_DURATION,
    MIN_PAUSE,
    MIN_REPS,
    MIN_SETS,
    SIDES,
)
from timer_app.core.routine import Dosing
from timer_app.core.validation.checks import TIMING_FIELDS, LibraryExercise, merge_library_fields
from timer_app.gui.editor.dosing_choice import DosingChoice
from timer_app.gui.editor.exercise_edits import (
    library_entry,
    made_own,
    with_field,
    with_timing,
    without_override,
)
from timer_app.gui.editor.field_rows import (
    FieldRow,
    LinesEdit,
    SecondsBox,
    narrow,
    route_undo_keys,
    show_text,
    style_problem,
)
from timer_app.gui.editor.picture_field import PictureField
from timer_app.gui.editor.routine_form import PrecautionBoxes
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
        self._routine_folder = routine_folder
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
        self.body = QWidget()
        col.addWidget(self.body)
        col.addStretch(1)
        self.rows: dict[str, FieldRow] = {}
        self._build(QFormLayout(self.body))
        document.changed.connect(self.refresh)
        document.selected_changed.connect(self.refresh)
        self.refresh()

    # -- building --------------------------------------------------------------------
    def _build(self, form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(key: str, label: str, editor: QWidget, *beside: QWidget) -> FieldRow:
            row = FieldRow(QLabel(label), editor, *beside)
            row.sig_reset.connect(lambda k=key: self._reset(k))
            form.addRow(row.label, row)
            self.rows[key] = row
            return row

        self.name = QLineEdit()
        self.name.setFont(scaled_font(BODY))
        route_undo_keys(self.name)
        add("name", self.tr("&Name:"), self.name)
        self.name.textEdited.connect(lambda t: self._edit("name", t.strip(), self.tr("name")))
        self.instructions = LinesEdit()
        self.instructions.setPlaceholderText(self.tr("One step per line"))
        add("instructions", self.tr("&Instructions:"), self.instructions)
        self.instructions.sig_edited.connect(
            lambda lines: self._edit("instructions", lines, self.tr("instructions"))
        )
        self.cautions = LinesEdit()
        self.cautions.setPlaceholderText(self.tr("One caution per line"))
        add("cautions", self.tr("&Cautions:"), self.cautions)
        self.cautions.sig_edited.connect(
            lambda lines: self._edit("cautions", lines, self.tr("cautions"))
        )
        self.note = QLineEdit()
        self.note.setFont(scaled_font(BODY))
        self.note.setPlaceholderText(
            self.tr("Where the dose comes from, or a note for the patient")
        )
        route_undo_keys(self.note)
        add("note", self.tr("Note or so&urce:"), self.note)
        self.note.textEdited.connect(lambda t: self._edit("note", t.strip(), self.tr("note")))
        self._build_dosing(add)
        self.sides = QComboBox()
        self.sides.setFont(scaled_font(BODY))
        for sides in SIDES:
            self.sides.addItem(self._sides_words(sides.value), sides.value)
        add("sides", self.tr("&Which side:"), self.sides)
        self.sides.currentIndexChanged.connect(
            lambda _: self._edit("sides", self.sides.currentData(), self.tr("sides"))
        )
        self.sets = self._spin(MIN_SETS, MAX_SETS, "")
        add("sets", self.tr("Sets:"), self.sets)
        self.sets.valueChanged.connect(lambda v: self._edit("sets", v, self.tr("sets")))
        self.reps = self._spin(MIN_REPS, MAX_REPS, "")
        add("reps", self.tr("Re&ps per set (per side):"), self.reps)
        self.reps.valueChanged.connect(lambda v: self._edit("reps", v, self.tr("reps")))
        self.rest = SecondsBox(MIN_PAUSE)
        add("rest", self.tr("Rest &between reps:"), self.rest)
        self.rest.sig_changed.connect(lambda v: self._edit("rest", v, self.tr("rest")))
        self.set_rest = SecondsBox(MIN_PAUSE)
        add("set_rest", self.tr("Rest between sets:"), self.set_rest)
        self.set_rest.sig_changed.connect(
            lambda v: self._edit("set_rest", v, self.tr("rest between sets"))
        )
        self.lead_in = SecondsBox(MIN_PAUSE, presets=False, default_words=self.tr("The routine's"))
        add("lead_in", self.tr("Get ready:"), self.lead_in)
        self.lead_in.sig_changed.connect(lambda v: self._edit("lead_in", v, self.tr("get-ready")))
        self.precautions = PrecautionBoxes(
            lambda names: self._edit("precautions", names, self.tr("precautions"))
        )
        add("precautions", self.tr("Precautions:"), self.precautions)
        self._build_picture(add)

    def _build_dosing(self, add: Callable[..., FieldRow]) -> None:
        self.dosing = DosingChoice()
        self.dosing_buttons = self.dosing.buttons
        add("dosing", self.tr("Dosing:"), self.dosing)
        self.dosing.sig_chosen.connect(self._dosing_chosen)
        self.seconds = SecondsBox(MIN_DURATION)
        add("timing", self.tr("Len&gth:"), self.seconds)
        self.seconds.sig_changed.connect(self._seconds_edited)

    def _build_picture(self, add: Callable[..., FieldRow]) -> None:
        self.picture = PictureField(self._routine_folder)
        add("image", self.tr("Picture:"), self.picture)
        self.picture.sig_chosen.connect(self._picture_chosen)

    def _picture_chosen(self, image: object) -> None:
        self._edit("image", image, self.tr("picture"))

    def _spin(self, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setFont(scaled_font(BODY))
        route_undo_keys(spin)
        return narrow(spin)

    def _sides_words(self, value: str) -> str:
        return {
            "none": self.tr("No sides"),
            "alternate": self.tr("Alternate: left, right, left…"),
            "each": self.tr("Each side: all left, then all right"),
            "left": self.tr("Left side only"),
            "right": self.tr("Right side only"),
        }[value]

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
        self._showing = True
        try:
            self._show(merged, exercise, entry)
        finally:
            self._showing = False
        self._show_problems()

    def _show(
        self, merged: Mapping[str, Any], own: Mapping[str, Any], entry: LibraryExercise | None
    ) -> None:
        dosing = dosing_of(merged)
        show_text(self.name, merged.get("name"))
        self.instructions.show_lines(merged.get("instructions"))
        self.cautions.show_lines(merged.get("cautions"))
        show_text(self.note, merged.get("note"))
        self.dosing.show_dosing(dosing)
        timing = {Dosing.HOLD: "hold", Dosing.TEMPO: "tempo", Dosing.DURATION: "duration"}
        field = timing.get(dosing)
        self.rows["timing"].setVisible(field is not None)
        self.rows["timing"].label.setText(
            {
                Dosing.HOLD: self.tr("Hold len&gth:"),
                Dosing.TEMPO: self.tr("Len&gth of each rep:"),
                Dosing.DURATION: self.tr("How lon&g it lasts:"),
            }.get(dosing, self.tr("Len&gth:"))
        )
        self.seconds.spin.setAccessibleName(self.rows["timing"].label.text().replace("&", "")[:-1])
        if field is not None:
            self.seconds.show_value(merged.get(field), 30)
        timed_activity = dosing is Dosing.DURATION
        for key in ("sides", "sets", "reps", "rest", "set_rest"):
            self.rows[key].setVisible(not timed_activity)
        sides = str(merged.get("sides") or "none").strip().lower()
        self.sides.setCurrentIndex(max(0, self.sides.findData(sides)))
        self.sets.setValue(_whole(merged.get("sets"), 1))
        self.reps.setValue(_whole(merged.get("reps"), 1))
        self.rest.show_value(merged.get("rest"), DEFAULT_HOLD_REST if dosing is Dosing.HOLD else 0)
        self.set_rest.show_value(merged.get("set_rest"), DEFAULT_SET_REST)
        self.lead_in.show_value(merged.get("lead_in"))
        self.precautions.show_names(merged.get("precautions"))
        self.picture.show_image(merged.get("image"))
        for key, row in self.rows.items():
            keys = TIMING_FIELDS if key in ("timing", "dosing") else (key,)
            library_has = entry is not None and any(k in entry.fields for k in keys)
            own_has = any(k in own for k in keys)
            if entry is not None and own_has and key != "dosing":
                base = next((entry.fields[k] for k in keys if k in entry.fields), None)
                row.show_override(_words(base) if library_has else self.tr("nothing"))
            else:
                row.show_override(None)

    def show_check(self, check: DraftCheck) -> None:
        """Each problem of the exercise shown at its field; kept for the next selection."""
        self._check = check
        self._show_problems()

    def _show_problems(self) -> None:
        if self._check is None:
            return
        index = self._document.selected
        shown: set[int] = set()
        for key, row in self.rows.items():
            keys = TIMING_FIELDS if key == "timing" else (key,)
            found = [p for k in keys for p in problems_at(self._check, ("exercises", index, k))]
            shown.update(id(p) for p in found)
            row.show_problems(p.message for p in found)
        # The exercise as a whole (the session too long from here), or a field the
        # form has no place for (a misspelt field in a hand-written file).
        rest = [
            p.message
            for p in problems_at(self._check, ("exercises", index))
            if id(p) not in shown and index >= 0
        ]
        self.problem.setText("\n".join(rest))
        style_problem(self.problem)
        self.problem.setVisible(bool(rest))


def _whole(value: object, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return default


def _words(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
