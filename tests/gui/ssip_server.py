"""A fake speech-dispatcher for the SSIP tests: a real AF_UNIX socket in a thread,
answering the commands `SsipSpeech` sends as speech-dispatcher 0.11 does."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

REPLIES = {
    "SET SELF CLIENT_NAME": "208 OK CLIENT NAME SET",
    "SET SELF LANGUAGE": "201 OK LANGUAGE SET",
    "SET SELF VOLUME": "218 OK VOLUME SET",
    "SET SELF NOTIFICATION": "220 OK NOTIFICATION SET",
    "CANCEL": "210 OK CANCELED",
}


class FakeSpeechd(threading.Thread):
    """Listens on `path` (at once, or once `started_by` exists: a fake
    `speech-dispatcher --spawn` creates it). `commands` and `spoken` are what it
    was sent; `connections` how many clients came. With `answers=False` it
    accepts and never replies (a wedged speech-dispatcher); with
    `auto_end=False` a sentence ends only at `end_sentences()`."""

    def __init__(
        self,
        path: Path,
        *,
        modules: tuple[str, ...] = ("espeak-ng",),
        answers: bool = True,
        auto_end: bool = True,
        started_by: Path | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.path, self.modules = path, modules
        self.answers, self.auto_end, self.started_by = answers, auto_end, started_by
        self.commands: list[str] = []
        self.raw_text: list[str] = []  # the data lines as sent, escapes and all
        self.spoken: list[str] = []
        self.connections = 0
        self.quits = 0
        self._pending: list[str] = []  # ids not yet ended
        self._lock = threading.Lock()
        self._conn: socket.socket | None = None
        self._closing = False
        self._listener: socket.socket | None = None
        if started_by is None:
            self._listen()

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(self.path))
        listener.listen(4)
        listener.settimeout(0.1)
        self._listener = listener

    def run(self) -> None:
        # The fake daemon's own start-up: it listens once its spawner has run.
        while self._listener is None and not self._closing:
            if self.started_by is not None and self.started_by.exists():
                self._listen()
            time.sleep(0.01)
        while not self._closing and self._listener is not None:
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                self._conn = conn
                # The app may drop its connection mid-line, as a real client may.
                with contextlib.suppress(ConnectionResetError):
                    self._serve(conn)
                self._conn = None

    def _serve(self, conn: socket.socket) -> None:
        reading_text = False
        text: list[str] = []
        for raw in conn.makefile("rb"):
            line = raw.decode("utf-8").rstrip("\r\n")
            if reading_text:
                if line == ".":
                    reading_text = False
                    self.spoken.append("\n".join(text))
                    text = []
                    self._queued()
                else:
                    self.raw_text.append(line)
                    text.append(line[1:] if line.startswith("..") else line)
                continue
            self.commands.append(line)
            if not self.answers:
                continue
            if line == "QUIT":
                self.quits += 1
                self._send("231 HAPPY HACKING")
                return
            if line == "SPEAK":
                reading_text = True
                self._send("230 OK RECEIVING DATA")
            elif line == "LIST OUTPUT_MODULES":
                self._send(*[f"250-{m}" for m in self.modules], "250 OK MODULE LIST SENT")
            else:
                reply = next((r for c, r in REPLIES.items() if line.startswith(c)), None)
                self._send(reply or "300 ERR UNKNOWN COMMAND")

    def _queued(self) -> None:
        message = str(len(self.spoken))
        self._send(f"225-{message}", "225 OK MESSAGE QUEUED")
        with self._lock:
            self._pending.append(message)
        if self.auto_end:
            self.end_sentences()

    def end_sentences(self) -> None:
        """speech-dispatcher has said every sentence it was given: END events."""
        with self._lock:
            pending, self._pending = self._pending, []
        for message in pending:
            self._send(f"702-{message}", "702-1", "702 END")

    def hang_up(self) -> None:
        """speech-dispatcher goes away (ended, or crashed) between sentences."""
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def _send(self, *lines: str) -> None:
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.sendall("".join(f"{ln}\r\n" for ln in lines).encode("utf-8"))

    def close(self) -> None:
        self._closing = True
        self.hang_up()
        if self._listener is not None:
            self._listener.close()
        self.join(5)
