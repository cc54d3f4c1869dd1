"""A message with buttons above the main window's pages: asks without blocking.

The resume question (`pages/resume_banner.py`) and notices such as "the history file
was damaged and moved aside" are banners, never modal dialogs, so `--start` is
always one Space away from a running session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from timer_app.gui.page_style import BODY, panel, plain_label, scaled_font


class Banner(QWidget):
    """A message with buttons above the pages: asks without blocking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = panel(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        row = QHBoxLayout(self.box)
        self.label = plain_label()  # a routine's title, an error: never markup
        self.label.setFont(scaled_font(BODY))
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._row = row
        self.hide()

    def ask(self, text: str, choices: list[tuple[str, Callable[[], None]]]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        self.setAccessibleName(text)
        for caption, action in choices:
            button = QPushButton(caption)
            button.setFont(scaled_font(BODY))
            button.clicked.connect(action)
            self._row.addWidget(button)
            self.buttons.append(button)
        self.show()

    def button(self, caption: str) -> QPushButton:
        return next(b for b in self.buttons if b.text() == caption)


def plain(error: BaseException) -> str:
    """An error as a sentence to show: its message alone, without the tuple around it."""
    return str(error.args[0]) if len(error.args) == 1 else str(error)
