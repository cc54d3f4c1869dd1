"""A question over a row of buttons, answered with one tap or one key, or not at all.

The pain scale (0-10) and "Where do you feel it most?" are both optional: nothing
is chosen until the person chooses, clicking the chosen button again clears it,
and a key always chooses its answer (pressing it twice by accident changes
nothing). This is that behaviour once; each subclass makes its own buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QLabel, QVBoxLayout, QWidget

from timer_app.gui.page_style import BODY, scaled_font


class OptionalChoice(QWidget):
    sig_changed = Signal(object)  # the chosen answer, or None

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: object = None
        self._answers: list[object] = []
        self._answer_buttons: list[QAbstractButton] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.question = QLabel(question)
        self.question.setFont(scaled_font(BODY, bold=True))
        self.question.setWordWrap(True)
        self.layout_.addWidget(self.question)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # so the chosen one can be cleared
        self._group.idClicked.connect(self._clicked)
        self.setAccessibleName(question)

    def add_answer(self, answer: object, button: QAbstractButton) -> None:
        self._group.addButton(button, len(self._answers))
        self._answers.append(answer)
        self._answer_buttons.append(button)

    def answers(self) -> Sequence[object]:
        return tuple(self._answers)

    def value(self) -> object:
        return self._value

    def set_value(self, value: object) -> None:
        if value is not None and value not in self._answers:
            return
        self._value = value
        for answer, button in zip(self._answers, self._answer_buttons, strict=True):
            button.setChecked(answer == value)
        self.sig_changed.emit(value)

    def choose(self, value: object) -> None:
        """An answer's key: chooses it (unlike a click, never clears it)."""
        self.set_value(value)

    def _clicked(self, index: int) -> None:
        answer = self._answers[index]
        self.set_value(None if self._value == answer else answer)
