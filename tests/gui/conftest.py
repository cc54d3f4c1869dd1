"""GUI tests need PySide6; the no-Qt CI run (core and storage only) skips them."""

import os
from collections.abc import Callable, Iterator

import pytest

# The speech worker (a child process) speaks with Qt's silent test engine in
# tests: no speech-dispatcher is started, and it is ready in a fraction of a second.
os.environ.setdefault("TIMER_APP_SPEECH_ENGINE", "mock")
# Tones through QSoundEffect as before (no sound server in tests: silent, and no
# child process per tone); tests/gui/test_tone_process.py runs the child player.
os.environ.setdefault("TIMER_APP_SOUND_ENGINE", "qt")

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is not installed")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test that fails with a session still live leaves its window to be closed
    at teardown, and closing asks "End session?" in a modal box nobody answers:
    the whole suite hung there. While a test is torn down, any modal box is
    closed (its Escape answer: the session is not ended; pytest-qt deletes the
    window all the same), so the failure is reported and the suite goes on."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timer = None
    if QApplication.instance() is not None:
        timer = QTimer()
        timer.setInterval(50)
        timer.timeout.connect(_close_modal_box)
        timer.start()
    yield
    if timer is not None:
        timer.stop()


def _close_modal_box() -> None:
    from PySide6.QtWidgets import QApplication

    modal = QApplication.activeModalWidget()
    if modal is not None:
        modal.close()


@pytest.fixture(autouse=True)
def no_real_screensaver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sessions start in many GUI tests: keep the desktop's real session bus out of
    them (it would inhibit the developer's screensaver, or wait on a hung bus).
    tests/gui/test_screensaver.py reaches the real backend through its own bus."""
    from timer_app.gui.desktop import screensaver

    monkeypatch.setattr(
        screensaver.ScreenSaverInhibitor, "_for_platform", staticmethod(screensaver._Noop)
    )


@pytest.fixture(autouse=True)
def no_real_background_reminders(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> list[list[str]]:
    """Turning on "Remind me even when the app is closed" in a test writes its
    autostart entry under a temporary XDG_CONFIG_HOME and starts no process
    (tests/gui/reminders/test_background.py starts a real one itself)."""
    from timer_app.gui.reminders import keeper

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    launched: list[list[str]] = []
    monkeypatch.setattr(keeper, "launch_background", launched.append)
    return launched


@pytest.fixture
def system_font() -> Iterator[Callable[[float], None]]:
    """Set the font a desktop hands Qt, in points; restored afterwards."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())

    def set_size(points: float) -> None:
        font = QFont(before)
        font.setPointSizeF(points)
        app.setFont(font)

    yield set_size
    app.setFont(before)
