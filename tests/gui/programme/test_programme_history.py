"""The History page shows each session's stage, the programme's stage changes,
flare-ups and the next-morning checks (real history file)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import PARIS, add_session
from timer_app.core.programme.monitoring import MorningAnswer
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


def at(day: int, hour: int = 8) -> datetime:
    return datetime.combine(date(2026, 3, day), time(hour), PARIS)


def test_the_history_page_shows_stages_flare_ups_and_mornings(qtbot: QtBot, data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, at(1), routine_id="gentle-start")  # before the programme
    records = ProgrammeRecords(store.connection)
    records.start("sciatica-test", date(2026, 3, 2), at(2))
    add_session(store, at(2), routine_id="gentle-start")
    records.record_morning_check(date(2026, 3, 3), MorningAnswer.WORSE, at(3))
    records.record_marker(True, date(2026, 3, 15), at(15))
    records.change_stage(1, date(2026, 3, 16), at(16))
    records.start_flare_up(date(2026, 3, 17), date(2026, 3, 19), "knee-to-chest", at(17))
    add_session(store, at(18), routine_id="gentle-start")
    model = AppModel(history=store)
    model.load_routines(background=False)
    page = HistoryPage(model, today=lambda: date(2026, 3, 20))
    qtbot.addWidget(page)
    page.show()

    assert page.programme_panel.isVisible()
    assert page.programme_panel.lines.text().splitlines() == [
        "Tue 17 Mar: flare-up plan until Thu 19 Mar",
        "Mon 16 Mar: moved on to stage 2, Increase hold times",
        "Sun 15 Mar: end of stage 1, Learn proper form: Less morning stiffness? Yes",
        "Tue 03 Mar: morning check: worse",
        "Mon 02 Mar: started Sciatica – test programme (stage 1, Learn proper form)",
    ]
    last = page.table.columnCount() - 1
    assert page.table.horizontalHeaderItem(last).text() == "Stage"
    stages = [page.table.item(row, last).text() for row in range(page.table.rowCount())]
    assert stages == ["2, Increase hold times · flare-up", "1, Learn proper form", ""]
    store.close()


def test_without_a_programme_the_history_page_is_as_before(qtbot: QtBot, data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, at(1))
    model = AppModel(history=store)
    page = HistoryPage(model, today=lambda: date(2026, 3, 20))
    qtbot.addWidget(page)
    page.show()
    assert not page.programme_panel.isVisible()
    assert page.table.horizontalHeaderItem(page.table.columnCount() - 1).text() != "Stage"
    store.close()


def test_the_history_figures_follow_the_stage_frequency(qtbot: QtBot, data_dir: Path) -> None:
    # Stage 1 asks for gentle-start twice a day; after the morning's session the
    # card says "session 1 of 2 done", and the History page said "Done today ✓".
    store = SqliteHistoryStore.open()
    ProgrammeRecords(store.connection).start("sciatica-test", date(2026, 3, 2), at(2))
    add_session(store, at(5), routine_id="gentle-start")
    model = AppModel(history=store)
    model.load_routines(background=False)
    page = HistoryPage(model, today=lambda: date(2026, 3, 5))
    qtbot.addWidget(page)
    page.show()

    assert page.today_value.text() == "Session 2 of 2 today"
    store.close()
