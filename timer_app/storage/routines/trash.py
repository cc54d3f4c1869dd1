"""Removing one of your own routines, undoably: the file goes to a trash folder.

Old prescriptions pile up in the Routines list; a patient or therapist removes
them here (`timer-app remove ID`, or Remove on the Routines page). Nothing is
deleted: the file moves to `<data dir>/trash/`, named with the moment it was
removed, and `restore` puts it back where it was. The history of a removed
routine stays as it is. Only routines from your own folder can be removed:
a bundled routine is part of the app, and a clinic's is removed in the clinic's
folder (a clinic folder can hide bundled routines that do not suit a patient).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from timer_app.core.routine import Routine, Source
from timer_app.storage import paths

__all__ = ["CannotRemoveError", "Trashed", "remove_routine", "restore", "trashed"]

_STAMP = "%Y%m%dT%H%M%S%fZ"
_SEPARATOR = "--"  # <stamp>--<original file name>


class CannotRemoveError(ValueError):
    """The routine is not one of the user's own files; the message says why."""


@dataclass(frozen=True)
class Trashed:
    """A removed routine file: where it is now, and where it came from."""

    trash_path: Path
    original_path: Path
    removed_at: datetime

    @property
    def routine_id_hint(self) -> str:
        return self.original_path.stem


def trash_dir() -> Path:
    return paths.data_dir() / "trash"


def remove_routine(routine: Routine) -> Trashed:
    """Move the routine's file to the trash; raises `CannotRemoveError` if not ours."""
    if routine.source is not Source.USER or not routine.source_path:
        where = {
            Source.BUNDLED: "it comes with the app",
            Source.CLINIC: f"it comes from your clinic's folder ({routine.source_path})",
        }.get(routine.source, "it is not in your routines folder")
        raise CannotRemoveError(
            f"'{routine.id}' cannot be removed here: {where}. Only routines you imported "
            "can be removed."
        )
    original = Path(routine.source_path)
    now = datetime.now(UTC)
    folder = trash_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{now.strftime(_STAMP)}{_SEPARATOR}{original.name}"
    os.replace(original, target)  # same file system (both in the data dir): atomic
    _write_origin(target, original)
    return Trashed(target, original, now)


def trashed() -> list[Trashed]:
    """What is in the trash, newest first."""
    found: list[Trashed] = []
    try:
        entries = list(trash_dir().iterdir())
    except OSError:
        return []
    for path in entries:
        if path.suffix == ".origin" or _SEPARATOR not in path.name:
            continue
        stamp, _, name = path.name.partition(_SEPARATOR)
        try:
            removed_at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Trashed(path, _read_origin(path, name), removed_at))
    return sorted(found, key=lambda t: t.removed_at, reverse=True)


def restore(item: Trashed) -> Path:
    """Put a removed file back; never over a file that has since taken its place."""
    target = item.original_path
    if target.exists():
        target = _free_name(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(item.trash_path, target)
    item.trash_path.with_name(item.trash_path.name + ".origin").unlink(missing_ok=True)
    return target


def _write_origin(trash_path: Path, original: Path) -> None:
    # The original folder may be a custom data dir: remember it beside the file.
    trash_path.with_name(trash_path.name + ".origin").write_text(str(original), "utf-8")


def _read_origin(trash_path: Path, name: str) -> Path:
    try:
        return Path(trash_path.with_name(trash_path.name + ".origin").read_text("utf-8"))
    except OSError:
        return paths.user_routines_dir() / name


def _free_name(path: Path) -> Path:
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-restored-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(path)
