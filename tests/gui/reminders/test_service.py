"""The reminder runtime with a fake clock: the patient's routine, settings and history
on disk, notifications on a strict fake server, the waker's deadlines checked."""

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
    ROUTINE_ID,
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


class Running:
    def __init__(self, server: FakeNotificationServer, clock: FakeClock, waker: FakeWaker,
                 service: ReminderService) -> None:  # fmt: skip
        self.server, self.clock, self.waker, self.service = server, clock, waker, service

    def wake_at(self, moment: datetime) -> None:
        self.clock.advance_to(moment)
        self.waker.fire()

    def titles(self) -> list[str]:
        return [n.title for n in self.server.received]


@pytest.fixture
def running(qtbot: QtBot, data_dir: Path) -> Iterator[Running]:
    write_routine(data_dir, REPO_ROOT)
    set_reminders(enabled=True)  # the routine's remind_at times: 08:00 and 18:30
    with notification_server() as server:
        link = DBusLink.open(server.address)
        assert link is not None
        clock = FakeClock(at(7, 0))
        waker = FakeWaker()
        service = ReminderService(
            read_inputs=read_from_disk,
            notifier=Notifier(link),
            waker=waker,
            now=clock.now,
            monotonic=clock.monotonic,
        )
        service.start()
        yield Running(server, clock, waker, service)
        link.close()


def test_waits_for_the_first_time_then_shows_one_notification(running: Running) -> None:
    assert running.server.received == []
    assert running.waker.armed == at(8, 0)  # one deadline, nothing in between
    running.wake_at(at(8, 0, 1))
    (shown,) = running.server.received
    assert shown.title == f"Time for your {ROUTINE_TITLE} session"
    assert shown.actions == ["start", "Start", "snooze", "In 15 minutes"]
    assert running.waker.armed == at(18, 30)


def test_start_opens_that_routine(running: Running, qtbot: QtBot) -> None:
    running.wake_at(at(8, 0, 1))
    (shown,) = running.server.on_screen.values()
    with qtbot.waitSignal(running.service.sig_open_routine) as opened:
        running.server.invoke(shown.id, "start")
    assert opened.args == [ROUTINE_ID]


def test_in_15_minutes_comes_back_once_replacing_the_first(running: Running, qtbot: QtBot) -> None:
    running.wake_at(at(8, 0, 1))
    (shown,) = running.server.on_screen.values()
    running.server.invoke(shown.id, "snooze")
    qtbot.waitUntil(lambda: running.waker.armed == at(8, 15, 1))
    running.wake_at(at(8, 15, 1))
    first, again = running.server.received
    assert again.replaces_id == first.id and len(running.server.on_screen) == 1
    assert again.actions == ["start", "Start"]  # snoozed once: no second snooze offered
    assert running.waker.armed == at(18, 30)


def test_a_wake_before_the_time_shows_nothing(running: Running) -> None:
    running.wake_at(at(7, 59, 59))  # a wall clock set back, a timer early
    assert running.server.received == []
    assert running.waker.armed == at(8, 0)


def test_a_laptop_asleep_through_both_times_shows_one_on_waking(running: Running) -> None:
    running.wake_at(at(19, 0))
    assert running.titles() == [f"Time for your {ROUTINE_TITLE} session"]
    running.waker.fire()  # another wake-up straight after: nothing replayed
    assert len(running.server.received) == 1


def test_do_not_disturb_holds_the_reminder_until_it_ends(running: Running) -> None:
    running.server.inhibited = True
    running.wake_at(at(8, 0, 1))
    assert running.server.received == []
    assert running.waker.armed == at(8, 5, 1)
    running.server.inhibited = False
    running.wake_at(at(8, 5, 1))
    assert len(running.server.received) == 1


def test_turned_off_nothing_is_shown_and_nothing_armed(running: Running) -> None:
    set_reminders(enabled=False)
    running.wake_at(at(8, 0, 1))
    assert running.server.received == []
    assert running.waker.armed is None


