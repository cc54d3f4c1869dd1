"""`timer-app history` and `history export` on a history they cannot read: the
reason on stderr and exit 1, never an empty history and exit 0.

Tests run as root, which every permission check lets through, so a file or
folder that "cannot be" read or written is one `os.access` says so about (as it
does for the person running the app); SQLite's own failure in a read-only
folder, where it cannot make the `-shm` it needs, comes from a `-shm` that
points nowhere.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import add_session
from timer_app.cli import main
from timer_app.storage.history.store import SqliteHistoryStore

COMMANDS = [["history"], ["history", "export"], ["history", "export", "--format", "json"]]


def yesterday() -> datetime:
    now = datetime.now().astimezone()
    return (now - timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)


def history_with_two_sessions(data_dir: Path) -> Path:
    store = SqliteHistoryStore.open()
    add_session(store, yesterday() - timedelta(days=1))
    add_session(store, yesterday())
    store.close()
    return data_dir / "history.sqlite3"


def deny(monkeypatch: pytest.MonkeyPatch, denied: Path, modes: int) -> None:
    """`os.access` answers as for a person without these permissions on `denied`."""
    real: Callable[..., bool] = os.access

    def access(path: os.PathLike[str] | str, mode: int, **kw: object) -> bool:
        if Path(path) == denied and mode & modes:
            return False
        return real(path, mode, **kw)

    monkeypatch.setattr(os, "access", access)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_in_place_of_the_history_file_is_exit_1_with_the_reason(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (data_dir / "history.sqlite3").mkdir(parents=True)
    assert main(command) == 1
    out, err = capsys.readouterr()
    assert out == ""  # no table, no CSV header: nothing that looks like a history
    path = data_dir / "history.sqlite3"
    assert f"{path} is a folder, not a file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_history_file_you_may_not_read_is_exit_1_naming_the_file(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    path = history_with_two_sessions(data_dir)
    path.chmod(0)  # mode 000 (what stops anyone but root)
    deny(monkeypatch, path, os.R_OK)
    try:
        assert main(command) == 1
    finally:
        path.chmod(0o644)
    out, err = capsys.readouterr()
    assert out == ""
    assert f"the file {path} cannot be read by you: its permissions do not allow it" in err
    assert "folder" not in err  # the file is the problem, not its folder


def copy_while_open(data_dir: Path, to: Path) -> None:
    """The history as a killed app leaves it: its newest sessions in the -wal."""
    store = SqliteHistoryStore.open()
    add_session(store, yesterday() - timedelta(days=1))
    add_session(store, yesterday())
    to.mkdir()
    for name in ("history.sqlite3", "history.sqlite3-wal"):
        shutil.copy(data_dir / name, to / name)
    store.close()


def read_only_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    deny(monkeypatch, folder, os.W_OK)
    (folder / "history.sqlite3-shm").symlink_to(folder / "no-such-folder" / "shm")
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(folder))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_folder_holding_a_wal_history_is_exit_1_with_the_reason(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    stick = tmp_path / "usb-stick"
    copy_while_open(data_dir, stick)
    read_only_folder(monkeypatch, stick)
    assert main(command) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"the folder {stick} cannot be written (it is read-only)" in err


def test_a_read_only_folder_holding_a_closed_history_is_read(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    history_with_two_sessions(data_dir)  # closed by the app: no -wal left
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    shutil.copy(data_dir / "history.sqlite3", stick / "history.sqlite3")
    read_only_folder(monkeypatch, stick)
    assert main(["history"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and err == ""  # the header and both sessions


@pytest.mark.parametrize("command", COMMANDS)
def test_a_damaged_history_is_exit_1_and_points_to_the_app_that_repairs_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = history_with_two_sessions(data_dir)
    path.write_bytes(b"not a database, whatever its name says " * 200)
    assert main(command) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"Your history ({path}) cannot be read (file is not a database)." in err
    assert "Start the app to check it and restore it from a backup" in err
    assert path.read_bytes().startswith(b"not a database")  # reading repairs nothing
