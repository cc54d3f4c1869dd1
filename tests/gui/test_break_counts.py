"""Standing breaks on the History page: a count per day, never a streak."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from tests.storage.history_support import PARIS
from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage.history.break_records import BreakRecords
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.reminder_settings import reminders_to_json

TODAY = date(2026, 3, 12)  # a Thursday


def page_for(qtbot: QtBot, model: AppModel) -> HistoryPage:
    page = HistoryPage(model, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    return page


def test_each_days_count_for_the_last_week(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    breaks = BreakRecords(store.connection)
    for day, hour in ((12, 9), (12, 11), (10, 10), (5, 10), (6, 14), (6, 15)):
        breaks.record(datetime(2026, 3, day, hour, 0, tzinfo=PARIS))
    page = page_for(qtbot, AppModel(history=store))
    line = page.break_counts.line.text()
    assert page.break_counts.isVisible()
    # The 5th is eight days back: not shown. A day with none is a dash.
    assert line == (
        "Standing breaks taken, each day: Fri 2 · Sat – · Sun – · Mon – · Tue 1 · Wed – · today 2"
    )
    assert "streak" not in line.lower()
    store.close()


def test_a_new_break_shows_when_the_history_changes(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    model = AppModel(history=store)
    model.update_settings(reminders=reminders_to_json(ReminderSettings(breaks_enabled=True)))
    page = page_for(qtbot, model)
    assert page.break_counts.line.text().endswith("Wed – · today –")
    BreakRecords(store.connection).record(datetime(2026, 3, 12, 10, 0, tzinfo=PARIS))
    model.history_written()
    assert page.break_counts.line.text().endswith("Wed – · today 1")
    store.close()


def test_hidden_while_breaks_are_off_and_none_were_taken(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    page = page_for(qtbot, AppModel(history=store))
    assert not page.break_counts.isVisible()
    store.close()
