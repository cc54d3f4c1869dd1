"""Sound and voice cues for a session, so a person on the mat need not look.

`Cues` is a player listener: each event becomes zero or more cues (a short WAV
played by a child player on Linux, or with `QSoundEffect`; or a sentence spoken
by speech-dispatcher over its socket, or the speech worker). What to say is
decided by `cues_for()`, a plain function, so it is tested without audio. When a cue has both, the
sentence starts once the tone has ended, so neither covers the other.

Machines without audio or speech are common (no libpulse; no speech-dispatcher):
the app says so in `status_message()` and carries on silently. One `Cues` serves
the whole run (`shared_cues()`): the session screen plays through it and the
Safety page reports its status.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from timer_app.core import events as ev
from timer_app.core.plan import Plan, Step, StepKind
from timer_app.core.routine import Side
from timer_app.gui.audio import tone_runs
from timer_app.gui.audio.sample_sounds import make_sounds
from timer_app.gui.audio.sound_effects import SOUND_NAMES, tone_lengths
from timer_app.gui.audio.speech_process import SpeechProcess
from timer_app.gui.translation import translate

__all__ = ["SOUND_NAMES", "Cue", "Cues", "Priority", "SpeechQueue", "cues_for", "shared_cues"]

log = logging.getLogger(__name__)

# later(seconds, callback): run callback once, that much later (tests pass a fake)
Later = Callable[[float, Callable[[], None]], None]


def qt_later(seconds: float, callback: Callable[[], None]) -> None:
    QTimer.singleShot(max(0, round(seconds * 1000)), callback)


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
        return translate("Cues", "left side")
    if side is Side.RIGHT:
        return translate("Cues", "right side")
    return ""


def _rep_words(step: Step) -> str:
    return translate("Cues", "Rep {n} of {count}").format(n=step.rep_number, count=step.rep_count)


def _step_cues(step: Step, first_of_exercise: bool) -> list[Cue]:
    name = step.exercise.name
    kind = step.kind
    if kind is StepKind.GET_READY:
        text = translate("Cues", "{name}. Get ready.").format(name=name)
        if step.side is not None:
            text += " " + translate("Cues", "Start with your {side}.").format(
                side=side_words(step.side)
            )
        return [Cue(sound="start", speech=text, priority=Priority.NAME)]
    if kind is StepKind.SWITCH_SIDES:
        text = translate("Cues", "Switch to your {side}").format(side=side_words(step.side))
        return [Cue(sound="switch", speech=text)]
    if kind is StepKind.REST:
        return [Cue(speech=translate("Cues", "Rest"))]
    if kind is StepKind.SET_REST:
        return [Cue(speech=translate("Cues", "Rest. Set {n} next.").format(n=step.set_number))]
    if kind is StepKind.ACTIVITY:
        return [
            Cue(speech=translate("Cues", "{name}. Go.").format(name=name), priority=Priority.NAME)
        ]
    parts: list[str] = []
    if first_of_exercise:
        parts.append(name + ".")
    elif step.rep_count > 1:
        parts.append(_rep_words(step) + ".")
    if kind is StepKind.HOLD:
        parts.append(translate("Cues", "Hold."))
    elif kind is StepKind.COUNTED_REP:
        parts.append(translate("Cues", "Press Enter when done."))
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
        return [Cue(speech=translate("Cues", "Halfway. Keep breathing."), priority=Priority.LOW)]
    if isinstance(event, ev.RepCompleted):
        if event.step.kind in (StepKind.HOLD, StepKind.PACED_REP):
            return [Cue(sound="chime")]
        return []
    if isinstance(event, ev.ExerciseCompleted):
        return []
    if isinstance(event, ev.SessionFinished):
        return [Cue(sound="chime", speech=_closing_words(event))]
    if isinstance(event, ev.SessionPaused):
        return [Cue(speech=translate("Cues", "Paused"), priority=Priority.LOW)]
    return []


def _closing_words(event: ev.SessionFinished) -> str:
    # "Well done" only when everything planned was done and nothing hurt enough
    # to stop (the summary's heading says the same).
    if event.stopped:
        return translate("Cues", "Session over. Please read the advice on the screen.")
    if event.nothing_done:
        return translate("Cues", "Session over. Nothing was done this time.")
    if not event.figures.all_done:
        return translate("Cues", "Session over. Part of it was skipped.")
    return translate("Cues", "Session complete. Well done.")


class SoundBackend(Protocol):
    available: bool

    def play(self, name: str) -> None: ...


class SpeechBackend(Protocol):
    available: bool

    def say(self, text: str) -> None: ...

    def is_speaking(self) -> bool: ...

    def set_on_idle(self, callback: Any) -> None: ...


class SpeechQueue:
    """Speaks one sentence at a time; a sentence in progress is never cut off.

    While one is spoken, or a cue's tone still plays (`after_tone`), newer ones
    wait. A waiting sentence of lower priority than a newer one is stale ("Rest"
    when the next hold already began) and is dropped; sentences naming an
    exercise are never dropped.
    """

    MAX_WAITING = 2

    def __init__(self, backend: SpeechBackend, later: Later = qt_later) -> None:
        self._backend = backend
        self._later = later
        self._waiting: deque[Cue] = deque()
        self._tones = 0  # tones still playing that a sentence must wait for
        backend.set_on_idle(self._next)

    @property
    def waiting(self) -> list[str]:
        return [c.speech or "" for c in self._waiting]

    def after_tone(self, seconds: float) -> None:
        """The next sentences wait `seconds` for a tone to end."""
        if seconds <= 0:
            return
        self._tones += 1
        self._later(seconds, self._tone_ended)

    def _tone_ended(self) -> None:
        self._tones -= 1
        self._next()

    def _free(self) -> bool:
        return self._tones == 0 and not self._backend.is_speaking()

    def say(self, cue: Cue) -> None:
        if self._free() and not self._waiting:
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
        if self._waiting and self._free():
            self._backend.say(self._waiting.popleft().speech or "")


class Cues:
    """Listens to a player and plays the matching sounds and words.

    `tone_lengths` (seconds per sound name) makes a cue's sentence wait for its
    tone; without it sentences start at once (the fakes in tests).
    """

    # A short silence between a tone and its words, so they are heard as two
    # things; it also covers the sound's start-up latency being longer than the
    # voice's (17 ms against 1-12 ms measured through PulseAudio).
    BREATH_S = 0.08

    def __init__(
        self,
        sounds: SoundBackend | None = None,
        speech: SpeechBackend | None = None,
        *,
        muted: bool = False,
        beeps_only: bool = False,
        tone_lengths: Mapping[str, float] | None = None,
        later: Later = qt_later,
    ) -> None:
        self._sounds = sounds
        self._speech = speech
        self._queue = SpeechQueue(speech, later) if speech is not None else None
        self._tone_lengths = dict(tone_lengths or {})
        # The run of tones one child plays now (tone_runs), and its child's name.
        self._run: tone_runs.ToneRun | None = None
        self._run_key = ""
        self.muted = muted
        self.beeps_only = beeps_only

    @classmethod
    def for_this_machine(
        cls, parent: QObject | None = None, *, muted: bool = False, beeps_only: bool = False
    ) -> Cues:
        """The real sounds, and speech-dispatcher's socket (Linux; `spd-say` where
        its address is not a local socket) or a speech worker started in the
        background at the first sentence (or `check_speech`) and ended after a
        minute without one."""
        from timer_app.gui.audio import speech_dispatcher, ssip

        # On Linux speech-dispatcher speaks without a second Python (~49 MiB), and
        # over one connection rather than a `spd-say` a sentence (CPU; issue 18).
        speech: SpeechBackend
        if ssip.preferred():
            speech = ssip.SsipSpeech(parent)
        elif speech_dispatcher.preferred():
            speech = speech_dispatcher.SpdSay(parent)
        else:
            speech = SpeechProcess(parent, lazy=True)
        return cls(
            make_sounds(parent),  # the sound server's sample cache on Linux (issue 18)
            speech,
            muted=muted,
            beeps_only=beeps_only,
            tone_lengths=tone_lengths(),
        )

    @property
    def status_changed(self) -> Any:
        """A Qt signal emitted when the speech status becomes known (None if it never
        changes)."""
        return getattr(self._speech, "sig_status_changed", None)

    def check_speech(self) -> None:
        """Find out whether prompts can be spoken (starts the speech worker if it
        has not run yet); `status_changed` tells the answer."""
        check = getattr(self._speech, "check", None)
        if check is not None:
            check()

    def checking(self) -> bool:
        """True while the speech worker has not said yet whether it can speak."""
        return bool(getattr(self._speech, "checking", False))

    def status_message(self, *, while_checking: bool = True) -> str:
        """What is missing on this machine, in one plain sentence; empty when all works.

        While speech is still being checked it says so (or, with
        `while_checking=False`, names only what is already known to be missing).
        """
        problems = [
            getattr(b, "problem", "")
            for b in (self._sounds, self._speech)
            if b is not None and not b.available and not getattr(b, "checking", False)
        ]
        if self.checking() and while_checking:
            problems.append(
                translate("Cues", "Checking whether spoken prompts work on this computer…")
            )
        return " ".join(p for p in problems if p)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted:
            self._stop_run()
        if muted and self._queue is not None:
            self._queue.clear()

    def _can_speak(self) -> bool:
        speech = self._speech
        return speech is not None and (speech.available or getattr(speech, "checking", False))

    def __call__(self, event: object) -> None:
        # Paused, the tones are let go (Qt's PulseAudio thread wakes while they
        # exist) and made again on resume, before the next one is due.
        if isinstance(event, ev.SessionResumed | ev.SessionStarted):
            self._sounds_call("prepare")
        if self._run is not None and tone_runs.cut_by(self._run, event):
            self._stop_run()  # paused, skipped, back or ended: nothing more of it
        if not self.muted:
            at = getattr(event, "at", None)
            self._start_run(event)
            for cue in cues_for(event):
                self._play(cue, at)
        if isinstance(event, ev.SessionPaused):
            self._sounds_call("release")

    def _sounds_call(self, name: str, *args: Any) -> None:
        method = getattr(self._sounds, name, None)  # a backend may not have it
        if method is not None:
            method(*args)

    def play_test(self) -> None:
        """A chime and a sentence, so a person can set the volume before a session."""
        if not self.muted:
            self._play(
                Cue(
                    sound="chime",
                    speech=translate("Cues", "This is how your prompts will sound."),
                    priority=Priority.NAME,
                )
            )

    # -- runs of tones: one child plays a run the plan fixes (issue 18) ------------
    def prepare_plan(self, plan: Plan) -> None:
        """A session is loaded: a child player writes its runs' WAVs now, while
        the ready screen waits, not as a run's first tone is due."""
        if self._sounds_on():
            self._sounds_call("prepare_runs", tone_runs.planned_runs(plan))

    def _start_run(self, event: object) -> None:
        play_run = getattr(self._sounds, "play_run", None)  # the child player's only
        run = tone_runs.run_for(event)
        if play_run is None or run is None or len(run.tones) < 2 or not self._sounds_on():
            return
        if all(self._covered(name, run.at + when) for when, name in run.tones):
            return  # a short step's run already has its last ticks
        key = play_run(run.tones)
        if key:
            self._run, self._run_key = run, key

    def _covered(self, sound: str, at: float | None) -> bool:
        """Whether the run playing now already sounds this tone."""
        run = self._run
        if run is None or getattr(self._sounds, "fell_back", False):
            return False  # a failed player's run: Qt plays the tones one by one
        return tone_runs.covers(run, sound, at)

    def _stop_run(self) -> None:
        if self._run is not None:
            self._run = None
            self._sounds_call("stop_run", self._run_key)

    def _sounds_on(self) -> bool:
        return self._sounds is not None and self._sounds.available

    def _play(self, cue: Cue, at: float | None = None) -> None:
        speak = bool(cue.speech) and not self.beeps_only and self._can_speak()
        if cue.sound and self._sounds is not None and self._sounds.available:
            if not self._covered(cue.sound, at):
                self._sounds.play(cue.sound)
            tone = self._tone_lengths.get(cue.sound, 0.0)
            if speak and self._queue is not None and tone > 0:
                self._queue.after_tone(tone + self.BREATH_S)
        if speak and self._queue is not None:
            self._queue.say(cue)


_shared: Cues | None = None


def shared_cues() -> Cues:
    """The one `Cues` of this run, made on first use (cheap: the speech worker
    starts at the first sentence, or `check_speech`, in the background and
    reports through `status_changed`)."""
    global _shared
    if _shared is None:
        cues = _shared = Cues.for_this_machine(QCoreApplication.instance())
        _log_problem(cues._sounds)  # each said once per run, then silent
        if cues.status_changed is not None:
            cues.status_changed.connect(lambda: _log_problem(cues._speech))
    return _shared


def _log_problem(backend: object) -> None:
    problem = getattr(backend, "problem", "")
    if problem and not getattr(backend, "available", True):
        log.warning("%s", problem)


def status_message() -> str:
    """Why sounds or speech are off on this machine ("" when both work; a
    "checking" sentence until the speech worker has answered). For the Safety page."""
    return shared_cues().status_message()
