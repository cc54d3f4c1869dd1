"""A form in a scroll area that scrolls up and down, never sideways.

The area asks for its form's full width (`minimumSizeHint`), so the window and its
splitter make room for every field, down to a 1024x600 screen, instead of hiding
the fields' ends behind a sideways scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class FormScroll(QScrollArea):
    """Scrolls its form vertically only; as wide as the form needs at least."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(form.minimumSizeHint().width() + bar + frame, hint.height())


def scrolled(widget: QWidget) -> FormScroll:
    area = FormScroll()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop that shows nothing
    return area
