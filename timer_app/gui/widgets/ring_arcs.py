"""The countdown ring's track and arc, drawn only where a repaint needs them.

A running second repaints the digits' box and the piece of arc that went
(`arc_span`). Stroking the whole ring and the whole arc for that, clipped to
those boxes, was most of a second's drawing (callgrind: ~2.3 of ~3.6 million
instructions): Qt strokes and fills the entire outline before it clips. So the
ring is drawn as pieces of arc that cover the repainted boxes' angles, with a
margin so a piece's cut ends (and their caps) fall outside the repaint; the
arc's real ends are placed exactly where a whole repaint puts them.

Positions on the ring are fractions of a turn clockwise from 12 o'clock, as the
arc runs; Qt's angles are 1/16 degree counter-clockwise from 3 o'clock.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QRegion

TURN = 360 * 16  # a whole turn in Qt's angle unit
TOP = 90 * 16  # 12 o'clock in Qt's angle unit
WIDE = 0.45  # a piece wider than this is drawn as the whole ring


def arc_span(rect: QRectF, thickness: float, first: float, second: float) -> QRectF:
    """The box of the ring's arc between two fractions (1 = the whole ring), pen and
    round caps included: what changes when the arc shrinks from one to the other."""
    low, high = sorted((first, second))
    # The arc runs clockwise from 12 o'clock: its box is bounded by its ends and by
    # the quarter points (3, 6, 9 o'clock) it passes, where it is widest or tallest.
    turns = [low, *(q / 4 for q in range(1, 4) if low < q / 4 < high), high]
    centre = rect.center()
    cx, cy = centre.x(), centre.y()
    rx, ry = rect.width() / 2, rect.height() / 2
    xs, ys = [], []
    for turn in turns:
        angle = math.radians(90 - 360 * turn)
        xs.append(cx + rx * math.cos(angle))
        ys.append(cy - ry * math.sin(angle))
    margin = thickness / 2 + 1
    box = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
    return box.adjusted(-margin, -margin, margin, margin)


def pieces(region: QRegion, rect: QRectF, thickness: float) -> list[tuple[float, float]] | None:
    """The (from, to) fractions of the ring that `region` can touch, each widened
    by a margin; None when the whole ring is simpler (a full repaint)."""
    centre = rect.center()
    cx, cy = centre.x(), centre.y()
    radius = min(rect.width(), rect.height()) / 2
    inner, outer = radius - thickness / 2 - 1, radius + thickness / 2 + 1
    # A cut end's cap reaches half the pen's width along the ring.
    margin = (thickness / 2 + 2) / max(1.0, inner) / (2 * math.pi)
    found: list[tuple[float, float]] = []
    for part in cast("Iterable[QRect]", region):  # PySide6 iterates; its stubs do not say
        left, top = part.x(), part.y()
        right, bottom = left + part.width(), top + part.height()
        # Wholly inside the ring's hole (most of the digits) or outside the ring:
        # nothing to cut into quarters.
        far_x, far_y = max(cx - left, right - cx), max(cy - top, bottom - cy)
        if far_x * far_x + far_y * far_y < inner * inner:
            continue
        # Cut at the centre's lines: no quarter holds the centre inside it, so
        # each covers less than a quarter turn and its corners bound its angles.
        xs = [left, *([cx] if left < cx < right else []), right]
        ys = [top, *([cy] if top < cy < bottom else []), bottom]
        for x0, x1 in itertools.pairwise(xs):
            for y0, y1 in itertools.pairwise(ys):
                piece = _piece(x0 - cx, x1 - cx, y0 - cy, y1 - cy, inner, outer)
                if piece is not None:
                    low, high = piece
                    found.append((low - margin, high + margin))
    return _merged(found)


def _merged(found: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """Overlapping pieces as one (each is two strokes to draw); None when they
    come to more than `WIDE` of a turn together."""
    pieces: list[tuple[float, float]] = []
    for low, high in sorted((low % 1.0, low % 1.0 + high - low) for low, high in found):
        if pieces and low <= pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], max(pieces[-1][1], high))
        else:
            pieces.append((low, high))
    if sum(high - low for low, high in pieces) > WIDE:
        return None
    return pieces


def _piece(
    x0: float, x1: float, y0: float, y1: float, inner: float, outer: float
) -> tuple[float, float] | None:
    """The fractions a box (relative to the centre, not holding it) covers on the
    band between `inner` and `outer`, or None when it misses the band."""
    nearest = math.hypot(max(x0, 0, -x1), max(y0, 0, -y1))
    corners = [(x, y) for x in (x0, x1) for y in (y0, y1)]
    if nearest > outer or max(math.hypot(x, y) for x, y in corners) < inner:
        return None
    # The part of the box outside the inner circle is bounded by the corners out
    # there and by where the box's sides cross that circle: its angles lie
    # between theirs (the digits' box reaches the band by its corners only).
    points = [(x, y) for x, y in corners if math.hypot(x, y) >= inner]
    for x in (x0, x1):
        if abs(x) <= inner:
            h = math.sqrt(inner * inner - x * x)
            points += [(x, y) for y in (-h, h) if y0 <= y <= y1]
    for y in (y0, y1):
        if abs(y) <= inner:
            w = math.sqrt(inner * inner - y * y)
            points += [(x, y) for x in (-w, w) if x0 <= x <= x1]
    turns = sorted(math.atan2(x, -y) / (2 * math.pi) % 1.0 for x, y in points if x or y)
    # The smallest stretch holding every point: all but the widest gap between them.
    gaps = [(turns[(i + 1) % len(turns)] - t) % 1.0 for i, t in enumerate(turns)]
    widest = max(range(len(gaps)), key=gaps.__getitem__)
    low = turns[(widest + 1) % len(turns)]
    return low, low + 1.0 - gaps[widest]


def draw(
    painter: QPainter,
    rect: QRectF,
    thickness: float,
    track: QColor,
    arc: QColor,
    fraction: float | None,
    where: list[tuple[float, float]] | None,
) -> None:
    """The track (flat ends) and over it the arc from 12 o'clock to `fraction`
    (round ends), everywhere (`where` None) or over those pieces only."""
    painter.setPen(_pen(track, thickness, rounded=False))
    if where is None:
        painter.drawEllipse(rect)
    else:
        for low, high in where:
            painter.drawArc(rect, _qt(low), _qt(high) - _qt(low))
    if fraction is None or fraction <= 0:
        return
    painter.setPen(_pen(arc, thickness, rounded=True))
    end = TOP + int(-TURN * fraction)  # exactly where the whole arc ends
    if where is None:
        painter.drawArc(rect, TOP, end - TOP)
        return
    for low, high in where:
        for turn in (-1, 0, 1):  # the arc seen a turn earlier or later
            first, last = max(low, turn), min(high, turn + fraction)
            if first < last:
                start = TOP - turn * TURN if first == turn else _qt(first)
                stop = end - turn * TURN if last == turn + fraction else _qt(last)
                painter.drawArc(rect, start, stop - start)


_PENS: dict[tuple[int, float, bool], QPen] = {}


def _pen(colour: QColor, thickness: float, *, rounded: bool) -> QPen:
    """The same pen each second: each Qt enum handed from Python runs Python's
    enum code, and a new QPen costs its wrapping and freeing."""
    key = (colour.rgba(), thickness, rounded)
    pen = _PENS.get(key)
    if pen is None:
        if len(_PENS) > 16:  # colours and sizes come and go with the palette and window
            _PENS.clear()
        cap = Qt.PenCapStyle.RoundCap if rounded else Qt.PenCapStyle.FlatCap
        pen = _PENS[key] = QPen(colour, thickness, Qt.PenStyle.SolidLine, cap)
    return pen


def _qt(turns: float) -> int:
    """A fraction clockwise from 12 o'clock as Qt's angle."""
    return round(TOP - TURN * turns)
