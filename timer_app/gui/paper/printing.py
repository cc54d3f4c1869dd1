"""The system's print dialog for a paper document: the handout and the report.

Both print the way they save: the same pages on the paper chosen, with the
same margins, painted by the same code on a `QPrinter` instead of a `QPdfWriter`.
QtPrintSupport is imported only when a person asks to print: a session never
needs it (issue 18: memory).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout
from PySide6.QtWidgets import QDialog, QWidget

from timer_app.gui.paper.pdf_document import MARGIN_MM, PaperSettings


@dataclass(frozen=True)
class Printed:
    """Where the pages went: a printer, or the PDF file the print dialog offers
    in its place (its only choice where no printer is set up)."""

    printer: str
    file: Path | None


def print_on_paper(
    parent: QWidget,
    paper: str,
    title: str,
    paint: Callable[[QPagedPaintDevice], object],
) -> Printed | None:
    """Ask for a printer with the system's dialog, then `paint` the pages on it.

    Returns None when the person cancels the dialog. What painting raises (a
    printer that refuses) is left to the caller, which says it in its own words.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            PaperSettings(paper, title).page_size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    paint(printer)
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    file = Path(printer.outputFileName()) if to_file and printer.outputFileName() else None
    return Printed(printer.printerName(), file)
