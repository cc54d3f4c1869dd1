"""Spoken prompts on Linux through speech-dispatcher's own `spd-say`, without a
second Python (issue 18: memory).

The speech worker (`speech_process.py`) is a second Python with QtCore and
QtTextToSpeech, ~49 MiB while a session speaks. On Linux Qt's speech engine is
speech-dispatcher anyway, and its client `spd-say` (a small C program, a few MiB
for the seconds it speaks) says one sentence and, with `--wait`, ends when the
sentence has been spoken: that end is the `idle` a cue's queue waits for.

`SpdSay` is a `SpeechBackend` like `SpeechProcess`, with the same states and the
same sentences: `checking` until `spd-say -L` has listed the voices (it starts
speech-dispatcher when none runs), then `available`, or not with `problem`.
A listing or a sentence that takes far too long means a speech-dispatcher that
no longer answers (seen when it could not open the audio): silent from then on,
with the sentence that says so. Never a traceback, never a wait on the UI thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from timer_app.gui.audio import speech_engine
from timer_app.gui.audio.speech_engine import prompt_locale
from timer_app.gui.audio.speech_process import (
    READY_LIMIT_MS,
    SPEECH_VOLUME,
    problem_sentence,
)

log = logging.getLogger(__name__)

PROGRAM = "spd-say"
# A speech engine named for the worker (tests name Qt's "mock") keeps the worker.
ENGINE_ENV = "TIMER_APP_SPEECH_ENGINE"
# A sentence that has not ended by then is stuck: its words at a slow 2 words a
# second, and this much more for speech-dispatcher to start (~1.3 s cold).
SENTENCE_SLACK_MS = 15_000
WORDS_PER_SECOND = 2.0


def spd_say_path() -> str | None:
    """Where `spd-say` is, or None."""
    return shutil.which(PROGRAM)


def preferred(platform: str = sys.platform) -> bool:
    """Whether prompts go through `spd-say` here: Linux, where it is installed and
    no engine is named for the worker."""
    return platform.startswith("linux") and not os.environ.get(ENGINE_ENV) and bool(spd_say_path())


def volume_argument(volume: float) -> int:
    """Qt's 0..1 volume as speech-dispatcher's -100..100 (what Qt's speechd engine
    sends), so prompts are as loud as through the worker."""
    return max(-100, min(100, round(volume * 200 - 100)))


def voices_for(listing: str, language: str) -> tuple[int, int]:
    """(how many voices `spd-say -L` listed, how many of them speak `language`)."""
    voices = ours = 0
    for line in listing.splitlines()[1:]:  # under the NAME LANGUAGE VARIANT heading
        fields = line.split()
        if len(fields) < 3:
            continue
        voices += 1
        ours += fields[-2].split("-")[0].lower() == language
    return voices, ours


class SpdSay(QObject):
    """Speech through `spd-say`; `sig_status_changed` when `checking` ends or
    speech stops working."""

    sig_status_changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        program: str | None = None,
        volume: float = SPEECH_VOLUME,
        ready_limit_ms: int = READY_LIMIT_MS,
        sentence_slack_ms: int = SENTENCE_SLACK_MS,
    ) -> None:
        super().__init__(parent)
        self.available = False
        self.checking = True
        self.problem = ""
        self.voice = ""  # "speech-dispatcher (<language>)" once known (it picks the voice)
        self._program = program or spd_say_path() or PROGRAM
        self._language = prompt_locale().name().split("_")[0].lower()
        self._volume = volume_argument(volume)
        self._ready_limit_ms = ready_limit_ms
        self._slack_ms = sentence_slack_ms
        self._on_idle: Callable[[], None] | None = None
        self._held: deque[str] = deque()  # said before the listing answered
        self._queue: deque[str] = deque()
        self._proc: QProcess | None = None  # the listing, or the sentence being said
        self._done: QProcess | None = None  # the last one that ended
        self._listing = False
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.timeout.connect(self._too_long)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- SpeechBackend ---------------------------------------------------------------
    def set_on_idle(self, callback: Callable[[], None]) -> None:
        self._on_idle = callback

    def is_speaking(self) -> bool:
        return bool(self._held or self._queue) or (self._proc is not None and not self._listing)

    def say(self, text: str) -> None:
        if not (self.available or self.checking):
            return
        line = " ".join(text.split())
        if self.checking:
            self._held.append(line)  # said as soon as the voices are listed
            self.check()
            return
        self._queue.append(line)
        if self._proc is None:
            self._speak_next()

    def check(self) -> None:
        """List the voices once (starting speech-dispatcher if needed)."""
        if self.checking and self._proc is None:
            self._listing = True
            self._run(["-L"], self._ready_limit_ms)

    def stop(self) -> None:
        """App exit: a sentence still being said is cut off."""
        self._queue.clear()
        self._held.clear()
        self._limit.stop()
        proc, self._proc = self._proc, None
        if proc is not None and proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()
            proc.waitForFinished(500)

    # -- spd-say -----------------------------------------------------------------------
    def _run(self, arguments: list[str], limit_ms: int) -> None:
        if self._done is not None:
            self._done.deleteLater()
            self._done = None
        proc = self._proc = QProcess(self)
        proc.finished.connect(partial(self._finished, proc))
        proc.errorOccurred.connect(partial(self._error, proc))
        self._limit.start(limit_ms)
        proc.start(self._program, arguments)

    def _speak_next(self) -> None:
        line = self._queue.popleft()
        limit = self._slack_ms + int(1000 * len(line.split()) / WORDS_PER_SECOND)
        arguments = ["--wait", "-l", self._language, "-i", str(self._volume), "--", line]
        self._run(arguments, limit)

    def _finished(self, proc: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if proc is not self._proc:
            return
        self._limit.stop()
        self._proc = None
        output = bytes(proc.readAllStandardOutput().data()).decode(errors="replace")
        errors = bytes(proc.readAllStandardError().data()).decode(errors="replace").strip()
        # Not deleted from inside its own `finished`: the next `_run` lets it go.
        self._done = proc
        if self._listing:
            self._listing = False
            self._listed(code, status, output, errors)
            return
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            self._fail(problem_sentence(speech_engine.FAILED), f"spd-say failed: {errors}")
            return
        if self._queue:
            self._speak_next()
        elif self._on_idle is not None:
            self._on_idle()

    def _listed(self, code: int, status: QProcess.ExitStatus, output: str, errors: str) -> None:
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            self._fail(problem_sentence(speech_engine.FAILED), f"spd-say -L failed: {errors}")
            return
        voices, ours = voices_for(output, self._language)
        if voices == 0:
            self._fail(problem_sentence(speech_engine.NO_VOICE), "speech-dispatcher lists no voice")
            return
        if not ours:
            log.info("No %s voice: prompts are read by speech-dispatcher's default", self._language)
        self.available, self.checking = True, False
        self.voice = f"speech-dispatcher ({self._language})"
        self._queue.extend(self._held)
        self._held.clear()
        self.sig_status_changed.emit()
        if self._queue:
            self._speak_next()

    def _error(self, proc: QProcess, error: QProcess.ProcessError) -> None:
        if proc is self._proc and error == QProcess.ProcessError.FailedToStart:
            self._proc = None
            self._fail(problem_sentence(speech_engine.NOT_INSTALLED), f"{self._program}: {error}")

    def _too_long(self) -> None:
        """No answer in time: speech-dispatcher is stuck (e.g. it lost the audio)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
        self._fail(problem_sentence(speech_engine.STUCK), "spd-say did not finish in time")

    def _fail(self, sentence: str, why: str) -> None:
        """Silent from now on, with a sentence for the person (once)."""
        if not (self.available or self.checking):
            return
        self.available = self.checking = self._listing = False
        self.problem = sentence
        self._queue.clear()
        self._held.clear()
        self._limit.stop()
        log.warning("%s", why)
        self.sig_status_changed.emit()
