"""Every older schema upgrades; a newer one is never touched."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import HistoryWriteError, SessionStatus
from timer_app.storage.history_db import SqliteHistoryStore
from timer_app.storage.history_open import NoticeKind
from timer_app.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    _apply,
    migrate,
    schema_version,
)

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_migrations_are_numbered_one_by_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


@pytest.mark.parametrize("version", range(LATEST_VERSION))
def test_every_older_schema_opens_and_upgrades_keeping_its_sessions(
    version: int, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    conn = connect(path)
    migrate(conn, target=version)
    assert schema_version(conn) == version
    if version >= 1:  # a session as that version wrote it
        conn.execute(
            """INSERT INTO sessions (routine_id, routine_title, started_at_utc,
                started_offset_min, local_date, status, reps_total)
            VALUES ('back', 'Back', '2026-03-10T06:30:00+00:00', 60, '2026-03-10',
                'completed', 4)"""
        )
    conn.close()

    store = SqliteHistoryStore.open(path)
    assert store.notices == [] and not store.read_only
    assert schema_version(store._require()) == LATEST_VERSION
    sessions = store.list_sessions()
    assert len(sessions) == (1 if version >= 1 else 0)
    if sessions:
        assert sessions[0].started_at == MORNING
    add_session(store, MORNING)  # the upgraded file takes new sessions
    assert len(store.list_sessions()) == len(sessions) + 1
    store.close()


def test_a_failed_migration_changes_nothing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "h.sqlite3")
    broken = Migration(1, "broken", ("CREATE TABLE a (x)", "CREATE TABLE oops ("))
    with pytest.raises(sqlite3.OperationalError):
        _apply(conn, broken)
    assert schema_version(conn) == 0
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == []


def test_a_file_from_a_newer_version_opens_read_only_with_a_message(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, MORNING)
    store.close()
    conn = connect(data_dir / "history.sqlite3")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()

    store = SqliteHistoryStore.open()
    assert store.read_only
    [notice] = store.notices
    assert notice.kind is NoticeKind.NEWER_VERSION
    assert "newer version" in notice.message and "read-only" in notice.message
    assert [s.status for s in store.list_sessions()] == [SessionStatus.COMPLETED]
    with pytest.raises(HistoryWriteError):
        add_session(store, MORNING)
    store.close()
    conn = connect(data_dir / "history.sqlite3")
    assert schema_version(conn) == LATEST_VERSION + 1  # never migrated down
    assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
