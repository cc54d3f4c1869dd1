"""What `validate` checks beyond one routine file on its own, so its "ok" is the app's.

Two routines with one id: the app keeps the first in a folder and skips the
other, and importing both replaced one with the other, yet `validate` said "ok"
to both. Pictures: one the import leaves behind (not a picture) or the window
cannot show (too large for Qt) passed as long as the file was there.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from timer_app.core.routine import Routine
from timer_app.core.validation.messages import escaped
from timer_app.storage.routines.catalog import LoadProblem
from timer_app.storage.routines.image_check import unusable_images
from timer_app.storage.routines.pictures import NotAPicture, read_picture
from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

ID_FIELD = "id"


def duplicate_id(
    path: Path, routine_id: str, seen: dict[str, Path], *, in_folder: bool
) -> LoadProblem | None:
    """The problem when a file checked before in the same folder (or given in the
    same command) has this id; otherwise this file's id is remembered in `seen`."""
    first = seen.setdefault(routine_id, path)
    if first == path:
        return None
    line, col = id_location(path)
    if in_folder:
        message = (
            f"another routine in this folder has the id '{routine_id}' "
            f"({where_id_is(first)}): the app shows that one and skips this one"
        )
    else:
        message = (
            f"another file given here has the id '{routine_id}' ({where_id_is(first)}): "
            "importing both would replace one with the other"
        )
    return LoadProblem(str(path), line, col, message, "give one of them a different id")


def id_location(path: Path) -> tuple[int | None, int | None]:
    """Where the file writes its `id:`; none when its id is its file name."""
    try:
        loaded = load_yaml_file(path)
    except (YamlLoadError, OSError):
        return None, None
    if not isinstance(loaded.data, dict) or ID_FIELD not in loaded.data:
        return None, None
    return loaded.location_of((ID_FIELD,))


def where_id_is(path: Path) -> str:
    line, col = id_location(path)
    shown = escaped(str(path))
    return shown if line is None else f"{shown}:{line}:{col}"


def picture_problems(path: Path, routine: Routine) -> list[LoadProblem]:
    """A problem for each picture of `routine` the import would not copy or the
    window could not show, located at its `image:` line when this file names it."""
    bad: dict[str, tuple[str, str | None]] = {}  # picture: (why, its library exercise)
    for exercise in routine.exercises:
        image = exercise.image
        if not image or not Path(image).is_absolute() or image in bad:
            continue  # an app picture (a bundled asset name) is the app's own
        reason = _why_unusable(image)
        if reason is not None:
            bad[image] = (reason, exercise.library_id)
    if not bad:
        return []  # the common case: the file is not read again
    try:
        loaded = load_yaml_file(path)
    except YamlLoadError:  # changed since it was read: said without a place
        return [_unlocated(path, image, *why) for image, why in bad.items()]
    located = [
        LoadProblem(str(path), *loaded.location_of(p.path), p.message, p.hint)
        for p in unusable_images(path, loaded.data)
    ]
    folder = path.parent.resolve()
    rest = [
        _unlocated(path, image, *why)
        for image, why in bad.items()
        if not _named_here(Path(image), folder, loaded.data)
    ]
    return sorted(located, key=lambda p: (p.line or 0, p.col or 0)) + rest


def _why_unusable(image: str) -> str | None:
    """Why the import would not copy `image` or the window not show it, or None.
    Asked once a picture for the whole command (as long as it is unchanged): a
    library exercise's picture comes with every routine that uses it."""
    try:
        info = os.stat(image)
    except OSError as error:
        return error.strerror or "it cannot be read"
    return _checked(image, info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=4096)
def _checked(image: str, mtime_ns: int, size: int) -> str | None:
    try:
        read_picture(Path(image))
    except NotAPicture as error:
        return str(error)
    except OSError as error:
        return error.strerror or "it cannot be read"
    return None


def _unlocated(path: Path, image: str, reason: str, library_id: str | None) -> LoadProblem:
    if library_id is None:
        return LoadProblem(
            str(path), None, None, f"image '{escaped(image)}' cannot be used: {reason}"
        )
    # A library exercise's picture: its own file is where to mend it.
    return LoadProblem(
        str(path),
        None,
        None,
        f"the picture of the library exercise '{library_id}' cannot be used: {reason}",
        f"mend it in that exercise's file ({escaped(image)} is its picture)",
    )


def _named_here(image: Path, folder: Path, data: object) -> bool:
    exercises = data.get("exercises") if isinstance(data, dict) else None
    for item in exercises if isinstance(exercises, list) else []:
        name = item.get("image") if isinstance(item, dict) else None
        if isinstance(name, str) and name.strip():
            try:
                if (folder / name.strip()).resolve() == image:
                    return True
            except (OSError, ValueError):
                continue
    return False
