"""Routines ▸ "Print or save handout…": print on a real printer, or save a PDF or web page.

The patient's name may be typed here to be printed on the handout's name line;
it is never stored (not in the settings, not in the PDF's attachments). A file
or printer that fails is said in a message box, never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.local_time import local_today
from timer_app.core.routine import Routine
from timer_app.core.validation.checks import LibraryExercise
from timer_app.gui.paper import handout
from timer_app.gui.paper.printing import dialog_button, paper_choice, print_on_paper

log = logging.getLogger(__name__)


class HandoutDialog(QDialog):
    def __init__(
        self,
        routine: Routine,
        library: dict[str, LibraryExercise],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        self.library = library
        self.setWindowTitle(self.tr("Handout: {title}").format(title=routine.title))
        col = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A page to keep on the fridge: each exercise with its picture and dose, "
                "when to stop, and a tick log for two weeks."
            )
        )
        intro.setWordWrap(True)
        col.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name printed on the handout"))
        self.name.setPlaceholderText(self.tr("Optional; never saved"))
        form.addRow(self.tr("Name:"), self.name)
        self.paper = paper_choice()
        form.addRow(self.tr("Paper:"), self.paper)
        col.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = dialog_button(buttons, self.tr("Print…"), self.print_handout)
        self.pdf_button = dialog_button(buttons, self.tr("Save as PDF…"), self.save_pdf)
        self.html_button = dialog_button(buttons, self.tr("Save as web page…"), self.save_html)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.saved: Path | None = None
        self.message = ""  # what was done, for the Routines page to say

    def data(self) -> handout.HandoutInput:
        found = handout.gather(self.routine, self.library, local_today())
        return replace(found, patient_name=" ".join(self.name.text().split()))

    def print_handout(self) -> bool:
        """The system's print dialog, then the handout on the printer chosen."""
        try:
            printed = print_on_paper(
                self,
                self.paper.currentData(),
                self.routine.title,
                lambda printer: handout.paint(self.data(), printer),
            )
        except Exception as error:  # a printer that refuses: said, never a traceback
            log.exception("printing the handout failed")
            self._failed(self.tr("The handout could not be printed: {e}").format(e=error))
            return False
        if printed is None:
            return False
        self.message = printed.said(
            self.tr("Saved the handout to {path}."),
            self.tr("Sent the handout to the printer {printer}."),
        )
        self.accept()
        return True

    def save_pdf(self) -> Path | None:
        return self._save(".pdf", self.tr("PDF (*.pdf)"))

    def save_html(self) -> Path | None:
        return self._save(".html", self.tr("Web page (*.html)"))

    def _save(self, suffix: str, file_filter: str) -> Path | None:
        suggested = Path.home() / f"{self.routine.id}-handout{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handout"), str(suggested), file_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            if suffix == ".pdf":
                handout.write_handout_pdf(self.data(), path, self.paper.currentData())
            else:
                handout.write_handout_html(self.data(), path)
        except Exception as error:  # a full disk or a read-only folder: said
            log.exception("saving the handout failed")
            self._failed(
                self.tr("The handout could not be saved to {path}: {e}").format(
                    path=path, e=getattr(error, "strerror", None) or error
                )
            )
            return None
        self.saved = path
        self.message = self.tr("Saved the handout to {path}.").format(path=path)
        self.accept()
        return path

    def _failed(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Handout"), text)
