"""Quiet while paused (issue 18): the tones' QSoundEffects, which keep Qt's
PulseAudio thread waking about once a second, are let go when a session pauses
or after a minute without a tone, and made again on resume or at the next tone."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core import events as ev
from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Exercise, Routine
from timer_app.gui.audio import sound_effects
from timer_app.gui.audio.cues import Cues
from timer_app.gui.audio.sound_effects import SOUND_NAMES, QtSounds

pytestmark = pytest.mark.qt


class FakeEffect:
    """What QtSounds asks of a QSoundEffect."""

    made: ClassVar[list[FakeEffect]] = []

    def __init__(self, parent: Any = None) -> None:
        self.playing = False
        self.deleted = False
        self.played = 0
        FakeEffect.made.append(self)

    def setSource(self, url: Any) -> None:
        self.source = url.toLocalFile()

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def play(self) -> None:
        self.playing = True
        self.played += 1

    def isPlaying(self) -> bool:
        return self.playing

    def deleteLater(self) -> None:
        self.deleted = True


@pytest.fixture
def sounds() -> QtSounds:
    FakeEffect.made = []
    made = QtSounds()  # no sound server in tests: nothing loaded
    assert not made.available and not made.loaded
    made.available = True  # as where QtMultimedia found an output
    made._effect_class = FakeEffect
    made.prepare()
    return made


def step_events() -> tuple[ev.StepStarted, ev.SessionPaused, ev.SessionResumed]:
    hold = Exercise("hold", Dosing.HOLD, reps=2, hold=10.0, rest=5.0)
    step = build_plan(Routine(id="t", title="T", exercises=(hold,), lead_in=0)).steps[0]
    return (
        ev.StepStarted(at=0.0, step=step),
        ev.SessionPaused(at=3.0, step=step, reason=ev.PauseReason.USER),
        ev.SessionResumed(at=9.0, step=step),
    )


def test_pausing_lets_the_tones_go_and_going_on_makes_them_again(sounds: QtSounds) -> None:
    cues = Cues(sounds)
    started, paused, resumed = step_events()
    cues(started)
    assert sounds.loaded
    cues(paused)
    assert not sounds.loaded
    assert [e.deleted for e in FakeEffect.made] == [True] * len(SOUND_NAMES)
    cues(resumed)
    assert sounds.loaded  # ready before the next tone is due
    assert len(FakeEffect.made) == 2 * len(SOUND_NAMES)


def test_a_tone_still_sounding_at_the_pause_is_let_finish(
    sounds: QtSounds, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound_effects, "PLAYING_RETRY_MS", 20)
    sounds.play("chime")
    chime = FakeEffect.made[SOUND_NAMES.index("chime")]
    assert chime.played == 1
    sounds.release()
    assert sounds.loaded and not chime.deleted  # not cut off
    chime.playing = False
    qtbot.waitUntil(lambda: not sounds.loaded, timeout=2000)
    assert chime.deleted


def test_a_minute_without_a_tone_lets_them_go_and_the_next_tone_still_plays(
    sounds: QtSounds, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound_effects, "IDLE_RELEASE_MS", 30)
    sounds.play("tick")  # restarts the minute
    FakeEffect.made[0].playing = False
    qtbot.waitUntil(lambda: not sounds.loaded, timeout=2000)
    sounds.play("tick")
    assert sounds.loaded
    assert FakeEffect.made[-len(SOUND_NAMES)].played == 1  # the new tick
