"""The session's progress line and bar keep their colours between paints (issue 18:
a running second no longer asks the palette), so a palette change, such as the
desktop switching to a dark theme mid-session, must still show at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timer_app.gui.widgets.session_progress import SessionProgress

pytestmark = pytest.mark.qt

DARK_WINDOW = QColor(20, 24, 28)
DARK_TEXT = QColor(235, 235, 235)
DARK_HIGHLIGHT = QColor(250, 160, 20)


def dark() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, DARK_WINDOW)
    palette.setColor(QPalette.ColorRole.WindowText, DARK_TEXT)
    palette.setColor(QPalette.ColorRole.Highlight, DARK_HIGHLIGHT)
    return palette


def near(image: QImage, point: QPoint, colour: QColor, tolerance: int = 6) -> bool:
    seen = image.pixelColor(point)
    return (
        abs(seen.red() - colour.red()) <= tolerance
        and abs(seen.green() - colour.green()) <= tolerance
        and abs(seen.blue() - colour.blue()) <= tolerance
    )


def shown(qtbot: QtBot) -> SessionProgress:
    progress = SessionProgress()
    qtbot.addWidget(progress)
    progress.set_progress(1, 2, 120.0, 200.0)  # the bar 40 % done
    progress.resize(600, 80)
    progress.show()
    qtbot.waitExposed(progress)
    QApplication.processEvents()
    return progress


def test_a_palette_change_mid_session_recolours_the_bar_and_the_line(qtbot: QtBot) -> None:
    progress = shown(qtbot)
    bar, line = progress.bar, progress.label
    done = QPoint(bar.width() // 5, bar.height() // 2)
    to_do = QPoint(bar.width() * 4 // 5, bar.height() // 2)
    corner = QPoint(line.width() - 2, 1)  # past the text: the line's background
    before_bar, before_line = bar.grab().toImage(), line.grab().toImage()
    assert not near(before_bar, done, DARK_HIGHLIGHT)
    assert not near(before_line, corner, DARK_WINDOW)

    progress.setPalette(dark())
    progress.set_progress(1, 2, 119.0, 200.0)  # the next second
    QApplication.processEvents()
    bar_image, line_image = bar.grab().toImage(), line.grab().toImage()
    assert near(bar_image, done, DARK_HIGHLIGHT)
    track = QColor(
        round(DARK_WINDOW.red() + (DARK_TEXT.red() - DARK_WINDOW.red()) * 0.12),
        round(DARK_WINDOW.green() + (DARK_TEXT.green() - DARK_WINDOW.green()) * 0.12),
        round(DARK_WINDOW.blue() + (DARK_TEXT.blue() - DARK_WINDOW.blue()) * 0.12),
    )
    assert near(bar_image, to_do, track)
    assert near(line_image, corner, DARK_WINDOW)
