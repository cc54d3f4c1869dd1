"""Removing your own routines: undoable, history kept, never the app's or the clinic's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines import trash as routine_trash
from timer_app.storage.routines.catalog import load_catalog

WEEK_1 = "id: week-1\ntitle: Week 1\nexercises:\n  - use: knee-to-chest\n"
OVERRIDE = "id: piriformis\ntitle: My piriformis\nexercises:\n  - use: piriformis\n"


def _own(name: str, text: str) -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_removed_routine_leaves_the_list_and_comes_back_with_undo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _own("week-1.yaml", WEEK_1)
    assert main(["remove", "week-1"]) == 0
    assert "week-1" not in load_catalog().routines
    assert not path.exists()
    assert "its history is kept" in capsys.readouterr().out
    (item,) = routine_trash.trashed()
    assert item.trash_path.read_text(encoding="utf-8") == WEEK_1  # nothing lost
    assert main(["remove", "--undo"]) == 0
    assert path.read_text(encoding="utf-8") == WEEK_1
    assert "week-1" in load_catalog().routines
    assert routine_trash.trashed() == []


def test_removing_an_override_brings_back_the_bundled_routine(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _own("piriformis.yaml", OVERRIDE)
    assert load_catalog().routines["piriformis"].title == "My piriformis"
    assert main(["remove", "piriformis"]) == 0
    assert "bundled routine with this id is used again" in capsys.readouterr().out
    assert load_catalog().routines["piriformis"].title == "Piriformis stretch"


def test_bundled_and_clinic_routines_cannot_be_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "clinic-week.yaml").write_text(WEEK_1.replace("week-1", "clinic-week"), "utf-8")
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(clinic))
    assert main(["remove", "knee-to-chest"]) == 1
    assert "comes with the app" in capsys.readouterr().err
    assert main(["remove", "clinic-week"]) == 1
    assert "clinic's folder" in capsys.readouterr().err
    assert (clinic / "clinic-week.yaml").exists()
    assert "knee-to-chest" in load_catalog().routines


def test_undo_never_overwrites_a_file_that_took_the_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _own("week-1.yaml", WEEK_1)
    assert main(["remove", "week-1"]) == 0
    newer = WEEK_1.replace("Week 1", "Week 1 (revised)")
    path.write_text(newer, encoding="utf-8")
    assert main(["remove", "--undo", "week-1"]) == 0
    assert path.read_text(encoding="utf-8") == newer
    restored = path.with_name("week-1-restored-2.yaml")
    assert restored.read_text(encoding="utf-8") == WEEK_1


def test_unknown_ids_and_an_empty_trash_are_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remove", "no-such-routine"]) == 1
    assert "no routine has the id 'no-such-routine'" in capsys.readouterr().err
    assert main(["remove", "--undo"]) == 1
    assert "nothing removed" in capsys.readouterr().err


def test_the_trash_is_in_the_data_dir(data_dir: Path) -> None:
    _own("week-1.yaml", WEEK_1)
    item = routine_trash.remove_routine(load_catalog().routines["week-1"])
    assert item.trash_path.parent == data_dir / "trash"
    assert os.path.commonpath([item.trash_path, data_dir]) == str(data_dir)
