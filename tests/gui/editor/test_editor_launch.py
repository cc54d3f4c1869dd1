"""Opening the editor (`timer-app edit`): empty, a routine by id, a file; the library picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import model, names, open_editor
from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
from timer_app.gui.editor.launch import EditorTargetError
from timer_app.gui.editor.launch import open_editor as open_target
from timer_app.gui.editor.library_picker import LibraryPicker


def shown(qtbot: QtBot, window: EditorWindow) -> EditorWindow:
    qtbot.addWidget(window)
    window.ask_close = lambda *_args: CloseAnswer.DISCARD
    return window


def test_no_target_opens_an_empty_new_routine(qtbot: QtBot) -> None:
    window = shown(qtbot, open_target(None, model()))
    assert window.file_path is None and not window.read_only
    assert window.exercise_list.list.count() == 0
    assert window.windowTitle().startswith("New routine")


def test_a_file_opens_in_place_with_its_problems_at_their_fields(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "week-3.yaml"
    path.write_text("title: Week 3\nexercises:\n  - name: Knee hug\n    hold: banana\n")
    window = shown(qtbot, open_target(str(path), model()))
    assert window.file_path == path.resolve()
    assert window.routine_form.id.text() == "week-3"  # as the app knows it: from the file name
    window.exercise_list.list.setCurrentRow(0)
    assert "hold" in window.exercise_form.rows["timing"].problem_text
    assert not window.save_button.isEnabled()


def test_an_unknown_id_or_a_broken_file_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(EditorTargetError, match="knee-to-chset"):
        open_target("knee-to-chset", model())
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n")
    with pytest.raises(EditorTargetError, match=r"broken\.yaml:\d+:\d+: "):
        open_target(str(broken), model())


def test_run_editor_exits_1_on_an_unknown_routine(capsys: pytest.CaptureFixture[str]) -> None:
    from timer_app.gui.editor.launch import run_editor

    assert run_editor("no-such-routine") == 1
    assert "timer-app edit: " in capsys.readouterr().err


def test_the_library_picker_searches_as_you_type_and_enter_adds(qtbot: QtBot) -> None:
    window = open_editor(qtbot)
    picker = LibraryPicker(window.library(), window)
    qtbot.addWidget(picker)
    picker.show()
    everything = picker.list.count()
    assert everything == len(window.library()) > 3
    qtbot.keyClicks(picker.search, "tilt")
    assert picker.list.count() == 1
    assert picker.list.item(0).text().startswith("Pelvic tilt — ")  # with its dose in words
    assert picker.chosen_id() == "pelvic-tilt"
    qtbot.keyClicks(picker.search, "zzz")
    assert picker.list.count() == 0 and picker.empty.isVisible()
    assert not picker.ok_button.isEnabled()
    picker.search.clear()
    qtbot.keyClicks(picker.search, "knee")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # arrows move in the list from the box
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.result() == LibraryPicker.DialogCode.Accepted
    assert picker.chosen_id() == "knee-to-chest"


def test_adding_from_the_library_adds_a_use_and_shows_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_editor(qtbot)

    def pick(picker: LibraryPicker) -> int:
        qtbot.keyClicks(picker.search, "bridg")
        return 1

    monkeypatch.setattr(LibraryPicker, "exec", pick)
    window.add_from_library()
    assert window.current_draft().exercises == [{"use": "bridging"}]
    assert names(window) == ["Bridging"]
    assert window.tabs.currentIndex() == 1
    window.undo_action.trigger()
    assert window.current_draft().exercises == []


def test_add_your_own_starts_a_named_exercise_ready_to_rename(qtbot: QtBot) -> None:
    window = open_editor(qtbot)
    qtbot.keyClick(window.routine_form.title, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_draft().exercises == [{"name": "New exercise", "reps": 10}]
    assert window.exercise_form.name.hasFocus()
    qtbot.keyClicks(window.exercise_form.name, "Heel slides")
    assert names(window) == ["Heel slides"]


def test_a_new_routine_starts_at_its_title_and_an_old_one_at_its_list(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.gui.editor.editor_support import ROUTINE

    window = open_editor(qtbot)
    assert QApplication.focusWidget() is window.routine_form.title
    window.close()
    window = open_editor(qtbot, ROUTINE)
    assert QApplication.focusWidget() is window.exercise_list.list
