"""The size `validate` and `import` read from a picture's header is Qt's, and the
limit they refuse above is the one at which the window shows no picture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader, QImageWriter, QPixmap

from tests.cli.test_validate_truth import png
from timer_app.storage.routines.picture_size import MAX_PIXELS, picture_size, too_large
from timer_app.storage.routines.pictures import picture_kind

SVGS = {
    "pixels": 'width="300px" height="120"',
    "millimetres": 'width="100mm" height="50mm"',
    "inches": "width='2in' height='1in'",
    "points": 'width="100pt" height="10pt"',
    "view-box": 'viewBox="0 0 640 480"',
    "percent": 'width="100%" height="100%" viewBox="0,0,640,480"',
    "em": 'width="10em" height="20" viewBox="0 0 640 480"',
    "both": 'width="50" height="60" viewBox="0 0 640 480"',
}


@pytest.fixture
def small_limit() -> Iterator[int]:
    """Qt's limit lowered to 1 MiB, so the edge is met without 256 MiB of pixels."""
    before = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(1)
    yield 1024 * 1024 // 4
    QImageReader.setAllocationLimit(before)


def test_the_limit_is_qts_default() -> None:
    assert QImageReader.allocationLimit() * 1024 * 1024 // 4 == MAX_PIXELS


def test_qt_refuses_exactly_above_four_bytes_a_pixel(
    qapp: object, tmp_path: Path, small_limit: int
) -> None:
    side = 512  # 512 × 512 × 4 bytes = 1 MiB
    assert side * side == small_limit
    at_limit = png(tmp_path / "at.png", side, side)
    over = png(tmp_path / "over.png", side + 1, side)
    # Grey PNGs, one byte a pixel in the file: Qt still counts four.
    assert not QPixmap(str(at_limit)).isNull()
    assert QPixmap(str(over)).isNull()  # what the session then shows: nothing
    assert too_large((side * 16 + 1, side * 16)) is not None  # the same edge at 256 MiB
    assert too_large((side * 16, side * 16)) is None


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp"])
@pytest.mark.parametrize("alpha", [False, True])
def test_raster_sizes_agree_with_qt(tmp_path: Path, suffix: str, alpha: bool) -> None:
    image = QImage(301, 123, QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32)
    image.fill(0x80336699)
    for quality in (80, 100):  # WebP: lossy (VP8, VP8X with alpha) and lossless (VP8L)
        path = tmp_path / f"p{quality}.{suffix}"
        writer = QImageWriter(str(path))
        writer.setQuality(quality)
        assert writer.write(image)
        raw = path.read_bytes()
        kind = picture_kind(raw)
        assert kind is not None
        size = QImageReader(str(path)).size()
        assert picture_size(raw, kind) == (size.width(), size.height()) == (301, 123)


@pytest.mark.parametrize("name", SVGS)
def test_svg_sizes_agree_with_qt(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.svg"
    path.write_text(
        f'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" {SVGS[name]}>'
        '<rect width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    size = QImageReader(str(path)).size()
    assert picture_size(path.read_bytes(), "svg") == (size.width(), size.height())


def test_a_huge_svg_is_refused_as_qt_refuses_it(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "huge.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30000 30000"><rect/></svg>',
        encoding="utf-8",
    )
    assert too_large(picture_size(path.read_bytes(), "svg")) is not None
    assert QPixmap(str(path)).isNull()
