"""A steady line's height holds its tallest text whatever it shows, as a plain
label would lay that text out (the heights are answered from what it keeps)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from timer_app.gui.widgets.steady_label import SteadyLabel

from .event_log import EventLog, counting_once_shown

pytestmark = pytest.mark.qt

TEXTS = (
    "Hold",
    "Rest",
    "Your turn: do rep 2, then press Enter when it is done",
    "Switch to your right side and get ready for the next hold",
)


def plain_height(label: SteadyLabel, text: str, width: int) -> int:
    plain = QLabel(text)
    plain.setFont(label.font())
    plain.setWordWrap(True)
    return plain.heightForWidth(width)


@pytest.mark.parametrize("width", [90, 240, 600])
def test_the_height_holds_the_tallest_text_whichever_is_shown(qtbot: QtBot, width: int) -> None:
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.set_possible(TEXTS)
    tallest = max(plain_height(label, text, width) for text in TEXTS)
    heights = set()
    for text in (*TEXTS, ""):
        label.setText(text)
        heights.add(label.heightForWidth(width))
    assert heights == {tallest}  # never less than a plain label needs, never moving


def test_a_text_not_foreseen_still_gets_its_room(qtbot: QtBot) -> None:
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.set_possible(["Hold"])
    long = "A sentence nobody planned for, long enough to wrap onto several lines here"
    label.setText(long)
    assert label.heightForWidth(120) >= plain_height(label, long, 120)


def shown_in_a_window(qtbot: QtBot) -> tuple[QWidget, SteadyLabel, EventLog]:
    """The label in a laid-out window (returned too: the label lives as long as it)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = SteadyLabel()
    layout.addWidget(label)
    layout.addWidget(QLabel("Knee-to-chest stretch"))
    label.set_possible(TEXTS)
    label.setText("Hold")
    requests = counting_once_shown(qtbot, window, 400, 300, QEvent.Type.LayoutRequest)
    return window, label, requests


def test_a_foreseen_text_is_shown_without_laying_the_window_out_again(qtbot: QtBot) -> None:
    """A QLabel's new text had the whole session screen laid out at each step."""
    _window, label, requests = shown_in_a_window(qtbot)
    top = label.geometry()
    for text in TEXTS[1:]:
        label.setText(text)
        QApplication.processEvents()
        shown = label.grab().toImage()
        assert label.text() == text
        assert label.geometry() == top  # nothing moved
    assert requests.count == 0
    # And the words are drawn: the line is not blank.
    colours = {shown.pixel(x, y) for x in range(shown.width()) for y in range(0, shown.height(), 3)}
    assert len(colours) > 1


def test_an_unforeseen_text_asks_for_its_room(qtbot: QtBot) -> None:
    _window, label, requests = shown_in_a_window(qtbot)
    long = "A sentence nobody planned for, long enough to wrap onto several lines here. " * 3
    label.setText(long)
    QApplication.processEvents()
    assert requests.count >= 1
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
