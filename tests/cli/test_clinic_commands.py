"""Preloading from a clinic: folders added by hand, what `list` says, and `hide:`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.settings import load_settings

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="XDG_DATA_DIRS is the freedesktop way"
)

PIRIFORMIS = "title: Piriformis (clinic)\nexercises:\n  - use: piriformis\n    reps: 2\n"
WEEK_3 = "title: Week 3\nexercises:\n  - use: wall-sit\n"


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic's folder as a therapist brings it: a routine, a library, clinic.yaml."""
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "system"))
    folder = tmp_path / "riverside"
    (folder / "library").mkdir(parents=True)
    (folder / "library" / "wall-sit.yaml").write_text("name: Wall sit\nhold: 20 s\n")
    (folder / "piriformis.yaml").write_text(PIRIFORMIS)
    (folder / "week-3.yaml").write_text(WEEK_3)
    return folder


def _listing(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["list", "--json"]) == 0
    listing: dict[str, Any] = json.loads(capsys.readouterr().out)
    return listing


def test_a_folder_added_by_hand_is_read_with_no_variable(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clinic", "add", str(clinic)]) == 0
    assert f"Added {clinic} (2 routine files)." in capsys.readouterr().out
    assert load_settings().clinic_folders == [str(clinic)]
    # After the system-wide folders, before TIMER_APP_ROUTINES_PATH.
    assert paths.clinic_routine_dirs() == [Path(paths.clinic_routine_dirs()[0]), clinic]
    routines = {r["id"]: r for r in _listing(capsys)["routines"]}
    assert routines["week-3"]["source"] == "clinic"
    assert routines["piriformis"]["title"] == "Piriformis (clinic)"
    assert routines["piriformis"]["overrides"] == ["bundled"]

    assert main(["clinic", "list"]) == 0
    assert f"{clinic}  (settings)" in capsys.readouterr().out
    assert main(["clinic", "remove", str(clinic)]) == 0
    capsys.readouterr()
    assert load_settings().clinic_folders == []
    routines = {r["id"]: r for r in _listing(capsys)["routines"]}
    assert "week-3" not in routines and routines["piriformis"]["source"] == "bundled"


def test_the_variable_still_wins_over_the_settings(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = tmp_path / "later"
    later.mkdir()
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(later))
    assert main(["clinic", "add", str(clinic)]) == 0
    assert paths.clinic_routine_dirs()[-2:] == [clinic, later]


def test_adding_what_is_not_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clinic", "add", str(tmp_path / "nope")]) == 1
    assert f"{tmp_path / 'nope'} does not exist" in capsys.readouterr().err
    assert main(["clinic", "remove", str(tmp_path / "nope")]) == 1
    assert load_settings().clinic_folders == []


def test_list_says_which_folders_were_searched_and_which_are_there(
    clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["clinic", "add", str(clinic)])
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    piriformis = next(line for line in out.splitlines() if line.startswith("piriformis "))
    assert "clinic" in piriformis and piriformis.endswith("(overrides bundled)")
    system = tmp_path / "system" / "timer-app" / "routines"
    assert f"  clinic   {system}  (system-wide clinic folder)  — not there" in out
    assert f"  clinic   {clinic}  (added with timer-app clinic add)\n" in out
    folders = _listing(capsys)["folders"]
    assert [(f["source"], f["origin"], f["exists"]) for f in folders] == [
        ("bundled", "bundled", True),
        ("clinic", "system", False),
        ("clinic", "settings", True),
        ("user", "yours", False),
    ]


def test_a_clinic_hides_bundled_routines_and_list_says_by_which_file(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clinic / "clinic.yaml").write_text(
        "name: Riverside Physio\nhide:\n  - mckenzie-extension\n  - strenghtening\n  - week-3\n"
    )
    main(["clinic", "add", str(clinic)])
    capsys.readouterr()
    listing = _listing(capsys)
    ids = {r["id"] for r in listing["routines"]}
    assert "mckenzie-extension" not in ids and {"strengthening", "week-3"} <= ids
    assert listing["hidden"] == [
        {
            "id": "mckenzie-extension",
            "title": "McKenzie extension",
            "hidden_by": str(clinic / "clinic.yaml"),
        }
    ]
    clinic_file = clinic / "clinic.yaml"
    assert listing["problems"] == [
        f"{clinic_file}:4:5: 'strenghtening' is not a routine or programme that comes with the "
        "app, so it cannot be hidden — did you mean 'strengthening'?",
        f"{clinic_file}:5:5: 'week-3' is not a routine or programme that comes with the app, "
        "so it cannot be hidden — `timer-app list` shows the bundled routines' ids",
    ]
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert f"Hidden: mckenzie-extension (McKenzie extension), by {clinic_file}" in out


def test_a_hand_edited_settings_file_keeps_only_the_paths(data_dir: Path, clinic: Path) -> None:
    data_dir.mkdir(parents=True)
    settings = {"clinic_folders": [str(clinic), 3, None, "  "], "muted": True}
    paths.settings_path().write_text(json.dumps(settings), encoding="utf-8")
    assert load_settings().clinic_folders == [str(clinic)]
    assert clinic in paths.clinic_routine_dirs()


def test_validate_of_a_clinic_folder_checks_its_hide_list(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clinic / "clinic.yaml").write_text("name: Riverside Physio\nhide: [mckenzie-extention]\n")
    assert main(["validate", str(clinic)]) == 1
    assert (
        f"{clinic / 'clinic.yaml'}:2:8: 'mckenzie-extention' is not a routine or programme that "
        "comes with the app, so it cannot be hidden — did you mean 'mckenzie-extension'?"
    ) in capsys.readouterr().out.splitlines()
    (clinic / "clinic.yaml").write_text("name: Riverside Physio\nhide: [mckenzie-extension]\n")
    assert main(["validate", str(clinic)]) == 0
    assert f"{clinic / 'clinic.yaml'}: ok (clinic details)" in capsys.readouterr().out


def test_starting_a_hidden_routine_says_it_is_hidden(clinic: Path) -> None:
    from timer_app.storage.routines.catalog import RoutineNotFoundError, find_routine

    (clinic / "clinic.yaml").write_text("hide: [mckenzie-extension]\n")
    main(["clinic", "add", str(clinic)])
    with pytest.raises(RoutineNotFoundError) as caught:
        find_routine("mckenzie-extension")
    assert str(caught.value) == (
        f"'mckenzie-extension' is hidden by {clinic / 'clinic.yaml'} (its hide: list)"
    )
