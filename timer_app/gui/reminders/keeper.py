"""The app's side of the reminders: who shows them, and the autostart entry.

When the app opens and whenever the reminder settings change (the app model's
`settings_changed`), `sync`:
- makes the autostart entry match "Remind me even when the app is closed"
  (written when wanted, removed when not);
- starts `timer-app reminders run` now when any reminder is on: for good with
  that box ticked (not waiting for the next login), otherwise with `--with-app
  PID`, so it ends with the app (the same runtime serves both; reminders need
  no window). A process already running for this data dir makes the new one
  exit (its lock); one no longer wanted ends by itself (it watches the settings).
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

from timer_app.gui.reminders.background import wanted
from timer_app.storage import autostart

log = logging.getLogger(__name__)

_started: list[subprocess.Popen[bytes]] = []
_with_app: list[subprocess.Popen[bytes]] = []


def _end_with_app() -> None:
    # Linux's background process watches the app's pid itself; elsewhere it is
    # ended here, as the app's interpreter exits.
    for child in _with_app:
        if child.poll() is None:
            child.terminate()


def _popen(command: list[str]) -> None:
    for child in list(_started):  # reap those that ended: no zombies
        if child.poll() is not None:
            _started.remove(child)
    child = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # not ended by a terminal's Ctrl+C with the app
    )
    _started.append(child)
    if WITH_APP in command and not sys.platform.startswith("linux"):
        if not _with_app:
            atexit.register(_end_with_app)
        _with_app.append(child)


WITH_APP = "--with-app"


# Tests replace it (tests/gui/conftest.py): no process outlives a test.
launch_background: Callable[[list[str]], None] = _popen


def sync(reminders: Mapping[str, Any]) -> str | None:
    """Make the autostart entry and the background process follow the settings.

    Returns a sentence for the person when the entry could not be written (or
    removed), None when all went well.
    """
    raw = dict(reminders)
    want = wanted(raw)
    try:
        autostart.sync(want)
    except OSError as error:
        log.warning("autostart entry not %s: %s", "written" if want else "removed", error)
        return str(error)
    command = autostart.autostart_command()
    if not want and wanted(raw, app_open=True):
        command += [WITH_APP, str(os.getpid())]
    elif not want:
        return None
    try:
        launch_background(command)
    except OSError as error:
        log.warning("reminders not started: %s", error)
        return str(error)
    return None
