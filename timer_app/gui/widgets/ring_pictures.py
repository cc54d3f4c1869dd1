"""Pieces of the ring that are drawn again and again, kept as pictures (issue 18).

Each running second restrokes the pieces of ring its repaint boxes reach
(`ring_arcs`). One of them is the same piece every second: where the box of the
changing ones digit reaches into the ring (two-digit seconds, at the size the
digits have on a laptop). Stroking a piece costs Qt's stroker and antialiasing
rasterizer each time: ~140,000 instructions by callgrind, a third of the
instructions of a running second, in code no other drawing of the second keeps
warm. Copying a picture of the same pixels costs a few thousand.

Only pieces cut at both ends are kept (`ring_arcs`): the pieces round the arc's
moving end are stroked, as each is drawn once. The picture is the piece stroked exactly
as it would be on the ring, onto transparent pixels at the same fractions of a
pixel, so copying it over the ring's plain background gives the same pixels.
It is copied under one clip rectangle at a time, as the digits are
(`digit_glyphs`): under several, Qt blends a translucent picture span by span
and may spread that over its thread pool.

Pictures are for one ring (its box and the screen's pixel ratio): a new one drops
them all, and so does the owner when its size or palette changes.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QPen

# Pictures: where the ones digit's box reaches the ring, a piece for each digit's
# box (~25 KB each at a laptop's size), and where the tens digit's does.
KEPT = 12

# A piece: its pen's colour (rgba) and cap, and its ends in Qt's angles.
Key = tuple[int, bool, int, int]
# A kept picture: the image and where its top left corner goes, in whole pixels.
Picture = tuple[QImage, int, int, QRect]


class PiecePictures:
    """Pictures of one ring's pieces cut at both ends, by colour, cap and ends."""

    def __init__(self) -> None:
        self._pictures: OrderedDict[Key, Picture] = OrderedDict()
        self._ring: tuple[QRectF, float] | None = None  # the pictures' ring and pixel ratio

    def clear(self) -> None:
        self._pictures.clear()

    def __len__(self) -> int:
        return len(self._pictures)

    def stroke(
        self,
        painter: QPainter,
        rect: QRectF,
        pen: QPen,
        key: Key,
        parts: list[QRect],
    ) -> None:
        """The arc of `rect` from `key`'s start angle over its span, with `pen`,
        where the repaint's `parts` reach it: copied from its picture, or stroked."""
        ratio = painter.device().devicePixelRatioF()
        if self._ring is None or self._ring[1] != ratio or self._ring[0] != rect:
            self.clear()  # another ring, or the window went to another screen
            self._ring = (QRectF(rect), ratio)
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._make(rect, pen, key, ratio)
            if picture is None:  # a screen with a fractional scale: stroked
                painter.drawArc(rect, key[2], key[3])
                return
        else:
            self._pictures.move_to_end(key)
        image, left, top, box = picture
        for part in parts:
            if part.intersects(box):
                painter.setClipRect(part)
                painter.drawImage(left, top, image)
        painter.setClipping(False)

    def _make(self, rect: QRectF, pen: QPen, key: Key, ratio: float) -> Picture | None:
        if ratio != int(ratio):
            return None
        left, top, right, bottom = _reach(rect, pen.widthF(), key[2], key[3])
        image = QImage((right - left) * int(ratio), (bottom - top) * int(ratio), _FORMAT)
        image.setDevicePixelRatio(ratio)
        image.fill(0)
        drawing = QPainter(image)
        drawing.setRenderHint(QPainter.RenderHint.Antialiasing)  # as the ring's
        drawing.translate(-left, -top)  # whole pixels: the same fractions of a pixel
        drawing.setPen(pen)
        drawing.drawArc(rect, key[2], key[3])
        drawing.end()
        picture = (image, left, top, QRect(left, top, right - left, bottom - top))
        self._pictures[key] = picture
        if len(self._pictures) > KEPT:
            self._pictures.popitem(last=False)
        return picture


_FORMAT = QImage.Format.Format_ARGB32_Premultiplied


def _reach(rect: QRectF, width: float, start: int, span: int) -> tuple[int, int, int, int]:
    """The whole pixels (left, top, right, bottom) an arc of `rect` from `start`
    over `span` (Qt's angles) covers with a pen `width` wide and round caps: the
    box of its points and of the quarter points between, widened by the pen."""
    first, last = (start, start + span) if span >= 0 else (start + span, start)
    angles = [first, *(q for q in range(-4 * 1440, 8 * 1440, 1440) if first < q < last), last]
    cx, cy = rect.center().x(), rect.center().y()
    rx, ry = rect.width() / 2, rect.height() / 2
    xs = [cx + rx * math.cos(math.radians(a / 16)) for a in angles]
    ys = [cy - ry * math.sin(math.radians(a / 16)) for a in angles]
    margin = width / 2 + 2  # the pen's half and its antialiasing
    return (
        math.floor(min(xs) - margin),
        math.floor(min(ys) - margin),
        math.ceil(max(xs) + margin),
        math.ceil(max(ys) + margin),
    )
