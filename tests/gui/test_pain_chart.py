"""The pain chart draws what the ratings say, in the palette's colours."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from timer_app.core.stats import SessionPain
from timer_app.gui.widgets.pain_chart import PainChart, _sample_points


def colour_pixels(image: QImage, colour: QColor, tolerance: int = 30) -> list[tuple[int, int]]:
    found = []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) <= tolerance
                and abs(c.green() - colour.green()) <= tolerance
                and abs(c.blue() - colour.blue()) <= tolerance
            ):
                found.append((x, y))
    return found


def make_chart(qtbot: QtBot, points: list[SessionPain]) -> PainChart:
    chart = PainChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.set_points(points)
    return chart


def test_pain_after_falling_is_drawn_as_a_falling_line(qtbot: QtBot) -> None:
    points = [
        SessionPain(date(2026, 11, 1), 8, 8),
        SessionPain(date(2026, 11, 5), 6, 5),
        SessionPain(date(2026, 11, 10), 3, 2),
    ]
    chart = make_chart(qtbot, points)
    image = chart.grab().toImage()
    after = colour_pixels(image, chart.palette().color(QPalette.ColorRole.Highlight))
    assert after, "the 'after' line is drawn in the highlight colour"
    plot = [p for p in after if p[1] > 50]  # below the legend
    leftmost = min(plot)
    rightmost = max(plot)
    assert leftmost[1] < rightmost[1]  # 8 on the left is higher up than 2 on the right


def test_screen_readers_get_the_last_ratings(qtbot: QtBot) -> None:
    points = [SessionPain(date(2026, 11, 3), 6, None), SessionPain(date(2026, 11, 4), 5, 3)]
    chart = make_chart(qtbot, points)
    description = chart.accessibleDescription()
    assert "2 sessions with ratings" in description
    assert "Last, Wednesday 4 November 2026: before 5, after 3" in description


def test_no_ratings_says_so(qtbot: QtBot) -> None:
    chart = make_chart(qtbot, [])
    assert chart.accessibleDescription() == "No pain ratings yet."
    image = chart.grab().toImage()
    assert not colour_pixels(image, chart.palette().color(QPalette.ColorRole.Highlight), 10)


def test_dark_palette_draws_with_its_own_colours(qtbot: QtBot) -> None:
    chart = make_chart(qtbot, _sample_points())
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(235, 235, 235))
    dark.setColor(QPalette.ColorRole.Highlight, QColor(255, 170, 0))
    chart.setPalette(dark)
    chart.setAutoFillBackground(True)
    image = chart.grab().toImage()
    assert colour_pixels(image, QColor(255, 170, 0))
    assert colour_pixels(image, QColor(235, 235, 235))  # axis labels in the text colour


def test_the_newest_day_keeps_its_date_when_labels_crowd(qtbot: QtBot) -> None:
    # Two weeks in a narrow chart: not every date fits, but today's always does.
    points = [SessionPain(date(2026, 11, 18 + i), 6, 4) for i in range(13)] + [
        SessionPain(date(2026, 12, 1), 3, 2)
    ]
    chart = make_chart(qtbot, points)
    chart.resize(420, 240)
    chart.grab()  # paints
    labels = chart.drawn_date_labels
    assert labels[-1] == "01 Dec"
    assert labels[0] == "18 Nov"
    assert 2 < len(labels) < len(points)  # some were left out, none overlap


def test_a_session_where_pain_rose_is_drawn_not_averaged_away(qtbot: QtBot) -> None:
    # One day: 6 -> 3 in the morning, 3 -> 9 in the evening (a mean: 4.5 -> 6).
    day = date(2026, 11, 3)
    points = [
        SessionPain(date(2026, 11, 2), 5, 4),
        SessionPain(day, 6, 3, 0.25),
        SessionPain(day, 3, 9, 0.75),
    ]
    chart = make_chart(qtbot, points)
    assert len(chart.points()) == 3
    image = chart.grab().toImage()
    after = chart.palette().color(QPalette.ColorRole.Highlight)
    plot = [p for p in colour_pixels(image, after, 10) if p[1] > 50]  # below the legend
    # The evening's "after" dot at 9 is drawn: a daily mean would put it at 6.
    assert min(y for _x, y in plot) < level_y(chart, 8.5)
    assert chart.drawn_date_labels.count("03 Nov") == 1  # one date under a day's sessions


def level_y(chart: PainChart, value: float) -> float:
    """Where a rating is drawn (the chart's plot: 2.2 lines from the top, 1.8 from
    the bottom)."""
    line = chart.fontMetrics().height()
    top, bottom = line * 2.2, chart.height() - line * 1.8
    return bottom - (bottom - top) * value / 10
