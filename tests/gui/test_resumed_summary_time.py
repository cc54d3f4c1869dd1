"""A session resumed after a crash: its summary's time is the whole session's, the
total History and the database hold, not only the part after the break.

Real SessionView, fake clock, real SQLite: the first run is dropped mid-session
(as a crash leaves it), marked interrupted as the next start does, and resumed
where it stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.gui.session.controls import Screen

from .session_support import Session, open_session, session_routine

pytestmark = pytest.mark.qt


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


def test_a_resumed_session_s_summary_shows_the_time_the_record_holds(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 3.0 + 2.0 + 3.0 + 2.0 + 0.5)  # Knee hug, then Tilts' get ready
    # The app is killed here: nothing more is written for this run.
    [summary] = s.store.list_sessions()
    assert s.store.mark_interrupted() == [summary.id]
    position = s.store.resume_position(summary.id)
    assert position is not None and position.exercise_index == 1

    s.view.load(session_routine(tmp_path), position, summary.id)
    key(s, Qt.Key.Key_Space)
    s.advance(2.0)  # Tilts: get ready again
    key(s, Qt.Key.Key_Return)
    key(s, Qt.Key.Key_Return)
    s.advance(2.0 + 4.0)  # Walking
    assert s.view.shown is Screen.SUMMARY

    [record] = s.store.list_sessions()
    assert record.active_seconds == pytest.approx(12.0 + 8.0)
    lines = s.view.summary.figures.text().split("\n")
    # Was "Time: 8 s": the 12 s before the break were left out.
    assert "Time: 20 s, 12 s of it before the break" in lines

    page = HistoryPage(AppModel(history=s.store))
    qtbot.addWidget(page)
    page.refresh()
    row = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert "20 s" in row  # the same total on the History page


def test_a_new_session_s_time_line_is_unchanged(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_Space)
    s.advance(12.0)
    key(s, Qt.Key.Key_Escape)
    assert "Time: 12 s" in s.view.summary.figures.text().split("\n")
