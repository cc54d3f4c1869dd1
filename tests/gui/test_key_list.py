"""The keys: a presenter clicker works from the mat, and every key the app binds is
the one the keys tables (F1, Safety page, README) list, and the other way round."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut, QTextDocument, QTextTable
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.player import PlayerState
from timer_app.gui.pages.safety import SafetyPage
from timer_app.gui.session.controls import Screen, help_text
from timer_app.gui.session.key_list import WINDOW, help_rows, key_help, session_bindings
from timer_app.gui.window.start import build_main_window
from timer_app.storage.settings import Settings

from .session_support import Session, open_session

pytestmark = pytest.mark.qt

README = Path(__file__).resolve().parents[2] / "README.md"


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


def test_page_up_starts_pauses_and_resumes(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_PageUp)
    assert (s.view.shown, s.view.player.state) == (Screen.RUNNING, PlayerState.RUNNING)
    s.advance(2.5)  # into the first hold
    key(s, Qt.Key.Key_PageUp)
    assert s.view.player.state is PlayerState.PAUSED
    assert s.view.running.ring.caption == "Paused"
    digits = s.digits
    s.advance(10.0)
    assert s.digits == digits
    key(s, Qt.Key.Key_PageUp)
    assert s.view.player.state is PlayerState.RUNNING


def test_page_down_starts_then_confirms_counted_reps(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_PageDown)  # nothing running yet: it starts
    assert (s.view.shown, s.view.player.state) == (Screen.RUNNING, PlayerState.RUNNING)
    key(s, Qt.Key.Key_PageDown)  # a timed step: nothing to confirm, nothing skipped
    assert s.phase == "Get ready"
    s.advance(12.0)  # knee hug (10 s) done, and the tilts' get-ready: counted rep 1
    assert s.phase == "Your turn: do rep 1, press Enter"
    key(s, Qt.Key.Key_PageDown)
    assert s.phase == "Your turn: do rep 2, press Enter"
    key(s, Qt.Key.Key_PageDown)
    assert s.view.running.exercise.text() == "Walking"


def test_every_session_shortcut_is_in_the_list_and_the_other_way_round(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    bound = sorted(
        (shortcut.key().toString(), shortcut.isEnabled())
        for shortcut in s.view.findChildren(QShortcut)
    )
    listed = sorted((b.key, Screen.READY in b.screens) for b in session_bindings())
    assert bound == listed


def test_every_window_key_is_in_the_list_and_the_other_way_round(qtbot: QtBot) -> None:
    window = build_main_window(
        start=None, clock=FakeClock(), settings=Settings(first_run_safety_seen=True), history=None
    )
    qtbot.addWidget(window)
    # Each action's main key: Ctrl+O's standard key also answers a keyboard's Open key.
    bound = {a.shortcut().toString() for a in window.findChildren(QAction) if a.shortcuts()}
    listed = {b.key for row in key_help() for b in row.bindings if b.command == WINDOW}
    assert bound == listed


def test_the_safety_page_lists_every_key(qtbot: QtBot) -> None:
    page = SafetyPage()
    qtbot.addWidget(page)
    shown = {label.text() for label in page.findChildren(QLabel)}
    for keys, what in help_rows(in_session=False):
        assert keys in shown and what in shown, keys
    for keys in ("Space or Page Up", "Enter or Page Down", "0–9, T", "Alt+1 / Alt+2", "Ctrl+O"):
        assert keys in shown


def test_the_f1_box_lists_the_session_keys() -> None:
    lines = help_text().splitlines()
    assert "Space or Page Up\tStart, pause or resume the session" in lines
    assert "0–9, T\tRate your pain before and after (T is 10)" in lines
    assert not any(line.startswith("Alt+1") for line in lines)  # not during a session


def test_the_readme_keys_table_is_the_list() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("### Keys", 1)[1].split("\n\n", 2)[1]
    rows = [
        tuple(cell.strip() for cell in line.strip("|").split("|"))
        for line in table.splitlines()[2:]
    ]
    plain = [(keys, re.sub(r"\*\*(.*?)\*\*", r"\1", what)) for keys, what in rows]
    assert plain == help_rows(in_session=False)


def test_f1_shows_the_session_keys_as_a_table(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_F1)
    box = s.view.help_box
    assert box is not None and box.isVisible()
    assert box.textFormat() is Qt.TextFormat.RichText
    document = QTextDocument()
    document.setHtml(box.text())
    table = document.rootFrame().childFrames()[0]
    assert isinstance(table, QTextTable)
    rows = [
        tuple(table.cellAt(r, c).firstCursorPosition().block().text() for c in (0, 1))
        for r in range(table.rows())
    ]
    assert rows == help_rows(in_session=True)  # a key and what it does, side by side
    box.close()
    assert s.view.player.state is PlayerState.RUNNING
