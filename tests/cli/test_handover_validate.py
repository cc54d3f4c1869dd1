"""`timer-app validate` of a routine a therapist hands over: one file judged as in its folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main

WEEK_3 = "title: Week 3\nexercises:\n  - use: knee-to-chest\n  - use: wall-sit\n    sets: 2\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_single_file_uses_the_library_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "usb" / "clinic"
    _write(stick / "library" / "wall-sit.yaml", "name: Wall sit\nhold: 20 s\nreps: 3\n")
    week_3 = _write(stick / "week-3.yaml", WEEK_3)
    assert main(["validate", str(week_3)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{week_3}: ok — Week 3 (2 exercises,")
    # The same answer as for the folder, which always used the library beside it.
    assert main(["validate", str(stick)]) == 0
    assert f"{week_3}: ok — Week 3 (2 exercises," in capsys.readouterr().out


def test_a_single_file_without_that_library_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    week_3 = _write(tmp_path / "elsewhere" / "week-3.yaml", WEEK_3)
    assert main(["validate", str(week_3)]) == 1
    assert f"{week_3}:4:5: there is no library exercise 'wall-sit'" in capsys.readouterr().out


def test_an_exported_zip_is_validated_as_import_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A therapist checks the .zip Export for a patient wrote before sending it: it
    # was read as YAML and refused as "not UTF-8 text".
    import zipfile

    archive = tmp_path / "week-3.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("week-3/week-3.yaml", "title: Week 3\nexercises:\n  - use: knee-to-chest\n")
    assert main(["validate", str(archive)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"{archive}/week-3/week-3.yaml: ok — Week 3 (1 exercise,")
    assert "UTF-8" not in said

    broken = tmp_path / "week-4.zip"
    with zipfile.ZipFile(broken, "w") as out:
        text = "title: Week 4\nexercises:\n  - use: knee-to-chest\n    hlod: 5 s\n"
        out.writestr("week-4/week-4.yaml", text)
    assert main(["validate", str(broken)]) == 1
    said = capsys.readouterr().out
    assert said.startswith(f"{broken}/week-4/week-4.yaml:4:5: unknown field 'hlod'")
    assert "timer-app-validate-" not in said
