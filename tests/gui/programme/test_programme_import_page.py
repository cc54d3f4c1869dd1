"""Import on the Routines page takes a programme file as `timer-app import` does
(issue 16): alone, or from a folder or a selection with the routines it names
(routines first); a changed programme asks before replacing it; a therapist's
new file that moves the stage says so. Real files, real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage import paths
from timer_app.storage.history.store import SqliteHistoryStore

PLAN = """\
title: Back to the garden
advance: therapist
current_stage: {stage}
stages:
  - name: Easy does it
    weeks: 1-2
    routines: [gentle-start]
  - name: Longer walks
    weeks: 3+
    routines: [garden-walk]
"""
WALK = "title: Garden walk\nexercises:\n  - use: walking\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_page(qtbot: QtBot, store: SqliteHistoryStore | None = None) -> RoutinesPage:
    model = AppModel(history=store)
    model.programme.today = lambda: date(2026, 3, 20)
    model.load_routines(background=False)
    page = RoutinesPage(model)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_a_folder_with_a_programme_and_its_routine_imports_both(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    stick = tmp_path / "stick"
    write(stick / "a-garden.yaml", PLAN.format(stage=1))  # named first: imported last
    write(stick / "garden-walk.yaml", WALK)
    page = make_page(qtbot)
    page.import_files([stick])
    assert page.problems_shown() == ""
    assert page.message.text().splitlines() == [
        "Imported “Garden walk”. It is now in your list.",
        "Imported the programme “Back to the garden”. Start it with Start programme… above.",
    ]
    assert (paths.user_routines_dir() / "garden-walk.yaml").is_file()
    assert (paths.user_routines_dir() / "a-garden.yaml").is_file()
    assert "a-garden" in page.model.programme.programmes()
    assert "garden-walk" in [r.id for r in page.routines()]


def test_a_programme_file_alone_is_imported_not_refused(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    source = write(tmp_path / "sent" / "garden.yaml", PLAN.format(stage=1).replace(
        "garden-walk", "core-routine"
    ))  # fmt: skip
    page = make_page(qtbot)
    assert page.import_file(source) is None  # not a routine: nothing to select
    assert page.problems_shown() == ""  # never "this file is a programme…"
    assert "garden" in page.model.programme.programmes()


def test_a_programme_naming_a_routine_the_patient_lacks_is_refused_with_its_line(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    source = write(tmp_path / "sent" / "garden.yaml", PLAN.format(stage=1))
    page = make_page(qtbot)
    page.import_files([source])
    text = page.problems_shown()
    assert "garden.yaml was not imported" in text
    assert "no routine has the id 'garden-walk'" in text
    assert not (paths.user_routines_dir() / "garden.yaml").exists()


def test_a_therapists_new_file_asks_then_moves_the_stage_and_says_so(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    write(stick / "garden-walk.yaml", WALK)
    write(stick / "garden.yaml", PLAN.format(stage=1))
    store = SqliteHistoryStore.open()
    page = make_page(qtbot, store)
    page.import_files([stick])
    assert page.model.programme.start("garden", date(2026, 3, 2))

    newer = write(tmp_path / "week-3" / "garden.yaml", PLAN.format(stage=2))
    asked: list[str] = []

    def question(_parent: object, title: str, _text: str, *_a: object) -> object:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    page.import_files([newer])
    assert asked == ["Replace programme?"]
    assert page.message.text().splitlines() == [
        "Imported the programme “Back to the garden”.",
        "Your therapist's new file moves you to stage 2: Longer walks.",
    ]
    enrolment = page.model.programme.enrolment()
    assert enrolment is not None and enrolment.stage_index == 1
    status = page.model.programme.status()
    assert status is not None and status.stage_name == "Longer walks"
    store.close()


def test_of_a_broken_file_and_a_good_one_both_are_told(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    # Two files chosen at once: the good one's "Imported …" cleared the broken
    # one's problems, so the patient believed both were in.
    bad = write(
        tmp_path / "week-4.yaml",
        "title: Week 4\nexercises:\n  - use: knee-to-chest\n    hlod: 5 s\n",
    )
    good = write(tmp_path / "garden-walk.yaml", WALK)
    page = make_page(qtbot)
    page.import_files([bad, good])
    assert page.message.text() == "Imported “Garden walk”. It is now in your list."
    assert page.problems_shown().splitlines() == [
        "week-4.yaml was not imported. Please fix these lines:",
        f"{bad}:4:5: unknown field 'hlod' — did you mean 'hold'?",
    ]


def test_start_it_above_goes_once_the_programme_is_started(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    store = SqliteHistoryStore.open()
    page = make_page(qtbot, store)
    write(tmp_path / "stick" / "garden-walk.yaml", WALK)
    write(tmp_path / "stick" / "garden.yaml", PLAN.format(stage=1))
    page.import_files([tmp_path / "stick"])
    assert page.message.isVisible()
    assert "Start it with Start programme… above." in page.message.text()
    assert page.model.programme.start("garden", date(2026, 3, 20))
    assert not page.message.isVisible()
    store.close()
