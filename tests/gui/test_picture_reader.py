"""Exercise pictures read at the height they are shown (gui/picture_reader.py):
a phone photo is no longer held at its full size for a whole exercise."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from timer_app.gui.picture_reader import read_picture

IMAGES = Path(__file__).resolve().parents[2] / "assets" / "images"


def two_halves(path: Path, width: int, height: int, fmt: str) -> Path:
    """A picture red on its left half and blue on its right, saved as `fmt`."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height, QColor("red"))
    painter.fillRect(width // 2, 0, width - width // 2, height, QColor("blue"))
    painter.end()
    assert image.save(str(path), fmt)
    return path


def test_a_photo_is_read_at_the_height_it_is_shown_with_its_proportions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    photo = two_halves(tmp_path / "photo.jpg", 2400, 1800, "JPG")
    picture = read_picture(photo, 160)
    assert (picture.width(), picture.height()) == (213, 160)
    image = picture.toImage()
    assert image.pixelColor(40, 80).red() > 200 and image.pixelColor(40, 80).blue() < 60
    assert image.pixelColor(170, 80).blue() > 200 and image.pixelColor(170, 80).red() < 60


def test_a_small_picture_is_read_as_it_is_never_enlarged(qtbot: QtBot, tmp_path: Path) -> None:
    small = two_halves(tmp_path / "small.png", 120, 80, "PNG")
    picture = read_picture(small, 160)
    assert (picture.width(), picture.height()) == (120, 80)
    assert picture.toImage().pixelColor(10, 10) == QColor("red")


def test_a_drawing_is_rendered_at_the_shown_height(qtbot: QtBot) -> None:
    picture = read_picture(IMAGES / "knee-to-chest.svg", 160)
    assert picture.height() == 160
    assert picture.width() == 256  # the drawing's own proportions (320 x 200)


def test_what_is_not_a_picture_reads_as_no_picture(qtbot: QtBot, tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    assert read_picture(text, 160).isNull()
    assert read_picture(tmp_path / "missing.png", 160).isNull()
