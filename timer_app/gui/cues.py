"""Sound and voice cues for a session, so a person on the mat need not look.

`Cues` is a player listener: each event becomes zero or more cues (a short WAV
played with `QSoundEffect`, or a sentence spoken with `QTextToSpeech`). What to
say is decided by `cues_for()`, a plain function, so it is tested without audio.

Machines without audio or speech are common (no libpulse makes importing
QtMultimedia raise ImportError; speech-dispatcher may be absent): every import is
guarded, the app says so once in `status_message()` and carries on silently.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections import deque
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl

from timer_app.core import events as ev
from timer_app.core.plan import Step, StepKind
from timer_app.core.routine import Side
from timer_app.storage.resources import asset_path

log = logging.getLogger(__name__)

SOUND_NAMES = ("tick", "chime", "switch", "start")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Cues", text)


class Priority(IntEnum):
    LOW = 0  # "Halfway. Keep breathing." – fine to drop when late
    NORMAL = 1  # "Rest", "Rep 2 of 3"
    NAME = 2  # contains an exercise name: never cut off, never dropped


@dataclass(frozen=True)
class Cue:
    sound: str | None = None
    speech: str | None = None
    priority: Priority = Priority.NORMAL


def side_words(side: Side | None) -> str:
    if side is Side.LEFT:
        return _tr("left side")
    if side is Side.RIGHT:
        return _tr("right side")
    return ""


def _rep_words(step: Step) -> str:
    return _tr("Rep {n} of {count}").format(n=step.rep_number, count=step.rep_count)


def _step_cues(step: Step, first_of_exercise: bool) -> list[Cue]:
    name = step.exercise.name
    kind = step.kind
    if kind is StepKind.GET_READY:
        text = _tr("{name}. Get ready.").format(name=name)
        if step.side is not None:
            text += " " + _tr("Start with your {side}.").format(side=side_words(step.side))
        return [Cue(sound="start", speech=text, priority=Priority.NAME)]
    if kind is StepKind.SWITCH_SIDES:
        text = _tr("Switch to your {side}").format(side=side_words(step.side))
        return [Cue(sound="switch", speech=text)]
    if kind is StepKind.REST:
        return [Cue(speech=_tr("Rest"))]
    if kind is StepKind.SET_REST:
        return [Cue(speech=_tr("Rest. Set {n} next.").format(n=step.set_number))]
    if kind is StepKind.ACTIVITY:
        return [Cue(speech=_tr("{name}. Go.").format(name=name), priority=Priority.NAME)]
    parts: list[str] = []
    if first_of_exercise:
        parts.append(name + ".")
    elif step.rep_count > 1:
        parts.append(_rep_words(step) + ".")
    if kind is StepKind.HOLD:
        parts.append(_tr("Hold."))
    elif kind is StepKind.COUNTED_REP:
        parts.append(_tr("Press Enter when done."))
    priority = Priority.NAME if first_of_exercise else Priority.NORMAL
    return [Cue(speech=" ".join(parts), priority=priority)]


def _is_exercise_first_rep(step: Step) -> bool:
    sequence = step.exercise.sides_sequence
    first_side = sequence[0] if sequence else None
    return step.set_number == 1 and step.rep_number == 1 and step.side == first_side


def cues_for(event: object) -> list[Cue]:
    """The cues one player event asks for, in order."""
    # Only StepStarted: the player sends it for the first step too, right after
    # SessionStarted, and answering both said the opening prompt twice.
    if isinstance(event, ev.StepStarted):
        step = event.step
        return _step_cues(step, first_of_exercise=_is_exercise_first_rep(step))
    if isinstance(event, ev.SecondElapsed):
        return [Cue(sound="tick")] if event.is_final_three else []
    if isinstance(event, ev.HalfwayThrough):
        return [Cue(speech=_tr("Halfway. Keep breathing."), priority=Priority.LOW)]
    if isinstance(event, ev.RepCompleted):
        if event.step.kind in (StepKind.HOLD, StepKind.PACED_REP):
            return [Cue(sound="chime")]
        return []
    if isinstance(event, ev.ExerciseCompleted):
        return []
    if isinstance(event, ev.SessionFinished):
        return [Cue(sound="chime", speech=_tr("Session complete. Well done."))]
    if isinstance(event, ev.SessionPaused):
        return [Cue(speech=_tr("Paused"), priority=Priority.LOW)]
    return []


class SoundBackend(Protocol):
    available: bool

    def play(self, name: str) -> None: ...


class SpeechBackend(Protocol):
    available: bool

    def say(self, text: str) -> None: ...

    def is_speaking(self) -> bool: ...

    def set_on_idle(self, callback: Any) -> None: ...


class QtSounds:
    """The WAVs in assets/sounds played with QSoundEffect, when there is audio."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.available = False
        self.problem = ""
        self._effects: dict[str, Any] = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # no libpulse and friends
            self.problem = _tr("Sounds are off: this computer's audio library is missing.")
            log.info("QtMultimedia unavailable: %s", error)
            return
        if not QMediaDevices.audioOutputs():
            self.problem = _tr("Sounds are off: no audio output was found.")
            return
        for name in SOUND_NAMES:
            effect = QSoundEffect(parent)
            effect.setSource(QUrl.fromLocalFile(str(asset_path("sounds", f"{name}.wav"))))
            effect.setVolume(0.8)
            self._effects[name] = effect
        self.available = True

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()


