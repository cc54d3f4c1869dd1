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

from tests.gui.test_quit_unsaved import FlakyStore
from timer_app.core.clock import FakeClock
from timer_app.core.history import SessionStatus
from timer_app.gui import app as app_module
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.unsaved_writes import UnsavedAnswer
from timer_app.gui.session.view import SessionView
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


def test_the_summary_says_at_once_that_the_session_is_not_saved_yet(
    qtbot: QtBot, read_only_file: Path
) -> None:
    window = window_as_the_app_opens_it(qtbot, "knee-to-chest")
    view = window.session_view
    view.presenter.start()  # what Space calls
    view.presenter.end()
    assert view.shown is Screen.SUMMARY
    note = view.summary.saved_note
    # Was empty until Save or leaving: the results looked saved.
    assert note.isVisible()
    assert note.text() == (
        f"Not saved yet: Your history cannot be saved in {read_only_file.parent} "
        "(attempt to write a readonly database). It is kept and will be retried."
    )
    assert note.text().startswith(view.running.saving.text().split(":")[0])
    view.summary.notes.setPlainText("Felt looser.")
    assert note.text().startswith("Not saved yet:")  # still true after an edit
    view.summary.notes.clear()
    view.summary.save_button.click()  # nothing new to save: was "Saved."
    assert note.text().startswith("Not saved yet:")
    window.ask_unsaved = lambda title, text: UnsavedAnswer.QUIT_ANYWAY


def ended_while_the_disk_is_full(qtbot: QtBot) -> tuple[FlakyStore, SessionView]:
    """A knee-to-chest session started and ended while its history cannot be written."""
    flaky = FlakyStore(SqliteHistoryStore.open())
    window = build_main_window(
        start="knee-to-chest",
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=flaky,
    )
    qtbot.addWidget(window)
    view = window.session_view
    view.presenter.start()
    flaky.down = True
    view.presenter.end()
    return flaky, view


def test_the_note_says_saved_once_the_waiting_writes_land(qtbot: QtBot) -> None:
    flaky, view = ended_while_the_disk_is_full(qtbot)
    assert view.summary.saved_note.text() == (
        "Not saved yet: the disk is full It is kept and will be retried."
    )
    flaky.down = False
    assert view.recorder is not None and view.recorder.flush()
    assert view.summary.saved_note.text() == "Saved."
    assert flaky.store.list_sessions()[0].status is SessionStatus.ENDED_EARLY


def test_after_an_edit_the_landed_writes_do_not_claim_the_edit_saved(qtbot: QtBot) -> None:
    flaky, view = ended_while_the_disk_is_full(qtbot)
    view.summary.notes.setPlainText("Felt looser.")  # not handed to the recorder yet
    assert view.summary.saved_note.text().startswith("Not saved yet:")
    flaky.down = False
    assert view.recorder is not None and view.recorder.flush()
    assert view.summary.saved_note.text() == ""  # not "Saved.": the notes are not
    view.save_summary()
    assert view.summary.saved_note.text() == "Saved."
    assert flaky.store.list_sessions()[0].notes == "Felt looser."
