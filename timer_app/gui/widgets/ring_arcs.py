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

import math
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QRegion

TURN = 360 * 16  # a whole turn in Qt's angle unit
TOP = 90 * 16  # 12 o'clock in Qt's angle unit
WIDE = 0.45  # a piece wider than this is drawn as the whole ring
TAU = 2 * math.pi


def arc_span(
    centre: tuple[float, float], radius: float, thickness: float, first: float, second: float
) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) of the arc of a ring of `radius` round
    `centre` between two fractions (1 = the whole ring), pen and round caps
    included: what changes when the arc shrinks from one to the other. Plain
    numbers: a running second asks for it (issue 18)."""
    low, high = (first, second) if first < second else (second, first)
    # The arc runs clockwise from 12 o'clock: its box is bounded by its ends and by
    # the quarter points (3, 6, 9 o'clock) it passes, where it is widest or tallest.
    turns = [low, *(q / 4 for q in range(1, 4) if low < q / 4 < high), high]
    cx, cy = centre
    xs, ys = [], []
    for turn in turns:
        angle = math.radians(90 - 360 * turn)
        xs.append(cx + radius * math.cos(angle))
        ys.append(cy - radius * math.sin(angle))
    margin = thickness / 2 + 1
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


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
        left, top = part.x() - cx, part.y() - cy  # from here on, relative to the centre
        right, bottom = left + part.width(), top + part.height()
        # Wholly inside the ring's hole (most of the digits) or outside the ring:
        # nothing to cut into quarters.
        far_x = -left if -left > right else right
        far_y = -top if -top > bottom else bottom
        if far_x * far_x + far_y * far_y < inner * inner:
            continue
        # Cut at the centre's lines: no quarter holds the centre inside it, so
        # each covers less than a quarter turn and its corners bound its angles.
        xs = (left, 0.0, right) if left < 0 < right else (left, right)
        ys = (top, 0.0, bottom) if top < 0 < bottom else (top, bottom)
        for i in range(len(xs) - 1):
            for j in range(len(ys) - 1):
                piece = _piece(xs[i], xs[i + 1], ys[j], ys[j + 1], inner, outer)
                if piece is not None:
                    found.append((piece[0] - margin, piece[1] + margin))
    return _merged(found)


def _merged(found: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """Overlapping pieces as one (each is two strokes to draw); None when they
    come to more than `WIDE` of a turn together."""
    pieces: list[tuple[float, float]] = []
    total = 0.0  # their length together, kept as they merge
    for low, high in sorted([(low % 1.0, low % 1.0 + high - low) for low, high in found]):
        if pieces and low <= pieces[-1][1]:
            first, last = pieces[-1]
            if high > last:
                pieces[-1] = (first, high)
                total += high - last
        else:
            pieces.append((low, high))
            total += high - low
    if total > WIDE:
        return None
    return pieces


# A running second calls `_piece` for each quarter of a repainted box that
# reaches the ring (about five): plain loops, as generator expressions and list
# comprehensions are each a Python call more per corner (issue 18).
def _piece(
    x0: float, x1: float, y0: float, y1: float, inner: float, outer: float
) -> tuple[float, float] | None:
    """The fractions a box (relative to the centre, not holding it) covers on the
    band between `inner` and `outer`, or None when it misses the band."""
    near_x = x0 if x0 > 0 else (-x1 if -x1 > 0 else 0)
    near_y = y0 if y0 > 0 else (-y1 if -y1 > 0 else 0)
    if near_x * near_x + near_y * near_y > outer * outer:
        return None
    inside = inner * inner
    # The part of the box outside the inner circle is bounded by the corners out
    # there and by where the box's sides cross that circle: its angles lie
    # between theirs (the digits' box reaches the band by its corners only).
    points: list[tuple[float, float]] = []
    for x in (x0, x1):
        for y in (y0, y1):
            if x * x + y * y >= inside:
                points.append((x, y))
    if not points:
        return None
    for x in (x0, x1):
        if -inner <= x <= inner:
            h = math.sqrt(inside - x * x)
            if y0 <= -h <= y1:
                points.append((x, -h))
            if y0 <= h <= y1:
                points.append((x, h))
    for y in (y0, y1):
        if -inner <= y <= inner:
            w = math.sqrt(inside - y * y)
            if x0 <= -w <= x1:
                points.append((-w, y))
            if x0 <= w <= x1:
                points.append((w, y))
    turns: list[float] = []
    for x, y in points:
        if x or y:
            turns.append(math.atan2(x, -y) / TAU % 1.0)
    turns.sort()
    # The smallest stretch holding every point: all but the widest gap between them.
    count = len(turns)
    widest, gap = 0, -1.0
    for i in range(count):
        between = (turns[(i + 1) % count] - turns[i]) % 1.0
        if between > gap:
            widest, gap = i, between
    low = turns[(widest + 1) % count]
    return low, low + 1.0 - gap


def draw(
    painter: QPainter,
    rect: QRectF,
    thickness: float,
    track: QColor,
    arc: QColor,
    fraction: float | None,
    where: list[tuple[float, float]] | None,
) -> None:
    """The arc from 12 o'clock to `fraction` (round ends) and the track (flat
    ends) where the arc is not, everywhere (`where` None) or over those pieces
    only. The track is not stroked under the arc, which hides it: at a step's
    start the arc is the whole ring and no track is drawn at all."""
    shown = 0.0 if fraction is None or fraction <= 0 else min(1.0, fraction)
    end = TOP + int(-TURN * shown)  # exactly where the whole arc ends
    if shown < 1.0:
        painter.setPen(_pen(track, thickness, rounded=False))
        if where is None:
            if shown == 0.0:
                painter.drawEllipse(rect)
            else:  # on from the arc's end to 12 o'clock
                painter.drawArc(rect, end, TOP - TURN - end)
        else:
            _draw_pieces(painter, rect, where, shown, 1.0, end, TOP - TURN)
    if shown == 0.0:
        return
    painter.setPen(_pen(arc, thickness, rounded=True))
    if where is None:
        painter.drawArc(rect, TOP, end - TOP)
    else:
        _draw_pieces(painter, rect, where, 0.0, shown, TOP, end)


def _draw_pieces(
    painter: QPainter,
    rect: QRectF,
    where: list[tuple[float, float]],
    start: float,
    stop: float,
    start_angle: int,
    stop_angle: int,
) -> None:
    """The stretch from `start` to `stop` (fractions, clockwise from 12 o'clock;
    their exact Qt angles beside them) where it meets the pieces."""
    for low, high in where:
        for turn in (-1, 0, 1):  # the stretch seen a turn earlier or later
            # Comparisons, not max() and min(): two Python calls fewer per turn.
            first = low if low > turn + start else turn + start
            last = high if high < turn + stop else turn + stop
            if first < last:
                # A stretch's real ends exactly where a whole repaint puts them.
                begin = start_angle - turn * TURN if first == turn + start else _qt(first)
                finish = stop_angle - turn * TURN if last == turn + stop else _qt(last)
                painter.drawArc(rect, begin, finish - begin)


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
