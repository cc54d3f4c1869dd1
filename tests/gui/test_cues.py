"""Which cues each player event gives, the speech queue, mute and beeps-only."""

from __future__ import annotations

import pytest

from timer_app.core import events as ev
from timer_app.core.plan import StepKind, build_plan
from timer_app.gui import cues as cues_module
from timer_app.gui.cues import Cue, Cues, Priority, SpeechQueue, cues_for

from .session_support import FakeSounds, FakeSpeech, session_routine

pytestmark = pytest.mark.qt


@pytest.fixture
def plan(tmp_path):
    return build_plan(session_routine(tmp_path))


def step_of(plan, kind, n=0):
    return [s for s in plan.steps if s.kind is kind][n]


def test_tick_only_in_the_last_three_seconds(plan) -> None:
    hold = step_of(plan, StepKind.HOLD)
    ticks = [cues_for(ev.SecondElapsed(0, hold, n)) for n in (5, 4, 3, 2, 1)]
    assert [bool(t) for t in ticks] == [False, False, True, True, True]


def test_chime_at_hold_end_and_switch_cue(plan) -> None:
    hold = step_of(plan, StepKind.HOLD)
    done = ev.RepCompleted(0, hold, 0, 1, 1, hold.side, 3.0)
    assert [c.sound for c in cues_for(done)] == ["chime"]
    switch = cues_for(ev.StepStarted(0, step_of(plan, StepKind.SWITCH_SIDES)))
    assert switch[0].sound == "switch"
    assert switch[0].speech == "Switch to your right side"


def test_first_hold_names_the_exercise(plan) -> None:
    said = cues_for(ev.StepStarted(0, step_of(plan, StepKind.HOLD)))
    assert said[0].speech == "Knee hug. Hold."
    assert said[0].priority is Priority.NAME


def test_queue_never_cuts_a_sentence_and_drops_stale_ones() -> None:
    speech = FakeSpeech()
    queue = SpeechQueue(speech)
    queue.say(Cue(speech="Knee hug. Hold.", priority=Priority.NAME))
    speech.busy = True
    queue.say(Cue(speech="Halfway. Keep breathing.", priority=Priority.LOW))
    queue.say(Cue(speech="Rest"))
    assert speech.said == ["Knee hug. Hold."]
    assert queue.waiting == ["Rest"]  # the stale low one went
    speech.finish()
    assert speech.said[-1] == "Rest"


def test_mute_and_beeps_only(plan) -> None:
    sounds, speech = FakeSounds(), FakeSpeech()
    cues = Cues(sounds, speech, beeps_only=True)
    cues(ev.StepStarted(0, step_of(plan, StepKind.SWITCH_SIDES)))
    assert (sounds.played, speech.said) == (["switch"], [])
    cues.set_muted(True)
    cues(ev.StepStarted(0, step_of(plan, StepKind.SWITCH_SIDES)))
    assert sounds.played == ["switch"]


def test_missing_audio_is_said_in_one_sentence() -> None:
    cues = Cues(FakeSounds(available=False, problem="Sounds are off."), FakeSpeech())
    assert cues.status_message() == "Sounds are off."


def test_this_machine_never_raises(qtbot) -> None:
    assert isinstance(cues_module.status_message(), str)
