"""The ring draws a second cheaply (issue 18) and still draws every pixel it must:
the digits come from pictures of their glyphs, the ring from pieces of arc over
the repainted boxes, and no Qt thread wakes to blend them."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QRegion
from PySide6.QtWidgets import QApplication

from timer_app.gui.widgets import ring_arcs
from timer_app.gui.widgets.digit_glyphs import DigitGlyphs

RING = QRectF(30, 30, 600, 600)  # a ring of radius 300
THICKNESS = 36.0


def covered(turn: float, found: list[tuple[float, float]]) -> bool:
    return any(low <= turn + k <= high for low, high in found for k in (-1, 0, 1))


@settings(max_examples=300, deadline=None)
@given(
    x=st.integers(0, 660),
    y=st.integers(0, 660),
    width=st.integers(1, 400),
    height=st.integers(1, 400),
)
def test_every_point_of_a_repainted_box_on_the_ring_is_in_a_piece_drawn(
    x: int, y: int, width: int, height: int
) -> None:
    box = QRect(x, y, width, height)
    found = ring_arcs.pieces(QRegion(box), RING, THICKNESS)
    if found is None:
        return  # the whole ring is drawn
    centre, radius = RING.center(), RING.width() / 2
    for i in range(11):
        for j in range(11):
            px, py = x + width * i / 10, y + height * j / 10
            dx, dy = px - centre.x(), py - centre.y()
            if abs(math.hypot(dx, dy) - radius) <= THICKNESS / 2:  # on the ring's band
                turn = math.atan2(dx, -dy) / (2 * math.pi) % 1.0
                assert covered(turn, found), (box, (px, py), turn, found)


def test_a_second_draws_short_pieces_of_the_ring_not_all_of_it() -> None:
    # A second of a 45 s hold in a ring this size: the digits' boxes and the arc
    # that went (what CountdownRing.set_countdown updates).
    digits = QRect(120, 150, 420, 260)
    centre = (RING.center().x(), RING.center().y())
    radius = RING.width() / 2
    left, top, right, bottom = ring_arcs.arc_span(centre, radius, THICKNESS, 30 / 45, 29 / 45)
    gone = QRectF(left, top, right - left, bottom - top).toAlignedRect()
    found = ring_arcs.pieces(QRegion(digits).united(gone), RING, THICKNESS)
    assert found is not None
    assert sum(high - low for low, high in found) < 0.35  # of a turn


class Strokes:
    """Stands in for a QPainter: each stroke's colour and its stretch in Qt's
    angles (1/16 degree counter-clockwise from 3 o'clock)."""

    def __init__(self) -> None:
        self.colour = QColor()
        self.made: list[tuple[str, int, int]] = []

    # QPainter's method names: the ring's drawing calls them on this.
    def setPen(self, pen: QPen) -> None:
        self.colour = pen.color()

    def drawEllipse(self, rect: QRectF) -> None:
        self.made.append((self.colour.name(), ring_arcs.TOP, -ring_arcs.TURN))

    def drawArc(self, rect: QRectF, start: int, span: int) -> None:
        self.made.append((self.colour.name(), start, span))


TRACK, ARC = QColor("#d0d0d0"), QColor("#3080c0")


def strokes(fraction: float, where: list[tuple[float, float]] | None) -> list[tuple[str, int, int]]:
    painter = Strokes()
    ring_arcs.draw(painter, RING, THICKNESS, TRACK, ARC, fraction, where)  # type: ignore[arg-type]
    return painter.made


def test_at_a_steps_start_the_whole_ring_is_one_stroke_of_arc_and_no_track() -> None:
    assert strokes(1.0, None) == [(ARC.name(), ring_arcs.TOP, -ring_arcs.TURN)]


def test_the_track_is_stroked_only_where_the_arc_is_not() -> None:
    top, turn = ring_arcs.TOP, ring_arcs.TURN
    end = top - turn // 3  # a third of the step left: the arc ends at 4 o'clock
    assert strokes(1 / 3, None) == [
        (TRACK.name(), end, top - turn - end),  # from the arc's end on to 12 o'clock
        (ARC.name(), top, end - top),
    ]
    # A second's piece of ring round the arc's end: the track only after it.
    made = strokes(1 / 3, [(0.30, 0.40)])
    assert made == [
        (TRACK.name(), end, ring_arcs._qt(0.40) - end),
        (ARC.name(), ring_arcs._qt(0.30), end - ring_arcs._qt(0.30)),
    ]
    # A piece the arc covers whole (where the digits' box reaches the ring).
    assert strokes(1 / 3, [(0.12, 0.16)]) == [
        (ARC.name(), ring_arcs._qt(0.12), ring_arcs._qt(0.16) - ring_arcs._qt(0.12))
    ]


def ink_box(image: QImage, background: QColor) -> QRect:
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y) != background:
                xs.append(x)
                ys.append(y)
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


