"""Quiet while counting (issue 18): a running session repaints only what changed,
draws nothing translucent, and wakes the laptop no more than its display needs."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine
from timer_app.gui.session.presenter import SessionPresenter
from timer_app.gui.session.ticker import WATCH_INTERVAL
from timer_app.gui.widgets.countdown_ring import CountdownRing
from timer_app.gui.widgets.session_progress import SessionProgress

from .event_log import counting_once_shown

pytestmark = pytest.mark.qt


class PaintLog(QObject):
    """The rectangles a widget is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.rects.extend(event.region())
        return False


def shown_ring(qtbot: QtBot) -> CountdownRing:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(480, 480)
    ring.set_caption("Hold")
    ring.set_countdown(30, 1.0)
    ring.show()
    qtbot.waitExposed(ring)
    QApplication.processEvents()
    return ring


def test_a_second_repaints_the_digits_and_the_arc_not_the_ring(qtbot: QtBot) -> None:
    ring = shown_ring(qtbot)
    log = PaintLog()
    ring.installEventFilter(log)
    for left in range(29, 24, -1):  # five seconds of a 30 s hold
        ring.set_countdown(left, left / 30)
        qtbot.waitUntil(lambda: bool(log.rects))
        painted = log.rects[:]
        log.rects.clear()
        area = sum(r.width() * r.height() for r in painted)
        assert area < 0.5 * ring.width() * ring.height(), painted  # it was all of it
        centre = ring.rect().center()
        # The ones digit that changed; after 30 -> 29, not the tens "2" that stayed.
        quarter = ring.digits_pixel_height() // 4
        ones, tens = centre + QPoint(quarter, 0), centre - QPoint(quarter, 0)
        assert any(r.contains(ones) for r in painted), (ones, painted)
        assert any(r.contains(tens) for r in painted) == (left == 29), (tens, painted)
        # Where the arc ended a second ago (it runs clockwise from 12 o'clock).
        gone = math.radians(360 * (left + 1) / 30)
        radius = (480 - 480 * 0.06) / 2
        end = QPoint(
            round(centre.x() + radius * math.sin(gone)),
            round(centre.y() - radius * math.cos(gone)),
        )
        assert any(r.contains(end) for r in painted), (end, painted)
    assert ring.digits_text() == "25"


def test_repainting_part_by_part_leaves_the_picture_a_full_repaint_draws(qtbot: QtBot) -> None:
    ring = shown_ring(qtbot)
    for left in range(29, -1, -1):  # a whole hold, second by second
        ring.set_countdown(left, left / 30)
        QApplication.processEvents()
    on_screen = ring.screen().grabWindow(ring.winId()).toImage()
    drawn_afresh = ring.grab().toImage()
    on_screen = on_screen.convertToFormat(QImage.Format.Format_RGB32)
    drawn_afresh = drawn_afresh.convertToFormat(QImage.Format.Format_RGB32)
    # The digits are the same pixels; the ring, drawn in pieces of arc, differs
    # only in the antialiasing of its edges (ring_arcs.py): no seam to see.
    digits = ring.rect().adjusted(150, 150, -150, -150)
    assert on_screen.copy(digits) == drawn_afresh.copy(digits)
    worst = 0
    for y in range(0, ring.height()):
        for x in range(0, ring.width()):
            a, b = on_screen.pixelColor(x, y), drawn_afresh.pixelColor(x, y)
            worst = max(worst, *(abs(p - q) for p, q in zip(a.getRgb(), b.getRgb(), strict=True)))
    assert worst <= 16


