"""A stage's change that would take a routine past the format's limits, in a
programme that was never checked against it (a folder's file, or a routine
changed since): the card says it is not applied and Start plays the file's doses,
never 1 s stretches or a session of hundreds of hours."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import PARIS
from timer_app.core.programme.model import ChangeOp, DoseChange
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 3, 16)
EIGHT = programme_support.EIGHT
SHORTER = replace(
    EIGHT,
    stages=(
        replace(EIGHT.stages[1], first_week=1, last_week=None,
                changes=(DoseChange("hold", ChangeOp.SUBTRACT, 600),)),
    ),
)  # fmt: skip


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def test_a_change_past_the_limits_is_refused_with_a_plain_message(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme_support.install(monkeypatch, SHORTER)
    ProgrammeRecords(store.connection).start(
        SHORTER.id, TODAY, datetime.combine(TODAY, time(8), PARIS)
    )
    model = AppModel(history=store)
    model.programme.today = lambda: TODAY
    model.load_routines(background=False)
    page = RoutinesPage(model)
    qtbot.addWidget(page)
    page.show()
    card = page.programme_card
    assert card.message.isVisible()
    assert card.message.text() == (
        "Stage 1's change is not applied to core-routine, which keeps its file's doses: this "
        "change takes the hold of Knee-to-chest stretch in core-routine below the 1 s minimum "
        "(30 s in its file, minus 10 min). Ask your therapist for a corrected programme file."
    )
    plain = next(r for r in page.routines() if r.id == "core-routine")
    with qtbot.waitSignal(page.sig_start) as started:
        card.routine_buttons[0].click()
    assert started.args[0].exercises == plain.exercises  # the file's 30 s, not 1 s
    assert model.programme.prescribed(plain) == (plain, None)  # no "Stage 1 doses" line
