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
    assert no_real_background_reminders == [autostart.autostart_command()]
    assert autostart.autostart_command()[-2:] == ["reminders", "run"]
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout

    press(qtbot, panel.background_box)
    assert not entry.exists()
    assert len(no_real_background_reminders) == 1  # nothing started to turn it off


def test_the_reminders_turned_off_entirely_remove_the_entry(qtbot: QtBot) -> None:
    panel = ReminderSettingsPanel(AppModel(), None)
    qtbot.addWidget(panel)
    panel.show()
    press(qtbot, panel.enabled_box)
    press(qtbot, panel.background_box)
    assert autostart.installed()
    press(qtbot, panel.enabled_box)  # no session reminders, no breaks: nothing to run
    assert not autostart.installed()
