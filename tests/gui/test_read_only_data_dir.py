"""A data dir that cannot be written: the window still opens, with every routine,
`--start` still opens its session, and the person is told once.

Tests run as root, where chmod does not stop writes: the log file's open fails
the way it does in a read-only folder (`PermissionError` from `open`), and the
history's own fault is a folder where its file should be.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.storage.history_support import PARIS, add_session
from timer_app.core.clock import FakeClock
from timer_app.gui import app as app_module
from timer_app.gui.desktop import app_log
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.migrations import LATEST_VERSION
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings


@pytest.fixture
def read_only_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The log file cannot be opened, as in a folder on a read-only mount."""

    def refuse(self: logging.FileHandler) -> object:
        raise PermissionError(errno.EROFS, "Read-only file system", self.baseFilename)

    monkeypatch.setattr(logging.FileHandler, "_open", refuse)
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    yield
    for handler in root.handlers[:]:
        if handler not in before[0]:
            root.removeHandler(handler)
    root.setLevel(before[1])


def start_as_the_app_does(
    qtbot: QtBot, start: str | None
) -> tuple[MainWindow, app_module._ExceptionHook, list[str]]:
    """What `app.run()` does, without the event loop: the log first, then the
    window is filled after the first paint."""
    handler = app_module._log_to_data_dir()
    hook = app_module._ExceptionHook(None, handler)
    app_log.check_writable(handler)
    history, notices = app_module.open_history(handler)
    window = build_main_window(
        start=start,
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=history,
        notices=notices,
    )
    qtbot.addWidget(window)
    window.show()
    history.close()
    return window, hook, notices


def test_a_read_only_data_dir_still_opens_start_with_every_routine(
    qtbot: QtBot, data_dir: Path, read_only_log: None, capfd: pytest.CaptureFixture[str]
) -> None:
    # The history cannot be opened either: its warning was the first log line,
    # which used to raise PermissionError out of start-up and leave the window empty.
    (data_dir / "history.sqlite3").mkdir(parents=True)
    window, _hook, notices = start_as_the_app_does(qtbot, "knee-to-chest")

    assert window.current_page() == "session"  # --start was not ignored
    ids = {r.id for r in window.routines_page.routines()}
    assert {"knee-to-chest", "bridging", "gentle-start"} <= ids  # the bundled routines are there
    # Told once, by the history's notice; the log's failure adds no second one.
    assert len(notices) == 1 and "history" in notices[0].lower()
    assert window.notice.label.text() == notices[0]
    err = capfd.readouterr().err
    assert "cannot write the log" in err and "history unavailable" in err


def test_a_log_that_cannot_be_written_is_told_once_and_goes_to_the_terminal(
    qtbot: QtBot, data_dir: Path, read_only_log: None, capfd: pytest.CaptureFixture[str]
) -> None:
    window, _hook, notices = start_as_the_app_does(qtbot, None)
    log_file = data_dir / "timer-app.log"
    assert notices == [
        f"The app cannot write its log file {log_file} (Read-only file system). "
        "Everything else works; its messages go to the terminal instead."
    ]
    assert window.notice.label.text() == notices[0]
    assert window.routines_page.routines()

    logging.getLogger("timer_app.test").warning("the speech engine is slow")
    logging.getLogger("timer_app.test").warning("and again")
    err = capfd.readouterr().err
    assert "the speech engine is slow" in err and "and again" in err
    assert err.count("cannot write the log") == 1  # said once, not at every line
    assert not log_file.exists()


def test_the_error_message_names_no_log_file_that_cannot_be_written(
    qtbot: QtBot, data_dir: Path, read_only_log: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _window, hook, _notices = start_as_the_app_does(qtbot, None)
    try:
        raise ValueError("the ring has no radius")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)  # must not raise in turn
    assert len(shown) == 1 and "the ring has no radius" in shown[0]
    assert "timer-app.log" not in shown[0]


# -- the ready screen says when this session cannot be saved ---------------------


def window_on(qtbot: QtBot, history: SqliteHistoryStore) -> MainWindow:
    window = build_main_window(
        start="knee-to-chest",
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=history,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_history_from_a_newer_version_is_said_on_the_ready_screen(
    qtbot: QtBot, data_dir: Path
) -> None:
    SqliteHistoryStore.open().close()
    conn = sqlite3.connect(data_dir / "history.sqlite3")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")  # a newer app wrote it
    conn.close()
    history = SqliteHistoryStore.open()
    window = window_on(qtbot, history)
    note = window.session_view.ready.history_note
    assert note.isVisible()
    assert note.text().startswith("This session will not be saved: your history was written")
    history.close()


def test_a_history_that_cannot_be_opened_is_said_on_the_ready_screen(
    qtbot: QtBot, data_dir: Path
) -> None:
    (data_dir / "history.sqlite3").mkdir(parents=True)
    history = SqliteHistoryStore.open()
    window = window_on(qtbot, history)
    note = window.session_view.ready.history_note
    assert note.isVisible()
    assert note.text().startswith("Your history cannot be saved at the moment.")
    history.close()


def test_a_history_that_saves_adds_no_line_to_the_ready_screen(
    qtbot: QtBot, data_dir: Path
) -> None:
    history = SqliteHistoryStore.open()
    window = window_on(qtbot, history)
    assert window.current_page() == "session"
    assert not window.session_view.ready.history_note.isVisible()
    history.close()


def test_every_start_up_notice_is_shown_not_only_the_last(
    qtbot: QtBot, data_dir: Path, read_only_log: None
) -> None:
    # A history emptied by a bad copy beside its backup, and a log that cannot
    # be written: two things to tell, in the one banner at the top.
    store = SqliteHistoryStore.open()
    add_session(store, datetime(2026, 3, 10, 7, 30, tzinfo=PARIS))
    assert store.backups is not None
    store.backups.backup(store._require())
    store.close()
    (data_dir / "history.sqlite3").write_bytes(b"")
    window, _hook, notices = start_as_the_app_does(qtbot, None)
    shown = window.notice.label.text()
    assert "Your history file was empty" in shown
    assert "The app cannot write its log file" in shown
    assert notices == [shown]


def test_a_badly_formed_log_line_never_raises_once_the_log_is_on_the_terminal(
    data_dir: Path, read_only_log: None, capfd: pytest.CaptureFixture[str]
) -> None:
    handler = app_log.SafeFileHandler(data_dir / "timer-app.log")
    handler.setFormatter(logging.Formatter(app_log.FORMAT))

    def record(message: str, *args: object) -> logging.LogRecord:
        level = logging.WARNING
        return logging.LogRecord("timer_app.cues", level, "audio/cues.py", 1, message, args, None)

    handler.emit(record("%d reps", "three"))  # a bug in a message: must not raise
    handler.emit(record("still logging"))
    err = capfd.readouterr().err
    assert "cannot write the log" in err and "still logging" in err
