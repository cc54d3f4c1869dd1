"""One running second in the whole session screen (issue 18): only what changed
is repainted (the ring's digits and arc, a few pixels of the bar; the time-left
line says minutes, so most seconds leave it alone), nothing behind them is asked
to paint, and the screen still shows exactly what a full repaint draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from .event_log import EventLog
from .session_support import Session, open_session

pytestmark = pytest.mark.qt


class Paints(QObject):
    """Every widget asked to paint, with the area it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.area: dict[QWidget, int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            assert isinstance(event, QPaintEvent)
            area = sum(r.width() * r.height() for r in event.region())
            self.area[watched] = self.area.get(watched, 0) + area
        return False


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    session = open_session(qtbot, tmp_path)
    QtBot.keyClick(session.view, Qt.Key.Key_Space)
    session.advance(2.25)  # a quarter of a second into the first 3 s hold
    QApplication.processEvents()
    assert (session.digits, session.phase) == ("3", "Hold")
    return session


def a_second(s: Session) -> Paints:
    paints = Paints()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(paints)
    try:
        s.advance(1.0)
        QApplication.processEvents()
    finally:
        app.removeEventFilter(paints)
    return paints


def test_a_second_repaints_the_ring_and_a_sliver_of_bar(s: Session) -> None:
    running = s.view.running
    before = running.progress.text()
    paints = a_second(s)
    assert s.digits == "2"
    assert running.progress.text() == before == "Exercise 1 of 3 · 1 min left plus 2 counted reps"
    # Before, each second also sent paint events to the five widgets behind the
    # ring and the line (the window, the stack, the view, the panel...), and the
    # line itself said the seconds left ("0:17 left").
    assert set(paints.area) == {running.ring, running.progress.bar}
    bar = running.progress.bar
    # The stretch the bar grew (this short test session: ~45 px a second) and its
    # round end; it was the whole bar, ~1000 px wide.
    assert paints.area[bar] < bar.width() * bar.height() / 10


def test_after_seconds_in_pieces_the_screen_shows_what_a_full_repaint_draws(
    s: Session,
) -> None:
    for _ in range(2):
        a_second(s)
    view = s.view
    on_screen = view.screen().grabWindow(view.winId()).toImage()
    drawn_afresh = view.grab().toImage()
    on_screen = on_screen.convertToFormat(QImage.Format.Format_RGB32)
    drawn_afresh = drawn_afresh.convertToFormat(QImage.Format.Format_RGB32)
    progress = s.view.running.progress
    box = QRect(progress.mapTo(view, QPoint(0, 0)), progress.size())
    # The time-left line and the bar, painted opaque by themselves: the same pixels.
    assert on_screen.copy(box) == drawn_afresh.copy(box)


def test_a_step_change_shows_its_words_without_laying_the_screen_out_again(s: Session) -> None:
    """Each step's new words had Qt lay the whole window out again (~7 million
    instructions a step change): the lines keep their room for the session."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):  # the screen's first layout settles, a level at a time
        QApplication.processEvents()
    # To any widget: the panel, the stack, the view.
    requests = EventLog(QEvent.Type.LayoutRequest)
    app.installEventFilter(requests)
    running = s.view.running
    words = [running.phase, running.reps, running.next]
    before = [(line.text(), line.geometry()) for line in words]
    try:
        s.advance(3.0)  # the hold ends: "Switch sides"
        QApplication.processEvents()
    finally:
        app.removeEventFilter(requests)
    assert s.phase != "Hold"
    after = [(line.text(), line.geometry()) for line in words]
    assert [text for text, _ in after] != [text for text, _ in before]
    assert [box for _, box in after] == [box for _, box in before]  # nothing moved
    assert requests.count == 0
    # What a person sees is the new words: the screen as it stands is what a full
    # repaint draws.
    phase = running.phase
    box = QRect(phase.mapTo(s.view, QPoint(0, 0)), phase.size())
    on_screen = s.view.screen().grabWindow(s.view.winId()).toImage().copy(box)
    drawn_afresh = s.view.grab().toImage().copy(box)
    assert on_screen.convertToFormat(QImage.Format.Format_RGB32) == drawn_afresh.convertToFormat(
        QImage.Format.Format_RGB32
    )


def test_a_step_change_paints_its_new_words_not_the_widgets_behind_them(s: Session) -> None:
    """The floor lines paint their own background: a step's new words sent a paint
    event to the six widgets behind each line as well, from the window down."""
    for _ in range(3):  # the screen's first layout settles, a level at a time
        QApplication.processEvents()
    running = s.view.running
    paints = a_second(s)
    while s.phase == "Hold":  # the 3 s hold ends: "Switch sides"
        paints = a_second(s)
    behind: list[QWidget] = []
    widget: QWidget | None = running
    while widget is not None:
        behind.append(widget)
        widget = widget.parentWidget()
    assert len(behind) >= 3  # the panel, its stack, the view (a window of its own here)
    assert {running.phase, running.reps} <= set(paints.area)
    assert not set(behind) & set(paints.area)
