"""The single-instance lock file, taken before the window shows, without a disk flush.

On Linux and macOS the lock is an `flock()` on `timer-app.lock` in the data dir:
the kernel lets go of it when the process ends, however it ends (a crash,
SIGKILL, a power cut), so a lock is never stale, and taking it writes nothing.
`QLockFile`, used before and still on Windows, writes its pid into the file and
then `fdatasync()`s it: a disk flush before the first paint at every start,
0.3-0.6 ms on an idle virtual disk, up to 4 ms there while another program
wrote 400 MB, more on a slow or busy disk (ext4 commits its journal, with the
other programs' writes). An older version of the app holding a `QLockFile`
on the same file holds `flock()` on it too (Qt's own lock on Unix), so each
still sees the other.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile


class InstanceLock:
    """One process's hold on a lock file.

    `take()` is True when this process now holds it, False when another one
    does, None when the file cannot be locked here (no such folder, a file
    system without locks): the caller runs anyway then.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem = ""  # why the lock could not be used, when take() is None
        self._fd: int | None = None
        self._qt: QLockFile | None = None

    def take(self) -> bool | None:
        if sys.platform == "win32":
            return self._take_with_qt()
        import fcntl

        for _ in range(3):  # a holder quitting meanwhile removes the file: lock the new one
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
            except OSError as error:
                self.problem = str(error)
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # another process holds it
                os.close(fd)
                return False
            except OSError as error:  # e.g. ENOLCK: this file system has no locks
                os.close(fd)
                self.problem = str(error)
                return None
            if _same_file(fd, self.path):
                self._fd = fd
                return True
            os.close(fd)  # locked a file its holder had just removed
        self.problem = "the lock file keeps being replaced"
        return None

    def release(self) -> None:
        if self._fd is not None:
            # Removed while still locked, so a launch that opened it meanwhile
            # sees it is gone (take() opens it again); and an older version of
            # the app, whose QLockFile takes an empty file for a live lock,
            # can still start after this one.
            with contextlib.suppress(OSError):  # already gone, or a read-only folder
                self.path.unlink()
            os.close(self._fd)  # closing the last descriptor lets go of the flock
            self._fd = None
        if self._qt is not None:
            self._qt.unlock()
            self._qt = None

    def _take_with_qt(self) -> bool | None:
        from PySide6.QtCore import QLockFile

        lock = QLockFile(str(self.path))
        # Only a lock whose process is gone is stale; a running app's lock never is.
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._qt = lock
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            return False
        self.problem = str(lock.error())
        return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)
