"""The exercises list by keyboard: every action one undo step, and no confirm dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import ROUTINE, names, open_editor

ORDER = ["Pelvic tilt", "Knee-to-chest stretch", "Wall hold"]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused_list(qtbot: QtBot, row: int):  # type: ignore[no-untyped-def]
    window = open_editor(qtbot, ROUTINE)
    lst = window.exercise_list.list
    lst.setFocus()
    lst.setCurrentRow(row)
    return window, lst


def test_alt_down_and_alt_up_move_the_selected_exercise_and_undo_puts_it_back(
    qtbot: QtBot,
) -> None:
    window, lst = focused_list(qtbot, 0)
    assert names(window) == ORDER
    qtbot.keyClick(lst, Qt.Key.Key_Down, ALT)
    assert names(window) == ["Knee-to-chest stretch", "Pelvic tilt", "Wall hold"]
    assert lst.currentRow() == 1  # the moved exercise stays selected: press again to go on
    qtbot.keyClick(lst, Qt.Key.Key_Down, ALT)
    assert names(window) == ["Knee-to-chest stretch", "Wall hold", "Pelvic tilt"]
    qtbot.keyClick(lst, Qt.Key.Key_Up, ALT)
    assert names(window) == ["Knee-to-chest stretch", "Pelvic tilt", "Wall hold"]
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    assert names(window) == ORDER
    assert [e.get("name", e.get("use")) for e in window.current_draft().exercises] == [
        "Pelvic tilt",
        "knee-to-chest",
        "Wall hold",
    ]
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL | SHIFT)
    assert names(window) == ["Knee-to-chest stretch", "Pelvic tilt", "Wall hold"]


def test_moving_past_either_end_changes_nothing(qtbot: QtBot) -> None:
    window, lst = focused_list(qtbot, 0)
    qtbot.keyClick(lst, Qt.Key.Key_Up, ALT)
    lst.setCurrentRow(2)
    qtbot.keyClick(lst, Qt.Key.Key_Down, ALT)
    assert names(window) == ORDER
    assert window.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_ctrl_d_duplicates_below_and_undo_removes_the_copy(qtbot: QtBot) -> None:
    window, lst = focused_list(qtbot, 2)
    qtbot.keyClick(lst, Qt.Key.Key_D, CTRL)
    assert names(window) == [*ORDER, "Wall hold"]
    assert lst.currentRow() == 3
    assert window.current_draft().exercises[3] == window.current_draft().exercises[2]
    assert window.isWindowModified()
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    assert names(window) == ORDER
    assert not window.isWindowModified()  # back where it was saved


def test_delete_removes_at_once_and_ctrl_z_brings_it_back_selected(qtbot: QtBot) -> None:
    window, lst = focused_list(qtbot, 1)
    qtbot.keyClick(lst, Qt.Key.Key_Delete)
    assert QApplication.activeModalWidget() is None  # never a confirm
    assert names(window) == ["Pelvic tilt", "Wall hold"]
    assert lst.currentRow() == 1  # the next one takes its place
    # Nothing asked, so the status line says what went and how it comes back.
    assert window.status.text().startswith(
        "Removed “Knee-to-chest stretch”: Ctrl+Z brings it back."
    )
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    assert names(window) == ORDER
    assert window.status.text() == "Ready to save."
    assert lst.currentRow() == 1
    assert window.exercise_form.heading.text() == "Exercise 2 of 3"
    assert window.current_draft().exercises[1] == {"use": "knee-to-chest"}


def test_deleting_the_last_exercise_says_the_routine_needs_one(qtbot: QtBot) -> None:
    window = open_editor(qtbot, {**ROUTINE, "exercises": [{"name": "Pelvic tilt", "reps": 15}]})
    lst = window.exercise_list.list
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Delete)
    assert lst.count() == 0
    assert window.exercise_list.problem.text().startswith("No exercises yet")
    assert window.status.text() == (
        "Removed “Pelvic tilt”: Ctrl+Z brings it back. 1 problem to fix. The first, shown "
        "at its field: no exercises yet (add one from the library, or your own)."
    )
    assert not window.save_button.isEnabled()
    assert window.exercise_form.heading.text() == "No exercise yet"
    qtbot.keyClick(lst, Qt.Key.Key_Z, CTRL)
    assert names(window) == ["Pelvic tilt"]
    assert window.save_button.isEnabled()


def test_a_drop_is_one_undoable_move(qtbot: QtBot) -> None:
    window, lst = focused_list(qtbot, 0)
    lst.move_to_gap(0, 3)  # dropped below the last exercise
    assert names(window) == ["Knee-to-chest stretch", "Wall hold", "Pelvic tilt"]
    assert window.undo_stack.undoText() == "Move an exercise"
    window.undo_action.trigger()
    assert names(window) == ORDER


def test_the_list_shows_a_drag_handle_on_every_exercise(qtbot: QtBot) -> None:
    _window, lst = focused_list(qtbot, 0)
    assert all(not lst.item(i).icon().isNull() for i in range(lst.count()))
    assert lst.dragDropMode() == lst.DragDropMode.InternalMove


def test_ctrl_z_in_a_text_field_undoes_through_the_editor(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    title = window.routine_form.title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " plus")
    assert window.current_draft().fields["title"] == "Evening back care plus"
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Evening back care"
    assert window.current_draft().fields["title"] == "Evening back care"
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.current_draft().fields["title"] == "Evening back care plus"


def test_tab_goes_from_the_list_to_its_buttons_the_form_then_try_it_and_save(
    qtbot: QtBot,
) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.exercise_list.list.setFocus()
    stops = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        words = widget.text() if hasattr(widget, "text") else type(widget).__name__
        stops.append(widget.accessibleName() or words.replace("&", ""))
        if widget is window.save_button:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert stops[:4] == ["Exercises, in order", "Add from the library…", "Add your own", "QTabBar"]
    assert stops[4:8] == ["Title", "Id (file name)", "Author", "How to reach you"]
    assert stops[-3:] == ["Reminder times", "Try it", "Save"]


def mnemonics(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The Alt+letter of every visible label, button, tab and menu of the window."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    texts = [a.text() for a in window.menuBar().actions()]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.buddy()]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    found = [re.search(r"(?<!&)&([^&])", text) for text in texts]
    return [m.group(1).lower() for m in found if m is not None]


def test_each_alt_letter_does_one_thing_on_either_tab(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.exercise_list.list.setCurrentRow(2)  # a hold: every field shown
    for tab in (0, 1):
        window.tabs.setCurrentIndex(tab)
        letters = mnemonics(window)
        assert len(letters) > 12
        assert sorted(letters) == sorted(set(letters)), tab


def test_dropping_an_exercise_on_another_moves_it_there_through_the_undo_stack(
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    window, lst = focused_list(qtbot, 0)
    target = lst.visualItemRect(lst.item(2)).center()
    mime = lst.model().mimeData([lst.model().index(0, 0)])
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    lst.dropEvent(drop)
    assert names(window) == ["Knee-to-chest stretch", "Pelvic tilt", "Wall hold"]
    assert lst.count() == 3  # Qt moved nothing itself: the list shows the draft
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert names(window) == ORDER


def test_enter_on_an_exercise_goes_to_its_name(qtbot: QtBot) -> None:
    window, lst = focused_list(qtbot, 2)
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 1
    assert QApplication.focusWidget() is window.exercise_form.name
    assert window.exercise_form.name.text() == "Wall hold"


def test_ctrl_z_in_a_text_box_or_a_spin_box_undoes_through_the_editor(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.exercise_list.list.setCurrentRow(0)
    form = window.exercise_form
    form.instructions.setFocus()
    qtbot.keyClicks(form.instructions, "Lie on your back.")
    assert window.current_draft().exercises[0]["instructions"] == ["Lie on your back."]
    form.reps.setFocus()
    form.reps.selectAll()
    qtbot.keyClicks(form.reps, "12")
    assert window.current_draft().exercises[0]["reps"] == 12
    qtbot.keyClick(form.reps, Qt.Key.Key_Z, CTRL)
    assert window.current_draft().exercises[0]["reps"] == 15
    assert form.reps.value() == 15
    form.instructions.setFocus()
    qtbot.keyClick(form.instructions, Qt.Key.Key_Z, CTRL)
    assert "instructions" not in window.current_draft().exercises[0]
    assert form.instructions.toPlainText() == ""
    qtbot.keyClick(form.instructions, Qt.Key.Key_Z, CTRL | SHIFT)
    assert form.instructions.toPlainText() == "Lie on your back."
