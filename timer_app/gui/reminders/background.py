"""`timer-app reminders run`: the reminders with no window, one per data dir.

Started at login by the autostart entry (`storage/autostart.py`) once the person
ticks "Remind me even when the app is closed"; it ends by itself when that, or
both kinds of reminder, are turned off. While it waits it does nothing at all:
one timer for the next reminder (`waker.py`), sockets Qt watches for a button
pressed on a notification, a clock set, the zone or the settings file changed.

Kept small (40 MiB, issue 17): only Qt's core is loaded (no QtGui/QtWidgets,
~20 MiB), and the routines and history are read by a child at each wake-up
(`inputs_child.py`). Without a notification service that shows buttons
(Windows, macOS, a bare window manager) each reminder is a tray icon and its
balloon, in a child that lives while the reminder is shown (`tray.py`).

**Start** opens the app exactly as `timer-app --start ID`: it runs that command,
which brings a running window to the front on that routine's ready screen.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QSocketNotifier,
    QTimer,
)

from timer_app import APP_DISPLAY_NAME, APP_NAME
from timer_app.gui.reminders.dbus_link import DBusLink, open_connection
from timer_app.gui.reminders.file_watch import FileWatcher
from timer_app.gui.reminders.notifier import Notifier
from timer_app.gui.reminders.tray import TrayReminder

log = logging.getLogger(__name__)

LOCK_NAME = "reminders.lock"
LOCK_WAIT_MS = 5000
LOG_NAME = "reminders.log"


def wanted(raw: dict[str, Any], *, app_open: bool = False) -> bool:
    """Whether the settings ask for reminders now: while the app is closed too
    (`in_background`), or only while it is open."""
    some = raw.get("enabled") is True or raw.get("breaks_enabled") is True
    return some and (app_open or raw.get("in_background") is True)


def _watch_app(pid: int, ended: Callable[[], None], parent: QObject) -> None:
    """Call `ended` when the app's process ends (Linux: a pidfd Qt watches; costs
    nothing while waiting). Elsewhere the app ends this process when it quits."""
    try:
        descriptor = os.pidfd_open(pid)
    except ProcessLookupError:
        ended()
        return
    except (AttributeError, OSError) as error:
        log.info("the app's process is not watched: %s", error)
        return
    notifier = QSocketNotifier(descriptor, QSocketNotifier.Type.Read, parent)

    def on_end() -> None:
        notifier.setEnabled(False)
        os.close(descriptor)
        ended()

    notifier.activated.connect(on_end)


def open_app(routine_id: str, launched: list[subprocess.Popen[bytes]]) -> None:
    """`timer-app --start ID` (or the app alone): the running window comes to the front."""
    from timer_app.storage.desktop_entry import launcher_command

    for child in list(launched):  # reap the earlier ones: no zombies left behind
        if child.poll() is not None:
            launched.remove(child)
    command = launcher_command() + (["--start", routine_id] if routine_id else [])
    try:
        launched.append(
            subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # not ended with us, nor by our terminal
            )
        )
    except OSError as error:
        log.warning("the app could not be opened: %s", error)


# settings.json is replaced, not written in place: followed by its identity.
SettingsWatcher = FileWatcher


class HistoryWatcher(QObject):
    """Calls `changed()` once the history file has been quiet for `QUIET_MS` after
    a write (a session started, went on, ended). While nobody writes it, nothing
    runs; during a session, one read after a pause, not one per rep."""

    QUIET_MS = 30_000

    def __init__(self, path: Path, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        # WAL mode: the writes land in the -wal file first.
        self._files = [path, path.with_name(path.name + "-wal")]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.QUIET_MS)
        self._timer.timeout.connect(changed)
        self._watcher = QFileSystemWatcher(self)
        if path.parent.is_dir():
            self._watcher.addPath(str(path.parent))  # to see the files appear
        self._watcher.directoryChanged.connect(self._watch_files)
        self._watcher.fileChanged.connect(self._on_write)
        self._watch_files()

    def _watch_files(self, _folder: str = "") -> None:
        watched = set(self._watcher.files())
        for file in self._files:
            if str(file) not in watched and file.exists():
                self._watcher.addPath(str(file))

    def _on_write(self, _file: str) -> None:
        self._watch_files()  # a file replaced is dropped from the watch: add it back
        self._timer.start()


def _quit_on_signals(app: QCoreApplication) -> None:
    """SIGTERM (logout) and Ctrl+C end the event loop: Python's handlers run only
    when Python code does, so the signal wakes Qt through a socket first."""
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    reader.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    app.setProperty("_signal_sockets", (reader, writer, notifier))


def _application() -> QCoreApplication:
    from PySide6.QtCore import QLocale, QTranslator

    from timer_app.storage.resources import asset_path

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("hometimer")
    app = QCoreApplication(sys.argv[:1])
    # The reminders' words in the desktop's language, as the app's (gui/app.py
    # installs the same file; its module would bring Qt's widgets along).
    translator = QTranslator(app)
    if translator.load(QLocale.system(), "timer_app", "_", str(asset_path("translations"))):
        app.installTranslator(translator)
    return app


def _log_to(path: Path) -> None:
    """Its own log beside the app's (two processes never rotate one file)."""
    from timer_app.gui.desktop.app_log import log_to_file

    log_to_file(path)


