"""Seconds in the editor are shown and typed as therapists write them: 15 min, 1 min 30 s."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import open_editor
from timer_app.core.routine import Dosing


def test_a_walk_is_shown_in_minutes_and_typed_in_any_of_the_files_words(qtbot: QtBot) -> None:
    walk = {"title": "Walk", "exercises": [{"name": "Walk", "duration": "15 min"}]}
    window = open_editor(qtbot, walk)
    window.tabs.setCurrentIndex(1)
    form = window.exercise_form
    assert form.dosing_buttons[Dosing.DURATION].isChecked()
    spin = form.seconds.spin
    assert spin.text() == "15 min"
    assert spin.value() == 900
    spin.selectAll()
    qtbot.keyClicks(spin, "20 min")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert window.current_draft().exercises[0]["duration"] == "20 min"
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "90")  # a plain number is seconds, as in the file
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert window.current_draft().exercises[0]["duration"] == "1 min 30 s"
    assert spin.text() == "1 min 30 s"


def test_the_arrows_step_by_seconds_then_by_larger_steps(qtbot: QtBot) -> None:
    hold = {"title": "Hold", "exercises": [{"name": "Hold", "hold": "58 s", "reps": 1}]}
    window = open_editor(qtbot, hold)
    spin = window.exercise_form.seconds.spin
    values = []
    for _ in range(4):
        spin.stepUp()
        values.append(spin.text())
    assert values == ["59 s", "1 min", "1 min 5 s", "1 min 10 s"]
    spin.setValue(298)
    spin.stepUp()
    spin.stepUp()
    assert spin.text() == "5 min 30 s"
    spin.stepDown()
    assert spin.text() == "5 min"
    spin.stepDown()
    assert spin.text() == "4 min 55 s"
