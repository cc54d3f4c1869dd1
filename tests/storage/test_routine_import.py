"""Importing a routine file into the user's own folder, with its pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.storage import paths
from timer_app.storage.routines.catalog import (
    RoutineConflictError,
    RoutineLoadError,
    load_catalog,
)
from timer_app.storage.routines.importing import import_routine_file


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


PNG = b"\x89PNG\r\n\x1a\n"  # a picture's first bytes: only pictures are copied


def _routine_text(title: str, routine_id: str | None = None, hold: int = 30) -> str:
    head = f"id: {routine_id}\n" if routine_id else ""
    return f"{head}title: {title}\nexercises:\n  - name: Stretch\n    hold: {hold}\n"


WITH_PICTURES = """\
title: Pictures
exercises:
  - name: Knee to chest
    hold: 30
    image: pics/knee.png
  - name: Tilt
    hold: 10
    image: tilt.png
  - name: Bridge
    hold: 5
    image: ../elsewhere.png
  - name: Walk
    duration: 5 min
    image: bridging.svg
"""


def test_import_copies_the_pictures_next_to_the_file(tmp_path: Path) -> None:
    sent = tmp_path / "from-therapist"
    _write(sent / "pics", "knee.png", PNG + b"knee-picture")
    _write(sent, "tilt.png", PNG + b"tilt-picture")
    _write(tmp_path, "elsewhere.png", PNG + b"outside")
    source = _write(sent, "pictures.yaml", WITH_PICTURES)

    routine = import_routine_file(source)

    user_dir = paths.user_routines_dir()
    assert (user_dir / "pics" / "knee.png").read_bytes() == PNG + b"knee-picture"
    assert (user_dir / "tilt.png").read_bytes() == PNG + b"tilt-picture"
    assert not (user_dir / "elsewhere.png").exists()  # outside the folder: left alone
    images = [e.image for e in routine.exercises]
    assert images[0] == str((user_dir / "pics" / "knee.png").resolve())
    assert images[1] == str((user_dir / "tilt.png").resolve())
    assert images[3] == "bridging.svg"  # a bundled picture's name stays a name
    # The therapist's folder can go away: the imported routine keeps its pictures.
    (sent / "pics" / "knee.png").unlink()
    reloaded = load_catalog().routines["pictures"]
    assert reloaded.exercises[0].image == str((user_dir / "pics" / "knee.png").resolve())


def test_a_different_picture_already_there_is_a_conflict_until_replace(tmp_path: Path) -> None:
    user_dir = paths.user_routines_dir()
    _write(user_dir, "tilt.png", PNG + b"another routine's picture")
    sent = tmp_path / "sent"
    _write(sent, "tilt.png", PNG + b"tilt-picture")
    _write(sent / "pics", "knee.png", PNG + b"knee-picture")
    _write(tmp_path, "elsewhere.png", PNG + b"outside")
    source = _write(sent, "pictures.yaml", WITH_PICTURES)

    with pytest.raises(RoutineConflictError) as caught:
        import_routine_file(source)
    assert f"the file {user_dir / 'tilt.png'} is already there" in str(caught.value)
    assert not (user_dir / "pictures.yaml").exists()  # nothing half-imported
    assert not (user_dir / "pics").exists()

    import_routine_file(source, replace=True)
    assert (user_dir / "tilt.png").read_bytes() == PNG + b"tilt-picture"
    assert "pictures" in load_catalog().routines


def test_import_copies_and_refuses_to_replace_a_different_routine(tmp_path: Path) -> None:
    source = _write(tmp_path, "Morning Stretch.yaml", _routine_text("Morning"))
    routine = import_routine_file(source)
    target = paths.user_routines_dir() / "morning-stretch.yaml"
    assert routine.source_path == str(target) and target.read_bytes() == source.read_bytes()
    assert import_routine_file(source).id == "morning-stretch"  # same content: fine

    changed = _write(tmp_path / "v2", "Morning Stretch.yaml", _routine_text("Morning v2", hold=40))
    with pytest.raises(RoutineConflictError) as caught:
        import_routine_file(changed)
    assert "a different routine with the id 'morning-stretch' is already there" in str(caught.value)
    assert load_catalog().routines["morning-stretch"].title == "Morning"

    assert import_routine_file(changed, replace=True).title == "Morning v2"
    assert (target.with_name("morning-stretch.yaml.bak")).read_bytes() == source.read_bytes()
    assert load_catalog().routines["morning-stretch"].title == "Morning v2"


def test_import_refuses_to_shadow_a_bundled_routine_unless_replace(tmp_path: Path) -> None:
    mine = _write(tmp_path, "knee.yaml", _routine_text("My knee", "knee-to-chest"))
    with pytest.raises(RoutineConflictError, match="bundled"):
        import_routine_file(mine)
    import_routine_file(mine, replace=True)
    assert load_catalog().routines["knee-to-chest"].title == "My knee"


def test_import_refuses_invalid_files_with_the_same_messages(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.yaml", "title: T\nexercises:\n  - name: A\n    reps: three\n")
    with pytest.raises(RoutineLoadError) as caught:
        import_routine_file(bad)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:4:5: reps must be a whole number such as 3, not 'three' — write it in digits"
    ]
    assert not paths.user_routines_dir().exists()
