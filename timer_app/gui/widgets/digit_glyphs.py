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


# (the picture, where it goes from the glyph's origin on the baseline: left and top
# in whole pixels); None: the font's glyph overhangs its advance.
Glyph = tuple[QPixmap, int, int] | None
# A character's advance and its picture's box from its origin on the baseline:
# left, top, width and height in whole pixels.
Cell = tuple[float, int, int, int, int]
# A box in whole pixels: left, top, right and bottom (exclusive).
Box = tuple[int, int, int, int]


class _Metrics:
    """One font's line height, ascent and, per character, its `Cell` (None: it
    overhangs its advance). Plain numbers: a second places and measures its new
    digits with no Qt value made (issue 18: each costs a Python-to-Qt call)."""

    def __init__(self, font: QFont) -> None:
        self.font_metrics = QFontMetricsF(font)
        self.pixels = font.pixelSize()
        self.height = self.font_metrics.height()
        self.ascent = self.font_metrics.ascent()
        self.chars: dict[str, Cell | None] = {}

    def char(self, char: str) -> Cell | None:
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


def _cell(metrics: QFontMetricsF, char: str) -> Cell | None:
    """A character's advance and its picture's box: its ink and a pixel around it
    for the antialiasing (not the whole line: a 360 px digit's line box is ~600 KB,
    its ink ~250 KB). A glyph whose ink leaves its advance is not cached: the next
    one would cover it."""
    if metrics.leftBearing(char) < 0 or metrics.rightBearing(char) < 0:
        return None
    ink_box = metrics.tightBoundingRect(char)  # from the origin on the baseline
    left, top = math.floor(ink_box.left()) - 2, math.floor(ink_box.top()) - 2
    width, height = math.ceil(ink_box.right()) + 2 - left, math.ceil(ink_box.bottom()) + 2 - top
    return metrics.horizontalAdvance(char), left, top, width, height


def _covering(boxes: Iterable[Box]) -> Box | None:
    """The smallest box holding all of `boxes` (None for none)."""
    found: Box | None = None
    for box in boxes:
        if found is None:
            found = box
        else:
            found = (
                min(found[0], box[0]),
                min(found[1], box[1]),
                max(found[2], box[2]),
                max(found[3], box[3]),
            )
    return found


