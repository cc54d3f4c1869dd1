"""Whether the app's session screen is open: a small flag file the reminders read.

A session reminder must never show while the patient is at the session screen,
and the history alone cannot say so: its in-progress row is written when Space
starts the session, not while the ready screen waits, and not at all while the
disk refuses writes (they wait in memory). So the app writes `session-screen.json`
in the data dir while that screen is shown (`gui/reminders/session_screen.py`)
and removes it when the screen closes or the app quits.

A flag left by a crash must not silence the reminders: it counts only while its
process lives (on the same computer; Windows cannot be asked without risk, as
`os.kill(pid, 0)` there sends Ctrl+C) and for at most `LONGEST_OPEN`, the longest
a session can last, as an in-progress row does (`core/reminders/facts.py`).
A missing, damaged or hand-edited file means "not open", never a crash.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from timer_app.storage import paths

FILE_NAME = "session-screen.json"
LONGEST_OPEN = timedelta(hours=4)  # a session's bound (the plan's): older is a crash's


def session_screen_path() -> Path:
    return paths.data_dir() / FILE_NAME


def mark_open(now: datetime, pid: int | None = None, path: Path | None = None) -> None:
    """The session screen is shown now; raises OSError when not writable."""
    path = path or session_screen_path()
    data = {
        "pid": os.getpid() if pid is None else pid,
        "host": socket.gethostname(),
        "since": now.isoformat(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def clear(pid: int | None = None, path: Path | None = None) -> None:
    """The session screen closed: remove the flag, only when this process wrote it
    (another app's flag on a shared data dir stays). Never raises."""
    path = path or session_screen_path()
    owner = _read(path)
    if owner is not None and owner.get("pid") != (os.getpid() if pid is None else pid):
        return
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def is_open(
    now: datetime,
    path: Path | None = None,
    alive: Callable[[int], bool] | None = None,
) -> bool:
    """Whether an app's session screen is open now (`now` aware)."""
    data = _read(path or session_screen_path())
    if data is None:
        return False
    pid, host, since = data.get("pid"), data.get("host"), data.get("since")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(since, str):
        return False
    try:
        opened = datetime.fromisoformat(since)
    except ValueError:
        return False
    if opened.utcoffset() is None or now - opened > LONGEST_OPEN:
        return False
    if host != socket.gethostname():  # another computer's process cannot be asked
        return True
    return (alive or process_alive)(pid)


def process_alive(pid: int) -> bool:
    if sys.platform == "win32" or pid <= 0:
        return pid > 0  # trusted for LONGEST_OPEN (see the module's docstring)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def _read(path: Path) -> dict[str, Any] | None:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return raw if isinstance(raw, dict) else None