def prompt_locale() -> QLocale:
    """The language the prompts are written in: English until a translation says
    otherwise (a translator writes their language's code here, as Qt's own
    QT_LAYOUT_DIRECTION is translated)."""
    return QLocale(QCoreApplication.translate("Cues", "en", "language code of the spoken prompts"))


def use_a_voice_for_the_prompts(tts: Any) -> None:
    """Switch the engine to a voice of the prompts' language when it has one.

    The engine starts with a voice for the system locale: on a German desktop the
    English prompts were read by a German voice, and with LANG=C speech-dispatcher
    chose "Bishnupriya Manipuri"; either way the words came out garbled. A voice
    of the right language and the system's region (en_GB) is kept as it is.
    """
    wanted = prompt_locale()
    if tts.locale().language() == wanted.language():
        return
    matching = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
    if matching:
        tts.setLocale(next((loc for loc in matching if loc == wanted), matching[0]))
    else:
        log.info("No %s voice: prompts are read by a %s voice", wanted.name(), tts.locale().name())


def _speech_dispatcher_socket() -> Path | None:
    """Where libspeechd will look for a running speech-dispatcher (its own rules)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    if address:  # inet_socket: not checked
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return Path(runtime, "speech-dispatcher", "speechd.sock")


SPEECHD_ANSWER_S = 1.5  # it answers in under a millisecond when it works


def speech_dispatcher_stuck(timeout_s: float | None = None) -> bool:
    """True when a speech-dispatcher runs but does not answer.

    Qt's speechd engine waits for its answer without a time limit, on the GUI
    thread. A speech-dispatcher that had failed to open audio (no sound server)
    was seen to stop answering, and the window then froze for good as a routine
    opened. No socket, or nobody listening: libspeechd starts a new one.
    """
    path = _speech_dispatcher_socket()
    if path is None or not path.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(SPEECHD_ANSWER_S if timeout_s is None else timeout_s)
        try:
            sock.connect(str(path))
        except OSError:
            return False
        try:
            sock.sendall(b"SET SELF CLIENT_NAME user:timer-app:probe\r\n")
            reply = sock.recv(64)
        except OSError:  # includes the time-out
            return True
        with contextlib.suppress(OSError):
            sock.sendall(b"QUIT\r\n")
    return not reply.startswith(b"2")  # "208 OK CLIENT NAME SET"


class QtSpeech:
    """QTextToSpeech on the first engine that works; 'mock' is Qt's test engine."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.available = False
        self.problem = ""
        self._tts: Any = None
        self._on_idle: Any = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:
            self.problem = _tr("Spoken prompts are off: speech support is not installed.")
            log.info("QtTextToSpeech unavailable: %s", error)
            return
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        stuck = "speechd" in engines and speech_dispatcher_stuck()
        for engine in engines:
            if engine == "speechd" and stuck:
                continue
            tts = QTextToSpeech(engine, parent)
            if tts.state() != QTextToSpeech.State.Error:
                self._tts = tts
                break
            tts.deleteLater()
        if self._tts is None and stuck:
            self.problem = _tr(
                "Spoken prompts are off: the speech engine does not answer "
                "(restarting the computer usually helps)."
            )
            return
        if self._tts is None:
            self.problem = _tr(
                "Spoken prompts are off: no speech engine was found "
                "(on Linux, install speech-dispatcher)."
            )
            return
        use_a_voice_for_the_prompts(self._tts)
        self._ready = QTextToSpeech.State.Ready
        self._tts.stateChanged.connect(self._state_changed)
        self.available = True

    def _state_changed(self, state: Any) -> None:
        if state == self._ready and self._on_idle is not None:
            self._on_idle()

    def set_on_idle(self, callback: Any) -> None:
        self._on_idle = callback

    def is_speaking(self) -> bool:
        return self._tts is not None and self._tts.state() != self._ready

    def say(self, text: str) -> None:
        if self._tts is not None:
            self._tts.say(text)


