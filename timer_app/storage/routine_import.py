"""Importing a routine file a therapist sent into the user's own routines folder.

The YAML is copied as it is (never half-written), and so are the pictures it
names next to it (`image: pics/knee-to-chest.png`), keeping their place relative
to the file: without them an imported routine lost its pictures, because the copy
no longer sits beside them. A picture outside the file's folder (`../x.png`) or
from the exercise library stays where it is and is not copied.
"""

from __future__ import annotations

import os
from pathlib import Path

from timer_app.core.routine import Routine, Source
from timer_app.storage import paths
from timer_app.storage.catalog import (
    LoadProblem,
    RoutineConflictError,
    load_catalog,
    load_routine_file,
)

REPLACE_HINT = "import it with --replace to use this one instead"


def import_routine_file(path: str | os.PathLike[str], replace: bool = False) -> Routine:
    """Copy a valid routine file (and its pictures) into the user's folder.

    Refuses a different routine with the same id (from any source), or a different
    file already at a target path, unless `replace`; a replaced user file is kept
    next to it as `<name>.bak`. Returns the routine as imported.
    """
    file_path = Path(path)
    catalog = load_catalog()
    routine = load_routine_file(file_path, library=catalog.library, source=Source.USER)
    existing = catalog.routines.get(routine.id)
    user_dir = paths.user_routines_dir()
    target = user_dir / f"{routine.id}.yaml"
    if existing is not None and existing.source is Source.USER and existing.source_path:
        target = Path(existing.source_path)
    if existing is not None and existing.content_hash != routine.content_hash and not replace:
        raise _conflict(
            file_path,
            f"a different routine with the id '{routine.id}' is already there "
            f"({existing.source}: {existing.source_path})",
        )
    copies = [(file_path, target), *_pictures_to_copy(routine, file_path, target.parent)]
    if not replace:
        for source, destination in copies:
            if destination.exists() and destination.read_bytes() != source.read_bytes():
                raise _conflict(file_path, f"the file {destination} is already there")
    for source, destination in copies:
        _copy(source, destination, keep_backup=destination == target)
    return load_routine_file(target, library=catalog.library, source=Source.USER)


def _pictures_to_copy(
    routine: Routine, file_path: Path, target_dir: Path
) -> list[tuple[Path, Path]]:
    """(source, destination) for each picture found next to the routine file."""
    folder = file_path.parent.resolve()
    found: dict[Path, Path] = {}
    for exercise in routine.exercises:
        if not exercise.image or not Path(exercise.image).is_absolute():
            continue  # a bundled asset name, or no picture
        picture = Path(exercise.image)
        try:
            relative = picture.relative_to(folder)
        except ValueError:
            continue  # outside the file's folder: the copy could not find it either
        found[picture] = target_dir / relative
    return list(found.items())


def _copy(source: Path, destination: Path, *, keep_backup: bool) -> None:
    raw = source.read_bytes()
    if destination.exists():
        old = destination.read_bytes()
        if old == raw:
            return
        if keep_backup:
            destination.with_name(destination.name + ".bak").write_bytes(old)
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.tmp")
    temporary.write_bytes(raw)
    os.replace(temporary, destination)  # never a half-written file


def _conflict(file_path: Path, message: str) -> RoutineConflictError:
    return RoutineConflictError([LoadProblem(str(file_path), None, None, message, REPLACE_HINT)])
