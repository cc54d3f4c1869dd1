"""The background process hears of the settings and the history changing, and of
the app ending, without polling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from timer_app.gui.reminders import background
from timer_app.gui.reminders.background import HistoryWatcher, SettingsWatcher


def test_history_writes_are_heard_once_they_pause(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HistoryWatcher, "QUIET_MS", 200)
    history = tmp_path / "history.sqlite3"
    owner = QObject()
    heard: list[int] = []
    HistoryWatcher(history, lambda: heard.append(1), owner)  # no file yet
    history.write_bytes(b"x")  # the app creates it
    wal = history.with_name("history.sqlite3-wal")
    wal.write_bytes(b"a")
    qtbot.waitUntil(lambda: wal.exists())
    qtbot.wait(100)  # the folder event adds the new files to the watch
    for rep in range(3):  # three writes in quick succession: one call after them
        with wal.open("ab") as file:
            file.write(bytes([rep]))
        qtbot.wait(50)
    qtbot.waitUntil(lambda: heard == [1], timeout=5000)
    qtbot.wait(400)
    assert heard == [1]


def test_the_settings_file_replaced_is_heard_and_the_history_is_not(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    owner = QObject()
    settings.write_text("{}")
    heard: list[int] = []
    SettingsWatcher(settings, lambda: heard.append(1), owner)
    (tmp_path / "history.sqlite3-journal").write_text("x")  # another file of the folder
    qtbot.wait(300)
    assert heard == []
    replacement = tmp_path / "settings.json.tmp"
    replacement.write_text('{"reminders": {}}')
    replacement.replace(settings)  # as save_settings writes it
    qtbot.waitUntil(lambda: heard == [1], timeout=5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pidfd is Linux's")
def test_the_end_of_the_app_process_is_heard(qtbot: QtBot) -> None:
    app = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                           stdin=subprocess.PIPE)  # fmt: skip
    ended: list[int] = []
    owner = QObject()
    background._watch_app(app.pid, lambda: ended.append(1), owner)
    qtbot.wait(200)
    assert ended == []
    assert app.stdin is not None
    app.stdin.close()
    app.wait(timeout=20)
    qtbot.waitUntil(lambda: ended == [1], timeout=5000)
