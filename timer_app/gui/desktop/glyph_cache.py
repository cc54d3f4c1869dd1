"""Qt keeps the pictures of the glyphs it draws up to 128 px, not 64.

Above its limit (64 px by default) Qt's raster engine fills each glyph's outline
every time it draws it. The session screen's words read from the floor are
larger than that on most laptops (the phase is 1/11 of the window's height: 67
px at 1366x768), so each step change filled "Hold" or "Rest" as curves again:
~2.8 million of a step change's ~10 million instructions (callgrind,
knee-to-chest; issue 18). Kept as pictures, a step's words are copied. The
ring's huge digits keep their own pictures (`widgets/digit_glyphs.py`).

A person's own `QT_MAX_CACHED_GLYPH_SIZE` wins. Qt reads it when it first
draws text, so this is set before any window is made.
"""

from __future__ import annotations

import os

LARGEST_CACHED_GLYPH_PX = 128


def cache_large_glyphs() -> None:
    os.environ.setdefault("QT_MAX_CACHED_GLYPH_SIZE", str(LARGEST_CACHED_GLYPH_PX))
