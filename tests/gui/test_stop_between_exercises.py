"""QA: "Stop – it hurts" pressed in the next exercise's get-ready was recorded
against that exercise ("You stopped: Tilts", never started) and "Go on" then
skipped it. A stop in a get-ready belongs to the exercise just finished, worded
"after Knee hug, before Tilts"; going on goes on to Tilts. Before the first
exercise it names none. The real SessionView and dialogs, a routine of three
exercises, a fake clock and a real SQLite history."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from timer_app.core.events import SessionEndedEarly, SessionFinished
from timer_app.core.history import Outcome, SessionStatus, StopReason, StopReport
from timer_app.core.plan import StepKind
from timer_app.core.session_figures import figures_of
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.stop_dialogs import StopChoice, StopItHurtsDialog

from .session_support import Session, open_session
from .test_stop_it_hurts import answer_dialogs

pytestmark = pytest.mark.qt

BETWEEN = "after Knee hug, before Tilts"


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def key(widget, k: Qt.Key) -> None:
    QtBot.keyClick(widget, k)


def stops(s: Session) -> list[StopReport]:
    [summary] = s.store.list_sessions()
    detail = s.store.session_detail(summary.id)
    assert detail is not None
    return list(detail.stops)


class Asked:
    """Answers "What happened?" with `answer`, keeping the words it was asked with."""

    def __init__(self, answer: tuple[StopReason, str]) -> None:
        self.answer = answer
        self.names: list[str] = []

    def __call__(self, name: str, parent: object) -> tuple[StopReason, str]:
        self.names.append(name)
        return self.answer


def outcomes(s: Session) -> dict[int, Outcome | None]:
    [summary] = s.store.list_sessions()
    detail = s.store.session_detail(summary.id)
    assert detail is not None
    return {e.exercise_index: e.outcome for e in detail.exercises}


def step_now(s: Session) -> tuple[str, StepKind]:
    assert s.view.player is not None
    step = s.view.player.current_step
    return step.exercise.name, step.kind


def knee_hug_done(s: Session) -> None:
    """Knee hug in full (get ready 2, hold 3, switch 2, hold 3), then half a
    second into Tilts' 2 s get-ready."""
    key(s.view, Qt.Key.Key_Space)
    s.advance(10.5)
    assert step_now(s) == ("Tilts", StepKind.GET_READY)


def end_events(s: Session) -> list[SessionFinished | SessionEndedEarly]:
    ended: list[SessionFinished | SessionEndedEarly] = []
    s.view.presenter.sig_finished.connect(ended.append)
    s.view.presenter.sig_ended_early.connect(ended.append)
    return ended


def test_the_question_says_after_the_one_done_before_the_one_to_come(s: Session) -> None:
    titles: list[str] = []

    def read_and_choose(question: QDialog) -> None:
        assert isinstance(question, StopItHurtsDialog)
        titles.append(question.title.text())
        key(question, Qt.Key.Key_1)  # sharp or shooting pain
        key(question, Qt.Key.Key_Return)

    knee_hug_done(s)
    answer_dialogs(read_and_choose, lambda advice: key(advice, Qt.Key.Key_Escape))
    key(s.view, Qt.Key.Key_S)
    assert titles == [f"You stopped: {BETWEEN}. What happened?"]
    assert s.view.shown is Screen.SUMMARY  # Esc on the advice: ended here
    assert s.view.summary.title.text() == f"You stopped: {BETWEEN}"
    [stop] = stops(s)
    assert (stop.reason, stop.exercise_index, stop.exercise_name) == (
        StopReason.SHARP_PAIN,
        0,  # Knee hug: the exercise worked on, not Tilts
        BETWEEN,
    )
    # Tilts was never started: "not reached" (None), not skipped for the stop.
    assert outcomes(s) == {0: Outcome.DONE, 1: None, 2: None}
    assert only_status(s) is SessionStatus.ENDED_EARLY


def only_status(s: Session) -> SessionStatus:
    [summary] = s.store.list_sessions()
    return summary.status


