"""A routine's handout as a PDF (with the routine inside), an HTML page, or on paper.

The PDF is drawn by Qt (`pdf_document`), then the routine file and the library
exercises it uses are embedded (`storage.pdf_attachments`), so the handout PDF
is itself something Import accepts. On paper, a character no installed font can
draw is left out rather than printed as an empty box (`handout_glyphs`). The
HTML page holds the same blocks with its pictures inline and alt text, for a
screen reader (Qt writes no tagged PDF).
"""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader, QPagedPaintDevice

from timer_app.core.routine import Routine
from timer_app.core.validation.checks import LibraryExercise
from timer_app.gui.paper.handout_blocks import Clinic, footer_text, handout_blocks
from timer_app.gui.paper.handout_glyphs import Printable
from timer_app.gui.paper.pdf_document import (
    RESOLUTION,
    Document,
    PaperSettings,
    text_font,
    write_pdf,
)
from timer_app.gui.session.words import image_path
from timer_app.gui.translation import translate
from timer_app.storage.pdf.attachments import PdfFormatError, add_attachments
from timer_app.storage.routines.pdf import routine_attachments
from timer_app.storage.yaml.loader import YamlLoadError

log = logging.getLogger(__name__)

PICTURE_MM = 45.0  # a card's picture: wide enough to see the position from a mat


@dataclass(frozen=True)
class HandoutInput:
    """Everything a handout shows, gathered before drawing."""

    routine: Routine
    library: dict[str, LibraryExercise]
    clinic: Clinic
    emergency_number: str
    today: date
    patient_name: str = ""  # typed at print time in the window; never stored


def gather(routine: Routine, library: dict[str, LibraryExercise], today: date) -> HandoutInput:
    """The clinic's details and emergency number as the Safety page has them."""
    from timer_app.gui.pages.safety_words import emergency_number
    from timer_app.storage.routines.clinic import load_clinic_info

    try:
        info = load_clinic_info()
        clinic = Clinic(info.name, info.phone)
    except Exception:  # the handout prints without the clinic's name rather than fail
        log.exception("clinic.yaml could not be read")
        clinic = Clinic()
    return HandoutInput(routine, library, clinic, emergency_number(), today)


def _pictures(routine: Routine) -> dict[int, QImage]:
    """Each exercise's picture drawn at 300 dpi for its printed width."""
    width = round(PICTURE_MM / 25.4 * RESOLUTION)
    found: dict[int, QImage] = {}
    for index, exercise in enumerate(routine.exercises):
        path = image_path(routine, exercise.image)
        if path is None:
            continue
        reader = QImageReader(str(path))
        size = reader.size()
        if size.isValid() and size.width() > 0 and path.suffix.lower() == ".svg":
            # A drawing is rendered at the printed size: sharp, never scaled up.
            reader.setScaledSize(QSize(width, round(width * size.height() / size.width())))
        image = reader.read()
        if image.isNull():
            log.warning("picture %s could not be read: %s", path, reader.errorString())
            continue
        found[index] = image
    return found


def _picture_size(image: QImage) -> tuple[float, float]:
    # QTextDocument takes an <img>'s size in CSS pixels (96 to the inch) and scales
    # it to the device: the image's own 300 dpi pixels then fill it one to one.
    width = PICTURE_MM / 25.4 * 96
    return width, width * image.height() / max(1, image.width())


def document(data: HandoutInput) -> Document:
    images = _pictures(data.routine)

    def source(index: int) -> tuple[str, float, float] | None:
        image = images.get(index)
        return None if image is None else (f"picture-{index}", *_picture_size(image))

    blocks = handout_blocks(
        data.routine, data.clinic, data.emergency_number, data.today, source, data.patient_name
    )
    printable = Printable(text_font())
    return Document(
        [printable(block) for block in blocks],
        {f"picture-{i}": image for i, image in images.items()},
    )


def _footer(routine: Routine) -> Callable[[int, int], str]:
    printable = Printable(text_font())
    return lambda page, pages: printable(footer_text(routine, page, pages))


def paint(data: HandoutInput, device: QPagedPaintDevice) -> int:
    """Draw the handout on a printer (or any paged device); returns its pages."""
    return document(data).paint(device, _footer(data.routine))


def write_handout_pdf(data: HandoutInput, path: Path, paper: str) -> int:
    """The handout PDF at `path`, with the routine embedded; returns its pages."""
    settings = PaperSettings(paper, data.routine.title)
    pages = write_pdf(path, document(data), settings, _footer(data.routine))
    try:
        files = routine_attachments(data.routine, data.library)
        if files:
            description = translate("Handout", "The routine this handout shows, to import")
            pdf = add_attachments(path.read_bytes(), files, description)
            temporary = path.with_name(f".{path.name}.partial")
            temporary.write_bytes(pdf)
            os.replace(temporary, path)
    except (PdfFormatError, YamlLoadError) as error:
        # The paper is still the handout: it only cannot be imported back. (The
        # routine file was changed or removed since it was read, or Qt wrote a
        # PDF this module cannot extend.)
        log.warning("the handout %s was written without its routine file: %s", path, error)
    return pages


def handout_html(data: HandoutInput) -> str:
    """The same blocks as one accessible page: headings, lists, alt text."""
    images = _pictures(data.routine)
    width_px = 240  # CSS pixels on a screen; the picture keeps its 300 dpi pixels

    def source(index: int) -> tuple[str, float, float] | None:
        image = images.get(index)
        if image is None:
            return None
        height = width_px * image.height() / max(1, image.width())
        return f"data:image/png;base64,{_png_base64(image)}", width_px, height

    blocks = handout_blocks(
        data.routine, data.clinic, data.emergency_number, data.today, source, data.patient_name
    )
    title = data.routine.title.replace("&", "&amp;").replace("<", "&lt;")
    body = "\n".join(f"<section>{block}</section>" for block in blocks)
    footer = footer_text(data.routine, 1, 1).split(" · ", 1)[1]  # no pages on a screen
    return (
        f"<!DOCTYPE html>\n<html lang='{_language()}'>\n<head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif;max-width:50em;margin:1em auto;"
        "line-height:1.4} table{border-collapse:collapse} td,th{border:1px solid #777;"
        "padding:6px} h1 table td{border:none}</style></head>\n"
        f"<body><main>\n{body}\n</main><footer><p>{footer}</p></footer></body></html>\n"
    )


def _language() -> str:
    """The page's language for a screen reader: the app's ("en-GB", "de-DE")."""
    from PySide6.QtCore import QLocale

    name = QLocale().bcp47Name()
    # The C locale reads "en-POSIX" (or "C"): its words are the English source.
    return "en" if not name or name == "C" or "POSIX" in name else name


def _png_base64(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    buffer.close()
    return base64.b64encode(bytes(data.data())).decode("ascii")


def write_handout_html(data: HandoutInput, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(handout_html(data), encoding="utf-8")
    os.replace(temporary, path)
