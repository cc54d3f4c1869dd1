"""The session bus went away (its daemon killed, a new one started on the same
address): the next reminder connects again and still shows, with its buttons."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from tests.gui.reminders.fake_notifications import FakeNotificationServer, private_bus
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


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, 10, hour, minute, second, tzinfo=LONDON)  # a Tuesday


@pytest.fixture
def socket_address() -> Iterator[str]:
    folder = tempfile.mkdtemp(prefix="bus", dir="/tmp")  # a socket path is short
    yield f"unix:path={folder}/bus"
    shutil.rmtree(folder, ignore_errors=True)


def test_the_next_reminder_shows_after_the_bus_was_restarted(
    qtbot: QtBot, data_dir: Path, socket_address: str
) -> None:
    write_routine(data_dir, REPO_ROOT)  # reminders at 08:00 and 18:30
    set_reminders(enabled=True)
    clock, waker = FakeClock(at(7, 0)), FakeWaker()
    with private_bus(socket_address):
        first = FakeNotificationServer(socket_address).start()
        link = DBusLink.open(socket_address)
        assert link is not None
        service = ReminderService(
            read_inputs=read_from_disk,
            notifier=Notifier(link),
            waker=waker,
            now=clock.now,
            monotonic=clock.monotonic,
        )
        service.start()
        clock.advance_to(at(8, 0, 1))
        waker.fire()
        assert len(first.received) == 1
        first.stop()
    # The daemon is gone (private_bus ended it); Qt hears the socket close.
    qtbot.wait(50)
    with private_bus(socket_address):
        second = FakeNotificationServer(socket_address).start()
        clock.advance_to(at(18, 30, 1))
        waker.fire()
        (shown,) = second.received
        assert shown.title == f"Time for your {ROUTINE_TITLE} session"
        assert shown.actions == ["start", "Start", "snooze", "In 15 minutes"]
        assert shown.replaces_id == 0  # the old bus's id means nothing here
        with qtbot.waitSignal(service.sig_open_routine):  # its buttons still answer
            second.invoke(shown.id, "start")
        second.stop()
    link.close()