def test_a_session_done_before_the_time_answers_it(running: Running) -> None:
    from tests.storage.history_support import add_session
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open()
    add_session(store, at(7, 30), routine_id=ROUTINE_ID)  # 2x/day: one done
    store.close()
    running.wake_at(at(8, 0, 1))
    assert running.server.received == []  # 08:00 asked for the first: done
    assert running.waker.armed == at(18, 30)
    running.wake_at(at(18, 30, 1))
    (shown,) = running.server.received  # 18:30 asks for both: one still to do
    assert ROUTINE_TITLE in shown.title


def test_both_sessions_done_means_no_reminder_at_all(running: Running) -> None:
    from tests.storage.history_support import add_session
    from timer_app.storage.history.store import SqliteHistoryStore

    running.wake_at(at(12, 0))  # 08:00 shown (missed while asleep)
    assert len(running.server.received) == 1
    store = SqliteHistoryStore.open()
    add_session(store, at(12, 5), routine_id=ROUTINE_ID)
    add_session(store, at(13, 0), routine_id=ROUTINE_ID)
    store.close()
    running.wake_at(at(18, 30, 1))
    assert len(running.server.received) == 1


def test_a_standing_break_after_25_minutes_at_the_computer(running: Running) -> None:
    """No idle source here: the sitting counts from the start; the service wakes
    once a minute while breaks are on (the break clock's check), no more."""
    set_reminders(breaks_enabled=True, break_minutes=25, quiet_start="00:00", quiet_end="00:00")
    running.service.invalidate()
    wakes = 0
    while not running.server.received:
        armed = running.waker.armed
        assert armed is not None and armed <= at(7, 26)
        running.wake_at(armed)
        wakes += 1
    (shown,) = running.server.received
    assert running.clock.wall == at(7, 25)
    assert shown.title == "Stand up and walk for a minute"
    assert shown.body == "You have been at the computer for 25 minutes."
    assert shown.actions == ["snooze", "In 15 minutes"]  # nothing to start for a break
    assert wakes == 25


def test_a_minute_away_after_a_break_reminder_is_recorded_as_a_break_taken(
    qtbot: QtBot, data_dir: Path
) -> None:
    from timer_app.gui.reminders.idle import IdleSource
    from timer_app.gui.reminders.inputs_child import record_in_child
    from timer_app.storage.history.break_records import BreakRecords
    from timer_app.storage.history.store import SqliteHistoryStore

    set_reminders(breaks_enabled=True, break_minutes=15, quiet_start="00:00", quiet_end="00:00")
    idle_ms = [0]
    with notification_server() as server:
        link = DBusLink.open(server.address)
        clock = FakeClock(at(10, 0))
        waker = FakeWaker()
        service = ReminderService(
            read_inputs=read_from_disk,
            notifier=Notifier(link),
            waker=waker,
            now=clock.now,
            monotonic=clock.monotonic,
            idle=IdleSource("fake desktop", lambda: idle_ms[0]),
            record_break=record_in_child,  # the real child writes the history
        )
        service.start()
        while not server.received:  # at the computer: idle stays short
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        assert clock.wall == at(10, 15)
        idle_ms[0] = 90_000  # stood up and walked for a minute and a half
        clock.advance_to(at(10, 16, 30))
        waker.fire()
        assert link is not None
        link.close()
    store = SqliteHistoryStore.open_reader()
    counts = BreakRecords(store.connection).per_day(at(0, 0).date(), at(0, 0).date())
    store.close()
    assert counts == {at(0, 0).date(): 1}


def _service_reading_here(server: FakeNotificationServer, clock: FakeClock, waker: FakeWaker
                          ) -> tuple[ReminderService, DBusLink]:  # fmt: skip
    from timer_app.gui.reminders.inputs_child import read_here

    link = DBusLink.open(server.address)
    assert link is not None
    service = ReminderService(
        read_inputs=read_here,  # what the background's child reads
        notifier=Notifier(link),
        waker=waker,
        now=clock.now,
        monotonic=clock.monotonic,
    )
    return service, link


