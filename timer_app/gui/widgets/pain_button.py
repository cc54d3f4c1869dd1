"""One number of the 0–10 pain scale, unmistakable once chosen.

A checked QPushButton differs from the others by a shade most styles barely
change (Fusion's is about 1.1:1), which a person checking their rating from the
mat cannot see. The chosen number here is drawn inverted, in the palette's text
colour with the window colour on it (well over the 3:1 WCAG asks of a control
against its neighbours, in light and dark palettes alike), and is marked by more
than colour: a thick frame in the highlight colour, a check mark before the
number and a bold underline. Every button is wide enough for "✓ 10" from the
start, so choosing a number moves nothing.

Preview alone: `python -m timer_app.gui.widgets.pain_button`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QWidget

CHECK = "✓"
FRAME = 4  # px: the chosen number's frame, thick enough to see from the mat


class PainButton(QPushButton):
    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(str(number), parent)
        self.number = number
        self.setCheckable(True)
        self.toggled.connect(self._mark)

    def _mark(self, checked: bool) -> None:
        self.setText(f"{CHECK} {self.number}" if checked else str(self.number))
        font = self.font()
        font.setUnderline(checked)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        # As wide as the widest label it can take ("✓ 10"), chosen or not.
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        widest = metrics.horizontalAdvance(f"{CHECK} 10") + 2 * FRAME + 12
        return QSize(max(hint.width(), widest), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint().expandedTo(super().minimumSizeHint())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isChecked():
            super().paintEvent(event)
            return
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(FRAME / 2, FRAME / 2, -FRAME / 2, -FRAME / 2)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), FRAME))
        painter.setBrush(palette.color(QPalette.ColorRole.WindowText))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.Window))
        painter.setFont(self.font())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text())
        if self.hasFocus():  # Tab still shows where the focus is
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Window), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(FRAME, FRAME, -FRAME, -FRAME), 2, 2)
        painter.end()


def _preview() -> int:
    from PySide6.QtWidgets import QApplication, QHBoxLayout

    app = QApplication.instance() or QApplication(sys.argv)
    row = QWidget()
    layout = QHBoxLayout(row)
    for n in range(11):
        button = PainButton(n)
        button.setChecked(n == 6)
        layout.addWidget(button)
    row.setWindowTitle("PainButton preview")
    row.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview())
