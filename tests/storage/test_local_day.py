"""A session counts for the day the History page calls "today", whatever `TZ` says.

A POSIX `TZ` (`<-08>8`, `EST+5`) names no IANA zone. The C library, and so
`date.today()`, follows it; a session's stored time and day must follow it too,
not the zone `/etc/localtime` links to.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from timer_app.core import local_time
from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import load_routine_file

ROUTINE = """\
id: tz-check
title: Knee hugs
lead_in: 2 s
exercises:
  - name: Knee hug
    hold: 3 s
    sides: alternate
    reps: 1
    rest: 2 s
  - name: Pelvic tilt
    hold: 2 s
    reps: 2
    rest: 1 s
"""


@pytest.fixture
def set_tz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set `TZ` as a shell would (with `time.tzset()`), and make /etc/localtime link
    to Kiritimati (UTC+14), 19 to 26 hours away from the zones tested: a session put
    in the linked zone would land on another day than `date.today()`."""
    link = tmp_path / "localtime"
    link.symlink_to(tmp_path / "zoneinfo" / "Pacific" / "Kiritimati")
    monkeypatch.setattr(local_time, "LOCALTIME", link)
    before = os.environ.get("TZ")

    def set_to(value: str) -> None:
        os.environ["TZ"] = value
        time.tzset()

    yield set_to
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def record_session(tmp_path: Path) -> SqliteHistoryStore:
    """A whole two-exercise session, recorded through the real recorder and store."""
    routine = load_routine_file(_write(tmp_path / "routines" / "tz-check.yaml", ROUTINE))
    plan = build_plan(routine)
    clock = FakeClock()
    player = SessionPlayer(plan, clock)
    store = SqliteHistoryStore.open(tmp_path / "history.sqlite3")
    player.add_listener(SessionRecorder(store, plan))
    player.start()
    while player.state is PlayerState.RUNNING:
        clock.advance(0.5)
        player.tick()
    return store


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tz", "hours"), [("<-08>8", -8), ("EST+5", -5), ("<-12>12", -12), ("<+0530>-5:30", 5.5)]
)
def test_a_posix_tz_puts_the_session_on_todays_date(
    tmp_path: Path, set_tz: Callable[[str], None], tz: str, hours: float
) -> None:
    set_tz(tz)
    store = record_session(tmp_path)
    try:
        (session,) = store.list_sessions()
    finally:
        store.close()
    assert session.local_date == date.today() == local_time.local_today()
    assert session.started_at.utcoffset() == timedelta(hours=hours)
    assert session.time_zone is None  # a POSIX rule, not a zone name
    assert session.status == "completed"


def test_an_iana_tz_is_stored_by_name(tmp_path: Path, set_tz: Callable[[str], None]) -> None:
    set_tz("America/Los_Angeles")
    store = record_session(tmp_path)
    try:
        (session,) = store.list_sessions()
    finally:
        store.close()
    assert session.time_zone == "America/Los_Angeles"
    assert session.local_date == date.today()


def test_a_zone_link_that_disagrees_with_the_system_is_not_believed(
    set_tz: Callable[[str], None],
) -> None:
    """TZ set to a path under zoneinfo names that zone; a name whose offset is not
    the one the C library uses would move sessions to another day, so it is dropped."""
    set_tz(":/usr/share/zoneinfo/Asia/Tokyo")
    assert local_time.local_zone_name() == "Asia/Tokyo"
    os.environ.pop("TZ")
    time.tzset()  # the C library now reads the real /etc/localtime, not our link
    now = local_time.local_now()
    assert now.utcoffset() == now.astimezone().utcoffset()
    assert local_time.local_today() == date.today()
