"""Shared set-up of the editor window tests: a real app model over the bundled routines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pytestqt.qtbot import QtBot

from timer_app.core.editor.draft import RoutineDraft
from timer_app.gui.app_model import AppModel
from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
from timer_app.storage.settings import Settings

ROUTINE: dict[str, Any] = {
    "title": "Evening back care",
    "id": "evening-back-care",
    "frequency": "2x/day",
    "exercises": [
        {"name": "Pelvic tilt", "reps": 15},
        {"use": "knee-to-chest"},
        {"name": "Wall hold", "hold": "30 s", "reps": 3, "sides": "alternate", "rest": "5 s"},
    ],
}


def model() -> AppModel:
    app_model = AppModel(Settings(first_run_safety_seen=True), save=lambda _settings: None)
    app_model.load_routines(background=False)
    return app_model


def open_editor(qtbot: QtBot, data: Mapping[str, Any] | None = None, **kwargs: Any) -> EditorWindow:
    draft = RoutineDraft.from_mapping(data) if data is not None else RoutineDraft.empty()
    window = EditorWindow(model(), draft, **kwargs)
    qtbot.addWidget(window)
    # A failed test closes the window at clean-up: a real question box would wait.
    window.ask_close = lambda *_args: CloseAnswer.DISCARD
    window.saving.tell = lambda text: None
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def names(window: EditorWindow) -> list[str]:
    """What the list shows, without its numbers."""
    lst = window.exercise_list.list
    return [lst.item(i).text().split(". ", 1)[1].rstrip(" ⚠") for i in range(lst.count())]
