"""Counting the events of one type that Qt sends (for the quiet-second tests)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


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
