"""Which session reminders were shown today and the snooze: a small JSON file in the data dir.

The background reminders keep `ReminderState` here so that a restart of their
process (a login, a crash, the app reopening) never shows today's reminder a
second time and keeps a snooze the patient asked for. Written atomically (a
temporary file renamed), as settings.json. A missing, damaged or hand-edited
file means "nothing shown yet": each part that makes no sense is dropped on its
own, never a crash.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from timer_app.core.reminders.schedule import ReminderState
from timer_app.storage import paths

log = logging.getLogger(__name__)

FILE_NAME = "reminder-state.json"
# Only today's slots matter (`due_now` and the snooze look at today); yesterday's
# are kept too so a zone change across midnight still finds them.
_KEEP_DAYS = 1

Key = tuple[str, str]


def reminder_state_path() -> Path:
    return paths.data_dir() / FILE_NAME


def load_reminder_state(path: Path | None = None) -> ReminderState:
    """What was shown and snoozed, as last saved; an empty state when unreadable."""
    path = path or reminder_state_path()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ReminderState()
    except (OSError, ValueError, UnicodeDecodeError) as error:
        log.warning("reminder state %s unreadable (%s): nothing counted as shown", path, error)
        return ReminderState()
    if not isinstance(raw, dict):
        return ReminderState()
    snoozed = _key(raw.get("snoozed"))
    until = _moment(raw.get("snoozed_until"))
    if snoozed is None or until is None:  # a snooze needs both halves
        snoozed, until = None, None
    return ReminderState(
        shown=_keys(raw.get("shown")),
        snoozed_until=until,
        snoozes_used=_keys(raw.get("snoozes_used")),
        snoozed=snoozed,
    )


def save_reminder_state(state: ReminderState, today: date, path: Path | None = None) -> None:
    """Write atomically, keeping only recent days; raises OSError when not writable."""
    path = path or reminder_state_path()
    oldest = (today - timedelta(days=_KEEP_DAYS)).isoformat()
    data = {
        "shown": sorted([list(key) for key in state.shown if key[0] >= oldest]),
        "snoozes_used": sorted([list(key) for key in state.snoozes_used if key[0] >= oldest]),
        "snoozed": None if state.snoozed is None else list(state.snoozed),
        "snoozed_until": None if state.snoozed_until is None else state.snoozed_until.isoformat(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _keys(value: Any) -> set[Key]:
    if not isinstance(value, list):
        return set()
    return {key for key in (_key(item) for item in value) if key is not None}


def _key(value: Any) -> Key | None:
    """(local date ISO, "HH:MM"), as `Reminder.key`; anything else is dropped."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    day, slot = value
    if not isinstance(day, str) or not isinstance(slot, str):
        return None
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return (day, slot)


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None
