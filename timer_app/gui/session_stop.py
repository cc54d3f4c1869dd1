"""Stopping early: Esc ("End session?") and S ("Stop – it hurts").

Both pause the player before asking anything: the clock must not run on while
the person reads the question, and a hold is never credited for time spent in
a dialog. Both work only while a session is live (running or paused).
Strings keep the "SessionView" translation context they had inside the view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.core.history import StopReason
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.gui.pain_dialogs import AdviceBox, advice_for
from timer_app.gui.session_record import SessionTally
from timer_app.gui.translation import translate

# (exercise name, parent) -> (reason, note), or None when the dialog was cancelled
AskWhatHappened = Callable[[str, QWidget | None], "tuple[StopReason, str] | None"]
# (title, question) -> yes?
Confirm = Callable[[str, str], bool]


def is_live(player: SessionPlayer | None) -> bool:
    return player is not None and player.state.is_live


def ask_to_end(player: SessionPlayer, confirm: Confirm) -> bool:
    """Esc: True when the session ended (it stays in history as ended early);
    False when the person chose to go on (a running session runs again)."""
    was_running = player.state is PlayerState.RUNNING
    player.pause()
    if confirm(
        translate("SessionView", "End session?"),
        translate(
            "SessionView", "End this session now? What you did so far is kept in your history."
        ),
    ):
        player.end()
        return True
    if was_running:
        player.resume()
    return False


def confirm_box(parent: QWidget, title: str, question: str) -> bool:
    """The real "End session?" question (tests answer `SessionView.confirm` instead)."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def stop_it_hurts(
    player: SessionPlayer,
    *,
    ask: AskWhatHappened,
    parent: QWidget,
    recorder: SessionRecorder | None,
    tally: SessionTally,
    advice: AdviceBox,
) -> bool:
    """S: stop this exercise, ask what happened, record it, show the advice.

    The session stays paused on the next exercise: Space goes on, Esc ends it.
    On the last exercise the session is over and the summary gives the advice.
    True when a report was recorded (the history changed); a cancelled dialog
    still stops the exercise and shows the general advice.
    """
    player.pause()
    name = player.current_step.exercise.name
    answer = ask(name, parent)
    reason = answer[0] if answer is not None else None
    if answer is not None:
        tally.stopped(name, answer[0])
        if recorder is not None:
            recorder.report_stop(answer[0], answer[1])
    text = advice_for(reason)
    if _has_next_exercise(player):
        text += "\n" + translate(
            "SessionView", "Press Space to go on with the next exercise, or Esc to end the session."
        )
    advice.show_advice(text)
    player.skip_exercise(stopped=answer is not None)  # paused on the next exercise
    return answer is not None


def _has_next_exercise(player: SessionPlayer) -> bool:
    step = player.current_step
    return any(s.exercise_index != step.exercise_index for s in player.plan.steps[step.index :])
