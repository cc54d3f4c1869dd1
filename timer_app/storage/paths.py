"""Where the app keeps and finds things: the one module that knows about platformdirs.

The data dir is platformdirs' user data dir, overridden by `TIMER_APP_DATA_DIR`
(or `--data-dir`, which the command line turns into the same variable so every
layer sees one answer). Clinic folders: every site data dir, the folders added in
the settings, and the folders in `TIMER_APP_ROUTINES_PATH` (`os.pathsep` between).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from timer_app import APP_NAME

DATA_DIR_ENV = "TIMER_APP_DATA_DIR"
ROUTINES_PATH_ENV = "TIMER_APP_ROUTINES_PATH"
SYSTEM = "system"  # where a clinic folder was named (`clinic_folder_origins`)
SETTINGS = "settings"


def data_dir() -> Path:
    """The user's data dir (not created here: callers that write create it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def set_data_dir(path: str | os.PathLike[str]) -> None:
    """Make `--data-dir` win for this process and everything it starts."""
    os.environ[DATA_DIR_ENV] = str(Path(path).expanduser().resolve())


def user_routines_dir() -> Path:
    return data_dir() / "routines"


def history_db_path() -> Path:
    return data_dir() / "history.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def xdg_data_home() -> Path:
    """Where per-user menu entries and icons go ($XDG_DATA_HOME, ~/.local/share)."""
    return Path(platformdirs.user_data_dir(appauthor=False))


def clinic_routine_dirs() -> list[Path]:
    """Every clinic folder, in override order (`clinic_folder_origins`)."""
    return [folder for folder, _ in clinic_folder_origins()]


def clinic_folder_origins() -> list[tuple[Path, str]]:
    """Each clinic folder with where it was named: "system", "settings" or the variable.

    System-wide folders first: on Linux each entry of $XDG_DATA_DIRS, not only the
    first (an Ubuntu desktop session puts /usr/share/ubuntu first, and a clinic's
    routines in /usr/local/share/timer-app/routines must still appear). Then the
    folders a therapist added in the settings (no environment variable needed), then
    `TIMER_APP_ROUTINES_PATH`.
    """
    from timer_app.storage.settings import load_settings  # settings imports this module

    site = platformdirs.site_data_dir(APP_NAME, appauthor=False, multipath=True)
    # $XDG_DATA_DIRS lists the most important folder first; in override order
    # (later wins) it comes last.
    found = [(Path(p) / "routines", SYSTEM) for p in reversed(site.split(os.pathsep)) if p.strip()]
    found += [(Path(p).expanduser(), SETTINGS) for p in load_settings().clinic_folders]
    extra = os.environ.get(ROUTINES_PATH_ENV, "")
    found += [
        (Path(p).expanduser(), ROUTINES_PATH_ENV) for p in extra.split(os.pathsep) if p.strip()
    ]
    return found
