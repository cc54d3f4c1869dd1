"""The user's settings: a small JSON file in the data dir.

Unknown or malformed values fall back to defaults, so a hand-edited or damaged
file never stops the app; saving writes a temporary file and renames it, so a
crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from timer_app.storage import paths

log = logging.getLogger(__name__)


@dataclass
class Settings:
    muted: bool = False
    beeps_only: bool = False  # sounds but no spoken prompts
    first_run_safety_seen: bool = False
    ask_pain_before: bool = True
    window_geometry: str = ""  # Qt's saveGeometry(), base64
    # Routine folders a therapist added (`timer-app clinic add`, the Routines page):
    # read after the system-wide clinic folders, before TIMER_APP_ROUTINES_PATH.
    clinic_folders: list[str] = field(default_factory=list)
    # Reminder times, days, quiet hours, standing breaks ("HH:MM" text, days
    # 0-6 from Monday): read and written by storage/reminder_settings.py.
    reminders: dict[str, Any] = field(default_factory=dict)


def load_settings(path: Path | None = None) -> Settings:
    path = path or paths.settings_path()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, UnicodeDecodeError) as error:
        log.warning("settings file %s unreadable (%s); using defaults", path, error)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    settings = Settings()
    for f in fields(Settings):
        value = raw.get(f.name)
        if isinstance(value, list):  # a list of paths: only its text items
            value = [item for item in value if isinstance(item, str) and item.strip()]
        if isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically; raises OSError when the folder is not writable."""
    path = path or paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        # A full disk or a folder where the file should be: no settings.tmp left behind.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
