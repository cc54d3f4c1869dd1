"""`timer-app validate`, `list` and `import` as a therapist uses them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths

GOOD = "title: Morning\nexercises:\n  - use: knee-to-chest\n  - name: Walk\n    duration: 3 min\n"
BAD = "title: Morning\nexercises:\n  - name: A\n    hlod: 30\n    reps: three\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "morning.yaml", GOOD)
    assert main(["validate", str(path)]) == 0
    # 5 s lead-in + 6 knee holds of 30 s + 5 rests of 5 s, then 5 s lead-in + 3 min walk
    assert capsys.readouterr().out == f"{path}: ok — Morning (2 exercises, 6 min 35 s)\n"


def test_validate_prints_compiler_style_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _write(tmp_path, "bad.yaml", BAD)
    good = _write(tmp_path, "good.yaml", GOOD)
    assert main(["validate", str(bad), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{bad}:4:5: unknown field 'hlod' — did you mean 'hold'?",
        f"{bad}:5:5: reps must be a whole number such as 3, not 'three' — write it in digits",
        f"{good}: ok — Morning (2 exercises, 6 min 35 s)",
    ]


def test_validate_a_folder_with_its_own_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "library", "wall-sit.yaml", "name: Wall sit\nhold: 20\n")
    _write(tmp_path, "legs.yaml", "title: Legs\nexercises:\n  - use: wall-sit\n")
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'library' / 'wall-sit.yaml'}: ok (library exercise)" in out
    assert f"{tmp_path / 'legs.yaml'}: ok — Legs (1 exercise, 25 s)" in out


def test_validate_missing_paths_and_empty_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["validate", str(tmp_path / "nope.yaml"), str(empty)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'nope.yaml'}: no such file or folder",
        f"{empty}: no routine files (*.yaml) in this folder",
    ]


def test_validate_the_shipped_routines(capsys: pytest.CaptureFixture[str]) -> None:
    from timer_app.storage.routines.catalog import bundled_folder

    assert main(["validate", str(bundled_folder())]) == 0
    assert "problem" not in capsys.readouterr().out


def test_list_shows_routines_totals_and_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    knee = next(line for line in out.splitlines() if line.startswith("knee-to-chest "))
    # 5 s lead-in + 6 holds of 30 s + 5 rests of 5 s = 3 min 30 s
    assert "Knee-to-chest stretch" in knee and "bundled" in knee and "3 min 30 s" in knee
    assert "Exercise library: bird-dog, bridging, cat-cow," in out


def test_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(paths.user_routines_dir(), "broken.yaml", BAD)
    assert main(["list", "--json"]) == 0
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    knee = next(r for r in listing["routines"] if r["id"] == "knee-to-chest")
    assert knee == {
        "id": "knee-to-chest",
        "title": "Knee-to-chest stretch",
        "source": "bundled",
        "path": knee["path"],
        "exercises": 1,
        "total_seconds": 210.0,
        "overrides": [],
    }
    assert knee["path"].endswith("knee-to-chest.yaml")
    assert "walking" in listing["library"]
    assert len(listing["problems"]) == 2 and "hlod" in listing["problems"][0]


def test_list_honours_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "elsewhere"
    _write(other / "routines", "mine.yaml", GOOD.replace("Morning", "Mine"))
    assert main(["--data-dir", str(other), "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert {"id": "mine", "source": "user"}.items() <= next(
        r for r in listing["routines"] if r["id"] == "mine"
    ).items()


def test_import_then_refuse_a_different_routine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path / "a", "morning.yaml", GOOD)
    assert main(["import", str(first)]) == 0
    target = paths.user_routines_dir() / "morning.yaml"
    assert capsys.readouterr().out == f"imported 'morning' (Morning) to {target}\n"

    second = _write(tmp_path / "b", "morning.yaml", GOOD.replace("3 min", "4 min"))
    assert main(["import", str(second)]) == 1
    assert "use this one instead" in capsys.readouterr().out
    assert target.read_text() == GOOD
    assert main(["import", "--replace", str(second)]) == 0
    assert "4 min" in target.read_text()


def test_import_refuses_invalid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "bad.yaml", BAD)
    assert main(["import", str(bad)]) == 1
    assert f"{bad}:4:5: unknown field 'hlod'" in capsys.readouterr().out
    assert not (paths.user_routines_dir() / "bad.yaml").exists()


def test_the_real_command_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.yaml", "title: [unclosed\n")
    deep = _write(tmp_path, "deep.yaml", "a: " + "[" * 20_000)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\xff" * 100)
    env = {**os.environ, "TIMER_APP_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "timer_app", "validate", str(bad), str(deep), str(binary)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{bad}:2:1: ")
    # Where the depth is caught depends on the libyaml build: our own check at
    # the 51st level, or libyaml's scanner at its 1000th.
    assert re.match(
        rf"{re.escape(str(deep))}:1:(53|1003): the file is nested more than 50 levels deep",
        lines[1],
    )
    assert (
        lines[2]
        == f"{binary}:1:2: the file is not UTF-8 text (byte 0xff) — save it as UTF-8 in your editor"
    )
