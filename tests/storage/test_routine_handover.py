"""Export for a patient writes a folder or a .zip that Import reads back whole."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from timer_app.core.plan import build_plan
from timer_app.core.routine import Source
from timer_app.storage import paths
from timer_app.storage.routines.catalog import RoutineLoadError, load_catalog
from timer_app.storage.routines.handover import export_for_patient
from timer_app.storage.routines.importing import import_routine_file
from timer_app.storage.routines.saving import SaveError, save_draft

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64

ROUTINE = """\
# Week 3 for Mr Smith
title: Week 3
author: Dr. Ana Ngo
exercises:
  - use: knee-to-chest        # the app's own library exercise
  - use: wall-sit             # the clinic's own
  - name: Heel raise
    image: pictures/heel.png
    reps: 10
"""

WALL_SIT = """\
id: wall-sit
name: Wall sit
hold: 20 s
image: wall-sit.png
"""


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic folder with its own library exercise and a routine with its own picture."""
    folder = tmp_path / "clinic"
    (folder / "library").mkdir(parents=True)
    (folder / "pictures").mkdir()
    (folder / "week-3.yaml").write_text(ROUTINE, encoding="utf-8")
    (folder / "library" / "wall-sit.yaml").write_text(WALL_SIT, encoding="utf-8")
    (folder / "library" / "wall-sit.png").write_bytes(PNG)
    (folder / "pictures" / "heel.png").write_bytes(PNG + b"heel")
    (folder / "pictures" / "unused.png").write_bytes(PNG)
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(folder))
    return folder


def _patient(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on the patient's computer: a data folder of their own, no clinic folder."""
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "patient"))
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, "")


def test_an_exported_folder_holds_the_routine_its_library_and_its_pictures(
    clinic: Path, tmp_path: Path
) -> None:
    out = export_for_patient(clinic / "week-3.yaml", tmp_path / "for-mr-smith", as_zip=False)
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "library/wall-sit.png",
        "library/wall-sit.yaml",
        "pictures/heel.png",
        "week-3.yaml",
    ]
    assert (out / "week-3.yaml").read_text() == ROUTINE, "the file as the therapist wrote it"


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_the_patient_imports_the_export_and_plays_the_same_routine(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_zip: bool
) -> None:
    here = load_catalog().routines["week-3"]
    out = export_for_patient(clinic / "week-3.yaml", tmp_path / "stick" / "week-3", as_zip=as_zip)
    assert out.suffix == (".zip" if as_zip else "")
    _patient(tmp_path, monkeypatch)
    imported = import_routine_file(out)
    assert imported.source is Source.USER
    listed = load_catalog().routines["week-3"]
    assert [e.name for e in listed.exercises] == ["Knee-to-chest stretch", "Wall sit", "Heel raise"]
    assert build_plan(listed).total_seconds == build_plan(here).total_seconds
    heel = Path(listed.exercises[2].image or "")
    assert heel.is_file() and heel.read_bytes() == PNG + b"heel"
    assert heel.is_relative_to(paths.user_routines_dir())
    wall = Path(listed.exercises[1].image or "")  # the clinic's exercise brings its picture
    assert wall.resolve() == (paths.user_routines_dir() / "library" / "wall-sit.png").resolve()
    assert wall.read_bytes() == PNG


def test_a_folder_export_never_replaces_a_different_file(clinic: Path, tmp_path: Path) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    (out / "week-3.yaml").write_text("title: Someone else's\n")
    with pytest.raises(SaveError, match="already there"):
        export_for_patient(clinic / "week-3.yaml", out, as_zip=False)
    assert (out / "week-3.yaml").read_text() == "title: Someone else's\n"


def _zip(path: Path, entries: dict[str, bytes], link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, raw in entries.items():
            archive.writestr(name, raw)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


GOOD = b"title: Walk\nexercises:\n  - name: Walk\n    duration: 5 min\n"


@pytest.mark.parametrize(
    ("entries", "link", "said"),
    [
        ({"/etc/walk.yaml": GOOD}, None, "outside its folder"),
        ({"walk/../../walk.yaml": GOOD}, None, "outside its folder"),
        ({"walk.yaml": GOOD}, "walk/pic.png", "holds a link"),
        ({"walk.yaml": GOOD + b"#" + b" " * (1024 * 1024)}, None, "too large"),
        ({"walk.yaml": GOOD, "other.yaml": GOOD}, None, "holds 2 routines"),
        ({"readme.txt": b"hello"}, None, "holds no routine file"),
    ],
    ids=["absolute", "dot-dot", "link", "bomb", "two", "none"],
)
def test_a_zip_that_could_write_outside_or_is_too_big_is_refused(
    tmp_path: Path, entries: dict[str, bytes], link: str | None, said: str
) -> None:
    archive = _zip(tmp_path / "walk.zip", entries, link)
    with pytest.raises(RoutineLoadError) as error:
        import_routine_file(archive)
    assert said in str(error.value)
    assert str(archive) in str(error.value)
    assert not paths.user_routines_dir().exists() or not any(paths.user_routines_dir().iterdir())


def test_a_problem_inside_a_zip_is_named_inside_it(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "walk.zip", {"walk/walk.yaml": b"title: Walk\nexercises: []\n"})
    with pytest.raises(RoutineLoadError) as error:
        import_routine_file(archive)
    assert f"{archive}/walk/walk.yaml:2:" in str(error.value)
    assert "timer-app-import-" not in str(error.value)


def test_a_file_that_is_not_a_zip_is_said_plainly(tmp_path: Path) -> None:
    fake = tmp_path / "walk.zip"
    fake.write_text("not a zip")
    with pytest.raises(RoutineLoadError, match=r"not a \.zip file that can be read"):
        import_routine_file(fake)


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_an_editor_saved_routine_travels_with_the_schema_its_first_line_names(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_zip: bool
) -> None:
    mapping = {"title": "Evening", "exercises": [{"use": "knee-to-chest"}]}
    saved = save_draft(mapping, folder=clinic)
    out = export_for_patient(saved, tmp_path / "evening", as_zip=as_zip)
    if as_zip:
        with zipfile.ZipFile(out) as archive:
            names = sorted(name.removeprefix("evening/") for name in archive.namelist())
    else:
        names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == ["evening.yaml", "schema.json"]
    _patient(tmp_path, monkeypatch)
    assert import_routine_file(out).title == "Evening"
