"""History ▸ "Report for my therapist…": the last 8 weeks as a PDF to send or print.

The routines as prescribed come from the routines the window has already read
(the Routines page's catalog, read off the UI thread at start): a routine
folder that hangs must not freeze the window here either. The history is the
page's own store; nothing is written to it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from timer_app.core.history import HistoryStore
from timer_app.core.local_time import local_today
from timer_app.core.programme.model import Programme
from timer_app.core.routine import Routine
from timer_app.gui.paper import report
from timer_app.gui.paper.pdf_document import default_paper
from timer_app.gui.translation import translate
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


def save_report(parent: QWidget, history: HistoryStore) -> tuple[Path | None, str]:
    """Ask where, then write the report; returns (the file, what to tell the person)."""
    today = local_today()
    suggested = Path.home() / f"exercise-report-{today.isoformat()}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("HistoryPage", "Save the report for your therapist"),
        str(suggested),
        translate("HistoryPage", "PDF (*.pdf)"),
    )
    if not chosen:
        return None, ""
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        source = from_store(history, report.default_since(today), today)
        data = report.gather(source, known_routines(parent), None, today, known_programmes(parent))
        report.write_report_pdf(data, path, default_paper())
    except Exception as error:  # a full disk, a read-only folder, an unreadable history
        log.exception("the report could not be written")
        reason = getattr(error, "strerror", None) or error
        text = translate("HistoryPage", "The report could not be saved to {path}: {e}")
        return None, text.format(path=path, e=reason)
    text = translate("HistoryPage", "Saved the report for your therapist to {path}.")
    return path, text.format(path=path)