def test_a_repaint_beside_the_caption_word_draws_no_text(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A piece of arc that goes near the caption's wide box, not its word, drew
    the word again, shaping its text anew."""
    ring = shown_ring(qtbot)  # 480 px: the caption's box runs from x 105 to 375
    drawn: list[str] = []
    draw_text = QPainter.drawText

    def spied(painter: QPainter, *args: object) -> None:
        drawn.append(str(args[-1]))
        draw_text(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", spied)
    beside, on_it = QRect(110, 350, 20, 10), QRect(236, 352, 8, 8)  # "Hold" is centred
    ring.repaint(beside)
    assert drawn == []
    ring.repaint(on_it)
    assert drawn == ["Hold"]
    on_screen = ring.screen().grabWindow(ring.winId()).toImage()
    drawn_afresh = ring.grab().toImage()
    for box in (beside, on_it):
        assert on_screen.copy(box).convertToFormat(QImage.Format.Format_RGB32) == (
            drawn_afresh.copy(box).convertToFormat(QImage.Format.Format_RGB32)
        )


def test_the_ring_draws_nothing_translucent(qtbot: QtBot) -> None:
    """Qt blends a large translucent shape on its thread pool, which woke two
    threads a hundred times a second: the track and paused digits are mixed colours."""
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_countdown(15, 0.5)  # the left half of the ring is bare track
    for paused in (False, True):
        ring.set_paused(paused)
        image = QImage(400, 400, QImage.Format.Format_ARGB32)
        image.fill(0)
        ring.render(image, renderFlags=QWidget.RenderFlag.DrawChildren)  # no background
        track = image.pixelColor(12, 200)  # 9 o'clock, in the middle of the track
        assert track.alpha() == 255
        window = ring.palette().color(QPalette.ColorRole.Window)
        ink = ring.palette().color(QPalette.ColorRole.WindowText)
        assert track != window and track != ink  # faded, between the two
    ring.set_paused(True)
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(0)
    ring.render(image, renderFlags=QWidget.RenderFlag.DrawChildren)
    digit_pixels = [image.pixelColor(x, y) for x in range(120, 280, 2) for y in range(120, 260, 2)]
    drawn = [p for p in digit_pixels if p.alpha() > 0]
    assert drawn and max(p.alpha() for p in drawn) == 255
    assert QColor(ink) not in drawn  # the paused digits are faded


def test_a_countdown_wakes_once_a_second_where_the_clock_shows_every_sleep() -> None:
    clock = FakeClock(sleep_shows_in_wall=True)  # Linux's boot clock
    hold = Exercise("hold", Dosing.HOLD, reps=2, hold=10.0, rest=5.0)
    counted = Exercise("bridge", Dosing.COUNTED, reps=2)
    routine = Routine(id="t", title="T", exercises=(hold, counted), lead_in=0)
    player = SessionPlayer(build_plan(routine), clock)
    presenter = SessionPresenter(player)
    presenter.start()
    clock.advance(0.25)
    player.tick()
    presenter.ticker.rearm()
    assert presenter.ticker.interval_ms == 750  # the next number, not half a second
    player.skip_exercise()  # on to the counted reps: no countdown
    presenter.ticker.rearm()
    assert presenter.ticker.interval_ms == WATCH_INTERVAL * 1000
    presenter.close()


def test_the_time_left_changing_does_not_lay_the_screen_out_again(qtbot: QtBot) -> None:
    """A label's new text re-laid out the whole session screen every second."""
    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    layout.addWidget(QLabel("Knee-to-chest stretch"))
    progress = SessionProgress()
    layout.addWidget(progress)
    progress.set_marks([0.0, 95.0], 690.0)
    progress.set_progress(1, 2, 690.0, 690.0)
    log = counting_once_shown(qtbot, screen, 1024, 200, QEvent.Type.LayoutRequest)
    progress.installEventFilter(log)
    for left in range(689, 530, -1):  # "12 min left" to "9 min left"
        progress.set_progress(1, 2, float(left), 690.0)
        QApplication.processEvents()
    assert progress.text() == "Exercise 1 of 2 · 9 min left"
    assert log.count == 0


def test_the_time_left_is_repainted_when_its_minute_changes_not_each_second(
    qtbot: QtBot,
) -> None:
    progress = SessionProgress()
    qtbot.addWidget(progress)
    progress.set_marks([0.0, 95.0], 300.0)
    progress.set_progress(1, 2, 186.0, 300.0)
    progress.resize(1000, 80)
    progress.show()
    qtbot.waitExposed(progress)
    QApplication.processEvents()
    line, bar = PaintLog(), PaintLog()
    progress.label.installEventFilter(line)
    progress.bar.installEventFilter(bar)
    for left in (185.0, 184.0, 183.0, 182.0, 181.0):  # 3:05 to 3:01: still "4 min"
        progress.set_progress(1, 2, left, 300.0)
        QApplication.processEvents()
    assert progress.text() == "Exercise 1 of 2 · 4 min left"
    assert line.rects == []
    assert bar.rects  # the bar grows each second
    progress.set_progress(1, 2, 180.0, 300.0)  # 3:00 left
    QApplication.processEvents()
    assert progress.text() == "Exercise 1 of 2 · 3 min left"
    assert progress.accessibleDescription() == progress.text()
    assert line.rects
    line.rects.clear()
    progress.set_progress(2, 2, 179.0, 300.0)  # the next exercise, the same minute
    QApplication.processEvents()
    assert progress.text() == "Exercise 2 of 2 · 3 min left"
    assert line.rects


def test_the_time_left_wraps_and_gets_its_room_in_a_narrow_window(qtbot: QtBot) -> None:
    progress = SessionProgress()
    qtbot.addWidget(progress)
    progress.set_progress(2, 5, 750.0, 1200.0)
    wide = progress.label.heightForWidth(1000)
    narrow = progress.label.heightForWidth(90)
    assert narrow >= 2 * wide  # "Exercise 2 of 5 · 13 min left" on two lines or more
    progress.resize(90, 400)
    progress.show()
    qtbot.waitExposed(progress)
    qtbot.waitUntil(lambda: progress.label.height() >= narrow)


def test_a_larger_font_mid_session_gives_the_time_left_its_new_room(qtbot: QtBot) -> None:
    """A new font mid-session: "4 min left" that no longer fits wraps and gets
    its room, at once and again when the minute changes."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    progress = SessionProgress()
    layout.addWidget(progress)
    layout.addStretch(1)  # the line is as tall as it asks, no taller
    window.resize(420, 400)
    progress.set_progress(1, 2, 190.0, 190.0)
    window.show()
    qtbot.waitExposed(window)
    one_line = progress.label.height()
    progress.set_progress(1, 2, 189.0, 190.0)
    font = progress.label.font()
    font.setPixelSize(font.pixelSize() * 3 if font.pixelSize() > 0 else 40)
    progress.label.setFont(font)
    progress.set_progress(1, 2, 188.0, 190.0)
    assert progress.text() == "Exercise 1 of 2 · 4 min left"
    two_lines = 2 * progress.label.fontMetrics().height()
    qtbot.waitUntil(lambda: progress.label.height() >= two_lines)
    progress.set_progress(1, 2, 180.0, 190.0)
    assert progress.text() == "Exercise 1 of 2 · 3 min left"
    QApplication.processEvents()
    assert progress.label.height() >= two_lines
    assert progress.label.height() > 2 * one_line
