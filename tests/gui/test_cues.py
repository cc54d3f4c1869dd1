"""What a person on the mat hears: ticks, chimes and spoken prompts from a real session.

A real plan is played by a real `SessionPlayer` on a `FakeClock`; the cues go to
the fake sound and speech backends the session-screen tests use.
"""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QLocale

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import Plan, StepKind, build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.core.session_figures import SessionFigures
from timer_app.gui.audio import speech_engine
from timer_app.gui.audio.cues import Cues, cues_for
from timer_app.gui.audio.speech_engine import use_a_voice_for_the_prompts
from timer_app.gui.audio.speech_process import problem_sentence

from .session_support import FakeSounds, FakeSpeech

pytestmark = pytest.mark.qt

# Timeline: get ready 4 (left first), hold L1 6, rest 2, hold L2 6, switch 2, hold R1 6,
# rest 2, hold R2 6; then "Bridge": get ready 4, counted reps 1 and 2.
KNEE = Exercise(
    name="Knee to chest", dosing=Dosing.HOLD, sides=Sides.EACH, reps=2, hold=6.0, rest=2.0
)
BRIDGE = Exercise(name="Bridge", dosing=Dosing.COUNTED, reps=2)
ROUTINE = Routine(id="cue-test", title="Cue test", exercises=(KNEE, BRIDGE), lead_in=4.0)


class Heard:
    """A player with cues attached, remembering which sounds each event caused."""

    def __init__(self, cues: Cues, sounds: FakeSounds, speech: FakeSpeech) -> None:
        self.plan: Plan = build_plan(ROUTINE)
        self.clock = FakeClock()
        self.player = SessionPlayer(self.plan, self.clock)
        self.cues, self.sounds, self.speech = cues, sounds, speech
        self.by_event: list[tuple[ev.Event, list[str]]] = []
        self._seen = 0
        self.player.add_listener(cues)
        self.player.add_listener(self._record)  # after the cues: sees what they played

    def _record(self, event: ev.Event) -> None:
        self.by_event.append((event, self.sounds.played[self._seen :]))
        self._seen = len(self.sounds.played)

    def advance(self, seconds: float) -> None:
        """Time passes with ticks at most 0.5 s apart (a longer gap means a sleep)."""
        target = self.clock.now() + seconds
        while self.clock.now() < target - 1e-9:
            self.clock.advance(min(0.5, target - self.clock.now()))
            self.player.tick()

    def ticks_during(self, kind: StepKind) -> list[int]:
        """The seconds_left of every countdown second that sounded a tick in `kind` steps."""
        return [
            e.seconds_left
            for e, played in self.by_event
            if isinstance(e, ev.SecondElapsed) and e.step.kind is kind and "tick" in played
        ]


def heard(**flags: bool) -> Heard:
    sounds, speech = FakeSounds(), FakeSpeech()
    return Heard(Cues(sounds, speech, **flags), sounds, speech)


def test_ticks_sound_for_the_last_three_seconds_only_and_a_chime_ends_each_hold() -> None:
    h = heard()
    h.player.start()
    h.advance(4 + 6)  # get ready, then the first hold to its end

    seconds = [e.seconds_left for e, _ in h.by_event if isinstance(e, ev.SecondElapsed)]
    assert 5 in seconds and 4 in seconds  # the hold counted down 5, 4 ... silently
    assert h.ticks_during(StepKind.HOLD) == [3, 2, 1]
    assert h.ticks_during(StepKind.GET_READY) == [3, 2, 1]
    quiet = [played for e, played in h.by_event if isinstance(e, ev.SecondElapsed)]
    assert all(p == [] for e, p in zip(seconds, quiet, strict=True) if e > 3)

    rep_sounds = [played for e, played in h.by_event if isinstance(e, ev.RepCompleted)]
    assert rep_sounds == [["chime"]]
    assert h.sounds.played[-2:] == ["tick", "chime"]  # the chime comes as the hold ends


def test_switching_sides_has_its_own_sound_and_words() -> None:
    h = heard()
    h.player.start()
    h.advance(4 + 6 + 2 + 6 - 0.5)  # to just before the end of the last left hold
    assert "switch" not in h.sounds.played
    h.advance(0.5)

    assert h.player.current_step.kind is StepKind.SWITCH_SIDES
    assert h.sounds.played[-1] == "switch"
    assert h.speech.said[-1] == "Switch to your right side"


