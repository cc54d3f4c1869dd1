"""The app's side of the speech worker: a `SpeechBackend` that talks to a child.

`SpeechProcess` starts `python -m timer_app.gui.audio.speech_worker` with `QProcess`
(asynchronously: making it costs the UI thread a few milliseconds) and speaks
through it over the line protocol described in `speech_worker`. Until the
worker says `ready` it is `checking`; then `available`, or not with a plain
`problem` sentence. A worker that fails to start, dies or answers nonsense means
silent prompts and a sentence, never a traceback or a hang. The worker ends with
the app: its input closes (it quits) and, on `aboutToQuit`, it is killed if it
lingers. The app's worker is `lazy`: it starts at the first sentence and ends
after a minute without one, so it costs no memory between sessions.
"""

from __future__ import annotations

import atexit
import logging
import sys
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from timer_app import SPEECH_WORKER_FLAG
from timer_app.gui.audio import speech_engine
from timer_app.gui.audio.speech_engine import prompt_locale
from timer_app.gui.translation import translate

log = logging.getLogger(__name__)

# espeak-ng through speech-dispatcher peaked at 0 dBFS (clipping) at Qt's default
# volume; this keeps the voice's peaks below full scale and level with the cues.
SPEECH_VOLUME = 0.6
WORKER = ("-m", "timer_app.gui.audio.speech_worker")
QUIT_WAIT_MS = 500
# A worker that has not answered by then is taken for stuck (it is usually ready
# in ~1.3 s; a speech-dispatcher that hangs after the probe would keep it waiting).
READY_LIMIT_MS = 20_000
# A lazy worker (the app's) is a second Python with QtTextToSpeech, ~49 MiB: it
# starts at the first sentence and ends after this long without one (a session
# over, or paused); the next sentence starts it again and waits for its `ready`.
IDLE_LIMIT_MS = 60_000


_running: weakref.WeakSet[SpeechProcess] = weakref.WeakSet()


def worker_command() -> tuple[str, ...]:
    """How to start the worker: `python -m ...`, or a frozen bundle's own executable
    with a flag (it has no Python to run `-m` with; its entry script dispatches)."""
    if getattr(sys, "frozen", False):
        return (sys.executable, SPEECH_WORKER_FLAG)
    return (sys.executable, *WORKER)


@atexit.register
def _stop_all() -> None:
    """Without `aboutToQuit` (tests, a script): end the workers before Qt's objects go."""
    for worker in list(_running):
        worker.stop()


def problem_sentence(code: str) -> str:
    """The worker's problem code in the person's words."""
    if code == speech_engine.MISSING:
        return translate("Cues", "Spoken prompts are off: speech support is not installed.")
    if code == speech_engine.STUCK:
        return translate(
            "Cues",
            "Spoken prompts are off: the speech engine does not answer "
            "(restarting the computer usually helps).",
        )
    if code == speech_engine.FAILED:
        return translate(
            "Cues",
            "Spoken prompts are off: the speech engine is installed but would not start "
            "(restarting the computer usually helps).",
        )
    if code == speech_engine.NOT_INSTALLED:
        return translate(
            "Cues",
            "Spoken prompts are off: speech-dispatcher is not installed "
            "(on Linux, install the speech-dispatcher and espeak-ng packages).",
        )
    if code == speech_engine.NO_VOICE:
        return translate(
            "Cues",
            "Spoken prompts are off: the speech engine has no voice "
            "(on Linux, install espeak-ng and its speech-dispatcher module, "
            "speech-dispatcher-espeak-ng).",
        )
    if code == speech_engine.NO_ENGINE:
        return translate(
            "Cues",
            "Spoken prompts are off: no speech engine was found "
            "(on Linux, install speech-dispatcher).",
        )
    return stopped_sentence()


def stopped_sentence() -> str:
    return translate("Cues", "Spoken prompts are off: the speech program stopped unexpectedly.")


