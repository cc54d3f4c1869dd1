"""The history in one SQLite file, `history.sqlite3` in the data dir.

`SqliteHistoryStore.open()` is for the app (the one writer, after the
single-instance check); `open_reader()` is for the command line, which reads
while the app writes (WAL) and never changes or repairs anything.

Opening for writing checks the file (`PRAGMA quick_check`). A file that is not a
database, or is damaged, is moved aside as `history.sqlite3.corrupt-<UTC time>`
(never deleted) and the newest good backup is restored; a file from a newer
version of the app is opened read-only; sessions left in progress by a crash
become interrupted (with where to resume). Each of these leaves a `StoreNotice`
in `notices` for the GUI and CLI to show.

Every write is its own short transaction (WAL, `synchronous=FULL`), so a crash or
power loss loses at most the rep in progress. A write that cannot be made now
(read-only folder, full disk, locked file) raises `HistoryWriteError` with a
plain message; the `SessionRecorder` keeps it and retries. If the file cannot
even be opened, the store still exists (`problem` says why) and reconnects on
the next write.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from timer_app.core.history import (
    ExerciseRecord,
    HistoryError,
    HistoryWriteError,
    NewSession,
    Outcome,
    RepRecord,
    SessionDetail,
    SessionFacts,
    SessionStatus,
    SessionSummary,
    StopReport,
)
from timer_app.core.position import Position
from timer_app.storage import paths
from timer_app.storage.backups import Backups
from timer_app.storage.history_rows import (
    EXERCISE_COLUMNS,
    FACT_COLUMNS,
    REP_COLUMNS,
    STOP_COLUMNS,
    SUMMARY_SELECT,
    exercise_of,
    fact_of,
    rep_of,
    stop_of,
    summary_of,
    utc_text,
)
from timer_app.storage.migrations import LATEST_VERSION, NewerSchemaError, migrate

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class NoticeKind(StrEnum):
    RESTORED_FROM_BACKUP = "restored_from_backup"
    CORRUPT_NO_BACKUP = "corrupt_no_backup"
    NEWER_VERSION = "newer_version"
    INTERRUPTED_FOUND = "interrupted_found"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class StoreNotice:
    """Something the person must be told about their history (GUI and CLI show
    `message`; the GUI may translate from `kind` and `path` instead)."""

    kind: NoticeKind
    message: str
    path: Path | None = None  # e.g. where the damaged file was moved


def _corrupt_name(path: Path, now: datetime) -> Path:
    return path.with_name(f"{path.name}.corrupt-{now.strftime('%Y%m%dT%H%M%SZ')}")


KEPT_FOR_LATER = "Your results are kept and saved as soon as it can be."


def explain(error: BaseException, path: Path) -> str:
    """Why a write failed, in one plain sentence: the cause only, because what
    follows differs (a session goes on and retries; quitting would lose it)."""
    text = str(error).lower()
    folder = path.parent
    if "full" in text or getattr(error, "errno", None) == 28:
        return f"The disk holding your history ({folder}) is full."
    if "locked" in text or "busy" in text:
        return f"Your history file ({path}) is busy (another program is using it)."
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"Your history cannot be saved in {folder} (the folder cannot be written)."
    if isinstance(error, OSError):
        return f"Your history cannot be saved in {folder} ({error.strerror or error})."
    return f"Your history could not be saved ({error})."


class SqliteHistoryStore:
    """`HistoryStore` on SQLite. Use `open()` (the app) or `open_reader()` (CLI)."""

    def __init__(
        self,
        path: Path,
        backups: Backups | None,
        *,
        reader: bool = False,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.backups = backups
        self.reader = reader
        self.read_only = reader
        self.notices: list[StoreNotice] = []
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        backups: Backups | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> SqliteHistoryStore:
        """Open (or create) the history for the app: check, repair, mark interrupted
        sessions, back up. Never raises: problems become `notices`/`problem`."""
        path = path or paths.history_db_path()
        backups = backups or Backups(paths.backups_dir())
        store = cls(path, backups, busy_timeout_ms=busy_timeout_ms)
        store._open_for_writing()
        return store

    @classmethod
    def open_reader(cls, path: Path | None = None) -> SqliteHistoryStore:
        """Open for reading only (the CLI): no repair, no marking, no backup."""
        store = cls(path or paths.history_db_path(), None, reader=True)
        if store.path.exists():
            with contextlib.suppress(sqlite3.Error):
                store._conn = store._connect()
        return store

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- opening -----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = self._connect_unchecked()
        try:
            self._configure(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_checked(self) -> sqlite3.Connection | None:
        """A configured connection, or None when the file is damaged. Checked before
        any other statement: on a damaged file even setting the journal mode fails."""
        conn = self._connect_unchecked()
        try:
            if not self._is_sound(conn):
                conn.close()
                return None
            self._configure(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect_unchecked(self) -> sqlite3.Connection:
        timeout = self.busy_timeout_ms
        return sqlite3.connect(self.path, isolation_level=None, timeout=timeout / 1000)

    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        if self.read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _open_for_writing(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._connect_checked()
            if conn is None:
                self._replace_damaged_file()
                conn = self._connect()
            self._conn = conn
            self._migrate()
        except (OSError, sqlite3.Error) as error:
            self._unavailable(error)
            return
        if not self.read_only:
            self._mark_interrupted_at_open()
            self.maybe_backup()

    def _is_sound(self, conn: sqlite3.Connection) -> bool:
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "unable to open" in str(error):
                raise
            log.warning("history file %s is not a database: %s", self.path, error)
            return False
        if rows != [("ok",)]:
            log.warning("history file %s is damaged: %s", self.path, rows[:5])
            return False
        return True

    def _replace_damaged_file(self) -> None:
        now = datetime.now(UTC)
        aside = _corrupt_name(self.path, now)
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):  # keep the journal with the file it belongs to
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                os.replace(extra, aside.with_name(aside.name + suffix))
        restored = self.backups.restore_newest_good(self.path) if self.backups else None
        if restored is not None:
            taken = restored.name.removeprefix("history-").removesuffix(".sqlite3")
            self.notices.append(
                StoreNotice(
                    NoticeKind.RESTORED_FROM_BACKUP,
                    f"Your history file was damaged. It was moved aside to {aside} "
                    f"(nothing was deleted) and your history was restored from the "
                    f"backup of {taken} (UTC); sessions after that backup are in the "
                    "damaged file only.",
                    aside,
                )
            )
        else:
            self.notices.append(
                StoreNotice(
                    NoticeKind.CORRUPT_NO_BACKUP,
                    f"Your history file was damaged and there was no backup to restore. "
                    f"It was moved aside to {aside} (nothing was deleted); a new, empty "
                    "history was started.",
                    aside,
                )
            )

    def _migrate(self) -> None:
        conn = self._require()
        try:
            migrate(conn)
        except NewerSchemaError as error:
            self.read_only = True
            conn.execute("PRAGMA query_only = ON")
            self.notices.append(
                StoreNotice(
                    NoticeKind.NEWER_VERSION,
                    f"Your history file ({self.path}) was written by a newer version of "
                    f"this app (format {error.found}; this version knows up to "
                    f"{LATEST_VERSION}). It is shown read-only and new sessions cannot be "
                    "saved: please update the app.",
                    self.path,
                )
            )

    def _unavailable(self, error: BaseException) -> None:
        self.problem = explain(error, self.path)
        log.warning("history unavailable: %s", error)
        notice = f"{self.problem} {KEPT_FOR_LATER}"
        self.notices.append(StoreNotice(NoticeKind.UNAVAILABLE, notice, self.path))
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _mark_interrupted_at_open(self) -> None:
        try:
            ids = self.mark_interrupted()
        except HistoryWriteError as error:
            log.warning("could not mark interrupted sessions: %s", error)
            return
        if ids:
            self.notices.append(
                StoreNotice(
                    NoticeKind.INTERRUPTED_FOUND,
                    f"{len(ids)} session(s) stopped unexpectedly last time and can be "
                    "resumed where they stopped.",
                )
            )

    def maybe_backup(self) -> Path | None:
        if self.backups is None or self._conn is None or self.reader:
            return None
        return self.backups.maybe_backup(self._conn)

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryWriteError(self.problem or "the history is not open")
        return self._conn

    # -- writing -----------------------------------------------------------------
    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise HistoryWriteError(
                self.problem
                or "Your history is open read-only (written by a newer version of the app)."
            )
        if self._conn is None:  # e.g. the folder could not be created at start
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = self._connect()
                self._migrate()
            except (OSError, sqlite3.Error) as error:
                self.close()
                self.problem = explain(error, self.path)
                raise HistoryWriteError(self.problem) from error
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except (OSError, sqlite3.Error) as error:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            self.problem = explain(error, self.path)
            raise HistoryWriteError(self.problem) from error
        self.problem = None

    def begin_session(self, session: NewSession) -> int:
        started = session.started_at
        with self._write() as conn:
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
        with self._write() as conn:
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
        with self._write() as conn:
            conn.execute(
                "UPDATE session_exercises SET outcome = ?, active_seconds = ?"
                " WHERE session_id = ? AND exercise_index = ?",
                (outcome.value, active_seconds, session_id, exercise_index),
            )

    def set_position(self, session_id: int, position: Position, active_seconds: float) -> None:
        with self._write() as conn:
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
        with self._write() as conn:
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
        self.maybe_backup()  # a finished session is worth a backup (at most 1 / 30 min)

    def _update(self, session_id: int, column: str, value: object) -> None:
        with self._write() as conn:
            conn.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, session_id))

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        self._update(session_id, "status", status.value)

    def set_pain_before(self, session_id: int, pain: int | None) -> None:
        self._update(session_id, "pain_before", pain)

    def set_pain_after(self, session_id: int, pain: int | None) -> None:
        self._update(session_id, "pain_after", pain)

    def set_notes(self, session_id: int, notes: str) -> None:
        self._update(session_id, "notes", notes)

    def record_stop(self, session_id: int, report: StopReport) -> None:
        with self._write() as conn:
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
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def mark_interrupted(self) -> list[int]:
        with self._write() as conn:
            ids = [
                int(r[0])
                for r in conn.execute("SELECT id FROM sessions WHERE status = 'in_progress'")
            ]
            conn.execute("UPDATE sessions SET status = 'interrupted' WHERE status = 'in_progress'")
        return ids

    # -- reading -----------------------------------------------------------------
    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; none when the history cannot be read (see `problem`)."""
        if self._conn is None:
            return []
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise HistoryError(
                f"Your history file ({self.path}) cannot be read ({error}). "
                "Start the app to check it and restore it from a backup if it is damaged."
            ) from error

    def list_sessions(
        self,
        *,
        since: date | None = None,
        routine_id: str | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        where, params = _filters(since, routine_id)
        sql = f"{SUMMARY_SELECT} {where} ORDER BY s.started_at_utc DESC, s.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [summary_of(r) for r in self._rows(sql, params)]

    def session_detail(self, session_id: int) -> SessionDetail | None:
        rows = self._rows(f"{SUMMARY_SELECT} WHERE s.id = ?", (session_id,))
        if not rows:
            return None
        exercises = self._rows(
            f"SELECT {EXERCISE_COLUMNS} FROM session_exercises e WHERE e.session_id = ?"
            " ORDER BY e.exercise_index",
            (session_id,),
        )
        reps = self._rows(
            f"SELECT {REP_COLUMNS} FROM reps WHERE session_id = ? ORDER BY step_index",
            (session_id,),
        )
        stops = self._rows(
            f"SELECT {STOP_COLUMNS} FROM stop_reports WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return SessionDetail(
            summary_of(rows[0]),
            tuple(exercise_of(r) for r in exercises),
            tuple(rep_of(r) for r in reps),
            tuple(stop_of(r) for r in stops),
        )

    def find_interrupted(self, routine_id: str | None = None) -> list[SessionSummary]:
        where, params = _filters(None, routine_id)
        where += (" AND" if where else "WHERE") + " s.status = 'interrupted'"
        sql = f"{SUMMARY_SELECT} {where} ORDER BY s.started_at_utc DESC, s.id DESC"
        return [summary_of(r) for r in self._rows(sql, params)]

    def resume_position(self, session_id: int) -> Position | None:
        rows = self._rows(f"{SUMMARY_SELECT} WHERE s.id = ?", (session_id,))
        return summary_of(rows[0]).resume if rows else None

    def session_facts(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[SessionFacts]:
        where, params = _filters(since, routine_id)
        sql = f"SELECT {FACT_COLUMNS} FROM sessions s {where} ORDER BY s.local_date, s.id"
        return [fact_of(r) for r in self._rows(sql, params)]

    def exercise_records(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[ExerciseRecord]:
        where, params = _filters(since, routine_id)
        sql = (
            f"SELECT {EXERCISE_COLUMNS} FROM session_exercises e"
            f" JOIN sessions s ON s.id = e.session_id {where}"
            " ORDER BY s.started_at_utc, e.exercise_index"
        )
        return [exercise_of(r) for r in self._rows(sql, params)]


def _filters(since: date | None, routine_id: str | None) -> tuple[str, tuple[object, ...]]:
    clauses, params = [], []
    if since is not None:
        clauses.append("s.local_date >= ?")
        params.append(since.isoformat())
    if routine_id is not None:
        clauses.append("s.routine_id = ?")
        params.append(routine_id)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _offset_min(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("history times must be aware datetimes")
    return int(offset.total_seconds() // 60)
