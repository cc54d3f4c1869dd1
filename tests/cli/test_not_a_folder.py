"""A file where the app's folder should be is said as that, by each command."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main

ONE = "id: my-stretch\ntitle: Stretch one\nexercises:\n  - name: Bridge\n    hold: 5\n    reps: 3\n"
FIX = "is a file, not a folder: move or rename it"


def routine(tmp_path: Path) -> Path:
    path = tmp_path / "given" / "my-stretch.yaml"
    path.parent.mkdir()
    path.write_text(ONE, encoding="utf-8")
    return path


def test_routines_is_a_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    routines = data_dir / "routines"
    routines.write_text("not a folder", encoding="utf-8")
    given = routine(tmp_path)

    assert main(["import", str(given)]) == 1
    assert capsys.readouterr().out == f"{given}: could not be copied: {routines} {FIX}\n"
    assert routines.read_text(encoding="utf-8") == "not a folder"  # left as it was

    assert main(["list"]) == 0
    said = capsys.readouterr()
    [line] = [x for x in said.out.splitlines() if "(your own routines)" in x]
    assert line.endswith(f"— {routines} {FIX}")
    assert "not there" not in line
    assert f"warning: {routines}: this is a file, not a folder: move or rename it" in said.err
    assert "Not a directory" not in said.err


def test_the_data_folder_is_a_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.write_text("not a folder", encoding="utf-8")
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert f"({data_dir} {FIX})" in out
    assert "not created yet" not in out

    given = routine(tmp_path)
    assert main(["import", str(given)]) == 1
    assert capsys.readouterr().out == f"{given}: could not be copied: {data_dir} {FIX}\n"
    main(["list"])
    assert (
        f"{data_dir / 'routines'}: this folder cannot be there: {data_dir} {FIX}"
        in capsys.readouterr().err
    )


def test_a_history_not_made_yet_is_still_said_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    assert f"{data_dir / 'history.sqlite3'} (not created yet)" in capsys.readouterr().out
