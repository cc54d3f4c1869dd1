"""The session screen driven by keyboard, with a fake clock and a real SQLite history."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core.history import SessionStatus, StopReason
from timer_app.core.player import PlayerState
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.stop_dialogs import StopChoice

from .session_support import Session, open_session

pytestmark = pytest.mark.qt


def key(s: Session, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QtBot.keyClick(s.view, k, modifier)


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def only_session(s: Session):
    sessions = s.store.list_sessions()
    assert len(sessions) == 1
    return s.store.session_detail(sessions[0].id)


def test_ready_screen_shows_safety_first_run_notice_and_optional_pain(s: Session) -> None:
    ready = s.view.ready
    assert s.view.shown is Screen.READY
    assert ready.title.text() == "Test session"
    assert "Stop if pain spreads down your leg." in ready.safety.text()
    assert ready.first_run.isVisible()
    assert "Finding it hard to start peeing" in ready.first_run.text()
    assert ready.pain.isVisible() and ready.pain.value() is None
    assert s.view.player.state is PlayerState.READY


def test_first_run_notice_not_shown_once_seen(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path, first_run_safety_seen=True, ask_pain_before=False)
    assert not s.view.ready.first_run.isVisible()
    assert not s.view.ready.pain.isVisible()


def test_space_starts_without_a_pain_rating(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    assert s.view.shown is Screen.RUNNING
    assert s.view.player.state is PlayerState.RUNNING
    assert only_session(s).summary.pain_before is None
    assert s.settings.first_run_safety_seen  # it was on the screen


def test_pain_before_is_saved_when_given(s: Session) -> None:
    s.view.ready.pain.buttons[4].click()
    key(s, Qt.Key.Key_Space)
    assert only_session(s).summary.pain_before == 4


def test_digits_change_exactly_on_the_second(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    assert (s.digits, s.phase) == ("2", "Get ready")
    s.advance(0.999)
    assert s.digits == "2"
    s.advance(0.001)
    assert s.digits == "1"
    s.advance(1.0)
    assert (s.digits, s.phase) == ("3", "Hold")
    assert s.view.running.breathing.isVisible()
    assert s.view.running.breathing.text() == "Keep breathing"
    assert s.view.running.reps.text() == "Rep 1 of 1 · Left side"
    assert s.view.running.next.text() == "Next: switch to your right side"
    assert s.view.running.progress.text().endswith("· 1 min left plus 2 counted reps")


def test_digits_are_a_third_of_the_window_high(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    s.advance(2.0)  # in the hold
    for size in ((1024, 600), (1920, 1080)):
        s.view.resize(*size)
        s.view.layout().activate()
        s.view.running.layout().activate()
        ring = s.view.running.ring
        assert ring.digits_pixel_height() >= size[1] / 3, size


def test_whole_session_by_keyboard_then_summary_saved(s: Session, qtbot: QtBot) -> None:
    key(s, Qt.Key.Key_Space)
    s.advance(2.0)  # hold left
    s.advance(3.0)  # switch sides
    assert s.phase == "Switch sides"
    # The rep the pause leads to is said as coming, never as the one being done.
    assert s.view.running.reps.text() == "Up next: Right side"
    assert "switch" in s.sounds.played
    s.advance(2.0)  # hold right
    assert s.view.running.reps.text() == "Rep 1 of 1 · Right side"
    s.advance(3.0)  # Tilts: get ready
    assert s.view.running.exercise.text() == "Tilts"
    s.advance(2.0)  # counted rep 1: waits for Enter
    assert s.phase == "Your turn: do rep 1, press Enter"
    assert s.digits == "1"
    s.advance(30.0)
    assert s.phase == "Your turn: do rep 1, press Enter"  # no timeout on counted reps
    key(s, Qt.Key.Key_Return)
    assert s.phase == "Your turn: do rep 2, press Enter"
    key(s, Qt.Key.Key_PageDown)  # a presenter clicker
    assert s.view.running.exercise.text() == "Walking"
    s.advance(2.0)
    assert s.phase == "Walk"
    with qtbot.waitSignal(s.view.sig_session_saved):
        s.advance(4.0)
    summary = s.view.summary
    assert s.view.shown is Screen.SUMMARY
    assert summary.title.text() == "Well done: session complete"
    assert "Exercises done: 3 of 3" in summary.figures.text()
    assert "Skipped: 0" in summary.figures.text()
    summary.pain.buttons[2].click()
    summary.notes.setPlainText("Felt looser.")
    with qtbot.waitSignal(s.view.sig_session_saved):
        summary.save_button.click()
    assert summary.saved_note.text() == "Saved."
    detail = only_session(s)
    assert detail.summary.status is SessionStatus.COMPLETED
    assert (detail.summary.pain_after, detail.summary.notes) == (2, "Felt looser.")
    with qtbot.waitSignal(s.view.sig_closed):
        key(s, Qt.Key.Key_Escape)


def test_pause_freezes_the_digits_and_resume_goes_on(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    s.advance(2.5)  # 2.5 s into... the hold (3 s) started at 2 s: 2.5 left
    assert s.digits == "3"
    key(s, Qt.Key.Key_Space)
    assert s.view.player.state is PlayerState.PAUSED
    assert s.view.running.ring.caption == "Paused"
    assert s.view.running.pause_button.text() == "Resume (Space)"
    s.clock.advance(60.0)
    s.view.refresh()
    assert s.digits == "3"
    key(s, Qt.Key.Key_Space)
    assert s.view.player.state is PlayerState.RUNNING
    assert s.view.running.ring.caption == "Hold"
    s.advance(0.5)
    assert s.digits == "2"


def test_skip_and_back_move_through_the_steps(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Right)
    assert s.phase == "Hold"
    s.advance(1.2)
    assert s.digits == "2"
    key(s, Qt.Key.Key_Left)  # restart the hold
    assert (s.phase, s.digits) == ("Hold", "3")
    key(s, Qt.Key.Key_Left)  # at its very start: the step before
    assert s.phase == "Get ready"


def test_mute_silences_cues_and_is_remembered(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    assert s.speech.said  # "Knee hug. Get ready. ..."
    key(s, Qt.Key.Key_M)
    assert s.settings.muted
    assert s.view.running.mute_button.isChecked()
    played, said = len(s.sounds.played), len(s.speech.said)
    s.advance(2.0)
    s.advance(1.0)
    assert (len(s.sounds.played), len(s.speech.said)) == (played, said)
    key(s, Qt.Key.Key_M)
    s.advance(1.0)  # 1 s left of the hold: a tick
    assert s.sounds.played[-1] == "tick"


def test_escape_asks_and_no_keeps_the_session_going(s: Session) -> None:
    asked: list[str] = []
    s.view.confirm = lambda title, text: asked.append(title) or False
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Escape)
    assert asked == ["End session?"]
    assert s.view.player.state is PlayerState.RUNNING


def test_escape_and_yes_ends_early_and_keeps_the_record(s: Session) -> None:
    s.view.confirm = lambda title, text: True
    key(s, Qt.Key.Key_Space)
    s.advance(2.0)
    key(s, Qt.Key.Key_Escape)
    assert s.view.shown is Screen.SUMMARY
    assert s.view.summary.title.text() == "Session ended early"
    assert only_session(s).summary.status is SessionStatus.ENDED_EARLY


def test_stop_it_hurts_records_skips_and_advises(s: Session, qtbot: QtBot) -> None:
    asked: list[str] = []

    def ask(name, parent):
        asked.append(name)
        return StopReason.PAIN_SPREAD, "left calf"

    advised: list[tuple[StopReason, PlayerState, str]] = []

    def advise(reason, parent):  # the advice waits, paused on the stopped exercise
        player = s.view.player
        advised.append((reason, player.state, player.current_step.exercise.name))
        return StopChoice.GO_ON  # (test_stop_it_hurts.py drives the real dialogs)

    s.view.ask_what_happened = ask
    s.view.advise_after_stop = advise
    key(s, Qt.Key.Key_Space)
    s.advance(2.5)
    with qtbot.waitSignal(s.view.sig_session_saved):
        key(s, Qt.Key.Key_S)
    assert asked == ["Knee hug"]
    assert advised == [(StopReason.PAIN_SPREAD, PlayerState.PAUSED, "Knee hug")]
    assert s.view.player.state is PlayerState.RUNNING  # the person chose to go on
    assert s.view.running.exercise.text() == "Tilts"  # the exercise was ended
    stops = only_session(s).stops
    assert [(x.reason, x.exercise_name, x.note) for x in stops] == [
        (StopReason.PAIN_SPREAD, "Knee hug", "left calf")
    ]
    s.view.confirm = lambda title, text: True
    key(s, Qt.Key.Key_Escape)
    summary = s.view.summary
    # Stopped 0.5 s into the first hold, ended at the start of the next: nothing
    # done of any of the three (before, the two never reached were not counted).
    assert "Exercises done: 0 of 3\nSkipped: 3\nReps: 0 of 4" in summary.figures.text()
    assert summary.advice.isVisible()  # pain spread down the leg


def test_stop_it_hurts_dismissed_still_keeps_the_stop_and_ends_the_exercise(s: Session) -> None:
    s.view.ask_what_happened = lambda name, parent: None
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Right)  # into Knee hug's first hold: the stop is on Knee hug
    key(s, Qt.Key.Key_S)
    assert s.view.running.exercise.text() == "Tilts"
    stops = only_session(s).stops
    assert [(x.reason, x.exercise_name) for x in stops] == [(StopReason.NOT_GIVEN, "Knee hug")]


def test_pain_rising_by_two_shows_the_advice(s: Session) -> None:
    s.view.ready.pain.buttons[3].click()
    s.view.confirm = lambda title, text: True
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Escape)
    summary = s.view.summary
    summary.pain.buttons[3].click()
    assert not summary.advice.isVisible()
    summary.pain.buttons[4].click()  # one point up: said plainly, no "ease off"
    assert summary.advice.isVisible()
    assert "Your pain is higher than before the session: 3 → 4." in summary.advice.text()
    assert "contact your therapist" not in summary.advice.text()
    summary.pain.buttons[5].click()
    assert "contact your therapist" in summary.advice.text()
    assert summary.pain_change.text() == "Pain: 3 → 5 (+2)"


def test_leaving_the_summary_saves_what_was_typed(s: Session, qtbot: QtBot) -> None:
    s.view.confirm = lambda title, text: True
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Escape)
    s.view.summary.notes.setPlainText("tired today")
    with qtbot.waitSignal(s.view.sig_closed):
        s.view.summary.close_button.click()
    assert only_session(s).summary.notes == "tired today"


def test_f1_shows_the_keys(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_F1)
    assert s.view.help_box is not None and s.view.help_box.isVisible()
    assert "Stop – it hurts" in s.view.help_box.text()
    s.view.help_box.close()
    assert s.view.player.state is PlayerState.RUNNING


def test_ctrl_q_asks_before_closing_a_live_session(s: Session) -> None:
    answers = [False, True]
    s.view.confirm = lambda title, text: answers.pop(0)
    key(s, Qt.Key.Key_Space)
    key(s, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert s.view.isVisible() and s.view.player.state is PlayerState.RUNNING
    key(s, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not s.view.isVisible()
    assert only_session(s).summary.status is SessionStatus.ENDED_EARLY


def test_screen_kept_awake_only_while_running(s: Session) -> None:
    inhibitor = s.view.inhibitor
    assert not inhibitor.active
    key(s, Qt.Key.Key_Space)
    assert inhibitor.active
    key(s, Qt.Key.Key_Space)
    assert not inhibitor.active
    key(s, Qt.Key.Key_Space)
    assert inhibitor.active
    s.view.confirm = lambda title, text: True
    key(s, Qt.Key.Key_Escape)
    assert not inhibitor.active


def test_every_control_has_an_accessible_name_and_description(s: Session) -> None:
    r = s.view.running
    for button in (
        r.pause_button,
        r.back_button,
        r.skip_button,
        r.done_button,
        r.hurts_button,
        r.mute_button,
        r.end_button,
        r.help_button,
        s.view.ready.start_button,
        s.view.summary.save_button,
    ):
        assert button.accessibleName() and button.accessibleDescription(), button.text()


def test_buttons_drive_the_session_too(s: Session) -> None:
    s.view.ready.start_button.click()
    assert s.view.player.state is PlayerState.RUNNING
    s.view.running.skip_button.click()
    assert s.phase == "Hold"
    s.view.running.pause_button.click()
    assert s.view.player.state is PlayerState.PAUSED
