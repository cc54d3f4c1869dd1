"""`timer-app validate`, `import` and `list` with programme files beside the routines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths

PLAN = """\
title: Back to the garden
stages:
  - name: Easy does it
    weeks: 1-2
    routines: [gentle-start]
  - name: Longer walks
    weeks: 3+
    routines: [gentle-start, garden-walk]
    change: {duration: 15 min}
"""
WALK = "title: Garden walk\nexercises:\n  - use: walking\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_stick_with_a_programme_and_the_routine_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    plan = _write(stick, "a-plan.yaml", PLAN)
    walk = _write(stick, "garden-walk.yaml", WALK)
    assert main(["validate", str(stick)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{plan}: ok — Back to the garden (programme: 2 stages, weeks 1-2 then open-ended)",
        f"{walk}: ok — Garden walk (1 exercise, 5 min 5 s)",
    ]
    # The file alone is checked against the routines beside it, as in its folder.
    assert main(["validate", str(plan)]) == 0


def test_validate_names_a_routine_that_is_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "plan.yaml", PLAN.replace("weeks: 3+", "weeks: 4+"))
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{plan}:7:5: week 3 is in no stage: stage 2 starts in week 4 — "
        "start it in week 3, or add a stage for week 3",
        f"{plan}:8:30: no routine has the id 'garden-walk' — "
        "bring its routine file with the programme (import both at once); "
        "`timer-app list` shows the routine ids",
    ]


def test_import_a_folder_brings_the_routines_before_the_programme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    _write(stick, "a-plan.yaml", PLAN)  # sorted first, but it needs garden-walk
    _write(stick, "garden-walk.yaml", WALK)
    assert main(["import", str(stick)]) == 0
    mine = paths.user_routines_dir()
    assert capsys.readouterr().out.splitlines() == [
        f"imported 'garden-walk' (Garden walk) to {mine / 'garden-walk.yaml'}",
        f"imported programme 'a-plan' (Back to the garden) to {mine / 'a-plan.yaml'}",
    ]
    assert (mine / "a-plan.yaml").read_text(encoding="utf-8") == PLAN


def test_list_shows_programmes_and_what_they_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(paths.user_routines_dir(), "plan.yaml", PLAN)  # garden-walk is not there
    assert main(["list"]) == 0
    out = capsys.readouterr()
    assert "Programmes over weeks (timer-app program start ID):" in out.out
    assert "plan" in out.out and "(missing routines: garden-walk)" in out.out
    assert "sciatica-8-weeks  Sciatica – 8 weeks  bundled" in out.out
    assert out.err == ""  # a programme file is not a broken routine
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    by_id = {p["id"]: p for p in listed["programmes"]}
    assert by_id["plan"]["missing_routines"] == ["garden-walk"]
    assert by_id["plan"]["weeks"] is None
    assert by_id["sciatica-8-weeks"]["weeks"] is None  # "9+": it goes on
    assert [s["name"] for s in by_id["sciatica-8-weeks"]["stages"]] == [
        "Learn proper form",
        "Increase hold times",
        "Add strengthening",
        "Build endurance",
    ]
    assert "plan" not in {r["id"] for r in listed["routines"]}
    assert listed["problems"] == []


def test_list_puts_the_programmes_in_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    longer = PLAN.replace("title: Back to the garden", "title: Back plan – Riverside clinic")
    _write(paths.user_routines_dir(), "back-plan.yaml", longer)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    lines = out.split("Programmes over weeks (timer-app program start ID):\n")[1].splitlines()
    mine = next(line for line in lines if "back-plan" in line)
    bundled = next(line for line in lines if "sciatica-8-weeks" in line)
    assert mine.index("user") == bundled.index("bundled")
    assert mine.index("programme:") == bundled.index("programme:")
