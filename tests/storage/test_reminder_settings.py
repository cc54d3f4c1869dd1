"""Reminder settings kept in a real settings.json: round trip, readable, forgiving."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.storage.reminder_settings import reminder_settings, with_reminders
from timer_app.storage.settings import Settings, load_settings, save_settings


def test_saved_and_read_back_as_the_patient_set_them(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = ReminderSettings(
        enabled=True,
        times=(time(18, 30), time(8, 0)),
        days=frozenset({0, 2, 4}),
        quiet_start=time(22, 0),
        quiet_end=time(7, 30),
        breaks_enabled=True,
        break_minutes=40,
        in_background=True,
    )
    save_settings(with_reminders(Settings(muted=True), chosen), path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["reminders"] == {
        "enabled": True,
        "times": ["08:00", "18:30"],
        "days": [0, 2, 4],
        "quiet_start": "22:00",
        "quiet_end": "07:30",
        "breaks_enabled": True,
        "break_minutes": 40,
        "in_background": True,
    }
    loaded = load_settings(path)
    assert loaded.muted
    back = reminder_settings(loaded)
    assert back == ReminderSettings(
        enabled=True,
        times=(time(8, 0), time(18, 30)),
        days=frozenset({0, 2, 4}),
        quiet_start=time(22, 0),
        quiet_end=time(7, 30),
        breaks_enabled=True,
        break_minutes=40,
        in_background=True,
    )


def test_an_older_settings_file_means_reminders_off(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"muted": false, "clinic_folders": []}', encoding="utf-8")
    assert reminder_settings(load_settings(path)) == ReminderSettings()
    assert not ReminderSettings().enabled and not ReminderSettings().breaks_enabled


def test_a_hand_edited_value_that_makes_no_sense_falls_back_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "reminders": {
                    "enabled": "yes",
                    "times": ["8am", "07:15", 9, "25:00", "07:15"],
                    "days": [0, 7, "sunday", 6, True],
                    "quiet_start": "late",
                    "quiet_end": "06:00",
                    "breaks_enabled": True,
                    "break_minutes": 5,
                }
            }
        ),
        encoding="utf-8",
    )
    read = reminder_settings(load_settings(path))
    assert read.enabled is False
    assert read.times == (time(7, 15),)
    assert read.days == frozenset({0, 6})
    assert (read.quiet_start, read.quiet_end) == (time(21, 0), time(6, 0))
    assert read.breaks_enabled is True
    assert read.break_minutes == 15


def test_reminders_that_are_not_a_group_are_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"reminders": ["08:00"]}', encoding="utf-8")
    assert reminder_settings(load_settings(path)) == ReminderSettings()
