"""The ready screen's summary line, in the words a person reads."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core.plan import build_plan
from timer_app.gui.session.panels import ReadyPanel
from timer_app.storage.routines.catalog import find_routine


@pytest.mark.parametrize(
    ("routine_id", "expected"),
    [("knee-to-chest", "1 exercise · about 4 min"), ("core-routine", "4 exercises · about")],
)
def test_the_summary_counts_exercises_in_plain_english(
    qtbot: QtBot, routine_id: str, expected: str
) -> None:
    panel = ReadyPanel()
    qtbot.addWidget(panel)
    panel.show_routine(build_plan(find_routine(routine_id)), first_run=False, ask_pain=False)
    assert panel.summary.text().startswith(expected)
