"""Routine folders… on the Routines page: what is searched, and clinic folders by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import write
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.clinic_folders_dialog import ClinicFoldersDialog
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage.settings import load_settings

WEEK_3 = "title: Week 3 from the clinic\nexercises:\n  - use: knee-to-chest\n"


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "system"))
    folder = tmp_path / "riverside"
    write(folder / "week-3.yaml", WEEK_3)
    write(folder / "clinic.yaml", "name: Riverside Physio\nhide: [mckenzie-extension]\n")
    return folder


def make_page(qtbot: QtBot) -> RoutinesPage:
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    return page


def test_adding_a_clinic_folder_lists_its_routines(
    qtbot: QtBot, clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot)
    assert "week-3" not in [r.id for r in page.routines()]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(clinic))

    def use_the_dialog(dialog: QDialog) -> int:
        assert isinstance(dialog, ClinicFoldersDialog)
        lines = [dialog.folders.item(i).text() for i in range(dialog.folders.count())]
        assert lines[1].endswith("system-wide clinic folder — not there")
        assert not dialog.remove_button.isEnabled()
        dialog.add_button.click()
        lines = [dialog.folders.item(i).text() for i in range(dialog.folders.count())]
        assert f"{clinic}\nclinic folder you added" in lines
        assert dialog.left_out.text() == ""  # read when the page reads the folders again
        return 0

    monkeypatch.setattr(ClinicFoldersDialog, "exec", use_the_dialog)
    page.folders_button.click()

    assert load_settings().clinic_folders == [str(clinic)]
    ids = [r.id for r in page.routines()]
    assert "week-3" in ids and "mckenzie-extension" not in ids


def test_removing_it_again(qtbot: QtBot, clinic: Path) -> None:
    page = make_page(qtbot)
    dialog = ClinicFoldersDialog(page.catalog, page.model, page)
    qtbot.addWidget(dialog)
    assert dialog.add_folder(str(clinic))
    page.reload()
    dialog = ClinicFoldersDialog(page.catalog, page.model, page)
    qtbot.addWidget(dialog)
    assert dialog.left_out.text() == f"McKenzie extension is hidden by {clinic / 'clinic.yaml'}"
    row = next(
        i
        for i in range(dialog.folders.count())
        if dialog.folders.item(i).text().startswith(str(clinic))
    )
    dialog.folders.setCurrentRow(row)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert load_settings().clinic_folders == []
    assert dialog.message.text() == f"Removed {clinic}; its files are kept."


def test_a_file_is_not_a_folder(qtbot: QtBot, clinic: Path) -> None:
    dialog = ClinicFoldersDialog(None, AppModel())
    qtbot.addWidget(dialog)
    assert not dialog.add_folder(str(clinic / "week-3.yaml"))
    assert dialog.message.text().endswith(
        "is not a folder; give the folder that holds the routine files"
    )
    assert load_settings().clinic_folders == []


def test_an_import_that_replaces_says_so_on_the_page(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    write(data_dir / "routines" / "week-2.yaml", "title: Week 2\nexercises:\n  - use: bridging\n")
    page = make_page(qtbot)
    sent = write(tmp_path / "sent" / "week-3.yaml", "replaces: week-2\n" + WEEK_3)
    assert page.import_file(sent) is not None
    assert "'week-2' (Week 2) is replaced by this routine: moved to the trash" in (
        page.message.text()
    )
    assert "week-2" not in [r.id for r in page.routines()]


def test_the_safety_page_names_the_clinic_of_a_folder_added(
    qtbot: QtBot, clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.gui.pages import safety_words
    from timer_app.gui.pages.safety import SafetyPage

    write(
        clinic / "clinic.yaml",
        'name: Riverside Physio\nphone: 01234 567890\nemergency_number: "999"\n',
    )
    page = make_page(qtbot)
    safety_words.clinic_info()  # read once before: no clinic yet
    monkeypatch.setattr(
        ClinicFoldersDialog, "exec", lambda dialog: 0 if dialog.add_folder(str(clinic)) else 1
    )
    page.folders_button.click()
    safety = SafetyPage()
    qtbot.addWidget(safety)
    assert safety.clinic.text() == "Your clinic: Riverside Physio, 01234 567890"
    assert safety_words.emergency_number() == "999"
    safety_words.clinic_info.cache_clear()
    safety_words.emergency_number.cache_clear()


def test_the_dialog_never_touches_the_folders_on_the_ui_thread(
    qtbot: QtBot, clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network folder that hangs would freeze the window: what the catalog found
    while reading the folders (on its worker thread) is said instead."""
    page = make_page(qtbot)
    assert page.catalog is not None

    def hangs(self: Path) -> bool:
        raise AssertionError(f"{self} looked at on the UI thread")

    monkeypatch.setattr(Path, "is_dir", hangs)
    dialog = ClinicFoldersDialog(page.catalog, page.model, page)
    qtbot.addWidget(dialog)
    lines = [dialog.folders.item(i).text() for i in range(dialog.folders.count())]
    assert lines[1].endswith("system-wide clinic folder — not there")
    assert lines[-1].endswith("your own routines (imported) — not there")
