"""A chart of pain before and after sessions over time, drawn with QPainter.

Qt Charts is deprecated since Qt 6.10, and two lines on a 0–10 scale need very
little: axes, a dashed "before" line, a solid "after" line and a legend. Colours
come from the palette, so light and dark themes both work.

Preview alone: `python -m timer_app.gui.widgets.pain_chart`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from timer_app.core.stats import DayPain
from timer_app.gui.translation import local_date

MAX_PAIN = 10


class PainPoint(Protocol):
    """One day's mean pain ratings (0–10); `core.stats.DayPain` is one."""

    @property
    def day(self) -> date: ...

    @property
    def before(self) -> float | None: ...

    @property
    def after(self) -> float | None: ...


class PainChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[PainPoint, ...] = ()
        self.drawn_date_labels: list[str] = []  # the dates the last paint showed
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Pain before and after sessions"))
        self._update_description()

    # -- data ------------------------------------------------------------------
    def set_points(self, points: Sequence[PainPoint]) -> None:
        self._points = tuple(sorted(points, key=lambda p: p.day))
        self._update_description()
        self.update()

    def points(self) -> tuple[PainPoint, ...]:
        return self._points

    def _update_description(self) -> None:
        # Screen readers get the numbers the picture shows.
        rated = [p for p in self._points if p.before is not None or p.after is not None]
        if not rated:
            self.setAccessibleDescription(self.tr("No pain ratings yet."))
            return
        last = rated[-1]
        self.setAccessibleDescription(
            self.tr("{n} days with ratings. Last, {day}: before {before}, after {after}.").format(
                n=len(rated),
                day=local_date(last.day, "dddd d MMMM yyyy"),
                before=_fmt(last.before),
                after=_fmt(last.after),
            )
        )

    def minimumSizeHint(self) -> QSize:
        m = QFontMetrics(self.font())
        return QSize(m.horizontalAdvance("0") * 30, m.height() * 9)

    def sizeHint(self) -> QSize:
        m = QFontMetrics(self.font())
        return QSize(m.horizontalAdvance("0") * 60, m.height() * 14)

    # -- painting ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        line_h = metrics.height()

        plot = QRectF(self.rect()).adjusted(
            metrics.horizontalAdvance("10") + line_h, line_h * 2.2, -line_h, -line_h * 1.8
        )
        if plot.width() < 20 or plot.height() < 20:
            return
        self._draw_axes(painter, plot, text, metrics)
        rated = [p for p in self._points if p.before is not None or p.after is not None]
        if not rated:
            painter.setPen(text)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No pain ratings yet"))
            return
        before_colour = _mix(text, pal.color(QPalette.ColorRole.Window), 0.55)
        after_colour = pal.color(QPalette.ColorRole.Highlight)
        xs = self._x_positions(rated, plot)
        self._draw_series(painter, plot, xs, [p.before for p in rated], before_colour, dashed=True)
        self._draw_series(painter, plot, xs, [p.after for p in rated], after_colour, dashed=False)
        self._draw_dates(painter, plot, rated, xs, text, metrics)
        self._draw_legend(painter, line_h, before_colour, after_colour, text, metrics)

    def _draw_axes(self, p: QPainter, plot: QRectF, text: QColor, m: QFontMetrics) -> None:
        grid = QColor(text)
        grid.setAlpha(50)
        for value in (0, 5, 10):
            y = _y(value, plot)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            label = str(value)
            p.drawText(
                QPointF(plot.left() - m.horizontalAdvance(label) - 6, y + m.ascent() / 2 - 1),
                label,
            )

    def _x_positions(self, rated: list[PainPoint], plot: QRectF) -> list[float]:
        # Spread by date, so a gap of a week looks like a gap.
        first, last = rated[0].day, rated[-1].day
        span = (last - first).days
        if span == 0:
            return [plot.center().x() for _ in rated]
        return [plot.left() + plot.width() * (pt.day - first).days / span for pt in rated]

    def _draw_series(
        self,
        p: QPainter,
        plot: QRectF,
        xs: list[float],
        values: list[float | None],
        colour: QColor,
        *,
        dashed: bool,
    ) -> None:
        pen = QPen(colour, 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        path = QPainterPath()
        started = False
        dots: list[QPointF] = []
        for x, v in zip(xs, values, strict=True):
            if v is None:
                started = False  # a day without a rating breaks the line
                continue
            point = QPointF(x, _y(v, plot))
            dots.append(point)
            if started:
                path.lineTo(point)
            else:
                path.moveTo(point)
                started = True
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(colour, 1))
        p.setBrush(colour)
        for dot in dots:
            p.drawEllipse(dot, 4.5, 4.5)

    def _draw_dates(
        self,
        p: QPainter,
        plot: QRectF,
        rated: list[PainPoint],
        xs: list[float],
        text: QColor,
        m: QFontMetrics,
    ) -> None:
        p.setPen(text)
        y = plot.bottom() + m.height() * 1.2
        gap = m.horizontalAdvance("  ")
        placed: list[tuple[float, str]] = []
        for point, x in zip(rated, xs, strict=True):
            label = local_date(point.day, "dd MMM")
            w = m.horizontalAdvance(label)
            left = min(max(x - w / 2, plot.left() - m.horizontalAdvance("10")), self.width() - w)
            placed.append((left, label))
        # Labels never overlap. The newest day (usually today) always gets its
        # label; the others, from the oldest, wherever there is room before it.
        newest_left = placed[-1][0] if placed else 0.0
        last_right = -1e9
        self.drawn_date_labels = []
        for index, (left, label) in enumerate(placed):
            right = left + m.horizontalAdvance(label)
            is_newest = index == len(placed) - 1
            if is_newest or (left > last_right + gap and right + gap < newest_left):
                p.drawText(QPointF(left, y), label)
                self.drawn_date_labels.append(label)
                last_right = right

    def _draw_legend(
        self,
        p: QPainter,
        line_h: int,
        before: QColor,
        after: QColor,
        text: QColor,
        m: QFontMetrics,
    ) -> None:
        x = float(line_h)
        y = line_h * 1.0
        for label, colour, dashed in (
            (self.tr("Pain before"), before, True),
            (self.tr("Pain after"), after, False),
        ):
            pen = QPen(colour, 3)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(
                QPointF(x, y - m.ascent() / 3), QPointF(x + line_h * 1.6, y - m.ascent() / 3)
            )
            x += line_h * 2
            p.setPen(text)
            p.drawText(QPointF(x, y), label)
            x += m.horizontalAdvance(label) + line_h * 1.5


def _y(value: float, plot: QRectF) -> float:
    clamped = min(max(value, 0.0), float(MAX_PAIN))
    return plot.bottom() - plot.height() * clamped / MAX_PAIN


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`amount` of a, the rest b: a softer text colour that keeps its contrast."""
    return QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _sample_points() -> list[DayPain]:
    today = date.today()
    before = [6, 6, 5, None, 5, 4, 4, 3, 4, 3]
    after = [5, 4, 4, 4, 3, 3, 3, 2, 3, 2]
    return [
        DayPain(today - timedelta(days=2 * (len(before) - i)), b, a)
        for i, (b, a) in enumerate(zip(before, after, strict=True))
    ]


def main() -> int:  # pragma: no cover - a preview for people, not tests
    app = QApplication.instance() or QApplication(sys.argv)
    chart = PainChart()
    chart.set_points(_sample_points())
    chart.resize(760, 360)
    chart.setWindowTitle("Pain chart preview")
    chart.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
