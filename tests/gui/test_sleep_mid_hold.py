"""A laptop that sleeps mid-hold: the seconds held before the sleep are stored as a
partial rep, and the session waits, paused, for the person to come back. Real
SessionView, fake clock (a sleep is a jump of its boot clock), real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core.history import Outcome
from timer_app.core.player import PlayerState
from timer_app.core.routine import Side
from timer_app.gui.session.controls import Screen

from .session_support import open_session

pytestmark = pytest.mark.qt


def test_a_sleep_mid_hold_keeps_the_seconds_held_and_leaves_the_session_paused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(2.0 + 2.0)  # get ready, then 2 of the left hold's 3 s
    s.clock.suspend(1800)  # the lid is closed for half an hour
    s.clock.advance(0.25)
    assert s.view.player is not None
    s.view.player.tick()  # the first tick after waking
    s.clock.advance(60)
    assert s.view.player.state is PlayerState.PAUSED  # not run on while away
    assert s.view.running.pause_button.text() == "Resume (Space)"
    QtBot.keyClick(s.view, Qt.Key.Key_Escape)
    assert s.view.shown is Screen.SUMMARY
    [summary] = s.store.list_sessions()
    detail = s.store.session_detail(summary.id)
    assert detail is not None
    knee_hug = [(r.side, r.outcome, r.held_seconds) for r in detail.reps if r.exercise_index == 0]
    # Was stored as skipped with 0 s: the hold restarted and the 2 s were lost.
    assert knee_hug[0] == (Side.LEFT, Outcome.PARTIAL, pytest.approx(2.0))
    assert detail.exercises[0].outcome is Outcome.PARTIAL


def test_the_paused_screen_says_the_computer_slept_and_what_space_does(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    s.view.show()
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(2.0 + 2.0)
    note = s.view.running.pause_note
    QtBot.keyClick(s.view, Qt.Key.Key_Space)  # paused by the person: no note needed
    assert s.view.running.ring.caption == "Paused"
    assert not note.isVisible()
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    s.clock.suspend(1800)
    s.clock.advance(0.25)
    assert s.view.player is not None
    s.view.player.tick()
    assert note.isVisible()
    assert note.text() == (
        "Paused because the computer went to sleep. "
        "Press Space to start this step again from its beginning."
    )
    QtBot.keyClick(s.view, Qt.Key.Key_Space)  # back on the mat
    assert s.view.player.state is PlayerState.RUNNING
    assert not note.isVisible()
    assert s.view.player.remaining() == pytest.approx(3.0)  # the hold from its beginning
