"""A history that cannot be opened for writing is not a damaged history.

Only SQLite's own verdict of damage ("file is not a database", "database disk
image is malformed") moves a file aside. A read-only file or folder, a lock held
by another program, an I/O error: the file stays where it is, untouched, and
the person gets the plain "cannot be saved" notice. Tests run as root (chmod
stops nothing), so these are real SQLite errors made another way: a read-only
connection that meets a hot journal, a lock another connection holds.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.storage.history import opening
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def history_with_one_session(data_dir: Path) -> Path:
    store = SqliteHistoryStore.open()
    add_session(store, MORNING, notes="kept")
    store.close()
    return data_dir / "history.sqlite3"


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_left_alone(data_dir: Path, before: list[str], original: bytes) -> None:
    assert not [name for name in files_in(data_dir) if ".corrupt-" in name]
    assert (data_dir / "history.sqlite3").read_bytes() == original
    assert set(before) <= set(files_in(data_dir))


def with_hot_journal(path: Path) -> None:
    """Leave `path` as a crash mid-write leaves it: a rollback journal that must be
    played back before the file can be read, which a read-only connection cannot."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 1")  # spill the change to the file at once
    conn.execute("BEGIN")
    conn.execute("UPDATE sessions SET notes = ? ", ("x" * 3000,))
    conn.execute("CREATE TABLE filler (x)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("y" * 500,)] * 200)
    copy = path.with_name("copy")
    copy.mkdir()
    shutil.copy(path, copy / path.name)
    shutil.copy(path.with_name(path.name + "-journal"), copy / (path.name + "-journal"))
    conn.execute("ROLLBACK")
    conn.close()
    shutil.move(copy / path.name, path)
    shutil.move(copy / (path.name + "-journal"), path.with_name(path.name + "-journal"))
    copy.rmdir()


def test_a_read_only_history_is_not_moved_aside(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = history_with_one_session(data_dir)
    with_hot_journal(path)
    before, original = files_in(data_dir), path.read_bytes()

    # What a read-only folder or file does to the app's connection, as root can see it.
    def read_only_connect(p: Path, busy_timeout_ms: int) -> sqlite3.Connection:
        return sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(opening, "_connect_unchecked", read_only_connect)
    store = SqliteHistoryStore.open()

    assert [n.kind for n in store.notices] == [NoticeKind.UNAVAILABLE]
    assert "cannot be saved" in store.notices[0].message
    assert "backup" not in store.notices[0].message  # nothing was replaced
    assert_left_alone(data_dir, before, original)
    store.close()


def test_a_history_locked_by_another_program_is_not_moved_aside(data_dir: Path) -> None:
    path = history_with_one_session(data_dir)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # no one else may even read it
    before, original = files_in(data_dir), path.read_bytes()

    store = SqliteHistoryStore.open(busy_timeout_ms=0)
    assert [n.kind for n in store.notices] == [NoticeKind.UNAVAILABLE]
    assert "busy" in store.notices[0].message
    assert_left_alone(data_dir, before, original)
    store.close()

    other.execute("ROLLBACK")
    other.close()
    store = SqliteHistoryStore.open()  # once the other program lets go, all is there
    assert store.notices == []
    assert [s.notes for s in store.list_sessions()] == ["kept"]
    store.close()


@pytest.mark.parametrize(
    "message",
    [
        "attempt to write a readonly database",
        "unable to open database file",
        "disk I/O error",
        "database is locked",
    ],
)
def test_an_error_that_is_not_damage_leaves_the_file_alone(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    path = history_with_one_session(data_dir)
    before, original = files_in(data_dir), path.read_bytes()

    class Refusing:
        """A connection whose first statement fails as SQLite words `message`."""

        def execute(self, *_: object) -> None:
            raise sqlite3.OperationalError(message)

        def close(self) -> None:
            pass

    monkeypatch.setattr(opening, "_connect_unchecked", lambda *_: Refusing())
    store = SqliteHistoryStore.open()
    assert [n.kind for n in store.notices] == [NoticeKind.UNAVAILABLE]
    assert_left_alone(data_dir, before, original)
    store.close()


def test_a_file_that_is_not_a_database_is_still_moved_aside(data_dir: Path) -> None:
    path = history_with_one_session(data_dir)
    path.with_name("history.sqlite3-wal").unlink(missing_ok=True)
    path.write_bytes(b"not a history at all" * 300)
    store = SqliteHistoryStore.open()
    assert [n.kind for n in store.notices] == [NoticeKind.RESTORED_FROM_BACKUP]
    assert [name for name in files_in(data_dir) if ".corrupt-" in name]
    store.close()
