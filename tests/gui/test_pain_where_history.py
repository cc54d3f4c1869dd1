"""The History page with a real SQLite history: where the pain went shows in the
pain column and is marked on the chart."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import add_session
from timer_app.core.pain_location import PainLocation, PainShift
from timer_app.core.routine import Frequency
from timer_app.core.session_table import PAIN as PAIN_COLUMN
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 11, 20)


def test_pain_column_and_chart_show_where_the_pain_went(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    # Three days: leg pain gone to the back, then spreading below the knee, then
    # a session where the place was not asked.
    central = add_session(store, day=TODAY - timedelta(days=2), pain_before=6, pain_after=3)
    store.set_pain_where_before(central, PainLocation.THIGH)
    store.set_pain_where_after(central, PainLocation.BACK)
    spread = add_session(store, day=TODAY - timedelta(days=1), pain_before=4, pain_after=4)
    store.set_pain_where_before(spread, PainLocation.BUTTOCK)
    store.set_pain_where_after(spread, PainLocation.BELOW_KNEE)
    add_session(store, day=TODAY, pain_before=3, pain_after=2)
    page = HistoryPage(AppModel(history=store), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.set_frequencies({"my-stretch": Frequency(1, "day")})
    page.refresh()
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)

    cells = [page.table.item(row, PAIN_COLUMN).text() for row in range(3)]  # newest first
    assert cells == [
        "3 → 2",
        "4 → 4 (buttock → below the knee, spreading down the leg)",
        "6 → 3 (thigh → back, centralising)",
    ]

    chart = page.chart
    chart.grab()  # paints it
    assert chart.drawn_shift_marks == [
        (TODAY - timedelta(days=2), PainShift.CENTRALISING),
        (TODAY - timedelta(days=1), PainShift.PERIPHERALISING),
    ]
    assert "toward the spine in 1, down the leg in 1" in chart.accessibleDescription()
