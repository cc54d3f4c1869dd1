"""The app's side of "no reminder while a session screen is open".

While the main window shows the session screen (the ready screen, the session,
its summary), the flag file `storage/session_screen.py` describes is kept in the
data dir; the background reminders read it with the history and watch it, so a
reminder on screen is taken away as the patient opens a session and none shows
until the screen closes, whatever the history says. Written only while some
reminder is on; removed on leaving the screen and as the app quits.
"""

from __future__ import annotations

import atexit
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from timer_app.core.local_time import local_now
from timer_app.storage import session_screen

if TYPE_CHECKING:
    from timer_app.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)
_cleared_at_exit: set[Path] = set()


def follow_session_screen(window: MainWindow) -> None:
    """Keep the flag while `window` shows its session screen."""
    path = session_screen.session_screen_path()  # the data dir the app opened with

    def page_changed(name: str) -> None:
        if name != "session":
            session_screen.clear(path=path)
            return
        reminders = window.model.settings.reminders
        if reminders.get("enabled") is not True and reminders.get("breaks_enabled") is not True:
            return
        try:
            session_screen.mark_open(local_now(), path=path)
        except OSError as error:  # a reminder may then show: never a crash
            log.warning("the session screen's flag for the reminders not written: %s", error)

    window.sig_page_changed.connect(page_changed)
    window.destroyed.connect(lambda *_: session_screen.clear(path=path))
    if path not in _cleared_at_exit:  # a quit from the session screen itself
        _cleared_at_exit.add(path)
        atexit.register(session_screen.clear, path=path)
    if window.current_page() == "session" and window.page_shown():
        page_changed("session")
