"""Clinic folders a therapist adds by hand: saved in the settings, no variable needed.

Before, a clinic folder other than the system-wide ones had to be named in
`TIMER_APP_ROUTINES_PATH`, which a patient's desktop launcher never sets. A
therapist adds one here (`timer-app clinic add PATH`, or Add folder… on the
Routines page); `paths.clinic_folder_origins` reads it after the system-wide
folders and before the variable's. Paths are stored absolute, so the app finds
them whatever folder it was started from.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from timer_app.core.routine import Source
from timer_app.storage import paths
from timer_app.storage.routines.catalog import bundled_folder
from timer_app.storage.settings import load_settings, save_settings

__all__ = [
    "ClinicFolderError",
    "SearchedFolder",
    "add_clinic_folder",
    "clinic_folders",
    "folders_with",
    "folders_without",
    "remove_clinic_folder",
    "searched_folders",
]


@dataclass(frozen=True)
class SearchedFolder:
    """One folder routines are read from, in override order (later wins by id)."""

    source: Source
    folder: Path
    origin: str  # "bundled", "system", "settings", "TIMER_APP_ROUTINES_PATH" or "yours"
    exists: bool | None  # None: not known (not read yet, or it did not answer)


def searched_folders(known: Mapping[Path, bool] | None = None) -> list[SearchedFolder]:
    """Every folder searched, said plainly: a therapist's preloaded routines that
    do not appear are most often in a folder that is not on this list, or not there.

    `known`: whether each is there, as the catalog found while reading them
    (`Catalog.present`); the window passes it, so a network folder that hangs is
    never touched on its UI thread. Without it each folder is looked at here.
    """
    named = [(Source.BUNDLED, bundled_folder(), "bundled")]
    named += [(Source.CLINIC, f, origin) for f, origin in paths.clinic_folder_origins()]
    named.append((Source.USER, paths.user_routines_dir(), "yours"))
    return [
        SearchedFolder(s, f, origin, _is_dir(f) if known is None else known.get(f))
        for s, f, origin in named
    ]


def _is_dir(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


class ClinicFolderError(ValueError):
    """The folder cannot be added or removed; the message says why, in plain words."""


def clinic_folders() -> list[Path]:
    """The folders added in the settings, in the order they were added."""
    return [Path(p) for p in load_settings().clinic_folders]


def folders_with(folders: list[str], path: str | os.PathLike[str]) -> tuple[list[str], Path]:
    """The list with `path` added (made absolute; unchanged if there), and the folder.

    Raises `ClinicFolderError` if it is not a folder. Pure: the caller saves the
    list (the command line to the settings file, the window through its model)."""
    folder = Path(path).expanduser().absolute()
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise ClinicFolderError(f"{folder} {what}; give the folder that holds the routine files")
    return (folders if str(folder) in folders else [*folders, str(folder)]), folder


def folders_without(folders: list[str], path: str | os.PathLike[str]) -> tuple[list[str], Path]:
    """The list with `path` taken off (its files are left alone), and the folder.

    Raises `ClinicFolderError` if it is not listed."""
    wanted = Path(path).expanduser().absolute()
    # Matched as written or as made absolute: the folder may be gone by now.
    match = next((p for p in folders if p == str(path) or Path(p) == wanted), None)
    if match is None:
        listed = ", ".join(folders) or "none"
        raise ClinicFolderError(f"{wanted} is not one of the clinic folders added ({listed})")
    return [p for p in folders if p != match], Path(match)


def add_clinic_folder(path: str | os.PathLike[str]) -> Path:
    """Add a folder to the settings file; raises `ClinicFolderError` if it is not
    one, OSError if the settings cannot be written."""
    settings = load_settings()
    settings.clinic_folders, folder = folders_with(settings.clinic_folders, path)
    save_settings(settings)
    return folder


def remove_clinic_folder(path: str | os.PathLike[str]) -> Path:
    """Take a folder off the settings file's list; raises if not listed."""
    settings = load_settings()
    settings.clinic_folders, folder = folders_without(settings.clinic_folders, path)
    save_settings(settings)
    return folder
