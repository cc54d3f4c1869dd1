"""The fallback where no notification service shows buttons (Windows, macOS, a bare
window manager): a tray icon with the reminder's balloon, in a child process.

Qt's widgets (which `QSystemTrayIcon` needs) would add ~20 MiB to the waiting
process for good, over its 40 MiB goal; so the icon lives only while a reminder
is shown, in a child (`timer-app reminders run --tray-reminder TITLE BODY`):
its balloon (`showMessage`; Windows shows it as a toast, macOS in the
Notification Centre) and the icon's menu offer Start and In 15 minutes. The
child prints the key chosen on its standard output and ends; `TrayReminder`
(QtCore only) starts it, reads the answer, and ends it to replace or close it.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QProcess, Signal

log = logging.getLogger(__name__)

TRAY_FLAG = "--tray-reminder"
ACTIONS_FLAG = "--tray-actions"
UNAVAILABLE = "unavailable"
LIFETIME_MS = 60 * 60 * 1000  # a reminder nobody answered in an hour waits for the next


def tray_command(title: str, body: str, actions: tuple[str, ...]) -> list[str]:
    base = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "timer_app"]
    )
    keys = ",".join(actions)
    return [*base, "reminders", "run", ACTIONS_FLAG, keys, TRAY_FLAG, title, body]


class TrayReminder(QObject):
    """`show()` starts the child (ending the one shown before); `sig_action(key)`."""

    sig_action = Signal(str)
    sig_unavailable = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._child: QProcess | None = None

    def show(self, title: str, body: str, actions: tuple[str, ...]) -> bool:
        self.close()
        for old in self.findChildren(QProcess):
            if old.state() == QProcess.ProcessState.NotRunning:
                old.setParent(None)
                old.deleteLater()
        command = tray_command(title, body, actions)
        child = QProcess(self)
        child.setProgram(command[0])
        child.setArguments(command[1:])
        child.readyReadStandardOutput.connect(lambda: self._on_output(child))
        child.finished.connect(lambda *_: self._on_finished(child))
        child.start()
        if not child.waitForStarted(5000):
            log.info("the tray reminder did not start: %s", child.errorString())
            return False
        self._child = child
        return True

    def close(self) -> None:
        child, self._child = self._child, None
        if child is not None and child.state() != QProcess.ProcessState.NotRunning:
            child.terminate()
            if not child.waitForFinished(2000):
                child.kill()
                child.waitForFinished(2000)

    def _on_output(self, child: QProcess) -> None:
        for line in bytes(child.readAllStandardOutput().data()).decode("utf-8").splitlines():
            key = line.strip()
            if key == UNAVAILABLE:
                log.info("no system tray: the reminder could not be shown")
                self.sig_unavailable.emit()
            elif key and child is self._child:
                self.sig_action.emit(key)

    def _on_finished(self, child: QProcess) -> None:
        # Kept (parented to us) until the next reminder: output may still be read.
        if child is self._child:
            self._on_output(child)
            self._child = None


def run_tray_reminder(title: str, body: str, actions: tuple[str, ...]) -> int:
    """The child: an icon and its balloon until an answer, or an hour."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QAction, QIcon
    from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

    from timer_app import APP_ID
    from timer_app.gui.reminders.notifier import action_labels
    from timer_app.storage.resources import asset_path

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    if not QSystemTrayIcon.isSystemTrayAvailable():
        print(UNAVAILABLE, flush=True)
        return 3

    def answer(key: str) -> None:
        print(key, flush=True)
        app.quit()

    tray = QSystemTrayIcon(QIcon(str(asset_path("icons", f"{APP_ID}.svg"))), app)
    tray.setToolTip(f"{title}\n{body}".strip())
    menu = QMenu()
    for key, label in action_labels(actions):
        action = QAction(label, menu)
        action.triggered.connect(lambda _=False, k=key: answer(k))
        menu.addAction(action)
    tray.setContextMenu(menu)
    if "start" in actions:  # a click on a session reminder is Start
        tray.messageClicked.connect(lambda: answer("start"))
        tray.activated.connect(
            lambda reason: (
                answer("start") if reason == QSystemTrayIcon.ActivationReason.Trigger else None
            )
        )
    tray.show()
    if tray.supportsMessages():
        tray.showMessage(title, body, tray.icon())
    QTimer.singleShot(LIFETIME_MS, app.quit)
    QCoreApplication.processEvents()
    return app.exec()
