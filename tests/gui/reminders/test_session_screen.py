"""No session reminder while the app's session screen is open, even on its ready
screen, where the history has no session running yet."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.local_time import local_now
from timer_app.core.reminders.schedule import ReminderSettings, ReminderState, due_now
from timer_app.gui.reminders import inputs_child
from timer_app.gui.reminders.file_watch import FileWatcher
from timer_app.gui.window.start import build_main_window
from timer_app.storage import session_screen
from timer_app.storage.reminder_settings import with_reminders
from timer_app.storage.settings import Settings, save_settings


def _window(qtbot: QtBot, reminders: ReminderSettings, start: str | None):
    settings = with_reminders(Settings(first_run_safety_seen=True), reminders)
    save_settings(settings)  # what the background reminders read
    window = build_main_window(start=start, clock=FakeClock(), settings=settings, history=None)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_ready_screen_silences_reminders_until_it_closes(qtbot: QtBot) -> None:
    """Start from a reminder (or --start) opens the ready screen: no row in the
    history yet, but what the background process reads says a session is on."""
    on = ReminderSettings(enabled=True, times=(time(0, 0),), quiet_start=time(0), quiet_end=time(0))
    window = _window(qtbot, on, start="piriformis")
    assert window.current_page() == "session"
    now = local_now()
    seen = inputs_child.read_here(now)  # what the background process sees, in its child
    assert seen.facts.session_running
    assert due_now(now, seen.settings, seen.facts, ReminderState(), last_check=None) is None
    window.close_session()
    assert not session_screen.session_screen_path().exists()
    seen = inputs_child.read_here(now)
    assert not seen.facts.session_running
    shown = due_now(now, seen.settings, seen.facts, ReminderState(), last_check=None)
    assert shown is not None and shown.title == "Time for your exercises"


def test_the_background_process_hears_the_screen_open_and_close(
    qtbot: QtBot, data_dir: Path
) -> None:
    """It watches the flag (as it watches the settings): a reminder on screen is
    taken away as the session screen opens, not 30 s after the history's writes."""
    on = ReminderSettings(enabled=True, times=(time(18, 30),))
    heard: list[int] = []
    window = _window(qtbot, on, start=None)
    watcher = FileWatcher(session_screen.session_screen_path(), lambda: heard.append(1))
    window.open_session(window.model.routines()[0])
    qtbot.waitUntil(lambda: heard == [1], timeout=5000)
    window.close_session()
    qtbot.waitUntil(lambda: heard == [1, 1], timeout=5000)
    del watcher


def test_no_flag_is_written_while_every_reminder_is_off(qtbot: QtBot) -> None:
    window = _window(qtbot, ReminderSettings(), start="piriformis")
    assert window.current_page() == "session"
    assert not session_screen.session_screen_path().exists()