class SpeechProcess(QObject):
    """Speech in a child process; `sig_status_changed` when `checking` ends or
    the child goes away."""

    sig_status_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engine: str | None = None,
        volume: float = SPEECH_VOLUME,
        command: Sequence[str] | None = None,
        ready_limit_ms: int = READY_LIMIT_MS,
        lazy: bool = False,
        idle_limit_ms: int = IDLE_LIMIT_MS,
    ) -> None:
        super().__init__(parent)
        self.available = False
        self.checking = True
        self.problem = ""
        self.voice = ""  # "<engine> <voice name> (<locale>)" once ready
        self._on_idle: Callable[[], None] | None = None
        self._unanswered = 0  # `say`s without their `idle` yet
        self._held: deque[str] = deque()  # said before the worker was ready
        self._stopping = False
        self._out = b""
        self._errors: deque[str] = deque(maxlen=20)  # the child's last stderr lines
        self._starting = False  # a worker was started and has not said `ready` yet
        self._resting = False  # the worker was ended for idleness, not for a problem
        self._ready_limit_ms = ready_limit_ms
        program, *arguments = command or worker_command()
        arguments += ["--language", prompt_locale().name(), "--volume", f"{volume:g}"]
        if engine:
            arguments += ["--engine", engine]
        self._program, self._arguments = program, arguments
        self._proc = QProcess(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.timeout.connect(self._no_answer)
        self._lazy = lazy
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_limit_ms)
        self._idle.timeout.connect(self._rest)
        _running.add(self)
        if not lazy:
            self._start()

    def check(self) -> None:
        """Start the worker if it has never answered (the Safety page asks, to
        say whether prompts work); a lazy worker ends again when idle."""
        if self.checking and not self._starting:
            self._start()

    # -- SpeechBackend ---------------------------------------------------------------
    def set_on_idle(self, callback: Callable[[], None]) -> None:
        self._on_idle = callback

    def is_speaking(self) -> bool:
        return self._unanswered > 0

    def say(self, text: str) -> None:
        if not (self.available or self.checking):
            return
        line = " ".join(text.split())  # one line, whatever the text held
        self._unanswered += 1
        self._idle.stop()
        if self.available and not (self._starting or self._resting):
            self._send(f"say {line}")
        else:
            self._held.append(line)  # said as soon as the worker is ready
            if not self._starting:
                self._start()

    # -- the child ---------------------------------------------------------------------
    def _start(self) -> None:
        """A new worker; what is said meanwhile is held until its `ready`."""
        self._starting, self._resting = True, False
        self._out = b""
        if self._proc.state() == QProcess.ProcessState.NotRunning:
            self._proc.deleteLater()  # the unstarted one, or one that ended resting
        # A fresh QProcess each time: a resting one may still be finishing, and
        # its late signals must not be taken for the new worker's.
        proc = self._proc = QProcess(self)
        proc.readyReadStandardOutput.connect(partial(self._read, proc))
        proc.readyReadStandardError.connect(partial(self._read_errors, proc))
        proc.errorOccurred.connect(partial(self._on_error, proc))
        proc.finished.connect(partial(self._on_finished, proc))
        self._limit.start(self._ready_limit_ms)
        proc.start(self._program, self._arguments)

    def _rest(self) -> None:
        """A lazy worker idle for a minute ends (quit, and its input closes); it
        starts again at the next sentence. Never waits on the UI thread."""
        if self._unanswered or self._starting or not self.available:
            return
        self._resting = True
        proc = self._proc
        self._send("quit")
        proc.closeWriteChannel()
        QTimer.singleShot(QUIT_WAIT_MS, proc, proc.kill)  # if it lingers

    def _idle_now(self) -> None:
        if self._lazy:
            self._idle.start()

    def stop(self) -> None:
        """Ends the worker (app exit): `quit`, then kill if it lingers."""
        self._stopping = True
        self._idle.stop()
        if self._proc.state() == QProcess.ProcessState.NotRunning:
            return
        self._send("quit")
        self._proc.closeWriteChannel()
        if not self._proc.waitForFinished(QUIT_WAIT_MS):
            self._proc.kill()
            self._proc.waitForFinished(QUIT_WAIT_MS)

    def _send(self, line: str) -> None:
        if self._proc.state() == QProcess.ProcessState.Running:
            self._proc.write((line + "\n").encode())

    def _read(self, proc: QProcess) -> None:
        if proc is not self._proc:
            return
        self._out += bytes(self._proc.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for raw in lines:
            self._message(raw.decode(errors="replace").strip())

    def _message(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word == "ready" and self._starting:
            self._limit.stop()
            self._starting = False
            known = not self.checking  # a restart after a rest: nothing new to tell
            self.available, self.checking, self.voice = True, False, rest
            while self._held:
                self._send(f"say {self._held.popleft()}")
            if self._unanswered == 0:
                self._idle_now()
            if not known:
                self.sig_status_changed.emit()
        elif word == "problem":
            self._fail(problem_sentence(rest.strip()), f"the speech worker says: {rest}")
        elif word == "idle" and self._unanswered > 0:
            self._unanswered -= 1
            if self._unanswered == 0:
                self._idle_now()
                if self._on_idle is not None:
                    self._on_idle()
        elif word not in ("speaking", "idle"):
            log.debug("speech worker: %s", line)  # e.g. a stray print from a plug-in

    def _no_answer(self) -> None:
        if self._starting:
            self._fail(problem_sentence(speech_engine.STUCK), "the speech worker never answered")
            self._proc.kill()

    def _read_errors(self, proc: QProcess) -> None:
        if proc is not self._proc:
            return
        text = bytes(self._proc.readAllStandardError().data()).decode(errors="replace")
        for line in text.splitlines():
            if line.strip():
                self._errors.append(line)
                log.debug("speech worker: %s", line)

    def _on_error(self, proc: QProcess, error: QProcess.ProcessError) -> None:
        if proc is not self._proc:
            return
        if error == QProcess.ProcessError.FailedToStart:
            self._fail(stopped_sentence(), f"the speech worker did not start: {error}")

    def _on_finished(self, proc: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if proc is not self._proc:
            proc.deleteLater()
            return
        if self._resting:
            return  # a worker ended for idleness (or replaced): not a problem
        self._fail(
            stopped_sentence(), f"the speech worker ended ({status}, code {code})", *self._errors
        )

    def _fail(self, sentence: str, why: str, *details: str) -> None:
        """Silent from now on, with a sentence for the person (once)."""
        if self._stopping or not (self.available or self.checking):
            return
        self.available = self.checking = self._starting = False
        self._idle.stop()
        self._limit.stop()
        self.problem = sentence
        self._unanswered = 0
        self._held.clear()
        log.warning("%s%s", why, "".join("\n  " + d for d in details))
        self.sig_status_changed.emit()