def test_spoken_prompts_follow_the_session() -> None:
    h = heard()
    h.player.start()
    h.advance(4 + 6 + 2 + 6 + 2 + 6 + 2 + 6 + 4)  # all of knee to chest, bridge's lead-in
    h.player.complete_rep()
    h.player.complete_rep()

    opening = "Knee to chest. Get ready. Start with your left side."
    assert h.speech.said[0] == opening
    after_opening = [text for text in h.speech.said if text != opening]
    assert after_opening == [
        "Knee to chest. Hold.",
        "Rest",
        "Rep 2 of 2. Hold.",
        "Switch to your right side",
        "Rep 1 of 2. Hold.",
        "Rest",
        "Rep 2 of 2. Hold.",
        "Bridge. Get ready.",
        "Bridge. Press Enter when done.",
        "Rep 2 of 2. Press Enter when done.",
        "Session complete. Well done.",
    ]
    assert h.sounds.played[-1] == "chime"


def test_the_opening_prompt_and_sound_come_once() -> None:
    h = heard()
    h.player.start()
    assert h.speech.said == ["Knee to chest. Get ready. Start with your left side."]
    assert h.sounds.played == ["start"]


def test_a_long_hold_says_halfway_once() -> None:
    long_hold = Exercise(name="Piriformis stretch", dosing=Dosing.HOLD, hold=30.0)
    sounds, speech = FakeSounds(), FakeSpeech()
    cues = Cues(sounds, speech)
    player = SessionPlayer(
        build_plan(Routine(id="long", title="Long", exercises=(long_hold,), lead_in=0.0)),
        FakeClock(),
    )
    player.add_listener(cues)
    player.start()
    clock = player.clock
    assert isinstance(clock, FakeClock)
    for _ in range(50):  # 25 s of the 30 s hold
        clock.advance(0.5)
        player.tick()
    assert speech.said[-1] == "Halfway. Keep breathing."
    assert speech.said.count("Halfway. Keep breathing.") == 1
    assert set(speech.said) == {"Piriformis stretch. Hold.", "Halfway. Keep breathing."}


def test_a_spoken_exercise_name_is_never_cut_off_or_dropped() -> None:
    h = heard()
    h.player.start()
    opening = list(h.speech.said)
    h.speech.busy = True  # still saying it when the person pauses and resumes
    h.player.pause()
    h.player.resume()
    h.advance(4)  # the hold begins: a name sentence, waiting its turn

    assert h.speech.said == opening
    h.speech.finish()
    # The stale "Paused" (low priority) gave way; the name was kept and is said next.
    assert h.speech.said[-1] == "Knee to chest. Hold."
    assert "Paused" not in h.speech.said


def test_a_later_prompt_waits_for_the_sentence_in_progress() -> None:
    h = heard()
    h.player.start()
    opening = list(h.speech.said)
    h.speech.busy = True
    h.player.pause()  # "Paused" must not interrupt the exercise's name
    assert h.speech.said == opening
    h.speech.finish()
    assert h.speech.said[-1] == "Paused"


def test_mute_silences_everything_and_unmute_brings_it_back() -> None:
    h = heard(muted=True)
    h.player.start()
    h.advance(4 + 6 + 1)
    assert h.sounds.played == [] and h.speech.said == []

    h.cues.set_muted(False)
    h.advance(6 + 1)  # the rest, the second hold begins
    assert "Rep 2 of 2. Hold." in h.speech.said


def test_muting_drops_prompts_still_waiting_to_be_spoken() -> None:
    h = heard()
    h.player.start()
    opening = list(h.speech.said)
    h.speech.busy = True
    h.advance(4)  # "Knee to chest. Hold." waits
    h.cues.set_muted(True)
    h.speech.finish()
    assert h.speech.said == opening


def test_beeps_only_keeps_the_sounds_but_says_nothing() -> None:
    h = heard(beeps_only=True)
    h.player.start()
    h.advance(4 + 6 + 2 + 6 + 0.5)
    assert h.speech.said == []
    assert h.sounds.played.count("chime") == 2
    assert "start" in h.sounds.played and "switch" in h.sounds.played
    assert h.ticks_during(StepKind.HOLD) == [3, 2, 1, 3, 2, 1]


def test_missing_audio_and_speech_are_named_and_nothing_is_played() -> None:
    sounds = FakeSounds(available=False, problem="Sounds are off: no audio output was found.")
    speech = FakeSpeech(available=False, problem="Spoken prompts are off: no speech engine.")
    h = Heard(Cues(sounds, speech), sounds, speech)
    h.player.start()
    h.advance(4 + 6)
    assert sounds.played == [] and speech.said == []
    assert h.cues.status_message() == (
        "Sounds are off: no audio output was found. Spoken prompts are off: no speech engine."
    )
    assert Cues(FakeSounds(), FakeSpeech()).status_message() == ""


def test_english_prompts_get_an_english_voice_on_a_desktop_in_another_language(
    qapp: object,
) -> None:
    # Qt's test engine stands in for speech-dispatcher: it starts with a voice for
    # the system locale.
    QTextToSpeech = pytest.importorskip("PySide6.QtTextToSpeech").QTextToSpeech
    tts = QTextToSpeech("mock")
    tts.setLocale(QLocale("nb_NO"))
    assert tts.voice().locale().language() is QLocale.Language.NorwegianBokmal

    use_a_voice_for_the_prompts(tts)

    assert tts.voice().locale().language() is QLocale.Language.English


