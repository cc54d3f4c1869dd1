"""The countdown ring draws what it is given: digits, and a size readable from afar."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.widgets.countdown_ring import CountdownRing, format_seconds

pytestmark = pytest.mark.qt


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0"), (9, "9"), (59, "59"), (60, "1:00"), (90, "1:30")]
)
def test_format_seconds(seconds: int, text: str) -> None:
    assert format_seconds(seconds) == text


def test_digits_fill_over_half_the_ring_and_shrink_to_fit(qtbot: QtBot) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_countdown(29, 0.9)
    assert ring.digits_text() == "29"
    assert ring.digits_pixel_height() >= 200
    ring.set_countdown(754, 0.9)
    assert ring.digits_text() == "12:34"
    assert ring.digits_pixel_height() < 200  # wider text is shrunk to fit inside


def test_counted_rep_shows_big_text(qtbot: QtBot) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.set_big_text("3")
    ring.set_countdown(None, 0.0)
    assert ring.digits_text() == "3"
    ring.grab()  # paints without error
