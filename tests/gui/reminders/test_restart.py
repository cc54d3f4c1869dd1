"""A restart of the background reminders (a login, a crash) keeps what was shown
today and the snooze: the state file in the data dir, read by the next process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.gui.reminders.fake_notifications import FakeNotificationServer, notification_server
from tests.gui.reminders.reminder_support import (
    LONDON,
    ROUTINE_TITLE,
    FakeClock,
    FakeWaker,
    set_reminders,
    write_routine,
)
from timer_app.gui.reminders.dbus_link import DBusLink
from timer_app.gui.reminders.notifier import Notifier
from timer_app.gui.reminders.service import ReminderService, read_from_disk
from timer_app.storage.reminder_state import reminder_state_path


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, 10, hour, minute, second, tzinfo=LONDON)  # a Tuesday


class Process:
    """One run of the background reminders: its own connection, waker and service."""

    def __init__(self, server: FakeNotificationServer, clock: FakeClock) -> None:
        link = DBusLink.open(server.address)
        assert link is not None
        self.link, self.waker = link, FakeWaker()
        self.service = ReminderService(
            read_inputs=read_from_disk,
            notifier=Notifier(link),
            waker=self.waker,
            now=clock.now,
            monotonic=clock.monotonic,
            state_file=reminder_state_path(),
        )
        self.service.start()

    def end(self) -> None:  # a crash or a logout: nothing said on the way out
        self.service.deleteLater()
        self.link.close()


@pytest.fixture
def server(qtbot: QtBot, data_dir: Path) -> Iterator[FakeNotificationServer]:
    write_routine(data_dir, REPO_ROOT)  # reminders at 08:00 and 18:30
    set_reminders(enabled=True)
    with notification_server() as server:
        yield server


def test_a_restart_does_not_show_todays_reminder_again(server: FakeNotificationServer) -> None:
    clock = FakeClock(at(7, 0))
    first = Process(server, clock)
    clock.advance_to(at(8, 0, 1))
    first.waker.fire()
    assert [n.title for n in server.received] == [f"Time for your {ROUTINE_TITLE} session"]
    first.end()

    clock.advance_to(at(8, 20))  # logged out and in again
    second = Process(server, clock)
    assert len(server.received) == 1  # 08:00 was shown by the first process
    assert second.waker.armed == at(18, 30)
    clock.advance_to(at(18, 30, 1))
    second.waker.fire()
    assert len(server.received) == 2
    second.end()


def test_a_restart_keeps_the_snooze(server: FakeNotificationServer, qtbot: QtBot) -> None:
    clock = FakeClock(at(7, 0))
    first = Process(server, clock)
    clock.advance_to(at(8, 0, 1))
    first.waker.fire()
    (shown,) = server.on_screen.values()
    server.invoke(shown.id, "snooze")
    qtbot.waitUntil(lambda: first.waker.armed == at(8, 15, 1))
    first.end()

    clock.advance_to(at(8, 5))
    second = Process(server, clock)
    assert len(server.received) == 1  # not shown again at the restart
    assert second.waker.armed == at(8, 15, 1)  # the snooze still comes back
    clock.advance_to(at(8, 15, 1))
    second.waker.fire()
    assert len(server.received) == 2
    assert server.received[1].actions == ["start", "Start"]  # snoozed once already
    second.end()


def test_a_damaged_state_file_means_nothing_shown_yet(server: FakeNotificationServer) -> None:
    reminder_state_path().write_text('{"shown": [["2026-03-10", "08:00"', encoding="utf-8")
    clock = FakeClock(at(8, 0, 1))
    process = Process(server, clock)
    assert len(server.received) == 1  # 08:00, which was due: shown, no crash
    process.end()
