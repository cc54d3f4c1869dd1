"""Spoken prompts over speech-dispatcher's own socket (SSIP), one connection while
a session speaks (issue 18: CPU).

`spd-say --wait` per sentence cost ~3 ms of CPU when speech-dispatcher was
running, but speech-dispatcher ends 5 s after its last client leaves, and a
session's sentences are ~15 s apart: nearly every sentence started it again
(~220 ms in `spd-say`, which spawns it, and ~120 ms in the daemon and its
espeak-ng module). Here the app speaks SSIP itself on a `QLocalSocket`
(QtNetwork is loaded anyway, for the single-instance server): the connection
keeps speech-dispatcher alive between sentences and is closed after a minute
without one (a session over or paused), so it can go away then.

`SsipSpeech` is a `SpeechBackend` like `SpdSay`, with the same states and
sentences: `checking` until speech-dispatcher has answered (started with
`speech-dispatcher --spawn`, as libspeechd does, when nobody listens on its
socket), then `available`, or not with `problem`: not installed, would not
start, no voice (no output module but the dummy one), or does not answer (no
reply, or a sentence that never ends). Nothing here blocks the UI thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

from timer_app.gui.audio import speech_engine
from timer_app.gui.audio.speech_dispatcher import (
    ENGINE_ENV,
    SENTENCE_SLACK_MS,
    WORDS_PER_SECOND,
    volume_argument,
)
from timer_app.gui.audio.speech_engine import prompt_locale, speech_dispatcher_socket
from timer_app.gui.audio.speech_process import READY_LIMIT_MS, SPEECH_VOLUME, problem_sentence

log = logging.getLogger(__name__)

SPAWN_PROGRAM = "speech-dispatcher"
# It answers in well under a millisecond when it works (speech_engine's probe).
ANSWER_MS = round(1000 * speech_engine.SPEECHD_ANSWER_S)
# No sentence for this long: the connection is closed and speech-dispatcher may
# end (it wakes ~3 times a second while a client is connected).
IDLE_CLOSE_MS = 60_000
END, CANCEL = 702, 703  # the events that end a sentence

Reply = Callable[[int, list[str]], None]


def speech_dispatcher_path() -> str | None:
    return shutil.which(SPAWN_PROGRAM)


def preferred(platform: str = sys.platform) -> bool:
    """Whether prompts go over speech-dispatcher's socket here: Linux, no engine
    named for the worker (tests name Qt's "mock"), a local socket address, and
    speech-dispatcher installed or already listening there."""
    if not platform.startswith("linux") or os.environ.get(ENGINE_ENV):
        return False
    path = speech_dispatcher_socket()
    return path is not None and (path.exists() or speech_dispatcher_path() is not None)


def escaped(text: str) -> bytes:
    """A sentence as SSIP's data block: a line starting with '.' gets a second one,
    and a line with a lone '.' ends it."""
    lines = [("." + ln if ln.startswith(".") else ln) for ln in text.splitlines() or [""]]
    return ("\r\n".join(lines) + "\r\n.\r\n").encode("utf-8")


class SsipSpeech(QObject):
    """Speech through speech-dispatcher's socket; `sig_status_changed` when
    `checking` ends or speech stops working."""

    sig_status_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        socket_path: Path | None = None,
        spawn_program: str | None = None,
        volume: float = SPEECH_VOLUME,
        answer_ms: int = ANSWER_MS,
        spawn_limit_ms: int = READY_LIMIT_MS,
        sentence_slack_ms: int = SENTENCE_SLACK_MS,
        idle_close_ms: int = IDLE_CLOSE_MS,
    ) -> None:
        super().__init__(parent)
        self.available = False
        self.checking = True
        self.problem = ""
        self.voice = ""
        self._path = socket_path or speech_dispatcher_socket() or Path("speechd.sock")
        self._spawn_program = spawn_program or speech_dispatcher_path() or SPAWN_PROGRAM
        self._language = prompt_locale().name().split("_")[0].lower()
        self._volume = volume_argument(volume)
        self._answer_ms, self._spawn_limit_ms = answer_ms, spawn_limit_ms
        self._slack_ms = sentence_slack_ms
        self._on_idle: Callable[[], None] | None = None
        self._queue: deque[str] = deque()
        self._sock: QLocalSocket | None = None
        self._ready = False  # connected and set up
        self._spawn: QProcess | None = None
        self._spawned = False  # tried once for this connection
        self._buffer = b""
        self._replies: deque[Reply] = deque()
        self._reply_lines: list[str] = []
        self._event: list[str] = []
        self._out = False  # a sentence sent and not yet ended
        self._message = ""  # its id, once speech-dispatcher has queued it
        self._ended: set[str] = set()  # ids whose end came before their id
        self._limit = self._timer(self._too_long)
        self._idle = self._timer(self._close)
        self._idle_ms = idle_close_ms
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # -- SpeechBackend ---------------------------------------------------------------
    def set_on_idle(self, callback: Callable[[], None]) -> None:
        self._on_idle = callback

    def is_speaking(self) -> bool:
        return bool(self._queue) or self._out

    def say(self, text: str) -> None:
        if not (self.available or self.checking):
            return
        self._queue.append(" ".join(text.split()))
        self._idle.stop()
        if not self._ready:
            self.check()  # said as soon as speech-dispatcher has answered
        elif not self._out:
            self._speak_next()

    def check(self) -> None:
        """Connect (starting speech-dispatcher if needed) unless connected or trying."""
        if (self.available or self.checking) and self._sock is None and self._spawn is None:
            self._spawned = False
            self._connect()

    def stop(self) -> None:
        """App exit: a sentence still being said is cancelled."""
        self._queue.clear()
        self._limit.stop()
        self._idle.stop()
        if self._sock is not None and self._ready:
            self._sock.write(b"CANCEL self\r\nQUIT\r\n")
            self._sock.flush()
        self._drop_socket()
        spawn, self._spawn = self._spawn, None
        if spawn is not None:
            spawn.finished.disconnect()
            spawn.kill()
            spawn.waitForFinished(500)

    # -- connecting --------------------------------------------------------------------
    def _connect(self) -> None:
        sock = self._sock = QLocalSocket(self)
        self._buffer, self._event = b"", []
        self._replies.clear()
        sock.connected.connect(self._handshake)
        sock.readyRead.connect(self._read)
        sock.errorOccurred.connect(self._socket_error)
        sock.disconnected.connect(self._peer_closed)
        self._limit.start(self._answer_ms)
        sock.connectToServer(str(self._path))

    def _peer_closed(self) -> None:
        self._socket_error(QLocalSocket.LocalSocketError.PeerClosedError)

    def _socket_error(self, error: QLocalSocket.LocalSocketError) -> None:
        sock = self._sock
        why = sock.errorString() if sock is not None else str(error)
        was_ready = self._ready
        self._drop_socket()
        if was_ready:
            # It went away (ended or crashed): the next sentence connects again.
            log.info("speech-dispatcher closed the connection: %s", why)
            if self._out:
                self._sentence_ended()
            elif self._queue:
                self.check()
            return
        if not self._spawned:
            self._start_speech_dispatcher()
            return
        self._fail(speech_engine.FAILED, f"cannot connect to speech-dispatcher: {why}")

    def _start_speech_dispatcher(self) -> None:
        """As libspeechd does when nobody listens: `--spawn` returns once it listens."""
        self._spawned = True
        self._limit.start(self._spawn_limit_ms)
        proc = self._spawn = QProcess(self)
        # The daemon keeps these: a pipe closed by us would kill it on its next line.
        proc.setStandardOutputFile(QProcess.nullDevice())
        proc.setStandardErrorFile(QProcess.nullDevice())
        proc.finished.connect(self._spawn_finished)
        proc.errorOccurred.connect(self._spawn_error)
        arguments = ["--spawn", "--communication-method", "unix_socket"]
        proc.start(self._spawn_program, [*arguments, "--socket-path", str(self._path)])

    def _spawn_finished(self) -> None:
        # Exit code 1 is "already running" (another client started it): connect anyway.
        if self._spawn is not None:
            self._spawn.deleteLater()
            self._spawn = None
            self._connect()

    def _spawn_error(self, error: QProcess.ProcessError) -> None:
        if self._spawn is not None and error == QProcess.ProcessError.FailedToStart:
            self._spawn.deleteLater()
            self._spawn = None
            self._fail(speech_engine.NOT_INSTALLED, f"{self._spawn_program}: {error}")

    def _handshake(self) -> None:
        self._command("SET SELF CLIENT_NAME user:timer-app:main", self._expect(208))
        self._command("LIST OUTPUT_MODULES", self._modules)
        self._command(f"SET SELF LANGUAGE {self._language}", self._expect(201))
        self._command(f"SET SELF VOLUME {self._volume}", self._expect(218))
        self._command("SET SELF NOTIFICATION END on", self._expect(220))
        self._command("SET SELF NOTIFICATION CANCEL on", self._connected)

    def _expect(self, wanted: int) -> Reply:
        def check(code: int, lines: list[str]) -> None:
            if code != wanted:
                self._fail(speech_engine.FAILED, f"speech-dispatcher answered {lines[-1]!r}")

        return check

    def _modules(self, code: int, lines: list[str]) -> None:
        modules = [line[4:] for line in lines[:-1]]
        if code != 250:
            self._fail(speech_engine.FAILED, f"speech-dispatcher answered {lines[-1]!r}")
        elif not [m for m in modules if m != "dummy"]:
            self._fail(speech_engine.NO_VOICE, f"speech-dispatcher has no voice: {modules}")

    def _connected(self, code: int, lines: list[str]) -> None:
        if code != 220 or self._sock is None:
            self._expect(220)(code, lines)
            return
        self._limit.stop()
        self._ready = True
        if self.checking:
            self.available, self.checking = True, False
            self.voice = f"speech-dispatcher ({self._language})"
            self.sig_status_changed.emit()
        if self._queue and not self._out:
            self._speak_next()
        elif not self._out:
            self._idle.start(self._idle_ms)

    # -- the protocol ----------------------------------------------------------------
    def _command(self, line: str, reply: Reply) -> None:
        self._send(line.encode("utf-8") + b"\r\n", reply)

    def _send(self, data: bytes, reply: Reply) -> None:
        if self._sock is not None:
            self._replies.append(reply)
            self._sock.write(data)

    def _read(self) -> None:
        sock = self._sock
        if sock is None:
            return
        self._buffer += bytes(sock.readAll().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            line = raw.rstrip(b"\r").decode("utf-8", errors="replace")
            if len(line) < 4 or not line[:3].isdigit():
                continue
            if line.startswith("7"):  # an event, in the midst of replies
                self._event.append(line)
                if line[3] == " ":
                    event, self._event = self._event, []
                    self._on_event(int(line[:3]), event)
            else:
                self._reply_lines.append(line)
                if line[3] == " ":
                    reply, self._reply_lines = self._reply_lines, []
                    if self._replies:
                        self._replies.popleft()(int(line[:3]), reply)
            if self._sock is not sock:  # a reply failed it: the rest is moot
                return

    def _on_event(self, code: int, lines: list[str]) -> None:
        if code not in (END, CANCEL) or len(lines) < 2:
            return
        message = lines[0][4:]
        if self._out and message == self._message:
            self._sentence_ended()
        else:
            self._ended.add(message)  # ended before its id came: see `_queued`

    # -- sentences ---------------------------------------------------------------------
    def _speak_next(self) -> None:
        line = self._queue.popleft()
        self._out, self._message = True, ""
        self._limit.start(self._slack_ms + int(1000 * len(line.split()) / WORDS_PER_SECOND))
        self._command("SPEAK", lambda code, lines: self._send_text(code, lines, line))

    def _send_text(self, code: int, lines: list[str], text: str) -> None:
        if code != 230:
            self._fail(speech_engine.FAILED, f"speech-dispatcher answered {lines[-1]!r}")
            return
        self._send(escaped(text), self._queued)

    def _queued(self, code: int, lines: list[str]) -> None:
        if code != 225:
            self._fail(speech_engine.FAILED, f"speech-dispatcher answered {lines[-1]!r}")
            return
        self._message = lines[0][4:]
        if self._message in self._ended:
            self._ended.discard(self._message)
            self._sentence_ended()

    def _sentence_ended(self) -> None:
        self._out, self._message = False, ""
        self._limit.stop()
        if self._queue:
            if self._ready:
                self._speak_next()
            else:
                self.check()
            return
        if self._ready:
            self._idle.start(self._idle_ms)
        if self._on_idle is not None:
            self._on_idle()

    # -- endings -----------------------------------------------------------------------
    def _close(self) -> None:
        """A minute without a sentence: let speech-dispatcher go (it ends 5 s later)."""
        if self._sock is not None and not self._out and not self._queue:
            self._sock.write(b"QUIT\r\n")
            self._sock.flush()
            self._drop_socket()

    def _drop_socket(self) -> None:
        sock, self._sock = self._sock, None
        self._ready = False
        self._replies.clear()
        self._reply_lines = []
        if sock is not None:
            sock.errorOccurred.disconnect()
            sock.readyRead.disconnect()
            sock.connected.disconnect()
            sock.disconnected.disconnect()
            sock.abort()
            sock.deleteLater()

    def _too_long(self) -> None:
        """No answer in time: speech-dispatcher is stuck (e.g. it lost the audio)."""
        self._fail(speech_engine.STUCK, "speech-dispatcher did not answer in time")

    def _fail(self, code: str, why: str) -> None:
        """Silent from now on, with a sentence for the person (once)."""
        self._drop_socket()
        spawn, self._spawn = self._spawn, None
        if spawn is not None:
            spawn.finished.disconnect()
            spawn.kill()
            spawn.waitForFinished(500)
        if not (self.available or self.checking):
            return
        self.available = self.checking = self._out = False
        self.problem = problem_sentence(code)
        self._queue.clear()
        self._limit.stop()
        self._idle.stop()
        log.warning("%s", why)
        self.sig_status_changed.emit()
