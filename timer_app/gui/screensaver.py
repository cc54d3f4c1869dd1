"""Keep the screen awake while a session runs: a person on the mat cannot reach
the mouse, and a blank screen in the middle of a hold is exactly what must not
happen. Released when the session pauses or ends, so the laptop can sleep again.

One class per platform, chosen at run time; each failure (no session bus, no
screensaver service) just leaves the screen's normal behaviour in place.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

APP_ID = "timer-app"


class _Noop:
    def inhibit(self, reason: str) -> bool:
        return False

    def release(self) -> None:
        pass


class _FreedesktopInhibitor:
    """org.freedesktop.ScreenSaver over the session D-Bus (GNOME, KDE, Xfce ...)."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._iface: Any = None
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():  # no session bus: a headless box or a bare X server
            return
        iface = QDBusInterface(
            "org.freedesktop.ScreenSaver",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            bus,
        )
        if iface.isValid():
            self._iface = iface

    def inhibit(self, reason: str) -> bool:
        if self._iface is None or self._cookie is not None:
            return self._cookie is not None
        reply = self._iface.call("Inhibit", APP_ID, reason)
        args = reply.arguments() if reply is not None else []
        if args and isinstance(args[0], int):
            self._cookie = args[0]
            return True
        log.info("screensaver inhibit failed: %s", reply.errorMessage() if reply else "")
        return False

    def release(self) -> None:
        if self._iface is not None and self._cookie is not None:
            self._iface.call("UnInhibit", self._cookie)
        self._cookie = None


class _WindowsInhibitor:
    """SetThreadExecutionState: keep the display on while this thread asks."""

    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001
    ES_DISPLAY_REQUIRED = 0x00000002

    def __init__(self) -> None:
        self._held = False

    def _set(self, flags: int) -> bool:
        try:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            return bool(kernel32.SetThreadExecutionState(flags))
        except (AttributeError, OSError):
            return False

    def inhibit(self, reason: str) -> bool:
        flags = self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED
        self._held = self._set(flags)
        return self._held

    def release(self) -> None:
        if self._held:
            self._set(self.ES_CONTINUOUS)
        self._held = False


class _MacInhibitor:
    """`caffeinate -d -w PID` keeps the display awake until we stop it (or we exit)."""

    def __init__(self) -> None:
        self._process: Any = None

    def inhibit(self, reason: str) -> bool:
        if self._process is not None:
            return True
        import os
        import subprocess

        try:
            self._process = subprocess.Popen(["caffeinate", "-d", "-w", str(os.getpid())])
        except OSError:
            return False
        return True

    def release(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process = None


class ScreenSaverInhibitor:
    """`hold()` while a session runs, `release()` when it pauses or ends. Idempotent."""

    def __init__(self, backend: Any = None) -> None:
        self._backend = backend if backend is not None else self._for_platform()
        self.active = False

    @staticmethod
    def _for_platform() -> Any:
        if sys.platform.startswith("win"):
            return _WindowsInhibitor()
        if sys.platform == "darwin":
            return _MacInhibitor()
        if sys.platform.startswith(("linux", "freebsd", "openbsd")):
            return _FreedesktopInhibitor()
        return _Noop()

    def hold(self, reason: str = "Exercise session in progress") -> None:
        if not self.active:
            self._backend.inhibit(reason)
            self.active = True

    def release(self) -> None:
        if self.active:
            self._backend.release()
            self.active = False
