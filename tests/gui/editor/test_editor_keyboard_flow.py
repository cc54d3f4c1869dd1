"""Issue 14's "Done when": a 3-exercise routine built from an empty editor by keyboard alone.

Every key goes to whatever has the keyboard focus, as a therapist's keys do: a
library pick (search, Enter), a custom exercise, a reorder, a delete undone, the
title, then Save. The saved file must load with the strict loader and play to its
end in the session screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.editor.draft import RoutineDraft
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio.cues import Cues
from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.view import SessionView
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.paths import user_routines_dir
from timer_app.storage.routines.catalog import load_catalog, load_routine_file
from timer_app.storage.settings import Settings

from ..session_support import FakeSounds, FakeSpeech

pytestmark = pytest.mark.qt

Mod = Qt.KeyboardModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def back_from_dialog(qtbot: QtBot, window: QWidget) -> None:
    """A desktop's window manager gives the window back its focus when a dialog
    closes; the offscreen test platform has none, so the test does it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    """A key pressed on whatever has the focus (shortcuts and mnemonics included)."""
    QtBot.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QtBot.keyClicks(focused(), text)


def in_dialog(keys: Callable[[], None]) -> list[str]:
    """Answer the modal dialog the next key opens, by keys, once it has the focus.

    Returns where trouble is written: a dialog never seen, or keys that failed,
    closes it (never a test that hangs) and says so.
    """
    trouble: list[str] = []
    tries = [0]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not dialog.isAncestorOf(focus):
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, answer)
            else:
                trouble.append("no dialog took the focus")
                if dialog is not None:
                    dialog.close()
            return
        try:
            keys()
        except Exception as error:  # reported by the test, not lost in the event loop
            trouble.append(repr(error))
        if dialog.isVisible():
            trouble.append(f"the dialog stayed open; the focus on {QApplication.focusWidget()!r}")
            dialog.close()

    QTimer.singleShot(0, answer)
    return trouble


def names(window: EditorWindow) -> list[str]:
    lst = window.exercise_list.list
    return [lst.item(row).text().split(". ", 1)[1] for row in range(lst.count())]


@pytest.fixture
def model(data_dir: Path) -> AppModel:
    model = AppModel(Settings(first_run_safety_seen=True), SqliteHistoryStore.open())
    model.load_routines(background=False)
    return model


@pytest.fixture
def window(qtbot: QtBot, model: AppModel) -> EditorWindow:
    window = EditorWindow(model, RoutineDraft.empty())
    # A test that fails midway must not wait on the close question at teardown.
    window.ask_close = lambda _title, _text, _can_save: CloseAnswer.DISCARD
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_a_three_exercise_routine_by_keyboard_alone_saves_loads_and_plays(
    qtbot: QtBot, window: EditorWindow, model: AppModel
) -> None:
    assert not window.save_button.isEnabled()  # an empty routine cannot be saved

    # 1. From the library: Ctrl+L, type to search, Enter takes the first match.
    trouble = in_dialog(lambda: (type_text("knee to chest"), press(Qt.Key.Key_Return)))
    press(Qt.Key.Key_L, Mod.ControlModifier)
    assert trouble == []
    back_from_dialog(qtbot, window)
    assert names(window) == ["Knee-to-chest stretch"]
    assert window.current_draft().exercises == [{"use": "knee-to-chest"}]

    # 2. One of our own: Ctrl+E, its name typed over the selected "New exercise".
    press(Qt.Key.Key_E, Mod.ControlModifier)
    type_text("Marching in place")
    assert names(window) == ["Knee-to-chest stretch", "Marching in place"]

    # 3. Another from the library: Ctrl+L, "piri", Enter.
    trouble = in_dialog(lambda: (type_text("piri"), press(Qt.Key.Key_Return)))
    press(Qt.Key.Key_L, Mod.ControlModifier)
    assert trouble == []
    back_from_dialog(qtbot, window)
    assert names(window) == ["Knee-to-chest stretch", "Marching in place", "Piriformis stretch"]

    # 4. Reorder: to the list (Alt+X), the piriformis stretch up one (Alt+Up).
    press(Qt.Key.Key_X, Mod.AltModifier)
    assert focused() is window.exercise_list.list
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Up, Mod.AltModifier)
    assert names(window) == ["Knee-to-chest stretch", "Piriformis stretch", "Marching in place"]

    # 5. Delete one by mistake, and undo it: it comes back in its place.
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_Delete)
    assert names(window) == ["Piriformis stretch", "Marching in place"]
    press(Qt.Key.Key_Z, Mod.ControlModifier)
    assert names(window) == ["Knee-to-chest stretch", "Piriformis stretch", "Marching in place"]

    # 6. The title (Alt+R: the Routine tab, Alt+T: the title); the id follows it.
    assert not window.save_button.isEnabled()  # no title yet: a problem at its field
    press(Qt.Key.Key_R, Mod.AltModifier)
    press(Qt.Key.Key_T, Mod.AltModifier)
    assert focused() is window.routine_form.title
    type_text("Evening back care")
    assert window.current_draft().fields["id"] == "evening-back-care"
    assert window.save_button.isEnabled()

    # 7. Save (Ctrl+S): into the person's own routines.
    with qtbot.waitSignal(window.saved) as saved:
        press(Qt.Key.Key_S, Mod.ControlModifier)
    path = Path(saved.args[0])
    assert path.parent == user_routines_dir()
    assert window.undo_stack.isClean()

    # The file loads with the strict loader, as the routine built...
    routine = load_routine_file(path, library=load_catalog().library)
    assert routine.id == "evening-back-care"
    assert routine.title == "Evening back care"
    assert [e.name for e in routine.exercises] == [
        "Knee-to-chest stretch",
        "Piriformis stretch",
        "Marching in place",
    ]
    assert "evening-back-care" in {r.id for r in model.routines()}  # listed at once
    # The preview showed exactly the session the file plays.
    preview = window.preview.preview()
    assert preview is not None
    assert preview.total_seconds == build_plan(routine).total_seconds

    # ...and plays to its end: the counted reps confirmed with Enter, holds waited out.
    clock = FakeClock()
    view = SessionView(clock=clock, model=model, cues=Cues(FakeSounds(), FakeSpeech()))
    view.confirm = lambda _title, _question: True
    qtbot.addWidget(view)
    view.load(routine)
    view.show()
    qtbot.waitExposed(view)
    # The session's keys are shortcuts of its window: in front, with the focus.
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.setFocus()
    QtBot.keyClick(view, Qt.Key.Key_Space)
    assert view.shown is Screen.RUNNING
    player = view.player
    assert player is not None
    for _ in range(10_000):
        if player.state is PlayerState.FINISHED:
            break
        if player.current_step.is_timed:
            clock.advance(0.5)
            player.tick()
        else:
            QtBot.keyClick(view, Qt.Key.Key_Return)  # a counted rep, done
    assert player.state is PlayerState.FINISHED
    assert view.shown is Screen.SUMMARY
    assert view.summary.title.text() == "Well done: session complete"
