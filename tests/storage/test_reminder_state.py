"""The reminder state file: what was shown and snoozed survives a save and a load,
old days are dropped, and a damaged or hand-edited file is never a crash."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from timer_app.core.reminders.schedule import ReminderState
from timer_app.storage.reminder_state import load_reminder_state, save_reminder_state

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)


def test_saved_and_read_back(tmp_path: Path) -> None:
    state = ReminderState(
        shown={("2026-03-10", "08:00"), ("2026-03-01", "08:00")},
        snoozed_until=datetime(2026, 3, 10, 8, 15, tzinfo=LONDON),
        snoozes_used={("2026-03-10", "08:00")},
        snoozed=("2026-03-10", "08:00"),
    )
    path = tmp_path / "reminder-state.json"
    save_reminder_state(state, TODAY, path)
    again = load_reminder_state(path)
    assert again.shown == {("2026-03-10", "08:00")}  # 1 March is long gone
    assert again.snoozed == ("2026-03-10", "08:00")
    assert again.snoozed_until == state.snoozed_until
    assert again.snoozes_used == {("2026-03-10", "08:00")}
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[1, 2]",
        '{"shown": "08:00"}',
        '{"shown": [["yesterday", "08:00"], [1, 2], ["2026-03-10"]]}',
        '{"snoozed": ["2026-03-10", "08:00"], "snoozed_until": "08:15"}',
        '{"snoozed_until": "2026-03-10T08:15:00+00:00"}',
    ],
)
def test_a_damaged_file_means_nothing_shown_yet(tmp_path: Path, text: str) -> None:
    path = tmp_path / "reminder-state.json"
    path.write_text(text, encoding="utf-8")
    assert load_reminder_state(path) == ReminderState()


def test_one_bad_entry_does_not_lose_the_others(tmp_path: Path) -> None:
    path = tmp_path / "reminder-state.json"
    path.write_text(json.dumps({"shown": [["2026-03-10", "08:00"], ["x", 1]]}), encoding="utf-8")
    assert load_reminder_state(path).shown == {("2026-03-10", "08:00")}


def test_no_file_is_nothing_shown(tmp_path: Path) -> None:
    assert load_reminder_state(tmp_path / "absent.json") == ReminderState()
