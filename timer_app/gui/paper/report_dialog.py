"""History ▸ "Report for my therapist…": the last 8 weeks, printed or saved as a PDF.

The routines as prescribed come from the routines the window has already read
(the Routines page's catalog, read off the UI thread at start): a routine
folder that hangs must not freeze the window here either. The history is the
page's own store; nothing is written to it. A file or printer that fails is said
in a message box, and the dialog stays open to try another: never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.history import HistoryStore
from timer_app.core.programme.model import Programme
from timer_app.core.routine import Routine
from timer_app.gui.paper import report
from timer_app.gui.paper.printing import dialog_button, paper_choice, print_on_paper
from timer_app.gui.translation import local_date, translate
from timer_app.storage.history.report_source import from_store

log = logging.getLogger(__name__)


def known_programmes(widget: QWidget) -> Mapping[str, Programme]:
    """The programmes the window has read, for the stages' names (issue 16)."""
    routines_page = getattr(widget.window(), "routines_page", None)
    catalog = getattr(routines_page, "catalog", None)
    return dict(getattr(catalog, "programmes", {}) or {})


def known_routines(widget: QWidget) -> Mapping[str, Routine]:
    """The routines the window has read (none when the page stands alone)."""
    routines_page = getattr(widget.window(), "routines_page", None)
    catalog = getattr(routines_page, "catalog", None)
    return dict(getattr(catalog, "routines", {}) or {})


class ReportDialog(QDialog):
    """The period and the paper, then Print… or Save as PDF…; `message` says
    what was done, for the History page to show."""

    def __init__(
        self,
        history: HistoryStore,
        routines: Mapping[str, Routine],
        programmes: Mapping[str, Programme],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._routines = routines
        self._programmes = programmes
        self._today = today
        self.saved: Path | None = None
        self.message = ""
        self.setWindowTitle(self.tr("Report for your therapist"))
        col = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Your sessions from {since} to {today} ({weeks} weeks) on one or two pages, "
                "to print or to save and give to your therapist. Nothing is sent anywhere.",
            ).format(
                since=local_date(report.default_since(today), "d MMMM yyyy"),
                today=local_date(today, "d MMMM yyyy"),
                weeks=report.DEFAULT_WEEKS,
            )
        )
        self.intro.setWordWrap(True)
        col.addWidget(self.intro)
        form = QFormLayout()
        self.paper = paper_choice()
        form.addRow(self.tr("Paper:"), self.paper)
        col.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = dialog_button(buttons, self.tr("Print…"), self.print_report)
        self.pdf_button = dialog_button(buttons, self.tr("Save as PDF…"), self.save_pdf)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)

    def data(self) -> report.ReportInput:
        """The report's figures, read from the history when asked for."""
        source = from_store(self._history, report.default_since(self._today), self._today)
        return report.gather(source, self._routines, None, self._today, self._programmes)

    def print_report(self) -> bool:
        """The system's print dialog, then the report on the printer chosen."""
        title = translate("Report", "Home exercise report for the therapist")
        try:
            printed = print_on_paper(self, self.paper.currentData(), title, self._paint)
        except Exception as error:  # an unreadable history, a printer that refuses
            log.exception("the report could not be printed")
            self._failed(self.tr("The report could not be printed: {e}").format(e=error))
            return False
        if printed is None:
            return False
        self.message = printed.said(
            self.tr("Saved the report for your therapist to {path}."),
            self.tr("Sent the report for your therapist to the printer {printer}."),
        )
        self.accept()
        return True

    def _paint(self, printer: QPagedPaintDevice) -> None:
        report.paint(self.data(), printer)

    def save_pdf(self) -> Path | None:
        """Ask where, then write the report there as a PDF."""
        suggested = Path.home() / f"exercise-report-{self._today.isoformat()}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report for your therapist"),
            str(suggested),
            self.tr("PDF (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            report.write_report_pdf(self.data(), path, self.paper.currentData())
        except Exception as error:  # a full disk, a read-only folder, an unreadable history
            log.exception("the report could not be written")
            reason = getattr(error, "strerror", None) or error
            text = self.tr("The report could not be saved to {path}: {e}")
            self._failed(text.format(path=path, e=reason))
            return None
        self.saved = path
        text = self.tr("Saved the report for your therapist to {path}.")
        self.message = text.format(path=path)
        self.accept()
        return path

    def _failed(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Report for your therapist"), text)
