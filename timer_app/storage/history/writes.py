"""The writes a session makes, as SQL: the store's `writer` (a `HistoryWriter`).

`SessionWrites` holds the store's `HistoryConnection` and runs each write inside
its `write()`, one short transaction (`BEGIN IMMEDIATE` ... `COMMIT` on a
`synchronous=FULL` connection), so every write is durable when it returns and a
crash loses at most the rep in progress. A write that cannot be made raises
`HistoryWriteError` from `write()`.

It never imports sqlite3: the connection is `history/connection.py`'s (an
import-linter contract keeps it so).
"""

from __future__ import annotations

from datetime import datetime

from timer_app.core.history import (
    NewSession,
    Outcome,
    RepRecord,
    SessionStatus,
    StopReport,
)
from timer_app.core.pain_location import PainLocation
from timer_app.core.position import Position
from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.rows import REP_COLUMNS, STOP_COLUMNS, utc_text


class SessionWrites:
    """`HistoryWriter` on SQLite, plus the store's own two changes (discarding a
    session, marking those a crash left in progress)."""

    def __init__(self, connection: HistoryConnection) -> None:
        self._connection = connection

    def begin_session(self, session: NewSession) -> int:
        started = session.started_at
        with self._connection.write() as conn:
            cursor = conn.execute(
                """INSERT INTO sessions (routine_id, routine_title, content_hash,
                    source_path, started_at_utc, started_offset_min, time_zone,
                    local_date, status, pain_before, reps_total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    session.routine_id,
                    session.routine_title,
                    session.content_hash,
                    session.source_path,
                    utc_text(started),
                    _offset_min(started),
                    session.time_zone,
                    session.local_date.isoformat(),
                    SessionStatus.IN_PROGRESS.value,
                    session.pain_before,
                    session.reps_total,
                ),
            )
            session_id = cursor.lastrowid
            assert session_id is not None
            conn.executemany(
                "INSERT INTO session_exercises (session_id, exercise_index, name, reps_total)"
                " VALUES (?, ?, ?, ?)",
                [(session_id, e.exercise_index, e.name, e.reps_total) for e in session.exercises],
            )
        return session_id

    def record_rep(self, session_id: int, rep: RepRecord) -> None:
        with self._connection.write() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO reps (session_id, {REP_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    rep.step_index,
                    rep.exercise_index,
                    rep.set_number,
                    rep.rep_number,
                    rep.side.value if rep.side else None,
                    rep.outcome.value,
                    rep.held_seconds,
                    rep.planned_seconds,
                ),
            )

    def record_exercise(
        self, session_id: int, exercise_index: int, outcome: Outcome, active_seconds: float
    ) -> None:
        with self._connection.write() as conn:
            conn.execute(
                "UPDATE session_exercises SET outcome = ?, active_seconds = ?"
                " WHERE session_id = ? AND exercise_index = ?",
                (outcome.value, active_seconds, session_id, exercise_index),
            )

    def set_position(self, session_id: int, position: Position, active_seconds: float) -> None:
        with self._connection.write() as conn:
            conn.execute(
                """UPDATE sessions SET resume_step = ?, resume_exercise = ?, resume_set = ?,
                    resume_rep = ?, resume_side = ?, active_seconds = ? WHERE id = ?""",
                (
                    position.step_index,
                    position.exercise_index,
                    position.set_number,
                    position.rep_number,
                    position.side.value if position.side else None,
                    active_seconds,
                    session_id,
                ),
            )

    def finish_session(
        self, session_id: int, status: SessionStatus, ended_at: datetime, active_seconds: float
    ) -> None:
        with self._connection.write() as conn:
            conn.execute(
                """UPDATE sessions SET status = ?, ended_at_utc = ?, ended_offset_min = ?,
                    active_seconds = ?, resume_step = NULL, resume_exercise = NULL,
                    resume_set = NULL, resume_rep = NULL, resume_side = NULL WHERE id = ?""",
                (
                    status.value,
                    utc_text(ended_at),
                    _offset_min(ended_at),
                    active_seconds,
                    session_id,
                ),
            )
        # A finished session is worth a backup (at most one every 30 min).
        self._connection.maybe_backup()

    def _update(self, session_id: int, column: str, value: object) -> None:
        with self._connection.write() as conn:
            conn.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, session_id))

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        self._update(session_id, "status", status.value)

    def set_pain_before(self, session_id: int, pain: int | None) -> None:
        self._update(session_id, "pain_before", pain)

    def set_pain_after(self, session_id: int, pain: int | None) -> None:
        self._update(session_id, "pain_after", pain)

    def set_pain_where_before(self, session_id: int, where: PainLocation | None) -> None:
        self._update(session_id, "pain_where_before", None if where is None else where.value)

    def set_pain_where_after(self, session_id: int, where: PainLocation | None) -> None:
        self._update(session_id, "pain_where_after", None if where is None else where.value)

    def set_notes(self, session_id: int, notes: str) -> None:
        self._update(session_id, "notes", notes)

    def record_stop(self, session_id: int, report: StopReport) -> None:
        with self._connection.write() as conn:
            conn.execute(
                f"INSERT INTO stop_reports (session_id, {STOP_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    report.exercise_index,
                    report.exercise_name,
                    report.reason.value,
                    report.note,
                    utc_text(report.reported_at),
                    _offset_min(report.reported_at),
                ),
            )

    def delete_session(self, session_id: int) -> None:
        """Discard a session the person chose not to keep (its reps go with it)."""
        with self._connection.write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def mark_interrupted(self) -> list[int]:
        """Sessions still in progress (left by a crash) become interrupted, keeping
        where to resume; returns their ids."""
        with self._connection.write() as conn:
            found = conn.execute("SELECT id FROM sessions WHERE status = 'in_progress'")
            ids = [int(session_id) for (session_id,) in found]  # the one column
            conn.execute("UPDATE sessions SET status = 'interrupted' WHERE status = 'in_progress'")
        return ids


def _offset_min(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("history times must be aware datetimes")
    return int(offset.total_seconds() // 60)
