"""Shared look of the main window's pages: fonts scaled from the system font.

Sizes are factors of the application's font, never fixed pixels, so a person who
set a larger system font gets larger pages; colours come from the palette, so
light and dark themes both work.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

BODY = 1.2  # pages are read from a chair or a mat, not a desk
HEADING = 1.7
TITLE = 2.2


def scaled_font(factor: float, *, bold: bool = False, base: QFont | None = None) -> QFont:
    font = QFont(base if base is not None else QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:  # a pixel-sized font (some platforms)
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text exactly as written, never as markup.

    A QLabel guesses rich text from the text itself (`Qt.mightBeRichText`), so a
    routine's title, exercise names, cautions, notes or a history note containing
    `<span style='font-size:1px'>` or `<img src=...>` would hide words or load a
    picture. Every label that may show words from a routine file, the history or
    an error is made here (or through `heading`/`paragraph`, which use it).
    """
    label = QLabel(parent)
    # Qt.TextFormat.PlainText (0), set as the property: the banners' labels are
    # made before the first paint, and naming any enum of the `Qt` namespace builds
    # all ~190 of them (30 ms of a ~200 ms start; design.md, "Start-up").
    label.setProperty("textFormat", 0)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally: Qt renders a tooltip as rich
    text when it looks like markup (`Qt.mightBeRichText`), and a tooltip has no
    format of its own. Text that does not look like markup is returned as it is."""
    from PySide6.QtGui import Qt  # these two live in QtGui's Qt

    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text)  # escaped, in a paragraph: long notes still wrap


def plain_message(text: str) -> str:
    """`text` for a QMessageBox made by its static functions (`question`), which,
    like a tooltip, guess the format from the text: a file name may be anything."""
    return plain_tooltip(text)


def heading(text: str, factor: float = HEADING, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent)
    label.setFont(scaled_font(factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    label = plain_label(text, parent)
    label.setFont(scaled_font(BODY))
    label.setWordWrap(True)
    if rich:  # only for our own markup: a routine's words go through html.escape first
        from PySide6.QtCore import Qt  # here, not above: see "The first paint" in docs/design.md

        label.setTextFormat(Qt.TextFormat.RichText)
    return label


def page_header(col: QBoxLayout, title: str, *controls: QWidget) -> QLabel:
    """A page's title with its controls to the right; returns the page's message
    line under it (hidden until there is something to say)."""
    top = QHBoxLayout()
    top.addWidget(heading(title, TITLE), 1)
    for control in controls:
        top.addWidget(control)
    col.addLayout(top)
    message = plain_label()  # says file names and errors, which may hold anything
    message.setFont(scaled_font(BODY))
    message.setWordWrap(True)
    message.hide()
    col.addWidget(message)
    return message


def action_button(text: str, description: str) -> QPushButton:
    """A page's push button, in the page's font, with what it does for screen readers."""
    button = QPushButton(text)
    button.setFont(scaled_font(BODY))
    button.setAccessibleDescription(description)
    return button


def panel(parent: QWidget | None = None, *, role: QPalette.ColorRole | None = None) -> QFrame:
    """A framed box, filled with a palette role (AlternateBase by default)."""
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    pal = frame.palette()
    pal.setColor(QPalette.ColorRole.Window, pal.color(role or QPalette.ColorRole.AlternateBase))
    frame.setPalette(pal)
    return frame