class SpeechQueue:
    """Speaks one sentence at a time; a sentence in progress is never cut off.

    While one is spoken, newer ones wait. A waiting sentence of lower priority
    than a newer one is stale ("Rest" when the next hold already began) and is
    dropped; sentences naming an exercise are never dropped.
    """

    MAX_WAITING = 2

    def __init__(self, backend: SpeechBackend) -> None:
        self._backend = backend
        self._waiting: deque[Cue] = deque()
        backend.set_on_idle(self._next)

    @property
    def waiting(self) -> list[str]:
        return [c.speech or "" for c in self._waiting]

    def say(self, cue: Cue) -> None:
        if not self._backend.is_speaking() and not self._waiting:
            self._backend.say(cue.speech or "")
            return
        self._waiting = deque(
            c for c in self._waiting if c.priority >= cue.priority or c.priority is Priority.NAME
        )
        self._waiting.append(cue)
        while len(self._waiting) > self.MAX_WAITING:
            droppable = [c for c in self._waiting if c.priority is not Priority.NAME]
            if not droppable:
                break
            self._waiting.remove(droppable[0])

    def clear(self) -> None:
        self._waiting.clear()

    def _next(self) -> None:
        if self._waiting and not self._backend.is_speaking():
            self._backend.say(self._waiting.popleft().speech or "")


class Cues:
    """Listens to a player and plays the matching sounds and words."""

    def __init__(
        self,
        sounds: SoundBackend | None = None,
        speech: SpeechBackend | None = None,
        *,
        muted: bool = False,
        beeps_only: bool = False,
    ) -> None:
        self._sounds = sounds
        self._speech = speech
        self._queue = SpeechQueue(speech) if speech is not None and speech.available else None
        self.muted = muted
        self.beeps_only = beeps_only

    @classmethod
    def for_this_machine(cls, parent: QObject | None = None, **flags: bool) -> Cues:
        return cls(QtSounds(parent), QtSpeech(parent), **flags)

    def status_message(self) -> str:
        """What is missing on this machine, in one plain sentence; empty when all works."""
        problems = [
            getattr(b, "problem", "")
            for b in (self._sounds, self._speech)
            if b is not None and not b.available
        ]
        return " ".join(p for p in problems if p)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted and self._queue is not None:
            self._queue.clear()

    def __call__(self, event: object) -> None:
        if self.muted:
            return
        for cue in cues_for(event):
            if cue.sound and self._sounds is not None and self._sounds.available:
                self._sounds.play(cue.sound)
            if cue.speech and not self.beeps_only and self._queue is not None:
                self._queue.say(cue)


_machine_status: str | None = None


def probe_machine(parent: QObject | None = None) -> Cues:
    """Cues for this machine; remembers what is missing for `status_message()`."""
    global _machine_status
    cues = Cues.for_this_machine(parent)
    if _machine_status is None:
        _machine_status = cues.status_message()
        if _machine_status:
            log.warning("%s", _machine_status)  # said once per run, then silent
    return cues


def status_message() -> str:
    """Why sounds or speech are off on this machine ("" when both work).

    For the settings/about text. Probes the machine the first time it is asked.
    """
    if _machine_status is None:
        probe_machine()
    return _machine_status or ""
