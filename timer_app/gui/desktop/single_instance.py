"""One app per data dir: a second launch brings the first window to the front.

Two instances writing one history would each mark the other's live session as
interrupted, so the first launch locks a file in the data dir (`instance_lock.py`:
a lock is let go when its process ends, however it ends) and listens on a
`QLocalServer` named from a hash of the data dir. A second launch cannot take the
lock; it sends "activate" (and its `--start` routine, if any) to the first and
should exit. The first emits `sig_activate(start)`; the GUI connects it to raise
its window (and open that routine).

    instance = SingleInstance(paths.data_dir())
    if not instance.acquire(start=args.start, listen=False):
        return 0  # the running app was told to come to the front
    ...show the window...
    instance.listen()  # once the window is on screen
    instance.sig_activate.connect(window.bring_to_front)

The lock alone decides who is first, so the server (and QtNetwork, ~10 ms to
load) can wait until the window is on screen; a second launch in that moment
keeps trying to connect for a few seconds.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from timer_app.gui.desktop.instance_lock import InstanceLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "timer-app.lock"
_ACTIVATE = b"activate"
_CONNECT_FOR_S = 5.0  # the first may still be starting up (or its disk is slow)
_RETRY_AFTER_S = 0.05
_TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    """The local socket name for a data dir (short: Unix socket paths are limited)."""
    from timer_app.storage.digest import sha256_hex  # not hashlib: no OpenSSL loaded

    digest = sha256_hex(str(data_dir.expanduser().resolve()).encode("utf-8"))
    return f"timer-app-{digest[:20]}"


class SingleInstance(QObject):
    sig_activate = Signal(str)  # the second launch's --start routine, "" if none

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._first = False
        self._lock: InstanceLock | None = None
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def is_first(self) -> bool:
        return self._first

    @property
    def name(self) -> str:
        return server_name(self.data_dir)

    def acquire(self, start: str | None = None, *, listen: bool = True) -> bool:
        """True when this is the first instance (keep running); False when another
        one runs on this data dir and was asked to come to the front (exit).
        With `listen=False` the first instance answers later launches only once
        `listen()` is called."""
        first = self._first = self._take_lock(start)
        if first and listen:
            self.listen()
        return first

    def _take_lock(self, start: str | None) -> bool:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            # No data dir: nothing to protect, and the history will say why.
            log.warning("no single-instance lock (%s): running anyway", error)
            return True
        lock = InstanceLock(self.data_dir / LOCK_NAME)
        taken = lock.take()
        if taken:
            self._lock = lock
            return True
        if taken is None:
            log.warning("single-instance lock unusable (%s): running anyway", lock.problem)
            return True
        self._tell_first(start or "")
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- the first instance ----------------------------------------------------
    def listen(self) -> None:
        """Answer later launches on this data dir (once; the first instance only)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # A socket file left by a killed first instance would block listen().
        QLocalServer.removeServer(self.name)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_message_end(s))
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + socket.readAll().data()
        if self._buffers[socket].count(b"\n") >= 2:  # "activate\n<start>\n": complete
            self._on_message_end(socket)

    def _on_message_end(self, socket: QLocalSocket) -> None:
        data = self._buffers.pop(socket, None)
        if data is None:
            return
        data += socket.readAll().data()
        socket.deleteLater()
        lines = data.split(b"\n")
        if lines and lines[0] == _ACTIVATE:
            start = lines[1].decode("utf-8", "replace") if len(lines) > 1 else ""
            self.sig_activate.emit(start)

    # -- the second instance ---------------------------------------------------
    def _tell_first(self, start: str) -> bool:
        from PySide6.QtCore import QByteArray
        from PySide6.QtNetwork import QLocalSocket

        message = _ACTIVATE + b"\n" + start.encode("utf-8") + b"\n"
        # The first takes its lock before its window shows and listens after:
        # keep knocking for a while. (This launch has no window to keep alive.)
        give_up_at = time.monotonic() + _CONNECT_FOR_S
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(_TIMEOUT_MS):
                socket.write(QByteArray(message))
                socket.waitForBytesWritten(_TIMEOUT_MS)
                socket.disconnectFromServer()
                return True
            if time.monotonic() >= give_up_at:
                log.warning("another instance holds %s but does not answer", self.data_dir)
                return False
            time.sleep(_RETRY_AFTER_S)
