"""A routine's words, and a history's, read exactly as written on every screen.

A routine file is the therapist's text, not markup: a title, an exercise name, a
caution or a note containing `<span style='font-size:1px'>` must not hide words,
`<img src=...>` must not load a picture, `&amp;` must read `&amp;`. The test walks
one hostile routine through the whole app as a person would (resume banner,
Routines list and details, History table, ready screen, running screen, "Stop –
it hurts" dialog, advice box, summary) and checks what each label shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import add_session, write
from timer_app.core.clock import FakeClock
from timer_app.core.history import SessionStatus
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.gui.widgets.steady_label import SteadyLabel
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings

TITLE = "<b>Bold</b> back <img src=/etc/passwd> &amp; hips"
AUTHOR = "<span style='font-size:1px'>Dr</span> Who"
SAFETY = "<span style='font-size:1px'>Stop if pain spreads down your leg.</span>"
KNEE = "<span style='font-size:1px'>Knee</span> hug &amp; <b>hold</b>"
INSTRUCTION = "<img src=/etc/passwd>Lie on your back."
CAUTION = "<span style='font-size:1px'>Ease into it.</span> <b>never</b> &amp;"
NOTE = "<i>slowly</i> &amp; <img src=/etc/passwd>"
TILTS = "<img src=/etc/passwd> Tilts &amp;"
SESSION_NOTE = "<span style='font-size:1px'>knee</span> <img src=/etc/passwd> &amp;"

HOSTILE_ROUTINE = f"""\
id: hostile
title: "{TITLE}"
author: "{AUTHOR}"
safety:
  - "{SAFETY}"
exercises:
  - name: "{KNEE}"
    hold: 3 s
    reps: 1
    instructions:
      - "{INSTRUCTION}"
    cautions:
      - "{CAUTION}"
    note: "{NOTE}"
  - name: "{TILTS}"
    reps: 2
"""


def seen(label: QLabel) -> str:
    """What a person reads on `label`: its text when shown as plain text; the
    document's text when Qt renders it as rich text (explicitly, or because
    AutoText guessed so)."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text)
    ):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    assert not has_image(doc), f"a label loads a picture: {text!r}"
    return doc.toPlainText()


def has_image(doc: QTextDocument) -> bool:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                return True
            it += 1
        block = block.next()
    return False


def seen_on(widget: QWidget) -> list[str]:
    """What the visible labels of `widget` (and `widget` itself) show; the session
    screen's steady lines paint their text as plain text."""
    labels = [w for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    if isinstance(widget, QLabel):
        labels.append(widget)
    lines = [w.text() for w in widget.findChildren(SteadyLabel) if w.isVisibleTo(widget)]
    return [seen(label) for label in labels] + lines


def assert_reads(widget: QWidget, *literals: str) -> None:
    shown = seen_on(widget)
    for literal in literals:
        assert any(literal in text for text in shown), f"{literal!r} not shown in {shown!r}"


def tooltip_reads(tooltip: str) -> str:
    doc = QTextDocument()
    doc.setHtml(tooltip) if GuiQt.mightBeRichText(tooltip) else doc.setPlainText(tooltip)
    assert not has_image(doc)
    return doc.toPlainText()


def open_window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    """The hostile routine in the person's folder; its last session was interrupted,
    with a hostile note (in progress when the power went, so the window asks)."""
    write(data_dir / "routines" / "hostile.yaml", HOSTILE_ROUTINE)
    store = SqliteHistoryStore.open()
    add_session(store, day=date.today(), routine_id="hostile", title=TITLE, notes=SESSION_NOTE)
    add_session(
        store,
        day=date.today(),
        routine_id="hostile",
        title=TITLE,
        status=SessionStatus.IN_PROGRESS,
        hour=10,
    )
    store.close()
    window = build_main_window(
        start=None,
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=SqliteHistoryStore.open(),  # reopening marks it interrupted
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_hostile_routine_reads_as_written_on_every_screen(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)

    # The resume banner names the routine as written.
    assert window.banner.isVisible()
    assert_reads(window.banner, TITLE)

    # Routines: the list line and its tooltip, and the details beside it.
    page = window.routines_page
    page.select("hostile")
    item = page.list.currentItem()
    assert item.text().startswith(TITLE + "\n")
    assert tooltip_reads(item.toolTip()) == TITLE
    details = page.details.document()
    assert not has_image(details)
    for literal in (TITLE, KNEE, CAUTION, NOTE, TILTS, SAFETY):
        assert literal in details.toPlainText()

    # History: the table's title and note cells, and their tooltips.
    window.show_page("history")
    table = window.history_page.table
    tooltips = {
        item.text(): item.toolTip()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if (item := table.item(r, c)) is not None
    }
    assert tooltip_reads(tooltips[TITLE]) == TITLE  # the cell reads TITLE, and its tip
    assert tooltip_reads(tooltips[SESSION_NOTE]) == SESSION_NOTE

    # The ready screen: title, author, safety.
    window.show_page("routines")
    page.select("hostile")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    view = window.session_view
    assert_reads(view.ready, TITLE, AUTHOR, SAFETY)

    # The running screen: the exercise's name, instructions and cautions.
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert_reads(view.running, KNEE, INSTRUCTION, CAUTION)

    # The next exercise, skipped to with the arrow key.
    for _ in range(4):
        if view.running.exercise.text() == TILTS:
            break
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert_reads(view.running, TILTS)
    # Past its get-ready, into its first rep: a stop in a get-ready belongs to the
    # exercise before (`core/stop_place.py`), and this one is about Tilts.
    qtbot.keyClick(view, Qt.Key.Key_Right)

    # "Stop – it hurts" on the last exercise: the real dialog names the exercise
    # as written (any dialog is answered with accept()); then the summary does.
    in_dialogs: list[str] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            in_dialogs.extend(seen_on(dialog))
            dialog.accept()

    answering = QTimer()
    answering.timeout.connect(answer_dialog)
    answering.start(20)
    qtbot.keyClick(view, Qt.Key.Key_S)
    answering.stop()
    assert any(TILTS in text for text in in_dialogs), in_dialogs
    assert view.summary.isVisible()
    assert_reads(view.summary, f"You stopped: {TILTS}")
    for advice in (view.running.advice, view.summary.advice):
        assert advice.advice.textFormat() == Qt.TextFormat.PlainText
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in window.findChildren(QDialog))


def test_a_file_name_in_the_replace_question_reads_as_written(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing a new version of a routine asks before replacing it, naming the
    file: a name such as `<img src=x.png> back.yaml` is a name, not a picture."""
    write(data_dir / "routines" / "hostile.yaml", HOSTILE_ROUTINE)
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    name = "<img src=x.png> <b>back &amp;.yaml"  # no "/": it is one file name
    newer = write(tmp_path / name, HOSTILE_ROUTINE.replace("reps: 2", "reps: 3"))
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    assert page.import_file(newer) is None
    (text,) = asked
    assert tooltip_reads(text).startswith(f"{name} is a different version")
