"""The session's buttons: one row when they fit, two when they do not.

Eight buttons with their keys in the text ("Pause (Space)") need about 890 px at
a 9 pt font and 1070 px at 11 pt, a common desktop default: in one fixed row they
pushed a 1024 px wide window past the edge of the screen. Here the row wraps
into two halves instead, and the widget asks only for the two-row width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QPushButton, QWidget


class ControlRow(QWidget):
    """`wide` is the index of the button that gets the extra width (the one that
    matters most: "Stop – it hurts")."""

    SPACING = 6

    def __init__(
        self, buttons: Sequence[QPushButton], wide: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._buttons = list(buttons)
        self._wide = wide
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(self.SPACING)
        # The layout must not set this widget's minimum to the one-row width.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.rows = 0
        self._arrange(1)

    def _row_width(self, buttons: Sequence[QPushButton]) -> int:
        widths = [b.sizeHint().width() for b in buttons if not b.isHidden()]
        return sum(widths) + self.SPACING * max(0, len(widths) - 1)

    def _halves(self) -> tuple[list[QPushButton], list[QPushButton]]:
        half = math.ceil(len(self._buttons) / 2)
        return self._buttons[:half], self._buttons[half:]

    def one_row_width(self) -> int:
        return self._row_width(self._buttons)

    def _arrange(self, rows: int) -> None:
        if rows == self.rows:
            return
        for button in self._buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        per_row = math.ceil(len(self._buttons) / rows)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // per_row, index % per_row)
        self._grid.setColumnStretch(self._wide % per_row, 2)
        self.rows = rows
        self.updateGeometry()  # the height changed: the panel gives it room

    def minimumSizeHint(self) -> QSize:
        first, second = self._halves()
        height = self._grid.minimumSize().height()
        return QSize(max(self._row_width(first), self._row_width(second)), height)

    def sizeHint(self) -> QSize:
        return QSize(self.one_row_width(), self._grid.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(1 if event.size().width() >= self.one_row_width() else 2)
        super().resizeEvent(event)
