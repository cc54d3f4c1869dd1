"""Keep the screen awake while a session runs: a person on the mat cannot reach
the mouse, and a blank screen in the middle of a hold is exactly what must not
happen. Released when the session pauses or ends, so the laptop can sleep again.

One class per platform, chosen at run time; each failure (no session bus, no
screensaver service, no `caffeinate`) just leaves the screen's normal behaviour
in place: a note in the log, never an error in front of the person.

Each of them also ends by itself if the app dies: the desktop drops a D-Bus
inhibit when its client disconnects, Windows forgets a thread's execution state
with the thread, and `caffeinate -w PID` exits with the process it watches.
"""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from timer_app import APP_ID

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)


def default_reason() -> str:
    # Shown by the desktop (GNOME's and KDE's power menus list who keeps it awake).
    return QCoreApplication.translate("ScreenSaverInhibitor", "Exercise session in progress")


class _Backend(Protocol):
    def inhibit(self, reason: str) -> bool: ...

    def release(self) -> None: ...


class _Noop:
    def inhibit(self, reason: str) -> bool:
        return False

    def release(self) -> None:
        pass


class _FreedesktopInhibitor:
    """org.freedesktop.ScreenSaver over the session D-Bus (GNOME, KDE, Xfce ...).

    Spec: https://specifications.freedesktop.org/idle-inhibit-spec/latest/re01.html
    (Inhibit(s application_name, s reason) -> u cookie; UnInhibit(u cookie)).
    `connection` is for tests (a private bus); by default the session bus, looked
    up at the first hold rather than when the session screen is built.

    The calls block the GUI thread, so each waits at most `CALL_TIMEOUT_MS`
    (Qt's default is 25 s: a hung desktop service froze the window that long at
    the session's start). Inhibit is a plain message, not a `QDBusInterface`:
    building one introspects the service first, with the 25 s default and no
    way to shorten it. A service that did not answer in time is not asked again
    during this run, so pausing and resuming never freeze the window again.
    """

    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"
    INTERFACE = "org.freedesktop.ScreenSaver"
    CALL_TIMEOUT_MS = 1000
    _NO_ANSWER = ("org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout")

    def __init__(self, connection: QDBusConnection | None = None) -> None:
        self._connection = connection
        self._iface: QDBusInterface | None = None
        self._cookie: int | None = None
        self._unresponsive = False

    def _bus(self) -> QDBusConnection | None:
        from PySide6.QtDBus import QDBusConnection

        bus = self._connection if self._connection is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():  # no session bus: a headless box or a bare X server
            log.info("screen not kept awake: no D-Bus session bus (%s)", bus.lastError().message())
            return None
        return bus

    def inhibit(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        if self._unresponsive:
            return False
        bus = self._bus()
        if bus is None:
            return False
        from PySide6.QtDBus import QDBus, QDBusMessage

        call = QDBusMessage.createMethodCall(self.SERVICE, self.PATH, self.INTERFACE, "Inhibit")
        call.setArguments([APP_ID, reason])
        reply = bus.call(call, QDBus.CallMode.Block, self.CALL_TIMEOUT_MS)
        args = reply.arguments()
        if (
            reply.type() == QDBusMessage.MessageType.ReplyMessage
            and args
            and isinstance(args[0], int)
            and not isinstance(args[0], bool)
        ):
            self._cookie = args[0]
            self._iface = self._iface or self._interface(bus)
            return True
        if reply.errorName() in self._NO_ANSWER:
            self._unresponsive = True
            log.info(
                "screen not kept awake: %s did not answer within %d ms; not asked again",
                self.SERVICE,
                self.CALL_TIMEOUT_MS,
            )
        else:  # no desktop offers the service (ServiceUnknown): try again next hold
            log.info("screen not kept awake: %s said %s", self.SERVICE, reply.errorMessage())
        return False

    def _interface(self, bus: QDBusConnection) -> QDBusInterface | None:
        # Only for UnInhibit's uint32 (see _uninhibit), and only once the service
        # has just answered: its introspection is then quick.
        from PySide6.QtDBus import QDBusInterface

        iface = QDBusInterface(self.SERVICE, self.PATH, self.INTERFACE, bus)
        if not iface.isValid():
            log.info("screensaver interface not read: %s", iface.lastError().message())
            return None
        iface.setTimeout(self.CALL_TIMEOUT_MS)
        return iface

    def release(self) -> None:
        cookie, self._cookie = self._cookie, None
        if cookie is None:
            return
        if self._iface is not None:
            self._uninhibit(self._iface, cookie)
            return
        bus = self._bus()  # a service without introspection: a plain call is all we have
        if bus is not None:
            from PySide6.QtDBus import QDBus, QDBusMessage

            call = QDBusMessage.createMethodCall(
                self.SERVICE, self.PATH, self.INTERFACE, "UnInhibit"
            )
            call.setArguments([cookie])
            reply = bus.call(call, QDBus.CallMode.Block, self.CALL_TIMEOUT_MS)
            if reply.errorMessage():
                log.info("screensaver uninhibit failed: %s", reply.errorMessage())

    @staticmethod
    def _uninhibit(iface: QDBusInterface, cookie: int) -> None:
        # The cookie must travel as a D-Bus uint32 ('u'): a Python int passed to
        # call() goes out as int32 or int64, which GNOME and KDE reject ("no such
        # method"), so the inhibit would silently outlive the session. PySide6 has
        # no uint QVariant, but invoking the method that introspection put on the
        # interface's meta-object converts the argument to its declared type.
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt

        if iface.metaObject().indexOfMethod("UnInhibit(uint)") >= 0:
            QMetaObject.invokeMethod(
                iface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
            )
            error = iface.lastError()
            if error.isValid():
                log.info("screensaver uninhibit failed: %s", error.message())
        else:  # a service without introspection: the plain call is all we can do
            reply = iface.call("UnInhibit", cookie)
            if reply.errorMessage():
                log.info("screensaver uninhibit failed: %s", reply.errorMessage())


class _WindowsInhibitor:
    """SetThreadExecutionState: keep the display on while this thread asks.

    Flag values from
    https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-setthreadexecutionstate
    Returns the previous state, or 0 (NULL) when it fails.
    """

    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001
    ES_DISPLAY_REQUIRED = 0x00000002

    def __init__(self) -> None:
        self._held = False

    def _set(self, flags: int) -> bool:
        try:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            return bool(kernel32.SetThreadExecutionState(flags))
        except (AttributeError, OSError, ctypes.ArgumentError) as error:
            log.info("SetThreadExecutionState failed: %s", error)
            return False

    def inhibit(self, reason: str) -> bool:
        if not self._held:
            flags = self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED
            self._held = self._set(flags)
        return self._held

    def release(self) -> None:
        if self._held:
            self._set(self.ES_CONTINUOUS)  # clears the other flags: normal idle again
        self._held = False


class _MacInhibitor:
    """`caffeinate -d -w PID` keeps the display awake until we stop it (or we exit).

    caffeinate(8): -d prevents display sleep, -w waits for PID to exit and then
    drops the assertion, so a crash of the app cannot leave the Mac awake.
    """

    STOP_TIMEOUT_S = 1.0

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None

    def inhibit(self, reason: str) -> bool:
        if self._process is not None and self._process.poll() is None:
            return True
        try:
            self._process = subprocess.Popen(
                ["caffeinate", "-d", "-w", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:  # no caffeinate on this Mac
            log.info("caffeinate not started: %s", error)
            self._process = None
            return False
        return True

    def release(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        # Wait for it too: a terminated child nobody waits for stays a zombie.
        try:
            process.terminate()
            process.wait(timeout=self.STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            try:
                process.wait(timeout=self.STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                log.info("caffeinate (pid %s) did not stop", process.pid)
        except OSError as error:
            log.info("caffeinate not stopped: %s", error)


class ScreenSaverInhibitor:
    """`hold()` while a session runs, `release()` when it pauses or ends. Idempotent.

    `active` says what the session asked for; `hold()` returns whether the
    platform actually keeps the screen awake (False: it could not, nothing else).
    """

    def __init__(self, backend: _Backend | None = None) -> None:
        self._backend: _Backend = backend if backend is not None else self._for_platform()
        self.active = False
        self._held = False

    @staticmethod
    def _for_platform() -> _Backend:
        if sys.platform.startswith("win"):
            return _WindowsInhibitor()
        if sys.platform == "darwin":
            return _MacInhibitor()
        if sys.platform.startswith(("linux", "freebsd", "openbsd")):
            return _FreedesktopInhibitor()
        return _Noop()

    def hold(self, reason: str | None = None) -> bool:
        if not self.active:
            self.active = True
            self._held = self._quietly(self._backend.inhibit, reason or default_reason())
        return self._held

    def release(self) -> None:
        if self.active:
            self._quietly(self._backend.release)
            self.active = False
            self._held = False

    @staticmethod
    def _quietly(call: Any, *args: Any) -> bool:
        # The screen staying awake is a comfort, never a reason to stop a session.
        try:
            return bool(call(*args))
        except Exception:
            log.warning("screen keep-awake failed", exc_info=True)
            return False
