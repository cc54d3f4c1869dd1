"""QA: pain up to 10/10 after a session got no advice, under "Well done". Every
rating higher than before, and a severe one with none before, is now said in
plain words at the head of the advice, and the heading is never "Well done" over
it. The real SessionView, a session done in full, a fake clock, real keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.gui.session.controls import Screen

from .session_support import Session, open_session

pytestmark = pytest.mark.qt

WELL_DONE = "Well done: session complete"
READ_THE_ADVICE = "Session complete: please read the advice below"
EASE_OFF = "Ease off: next time do less"
DOCTOR = "If your pain keeps getting worse despite rest, contact your doctor today."


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


def the_whole_session(s: Session) -> None:
    """Every exercise done in full: Knee hug both sides, Tilts' two reps, Walking."""
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 3.0 + 2.0 + 3.0 + 2.0)
    key(s, Qt.Key.Key_Return)
    key(s, Qt.Key.Key_Return)
    s.advance(2.0 + 4.0)
    assert s.view.shown is Screen.SUMMARY


def test_two_in_the_thigh_then_ten_in_the_back_is_said_and_eased_off(s: Session) -> None:
    key(s, Qt.Key.Key_2)
    key(s, Qt.Key.Key_H)  # thigh
    the_whole_session(s)
    summary = s.view.summary
    assert summary.title.text() == WELL_DONE  # nothing rated yet
    key(s, Qt.Key.Key_T)  # 10
    key(s, Qt.Key.Key_B)  # back only
    advice = summary.advice.text()
    assert summary.advice.isVisible()
    assert advice.startswith("Your pain is higher than before the session: 2 → 10.")
    assert EASE_OFF in advice and DOCTOR in advice
    # Centralising is still said, but not as "the direction you want" over a 10.
    assert "Centralising: your pain moved toward your spine." in summary.pain_change.text()
    assert "the direction you want" not in summary.pain_change.text()
    assert summary.title.text() == READ_THE_ADVICE
    # Back to a rating no higher than before: "Well done" again, no advice.
    key(s, Qt.Key.Key_2)
    assert summary.title.text() == WELL_DONE
    assert summary.advice.isHidden()
    assert "That is the direction you want." in summary.pain_change.text()


def test_no_rating_before_and_ten_in_the_foot_after_gets_the_same_advice(s: Session) -> None:
    the_whole_session(s)
    summary = s.view.summary
    key(s, Qt.Key.Key_T)  # 10
    key(s, Qt.Key.Key_F)  # foot
    advice = summary.advice.text()
    assert advice.startswith("You rated your pain 10 of 10 after the session.")
    assert EASE_OFF in advice and DOCTOR in advice
    assert summary.title.text() == READ_THE_ADVICE
    key(s, Qt.Key.Key_3)  # mild, and nothing to compare it with: nothing to say
    assert summary.advice.isHidden()
    assert summary.title.text() == WELL_DONE


def test_a_one_point_rise_is_said_without_easing_off(s: Session) -> None:
    key(s, Qt.Key.Key_3)
    the_whole_session(s)
    summary = s.view.summary
    key(s, Qt.Key.Key_4)
    advice = summary.advice.text()
    assert advice.startswith("Your pain is higher than before the session: 3 → 4.")
    assert "sharp or shooting nerve pain means you went too far" in advice
    assert EASE_OFF not in advice
    assert summary.title.text() == READ_THE_ADVICE
