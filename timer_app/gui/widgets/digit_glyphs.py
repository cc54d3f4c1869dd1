"""The ring's huge digits, drawn from pictures of their glyphs made once.

Qt draws text above ~64 px as outlines: every second the new digits were filled
as curves, antialiased, the most expensive part of a running second (issue 18).
The characters a countdown uses are few ("0"–"9", ":"), so each is drawn once
into a pixmap for the font and colour in use, and a second's digits are those
pixmaps placed side by side where `QPainter.drawText(box, AlignCenter, text)`
would put its glyphs. Any other text (a counted rep's "2 / 3") is drawn as text.

The pixmaps are opaque, filled with the colour under the digits (the ring's plain
background), and each is copied under one clip rectangle at a time: then Qt's
raster engine copies memory. Under a clip of several rectangles (a second's
repaint is the digits' box and a piece of arc), or with a translucent picture,
it blends the picture span by span and spreads that over its thread pool: two
threads woke for every digit (measured: ~1,000 wake-ups for 300 seconds).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap, QRegion

CACHED = frozenset("0123456789:")
# Up to this size Qt keeps its own glyphs as pictures and text is cheap; above
# it, it fills outlines (the raster engine's glyph cache limit).
OUTLINES_ABOVE_PX = 64
FONTS_KEPT = 2  # running and paused (faded) digits; a new size makes new ones


# (the picture, the advance, where the picture goes from the glyph's origin on the
# baseline); None: the font's glyph overhangs its advance.
Glyph = tuple[QPixmap, float, QPointF] | None


class DigitGlyphs:
    """Pixmaps of the digits' glyphs, by font, colours and device pixel ratio."""

    def __init__(self) -> None:
        self._sets: dict[tuple[str, int, int, float], dict[str, Glyph]] = {}

    def draw(
        self,
        painter: QPainter,
        box: QRectF,
        text: str,
        font: QFont,
        ink: QColor,
        background: QColor,
        region: QRegion,
        *,
        font_key: str | None = None,
    ) -> None:
        """`text` centred in `box`, as `drawText(box, AlignCenter, text)` places it,
        where `region` (the paint event's) is repainted. `font_key`: `font.key()`
        when the caller keeps it (it costs ~12,000 instructions to make)."""
        ratio = painter.device().devicePixelRatioF()
        glyphs = self._glyphs(font_key or font.key(), ink, background, ratio)
        cells = (
            []
            if font.pixelSize() <= OUTLINES_ABOVE_PX
            else [
                glyphs[c] if c in glyphs else _make(glyphs, c, font, ink, background, ratio)
                for c in text
                if c in CACHED
            ]
        )
        if font.pixelSize() <= OUTLINES_ABOVE_PX or len(cells) != len(text) or None in cells:
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        metrics = QFontMetricsF(font)
        x = box.center().x() - metrics.horizontalAdvance(text) / 2
        baseline = round(box.center().y() - metrics.height() / 2 + metrics.ascent())
        placed = []
        for cell in cells:
            assert cell is not None
            pixmap, advance, offset = cell
            placed.append((QPointF(round(x), baseline) + offset, pixmap))
            x += advance
        reach = box.toAlignedRect()
        # One rectangle at a time (see the module's docstring); PySide6 iterates a
        # region, its stubs do not say so.
        for part in cast("Iterable[QRect]", region):
            if part.intersects(reach):
                painter.setClipRect(part)
                for at, pixmap in placed:
                    painter.drawPixmap(at, pixmap)
        painter.setClipping(False)

    def _glyphs(
        self, font_key: str, ink: QColor, background: QColor, ratio: float
    ) -> dict[str, Glyph]:
        key = (font_key, ink.rgba(), background.rgba(), ratio)
        glyphs = self._sets.pop(key, None)
        if glyphs is None:
            glyphs = {}
            while len(self._sets) >= FONTS_KEPT:  # the least recently used goes
                del self._sets[next(iter(self._sets))]
        self._sets[key] = glyphs  # most recently used last
        return glyphs


def _make(
    glyphs: dict[str, Glyph],
    char: str,
    font: QFont,
    ink: QColor,
    background: QColor,
    ratio: float,
) -> Glyph:
    """One character's picture: its ink and a pixel around it for the antialiasing
    (not the whole line: a 360 px digit's line box is ~600 KB, its ink ~250 KB).
    A glyph whose ink leaves its advance is not cached: the next one would cover it."""
    metrics = QFontMetricsF(font)
    if metrics.leftBearing(char) < 0 or metrics.rightBearing(char) < 0:
        glyphs[char] = None
        return None
    ink_box = metrics.tightBoundingRect(char)  # from the origin on the baseline
    left, top = math.floor(ink_box.left()) - 2, math.floor(ink_box.top()) - 2
    width, height = math.ceil(ink_box.right()) + 2 - left, math.ceil(ink_box.bottom()) + 2 - top
    pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(QPointF(-left, -top), char)
    painter.end()
    glyphs[char] = (pixmap, metrics.horizontalAdvance(char), QPointF(left, top))
    return glyphs[char]