@pytest.mark.qt
@pytest.mark.parametrize("text", ["45", "12:30", "7"])
def test_digits_from_glyphs_land_where_drawn_text_does(qapp: QApplication, text: str) -> None:
    font = QFont(qapp.font())
    font.setBold(True)
    font.setPixelSize(180)
    ink, background = QColor("#202020"), QColor("#f0f0f0")
    box = QRectF(20, 10, 560, 200)
    images = []
    for glyphs in (True, False):
        image = QImage(600, 240, QImage.Format.Format_RGB32)
        image.fill(background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if glyphs:
            DigitGlyphs().draw(painter, box, text, font, ink, background, QRegion(image.rect()))
        else:
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(box, 0x0084, text)  # AlignCenter
        painter.end()
        images.append(image)
    pictures, drawn = (ink_box(image, background) for image in images)
    # Each glyph's picture sits on a whole pixel: within a pixel of drawn text.
    for side in (QRect.left, QRect.right, QRect.top, QRect.bottom):
        assert abs(side(pictures) - side(drawn)) <= 1


# Run alone: the process's threads are only those this ring's drawing starts.
QUIET = """
import os, sys
import timer_app.gui  # the refcount guard
from PySide6.QtWidgets import QApplication, QWidget, QHBoxLayout
from timer_app.gui.widgets.countdown_ring import CountdownRing

def woken():
    total = 0
    for task in os.listdir("/proc/self/task"):
        if task != str(os.getpid()):
            with open(f"/proc/self/task/{task}/status") as status:
                for line in status:
                    if line.startswith("voluntary_ctxt_switches"):
                        total += int(line.split()[1])
    return total

app = QApplication([])
ring = CountdownRing()
ring.resize(900, 680)
ring.set_caption("Hold")
ring.set_countdown(45, 1.0)
ring.show()
app.processEvents()
before = woken()
for left in range(44, 14, -1):
    ring.set_countdown(left, left / 45)
    app.processEvents()
print(woken() - before, flush=True)
os._exit(0)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux's /proc")
def test_thirty_seconds_of_the_ring_wake_no_other_thread(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", QUIET],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMER_APP_DATA_DIR": str(tmp_path)},
    )
    assert out.stdout.strip() == "0", out.stderr[-2000:]


@pytest.mark.qt
def test_a_holds_seconds_make_no_new_digit_pictures(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The get-ready's first second makes the pictures of every character a
    # countdown uses; the hold after it only copies them (issue 18).
    from timer_app.gui.widgets import digit_glyphs

    made: list[str] = []
    make = digit_glyphs._make

    def counted(char: str, *args: object) -> object:
        made.append(char)
        return make(char, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(digit_glyphs, "_make", counted)
    font = QFont(qapp.font())
    font.setBold(True)
    font.setPixelSize(180)
    glyphs, box = DigitGlyphs(), QRectF(0, 0, 560, 200)
    image = QImage(560, 200, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    ink, background = QColor("#202020"), QColor("#f0f0f0")
    glyphs.draw(painter, box, "5", font, ink, background, QRegion(image.rect()))
    assert sorted(made) == sorted(digit_glyphs.CACHED)
    made.clear()
    for left in range(90, -1, -1):
        text = f"{left // 60}:{left % 60:02d}" if left >= 60 else str(left)
        glyphs.draw(painter, box, text, font, ink, background, QRegion(image.rect()))
    painter.end()
    assert made == []
