"""The countdown ring shows the seconds it is given, an arc that empties, in the palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from timer_app.gui.widgets.countdown_ring import CountdownRing

pytestmark = pytest.mark.qt


def make_ring(qtbot: QtBot, width: int = 400, height: int = 400) -> CountdownRing:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(width, height)
    return ring


def count_colour(image: QImage, colour: QColor, tolerance: int = 8, step: int = 2) -> int:
    """Pixels (sampled every `step`) within `tolerance` of `colour`."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    found = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) <= tolerance
                and abs(pixel.green() - colour.green()) <= tolerance
                and abs(pixel.blue() - colour.blue()) <= tolerance
            ):
                found += 1
    return found


def render(ring: CountdownRing) -> QImage:
    return ring.grab().toImage()


def text_colour(ring: CountdownRing) -> QColor:
    return ring.palette().color(QPalette.ColorRole.WindowText)


def arc_colour(ring: CountdownRing) -> QColor:
    return ring.palette().color(QPalette.ColorRole.Highlight)


def test_digits_are_the_seconds_given(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    ring.set_countdown(28, 28 / 30)
    assert ring.digits_text() == "28"
    ring.set_countdown(3, 0.1)
    assert ring.digits_text() == "3"
    ring.set_countdown(90, 1.0)
    assert ring.digits_text() == "1:30"
    assert ring.accessibleDescription() == "90 s left"


def test_a_counted_rep_shows_its_text_instead_of_digits(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    ring.set_big_text("2 / 3")
    ring.set_countdown(None, 1.0)
    assert ring.digits_text() == "2 / 3"
    ring.set_countdown(12, 1.0)
    assert ring.digits_text() == "12"


def test_the_arc_follows_the_fraction_set(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    ring.set_countdown(30, 1.0)
    full = count_colour(render(ring), arc_colour(ring))
    ring.set_countdown(15, 0.5)
    half = count_colour(render(ring), arc_colour(ring))
    ring.set_countdown(1, 0.0)
    empty = count_colour(render(ring), arc_colour(ring))

    assert full > 0
    assert half == pytest.approx(full / 2, rel=0.15)
    assert empty == 0


def test_fractions_out_of_range_are_clamped(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    ring.set_countdown(30, 1.0)
    full = count_colour(render(ring), arc_colour(ring))
    ring.set_countdown(31, 1.7)
    assert count_colour(render(ring), arc_colour(ring)) == full
    ring.set_countdown(2, -0.4)
    assert count_colour(render(ring), arc_colour(ring)) == 0


def test_a_rest_draws_its_arc_in_a_quieter_colour(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    ring.set_countdown(10, 1.0)
    ring.set_resting(True)
    text, window = text_colour(ring), ring.palette().color(QPalette.ColorRole.Window)
    calm = QColor(
        (text.red() + window.red()) // 2,
        (text.green() + window.green()) // 2,
        (text.blue() + window.blue()) // 2,
    )
    resting = render(ring)
    assert count_colour(resting, arc_colour(ring)) == 0
    assert count_colour(resting, calm, tolerance=3) > 50
    ring.set_resting(False)
    assert count_colour(render(ring), arc_colour(ring)) > 0


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_repaints_at_laptop_and_full_hd_sizes(qtbot: QtBot, size: tuple[int, int]) -> None:
    ring = make_ring(qtbot, *size)
    ring.set_caption("Hold")
    ring.set_countdown(28, 0.9)
    first = render(ring)
    assert (first.width(), first.height()) == size
    assert count_colour(first, text_colour(ring), step=4) > 0
    ring.set_countdown(7, 0.2)
    assert render(ring) != first
    assert ring.digits_pixel_height() >= size[1] / 3  # readable from the mat


def test_follows_a_dark_palette(qtbot: QtBot) -> None:
    ring = make_ring(qtbot)
    dark = QPalette(ring.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor(20, 22, 26))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(235, 235, 230))
    dark.setColor(QPalette.ColorRole.Highlight, QColor(90, 170, 255))
    ring.setPalette(dark)
    ring.setAutoFillBackground(True)  # a dark window behind it, as in the app
    ring.set_countdown(None, 1.0)
    ring.set_big_text("")
    blank = render(ring)
    assert count_colour(blank, QColor(235, 235, 230)) == 0

    ring.set_countdown(45, 0.75)
    image = render(ring)
    assert count_colour(image, QColor(235, 235, 230)) > 50  # the digits, light on dark
    assert count_colour(image, QColor(90, 170, 255)) > 50  # the arc, in the highlight
    assert count_colour(image, QColor(20, 22, 26)) > 0  # the dark background shows


def test_paused_shows_in_the_ring_itself(qtbot: QtBot) -> None:
    """From the mat: the arc leaves the running colour, the digits fade, the ring
    says "Paused" and how to go on; resuming brings the running look back."""
    ring = make_ring(qtbot)
    ring.set_caption("Hold")
    ring.set_countdown(20, 0.8)
    running = render(ring)
    digits = running.copy(100, 100, 200, 140)  # the digits' middle, inside the arc
    assert count_colour(running, arc_colour(ring)) > 50
    assert count_colour(digits, text_colour(ring), step=1) > 200
    ring.set_paused(True)
    paused = render(ring)
    assert (ring.caption, ring.hint()) == ("Paused", "Space to go on")
    assert ring.accessibleDescription() == "Paused, 20 s left"
    assert count_colour(paused, arc_colour(ring)) == 0
    assert count_colour(paused, text_colour(ring), tolerance=3) > count_colour(
        running, text_colour(ring), tolerance=3
    )  # the arc is now drawn in the text colour
    assert count_colour(paused.copy(100, 100, 200, 140), text_colour(ring), step=1) == 0
    ring.set_paused(False)
    assert (ring.caption, ring.hint()) == ("Hold", "")
    resumed = render(ring)
    assert count_colour(resumed, arc_colour(ring)) == count_colour(running, arc_colour(ring))
    assert count_colour(resumed.copy(100, 100, 200, 140), text_colour(ring), step=1) > 200
