"""A stage's routine gets the stage's doses however it is started: the programme
card, the Routines page's Start, or `timer-app --start ID` (real history file)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import PARIS
from timer_app.core.clock import FakeClock
from timer_app.core.local_time import local_today
from timer_app.core.plan import StepKind
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import load_catalog
from timer_app.storage.settings import Settings


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


def holds(window: MainWindow) -> list[float]:
    plan = window.session_view.plan
    assert plan is not None
    return [s.duration or 0 for s in plan.steps if s.kind is StepKind.HOLD]


def in_stage_2(store: SqliteHistoryStore) -> None:
    today = local_today()
    records = ProgrammeRecords(store.connection)
    begun = datetime.combine(today - timedelta(days=15), time(8), PARIS)
    records.start("sciatica-test", today - timedelta(days=15), begun)
    records.change_stage(1, today - timedelta(days=1), begun)  # Increase hold times: +15 s


def test_start_by_id_gets_the_stages_longer_holds(qtbot: QtBot, data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    in_stage_2(store)
    window = build_main_window(
        start="core-routine",
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=store,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_page() == "session")
    plain = [
        e.hold for e in load_catalog().routines["core-routine"].exercises if e.hold is not None
    ]
    assert plain and holds(window)
    # Each hold of the file, 15 s longer, as the card's Start gives them.
    assert set(holds(window)) == {h + 15 for h in plain}
    store.close()


def test_a_routine_outside_the_stage_is_as_its_file(qtbot: QtBot, data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    in_stage_2(store)
    window = build_main_window(
        start="knee-to-chest",
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=store,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_page() == "session")
    assert set(holds(window)) == {30}
    store.close()
