"""Migration 8: a history file written at version 7 tells the truth about sessions
that reached their end with part of them skipped, and keeps everything else."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from timer_app.core.history import Outcome, SessionStatus
from timer_app.storage.history import schema_v8
from timer_app.storage.history.migrations import (
    LATEST_VERSION,
    Migration,
    _apply,
    migrate,
    schema_version,
)
from timer_app.storage.history.report_source import from_export
from timer_app.storage.history.store import SqliteHistoryStore

# id -> (status at version 7, the outcomes of its two exercises: Bridge, then Walk)
VERSION_7 = {
    1: ("completed", ("done", "done")),
    2: ("completed", ("partial", "done")),  # QA's case: a hold left after 1 s
    3: ("completed", ("done", "skipped")),
    4: ("completed", (None, "done")),  # Bridge never reached
    5: ("completed", ("skipped", "skipped")),  # from before "nothing done" was ended early
    6: ("ended_early", ("done", None)),
    7: ("interrupted", ("partial", None)),
    8: ("completed", ()),  # no exercise rows at all: nothing says otherwise
}


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def version_7_file(path: Path) -> None:
    """Sessions as version 7 wrote them, each with its exercises, one rep and a stop."""
    conn = connect(path)
    migrate(conn, target=7)
    conn.execute(
        "INSERT INTO programme_enrolments (programme_id, started_on, stage_index,"
        " stage_started_on) VALUES ('sciatica', '2026-03-01', 1, '2026-03-08')"
    )
    for sid, (status, outcomes) in VERSION_7.items():
        conn.execute(
            """INSERT INTO sessions (id, routine_id, routine_title, started_at_utc,
                started_offset_min, local_date, status, reps_total, active_seconds,
                pain_before, notes, resume_step, resume_exercise, resume_set, resume_rep)
            VALUES (?, 'back', 'Back', '2026-03-10T06:30:00+00:00', 60, '2026-03-10',
                ?, 4, 95.5, 5, 'my note', ?, ?, ?, ?)""",
            (sid, status, *((3, 0, 1, 2) if status == "interrupted" else (None,) * 4)),
        )
        for index, outcome in enumerate(outcomes):
            conn.execute(
                "INSERT INTO session_exercises VALUES (?, ?, ?, ?, ?, ?)",
                (sid, index, ("Bridge", "Walk")[index], (4, 0)[index], outcome, 30.0),
            )
        conn.execute("INSERT INTO reps VALUES (?, 1, 0, 1, 1, 'left', 'done', 5.0, 5.0)", (sid,))
        conn.execute(
            """INSERT INTO stop_reports (session_id, exercise_index, exercise_name, reason,
                reported_at_utc, reported_offset_min)
            VALUES (?, 0, 'Bridge', 'other', '2026-03-10T06:31:00+00:00', 60)""",
            (sid,),
        )
    conn.close()


@pytest.fixture
def upgraded(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    version_7_file(path)
    store = SqliteHistoryStore.open(path)
    assert store.notices == [] and not store.read_only
    assert schema_version(store._require()) == LATEST_VERSION
    yield store
    store.close()


def test_completed_sessions_with_part_skipped_become_partly_done(
    upgraded: SqliteHistoryStore,
) -> None:
    statuses = {s.id: s.status for s in upgraded.list_sessions()}
    assert statuses == {
        1: SessionStatus.COMPLETED,
        2: SessionStatus.PARTLY_DONE,
        3: SessionStatus.PARTLY_DONE,
        4: SessionStatus.PARTLY_DONE,
        5: SessionStatus.ENDED_EARLY,  # nothing done: what the recorder says now
        6: SessionStatus.ENDED_EARLY,
        7: SessionStatus.INTERRUPTED,
        8: SessionStatus.COMPLETED,
    }
    # The day's figures count only the session done in full (and the one with no
    # exercise rows, which nothing contradicts).
    facts = upgraded.session_facts()
    assert sum(f.status is SessionStatus.COMPLETED for f in facts) == 2


def test_every_row_detail_and_link_is_kept(upgraded: SqliteHistoryStore) -> None:
    detail = upgraded.session_detail(2)
    assert detail is not None
    s = detail.summary
    assert (s.routine_title, s.active_seconds, s.pain_before, s.notes) == (
        "Back",
        95.5,
        5,
        "my note",
    )
    assert s.local_date == date(2026, 3, 10)
    assert [e.outcome for e in detail.exercises] == [Outcome.PARTIAL, Outcome.DONE]
    assert [r.step_index for r in detail.reps] == [1]
    assert [stop.exercise_name for stop in detail.stops] == ["Bridge"]
    [interrupted] = upgraded.find_interrupted()
    assert interrupted.id == 7 and upgraded.resume_position(7) is not None


def test_the_rebuilt_table_keeps_its_checks_cascades_indexes_and_trigger(
    upgraded: SqliteHistoryStore,
) -> None:
    conn = upgraded._require()
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)  # on again
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"sessions_by_date", "sessions_by_status"} <= indexes
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE sessions SET status = 'half_done' WHERE id = 1")
    # A deleted session still takes its exercises, reps and stop reports with it.
    upgraded.delete_session(2)
    for table in ("session_exercises", "reps", "stop_reports"):
        query = f"SELECT count(*) FROM {table} WHERE session_id = 2"
        assert conn.execute(query).fetchone() == (0,)
    # A new session still takes the programme stage current at its start.
    conn.execute(
        """INSERT INTO sessions (routine_id, routine_title, started_at_utc,
            started_offset_min, local_date, status)
        VALUES ('back', 'Back', '2026-03-11T06:30:00+00:00', 60, '2026-03-11', 'partly_done')"""
    )
    row = conn.execute(
        "SELECT programme_id, programme_stage FROM sessions ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row == ("sciatica", 1)


def test_an_upgrade_failing_after_the_old_table_went_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    version_7_file(path)
    conn = connect(path)
    conn.execute("PRAGMA foreign_keys = ON")  # as the store opens it
    # Migration 8 failing after the old table was dropped and the new one renamed.
    broken = Migration(8, "broken", (*schema_v8.STATEMENTS[:4], "CREATE TABLE oops ("), True)
    with pytest.raises(sqlite3.OperationalError):
        _apply(conn, broken)
    assert schema_version(conn) == 7
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    statuses = dict(conn.execute("SELECT id, status FROM sessions").fetchall())
    assert statuses == {sid: status for sid, (status, _outcomes) in VERSION_7.items()}
    exercises = sum(len(outcomes) for _status, outcomes in VERSION_7.values())
    assert conn.execute("SELECT count(*) FROM session_exercises").fetchone() == (exercises,)
    assert conn.execute("SELECT count(*) FROM reps").fetchone() == (len(VERSION_7),)
    conn.close()
    # ... and the next start upgrades it.
    store = SqliteHistoryStore.open(path)
    assert schema_version(store._require()) == LATEST_VERSION
    assert store.session_detail(2).summary.status is SessionStatus.PARTLY_DONE  # type: ignore[union-attr]
    store.close()


def test_an_older_apps_json_export_is_told_the_truth_too(tmp_path: Path) -> None:
    # A patient on an older version sends its export: its "completed" with part
    # skipped must not read as a session done on the therapist's report.
    def row(sid: int, done: int, partial: int) -> dict[str, object]:
        return {
            "session_id": sid, "routine_id": "back", "routine_title": "Back",
            "started_at": f"2026-03-1{sid}T07:30:00+01:00", "status": "completed",
            "active_seconds": 60, "exercises_done": done, "exercises_partial": partial,
            "exercises_total": 2, "reps_done": 0, "reps_total": 4,
        }  # fmt: skip

    export = tmp_path / "export.json"
    export.write_text(json.dumps({"sessions": [row(1, 2, 0), row(2, 1, 1), row(3, 0, 0)]}))
    statuses = [s.status for s in from_export(export).sessions]
    assert statuses == [
        SessionStatus.COMPLETED,
        SessionStatus.PARTLY_DONE,
        SessionStatus.ENDED_EARLY,
    ]
