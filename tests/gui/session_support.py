"""Shared by the session-screen tests: a real routine file, a real history, fake audio."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from timer_app.core.clock import FakeClock
from timer_app.core.routine import Routine
from timer_app.gui.app_model import AppModel
from timer_app.gui.audio.cues import Cues
from timer_app.gui.session.view import SessionView
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import load_routine_file
from timer_app.storage.settings import Settings

# Timeline (lead-in 2 s): Knee hug: get ready 2, hold L 3, switch sides 2, hold R 3;
# Tilts: get ready 2, counted rep 1, counted rep 2; Walking: get ready 2, walk 4.
SESSION_YAML = """\
id: test-session
title: Test session
lead_in: 2 s
safety:
  - Stop if pain spreads down your leg.
exercises:
  - name: Knee hug
    hold: 3 s
    sides: alternate
    reps: 1
    rest: 2 s
    instructions:
      - Lie on your back.
    cautions:
      - Ease into it.
  - name: Tilts
    reps: 2
  - name: Walking
    duration: 4 s
"""


@dataclass
class FakeSounds:
    available: bool = True
    problem: str = ""
    played: list[str] = field(default_factory=list)

    def play(self, name: str) -> None:
        self.played.append(name)


@dataclass
class FakeSpeech:
    """Speaks instantly unless `busy`; `finish()` ends the sentence in progress."""

    available: bool = True
    problem: str = ""
    busy: bool = False
    said: list[str] = field(default_factory=list)
    _on_idle: Any = None

    def say(self, text: str) -> None:
        self.said.append(text)

    def is_speaking(self) -> bool:
        return self.busy

    def set_on_idle(self, callback: Any) -> None:
        self._on_idle = callback

    def finish(self) -> None:
        self.busy = False
        if self._on_idle is not None:
            self._on_idle()


def session_routine(tmp_path: Path, text: str = SESSION_YAML) -> Routine:
    path = tmp_path / "routines" / "test-session.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_routine_file(path)


@dataclass
class Session:
    view: SessionView
    clock: FakeClock
    store: SqliteHistoryStore
    sounds: FakeSounds
    speech: FakeSpeech
    model: AppModel

    @property
    def settings(self) -> Settings:
        """The settings as the app model has them now."""
        return self.model.settings

    def advance(self, seconds: float) -> None:
        """Time passes with the ticks the real ticker would make (no real waiting).

        Ticks come at most half a second apart: a longer silence is how the player
        recognises a laptop that slept, which these tests do not mean.
        """
        assert self.view.player is not None
        target = self.clock.now() + seconds
        while self.clock.now() < target:
            self.clock.advance(min(0.5, target - self.clock.now()))
            self.view.player.tick()

    @property
    def digits(self) -> str:
        return self.view.running.ring.digits_text()

    @property
    def phase(self) -> str:
        return self.view.running.phase.text()


def open_session(qtbot: Any, tmp_path: Path, **settings: Any) -> Session:
    clock = FakeClock()
    store = SqliteHistoryStore.open()
    sounds, speech = FakeSounds(), FakeSpeech()
    model = AppModel(Settings(**settings), store)
    view = SessionView(clock=clock, model=model, cues=Cues(sounds, speech))
    # A test that leaves a session running must not block on the "End session?"
    # box when pytest-qt closes the view; tests that check the question set their own.
    view.confirm = lambda title, question: True
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.load(session_routine(tmp_path))
    view.show()
    qtbot.waitExposed(view)
    # Keys are shortcuts of the view: they need its window active and the focus
    # inside it, as when a person has the window in front of them.
    view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.setFocus()
    return Session(view, clock, store, sounds, speech, model)
