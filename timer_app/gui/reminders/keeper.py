"""The app's side of "Remind me even when the app is closed".

When the reminder settings change (the app model's `settings_changed`), the
autostart entry is made to match (written when wanted, removed when not), and
when they are wanted the background process is started now, so reminders do not
wait for the next login. A background process already running for this data dir
makes the new one exit at once (its lock); one no longer wanted ends by itself
(it watches the settings file).
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Mapping
from typing import Any

from timer_app.gui.reminders.background import wanted
from timer_app.storage import autostart

log = logging.getLogger(__name__)

_started: list[subprocess.Popen[bytes]] = []


def _popen(command: list[str]) -> None:
    for child in list(_started):  # reap those that ended: no zombies
        if child.poll() is not None:
            _started.remove(child)
    _started.append(
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # it outlives the window
        )
    )


# Tests replace it (tests/gui/conftest.py): no process outlives a test.
launch_background: Callable[[list[str]], None] = _popen


def sync(reminders: Mapping[str, Any]) -> str | None:
    """Make the autostart entry and the background process follow the settings.

    Returns a sentence for the person when the entry could not be written (or
    removed), None when all went well.
    """
    want = wanted(dict(reminders))
    try:
        autostart.sync(want)
    except OSError as error:
        log.warning("autostart entry not %s: %s", "written" if want else "removed", error)
        return str(error)
    if want:
        try:
            launch_background(autostart.autostart_command())
        except OSError as error:
            log.warning("background reminders not started: %s", error)
            return str(error)
    return None
