"""Printing a paper document (the handout, the report), and the parts their two
dialogs share: the paper's size and the row of buttons.

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
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPushButton, QWidget

from timer_app.gui.paper.pdf_document import MARGIN_MM, PaperSettings, default_paper
from timer_app.gui.translation import translate


def paper_choice() -> QComboBox:
    """A4 or Letter, the one the person's country uses chosen at first."""
    choice = QComboBox()
    choice.addItem(translate("Paper", "A4"), "a4")
    choice.addItem(translate("Paper", "Letter"), "letter")
    choice.setCurrentIndex(choice.findData(default_paper()))
    return choice


def dialog_button(box: QDialogButtonBox, text: str, slot: Callable[[], object]) -> QPushButton:
    """An action button in `box` that runs `slot`; the slot closes the dialog when done."""
    button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(slot)
    return button


@dataclass(frozen=True)
class Printed:
    """Where the pages went: a printer, or the PDF file the print dialog offers
    in its place (its only choice where no printer is set up)."""

    printer: str
    file: Path | None

    def said(self, to_file: str, to_printer: str) -> str:
        """What a person is told: `to_file` with its {path} when the pages went to
        a file ("Print to File (PDF)", where no printer is set up), else
        `to_printer` with its {printer}."""
        if self.file is not None:
            return to_file.format(path=self.file)
        return to_printer.format(printer=self.printer)


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
