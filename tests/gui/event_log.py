"""Counting the events of one type that Qt sends (for the quiet-second tests)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


class EventLog(QObject):
    """How many events of one type the objects it filters received."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def counting_once_shown(
    qtbot: QtBot, window: QWidget, width: int, height: int, kind: QEvent.Type
) -> EventLog:
    """`window` shown at `width` x `height` and settled (its first layout and
    paint done), then its events of `kind` counted from there on."""
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    log = EventLog(kind)
    window.installEventFilter(log)
    return log
