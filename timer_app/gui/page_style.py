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


def heading(text: str, factor: float = HEADING, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(BODY))
    label.setWordWrap(True)
    # Plain unless asked: a routine's text is the therapist's, never markup.
    from PySide6.QtCore import Qt  # here, not above: see "Start-up" in docs/design.md

    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


def page_header(col: QBoxLayout, title: str, *controls: QWidget) -> QLabel:
    """A page's title with its controls to the right; returns the page's message
    line under it (hidden until there is something to say)."""
    top = QHBoxLayout()
    top.addWidget(heading(title, TITLE), 1)
    for control in controls:
        top.addWidget(control)
    col.addLayout(top)
    message = QLabel()
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
