"""A steady line's height holds its tallest text whatever it shows, as a plain
label would lay that text out (the heights are answered from what it keeps)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from timer_app.gui.widgets.steady_label import SteadyLabel

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
