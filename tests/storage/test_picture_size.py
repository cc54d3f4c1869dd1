"""A picture's size from its header: what a JPEG hides its size behind, and
headers that lie or stop short never raise (they are then not refused for size)."""

from __future__ import annotations

import random
import struct

import pytest

from timer_app.storage.routines.picture_size import picture_size, too_large


def jpeg(width: int, height: int, *, exif: int = 0) -> bytes:
    """The start of a JPEG: an APP1 (EXIF) segment of `exif` bytes before its frame."""
    app1 = b"\xff\xe1" + struct.pack(">H", exif + 2) + b"\x00" * exif
    sof = b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app1 + b"\xff\xff" + sof + b"\xff\xda"


def test_a_jpeg_frame_after_a_long_exif_block() -> None:
    assert picture_size(jpeg(4000, 3000, exif=60000), "jpeg") == (4000, 3000)
    assert too_large((4000, 3000)) is None  # a phone's photo is fine
    assert too_large((12000, 9000)) is not None  # a 108-megapixel one is not


@pytest.mark.parametrize("kind", ["png", "jpeg", "webp", "svg", "gif"])
def test_short_or_garbled_headers_never_raise(kind: str) -> None:
    whole = {
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00",
        "jpeg": jpeg(640, 480, exif=10),
        "webp": b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x00" * 20,
        "svg": b'<svg width="10" height="20">',
        "gif": b"GIF89a\x10\x00\x10\x00",
    }[kind]
    for end in range(len(whole)):
        picture_size(whole[:end], kind)  # no IndexError, no struct.error
    rng = random.Random(7)
    for _ in range(300):
        garbled = bytearray(whole)
        garbled[rng.randrange(len(garbled))] = rng.randrange(256)
        size = picture_size(bytes(garbled), kind)
        assert size is None or all(side >= 0 for side in size)
    assert picture_size(jpeg(640, 480)[:-12], "jpeg") is None  # the frame cut off
