"""A person who set a larger system font gets a larger app, and it still fits.

Sizes in the app are factors of the application's font (page_style.scaled_font),
never fixed pixels. These tests set the font a desktop would hand Qt and look at
the session screen at the smallest size we support, 1024x600.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from .session_support import open_session


def _title_points(qtbot: QtBot, tmp_path: Path) -> float:
    s = open_session(qtbot, tmp_path / str(len(list(tmp_path.iterdir()))))
    points = s.view.ready.title.font().pointSizeF()
    s.view.close()
    return points


def test_a_larger_system_font_makes_the_words_larger(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(9)
    small = _title_points(qtbot, tmp_path)
    system_font(14)
    large = _title_points(qtbot, tmp_path)
    assert large == pytest.approx(small * 14 / 9)


def test_with_a_large_system_font_every_control_still_shows_its_words(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(14)  # a common "large text" setting
    s = open_session(qtbot, tmp_path)
    qtbot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(1)
    # The screen still fits a 1024x600 window (a layout that needs more would
    # have grown the window past the screen's edge).
    assert (s.view.width(), s.view.height()) == (1024, 600)
    hint = s.view.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600
    QApplication.processEvents()  # the layout settles, as it does before a paint
    buttons = [b for b in s.view.running.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 8
    for button in buttons:
        text_width = button.fontMetrics().horizontalAdvance(button.text())
        assert text_width <= button.width(), f"{button.text()!r} is cut off"
    assert s.view.running.controls.rows == 2  # they wrapped rather than spill over
    ring = s.view.running.ring
    assert ring.height() >= s.view.height() / 3  # the digits stay huge


def test_with_the_usual_font_the_controls_stay_in_one_row(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(9)
    s = open_session(qtbot, tmp_path)
    qtbot.keyClick(s.view, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert s.view.running.controls.rows == 1
