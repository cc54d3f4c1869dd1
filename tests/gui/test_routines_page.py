"""The routines list as a person uses it: doses in words, Start, importing files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import BAD_ROUTINE, GOOD_ROUTINE, write
from timer_app.gui.pages.routines import RoutinesPage


def make_page(qtbot: QtBot) -> RoutinesPage:
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.resize(1000, 700)
    page.show()
    return page


def test_bundled_routines_are_listed_with_their_dose_in_words(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    ids = [r.id for r in page.routines()]
    assert "knee-to-chest" in ids
    assert page.select("knee-to-chest")
    details = page.details.toPlainText()
    assert "Knee-to-chest stretch" in details
    assert "Hold 30 s · 3 reps each side, alternating" in details
    assert "Comes with the app" in details
    assert "Stop if pain spreads or radiates down your leg." in details  # safety notes
    assert not page.problems_box.isVisible()


def test_own_routine_shows_author_frequency_and_counted_reps(qtbot: QtBot, data_dir: Path) -> None:
    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page = make_page(qtbot)
    assert page.select("my-stretch")
    details = page.details.toPlainText()
    assert "Your own" in details
    assert "by Dr Test" in details
    assert "3 times a day" in details
    assert "15 reps" in details
    assert "plus your counted reps" in details


def test_enter_starts_the_selected_routine(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.select("piriformis")
    page.list.setFocus()
    with qtbot.waitSignal(page.sig_start) as started:
        qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert started.args[0].id == "piriformis"


def test_start_button_starts_the_selected_routine(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.select("knee-to-chest")
    with qtbot.waitSignal(page.sig_start) as started:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert started.args[0].id == "knee-to-chest"


def test_importing_a_good_file_adds_it_to_the_list(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    page = make_page(qtbot)
    source = write(tmp_path / "from-therapist" / "my-stretch.yaml", GOOD_ROUTINE)
    routine = page.import_file(source)
    assert routine is not None and routine.id == "my-stretch"
    assert (data_dir / "routines" / "my-stretch.yaml").read_text() == GOOD_ROUTINE
    assert page.selected_routine() is not None
    assert page.selected_routine().id == "my-stretch"
    assert "Imported “My stretch”" in page.message.text()
    assert not page.problems_box.isVisible()


def test_a_bad_file_is_refused_with_located_messages(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    page = make_page(qtbot)
    before = [r.id for r in page.routines()]
    bad = write(tmp_path / "bad.yaml", BAD_ROUTINE)
    assert page.import_file(bad) is None
    shown = page.problems_shown()
    assert "bad.yaml was not imported" in shown
    assert f"{bad}:8:5: hold is not a length of time" in shown  # file:line:col
    assert not (data_dir / "routines" / "bad.yaml").exists()
    assert [r.id for r in page.routines()] == before


def test_bad_files_in_the_folders_are_listed_and_never_hide_good_ones(
    qtbot: QtBot, data_dir: Path
) -> None:
    write(data_dir / "routines" / "broken.yaml", BAD_ROUTINE)
    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page = make_page(qtbot)
    assert "my-stretch" in [r.id for r in page.routines()]
    assert "knee-to-chest" in [r.id for r in page.routines()]
    shown = page.problems_shown()
    assert "could not be read" in shown
    assert "broken.yaml:8:5: hold is not a length of time" in shown


def test_a_different_routine_with_the_same_id_is_replaced_only_when_confirmed(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page = make_page(qtbot)
    changed = write(tmp_path / "my-stretch.yaml", GOOD_ROUTINE.replace("reps: 15", "reps: 20"))

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert page.import_file(changed) is None
    assert "reps: 15" in (data_dir / "routines" / "my-stretch.yaml").read_text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    routine = page.import_file(changed)
    assert routine is not None
    assert "reps: 20" in (data_dir / "routines" / "my-stretch.yaml").read_text()
    assert "20 reps" in page.details.toPlainText()
