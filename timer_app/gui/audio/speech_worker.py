"""The speech worker: a child process that owns the QTextToSpeech engine.

    python -m timer_app.gui.audio.speech_worker [--engine mock] [--language en] [--volume 0.7]

Making Qt's speechd engine takes 1.2-1.8 s and holds the GIL the whole time, so
no thread can hide it: it runs here, in its own process, and the app's window
never waits for it (`speech_process.SpeechProcess` drives this over pipes).

Line protocol, UTF-8, one message a line:
    stdin  (parent -> worker): `say <text>`, `quit`; end of input also quits, so
           the worker never outlives the app.
    stdout (worker -> parent): `ready <engine> <voice>` once the engine works, or
           `problem <code>` (see speech_engine) and the worker ends; then
           `speaking` when a sentence starts and `idle` when the engine is done
           with it, one `idle` for every `say`. A `say` never interrupts: it is
           queued behind the sentences the engine still has.
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

from timer_app.gui.audio.speech_engine import open_engine, use_a_voice_for_the_prompts

ENGINE_ENV = "TIMER_APP_SPEECH_ENGINE"
# A sentence that never starts (an engine that swallowed it) must not leave the
# parent waiting for its `idle` for ever. A sentence queued behind another shows
# no start of its own, so it gets its length on top (espeak-ng reads ~15
# characters a second; this allows half that speed).
START_LIMIT_MS = 5000
SPEAK_LIMIT_MS_PER_CHAR = 130


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
    """Hands each sentence to the engine's own queue, reporting `speaking` and `idle`.

    `QTextToSpeech.say()` stops whatever is still being spoken; `enqueue()` never
    does: the engine starts the next sentence when it is done with the one before.
    An audit once saw `idle` ~0.7 s before a sentence's last sample; a `say()`
    0.7 s before the end cut that much off, an `enqueue()` waited (measured,
    docs/audio.md). So nothing here stops the engine while a sentence is out,
    unless it is given up.
    The app still decides what to say and when (`cues.SpeechQueue` waits for
    `idle`); the worker reports, once per sentence, when the engine is past it.
    """

    def __init__(self, tts: Any) -> None:
        super().__init__()
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._tts = tts
        self._states = QTextToSpeech.State
        self._out = 0  # sentences enqueued and not yet reported `idle`
        self._handed = 0  # of those, handed to the engine (aboutToSynthesize)
        self._queued: deque[str] = deque()  # enqueued, not yet handed to the engine
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.timeout.connect(self._give_up)
        tts.aboutToSynthesize.connect(self._next_started)
        tts.stateChanged.connect(self._state_changed)

    @Slot(str)
    def command(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word == "say":
            self.say(rest)
        elif word == "quit":
            QCoreApplication.quit()

    def say(self, text: str) -> None:
        if not text.strip():
            send("idle")
            return
        self._out += 1
        self._queued.append(text)
        if self._out == 1:
            self._limit.start(START_LIMIT_MS)  # stopped once the engine speaks
        if self._tts.enqueue(text) < 0:  # the engine is in error: nothing will come
            self._queued.pop()
            self._report(1)

    def _next_started(self, _utterance: int) -> None:
        # Emitted as each sentence goes to the engine; after the first, it means
        # the engine is done with the one before (Qt hides the Ready in between).
        text = self._queued.popleft() if self._queued else ""
        if self._handed > 0:
            self._report(1)
            send("speaking")
            # Qt shows no Speaking for a queued sentence: give it its whole length.
            self._limit.start(START_LIMIT_MS + len(text) * SPEAK_LIMIT_MS_PER_CHAR)
        self._handed += 1

    def _state_changed(self, state: Any) -> None:
        if state == self._states.Speaking:
            if self._limit.isActive():
                self._limit.stop()
                send("speaking")
        elif state in (self._states.Ready, self._states.Error) and self._out:
            # Qt reports Ready only once its queue is empty: all is said. An error
            # leaves queued sentences that would never come: drop them.
            if state == self._states.Error:
                self._tts.stop()
            self._report(self._out)

    def _give_up(self) -> None:
        """The engine swallowed a sentence (or never ended one): the app must not
        wait for ever."""
        self._tts.stop()  # clears the engine's queue; nothing is being heard
        self._report(self._out)

    def _report(self, count: int) -> None:
        count = min(count, self._out)
        self._out -= count
        self._handed = max(0, self._handed - count) if self._out else 0
        if not self._out:
            self._queued.clear()
            self._limit.stop()
        for _ in range(count):
            send("idle")


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
