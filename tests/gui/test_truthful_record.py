"""What was recorded is what was done: a three-exercise session played with keys,
a hold skipped part-way and a counted rep skipped. The summary, the closing words,
the stored reps and the History page all say the same. Real SessionView, fake
clock, real SQLite history."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import Outcome, SessionStatus
from timer_app.core.routine import Side
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.record import reps_done_before
from timer_app.storage.history.store import SqliteHistoryStore

from .session_support import Session, open_session

pytestmark = pytest.mark.qt


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


@pytest.fixture
def played(qtbot: QtBot, tmp_path: Path) -> Session:
    """Knee hug: the left hold done, the right one skipped after 1.5 of its 3 s;
    Tilts: the first rep done, the second skipped; Walking done."""
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 3.0 + 2.0 + 1.5)  # get ready, hold left, switch, 1.5 s right
    key(s, Qt.Key.Key_Right)
    s.advance(2.0)  # Tilts: get ready
    key(s, Qt.Key.Key_Return)  # rep 1 done
    key(s, Qt.Key.Key_Right)  # rep 2 skipped
    s.advance(2.0 + 4.0)  # Walking
    assert s.view.shown is Screen.SUMMARY
    return s


def test_the_summary_counts_partly_done_exercises_and_never_says_well_done(
    played: Session,
) -> None:
    summary = played.view.summary
    assert summary.title.text() == "Session over: part of it was skipped"
    assert summary.figures.text() == (
        "Exercises done: 1 of 3\nPartly done: 2\nSkipped: 0\nReps: 2 of 4\nTime: 17 s"
    )  # 16.5 s active: the nearest second, halves up
    assert played.speech.said[-1] == "Session over. Part of it was skipped."


def test_the_history_keeps_the_seconds_of_the_hold_left_part_way(played: Session) -> None:
    [summary] = played.store.list_sessions()
    detail = played.store.session_detail(summary.id)
    assert detail is not None
    assert [e.outcome for e in detail.exercises] == [
        Outcome.PARTIAL,
        Outcome.PARTIAL,
        Outcome.DONE,
    ]
    knee_hug = [(r.side, r.outcome, r.held_seconds) for r in detail.reps if r.exercise_index == 0]
    assert knee_hug == [
        (Side.LEFT, Outcome.DONE, 3.0),
        (Side.RIGHT, Outcome.PARTIAL, pytest.approx(1.5)),  # was stored as 0 s
    ]


def test_the_history_page_shows_the_summary_s_figures(played: Session, qtbot: QtBot) -> None:
    page = HistoryPage(AppModel(history=played.store))
    qtbot.addWidget(page)
    page.refresh()
    row = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert row[1:6] == [
        "Test session",
        "Finished, part skipped",
        "1 of 3, 2 partly",
        "2 of 4",
        "17 s",
    ]
    assert page.scope.text() == "Showing Test session: its figures, sessions and pain."


def test_a_resumed_session_tells_the_player_which_reps_were_done(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    morning = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
    session_id = add_session(store, morning, reps=3, status=SessionStatus.INTERRUPTED)
    assert reps_done_before(store, session_id) == frozenset({1, 3, 5})
    assert reps_done_before(store, None) is None  # a new session
    assert reps_done_before(None, session_id) is None  # no history this time
    assert reps_done_before(store, 999) is None
    store.close()
