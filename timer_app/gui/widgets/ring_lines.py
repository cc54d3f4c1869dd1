"""The two lines of words inside the countdown ring: the caption under the digits
("Hold", "Rest", "Paused") and the hint at the bottom ("Space to go on").

Each line is as large as its box allows, shrunk to fit the box's width. A line is
drawn only where a repaint reaches its words, not its whole box (issue 18): the
caption's box is most of the ring's width, and a second's piece of arc that
went near its ends drew the word again, shaping its text anew. Each line's font
and the pixels its words take are kept per text until the ring's size or font
changes (`forget`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QRegion

CAPTION, HINT = 0, 1


class RingLines:
    """The caption's and the hint's boxes for one ring size, and their fonts."""

    def __init__(self) -> None:
        self._boxes: tuple[QRectF, QRectF] | None = None
        self._fonts: dict[tuple[int, str, bool], tuple[QFont, QRect]] = {}

    def forget(self) -> None:
        """A new size or font: the boxes and the fonts go."""
        self._boxes = None
        self._fonts.clear()

    def place(self, ring: QRectF, digits: QRectF) -> None:
        """The caption's box under the digits' box, and the hint's under it: made
        for the first paint at a size."""
        if self._boxes is None:
            caption_rect = QRectF(ring.left(), digits.bottom(), ring.width(), ring.height() * 0.15)
            caption_box = caption_rect.adjusted(ring.width() * 0.2, 0, -ring.width() * 0.2, 0)
            # The ring narrows towards its bottom: the hint gets the chord's middle.
            hint_rect = QRectF(
                ring.left(), caption_rect.bottom(), ring.width(), ring.height() * 0.08
            )
            hint_box = hint_rect.adjusted(ring.width() * 0.25, 0, -ring.width() * 0.25, 0)
            self._boxes = (caption_box, hint_box)

    def draw(
        self,
        painter: QPainter,
        line: int,
        text: str,
        ink: QColor,
        dirty: QRegion,
        *,
        bold: bool,
        font: Callable[[], QFont],
    ) -> None:
        """`text` on `line` (CAPTION or HINT, placed), in `ink`, in the widget's
        `font` (asked for only when a text is new), if the repaint reaches its
        words."""
        if not text:
            return
        assert self._boxes is not None, "place() the lines first"
        box = self._boxes[line]
        drawn_in, words = self._font(line, box, text, bold, font)
        if not dirty.intersects(words):
            return
        painter.setPen(ink)
        painter.setFont(drawn_in)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _font(
        self, line: int, box: QRectF, text: str, bold: bool, base: Callable[[], QFont]
    ) -> tuple[QFont, QRect]:
        """The font `text` is drawn in on `line` and the whole pixels its words
        take (their line's height and their advance, with a margin for glyphs
        that overhang them)."""
        key = (line, text, bold)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(base())
            font.setBold(bold)
            font.setPixelSize(max(10, int(box.height() * 0.6)))
            while font.pixelSize() > 10 and _advance(font, text) > box.width():
                font.setPixelSize(int(font.pixelSize() * 0.9))
            taken = QFontMetricsF(font).boundingRect(box, Qt.AlignmentFlag.AlignCenter, text)
            margin = font.pixelSize() // 4 + 2
            words = taken.toAlignedRect().adjusted(-margin, -margin, margin, margin)
            if len(self._fonts) > 8:  # a caption and a hint, in a language or two
                self._fonts.clear()
            found = self._fonts[key] = (font, words)
        return found


def _advance(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)
