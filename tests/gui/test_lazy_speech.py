"""The speech worker (~49 MiB) runs only while prompts are being spoken: it starts
at the first sentence, ends after a spell without one, and starts again for the
next, which is held, never dropped (issue 18: memory)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio import cues as cues_module
from timer_app.gui.audio.speech_process import SpeechProcess
from timer_app.gui.session.view import SessionView

from .session_support import session_routine

pytestmark = pytest.mark.qt

WAIT_MS = 5000
NOT_RUNNING = QProcess.ProcessState.NotRunning


@pytest.fixture
def speech() -> Iterator[SpeechProcess]:
    worker = SpeechProcess(engine="mock", lazy=True, idle_limit_ms=300)
    yield worker
    worker.stop()


def test_no_worker_runs_until_the_first_sentence_which_is_said(
    qtbot: QtBot, speech: SpeechProcess
) -> None:
    qtbot.wait(100)
    assert speech._proc.state() == NOT_RUNNING
    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say("Knee hug. Get ready.")
    assert speech.is_speaking()  # held while the worker starts
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)
    assert speech.available and speech.problem == ""


def test_an_idle_worker_ends_and_the_next_sentence_brings_it_back(
    qtbot: QtBot, speech: SpeechProcess
) -> None:
    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say("Knee hug. Hold.")
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)
    first = speech._proc
    qtbot.waitUntil(lambda: first.state() == NOT_RUNNING, timeout=WAIT_MS)
    assert speech.available and speech.problem == ""  # a rest is not a failure

    changed: list[bool] = []
    speech.sig_status_changed.connect(lambda: changed.append(True))
    speech.say("Session complete. Well done.")
    assert speech.is_speaking()
    qtbot.waitUntil(lambda: idle == [True, True], timeout=WAIT_MS)
    assert changed == []  # nothing new to tell the Safety page
    assert speech.available and speech.problem == ""


def test_a_worker_busy_speaking_is_not_ended(qtbot: QtBot, speech: SpeechProcess) -> None:
    # The mock engine reads a word every 100 ms: longer than the idle limit.
    idle: list[bool] = []
    speech.set_on_idle(lambda: idle.append(True))
    speech.say("Bridge. Get ready.")
    qtbot.waitUntil(lambda: idle == [True], timeout=WAIT_MS)
    speech.say("Lift your hips and hold them there while you breathe out slowly.")
    qtbot.wait(400)
    assert speech._proc.state() != NOT_RUNNING
    qtbot.waitUntil(lambda: idle == [True, True], timeout=WAIT_MS)


def test_opening_a_routine_starts_no_speech_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cues_module, "_shared", None)
    view = SessionView(clock=FakeClock(), model=AppModel())
    qtbot.addWidget(view)
    view.load(session_routine(tmp_path))
    view.show()
    speech = view.cues._speech
    assert isinstance(speech, SpeechProcess)
    qtbot.wait(100)
    assert speech._proc.state() == NOT_RUNNING
    speech.stop()
