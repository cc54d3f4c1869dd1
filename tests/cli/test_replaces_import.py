"""A revised routine (`replaces: week-2`) takes the old one's place; a same title is said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines import trash as routine_trash

WEEK_2 = "title: Week 2\nexercises:\n  - use: knee-to-chest\n  - use: pelvic-tilt\n"
WEEK_3 = (
    "title: Week 3\n"
    "replaces: week-2\n"
    "exercises:\n"
    "  - use: knee-to-chest\n"
    "    reps: 4\n"
    "  - use: bridging\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["list", "--json"]) == 0
    listing: dict[str, Any] = json.loads(capsys.readouterr().out)
    return listing


def test_week_3_moves_week_2_to_the_trash_undoably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = tmp_path / "from-the-clinic"
    assert main(["import", str(_write(sent, "week-2.yaml", WEEK_2))]) == 0
    capsys.readouterr()
    assert main(["import", str(_write(sent, "week-3.yaml", WEEK_3))]) == 0
    out = capsys.readouterr().out
    assert "note: 'week-2' (Week 2) is replaced by this routine: moved to the trash" in out
    assert "undo: timer-app remove --undo week-2" in out
    assert not (paths.user_routines_dir() / "week-2.yaml").exists()
    (trashed,) = routine_trash.trashed()
    assert trashed.original_path == paths.user_routines_dir() / "week-2.yaml"
    ids = [r["id"] for r in _listed(capsys)["routines"]]
    assert "week-3" in ids and "week-2" not in ids

    # Undo: the patient wanted it back, so it is listed again.
    assert main(["remove", "--undo", "week-2"]) == 0
    capsys.readouterr()
    ids = [r["id"] for r in _listed(capsys)["routines"]]
    assert {"week-2", "week-3"} <= set(ids)


def test_a_replaced_bundled_routine_is_no_longer_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    revised = WEEK_3.replace("replaces: week-2", "replaces: gentle-start")
    assert main(["import", str(_write(tmp_path, "week-3.yaml", revised))]) == 0
    out = capsys.readouterr().out
    assert "'gentle-start' (Gentle start (weeks 1–2), bundled) is replaced by this routine" in out
    listing = _listed(capsys)
    assert "gentle-start" not in [r["id"] for r in listing["routines"]]
    assert listing["replaced"] == [
        {
            "id": "gentle-start",
            "title": "Gentle start (weeks 1–2)",
            "source": "bundled",
            "replaced_by": "week-3",
        }
    ]
    assert main(["list"]) == 0
    assert "Replaced: gentle-start (Gentle start (weeks 1–2), bundled), by week-3" in (
        capsys.readouterr().out
    )


def test_importing_a_second_routine_with_the_same_title_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(_write(tmp_path / "a", "week-3.yaml", WEEK_3))]) == 0
    capsys.readouterr()
    other = WEEK_3.replace("replaces: week-2\n", "")
    assert main(["import", str(_write(tmp_path / "b", "week-3-new.yaml", other))]) == 0
    out = capsys.readouterr().out
    assert (
        "note: another routine has the title 'Week 3': 'week-3' (user); if this one takes its "
        "place, add 'replaces: week-3' to the file and import it again, or remove the old one"
    ) in out