class SpeechdUnderLangC:
    """speech-dispatcher under LANG=C: locale C, a voice of the first language listed."""

    def __init__(self) -> None:
        self.current = QLocale.c()

    def locale(self) -> QLocale:
        return self.current

    def availableLocales(self) -> list[QLocale]:
        return [QLocale("bn_IN"), QLocale("en_GB"), QLocale("en_US"), QLocale("de_DE")]

    def setLocale(self, locale: QLocale) -> None:
        self.current = locale


def test_without_a_desktop_language_the_prompts_get_an_english_voice(qapp: object) -> None:
    tts = SpeechdUnderLangC()
    use_a_voice_for_the_prompts(tts)
    assert tts.locale().name() == "en_US"


def test_an_english_voice_of_the_persons_region_is_kept(qapp: object) -> None:
    QTextToSpeech = pytest.importorskip("PySide6.QtTextToSpeech").QTextToSpeech
    tts = QTextToSpeech("mock")
    tts.setLocale(QLocale("en_GB"))
    use_a_voice_for_the_prompts(tts)
    assert tts.locale().name() == "en_GB"


@pytest.fixture
def speechd_socket(monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """A listening socket where libspeechd looks for speech-dispatcher (a short
    path: unix socket paths are limited to ~100 characters)."""
    with tempfile.TemporaryDirectory(prefix="sd") as runtime:
        monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
        monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
        folder = Path(runtime, "speech-dispatcher")
        folder.mkdir()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(str(folder / "speechd.sock"))
            server.listen(1)
            yield server


def test_a_speech_dispatcher_that_never_answers_is_noticed(speechd_socket: socket.socket) -> None:
    assert speech_engine.speech_dispatcher_stuck(timeout_s=0.2)


def test_a_speech_dispatcher_that_answers_is_used(speechd_socket: socket.socket) -> None:
    def answer() -> None:
        connection, _ = speechd_socket.accept()
        with connection:
            assert connection.recv(64).startswith(b"SET SELF CLIENT_NAME")
            connection.sendall(b"208 OK CLIENT NAME SET\r\n")
            connection.recv(64)

    speechd = threading.Thread(target=answer)
    speechd.start()
    assert not speech_engine.speech_dispatcher_stuck(timeout_s=5)
    speechd.join(5)


def test_no_speech_dispatcher_yet_is_not_stuck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # libspeechd will start one
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    assert not speech_engine.speech_dispatcher_stuck(timeout_s=0.2)


class SpeechdEngineOnly:
    """Stands in for QTextToSpeech: the speechd plug-in is there; records engines made."""

    made: ClassVar[list[str]] = []

    class State:
        Error = "error"
        Ready = "ready"

    @staticmethod
    def availableEngines() -> list[str]:
        return ["speechd", "mock"]

    def __init__(self, engine: str, parent: object = None) -> None:
        self.made.append(engine)

    def state(self) -> str:
        return self.State.Error


def test_a_stuck_speech_engine_is_named_and_never_waited_for(
    qapp: object, speechd_socket: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    tts_module = pytest.importorskip("PySide6.QtTextToSpeech")
    monkeypatch.setattr(tts_module, "QTextToSpeech", SpeechdEngineOnly)
    monkeypatch.setattr(speech_engine, "SPEECHD_ANSWER_S", 0.2)
    SpeechdEngineOnly.made.clear()

    tts, problem = speech_engine.open_engine()

    # Qt's speechd engine was not made: it would have waited for an answer forever.
    assert SpeechdEngineOnly.made == []
    assert tts is None
    assert problem_sentence(problem) == (
        "Spoken prompts are off: the speech engine does not answer "
        "(restarting the computer usually helps)."
    )


@pytest.mark.parametrize(
    ("done", "partial", "stopped", "words"),
    [
        (2, 0, False, "Session complete. Well done."),
        (1, 1, False, "Session over. Part of it was skipped."),
        (1, 0, False, "Session over. Part of it was skipped."),  # one skipped
        (0, 0, False, "Session over. Nothing was done this time."),
        (1, 0, True, "Session over. Please read the advice on the screen."),
        (0, 0, True, "Session over. Please read the advice on the screen."),
    ],
)
def test_the_closing_words_say_well_done_only_when_everything_was_done_without_a_stop(
    done: int, partial: int, stopped: bool, words: str
) -> None:
    figures = SessionFigures(
        exercises_done=done,
        exercises_partial=partial,
        exercises_skipped=2 - done - partial,
        stops=1 if stopped else 0,
        active_seconds=10.0,
    )
    [cue] = cues_for(ev.SessionFinished(10.0, figures))
    assert (cue.sound, cue.speech) == ("chime", words)
