"""A spin box of seconds that shows and takes them the way therapists write them.

`900` reads as a number to work out; "15 min" is what the file says and what the
therapist means. The box shows `45 s`, `2 min`, `1 min 30 s` (the file's own
words, `core.durations`), takes any of those or a plain number of seconds, and
steps by a second under a minute, by 5 s up to 5 min and by 30 s beyond, so
the arrows reach a 15-minute walk.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from timer_app.core.durations import DurationError, format_duration, parse_duration


class DurationSpin(QSpinBox):
    """Whole seconds, shown and typed as a length of time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def textFromValue(self, value: int) -> str:
        return format_duration(value) if value > 0 else "0 s"

    def valueFromText(self, text: str) -> int:
        seconds = _seconds(text)
        return self.value() if seconds is None else round(seconds)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        special = self.specialValueText()
        seconds = _seconds(text)
        if special and text == special:
            state = QValidator.State.Acceptable
        elif seconds is None or not self.minimum() <= round(seconds) <= self.maximum():
            # "1 mi" on the way to "1 min", or a number still being typed.
            state = QValidator.State.Intermediate
        else:
            state = QValidator.State.Acceptable
        return state, text, pos

    def stepBy(self, steps: int) -> None:
        value = self.value()
        going_up = steps > 0
        edge = value if going_up else value - 1
        unit = 1 if edge < 60 else 5 if edge < 300 else 30
        target = value + steps * unit
        if unit > 1:  # onto the grid: 62 s goes up to 65 s, not 67 s
            target = (target // unit) * unit if going_up else -((-target) // unit) * unit
        self.setValue(max(self.minimum(), min(self.maximum(), target)))

    def widest_text(self) -> str:
        """The longest text the box shows, for its width."""
        return max(self.specialValueText(), "59 min 55 s", key=len)

    # Qt sizes a spin box by the texts of its minimum and maximum ("1 h" is short):
    # as wide as its longest text instead, or "5 min" shows as "5 mi".
    def sizeHint(self) -> QSize:
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._widened(super().minimumSizeHint())

    def _widened(self, hint: QSize) -> QSize:
        metrics = self.fontMetrics()
        ends = max(
            metrics.horizontalAdvance(self.textFromValue(self.maximum())),
            metrics.horizontalAdvance(
                self.specialValueText() or self.textFromValue(self.minimum())
            ),
        )
        extra = metrics.horizontalAdvance(self.widest_text()) - ends
        return QSize(hint.width() + max(0, extra), hint.height())


def _seconds(text: str) -> float | None:
    try:
        return parse_duration(text.strip(), allow_zero=True)
    except DurationError:
        return None
