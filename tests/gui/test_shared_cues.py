"""One `Cues` per run, shared by the session screen and the Safety page, whose
sound label says "checking" until the speech worker answers and then the answer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio import cues as cues_module
from timer_app.gui.audio.cues import Cues
from timer_app.gui.pages.safety import SafetyPage
from timer_app.gui.session.view import SessionView
from timer_app.storage.settings import Settings

from .session_support import FakeSounds, session_routine

pytestmark = pytest.mark.qt

CHECKING = "Checking whether spoken prompts work on this computer"
WORKS = "Sound cues and spoken prompts work on this computer."
STUCK = "Spoken prompts are off: the speech engine does not answer."


class StartingSpeech(QObject):
    """A speech backend whose worker has not answered yet; `answer()` answers."""

    sig_status_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.available, self.checking, self.problem = False, True, ""
        self.said: list[str] = []

    def answer(self, problem: str = "") -> None:
        self.available, self.checking, self.problem = not problem, False, problem
        self.sig_status_changed.emit()

    def say(self, text: str) -> None:
        self.said.append(text)

    def is_speaking(self) -> bool:
        return False

    def set_on_idle(self, callback: object) -> None:
        pass


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Cues, StartingSpeech]]:
    """Every Cues the app makes for this machine, with fake audio and a speech
    worker that answers when the test says; the run's shared Cues starts empty."""
    cues_made: list[tuple[Cues, StartingSpeech]] = []

    def for_this_machine(cls: type[Cues], /, parent: object = None, **flags: bool) -> Cues:
        speech = StartingSpeech()
        cues = Cues(FakeSounds(), speech, **flags)
        cues_made.append((cues, speech))
        return cues

    monkeypatch.setattr(Cues, "for_this_machine", classmethod(for_this_machine))
    monkeypatch.setattr(cues_module, "_shared", None)
    return cues_made


def test_the_session_screen_and_the_safety_page_share_one_cues(
    qtbot: QtBot, tmp_path: Path, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    page = SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.show()
    view = SessionView(clock=FakeClock(), model=AppModel())
    qtbot.addWidget(view)
    view.load(session_routine(tmp_path))
    view.load(session_routine(tmp_path))  # a second routine opened: no second probe
    page.hide()
    page.show()

    assert len(made) == 1
    assert view.cues is made[0][0] is cues_module.shared_cues()


def test_the_safety_page_says_checking_until_the_speech_worker_answers(
    qtbot: QtBot, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    page = SafetyPage(AppModel(Settings(muted=True)))
    qtbot.addWidget(page)
    page.show()
    assert CHECKING in page.sound_label.text()

    made[0][1].answer()
    assert page.sound_label.text() == (
        WORKS + " Sound is muted now: press M during a session to turn it on."
    )


def test_the_safety_page_names_the_speech_problem_when_it_is_known(
    qtbot: QtBot, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    page = SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.show()
    made[0][1].answer(STUCK)
    assert page.sound_label.text() == STUCK


def test_the_ready_screen_shows_a_speech_problem_once_it_is_known(
    qtbot: QtBot, tmp_path: Path, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    view = SessionView(clock=FakeClock(), model=AppModel())
    qtbot.addWidget(view)
    view.load(session_routine(tmp_path))
    view.show()
    assert not view.ready.sound_note.isVisible()  # "checking" is not worth a note here

    made[0][1].answer(STUCK)
    assert view.ready.sound_note.isVisible() and view.ready.sound_note.text() == STUCK


def test_a_prompt_during_the_check_is_kept_for_the_worker(
    qtbot: QtBot, tmp_path: Path, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    # The person starts at once: the opening words go to the worker, which says
    # them when ready (SpeechProcess holds them), rather than being lost.
    view = SessionView(clock=FakeClock(), model=AppModel())
    qtbot.addWidget(view)
    view.confirm = lambda title, question: True
    view.load(session_routine(tmp_path))
    view.presenter.start()  # what Space calls
    assert made[0][1].said == ["Knee hug. Get ready. Start with your left side."]


def test_the_real_speech_worker_answers_the_safety_page(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real thing: QtSounds and a speech worker process on the mock engine
    # (tests/gui/conftest.py sets TIMER_APP_SPEECH_ENGINE=mock).
    monkeypatch.setattr(cues_module, "_shared", None)
    page = SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.show()
    assert CHECKING in page.sound_label.text()
    qtbot.waitUntil(lambda: CHECKING not in page.sound_label.text(), timeout=5000)
    assert "Spoken prompts are off" not in page.sound_label.text()
    cues = cues_module.shared_cues()
    assert cues._speech is not None and cues._speech.available
    cues._speech.stop()  # type: ignore[attr-defined]


def test_a_speech_problem_is_logged_once_per_run(
    made: list[tuple[Cues, StartingSpeech]], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=cues_module.__name__):
        cues_module.status_message()
        made[0][1].answer(STUCK)
        cues_module.shared_cues()
        assert cues_module.status_message() == STUCK
    assert [r.getMessage() for r in caplog.records] == [STUCK]


def test_the_safety_page_sets_beeps_only_and_plays_a_test_cue(
    qtbot: QtBot, made: list[tuple[Cues, StartingSpeech]]
) -> None:
    page = SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.show()
    cues, speech = made[0]
    speech.answer()
    panel = page.sound_settings
    assert panel is not None

    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert cues._sounds.played == ["chime"]  # type: ignore[union-attr]
    assert speech.said == ["This is how your prompts will sound."]

    click_box_label(qtbot, panel.beeps_only_box)
    assert "You chose beeps only" in page.sound_label.text()
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert cues._sounds.played == ["chime", "chime"]  # type: ignore[union-attr]
    assert speech.said == ["This is how your prompts will sound."]  # beeps only: no voice

    click_box_label(qtbot, panel.mute_box)
    assert "Sound is muted now" in page.sound_label.text()
    assert not panel.test_button.isEnabled()


def click_box_label(qtbot: QtBot, box: QCheckBox) -> None:
    """Click where a person clicks a check box: its square and words at the left.
    The page's column is wider than the words, and a click in the empty right part
    of a stretched box is (as anywhere in Qt) not a click on it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
