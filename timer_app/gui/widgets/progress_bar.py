"""The session's progress bar: the planned time done, marked where each exercise
begins.

Quiet while counting (issue 18): a second of a ten-minute session moves the done
part's end about a pixel, so a second repaints that sliver only (Qt clips the
bar's shapes to it). Each Qt value made from Python costs a few thousand
instructions, so the bar's sizes are kept as plain numbers until a resize and
its colours until the palette changes.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from timer_app.gui.widgets.countdown_ring import mixed
from timer_app.gui.widgets.opaque import OpaqueWidget

HEIGHT = 14


class ProgressBar(OpaqueWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.marks: list[float] = []  # where each exercise after the first begins (0..1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        # Window, track and highlight colours, kept until the palette changes: a
        # second's paint made three QColors and mixed a fourth.
        self._colours: tuple[QColor, QColor, QColor] | None = None
        self._box: tuple[float, float, float, float] | None = None  # left, top, width, height

    def sizeHint(self) -> QSize:
        return QSize(400, HEIGHT)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = None
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._box = None
        super().resizeEvent(event)

    def _palette_colours(self) -> tuple[QColor, QColor, QColor]:
        if self._colours is None:
            palette = self.palette()
            window = palette.color(QPalette.ColorRole.Window)
            # Mixed, not translucent: Qt blends translucent shapes on its thread pool.
            track = mixed(window, palette.color(QPalette.ColorRole.WindowText), 0.12)
            self._colours = (window, track, palette.color(QPalette.ColorRole.Highlight))
        return self._colours

    def _bar_box(self) -> tuple[float, float, float, float]:
        """The bar inside a pixel's margin: left, top, width, height."""
        if self._box is None:
            self._box = (1.0, 1.0, self.width() - 2.0, self.height() - 2.0)
        return self._box

    def _done_end(self, fraction: float) -> float:
        """Where the done part's rounded end reaches for `fraction`: never shorter
        than its two round ends, so the first sliver is a dot, not a sliver."""
        left, _, width, height = self._bar_box()
        if fraction <= 0:
            return left
        return left + max(height, width * fraction)

    def set_fraction(self, fraction: float) -> None:
        """Repaint only the stretch between the old end and the new, its round end
        included."""
        if fraction == self.fraction:
            return
        ends = sorted((self._done_end(self.fraction), self._done_end(fraction)))
        self.fraction = fraction
        reach = self.height() / 2 + 2  # the round end's width, and antialiasing
        left = int(ends[0] - reach)
        self.update(QRect(left, 0, int(ends[1] + 2) - left + 1, self.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        window, track, highlight = self._palette_colours()
        painter.fillRect(event.rect(), window)  # opaque (OpaqueWidget)
        antialiasing, no_pen = _paint_settings()
        painter.setRenderHint(antialiasing)
        painter.setPen(no_pen)
        left, top, width, height = self._bar_box()
        radius = height / 2
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(left, top, width, height), radius, radius)
        if self.fraction > 0:
            done = self._done_end(self.fraction) - left
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(left, top, done, height), radius, radius)
        # A thin gap in the window colour marks where each exercise begins.
        painter.setBrush(window)
        for mark in self.marks:
            painter.drawRect(QRectF(left + width * mark - 1, top, 2, height))
        painter.end()


@functools.cache  # once: each naming of a Qt enum member runs Python's enum code
def _paint_settings() -> tuple[QPainter.RenderHint, Qt.PenStyle]:
    return QPainter.RenderHint.Antialiasing, Qt.PenStyle.NoPen
