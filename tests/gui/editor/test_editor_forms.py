"""The routine and exercise forms: one dosing choice, problems at their fields, overrides."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import ROUTINE, open_editor
from timer_app.core.routine import Dosing
from timer_app.gui.editor.editor_window import EditorWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def select(window: EditorWindow, row: int) -> None:
    window.exercise_list.list.setCurrentRow(row)
    window.tabs.setCurrentIndex(1)


def test_switching_a_hold_to_a_timed_activity_removes_what_would_conflict(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 2)  # Wall hold: hold 30 s, 3 reps alternating, rest 5 s
    form = window.exercise_form
    assert form.dosing_buttons[Dosing.HOLD].isChecked()
    assert form.rows["reps"].isVisible() and form.rows["sides"].isVisible()
    qtbot.mouseClick(form.dosing_buttons[Dosing.DURATION], Qt.MouseButton.LeftButton)
    exercise = window.current_draft().exercises[2]
    assert exercise == {"name": "Wall hold", "duration": "30 s"}
    for key in ("reps", "sets", "sides", "rest", "set_rest"):
        assert not form.rows[key].isVisible(), key  # nothing left to enter that would conflict
    assert form.rows["timing"].label.text() == "How lon&g it lasts:"
    assert form.seconds.spin.accessibleName() == "How long it lasts"
    assert window.save_button.isEnabled()
    qtbot.keyClick(window.exercise_list.list, Qt.Key.Key_Z, CTRL)
    assert window.current_draft().exercises[2]["hold"] == "30 s"
    assert window.current_draft().exercises[2]["reps"] == 3
    assert form.rows["reps"].isVisible()


def test_counted_reps_have_no_seconds_and_a_preset_sets_the_hold(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 0)  # Pelvic tilt: 15 counted reps
    form = window.exercise_form
    assert form.dosing_buttons[Dosing.COUNTED].isChecked()
    assert not form.rows["timing"].isVisible()
    qtbot.mouseClick(form.dosing_buttons[Dosing.HOLD], Qt.MouseButton.LeftButton)
    assert form.rows["timing"].isVisible()
    preset = next(b for b in form.seconds.preset_buttons if b.text() == "45 s")
    qtbot.mouseClick(preset, Qt.MouseButton.LeftButton)
    tilt = {"name": "Pelvic tilt", "reps": 15}
    assert window.current_draft().exercises[0] == {**tilt, "hold": "45 s"}
    assert form.seconds.spin.text() == "45 s"  # seconds with their unit
    # Back to counted: the hold goes, the reps stay.
    qtbot.mouseClick(form.dosing_buttons[Dosing.COUNTED], Qt.MouseButton.LeftButton)
    assert window.current_draft().exercises[0] == {"name": "Pelvic tilt", "reps": 15}


def test_an_emptied_name_is_a_problem_at_the_name_and_save_waits_for_it(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 0)
    form = window.exercise_form
    assert window.save_button.isEnabled()
    form.name.setFocus()
    form.name.selectAll()
    qtbot.keyClick(form.name, Qt.Key.Key_Delete)
    assert form.rows["name"].problem_text == "name is empty"
    assert form.name.accessibleDescription() == "name is empty"  # a screen reader says it
    assert not window.save_button.isEnabled()
    assert not window.saving.save_action.isEnabled()
    assert window.status.text() == (
        "1 problem to fix. The first, shown at its field: exercise 1: name is empty."
    )
    assert "⚠" in window.exercise_list.list.item(0).text()
    qtbot.keyClicks(form.name, "Pelvic tilt")
    assert form.rows["name"].problem_text == ""
    assert window.save_button.isEnabled()


def test_an_empty_new_routine_says_what_is_missing_at_each_field(qtbot: QtBot) -> None:
    window = open_editor(qtbot)
    rows = window.routine_form.rows
    assert rows["title"].problem_text == "title is empty"
    assert window.exercise_list.problem.text().startswith("No exercises yet")
    assert rows["id"].problem_text == "Made from the title: give the routine a title first."
    assert not window.save_button.isEnabled()
    assert window.tabs.tabText(0).startswith("&Routine (")
    # The status line names the title first, in the form's words, never the file name.
    status = window.status.text()
    assert status == "3 problems to fix. The first, shown at its field: title is empty."
    qtbot.keyClicks(window.routine_form.title, "Morning stretches")
    assert window.routine_form.id.text() == "morning-stretches"  # the id follows the title
    assert rows["title"].problem_text == ""
    assert rows["id"].problem_text == ""
    assert window.status.text() == (
        "1 problem to fix. The first, shown at its field: "
        "no exercises yet (add one from the library, or your own)."
    )


def test_a_typed_id_stops_following_the_title_and_a_bad_one_is_pinned_there(
    qtbot: QtBot,
) -> None:
    window = open_editor(qtbot, ROUTINE)
    form = window.routine_form
    form.id.setFocus()
    form.id.selectAll()
    qtbot.keyClicks(form.id, "My Routine")
    assert "id must be lowercase letters" in form.rows["id"].problem_text
    assert not window.save_button.isEnabled()
    form.id.selectAll()
    qtbot.keyClicks(form.id, "evening-2")
    form.title.setFocus()
    qtbot.keyClicks(form.title, " plus")
    assert window.current_draft().fields["id"] == "evening-2"
    assert window.save_button.isEnabled()


def test_frequency_get_ready_and_pain_rise_are_written_in_the_formats_words(
    qtbot: QtBot,
) -> None:
    window = open_editor(qtbot, ROUTINE)
    form = window.routine_form
    assert form.times.value() == 2 and form.period.currentData() == "day"
    form.period.setCurrentIndex(1)
    form.times.setValue(3)
    form.lead_in.spin.setValue(10)
    form.pain_rise.setValue(3)
    fields = window.current_draft().fields
    assert fields["frequency"] == "3x/week"
    assert fields["lead_in"] == "10 s"
    assert fields["pain_advice_rise"] == 3
    assert form.pain_rise.minimum() == 1 and form.pain_rise.maximum() == 10
    form.times.setValue(0)  # "Not set"
    assert "frequency" not in window.current_draft().fields
    assert window.check.ok


def test_a_library_exercise_shows_a_change_as_this_routines_own(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 1)  # use: knee-to-chest (hold 30 s, 3 reps alternating)
    form = window.exercise_form
    assert "From the library: Knee-to-chest stretch" in form.library_line.text()
    assert form.name.text() == "Knee-to-chest stretch"
    assert form.seconds.spin.value() == 30
    assert not form.rows["timing"].override.isVisible()
    form.seconds.spin.setValue(20)
    assert window.current_draft().exercises[1] == {"use": "knee-to-chest", "hold": "20 s"}
    row = form.rows["timing"]
    assert row.override.isVisible()
    assert "the library says: 30 s" in row.override.text()
    qtbot.mouseClick(row.reset_button, Qt.MouseButton.LeftButton)
    assert window.current_draft().exercises[1] == {"use": "knee-to-chest"}
    assert form.seconds.spin.value() == 30
    assert not row.override.isVisible()
    # The library's own value typed back is no change either.
    form.reps.setValue(4)
    form.reps.setValue(3)
    assert window.current_draft().exercises[1] == {"use": "knee-to-chest"}


def test_make_it_my_own_writes_the_library_fields_out(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 1)
    qtbot.mouseClick(window.exercise_form.detach_button, Qt.MouseButton.LeftButton)
    exercise = window.current_draft().exercises[1]
    assert "use" not in exercise
    assert exercise["name"] == "Knee-to-chest stretch"
    assert window.exercise_form.library_line.text() == "Your own exercise."
    assert window.check.ok


def test_sides_and_picture_choices(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 0)
    form = window.exercise_form
    assert [form.sides.itemData(i) for i in range(form.sides.count())] == [
        "none",
        "alternate",
        "each",
        "left",
        "right",
    ]
    form.sides.setCurrentIndex(form.sides.findData("each"))
    position = form.picture.combo.findData("pelvic-tilt.svg")
    assert position > 0  # the app's own pictures are offered by name
    form.picture.combo.setCurrentIndex(position)
    form.picture.combo.activated.emit(position)
    assert window.current_draft().exercises[0]["sides"] == "each"
    assert window.current_draft().exercises[0]["image"] == "pelvic-tilt.svg"
    assert not form.picture.thumbnail.pixmap().isNull()
    assert form.picture.combo.accessibleName() == "Picture"
    assert window.check.ok


def test_problems_follow_the_selected_exercise(qtbot: QtBot) -> None:
    data = {**ROUTINE, "exercises": [{"name": "", "reps": 3}, {"name": "Tilt", "reps": 15}]}
    window = open_editor(qtbot, data)
    form = window.exercise_form
    select(window, 0)
    assert form.rows["name"].problem_text == "name is empty"
    assert window.tabs.tabText(1) == "Exerci&se (1 to fix)"
    select(window, 1)
    assert form.rows["name"].problem_text == ""
    assert not window.try_button.isEnabled()


def test_a_session_too_long_is_said_at_the_exercise_that_passes_4_hours(qtbot: QtBot) -> None:
    long_hold = {"name": "Long hold", "hold": "1 h", "reps": 3, "sets": 2}
    window = open_editor(qtbot, {**ROUTINE, "exercises": [long_hold]})
    select(window, 0)
    assert "with exercise 1 the session passes 4 h" in window.exercise_form.problem.text()
    assert window.exercise_form.problem.isVisible()
    window.exercise_form.sets.setValue(1)
    assert not window.exercise_form.problem.isVisible()
    assert window.save_button.isEnabled()


def test_contact_reminder_times_and_replaces_are_fields_of_their_own(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    form = window.routine_form
    qtbot.keyClicks(form.contact, "01234 567890")
    qtbot.keyClicks(form.remind_at, "08:00, 18:30")
    qtbot.keyClicks(form.replaces, "week-2")
    fields = window.current_draft().fields
    assert fields["contact"] == "01234 567890"
    assert fields["remind_at"] == ["08:00", "18:30"]
    assert fields["replaces"] == "week-2"
    assert window.check.routine is not None
    assert window.check.routine.contact == "01234 567890"
    form.remind_at.clear()
    qtbot.keyClicks(form.remind_at, "8am")
    assert "remind_at" in form.rows["remind_at"].problem_text
    assert not window.save_button.isEnabled()
    qtbot.keyClick(form.remind_at, Qt.Key.Key_Z, CTRL)
    assert form.remind_at.text() == "08:00, 18:30"


def test_the_id_of_a_saved_routine_stays_when_its_title_changes(qtbot: QtBot) -> None:
    window = open_editor(qtbot)
    qtbot.keyClicks(window.routine_form.title, "Morning")
    window.document.add_exercise({"use": "pelvic-tilt"})
    assert window.saving.save()
    assert window.file_path is not None and window.file_path.name == "morning.yaml"
    window.routine_form.title.end(False)
    qtbot.keyClicks(window.routine_form.title, " stretches")
    assert window.current_draft().fields["id"] == "morning"  # its history stays with it
    assert window.saving.save()
    assert window.file_path.name == "morning.yaml"


def test_words_from_a_file_are_shown_as_written_never_as_markup(qtbot: QtBot) -> None:
    hostile = "<b>Knee</b> <img src='x.png'>"
    data = {**ROUTINE, "exercises": [{"name": hostile, "reps": 3, "<i>hold_time</i>": 5}]}
    window = open_editor(qtbot, data)
    select(window, 0)
    form = window.exercise_form
    assert window.exercise_list.list.item(0).text().startswith(f"1. {hostile}")
    assert form.name.text() == hostile
    assert "unknown field '<i>hold_time</i>'" in form.problem.text()
    assert form.problem.textFormat() == Qt.TextFormat.PlainText
    assert form.rows["name"].problem.textFormat() == Qt.TextFormat.PlainText
    tip = window.exercise_list.list.item(0).toolTip()
    assert "&lt;i&gt;" in tip  # a tooltip is rich text when it looks like it: escaped


def test_the_forms_type_grows_with_the_system_font(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    system_font(15)
    window = open_editor(qtbot, ROUTINE)
    select(window, 2)
    for widget in (
        window.routine_form.title,
        window.exercise_form.name,
        window.exercise_form.seconds.spin,
        window.exercise_list.list,
    ):
        assert widget.font().pointSizeF() == pytest.approx(18), widget.accessibleName()


def test_a_description_keeps_its_paragraphs(qtbot: QtBot) -> None:
    window = open_editor(qtbot, {**ROUTINE, "description": "First week.\n\nThen every day."})
    box = window.routine_form.description
    assert box.toPlainText() == "First week.\n\nThen every day."
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " Gently.")
    assert window.current_draft().fields["description"] == "First week.\n\nThen every day. Gently."


def test_a_problem_reads_on_a_dark_theme_too(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    from timer_app.gui.editor.field_rows import problem_colour

    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    on_light, on_dark = QColor(problem_colour(light)), QColor(problem_colour(dark))
    assert on_light.lightnessF() < 0.5 < on_dark.lightnessF()


def test_after_a_library_pick_the_focus_is_on_the_new_exercise_in_the_list(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from timer_app.gui.editor.library_picker import LibraryPicker

    monkeypatch.setattr(LibraryPicker, "exec", lambda _self: 1)
    monkeypatch.setattr(LibraryPicker, "chosen_id", lambda _self: "piriformis")
    window = open_editor(qtbot)
    assert QApplication.focusWidget() is window.routine_form.title
    window.add_from_library()
    assert window.tabs.currentIndex() == 1  # its form is shown
    assert QApplication.focusWidget() is window.exercise_list.list  # not "Make it my own"
    assert window.exercise_list.list.currentRow() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.current_draft().exercises == [{"use": "piriformis"}]  # still the library's


def test_a_change_where_the_library_gives_no_value_says_what_applied(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    select(window, 1)  # use: knee-to-chest, which sets no get-ready of its own
    form = window.exercise_form
    form.lead_in.spin.setValue(15)
    assert window.current_draft().exercises[1] == {"use": "knee-to-chest", "lead_in": "15 s"}
    words = form.rows["lead_in"].override.text()
    assert words == "Changed for this routine (the library says: the routine's get-ready)"
    form.sets.setValue(2)
    assert form.rows["sets"].override.text().endswith("(the library says: the default)")
