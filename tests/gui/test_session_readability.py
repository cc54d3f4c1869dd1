"""The session screen's words read from a mat 2 m away, at any window size.

The ring's digits are checked in test_session_view (a third of the height); here
the words beside it: the rep/side line is at least 1/20 of the window's height
(the rule stated in running_panel), and a larger system font still wins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from timer_app.gui.page_style import HEADING, scaled_font

from .session_support import Session, open_session, session_routine

pytestmark = pytest.mark.qt

SIZES = ((1024, 600), (1920, 1080))


def holding(qtbot: QtBot, tmp_path: Path) -> Session:
    s = open_session(qtbot, tmp_path)
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(2.0)  # in the first hold: "Rep 1 of 1 · Left side"
    assert s.phase == "Hold"
    return s


def resized(s: Session, size: tuple[int, int]) -> None:
    s.view.resize(*size)
    QApplication.processEvents()  # resize events and the layout, as before a paint
    assert (s.view.width(), s.view.height()) == size


def pixels(label: QLabel) -> int:
    return QFontInfo(label.font()).pixelSize()


@pytest.mark.parametrize("size", SIZES)
def test_the_floor_words_grow_with_the_window(
    qtbot: QtBot, tmp_path: Path, system_font, size: tuple[int, int]
) -> None:
    system_font(9)  # the default the audit measured: a 20 px rep line at 1024x600
    s = holding(qtbot, tmp_path)
    resized(s, size)
    running = s.view.running
    height = size[1]
    assert pixels(running.reps) >= height / 20
    assert pixels(running.breathing) >= height / 20
    assert pixels(running.phase) > pixels(running.exercise) > pixels(running.reps)
    assert pixels(running.next) >= height / 25
    assert running.ring.digits_pixel_height() >= height / 3
    # Everything still fits: nothing asks for more than the window has.
    hint = s.view.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    for label in (running.phase, running.exercise, running.reps, running.next):
        assert label.isVisible()
        assert label.geometry().bottom() < running.progress.geometry().top()
        assert label.height() >= label.heightForWidth(label.width())  # not clipped


def test_the_words_shrink_back_with_the_window(qtbot: QtBot, tmp_path: Path, system_font) -> None:
    system_font(9)
    s = holding(qtbot, tmp_path)
    resized(s, (1920, 1080))
    large = pixels(s.view.running.reps)
    resized(s, (1024, 600))
    assert pixels(s.view.running.reps) < large


def test_a_larger_system_font_is_never_made_smaller(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(20)  # larger than the height rule asks for at 1024x600
    s = holding(qtbot, tmp_path)
    resized(s, (1024, 600))
    system_scaled = QFontInfo(scaled_font(HEADING)).pixelSize()
    assert system_scaled > 600 / 19
    assert pixels(s.view.running.reps) == system_scaled


PICTURED_YAML = """\
id: pictured
title: Pictured
exercises:
  - name: Knee-to-chest stretch
    hold: 30 s
    sides: alternate
    reps: 3
    image: knee-to-chest.svg
    instructions:
      - Lie flat on your back.
      - Gently pull one knee toward your chest until you feel mild tension in your buttock.
      - Hold, then lower the leg and switch sides.
    cautions:
      - Ease into it; pulling too hard can cause muscle spasms.
"""


def test_instructions_caution_and_picture_show_without_scrolling_at_the_smallest_size(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(9)
    s = open_session(qtbot, tmp_path)
    s.view.load(session_routine(tmp_path / "pictured", PICTURED_YAML))
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(6.0)  # lead-in and get ready: holding
    resized(s, (1024, 600))
    running = s.view.running
    assert running.image.isVisible() and running.cautions.isVisible()
    scroll = running.findChild(QScrollArea)
    viewport = scroll.viewport()
    for shown in (running.instructions, running.cautions, running.image):  # no scrolling
        top_left = shown.mapTo(viewport, shown.rect().topLeft())
        bottom_right = shown.mapTo(viewport, shown.rect().bottomRight())
        assert viewport.rect().contains(top_left), shown.accessibleName()
        assert viewport.rect().contains(bottom_right), shown.accessibleName()
