"""Try it: the routine being edited plays in the session screen and nothing is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.player import PlayerState
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio.cues import Cues
from timer_app.gui.editor.try_it import TryOutWindow, play_draft
from timer_app.gui.session.controls import Screen
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings

from ..session_support import FakeSounds, FakeSpeech, session_routine

pytestmark = pytest.mark.qt


class TryOut:
    def __init__(self, qtbot: QtBot, tmp_path: Path, **settings: object) -> None:
        self.store = SqliteHistoryStore.open()
        self.model = AppModel(Settings(**settings), self.store)  # type: ignore[arg-type]
        self.history_signals: list[None] = []
        self.model.history_changed.connect(lambda: self.history_signals.append(None))
        self.clock = FakeClock()
        self.sounds = FakeSounds()
        self.editor = QWidget()  # stands in for the editor window: the try-out's parent
        qtbot.addWidget(self.editor)
        self.editor.resize(1024, 600)
        self.editor.show()
        self.window: TryOutWindow = play_draft(
            session_routine(tmp_path),
            self.model,
            self.editor,
            clock=self.clock,
            cues=Cues(self.sounds, FakeSpeech()),
        )
        qtbot.waitExposed(self.window)
        self.window.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.view = self.window.view
        self.view.setFocus()

    def key(self, key: Qt.Key) -> None:
        QtBot.keyClick(self.view, key)

    def advance(self, seconds: float) -> None:
        """Time passes with the ticks the real ticker would make (no real waiting)."""
        assert self.view.player is not None
        target = self.clock.now() + seconds
        while self.clock.now() < target:
            self.clock.advance(min(0.5, target - self.clock.now()))
            self.view.player.tick()


@pytest.fixture
def t(qtbot: QtBot, tmp_path: Path) -> TryOut:
    return TryOut(qtbot, tmp_path)


def test_the_screen_says_it_is_a_try_out_and_not_recorded(t: TryOut) -> None:
    assert t.window.band.isVisible()
    assert "Trying out — not recorded" in t.window.band_label.text()
    assert "Trying out — not recorded" in t.view.ready.history_note.text()
    assert t.view.ready.history_note.isVisible()
    assert t.view.ready.title.text() == "Test session"
    assert t.window.windowTitle() == "Trying out: Test session"


def test_a_whole_try_out_adds_no_session_to_the_history(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    assert t.view.shown is Screen.RUNNING
    # Knee hug (2 + 3 + 2 + 3 s), then two counted tilts (Enter each), then a walk.
    t.advance(10)
    t.key(Qt.Key.Key_Return)  # done with get-ready → first tilt
    t.advance(2)
    t.key(Qt.Key.Key_Return)
    t.key(Qt.Key.Key_Return)
    t.advance(6)
    assert t.view.player is not None and t.view.player.state is PlayerState.FINISHED
    assert t.view.shown is Screen.SUMMARY
    assert t.view.summary.title.text() == "Well done: session complete"
    assert not t.view.summary.save_button.isVisible()
    assert not t.view.summary.notes.isVisible()
    assert t.sounds.played  # it really played, with its cues
    t.key(Qt.Key.Key_Escape)  # back to the editor
    assert not t.window.isVisible()
    assert t.store.list_sessions() == []
    assert t.history_signals == []


def test_esc_ends_a_running_try_out_without_a_question_and_records_nothing(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    t.advance(3)
    t.key(Qt.Key.Key_Escape)  # ends it: nothing is lost
    assert t.view.shown is Screen.SUMMARY
    assert t.view.summary.title.text() == "Session ended early"
    t.window.close()
    assert t.store.list_sessions() == []
    assert t.history_signals == []


def test_closing_the_window_mid_session_stops_it_and_records_nothing(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    t.advance(1)
    player = t.view.player
    t.window.close()
    assert player is not None and not player.state.is_live
    assert t.store.list_sessions() == []


def test_mute_in_a_try_out_is_the_persons_own_choice_and_is_kept(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    t.key(Qt.Key.Key_M)
    assert t.model.settings.muted
    assert t.window.try_model.settings.muted


def test_the_first_run_notice_stays_for_the_patient(t: TryOut) -> None:
    """A therapist's try-out on the patient's machine does not mark the safety text seen."""
    t.key(Qt.Key.Key_Space)
    assert not t.model.settings.first_run_safety_seen


def test_closing_the_editor_ends_its_try_out(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    t.advance(1)
    player = t.view.player
    assert t.editor.isVisible()
    t.editor.close()
    assert not t.window.isVisible()
    assert player is not None and not player.state.is_live
    assert t.store.list_sessions() == []


def test_ctrl_t_in_the_editor_tries_the_routine_being_edited(qtbot: QtBot, data_dir: Path) -> None:
    from timer_app.core.editor.draft import RoutineDraft
    from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow

    store = SqliteHistoryStore.open()
    model = AppModel(Settings(first_run_safety_seen=True), store)
    model.load_routines(background=False)
    draft = RoutineDraft.from_mapping(
        {"title": "Not saved yet", "exercises": [{"use": "knee-to-chest"}, {"name": "Tilts"}]}
    )
    editor = EditorWindow(model, draft)
    editor.ask_close = lambda _title, _text, _can_save: CloseAnswer.DISCARD
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    QtBot.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    tries = editor.findChildren(TryOutWindow)
    assert len(tries) == 1 and tries[0].isVisible()
    window = tries[0]
    assert window.windowTitle() == "Trying out: Not saved yet"
    assert [e.name for e in window.view.plan.routine.exercises] == [  # type: ignore[union-attr]
        "Knee-to-chest stretch",
        "Tilts",
    ]
    window.close()
    assert store.list_sessions() == []
    assert not any(p.suffix == ".yaml" for p in (data_dir / "routines").glob("*"))  # not saved


def test_stop_it_hurts_in_a_try_out_asks_and_advises_and_records_nothing(t: TryOut) -> None:
    from timer_app.core.history import StopReason
    from timer_app.gui.session.stop_dialogs import StopChoice

    asked: list[str] = []
    advised: list[StopReason] = []
    t.view.ask_what_happened = lambda name, _parent: (
        asked.append(name) or (StopReason.PAIN_SPREAD, "left calf")
    )
    t.view.advise_after_stop = lambda reason, _parent: advised.append(reason) or StopChoice.END
    t.key(Qt.Key.Key_Space)
    t.advance(2.5)
    t.key(Qt.Key.Key_S)
    assert asked == ["Knee hug"]  # the patient's questions, as in a session
    assert advised == [StopReason.PAIN_SPREAD]
    assert t.view.shown is Screen.SUMMARY
    assert t.view.summary.title.text() == "You stopped: Knee hug"
    assert t.store.list_sessions() == []
    assert t.history_signals == []


def test_ctrl_q_in_a_try_out_closes_the_try_out_not_the_editor(t: TryOut) -> None:
    t.key(Qt.Key.Key_Space)
    QtBot.keyClick(t.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not t.window.isVisible()
    assert t.editor.isVisible()
    assert t.store.list_sessions() == []
