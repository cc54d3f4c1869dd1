"""The countdown ring: huge digits inside a ring that empties as a step runs.

It draws what it is given and keeps no time of its own: the session view sets
`seconds_left` from `player.seconds_left()` (deadline − now, rounded up) on each
tick, so the digits change exactly on the second. Digits are sized from the
widget's height, so a layout that gives the ring a third of the window gives
digits readable from a mat 2 m away. Colours come from the palette (light and dark).

Paused shows in the ring itself, where the eyes already are: the arc turns from
the highlight colour to the text colour, the digits fade, and the word "Paused"
replaces the phase under them, with the key that goes on. Nothing outside the
ring changes size, so nothing on the screen moves.

Quiet while counting (issue 18): each second repaints only what changed, the
digits' old and new box and the piece of the arc that went (`update(QRect)`, not
the widget), and nothing is drawn translucent. Qt's raster engine spreads the
blending of a large translucent shape over its thread pool: the 12 % track drawn
with an alpha colour woke two pooled threads over a hundred times each per
repaint. The faded colours are mixed with the window colour instead (the same
pixels on the panel's plain background), so a repaint is plain opaque fills.
The digits are copied from pictures of their glyphs made once (`digit_glyphs`),
not filled as outlines every second; they are drawn first and the ring over them,
as their pictures' background may reach into the ring's corners. The ring paints
its own background (it is opaque to Qt): otherwise each repaint sent a paint
event to the five widgets behind it, from the window down, each to fill or skip.
Each text's box is measured once per size (a second's old digits are the last
second's new ones), and the ring's boxes, the palette's colours and the font's
key are kept until a resize, a palette or a font change: each Qt value made
from Python costs a few thousand instructions to wrap and unwrap.

Preview alone: `python -m timer_app.gui.widgets.countdown_ring`.
"""

from __future__ import annotations

import math
import sys
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from timer_app.gui.widgets import ring_arcs
from timer_app.gui.widgets.digit_glyphs import Box, DigitGlyphs
from timer_app.gui.widgets.opaque import OpaqueWidget
from timer_app.gui.widgets.ring_arcs import arc_span
from timer_app.gui.widgets.ring_lines import CAPTION, HINT, RingLines


def mixed(base: QColor, ink: QColor, share: float) -> QColor:
    """`ink` at `share` opacity over `base`, as one opaque colour (see the module's
    docstring: translucent drawing wakes Qt's thread pool)."""
    return QColor(
        round(base.red() + (ink.red() - base.red()) * share),
        round(base.green() + (ink.green() - base.green()) * share),
        round(base.blue() + (ink.blue() - base.blue()) * share),
    )


class _Shape(NamedTuple):
    """The ring's boxes for its size, kept until a resize; the plain numbers are
    what a second's repaint boxes are worked out from."""

    rect: QRectF  # the ring's box: the pen's middle
    thickness: float
    inner: QRectF  # the digits' box
    centre: tuple[float, float]  # the ring's
    radius: float
    digits_centre: tuple[float, float]
    inner_size: tuple[float, float]  # the digits' box's width and height
    size: tuple[int, int]  # the widget's


def format_seconds(seconds: int) -> str:
    """45 -> "45", 90 -> "1:30", 3600 -> "60:00": short enough to stay huge."""
    if seconds < 60:
        return str(seconds)
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