def run(with_app: int | None = None) -> int:
    """`with_app`: the app's process id when the app started this one for while it
    is open (reminders on, "even when the app is closed" off)."""
    from timer_app.core.local_time import local_now
    from timer_app.gui.reminders import inputs_child
    from timer_app.gui.reminders.idle import find_idle_source
    from timer_app.gui.reminders.service import ReminderService
    from timer_app.gui.reminders.waker import ZoneWatcher, make_waker
    from timer_app.storage import paths
    from timer_app.storage.reminder_state import reminder_state_path
    from timer_app.storage.session_screen import session_screen_path

    data_dir = paths.data_dir()
    settings_file = paths.settings_path()
    app_open = [with_app is not None]
    if not wanted(inputs_child.settings_only(settings_file), app_open=app_open[0]):
        print(
            f"{APP_NAME}: reminders while the app is closed are off "
            "(turn them on in the app: Safety & help, Reminders).",
            file=sys.stderr,
        )
        return 0
    connection = open_connection() if not sys.platform.startswith(("win", "darwin")) else None
    app = _application()
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # only a lock whose process is gone is stale
    # Started by the app just as one no longer wanted ends: give it time to go.
    if not lock.tryLock(LOCK_WAIT_MS if with_app is not None else 0):
        print(f"{APP_NAME}: the reminders already run for {data_dir}.", file=sys.stderr)
        return 0
    _quit_on_signals(app)
    _log_to(data_dir / LOG_NAME)
    link = DBusLink(connection, app) if connection is not None else None
    # Without a notification service that shows buttons (or once it is gone):
    # a tray icon, in a child.
    notifier = Notifier(link, TrayReminder(app), parent=app)
    launched: list[subprocess.Popen[bytes]] = []
    service = ReminderService(
        read_inputs=inputs_child.read_in_child,
        notifier=notifier,
        waker=make_waker(app),
        now=local_now,
        idle=find_idle_source(link),
        record_break=inputs_child.record_in_child,
        state_file=reminder_state_path(),
        parent=app,
    )
    service.sig_open_routine.connect(lambda routine: open_app(routine, launched))

    def settings_changed() -> None:
        if wanted(inputs_child.settings_only(settings_file), app_open=app_open[0]):
            service.invalidate()
        else:
            log.info("reminders are no longer wanted now: ending")
            app.quit()

    def app_ended() -> None:
        app_open[0] = False
        settings_changed()  # carries on only when wanted while the app is closed

    if with_app is not None:
        _watch_app(with_app, app_ended, app)

    SettingsWatcher(settings_file, settings_changed, app)
    HistoryWatcher(paths.history_db_path(), service.invalidate, app)
    # The app's session screen opened or closed (its ready screen writes nothing
    # to the history): read again, so a reminder on screen is taken away at once.
    FileWatcher(session_screen_path(), service.invalidate, app)
    ZoneWatcher(parent=app).sig_changed.connect(service.invalidate)
    service.start()
    log.info("%s reminders waiting (pid %d)", APP_DISPLAY_NAME, os.getpid())
    code = app.exec()
    notifier.close()
    lock.unlock()
    return code
