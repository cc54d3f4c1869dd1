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

This module keeps the store's state and its connection: opening, the order of
the recovery steps, and the one transaction every write runs in. The rest is
beside it: `history_open.py` (connecting, quick_check, moving a damaged file
aside, the notices, `explain()`), `history_writes.py` (the writes' SQL),
`history_queries.py` (the reads), `history_rows.py` (rows to records),
`migrations.py` (the schema). These, with `backups.py`, are the only users of
sqlite3 (design rule 2).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from timer_app.core.history import HistoryWriteError
from timer_app.storage import paths
from timer_app.storage.backups import Backups
from timer_app.storage.history_causes import file_cause
from timer_app.storage.history_open import (
    BUSY_TIMEOUT_MS,
    StoreNotice,
    cannot_read,
    connect,
    connect_checked,
    connect_for_reading,
    explain,
    interrupted_notice,
    newer_version_notice,
    unavailable_notice,
)
from timer_app.storage.history_queries import HistoryQueries
from timer_app.storage.history_recovery import (
    is_blank,
    keep_unclosed_journal,
    replace_blank_file,
    replace_damaged_file,
)
from timer_app.storage.history_writes import SessionWrites
from timer_app.storage.migrations import NewerSchemaError, migrate

log = logging.getLogger(__name__)


class SqliteHistoryStore(SessionWrites, HistoryQueries):
    """`HistoryStore` on SQLite. Use `open()` (the app) or `open_reader()` (CLI).

    The protocol's writes are in `SessionWrites`, its reads in `HistoryQueries`."""

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
        # Writing failed at open but the file can be read (a read-only folder):
        # `_conn` is then a reader for the History page, and a write reconnects.
        self._reading_only = False

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
        """Open for reading only (the CLI): no repair, no marking, no backup.
        A history that exists but cannot be read sets `problem` (and a notice):
        it is never shown as an empty history."""
        store = cls(path or paths.history_db_path(), None, reader=True)
        cause = file_cause(store.path, write=False)
        if cause is None and not store.path.exists():
            return store  # not created yet: an empty history, truly
        try:
            if cause is not None:
                raise OSError(cause)
            store._conn = connect_for_reading(store.path, store.busy_timeout_ms)
        except (OSError, sqlite3.Error) as error:
            store.problem = cannot_read(error, store.path)
            log.warning("history unreadable: %s", error)
            store.notices.append(unavailable_notice(store.problem, store.path, reading=True))
        return store

    def close(self) -> None:
        self._reading_only = False
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- opening -----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        return connect(self.path, self.busy_timeout_ms, read_only=self.read_only)

    def _open_for_writing(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            journal = keep_unclosed_journal(self.path)  # before SQLite replays it
            if journal is not None:
                self.notices.append(journal)
            if self.backups is not None and is_blank(self.path):
                blank = replace_blank_file(self.path, self.backups)
                if blank is not None:
                    self.notices.append(blank)
            conn = connect_checked(self.path, self.busy_timeout_ms, read_only=self.read_only)
            if conn is None:
                self.notices.append(replace_damaged_file(self.path, self.backups))
                conn = self._connect()
            self._conn = conn
            self._migrate()
        except (OSError, sqlite3.Error) as error:
            self._unavailable(error)
            self._read_what_can_be_read()
            return
        if not self.read_only:
            self._mark_interrupted_at_open()
            self.maybe_backup()

    def _read_what_can_be_read(self) -> None:
        """The history cannot be written (a read-only folder or USB stick, say)
        but may still be read: the History page shows it, never an empty one."""
        if not self.path.is_file():
            return
        try:
            self._conn = connect_for_reading(self.path, self.busy_timeout_ms)
        except (OSError, sqlite3.Error) as error:
            log.warning("history cannot be read either: %s", error)
            return
        self._reading_only = True

    def _migrate(self) -> None:
        conn = self._require()
        try:
            migrate(conn)
        except NewerSchemaError as error:
            self.read_only = True
            conn.execute("PRAGMA query_only = ON")
            self.notices.append(newer_version_notice(self.path, error.found))

    def _unavailable(self, error: BaseException) -> None:
        self.problem = explain(error, self.path)
        log.warning("history unavailable: %s", error)
        self.notices.append(unavailable_notice(self.problem, self.path))
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
            self.notices.append(interrupted_notice(len(ids)))

    def maybe_backup(self) -> Path | None:
        if self.backups is None or self._conn is None or self.reader or self._reading_only:
            return None
        return self.backups.maybe_backup(self._conn)

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryWriteError(self.problem or "the history is not open")
        return self._conn

    # -- writing -----------------------------------------------------------------
    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short transaction for one write (`SessionWrites`): durable once it
        returns; any failure becomes `HistoryWriteError` with a plain message."""
        if self.read_only:
            raise HistoryWriteError(
                self.problem
                or "Your history is open read-only (written by a newer version of the app)."
            )
        if self._reading_only:  # opened for reading only: try to write again
            self.close()
        if self._conn is None:  # e.g. the folder could not be created at start
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = self._connect()
                self._migrate()
            except (OSError, sqlite3.Error) as error:
                self.close()
                self.problem = explain(error, self.path)
                self._read_what_can_be_read()  # the History page keeps its sessions
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
