"""The tray fallback: a child shows the reminder and prints the answer it got."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.reminders import tray
from timer_app.gui.reminders.notifier import Notifier
from timer_app.gui.reminders.tray import TrayReminder


def test_without_a_system_tray_the_child_says_so(qtbot: QtBot) -> None:
    reminder = TrayReminder()  # the offscreen platform has no tray
    with qtbot.waitSignal(reminder.sig_unavailable, timeout=30_000):
        assert reminder.show("Time for your exercises", "about 4 min", ("start", "snooze"))


def test_the_answer_of_the_child_is_the_notifiers_action(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A child that answers as a click on "In 15 minutes" in the icon's menu does.
    script = "import sys; print('snooze', flush=True)"
    monkeypatch.setattr(tray, "tray_command", lambda *_: [sys.executable, "-c", script])
    notifier = Notifier(None, TrayReminder())
    with qtbot.waitSignal(notifier.sig_action, timeout=30_000) as answered:
        shown = notifier.show("Time for your exercises", "about 4 min")
    assert shown is not None and shown.actions == ("start", "snooze")
    assert answered.args == ["snooze"]


def test_a_new_reminder_ends_the_child_of_the_one_before(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = "import time; time.sleep(60)"
    monkeypatch.setattr(tray, "tray_command", lambda *_: [sys.executable, "-c", script])
    reminder = TrayReminder()
    assert reminder.show("first", "", ("start",))
    first = reminder._child
    assert first is not None
    assert reminder.show("second", "", ("start",))
    assert first.state() == first.ProcessState.NotRunning  # never two icons
    reminder.close()
