"""One labelled field of the editor: its input, its problems under it, and undo keys.

Each field shows the validator's problems for its own path right under it (and in
its tooltip and accessible description, so a screen reader says it too), and, for
an exercise taken from the library, whether the value is the routine's own
override of the library's. Ctrl+Z and Ctrl+Shift+Z always reach the editor's one
undo stack: a text box's private undo would otherwise take them, and undo a
different history from the one the Edit menu shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.editor.draft import seconds_of, seconds_value
from timer_app.core.editor.limits import DURATION_PRESETS, MAX_DURATION
from timer_app.gui.editor.duration_spin import DurationSpin
from timer_app.gui.page_style import BODY, plain_label, plain_tooltip, scaled_font

_UNDO_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)


class _UndoKeysToStack(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z pass a text box by to the window's undo actions."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = QKeySequence(event.keyCombination())
            if any(event.matches(key) for key in _UNDO_KEYS) or combo == QKeySequence(
                "Ctrl+Shift+Z"
            ):
                event.ignore()  # not the box's: the shortcut (the undo stack) gets it
                return True
        return False


_FILTER: _UndoKeysToStack | None = None


def route_undo_keys(*widgets: QWidget) -> None:
    global _FILTER  # one filter serves every field of every editor window
    if _FILTER is None:
        _FILTER = _UndoKeysToStack()
    for widget in widgets:
        widget.installEventFilter(_FILTER)
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
        if isinstance(widget, QSpinBox) and widget.lineEdit() is not None:
            widget.lineEdit().installEventFilter(_FILTER)


def narrow(spin: QSpinBox) -> QSpinBox:
    """As wide as its longest value and unit: a number stretched across the form reads
    as a text box."""
    widest = max(spin.specialValueText(), f"{spin.maximum()}{spin.suffix()}  ", key=len)
    spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance(widest) + 48)
    return spin


def show_text(line: QLineEdit, value: object) -> None:
    """Show a field's text unless the line already says it (a cursor stays put)."""
    wanted = "" if value is None else str(value)
    if line.text().strip() != wanted.strip():
        line.setText(wanted)
        if not line.hasFocus():
            line.setCursorPosition(0)  # a long note shows its start, not its end


def problem_colour(palette: QPalette) -> str:
    """A red that reads on the palette's background, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
    return "#ffb4ab" if dark else "#b3261e"


def style_problem(label: QLabel) -> None:
    """A problem's words in bold red (set once: a style sheet is costly to set again)."""
    style = f"color: {problem_colour(label.palette())}; font-weight: bold;"
    if label.styleSheet() != style:
        label.setStyleSheet(style)


