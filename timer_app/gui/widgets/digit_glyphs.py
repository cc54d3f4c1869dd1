"""The ring's huge digits, drawn from pictures of their glyphs made once.

Qt draws text above ~64 px as outlines: every second the new digits were filled
as curves, antialiased, the most expensive part of a running second (issue 18).
The characters a countdown uses are few ("0"–"9", ":"), so each is drawn once
into a pixmap for the font and colour in use, and a second's digits are those
pixmaps placed side by side where `QPainter.drawText(box, AlignCenter, text)`
would put its glyphs. Any other text (a counted rep's "2 / 3") is drawn as text.

Each character's advance and picture box are kept per font too (`_Metrics`), so
a second's new digits are placed, and their box measured for the ring's repaint
(`cells_box`), without laying out their text: Qt shapes a string anew each time
it is measured or drawn (~30,000 instructions for two digits).

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


class _Metrics:
    """One font's line height, ascent and, per character, its advance and the box
    of its picture from its origin on the baseline (None: it overhangs its advance)."""

    def __init__(self, font: QFont) -> None:
        self.font_metrics = QFontMetricsF(font)
        self.height = self.font_metrics.height()
        self.ascent = self.font_metrics.ascent()
        self.chars: dict[str, tuple[float, QRectF] | None] = {}

    def char(self, char: str) -> tuple[float, QRectF] | None:
        if char not in self.chars:
            self.chars[char] = _cell(self.font_metrics, char)
        return self.chars[char]

    def advance(self, text: str) -> float | None:
        """The text's advance from its characters' (None: one is not a digit's)."""
        total = 0.0
        for char in text:
            cell = self.char(char) if char in CACHED else None
            if cell is None:
                return None
            total += cell[0]
        return total


def _cell(metrics: QFontMetricsF, char: str) -> tuple[float, QRectF] | None:
    """A character's advance and its picture's box: its ink and a pixel around it
    for the antialiasing (not the whole line: a 360 px digit's line box is ~600 KB,
    its ink ~250 KB). A glyph whose ink leaves its advance is not cached: the next
    one would cover it."""
    if metrics.leftBearing(char) < 0 or metrics.rightBearing(char) < 0:
        return None
    ink_box = metrics.tightBoundingRect(char)  # from the origin on the baseline
    left, top = math.floor(ink_box.left()) - 2, math.floor(ink_box.top()) - 2
    width, height = math.ceil(ink_box.right()) + 2 - left, math.ceil(ink_box.bottom()) + 2 - top
    return metrics.horizontalAdvance(char), QRectF(left, top, width, height)


class DigitGlyphs:
    """Pixmaps of the digits' glyphs, by font, colours and device pixel ratio."""

    def __init__(self) -> None:
        self._sets: dict[tuple[str, int, int, float], dict[str, Glyph]] = {}
        self._metrics: dict[str, _Metrics] = {}
        # The last text placed, with its box and metrics: a second's new digits
        # are placed for their repaint box (`cells_box`) and again to draw them.
        self._last: tuple[QRectF, str, _Metrics, list[tuple[QPointF, QRectF]] | None] | None = None

    def metrics(self, font: QFont, font_key: str) -> _Metrics:
        """`font`'s metrics, kept by its key (`font.key()`)."""
        found = self._metrics.get(font_key)
        if found is None:
            if len(self._metrics) > 4 * FONTS_KEPT:  # sizes come and go with the window
                self._metrics.clear()
            found = self._metrics[font_key] = _Metrics(font)
        return found

    def advance(self, text: str, font: QFont, font_key: str) -> float | None:
        """`text`'s advance when it is all digits (None otherwise), unmeasured."""
        return self.metrics(font, font_key).advance(text)

    def cells_box(self, box: QRectF, text: str, font: QFont, font_key: str) -> QRectF | None:
        """What `draw` covers with the pictures of `text` centred in `box`, or None
        when it would draw `text` as text."""
        if font.pixelSize() <= OUTLINES_ABOVE_PX:
            return None
        placed = self._placed_once(box, text, self.metrics(font, font_key))
        if placed is None:
            return None
        covered = QRectF()
        for at, cell in placed:
            covered = covered.united(cell.translated(at))
        return covered

    def changed_box(
        self, box: QRectF, old: str, new: str, font: QFont, font_key: str
    ) -> QRectF | None:
        """What `draw` covers differently for `new` than for `old`, both in `font`
        and centred in `box`: the pictures of the characters that changed or
        moved. None when either is drawn as text.

        A second's "28" to "27" leaves the "2" where it was: repainting only the
        "7" keeps the "2"'s far corner, which reaches into the ring's band, from
        asking for a piece of the ring to be stroked again (issue 18)."""
        if font.pixelSize() <= OUTLINES_ABOVE_PX:
            return None
        metrics = self.metrics(font, font_key)
        before = self._placed(box, old, metrics)
        after = self._placed_once(box, new, metrics)
        if before is None or after is None:
            return None
        if len(old) == len(new):
            changed = [
                i for i in range(len(new)) if old[i] != new[i] or before[i][0] != after[i][0]
            ]
            before = [before[i] for i in changed]
            after = [after[i] for i in changed]
        # else the text is centred anew: every character moved
        covered = QRectF()
        for at, cell in (*before, *after):
            covered = covered.united(cell.translated(at))
        return covered

    def _placed_once(
        self, box: QRectF, text: str, metrics: _Metrics
    ) -> list[tuple[QPointF, QRectF]] | None:
        """`_placed`, kept for the last text, box and metrics asked."""
        last = self._last
        if last is not None and last[1] == text and last[2] is metrics and last[0] == box:
            return last[3]
        placed = self._placed(box, text, metrics)
        self._last = (QRectF(box), text, metrics, placed)
        return placed

    @staticmethod
    def _placed(box: QRectF, text: str, metrics: _Metrics) -> list[tuple[QPointF, QRectF]] | None:
        """Each character's origin (on whole pixels, as `drawText` would place its
        glyph) and its picture's box from there; None when one is not a digit's."""
        advance = metrics.advance(text)
        if advance is None:
            return None
        centre = box.center()
        x = centre.x() - advance / 2
        baseline = round(centre.y() - metrics.height / 2 + metrics.ascent)
        placed = []
        for char in text:
            cell = metrics.char(char)
            assert cell is not None  # advance() checked every character
            placed.append((QPointF(round(x), baseline), cell[1]))
            x += cell[0]
        return placed

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
        key = font_key or font.key()
        origins = (
            None
            if font.pixelSize() <= OUTLINES_ABOVE_PX
            else self._placed_once(box, text, self.metrics(font, key))
        )
        if origins is None:
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        ratio = painter.device().devicePixelRatioF()
        glyphs = self._glyphs(key, ink, background, ratio)
        placed = []
        for char, (at, cell) in zip(text, origins, strict=True):
            glyph = (
                glyphs[char]
                if char in glyphs
                else _make(glyphs, char, font, ink, background, ratio)
            )
            assert glyph is not None  # _placed checked that each character has a picture
            placed.append((at + cell.topLeft(), glyph[0]))
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
    """One character's picture, of its cell (`_cell`)."""
    metrics = QFontMetricsF(font)
    cell = _cell(metrics, char)
    if cell is None:
        glyphs[char] = None
        return None
    box = cell[1]
    left, top = round(box.left()), round(box.top())
    width, height = round(box.width()), round(box.height())
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
