"""Backups: online (never a file copy), at most every 30 minutes, 7 daily + 4 weekly."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import SessionStatus
from timer_app.storage.history.backups import Backups, is_good_database
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


class Now:
    def __init__(self) -> None:
        self.value = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.value


def test_a_backup_of_a_live_wal_database_has_the_latest_sessions(
    data_dir: Path, tmp_path: Path
) -> None:
    now = Now()
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=now))
    add_session(store, MORNING, status=SessionStatus.IN_PROGRESS, reps=2)
    wal = data_dir / "history.sqlite3-wal"
    assert wal.stat().st_size > 0  # the newest pages are still in the WAL file

    assert store.backups is not None
    backup = store.backups.backup(store._require())
    assert backup.name == "history-20260310T080000Z.sqlite3"
    assert is_good_database(backup)
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT count(*) FROM reps").fetchone() == (2,)
    copy.close()
    assert not list((data_dir / "backups").glob("*.partial"))
    store.close()


def history_with_a_session(path: Path) -> None:
    """A history file holding one session (its own backups go elsewhere)."""
    store = SqliteHistoryStore.open(path, backups=Backups(path.parent / "elsewhere"))
    add_session(store, MORNING - timedelta(days=1), notes="yesterday")
    store.close()


def test_at_most_one_backup_every_30_minutes(data_dir: Path) -> None:
    history_with_a_session(data_dir / "history.sqlite3")
    now = Now()
    backups = Backups(data_dir / "backups", now=now)
    store = SqliteHistoryStore.open(backups=backups)  # opening backs up
    assert [b.taken_at.minute for b in backups.existing()] == [0]
    now.value += timedelta(minutes=10)
    add_session(store, MORNING)  # a finished session: too soon after the last one
    assert [b.taken_at.minute for b in backups.existing()] == [0]
    now.value += timedelta(minutes=21)
    add_session(store, MORNING)
    # A new one; the same day keeps only its newest (the rotation's daily rule).
    assert [b.taken_at.minute for b in backups.existing()] == [31]
    with sqlite3.connect(backups.existing()[0].path) as copy:
        assert copy.execute("SELECT count(*) FROM sessions").fetchone() == (3,)
    store.close()


def test_rotation_keeps_7_daily_and_4_weekly(tmp_path: Path) -> None:
    now = Now()
    now.value = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)  # a Thursday
    history_with_a_session(tmp_path / "history.sqlite3")
    conn = sqlite3.connect(tmp_path / "history.sqlite3")
    backups = Backups(tmp_path / "backups", now=now)
    for _day in range(60):  # two backups a day for 60 days
        for hour in (0, 10):
            now.value = now.value.replace(hour=hour)
            backups.maybe_backup(conn)
        now.value += timedelta(days=1)
    kept = backups.existing()
    days = [b.day for b in kept]
    newest = days[0]
    assert newest == datetime(2026, 3, 1).date()
    # The newest of each of the last 7 days ...
    assert days[:7] == [newest - timedelta(days=i) for i in range(7)]
    assert all(b.taken_at.hour == 10 for b in kept)
    # ... and of each of the last 4 weeks: Sunday 1 March ends a week the daily
    # ones cover; the three weeks before keep their Sundays.
    assert [b.day.isoformat() for b in kept[7:]] == ["2026-02-22", "2026-02-15", "2026-02-08"]
    assert len({b.week for b in kept}) == 4


def test_restore_skips_a_damaged_backup(tmp_path: Path) -> None:
    now = Now()
    backups = Backups(tmp_path / "backups", now=now)
    history_with_a_session(tmp_path / "history.sqlite3")
    good = sqlite3.connect(tmp_path / "history.sqlite3")
    backups.backup(good)
    now.value += timedelta(hours=1)
    newest = backups.backup(good)
    newest.write_bytes(b"garbage" * 1000)

    target = tmp_path / "restored.sqlite3"
    used = backups.restore_newest_good(target)
    assert used is not None and used != newest
    restored = sqlite3.connect(target)
    assert restored.execute("SELECT notes FROM sessions").fetchall() == [("yesterday",)]
    restored.close()
    assert Backups(tmp_path / "none").restore_newest_good(tmp_path / "x.sqlite3") is None
