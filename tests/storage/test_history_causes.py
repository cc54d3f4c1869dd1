"""A history that cannot be saved names the real cause: the file (a folder in its
place, its permissions) or the folder, never "the folder" when it is the file.

Tests run as root, which every permission check lets through: a file or folder
"without permission" is one `os.access` says so about, as for a patient's account.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import HistoryWriteError
from timer_app.storage.history.opening import NoticeKind, explain
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def deny(monkeypatch: pytest.MonkeyPatch, denied: Path, modes: int) -> None:
    real: Callable[..., bool] = os.access

    def access(path: os.PathLike[str] | str, mode: int, **kw: object) -> bool:
        return not (Path(path) == denied and mode & modes) and real(path, mode, **kw)

    monkeypatch.setattr(os, "access", access)


def test_a_folder_in_place_of_the_history_is_named_not_blamed_on_the_data_folder(
    data_dir: Path,
) -> None:
    path = data_dir / "history.sqlite3"
    path.mkdir(parents=True)
    store = SqliteHistoryStore.open()
    [notice] = store.notices
    assert notice.kind is NoticeKind.UNAVAILABLE
    assert notice.message.startswith(
        f"Your history cannot be saved: {path} is a folder, not a file "
        "(move or rename that folder)."
    )
    with pytest.raises(HistoryWriteError, match="is a folder, not a file"):
        add_session(store, MORNING)
    store.close()


def test_a_folder_in_place_of_the_journal_is_named(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, MORNING)
    store.close()
    (data_dir / "history.sqlite3-wal").mkdir()
    store = SqliteHistoryStore.open()
    assert store.problem is not None
    assert f"{data_dir / 'history.sqlite3-wal'} is a folder, not a file" in store.problem
    store.close()


def test_a_file_without_permission_is_named(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "history.sqlite3"
    SqliteHistoryStore.open().close()
    deny(monkeypatch, path, os.R_OK | os.W_OK)  # mode 000, or another user's file
    error = sqlite3.OperationalError("unable to open database file")
    assert explain(error, path) == (
        f"Your history cannot be saved: the file {path} cannot be read and written by "
        "you: its permissions do not allow it (check its owner and permissions)."
    )


def test_a_read_only_folder_is_named_as_such(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "history.sqlite3"
    SqliteHistoryStore.open().close()
    deny(monkeypatch, data_dir, os.W_OK)  # a write-protected USB stick
    error = sqlite3.OperationalError("attempt to write a readonly database")
    assert explain(error, path) == (
        f"Your history cannot be saved: the folder {data_dir} cannot be written (it is read-only)."
    )


def test_a_history_on_a_read_only_stick_is_still_shown_and_saved_once_writable(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, MORNING, notes="Monday")
    add_session(store, MORNING.replace(day=11), notes="Tuesday")
    store.close()  # closed by the app: no -wal left
    # Write-protected: SQLite cannot make the -shm it needs beside the file.
    shm = data_dir / "history.sqlite3-shm"
    shm.symlink_to(data_dir / "no-such-folder" / "shm")
    real_access = os.access
    deny(monkeypatch, data_dir, os.W_OK)

    store = SqliteHistoryStore.open()
    assert [n.kind for n in store.notices] == [NoticeKind.UNAVAILABLE]
    assert f"the folder {data_dir} cannot be written (it is read-only)" in store.notices[0].message
    assert [s.notes for s in store.list_sessions()] == ["Tuesday", "Monday"]  # not hidden
    with pytest.raises(HistoryWriteError, match="read-only"):
        add_session(store, MORNING.replace(day=12))
    assert len(store.list_sessions()) == 2  # still shown after a failed write

    shm.unlink()  # the stick's switch is slid back
    monkeypatch.setattr(os, "access", real_access)
    add_session(store, MORNING.replace(day=12))
    assert len(store.list_sessions()) == 3 and store.problem is None
    store.close()
