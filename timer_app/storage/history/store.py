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

The store is composed, not mixed in: `HistoryConnection`
(`history/connection.py`) owns the connection, its state and the one transaction
every write runs in; `SessionWrites` (`history/writes.py`, the writes' SQL) and
`HistoryQueries` (`history/queries.py`, the reads) each hold it, and are the
store's `writer` and `reader`. The store implements `HistoryStore` by handing
each call to one of them, and keeps the order of opening. Rows become records in
`history/rows.py` (by column name); `history/opening.py` connects and words the
notices; `history/migrations.py` has the schema (“Where things live” in docs/design.md).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

from timer_app.core.history import (
    ExerciseRecord,
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
from timer_app.core.pain_location import PainLocation
from timer_app.core.position import Position
from timer_app.storage import paths
from timer_app.storage.history.backups import Backups
from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.opening import (
    BUSY_TIMEOUT_MS,
    NoticeKind,
    StoreNotice,
    interrupted_notice,
    unavailable_notice,
)
from timer_app.storage.history.queries import HistoryQueries
from timer_app.storage.history.writes import SessionWrites

log = logging.getLogger(__name__)


class SqliteHistoryStore:
    """`HistoryStore` on SQLite. Use `open()` (the app) or `open_reader()` (CLI).

    `writer` (a `HistoryWriter`) and `reader` (a `HistoryReader`) share the one
    `connection`; the store's own methods hand each call to one of them."""

    def __init__(
        self,
        path: Path,
        backups: Backups | None,
        *,
        reader: bool = False,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.connection = HistoryConnection(
            path, backups, reader=reader, busy_timeout_ms=busy_timeout_ms
        )
        self.writer = SessionWrites(self.connection)
        self.reader = HistoryQueries(self.connection)

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
        store.connection.open_for_writing()
        if store.connection.can_write_now:
            store._mark_interrupted_at_open()
            store.maybe_backup()
        return store

    @classmethod
    def open_reader(cls, path: Path | None = None) -> SqliteHistoryStore:
        """Open for reading only (the CLI): no repair, no marking, no backup.
        A history that exists but cannot be read sets `problem` (and a notice):
        it is never shown as an empty history."""
        store = cls(path or paths.history_db_path(), None, reader=True)
        store.connection.open_for_reading()
        return store

    def _mark_interrupted_at_open(self) -> None:
        try:
            ids = self.mark_interrupted()
        except HistoryWriteError as error:
            log.warning("could not mark interrupted sessions: %s", error)
            # SQLite opens a file it may not write read-only, without a word: this
            # is the first write. Told as a read-only folder is (a banner), not
            # first learnt on the summary after exercising.
            if not any(n.kind is NoticeKind.UNAVAILABLE for n in self.notices):
                self.connection.notices.append(unavailable_notice(str(error), self.path))
            return
        if ids:
            self.connection.notices.append(interrupted_notice(len(ids)))

    # -- the connection's state, as callers read it ---------------------------------
    @property
    def path(self) -> Path:
        return self.connection.path

    @property
    def backups(self) -> Backups | None:
        return self.connection.backups

    @property
    def read_only(self) -> bool:
        return self.connection.read_only

    @property
    def notices(self) -> list[StoreNotice]:
        return self.connection.notices

    @property
    def problem(self) -> str | None:
        return self.connection.problem

    def close(self) -> None:
        self.connection.close()

    def maybe_backup(self) -> Path | None:
        return self.connection.maybe_backup()

    def _require(self) -> sqlite3.Connection:
        return self.connection.require()  # the tests' way to the raw connection

    # -- HistoryWriter: the writes a session makes ------------------------------------
    def begin_session(self, session: NewSession) -> int:
        return self.writer.begin_session(session)

    def record_rep(self, session_id: int, rep: RepRecord) -> None:
        self.writer.record_rep(session_id, rep)

    def record_exercise(
        self, session_id: int, exercise_index: int, outcome: Outcome, active_seconds: float
    ) -> None:
        self.writer.record_exercise(session_id, exercise_index, outcome, active_seconds)

    def set_position(self, session_id: int, position: Position, active_seconds: float) -> None:
        self.writer.set_position(session_id, position, active_seconds)

    def finish_session(
        self, session_id: int, status: SessionStatus, ended_at: datetime, active_seconds: float
    ) -> None:
        self.writer.finish_session(session_id, status, ended_at, active_seconds)

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        self.writer.set_status(session_id, status)

    def set_pain_before(self, session_id: int, pain: int | None) -> None:
        self.writer.set_pain_before(session_id, pain)

    def set_pain_after(self, session_id: int, pain: int | None) -> None:
        self.writer.set_pain_after(session_id, pain)

    def set_pain_where_before(self, session_id: int, where: PainLocation | None) -> None:
        self.writer.set_pain_where_before(session_id, where)

    def set_pain_where_after(self, session_id: int, where: PainLocation | None) -> None:
        self.writer.set_pain_where_after(session_id, where)

    def set_notes(self, session_id: int, notes: str) -> None:
        self.writer.set_notes(session_id, notes)

    def record_stop(self, session_id: int, report: StopReport) -> None:
        self.writer.record_stop(session_id, report)

    def delete_session(self, session_id: int) -> None:
        self.writer.delete_session(session_id)

    def mark_interrupted(self) -> list[int]:
        return self.writer.mark_interrupted()

    # -- HistoryReader ------------------------------------------------------------------
    def list_sessions(
        self,
        *,
        since: date | None = None,
        routine_id: str | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        return self.reader.list_sessions(since=since, routine_id=routine_id, limit=limit)

    def session_detail(self, session_id: int) -> SessionDetail | None:
        return self.reader.session_detail(session_id)

    def find_interrupted(self, routine_id: str | None = None) -> list[SessionSummary]:
        return self.reader.find_interrupted(routine_id)

    def resume_position(self, session_id: int) -> Position | None:
        return self.reader.resume_position(session_id)

    def session_facts(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[SessionFacts]:
        return self.reader.session_facts(since=since, routine_id=routine_id)

    def exercise_records(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[ExerciseRecord]:
        return self.reader.exercise_records(since=since, routine_id=routine_id)
