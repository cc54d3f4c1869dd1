"""The History page counts a replaced routine's sessions as its successor's (`replaces:`)."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import add_session
from timer_app.core.routine import Frequency
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 11, 20)


def test_the_streak_continues_under_the_revised_routine(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    # Three days of week 2 (the old file), then yesterday and today of week 3.
    for days_ago in (4, 3, 2):
        add_session(
            store, day=TODAY - timedelta(days=days_ago), routine_id="week-2", title="Week 2"
        )
    for days_ago in (1, 0):
        add_session(
            store, day=TODAY - timedelta(days=days_ago), routine_id="week-3", title="Week 3"
        )
    add_session(store, day=TODAY, routine_id="knee-to-chest", title="Knee-to-chest stretch", hour=7)
    page = HistoryPage(AppModel(history=store), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.set_frequencies({"week-3": Frequency(1, "day"), "knee-to-chest": None})
    page.refresh()
    choices = [page.routine_choice.itemData(i) for i in range(page.routine_choice.count())]
    assert "week-2" in choices  # before the revised routine is known
    page.set_aliases({"week-2": "week-3"})
    choices = [page.routine_choice.itemData(i) for i in range(page.routine_choice.count())]
    assert sorted(choices) == ["knee-to-chest", "week-3"]
    page.routine_choice.setCurrentIndex(choices.index("week-3"))
    assert page.streak_value.text() == "5 days"
    assert page.table.rowCount() == 5
