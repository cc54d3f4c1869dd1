"""A cue's tone and its sentence never sound at once: the words wait for the tone.

A real player on a `FakeClock`; the delayed sentences run on a fake `later` driven
by the same clock, so nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from timer_app.core.clock import FakeClock
from timer_app.core.plan import StepKind, build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.gui.audio.cues import Cues
from timer_app.gui.audio.sound_effects import SOUND_NAMES, tone_lengths, wav_seconds

from .session_support import FakeSounds, FakeSpeech

pytestmark = pytest.mark.qt

TONES = {"start": 0.55, "switch": 0.8, "chime": 1.1, "tick": 0.09}
KNEE = Exercise(
    name="Knee to chest", dosing=Dosing.HOLD, sides=Sides.EACH, reps=1, hold=6.0, rest=2.0
)
BRIDGE = Exercise(name="Bridge", dosing=Dosing.HOLD, reps=1, hold=5.0)


class FakeLater:
    """`later(seconds, callback)` on a FakeClock: callbacks run when time reaches them."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.due: list[tuple[float, Callable[[], None]]] = []

    def __call__(self, seconds: float, callback: Callable[[], None]) -> None:
        self.due.append((self.clock.now() + seconds, callback))

    def run_due(self) -> None:
        while ready := [d for d in self.due if d[0] <= self.clock.now() + 1e-9]:
            first = min(ready, key=lambda d: d[0])
            self.due.remove(first)
            first[1]()


class Timed:
    """Sounds and sentences with the (fake) time each one began."""

    def __init__(self, *exercises: Exercise) -> None:
        self.clock = FakeClock()
        self.later = FakeLater(self.clock)
        self.sounds, self.speech = FakeSounds(), FakeSpeech()
        self.cues = Cues(self.sounds, self.speech, tone_lengths=TONES, later=self.later)
        routine = Routine(id="timing", title="Timing", exercises=exercises, lead_in=4.0)
        self.player = SessionPlayer(build_plan(routine), self.clock)
        self.player.add_listener(self.cues)
        self.heard: list[tuple[float, str]] = []  # (when, "sound:x" or the sentence)
        self._sounds_seen = self._said_seen = 0

    def note(self) -> None:
        now = self.clock.now()
        self.heard += [(now, "sound:" + s) for s in self.sounds.played[self._sounds_seen :]]
        self.heard += [(now, text) for text in self.speech.said[self._said_seen :]]
        self._sounds_seen, self._said_seen = len(self.sounds.played), len(self.speech.said)

    def advance(self, seconds: float, step: float = 0.05) -> None:
        target = self.clock.now() + seconds
        while self.clock.now() < target - 1e-9:
            self.clock.advance(min(step, target - self.clock.now()))
            self.player.tick()
            self.later.run_due()
            self.note()

    def when(self, what: str) -> float:
        return next(t for t, heard in self.heard if heard == what)


def test_the_exercise_name_is_said_once_the_get_ready_tone_has_ended() -> None:
    t = Timed(KNEE)
    t.player.start()
    t.note()
    assert t.sounds.played == ["start"] and t.speech.said == []  # the tone alone

    t.advance(0.5)
    assert t.speech.said == []  # 0.5 s: the 0.55 s tone still sounds
    t.advance(0.2)
    opening = "Knee to chest. Get ready. Start with your left side."
    assert t.speech.said == [opening]
    assert t.when(opening) - t.when("sound:start") >= TONES["start"] - 1e-9


def test_switch_sides_speaks_after_its_tone_and_a_plain_rest_at_once() -> None:
    t = Timed(KNEE)
    t.player.start()
    t.advance(4 + 6 + 0.05)  # get ready, the left hold, into switching sides

    assert t.player.current_step.kind is StepKind.SWITCH_SIDES
    switch_at = t.when("sound:switch")
    t.advance(1.5)
    said_at = t.when("Switch to your right side")
    assert said_at - switch_at >= TONES["switch"] - 1e-9
    assert said_at - switch_at < TONES["switch"] + 0.2  # and not much later


def test_a_sentence_without_a_tone_is_not_delayed() -> None:
    sounds, speech = FakeSounds(), FakeSpeech()
    clock = FakeClock()
    later = FakeLater(clock)
    cues = Cues(sounds, speech, tone_lengths=TONES, later=later)
    plan = build_plan(Routine(id="r", title="R", exercises=(BRIDGE,), lead_in=0.0))
    player = SessionPlayer(plan, clock)
    player.add_listener(cues)
    player.start()  # no lead-in: the hold begins with words and no tone
    assert speech.said == ["Bridge. Hold."] and later.due == []


def test_a_name_said_during_the_next_tone_waits_and_is_not_dropped() -> None:
    # Right arrow pressed quickly: Bridge's get-ready tone starts while the first
    # name waits for its own tone. Both names are said, in order, after the tones.
    t = Timed(KNEE, BRIDGE)
    t.player.start()
    t.advance(0.2)
    t.player.skip_exercise()
    t.note()
    assert t.speech.said == []
    t.advance(1.0)
    assert t.speech.said[0] == "Knee to chest. Get ready. Start with your left side."
    t.speech.busy = True  # the first name is being spoken
    t.advance(1.0)
    assert len(t.speech.said) == 1
    t.speech.finish()
    assert t.speech.said[1] == "Bridge. Get ready."


def test_the_session_end_chime_rings_out_before_the_closing_words() -> None:
    t = Timed(BRIDGE)
    t.player.start()
    t.advance(4 + 5 + 0.05)
    chime_at = t.when("sound:chime")
    t.advance(1.5)
    assert t.when("Session complete. Well done.") - chime_at >= TONES["chime"] - 1e-9


def test_the_tone_lengths_come_from_the_wav_files() -> None:
    lengths = tone_lengths()
    assert set(lengths) == set(SOUND_NAMES)
    # Each tone ends well inside the shortest step it starts (a 2 s switch or rest),
    # and the tick well inside its second.
    assert all(0.0 < seconds < 1.5 for seconds in lengths.values())
    assert lengths["tick"] < 0.2
    assert wav_seconds("no-such-sound") == 0.0
