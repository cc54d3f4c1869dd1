"""Routines ▸ "Print or save handout…": save a PDF (that Import takes back), a web
page, or print through the system's print dialog, with the patient's name typed
for this print only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from timer_app.gui.pages.routines import RoutinesPage
from timer_app.gui.paper.handout_dialog import HandoutDialog
from timer_app.storage import paths

pypdf = pytest.importorskip("pypdf")


def _page(qtbot: QtBot) -> RoutinesPage:
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.show()
    return page


def _dialog_from_button(
    qtbot: QtBot, page: RoutinesPage, monkeypatch: pytest.MonkeyPatch
) -> HandoutDialog:
    opened: list[HandoutDialog] = []
    monkeypatch.setattr(HandoutDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.mouseClick(page.handout_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    return opened[0]


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages)


def test_save_as_pdf_prints_the_name_typed_and_stores_it_nowhere(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    page = _page(qtbot)
    page.select("core-routine")
    dialog = _dialog_from_button(qtbot, page, monkeypatch)
    target = tmp_path / "for the fridge"  # no suffix typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClicks(dialog.name, "Ana  Lopez")

    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "for the fridge.pdf"
    assert dialog.saved == saved
    text = _text(saved)
    assert "Core sciatica routine" in text and "Name: Ana Lopez" in text
    assert "4. Cat-cow" in text
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"Ana" not in stored
    assert "Ana".encode("utf-16-be") not in saved.read_bytes().split(b"%%EOF")[-2]


def test_the_saved_handout_imports_back_through_the_routines_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot)
    page.select("piriformis")
    dialog = _dialog_from_button(qtbot, page, monkeypatch)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.pdf"), "")
    )
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    routine = page.import_file(tmp_path / "p.pdf")

    assert routine is not None and routine.id == "piriformis"
    assert (paths.user_routines_dir() / "piriformis.yaml").is_file()
    assert not page.problems_box.isVisible()


def test_print_goes_through_the_system_print_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    page = _page(qtbot)
    page.select("strengthening")
    dialog = _dialog_from_button(qtbot, page, monkeypatch)
    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:  # the person picks a printer: here, a file
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    text = _text(out)
    assert "1. Bridging" in text and "3. Partial curl" in text
    assert "Page 1 of" in text
    assert dialog.message == f"Saved the handout to {out}."  # no printer set up here


def test_a_folder_that_cannot_be_written_is_said_not_raised(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot)
    page.select("piriformis")
    dialog = _dialog_from_button(qtbot, page, monkeypatch)
    missing = tmp_path / "no-such-folder" / "p.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))

    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    assert dialog.saved is None
    assert said and str(missing) in said[0]


def test_the_routines_page_says_where_the_handout_went(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot)
    page.select("piriformis")
    target = tmp_path / "p.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def save_while_open(dialog: HandoutDialog) -> int:  # the person presses Save as PDF…
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(HandoutDialog, "exec", save_while_open)
    qtbot.mouseClick(page.handout_button, Qt.MouseButton.LeftButton)

    assert target.is_file()
    assert page.message.isVisible()
    assert page.message.text() == f"Saved the handout to {target}."
