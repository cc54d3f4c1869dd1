"""Today's reminder inputs read by a short-lived child process, as JSON.

The background process must stay small while it waits (40 MiB, issue 17).
Reading the routines (YAML), the history (SQLite) and the programme would pull
~17 MiB of modules into it for good: Python never gives module memory back. So at
each wake-up a child (`timer-app reminders run --print-inputs`) reads them the
way `timer-app reminders next` does, prints the settings and today's facts, and
exits; the waiting process keeps only the schedule, Qt's core and jeepney.

Standing-break checks (every minute while breaks are on) need only the settings
file, read here without the child.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from timer_app.core.reminders.schedule import DayFacts, ReminderSettings

log = logging.getLogger(__name__)

PRINT_FLAG = "--print-inputs"
CHILD_TIMEOUT_S = 60.0  # a network routine folder may be slow; a reminder can wait


@dataclass(frozen=True)
class Inputs:
    """What the reminder service needs of `ReminderInputs`, and when today's last
    session ended (standing breaks count from it where idle time is unknown)."""

    settings: ReminderSettings
    facts: DayFacts
    last_session_end: datetime | None = None


def inputs_to_json(
    settings: ReminderSettings, facts: DayFacts, last_session_end: datetime | None = None
) -> str:
    data = {
        "last_session_end": None if last_session_end is None else last_session_end.isoformat(),
        "settings": {
            "enabled": settings.enabled,
            "times": [t.strftime("%H:%M") for t in settings.times],
            "days": sorted(settings.days),
            "quiet_start": settings.quiet_start.strftime("%H:%M"),
            "quiet_end": settings.quiet_end.strftime("%H:%M"),
            "breaks_enabled": settings.breaks_enabled,
            "break_minutes": settings.break_minutes,
            "in_background": settings.in_background,
        },
        "facts": asdict(facts),
    }
    return json.dumps(data, ensure_ascii=False)


def inputs_from_json(text: str) -> Inputs:
    """Raises ValueError (or KeyError, TypeError) for anything but what the child prints."""
    data = json.loads(text)
    raw = data["settings"]
    settings = ReminderSettings(
        enabled=bool(raw["enabled"]),
        times=tuple(time.fromisoformat(t) for t in raw["times"]),
        days=frozenset(int(d) for d in raw["days"]),
        quiet_start=time.fromisoformat(raw["quiet_start"]),
        quiet_end=time.fromisoformat(raw["quiet_end"]),
        breaks_enabled=bool(raw["breaks_enabled"]),
        break_minutes=int(raw["break_minutes"]),
        in_background=bool(raw["in_background"]),
    )
    ended = data.get("last_session_end")
    return Inputs(
        settings,
        DayFacts(**data["facts"]),
        None if ended is None else datetime.fromisoformat(ended),
    )


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the bundle's executable is the command line
        return [sys.executable, "reminders", "run", PRINT_FLAG]
    return [sys.executable, "-m", "timer_app", "reminders", "run", PRINT_FLAG]


def read_in_child(_now: datetime) -> Inputs:
    """The inputs as a child read them just now (its own clock: a second apart at most)."""
    done = subprocess.run(
        child_command(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=CHILD_TIMEOUT_S,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        raise RuntimeError(f"reading the reminder inputs failed: {done.stderr.strip()[-500:]}")
    return inputs_from_json(done.stdout)


def print_inputs() -> int:
    """The child's side: read everything now and print it as JSON."""
    from timer_app.core.local_time import local_now

    inputs = read_here(local_now())
    print(inputs_to_json(inputs.settings, inputs.facts, inputs.last_session_end))
    return 0


def read_here(now: datetime) -> Inputs:
    """What the child reads, read in this process (the child itself, and tests)."""
    from timer_app.gui.reminders.service import read_from_disk

    inputs = read_from_disk(now)
    if inputs.history_problem is not None:
        print(f"history: {inputs.history_problem}", file=sys.stderr)
    return Inputs(inputs.settings, inputs.facts, last_session_end(now))


def last_session_end(now: datetime) -> datetime | None:
    """When today's last finished session ended, from the history (read only)."""
    from timer_app.core.history import HistoryError
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open_reader()
    try:
        if store.problem is not None:
            return None
        ends = [s.ended_at for s in store.list_sessions(since=now.date()) if s.ended_at]
    except HistoryError:
        return None
    finally:
        store.close()
    return max(ends, key=lambda moment: moment.timestamp(), default=None)


def settings_only(path: Path | None = None) -> dict[str, Any]:
    """The raw reminder settings from settings.json (no routine filled in), {} if none."""
    from timer_app.storage import paths

    target = path or paths.settings_path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    reminders = data.get("reminders") if isinstance(data, dict) else None
    return reminders if isinstance(reminders, dict) else {}


RECORD_FLAG = "--record-break"


def record_in_child(taken_at: datetime) -> None:
    """A standing break taken: one row in the history, written by a child (the
    waiting process keeps SQLite out, as it keeps the routines out)."""
    command = [*child_command()[:-1], RECORD_FLAG, taken_at.isoformat()]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=CHILD_TIMEOUT_S,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        log.warning("the break taken was not recorded: %s", done.stderr.strip()[-500:])


def record_break(when: str) -> int:
    """The child's side: one break taken at `when` (ISO, aware) into the history.

    Not `SqliteHistoryStore.open()`: that marks the sessions in progress as
    interrupted, and the app may be running one. One short write transaction
    (migrating a history the app has not opened since an update) is all."""
    from timer_app.core.history import HistoryWriteError
    from timer_app.storage import paths
    from timer_app.storage.history.break_records import BreakRecords
    from timer_app.storage.history.connection import HistoryConnection
    from timer_app.storage.history.opening import BUSY_TIMEOUT_MS

    try:
        taken_at = datetime.fromisoformat(when)
    except ValueError:
        print(f"timer-app: not a date and time: {when!r}", file=sys.stderr)
        return 2
    if taken_at.utcoffset() is None:
        print(f"timer-app: the time needs its UTC offset: {when!r}", file=sys.stderr)
        return 2
    connection = HistoryConnection(
        paths.history_db_path(), None, reader=False, busy_timeout_ms=BUSY_TIMEOUT_MS
    )
    try:
        BreakRecords(connection).record(taken_at)
    except HistoryWriteError as error:
        print(f"timer-app: the break was not recorded: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    return 0
