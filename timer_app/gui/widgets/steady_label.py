"""A word-wrapped label that keeps one height whatever it says.

The session screen's words change at every step ("Get ready", "Hold", "Your
turn: do rep 2, press Enter"); a label that is as tall as its text of the moment
pushes everything under it up and down at each change, and a person glancing up
from the mat finds the exercise's name and picture somewhere else each time.
Given every text it may show (`set_possible`), this label asks its layout for the
height of the tallest one at the width it gets, so it never moves what follows.
It is never hidden either: an empty text keeps its room.

Its text changes at each step, and QLabel then has the whole window laid out
again, asking every line its height at several widths: the answer comes from
the kept heights without laying out any text when the text shown is one of the
possible ones, and the font's key is kept until the font changes (`QFont.key()`
is ~12,000 instructions; issue 18).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

# Tall enough for any wrapped text: boundingRect needs a box to wrap in.
_UNBOUNDED = 1 << 20


class SteadyLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a routine's words, never markup
        self.setWordWrap(True)
        self._possible: tuple[str, ...] = ()
        # Tallest height per (width, font): layouts ask many times per resize.
        self._heights: dict[tuple[int, str], int] = {}
        self._font_key: str | None = None  # kept until a font change

    def set_possible(self, texts: Iterable[str]) -> None:
        """Every text this label may show (the current one is always counted)."""
        self._possible = tuple(dict.fromkeys(t for t in texts if t))
        self._heights.clear()
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        # QLabel says no while its text is empty, and its layout would then give
        # it no room at all: the room is for the texts to come.
        return bool(self._possible) or super().hasHeightForWidth()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._font_key = None
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:
        if not self._possible or width <= 0:
            return super().heightForWidth(width)
        if self._font_key is None:
            self._font_key = self.font().key()
        key = (width, self._font_key)
        if key not in self._heights:
            if len(self._heights) > 64:  # a window dragged wider and narrower
                self._heights.clear()
            self._heights[key] = max(self._text_height(text, width) for text in self._possible)
        if self.text() in self._possible or not self.text():
            return self._heights[key]  # the tallest of them already
        return max(super().heightForWidth(width), self._heights[key])

    def _text_height(self, text: str, width: int) -> int:
        """What QLabel itself asks for `text` at `width` (plain text, word wrap)."""
        margins = self.contentsMargins()
        extra_w = margins.left() + margins.right() + 2 * self.margin()
        extra_h = margins.top() + margins.bottom() + 2 * self.margin()
        box = QRect(0, 0, max(1, width - extra_w), _UNBOUNDED)
        flags = int(self.alignment().value) | Qt.TextFlag.TextWordWrap.value
        return self.fontMetrics().boundingRect(box, flags, text).height() + extra_h
