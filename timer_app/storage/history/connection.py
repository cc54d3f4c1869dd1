"""The one owner of the history's SQLite connection.

`HistoryConnection` holds the `sqlite3.Connection` and everything about its
state: opening it (check, repair, migrate, in the order `open_for_writing`
follows), whether it may write (`read_only`: the command line's reader, or a
file from a newer version; reading only because writing failed at open), the
`problem` and `notices` a person is told, and the one durable transaction every
write runs in (`write()`). The store's writer (`history/writes.py`) and reader
(`history/queries.py`) each hold it; neither touches sqlite3's state itself.

Connecting and the notices' words are in `history/opening.py`, moving a damaged or blank
file aside in `history/recovery.py`. These, with `history/store.py`,
`history/migrations.py` and `history/backups.py`, are the only users of sqlite3 (“Where
things live” in docs/design.md).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timer_app.core.history import HistoryError, HistoryWriteError
from timer_app.storage.history.backups import Backups
from timer_app.storage.history.causes import file_cause
from timer_app.storage.history.migrations import NewerSchemaError, migrate
from timer_app.storage.history.opening import (
    StoreNotice,
    cannot_read,
    connect,
    connect_checked,
    connect_for_reading,
    explain,
    newer_version_notice,
    unavailable_notice,
)
from timer_app.storage.history.recovery import (
    is_blank,
    keep_unclosed_journal,
    replace_blank_file,
    replace_damaged_file,
)

log = logging.getLogger(__name__)


class HistoryConnection:
    """The connection to `history.sqlite3` and its state. Never raises on opening:
    problems become `notices` and `problem`; a write raises `HistoryWriteError`."""

    def __init__(
        self, path: Path, backups: Backups | None, *, reader: bool, busy_timeout_ms: int
    ) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.backups = backups
        self.reader = reader  # the command line's: never writes, repairs or backs up
        self.read_only = reader
        self.notices: list[StoreNotice] = []
        self.problem: str | None = None
        self._conn: sqlite3.Connection | None = None
        # Writing failed at open but the file can be read (a read-only folder):
        # `_conn` is then a reader for the History page, and a write reconnects.
        self._reading_only = False

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def can_write_now(self) -> bool:
        """Open for writing (not read-only, not reading only after a failure)."""
        return self._conn is not None and not self.read_only and not self._reading_only

    def close(self) -> None:
        self._reading_only = False
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryWriteError(self.problem or "the history is not open")
        return self._conn

    # -- opening -----------------------------------------------------------------
    def open_for_reading(self) -> None:
        """The command line's reader: no repair, no marking, no backup. A history
        that exists but cannot be read sets `problem` (and a notice): it is never
        shown as an empty history."""
        cause = file_cause(self.path, write=False)
        if cause is None and not self.path.exists():
            return  # not created yet: an empty history, truly
        try:
            if cause is not None:
                raise OSError(cause)
            self._conn = connect_for_reading(self.path, self.busy_timeout_ms)
        except (OSError, sqlite3.Error) as error:
            self.problem = cannot_read(error, self.path)
            log.warning("history unreadable: %s", error)
            self.notices.append(unavailable_notice(self.problem, self.path, reading=True))

    def open_for_writing(self) -> None:
        """Check, repair and migrate, in this order; the store then marks the
        interrupted sessions and backs up (`can_write_now`)."""
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

    def _connect(self) -> sqlite3.Connection:
        return connect(self.path, self.busy_timeout_ms, read_only=self.read_only)

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
        conn = self.require()
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

    def maybe_backup(self) -> Path | None:
        if self.backups is None or self._conn is None or self.reader or self._reading_only:
            return None
        return self.backups.maybe_backup(self._conn)

    # -- reading -----------------------------------------------------------------
    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[dict[str, Any]]:
        """Rows of a query, each a mapping from column name to value; none when
        the history cannot be read (see `problem`)."""
        names, values = self.table(sql, params)
        return [dict(zip(names, row, strict=True)) for row in values]

    def table(
        self, sql: str, params: tuple[object, ...] = ()
    ) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """The column names of a query and its rows as plain tuples, for a reader
        that looks each name up once for thousands of rows (`facts_of`)."""
        if self._conn is None:
            return (), []
        try:
            cursor = self._conn.execute(sql, params)
            names = tuple(column[0] for column in cursor.description)
            return names, cursor.fetchall()
        except sqlite3.Error as error:
            raise HistoryError(
                f"Your history file ({self.path}) cannot be read ({error}). "
                "Start the app to check it and restore it from a backup if it is damaged."
            ) from error

    # -- writing -----------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short transaction for one write: durable once it returns; any
        failure becomes `HistoryWriteError` with a plain message."""
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
