"""The routine's own fields: title, id, author, frequency, get-ready, texts, limits.

Each input writes its field through the document (one undo step per field while
typing) and shows the draft again after an undo. The id follows the title while
the therapist has not typed an id of their own, and is made unique among the
routines the app knows (`id_from_title`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.editor.check import DraftCheck, problems_at
from timer_app.core.editor.draft import id_from_title
from timer_app.core.editor.limits import (
    DEFAULT_LEAD_IN,
    DEFAULT_PAIN_ADVICE_RISE,
    FREQUENCY_PERIODS,
    MAX_FREQUENCY_TIMES,
    MAX_ID_LENGTH,
    MAX_PAIN_ADVICE_RISE,
    MIN_PAIN_ADVICE_RISE,
    MIN_PAUSE,
    PRECAUTIONS,
)
from timer_app.gui.editor.field_rows import (
    FieldRow,
    LinesEdit,
    ParagraphsEdit,
    SecondsBox,
    narrow,
    route_undo_keys,
    show_text,
)
from timer_app.gui.editor.undo_commands import EditorDocument
from timer_app.gui.page_style import BODY, scaled_font

_FREQUENCY = re.compile(r"\s*([0-9]{1,9})\s*x\s*/\s*(day|week)\s*", re.IGNORECASE | re.ASCII)


def precaution_words(name: str) -> str:
    words = {
        "pregnancy": QCoreApplication.translate("RoutineForm", "Pregnancy: ask first"),
        "stenosis": QCoreApplication.translate("RoutineForm", "Spinal stenosis: ask first"),
    }
    return words.get(name, name)


class RoutineForm(QWidget):
    """The fields of the routine as a whole (not of one exercise)."""

    def __init__(
        self,
        document: EditorDocument,
        taken_ids: Callable[[], Collection[str]],
        saved_id: Callable[[], object] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._taken_ids = taken_ids
        # The id of the routine's file, once it has one: it never follows the title
        # again, or a renamed routine would leave its history behind.
        self._saved_id = saved_id
        self._showing = False
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the fields, not between them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.rows: dict[str, FieldRow] = {}

        def add(key: str, label: str, editor: QWidget, *beside: QWidget) -> FieldRow:
            row = FieldRow(QLabel(label), editor, *beside)
            form.addRow(row.label, row)
            self.rows[key] = row
            return row

        self.title = self._line(self.tr("For example: Morning back stretches"))
        add("title", self.tr("&Title:"), self.title)
        self.title.textEdited.connect(self._title_edited)
        self.id = self._line(self.tr("Made from the title"))
        self.id.setMaxLength(MAX_ID_LENGTH)
        add("id", self.tr("Id (file &name):"), self.id)
        self.id.textEdited.connect(lambda text: self._set("id", text.strip(), self.tr("id")))
        self.author = self._line(self.tr("Your name, shown to the patient"))
        add("author", self.tr("&Author:"), self.author)
        self.author.textEdited.connect(
            lambda text: self._set("author", text.strip(), self.tr("author"))
        )
        self.contact = self._line(self.tr("A phone number or an email, shown with your name"))
        add("contact", self.tr("&How to reach you:"), self.contact)
        self.contact.textEdited.connect(
            lambda text: self._set("contact", text.strip(), self.tr("contact"))
        )
        self.times = QSpinBox()
        self.times.setRange(0, MAX_FREQUENCY_TIMES)
        self.times.setSpecialValueText(self.tr("Not set"))
        self.times.setSuffix(self.tr(" ×"))
        self.period = QComboBox()
        self.period.addItem(self.tr("a day"), FREQUENCY_PERIODS[0])
        self.period.addItem(self.tr("a week"), FREQUENCY_PERIODS[1])
        self.period.setAccessibleName(self.tr("Frequency: per day or per week"))
        for widget in (self.times, self.period):
            widget.setFont(scaled_font(BODY))
        route_undo_keys(self.times)
        add("frequency", self.tr("Fre&quency:"), self.times, self.period)
        self.times.valueChanged.connect(self._frequency_edited)
        self.period.currentIndexChanged.connect(self._frequency_edited)
        self.lead_in = SecondsBox(MIN_PAUSE, presets=False)
        add("lead_in", self.tr("&Get ready before each exercise:"), self.lead_in)
        self.lead_in.sig_changed.connect(
            lambda value: self._set("lead_in", value, self.tr("get-ready"))
        )
        self.description = ParagraphsEdit()
        add("description", self.tr("&Description:"), self.description)
        self.description.sig_edited.connect(
            lambda text: self._set("description", text[0], self.tr("description"))
        )
        self.safety = LinesEdit()
        self.safety.setPlaceholderText(self.tr("One safety note per line"))
        add("safety", self.tr("Safet&y notes:"), self.safety)
        self.safety.sig_edited.connect(lambda lines: self._set("safety", lines, self.tr("safety")))
        self.precautions = PrecautionBoxes(self._precautions_edited)
        add("precautions", self.tr("&Precautions:"), self.precautions)
        self.pain_rise = QSpinBox()
        self.pain_rise.setRange(MIN_PAIN_ADVICE_RISE, MAX_PAIN_ADVICE_RISE)
        self.pain_rise.setSuffix(self.tr(" points"))
        self.pain_rise.setFont(scaled_font(BODY))
        route_undo_keys(self.pain_rise)
        narrow(self.pain_rise)
        add("pain_advice_rise", self.tr("Pain rise that as&ks to ease off:"), self.pain_rise)
        self.pain_rise.valueChanged.connect(self._pain_rise_edited)
        self.replaces = self._line(self.tr("Ids of the routines this one replaces, if any"))
        add("replaces", self.tr("Repla&ces:"), self.replaces)
        self.replaces.textEdited.connect(self._replaces_edited)
        self.remind_at = self._line(self.tr("24-hour times, such as 08:00, 18:30"))
        add("remind_at", self.tr("Reminder ti&mes:"), self.remind_at)
        self.remind_at.textEdited.connect(
            lambda text: self._set("remind_at", _items(text), self.tr("reminder times"))
        )
        document.changed.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _line(placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setFont(scaled_font(BODY))
        route_undo_keys(line)
        return line

    # -- edits ---------------------------------------------------------------------
    def _set(self, key: str, value: object, label: str) -> None:
        if not self._showing:
            self._document.set_routine_field(key, value, label)

    def _title_edited(self, text: str) -> None:
        fields = self._document.draft.fields
        taken = self._taken_ids()
        old_id = fields.get("id")
        made = id_from_title(str(fields.get("title") or ""), taken)
        follows = not old_id or (old_id == made and old_id != self._saved_id())
        changes: dict[str, object] = {"title": text.strip()}
        if follows:
            changes["id"] = id_from_title(text, taken) if text.strip() else ""
        self._document.set_routine_fields(changes, self.tr("Change the title"), "title")

    def _frequency_edited(self) -> None:
        times = self.times.value()
        period = self.period.currentData()
        self.period.setEnabled(times > 0)
        self._set("frequency", f"{times}x/{period}" if times else None, self.tr("frequency"))

    def _pain_rise_edited(self, value: int) -> None:
        default = value == DEFAULT_PAIN_ADVICE_RISE
        self._set("pain_advice_rise", None if default else value, self.tr("pain rise"))

    def _replaces_edited(self, text: str) -> None:
        ids = _items(text)
        value: object = ids[0] if len(ids) == 1 else ids
        self._set("replaces", value, self.tr("replaces"))

    def _precautions_edited(self, names: list[str]) -> None:
        self._set("precautions", names, self.tr("precautions"))

    # -- showing the draft ---------------------------------------------------------
    def refresh(self) -> None:
        fields = self._document.draft.fields
        self._showing = True
        try:
            show_text(self.title, fields.get("title"))
            show_text(self.id, fields.get("id"))
            show_text(self.author, fields.get("author"))
            self._show_frequency(fields.get("frequency"))
            self.lead_in.show_value(fields.get("lead_in"), DEFAULT_LEAD_IN)
            self.description.show_lines(fields.get("description"))
            self.safety.show_lines(fields.get("safety"))
            self.precautions.show_names(fields.get("precautions"))
            rise = fields.get("pain_advice_rise")
            self.pain_rise.setValue(rise if isinstance(rise, int) else DEFAULT_PAIN_ADVICE_RISE)
            _show_items(self.replaces, fields.get("replaces"))
            _show_items(self.remind_at, fields.get("remind_at"))
            show_text(self.contact, fields.get("contact"))
        finally:
            self._showing = False

    def _show_frequency(self, value: object) -> None:
        match = _FREQUENCY.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            if value is None:
                self.times.setValue(0)
                self.period.setEnabled(False)
            return  # "twice a day" from a file: kept as written until edited
        self.times.setValue(int(match.group(1)))
        self.period.setCurrentIndex(max(0, self.period.findData(match.group(2).lower())))
        self.period.setEnabled(True)

    def show_check(self, check: DraftCheck) -> None:
        fields = self._document.draft.fields
        for key, row in self.rows.items():
            messages = [p.message for p in problems_at(check, (key,))]
            if key == "id" and messages and not fields.get("id") and not fields.get("title"):
                # The validator's "no id" speaks of file names; here the id follows the title.
                messages = [self.tr("Made from the title: give the routine a title first.")]
            row.show_problems(messages)


class PrecautionBoxes(QWidget):
    """One check box per precaution the format knows, one under the other (side by
    side they made the form too wide for a 1024-pixel screen)."""

    def __init__(self, edited: Callable[[list[str]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for precaution in PRECAUTIONS:
            box = QCheckBox(precaution_words(precaution.value))
            box.setFont(scaled_font(BODY))
            box.toggled.connect(lambda _=False: edited(self.names()))
            row.addWidget(box)
            self.boxes[precaution.value] = box
        self.setFocusProxy(next(iter(self.boxes.values())))

    def names(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def show_names(self, value: object) -> None:
        chosen = (
            {value} if isinstance(value, str) else set(value) if isinstance(value, list) else set()
        )
        for name, box in self.boxes.items():
            if box.isChecked() != (name in chosen):
                box.blockSignals(True)
                box.setChecked(name in chosen)
                box.blockSignals(False)


def _items(text: str) -> list[str]:
    """`week-1, week-2` or `08:00 18:30`: the items of a one-line list."""
    return [part for part in re.split(r"[,;\s]+", text) if part]


def _show_items(line: QLineEdit, value: object) -> None:
    items = [str(v) for v in value] if isinstance(value, list) else _items(str(value or ""))
    if _items(line.text()) != items:  # "week-1, " while typing is already week-1
        line.setText(", ".join(items))
