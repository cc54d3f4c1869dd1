"""What an empty history, a clock set ahead and a failed backup can do to the
backups, and that the last good history always survives them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.storage.history_support import PARIS, add_session
from timer_app.storage.history.backups import Backups
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


class Clock:
    def __init__(self, value: datetime) -> None:
        self.value = value

    def __call__(self) -> datetime:
        return self.value


def good_history_with_backup(data_dir: Path, clock: Clock) -> Path:
    """Two sessions in the history, both in a backup taken at `clock`'s time."""
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    add_session(store, MORNING, notes="Monday")
    add_session(store, MORNING + timedelta(days=1), notes="Tuesday")
    assert store.backups is not None
    store.backups.backup(store._require())
    store.close()
    return data_dir / "history.sqlite3"


def notes(store: SqliteHistoryStore) -> list[str]:
    return [s.notes for s in store.list_sessions()]


# -- an empty history beside a good backup -------------------------------------------


def test_a_zero_length_history_is_moved_aside_and_the_backup_restored(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 3, 11, 20, 0, tzinfo=UTC))
    path = good_history_with_backup(data_dir, clock)
    path.write_bytes(b"")  # a crash while the file was being copied, a bad sync...

    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    [notice] = store.notices
    assert notice.kind is NoticeKind.RESTORED_FROM_BACKUP
    assert notice.message.startswith("Your history file was empty. It was moved aside")
    assert notice.path is not None and notice.path.read_bytes() == b""  # kept, unchanged
    assert notes(store) == ["Tuesday", "Monday"]
    store.close()


def test_a_history_with_no_tables_is_moved_aside_and_the_backup_restored(
    data_dir: Path,
) -> None:
    clock = Clock(datetime(2026, 3, 11, 20, 0, tzinfo=UTC))
    path = good_history_with_backup(data_dir, clock)
    path.unlink()
    blank = sqlite3.connect(path)  # a valid database that was never given the schema
    blank.execute("CREATE TABLE scratch (x)")
    blank.execute("DROP TABLE scratch")
    blank.close()

    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    assert [n.kind for n in store.notices] == [NoticeKind.RESTORED_FROM_BACKUP]
    assert notes(store) == ["Tuesday", "Monday"]
    store.close()


def test_a_zero_length_history_without_a_backup_is_simply_a_new_history(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "history.sqlite3").write_bytes(b"")
    store = SqliteHistoryStore.open()
    assert store.notices == []
    add_session(store, MORNING)
    assert len(store.list_sessions()) == 1
    store.close()


def test_a_week_of_backups_of_an_empty_history_never_rotates_the_good_one_away(
    data_dir: Path, tmp_path: Path
) -> None:
    clock = Clock(datetime(2026, 3, 11, 20, 0, tzinfo=UTC))
    good_history_with_backup(data_dir, clock)
    backups = Backups(data_dir / "backups", now=clock)
    [good] = backups.existing()
    empty = SqliteHistoryStore.open(tmp_path / "other.sqlite3", backups=Backups(tmp_path / "b"))
    for _day in range(10):  # the app used daily on a history with nothing in it
        clock.value += timedelta(days=1)
        backups.maybe_backup(empty._require())
    assert [b.path for b in backups.existing()] == [good.path]
    empty.close()


# -- a clock set ahead once ----------------------------------------------------------


def test_a_future_dated_backup_does_not_stop_the_daily_backups(data_dir: Path) -> None:
    ahead = Clock(datetime(2027, 1, 1, 9, 0, tzinfo=UTC))  # one start with the clock wrong
    good_history_with_backup(data_dir, ahead)
    clock = Clock(datetime(2026, 3, 12, 8, 0, tzinfo=UTC))
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    for _day in range(3):
        add_session(store, clock.value)
        clock.value += timedelta(days=1)
    assert store.backups is not None
    days = [b.day.isoformat() for b in store.backups.existing()]
    assert days == ["2027-01-01", "2026-03-14", "2026-03-13", "2026-03-12"]
    store.close()


def test_a_restore_takes_the_newest_content_not_the_newest_name(data_dir: Path) -> None:
    ahead = Clock(datetime(2027, 1, 1, 9, 0, tzinfo=UTC))
    path = good_history_with_backup(data_dir, ahead)  # Monday and Tuesday, named 2027
    clock = Clock(datetime(2026, 3, 12, 8, 0, tzinfo=UTC))
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    clock.value += timedelta(hours=1)
    add_session(store, MORNING + timedelta(days=2), notes="Wednesday")  # backed up at 9:00
    store.close()
    path.with_name("history.sqlite3-wal").unlink(missing_ok=True)
    path.write_bytes(b"damaged " * 1000)

    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    [notice] = store.notices
    assert "backup of 20260312T090000Z" in notice.message
    # Wednesday's session (its notes were written after the backup: not in it)
    assert [s.local_date.day for s in store.list_sessions()] == [12, 11, 10]
    store.close()


# -- leftovers -----------------------------------------------------------------------


class FailingBackup:
    """A connection whose backup stops half-way, as on a full disk."""

    in_transaction = False

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        return self.conn.execute(sql, *args)

    def backup(self, target: sqlite3.Connection, **_kw: Any) -> None:
        target.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("database or disk is full")


def test_a_failed_backup_leaves_no_partial_file(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 3, 11, 20, 0, tzinfo=UTC))
    path = good_history_with_backup(data_dir, clock)
    backups = Backups(data_dir / "backups", now=clock)
    crashed = data_dir / "backups" / "history-20260311T200000Z.sqlite3.partial"
    crashed.write_bytes(b"left by a crash")
    conn = sqlite3.connect(path)
    for _day in range(3):
        clock.value += timedelta(days=1)
        assert backups.maybe_backup(FailingBackup(conn)) is None  # type: ignore[arg-type]
    conn.close()
    names = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert names == ["history-20260311T200000Z.sqlite3"]


def test_checking_the_backups_leaves_no_journal_files_beside_them(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 3, 11, 20, 0, tzinfo=UTC))
    path = good_history_with_backup(data_dir, clock)
    path.write_bytes(b"damaged " * 1000)  # the next start checks the backups
    store = SqliteHistoryStore.open(backups=Backups(data_dir / "backups", now=clock))
    assert [n.kind for n in store.notices] == [NoticeKind.RESTORED_FROM_BACKUP]
    store.close()
    names = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert names == ["history-20260311T200000Z.sqlite3"]
