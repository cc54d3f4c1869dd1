"""An exercise picture read at the size it is shown, not at the size of the file.

A routine's picture is often a photo from a phone: 4032 x 3024 pixels decode to
47 MiB (four bytes a pixel), which the session screen kept for as long as the
exercise was on screen, to show it at most 160 pixels high (issue 18: a running
session's memory; 85.7 -> 133.4 MiB VmRSS with such a photo). Here the file's
header gives its size and the reader decodes straight to the shown size: JPEG
scales while it decodes, SVG renders at that size, other formats are scaled once
and their full size freed at once. A picture already small enough is read as it
is, never enlarged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader, QPixmap


def read_picture(path: Path, max_height: int) -> QPixmap:
    """The picture at `path`, at most `max_height` pixels high with its own
    proportions; a null pixmap when it cannot be read (as `QPixmap(path)`)."""
    reader = QImageReader(str(path))
    size = reader.size()  # from the header: nothing decoded yet
    if size.isValid() and size.height() > max_height > 0:
        width = max(1, round(size.width() * max_height / size.height()))
        reader.setScaledSize(QSize(width, max_height))
    image = reader.read()
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)
