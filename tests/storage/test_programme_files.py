"""Programme files in the routine folders: found, located problems, never a bad routine."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.core.programme.model import ChangeOp, DoseChange
from timer_app.core.routine import Source
from timer_app.storage import paths
from timer_app.storage.routines.catalog import (
    RoutineLoadError,
    bundled_folder,
    load_catalog,
    load_routine_file,
)
from timer_app.storage.routines.programme_import import import_programme_file
from timer_app.storage.routines.programmes import (
    ProgrammeFileError,
    load_programme_file,
    load_programmes,
)

WEEKS = """\
title: Back to the garden
stages:
  - name: Easy does it
    weeks: 1-2
    routines: [gentle-start]
    marker: Reduced morning stiffness
  - name: Longer walks
    weeks: 3-4
    routines: [core-routine, walking-build-up]
    change: {duration: 15 min, reps: +2, sets: 2}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_programme_in_the_users_folder_is_a_programme_not_a_bad_routine() -> None:
    _write(paths.user_routines_dir(), "Back to the Garden.yaml", WEEKS)
    catalog = load_catalog()
    assert catalog.problems == []
    assert "back-to-the-garden" not in catalog.routines
    programme = catalog.programmes["back-to-the-garden"]  # its id from the file name
    assert programme.title == "Back to the garden"
    assert programme.source is Source.USER
    assert programme.source_path == str(paths.user_routines_dir() / "Back to the Garden.yaml")
    assert list(catalog.programmes) == ["back-to-the-garden", "sciatica-8-weeks"]  # by title


def test_an_unquoted_plus_adds_as_written() -> None:
    path = _write(paths.user_routines_dir(), "garden.yaml", WEEKS)
    changes = load_programme_file(path).stages[1].changes
    assert DoseChange("reps", ChangeOp.ADD, 2) in changes
    assert DoseChange("sets", ChangeOp.REPLACE, 2) in changes
    assert DoseChange("duration", ChangeOp.REPLACE, 900) in changes


def test_problems_are_located_at_their_line_and_column() -> None:
    text = WEEKS.replace("weeks: 3-4", "weeks: 4-5").replace("marker:", "markers:")
    path = _write(paths.user_routines_dir(), "garden.yaml", text)
    catalog = load_catalog()
    assert "garden" not in catalog.programmes
    said = [str(p) for p in catalog.problems]
    assert said == [
        f"{path}:6:5: unknown field 'markers' — did you mean 'marker'?",
        f"{path}:8:5: week 3 is in no stage: stage 2 starts in week 4 — "
        "start it in week 3, or add a stage for week 3",
    ]


def test_a_routine_naming_a_programme_file_says_what_it_is() -> None:
    path = bundled_folder() / "sciatica-8-weeks.yaml"
    with pytest.raises(ProgrammeFileError) as caught:
        load_routine_file(path)
    assert str(caught.value) == (
        f"{path}: this file is a programme over weeks (it has stages:), not a routine — "
        "start it with: timer-app program start sciatica-8-weeks"
    )


def test_a_syntax_error_does_not_hide_the_programmes_other_problems() -> None:
    text = WEEKS.replace("title: Back to the garden", "title: [Back").replace(
        "weeks: 3-4", "weeks: 3-2"
    )
    path = _write(paths.user_routines_dir(), "garden.yaml", text)
    messages = [p.message for p in load_catalog().problems if p.path == str(path)]
    assert messages and "exercises" not in " ".join(messages)  # not read as a routine


def test_a_later_folder_wins_and_one_folder_may_not_say_an_id_twice(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    _write(clinic, "a.yaml", "id: plan\n" + WEEKS)
    _write(clinic, "b.yaml", "id: plan\n" + WEEKS.replace("Back to", "Off to"))
    user = tmp_path / "user"
    _write(user, "plan.yaml", WEEKS.replace("Back to the garden", "Mine"))
    _write(user, "routine.yaml", "title: R\nexercises:\n  - use: walking\n")
    programmes, problems = load_programmes([(Source.CLINIC, clinic), (Source.USER, user)])
    assert list(programmes) == ["plan"]
    assert (programmes["plan"].title, programmes["plan"].source) == ("Mine", Source.USER)
    assert [p.path for p in problems] == [str(clinic / "b.yaml")]
    assert "already has the id 'plan'" in problems[0].message


def test_import_checks_the_routines_and_copies_the_file(tmp_path: Path) -> None:
    sent = _write(tmp_path / "stick", "garden.yaml", WEEKS)
    programme = import_programme_file(sent)
    target = paths.user_routines_dir() / "garden.yaml"
    assert programme.source_path == str(target)
    assert target.read_bytes() == sent.read_bytes()
    assert "garden" in load_catalog().programmes
    # A different programme with that id is refused unless --replace, and kept as .bak.
    _write(tmp_path / "stick", "garden.yaml", WEEKS.replace("Back to", "Off to"))
    with pytest.raises(RoutineLoadError, match="a different programme with the id 'garden'"):
        import_programme_file(sent)
    assert import_programme_file(sent, replace=True).title == "Off to the garden"
    assert (target.parent / "garden.yaml.bak").read_text(encoding="utf-8") == WEEKS


def test_import_refuses_a_stage_naming_a_routine_the_patient_does_not_have(
    tmp_path: Path,
) -> None:
    sent = _write(tmp_path, "garden.yaml", WEEKS.replace("[gentle-start]", "[gentle-strat]"))
    with pytest.raises(RoutineLoadError) as caught:
        import_programme_file(sent)
    assert [str(p) for p in caught.value.problems] == [
        f"{sent}:5:16: no routine has the id 'gentle-strat' — did you mean 'gentle-start'?"
    ]
    assert not (paths.user_routines_dir() / "garden.yaml").exists()


def test_a_clinic_folder_programme_is_found_and_yours_wins_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    _write(clinic, "garden.yaml", WEEKS.replace("Back to the garden", "Clinic garden"))
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    found = load_catalog().programmes["garden"]
    assert (found.title, found.source) == ("Clinic garden", Source.CLINIC)
    _write(paths.user_routines_dir(), "garden.yaml", WEEKS)
    found = load_catalog().programmes["garden"]
    assert (found.title, found.source) == ("Back to the garden", Source.USER)
