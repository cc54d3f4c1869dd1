"""A programme's first day: within a year of today in the Start dialog, and a start
date stored years away (bad data) said plainly on the card, which still stops it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import PARIS
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.gui.programme.dialogs import StartProgrammeDialog
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def make_page(qtbot: QtBot, store: SqliteHistoryStore) -> RoutinesPage:
    model = AppModel(history=store)
    model.programme.today = lambda: TODAY
    model.load_routines(background=False)
    page = RoutinesPage(model)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_the_start_dialog_keeps_the_first_day_within_a_year(qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    dialog = StartProgrammeDialog({}, TODAY)
    qtbot.addWidget(dialog)
    dialog.first_day.setDate(QDate(9999, 12, 31))  # as typed into the field
    assert dialog.chosen()[1] == date(2027, 3, 17)
    dialog.first_day.setDate(QDate(1900, 1, 1))
    assert dialog.chosen()[1] == date(2025, 3, 15)
    dialog.first_day.setDate(QDate(2025, 9, 1))  # a plan begun months ago: kept
    assert dialog.chosen()[1] == date(2025, 9, 1)
    assert "up to a year before or after today" in dialog.window_note.text()


@pytest.mark.parametrize("stored", [date(9999, 12, 31), date(1, 1, 1), date(1900, 1, 1)])
def test_a_stored_start_years_away_is_said_plainly_and_can_be_stopped(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch, stored: date
) -> None:
    from PySide6.QtWidgets import QMessageBox

    # Written by a version that did not check the date ("Something went wrong" at
    # every start, and the card said the bundled programme was not found).
    ProgrammeRecords(store.connection).start(
        "sciatica-test", stored, datetime.combine(TODAY, time(8), PARIS)
    )
    card = make_page(qtbot, store).programme_card
    assert card.headline.text() == (
        f"Your programme's start date, {stored.isoformat()}, is more than a year from "
        "today, so its weeks cannot be counted. Stop it, then start it again."
    )
    assert card.stop_button.isVisible() and card.start_programme_button.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    card.stop_button.click()
    assert ProgrammeRecords(store.connection).current() is None
    assert card.headline.text() == "A plan over weeks from your therapist"


def test_the_whole_window_opens_over_a_stored_start_years_away(
    qtbot: QtBot, data_dir: Path
) -> None:
    # "Something went wrong" at every start: each page that reads the programme.
    from timer_app.core.clock import FakeClock
    from timer_app.gui import app as app_module
    from timer_app.gui.window.start import build_main_window
    from timer_app.storage.settings import Settings

    store = SqliteHistoryStore.open()
    ProgrammeRecords(store.connection).start(
        "sciatica-test", date(9999, 12, 31), datetime.combine(TODAY, time(8), PARIS)
    )
    store.close()
    history, _ = app_module.open_history()
    window = build_main_window(
        start=None, clock=FakeClock(), settings=Settings(first_run_safety_seen=True),
        history=history,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    from PySide6.QtWidgets import QApplication

    for page in ("history", "safety", "routines"):
        window.show_page(page)
        QApplication.processEvents()  # the pages' queued work: an exception there fails it
    card = window.routines_page.programme_card
    assert "9999-12-31, is more than a year from today" in card.headline.text()