class FieldRow(QWidget):
    """The input (and anything beside it), the override note and the problem line."""

    sig_reset = Signal()  # "Use the library's" was pressed

    def __init__(
        self, label: QLabel, editor: QWidget, *beside: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.editor = editor
        name = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")
        self._target().setAccessibleName(name)
        label.setBuddy(editor)
        label.setFont(scaled_font(BODY))
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        row = QHBoxLayout()
        if beside or editor.maximumWidth() < 10_000:  # a narrow input keeps to the left
            row.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            row.addWidget(editor, 1)
        for widget in beside:
            row.addWidget(widget)
        if beside or editor.maximumWidth() < 10_000:
            row.addStretch(1)
        col.addLayout(row)
        override_row = QHBoxLayout()
        self.override = plain_label()
        self.override.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Use the library's"))
        self.reset_button.setAccessibleDescription(
            self.tr("Remove this change: the exercise uses the library's value again")
        )
        self.reset_button.clicked.connect(self.sig_reset)
        override_row.addWidget(self.override, 1)
        override_row.addWidget(self.reset_button)
        col.addLayout(override_row)
        self.problem = plain_label()
        self.problem.setWordWrap(True)
        col.addWidget(self.problem)
        self._plain_tip = editor.toolTip()
        self.show_override(None)
        self.show_problems(())

    def show_problems(self, messages: Iterable[str]) -> None:
        text = "\n".join(messages)
        if text == self.problem.text() and self.problem.isHidden() != bool(text):
            return  # every keystroke asks: a style sheet set again costs a re-polish
        self.problem.setText(text)
        style_problem(self.problem)
        self.problem.setVisible(bool(text))
        self._target().setToolTip(plain_tooltip(text) if text else self._plain_tip)
        self._target().setAccessibleDescription(text)

    def _target(self) -> QWidget:
        """The widget that takes the focus: a screen reader reads its name."""
        target = getattr(self.editor, "input", None)
        return target if isinstance(target, QWidget) else self.editor

    @property
    def problem_text(self) -> str:
        return "" if self.problem.isHidden() else self.problem.text()

    def show_override(self, library_value: str | None) -> None:
        """Say the value is this routine's own (the library's being `library_value`)."""
        if library_value is None:
            self.override.hide()
            self.reset_button.hide()
            return
        self.override.setText(
            self.tr("Changed for this routine (the library says: %1)").replace("%1", library_value)
        )
        self.override.show()
        self.reset_button.show()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.label.setVisible(visible)


class SecondsBox(QWidget):
    """Seconds in a spin box with its unit, and quick presets (5, 10, 30, 45, 60 s)."""

    sig_changed = Signal(object)  # the YAML value: "45 s", "2 min" (or None for the default)

    def __init__(
        self,
        minimum: float,
        *,
        presets: bool = True,
        default_words: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.spin = DurationSpin()
        self.spin.setFont(scaled_font(BODY))
        # One below the range is "not set": the format's default, said in words.
        self._unset = default_words is not None
        low = int(minimum) - 1 if self._unset else int(minimum)
        self.spin.setRange(low, int(MAX_DURATION))
        if default_words is not None:
            self.spin.setSpecialValueText(default_words)
        self.spin.setAccelerated(True)
        widest = self.spin.fontMetrics().horizontalAdvance(self.spin.widest_text() + "  ")
        self.spin.setMaximumWidth(widest + 48)
        route_undo_keys(self.spin)
        self.setFocusProxy(self.spin)
        row.addWidget(self.spin)
        self.preset_buttons: list[QPushButton] = []
        for seconds in DURATION_PRESETS if presets else ():
            button = QPushButton(self.tr("%1 s").replace("%1", str(seconds)))
            button.setAccessibleName(self.tr("%1 seconds").replace("%1", str(seconds)))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, s=seconds: self.spin.setValue(s))
            # As narrow as their words: five of them sit beside the spin box.
            button.setStyleSheet("padding: 2px 6px;")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(" 60 s "))
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
            self.preset_buttons.append(button)
        row.addStretch(1)
        self._showing = False
        self.spin.valueChanged.connect(self._changed)

    @property
    def input(self) -> QWidget:
        """The widget that takes the focus (and is named for a screen reader)."""
        return self.spin

    def value(self) -> object:
        number = self.spin.value()
        if self._unset and number == self.spin.minimum():
            return None
        return seconds_value(float(number))

    def show_value(self, value: object, default: float | None = None) -> None:
        seconds = seconds_of(value)
        if seconds is None:
            shown = self.spin.minimum() if self._unset or default is None else round(default)
        else:
            shown = round(seconds)
        if shown != self.spin.value():
            self._showing = True
            self.spin.setValue(shown)
            self._showing = False

    def _changed(self, _value: int) -> None:
        if not self._showing:
            self.sig_changed.emit(self.value())


class LinesEdit(QPlainTextEdit):
    """A text box whose lines are a list of text (instructions, cautions, safety)."""

    sig_edited = Signal(object)  # the list of non-empty lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(scaled_font(BODY))
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        route_undo_keys(self)
        self._showing = False
        self.textChanged.connect(self._changed)

    def lines(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().split("\n") if line.strip()]

    def show_lines(self, value: object) -> None:
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        wanted = [str(i).strip() for i in items if str(i).strip()]
        if wanted != self.lines():
            self._showing = True
            self.setPlainText("\n".join(wanted))
            self._showing = False

    def _changed(self) -> None:
        if not self._showing:
            self.sig_edited.emit(self.lines())


class ParagraphsEdit(LinesEdit):
    """A text box whose whole text is one field (a description): its blank lines,
    which separate paragraphs, are kept."""

    def lines(self) -> list[str]:
        return [self.toPlainText().strip()]

    def show_lines(self, value: object) -> None:
        wanted = str(value or "").strip()
        if wanted != self.toPlainText().strip():
            self._showing = True
            self.setPlainText(wanted)
            self._showing = False
