"""History ▸ "Report for my therapist…": printed on the printer chosen, or saved.

The History page of a real three-week history (`test_report`'s), its button
pressed as a person would, the dialog's buttons pressed inside its `exec` (as
while it is open), and what the page then says. A printer here is Qt's own PDF
output, chosen in place of the system print dialog; what it printed is read
back with pypdf.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

pypdf = pytest.importorskip("pypdf")

from timer_app.gui.app_model import AppModel  # noqa: E402
from timer_app.gui.pages.history import HistoryPage  # noqa: E402
from timer_app.gui.paper.report_dialog import ReportDialog  # noqa: E402
from timer_app.storage.history.store import SqliteHistoryStore  # noqa: E402

from . import test_report  # noqa: E402
from .test_report import _text  # noqa: E402

history = test_report.history  # its three weeks of history, as a fixture here too

SESSIONS = "Sessions in the period: 80 (70 completed, 9 finished with part skipped, 1 ended early"


def _page(qtbot: QtBot, today: date) -> tuple[HistoryPage, SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    page = HistoryPage(AppModel(history=store), today=lambda: today)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    return page, store


def _press_in_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, choose: Callable[[ReportDialog], object]
) -> list[ReportDialog]:
    """While the dialog is open (its `exec`), the person does `choose`."""
    opened: list[ReportDialog] = []

    def exec_(dialog: ReportDialog) -> int:
        opened.append(dialog)
        qtbot.addWidget(dialog)
        choose(dialog)
        return dialog.result()

    monkeypatch.setattr(ReportDialog, "exec", exec_)
    return opened


def _printer_is_a_file(monkeypatch: pytest.MonkeyPatch, out: Path) -> list[str]:
    """The person picks a printer in the system dialog: here, a PDF file."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    sizes: list[str] = []

    def accept(self: QPrintDialog) -> int:
        printer = self.printer()
        sizes.append(printer.pageLayout().pageSize().key())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return sizes


def test_print_puts_the_report_on_the_paper_chosen(
    history: date, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, store = _page(qtbot, history)
    out = tmp_path / "printed.pdf"
    sizes = _printer_is_a_file(monkeypatch, out)

    def print_on_letter(dialog: ReportDialog) -> None:
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    opened = _press_in_dialog(monkeypatch, qtbot, print_on_letter)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    assert len(opened) == 1 and opened[0].result() == QDialog.DialogCode.Accepted
    assert sizes == ["Letter"]  # offered to the print dialog as chosen
    # No printer is set up here: the dialog's "Print to File (PDF)", said as a save.
    assert page.message.text() == f"Saved the report for your therapist to {out}."
    text = " ".join(_text(out))
    assert SESSIONS in text  # the same figures as the saved report
    assert "Page 1 of" in text
    width_pt = float(pypdf.PdfReader(out).pages[0].mediabox.width)
    assert round(width_pt) == 612  # 8.5 inches: Letter, not A4's 595
    store.close()


def test_a_printer_is_named_in_what_the_page_says(
    data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.gui.paper import report_dialog
    from timer_app.gui.paper.printing import Printed

    page, store = _page(qtbot, date(2026, 12, 6))
    monkeypatch.setattr(report_dialog, "print_on_paper", lambda *a: Printed("Clinic laser", None))
    _press_in_dialog(
        monkeypatch, qtbot, lambda d: qtbot.mouseClick(d.print_button, Qt.MouseButton.LeftButton)
    )
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    assert page.message.text() == (
        "Sent the report for your therapist to the printer Clinic laser."
    )
    store.close()


def test_the_dialog_says_which_weeks_it_covers(
    data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, store = _page(qtbot, date(2026, 12, 6))
    said: list[str] = []
    _press_in_dialog(monkeypatch, qtbot, lambda dialog: said.append(dialog.intro.text()))
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    assert said and "from 12 October 2026 to 6 December 2026 (8 weeks)" in said[0]
    store.close()


def test_a_print_cancelled_prints_nothing_and_leaves_the_dialog_open(
    history: date, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    page, store = _page(qtbot, history)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    still_open: list[bool] = []

    def print_then_cancel(dialog: ReportDialog) -> None:
        dialog.show()
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        still_open.append(dialog.isVisible())
        dialog.reject()

    _press_in_dialog(monkeypatch, qtbot, print_then_cancel)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    assert still_open == [True]  # back at the choice, to save a PDF instead
    assert page.message.text() == ""
    store.close()


def test_the_history_pages_button_saves_the_report(
    history: date, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, store = _page(qtbot, history)
    target = tmp_path / "for my physio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _press_in_dialog(
        monkeypatch, qtbot, lambda d: qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    )

    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "for my physio.pdf"
    assert page.message.text() == f"Saved the report for your therapist to {saved}."
    text = " ".join(_text(saved))
    # The core routine's 9 days with an exercise partly done or skipped are not
    # "completed" (nor counted as done in its weeks).
    assert SESSIONS in text
    # Standing alone (no window's routines), the report still says what it can.
    assert "Piriformis stretch: this routine is not on this computer." in text
    store.close()


def test_a_folder_that_cannot_be_written_is_said_and_another_can_be_chosen(
    history: date, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, store = _page(qtbot, history)
    answers = [tmp_path / "no-such-folder" / "r.pdf", tmp_path / "r.pdf"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answers.pop(0)), ""))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))

    def save_twice(dialog: ReportDialog) -> None:
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    _press_in_dialog(monkeypatch, qtbot, save_twice)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    missing = tmp_path / "no-such-folder" / "r.pdf"
    assert len(said) == 1 and said[0].startswith(f"The report could not be saved to {missing}")
    assert (tmp_path / "r.pdf").is_file()
    assert page.message.text() == f"Saved the report for your therapist to {tmp_path / 'r.pdf'}."
    store.close()


def test_a_printer_that_refuses_is_said_not_raised(
    data_dir: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.gui.paper import report

    page, store = _page(qtbot, date(2026, 12, 6))
    _printer_is_a_file(monkeypatch, tmp_path / "printed.pdf")

    def refuse(*_args: object) -> int:
        raise RuntimeError("the printer is out of paper")

    monkeypatch.setattr(report, "paint", refuse)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    _press_in_dialog(
        monkeypatch, qtbot, lambda d: qtbot.mouseClick(d.print_button, Qt.MouseButton.LeftButton)
    )
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)

    assert said == ["The report could not be printed: the printer is out of paper"]
    assert page.message.text() == ""
    store.close()
