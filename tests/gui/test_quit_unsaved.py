"""Quitting while the history cannot be written: nothing is dropped without asking.

A real SQLite history whose "disk" fills up (SQLite's own page limit, as in
tests/storage/test_history_faults.py: tests run as root, where chmod stops
nothing), or a store that refuses writes while a session runs; the real
MainWindow closed as Ctrl+Q / the title bar close it. The question is answered
through `window.ask_unsaved`, as the session tests answer `view.confirm`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.history import HistoryWriteError, SessionStatus
from timer_app.core.player import PlayerState
from timer_app.gui.session import unsaved_writes
from timer_app.gui.session.unsaved_writes import UnsavedAnswer, ask_unsaved_box
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings

LONG_NOTES = "Felt the stretch in the hamstring, not the back. " * 2000


@pytest.fixture(autouse=True)
def no_real_box(monkeypatch: pytest.MonkeyPatch) -> None:
    # A failed test closes its window at clean-up: a real modal box would wait forever.
    monkeypatch.setattr(unsaved_writes, "ask_unsaved_box", lambda *a: UnsavedAnswer.QUIT_ANYWAY)


class Answers:
    """Stands in for the question box: records each text, gives the next answer."""

    def __init__(self, *answers: UnsavedAnswer, before: Callable[[], None] | None = None):
        self.answers = list(answers)
        self.texts: list[str] = []
        self.before = before  # e.g. the disk is freed while the box is up

    def __call__(self, title: str, text: str) -> UnsavedAnswer:
        self.texts.append(text)
        if self.before is not None:
            self.before()
        return self.answers.pop(0) if self.answers else UnsavedAnswer.QUIT_ANYWAY


def open_window(qtbot: QtBot, history: Any) -> MainWindow:
    window = build_main_window(
        start="knee-to-chest",
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=history,
    )
    qtbot.addWidget(window)
    window.session_view.confirm = lambda title, text: True  # clean-up of a live session
    window.show()
    qtbot.waitExposed(window)
    return window


def fill_disk(store: SqliteHistoryStore) -> None:
    conn = store._require()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # no new page can be written


def free_disk(store: SqliteHistoryStore) -> None:
    store._require().execute("PRAGMA max_page_count = 1000000")


def summary_not_saved(qtbot: QtBot) -> tuple[MainWindow, SqliteHistoryStore]:
    """A session ended early; the notes typed on its summary did not fit on the disk."""
    store = SqliteHistoryStore.open()
    window = open_window(qtbot, store)
    view = window.session_view
    view.presenter.start()  # what Space calls
    view.presenter.end()
    fill_disk(store)
    view.summary.notes.setPlainText(LONG_NOTES)
    view.save_summary()
    assert view.recorder is not None and view.recorder.pending_count == 1
    assert view.summary.saved_note.text().startswith(
        "Not saved yet: The disk holding your history ("
    )
    assert view.summary.saved_note.text().endswith(") is full. It is kept and will be retried.")
    return window, store


def _notes(store: SqliteHistoryStore) -> str:
    return store.list_sessions()[0].notes


def test_quit_with_unsaved_notes_asks_and_try_again_saves_once_the_disk_is_back(
    qtbot: QtBot,
) -> None:
    window, store = summary_not_saved(qtbot)
    answers = Answers(UnsavedAnswer.TRY_AGAIN, before=lambda: free_disk(store))
    window.ask_unsaved = answers

    assert window.close()

    assert len(answers.texts) == 1
    assert "Your last session is not saved yet." in answers.texts[0]
    assert "is full." in answers.texts[0]  # the reason, in the store's words
    assert "goes on" not in answers.texts[0] and "kept and saved" not in answers.texts[0]
    assert not window.isVisible()
    assert _notes(store) == LONG_NOTES.strip()
    assert window.session_view.recorder.pending_count == 0


def test_try_again_while_the_disk_is_still_full_asks_again(qtbot: QtBot) -> None:
    window, _ = summary_not_saved(qtbot)
    answers = Answers(UnsavedAnswer.TRY_AGAIN, UnsavedAnswer.KEEP_OPEN)
    window.ask_unsaved = answers

    assert not window.close()

    assert len(answers.texts) == 2
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)  # for the test's clean-up


def test_keep_open_leaves_the_window_and_its_summary_as_they_were(qtbot: QtBot) -> None:
    window, store = summary_not_saved(qtbot)
    window.ask_unsaved = Answers(UnsavedAnswer.KEEP_OPEN)

    assert not window.close()

    assert window.isVisible()
    assert window.current_page() == "session"
    assert window.session_view.isVisible()  # the summary, not an empty window
    assert window.session_view.recorder.pending_count == 1
    # Later the disk has room again: the next quit saves without a question.
    free_disk(store)
    answers = Answers()
    window.ask_unsaved = answers
    assert window.close()
    assert answers.texts == []
    assert _notes(store) == LONG_NOTES.strip()


def test_quit_anyway_closes_and_says_so_in_the_log(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window, store = summary_not_saved(qtbot)
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)

    assert window.close()

    assert not window.isVisible()
    assert _notes(store) == ""
    assert "1 history write(s) not saved" in caplog.text


def test_a_disk_back_before_quitting_needs_no_question(qtbot: QtBot) -> None:
    window, store = summary_not_saved(qtbot)
    free_disk(store)  # nothing retried since: the writes still wait
    answers = Answers()
    window.ask_unsaved = answers

    assert window.close()

    assert answers.texts == []
    assert _notes(store) == LONG_NOTES.strip()


def test_writes_of_a_session_already_left_are_asked_about_from_any_page(qtbot: QtBot) -> None:
    window, _ = summary_not_saved(qtbot)
    window.session_view.leave()
    assert window.current_page() == "routines"
    answers = Answers(UnsavedAnswer.KEEP_OPEN)
    window.ask_unsaved = answers

    assert not window.close()

    assert len(answers.texts) == 1
    assert window.current_page() == "routines" and window.isVisible()
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)


def test_ctrl_q_on_the_summary_asks_too(qtbot: QtBot) -> None:
    window, _ = summary_not_saved(qtbot)
    answers = Answers(UnsavedAnswer.KEEP_OPEN)
    window.ask_unsaved = answers
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.session_view.setFocus()

    qtbot.keyClick(window.session_view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    assert len(answers.texts) == 1
    assert window.isVisible()
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)


def test_about_to_quit_retries_once(qtbot: QtBot) -> None:
    window, store = summary_not_saved(qtbot)
    free_disk(store)
    QApplication.instance().aboutToQuit.connect(window.flush_history)
    try:
        QApplication.instance().aboutToQuit.emit()  # as at logout, without a close
    finally:
        QApplication.instance().aboutToQuit.disconnect(window.flush_history)
    assert _notes(store) == LONG_NOTES.strip()


# -- a session still running ---------------------------------------------------------

WRITES = {
    "begin_session",
    "set_position",
    "record_rep",
    "record_exercise",
    "finish_session",
    "set_status",
    "set_pain_before",
    "set_pain_after",
    "set_notes",
    "record_stop",
}


class FlakyStore:
    """The real store, except that every write is refused while `down`."""

    def __init__(self, store: SqliteHistoryStore) -> None:
        self.store = store
        self.down = False

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.store, name)
        if name not in WRITES:
            return real

        def write(*args: Any, **kwargs: Any) -> Any:
            if self.down:
                raise HistoryWriteError("the disk is full")
            return real(*args, **kwargs)

        return write


def running_session_not_saved(qtbot: QtBot) -> tuple[MainWindow, FlakyStore, list[str]]:
    flaky = FlakyStore(SqliteHistoryStore.open())
    window = open_window(qtbot, flaky)
    view = window.session_view
    confirms: list[str] = []
    view.confirm = lambda title, text: confirms.append(text) or True
    view.presenter.start()  # what Space calls
    flaky.down = True
    view.presenter.skip()  # the next step's position cannot be written
    assert view.recorder is not None and view.recorder.pending_count == 1
    return window, flaky, confirms


def test_a_running_session_with_unsaved_writes_asks_one_question(qtbot: QtBot) -> None:
    window, flaky, confirms = running_session_not_saved(qtbot)

    def disk_back() -> None:
        flaky.down = False

    answers = Answers(UnsavedAnswer.TRY_AGAIN, before=disk_back)
    window.ask_unsaved = answers

    assert window.close()

    assert confirms == []  # no "End session?" before or after
    assert len(answers.texts) == 1 and "A session is in progress" in answers.texts[0]
    [session] = flaky.store.list_sessions()
    assert session.status is SessionStatus.ENDED_EARLY  # saved, and ended as quitting ends it


def test_keep_open_during_a_session_carries_on_running(qtbot: QtBot) -> None:
    window, _, confirms = running_session_not_saved(qtbot)
    window.ask_unsaved = Answers(UnsavedAnswer.KEEP_OPEN)

    assert not window.close()

    view = window.session_view
    assert confirms == []
    assert view.player.state is PlayerState.RUNNING and view.isVisible()
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)


def test_quit_anyway_during_a_session_ends_it_and_closes(qtbot: QtBot) -> None:
    window, _, confirms = running_session_not_saved(qtbot)
    answers = Answers(UnsavedAnswer.QUIT_ANYWAY)
    window.ask_unsaved = answers

    assert window.close()

    assert confirms == [] and len(answers.texts) == 1
    assert window.session_view.player is None or window.session_view.player.state in (
        PlayerState.ENDED_EARLY,
        PlayerState.FINISHED,
    )


def test_a_running_session_with_everything_saved_asks_only_end_session(qtbot: QtBot) -> None:
    flaky = FlakyStore(SqliteHistoryStore.open())
    window = open_window(qtbot, flaky)
    view = window.session_view
    confirms: list[str] = []
    view.confirm = lambda title, text: confirms.append(text) or True
    answers = Answers()
    window.ask_unsaved = answers
    view.presenter.start()  # what Space calls

    assert window.close()

    assert len(confirms) == 1 and answers.texts == []
    assert flaky.store.list_sessions()[0].status is SessionStatus.ENDED_EARLY


# -- the real box ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "answer"),
    [
        ("Try again", UnsavedAnswer.TRY_AGAIN),
        ("Quit anyway", UnsavedAnswer.QUIT_ANYWAY),
        ("Keep the app open", UnsavedAnswer.KEEP_OPEN),
        (None, UnsavedAnswer.KEEP_OPEN),  # Esc
    ],
)
def test_the_box_offers_three_plain_answers(
    qtbot: QtBot, caption: str | None, answer: UnsavedAnswer
) -> None:
    seen: list[str] = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.findChildren(QPushButton))
        if caption is None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:
            next(b for b in box.findChildren(QPushButton) if b.text() == caption).click()

    QTimer.singleShot(0, answer_box)
    assert ask_unsaved_box(None, "Not saved yet", "Your last session is not saved yet") is answer
    assert sorted(seen) == ["Keep the app open", "Quit anyway", "Try again"]


def test_logs_at_error_level_when_quitting_through_the_os_loses_writes(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window, _ = summary_not_saved(qtbot)
    caplog.set_level(logging.ERROR)
    window.flush_history()  # the disk is still full
    assert "not saved" in caplog.text
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)


def test_a_running_session_says_calmly_when_its_history_is_not_saved(qtbot: QtBot) -> None:
    window, flaky, _ = running_session_not_saved(qtbot)
    view = window.session_view
    saving = view.running.saving
    assert saving.isVisible()
    assert saving.text() == "Not saved yet: the disk is full It is kept and will be retried."

    flaky.down = False
    view.presenter.skip()  # the next write carries the waiting one with it
    assert view.recorder is not None and view.recorder.pending_count == 0
    assert not saving.isVisible()
    window.ask_unsaved = Answers(UnsavedAnswer.QUIT_ANYWAY)