def test_without_idle_time_a_sitting_starts_again_at_the_end_of_a_session(
    qtbot: QtBot, data_dir: Path
) -> None:
    from tests.storage.history_support import add_session
    from timer_app.storage.history.store import SqliteHistoryStore

    write_routine(data_dir, REPO_ROOT)
    set_reminders(breaks_enabled=True, break_minutes=25, quiet_start="00:00", quiet_end="00:00")
    with notification_server() as server:
        clock, waker = FakeClock(at(10, 0)), FakeWaker()
        service, link = _service_reading_here(server, clock, waker)
        service.start()
        while clock.wall < at(10, 10):
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        store = SqliteHistoryStore.open()
        add_session(store, at(10, 5), active=270.0, routine_id=ROUTINE_ID)  # ends 10:10
        store.close()
        service.invalidate()  # what the history watcher does after the writes
        while not server.received:
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        assert clock.wall == at(10, 35)  # 25 minutes from the session's end, not 10:25
        link.close()


def test_a_session_started_takes_the_reminder_away(qtbot: QtBot, data_dir: Path) -> None:
    from tests.storage.history_support import add_session
    from timer_app.core.history import SessionStatus
    from timer_app.storage.history.store import SqliteHistoryStore

    write_routine(data_dir, REPO_ROOT)
    set_reminders(enabled=True, quiet_start="00:00", quiet_end="00:00")
    with notification_server() as server:
        clock, waker = FakeClock(at(7, 0)), FakeWaker()
        service, link = _service_reading_here(server, clock, waker)
        service.start()
        clock.advance_to(at(8, 0, 1))
        waker.fire()
        (shown,) = server.on_screen.values()
        store = SqliteHistoryStore.open()
        add_session(store, at(8, 1), status=SessionStatus.IN_PROGRESS, routine_id=ROUTINE_ID)
        store.close()
        clock.advance_to(at(8, 2))
        service.invalidate()
        assert server.closed == [shown.id] and server.on_screen == {}
        link.close()


def test_without_idle_time_a_session_end_read_late_still_starts_the_sitting_at_its_end(
    qtbot: QtBot, data_dir: Path
) -> None:
    from tests.storage.history_support import add_session
    from timer_app.storage.history.store import SqliteHistoryStore

    write_routine(data_dir, REPO_ROOT)
    set_reminders(breaks_enabled=True, break_minutes=25, quiet_start="00:00", quiet_end="00:00")
    with notification_server() as server:
        clock, waker = FakeClock(at(10, 0)), FakeWaker()
        service, link = _service_reading_here(server, clock, waker)
        service.start()
        store = SqliteHistoryStore.open()
        add_session(store, at(10, 5), active=270.0, routine_id=ROUTINE_ID)  # ends 10:10
        store.close()
        while clock.wall < at(10, 20):
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        service.invalidate()  # the history read ten minutes after the session's end
        while not server.received:
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        assert clock.wall == at(10, 35)  # 25 minutes from 10:10, not from 10:20
        link.close()


def test_without_idle_time_a_session_before_the_process_started_counts_from_the_start(
    qtbot: QtBot, data_dir: Path
) -> None:
    from tests.storage.history_support import add_session
    from timer_app.storage.history.store import SqliteHistoryStore

    write_routine(data_dir, REPO_ROOT)
    set_reminders(breaks_enabled=True, break_minutes=25, quiet_start="00:00", quiet_end="00:00")
    store = SqliteHistoryStore.open()
    add_session(store, at(9, 30), active=270.0, routine_id=ROUTINE_ID)  # ends 09:35
    store.close()
    with notification_server() as server:
        clock, waker = FakeClock(at(10, 0)), FakeWaker()  # logged in at 10:00
        service, link = _service_reading_here(server, clock, waker)
        service.start()
        while not server.received:
            assert waker.armed is not None
            clock.advance_to(waker.armed)
            waker.fire()
        assert clock.wall == at(10, 25)  # the later of the two: 10:00, not 09:35
        link.close()
