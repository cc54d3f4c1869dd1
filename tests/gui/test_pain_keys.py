"""Pain rated with one key: 0–9, and T for 10, on the ready screen and the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core.player import PlayerState
from timer_app.gui.session.controls import Screen, help_text

from .session_support import Session, open_session

pytestmark = pytest.mark.qt


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def at_summary(s: Session) -> Session:
    key(s, Qt.Key.Key_Space)
    s.advance(2.0)
    key(s, Qt.Key.Key_Escape)  # the test's confirm says yes
    assert s.view.shown is Screen.SUMMARY
    return s


def test_digit_keys_rate_pain_before_and_space_still_starts(s: Session) -> None:
    key(s, Qt.Key.Key_7)
    assert s.view.ready.pain.value() == 7
    key(s, Qt.Key.Key_7)  # again: still 7 (a key chooses, it does not clear)
    assert s.view.ready.pain.value() == 7
    key(s, Qt.Key.Key_0)
    assert s.view.ready.pain.value() == 0
    key(s, Qt.Key.Key_T)
    assert s.view.ready.pain.value() == 10
    key(s, Qt.Key.Key_Space)
    assert s.view.player.state is PlayerState.RUNNING
    sessions = s.store.list_sessions()
    assert s.store.session_detail(sessions[0].id).summary.pain_before == 10


def test_digits_while_running_change_no_rating(s: Session) -> None:
    key(s, Qt.Key.Key_3)
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_8)
    assert s.view.player.state is PlayerState.RUNNING
    assert s.view.ready.pain.value() == 3
    assert s.view.summary.pain.value() is None


def test_digit_keys_rate_pain_after_but_not_while_typing_notes(s: Session) -> None:
    summary = at_summary(s).view.summary
    key(s, Qt.Key.Key_4)
    assert summary.pain.value() == 4
    summary.notes.setFocus()
    QtBot.keyClicks(summary.notes, "did 9 reps")
    assert summary.notes.toPlainText() == "did 9 reps"
    assert summary.pain.value() == 4


def test_no_pain_before_asked_then_digits_do_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path, ask_pain_before=False)
    key(s, Qt.Key.Key_5)
    assert s.view.ready.pain.value() is None
    key(s, Qt.Key.Key_Space)
    assert s.view.player.state is PlayerState.RUNNING


def test_the_keys_are_shown_on_the_scale_and_in_the_f1_list(s: Session) -> None:
    assert s.view.ready.pain.keys_hint.text() == "Keys 0–9; T for 10"
    assert s.view.ready.pain.keys_hint.isVisible()
    assert "0–9, T\tRate your pain before and after (T is 10)" in help_text()
