"""One way in: every key and button that acts on a session reaches the player
through the presenter and nothing else, and the summary's numbers are the end
event's. The real SessionView with a real routine file (three exercises: a hold
on both sides, counted reps, a walk), a fake clock and a real SQLite history;
keys pressed and buttons clicked as a person would."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from timer_app.core.events import SessionEndedEarly, SessionFinished
from timer_app.core.history import StopReason
from timer_app.core.plan import StepKind
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.session_figures import SessionFigures, figures_of
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.figures_words import summary_lines
from timer_app.gui.session.stop_dialogs import StopChoice
from timer_app.gui.session.unsaved_writes import UnsavedAnswer

from .session_support import Session, open_session

pytestmark = pytest.mark.qt

COMMANDS = ("start", "pause", "resume", "skip", "skip_exercise", "back", "complete_rep", "end")

# (command, the file that called it) for every player command, in order.
Calls = list[tuple[str, str]]


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    """Every player command, with the module that called it."""
    seen: Calls = []
    for name in COMMANDS:
        original = getattr(SessionPlayer, name)

        def spy(
            self: SessionPlayer,
            *args: object,
            _name: str = name,
            _original: Callable[..., bool] = original,
            **kwargs: object,
        ) -> bool:
            seen.append((_name, Path(sys._getframe(1).f_code.co_filename).name))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(SessionPlayer, name, spy)
    yield seen


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


def click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QtBot.mouseClick(button, Qt.MouseButton.LeftButton)


def state(s: Session) -> PlayerState:
    assert s.view.player is not None
    return s.view.player.state


def test_every_key_reaches_the_player_only_through_the_presenter(s: Session, calls: Calls) -> None:
    s.view.ask_what_happened = lambda name, parent: (StopReason.SHARP_PAIN, "")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    answers = iter([False, True])  # Esc: go on the first time, end the second
    s.view.confirm = lambda title, question: next(answers)
    key(s, Qt.Key.Key_Space)  # start
    assert state(s) is PlayerState.RUNNING
    key(s, Qt.Key.Key_Space)  # pause
    key(s, Qt.Key.Key_PageUp)  # resume
    key(s, Qt.Key.Key_Right)  # skip the get-ready: into the left hold
    s.advance(1.5)
    key(s, Qt.Key.Key_Left)  # back: the hold again from its start
    key(s, Qt.Key.Key_S)  # "Stop – it hurts" on Knee hug, then go on
    assert s.view.player is not None
    assert s.view.player.current_step.exercise.name == "Tilts"
    s.advance(2.0)
    assert s.view.player.current_step.kind is StepKind.COUNTED_REP
    key(s, Qt.Key.Key_Return)  # a rep done
    key(s, Qt.Key.Key_Escape)  # "End session?" No: it runs on
    assert state(s) is PlayerState.RUNNING
    key(s, Qt.Key.Key_Escape)  # Yes
    assert s.view.shown is Screen.SUMMARY
    assert {command for command, _caller in calls} == set(COMMANDS)
    assert {caller for _command, caller in calls} == {"presenter.py"}


def test_every_button_reaches_the_player_only_through_the_presenter(
    s: Session, calls: Calls
) -> None:
    s.view.ask_what_happened = lambda name, parent: (StopReason.SHARP_PAIN, "")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    s.view.confirm = lambda title, question: True
    running = s.view.running
    click(s.view.ready.start_button)
    assert state(s) is PlayerState.RUNNING
    click(running.pause_button)  # pause
    assert state(s) is PlayerState.PAUSED
    click(running.pause_button)  # resume
    click(running.skip_button)  # into the left hold
    s.advance(1.5)
    click(running.back_button)
    click(running.hurts_button)  # on Knee hug, then go on with Tilts
    s.advance(2.0)
    click(running.done_button)
    click(running.end_button)
    assert s.view.shown is Screen.SUMMARY
    assert {command for command, _caller in calls} == set(COMMANDS)
    assert {caller for _command, caller in calls} == {"presenter.py"}


def test_the_summary_shows_the_end_events_figures_and_the_history_the_same(
    s: Session,
) -> None:
    ended: list[SessionFinished | SessionEndedEarly] = []
    s.view.presenter.sig_ended_early.connect(ended.append)
    s.view.presenter.sig_finished.connect(ended.append)
    s.view.confirm = lambda title, question: True
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 1.5)  # half of the left hold
    key(s, Qt.Key.Key_Right)  # left part-way: Knee hug is partly done
    s.advance(2.0 + 3.0)  # the right hold in full
    s.advance(2.0)  # Tilts: get ready
    key(s, Qt.Key.Key_Return)  # one rep of two
    key(s, Qt.Key.Key_Escape)  # ended early: Walking never reached
    [event] = ended
    assert isinstance(event, SessionEndedEarly)
    assert event.figures == SessionFigures(
        exercises_done=0,
        exercises_partial=2,
        exercises_skipped=1,
        reps_done=2,
        reps_planned=4,  # holds 2 (left, right), Tilts 2; a walk is not a rep
        stops=0,
        active_seconds=pytest.approx(2.0 + 1.5 + 2.0 + 3.0 + 2.0),  # type: ignore[arg-type]
    )
    summary = s.view.summary
    assert summary.figures.text() == "\n".join(summary_lines(event.figures, 3))
    assert "Partly done: 2" in summary.figures.text()
    # The history took the same figures from the same events.
    [stored] = s.store.list_sessions()
    kept = figures_of(stored)
    assert replace(kept, active_seconds=0) == replace(event.figures, active_seconds=0)
    assert kept.active_whole_seconds == event.figures.active_whole_seconds == 11


def test_quitting_with_writes_waiting_reaches_the_player_through_the_presenter(
    qtbot: QtBot, calls: Calls
) -> None:
    from .test_quit_unsaved import Answers, running_session_not_saved

    window, _flaky, _confirms = running_session_not_saved(qtbot)
    window.ask_unsaved = Answers(UnsavedAnswer.KEEP_OPEN)
    assert not window.close()  # paused while asked, then running again
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)
    assert window.close()  # ended
    assert {"pause", "resume", "end"} <= {command for command, _caller in calls}
    assert {caller for _command, caller in calls} == {"presenter.py"}


def test_a_stop_then_ending_there_is_in_the_end_events_figures_as_in_the_history(
    s: Session,
) -> None:
    ended: list[SessionEndedEarly] = []
    s.view.presenter.sig_ended_early.connect(ended.append)
    s.view.ask_what_happened = lambda name, parent: (StopReason.PAIN_SPREAD, "")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.END
    key(s, Qt.Key.Key_Space)
    s.advance(2.0 + 1.5)  # half of the left hold
    key(s, Qt.Key.Key_S)  # on Knee hug, with Tilts and Walking to come: ends here
    [event] = ended
    assert event.figures.stops == 1  # it said 0: only a stop that moved on was counted
    assert s.view.summary.title.text() == "You stopped: Knee hug"
    [stored] = s.store.list_sessions()
    assert figures_of(stored).stops == event.figures.stops