def test_go_on_after_a_stop_in_a_get_ready_does_tilts_and_counts_the_stop(
    s: Session,
) -> None:
    ask = Asked((StopReason.OTHER, "stiff"))
    ended = end_events(s)
    s.view.ask_what_happened = ask
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    knee_hug_done(s)
    s.advance(1.0)  # 1.5 s of Tilts' 2 s get-ready gone
    key(s.view, Qt.Key.Key_S)
    assert ask.names == [BETWEEN]
    # Still before Tilts, with its whole get-ready again to get into position.
    assert step_now(s) == ("Tilts", StepKind.GET_READY)
    assert s.view.player is not None and s.view.player.remaining() == pytest.approx(2.0)
    s.advance(2.0)
    assert step_now(s) == ("Tilts", StepKind.COUNTED_REP)
    key(s.view, Qt.Key.Key_Return)
    key(s.view, Qt.Key.Key_Return)
    s.advance(2.0 + 4.0)  # Walking
    summary = s.view.summary
    assert s.view.shown is Screen.SUMMARY
    assert summary.title.text() == f"You stopped: {BETWEEN}"
    assert "Exercises done: 3 of 3" in summary.figures.text()
    assert outcomes(s) == {0: Outcome.DONE, 1: Outcome.DONE, 2: Outcome.DONE}
    [stop] = stops(s)
    assert (stop.exercise_index, stop.exercise_name, stop.note) == (0, BETWEEN, "stiff")
    # The end event counts the stop as the history does: no "Well done" spoken.
    [event] = ended
    assert event.figures.stops == 1
    [stored] = s.store.list_sessions()
    assert figures_of(stored).stops == 1
    assert "Session over. Please read the advice on the screen." in s.speech.said
    assert not any("Well done" in said for said in s.speech.said)


def test_go_on_early_in_the_get_ready_stays_in_it(s: Session) -> None:
    s.view.ask_what_happened = lambda name, parent: (StopReason.SHARP_PAIN, "")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    knee_hug_done(s)  # 0.5 s in: restarting it would go back to Knee hug's hold
    key(s.view, Qt.Key.Key_S)
    assert step_now(s) == ("Tilts", StepKind.GET_READY)
    assert s.view.player is not None and s.view.player.remaining() == pytest.approx(1.5)
    s.advance(1.5)
    assert step_now(s) == ("Tilts", StepKind.COUNTED_REP)


def test_a_stop_before_the_first_exercise_names_none_and_skips_none(s: Session) -> None:
    ask = Asked((StopReason.NOT_GIVEN, ""))
    s.view.ask_what_happened = ask
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    key(s.view, Qt.Key.Key_Space)
    s.advance(0.5)
    key(s.view, Qt.Key.Key_S)
    assert ask.names == ["before the first exercise"]
    assert step_now(s) == ("Knee hug", StepKind.GET_READY)
    s.advance(2.0 + 3.0 + 2.0 + 3.0)  # Knee hug in full: it was not skipped
    assert step_now(s) == ("Tilts", StepKind.GET_READY)
    key(s.view, Qt.Key.Key_Escape)  # "End session?" yes
    [stop] = stops(s)
    assert (stop.exercise_index, stop.exercise_name) == (None, "before the first exercise")
    assert s.view.summary.title.text() == "You stopped: before the first exercise"
    assert outcomes(s)[0] is Outcome.DONE


def test_a_stop_in_an_exercise_still_names_it_and_going_on_skips_it(s: Session) -> None:
    s.view.ask_what_happened = lambda name, parent: (StopReason.SHARP_PAIN, "")
    s.view.advise_after_stop = lambda reason, parent: StopChoice.GO_ON
    knee_hug_done(s)
    s.advance(1.5 + 1.0)  # into Tilts' first counted rep
    key(s.view, Qt.Key.Key_S)
    assert step_now(s) == ("Walking", StepKind.GET_READY)
    [stop] = stops(s)
    assert (stop.exercise_index, stop.exercise_name) == (1, "Tilts")


def test_after_a_skipped_first_exercise_the_stop_names_none_done(s: Session) -> None:
    # Knee hug skipped step by step (Right): nothing of it was done, so a stop in
    # Tilts' get-ready is not "after Knee hug", and Knee hug stays skipped.
    titles: list[str] = []

    def read_and_choose(question: QDialog) -> None:
        assert isinstance(question, StopItHurtsDialog)
        titles.append(question.title.text())
        key(question, Qt.Key.Key_1)
        key(question, Qt.Key.Key_Return)

    key(s.view, Qt.Key.Key_Space)
    for _ in range(8):
        if step_now(s) == ("Tilts", StepKind.GET_READY):
            break
        key(s.view, Qt.Key.Key_Right)
    assert step_now(s) == ("Tilts", StepKind.GET_READY)
    answer_dialogs(read_and_choose, lambda advice: key(advice, Qt.Key.Key_Escape))
    key(s.view, Qt.Key.Key_S)
    words = "before Tilts, nothing done yet"
    assert titles == [f"You stopped: {words}. What happened?"]
    assert s.view.summary.title.text() == f"You stopped: {words}"
    [stop] = stops(s)
    assert (stop.exercise_index, stop.exercise_name) == (None, words)
    assert outcomes(s) == {0: Outcome.SKIPPED, 1: None, 2: None}
