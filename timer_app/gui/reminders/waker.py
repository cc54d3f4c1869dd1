"""Wake once, at a wall-clock moment, and early when the wall clock jumps.

Waiting costs nothing: one timer armed for the next reminder, no polling loop.
But a `QTimer` counts on the monotonic clock, which stops while the laptop is
suspended: a timer for 08:00 armed at 23:00 would fire at 08:00 plus the night.
So, on Linux, a `timerfd` on CLOCK_REALTIME with an absolute deadline: the kernel
fires it on resume once the moment has passed, and TFD_TIMER_CANCEL_ON_SET
wakes it as soon as the clock is set (NTP step, a person changing the time), so
the service re-plans. Elsewhere a single-shot `QTimer`, never armed for more
than `MAX_TIMER_WAIT_S`: a sleep or a clock change is noticed within that.

A time-zone change does not move the clock; `ZoneWatcher` sees /etc/localtime
point elsewhere (a flight, the desktop's settings) and says so.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import math
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSocketNotifier, Qt, QTimer, Signal

log = logging.getLogger(__name__)

MAX_TIMER_WAIT_S = 15 * 60.0

_CLOCK_REALTIME = 0
_TFD_NONBLOCK = 0o4000
_TFD_CLOEXEC = 0o2000000
_TFD_TIMER_ABSTIME = 1
_TFD_TIMER_CANCEL_ON_SET = 2


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class Waker(QObject):
    """`arm(at)` replaces any earlier arming; `sig_wake` once at `at` (or a clock jump)."""

    sig_wake = Signal()

    def arm(self, at: datetime) -> None:
        raise NotImplementedError

    def disarm(self) -> None:
        raise NotImplementedError


class TimerWaker(Waker):
    """A single-shot QTimer, at most `MAX_TIMER_WAIT_S` ahead (not Linux)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Never early: a coarse timer may fire up to 5 % (or a whole second) before
        # the moment, find nothing due yet, and arm again for the same moment.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.sig_wake.emit)

    def arm(self, at: datetime) -> None:
        wait = (at.astimezone(UTC) - datetime.now(UTC)).total_seconds()
        self._timer.start(math.ceil(max(0.0, min(wait, MAX_TIMER_WAIT_S)) * 1000))

    def disarm(self) -> None:
        self._timer.stop()


class TimerfdWaker(Waker):
    """CLOCK_REALTIME timerfd, absolute, cancelled on a clock set (Linux)."""

    def __init__(self, fd: int, libc: ctypes.CDLL, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fd = fd
        self._libc = libc
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ready)

    @classmethod
    def create(cls, parent: QObject | None = None) -> TimerfdWaker | None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.timerfd_create.argtypes = [ctypes.c_int, ctypes.c_int]
            libc.timerfd_settime.argtypes = [
                ctypes.c_int, ctypes.c_int, ctypes.POINTER(_Itimerspec), ctypes.c_void_p
            ]  # fmt: skip
            fd = libc.timerfd_create(_CLOCK_REALTIME, _TFD_NONBLOCK | _TFD_CLOEXEC)
        except (OSError, AttributeError) as error:
            log.info("no timerfd: %s", error)
            return None
        if fd < 0:
            log.info("no timerfd: %s", os.strerror(ctypes.get_errno()))
            return None
        return cls(fd, libc, parent)

    def arm(self, at: datetime) -> None:
        seconds = max(at.timestamp(), time.time() + 0.001)  # 0 would disarm it
        self._settime(seconds)

    def disarm(self) -> None:
        self._settime(0.0)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        os.close(self._fd)

    def _settime(self, seconds: float) -> None:
        whole = int(seconds)
        spec = _Itimerspec()
        spec.it_value.tv_sec = whole
        spec.it_value.tv_nsec = int((seconds - whole) * 1e9)
        flags = _TFD_TIMER_ABSTIME | _TFD_TIMER_CANCEL_ON_SET
        if self._libc.timerfd_settime(self._fd, flags, ctypes.byref(spec), None) != 0:
            code = ctypes.get_errno()
            if code == errno.ECANCELED:  # the clock was set since the last read
                self._drain()
                self._libc.timerfd_settime(self._fd, flags, ctypes.byref(spec), None)
            else:
                log.warning("timerfd_settime failed: %s", os.strerror(code))

    def _drain(self) -> bool:
        """True when the clock was set (the timer was cancelled)."""
        try:
            os.read(self._fd, 8)
        except BlockingIOError:
            return False
        except OSError as error:
            return error.errno == errno.ECANCELED
        return False

    def _on_ready(self) -> None:
        if self._drain():
            log.info("the wall clock was set: re-planning")
        self.sig_wake.emit()


def make_waker(parent: QObject | None = None) -> Waker:
    return TimerfdWaker.create(parent) or TimerWaker(parent)


class ZoneWatcher(QObject):
    """`sig_changed` when the system's time zone changes (/etc/localtime relinked)."""

    sig_changed = Signal()

    def __init__(self, localtime: Path = Path("/etc/localtime"), parent: QObject | None = None):
        super().__init__(parent)
        self._localtime = localtime
        self._target = self._resolve()
        self._watcher = QFileSystemWatcher(self)
        # The link is replaced, not written: watch the folder it lives in.
        if localtime.parent.is_dir():
            self._watcher.addPath(str(localtime.parent))
        self._watcher.directoryChanged.connect(self._on_folder_changed)

    def _resolve(self) -> str | None:
        try:
            return str(self._localtime.resolve())
        except OSError:
            return None

    def _on_folder_changed(self, _folder: str) -> None:
        target = self._resolve()
        if target != self._target:
            self._target = target
            time.tzset()  # the C library reads the zone again
            log.info("the time zone changed: re-planning")
            self.sig_changed.emit()
