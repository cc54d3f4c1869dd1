""" "Where do you feel it most?" before and after: centralising is encouraged,
pain moving down the leg gets the stop-and-talk advice, and the routine's own
`pain_advice_rise` decides when a rise asks to ease off (any rise is said)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core.pain_location import PainLocation
from timer_app.core.player import PlayerState
from timer_app.gui.session.controls import Screen, help_text

from .session_support import SESSION_YAML, Session, open_session, session_routine

pytestmark = pytest.mark.qt

EASE_OFF = "Ease off"
HIGHER = "Your pain is higher than before the session: "
STOP_AND_TALK = "Stop the exercises and talk to your therapist"


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


def through_the_session(s: Session) -> None:
    """Start, hold the knee hug on both sides, then skip the rest: a real session
    with skips, to its summary."""
    key(s, Qt.Key.Key_Space)
    assert s.view.player is not None
    assert s.view.player.state is PlayerState.RUNNING
    s.advance(10.5)  # get ready 2, hold 3, switch sides 2, hold 3
    for _ in range(10):
        if s.view.shown is Screen.SUMMARY:
            break
        key(s, Qt.Key.Key_Right)
    assert s.view.shown is Screen.SUMMARY


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def test_leg_pain_gone_to_the_back_is_encouraged_and_a_rise_still_said(s: Session) -> None:
    key(s, Qt.Key.Key_3)
    key(s, Qt.Key.Key_H)  # thigh
    assert s.view.ready.where.value() is PainLocation.THIGH
    through_the_session(s)
    summary = s.view.summary
    key(s, Qt.Key.Key_3)
    key(s, Qt.Key.Key_B)  # back only
    assert summary.where.value() is PainLocation.BACK
    text = summary.pain_change.text()
    assert "Pain: 3 → 3 (same as before)" in text
    assert "thigh → back." in text
    assert "Centralising: your pain moved toward your spine. That is the direction" in text
    assert summary.advice.text() == ""
    # A moderate rise past the threshold is back pain now: no "ease off", but the
    # rise is said plainly, and centralising is no longer "the direction you want".
    key(s, Qt.Key.Key_5)
    assert "Pain: 3 → 5 (+2)" in summary.pain_change.text()
    assert "Centralising: your pain moved toward your spine" in summary.pain_change.text()
    assert "the direction you want" not in summary.pain_change.text()
    assert summary.advice.text().startswith(HIGHER + "3 → 5.")
    assert EASE_OFF not in summary.advice.text()
    summary.save_button.click()
    [session] = s.store.list_sessions()
    assert (session.pain_before, session.pain_after) == (3, 5)
    assert (session.pain_where_before, session.pain_where_after) == (
        PainLocation.THIGH,
        PainLocation.BACK,
    )


def test_the_same_rise_without_the_places_still_eases_off(s: Session) -> None:
    key(s, Qt.Key.Key_5)
    through_the_session(s)
    key(s, Qt.Key.Key_8)
    assert EASE_OFF in s.view.summary.advice.text()
    assert "Centralising" not in s.view.summary.pain_change.text()


def test_pain_moving_down_the_leg_gives_stop_and_talk(s: Session) -> None:
    key(s, Qt.Key.Key_6)
    key(s, Qt.Key.Key_U)  # buttock
    through_the_session(s)
    summary = s.view.summary
    key(s, Qt.Key.Key_4)  # less pain, but further down the leg
    assert summary.advice.text() == ""
    key(s, Qt.Key.Key_K)  # below the knee
    assert "buttock → below the knee" in summary.pain_change.text()
    assert "Your pain moved down your leg" in summary.pain_change.text()
    assert STOP_AND_TALK in summary.advice.text()
    assert EASE_OFF not in summary.advice.text()
    # Clicking the chosen place again takes the answer back, and the advice with it.
    summary.where.buttons[PainLocation.BELOW_KNEE].click()
    assert summary.where.value() is None
    assert summary.advice.text() == ""


def test_a_routine_asking_for_a_rise_of_three_says_nothing_at_two(
    s: Session, tmp_path: Path
) -> None:
    strict = SESSION_YAML.replace("lead_in: 2 s\n", "lead_in: 2 s\npain_advice_rise: 3\n")
    s.view.load(session_routine(tmp_path, strict))
    key(s, Qt.Key.Key_4)
    through_the_session(s)
    key(s, Qt.Key.Key_6)
    assert "Pain: 4 → 6 (+2)" in s.view.summary.pain_change.text()
    assert HIGHER + "4 → 6." in s.view.summary.advice.text()  # said, no "ease off"
    assert EASE_OFF not in s.view.summary.advice.text()
    key(s, Qt.Key.Key_7)
    assert EASE_OFF in s.view.summary.advice.text()


def test_place_keys_work_only_where_the_question_shows(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path, ask_pain_before=False)
    assert s.view.ready.where.isHidden()
    key(s, Qt.Key.Key_F)
    assert s.view.ready.where.value() is None
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_F)  # while running: nothing to answer
    assert s.view.summary.where.value() is None
    assert s.view.player is not None and s.view.player.state is PlayerState.RUNNING


def test_a_click_answers_and_start_is_never_blocked(s: Session) -> None:
    foot = s.view.ready.where.buttons[PainLocation.FOOT]
    hint = foot.sizeHint()
    foot.click()
    assert s.view.ready.where.value() is PainLocation.FOOT
    # Chosen as unmistakably as a pain number, and nothing moves when it is.
    assert foot.text() == "✓ foot (F)" and foot.font().underline()
    assert foot.sizeHint() == hint
    key(s, Qt.Key.Key_Space)
    assert s.view.player is not None and s.view.player.state is PlayerState.RUNNING


def test_the_place_keys_are_on_the_buttons_and_in_the_f1_list(s: Session) -> None:
    assert s.view.ready.where.buttons[PainLocation.BELOW_KNEE].text() == "below the knee (K)"
    assert "B U H K F\tWhere you feel it most" in help_text()


@pytest.mark.parametrize(("points", "rows"), [(9, 1), (18, 2)])
def test_the_places_fit_a_1024_px_window_even_in_a_large_font(
    qtbot: QtBot, tmp_path: Path, system_font: Callable[[float], None], points: int, rows: int
) -> None:
    system_font(points)
    s = open_session(qtbot, tmp_path, first_run_safety_seen=True)
    where = s.view.ready.where
    assert s.view.minimumSizeHint().width() <= 1024
    qtbot.waitUntil(lambda: where.row.rows == rows)
    for button in where.buttons.values():  # every place whole, none cut off
        assert button.width() >= button.sizeHint().width()
        assert button.visibleRegion().boundingRect().width() >= button.sizeHint().width()
