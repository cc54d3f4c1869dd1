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
FONTS_KEPT = 3  # a step's font, the next step's (shorter text, larger), paused


Glyph = tuple[QPixmap, float] | None  # None: the font's glyph overhangs its advance


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
    ) -> None:
        """`text` centred in `box`, as `drawText(box, AlignCenter, text)` places it,
        where `region` (the paint event's) is repainted."""
        ratio = painter.device().devicePixelRatioF()
        glyphs = self._glyphs(font, ink, background, ratio)
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
        top = box.center().y() - metrics.height() / 2
        placed = []
        for cell in cells:
            assert cell is not None
            pixmap, advance = cell
            placed.append((QPointF(round(x), round(top)), pixmap))
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
        self, font: QFont, ink: QColor, background: QColor, ratio: float
    ) -> dict[str, Glyph]:
        key = (font.key(), ink.rgba(), background.rgba(), ratio)
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
    """One character's cell: as wide as its advance (the next one's starts there),
    as tall as the line. A glyph whose ink leaves its advance is not cached: the
    next cell would cover it."""
    metrics = QFontMetricsF(font)
    if metrics.leftBearing(char) < 0 or metrics.rightBearing(char) < 0:
        glyphs[char] = None
        return None
    advance = metrics.horizontalAdvance(char)
    pixmap = QPixmap(math.ceil(advance * ratio), math.ceil(metrics.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(QPointF(0, metrics.ascent()), char)
    painter.end()
    glyphs[char] = (pixmap, advance)
    return glyphs[char]
