"""The speech worker: a child process that owns the QTextToSpeech engine.

    python -m timer_app.gui.speech_worker [--engine mock] [--language en] [--volume 0.7]

Making Qt's speechd engine takes 1.2-1.8 s and holds the GIL the whole time, so
no thread can hide it: it runs here, in its own process, and the app's window
never waits for it (`speech_process.SpeechProcess` drives this over pipes).

Line protocol, UTF-8, one message a line:
    stdin  (parent -> worker): `say <text>`, `quit`; end of input also quits, so
           the worker never outlives the app.
    stdout (worker -> parent): `ready <engine> <voice>` once the engine works, or
           `problem <code>` (see speech_engine) and the worker ends; then
           `speaking` when a sentence starts and `idle` when it has ended, one
           `idle` for every `say`.
The engine comes from `--engine` or `TIMER_APP_SPEECH_ENGINE` (tests: "mock").
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal, Slot

from timer_app.gui.speech_engine import open_engine, use_a_voice_for_the_prompts

ENGINE_ENV = "TIMER_APP_SPEECH_ENGINE"
# A sentence that never starts (an engine that swallowed it) must not leave the
# parent waiting for its `idle` for ever.
START_LIMIT_MS = 5000


def send(line: str) -> None:
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except OSError:  # the parent is gone: nobody to speak for
        os._exit(0)


class StdinReader(QObject):
    """Reads stdin on a thread (portable: no socket notifier on Windows pipes);
    the signal carries each line to the worker's event loop."""

    sig_line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.sig_line.emit(line.rstrip("\n"))
        self.sig_line.emit("quit")  # the parent went away


class Speaker(QObject):
    """Says sentences one after another, reporting `speaking` and `idle`."""

    def __init__(self, tts: Any) -> None:
        super().__init__()
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._tts = tts
        self._states = QTextToSpeech.State
        self._waiting: deque[str] = deque()
        self._busy = False
        self._started = False
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(START_LIMIT_MS)
        self._limit.timeout.connect(self._done)
        tts.stateChanged.connect(self._state_changed)

    @Slot(str)
    def command(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word == "say":
            self.say(rest)
        elif word == "quit":
            QCoreApplication.quit()

    def say(self, text: str) -> None:
        self._waiting.append(text)
        self._next()

    def _next(self) -> None:
        if self._busy or not self._waiting:
            return
        text = self._waiting.popleft()
        if not text.strip():
            send("idle")
            self._next()
            return
        self._busy, self._started = True, False
        self._limit.start()
        self._tts.say(text)

    def _state_changed(self, state: Any) -> None:
        if not self._busy:
            return
        if state == self._states.Speaking and not self._started:
            self._started = True
            self._limit.stop()
            send("speaking")
        elif state in (self._states.Ready, self._states.Error) and (
            self._started or state == self._states.Error
        ):
            self._done()

    def _done(self) -> None:
        self._limit.stop()
        self._busy = False
        send("idle")
        self._next()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speaks the timer's prompts.")
    parser.add_argument("--engine", default=os.environ.get(ENGINE_ENV) or None)
    parser.add_argument("--language", default="en", help="the prompts' language code")
    parser.add_argument("--volume", type=float, default=None, help="0..1")
    args = parser.parse_args(argv)

    app = QCoreApplication(sys.argv[:1])
    tts, problem = open_engine(args.engine)
    if tts is None:
        send(f"problem {problem}")
        return 0
    use_a_voice_for_the_prompts(tts, QLocale(args.language))
    if args.volume is not None:
        tts.setVolume(args.volume)
    speaker = Speaker(tts)
    reader = StdinReader()
    # Queued: the line is read on the reader's thread; the engine is used only here.
    reader.sig_line.connect(speaker.command, Qt.ConnectionType.QueuedConnection)
    reader.start()
    send(f"ready {tts.engine()} {tts.voice().name()} ({tts.locale().name()})")
    app.exec()
    tts.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
