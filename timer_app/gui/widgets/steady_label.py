"""A word-wrapped line of words that keeps one height whatever it says.

The session screen's words change at every step ("Get ready", "Hold", "Your
turn: do rep 2, press Enter"); a label that is as tall as its text of the moment
pushes everything under it up and down at each change, and a person glancing up
from the mat finds the exercise's name and picture somewhere else each time.
Given every text it may show (`set_possible`), this line asks its layout for the
height of the tallest one at the width it gets, so it never moves what follows.
It is never hidden either: an empty text keeps its room.

It is a widget that paints its own text, not a QLabel (issue 18): QLabel's
`setText` asks for a new layout whatever the text, and Qt then lays the whole
window out again, asking every line and box its height at several widths, ~7
million instructions at each step change (callgrind, knee-to-chest). A new text
this line already has room for is only repainted; one it has not foreseen asks
for the room it needs. The heights are kept per width and font: the layout asks
many times per resize, and `QFont.key()` is ~12,000 instructions.

It paints its own background, in the window colour it sits on (`OpaqueWidget`):
a transparent line's new text at a step change also sent a paint event to the
six widgets behind it, from the window down, each to fill its background there.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from timer_app.gui.widgets.opaque import OpaqueWidget

# Tall enough for any wrapped text: boundingRect needs a box to wrap in.
_UNBOUNDED = 1 << 20


class SteadyLabel(OpaqueWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._possible: tuple[str, ...] = ()
        # Tallest height per (width, font): layouts ask many times per resize.
        self._heights: dict[tuple[int, str], int] = {}
        self._font_key: str | None = None  # kept until a font change
        self._colours: tuple[QColor, QColor] | None = None  # window, text; until a change
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- what it says ----------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        foreseen = not text or text in self._possible
        self._text = text
        if not foreseen:
            self.updateGeometry()  # it may need more room than the tallest foreseen
        self.update()

    def set_possible(self, texts: Iterable[str]) -> None:
        """Every text this line may show (the current one is always counted)."""
        self._possible = tuple(dict.fromkeys(t for t in texts if t))
        self._heights.clear()
        self.updateGeometry()

    # -- its room ----------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width <= 0:
            return self._text_height(self._text, 1)
        if self._font_key is None:
            self._font_key = self.font().key()
        key = (width, self._font_key)
        if key not in self._heights:
            if len(self._heights) > 64:  # a window dragged wider and narrower
                self._heights.clear()
            texts = self._possible or ("",)
            self._heights[key] = max(self._text_height(text, width) for text in texts)
        if not self._text or self._text in self._possible:
            return self._heights[key]  # the tallest of them already
        return max(self._text_height(self._text, width), self._heights[key])

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        texts = (*self._possible, self._text)
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        return QSize(widest, self.heightForWidth(widest) if widest else metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def _text_height(self, text: str, width: int) -> int:
        """The height of `text` wrapped at `width` (one line's for no text)."""
        box = QRect(0, 0, max(1, width), _UNBOUNDED)
        return self.fontMetrics().boundingRect(box, self._flags(), text or " ").height()

    @staticmethod
    @functools.cache  # once: each naming of a Qt enum member runs Python's enum code
    def _flags() -> int:
        return (
            Qt.AlignmentFlag.AlignLeft.value
            | Qt.AlignmentFlag.AlignVCenter.value
            | Qt.TextFlag.TextWordWrap.value
        )

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._font_key = None
            self._heights.clear()
            self.updateGeometry()
        elif kind == QEvent.Type.PaletteChange:
            self._colours = None
        super().changeEvent(event)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._colours is None:
            palette = self.palette()
            self._colours = (
                palette.color(QPalette.ColorRole.Window),
                palette.color(QPalette.ColorRole.WindowText),
            )
        window, text = self._colours
        painter = QPainter(self)
        painter.fillRect(event.rect(), window)  # opaque: nothing behind is painted
        if self._text:
            painter.setPen(text)
            painter.drawText(self.rect(), self._flags(), self._text)
        painter.end()
