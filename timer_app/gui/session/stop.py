"""Stopping early: Esc ("End session?") and S ("Stop – it hurts").

Both pause the session before asking anything: the clock must not run on while
the person reads the question, and a hold is never credited for time spent in
a dialog. Both work only while a session is live (running or paused).
"Stop – it hurts" always leaves a stop in the history, with "reason not given"
when the question is dismissed; its advice then stands alone on the screen and
the session waits, paused, for the person's choice (`stop_dialogs`).
Every command goes through the presenter (the one way in); the player is read
only, for where the session stands.
Strings keep the "SessionView" translation context they had inside the view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.core.history import StopReason
from timer_app.core.player import BACK_GRACE, PlayerState, SessionPlayer
from timer_app.core.stop_place import stop_place, stop_place_in_words
from timer_app.gui.session.presenter import SessionPresenter
from timer_app.gui.session.stop_dialogs import StopChoice
from timer_app.gui.translation import translate

# (where it stopped, parent) -> (reason, note); None is taken as "reason not given".
# Where: the exercise's name, or "after Knee to chest, before Tilts" in a get-ready.
AskWhatHappened = Callable[[str, QWidget | None], "tuple[StopReason, str] | None"]
# (reason, parent) -> end the session or go on: the advice after a stop
AdviseAfterStop = Callable[[StopReason, QWidget | None], StopChoice]
# (title, question) -> yes?
Confirm = Callable[[str, str], bool]


def is_live(player: SessionPlayer | None) -> bool:
    return player is not None and player.state.is_live


def ask_to_end(session: SessionPresenter, player: SessionPlayer, confirm: Confirm) -> bool:
    """Esc: True when the session ended (it stays in history as ended early);
    False when the person chose to go on (a running session runs again)."""
    was_running = player.state is PlayerState.RUNNING
    session.pause()
    if confirm(
        translate("SessionView", "End session?"),
        translate(
            "SessionView", "End this session now? What you did so far is kept in your history."
        ),
    ):
        session.end()
        return True
    if was_running:
        session.resume()
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
    session: SessionPresenter,
    player: SessionPlayer,
    *,
    ask: AskWhatHappened,
    advise: AdviseAfterStop,
    parent: QWidget,
) -> bool:
    """S: ask what happened, record the stop, give the advice, then do what the
    person chose: end the session, or go on with the next exercise.

    The stop belongs where the session stands (`core/stop_place.py`): in an
    exercise, that exercise, which going on skips; in the get-ready before an
    exercise, the one just finished ("after Knee to chest, before Tilts"), and
    going on goes on to the coming one, not skipped. On the last exercise the
    session is over at once and the summary gives the advice. True when a stop
    was handed to the recorder (the history changed): always, with a recorder,
    since a dismissed question is "reason not given".
    """
    session.pause()
    place = stop_place(player.plan, player.current_step, player.skipped_exercises())
    words = stop_place_in_words(place, translate)
    reason, note = ask(words, parent) or (StopReason.NOT_GIVEN, "")
    recorded = session.report_stop(reason, note)
    if place.before_an_exercise:
        if advise(reason, parent) is StopChoice.GO_ON:
            session.count_stop()
            _whole_get_ready(session, player)
            session.resume()
        else:
            session.end(stopped=True)
    elif not _has_next_exercise(player):
        session.skip_exercise(stopped=True)  # the session is over: the summary advises
    elif advise(reason, parent) is StopChoice.GO_ON:
        session.skip_exercise(stopped=True)  # on the next exercise's get-ready
        session.resume()
    else:
        # Ended where it stopped: moving on first would announce the next exercise.
        session.end(stopped=True)
    return recorded


def _whole_get_ready(session: SessionPresenter, player: SessionPlayer) -> None:
    """Going on after the advice: the get-ready starts again, so there is its whole
    time to get into position (as after a stop in an exercise). `back` restarts a
    step only past its first `BACK_GRACE` s (sooner, it goes to the step before,
    the last exercise's last rep); that soon, nearly all of it is left anyway."""
    step, remaining = player.current_step, player.remaining()
    if step.duration is None or remaining is None:
        return
    if step.duration - remaining >= BACK_GRACE:
        session.back()


def _has_next_exercise(player: SessionPlayer) -> bool:
    step = player.current_step
    return any(s.exercise_index != step.exercise_index for s in player.plan.steps[step.index :])
