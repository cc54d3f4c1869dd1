"""A history file that cannot be written, in a folder that can: SQLite opens such a
file read-only without a word, so nothing said so until a session's results
failed to save. Now the banner over the Routines and History pages says it, as
it does for a read-only folder, and the session's summary says its results are
not saved yet.

Tests run as root, where chmod does not stop writes: the file is opened the way
SQLite opens a file it may not write (`mode=ro`), which fails the same way
("attempt to write a readonly database")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.gui import app as app_module
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history import opening
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings

pytestmark = pytest.mark.qt


@pytest.fixture
def read_only_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A history written before, now a file SQLite may only read."""
    SqliteHistoryStore.open().close()

    def read_only(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=1)

    monkeypatch.setattr(opening, "_connect_unchecked", read_only)
    return data_dir / "history.sqlite3"


def window_as_the_app_opens_it(qtbot: QtBot, page: str | None) -> MainWindow:
    history, notices = app_module.open_history(None)
    window = build_main_window(
        start=page,
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=history,
        notices=notices,
    )
    qtbot.addWidget(window)
    window.session_view.confirm = lambda title, text: True
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_read_only_history_file_gets_the_banner_a_read_only_folder_gets(
    qtbot: QtBot, read_only_file: Path
) -> None:
    window = window_as_the_app_opens_it(qtbot, None)
    assert window.current_page() == "routines"
    assert window.notice.isVisible()  # was hidden: nothing said until a save failed
    text = window.notice.label.text()
    assert text.startswith(f"Your history cannot be saved in {read_only_file.parent}")
    assert text.endswith("Your results are kept and saved as soon as it can be.")
    window.show_page("history")
    assert window.notice.isVisible()  # above every page, History too


def test_a_history_that_can_be_written_gets_no_banner(qtbot: QtBot, data_dir: Path) -> None:
    SqliteHistoryStore.open().close()
    window = window_as_the_app_opens_it(qtbot, None)
    assert not window.notice.isVisible()
