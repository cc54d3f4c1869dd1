"""Every older schema upgrades; a newer one is never touched."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import HistoryWriteError, Outcome, SessionStatus
from timer_app.storage.history.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    _apply,
    migrate,
    schema_version,
)
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.store import SqliteHistoryStore

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


def _version_2_file(path: Path) -> None:
    """A session as version 2 recorded it: Bridge 'done' after 1 of its 4 reps,
    the walk done, and a third exercise never reached."""
    conn = connect(path)
    migrate(conn, target=2)
    conn.execute(
        """INSERT INTO sessions (id, routine_id, routine_title, started_at_utc,
            started_offset_min, local_date, status, reps_total, active_seconds)
        VALUES (1, 'back', 'Back', '2026-03-10T06:30:00+00:00', 60, '2026-03-10',
            'completed', 6, 95.5)"""
    )
    conn.executemany(
        "INSERT INTO session_exercises VALUES (1, ?, ?, ?, ?, ?)",
        [
            (0, "Bridge", 4, "done", 40.0),
            (1, "Walk", 0, "done", 50.0),
            (2, "Clam", 2, None, 0.0),
        ],
    )
    conn.executemany(
        "INSERT INTO reps VALUES (1, ?, 0, 1, ?, 'left', ?, ?, 5.0)",
        [(1, 1, "done", 5.0), (3, 2, "skipped", 0.0), (5, 3, "skipped", 0.0)],
    )
    conn.close()


def test_version_3_reads_an_old_exercise_done_after_one_rep_as_partial(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    _version_2_file(path)

    store = SqliteHistoryStore.open(path)
    assert schema_version(store._require()) == LATEST_VERSION
    detail = store.session_detail(1)
    assert detail is not None
    outcomes = [(e.name, e.outcome, e.reps_done, e.reps_total) for e in detail.exercises]
    assert outcomes == [
        ("Bridge", Outcome.PARTIAL, 1, 4),  # was "done" with 3 of 4 reps skipped
        ("Walk", Outcome.DONE, 0, 0),  # an activity: no reps to count
        ("Clam", None, 0, 2),
    ]
    assert [(r.step_index, r.outcome, r.held_seconds) for r in detail.reps] == [
        (1, Outcome.DONE, 5.0),
        (3, Outcome.SKIPPED, 0.0),
        (5, Outcome.SKIPPED, 0.0),
    ]
    assert detail.summary.active_seconds == 95.5
    store.close()


def test_version_3_keeps_partial_holds_and_where_the_pain_is(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    _version_2_file(path)
    SqliteHistoryStore.open(path).close()  # upgrades

    conn = connect(path)
    conn.execute("INSERT INTO reps VALUES (1, 7, 0, 1, 4, 'left', 'partial', 24.0, 30.0)")
    conn.execute(
        "UPDATE sessions SET pain_where_before = 'below_knee', pain_where_after = 'buttock'"
    )
    assert conn.execute(
        "SELECT pain_where_before, pain_where_after FROM sessions WHERE id = 1"
    ).fetchone() == ("below_knee", "buttock")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE sessions SET pain_where_after = 'everywhere'")
    assert conn.execute("SELECT held_seconds FROM reps WHERE step_index = 7").fetchone() == (24.0,)
    # A session deleted still takes its exercises and reps with it.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM sessions WHERE id = 1")
    assert conn.execute("SELECT count(*) FROM reps").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM session_exercises").fetchone() == (0,)
    conn.close()
