"""A missing or misspelled `image:` is reported located by validate and import."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines.catalog import load_catalog

WEEK_3 = (
    "title: Week 3\n"
    "exercises:\n"
    "  - name: Knee to chest\n"
    "    hold: 30 s\n"
    "    image: pics/knee.png\n"
    "  - name: Bridge\n"
    "    reps: 10\n"
    "    image: bridging.svg\n"  # one of the app's own pictures
    "  - use: wall-sit\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _stick(tmp_path: Path, *, wall_sit_image: str = "") -> Path:
    stick = tmp_path / "usb"
    (stick / "pics").mkdir(parents=True)
    (stick / "library").mkdir()
    (stick / "pics" / "knee-to-chest.png").write_bytes(PNG)
    (stick / "week-3.yaml").write_text(WEEK_3, encoding="utf-8")
    wall_sit = "name: Wall sit\nhold: 20 s\n" + wall_sit_image
    (stick / "library" / "wall-sit.yaml").write_text(wall_sit, encoding="utf-8")
    return stick


def test_validate_names_the_misspelled_picture_and_the_close_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    week_3 = _stick(tmp_path) / "week-3.yaml"
    assert main(["validate", str(week_3)]) == 1
    assert capsys.readouterr().out == (
        f"{week_3}:5:5: image 'pics/knee.png' not found — did you mean 'pics/knee-to-chest.png'?\n"
    )


def test_a_library_exercise_picture_is_checked_in_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = _stick(tmp_path, wall_sit_image="image: wall-sit.png\n")
    (stick / "week-3.yaml").write_text(WEEK_3.replace("knee.png", "knee-to-chest.png"))
    assert main(["validate", str(stick)]) == 1
    out = capsys.readouterr().out
    assert f"{stick / 'library' / 'wall-sit.yaml'}:3:1: image 'wall-sit.png' not found" in out
    assert f"{stick / 'week-3.yaml'}: ok — Week 3 (3 exercises," in out


def test_import_refuses_it_and_copies_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    week_3 = _stick(tmp_path) / "week-3.yaml"
    assert main(["import", str(week_3)]) == 1
    assert "week-3.yaml:5:5: image 'pics/knee.png' not found" in capsys.readouterr().out
    assert not (paths.user_routines_dir() / "week-3.yaml").exists()
    # Corrected, it imports with its picture.
    week_3.write_text(WEEK_3.replace("knee.png", "knee-to-chest.png"), encoding="utf-8")
    assert main(["import", str(week_3)]) == 0
    assert (paths.user_routines_dir() / "pics" / "knee-to-chest.png").read_bytes() == PNG


def test_the_window_still_lists_a_routine_whose_picture_went_missing() -> None:
    # A patient's routine never vanishes for a picture: it plays without it.
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    text = WEEK_3.replace("  - use: wall-sit\n", "")
    (folder / "week-3.yaml").write_text(text, encoding="utf-8")
    catalog = load_catalog()
    assert "week-3" in catalog.routines and catalog.problems == []
