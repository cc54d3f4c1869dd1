"""Saving from the editor, and the question when closing with unsaved changes.

Real files in the test's own data dir; each saved file is read back by the app's
own loader (`load_routine_file`), as the Routines page would read it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import ROUTINE, open_editor
from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Sides
from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
from timer_app.storage.paths import user_routines_dir
from timer_app.storage.routines.catalog import load_routine_file

CTRL = Qt.KeyboardModifier.ControlModifier

COMMENTED = """\
# Riverside Physio: evening programme, reviewed 3 March
title: Evening back care
id: evening-back-care
frequency: 2x/day   # as agreed with the patient
exercises:
  - name: Pelvic tilt
    reps: 15
  # from the library, unchanged
  - use: knee-to-chest
"""


class Asked:
    """Answers the close question and remembers each one asked."""

    def __init__(self, answer: CloseAnswer) -> None:
        self.answer = answer
        self.asked: list[tuple[str, bool]] = []

    def __call__(self, title: str, text: str, can_save: bool) -> CloseAnswer:
        self.asked.append((text, can_save))
        return self.answer


def dirty(window: EditorWindow) -> None:
    window.document.set_routine_field("description", "For the evenings.", "description")


def test_ctrl_s_saves_a_new_routine_the_app_then_lists_and_plays(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.document.undo_stack.resetClean()  # never saved
    with qtbot.waitSignal(window.saved) as saved:
        qtbot.keyClick(window.exercise_list.list, Qt.Key.Key_S, CTRL)
    path = saved.args[0]
    assert path == user_routines_dir() / "evening-back-care.yaml"
    routine = load_routine_file(path, library=window.library(), check_images=True)
    assert routine.title == "Evening back care"
    assert [e.name for e in routine.exercises] == [
        "Pelvic tilt",
        "Knee-to-chest stretch",
        "Wall hold",
    ]
    wall = routine.exercises[2]
    assert (wall.dosing, wall.hold, wall.reps, wall.sides) == (Dosing.HOLD, 30, 3, Sides.ALTERNATE)
    assert build_plan(routine).total_seconds > 0
    assert not window.isWindowModified()
    assert window.file_path == path
    assert "evening-back-care" in {r.id for r in window._model.routines()}  # listed at once


def test_after_a_save_the_status_line_names_the_file_until_the_next_edit(
    qtbot: QtBot,
) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.document.undo_stack.resetClean()  # never saved
    assert window.isWindowModified()
    assert window.status.text() == "Ready to save."
    with qtbot.waitSignal(window.saved):
        qtbot.keyClick(window.exercise_list.list, Qt.Key.Key_S, CTRL)
    QApplication.processEvents()  # the app model reads the folders again: still said
    assert window.status.text() == "Saved as evening-back-care.yaml."
    assert window.status.toolTip() == str(user_routines_dir() / "evening-back-care.yaml")
    assert not window.isWindowModified()
    dirty(window)  # the next edit: it is no longer what the file holds
    assert window.status.text() == "Ready to save."
    assert window.isWindowModified()
    qtbot.keyClick(window.exercise_list.list, Qt.Key.Key_Z, CTRL)  # back to what was saved
    assert window.status.text() == "Saved as evening-back-care.yaml."
    assert not window.isWindowModified()


def test_saving_an_opened_file_keeps_its_comments_and_changes_only_the_edited_line(
    qtbot: QtBot,
) -> None:
    path = user_routines_dir() / "evening-back-care.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(COMMENTED, encoding="utf-8")
    from timer_app.gui.editor.launch import read_draft

    window = EditorWindow(open_editor(qtbot)._model, read_draft(path), file_path=path)
    qtbot.addWidget(window)
    window.ask_close = lambda *_args: CloseAnswer.DISCARD
    window.exercise_list.list.setCurrentRow(0)
    window.exercise_form.reps.setValue(12)
    assert window.saving.save()
    before, after = COMMENTED.splitlines(), path.read_text(encoding="utf-8").splitlines()
    changed = [(b, a) for b, a in zip(before, after[-len(before) :], strict=True) if b != a]
    assert changed == [("    reps: 15", "    reps: 12")]
    assert load_routine_file(path).exercises[0].reps == 12


def test_a_picture_from_a_file_is_copied_beside_the_saved_routine(
    qtbot: QtBot, tmp_path: Path
) -> None:
    picture = tmp_path / "photos" / "wall-hold.png"
    picture.parent.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(picture))
    window = open_editor(qtbot, ROUTINE)
    window.exercise_list.list.setCurrentRow(2)
    window.exercise_form._edit("image", str(picture), "picture")  # as the file dialog does
    assert not window.exercise_form.picture.thumbnail.pixmap().isNull()
    assert window.saving.save_to_mine()
    saved = user_routines_dir() / "evening-back-care.yaml"
    assert (user_routines_dir() / "wall-hold.png").read_bytes() == picture.read_bytes()
    assert "image: wall-hold.png" in saved.read_text(encoding="utf-8")
    routine = load_routine_file(saved, check_images=True)
    assert routine.exercises[2].image is not None
    assert window.current_draft().exercises[2]["image"] == "wall-hold.png"


def test_pick_a_file_offers_every_kind_of_picture_saving_takes_a_webp_photo_too(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "photos" / "wall-hold.webp"
    picture.parent.mkdir()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("seagreen"))
    assert image.save(str(picture), "WEBP")
    offered: list[str] = []

    def dialog(*args: object) -> tuple[str, str]:  # the therapist picks the photo
        offered.append(str(args[3]))
        return str(picture), str(args[3])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    window = open_editor(qtbot, ROUTINE)
    window.exercise_list.list.setCurrentRow(2)
    qtbot.mouseClick(window.exercise_form.picture.file_button, Qt.MouseButton.LeftButton)
    assert offered == ["Pictures (*.png *.jpg *.jpeg *.svg *.webp)"]
    assert not window.exercise_form.picture.thumbnail.pixmap().isNull()
    assert window.saving.save_to_mine()
    assert (user_routines_dir() / "wall-hold.webp").read_bytes() == picture.read_bytes()
    saved = load_routine_file(user_routines_dir() / "evening-back-care.yaml", check_images=True)
    assert saved.exercises[2].image is not None


def test_a_bundled_routines_copy_is_saved_in_my_routines(qtbot: QtBot) -> None:
    from timer_app.gui.editor.launch import open_editor as open_target

    window = open_target("knee-to-chest", open_editor(qtbot)._model)
    qtbot.addWidget(window)
    window.ask_close = lambda *_args: CloseAnswer.DISCARD
    assert window.read_only
    window.show()
    assert window.banner.isVisible()
    assert window.routine_form.title.text().endswith("(my copy)")
    assert window.saving.save()
    path = window.file_path
    assert path is not None and path.parent == user_routines_dir()
    assert path.name != "knee-to-chest.yaml"
    assert not window.banner.isVisible()
    assert load_routine_file(path).title.endswith("(my copy)")
    # The copy keeps the bundled file's comments (its first line says where the dose
    # comes from), as a therapist who reads the file expects.
    bundled = Path(window._model.catalog.routines["knee-to-chest"].source_path or "")
    comment = bundled.read_text(encoding="utf-8").splitlines()[0]
    assert comment.startswith("# ")
    saved = path.read_text(encoding="utf-8")
    assert saved.splitlines()[0] == comment
    assert "yaml-language-server" not in saved and str(Path.home()) not in saved


def test_a_save_refused_says_why_and_keeps_the_changes(qtbot: QtBot) -> None:
    taken = user_routines_dir() / "evening-back-care.yaml"
    taken.parent.mkdir(parents=True, exist_ok=True)
    taken.write_text("title: Someone else's\nexercises:\n  - name: Walk\n    duration: 5 min\n")
    window = open_editor(qtbot, ROUTINE)
    told: list[str] = []
    window.saving.tell = told.append
    dirty(window)
    assert not window.saving.save()
    assert len(told) == 1 and "give this one a different id" in told[0]
    assert window.isWindowModified()
    assert "Someone else's" in taken.read_text()


def test_save_to_a_clinic_folder_and_export_for_a_patient(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    window = open_editor(qtbot, ROUTINE)
    offered: list[list[Path]] = []

    def choose(folders: list[tuple[str, Path]]) -> Path:
        offered.append([path for _label, path in folders])
        return folders[0][1]

    window.saving.choose_clinic_folder = choose
    assert window.saving.save_to_clinic()
    assert offered == [[clinic]]  # my routines has its own action
    assert load_routine_file(clinic / "evening-back-care.yaml").title == "Evening back care"
    handout = tmp_path / "for-mrs-jones.zip"
    window.saving.choose_export_target = lambda _routine: (handout, True)
    assert window.saving.export_for_patient()
    with zipfile.ZipFile(handout) as archive:
        assert any(name.endswith("evening-back-care.yaml") for name in archive.namelist())
    assert "Exported" in window.status.text()


def test_closing_without_changes_asks_nothing(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    asked = Asked(CloseAnswer.CANCEL)
    window.ask_close = asked
    assert window.close()
    assert asked.asked == []


def test_cancel_keeps_the_editor_open_with_the_changes(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    dirty(window)
    asked = Asked(CloseAnswer.CANCEL)
    window.ask_close = asked
    assert not window.close()
    assert window.isVisible()
    assert asked.asked == [("Save your changes to this routine before closing?", True)]
    assert window.current_draft().fields["description"] == "For the evenings."


def test_discard_closes_and_writes_nothing(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    dirty(window)
    window.ask_close = Asked(CloseAnswer.DISCARD)
    assert window.close()
    assert not user_routines_dir().exists() or not any(user_routines_dir().iterdir())


def test_save_on_close_writes_the_file_then_closes(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    dirty(window)
    window.ask_close = Asked(CloseAnswer.SAVE)
    assert window.close()
    saved = load_routine_file(user_routines_dir() / "evening-back-care.yaml")
    assert saved.description == "For the evenings."


def test_a_routine_with_problems_can_only_be_discarded_or_kept_open(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    window.document.set_routine_field("title", "", "title")
    asked = Asked(CloseAnswer.CANCEL)
    window.ask_close = asked
    assert not window.close()
    assert asked.asked[0][1] is False  # no Save offered
    assert "cannot be saved until its problems are fixed" in asked.asked[0][0]


def test_the_real_question_box_offers_save_discard_and_cancel(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    dirty(window)
    from timer_app.gui.editor.editor_window import ask_close_box

    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text().replace("&", "") for b in box.buttons()])
        box.button(QMessageBox.StandardButton.Cancel).click()

    window.ask_close = lambda title, text, can_save: ask_close_box(window, title, text, can_save)
    QTimer.singleShot(0, answer)
    assert not window.close()
    assert sorted(seen[0]) == ["Cancel", "Discard", "Save"]
    assert window.isVisible()
    window.ask_close = lambda *_args: CloseAnswer.DISCARD


def test_with_no_clinic_folder_it_says_where_to_add_one(qtbot: QtBot) -> None:
    window = open_editor(qtbot, ROUTINE)
    told: list[str] = []
    window.saving.tell = told.append
    assert not window.saving.save_to_clinic()
    assert len(told) == 1 and "Routine folders…" in told[0]
