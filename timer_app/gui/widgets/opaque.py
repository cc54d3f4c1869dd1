"""A widget that paints all of itself, so Qt paints nothing behind it (issue 18:
each second's repaint otherwise went to every widget behind, from the window
down, each to fill or skip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class OpaqueWidget(QWidget):
    def showEvent(self, event: QShowEvent) -> None:
        # Not in __init__: naming a `Qt` enum before the window's first paint
        # builds all of them (tests/gui/test_startup_enums.py).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        super().showEvent(event)
