"""Turning "Remind me even when the app is closed" on and off on the Settings page
writes and removes a valid autostart entry and starts the background reminders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.reminder_settings import ReminderSettingsPanel
from timer_app.storage import autostart

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the freedesktop autostart entry"
)


def press(qtbot: QtBot, box: QWidget) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_on_writes_a_valid_entry_and_starts_the_reminders_off_removes_it(
    qtbot: QtBot, no_real_background_reminders: list[list[str]]
) -> None:
    panel = ReminderSettingsPanel(AppModel(), None)
    qtbot.addWidget(panel)
    panel.show()
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{autostart.ENTRY_ID}.desktop"

    press(qtbot, panel.enabled_box)
    assert not entry.exists()  # reminders on, but only while the app is open
    press(qtbot, panel.background_box)
    assert entry.is_file()
    assert no_real_background_reminders[-1] == autostart.autostart_command()
    assert autostart.autostart_command()[-2:] == ["reminders", "run"]
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout

    press(qtbot, panel.background_box)
    assert not entry.exists()
    # Still on while the app is open: the reminders now end with the app.
    assert no_real_background_reminders[-1][-2:] == ["--with-app", str(os.getpid())]


def test_the_reminders_turned_off_entirely_remove_the_entry(qtbot: QtBot) -> None:
    panel = ReminderSettingsPanel(AppModel(), None)
    qtbot.addWidget(panel)
    panel.show()
    press(qtbot, panel.enabled_box)
    press(qtbot, panel.background_box)
    assert autostart.installed()
    press(qtbot, panel.enabled_box)  # no session reminders, no breaks: nothing to run
    assert not autostart.installed()


def test_reminders_on_but_not_when_closed_run_with_the_app(
    qtbot: QtBot, no_real_background_reminders: list[list[str]]
) -> None:
    panel = ReminderSettingsPanel(AppModel(), None)
    qtbot.addWidget(panel)
    panel.show()
    press(qtbot, panel.enabled_box)
    assert not autostart.installed()
    (command,) = no_real_background_reminders
    assert command[-4:] == ["reminders", "run", "--with-app", str(os.getpid())]


def test_the_app_opening_with_reminders_on_starts_them(
    qtbot: QtBot, no_real_background_reminders: list[list[str]]
) -> None:
    from timer_app.core.clock import FakeClock
    from timer_app.gui.window.start import build_main_window
    from timer_app.storage.settings import Settings

    settings = Settings(reminders={"enabled": True, "times": ["08:00"]})
    window = build_main_window(start=None, clock=FakeClock(), settings=settings, history=None)
    qtbot.addWidget(window)
    (command,) = no_real_background_reminders
    assert command[-2:] == ["--with-app", str(os.getpid())]
    quiet = build_main_window(start=None, clock=FakeClock(), settings=Settings(), history=None)
    qtbot.addWidget(quiet)
    assert len(no_real_background_reminders) == 1  # reminders off: nothing started
