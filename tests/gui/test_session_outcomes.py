"""What the summary, the closing words and the history say when nothing was done,
part of it was skipped or "Stop – it hurts" was pressed: never "Well done", never a
completed session. Through the real SessionView, a fake clock and a real SQLite
history."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core import stats
from timer_app.core.history import SessionStatus, StopReason
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.stop_dialogs import StopChoice
from timer_app.storage.routines.catalog import find_routine

from .session_support import Session, open_session, session_routine

pytestmark = pytest.mark.qt

ONE_EXERCISE = """\
id: one-exercise
title: One exercise
lead_in: 2 s
exercises:
  - name: Knee hug
    hold: 3 s
    reps: 2
    rest: 2 s
"""


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def only_summary(s: Session):
    [summary] = s.store.list_sessions()
    return summary


def streak_today(s: Session) -> int:
    """Completed sessions count toward the streak (and adherence); others do not."""
    return stats.streak(s.store.session_facts(), only_summary(s).local_date).count


def test_skipping_every_step_is_nothing_done_not_a_completed_session(s: Session) -> None:
    s.view.load(find_routine("knee-to-chest"))  # the audit's routine
    key(s, Qt.Key.Key_Space)
    presses = 0
    while s.view.shown is Screen.RUNNING:
        key(s, Qt.Key.Key_Right)
        presses += 1
        assert presses < 100
    summary = s.view.summary
    assert summary.title.text() == "Nothing was done this time"
    assert "Well done" not in summary.title.text()
    assert "Exercises done: 0 of 1" in summary.figures.text()
    assert "Skipped: 1" in summary.figures.text()
    assert not any("Well done" in said for said in s.speech.said)
    assert "Session over. Nothing was done this time." in s.speech.said
    row = only_summary(s)
    assert row.status is SessionStatus.ENDED_EARLY
    assert (row.exercises_done, row.reps_done) == (0, 0)
    assert streak_today(s) == 0


def test_stop_on_the_only_exercise_names_it_and_keeps_its_advice(
    s: Session, tmp_path: Path, qtbot: QtBot
) -> None:
    s.view.load(session_routine(tmp_path, ONE_EXERCISE))
    s.view.ask_what_happened = lambda name, parent: (StopReason.PAIN_SPREAD, "")
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Right)  # into the first hold
    with qtbot.waitSignal(s.view.sig_session_saved):
        key(s, Qt.Key.Key_S)
    assert s.view.shown is Screen.SUMMARY  # no next exercise: the session is over
    assert "next exercise" not in s.view.running.advice.advice.text()
    summary = s.view.summary
    assert summary.title.text() == "You stopped: Knee hug"
    assert "Exercises done: 0 of 1" in summary.figures.text()
    assert summary.advice.isVisible()
    # The stop's own advice, and the general "ease off" after pain spread.
    assert "Best end today's session here" in summary.advice.text()
    assert "Ease off" in summary.advice.text()
    assert not any("Well done" in said for said in s.speech.said)
    assert "Session over. Please read the advice on the screen." in s.speech.said
    row = only_summary(s)
    assert row.status is SessionStatus.ENDED_EARLY
    assert streak_today(s) == 0


def test_a_stop_then_the_rest_done_is_kept_but_not_called_well_done(s: Session) -> None:
    s.view.ask_what_happened = lambda name, parent: (StopReason.SHARP_PAIN, "knee")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Right)  # into Knee hug's first hold (a stop in its get-ready
    key(s, Qt.Key.Key_S)  # names no exercise); Tilts and Walking follow; goes on
    s.advance(2.0)
    key(s, Qt.Key.Key_Return)
    key(s, Qt.Key.Key_Return)
    s.advance(2.0 + 4.0)
    summary = s.view.summary
    assert s.view.shown is Screen.SUMMARY
    assert summary.title.text() == "You stopped: Knee hug"
    assert "Exercises done: 2 of 3" in summary.figures.text()
    assert "went too far" in summary.advice.text()  # the sharp-pain advice
    assert not any("Well done" in said for said in s.speech.said)
    # Kept as what it was: the end reached with Knee hug not done in full.
    assert only_summary(s).status is SessionStatus.PARTLY_DONE
    assert streak_today(s) == 0


def test_a_session_done_in_full_is_still_well_done(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 3.0 + 2.0 + 3.0 + 2.0)
    key(s, Qt.Key.Key_Return)
    key(s, Qt.Key.Key_Return)
    s.advance(2.0 + 4.0)
    assert s.view.summary.title.text() == "Well done: session complete"
    assert s.speech.said[-1] == "Session complete. Well done."
    assert not s.view.summary.advice.isVisible()
    assert only_summary(s).status is SessionStatus.COMPLETED
    assert streak_today(s) == 1
