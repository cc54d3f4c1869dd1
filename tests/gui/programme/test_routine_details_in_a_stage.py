"""The Routines page's detail pane for a programme stage's routine shows what Start plays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.gui.programme.test_programme_card import TODAY, enrol, make_page
from timer_app.core.describe import dose_in_words
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage.history.store import SqliteHistoryStore


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    opened = SqliteHistoryStore.open()
    yield opened
    opened.close()


def details_of(page: RoutinesPage, routine_id: str) -> str:
    assert page.select(routine_id)
    return page.details.toPlainText()


def test_a_stage_routine_shows_the_stages_doses_and_says_so(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=14), 1, TODAY - timedelta(days=1))
    page = make_page(qtbot, store)
    plain = next(r for r in page.routines() if r.id == "core-routine")
    held = next(e for e in plain.exercises if e.hold is not None)
    assert held.hold is not None
    text = details_of(page, "core-routine")
    assert "Stage 2 of 4 doses: hold 15 s longer than the file" in text
    # What Start plays: the file's hold + 15 s, not the file's.
    staged = page.model.programme.as_prescribed(plain)
    staged_held = next(e for e in staged.exercises if e.name == held.name)
    assert staged_held.hold == held.hold + 15
    assert dose_in_words(staged_held) in text
    assert dose_in_words(held) not in text
    # Another routine, outside the stage: the file's doses and no stage line.
    assert "doses:" not in details_of(page, "gentle-start")


def test_the_pane_follows_a_stage_change_and_a_stop(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=3))
    page = make_page(qtbot, store)
    assert "Stage 1 of 4 doses: as in the file" in details_of(page, "gentle-start")
    assert "doses:" not in details_of(page, "core-routine")
    with qtbot.waitSignal(page.model.programme_changed):
        page.model.programme.move_to_stage(1)
    assert "Stage 2 of 4 doses: hold 15 s longer than the file" in page.details.toPlainText()
    with qtbot.waitSignal(page.model.programme_changed):
        page.model.programme.stop()
    assert "doses:" not in page.details.toPlainText()
