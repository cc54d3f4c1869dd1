"""Opening the history file, and what to do when it cannot be used as it is.

Connecting and configuring (WAL, `synchronous=FULL` so every committed write
survives a power loss, foreign keys); checking the file before any other
statement (`PRAGMA quick_check`); reading from the command line
(`connect_for_reading`); the `StoreNotice`s that tell the person what happened;
and `explain()`/`cannot_read()`, which turn a failure into one plain sentence
naming the real cause (`history/causes.py`). Moving a damaged or blank file
aside and restoring a backup is in `history/recovery.py`.

Plain functions: the connection and its state belong to `HistoryConnection`
(`history/connection.py`). This module, `history/connection.py`, `history/store.py`,
`history/recovery.py`, `history/writes.py`, `history/migrations.py` and `history/backups.py` are
the only users of sqlite3 (“Where things live” in docs/design.md).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from timer_app.storage.history.causes import file_cause, folder_cause
from timer_app.storage.history.migrations import LATEST_VERSION

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class NoticeKind(StrEnum):
    RESTORED_FROM_BACKUP = "restored_from_backup"
    CORRUPT_NO_BACKUP = "corrupt_no_backup"
    NEWER_VERSION = "newer_version"
    INTERRUPTED_FOUND = "interrupted_found"
    JOURNAL_KEPT = "journal_kept"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class StoreNotice:
    """Something the person must be told about their history (GUI and CLI show
    `message`; the GUI may translate from `kind` and `path` instead)."""

    kind: NoticeKind
    message: str
    path: Path | None = None  # e.g. where the damaged file was moved


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
    # SQLite words every cause the same way: look at the file, then its folder.
    cause = file_cause(path, write=True) or folder_cause(path)
    if cause is not None:
        return f"Your history cannot be saved: {cause}."
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"Your history cannot be saved in {folder} ({error})."
    if isinstance(error, OSError):
        return f"Your history cannot be saved in {folder} ({error.strerror or error})."
    return f"Your history could not be saved ({error})."


# -- connecting ------------------------------------------------------------------


def connect(path: Path, busy_timeout_ms: int, *, read_only: bool) -> sqlite3.Connection:
    """A configured connection to `path` (created if missing)."""
    conn = _connect_unchecked(path, busy_timeout_ms)
    try:
        _configure(conn, busy_timeout_ms, read_only=read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def connect_checked(
    path: Path, busy_timeout_ms: int, *, read_only: bool
) -> sqlite3.Connection | None:
    """A configured connection, or None when the file is damaged. Checked before
    any other statement: on a damaged file even setting the journal mode fails."""
    conn = _connect_unchecked(path, busy_timeout_ms)
    try:
        if not _is_sound(conn, path):
            conn.close()
            return None
        _configure(conn, busy_timeout_ms, read_only=read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def connect_for_reading(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A read-only connection that has read the file once, so a history that
    cannot be read fails here, not as an empty answer later.

    In a folder that cannot be written, SQLite cannot make the `-shm` it needs
    to read a WAL database; when no `-wal` holds pages (the app closed it, or
    is not running: it could not write there either), the file alone is the
    whole history and is read as it is (`immutable`)."""
    try:
        conn = connect(path, busy_timeout_ms, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn
    except sqlite3.OperationalError:
        if folder_cause(path) is None or has_pages(path.with_name(path.name + "-wal")):
            raise
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def has_pages(wal: Path) -> bool:
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def cannot_read(error: BaseException, path: Path) -> str:
    """Why the history cannot be read, in one sentence (the command line's reader)."""
    cause = file_cause(path, write=False) or folder_cause(path)
    if cause is not None:
        return f"Your history ({path}) cannot be read: {cause}."
    detail = error.strerror if isinstance(error, OSError) and error.strerror else error
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        # Not a database, or damaged: only the app repairs (moves it aside, restores).
        return (
            f"Your history ({path}) cannot be read ({detail}). Start the app to "
            "check it and restore it from a backup if it is damaged."
        )
    return f"Your history ({path}) cannot be read ({detail})."


def _connect_unchecked(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    # Autocommit (isolation_level=None): the store opens each write's transaction.
    return sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000)


def _configure(conn: sqlite3.Connection, busy_timeout_ms: int, *, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


# SQLite's primary result codes for a file it finds damaged; every other error
# (read-only, locked, busy, I/O, cannot open, full) says nothing about the file.
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
DAMAGE_WORDS = ("file is not a database", "disk image is malformed")


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged (the only reason to move a
    history aside), as opposed to a file it may not write or cannot reach now."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    # Errors raised without a code (Python's own, or a test's): the words decide.
    text = str(error).lower()
    return any(words in text for words in DAMAGE_WORDS)


def _is_sound(conn: sqlite3.Connection, path: Path) -> bool:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        # A read-only file or folder, a lock another program holds, an I/O error:
        # the history is intact and only unavailable now. Moving it aside (and
        # restoring an older backup over it) would lose every session since.
        if not is_damage(error):
            raise
        log.warning("history file %s is not a database: %s", path, error)
        return False
    if rows != [("ok",)]:
        log.warning("history file %s is damaged: %s", path, rows[:5])
        return False
    return True


def newer_version_notice(path: Path, found: int) -> StoreNotice:
    return StoreNotice(
        NoticeKind.NEWER_VERSION,
        f"Your history file ({path}) was written by a newer version of "
        f"this app (format {found}; this version knows up to "
        f"{LATEST_VERSION}). It is shown read-only and new sessions cannot be "
        "saved: please update the app.",
        path,
    )


def unavailable_notice(problem: str, path: Path, *, reading: bool = False) -> StoreNotice:
    # A reader has no results to keep: the problem alone.
    return StoreNotice(
        NoticeKind.UNAVAILABLE, problem if reading else f"{problem} {KEPT_FOR_LATER}", path
    )


def interrupted_notice(count: int) -> StoreNotice:
    return StoreNotice(
        NoticeKind.INTERRUPTED_FOUND,
        f"{count} session(s) stopped unexpectedly last time and can be resumed where they stopped.",
    )
