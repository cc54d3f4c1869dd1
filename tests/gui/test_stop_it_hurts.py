""" "Stop – it hurts" with the real dialogs, driven by keys as a person on a mat would:
nothing chosen for them, Enter never records a reason they did not give, Esc
still keeps the stop, and the advice waits for their choice. A real routine file,
a fake clock and a real SQLite history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from timer_app.core.history import SessionStatus, StopReason
from timer_app.core.player import PlayerState
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.stop_dialogs import StopAdviceDialog, StopItHurtsDialog

from .session_support import Session, open_session, session_routine

pytestmark = pytest.mark.qt

Action = Callable[[QDialog], None]


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def key(widget, k: Qt.Key) -> None:
    QtBot.keyClick(widget, k)


def answer_dialogs(*actions: Action) -> list[QDialog]:
    """Each action gets the next modal dialog that opens (as a person answers it).
    Returns the dialogs seen, for checks after they closed."""
    pending = list(actions)
    seen: list[QDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        # Keys go to it once it is the active window, as for a person.
        if (
            isinstance(dialog, QDialog)
            and dialog not in seen
            and QApplication.activeWindow() is dialog
        ):
            seen.append(dialog)
            pending.pop(0)(dialog)
        if pending:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    return seen


def stops(s: Session) -> list[tuple[StopReason, str]]:
    [summary] = s.store.list_sessions()
    detail = s.store.session_detail(summary.id)
    return [(x.reason, x.exercise_name) for x in detail.stops]


def start_and_press_s(s: Session, *actions: Action) -> list[QDialog]:
    key(s.view, Qt.Key.Key_Space)
    s.advance(2.5)  # into Knee hug's first hold
    seen = answer_dialogs(*actions)
    key(s.view, Qt.Key.Key_S)
    return seen


def test_s_then_esc_keeps_the_stop_as_reason_not_given_and_the_summary_advises(
    s: Session,
) -> None:
    seen = start_and_press_s(
        s,
        lambda question: key(question, Qt.Key.Key_Escape),
        lambda advice: key(advice, Qt.Key.Key_Escape),  # Esc on the advice: end
    )
    assert isinstance(seen[0], StopItHurtsDialog)
    assert isinstance(seen[1], StopAdviceDialog)
    assert stops(s) == [(StopReason.NOT_GIVEN, "Knee hug")]
    assert s.view.shown is Screen.SUMMARY
    summary = s.view.summary
    assert summary.title.text() == "You stopped: Knee hug"
    assert summary.advice.isVisible()
    assert "Your stop is kept in your history" in summary.advice.text()
    [row] = s.store.list_sessions()
    assert row.status is SessionStatus.ENDED_EARLY
    assert row.stops == (StopReason.NOT_GIVEN,)


def test_nothing_is_chosen_and_enter_does_not_record(s: Session) -> None:
    looked: dict[str, object] = {}

    def press_enter_then_choose(question: QDialog) -> None:
        assert isinstance(question, StopItHurtsDialog)
        looked["chosen"] = question.chosen()
        looked["record enabled"] = question.record_button.isEnabled()
        key(question, Qt.Key.Key_Return)  # the done-rep key, pressed by habit
        looked["open after Enter"] = question.isVisible()
        key(question, Qt.Key.Key_2)  # pain spread further down my leg
        looked["record enabled after 2"] = question.record_button.isEnabled()
        key(question, Qt.Key.Key_Return)

    start_and_press_s(s, press_enter_then_choose, lambda advice: key(advice, Qt.Key.Key_Return))
    assert looked == {
        "chosen": None,
        "record enabled": False,
        "open after Enter": True,
        "record enabled after 2": True,
    }
    assert stops(s) == [(StopReason.PAIN_SPREAD, "Knee hug")]


def test_numbness_offers_only_ending_with_the_emergency_signs_first(s: Session) -> None:
    looked: dict[str, object] = {}

    def choose_numbness(question: QDialog) -> None:
        key(question, Qt.Key.Key_3)
        key(question, Qt.Key.Key_Return)

    def look_then_space(advice: QDialog) -> None:
        assert isinstance(advice, StopAdviceDialog)
        looked["go on offered"] = advice.go_on_button is not None
        looked["emergency"] = advice.emergency.text()
        looked["emergency bold"] = advice.emergency.font().bold()
        words = advice.words
        looked["emergency above advice"] = words.indexOf(
            advice.emergency.parentWidget()
        ) < words.indexOf(advice.advice)
        key(advice, Qt.Key.Key_Space)  # the go-on key of other advice: not here
        looked["open after Space"] = advice.isVisible()
        key(advice, Qt.Key.Key_Return)

    start_and_press_s(s, choose_numbness, look_then_space)
    assert looked["go on offered"] is False
    assert looked["open after Space"] is True
    assert looked["emergency bold"] is True
    assert looked["emergency above advice"] is True
    emergency = str(looked["emergency"])
    assert "Finding it hard to start peeing" in emergency
    assert "Numbness around or under your genitals or bottom" in emergency
    assert stops(s) == [(StopReason.NUMBNESS_OR_WEAKNESS, "Knee hug")]
    assert s.view.shown is Screen.SUMMARY
    assert s.view.player.state is PlayerState.ENDED_EARLY


def test_pain_spreading_ends_by_default(s: Session) -> None:
    def choose_spread(question: QDialog) -> None:
        key(question, Qt.Key.Key_2)
        key(question, Qt.Key.Key_Return)

    def space_then_enter(advice: QDialog) -> None:
        key(advice, Qt.Key.Key_Space)  # not "go on" after spreading pain
        assert advice.isVisible()
        key(advice, Qt.Key.Key_Return)  # the default: end today's session

    start_and_press_s(s, choose_spread, space_then_enter)
    assert s.view.shown is Screen.SUMMARY
    assert s.view.summary.title.text() == "You stopped: Knee hug"


def test_pain_spreading_goes_on_gently_only_when_chosen(s: Session) -> None:
    def choose_spread(question: QDialog) -> None:
        key(question, Qt.Key.Key_2)
        key(question, Qt.Key.Key_Return)

    start_and_press_s(s, choose_spread, lambda advice: key(advice, Qt.Key.Key_G))
    assert s.view.shown is Screen.RUNNING
    assert s.view.player.state is PlayerState.RUNNING
    assert s.view.running.exercise.text() == "Tilts"


def test_the_advice_waits_with_no_countdown_behind_it(s: Session) -> None:
    looked: dict[str, object] = {}

    def sharp(question: QDialog) -> None:
        key(question, Qt.Key.Key_1)
        key(question, Qt.Key.Key_Return)

    def wait_then_go_on(advice: QDialog) -> None:
        step = s.view.player.current_step
        s.advance(30.0)  # the person reads slowly
        looked["state"] = s.view.player.state
        looked["same step"] = s.view.player.current_step == step
        looked["exercise"] = s.view.player.current_step.exercise.name
        key(advice, Qt.Key.Key_Space)  # go on

    start_and_press_s(s, sharp, wait_then_go_on)
    assert looked == {"state": PlayerState.PAUSED, "same step": True, "exercise": "Knee hug"}
    # Going on starts the next exercise's get-ready (2 s here), from its beginning.
    assert s.view.player.state is PlayerState.RUNNING
    assert s.view.running.exercise.text() == "Tilts"
    assert s.digits == "2"
    assert stops(s) == [(StopReason.SHARP_PAIN, "Knee hug")]


def test_the_question_uses_the_session_s_large_type(s: Session) -> None:
    looked: dict[str, int] = {}

    def measure(question: QDialog) -> None:
        assert isinstance(question, StopItHurtsDialog)
        radio = question.radios[StopReason.SHARP_PAIN]
        looked["choice px"] = QFontInfo(radio.font()).pixelSize()
        looked["record px"] = QFontInfo(question.record_button.font()).pixelSize()
        looked["height"] = question.height()
        key(question, Qt.Key.Key_Escape)

    start_and_press_s(s, measure, lambda advice: key(advice, Qt.Key.Key_Escape))
    window = s.view.window().height()  # 600
    assert looked["choice px"] >= window // 19  # as the running screen's rep line
    assert looked["record px"] >= window // 19
    assert looked["height"] >= window - 1  # it covers the session, not a corner


ONE_EXERCISE = """\
id: one-exercise
title: One exercise
lead_in: 2 s
exercises:
  - name: Knee hug
    hold: 3 s
    reps: 2
"""


def test_numbness_on_the_last_exercise_puts_the_emergency_signs_first_on_the_summary(
    s: Session, tmp_path: Path
) -> None:
    s.view.load(session_routine(tmp_path, ONE_EXERCISE))

    def choose_numbness(question: QDialog) -> None:
        key(question, Qt.Key.Key_3)
        key(question, Qt.Key.Key_Return)

    start_and_press_s(s, choose_numbness)  # no next exercise: straight to the summary
    assert s.view.shown is Screen.SUMMARY
    advice = s.view.summary.advice
    assert advice.isVisible()
    assert advice.layout().indexOf(advice.flags) < advice.layout().indexOf(advice.advice)
    assert advice.flags.font().bold()
    assert "Finding it hard to start peeing" in advice.flags.text()
    assert stops(s) == [(StopReason.NUMBNESS_OR_WEAKNESS, "Knee hug")]
