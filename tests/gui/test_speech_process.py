"""Speech in a child process: a real speech worker on Qt's silent "mock" engine.

The window must never wait for the speech engine; these tests run the real
worker (`python -m timer_app.gui.audio.speech_worker --engine mock`) and wait for its
answers with `qtbot.waitUntil`, never by sleeping.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from timer_app.gui.audio import speech_worker
from timer_app.gui.audio.speech_process import SpeechProcess, stopped_sentence

pytestmark = pytest.mark.qt

WAIT_MS = 5000  # the worker is usually ready in ~0.3 s


@pytest.fixture
def workers() -> Iterator[list[SpeechProcess]]:
    made: list[SpeechProcess] = []
    yield made
    for worker in made:
        worker.stop()


def start(workers: list[SpeechProcess], **options: object) -> SpeechProcess:
    worker = SpeechProcess(**options)  # type: ignore[arg-type]
    workers.append(worker)
    return worker


def test_the_worker_gets_ready_speaks_and_reports_idle(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    speech = start(workers, engine="mock")
    assert speech.checking and not speech.available  # at once: nothing waited for it
    with qtbot.waitSignal(speech.sig_status_changed, timeout=WAIT_MS):
        pass
    assert speech.available and not speech.checking and speech.problem == ""
    assert speech.voice.startswith("mock ")

    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say("Knee to chest.\nHold.")  # a newline must not split the sentence
    assert speech.is_speaking()
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)
    assert not speech.is_speaking()


def test_a_sentence_asked_for_before_the_worker_is_ready_is_said_when_it_is(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    speech = start(workers, engine="mock")
    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say("Bridge. Get ready.")
    assert speech.is_speaking()  # the queue holds later prompts behind it
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)
    assert speech.available


def test_a_worker_that_dies_means_silent_prompts_and_a_plain_sentence(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    crash = (
        sys.executable,
        "-c",
        "import sys; print('Traceback (most recent call last):', file=sys.stderr); sys.exit(1)",
    )
    speech = start(workers, command=crash)
    with qtbot.waitSignal(speech.sig_status_changed, timeout=WAIT_MS):
        pass
    assert not speech.available and not speech.checking
    assert speech.problem == stopped_sentence()
    assert "Traceback" not in speech.problem
    speech.say("Rest")  # silently nothing
    assert not speech.is_speaking()


def test_a_worker_that_dies_while_speaking_frees_the_prompts(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    speech = start(workers, engine="mock")
    qtbot.waitUntil(lambda: speech.available, timeout=WAIT_MS)
    speech.say("A long sentence that is cut short by a crash, " * 5)
    with qtbot.waitSignal(speech.sig_status_changed, timeout=WAIT_MS):
        speech._proc.kill()  # the worker crashes
    assert speech.problem == stopped_sentence()
    assert not speech.is_speaking()  # nothing waits for an answer that cannot come


def test_a_worker_that_cannot_start_is_a_plain_sentence(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    speech = start(workers, command=("/nonexistent/python",))
    qtbot.waitUntil(lambda: not speech.checking, timeout=WAIT_MS)
    assert not speech.available and speech.problem == stopped_sentence()


def test_a_worker_without_an_engine_names_the_problem(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    speech = start(workers, engine="no-such-engine")
    qtbot.waitUntil(lambda: not speech.checking, timeout=WAIT_MS)
    assert not speech.available
    assert speech.problem == (
        "Spoken prompts are off: no speech engine was found (on Linux, install speech-dispatcher)."
    )


def test_the_worker_ends_when_the_app_stops_it(qtbot: QtBot, workers: list[SpeechProcess]) -> None:
    speech = start(workers, engine="mock")
    qtbot.waitUntil(lambda: speech.available, timeout=WAIT_MS)
    speech.stop()
    assert speech._proc.state() == speech._proc.ProcessState.NotRunning
    assert speech.problem == ""  # a stop we asked for is not a problem


def test_the_worker_ends_by_itself_when_the_app_goes_away(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    # An app that crashed cannot say "quit": its end of the pipe closes instead.
    speech = start(workers, engine="mock")
    qtbot.waitUntil(lambda: speech.available, timeout=WAIT_MS)
    speech._proc.closeWriteChannel()
    qtbot.waitUntil(
        lambda: speech._proc.state() == speech._proc.ProcessState.NotRunning, timeout=WAIT_MS
    )
    assert speech._proc.exitCode() == 0


def test_a_worker_that_never_answers_is_taken_for_stuck(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    silent = (sys.executable, "-c", "import time; time.sleep(30)")
    speech = start(workers, command=silent, ready_limit_ms=200)
    speech.say("Bridge. Get ready.")  # held, and dropped when the worker is given up
    qtbot.waitUntil(lambda: not speech.checking, timeout=WAIT_MS)
    assert not speech.available and not speech.is_speaking()
    assert speech.problem.startswith("Spoken prompts are off: the speech engine does not answer")
    qtbot.waitUntil(
        lambda: speech._proc.state() == speech._proc.ProcessState.NotRunning, timeout=WAIT_MS
    )


def test_an_engine_that_will_not_start_is_told_apart_from_none_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seen on a real machine: a speech-dispatcher left in a bad state answers,
    # and Qt's engine then fails ("Failed to initialize default locale and voice").
    from PySide6 import QtTextToSpeech

    from timer_app.gui.audio import speech_engine
    from timer_app.gui.audio.speech_process import problem_sentence

    class Failing:
        State = QtTextToSpeech.QTextToSpeech.State

        def __init__(self, name: str, parent: object = None) -> None:
            pass

        @staticmethod
        def availableEngines() -> list[str]:
            return ["speechd", "mock"]

        def state(self) -> object:
            return self.State.Error

        def errorString(self) -> str:
            return "Failed to initialize default locale and voice."

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(QtTextToSpeech, "QTextToSpeech", Failing)
    monkeypatch.setattr(speech_engine, "speech_dispatcher_stuck", lambda: False)
    monkeypatch.setattr(speech_engine, "speech_dispatcher_installed", lambda: True)
    assert speech_engine.open_engine() == (None, speech_engine.FAILED)
    assert problem_sentence(speech_engine.FAILED) == (
        "Spoken prompts are off: the speech engine is installed but would not start "
        "(restarting the computer usually helps)."
    )
    assert speech_engine.open_engine("espeak-direct") == (None, speech_engine.NO_ENGINE)
    # speech-dispatcher absent: Qt still lists its plug-in, which fails the same
    # way; restarting would not help, installing it does.
    monkeypatch.setattr(speech_engine, "speech_dispatcher_installed", lambda: False)
    assert speech_engine.open_engine() == (None, speech_engine.NOT_INSTALLED)
    sentence = problem_sentence(speech_engine.NOT_INSTALLED)
    assert "install the speech-dispatcher and espeak-ng packages" in sentence
    assert "restarting" not in sentence


def test_an_engine_with_no_voice_says_which_voice_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6 import QtTextToSpeech

    from timer_app.gui.audio import speech_engine
    from timer_app.gui.audio.speech_process import problem_sentence

    class Voiceless:
        State = QtTextToSpeech.QTextToSpeech.State

        def __init__(self, name: str, parent: object = None) -> None:
            pass

        @staticmethod
        def availableEngines() -> list[str]:
            return ["speechd", "mock"]

        def state(self) -> object:
            return self.State.Ready

        def availableVoices(self) -> list[object]:
            return []

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(QtTextToSpeech, "QTextToSpeech", Voiceless)
    monkeypatch.setattr(speech_engine, "speech_dispatcher_stuck", lambda: False)
    assert speech_engine.open_engine() == (None, speech_engine.NO_VOICE)
    sentence = problem_sentence(speech_engine.NO_VOICE)
    assert "has no voice" in sentence and "espeak-ng" in sentence
    assert "restarting" not in sentence


def test_no_sound_names_what_to_install_or_check() -> None:
    from timer_app.gui.audio.sound_effects import missing_library_sentence, no_output_sentence

    assert "install libpulse0" in missing_library_sentence("linux")
    assert "reinstall the app" in missing_library_sentence("win32")
    no_output = no_output_sentence("linux")
    assert "speakers or headphones are connected" in no_output
    assert "PipeWire or PulseAudio" in no_output


def test_a_prompt_asked_for_while_another_is_spoken_waits_for_its_end(
    qtbot: QtBot, workers: list[SpeechProcess]
) -> None:
    # The mock engine reads a word every 100 ms. Had the second prompt stopped the
    # first (QTextToSpeech.say does), both would be over in ~0.2 s.
    speech = start(workers, engine="mock")
    qtbot.waitUntil(lambda: speech.available, timeout=WAIT_MS)
    idle: list[float] = []
    speech.set_on_idle(lambda: idle.append(time.monotonic()))
    asked = time.monotonic()
    speech.say("Knee to chest stretch. Hold.")
    speech.say("Rest")
    qtbot.waitUntil(lambda: bool(idle), timeout=WAIT_MS)
    assert idle[0] - asked >= 0.55  # six words, none cut
    assert not speech.is_speaking()
    assert len(idle) == 1  # the app hears once, when both are said


def test_a_blank_prompt_is_answered_at_once(qtbot: QtBot, workers: list[SpeechProcess]) -> None:
    speech = start(workers, engine="mock")
    qtbot.waitUntil(lambda: speech.available, timeout=WAIT_MS)
    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say(" \n ")
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)


# -- the worker's Speaker in this process, to see every word the engine reads ------
@pytest.fixture
def worker_lines(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    lines: list[str] = []
    monkeypatch.setattr(speech_worker, "send", lines.append)
    return lines


def test_the_worker_never_stops_a_sentence_for_the_next(
    qtbot: QtBot, worker_lines: list[str]
) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts = QTextToSpeech("mock")
    words: list[str] = []
    tts.sayingWord.connect(lambda word, *_: words.append(word))
    speaker = speech_worker.Speaker(tts)
    speaker.say("Knee to chest. Hold.")
    qtbot.waitUntil(lambda: words == ["Knee"], timeout=WAIT_MS)
    speaker.say("Bridge. Get ready.")  # mid-sentence, as after an early `idle`
    qtbot.waitUntil(lambda: worker_lines.count("idle") == 2, timeout=WAIT_MS)
    assert words == ["Knee", "to", "chest", "Hold", "Bridge", "Get", "ready"]
    # The first `idle` came once the engine had moved on to the second sentence.
    assert worker_lines == ["speaking", "idle", "speaking", "idle"]
    tts.stop()


class SilentEngine(QObject):
    """An engine that takes sentences and never speaks them (seen: a swallowed one)."""

    aboutToSynthesize = Signal(int)
    stateChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.stopped = 0

    def enqueue(self, text: str) -> int:
        self.aboutToSynthesize.emit(0)
        return 0

    def stop(self) -> None:
        self.stopped += 1


def test_a_sentence_the_engine_swallows_is_answered_after_a_limit(
    qtbot: QtBot, worker_lines: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech_worker, "START_LIMIT_MS", 50)
    monkeypatch.setattr(speech_worker, "SPEAK_LIMIT_MS_PER_CHAR", 1)
    engine = SilentEngine()
    speaker = speech_worker.Speaker(engine)
    speaker.say("Rest")
    speaker.say("Rep 2 of 3. Hold.")
    qtbot.waitUntil(lambda: worker_lines.count("idle") == 2, timeout=WAIT_MS)
    assert engine.stopped == 1  # its queue is cleared, nothing was being heard
