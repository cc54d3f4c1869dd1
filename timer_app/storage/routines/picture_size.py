"""A picture's size in pixels, read from its header without decoding it.

The window shows a picture with Qt, which refuses any image whose decoded pixels
would take more than its allocation limit (256 MiB, four bytes a pixel, whatever
the file's own format: a 10000 × 10000 grey PNG is refused too). Such a picture
was imported and passed `validate`, and the session then silently showed none.
Storage has no Qt, so the size is read here from the first bytes: PNG's IHDR,
JPEG's start-of-frame, WebP's VP8/VP8L/VP8X header, an SVG's width/height or
viewBox (Qt renders an SVG at that size).
"""

from __future__ import annotations

import re
import struct

# Qt's QImageReader::allocationLimit() default, and the bytes it counts a pixel as.
QT_ALLOCATION_LIMIT = 256 * 1024 * 1024
BYTES_PER_PIXEL = 4
MAX_PIXELS = QT_ALLOCATION_LIMIT // BYTES_PER_PIXEL  # 8192 × 8192

# JPEG markers with a frame's size: SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # no length follows these
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*")
# Pixels per unit as Qt's SVG renderer (6.x) converts them, measured: it counts
# pt and pc as pixels, and 90 pixels an inch.
_UNITS = {None: 1.0, "px": 1.0, "pt": 1.0, "pc": 1.0, "mm": 3.543307, "cm": 35.43307, "in": 90.0}


def picture_size(raw: bytes, kind: str) -> tuple[int, int] | None:
    """(width, height) of a `png`/`jpeg`/`webp`/`svg` picture; None when its header
    does not say (then the picture is not refused for its size)."""
    if kind == "png":
        return _png(raw)
    if kind == "jpeg":
        return _jpeg(raw)
    if kind == "webp":
        return _webp(raw)
    if kind == "svg":
        return _svg(raw)
    return None


def too_large(size: tuple[int, int] | None) -> str | None:
    """Why a picture of `size` cannot be shown, or None when it can."""
    if size is None:
        return None
    width, height = size
    if width * height <= MAX_PIXELS:
        return None
    return (
        f"it is {width} × {height} pixels, more than the app can show "
        f"(at most {MAX_PIXELS // 1_000_000} million pixels, such as 8192 × 8192): "
        "make it smaller"
    )


def _png(raw: bytes) -> tuple[int, int] | None:
    if len(raw) < 24 or raw[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", raw[16:24])
    return int(width), int(height)


def _jpeg(raw: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(raw):
        if raw[at] != 0xFF:
            return None  # lost in the stream: no guess
        marker = raw[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _STANDALONE:
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame before
            return None
        (length,) = struct.unpack(">H", raw[at + 2 : at + 4])
        if marker in _SOF and at + 9 <= len(raw):
            height, width = struct.unpack(">HH", raw[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None


def _webp(raw: bytes) -> tuple[int, int] | None:
    chunk = raw[12:16]
    if chunk == b"VP8 " and len(raw) >= 30 and raw[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", raw[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(raw) >= 25 and raw[20] == 0x2F:
        (bits,) = struct.unpack("<I", raw[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(raw) >= 30:
        width = int.from_bytes(raw[24:27], "little") + 1
        height = int.from_bytes(raw[27:30], "little") + 1
        return width, height
    return None


def _svg(raw: bytes) -> tuple[int, int] | None:
    tag = _SVG_TAG.search(raw[:65536])
    if tag is None:
        return None
    text = tag.group().decode("utf-8", "replace")
    width, height = _attribute(text, "width"), _attribute(text, "height")
    if width is None or height is None:
        # A size missing, in % or in em: Qt takes the viewBox's, both of them.
        box = _view_box(text)
        if box is None:
            return None
        width, height = box
    return int(width), int(height)  # Qt truncates


def _attribute(tag: str, name: str) -> float | None:
    found = re.search(rf"\s{name}\s*=\s*([\"'])(.*?)\1", tag)
    if found is None:
        return None
    length = _LENGTH.fullmatch(found.group(2))
    if length is None:
        return None  # a percentage or an em: Qt falls back on the viewBox
    return float(length.group(1)) * _UNITS[length.group(2)]


def _view_box(tag: str) -> tuple[float, float] | None:
    found = re.search(r"\sviewBox\s*=\s*([\"'])(.*?)\1", tag)
    if found is None:
        return None
    parts = found.group(2).replace(",", " ").split()
    try:
        return float(parts[2]), float(parts[3])
    except (IndexError, ValueError):
        return None