class CountdownRing(OpaqueWidget):
    """Ring + digits. `seconds_left=None` shows `big_text` instead (a counted rep)."""

    PAUSED_DIGITS_ALPHA = 0.35

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._seconds_left: int | None = None
        self._fraction = 1.0
        self._big_text = ""
        self._caption = ""
        self._resting = False
        self._paused = False
        self._glyphs = DigitGlyphs()
        # Per text, for the ring's size and font (both cleared when either changes):
        # the digits' font and key, asked for by a second's update and again by its
        # paint (the shrinking loop measures the text), and where its glyphs land.
        self._fonts: dict[str, tuple[QFont, str]] = {}
        self._ink_boxes: dict[str, Box] = {}
        self._sized: dict[tuple[int, str], tuple[QFont, str]] = {}
        # Kept until a resize (the ring's boxes), a font change (the font's key)
        # or a palette change (window, text, highlight).
        self._geometry: _Shape | None = None
        self._lines = RingLines()  # the caption's and the hint's boxes and fonts
        self._key: str | None = None
        self._colours: tuple[QColor, QColor, QColor, QColor] | None = None
        self._left_words: str | None = None  # "%1 s left", translated
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setAccessibleName(self.tr("Countdown"))
        self.setAccessibleDescription(self.tr("Seconds left in this step"))

    # -- state -----------------------------------------------------------------
    def set_countdown(self, seconds_left: int | None, fraction: float) -> None:
        """Show whole seconds left and how much of the step remains (1 → 0)."""
        fraction = min(1.0, max(0.0, fraction))
        if seconds_left == self._seconds_left and abs(fraction - self._fraction) < 1e-3:
            return
        changed = self._changed_boxes(seconds_left, fraction)
        self._seconds_left = seconds_left
        self._fraction = fraction
        self._describe()
        for left, top, right, bottom in changed:  # two boxes, not the one box around both
            self.update(left, top, right - left, bottom - top)

    def _ink_box(self, text: str) -> Box:
        """Where `text`'s glyphs land when drawn centred in the digits' box (the
        line's box is far taller than the digits), with a margin for anti-aliasing."""
        box = self._ink_boxes.get(text)
        if box is None:
            if len(self._ink_boxes) > 64:
                self._ink_boxes.clear()
            box = self._ink_boxes[text] = self._measure_ink(text)
        return box

    def _measure_ink(self, text: str) -> Box:
        shape = self._shape()
        font, key = self._digits_font_and_key(text)
        pictures = self._glyphs.cells_box(shape.digits_centre, text, font, key)
        if pictures is not None:  # digits: exactly what their pictures cover
            return pictures
        metrics = QFontMetricsF(font)
        line = metrics.boundingRect(shape.inner, Qt.AlignmentFlag.AlignCenter, text)
        origin = QPointF(
            shape.digits_centre[0] - metrics.horizontalAdvance(text) / 2,
            line.top() + metrics.ascent(),
        )
        margin = font.pixelSize() * 0.05
        ink = metrics.tightBoundingRect(text).translated(origin)
        ink = ink.adjusted(-margin, -margin, margin, margin)
        return _whole_pixels((ink.left(), ink.top(), ink.right(), ink.bottom()))

    def _changed_boxes(self, seconds_left: int | None, fraction: float) -> list[Box]:
        """What a new countdown changes on screen: the digits' old and new box and
        the part of the arc between the old and the new fraction (with its caps).
        Worked out in plain numbers: a running second makes no Qt value for it."""
        shape = self._shape()
        width, height = shape.size
        if (seconds_left is None) != (self._seconds_left is None):
            return [(0, 0, width, height)]  # digits become big text or back: the arc too
        changed: list[Box] = []
        if seconds_left != self._seconds_left:
            new = format_seconds(seconds_left or 0)
            changed.append(self._digits_change(self.digits_text(), new))
        if abs(fraction - self._fraction) >= 1e-3:
            span = arc_span(shape.centre, shape.radius, shape.thickness, self._fraction, fraction)
            changed.append(_whole_pixels(span))
        # Two pixels round each (antialiasing), within the widget.
        return [
            (max(0, x0 - 2), max(0, y0 - 2), min(width, x1 + 2), min(height, y1 + 2))
            for x0, y0, x1, y1 in changed
        ]

    def _digits_change(self, old: str, new: str) -> Box:
        """The box of the digits' pictures that change from `old` to `new` (one
        font: the same pictures at the same places are left alone), else both
        texts' whole boxes."""
        font, key = self._digits_font_and_key(new)
        if self._digits_font_and_key(old)[1] == key:
            box = self._glyphs.changed_box(self._shape().digits_centre, old, new, font, key)
            if box is not None:
                return box
        (a0, b0, a1, b1), (c0, d0, c1, d1) = self._ink_box(old), self._ink_box(new)
        return min(a0, c0), min(b0, d0), max(a1, c1), max(b1, d1)

    def set_big_text(self, text: str) -> None:
        """What to show instead of digits when the step has no countdown."""
        self._big_text = text
        self.update()

    def set_caption(self, caption: str) -> None:
        """A word under the digits ("Hold", "Rest")."""
        self._caption = caption
        self.update()

    def set_resting(self, resting: bool) -> None:
        """Rests use a quieter colour than holds, so the phase shows at a glance."""
        self._resting = resting
        self.update()

    def set_paused(self, paused: bool) -> None:
        """Paused: "Paused" in the ring, the arc in the text colour, digits faded."""
        self._paused = paused
        self._describe()
        self.update()

    @property
    def paused(self) -> bool:
        return self._paused

    def _describe(self) -> None:
        if self._seconds_left is not None:
            if self._left_words is None:  # translated once, not every second
                self._left_words = self.tr("%1 s left")
            left = self._left_words.replace("%1", str(self._seconds_left))
        else:
            left = self._big_text
        if self._paused:
            left = self.tr("Paused, %1").replace("%1", left)
        self.setAccessibleDescription(left)

    def digits_text(self) -> str:
        """The big text as drawn (what a person reads)."""
        if self._seconds_left is None:
            return self._big_text
        return format_seconds(self._seconds_left)

    @property
    def caption(self) -> str:
        """The word under the digits as drawn: "Paused" while paused."""
        return self.tr("Paused") if self._paused else self._caption

    def hint(self) -> str:
        """The small line at the bottom of the ring (only while paused)."""
        return self.tr("Space to go on") if self._paused else ""

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    # -- painting --------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_sizes()
        super().resizeEvent(event)

    def _forget_sizes(self) -> None:
        """A new size or font: the boxes, the digits' fonts and their ink go."""
        self._geometry = None
        self._lines.forget()
        self._fonts.clear()
        self._ink_boxes.clear()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._key = None
            self._forget_sizes()
        elif kind == QEvent.Type.PaletteChange:
            self._colours = None
        elif kind == QEvent.Type.LanguageChange:
            self._left_words = None
        super().changeEvent(event)

    def _font_key(self) -> str:
        if self._key is None:
            self._key = self.font().key()
        return self._key

    def _palette_colours(self) -> tuple[QColor, QColor, QColor]:
        """Window, text and highlight colours of the palette in use."""
        window, text, highlight, _ = self._all_colours()
        return window, text, highlight

    def _all_colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        """The palette's window, text and highlight colours, and the track's."""
        if self._colours is None:
            palette = self.palette()
            window = palette.color(QPalette.ColorRole.Window)
            text = palette.color(QPalette.ColorRole.WindowText)
            highlight = palette.color(QPalette.ColorRole.Highlight)
            self._colours = (window, text, highlight, mixed(window, text, 0.12))
        return self._colours

    def _arc_colour(self) -> QColor:
        window, text, highlight = self._palette_colours()
        if self._paused:
            # Not the running colour: from the floor the ring itself says "stopped".
            return text
        if self._resting:
            # Halfway between text and window colours: visible, but calm.
            return QColor(
                (text.red() + window.red()) // 2,
                (text.green() + window.green()) // 2,
                (text.blue() + window.blue()) // 2,
            )
        return highlight

    def paintEvent(self, event: QPaintEvent) -> None:
        dirty = event.region()  # most seconds: the digits and a piece of arc
        painter = QPainter(self)
        window, ink, _, track = self._all_colours()
        # Opaque (OpaqueWidget): the background under the repaint is the ring's to
        # fill; the system clip keeps it to the repainted boxes.
        painter.fillRect(dirty.boundingRect(), window)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shape = self._shape()
        rect, thickness, inner = shape.rect, shape.thickness, shape.inner
        self._draw_digits(painter, shape, dirty)
        # The arc runs clockwise from 12 o'clock and shrinks as time passes; only
        # the pieces of the ring the repaint reaches are drawn (ring_arcs.py).
        fraction = None if self._seconds_left is None else self._fraction
        where = ring_arcs.pieces(dirty, rect, thickness)
        ring_arcs.draw(painter, rect, thickness, track, self._arc_colour(), fraction, where)
        self._draw_text(painter, rect, inner, ink, dirty)
        painter.end()

    def _shape(self) -> _Shape:
        """The ring's boxes for its size (see `_Shape`)."""
        if self._geometry is None:
            rect, thickness = self._ring_rect()
            inner = self._digits_rect(rect)
            centre, digits_centre = rect.center(), inner.center()
            self._geometry = _Shape(
                rect,
                thickness,
                inner,
                (centre.x(), centre.y()),
                rect.width() / 2,
                (digits_centre.x(), digits_centre.y()),
                (inner.width(), inner.height()),
                (self.width(), self.height()),
            )
        return self._geometry

    def _ring_rect(self) -> tuple[QRectF, float]:
        side = min(self.width(), self.height())
        thickness = max(6.0, side * 0.06)
        rect = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        return rect, thickness

    @staticmethod
    def _digits_rect(rect: QRectF) -> QRectF:
        # The digits get over half the ring's height: the ring is most of the window's height, so
        # they stay above a third of it (“Readable from the mat, and still” in docs/design.md).
        inner = rect.adjusted(rect.width() * 0.1, rect.height() * 0.13, -rect.width() * 0.1, 0)
        inner.setHeight(rect.height() * 0.56)
        return inner

    def _digits_font_and_key(self, text: str) -> tuple[QFont, str]:
        """The digits' font for `text` at this size, and its key (the glyph
        pictures' key)."""
        found = self._fonts.get(text)
        if found is None:
            if len(self._fonts) > 8:
                self._fonts.clear()
            found = self._fonts[text] = self._fit_digits_font(text)
        return found

    def _sized_font(self, pixels: int) -> tuple[QFont, str]:
        """The widget's font, bold, at `pixels`, and its key: one per size, as a
        new text each second mostly fits at the same size."""
        found = self._sized.get((pixels, self._font_key()))
        if found is None:
            if len(self._sized) > 8:
                self._sized.clear()
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(pixels)
            found = self._sized[(pixels, self._font_key())] = (font, font.key())
        return found

    def _fit_digits_font(self, text: str) -> tuple[QFont, str]:
        """The largest font (at most the digits' box's height) in which `text`
        fits the box's width ("12:30" is wide): counted in plain pixels, as a
        running second fits each new text once."""
        width, height = self._shape().inner_size
        pixels = max(12, int(height))
        found = self._sized_font(pixels)
        while pixels > 12 and self._advance(text, *found) > width:
            pixels = int(pixels * 0.92)
            found = self._sized_font(pixels)
        return found

    def _advance(self, text: str, font: QFont, key: str) -> float:
        """Digits from their kept advances; any other text measured."""
        advance = self._glyphs.advance(text, font, key)
        return QFontMetricsF(font).horizontalAdvance(text) if advance is None else advance

    def _draw_digits(self, painter: QPainter, shape: _Shape, dirty: QRegion) -> None:
        """The digits (or a counted rep's text), where they are repainted."""
        text = self.digits_text()
        inner = shape.inner
        if not dirty.intersects(inner.toAlignedRect()):
            return
        window, ink, _ = self._palette_colours()
        digits = ink
        if self._paused:  # the time stands still: faded
            digits = mixed(window, ink, self.PAUSED_DIGITS_ALPHA)
        font, key = self._digits_font_and_key(text)
        self._glyphs.draw(
            painter,
            inner,
            text,
            font,
            digits,
            window,
            dirty,
            font_key=key,
            centre=shape.digits_centre,
        )

    def _draw_text(
        self, painter: QPainter, rect: QRectF, inner: QRectF, ink: QColor, dirty: QRegion
    ) -> None:
        """The caption and the hint, each where the repaint reaches its words."""
        self._lines.place(rect, inner)
        lines = self._lines
        lines.draw(painter, CAPTION, self.caption, ink, dirty, bold=self._paused, font=self.font)
        lines.draw(painter, HINT, self.hint(), ink, dirty, bold=False, font=self.font)

    def digits_pixel_height(self) -> int:
        """Pixel size the digits are drawn at (tests check readability from afar)."""
        return self._digits_font_and_key(self.digits_text())[0].pixelSize()


def _whole_pixels(box: tuple[float, float, float, float]) -> Box:
    """The whole pixels a box (left, top, right, bottom) touches, as
    `QRectF.toAlignedRect` gives them."""
    return math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3])


def _preview() -> int:
    """A 45 s countdown on the real clock, so the ring can be looked at alone."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from timer_app.core.clock import MonotonicClock

    app = QApplication.instance() or QApplication(sys.argv)
    clock = MonotonicClock()
    duration = 45.0
    deadline = clock.now() + duration
    ring = CountdownRing()
    ring.setWindowTitle("CountdownRing preview")
    ring.set_caption("Hold")  # a developer's preview: not translated
    ring.resize(480, 480)

    def refresh() -> None:
        remaining = max(0.0, deadline - clock.now())
        ring.set_countdown(int(-(-remaining // 1)), remaining / duration)

    timer = QTimer(ring)
    timer.timeout.connect(refresh)
    timer.start(50)
    refresh()
    ring.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview())
