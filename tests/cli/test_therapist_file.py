"""`current_stage:` in a programme file (issue 16): with `advance: therapist` a new
file from the therapist moves the patient's stage, once; with `advance: suggest`
it only says where a new start begins. Real files, a real history file, the CLI."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.core.local_time import local_now, local_today
from timer_app.storage import paths
from timer_app.storage.history.programme_records import EventKind, ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore

PLAN = """\
title: Back to the garden
advance: {advance}
current_stage: {stage}
stages:
  - name: Easy does it
    weeks: 1-2
    routines: [gentle-start]
  - name: Longer holds
    weeks: 3-4
    routines: [core-routine]
  - name: Stronger
    weeks: 5+
    routines: [strengthening]
"""


def plan(tmp_path: Path, stage: int, advance: str = "therapist", name: str = "garden") -> Path:
    folder = tmp_path / f"stick-{stage}-{advance}"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(PLAN.format(advance=advance, stage=stage), encoding="utf-8")
    return path


def events() -> list[tuple[EventKind, int, bool]]:
    store = SqliteHistoryStore.open()
    try:
        return [
            (e.kind, e.stage_index + 1, e.from_file)
            for e in ProgrammeRecords(store.connection).events()
        ]
    finally:
        store.close()


def test_validate_locates_a_stage_number_the_file_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = plan(tmp_path, 4)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:3:1: current_stage must be a stage's number, from 1 to 3, not 4 — "
        "stages are counted from the top of the list: the first is 1"
    ]


def test_a_start_begins_at_the_stage_the_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(plan(tmp_path, 2, "suggest"))]) == 0
    on = local_today() - timedelta(days=3)
    assert main(["program", "start", "garden", "--on", on.isoformat()]) == 0
    assert f"on {on.isoformat()}: stage 2, Longer holds." in capsys.readouterr().out
    assert main(["program", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["stage"]["number"], status["stage"]["name"]) == (2, "Longer holds")


def test_a_therapists_new_file_moves_the_stage_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(plan(tmp_path, 1))]) == 0
    assert main(["program", "start", "garden", "--on", "2026-03-02"]) == 0
    capsys.readouterr()

    assert main(["import", "--replace", str(plan(tmp_path, 3))]) == 0
    out = capsys.readouterr().out
    assert "Your therapist's new file moves you to stage 3 of 3: Stronger." in out
    assert events() == [(EventKind.STARTED, 1, False), (EventKind.ADVANCED, 3, True)]

    # The patient steps back a stage after bad mornings; the same file read again
    # (imported again, or the app reading its folders) does not undo it.
    store = SqliteHistoryStore.open()
    ProgrammeRecords(store.connection).change_stage(1, local_today(), local_now())
    store.close()
    assert main(["import", "--replace", str(plan(tmp_path, 3))]) == 0
    assert "moves you" not in capsys.readouterr().out
    assert events()[-1] == (EventKind.WENT_BACK, 2, False)

    # A newer file naming stage 1 moves the patient back there, from the file.
    assert main(["import", "--replace", str(plan(tmp_path, 1))]) == 0
    assert "moves you to stage 1 of 3: Easy does it." in capsys.readouterr().out
    assert events()[-1] == (EventKind.WENT_BACK, 1, True)

    # The JSON export says which stage changes came from the therapist's file.
    target = tmp_path / "export.json"
    assert main(["history", "export", "--format", "json", "--output", str(target)]) == 0
    exported = json.loads(target.read_text(encoding="utf-8"))["programme"]["events"]
    assert [(e["kind"], e["stage"], e["from_therapist_file"]) for e in exported] == [
        ("started", 1, False),
        ("advanced", 3, True),
        ("went_back", 2, False),
        ("went_back", 1, True),
    ]


def test_with_advance_suggest_a_new_file_never_moves_the_stage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(plan(tmp_path, 1, "suggest"))]) == 0
    assert main(["program", "start", "garden"]) == 0
    assert main(["import", "--replace", str(plan(tmp_path, 3, "suggest"))]) == 0
    assert "moves you" not in capsys.readouterr().out
    assert events() == [(EventKind.STARTED, 1, False)]


def test_a_file_for_another_programme_leaves_the_patients_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(plan(tmp_path, 1))]) == 0
    assert main(["program", "start", "garden"]) == 0
    assert main(["import", str(plan(tmp_path, 3, name="other"))]) == 0
    assert "moves you" not in capsys.readouterr().out
    assert events() == [(EventKind.STARTED, 1, False)]
    assert paths.user_routines_dir().joinpath("other.yaml").is_file()


def test_a_clinic_hides_the_bundled_programme_as_it_hides_a_routine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "clinic.yaml").write_text(
        "hide:\n  - sciatica-8-weeks\n  - sciatica-8-week\n", encoding="utf-8"
    )
    (clinic / "garden-walk.yaml").write_text(
        "title: Garden walk\nexercises:\n  - use: walking\n", encoding="utf-8"
    )
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    clinic_file = clinic / "clinic.yaml"
    # validate of the folder and list agree: the programme id hides, a typo is located.
    assert main(["validate", str(clinic)]) == 1
    out = capsys.readouterr().out
    assert f"{clinic_file}:3:5: 'sciatica-8-week' is not a routine or programme" in out
    assert "did you mean 'sciatica-8-weeks'?" in out
    assert f"{clinic_file}:2:5" not in out
    assert main(["list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert "sciatica-8-weeks" not in [p["id"] for p in listing["programmes"]]
    assert listing["hidden_programmes"] == [
        {"id": "sciatica-8-weeks", "title": "Sciatica – 8 weeks", "hidden_by": str(clinic_file)}
    ]
    assert len(listing["problems"]) == 1
    assert main(["list"]) == 0
    assert (
        f"Hidden: sciatica-8-weeks (Sciatica – 8 weeks, a programme), by {clinic_file}"
        in capsys.readouterr().out
    )
    assert main(["program", "start", "sciatica-8-weeks"]) == 1
    assert (
        f"the programme 'sciatica-8-weeks' is hidden by {clinic_file} (its hide: list)"
        in capsys.readouterr().err
    )


def test_a_start_on_a_later_day_says_when_it_starts(capsys: pytest.CaptureFixture[str]) -> None:
    later = local_today() + timedelta(days=3)
    assert main(["program", "start", "sciatica-8-weeks", "--on", later.isoformat()]) == 0
    capsys.readouterr()
    assert main(["program", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == f"Starts on {later.isoformat()} · Learn proper form"
    assert lines[2].startswith(f"Stage 1 of 4: Learn proper form (starts {later.isoformat()}, ")
