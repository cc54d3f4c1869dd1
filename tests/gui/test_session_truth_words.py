"""The session screen's words are true of a routine with counted reps and holds.

QA: the ready screen gave such a routine another length than the Routines page
("about 3 min 35 s" beside "about 4 min plus your counted reps"); the progress
line said "0:00 left" while counted reps were still to do; the summary's Save
gave no sign it had saved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.player import PlayerState
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio.cues import Cues
from timer_app.gui.pages.routine_text import routine_list_label
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.view import SessionView
from timer_app.storage.settings import Settings

from .session_support import FakeSounds, FakeSpeech, Session, open_session, session_routine

pytestmark = pytest.mark.qt

# Lead-in 5 s: Knee hug: get ready 5, hold 30, rest 10, hold 30, rest 10, hold 30;
# Piriformis: get ready 5, hold L 30, switch 10, hold R 30 (3 min 15 s planned);
# Nerve glide: get ready 5, then 3 counted reps, which have no planned time.
COUNTED_LAST_YAML = """\
id: counted-last
title: Holds then nerve glides
lead_in: 5 s
exercises:
  - name: Knee hug
    hold: 30 s
    reps: 3
    rest: 10 s
  - name: Piriformis stretch
    hold: 30 s
    sides: alternate
    reps: 1
    rest: 10 s
  - name: Nerve glide
    reps: 3
"""


def key(s: Session, k: Qt.Key) -> None:
    QtBot.keyClick(s.view, k)


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    session = open_session(qtbot, tmp_path)
    session.view.load(session_routine(tmp_path, COUNTED_LAST_YAML))
    return session


def test_the_ready_screen_and_the_routines_page_give_one_length(s: Session, tmp_path: Path) -> None:
    routine = session_routine(tmp_path, COUNTED_LAST_YAML)
    summary = s.view.ready.summary.text()
    assert summary == "3 exercises · about 3 min plus your counted reps"
    assert "about 3 min plus your counted reps" in routine_list_label(routine)


def test_the_progress_line_never_says_the_time_is_up_while_counted_reps_wait(
    s: Session,
) -> None:
    key(s, Qt.Key.Key_Space)
    progress = s.view.running.progress
    assert progress.text() == "Exercise 1 of 3 · 4 min left plus 3 counted reps"
    s.advance(195)  # every hold done; the nerve glide's get ready is over
    assert "Nerve glide" in s.view.running.exercise.text()
    assert progress.text() == "Exercise 3 of 3 · 3 counted reps to go"
    # The bar is not full either while reps wait; the glides have their own stretch.
    before_reps = progress.bar.fraction
    assert before_reps < 0.95
    assert len(progress.bar.marks) == 2 and progress.bar.marks[1] < before_reps
    key(s, Qt.Key.Key_Return)
    assert progress.text() == "Exercise 3 of 3 · 2 counted reps to go"
    assert before_reps < progress.bar.fraction < 1.0
    key(s, Qt.Key.Key_Return)
    assert progress.text() == "Exercise 3 of 3 · 1 counted rep to go"
    assert "0 min" not in progress.text()
    key(s, Qt.Key.Key_Return)
    assert s.view.player is not None and s.view.player.state is PlayerState.FINISHED
    assert s.view.shown is Screen.SUMMARY


def test_counted_reps_in_the_middle_are_named_beside_the_time_after_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # session_support's routine: holds, 2 counted tilts, then a 4 s walk.
    s = open_session(qtbot, tmp_path)
    key(s, Qt.Key.Key_Space)
    s.advance(12)  # knee hug done (2 + 3 + 2 + 3), tilts' get ready done
    assert s.view.running.progress.text() == "Exercise 2 of 3 · 1 min left plus 2 counted reps"
    key(s, Qt.Key.Key_Return)
    key(s, Qt.Key.Key_Return)
    assert s.view.running.progress.text() == "Exercise 3 of 3 · 1 min left"


def _to_summary(s: Session) -> None:
    key(s, Qt.Key.Key_Space)
    s.advance(195)
    for _rep in range(3):
        key(s, Qt.Key.Key_Return)
    assert s.view.shown is Screen.SUMMARY


def test_save_says_saved_beside_the_button_and_leaves_the_focus_there(
    s: Session, qtbot: QtBot
) -> None:
    _to_summary(s)
    summary = s.view.summary
    summary.pain.buttons[3].click()
    summary.notes.setPlainText("Glides felt easier.")
    assert summary.saved_note.text() == ""
    summary.save_button.setFocus()
    key_target = summary.save_button
    QtBot.keyClick(key_target, Qt.Key.Key_Space)
    assert summary.saved_note.text() == "Saved."
    # On screen, not scrolled away under the notes.
    assert summary.saved_note.isVisible()
    assert not summary.saved_note.visibleRegion().isEmpty()
    assert summary.save_button.hasFocus()
    detail = s.store.session_detail(s.store.list_sessions()[0].id)
    assert detail is not None
    assert (detail.summary.pain_after, detail.summary.notes) == (3, "Glides felt easier.")
    # What is on screen now is not what was saved: "Saved." would be untrue.
    summary.notes.setPlainText("Glides felt easier. Thigh tingled once.")
    assert summary.saved_note.text() == ""
    summary.save_button.click()
    assert summary.saved_note.text() == "Saved."


def test_a_save_the_disk_refuses_says_so_and_then_that_it_saved(s: Session) -> None:
    _to_summary(s)
    summary = s.view.summary
    conn = s.store._require()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    summary.notes.setPlainText("x" * 20000)
    summary.save_button.click()
    text = summary.saved_note.text()
    assert text.startswith("Not saved yet: The disk holding your history (")
    assert text.endswith(") is full. It is kept and will be retried.")
    conn.execute("PRAGMA max_page_count = 1000000")  # room again
    assert s.view.recorder is not None and s.view.recorder.flush()
    assert summary.saved_note.text() == "Saved."


def test_with_no_history_save_promises_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    model = AppModel(Settings(first_run_safety_seen=True), None)  # no history at all
    view = SessionView(clock=clock, model=model, cues=Cues(FakeSounds(), FakeSpeech()))
    view.confirm = lambda title, question: True
    qtbot.addWidget(view)
    view.load(session_routine(tmp_path, COUNTED_LAST_YAML))
    view.presenter.start()
    view.presenter.end()
    assert view.shown is Screen.SUMMARY
    view.summary.notes.setPlainText("Glides felt easier.")
    view.summary.save_button.click()
    assert view.summary.saved_note.text() == "Not saved: the history is not available."