class DigitGlyphs:
    """Pixmaps of the digits' glyphs, by font, colours and device pixel ratio."""

    def __init__(self) -> None:
        self._sets: dict[tuple[str, int, int, float], dict[str, Glyph]] = {}
        self._metrics: dict[str, _Metrics] = {}
        # The last text placed, with its box's centre and metrics: a second's new
        # digits are placed for their repaint box and again to draw them.
        self._last: tuple[tuple[float, float], str, _Metrics, list[Box] | None] | None = None

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

    def cells_box(
        self, centre: tuple[float, float], text: str, font: QFont, font_key: str
    ) -> Box | None:
        """What `draw` covers with the pictures of `text` centred on `centre`, or
        None when it would draw `text` as text."""
        metrics = self.metrics(font, font_key)
        if metrics.pixels <= OUTLINES_ABOVE_PX:
            return None
        placed = self._placed_once(centre, text, metrics)
        return None if placed is None else _covering(placed)

    def changed_box(
        self, centre: tuple[float, float], old: str, new: str, font: QFont, font_key: str
    ) -> Box | None:
        """What `draw` covers differently for `new` than for `old`, both in `font`
        and centred on `centre`: the pictures of the characters that changed or
        moved. None when either is drawn as text.

        A second's "28" to "27" leaves the "2" where it was: repainting only the
        "7" keeps the "2"'s far corner, which reaches into the ring's band, from
        asking for a piece of the ring to be stroked again (issue 18)."""
        metrics = self.metrics(font, font_key)
        if metrics.pixels <= OUTLINES_ABOVE_PX:
            return None
        before = self._placed(centre, old, metrics)
        after = self._placed_once(centre, new, metrics)
        if before is None or after is None:
            return None
        if len(old) == len(new):
            changed = [i for i in range(len(new)) if old[i] != new[i] or before[i] != after[i]]
            before = [before[i] for i in changed]
            after = [after[i] for i in changed]
        # else the text is centred anew: every character moved
        return _covering((*before, *after))

    def _placed_once(
        self, centre: tuple[float, float], text: str, metrics: _Metrics
    ) -> list[Box] | None:
        """`_placed`, kept for the last text, centre and metrics asked."""
        last = self._last
        if last is not None and last[1] == text and last[2] is metrics and last[0] == centre:
            return last[3]
        placed = self._placed(centre, text, metrics)
        self._last = (centre, text, metrics, placed)
        return placed

    @staticmethod
    def _placed(centre: tuple[float, float], text: str, metrics: _Metrics) -> list[Box] | None:
        """Each character's picture's box, its glyph's origin on whole pixels as
        `drawText` would place it; None when one is not a digit's."""
        advance = metrics.advance(text)
        if advance is None:
            return None
        x = centre[0] - advance / 2
        baseline = round(centre[1] - metrics.height / 2 + metrics.ascent)
        placed = []
        for char in text:
            cell = metrics.char(char)
            assert cell is not None  # advance() checked every character
            left, top = round(x) + cell[1], baseline + cell[2]
            placed.append((left, top, left + cell[3], top + cell[4]))
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
        centre: tuple[float, float] | None = None,
    ) -> None:
        """`text` centred in `box`, as `drawText(box, AlignCenter, text)` places it,
        where `region` (the paint event's) is repainted. `font_key`: `font.key()`
        and `centre`: `box`'s centre, when the caller keeps them (the key costs
        ~12,000 instructions to make)."""
        key = font_key or font.key()
        if centre is None:
            middle = box.center()
            centre = (middle.x(), middle.y())
        metrics = self.metrics(font, key)
        drawn_as_text = metrics.pixels <= OUTLINES_ABOVE_PX
        origins = None if drawn_as_text else self._placed_once(centre, text, metrics)
        if origins is None:
            painter.setFont(font)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        covered = _covering(origins)
        if covered is None:  # no text: nothing to draw
            return
        glyphs = self._glyphs(key, font, ink, background, painter.device().devicePixelRatioF())
        reach = QRect(covered[0], covered[1], covered[2] - covered[0], covered[3] - covered[1])
        # One rectangle at a time (see the module's docstring); PySide6 iterates a
        # region, its stubs do not say so.
        for part in cast("Iterable[QRect]", region):
            if part.intersects(reach):
                painter.setClipRect(part)
                for char, (left, top, _, _) in zip(text, origins, strict=True):
                    glyph = glyphs[char]
                    assert glyph is not None  # _placed checked it has a picture
                    painter.drawPixmap(left, top, glyph[0])
        painter.setClipping(False)

    def _glyphs(
        self, font_key: str, font: QFont, ink: QColor, background: QColor, ratio: float
    ) -> dict[str, Glyph]:
        """The pictures of every character a countdown uses, in these colours: all
        made at once, the first time (a countdown's get-ready), so a hold's seconds
        make none (each ~0.2 ms and fresh memory to fault in)."""
        key = (font_key, ink.rgba(), background.rgba(), ratio)
        glyphs = self._sets.pop(key, None)
        if glyphs is None:
            glyphs = {char: _make(char, font, ink, background, ratio) for char in CACHED}
            while len(self._sets) >= FONTS_KEPT:  # the least recently used goes
                del self._sets[next(iter(self._sets))]
        self._sets[key] = glyphs  # most recently used last
        return glyphs


def _make(char: str, font: QFont, ink: QColor, background: QColor, ratio: float) -> Glyph:
    """One character's picture, of its cell (`_cell`)."""
    cell = _cell(QFontMetricsF(font), char)
    if cell is None:
        return None
    _, left, top, width, height = cell
    pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(QPointF(-left, -top), char)
    painter.end()
    return pixmap, left, top
