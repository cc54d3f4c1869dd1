"""The chosen pain number is unmistakable: 3:1 against the others (WCAG contrast of
the colours as rendered), in light and dark palettes, and marked by more than
colour (a check mark, a bold underline, a thick frame); choosing moves nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from timer_app.gui.session.pain_dialogs import PainScale

pytestmark = pytest.mark.qt


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rendered(button: QPushButton) -> QImage:
    return button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def fill_colour(button: QPushButton) -> QColor:
    """The colour most of the button's middle is painted in, as a person sees it."""
    image = rendered(button)
    w, h = image.width(), image.height()
    pixels = Counter(
        image.pixel(x, y) for y in range(h // 4, 3 * h // 4) for x in range(w // 8, 7 * w // 8)
    )
    return QColor.fromRgb(pixels.most_common(1)[0][0])


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#202124"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Highlight, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_chosen_number_stands_out_three_to_one(qtbot: QtBot, theme: str) -> None:
    scale = PainScale("How much pain do you have right now? (optional)")
    if theme == "dark":
        scale.setPalette(dark_palette())
    qtbot.addWidget(scale)
    scale.resize(700, 120)
    scale.show()
    qtbot.waitExposed(scale)
    before = [b.geometry() for b in scale.buttons]
    scale.choose(6)
    qtbot.wait(1)
    chosen, others = scale.buttons[6], [b for n, b in enumerate(scale.buttons) if n != 6]
    for other in others:
        ratio = contrast(fill_colour(chosen), fill_colour(other))
        assert ratio >= 3.0, (theme, other.text(), round(ratio, 2))
    # Not colour alone: a check mark and a bold underline on the number itself...
    assert chosen.text() == "✓ 6" and chosen.font().underline() and chosen.font().bold()
    assert all(not b.font().underline() and "✓" not in b.text() for b in others)
    # ...and a thick frame in the highlight colour around it.
    image = rendered(chosen)
    highlight = chosen.palette().color(QPalette.ColorRole.Highlight).rgb()
    middle = image.height() // 2
    assert all(image.pixel(x, middle) == highlight for x in (1, 2)), theme
    assert [b.geometry() for b in scale.buttons] == before  # nothing moved


def test_a_key_moves_the_mark_and_clearing_removes_it(qtbot: QtBot) -> None:
    scale = PainScale("How much pain do you have now?")
    qtbot.addWidget(scale)
    scale.choose(3)
    scale.choose(10)
    assert [b.text() for b in scale.buttons if "✓" in b.text()] == ["✓ 10"]
    scale.buttons[10].click()  # clicking the chosen number clears it
    assert scale.value() is None
    assert not any("✓" in b.text() or b.font().underline() for b in scale.buttons)
