"""A programme whose dose changes take a routine past the format's limits is refused
by `timer-app validate` and `import`, at its `change:` entry (QA: a session of
"about 298 h 37 min", 30 s stretches silently made 1 s holds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths

PLAN = """\
title: Too much
stages:
  - name: Learn proper form
    weeks: 1-2
    routines: [gentle-start]
  - name: Increase hold times
    weeks: 3+
    routines: [core-routine]
    change: {hold: "+59 min", reps: 100}
"""
SHORTER = """\
title: Too little
stages:
  - name: Shorter
    weeks: 1+
    routines: [core-routine]
    change:
      hold: "-10 min"
"""
BESIDE = """\
title: Longer walks
stages:
  - name: Walks
    weeks: 1+
    routines: [garden-walk]
    change: {duration: "+59 min"}
"""
WALK = "title: Garden walk\nexercises:\n  - use: walking\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_validate_locates_a_change_making_the_session_too_long(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "too-much.yaml", PLAN)
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().out == (
        f"{plan}:9:5: with these changes a session of core-routine would last "
        "298 h 37 min 10 s, over the 4 h limit — change the doses by less, or split the "
        "routine into shorter ones\n"
    )


def test_validate_and_import_refuse_a_change_below_the_minimum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, "too-little.yaml", SHORTER)
    said = (
        f"{plan}:7:7: this change takes the hold of Knee-to-chest stretch in core-routine "
        "below the 1 s minimum (30 s in its file, minus 10 min) — take away less than 30 s, "
        "or write the hold wanted, such as hold: 15 s\n"
    )
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().out == said
    assert main(["import", str(plan)]) == 1
    assert said in capsys.readouterr().out
    assert not (paths.user_routines_dir() / "too-little.yaml").exists()


def test_a_change_is_checked_on_the_routine_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    plan = _write(stick, "longer-walks.yaml", BESIDE)
    _write(stick, "garden-walk.yaml", WALK)
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().out == (
        f"{plan}:6:14: this change makes the duration of Walking in garden-walk 1 h 4 min, "
        "over the 1 h limit (5 min in its file) — keep the duration at most 1 h: change it "
        "by less\n"
    )
    _write(stick, "longer-walks.yaml", BESIDE.replace("+59 min", "+10 min"))
    assert main(["validate", str(plan)]) == 0
    assert "ok — Longer walks" in capsys.readouterr().out
