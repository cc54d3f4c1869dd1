"""The session screen's flag, as the app writes it and the reminders read it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from timer_app.storage import session_screen

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 18, 29, tzinfo=LONDON)


def a_dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_open_while_this_process_shows_it_and_closed_after(data_dir: Path) -> None:
    assert not session_screen.is_open(NOW)
    session_screen.mark_open(NOW - timedelta(minutes=3))
    assert session_screen.is_open(NOW)
    session_screen.clear()
    assert not session_screen.is_open(NOW)
    assert not session_screen.session_screen_path().exists()


def test_a_flag_left_by_a_crash_does_not_silence_the_reminders(data_dir: Path) -> None:
    if sys.platform != "win32":
        session_screen.mark_open(NOW, pid=a_dead_pid())
        assert not session_screen.is_open(NOW)
    # Longer open than a session can last: a crash's, on any system.
    session_screen.mark_open(NOW - timedelta(hours=4, minutes=1))
    assert not session_screen.is_open(NOW)


def test_another_apps_flag_is_not_removed_by_this_one(data_dir: Path) -> None:
    session_screen.mark_open(NOW, pid=os.getppid())
    session_screen.clear()
    assert session_screen.is_open(NOW)


def test_a_damaged_or_hand_edited_flag_means_not_open(data_dir: Path) -> None:
    path = session_screen.session_screen_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for text in ("", "{", "[]", '{"pid": "1", "since": "x"}', '{"pid": true, "since": "x"}'):
        path.write_text(text, encoding="utf-8")
        assert not session_screen.is_open(NOW)
    data = {"pid": os.getpid(), "host": "x", "since": "2026-03-10T18:00:00"}  # no zone
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not session_screen.is_open(NOW)
    path.write_bytes(b"\xff\xfe")
    assert not session_screen.is_open(NOW)
