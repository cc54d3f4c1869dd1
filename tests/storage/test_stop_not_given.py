""" "Stop – it hurts" dismissed without a reason is kept as "reason not given", in a
new history file and in one written before the reason existed (schema 3)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import SessionStatus, StopReason, StopReport
from timer_app.storage.history.export import stop_in_words
from timer_app.storage.history.migrations import LATEST_VERSION, migrate, schema_version
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def test_a_stop_without_a_reason_is_stored_and_read_back(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    sid = add_session(store, MORNING, status=SessionStatus.ENDED_EARLY, reps=2)
    store.record_stop(sid, StopReport(StopReason.NOT_GIVEN, 0, "Bridge", MORNING, ""))
    [summary] = store.list_sessions()
    assert summary.stops == (StopReason.NOT_GIVEN,)
    detail = store.session_detail(sid)
    assert [(s.reason, s.exercise_name) for s in detail.stops] == [(StopReason.NOT_GIVEN, "Bridge")]
    assert stop_in_words(detail.stops[0]) == "Bridge: reason not given"  # the export's words
    store.close()


def test_a_schema_3_file_keeps_its_stops_and_takes_one_without_a_reason(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.execute(
        """INSERT INTO sessions (routine_id, routine_title, started_at_utc,
            started_offset_min, local_date, status, reps_total)
        VALUES ('back', 'Back', '2026-03-10T06:30:00+00:00', 60, '2026-03-10',
            'ended_early', 4)"""
    )
    conn.execute(
        """INSERT INTO stop_reports (id, session_id, exercise_index, exercise_name, reason,
            note, reported_at_utc, reported_offset_min)
        VALUES (7, 1, 0, 'Bridge', 'pain_spread', 'left calf', '2026-03-10T06:35:00+00:00', 60)"""
    )
    conn.close()

    store = SqliteHistoryStore.open(path)
    assert schema_version(store._require()) == LATEST_VERSION
    report = StopReport(StopReason.NOT_GIVEN, 1, "Walk", MORNING, "")
    store.record_stop(1, report)
    detail = store.session_detail(1)
    assert [(s.reason, s.exercise_name, s.note) for s in detail.stops] == [
        (StopReason.PAIN_SPREAD, "Bridge", "left calf"),
        (StopReason.NOT_GIVEN, "Walk", ""),
    ]
    store.close()
