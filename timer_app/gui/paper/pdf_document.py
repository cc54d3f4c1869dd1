"""Blocks of rich text laid out on pages, each block kept whole, with a footer.

Qt's `QTextDocument` breaks a long document across pages wherever a page ends,
in the middle of a table row if need be; a handout must never cut an exercise's
card in two. So each block (a header, a card, the safety box, the tick log) is a
`QTextDocument` of its own, measured, and moved to the next page whole when it
does not fit; a block taller than a page alone is the only one ever split, by
Qt's own pagination, which never cuts a line of text. Laying out first and
painting second gives the footer its "page 1 of 3".

The same painting serves a `QPdfWriter` (a file) and a `QPrinter` (the system
print dialog). Text is drawn with kerning and ligatures off, so the PDF's text
reads back as it was written ("fl", never the single glyph "ﬂ"): a patient's
screen reader or a clinic's search finds "flat" in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

RESOLUTION = 300  # dots per inch: pictures are drawn at this resolution, so sharp
MARGIN_MM = 15.0
GAP_MM = 4.0  # between blocks
FOOTER_MM = 8.0
BASE_POINT_SIZE = 11.0
# Where US Letter is the usual paper (ISO 3166 codes); everywhere else uses A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "CL", "CO", "VE", "PH", "GT", "PR"})


@dataclass(frozen=True)
class PaperSettings:
    paper: str  # "a4" or "letter"
    title: str  # the PDF's title (shown by viewers)

    @property
    def page_size(self) -> QPageSize:
        size = QPageSize.PageSizeId.Letter if self.paper == "letter" else QPageSize.PageSizeId.A4
        return QPageSize(size)


def default_paper() -> str:
    """Letter where the locale's country uses it (the US, Canada, Mexico ...), else A4."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    territory = QLocale.territoryToCode(locale.territory())
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def text_font(point_size: float = BASE_POINT_SIZE) -> QFont:
    """The paper's font: the desktop's sans serif with no ligatures and no kerning."""
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setKerning(False)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


class Document:
    """Blocks of HTML with their pictures, ready to be laid out on any paged device."""

    def __init__(
        self,
        blocks: Sequence[str],
        images: dict[str, QImage] | None = None,
        point_size: float = BASE_POINT_SIZE,
    ) -> None:
        self.blocks = list(blocks)
        self.images = images or {}
        self.point_size = point_size

    def _documents(self, device: QPagedPaintDevice, width: float) -> list[QTextDocument]:
        documents = []
        for html in self.blocks:
            document = QTextDocument()
            document.documentLayout().setPaintDevice(device)
            document.setDefaultFont(text_font(self.point_size))
            document.setDocumentMargin(0)
            for name, image in self.images.items():
                document.addResource(QTextDocument.ResourceType.ImageResource, name, image)
            document.setHtml(html)
            document.setTextWidth(width)
            documents.append(document)
        return documents

    def paint(self, device: QPagedPaintDevice, footer: Callable[[int, int], str]) -> int:
        """Lay the blocks out on `device` and paint them; returns the number of pages."""
        rect = _paint_rect(device)
        dots = device.logicalDpiY() / 25.4
        gap, footer_height = GAP_MM * dots, FOOTER_MM * dots
        usable = rect.height() - footer_height
        documents = self._documents(device, rect.width())
        # (document, top on the page, the slice of the document shown there)
        pages: list[list[tuple[QTextDocument, float, float | None]]] = [[]]
        y = 0.0
        for document in documents:
            height = document.size().height()
            if y > 0 and y + height > usable:
                pages.append([])
                y = 0.0
            if height <= usable:
                pages[-1].append((document, y, None))
                y += height + gap
                continue
            # Taller than a page (a long list of stops): Qt's own pagination moves
            # each line that would straddle a page's end to the next page, so no
            # line is cut; each page shows one page-high slice of it.
            document.setPageSize(QSizeF(rect.width(), usable))
            for part in range(document.pageCount()):
                if part > 0:
                    pages.append([])
                pages[-1].append((document, 0.0, part * usable))
            y = usable  # what follows starts on a fresh page
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the page could not be drawn (the printer or file refused it)")
        try:
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    device.newPage()
                for document, top, offset in page:
                    painter.save()
                    shown = QRectF(0, 0, rect.width(), usable - top)
                    if offset is not None:
                        # A pixel in from each edge: a line that ends exactly at the
                        # slice's top belongs to the page before (a PDF keeps the text
                        # of a clipped line, and a reader would read it twice).
                        shown = QRectF(0, offset + 1, rect.width(), usable - 2)
                    painter.translate(rect.left(), rect.top() + top - (offset or 0.0))
                    document.drawContents(painter, shown)
                    painter.restore()
                _paint_footer(painter, rect, footer(number, len(pages)), footer_height)
        finally:
            painter.end()
        return len(pages)


def _paint_rect(device: QPagedPaintDevice) -> QRectF:
    layout = device.pageLayout()
    full = layout.paintRectPixels(device.logicalDpiX())
    return QRectF(0, 0, full.width(), full.height())


def _paint_footer(painter: QPainter, rect: QRectF, text: str, height: float) -> None:
    font = text_font(8.5)
    painter.save()
    painter.setFont(font)
    area = QRectF(rect.left(), rect.bottom() - height * 0.7, rect.width(), height * 0.7)
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def write_pdf(
    path: Path, document: Document, settings: PaperSettings, footer: Callable[[int, int], str]
) -> int:
    """Write `document` as a PDF at `path` (whole or not at all); returns its pages."""
    temporary = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(temporary))
    writer.setResolution(RESOLUTION)
    writer.setTitle(settings.title)
    writer.setCreator("Home Exercise Timer")
    writer.setPageLayout(
        QPageLayout(
            settings.page_size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    try:
        pages = document.paint(writer, footer)
        del writer  # QPdfWriter finishes the file when it goes
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return pages


def image_size(image: QImage, width_mm: float) -> QSizeF:
    """The size a picture takes in layout units at `width_mm` wide (300 dpi)."""
    width = width_mm / 25.4 * RESOLUTION
    return QSizeF(width, width * image.height() / max(1, image.width()))
