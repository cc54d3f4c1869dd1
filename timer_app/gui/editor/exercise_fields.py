"""The exercise form's fields: one labelled row per field of the format, and how a
value is shown in each.

The rows only show and report: each change is said as `sig_edited(key, value,
label)` (or `sig_dosing`, `sig_seconds`, `sig_reset`), and the form
(`exercise_form.py`) turns it into one undo step on the document. `show_values`
fills the rows from the exercise as the patient will get it (the library's values
with this routine's own on top) and marks each of this routine's own values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from timer_app.core.editor.check import DraftCheck, problems_at
from timer_app.core.editor.draft import dosing_of
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
from timer_app.core.validation.checks import TIMING_FIELDS, LibraryExercise, RoutineProblem
from timer_app.gui.editor.dosing_choice import DosingChoice
from timer_app.gui.editor.field_rows import (
    FieldRow,
    LinesEdit,
    SecondsBox,
    narrow,
    route_undo_keys,
    show_text,
)
from timer_app.gui.editor.picture_field import PictureField
from timer_app.gui.editor.routine_form import PrecautionBoxes
from timer_app.gui.page_style import BODY, scaled_font


class ExerciseFields(QWidget):
    """Name, instructions, cautions, note, dosing and seconds, sides, sets, reps, rests,
    get-ready, precautions and picture, each a `FieldRow` in `rows` by its key."""

    sig_edited = Signal(str, object, str)  # field key, its new value, the undo step's words
    sig_dosing = Signal(object)  # the Dosing chosen
    sig_seconds = Signal(object)  # the dosing's seconds ("45 s")
    sig_reset = Signal(str)  # "Use the library's" on the row of this key

    def __init__(
        self, routine_folder: Callable[[], Path | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(key: str, label: str, editor: QWidget) -> FieldRow:
            row = FieldRow(QLabel(label), editor)
            row.sig_reset.connect(lambda k=key: self.sig_reset.emit(k))
            form.addRow(row.label, row)
            self.rows[key] = row
            return row

        def edited(key: str, label: str) -> Callable[[object], None]:
            return lambda value: self.sig_edited.emit(key, value, label)

        self.name = QLineEdit()
        self.name.setFont(scaled_font(BODY))
        route_undo_keys(self.name)
        add("name", self.tr("&Name:"), self.name)
        self.name.textEdited.connect(
            lambda t: self.sig_edited.emit("name", t.strip(), self.tr("name"))
        )
        self.instructions = LinesEdit()
        self.instructions.setPlaceholderText(self.tr("One step per line"))
        add("instructions", self.tr("&Instructions:"), self.instructions)
        self.instructions.sig_edited.connect(edited("instructions", self.tr("instructions")))
        self.cautions = LinesEdit()
        self.cautions.setPlaceholderText(self.tr("One caution per line"))
        add("cautions", self.tr("&Cautions:"), self.cautions)
        self.cautions.sig_edited.connect(edited("cautions", self.tr("cautions")))
        self.note = QLineEdit()
        self.note.setFont(scaled_font(BODY))
        self.note.setPlaceholderText(
            self.tr("Where the dose comes from, or a note for the patient")
        )
        route_undo_keys(self.note)
        add("note", self.tr("Note or so&urce:"), self.note)
        self.note.textEdited.connect(
            lambda t: self.sig_edited.emit("note", t.strip(), self.tr("note"))
        )
        self.dosing = DosingChoice()
        self.dosing_buttons = self.dosing.buttons
        add("dosing", self.tr("Dosing:"), self.dosing)
        self.dosing.sig_chosen.connect(self.sig_dosing)
        self.seconds = SecondsBox(MIN_DURATION)
        add("timing", self.tr("Len&gth:"), self.seconds)
        self.seconds.sig_changed.connect(self.sig_seconds)
        self.sides = QComboBox()
        self.sides.setFont(scaled_font(BODY))
        for sides in SIDES:
            self.sides.addItem(self._sides_words(sides.value), sides.value)
        add("sides", self.tr("&Which side:"), self.sides)
        self.sides.currentIndexChanged.connect(
            lambda _: self.sig_edited.emit("sides", self.sides.currentData(), self.tr("sides"))
        )
        self.sets = self._spin(MIN_SETS, MAX_SETS)
        add("sets", self.tr("Sets:"), self.sets)
        self.sets.valueChanged.connect(edited("sets", self.tr("sets")))
        self.reps = self._spin(MIN_REPS, MAX_REPS)
        add("reps", self.tr("Re&ps per set (per side):"), self.reps)
        self.reps.valueChanged.connect(edited("reps", self.tr("reps")))
        self.rest = SecondsBox(MIN_PAUSE)
        add("rest", self.tr("Rest &between reps:"), self.rest)
        self.rest.sig_changed.connect(edited("rest", self.tr("rest")))
        self.set_rest = SecondsBox(MIN_PAUSE)
        add("set_rest", self.tr("Rest between sets:"), self.set_rest)
        self.set_rest.sig_changed.connect(edited("set_rest", self.tr("rest between sets")))
        self.lead_in = SecondsBox(MIN_PAUSE, presets=False, default_words=self.tr("The routine's"))
        add("lead_in", self.tr("Get ready:"), self.lead_in)
        self.lead_in.sig_changed.connect(edited("lead_in", self.tr("get-ready")))
        self.precautions = PrecautionBoxes(edited("precautions", self.tr("precautions")))
        add("precautions", self.tr("Precautions:"), self.precautions)
        self.picture = PictureField(routine_folder)
        add("image", self.tr("Picture:"), self.picture)
        self.picture.sig_chosen.connect(edited("image", self.tr("picture")))

    def _spin(self, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
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

    # -- showing -----------------------------------------------------------------------
    def show_values(
        self, merged: Mapping[str, Any], own: Mapping[str, Any], entry: LibraryExercise | None
    ) -> None:
        """The exercise as the patient gets it (`merged`); each of `own`'s values that
        differs from the library `entry` is marked as this routine's own."""
        dosing = dosing_of(merged)
        show_text(self.name, merged.get("name"))
        self.instructions.show_lines(merged.get("instructions"))
        self.cautions.show_lines(merged.get("cautions"))
        show_text(self.note, merged.get("note"))
        self.dosing.show_dosing(dosing)
        self._show_timing(dosing, merged)
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
        self._show_overrides(own, entry)

    def _show_timing(self, dosing: Dosing, merged: Mapping[str, Any]) -> None:
        """The seconds row, named for the dosing (hidden for counted reps)."""
        timing = {Dosing.HOLD: "hold", Dosing.TEMPO: "tempo", Dosing.DURATION: "duration"}
        field = timing.get(dosing)
        row = self.rows["timing"]
        row.setVisible(field is not None)
        row.label.setText(
            {
                Dosing.HOLD: self.tr("Hold len&gth:"),
                Dosing.TEMPO: self.tr("Len&gth of each rep:"),
                Dosing.DURATION: self.tr("How lon&g it lasts:"),
            }.get(dosing, self.tr("Len&gth:"))
        )
        self.seconds.spin.setAccessibleName(row.label.text().replace("&", "")[:-1])
        if field is not None:
            self.seconds.show_value(merged.get(field), 30)

    def _show_overrides(self, own: Mapping[str, Any], entry: LibraryExercise | None) -> None:
        for key, row in self.rows.items():
            keys = TIMING_FIELDS if key in ("timing", "dosing") else (key,)
            library_has = entry is not None and any(k in entry.fields for k in keys)
            own_has = any(k in own for k in keys)
            if entry is not None and own_has and key != "dosing":
                base = next((entry.fields[k] for k in keys if k in entry.fields), None)
                row.show_override(_words(base) if library_has else self._unset_words(key))
            else:
                row.show_override(None)

    def _unset_words(self, key: str) -> str:
        """What applies where the library gives no value ("nothing" read as zero)."""
        if key == "lead_in":
            return self.tr("the routine's get-ready")
        return self.tr("the default")

    def show_problems(self, check: DraftCheck, index: int) -> list[RoutineProblem]:
        """Each problem of exercise `index` at its row; those no row shows are returned."""
        shown: set[int] = set()
        for key, row in self.rows.items():
            keys = TIMING_FIELDS if key == "timing" else (key,)
            found = [p for k in keys for p in problems_at(check, ("exercises", index, k))]
            shown.update(id(p) for p in found)
            row.show_problems(p.message for p in found)
        if index < 0:
            return []
        return [p for p in problems_at(check, ("exercises", index)) if id(p) not in shown]


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
