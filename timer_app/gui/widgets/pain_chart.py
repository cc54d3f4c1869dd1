"""A chart of pain before and after each session over time, drawn with QPainter.

Each session is drawn on its own: a hollow dot for the pain before, a line to a
filled dot for the pain after, so a session where pain rose shows as a line
going up, never averaged away with the day's other sessions. A thin line joins
the "after" dots to show the trend. Qt Charts is deprecated since Qt 6.10, and
this needs very little: axes, dots, lines and a legend. Colours come from the
palette, so light and dark themes both work.

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

from timer_app.core.pain_location import PainShift
from timer_app.core.stats import SessionPain
from timer_app.gui.translation import local_date

MAX_PAIN = 10


class PainPoint(Protocol):
    """One session's pain ratings (0–10); `core.stats.SessionPain` is one."""

    @property
    def day(self) -> date: ...

    @property
    def slot(self) -> float: ...  # where in its day (0 to 1)

    @property
    def before(self) -> float | None: ...

    @property
    def after(self) -> float | None: ...

    @property
    def shift(self) -> PainShift: ...  # where the pain went: marked above the session


class PainChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[PainPoint, ...] = ()
        self.drawn_date_labels: list[str] = []  # the dates the last paint showed
        # The sessions the last paint marked as centralising or spreading down the leg.
        self.drawn_shift_marks: list[tuple[date, PainShift]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Pain before and after sessions"))
        self._update_description()

    # -- data ------------------------------------------------------------------
    def set_points(self, points: Sequence[PainPoint]) -> None:
        self._points = tuple(sorted(points, key=lambda p: (p.day, p.slot)))
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
        description = self.tr(
            "{n} sessions with ratings. Last, {day}: before {before}, after {after}."
        ).format(
            n=len(rated),
            day=local_date(last.day, "dddd d MMMM yyyy"),
            before=_fmt(last.before),
            after=_fmt(last.after),
        )
        central = sum(p.shift is PainShift.CENTRALISING for p in rated)
        spread = sum(p.shift is PainShift.PERIPHERALISING for p in rated)
        if central or spread:
            description += " " + self.tr(
                "Pain moved toward the spine in {central}, down the leg in {spread}."
            ).format(central=central, spread=spread)
        self.setAccessibleDescription(description)

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
        self._draw_trend(painter, plot, xs, [p.after for p in rated], after_colour)
        for x, point in zip(xs, rated, strict=True):
            self._draw_session(painter, plot, x, point, before_colour, after_colour)
        self._draw_shift_marks(painter, plot, rated, xs, after_colour, text)
        self._draw_dates(painter, plot, rated, xs, text, metrics)
        legend_end = self._draw_legend(painter, line_h, before_colour, after_colour, text, metrics)
        if self.drawn_shift_marks:
            self._draw_shift_legend(painter, line_h, legend_end, after_colour, text, metrics)

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
        # Spread by date, so a gap of a week looks like a gap; a day's sessions
        # side by side within its day.
        first = rated[0].day
        places = [(pt.day - first).days + pt.slot for pt in rated]
        low, high = places[0], places[-1]
        if high - low < 1e-9:
            return [plot.center().x() for _ in rated]
        return [plot.left() + plot.width() * (x - low) / (high - low) for x in places]

    def _draw_trend(
        self, p: QPainter, plot: QRectF, xs: list[float], values: list[float | None], colour: QColor
    ) -> None:
        """A thin line through the "after" ratings: the trend, behind the sessions."""
        faint = QColor(colour)
        faint.setAlpha(110)
        path = QPainterPath()
        started = False
        for x, v in zip(xs, values, strict=True):
            if v is None:
                started = False  # a session without a rating breaks the line
                continue
            point = QPointF(x, _y(v, plot))
            if started:
                path.lineTo(point)
            else:
                path.moveTo(point)
                started = True
        p.setPen(QPen(faint, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    def _draw_session(
        self, p: QPainter, plot: QRectF, x: float, point: PainPoint, before: QColor, after: QColor
    ) -> None:
        """One session: a hollow dot before, a line up or down to a filled dot after."""
        start = None if point.before is None else QPointF(x, _y(point.before, plot))
        end = None if point.after is None else QPointF(x, _y(point.after, plot))
        if start is not None and end is not None:
            pen = QPen(after, 3)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawLine(start, end)
        if start is not None:
            p.setPen(QPen(before, 2.5))
            p.setBrush(self.palette().color(QPalette.ColorRole.Window))
            p.drawEllipse(start, 5.0, 5.0)
        if end is not None:
            p.setPen(QPen(after, 1))
            p.setBrush(after)
            p.drawEllipse(end, 5.0, 5.0)

    def _draw_shift_marks(
        self,
        p: QPainter,
        plot: QRectF,
        rated: list[PainPoint],
        xs: list[float],
        central: QColor,
        spread: QColor,
    ) -> None:
        """Above each session where the pain moved: a triangle pointing up (toward
        the spine, the good sign) or down (down the leg, the stop sign)."""
        self.drawn_shift_marks = []
        y = plot.top() - 9.0
        for point, x in zip(rated, xs, strict=True):
            if point.shift is PainShift.CENTRALISING:
                _triangle(p, QPointF(x, y), up=True, colour=central)
            elif point.shift is PainShift.PERIPHERALISING:
                _triangle(p, QPointF(x, y), up=False, colour=spread)
            else:
                continue
            self.drawn_shift_marks.append((point.day, point.shift))

    def _draw_shift_legend(
        self,
        p: QPainter,
        line_h: int,
        left_limit: float,
        central: QColor,
        spread: QColor,
        m: QFontMetrics,
    ) -> None:
        """Right-aligned on the legend's line: what the two triangles mean (left out
        when the chart is too narrow; the accessible description still says it)."""
        entries = (
            (self.tr("pain spread down the leg"), False, spread),
            (self.tr("pain moved toward the spine"), True, central),
        )
        needed = sum(m.horizontalAdvance(label) + line_h * 2.1 for label, _, _ in entries)
        x = float(self.width() - line_h)
        if x - needed < left_limit:
            return
        y = line_h * 1.0
        for label, up, colour in entries:
            x -= m.horizontalAdvance(label)
            p.setPen(spread)  # the text colour
            p.drawText(QPointF(x, y), label)
            x -= line_h * 0.9
            _triangle(p, QPointF(x, y - m.ascent() / 3), up=up, colour=colour)
            x -= line_h * 1.2

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
        previous: date | None = None
        for point, x in zip(rated, xs, strict=True):
            if point.day == previous:
                continue  # one date under a day's sessions
            previous = point.day
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
    ) -> float:
        """Draws the legend on the top line; returns where it ends (x)."""
        x = float(line_h)
        y = line_h * 1.0
        for label, colour, hollow in (
            (self.tr("Pain before"), before, True),
            (self.tr("Pain after"), after, False),
        ):
            dot = QPointF(x + line_h * 0.5, y - m.ascent() / 3)
            if hollow:
                p.setPen(QPen(colour, 2.5))
                p.setBrush(self.palette().color(QPalette.ColorRole.Window))
            else:
                p.setPen(QPen(colour, 1))
                p.setBrush(colour)
            p.drawEllipse(dot, 5.0, 5.0)
            x += line_h * 1.2
            p.setPen(text)
            p.drawText(QPointF(x, y), label)
            x += m.horizontalAdvance(label) + line_h * 1.5
        return x


def _y(value: float, plot: QRectF) -> float:
    clamped = min(max(value, 0.0), float(MAX_PAIN))
    return plot.bottom() - plot.height() * clamped / MAX_PAIN


def _triangle(p: QPainter, centre: QPointF, *, up: bool, colour: QColor) -> None:
    size = 6.0
    tip = -size if up else size
    path = QPainterPath(QPointF(centre.x(), centre.y() + tip))
    path.lineTo(QPointF(centre.x() - size, centre.y() - tip))
    path.lineTo(QPointF(centre.x() + size, centre.y() - tip))
    path.closeSubpath()
    p.setPen(QPen(colour, 1))
    p.setBrush(colour)
    p.drawPath(path)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`amount` of a, the rest b: a softer text colour that keeps its contrast."""
    return QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _sample_points() -> list[SessionPain]:
    today = date.today()
    before = [6, 6, 5, None, 5, 4, 4, 3, 4, 3]
    after = [5, 4, 4, 4, 3, 3, 3, 2, 6, 2]
    return [
        SessionPain(today - timedelta(days=2 * (len(before) - i)), b, a)
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
