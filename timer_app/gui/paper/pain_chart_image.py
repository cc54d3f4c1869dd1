"""The report's pain chart: each session's pain before → after, drawn at 300 dpi.

One column per rated session, oldest left, as `stats.pain_by_session` gives them
(never a daily mean: a mean hides the session where pain rose). A hollow ring is
the rating before, a filled dot the rating after, joined by a line: dark when
the pain fell or stayed, and a heavier dashed line when it rose, so the sessions
that hurt stand out in black and white print too. The words around it (the
scale, the period, the legend) are in the report's text, where a reader and a
screen reader find them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from timer_app.core.history import PAIN_MAX
from timer_app.core.stats import SessionPain
from timer_app.gui.paper.pdf_document import RESOLUTION, text_font

WIDTH_MM = 170.0
HEIGHT_MM = 55.0


def _px(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def pain_chart(points: Sequence[SessionPain]) -> QImage:
    """The chart as an image WIDTH_MM x HEIGHT_MM at 300 dpi (white background)."""
    image = QImage(round(_px(WIDTH_MM)), round(_px(HEIGHT_MM)), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.setDotsPerMeterX(round(RESOLUTION / 0.0254))
    image.setDotsPerMeterY(round(RESOLUTION / 0.0254))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = text_font(8)
    painter.setFont(font)
    left, right, top, bottom = _px(8), _px(2), _px(3), _px(4)
    plot = QRectF(left, top, image.width() - left - right, image.height() - top - bottom)
    grid = QPen(QColor("#bbbbbb"), _px(0.15))
    for value in range(0, PAIN_MAX + 1, 2):
        y = _y(plot, value)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("black"))
        label = QRectF(0, y - _px(2), left - _px(1.5), _px(4))
        painter.drawText(
            label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
        )
    rated = [p for p in points if p.before is not None or p.after is not None]
    step = plot.width() / max(1, len(rated))
    radius = min(_px(1.2), step * 0.3)
    for index, point in enumerate(rated):
        x = plot.left() + step * (index + 0.5)
        before = None if point.before is None else QPointF(x, _y(plot, point.before))
        after = None if point.after is None else QPointF(x, _y(plot, point.after))
        if before is not None and after is not None:
            rose = (point.after or 0) > (point.before or 0)
            pen = QPen(QColor("black"), _px(0.5 if rose else 0.3))
            if rose:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(before, after)
        painter.setPen(QPen(QColor("black"), _px(0.3)))
        if before is not None:
            painter.setBrush(QColor("white"))
            painter.drawEllipse(before, radius, radius)
        if after is not None:
            painter.setBrush(QColor("black"))
            painter.drawEllipse(after, radius, radius)
    painter.setPen(QPen(QColor("black"), _px(0.3)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    painter.end()
    return image


def _y(plot: QRectF, value: int) -> float:
    return plot.bottom() - plot.height() * value / PAIN_MAX
